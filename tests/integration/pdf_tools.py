"""Reading a PDF back with poppler (pdftotext, pdffonts) and pypdf, for the report's tests."""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

_LINE = re.compile(r"<line xMin=\"([\d.]+)\" yMin=\"[\d.]+\" xMax=\"([\d.]+)\"[^>]*>(.*?)</line>",
                   re.S)
_WORD = re.compile(r"<word[^>]*>(.*?)</word>", re.S)
_PAGE = re.compile(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>", re.S)


def write(pdf: bytes, folder: Path, name: str = "report.pdf") -> Path:
    path = folder / name
    path.write_bytes(pdf)
    return path


def text(pdf: bytes, folder: Path, layout: bool = True) -> str:
    path = write(pdf, folder)
    command = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def compact(value: str) -> str:
    """Without any white space: table columns and wrapped lines stop mattering."""
    return re.sub(r"\s+", "", value)


def assert_in_order(haystack: str, needles: list[str]) -> None:
    position = 0
    for needle in needles:
        found = haystack.find(compact(needle), position)
        assert found >= 0, f"{needle!r} not found after position {position}"
        position = found + len(compact(needle))


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    x_min: float
    x_max: float
    page_width: float


def lines(pdf: bytes, folder: Path) -> list[Line]:
    """Every line of text as poppler sees it (per block, so table cells are apart)."""
    path = write(pdf, folder)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", str(path), "-"],
                         check=True, capture_output=True).stdout.decode("utf-8", "replace")
    # (poppler writes a title beyond U+FFFF in the page's head as invalid UTF-8)
    found = []
    for number, (width, _height, body) in enumerate(_PAGE.findall(out), start=1):
        for x_min, x_max, inner in _LINE.findall(body):
            words = [html.unescape(w) for w in _WORD.findall(inner)]
            found.append(Line(number, " ".join(words), float(x_min), float(x_max),
                              float(width)))
    return found


@dataclass(frozen=True)
class Font:
    name: str
    type: str
    embedded: bool


def fonts(pdf: bytes, folder: Path) -> list[Font]:
    path = write(pdf, folder)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                         text=True).stdout.splitlines()
    found = []
    for row in out[2:]:
        # name, type (may contain spaces), encoding, emb, sub, uni, object, generation
        parts = row.split()
        emb = parts[-5]
        found.append(Font(parts[0], " ".join(parts[1:-6]), emb == "yes"))
    return found


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(BytesIO(pdf))


@dataclass(frozen=True)
class Box:
    """A line of text as poppler sees it, in points from the page's top left corner."""

    page: int
    text: str
    left: float
    top: float
    right: float
    bottom: float


_BOX = re.compile(r"<line xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" "
                  r"yMax=\"([\d.]+)\">(.*?)</line>", re.S)


def boxes(pdf: bytes, folder: Path) -> list[Box]:
    """Every line of text with its bounding box (the em boxes of its characters)."""
    path = write(pdf, folder)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", str(path), "-"],
                         check=True, capture_output=True).stdout.decode("utf-8", "replace")
    found = []
    for number, (_width, _height, body) in enumerate(_PAGE.findall(out), start=1):
        for left, top, right, bottom, inner in _BOX.findall(body):
            words = [html.unescape(w) for w in _WORD.findall(inner)]
            found.append(Box(number, "".join(words), float(left), float(top), float(right),
                             float(bottom)))
    return found
