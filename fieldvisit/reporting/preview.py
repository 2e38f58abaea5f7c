"""Pictures of a PDF's first pages for a preview, drawn by poppler's ``pdftoppm`` when it is
installed (it is on Linux with poppler-utils; elsewhere the preview is simply not offered)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path


@cache
def preview_available() -> bool:
    return shutil.which("pdftoppm") is not None


def page_images(pdf: bytes, first: int = 1, last: int = 3, dpi: int = 60) -> list[bytes]:
    """PNG images of pages ``first``..``last`` of ``pdf``."""
    program = shutil.which("pdftoppm")
    if program is None:
        raise FileNotFoundError("pdftoppm (poppler-utils) is not installed")
    with tempfile.TemporaryDirectory(prefix="fieldvisit-preview-") as folder:
        source = Path(folder) / "report.pdf"
        source.write_bytes(pdf)
        subprocess.run([program, "-r", str(dpi), "-png", "-f", str(first), "-l", str(last),
                        str(source), str(Path(folder) / "page")],
                       check=True, capture_output=True, timeout=60)
        pages = sorted(Path(folder).glob("page-*.png"),
                       key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [page.read_bytes() for page in pages]
