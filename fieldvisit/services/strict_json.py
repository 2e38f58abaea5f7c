"""The one strict JSON reader of FieldVisit's files: visit documents (``fieldvisit import``,
File ▸ Import Visit, the sample) and the members of visit packages (``unpack``).

Stricter than ``json.loads``, as docs/visit-format.md says readers are: the size is capped
before a byte is read, the text must be UTF-8, nesting is limited (checked before parsing, so
no deep document reaches the recursive parser), and it refuses what is not JSON or what no
database stores — ``NaN``, ``Infinity``, numbers too large for a float, whole numbers of more
than ``MAX_DIGITS`` digits, a key given twice in one object, a NUL character or half a
surrogate pair in a string or a key. Every refusal is a DocumentError naming the JSON path of
the first problem (``$`` with a line and column for what precedes parsing).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from fieldvisit.domain import storable
from fieldvisit.domain.errors import DocumentError, ValidationError
from fieldvisit.domain.json_path import member
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

MAX_BYTES = 100 * 1024 ** 2
"""Largest visit document (or package member read as JSON), checked before reading."""
MAX_DEPTH = 32
"""Deepest nesting of arrays and objects (a visit document needs 4)."""
MAX_DIGITS = 20
"""Longest whole number in digits: int64 and a little more; the fields' own ranges are
smaller (``domain/limits.py``)."""
SHOWN_NUMBER_CHARS = 32

_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_SUSPECT_ESCAPES = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")


def read_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the file at ``path``, refused (before reading) beyond ``limit``."""
    limit = MAX_BYTES if limit is None else limit
    with Path(path).open("rb") as handle:
        if os.fstat(handle.fileno()).st_size > limit:
            raise _too_large(limit)
        data = handle.read(limit + 1)  # a file still growing, or a pipe
    if len(data) > limit:
        raise _too_large(limit)
    return data


def loads(data: bytes | str, limit: int | None = None) -> Any:
    """The JSON value of ``data``, read strictly (see the module's description)."""
    limit = MAX_BYTES if limit is None else limit
    if len(data) > limit:
        raise _too_large(limit)
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DocumentError("$", Message(QT_TRANSLATE_NOOP(
                "Messages", "the file is not UTF-8 text ({reason})"),
                reason=error.reason)) from None
    else:
        text = data
    _check_depth(text)
    reader = _Reader()
    try:
        value = json.loads(text, parse_constant=reader.constant, parse_int=reader.whole,
                           parse_float=reader.number, object_pairs_hook=reader.object)
    except json.JSONDecodeError as error:
        raise DocumentError("$", Message(QT_TRANSLATE_NOOP(
            "Messages", "not valid JSON: {error} at line {line}, column {column}"),
            error=error.msg, line=error.lineno, column=error.colno)) from None
    except RecursionError:  # pragma: no cover - the depth is checked first
        raise _too_deep(1, 1) from None
    if reader.refused or _SUSPECT_ESCAPES.search(text) or not storable.is_storable(text):
        _find_first_problem(value)
    return value


def _too_large(limit: int) -> DocumentError:
    return DocumentError("$", Message(QT_TRANSLATE_NOOP(
        "Messages", "the file is larger than {limit} bytes, the limit for a visit document"),
        limit=limit))


def _too_deep(line: int, column: int) -> DocumentError:
    return DocumentError("$", Message(QT_TRANSLATE_NOOP(
        "Messages", "nested more than {depth} levels deep (line {line}, column {column})"),
        depth=MAX_DEPTH, line=line, column=column))


def _check_depth(text: str) -> None:
    """Refuse more than MAX_DEPTH nested arrays and objects, counting brackets outside
    strings: quick, and without recursion."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    for token in _TOKENS.finditer(text):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                at = token.start()
                raise _too_deep(text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))
        elif bracket in "]}":
            depth -= 1


class _Refused:
    """Stands in the parsed value for a number that is refused; the path is found after."""

    __slots__ = ("message",)

    def __init__(self, message: Message) -> None:
        self.message = message


class _Duplicated(dict):
    """An object in which ``key`` appears more than once."""

    key: str


class _Reader:
    def __init__(self) -> None:
        self.refused = False

    def constant(self, name: str) -> _Refused:  # NaN, Infinity, -Infinity
        self.refused = True
        return _Refused(Message(QT_TRANSLATE_NOOP(
            "Messages", "{value} is not a JSON number"), value=name))

    def whole(self, literal: str) -> int | _Refused:
        if len(literal) - literal.startswith("-") > MAX_DIGITS:
            self.refused = True
            return _Refused(Message(QT_TRANSLATE_NOOP(
                "Messages", "the number {number} has more than {digits} digits"),
                number=_shown(literal), digits=MAX_DIGITS))
        return int(literal)

    def number(self, literal: str) -> float | _Refused:
        value = float(literal)
        if value in (float("inf"), float("-inf")):
            self.refused = True
            return _Refused(Message(QT_TRANSLATE_NOOP(
                "Messages", "the number {number} is too large"), number=_shown(literal)))
        return value

    def object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        value = dict(pairs)
        if len(value) == len(pairs):
            return value
        self.refused = True
        seen: set[str] = set()
        duplicated = _Duplicated(value)
        for key, _value in pairs:
            if key in seen:
                duplicated.key = key  # the first key given twice
                break
            seen.add(key)
        return duplicated


def _shown(literal: str) -> str:
    return literal if len(literal) <= SHOWN_NUMBER_CHARS else literal[:SHOWN_NUMBER_CHARS] + "…"


def _find_first_problem(value: Any) -> None:
    """Raise DocumentError for the first refused value, in document order."""
    stack: list[tuple[str, str, Any]] = [("$", "", value)]
    while stack:
        path, name, item = stack.pop()
        if isinstance(item, _Refused):
            raise DocumentError(path, item.message)
        if isinstance(item, str):
            if not storable.is_storable(item):
                try:
                    storable.refuse_text(item, name, name)
                except ValidationError as error:
                    raise DocumentError(path, error.message) from None
        elif isinstance(item, dict):
            if isinstance(item, _Duplicated):
                raise DocumentError(member(path, item.key), Message(QT_TRANSLATE_NOOP(
                    "Messages", "the key appears more than once in its object")))
            for key in item:
                if not storable.is_storable(key):
                    _refuse_key(member(path, key), key)
            stack.extend((member(path, key), key, child)
                         for key, child in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend((f"{path}[{index}]", name, child)
                         for index, child in reversed(list(enumerate(item))))


def _refuse_key(path: str, key: str) -> None:
    found = storable.unstorable_character(key)
    if found == "\x00":
        raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
            "Messages", "a key must not contain the NUL character (U+0000)")))
    raise DocumentError(path, Message(QT_TRANSLATE_NOOP(
        "Messages", "a key contains {character}, half of a surrogate pair, which is not a "
        "character"), character=f"U+{ord(found):04X}"))
