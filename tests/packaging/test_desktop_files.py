"""Desktop integration files: validators, the icon, rendered PNG sizes and the install script."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from summitreader import __version__

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "resources" / "linux"
APP_ID = "io.github.summitreader.SummitReader"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON = LINUX / f"{APP_ID}.svg"
STANDARD_TYPES = {
    "text/plain",
    "text/html",
    "text/markdown",
    "application/rss+xml",
    "application/atom+xml",
}


def _load_render_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "render_icons", REPO / "packaging" / "render_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower(), done.stdout


def test_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (apt-get install appstream)")
    done = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry_names_the_app_its_icon_and_the_formats_it_imports() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "summitreader"
    assert entry["Exec"].split()[1:] == ["open", "%F"]  # files the desktop hands over
    mime_types = set(filter(None, entry["MimeType"].split(";")))
    assert mime_types >= STANDARD_TYPES


def test_metainfo_matches_the_desktop_file_and_the_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "summitreader"
    assert root.findtext("url[@type='homepage']", "").startswith("https://")
    assert root.find("developer/name") is not None
    assert root.find("content_rating") is not None
    assert len(root.findall("description/p")) >= 2
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == __version__
    assert releases[0].get("date") == "2026-11-23"
    image = root.findtext("screenshots/screenshot/image", "")
    assert image.startswith("https://") and image.endswith("/packaging/screenshots/reader.png")


def test_icon_is_a_valid_square_svg_without_text(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICON))
    assert renderer.isValid()
    size = renderer.defaultSize()
    assert size.width() == size.height() > 0
    root = ET.parse(ICON).getroot()
    assert not root.findall(".//{http://www.w3.org/2000/svg}text"), "icons must not rely on text"


def test_render_icons_writes_every_size(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    render_icons = _load_render_icons()
    written = render_icons.render_icons(ICON, tmp_path)
    assert len(written) == len(render_icons.SIZES) == 6
    for size in render_icons.SIZES:
        png = tmp_path / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        centre = image.pixelColor(size // 2, size // 2)
        corner = image.pixelColor(0, 0)
        assert centre.alpha() == 255, f"{size} px icon is empty in the middle"
        assert corner.alpha() == 0, f"{size} px icon has no transparent corner"


@pytest.mark.qt_log_ignore("Cannot read file")
def test_render_icons_refuses_an_invalid_svg(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg><rect", encoding="utf-8")
    with pytest.raises(ValueError, match="not a valid SVG"):
        _load_render_icons().render_icons(broken, tmp_path / "out")


def test_install_script_installs_and_uninstalls(tmp_path: Path) -> None:
    launcher = Path(sys.executable).with_name("summitreader")
    if not launcher.is_file():
        pytest.skip("the summitreader launcher is not installed beside this Python")
    prefix = tmp_path / "prefix"
    script = REPO / "packaging" / "install_desktop.sh"
    env = dict(os.environ, SUMMITREADER=str(launcher), PYTHON=sys.executable)
    done = subprocess.run(
        ["bash", str(script), "--prefix", str(prefix)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    share = prefix / "share"
    desktop = share / "applications" / DESKTOP.name
    assert f"Exec={launcher} open %F" in desktop.read_text(encoding="utf-8").splitlines()
    assert (share / "metainfo" / METAINFO.name).is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / ICON.name).is_file()
    for size in (16, 32, 48, 64, 128, 256):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()

    done = subprocess.run(
        ["bash", str(script), "--prefix", str(prefix), "--uninstall"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not desktop.exists()
    assert not list((share / "icons").rglob(f"{APP_ID}.*"))
