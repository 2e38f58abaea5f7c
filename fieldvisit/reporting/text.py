"""User text made safe for the PDF, and where lines may break. Plain Python (no ReportLab), so
the rules are tested on their own.

- ``clean`` keeps only what the font can draw: control and format characters go, characters
  the font lacks (emoji, scripts it does not cover) become one "□" per run, so the PDF never
  holds glyphs that draw as nothing and extract as garbage.
- ``markup`` also escapes the text for ReportLab's paragraph parser, so ``<b>``, ``&amp;`` and
  ``<script>`` print literally, and puts the characters another font must draw (``font_for``,
  see glyphs.py) into ``<font name="…">`` spans.
- ``visual_order`` puts right-to-left runs (Hebrew, Arabic) of a line in the order they are
  drawn.
- ``break_lines`` is the line breaker of every paragraph: it breaks between Chinese characters,
  after spaces, after "/" and "-" inside long words, and anywhere inside a word longer than the
  line, but never before closing punctuation (，。、；：？！）》」』” …) nor after opening
  punctuation (（《「『“ …).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable, Sequence
from xml.sax.saxutils import escape

NO_LINE_START = frozenset(
    "，。、；：？！）》」』”’〉】〕］｝〗〙〛・·．…‥—～ー々〆ゝゞヽヾ"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
    ",.;:?!)]}%‰℃°′″¢")
"""Characters that may not begin a line: closing punctuation and marks that follow a word."""

NO_LINE_END = frozenset("（《「『“‘〈【〔［｛〖〘〚([{$£¥￥＄￡#＠@§〒")
"""Characters that may not end a line: opening brackets and quotes, prefixed signs."""

REPLACEMENT = "□"
_SPACES = frozenset(" \t\u3000\u200b")
_BREAK_AFTER = frozenset("/-\\_?&=")
_DROP_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))
_FUZZ = 1e-6


WIDE = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
                  "\U00020000-\U0010ffff]")
"""Chinese, Japanese, Korean characters and full-width forms."""


def is_wide(ch: str) -> bool:
    """A Chinese, Japanese or Korean character, or a full-width form: a line may break around
    it without a space."""
    return WIDE.match(ch) is not None


@lru_cache(maxsize=65536)
def _category(ch: str) -> str:
    return unicodedata.category(ch)


_GOOD: dict[int, tuple[object, set[str]]] = {}
_OWN: dict[int, tuple[object, set[str]]] = {}


def _known(table: dict[int, tuple[object, set[str]]], check: Callable) -> set[str]:
    """The characters already known to pass ``check`` (per font chain: a bound method's
    object, or the function; kept alive by the table, so its id is not reused)."""
    owner = getattr(check, "__self__", check)
    entry = table.get(id(owner))
    if entry is None or entry[0] is not owner:
        if len(table) > 64:
            table.clear()
        entry = table[id(owner)] = (owner, set())
    return entry[1]


def clean(text: str, has_glyph: Callable[[int], bool] = lambda code: True) -> str:
    """``text`` with line ends made "\\n", tabs made spaces, invisible and control characters
    removed, and every run of characters ``has_glyph`` rejects replaced by one "□"."""
    text = unicodedata.normalize("NFC", str(text).replace("\r\n", "\n").replace("\r", "\n"))
    good = _known(_GOOD, has_glyph)
    unknown = set(text) - good
    if all(ch in _SPACES or ch == "\n" or ch == "\t" or (
            _category(ch) not in _DROP_CATEGORIES and has_glyph(ord(ch))) for ch in unknown):
        good |= unknown  # the usual case: each distinct character checked once per font
        return text.replace("\t", " ")
    out: list[str] = []
    missing = False
    for ch in text:
        if ch == "\n":
            out.append(ch)
            missing = False
            continue
        if ch == "\t":
            ch = " "
        category = unicodedata.category(ch)
        if category in _DROP_CATEGORIES and ch not in _SPACES:
            continue
        if ch in _SPACES or has_glyph(ord(ch)):
            out.append(ch)
            missing = False
        elif category.startswith("M"):
            continue  # a combining mark the font lacks: the base letter stays readable
        elif not missing:
            out.append(REPLACEMENT)
            missing = True
    return "".join(out)


def markup(text: str, has_glyph: Callable[[int], bool] = lambda code: True,
           font_for: Callable[[str], str | None] | None = None) -> str:
    """``text`` cleaned and escaped for a ReportLab paragraph; line ends become ``<br/>``.
    With ``font_for`` (None: the paragraph's font; else the name of the font that draws the
    character), runs of characters of another font become ``<font name="…">`` spans."""
    cleaned = clean(text, has_glyph)
    if font_for is not None:
        own = _known(_OWN, font_for)
        unknown = set(cleaned) - own
        if all(font_for(ch) is None for ch in unknown):
            own |= unknown
            font_for = None
    if font_for is None:
        return "<br/>".join(escape(line) for line in cleaned.split("\n"))
    out: list[str] = []
    for font, run in font_runs(cleaned, font_for):
        run = "<br/>".join(escape(line) for line in run.split("\n"))
        out.append(f'<font name="{font}">{run}</font>' if font else run)
    return "".join(out)


def font_runs(text: str, font_for: Callable[[str], str | None]) -> list[tuple[str | None, str]]:
    """``text`` cut into runs drawn by one font each (``font_for``; line ends and spaces join
    the run they are in). A combining mark stays with its base character."""
    runs: list[tuple[str | None, str]] = []
    current: str | None = None
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n" or ch in _SPACES:
            continue
        font = font_for(ch) or None
        if font != current and i > start and unicodedata.category(ch).startswith("M"):
            continue
        if font != current:
            if i > start:
                runs.append((current, text[start:i]))
            current, start = font, i
    if start < len(text):
        runs.append((current, text[start:]))
    return runs


_RTL = frozenset(("R", "AL"))
_RTL_INSIDE = frozenset(("R", "AL", "AN", "EN", "NSM", "WS", "ON", "CS", "ES", "ET", "BN"))
_MIRRORED = dict(zip("()[]{}<>«»", ")(][}{><»«", strict=True))


RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff"
                           "\U0001e800-\U0001efff]")
"""Hebrew, Arabic, Syriac, Thaana, N'Ko… (a quick test before ``visual_order``)."""


def visual_order(text: str) -> list[int]:
    """The order in which the characters of one line are drawn, left to right, in a
    left-to-right paragraph: a run of right-to-left letters (with the spaces, punctuation and
    numbers between them) is reversed, numbers inside it keep their own order. A simplified
    Unicode bidirectional algorithm: no explicit embeddings, no Arabic shaping."""
    order = list(range(len(text)))
    if not RIGHT_TO_LEFT.search(text):
        return order
    classes = [unicodedata.bidirectional(ch) for ch in text]
    i = 0
    while i < len(text):
        if classes[i] not in _RTL:
            i += 1
            continue
        end = last = i
        while end < len(text) and classes[end] in _RTL_INSIDE:
            if classes[end] in _RTL:
                last = end
            end += 1
        run = list(range(i, last + 1))[::-1]
        j = 0  # numbers read left to right inside the reversed run
        while j < len(run):
            k = j
            while k < len(run) and classes[run[k]] in ("EN", "AN"):
                k += 1
            if k - j > 1:
                run[j:k] = run[j:k][::-1]
            j = max(k, j + 1)
        order[i:last + 1] = run
        i = last + 1
    return order


def mirrored(ch: str) -> str:
    """The mirror image of a bracket drawn inside a right-to-left run."""
    return _MIRRORED.get(ch, ch)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a multi-line text: one per non-empty line."""
    return [line.strip() for line in str(text).replace("\r", "\n").split("\n") if line.strip()]


def truncate(text: str, width: Callable[[str], float], max_width: float,
             ellipsis: str = "…") -> str:
    """``text`` on one line, cut with an ellipsis to fit ``max_width``."""
    text = " ".join(text.split())
    if width(text) <= max_width:
        return text
    low, high = 0, min(len(text), 400)
    while low < high:
        middle = (low + high + 1) // 2
        if width(text[:middle] + ellipsis) <= max_width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ellipsis


def break_allowed(before: str, after: str) -> bool:
    """May a line end between ``before`` and ``after`` (a break opportunity)?"""
    pair = before + after
    allowed = _ALLOWED.get(pair)
    if allowed is None:
        if len(_ALLOWED) > 200_000:
            _ALLOWED.clear()
        allowed = _ALLOWED[pair] = _break_allowed(before, after)
    return allowed


_ALLOWED: dict[str, bool] = {}


def _break_allowed(before: str, after: str) -> bool:
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if before in _SPACES:
        return True
    if after in _SPACES:
        return False
    if is_wide(before) or is_wide(after):
        return True
    return before in _BREAK_AFTER and after.isalnum()


def break_lines(text: str, widths: Sequence[float], max_widths: Sequence[float],
                phrase_breaks: bool = False) -> list[tuple[int, int]]:
    """Split ``text`` (one width per character) into lines no wider than ``max_widths`` (one
    per line, the last repeated). Returns ``(start, end)`` spans; "\\n" forces a break and
    belongs to no line; spaces at a break belong to no line either. A line is wider than
    allowed only when a single character does not fit.

    With ``phrase_breaks`` (titles), a line ends after a pause (、，；： or a space) rather
    than inside a phrase, if the line stays at least ``PHRASE_FILL`` full."""
    lines: list[tuple[int, int]] = []
    offset = 0
    for segment in text.split("\n"):
        _break_segment(text, widths, offset, offset + len(segment), max_widths, lines,
                       phrase_breaks)
        offset += len(segment) + 1
    return lines


PHRASE_FILL = 0.6
_PAUSES = frozenset("、，；：,;: \u3000")


def _break_segment(text: str, widths: Sequence[float], start: int, n: int,
                   max_widths: Sequence[float], lines: list[tuple[int, int]],
                   phrase_breaks: bool) -> None:
    first = True
    while True:
        if not first:
            while start < n and text[start] in _SPACES:
                start += 1
        if start >= n:
            if first:
                lines.append((start, start))
            return
        first = False
        limit = max_widths[min(len(lines), len(max_widths) - 1)] + _FUZZ
        width, last_break, last_pause, i, end = 0.0, -1, -1, start, n
        while i < n:
            ch = text[i]
            if i > start and break_allowed(text[i - 1], ch):
                last_break = i
                if phrase_breaks and text[i - 1] in _PAUSES and width >= PHRASE_FILL * limit:
                    last_pause = i
            width += widths[i]
            if width > limit and i > start and ch not in _SPACES:
                if last_pause > start:
                    end = last_pause
                elif last_break > start:
                    end = last_break
                elif ch in NO_LINE_START and i - 1 > start:
                    end = i - 1  # a word longer than the line: keep "，" off the next line
                else:
                    end = i
                break
            i += 1
        stop = end
        while stop > start and text[stop - 1] in _SPACES:
            stop -= 1
        lines.append((start, stop))
        start = end
