"""Render the SVG application icon to the PNG sizes desktops look for, at build time.

    python packaging/render_icons.py OUT_DIR [--svg FILE] [--sizes 16 32 ...]

Writes OUT_DIR/<N>x<N>/apps/<app id>.png, the layout of a hicolor icon theme, so OUT_DIR can be
copied into share/icons/hicolor. Nothing generated here is committed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path

APP_ID = "io.github.summitreader.SummitReader"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SVG = ROOT / "resources" / "linux" / f"{APP_ID}.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def render_icons(svg: Path, out_dir: Path, sizes: Iterable[int] = SIZES) -> list[Path]:
    """Render `svg` at each size; returns the PNG files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"not a valid SVG image: {svg}")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = out_dir / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise OSError(f"could not write {target}")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="the hicolor folder to fill")
    parser.add_argument("--svg", type=Path, default=DEFAULT_SVG)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args(argv)
    for path in render_icons(args.svg, args.out_dir, args.sizes):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
