"""Light and dark themes: the window palette, the reader's colours, and font choices.

Colours are chosen in pairs so a speaker's quotes, an entity type's underline and a search hit
mean the same thing in both themes and stay legible on either background.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from summitreader.resources import resource_path

SERIF_FAMILIES = ("Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif")
SANS_FAMILIES = ("Inter", "Source Sans 3", "Noto Sans", "Segoe UI", "DejaVu Sans")

ENTITY_TYPE_NAMES = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Country or city",
    "LOC": "Place",
    "FAC": "Building or site",
    "NORP": "Nationality or group",
    "EVENT": "Event",
}


@dataclass(frozen=True, slots=True)
class Theme:
    """Every colour the window uses, by purpose."""

    name: str
    window: str
    paper: str
    text: str
    muted: str
    rule: str
    accent: str
    selection: str
    hit: str
    hit_current: str
    focus: str
    unattributed: str
    quote_fills: tuple[str, ...]
    quote_marks: tuple[str, ...]
    entity_colours: dict[str, str]
    note_fills: dict[str, str]
    note_marks: dict[str, str]
    diff_fill: str
    diff_mark: str
    heat: str

    @property
    def is_dark(self) -> bool:
        return self.name == "dark"

    def quote_fill(self, slot: int | None) -> QColor:
        return QColor(self.unattributed if slot is None else self.quote_fills[slot % 8])

    def quote_mark(self, slot: int | None) -> QColor:
        return QColor(self.muted if slot is None else self.quote_marks[slot % 8])

    def entity_colour(self, entity_type: str) -> QColor:
        return QColor(self.entity_colours.get(entity_type, self.muted))

    def note_fill(self, colour: str) -> QColor:
        """The background of a highlight in one of the five annotation colours."""
        return QColor(self.note_fills.get(colour, self.note_fills["yellow"]))

    def note_mark(self, colour: str) -> QColor:
        """The stronger shade of an annotation colour: underlines, margin glyphs, chips."""
        return QColor(self.note_marks.get(colour, self.note_marks["yellow"]))

    def series(self, slot: int) -> QColor:
        """A chart series colour (outlets in the coverage chart); eight, then round again."""
        return QColor(self.quote_marks[slot % len(self.quote_marks)])


LIGHT = Theme(
    name="light",
    window="#efece6",
    paper="#fcfbf8",
    text="#1f1d1a",
    muted="#6d6860",
    rule="#d9d4ca",
    accent="#a3312a",
    selection="#cfe0f5",
    hit="#ffe17a",
    hit_current="#ffa94d",
    focus="#bfe0ff",
    unattributed="#e8e5df",
    quote_fills=(
        "#fde3cb",
        "#d9eedb",
        "#dde6f8",
        "#f5dbec",
        "#ece4c4",
        "#d6eef0",
        "#e7def6",
        "#f7e0d8",
    ),
    quote_marks=(
        "#d9822b",
        "#3f9a4f",
        "#4a6fc7",
        "#c0508f",
        "#a08a2e",
        "#2e9aa3",
        "#8a62c9",
        "#c8684c",
    ),
    entity_colours={
        "PERSON": "#c0392b",
        "ORG": "#2563eb",
        "GPE": "#15803d",
        "LOC": "#0e7490",
        "FAC": "#a16207",
        "NORP": "#7c3aed",
        "EVENT": "#be185d",
    },
    note_fills={
        "yellow": "#fff09a",
        "green": "#bde9ad",
        "blue": "#c2d8ff",
        "pink": "#ffc6df",
        "purple": "#dccbff",
    },
    note_marks={
        "yellow": "#b08900",
        "green": "#2f8a3e",
        "blue": "#2d66c8",
        "pink": "#c43f7f",
        "purple": "#7447c2",
    },
    diff_fill="#ffd7cf",
    diff_mark="#a3312a",
    heat="#2d5fb8",
)

DARK = Theme(
    name="dark",
    window="#191a1d",
    paper="#212226",
    text="#e4e0d8",
    muted="#9b968d",
    rule="#34363b",
    accent="#ef8a7a",
    selection="#2f4a6b",
    hit="#76621c",
    hit_current="#a5641a",
    focus="#1f4d6e",
    unattributed="#33353a",
    quote_fills=(
        "#4a3422",
        "#24402b",
        "#28365a",
        "#4a2841",
        "#433d22",
        "#1f4447",
        "#392c54",
        "#4b2f28",
    ),
    quote_marks=(
        "#f0a35e",
        "#7cc98a",
        "#8eaaf0",
        "#e58cbf",
        "#d4bd5e",
        "#6cc9d0",
        "#b596ea",
        "#ee9a80",
    ),
    entity_colours={
        "PERSON": "#ff8a80",
        "ORG": "#82aaff",
        "GPE": "#7fd18b",
        "LOC": "#67d4e0",
        "FAC": "#e6c35c",
        "NORP": "#c3a6ff",
        "EVENT": "#f48fb1",
    },
    note_fills={
        "yellow": "#5a4c12",
        "green": "#22472a",
        "blue": "#1f3d66",
        "pink": "#5b2441",
        "purple": "#3e2d66",
    },
    note_marks={
        "yellow": "#f2cf4a",
        "green": "#7fd38a",
        "blue": "#8db3ff",
        "pink": "#f08cbf",
        "purple": "#b89cff",
    },
    diff_fill="#5c2a26",
    diff_mark="#ef8a7a",
    heat="#8db3ff",
)


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve_theme(choice: str) -> Theme:
    """`light`, `dark`, or `system` (follow the desktop's colour scheme)."""
    if choice == "dark":
        return DARK
    if choice == "light":
        return LIGHT
    return DARK if system_prefers_dark() else LIGHT


def pick_family(preferences: tuple[str, ...]) -> str:
    """The first installed family of `preferences` (the last one as a last resort)."""
    installed = set(QFontDatabase.families())
    return next((family for family in preferences if family in installed), preferences[-1])


def window_palette(theme: Theme) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: theme.window,
        role.WindowText: theme.text,
        role.Base: theme.paper,
        role.AlternateBase: theme.window,
        role.Text: theme.text,
        role.Button: theme.window,
        role.ButtonText: theme.text,
        role.Highlight: theme.selection,
        role.HighlightedText: theme.text,
        role.ToolTipBase: theme.paper,
        role.ToolTipText: theme.text,
        role.PlaceholderText: theme.muted,
        role.Link: theme.accent,
        role.Mid: theme.rule,
        role.Midlight: theme.rule,
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, colour_role, QColor(theme.muted))
    return palette


def style_sheet(theme: Theme) -> str:
    """The application style sheet with the theme's colours filled in."""
    template = Template(resource_path("styles", "app.qss").read_text(encoding="utf-8"))
    values = {
        name: getattr(theme, name)
        for name in Theme.__slots__
        if isinstance(getattr(theme, name), str)
    }
    return template.safe_substitute(values, sans=pick_family(SANS_FAMILIES))


def apply_theme(app: QApplication, theme: Theme) -> None:
    app.setStyle("Fusion")
    app.setPalette(window_palette(theme))
    app.setStyleSheet(style_sheet(theme))
