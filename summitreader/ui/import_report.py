"""After an import: how many articles arrived, and which files failed and why."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from summitreader.core.models import ImportReport


def report_summary(report: ImportReport) -> str:
    parts = [f"{len(report.imported)} imported"]
    if report.updated:
        parts.append(f"{len(report.updated)} updated")
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} already in the library")
    if report.failed:
        parts.append(f"{len(report.failed)} failed")
    text = ", ".join(parts)
    return f"Import cancelled: {text}" if report.cancelled else text[0].upper() + text[1:]


class ImportReportDialog(QDialog):
    """Lists the files that failed with their one-line reasons."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import report")
        self.setAccessibleName("Import report")
        summary = QLabel(report_summary(report))
        summary.setObjectName("importSummary")
        self.failures = QTreeWidget()
        self.failures.setAccessibleName("Files that could not be imported")
        self.failures.setHeaderLabels(["File", "Why it failed"])
        self.failures.setRootIsDecorated(False)
        for path, reason in report.failed:
            item = QTreeWidgetItem([Path(path).name, reason])
            item.setToolTip(0, path)
            item.setToolTip(1, reason)
            self.failures.addTopLevelItem(item)
        self.failures.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.failures, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)
