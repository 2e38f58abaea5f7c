"""Values every database stores the same way.

SQLite keeps a NUL character (U+0000) in text, PostgreSQL refuses it; neither can store half of
a surrogate pair (U+D800..U+DFFF), which is not a character; PostgreSQL refuses an infinite or
undefined number (Infinity, NaN) in JSON, SQLite keeps it; a whole number beyond 32 bits fits in
SQLite's INTEGER and not in PostgreSQL's. So records refuse such values (``check``, called by
every record), naming the field, before any database sees them: what one database accepts, the
other accepts too.

An older FieldVisit let SQLite store some of them; ``repaired`` makes what it stored readable
again (the loader uses it only for a row that is refused as it is).
"""

from __future__ import annotations

import dataclasses
import math
import re
import types
import typing
from typing import Any

from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, FieldName, Message

SMALLEST, LARGEST = -2**31, 2**31 - 1
"""The whole numbers every database stores (PostgreSQL's INTEGER)."""
REPLACEMENT = "\ufffd"
"""What a NUL character or half a surrogate pair read from a database becomes."""
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def _storable(text: str) -> bool:
    """No NUL character and no half of a surrogate pair (quicker than searching for them)."""
    if "\x00" in text:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclasses.dataclass(frozen=True)
class _Fields:
    """The fields of a record type holding text, lists of texts, numbers, whole numbers."""

    texts: tuple[str, ...]
    lists: tuple[str, ...]
    numbers: tuple[str, ...]
    wholes: tuple[str, ...]


_PLANS: dict[type, _Fields] = {}


def _fields(cls: type) -> _Fields:
    hints = typing.get_type_hints(cls)
    found: dict[Any, list[str]] = {str: [], tuple[str, ...]: [], float: [], int: []}
    for name in (f.name for f in dataclasses.fields(cls)):
        hint = hints[name]
        options = [a for a in typing.get_args(hint) if a is not type(None)] \
            if typing.get_origin(hint) in (typing.Union, types.UnionType) else [hint]
        if len(options) == 1 and options[0] in found:
            found[options[0]].append(name)
    return _Fields(*(tuple(names) for names in found.values()))


def check(record: Any) -> None:
    """Raise ValidationError for the first value of ``record`` (a dataclass) that a database
    would refuse or store differently. Nested records check themselves. (Runs for every
    record built, those read from the database too: kept quick.)"""
    plan = _PLANS.get(type(record))
    if plan is None:
        plan = _PLANS[type(record)] = _fields(type(record))
    for name in plan.texts:
        value = getattr(record, name)
        if type(value) is str and not _storable(value):
            refuse_text(value, name, name)
    for name in plan.lists:
        for index, item in enumerate(getattr(record, name) or ()):
            if type(item) is str and not _storable(item):
                refuse_text(item, name, f"{name}[{index}]")
    for name in plan.numbers:
        value = getattr(record, name)
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "{field} must be a finite number, not {value}"),
                field=FieldName(name), value=str(value)), name)
    for name in plan.wholes:
        value = getattr(record, name)
        if type(value) is int and not SMALLEST <= value <= LARGEST:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "{field} must be between {smallest} and {largest}"),
                field=FieldName(name), smallest=SMALLEST, largest=LARGEST), name)


is_storable = _storable


def unstorable_character(text: str) -> str:
    """The first NUL character or half of a surrogate pair of ``text`` (which has one)."""
    found = _NOT_TEXT.search(text)
    if found is None:
        raise ValueError("the text has no unstorable character")
    return found.group()


def refuse_text(value: str, name: str, where: str) -> None:
    """Raise ValidationError for ``value`` (of field ``name``, at ``where``), which is not
    storable: it holds a NUL character or half of a surrogate pair."""
    found = unstorable_character(value)
    if found == "\x00":
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{field} must not contain the NUL character (U+0000)"),
            field=FieldName(name)), where)
    raise ValidationError(Message(QT_TRANSLATE_NOOP(
        "Messages", "{field} contains {character}, half of a surrogate pair, which is not a "
        "character"), field=FieldName(name), character=f"U+{ord(found):04X}"), where)


_DROP = object()


def repaired(value: Any) -> Any:
    """``value`` (plain values as a database returns them: texts, numbers, lists, dicts…) with
    what ``check`` refuses made storable: a NUL character or half a surrogate pair becomes
    U+FFFD, a whole number is brought within 32 bits, and an infinite or undefined number is
    left out of its dict (the field's default applies)."""
    if type(value) is str:
        return _NOT_TEXT.sub(REPLACEMENT, value)
    if type(value) is int:
        return min(max(value, SMALLEST), LARGEST)
    if isinstance(value, float) and not math.isfinite(value):
        return _DROP
    if isinstance(value, dict):
        items = {key: repaired(item) for key, item in value.items()}
        return {key: item for key, item in items.items() if item is not _DROP}
    if isinstance(value, (list, tuple)):
        return type(value)(item for item in map(repaired, value) if item is not _DROP)
    return value
