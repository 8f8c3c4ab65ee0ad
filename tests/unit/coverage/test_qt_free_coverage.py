"""The coverage package stays usable without Qt (the CLI and the window's workers both use it)."""

from __future__ import annotations

import subprocess
import sys


def test_coverage_never_imports_pyside6() -> None:
    code = (
        "import sys, pkgutil, importlib, summitreader.coverage as c\n"
        "for info in pkgutil.walk_packages(c.__path__, 'summitreader.coverage.'):\n"
        "    importlib.import_module(info.name)\n"
        "qt = ('PySide6', 'shiboken6')\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(qt))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
