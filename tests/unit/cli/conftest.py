"""Running the command line in-process, and one sample library the read-only tests share."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.cli import main


def run_cli(library: Path, *args: str) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of one command against `library`."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["--library", str(library), *args])
    return status, out.getvalue(), err.getvalue()


def run_json(library: Path, *args: str) -> object:
    status, out, err = run_cli(library, *args, "--json")
    assert status == 0, err
    return json.loads(out)


@pytest.fixture
def cli_json() -> Callable[..., object]:
    """Run a command with --json and return its parsed output (asserting exit status 0)."""
    return run_json


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples, imported once; tests that use it must not change it."""
    library = tmp_path_factory.mktemp("samples") / "library"
    run_json(library, "import", "--samples")
    return library
