"""Chinese TrueType fonts installed on this computer that the report can embed instead of the
bundled one (no ReportLab here: only file names and folders).

ReportLab embeds TrueType outlines only; the fonts below are TrueType (.ttf/.ttc). OpenType
fonts with PostScript outlines (.otf, e.g. Noto Sans CJK) cannot be embedded and are not
offered.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

KNOWN_FONTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("SimSun 宋体", ("simsun.ttc", "simsun.ttf")),
    ("FangSong 仿宋", ("simfang.ttf", "fangsong.ttf")),
    ("SimHei 黑体", ("simhei.ttf",)),
    ("KaiTi 楷体", ("simkai.ttf", "kaiti.ttf")),
    ("FZXiaoBiaoSong 方正小标宋", ("FZXBSJW.TTF", "方正小标宋简体.ttf", "方正小标宋_GBK.ttf")),
    ("FangSong_GB2312 仿宋_GB2312", ("仿宋_GB2312.ttf", "FS_GB2312.ttf", "fsgb2312.ttf")),
    ("Microsoft YaHei 微软雅黑", ("msyh.ttc", "msyh.ttf")),
    ("AR PL UMing 文鼎明体", ("uming.ttc",)),
    ("AR PL UKai 文鼎楷体", ("ukai.ttc",)),
    ("WenQuanYi Zen Hei 文泉驿正黑", ("wqy-zenhei.ttc",)),
    ("Droid Sans Fallback", ("DroidSansFallbackFull.ttf", "DroidSansFallback.ttf")),
)


def font_folders() -> list[Path]:
    """Where the system and the user keep fonts, then the fonts the bundle ships."""
    return [*_system_font_folders(), *bundled_font_folders()]


def bundled_font_folders() -> list[Path]:
    """The 公文 layout's default fonts in a bundled FieldVisit (``resources/fonts/official``,
    gathered at build time by packaging/official_fonts.py); none in a plain installation."""
    from fieldvisit.paths import resource

    try:
        folder = resource("fonts", "official")
    except FileNotFoundError:
        return []
    return [folder] if folder.is_dir() else []


def _system_font_folders() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", "C:/Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windows / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library" / "Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            home / ".local" / "share" / "fonts", home / ".fonts"]


@cache
def system_fonts() -> tuple[tuple[str, Path], ...]:
    """(name, file) of the known Chinese TrueType fonts found on this computer."""
    wanted = {file.lower(): name for name, files in KNOWN_FONTS for file in files}
    found: dict[str, Path] = {}
    for folder in font_folders():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for file in files:
                name = wanted.get(file.lower())
                if name and name not in found:
                    found[name] = Path(root) / file
    order = [name for name, _ in KNOWN_FONTS]
    return tuple(sorted(found.items(), key=lambda item: order.index(item[0])))


FALLBACK_FONTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Latin, Greek, Cyrillic, Hebrew, Arabic letters, arrows and symbols
    ("DejaVu Sans", ("DejaVuSans.ttf",)),
    ("Arial Unicode MS", ("ARIALUNI.TTF", "Arial Unicode.ttf")),
    ("Segoe UI", ("segoeui.ttf",)),
    ("Arial", ("arial.ttf",)),
    ("Noto Sans Hebrew", ("NotoSansHebrew-Regular.ttf",)),
    ("Noto Sans Arabic", ("NotoSansArabic-Regular.ttf", "NotoNaskhArabic-Regular.ttf")),
    # emoji and symbols drawn as outlines (colour bitmap emoji fonts cannot be embedded)
    ("Symbola", ("Symbola.ttf", "Symbola_hint.ttf")),
    ("Noto Emoji", ("NotoEmoji-Regular.ttf",)),
    ("Segoe UI Emoji", ("seguiemj.ttf",)),
    ("Segoe UI Symbol", ("seguisym.ttf",)),
    # rare Chinese characters (CJK extension B and beyond)
    ("SimSun-ExtB", ("simsunb.ttf",)),
    ("SimSun-ExtG", ("SimSun-ExtG.ttf", "simsunextg.ttf")),
    ("MingLiU-ExtB", ("mingliub.ttc",)),
    ("HanaMinB", ("HanaMinB.ttf",)),
    ("HanaMinA", ("HanaMinA.ttf",)),
)
"""TrueType fonts that draw what the report's font lacks, in the order they are tried (after
the bundled font). Debian and Ubuntu: fonts-dejavu-core, fonts-symbola, fonts-hanazono."""


@cache
def fallback_fonts() -> tuple[Path, ...]:
    """The files of ``FALLBACK_FONTS`` found on this computer, in that order."""
    wanted = {file.lower(): index for index, (_name, files) in enumerate(FALLBACK_FONTS)
              for file in files}
    found: dict[int, Path] = {}
    for folder in font_folders():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for file in files:
                index = wanted.get(file.lower())
                if index is not None and index not in found:
                    found[index] = Path(root) / file
    return tuple(found[index] for index in sorted(found))


EDGE_BRACKETS = "（）"
"""Full-width brackets the bundled WenQuanYi Micro Hei centres in their em box ("（一）" reads
"( 一 )"): drawn from WenQuanYi Zen Hei, whose brackets hug the text, when it is installed."""


def bracket_font() -> Path | None:
    """WenQuanYi Zen Hei, when installed (Debian/Ubuntu: fonts-wqy-zenhei)."""
    return dict(system_fonts()).get("WenQuanYi Zen Hei 文泉驿正黑")
