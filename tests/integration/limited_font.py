"""A TrueType font that lacks characters on purpose, made from the bundled one for the tests:
the same outlines, a character map cut down to what ``keep`` accepts and a family name of
its own (as a GB2312-only font lacks the en dash, emoji, Hebrew and rare characters)."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Callable

from reportlab.pdfbase.ttfonts import TTFontFile

from fieldvisit.paths import resource


def gb2312_like(code: int) -> bool:
    """ASCII, the common Chinese characters, CJK and full-width punctuation, a few symbols
    of GB2312 — and no en dash (U+2013)."""
    return (0x20 <= code <= 0x7E or 0x4E00 <= code <= 0x9FA5 or 0x3000 <= code <= 0x303F
            or 0xFF01 <= code <= 0xFF5E or code in (0x00B7, 0x2014, 0x2018, 0x2019, 0x201C,
                                                     0x201D, 0x2026, 0x25A1, 0x00D7))


def make_limited_font(folder: Path, family: str = "Limited Song",
                      keep: Callable[[int], bool] = gb2312_like) -> Path:
    source = TTFontFile(str(resource("fonts", "wqy-microhei.ttc")), subfontIndex=0)
    mapping = {code: glyph for code, glyph in source.charToGlyph.items()
               if code <= 0xFFFF and keep(code)}
    tables = {tag: source.get_table(tag) for tag in source.table
              if tag not in ("cmap", "name", "DSIG")}
    tables["cmap"] = _cmap(mapping)
    tables["name"] = _name(family)
    path = folder / (family.replace(" ", "") + ".ttf")
    path.write_bytes(_font_file(tables))
    return path


def _cmap(mapping: dict[int, int]) -> bytes:
    """A (3, 1) format 4 subtable: one segment per run of consecutive character codes."""
    codes = sorted(mapping)
    segments: list[tuple[int, int]] = []
    for code in codes:
        if segments and segments[-1][1] == code - 1:
            segments[-1] = (segments[-1][0], code)
        else:
            segments.append((code, code))
    segments.append((0xFFFF, 0xFFFF))
    count = len(segments)
    glyph_ids: list[int] = []
    ends, starts, deltas, offsets = [], [], [], []
    for index, (start, end) in enumerate(segments):
        ends.append(end)
        starts.append(start)
        if start == 0xFFFF:
            deltas.append(1)
            offsets.append(0)
            continue
        deltas.append(0)
        # idRangeOffset: bytes from this offset word to the segment's first glyph id
        offsets.append(2 * (count - index) + 2 * len(glyph_ids))
        glyph_ids.extend(mapping[code] for code in range(start, end + 1))
    body = struct.pack(f">{count}H", *ends) + b"\0\0" + struct.pack(f">{count}H", *starts)
    body += struct.pack(f">{count}h", *[d if d < 0x8000 else d - 0x10000 for d in deltas])
    body += struct.pack(f">{count}H", *offsets) + struct.pack(f">{len(glyph_ids)}H", *glyph_ids)
    search = 2 ** (count.bit_length() - 1)
    header = struct.pack(">7H", 4, 14 + len(body), 0, count * 2, search * 2,
                         search.bit_length() - 1, count * 2 - search * 2)
    subtable = header + body
    if len(subtable) > 0xFFFF:
        raise ValueError("character map too big for format 4")
    return struct.pack(">HHHHI", 0, 1, 3, 1, 12) + subtable


def _name(family: str) -> bytes:
    names = {1: family, 2: "Regular", 4: family, 6: family.replace(" ", "")}
    records, strings = [], b""
    for name_id, value in names.items():
        encoded = value.encode("utf-16-be")
        records.append(struct.pack(">6H", 3, 1, 0x409, name_id, len(encoded), len(strings)))
        strings += encoded
    return struct.pack(">3H", 0, len(records), 6 + 12 * len(records)) + b"".join(records) \
        + strings


def _font_file(tables: dict[str, bytes]) -> bytes:
    tags = sorted(tables)
    count = len(tags)
    search = 2 ** (count.bit_length() - 1)
    out = struct.pack(">IHHHH", 0x00010000, count, search * 16, search.bit_length() - 1,
                      count * 16 - search * 16)
    offset = 12 + 16 * count
    directory, data = b"", b""
    for tag in tags:
        table = tables[tag]
        padded = table + b"\0" * (-len(table) % 4)
        checksum = sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF
        directory += struct.pack(">4sIII", tag.encode("latin-1"), checksum,
                                 offset + len(data), len(table))
        data += padded
    return out + directory + data
