"""File ▸ Export Notes… and Import Notes…: choosing a format and a place, and the reports after.

The writing and reading happen in the annotation service on a worker; this module only asks
where and how, and says afterwards what happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """How to export: `fmt` is "markdown" or "w3c"; Markdown may go one file per article."""

    label: str
    fmt: str
    per_article: bool
    suffix: str


EXPORT_CHOICES = (
    ExportChoice("Markdown, one file", "markdown", False, ".md"),
    ExportChoice("Markdown, one file per article (into a folder)", "markdown", True, ""),
    ExportChoice("W3C Web Annotations (JSON-LD), for other tools", "w3c", False, ".jsonld"),
)


class ExportNotesDialog(QDialog):
    """Asks which format; the window then asks for a file or a folder."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export notes")
        self.setAccessibleName("Export notes")
        noun = "note" if count == 1 else "notes"
        intro = QLabel(f"Export {count} {noun} with their passages, tags and sources as:")
        intro.setWordWrap(True)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for number, choice in enumerate(EXPORT_CHOICES):
            button = QRadioButton(choice.label)
            self.group.addButton(button, number)
            layout.addWidget(button)
        self.group.button(0).setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> ExportChoice:
        return EXPORT_CHOICES[max(0, self.group.checkedId())]


def export_summary(paths: list[Path]) -> str:
    if not paths:
        return "There were no notes to export"
    if len(paths) == 1:
        return f"Notes exported to {paths[0]}"
    return f"Notes exported to {len(paths)} files in {paths[0].parent}"


def import_summary(report: object) -> str:
    """'3 added, 1 updated, 2 unchanged, 1 failed' from an import report."""
    parts = []
    for name in ("added", "updated", "unchanged", "failed"):
        value = getattr(report, name, None)
        count = value if isinstance(value, int) else len(value or ())
        if count or name == "added":
            parts.append(f"{count} {name}")
    return "Notes imported: " + ", ".join(parts)


def import_failures(report: object) -> list[str]:
    """One line per note that could not be imported, when the report lists them."""
    failed = getattr(report, "failed", None)
    if not failed or isinstance(failed, int):
        return []
    lines = []
    for item in failed:
        if isinstance(item, tuple) and len(item) == 2:
            lines.append(f"{item[0]}: {item[1]}")
        else:
            lines.append(str(item))
    return lines
