"""The writer's section text as document blocks: one paragraph per line; a line starting with a
number of the official convention is a heading of that level — Chinese "（一）" level 2, "1." /
"1．" / "1、" level 3, "（1）" level 4; English "1." / "1.1" level 2 ("1.1" only before a
capital: "3.5 million" is no heading), "(a)" level 3, "(i)" level 4.
When the line goes on after the heading's first sentence ("（一）强化阵地建设。正文……"), the
heading runs in at the start of the paragraph (``Paragraph.lead_in``, its text keeps the "。").
The numbers are the writer's, printed as written (never renumbered)."""

from __future__ import annotations

import re

from fieldvisit.reporting.document import Block, Heading, Paragraph

_ZH = (
    (2, re.compile(r"^([（(][一二三四五六七八九十百]+[）)])\s*")),
    (4, re.compile(r"^([（(]\d{1,3}[）)])\s*")),
    (3, re.compile(r"^(\d{1,3}(?:[.．](?!\d)|、))\s*")),
)
_ROMAN = re.compile(r"^\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)", re.I)
_EN = (
    (2, re.compile(r"^(\d{1,3}\.|\d{1,3}\.\d{1,3}\.?(?=\s+[A-Z“\"]))\s+")),
    (3, re.compile(r"^(\([a-z]\))\s*", re.I)),
)
_ZH_SENTENCE = re.compile(r"^(.+?[。！？])(.+)$", re.S)
_EN_SENTENCE = re.compile(r"^(.+?[.!?])\s+(\S.*)$", re.S)


def parse_section(text: str, language: str, confidential: frozenset[str] = frozenset()
                  ) -> tuple[Block, ...]:
    """Blocks of the writer's ``text``. A paragraph holding one of the ``confidential``
    snippets is flagged confidential."""
    blocks: list[Block] = []
    previous_letter = ""
    for raw in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            continue
        level, number, rest = _marker(line, language, previous_letter)
        if level == 3 and language != "zh":
            previous_letter = number.strip("()").lower()
        secret = any(snippet in line for snippet in confidential)
        if not level:
            blocks.append(Paragraph(line, confidential=secret))
            continue
        match = (_ZH_SENTENCE if language == "zh" else _EN_SENTENCE).match(rest)
        if match and match.group(2).strip():
            blocks.append(Paragraph(match.group(2).strip(), confidential=secret,
                                    lead_in=Heading(level, number, match.group(1).strip())))
        else:
            blocks.append(Heading(level, number, rest))
    return tuple(blocks)


def _marker(line: str, language: str, previous_letter: str) -> tuple[int, str, str]:
    """(level, number as written, the rest of the line); level 0 for an ordinary line."""
    if language == "zh":
        for level, pattern in _ZH:
            match = pattern.match(line)
            if match and line[match.end():].strip():
                return level, match.group(1), line[match.end():].strip()
        return 0, "", line
    roman = _ROMAN.match(line)
    if roman and not _next_letter(previous_letter, roman.group()):
        rest = line[roman.end():].strip()
        if rest:
            return 4, roman.group(), rest
    for level, pattern in _EN:
        match = pattern.match(line)
        if match and line[match.end():].strip():
            return level, match.group(1), line[match.end():].strip()
    return 0, "", line


def _next_letter(previous: str, marker: str) -> bool:
    """"(i)" after "(h)" is a letter, not a roman number."""
    letter = marker.strip("()").lower()
    return len(letter) == 1 and bool(previous) and ord(letter) == ord(previous) + 1
