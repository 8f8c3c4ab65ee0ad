"""The PyInstaller bundle builds, and starts and passes its self-test with no Python around.

Several minutes of build: runs only with SUMMITREADER_PACKAGING_TESTS=1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from summitreader import __version__

REPO = Path(__file__).resolve().parents[2]
PACKAGING_ENV = "SUMMITREADER_PACKAGING_TESTS"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get(PACKAGING_ENV) != "1", reason=f"set {PACKAGING_ENV}=1 to build the bundle"
    ),
]


@pytest.mark.timeout(2400)
def test_bundle_builds_and_passes_its_self_test_without_python(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "packaging" / "build_bundle.py"),
            "--dist",
            str(dist),
            "--work",
            str(tmp_path / "work"),
            "--no-check",
        ],
        capture_output=True,
        text=True,
        timeout=2300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr[-6000:]
    executable = dist / "SummitReader" / "summitreader"
    assert executable.is_file()

    # What a desktop session offers: no virtualenv, no PYTHONPATH, no Python of ours on PATH.
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    version = subprocess.run(
        [str(executable), "--version"], env=env, capture_output=True, text=True, timeout=120
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"SummitReader {__version__}"

    test = subprocess.run(
        [str(executable), "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=home,
    )
    assert test.returncode == 0, test.stdout + test.stderr[-6000:]
    assert "ok   language model" in test.stdout and "spaCy" in test.stdout
    assert test.stdout.splitlines()[-1].startswith("self-test passed"), test.stdout
