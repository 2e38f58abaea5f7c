"""Reading a Word file back (python-docx) and converting it with LibreOffice, for the tests of
the Word report."""

from __future__ import annotations

import os
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest

from fieldvisit.paths import resource

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read(data: bytes):  # noqa: ANN201 - a python-docx Document
    import docx

    return docx.Document(BytesIO(data))


def soffice() -> str:
    """The LibreOffice program; the test is skipped without it, except in CI, which must
    have it (packaging/install-test-deps.sh installs it)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing; run packaging/install-test-deps.sh")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def to_pdf(data: bytes, folder: Path, name: str = "report") -> Path:
    """``data`` converted to PDF by LibreOffice headless, with the bundled font as its only
    Chinese font (so that the test sees the same on every machine)."""
    program = soffice()
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"{name}.docx"
    source.write_bytes(data)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f'<dir>{resource("fonts")}</dir><cachedir>{folder / "fc-cache"}</cachedir>'
        "</fontconfig>", encoding="utf-8")
    environment = dict(os.environ, FONTCONFIG_FILE=str(config), HOME=str(folder / "home"))
    subprocess.run([program, "--headless", "--norestore",
                    f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180, env=environment)
    return folder / f"{name}.pdf"


def pdf_text(path: Path, layout: bool = False) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []),
                           str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def pdf_lines(path: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, x_min, y_min, y_max, text) of every line poppler finds, in points."""
    import html
    import re

    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", str(path), "-"],
                         check=True, capture_output=True).stdout.decode("utf-8", "replace")
    found = []
    for page, body in enumerate(re.findall(r"<page [^>]*>(.*?)</page>", out, re.S), start=1):
        for x, y0, y1, inner in re.findall(
                r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)'
                r"</line>", body, re.S):
            words = re.findall(r"<word[^>]*>(.*?)</word>", inner, re.S)
            found.append((page, float(x), float(y0), float(y1),
                          "".join(html.unescape(w) for w in words)))
    return found
