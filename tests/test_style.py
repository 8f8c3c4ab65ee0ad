"""The tree stays ruff-clean (lint and format), checked with every test run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    return subprocess.run([ruff, *args], cwd=REPO, capture_output=True, text=True, timeout=120)


def test_ruff_lint() -> None:
    result = _ruff("check", "--quiet", ".")
    assert result.returncode == 0, result.stdout[-3000:]


def test_ruff_format() -> None:
    result = _ruff("format", "--check", "--quiet", ".")
    assert result.returncode == 0, result.stdout[-3000:]
