"""The 公文 layout's default fonts, gathered for the bundle at build time.

    python packaging/official_fonts.py TARGET

AR PL UMing (title and body), AR PL UKai (楷体) and WenQuanYi Zen Hei (黑体) are free TrueType
fonts (Arphic Public License; GPL 2 with the font embedding exception) of 17–21 MB each: too big
to commit, so the PyInstaller spec gathers them into its work folder and ships them in
``fieldvisit/resources/fonts/official`` with their licences; ``reporting/font_files.py`` looks
there after the system's font folders. A font installed on the build machine (Debian/Ubuntu:
``packaging/install-system-deps.sh``) is copied when it is the pinned file; otherwise the
Debian package is downloaded from deb.debian.org, checked against its pinned SHA-256, and the
font taken out of it. Nothing is installed. Exits non-zero, saying why, when a font cannot be had.
"""

from __future__ import annotations

import hashlib
import io
import lzma
import shutil
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

MIRROR = "https://deb.debian.org/debian/pool/main/f"


@dataclass(frozen=True)
class OfficialFont:
    file: str
    package: str
    version: str
    deb_sha256: str
    font_sha256: str
    system_path: str

    @property
    def url(self) -> str:
        return f"{MIRROR}/{self.package}/{self.package}_{self.version}_all.deb"

    @property
    def licence(self) -> str:
        return f"LICENSE-{self.package.removeprefix('fonts-')}.txt"


FONTS = (
    OfficialFont("uming.ttc", "fonts-arphic-uming", "0.2.20080216.2-11",
                 "2676b21b90df94f23418610291b71b43720c95cdccb420b97ab56edfd3ce4cf5",
                 "fe952e55617275142d9cefd4d79eade4df446517b0478b2567d9bc7df49f70e2",
                 "/usr/share/fonts/truetype/arphic/uming.ttc"),
    OfficialFont("ukai.ttc", "fonts-arphic-ukai", "0.2.20080216.2-5",
                 "b9db73184895b067f7911f9adbf3b137df99c2d4ec5425b4ad779a9834b7110b",
                 "cfc758e69386a21bade8cb3b373fda20d7f2fac6e8904ced2ded98588b63e274",
                 "/usr/share/fonts/truetype/arphic/ukai.ttc"),
    OfficialFont("wqy-zenhei.ttc", "fonts-wqy-zenhei", "0.9.45-8",
                 "cfed2c29164ff2f133e40ed2046610b172b8618d174840936ac4ec9b6fd668e7",
                 "79c18ebe7b811951e8311bad7103ebeae8c337ed9988ea69e8a78a66cfe029b9",
                 "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
)


class FontsUnavailable(Exception):
    """A font could be neither copied nor downloaded; the message says which and why."""


def gather(target: Path) -> list[Path]:
    """The three fonts and their licences in ``target`` (kept there between builds)."""
    target.mkdir(parents=True, exist_ok=True)
    gathered = []
    for font in FONTS:
        font_path, licence_path = target / font.file, target / font.licence
        if not (_sha256_of(font_path) == font.font_sha256 and licence_path.is_file()):
            _gather_one(font, font_path, licence_path)
        gathered += [font_path, licence_path]
    return gathered


def _gather_one(font: OfficialFont, font_path: Path, licence_path: Path) -> None:
    installed = Path(font.system_path)
    copyright_file = Path("/usr/share/doc") / font.package / "copyright"
    if _sha256_of(installed) == font.font_sha256 and copyright_file.is_file():
        shutil.copyfile(installed, font_path)
        shutil.copyfile(copyright_file, licence_path)
        return
    members = _deb_members(_download(font))
    font_data = members.get(font.system_path.lstrip("/"))
    licence = members.get(f"usr/share/doc/{font.package}/copyright")
    if font_data is None or licence is None:
        raise FontsUnavailable(f"{font.url}: the package lacks {font.file} or its copyright")
    if hashlib.sha256(font_data).hexdigest() != font.font_sha256:
        raise FontsUnavailable(f"{font.url}: {font.file} is not the pinned file")
    font_path.write_bytes(font_data)
    licence_path.write_bytes(licence)


def _download(font: OfficialFont) -> bytes:
    try:
        with urllib.request.urlopen(font.url, timeout=120) as response:
            data = response.read()
    except OSError as error:
        raise FontsUnavailable(f"cannot download {font.url}: {error}") from None
    if hashlib.sha256(data).hexdigest() != font.deb_sha256:
        raise FontsUnavailable(f"{font.url}: the download is not the pinned package")
    return data


def _deb_members(deb: bytes) -> dict[str, bytes]:
    """The files of a .deb's data archive by path (without "./"): a .deb is an ar archive of
    debian-binary, control.tar.* and data.tar.xz."""
    if not deb.startswith(b"!<arch>\n"):
        raise FontsUnavailable("not a Debian package")
    offset, data = 8, b""
    while offset + 60 <= len(deb):
        header = deb[offset:offset + 60]
        name, size = header[:16].decode().strip().rstrip("/"), int(header[48:58])
        if name.startswith("data.tar"):
            data = deb[offset + 60:offset + 60 + size]
        offset += 60 + size + size % 2
    if not data:
        raise FontsUnavailable("the package has no data archive")
    raw = lzma.decompress(data) if data.startswith(b"\xfd7zXZ") else data
    found = {}
    with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
        for member in archive.getmembers():
            if member.isfile():
                extracted = archive.extractfile(member)
                if extracted is not None:
                    found[member.name.removeprefix("./")] = extracted.read()
    return found


def _sha256_of(path: Path) -> str:
    if not path.is_file():
        return ""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        for path in gather(Path(argv[0])):
            print(path)
    except FontsUnavailable as error:
        print(f"official_fonts: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
