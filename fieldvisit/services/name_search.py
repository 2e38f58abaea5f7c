"""Finding names as people type them: by characters, or by pinyin in full or by initials.

``pjx``, ``panjianxin``, ``panjx`` and ``jianxin`` all find 潘建新. Each syllable of a name may
be typed in full or as any beginning of it (its initial at least), in order, starting at any
syllable; every reading of a character with several readings counts. A character may also be
typed as itself, so ``潘jx`` and ``pan建新`` find 潘建新 too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import Any, TypeVar

R = TypeVar("R")

_SEPARATORS = re.compile(r"[\s'’·•\-_.]+")


def normalize_query(query: str) -> str:
    return _SEPARATORS.sub("", query).casefold()


def _each(chars: str) -> list[str]:
    """pypinyin's ``errors`` callback: characters without a reading are their own spellings,
    one each."""
    return list(chars)


@lru_cache(maxsize=20000)
def syllables(text: str) -> tuple[frozenset[str], ...]:
    """The spellings of each syllable of ``text``: a Chinese character is spelled as itself or
    as any of its readings; a run of Latin letters or digits is one 'syllable' spelled as
    itself, so English names match by their words; separators are left out."""
    from pypinyin import Style, pinyin

    # pypinyin's stubs type ``errors`` as returning a str; returning a list is documented.
    readings = pinyin(text, style=Style.NORMAL, heteronym=True,
                      errors=_each)  # type: ignore[arg-type]
    if len(readings) != len(text):  # one item per character is expected; be safe otherwise
        readings = [pinyin(char, style=Style.NORMAL, heteronym=True,
                           errors=_each)[0]  # type: ignore[arg-type]
                    for char in text]
    result: list[frozenset[str]] = []
    word = ""
    for char, options in zip(text, readings, strict=True):
        if char.isascii() and char.isalnum():
            word += char.casefold()
            continue
        if word:
            result.append(frozenset({word}))
            word = ""
        spelled = {normalize_query(o) for o in (char, *options)} - {""}
        if spelled:
            result.append(frozenset(spelled))
    if word:
        result.append(frozenset({word}))
    return tuple(result)


@lru_cache(maxsize=20000)
def collation_key(text: str) -> tuple[tuple[str, int, str], ...]:
    """The order Chinese users expect of names: by pinyin (then tone, then the character), so
    安 < 白 < 潘 < 钟, with Latin letters in the same alphabet (Alice before 白, Zoe after
    潘) — not by code point, which puts 钟 before 潘 and 白 near the end."""
    from pypinyin import Style, pinyin

    key = []
    for char, reading in zip(text, _readings(text, pinyin, Style.TONE3), strict=True):
        if reading and reading != char and reading[-1:].isdigit():
            key.append((reading[:-1], int(reading[-1]), char))
        elif reading and reading != char:
            key.append((reading, 5, char))  # the neutral tone
        else:
            key.append((char.casefold(), 0, char))
    return tuple(key)


def _readings(text: str, pinyin: Any, style: Any) -> list[str]:
    readings = [r[0] for r in pinyin(text, style=style, errors=lambda chars: list(chars))]
    if len(readings) != len(text):
        readings = [pinyin(char, style=style, errors=lambda chars: list(chars))[0][0]
                    for char in text]
    return readings


def by_name(records: Iterable[R], name: Callable[[R], str]) -> list[R]:
    """``records`` in the order of ``collation_key`` of their names."""
    return sorted(records, key=lambda record: collation_key(name(record)))


def matches(query: str, *texts: str) -> bool:
    """Whether ``query`` finds any of ``texts`` (a name, a title, an organization...)."""
    wanted = normalize_query(query)
    if not wanted:
        return True
    for text in texts:
        if not text:
            continue
        if wanted in normalize_query(text):
            return True
        if _matches_syllables(wanted, syllables(text)):
            return True
    return False


def _matches_syllables(query: str, parts: tuple[frozenset[str], ...]) -> bool:
    @cache
    def consume(position: int, syllable: int) -> bool:
        if position == len(query):
            return True
        if syllable == len(parts):
            return False
        for reading in parts[syllable]:
            for length in range(min(len(reading), len(query) - position), 0, -1):
                if reading[:length] == query[position:position + length] \
                        and consume(position + length, syllable + 1):
                    return True
        return False

    return any(consume(0, start) for start in range(len(parts)))
