"""The Linux desktop integration files agree with each other and with the application.

``packaging/fieldvisit.desktop`` (menu entry), ``packaging/<id>.metainfo.xml`` (AppStream, for
software centres), the icons rendered by ``packaging/render_icons.py`` and the icon files the
PyInstaller spec uses. The validators run when installed (``appstreamcli``,
``desktop-file-validate`` from desktop-file-utils); those two checks are skipped otherwise.
"""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import fieldvisit

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.fieldvisit.FieldVisit"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
DESKTOP = PACKAGING / "fieldvisit.desktop"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def component() -> ET.Element:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    return root


@pytest.fixture(scope="module")
def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive: Name, Name[zh_CN]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def texts(component: ET.Element, tag: str) -> dict[str | None, str]:
    return {element.get(XML_LANG): (element.text or "").strip()
            for element in component.findall(tag)}


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def test_metainfo_identity(component):
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert METAINFO.name == f"{component.findtext('id')}.metainfo.xml"
    assert component.findtext("metadata_license") == "CC0-1.0"


def test_project_license_is_the_repository_licence(component):
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert component.findtext("project_license") == pyproject["project"]["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_metainfo_in_english_and_chinese(component):
    for tag in ("name", "summary"):
        values = texts(component, tag)
        assert values.get(None) and values.get("zh_CN"), tag
    paragraphs = component.findall("description/p")
    assert {p.get(XML_LANG) for p in paragraphs} == {None, "zh_CN"}
    assert component.find("content_rating") is not None
    assert component.findall("screenshots/screenshot/image")
    assert component.findall("categories/category")


def test_release_is_the_application_version(component):
    releases = component.findall("releases/release")
    assert releases, "no release listed"
    assert releases[0].get("version") == fieldvisit.__version__  # the newest comes first
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date") or "")


def test_launchable_is_the_desktop_file(component):
    launchable = component.find("launchable")
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name


def test_desktop_entry_starts_the_installed_command(entry, component):
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    command = entry["Exec"].split()[0]
    assert command in pyproject["project"]["scripts"]
    assert component.findtext("provides/binary") == command
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Name"] == texts(component, "name")[None]
    assert entry["Name[zh_CN]"] == texts(component, "name")["zh_CN"]


def test_categories_agree(entry, component):
    desktop_categories = {c for c in entry["Categories"].split(";") if c}
    metainfo_categories = {c.text for c in component.findall("categories/category")}
    assert metainfo_categories <= desktop_categories


def test_the_window_names_the_desktop_file():
    """On Wayland the compositor finds the icon through the desktop file the app names."""
    source = (ROOT / "fieldvisit" / "ui" / "app.py").read_text(encoding="utf-8")
    match = re.search(r'setDesktopFileName\(\s*"([^"]+)"\s*\)', source)
    assert match, "fieldvisit/ui/app.py no longer names its desktop file"
    assert f"{match[1]}.desktop" == DESKTOP.name


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_rendered_at_each_size(entry, size):
    path = ROOT / "resources" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / (
        entry["Icon"] + ".png")
    assert path.is_file(), f"missing {path.relative_to(ROOT)}: run packaging/render_icons.py"
    assert png_size(path) == (size, size)


def test_scalable_icon_and_platform_icons(entry):
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.svg").is_file()
    ico = (PACKAGING / "fieldvisit.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"  # Windows icon
    assert (PACKAGING / "fieldvisit.icns").read_bytes()[:4] == b"icns"  # macOS icon


def test_the_id_is_the_same_everywhere():
    for path in (PACKAGING / "fieldvisit.spec", PACKAGING / "install-desktop-files.sh"):
        assert APP_ID in path.read_text(encoding="utf-8"), path.name


def test_appstream_validates():
    appstreamcli = shutil.which("appstreamcli")
    if not appstreamcli:
        pytest.skip("appstreamcli is not installed (Debian: apt-get install appstream)")
    result = subprocess.run([appstreamcli, "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_validates():
    validator = shutil.which("desktop-file-validate")
    if not validator:
        pytest.skip("desktop-file-validate is not installed "
                    "(Debian: apt-get install desktop-file-utils)")
    result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
