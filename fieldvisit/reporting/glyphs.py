"""Which font draws each character of the report: the chosen font, else a fallback that has it.

The report is typeset in one font (the bundled WenQuanYi Micro Hei or the user's TrueType
font). A character that font lacks — an emoji, Hebrew or Arabic letters, the en dash of
"09:30–10:20" in a GB2312-only font, a rare character of CJK extension B — is drawn with the
first fallback that has it: the bundled font, then TrueType fonts found on this computer
(``font_files.FALLBACK_FONTS``: DejaVu Sans for Hebrew and Arabic letters, Symbola for emoji,
SimSun-ExtB and HanaMin for extension B, …). Fallbacks are opened only when a character needs
them. What no font has prints as the placeholder "□" and is counted in ``GlyphCoverage``.

``FontChain.font_for`` answers per character (cached), so paragraphs can be split into
``<font name=…>`` spans when they are escaped (text.markup).
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.reporting.text import REPLACEMENT, clean

SHOWN_CHARACTERS = 8
"""How many of the characters a font lacks a warning names."""


@dataclass(frozen=True)
class LoadedFont:
    name: str
    """The name registered with ReportLab."""
    family: str
    """The font's own family name, for messages ("SimSun")."""
    has_glyph: Callable[[int], bool]


def load_font(path: Path, name: str, subfont: int = 0) -> LoadedFont:
    """Open and register a TrueType font under ``name`` (raises TTFError, OSError, …);
    ``subfont``: which font of a collection (.ttc)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(name, str(path), subfontIndex=subfont)
    pdfmetrics.registerFont(font)
    family = getattr(font.face, "familyName", "") or ""
    family = getattr(family, "ustr", family)
    if isinstance(family, bytes):
        family = family.decode("latin-1")
    return LoadedFont(name, str(family).strip() or path.stem, font.face.charToGlyph.__contains__)


class FontChain:
    """The chosen font and, in order, the fonts that draw what it lacks."""

    def __init__(self, primary: LoadedFont,
                 fallbacks: Iterable[Callable[[], LoadedFont | None]],
                 substitutes: tuple[str, Callable[[], LoadedFont | None]] | None = None,
                 ) -> None:
        self.primary = primary
        self._pending = list(fallbacks)
        self._substitutes = substitutes
        """Characters the chosen font has but draws badly, and a font that draws them
        better: WenQuanYi Micro Hei centres its full-width brackets in their em box, so
        "（一）" reads "( 一 )"; Zen Hei, of the same family, sets them at the edge."""
        self.substituted: frozenset[str] = frozenset()
        self._loaded: list[LoadedFont] = []
        self._font: dict[str, str | None] = {}
        self._lock = threading.Lock()
        self._names = {primary.name: primary.family}

    def font_for(self, ch: str) -> str | None:
        """None when the chosen font has ``ch``; else the registered name of the first fallback
        that has it, or "" when no font has it."""
        try:
            return self._font[ch]
        except KeyError:
            pass
        code = ord(ch)
        if self._substitutes is not None and ch in self._substitutes[0]:
            with self._lock:
                better = self._substitutes[1]()
            if better is not None and better.has_glyph(code):
                self._names[better.name] = better.family
                self.substituted |= {ch}
                self._font[ch] = better.name
                return better.name
        if self.primary.has_glyph(code):
            found: str | None = None
        else:
            with self._lock:
                found = next((f.name for f in self._loaded if f.has_glyph(code)), None)
                while found is None and self._pending:
                    font = self._pending.pop(0)()
                    if font is not None:
                        self._loaded.append(font)
                        self._names[font.name] = font.family
                        if font.has_glyph(code):
                            found = font.name
            found = found or ""
        if len(self._font) > 100_000:
            self._font.clear()
        self._font[ch] = found
        return found

    def printable(self, code: int) -> bool:
        """Can some font draw the character ``code``?"""
        return self.font_for(chr(code)) != ""

    def family(self, name: str) -> str:
        return self._names.get(name, name)

    @property
    def placeholder_font(self) -> str | None:
        """The font the placeholder "□" itself is drawn with (None: the chosen one)."""
        return self.font_for(REPLACEMENT) or None


@dataclass(frozen=True)
class GlyphCoverage:
    """What the chosen font lacks of the characters a visit's report uses."""

    font: str
    """The chosen font's family name."""
    lacking: tuple[str, ...]
    """Characters the font lacks that a fallback draws, in order of first use."""
    fallbacks: tuple[str, ...]
    """Family names of the fallbacks that draw them."""
    unprintable: tuple[str, ...]
    """Characters no font has: printed as "□"."""
    notes: tuple[Message, ...] = ()
    """Warnings about the other fonts of the report (slots; defaults not installed)."""

    def messages(self) -> list[Message]:
        """One warning per kind of problem (none when the font has every character)."""
        found: list[Message] = list(self.notes)
        if self.lacking:
            shown = " ".join(self.lacking[:SHOWN_CHARACTERS]) + (
                " …" if len(self.lacking) > SHOWN_CHARACTERS else "")
            found.append(Message(QT_TRANSLATE_NOOP(
                "Messages", "{font} lacks {count} character(s) used in this visit: {chars}; "
                "they will be printed with {fallbacks}"), font=self.font,
                count=len(self.lacking), chars=shown, fallbacks=", ".join(self.fallbacks)))
        if self.unprintable:
            shown = " ".join(self.unprintable[:SHOWN_CHARACTERS]) + (
                " …" if len(self.unprintable) > SHOWN_CHARACTERS else "")
            found.append(Message(QT_TRANSLATE_NOOP(
                "Messages", "{count} character(s) used in this visit are in no available "
                "font and will be printed as {placeholder}: {chars}"),
                count=len(self.unprintable), placeholder=REPLACEMENT, chars=shown))
        return found


def coverage(chain: FontChain, texts: Iterable[str]) -> GlyphCoverage:
    """Which characters of ``texts`` the chain's chosen font lacks, and who draws them."""
    seen: dict[str, None] = {}
    for text in texts:
        seen.update(dict.fromkeys(clean(text)))
    seen.pop("\n", None)
    lacking: list[str] = []
    unprintable: list[str] = []
    fallbacks: dict[str, None] = {}
    for ch in seen:
        font = chain.font_for(ch)
        if font is None or ch.isspace() or ch in chain.substituted:
            continue
        if font:
            lacking.append(ch)
            fallbacks[chain.family(font)] = None
        else:
            unprintable.append(ch)
    return GlyphCoverage(chain.primary.family, tuple(lacking), tuple(fallbacks),
                         tuple(unprintable))


def texts_of(value: Any) -> Iterator[str]:
    """Every string inside ``value`` (dataclasses, tuples, lists, dicts), e.g. ReportData."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from texts_of(getattr(value, item.name))
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from texts_of(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts_of(key)
            yield from texts_of(item)
