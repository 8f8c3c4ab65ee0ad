"""What an empty library shows: what the app is for and one click to try it on samples."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeView(QWidget):
    """Shown until the library has articles.

    Signals:
        load_samples_requested(): load the bundled sample story.
        import_requested(): choose files to import.
    """

    load_samples_requested = Signal()
    import_requested = Signal()

    def __init__(self, library_path: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAccessibleName("Welcome")
        title = QLabel("Follow one story across every outlet")
        title.setObjectName("welcomeTitle")
        title.setWordWrap(True)
        body = QLabel(
            "Import saved web pages, feeds and text files, then see who said what and who is "
            "mentioned, and search every source at once. Drop files or folders anywhere on this "
            "window, or start with the sample story: fourteen articles on the Tagus water talks."
        )
        body.setObjectName("welcomeBody")
        body.setWordWrap(True)
        self.samples_button = QPushButton("Load the sample articles")
        self.samples_button.setObjectName("primaryButton")
        self.samples_button.setAccessibleName("Load the sample articles")
        self.import_button = QPushButton("Import files…")
        self.import_button.setAccessibleName("Import files")
        buttons = QHBoxLayout()
        buttons.addWidget(self.samples_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(2)
        column.addWidget(title)
        column.addSpacing(12)
        column.addWidget(body)
        column.addSpacing(20)
        column.addLayout(buttons)
        if library_path:
            where = QLabel(f"Your library lives in {library_path}")
            where.setObjectName("welcomeWhere")
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addSpacing(16)
            column.addWidget(where)
        column.addStretch(3)
        inner = QWidget()
        inner.setLayout(column)
        inner.setMaximumWidth(560)
        layout = QHBoxLayout(self)
        layout.addWidget(inner, 0, Qt.AlignmentFlag.AlignHCenter)
        self.samples_button.clicked.connect(self.load_samples_requested)
        self.import_button.clicked.connect(self.import_requested)
