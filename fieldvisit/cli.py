"""The headless interface. ``fieldvisit`` alone opens the GUI.

Errors a user can make print one line on stderr and exit with status 2; so do a database
that is locked, read-only or on a full disk, and an output that cannot be written. Ctrl+C
prints one line and exits with status 130, leaving no partial file and no partial write.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NoReturn

from fieldvisit import __version__
from fieldvisit.files import FULL_ERRNOS, disk_full_for, write_text_atomically

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

USER_ERROR = 2
INTERRUPTED = 130  # 128 + SIGINT, as shells report it
DATABASE_URL_ENV = "FIELDVISIT_DATABASE_URL"


def _add_database_options(parser: argparse.ArgumentParser) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="PATH", help="SQLite database file to use")
    where.add_argument("--database-url", metavar="URL",
                       help=f"SQLAlchemy database URL (also ${DATABASE_URL_ENV})")


class _QuietParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ValueError(message)


def _gui_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when they only open the GUI (no command but ``gui``, at most a database),
    found without loading the commands' modules, which keeps start-up quick; else None."""
    parser = _QuietParser(add_help=False, allow_abbrev=False)
    _add_database_options(parser)
    parser.add_argument("command", nargs="?", choices=["gui"])
    try:
        args, unknown = parser.parse_known_args(argv)
    except ValueError:
        return None
    return None if unknown else args


MODULE_PARSERS = {  # module: (the function adding its commands' parsers, the commands)
    "cli_itinerary": ("add_parsers", ("itinerary", "ics", "optimize")),
    "cli_report": ("add_report_parser", ("report", "brief")),
    "cli_search": ("add_parsers", ("search",)),
    "cli_package": ("add_parsers", ("pack", "unpack", "conflicts")),
    "cli_writing": ("add_parsers", ("writing",)),
}


def command_named(argv: list[str]) -> str | None:
    """The command ``argv`` names (its first word that is not an option), if it is one."""
    words = iter(argv)
    for word in words:
        if word in ("--db", "--database-url"):
            next(words, None)
        elif word == "--":
            word = next(words, "")
            return word if word in COMMANDS else None
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def _add_module_parsers(commands: Any, wanted: str | None) -> None:
    """The parsers of the commands other modules define; with ``wanted``, only its module is
    loaded (the others' commands get bare parsers), so a command loads just what it uses."""
    for module, (function, names) in MODULE_PARSERS.items():
        if wanted is None or wanted in names:
            getattr(importlib.import_module(f"fieldvisit.{module}"), function)(commands)
        else:
            for name in names:
                commands.add_parser(name)


def build_parser(wanted: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``wanted`` (a command), only that command's module."""
    parser = argparse.ArgumentParser(
        prog="fieldvisit",
        description="Plan joint field research visits, take notes on site and report on them. "
                    "Without a command, the desktop application opens.")
    parser.add_argument("--version", action="version", version=f"FieldVisit {__version__}")
    _add_database_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", help="open the desktop application (the default)")
    commands.add_parser("sample", help="load the reference visit and print its id")
    visits = commands.add_parser("visits", help="list the visits")
    visits.add_argument("--json", action="store_true", help="print JSON")
    show = commands.add_parser("show", help="show a visit: delegation, stops and counts")
    show.add_argument("visit", metavar="VISIT", help="a visit id or an unambiguous title prefix")
    show.add_argument("--json", action="store_true", help="print JSON")
    roster = commands.add_parser(
        "roster", help="print the delegation in protocol order, grouped by organization")
    roster.add_argument("visit", metavar="VISIT")
    roster.add_argument("--csv", action="store_true",
                        help="print CSV: name, title, organization, role")
    roster_import = commands.add_parser(
        "import-roster", help="add the people of a CSV or Excel roster to the directory")
    roster_import.add_argument("file", metavar="FILE", help="a .csv or .xlsx file")
    roster_import.add_argument("--sheet", help="the Excel sheet to read (default: the first)")
    roster_import.add_argument("--dry-run", action="store_true",
                               help="show what would happen, change nothing")
    _add_module_parsers(commands, wanted)
    export = commands.add_parser("export", help="write a visit as a JSON visit document")
    export.add_argument("visit", metavar="VISIT")
    export.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="file to write, or - for standard output")
    import_ = commands.add_parser("import", help="read a JSON visit document into the database")
    import_.add_argument("file", metavar="FILE", help="the visit document to import")
    return parser


def database_url(args: argparse.Namespace) -> str:
    from fieldvisit.persistence.db import sqlite_url

    if args.database_url:
        return args.database_url
    if args.db:
        return sqlite_url(Path(args.db).expanduser().absolute())
    if os.environ.get(DATABASE_URL_ENV):
        return os.environ[DATABASE_URL_ENV]
    from fieldvisit.data_folder_setting import database_path  # no Qt: headless stays Qt-free

    path = database_path()  # in the data folder chosen in Preferences
    path.parent.mkdir(parents=True, exist_ok=True)
    return sqlite_url(path)


def main(argv: list[str] | None = None) -> int:
    """The program: the GUI or a command, from ``argv`` (``sys.argv[1:]`` when None, as when
    run as ``fieldvisit``)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl+C: outputs are written whole or not at all, a
        # transaction is rolled back (``files.atomic_output``, ``UnitOfWork``)
        print("fieldvisit: interrupted (Ctrl+C); nothing was half-written", file=sys.stderr)
        return INTERRUPTED


def _main(argv: list[str] | None) -> int:
    as_program = argv is None
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _gui_arguments(argv) or build_parser(command_named(argv)).parse_args(argv)
    if args.command in (None, "gui"):
        from fieldvisit.ui.app import run

        return run(args, lambda: database_url(args))
    from fieldvisit.domain.errors import FieldVisitError
    from fieldvisit.persistence.db import open_database

    try:
        database = open_database(database_url(args), on_upgrade=_updating)
        if as_program:  # not in a caller's process (the tests'), whose objects are its own
            from fieldvisit.long_lived import freeze_start_up_objects

            freeze_start_up_objects()
        try:
            _refuse_database_files(args)
            return command(args.command)(database, args)
        finally:
            database.dispose()
    except FieldVisitError as error:
        print(f"fieldvisit: {error}", file=sys.stderr)
        return USER_ERROR
    except OSError as error:
        if error.errno in FULL_ERRNOS:
            print(f"fieldvisit: {disk_full_for(Path(error.filename or '?'))}", file=sys.stderr)
            return USER_ERROR
        print(f"fieldvisit: {error.strerror or error}: {error.filename or ''}".rstrip(": "),
              file=sys.stderr)
        return USER_ERROR


def _updating() -> None:
    """Said before an existing database is upgraded: for a large one it takes minutes."""
    from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

    print(f"fieldvisit: {Message(QT_TRANSLATE_NOOP('Messages', 'Updating the database…'))}",
          file=sys.stderr, flush=True)


def _refuse_database_files(args: argparse.Namespace) -> None:
    """A file to read or write must not be one of the open database's own: reading it would
    drop this process's SQLite locks, writing it would destroy the database."""
    from fieldvisit.persistence.database_files import refuse_database_file

    for name in ("file", "output", "font", "title_font", "heading_font"):
        value = getattr(args, name, None)
        if value and value != "-":
            refuse_database_file(Path(value))


def _sample(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.services.sample import load_reference_visit

    summary = load_reference_visit(database.unit_of_work())
    print(summary.visit_id)
    return 0


def _visits(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.domain.plain import to_plain
    from fieldvisit.services.visits import list_visits

    visits = list_visits(database.unit_of_work())
    if args.json:
        _print_json([to_plain(v) for v in visits])
        return 0
    for v in visits:
        dates = " – ".join(str(d) for d in dict.fromkeys((v.start_date, v.end_date)) if d)
        print(f"{v.id}  {v.status.value:<10} {dates or '-':<24} {v.title}")
    return 0


def _show(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.cli_show import overview_json, overview_text
    from fieldvisit.services.visits import resolve_visit, visit_overview

    uow = database.unit_of_work()
    overview = visit_overview(uow, resolve_visit(uow, args.visit).id)
    if args.json:
        _print_json(overview_json(overview))
    else:
        print(overview_text(overview))
    return 0


def _roster(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.cli_show import roster_csv, roster_text
    from fieldvisit.services.delegation_view import roster
    from fieldvisit.services.visits import resolve_visit, visit_overview

    uow = database.unit_of_work()
    visit_id = resolve_visit(uow, args.visit).id
    if args.csv:
        sys.stdout.write(roster_csv(roster(uow, visit_id)))
    else:
        print(roster_text(visit_overview(uow, visit_id)))
    return 0


def _import_roster(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.services.roster_import import (
        apply_import,
        guess_mapping,
        plan_import,
        read_roster,
    )

    table = read_roster(Path(args.file), args.sheet)
    plan = plan_import(database.unit_of_work(), table, guess_mapping(table.header))
    for row in plan.rejected:
        print(f"rejected {row.message}", file=sys.stderr)
    counts = plan.counts
    verb = "would add" if args.dry_run else "added"
    if not args.dry_run:
        apply_import(database.unit_of_work(), plan)
    print(f"{verb} {counts['create']} people and {len(plan.new_organizations)} organizations; "
          f"{counts['match']} already in the directory; {counts['reject']} rows rejected")
    return 0


def _export(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.services.visit_document import dumps, export_visit
    from fieldvisit.services.visits import resolve_visit

    uow = database.unit_of_work()
    text = dumps(export_visit(uow, resolve_visit(uow, args.visit).id, exchange=True))
    if args.output == "-":
        sys.stdout.write(text)
    else:
        write_text_atomically(Path(args.output), text)
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def _import(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.cli_package import summary_text
    from fieldvisit.services.visit_document import import_visit, read_file

    summary = import_visit(database.unit_of_work(), read_file(Path(args.file)))
    print(summary_text(summary))
    return 0


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int] | str] = {
    "sample": _sample, "visits": _visits, "show": _show, "roster": _roster, "export": _export,
    "import": _import, "import-roster": _import_roster,
    # the other modules' commands, as "module:function", loaded when used
    "itinerary": "cli_itinerary:run_itinerary", "ics": "cli_itinerary:run_ics",
    "optimize": "cli_itinerary:run_optimize", "report": "cli_report:run_report",
    "brief": "cli_report:run_brief",
    "search": "cli_search:run_search", "pack": "cli_package:run_pack",
    "unpack": "cli_package:run_unpack", "conflicts": "cli_package:run_conflicts",
    "writing": "cli_writing:run_writing",
}


def command(name: str) -> Callable[[Database, argparse.Namespace], int]:
    found = COMMANDS[name]
    if isinstance(found, str):
        module, function = found.split(":")
        return getattr(importlib.import_module(f"fieldvisit.{module}"), function)
    return found
