"""The 公文 fonts the bundle ships (packaging/official_fonts.py): gathered with their licences
from the build machine or from the pinned Debian packages, and found by the report in the
bundle's resources when the system has none."""

from __future__ import annotations

import hashlib
import io
import sys
import tarfile
from dataclasses import replace
from pathlib import Path

import pytest

from fieldvisit.reporting import font_files

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import official_fonts  # noqa: E402


def deb(files: dict[str, bytes]) -> bytes:
    """A Debian package (ar archive) whose data.tar holds ``files``."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo("./" + name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    out = b"!<arch>\n"
    for name, data in (("debian-binary", b"2.0\n"), ("data.tar", buffer.getvalue())):
        out += f"{name + '/':<16}{0:<12}{0:<6}{0:<6}{100644:<8}{len(data):<10}`\n".encode()
        out += data + (b"\n" if len(data) % 2 else b"")
    return out


def test_a_font_is_taken_out_of_its_package_when_the_system_lacks_it(tmp_path, monkeypatch):
    font_data, licence = b"ttcf-not-really", b"ARPHIC PUBLIC LICENSE"
    font = replace(official_fonts.FONTS[0], system_path="/nowhere/usr/share/fonts/x/a.ttc",
                   font_sha256=hashlib.sha256(font_data).hexdigest())
    package = deb({"nowhere/usr/share/fonts/x/a.ttc": font_data,
                   f"usr/share/doc/{font.package}/copyright": licence})
    monkeypatch.setattr(official_fonts, "FONTS", (font,))
    monkeypatch.setattr(official_fonts, "_download", lambda _font: package)
    gathered = official_fonts.gather(tmp_path)
    assert [p.read_bytes() for p in gathered] == [font_data, licence]
    assert gathered[1].name == "LICENSE-arphic-uming.txt"


@pytest.mark.parametrize("package", [b"", b"<html>404</html>", b"!<arch>\n", b"!<arch>\nshort"])
def test_a_download_that_is_no_package_is_refused_by_name(package):
    with pytest.raises(official_fonts.FontsUnavailable):
        official_fonts._deb_members(package)


def test_a_package_that_is_not_the_pinned_one_is_refused(tmp_path, monkeypatch):
    font = replace(official_fonts.FONTS[0], system_path="/nowhere/a.ttc")
    monkeypatch.setattr(official_fonts, "FONTS", (font,))

    class Response(io.BytesIO):
        def __enter__(self):  # noqa: ANN204
            return self

        def __exit__(self, *exc: object) -> None:
            pass

    monkeypatch.setattr(official_fonts.urllib.request, "urlopen",
                        lambda url, timeout: Response(b"!<arch>\nsomething else"))
    with pytest.raises(official_fonts.FontsUnavailable, match="not the pinned package"):
        official_fonts.gather(tmp_path)
    assert not (tmp_path / font.file).exists()


def test_the_report_finds_the_bundled_fonts_when_the_system_has_none(tmp_path, monkeypatch):
    resources = tmp_path / "resources"
    (resources / "fonts" / "official").mkdir(parents=True)
    for name in ("uming.ttc", "ukai.ttc", "wqy-zenhei.ttc"):
        (resources / "fonts" / "official" / name).write_bytes(b"x")
    monkeypatch.setattr("fieldvisit.paths.resources_dir", lambda: resources)
    monkeypatch.setattr(font_files, "_system_font_folders", lambda: [tmp_path / "none"])
    font_files.system_fonts.cache_clear()
    try:
        found = dict(font_files.system_fonts())
    finally:
        font_files.system_fonts.cache_clear()
    assert found == {
        "AR PL UMing 文鼎明体": resources / "fonts" / "official" / "uming.ttc",
        "AR PL UKai 文鼎楷体": resources / "fonts" / "official" / "ukai.ttc",
        "WenQuanYi Zen Hei 文泉驿正黑": resources / "fonts" / "official" / "wqy-zenhei.ttc"}
