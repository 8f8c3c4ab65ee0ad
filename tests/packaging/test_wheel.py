"""The wheel and sdist carry the resources; an installed wheel imports, searches and self-tests.

The round trip builds with `python -m build` and installs into a fresh venv (a few minutes, and
the dependencies from the package index): it runs only with SUMMITREADER_PACKAGING_TESTS=1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from summitreader import __version__

REPO = Path(__file__).resolve().parents[2]
PACKAGING_ENV = "SUMMITREADER_PACKAGING_TESTS"
packaging_only = pytest.mark.skipif(
    os.environ.get(PACKAGING_ENV) != "1", reason=f"set {PACKAGING_ENV}=1 to build and install"
)
SAMPLES = sorted(p.name for p in (REPO / "resources" / "samples").glob("*.txt"))


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path
    venv: Path


def _run(*command: str | Path, timeout: float = 900, **kwargs: object) -> str:
    done = subprocess.run(
        [str(c) for c in command],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr[-4000:]}"
    return done.stdout


def test_pyproject_maps_the_resources_into_both_archives() -> None:
    with (REPO / "pyproject.toml").open("rb") as f:
        build = tomllib.load(f)["tool"]["hatch"]["build"]["targets"]
    assert build["wheel"]["force-include"]["resources"] == "summitreader/_resources"
    assert "resources" in build["sdist"]["include"]
    assert "packaging" in build["sdist"]["include"]
    assert len(SAMPLES) >= 10
    assert (REPO / "resources" / "corrections.tsv").is_file()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    root = tmp_path_factory.mktemp("wheel")
    tools = root / "build-venv"
    _run(sys.executable, "-m", "venv", tools)
    _run(tools / "bin" / "python", "-m", "pip", "install", "-q", "build")
    dist = root / "dist"
    _run(tools / "bin" / "python", "-m", "build", "--outdir", dist, REPO)
    wheel = next(dist.glob("summitreader-*.whl"))
    sdist = next(dist.glob("summitreader-*.tar.gz"))
    venv = root / "app-venv"
    _run(sys.executable, "-m", "venv", venv)
    _run(venv / "bin" / "python", "-m", "pip", "install", "-q", wheel)
    yield Built(wheel, sdist, venv)


@packaging_only
@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_archives_list_the_samples_and_corrections(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        in_wheel = set(wheel.namelist())
    for name in SAMPLES:
        assert f"summitreader/_resources/samples/{name}" in in_wheel
    assert "summitreader/_resources/corrections.tsv" in in_wheel
    assert "summitreader/_resources/styles/app.qss" in in_wheel
    assert "summitreader/selftest.py" in in_wheel

    with tarfile.open(built.sdist) as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for name in SAMPLES:
        assert f"resources/samples/{name}" in in_sdist
    assert "resources/corrections.tsv" in in_sdist
    assert "resources/linux/io.github.summitreader.SummitReader.desktop" in in_sdist
    assert "packaging/summitreader.spec" in in_sdist


@packaging_only
@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_installed_wheel_imports_the_samples_and_passes_its_self_test(
    built: Built, tmp_path: Path
) -> None:
    app = built.venv / "bin" / "summitreader"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    env.pop("SUMMITREADER_LIBRARY", None)
    assert _run(app, "--version", env=env).strip() == f"SummitReader {__version__}"

    library = tmp_path / "library"
    report = json.loads(_run(app, "--library", library, "import", "--samples", "--json", env=env))
    assert len(report["imported"]) == len(SAMPLES)
    assert report["failed"] == []
    site = built.venv / "lib"
    assert all(Path(item["path"]).is_relative_to(site) for item in report["imported"])

    out = _run(app, "--self-test", env=env, cwd=tmp_path)
    assert out.splitlines()[-1].startswith("self-test passed"), out
