"""The report's three font slots — title, headings, body — and the 楷体 of the 公文 layout's
second-level headings, each a TrueType file with its own per-character fallback chain
(glyphs.py: what a slot's font lacks is drawn by the bundled font, then the system's).

Defaults per layout:

- modern: the bundled WenQuanYi Micro Hei in every slot (today's look).
- official (公文, GB/T 9704-2012): title 小标宋, headings 黑体, 楷体, body 仿宋 when this
  computer has them (``PREFERRED``), else title → AR PL UMing (synthetic bold), headings →
  WenQuanYi Zen Hei, 楷体 → AR PL UKai, body → AR PL UMing. These are free fonts
  (Arphic Public License; GPL 2 with a font embedding exception) but 17–21 MB each, so they
  are not committed: ``packaging/install-system-deps.sh`` installs them (fonts-arphic-uming,
  fonts-arphic-ukai, fonts-wqy-zenhei) and they are looked up where the system keeps fonts;
  the bundle carries them (gathered at build time by ``packaging/official_fonts.py``).
  A default that is not installed falls back to the bundled font, with a warning.

A file the user picked (their own 仿宋_GB2312, 方正小标宋…) goes in its slot whatever the layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.reporting.font_files import system_fonts
from fieldvisit.reporting.styles import ReportFonts, register_fonts
from fieldvisit.services.report_model import ReportOptions

OFFICIAL_DEFAULTS = {
    "title": ("AR PL UMing 文鼎明体", "fonts-arphic-uming"),
    "heading": ("WenQuanYi Zen Hei 文泉驿正黑", "fonts-wqy-zenhei"),
    "kai": ("AR PL UKai 文鼎楷体", "fonts-arphic-ukai"),
    "body": ("AR PL UMing 文鼎明体", "fonts-arphic-uming"),
}
"""Slot → (the free font's name in font_files.KNOWN_FONTS, the Debian package that installs
it)."""

PREFERRED = {
    "title": ("FZXiaoBiaoSong 方正小标宋", "SimSun 宋体"),
    "heading": ("SimHei 黑体",),
    "kai": ("KaiTi 楷体",),
    "body": ("FangSong_GB2312 仿宋_GB2312", "FangSong 仿宋"),
}
"""The fonts a 公文 is set in, used before the free defaults when this computer has them
(Windows has SimSun, SimHei, KaiTi and FangSong)."""


@dataclass(frozen=True)
class FontSlots:
    title: ReportFonts
    heading: ReportFonts
    kai: ReportFonts
    """The 楷体 of a 公文's "（一）" headings (the heading font when the user picked one)."""
    body: ReportFonts
    title_bold: bool
    """Draw the title in synthetic bold (a light Ming face standing in for 小标宋)."""
    warnings: tuple[Message, ...] = ()
    """Defaults that are not installed and were replaced by the bundled font."""

    def all(self) -> tuple[ReportFonts, ...]:
        """Each distinct font once: body, heading, title, kai."""
        seen: dict[str, ReportFonts] = {}
        for fonts in (self.body, self.heading, self.title, self.kai):
            seen.setdefault(fonts.regular, fonts)
        return tuple(seen.values())


def font_slots(options: ReportOptions) -> FontSlots:
    """The fonts of the report for ``options`` (layout and the files the user picked); raises
    FieldVisitError when a picked file cannot be used."""
    return _slots(options.layout, options.title_font, options.heading_font, options.font)


@cache
def _slots(layout: str, title: str, heading: str, body: str) -> FontSlots:
    warnings: list[Message] = []
    if layout != "official":
        body_fonts = register_fonts(body)
        heading_fonts = register_fonts(heading) if heading else body_fonts
        return FontSlots(register_fonts(title) if title else heading_fonts, heading_fonts,
                         heading_fonts, body_fonts, False)
    installed = dict(system_fonts())
    used: list[str] = []

    def default(slot: str) -> str:
        for preferred in PREFERRED[slot]:
            if preferred in installed:
                used.append(preferred)
                return str(installed[preferred])
        name, package = OFFICIAL_DEFAULTS[slot]
        path = installed.get(name)
        if path is None:
            warning = Message(QT_TRANSLATE_NOOP(
                "Messages", "the official layout's font {font} is not installed (package "
                "{package}); the bundled WenQuanYi Micro Hei is used instead"),
                font=name, package=package)
            if warning not in warnings:
                warnings.append(warning)
            return ""
        return str(path)

    body_fonts = register_fonts(body or default("body"))
    heading_fonts = register_fonts(heading or default("heading"))
    kai_fonts = heading_fonts if heading else register_fonts(default("kai"))
    title_file = title or default("title")
    light = not title and bool(title_file) and "FZXiaoBiaoSong 方正小标宋" not in used
    return FontSlots(register_fonts(title_file), heading_fonts, kai_fonts, body_fonts,
                     light, tuple(warnings))
