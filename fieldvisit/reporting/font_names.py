"""The family name a TrueType/OpenType file declares, as Word and WPS know the font: the
Simplified Chinese name when the file has one (仿宋_GB2312, 方正小标宋简体), else the English one.

A Word document names its fonts rather than embedding them, so a user's font file becomes the
name of an installed font. Reads the file's ``name`` table with ``struct`` alone (no ReportLab,
no fontTools); a collection (.ttc) gives its first font's name.
"""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path

from fieldvisit.domain.errors import FieldVisitError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

_FAMILY, _TYPOGRAPHIC_FAMILY = 1, 16
_WINDOWS, _MAC = 3, 1
_ZH_CN, _ZH_SG, _EN_US = 0x0804, 0x1004, 0x0409
MAX_NAME_TABLE = 1 << 20


@cache
def font_family(path: str) -> str:
    """The family name of the font in ``path``; FieldVisitError when it is not a font."""
    try:
        with open(path, "rb") as file:
            return _family(file)
    except (OSError, struct.error, ValueError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else \
            "not a TrueType or OpenType font"
        raise FieldVisitError(Message(QT_TRANSLATE_NOOP(
            "Messages", "cannot use the font {path}: {error} (the report needs a TrueType "
                        "font: .ttf or .ttc)"),
            path=str(Path(path)), error=reason)) from None


def _family(file) -> str:  # noqa: ANN001 - a binary file
    tag = file.read(4)
    offset = 0
    if tag == b"ttcf":
        file.seek(12)
        (offset,) = struct.unpack(">I", file.read(4))
        file.seek(offset)
        tag = file.read(4)
    if tag not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        raise ValueError("not a font")
    (count,) = struct.unpack(">H", file.read(2))
    file.seek(offset + 12)
    tables = {}
    for _ in range(min(count, 200)):
        name, _checksum, start, length = struct.unpack(">4sIII", file.read(16))
        tables[name] = (start, length)
    if b"name" not in tables:
        raise ValueError("no name table")
    start, length = tables[b"name"]
    file.seek(start)
    table = file.read(min(length, MAX_NAME_TABLE))
    _format, records, strings = struct.unpack(">HHH", table[:6])
    names: dict[tuple[int, int, int], str] = {}
    for index in range(records):
        platform, encoding, language, name_id, size, at = struct.unpack(
            ">HHHHHH", table[6 + 12 * index:18 + 12 * index])
        if name_id not in (_FAMILY, _TYPOGRAPHIC_FAMILY):
            continue
        raw = table[strings + at:strings + at + size]
        if platform in (0, _WINDOWS):
            text = raw.decode("utf-16-be", "replace")
        elif platform == _MAC and encoding == 0:
            text = raw.decode("mac-roman", "replace")
        else:
            continue
        names[(platform, language, name_id)] = text.strip("\x00 ")
    for key in ((_WINDOWS, _ZH_CN, _TYPOGRAPHIC_FAMILY), (_WINDOWS, _ZH_CN, _FAMILY),
                (_WINDOWS, _ZH_SG, _FAMILY), (_WINDOWS, _EN_US, _TYPOGRAPHIC_FAMILY),
                (_WINDOWS, _EN_US, _FAMILY)):
        if names.get(key):
            return names[key]
    for (_platform, _language, name_id), text in sorted(names.items()):
        if name_id == _FAMILY and text:
            return text
    raise ValueError("no family name")
