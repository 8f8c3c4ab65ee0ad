"""User-editable fixes that win over the model: an entity's type, or an alias for a canonical name.

File format (UTF-8, one row a line, '#' starts a comment, blank lines ignored):
    Yongbyon<TAB>FAC              a type row: the second column is an entity type
    U.S.<TAB>United States        an alias row: anything else in the second column
Rows read later win over earlier ones, so a library's own file (loaded after the shipped one)
can undo a shipped row.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path

from summitreader.nlp.types import ENTITY_TYPES

# When two types get the same number of votes, the earlier one here wins: a person or a place is a
# likelier reading of a capitalised name than an organisation.
_TIE_ORDER = ("PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT")


def shipped_corrections_path() -> Path:
    """The shipped corrections: in a wheel, summitreader/_resources (pyproject force-include);
    in a checkout, resources/ at the top of the repository."""
    packaged = Path(str(files("summitreader"))) / "_resources" / "corrections.tsv"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources" / "corrections.tsv"


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).casefold()


class Corrections:
    """Type and alias corrections, looked up case-insensitively."""

    def __init__(self) -> None:
        self._types: dict[str, tuple[str, str]] = {}  # key -> (name as written, type)
        self._aliases: dict[str, tuple[str, str]] = {}  # key -> (alias as written, canonical)

    @classmethod
    def load(cls, *paths: Path) -> Corrections:
        """Read the files in order (missing files are skipped); later rows win."""
        corrections = cls()
        for path in paths:
            if not path.is_file():
                continue
            for raw in path.read_text(encoding="utf-8").splitlines():
                line = raw.split("#", 1)[0].rstrip()
                if "\t" not in line:
                    continue
                left, right = (part.strip() for part in line.split("\t", 1))
                if not left or not right:
                    continue
                if right.upper() in ENTITY_TYPES:
                    corrections.add_type(left, right.upper())
                else:
                    corrections.add_alias(left, right)
        return corrections

    def add_type(self, name: str, type: str) -> None:
        if type not in ENTITY_TYPES:
            raise ValueError(f"unknown entity type {type!r}; use one of {', '.join(ENTITY_TYPES)}")
        key = _key(name)
        self._types.pop(key, None)  # re-insert so the newest row is written last
        self._types[key] = (name.strip(), type)

    def add_alias(self, alias: str, canonical: str) -> None:
        key = _key(alias)
        self._aliases.pop(key, None)
        self._aliases[key] = (alias.strip(), canonical.strip())

    def type_for(self, name: str) -> str | None:
        found = self._types.get(_key(name))
        return found[1] if found else None

    def canonical_for(self, name: str) -> str | None:
        found = self._aliases.get(_key(name))
        return found[1] if found else None

    def __len__(self) -> int:
        return len(self._types) + len(self._aliases)

    def save(self, path: Path) -> None:
        """Write every row (types, then aliases) so the file loads back to the same corrections."""
        lines = ["# SummitReader corrections: name<TAB>TYPE or alias<TAB>canonical name"]
        lines += [f"{name}\t{type}" for name, type in self._types.values()]
        lines += [f"{alias}\t{canonical}" for alias, canonical in self._aliases.values()]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def vote_type(type_counts: Mapping[str, int], corrections: Corrections, name: str) -> str:
    """One type for a canonical name: a correction if there is one, else the most-voted type."""
    corrected = corrections.type_for(name)
    if corrected:
        return corrected
    counted = {t: n for t, n in type_counts.items() if n > 0}
    if not counted:
        return "PERSON" if not type_counts else next(iter(type_counts))

    def rank(item: tuple[str, int]) -> tuple[int, int]:
        type_, count = item
        order = _TIE_ORDER.index(type_) if type_ in _TIE_ORDER else len(_TIE_ORDER)
        return (-count, order)

    return min(counted.items(), key=rank)[0]
