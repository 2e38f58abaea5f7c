"""``fieldvisit pack``, ``unpack`` and ``conflicts``: visit packages between laptops, headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from uuid import UUID

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database
    from fieldvisit.services.package_merge import ConflictView, MergeSummary


def add_parsers(commands: Any) -> None:
    pack = commands.add_parser(
        "pack", help="write a visit and its photos as a .fieldvisit package")
    pack.add_argument("visit", metavar="VISIT")
    pack.add_argument("-o", "--output", metavar="FILE", required=True,
                      help="the package to write (FILE.fieldvisit)")
    unpack = commands.add_parser(
        "unpack", help="merge a .fieldvisit package into the database (by UUID; edits made "
                       "on both sides become conflicts to resolve)")
    unpack.add_argument("file", metavar="FILE", help="the package to read")
    conflicts = commands.add_parser(
        "conflicts", help="list the merge conflicts, or resolve one")
    conflicts.add_argument("--resolve", metavar="ID", help="the conflict to resolve")
    side = conflicts.add_mutually_exclusive_group()
    side.add_argument("--mine", action="store_true", help="keep this database's version")
    side.add_argument("--theirs", action="store_true", help="take the other laptop's version")


def run_pack(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.persistence.db import photo_root
    from fieldvisit.services.package import pack_visit
    from fieldvisit.services.visits import resolve_visit

    uow = database.unit_of_work()
    result = pack_visit(uow, photo_root(database.url), resolve_visit(uow, args.visit).id,
                        Path(args.output))
    print(f"wrote {args.output}: {result.records} records, {result.photos} photo files",
          file=sys.stderr)
    return 0


def summary_text(summary: MergeSummary) -> str:
    lines = [f"{summary.visit_id}  {summary.visit_title}"]
    for label, counts in (("added", summary.added), ("updated", summary.updated),
                          ("unchanged", summary.unchanged),
                          ("kept (changed here since)", summary.kept_local),
                          ("kept: used only by other visits", summary.kept_directory)):
        if counts:
            lines.append(f"  {label}: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
    if summary.photo_files:
        lines.append(f"  photo files copied: {summary.photo_files}")
    if summary.conflicts:
        lines.append(f"  in conflict: {len(summary.conflicts)} (this database's version kept; "
                     "resolve with `fieldvisit conflicts`)")
        lines += [f"    {conflict_line(c)}" for c in summary.conflicts]
    if not summary.changed_anything and not summary.conflicts:
        lines.append("  nothing changed")
    return "\n".join(lines)


def conflict_line(conflict: ConflictView) -> str:
    return f"{conflict.id}  {conflict.record_type}  {conflict.label}"


def run_unpack(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.persistence.db import photo_root
    from fieldvisit.services.package import unpack_visit

    summary = unpack_visit(database.unit_of_work(), photo_root(database.url), Path(args.file))
    print(summary_text(summary))
    return 0


def run_conflicts(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.domain.errors import ValidationError
    from fieldvisit.services.package_merge import list_conflicts, resolve_conflict

    uow = database.unit_of_work()
    if args.resolve:
        if not (args.mine or args.theirs):
            raise ValidationError("say which version to keep: --mine or --theirs")
        try:
            conflict_id = UUID(args.resolve)
        except ValueError:
            raise ValidationError(f"{args.resolve!r} is not a conflict id") from None
        resolved = resolve_conflict(uow, conflict_id, take_incoming=args.theirs)
        print(f"resolved {conflict_line(resolved)}: "
              f"{'took theirs' if args.theirs else 'kept mine'}")
        return 0
    if args.mine or args.theirs:
        raise ValidationError("--mine and --theirs go with --resolve ID")
    conflicts = list_conflicts(uow)
    for conflict in conflicts:
        print(conflict_line(conflict))
        print("  mine:   " + conflict.mine.replace("\n", "\n          "))
        print("  theirs: " + conflict.theirs.replace("\n", "\n          "))
    if not conflicts:
        print("no conflicts")
    return 0
