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
    ("Microsoft YaHei 微软雅黑", ("msyh.ttc", "msyh.ttf")),
    ("AR PL UMing 文鼎明体", ("uming.ttc",)),
    ("AR PL UKai 文鼎楷体", ("ukai.ttc",)),
    ("WenQuanYi Zen Hei 文泉驿正黑", ("wqy-zenhei.ttc",)),
    ("Droid Sans Fallback", ("DroidSansFallbackFull.ttf", "DroidSansFallback.ttf")),
)


def font_folders() -> list[Path]:
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
