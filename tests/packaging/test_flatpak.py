"""The Flatpak manifest (it cannot be built here): its shape, and requirements kept in step."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
FLATPAK = REPO / "packaging" / "flatpak"
APP_ID = "io.github.summitreader.SummitReader"


def _requirement_lines(path: Path) -> dict[str, str]:
    """name (normalised) -> the whole requirement, from a requirements file or pyproject list."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return _by_name(line.split("#", 1)[0].strip() for line in lines)


def _by_name(requirements: Iterable[str]) -> dict[str, str]:
    found = {}
    for requirement in requirements:
        if requirement:
            name = re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0]
            found[re.sub(r"[-_.]+", "-", name).lower()] = requirement.replace(" ", "")
    return found


def test_manifest_runs_the_app_on_the_kde_runtime_with_the_pyside_baseapp() -> None:
    manifest = yaml.safe_load((FLATPAK / f"{APP_ID}.yml").read_text(encoding="utf-8"))
    assert manifest["app-id"] == APP_ID
    assert manifest["command"] == "summitreader"
    assert manifest["runtime"] == "org.kde.Platform"
    assert manifest["sdk"] == "org.kde.Sdk"
    assert manifest["base"] == "io.qt.PySide.BaseApp"
    assert manifest["base-version"] == manifest["runtime-version"]
    assert str(manifest["runtime-version"]).startswith("6.")
    app = manifest["modules"][-1]
    commands = "\n".join(app["build-commands"])
    assert "--no-deps" in commands and "--no-index" in commands
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", f"{APP_ID}.svg"):
        assert (REPO / "resources" / "linux" / name).is_file()
        assert name.replace(APP_ID, "${FLATPAK_ID}") in commands
    assert (FLATPAK / app["sources"][0]["path"]).resolve() == REPO
    assert "packaging/render_icons.py" in commands
    assert (REPO / "packaging" / "render_icons.py").is_file()


def test_flatpak_requirements_are_pyprojects_without_pyside() -> None:
    with (REPO / "pyproject.toml").open("rb") as f:
        declared = _by_name(tomllib.load(f)["project"]["dependencies"])
    flatpak = _requirement_lines(FLATPAK / "requirements.txt")
    assert "pyside6-essentials" in declared
    assert "pyside6-essentials" not in flatpak
    for name, requirement in declared.items():
        if name != "pyside6-essentials":
            assert flatpak.get(name) == requirement, f"{name}: update requirements.txt"
