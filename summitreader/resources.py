"""Bundled resources (samples, corrections, styles, icons), found alike in a checkout and a wheel.

In a wheel the top-level `resources/` folder is packaged as `summitreader/_resources`; in a
checkout (editable install) it sits beside the package.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def resource_dir() -> Path:
    packaged = Path(str(resources.files("summitreader"))) / "_resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("SummitReader's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def sample_files() -> list[Path]:
    """The bundled sample articles, in reading order (the folder's README is not one)."""
    folder = resource_path("samples")
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix in {".txt", ".md", ".html"} and p.stem.upper() != "README"
    )
