"""Paragraphs that break lines by our rules, justify Chinese text, and embolden headings.

``ReportParagraph`` replaces ReportLab's CJK line breaking with ``text.break_lines`` (Chinese
and Latin text mixed, kinsoku both ways, long words and URLs broken). Justified lines of
Chinese text are spread with character spacing (PDF ``Tc``, set by a zero-width callback at
the start of each line), Latin lines with word spacing as ReportLab does. Right-to-left runs
(Hebrew, Arabic) are drawn in visual order (text.visual_order; Arabic letters unjoined). A
style with ``fv_bold`` draws its text filled and stroked: synthetic bold for fonts without a
bold face.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import FragLine, ParaLines, _handleBulletWidth

from fieldvisit.reporting.text import (
    RIGHT_TO_LEFT,
    WIDE,
    break_lines,
    mirrored,
    visual_order,
)

CHAR_SPACE_CALLBACK = "fv_char_space"
MAX_CHAR_SPACE = 0.12  # of the font size: looser lines stay ragged rather than gappy
_SPACES = frozenset(" \u3000")


def _set_char_space(canvas: Any, _kind: str, label: str) -> None:
    canvas._curr_tx_info["tx"].setCharSpace(float(label))


@lru_cache(maxsize=64)
def _width_table(font_name: str, font_size: float) -> dict[str, float]:
    return {}


def _widths(text: str, font_name: str, font_size: float, tracking: float = 0.0) -> list[float]:
    table = _width_table(font_name, font_size)
    for ch in set(text).difference(table):
        table[ch] = stringWidth(ch, font_name, font_size)
    if tracking:
        return [table[ch] + tracking for ch in text]
    return list(map(table.__getitem__, text))


SYNTHETIC_BOLD: dict[str, float] = {}
"""Font names registered as aliases of a font without a bold face: a run in such a font is
drawn filled and stroked (this stroke width, as a fraction of the font size)."""


_metrics = lru_cache(maxsize=256)(getAscentDescent)


class ReportParagraph(Paragraph):
    """A paragraph of (escaped) text; give its style ``wordWrap="CJK"``."""

    def breakLinesCJK(self, maxWidths: Any) -> ParaLines:  # noqa: N802 - ReportLab's name
        maxWidths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        self.height = 0
        _handleBulletWidth(self.bulletText, self.style, maxWidths)
        key = tuple(maxWidths)
        cached = getattr(self, "_fv_lines", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        chars: list[str] = []
        owners: list[Any] = []
        widths: list[float] = []
        tracking = getattr(self.style, "fv_tracking", 0.0)
        for frag in self.frags:
            if getattr(frag, "lineBreak", False) or hasattr(frag, "cbDefn"):
                chars.append("\n" if getattr(frag, "lineBreak", False) else "\u200b")
                owners.append(frag)
                widths.append(0.0)
                continue
            text = frag.text
            chars.extend(text)
            owners.extend([frag] * len(text))
            widths.extend(_widths(text, frag.fontName, frag.fontSize, tracking))
        text = "".join(chars)
        self._fv_wide = WIDE.search(text) is not None
        spans = break_lines(text, widths, maxWidths, getattr(self.style, "fv_phrases", False))
        justify = self.style.alignment == TA_JUSTIFY
        lines = []
        for number, (start, end) in enumerate(spans):
            width = maxWidths[min(number, len(maxWidths) - 1)]
            after = end
            while after < len(text) and text[after] in _SPACES:
                after += 1
            forced = after < len(text) and text[after] == "\n"
            lines.append(self._line(text, owners, widths, start, end, width,
                                    justify and not forced and number < len(spans) - 1,
                                    forced))
        result = ParaLines(kind=1, lines=lines)
        self._fv_lines = (key, result)
        self._fv_source = (text, owners, spans)
        return result

    def _get_split_blParaFunc(self) -> Any:  # noqa: N802 - ReportLab's name
        """ReportLab's own function appends a space to the last word of every line, in place
        (right for Latin text, wrong for Chinese): copy the words instead."""
        return _line_words

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        """ReportLab's split decides where; the rest continues from our own characters, so
        no space is inserted at the old line ends and its lines need not be broken again."""
        parts = super().split(availWidth, availHeight)
        source = getattr(self, "_fv_source", None)
        if len(parts) != 2 or source is None:
            return parts
        first, _rest = parts
        text, owners, spans = source
        count = len(first.blPara.lines)
        if count >= len(spans):
            return parts
        offset = spans[count][0]
        frags: list[Any] = []
        current, run = None, []
        for i in range(offset, len(text)):
            if owners[i] is not current:
                if current is not None:
                    frags.append(_piece(current, "".join(run)))
                current, run = owners[i], []
            if text[i] != "\n":
                run.append(text[i])
        if current is not None:
            frags.append(_piece(current, "".join(run)))
        style = self.style
        if style.firstLineIndent:
            style = ParagraphStyle(style.name + "-continued", parent=style, firstLineIndent=0)
        rest = self.__class__(None, style, frags=frags)
        width = self._fv_lines[0][-1]
        rest._fv_lines = ((width, width), ParaLines(kind=1, lines=self.blPara.lines[count:]))
        rest._fv_source = (text[offset:], owners[offset:],
                           [(a - offset, b - offset) for a, b in spans[count:]])
        return [first, rest]

    def _line(self, text: str, owners: list[Any], widths: list[float], start: int, end: int,
              max_width: float, justify: bool, forced: bool) -> FragLine:
        words: list[Any] = []
        if RIGHT_TO_LEFT.search(text, start, end):
            words = _visual_words(text, owners, start, end)
        elif start < end and owners[start] is owners[end - 1] and len(self.frags) == 1:
            words.append(_piece(owners[start], text[start:end]))  # the usual case: one style
        else:
            current, run = None, []
            for i in range(start, end):
                frag = owners[i]
                if frag is not current:
                    if run and current is not None and not hasattr(current, "cbDefn"):
                        words.append(_piece(current, "".join(run)))
                    current, run = frag, []
                if text[i] not in "\n\u200b":
                    run.append(text[i])
            if run and current is not None and not hasattr(current, "cbDefn"):
                words.append(_piece(current, "".join(run)))
        style = self.style
        size = max((w.fontSize for w in words), default=style.fontSize)
        metrics = [_metrics(w.fontName, w.fontSize) for w in words] or [
            _metrics(style.fontName, style.fontSize)]
        used = sum(widths[start:end])
        extra = max_width - used
        line_text = text[start:end]
        word_count = 1
        tracking = getattr(style, "fv_tracking", 0.0)
        # every line of a paragraph that spaces characters sets the spacing, 0 on a Latin
        # line: the text state keeps it from one line to the next
        if words and (tracking or style.alignment == TA_JUSTIFY
                      and getattr(self, "_fv_wide", True)):
            glyphs = len(line_text)
            spacing = extra / (glyphs - 1) if justify and glyphs > 1 and extra > 0 and \
                WIDE.search(line_text) else 0.0
            if spacing > MAX_CHAR_SPACE * size:
                spacing = 0.0
            marker = words[0].clone()
            marker.text = ""
            marker.cbDefn = _Callback(f"{spacing + tracking:.4f}")
            words.insert(0, marker)
            if spacing:
                extra = 0.0  # spread by character spacing: no word spacing on top
            elif justify and not WIDE.search(line_text):
                word_count = line_text.count(" ") + 1
        elif justify:
            word_count = line_text.count(" ") + 1
        return FragLine(kind=1, extraSpace=extra, wordCount=word_count, words=words,
                        fontSize=size, ascent=max(a for a, _ in metrics),
                        descent=min(d for _, d in metrics), maxWidth=max_width,
                        currentWidth=used, lineBreak=forced)

    def draw(self) -> None:
        canvas = self.canv
        if canvas.getNamedCB(CHAR_SPACE_CALLBACK) is None:
            canvas.setNamedCB(CHAR_SPACE_CALLBACK, _set_char_space)
        stroke = getattr(self.style, "fv_bold", 0.0)
        if not stroke:
            if SYNTHETIC_BOLD and any(getattr(f, "fontName", "") in SYNTHETIC_BOLD
                                      for f in self.frags):
                canvas.saveState()
                canvas.setStrokeColor(self.style.textColor)
                canvas.setLineJoin(1)
                super().draw()
                canvas.restoreState()
                return
            super().draw()
            return
        canvas.saveState()
        canvas.setLineWidth(stroke * self.style.fontSize)
        canvas.setLineJoin(1)
        canvas.setStrokeColor(self.style.textColor)
        super().draw()
        canvas.restoreState()

    def beginText(self, x: float, y: float) -> Any:  # noqa: N802 - ReportLab's name
        text = super().beginText(x, y)
        if getattr(self.style, "fv_bold", 0.0):
            text.setTextRenderMode(2)
        elif SYNTHETIC_BOLD:
            _embolden_runs(text)
        return text


def _embolden_runs(text: Any) -> None:
    """Runs in a synthetic-bold alias font are drawn filled and stroked, the rest filled."""
    plain_set, plain_raw = text.setFont, text._setFont
    state = {"bold": False}

    def mode(name: str, size: float) -> None:
        stroke = SYNTHETIC_BOLD.get(name)
        if stroke:
            text._code.append(f"{stroke * size:.3f} w 2 Tr")
        elif state["bold"]:
            text._code.append("0 Tr")
        state["bold"] = bool(stroke)

    def set_font(name: str, size: float, leading: Any = None) -> None:
        plain_set(name, size, leading)
        mode(name, size)

    def set_font_raw(name: str, size: float) -> None:
        plain_raw(name, size)
        mode(name, size)

    text.setFont, text._setFont = set_font, set_font_raw


class _Callback:
    kind = "onDraw"
    name = CHAR_SPACE_CALLBACK
    width = 0

    def __init__(self, label: str) -> None:
        self.label = label


def _line_words(lines: ParaLines, start: int, stop: int) -> list[Any]:
    return [word.clone() for line in lines.lines[start:stop] for word in line.words
            if not hasattr(word, "cbDefn")]


def _visual_words(text: str, owners: list[Any], start: int, end: int) -> list[Any]:
    """The words of a line holding right-to-left letters, in the order they are drawn."""
    order = visual_order(text[start:end])
    words: list[Any] = []
    current, run = None, []
    for position, index in enumerate(order):
        frag, ch = owners[start + index], text[start + index]
        if frag is not current:
            if run and current is not None and not hasattr(current, "cbDefn"):
                words.append(_piece(current, "".join(run)))
            current, run = frag, []
        if ch not in "\n\u200b":
            run.append(mirrored(ch) if index != position else ch)
    if run and current is not None and not hasattr(current, "cbDefn"):
        words.append(_piece(current, "".join(run)))
    return words


def _piece(frag: Any, text: str) -> Any:
    piece = frag.clone()
    piece.text = text
    return piece


class Heading(ReportParagraph):
    """A heading that enters the table of contents and the PDF outline at ``level``."""

    def __init__(self, text: str | None, style: ParagraphStyle, level: int | None = None,
                 plain: str = "", key: str = "", **kwargs: Any) -> None:
        super().__init__(text, style, **kwargs)
        self.toc_level = level
        self.toc_text = text or ""  # may be set shorter by the caller
        self.outline_text = plain
        self.key = key

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        parts = super().split(availWidth, availHeight)
        if parts:  # the entry points at the page where the heading starts
            first = parts[0]
            first.toc_level, first.toc_text = self.toc_level, self.toc_text
            first.outline_text, first.key = self.outline_text, self.key
        return parts
