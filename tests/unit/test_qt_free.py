"""The core never imports Qt: checked in a fresh interpreter so earlier imports cannot hide it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import summitreader

QT_FREE = ("core", "store", "index", "nlp", "ingest", "annotate", "export", "cli", "coverage")


def _modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(summitreader.__path__, "summitreader."):
        top = info.name.split(".")[1]
        if top in QT_FREE:
            names.append(info.name)
    return names


def test_core_packages_never_import_pyside6() -> None:
    modules = _modules()
    assert len(modules) > 5
    code = (
        "import sys, importlib\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt imported by the core: {out.stdout.strip()}"
