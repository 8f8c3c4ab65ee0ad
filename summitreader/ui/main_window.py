"""The main window: the article list beside the reading pane."""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTextBrowser,
)

from summitreader.core.library import Library


class _SampleImport(QThread):
    """Loads the samples off the GUI thread."""

    finished_with = Signal(int)

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def run(self) -> None:
        report = self.library.import_samples()
        self.finished_with.emit(len(report.imported))


class MainWindow(QMainWindow):
    def __init__(self, library: Library, *, load_samples: bool = False) -> None:
        super().__init__()
        self.library = library
        self.setWindowTitle("SummitReader")
        self.resize(1200, 800)
        self.article_list = QListWidget()
        self.article_list.setAccessibleName("Articles")
        self.reader = QTextBrowser()
        self.reader.setAccessibleName("Reader")
        splitter = QSplitter()
        splitter.addWidget(self.article_list)
        splitter.addWidget(self.reader)
        splitter.setSizes([380, 820])
        self.setCentralWidget(splitter)
        self.article_list.currentItemChanged.connect(self._open_current)
        self._sample_import: _SampleImport | None = None
        self.reload()
        if load_samples and library.count() == 0:
            self.statusBar().showMessage("Loading the sample articles…")
            self._sample_import = _SampleImport(library)
            self._sample_import.finished_with.connect(self._samples_loaded)
            self._sample_import.start()

    def _samples_loaded(self, count: int) -> None:
        self.statusBar().showMessage(f"Loaded {count} sample articles", 5000)
        self.reload()

    def reload(self) -> None:
        self.article_list.clear()
        for summary in self.library.list():
            item = QListWidgetItem(
                f"{summary.title}\n{summary.source or ''}  {(summary.published or '')[:10]}"
            )
            item.setData(256, summary.id)
            self.article_list.addItem(item)

    def _open_current(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        article = self.library.get(int(item.data(256)))
        if article is None:
            return
        self.reader.setPlainText(article.title + "\n\n" + article.text)

    def closeEvent(self, event: object) -> None:
        if self._sample_import is not None:
            self._sample_import.wait()
        super().closeEvent(event)  # type: ignore[arg-type]
