"""Render the application icon from ``resources/icons/fieldvisit.svg``.

Writes, from the one SVG:

- ``resources/icons/hicolor/<N>x<N>/apps/fieldvisit.png`` for the freedesktop icon theme sizes
  (installed on Linux by ``packaging/install-desktop-files.sh``);
- ``packaging/fieldvisit.ico`` (Windows executable icon, used by ``packaging/fieldvisit.spec``);
- ``packaging/fieldvisit.icns`` (macOS application icon, used by the spec's ``BUNDLE``).

Uses PySide6's QSvgRenderer (offscreen, no display needed) and Pillow for the .ico and .icns
containers; both are dependencies of FieldVisit already. Run from anywhere:

    python packaging/render_icons.py

The output is committed; run again after changing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "fieldvisit.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
ICO = ROOT / "packaging" / "fieldvisit.ico"
ICNS = ROOT / "packaging" / "fieldvisit.icns"
ICON_NAME = "fieldvisit"

#: freedesktop hicolor sizes we ship as PNG
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: the sizes Windows picks from an .ico (256 is stored as PNG inside it)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
#: the sizes an .icns holds (16…512 at 1x and 2x, hence 1024)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn into a transparent ``size`` × ``size`` image, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"cannot encode the {size} px icon")
    buffer.close()
    return bytes(data.data())


def hicolor_path(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _pillow_images(sizes: tuple[int, ...]) -> list:
    from PIL import Image

    return [Image.open(io.BytesIO(render_png(SVG, size))).convert("RGBA") for size in sizes]


def container(kind: str, sizes: tuple[int, ...]) -> bytes:
    """An .ico or .icns holding an exact rendering at each size (not one image rescaled)."""
    images = _pillow_images(sizes)
    largest = images[-1]
    out = io.BytesIO()
    if kind == "ICO":
        largest.save(out, "ICO", sizes=[(s, s) for s in sizes], append_images=images[:-1])
    else:
        largest.save(out, "ICNS", append_images=images[:-1])
    return out.getvalue()


def main() -> int:
    changed: list[Path] = []
    for size in PNG_SIZES:
        path = hicolor_path(size)
        if write_if_changed(path, render_png(SVG, size)):
            changed.append(path)
    for path, kind, sizes in ((ICO, "ICO", ICO_SIZES), (ICNS, "ICNS", ICNS_SIZES)):
        if write_if_changed(path, container(kind, sizes)):
            changed.append(path)
    for path in changed:
        print(f"wrote {path.relative_to(ROOT)}")
    if not changed:
        print("icons are up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
