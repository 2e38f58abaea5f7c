"""Reading a roster (a list of people) from a CSV or Excel file into rows of plain text.

Only the file is read here; matching the rows against the directory is ``roster_import``.
Every cell becomes trimmed text: runs of whitespace (newlines, full-width spaces) become one
space, and invisible control characters (C0/C1 controls, bidirectional overrides, zero-width
characters) are dropped. Numbers from a workbook lose a spurious ``.0`` (a phone stored as the
number 13800138000 reads "13800138000"); dates read as ISO text.

Problems are ValidationErrors whose message names the file (and sheet) and what is wrong.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

ROSTER_FIELDS = ("name", "title", "organization", "phone", "email")

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 200
HEADER_SEARCH_ROWS = 10
"""The header is the first of this many non-empty rows with a name heading, or else the first
with more than one cell; rows above it (a title line such as "联合调研人员名单") are skipped."""

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .doc, and password-protected .xlsx
_SIGNATURES = (
    (_ZIP, Message(QT_TRANSLATE_NOOP("Messages", "an Excel workbook or another zip archive"))),
    (_OLE, Message(QT_TRANSLATE_NOOP("Messages", "an Office 97-2003 document"))),
    (b"\x89PNG", Message(QT_TRANSLATE_NOOP("Messages", "a PNG image"))),
    (b"\xff\xd8\xff", Message(QT_TRANSLATE_NOOP("Messages", "a JPEG image"))),
    (b"GIF8", Message(QT_TRANSLATE_NOOP("Messages", "a GIF image"))),
    (b"%PDF", Message(QT_TRANSLATE_NOOP("Messages", "a PDF document"))),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff]")

_HEADINGS = {
    "name": ("姓名", "名字", "人员姓名", "name", "full name"),
    "title": ("职务", "职位", "职称", "职务职称", "title", "job title", "position"),
    "organization": ("单位", "工作单位", "所在单位", "单位名称", "组织", "部门", "organization",
                     "organisation", "org", "unit", "department", "company"),
    "phone": ("电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "联系方式", "phone",
              "phone number", "mobile", "tel", "telephone"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "mail",
              "email address"),
}


@dataclass(frozen=True)
class RosterRow:
    """One non-empty data row. ``row_number`` is the row as the user sees it (in a spreadsheet
    program, or the record number of a CSV file); ``cells`` has one text per header column."""

    row_number: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class RosterTable:
    """What one sheet of a roster file holds. A CSV file is one pseudo-sheet named after the
    file's stem. ``header`` and every row's ``cells`` have the same length."""

    file_name: str
    sheet_names: tuple[str, ...]
    sheet: str
    header_row: int
    header: tuple[str, ...]
    rows: tuple[RosterRow, ...]


def read_roster(path: Path, sheet: str | None = None) -> RosterTable:
    """Read one sheet (by default the first) of a ``.xlsx``/``.xlsm`` workbook, or a CSV file
    (``.csv``, ``.txt``, ``.tsv``) in UTF-8 (with or without BOM) or GB18030 whose delimiter
    (comma, semicolon or tab) is detected. A file with a header and no rows gives no rows."""
    path = Path(path)
    name = path.name
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} cannot be read: {error}"), name=name,
            error=error.strerror or str(error))) from None
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} is too large; a roster file can have at most {limit} MB"),
            name=name, limit=f"{MAX_FILE_BYTES / 2**20:g}"))
    if not data:
        raise ValidationError(Message(QT_TRANSLATE_NOOP("Messages", "{name} is empty"), name=name))
    suffix = path.suffix.lower()
    if _is_workbook(name, suffix, data):
        return _read_workbook(name, data, sheet)
    if sheet is not None and sheet != path.stem:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "sheet '{sheet}' not found in {name}; the file has: {sheets}"),
            sheet=sheet, name=name, sheets=path.stem))
    text = _decode(name, data)
    delimiter = "\t" if suffix == ".tsv" else _delimiter(text)
    return _table(name, (path.stem,), path.stem, name, _csv_rows(name, text, delimiter))


def guess_mapping(header: Sequence[str]) -> dict[str, int | None]:
    """The column index of each roster field, recognized from common Chinese and English
    headings (case, spaces, colons, '*' and bracketed hints such as （必填） ignored); the
    first matching column wins, and a field without one maps to None."""
    mapping: dict[str, int | None] = dict.fromkeys(ROSTER_FIELDS)
    for index, heading in enumerate(header):
        field = _HEADING_FIELDS.get(_heading_key(heading))
        if field and mapping[field] is None:
            mapping[field] = index
    return mapping


def _heading_key(heading: str) -> str:
    text = unicodedata.normalize("NFKC", heading).casefold()
    return re.sub(r"[\s:*_\-.]", "", re.sub(r"\(.*?\)|\[.*?\]|【.*?】", "", text))


_HEADING_FIELDS = {_heading_key(h): field for field, hs in _HEADINGS.items() for h in hs}


def _is_workbook(name: str, suffix: str, data: bytes) -> bool:
    if suffix == ".xls" or (suffix in WORKBOOK_SUFFIXES and data.startswith(_OLE)):
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} is an Excel 97-2003 workbook or is password-protected; save it "
            "as an Excel workbook (.xlsx) without a password, or as CSV, and import that"),
            name=name))
    if suffix in WORKBOOK_SUFFIXES:
        if not data.startswith(_ZIP):
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "{name} is damaged: it is not an Excel (.xlsx) workbook"), name=name))
        return True
    if suffix not in CSV_SUFFIXES:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} is not a CSV or Excel (.xlsx) file"), name=name))
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "{name} is not a CSV file: it is {what}"), name=name, what=what))
    if data.startswith(_UTF16_BOMS):
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} is in UTF-16; save it as “CSV UTF-8” and import that"),
            name=name))
    if b"\x00" in data:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} is not a CSV file: it contains binary data"), name=name))
    return False


def _decode(name: str, data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(Message(QT_TRANSLATE_NOOP(
        "Messages", "{name} is neither UTF-8 nor GB18030 text; save it as “CSV UTF-8” and "
        "import that"), name=name))


def _delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever occurs most (outside quotes) in the first lines."""
    lines = [line for line in text[:100_000].splitlines() if line.strip()][:HEADER_SEARCH_ROWS]
    unquoted = re.sub(r'"[^"]*"', "", "\n".join(lines))
    counts = {d: unquoted.count(d) for d in ",;\t"}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _csv_rows(name: str, text: str, delimiter: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            yield [_text(cell) for cell in record]
    except csv.Error as error:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} is damaged near line {line}: {error}"), name=name,
            line=reader.line_num, error=str(error))) from None


def _read_workbook(name: str, data: bytes, sheet: str | None) -> RosterTable:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl reports damage with many exception types
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{name} is damaged: {error}"), name=name, error=_reason(error))) from None
    try:
        sheets = {worksheet.title: worksheet for worksheet in workbook.worksheets}
        if not sheets:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "{name} has no worksheets"), name=name))
        chosen = next(iter(sheets)) if sheet is None else sheet
        if chosen not in sheets:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "sheet '{sheet}' not found in {name}; the workbook has: {sheets}"),
                sheet=chosen, name=name, sheets=", ".join(sheets)))
        worksheet = sheets[chosen]
        worksheet.reset_dimensions()  # stated dimensions may be wrong or absurdly large
        where = Message(QT_TRANSLATE_NOOP("Messages", "sheet '{sheet}' of {name}"),
                        sheet=chosen, name=name)
        return _table(name, tuple(sheets), chosen, where, _sheet_rows(name, worksheet))
    finally:
        workbook.close()


def _sheet_rows(name: str, worksheet: Any) -> Iterator[list[str]]:
    rows = worksheet.iter_rows(values_only=True)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as error:  # a damaged sheet fails while it is parsed
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "{name} is damaged: {error}"), name=name,
                error=_reason(error))) from None
        yield [_cell_text(value) for value in row]


def _reason(error: Exception) -> str:
    return str(error).strip("'\" ") or type(error).__name__


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, datetime):
        if value.time() == time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if not value.second else "seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return _text(str(value))


def _text(value: str) -> str:
    return " ".join(_INVISIBLE.sub("", value).split())


def _table(file_name: str, sheet_names: tuple[str, ...], sheet: str, where: str,
           records: Iterable[list[str]]) -> RosterTable:
    found: list[RosterRow] = []
    for number, cells in enumerate(records, start=1):
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if len(cells) > MAX_COLUMNS:
            raise ValidationError(Message(QT_TRANSLATE_NOOP(
                "Messages", "row {row} of {where} has {count} columns; a roster can have at "
                "most {limit}"), row=number, where=where, count=len(cells), limit=MAX_COLUMNS))
        found.append(RosterRow(number, tuple(cells)))
        if len(found) > MAX_ROWS + HEADER_SEARCH_ROWS:
            break
    if not found:
        raise ValidationError(Message(QT_TRANSLATE_NOOP("Messages", "{name} is empty"),
                                      name=where))
    first = found[:HEADER_SEARCH_ROWS]
    start = next((i for i, row in enumerate(first) if guess_mapping(row.cells)["name"] is not None),
                 next((i for i, row in enumerate(first) if sum(map(bool, row.cells)) > 1), 0))
    header, rows = found[start], found[start + 1:]
    if len(rows) > MAX_ROWS:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{where} has more than {limit} rows; split it into smaller files"),
            where=where, limit=f"{MAX_ROWS:,}"))
    width = max(len(row.cells) for row in found[start:])

    def padded(cells: tuple[str, ...]) -> tuple[str, ...]:
        return cells + ("",) * (width - len(cells))

    return RosterTable(file_name, sheet_names, sheet, header.row_number, padded(header.cells),
                       tuple(RosterRow(row.row_number, padded(row.cells)) for row in rows))
