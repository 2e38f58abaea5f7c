"""JSON paths for messages (``$.notes[3].kind``): always one printable line, whatever the keys
of a document hold."""

from __future__ import annotations

import re

_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]{1,80}\Z")
SHOWN_KEY_CHARS = 60


def member(path: str, key: str) -> str:
    """The path of ``key`` in the object at ``path``: ``$.visit.title``; a key that is not a
    plain name is quoted, with escapes for what is not printable, and shortened when long:
    ``$.visit["a\\nb"]``."""
    if _PLAIN_KEY.match(key):
        return f"{path}.{key}"
    return f"{path}[{quoted(key)}]"


def quoted(text: str) -> str:
    shown = text if len(text) <= SHOWN_KEY_CHARS else text[:SHOWN_KEY_CHARS]
    body = "".join(_escaped(c) for c in shown)
    return f'"{body}…"' if shown is not text else f'"{body}"'


def _escaped(character: str) -> str:
    if character in '"\\':
        return "\\" + character
    if character == "\n":
        return "\\n"
    if character.isprintable() and not "\ud800" <= character <= "\udfff":
        return character
    return f"\\u{ord(character):04x}" if ord(character) <= 0xFFFF else \
        f"\\U{ord(character):08x}"
