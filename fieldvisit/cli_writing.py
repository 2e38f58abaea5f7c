"""``fieldvisit writing VISIT``: the writer's texts of a visit's report and brief, and changing
them: ``--set FIELD=TEXT``, ``--set-file FIELD=PATH`` (a UTF-8 file), ``--reset FIELD`` (back
to the draft). Mistakes are raised as FieldVisitError/OSError, which ``cli.main`` prints as
one line with status 2; nothing is saved then."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldvisit.domain.errors import ValidationError

if TYPE_CHECKING:
    from fieldvisit.domain.report_writing import ReportWriting
    from fieldvisit.persistence.db import Database

MAX_FILE_BYTES = 10 * 1024 ** 2
"""Largest text file ``--set-file`` reads."""
DRAFT = "(follows the draft)"
EMPTY = "(empty: left out)"


def add_parsers(commands: Any) -> None:
    from fieldvisit.services.report_writing import FIELDS

    writing = commands.add_parser(
        "writing", help="show or change the texts of a visit's report and brief",
        description="Prints the writer's texts of the visit's report and brief, marking those "
                    "that follow the draft the app assembles from the data. Fields: "
                    + ", ".join(FIELDS) + " (signed_on is a date, YYYY-MM-DD).")
    writing.add_argument("visit", metavar="VISIT", help="a visit id or an unambiguous title "
                                                       "prefix")
    writing.add_argument("--set", action="append", default=[], metavar="FIELD=TEXT",
                         help="store TEXT as the field (repeatable; an empty TEXT leaves the "
                              "section out of the report)")
    writing.add_argument("--set-file", action="append", default=[], metavar="FIELD=PATH",
                         help="store the text of a UTF-8 file as the field (repeatable)")
    writing.add_argument("--reset", action="append", default=[], metavar="FIELD",
                         help="the field follows the draft again (repeatable)")
    writing.add_argument("--json", action="store_true",
                         help="print JSON: every field, null where it follows the draft")


def run_writing(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.services.report_writing import report_writing, update_report_writing
    from fieldvisit.services.visits import resolve_visit

    uow = database.unit_of_work()
    visit = resolve_visit(uow, args.visit)
    changes = requested_changes(args)
    if changes:
        writing = update_report_writing(uow, visit.id, changes, None)
    else:
        writing = report_writing(uow, visit.id)
    if args.json:
        print(json.dumps(writing_json(writing), ensure_ascii=False, indent=2))
    else:
        print(f"{visit.id}  {visit.title}")
        print(writing_text(writing))
    return 0


def requested_changes(args: argparse.Namespace) -> dict[str, Any]:
    """The changes the options ask for; a field named twice, or an option without its ``=``,
    is refused."""
    from fieldvisit.services.report_writing import checked_changes

    changes: dict[str, Any] = {}

    def field(name: str) -> str:
        name = name.strip()
        checked_changes({name: None})  # a known field (before any file is read)
        if name in changes:
            raise ValidationError(f"{name} is given more than once")
        return name

    for item in args.set:
        name, equals, text = item.partition("=")
        if not equals:
            raise ValidationError(f"--set expects FIELD=TEXT, not {item!r}")
        changes[field(name)] = text
    for item in args.set_file:
        name, equals, path = item.partition("=")
        if not equals or not path:
            raise ValidationError(f"--set-file expects FIELD=PATH, not {item!r}")
        name = field(name)  # before the file is read
        changes[name] = read_text(Path(path))
    for name in args.reset:
        changes[field(name)] = None
    return changes


def read_text(path: Path) -> str:
    """The text of a UTF-8 file (a byte order mark dropped, Windows line ends made plain)."""
    from fieldvisit.persistence.database_files import refuse_database_file

    refuse_database_file(path)
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(f"{path.name} is larger than {MAX_FILE_BYTES // 1024 ** 2} MiB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(f"{path.name} is not UTF-8 text (byte {error.start} cannot be "
                              "read); save it as UTF-8") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def writing_text(writing: ReportWriting) -> str:
    from fieldvisit.services.report_writing import FIELDS

    width = max(map(len, FIELDS)) + 2
    lines = []
    if writing.version:
        lines.append(f"version {writing.version}, last saved by {writing.changed_by or '?'}")
    for name in FIELDS:
        value = getattr(writing, name)
        if value is None:
            lines.append(f"{name:<{width}}{DRAFT}")
            continue
        shown = str(value).splitlines() or [EMPTY]
        lines.append(f"{name:<{width}}{shown[0]}")
        lines += [" " * width + line for line in shown[1:]]
    return "\n".join(lines)


def writing_json(writing: ReportWriting) -> dict[str, Any]:
    from fieldvisit.domain.plain import to_plain
    from fieldvisit.services.report_writing import FIELDS

    plain = to_plain(writing)
    return {"visit_id": plain["visit_id"], "version": writing.version,
            "changed_by": writing.changed_by, **{name: plain[name] for name in FIELDS}}
