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
    side.add_argument("--keep", action="store_true",
                      help="a record deleted on one side and edited on the other: keep it")
    side.add_argument("--delete", action="store_true",
                      help="a record deleted on one side and edited on the other: delete it")


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


KIND_TEXTS = {
    "edit": "edited on both laptops",
    "deleted_there": "deleted on the other laptop, edited here",
    "deleted_here": "deleted here, edited on the other laptop",
    "order": "reordered on both laptops",
}


def summary_text(summary: MergeSummary) -> str:
    lines = [f"{summary.visit_id}  {summary.visit_title}"]
    for label, counts in (("added", summary.added), ("updated", summary.updated),
                          ("deleted", summary.deleted), ("unchanged", summary.unchanged),
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
    what = KIND_TEXTS.get(conflict.kind, conflict.kind)
    if conflict.kind == "edit" and conflict.fields:
        what += f" ({', '.join(conflict.fields)})"
    elif conflict.fields and conflict.kind != "order":
        what += f" ({', '.join(conflict.fields)} still belong to it)"
    return f"{conflict.id}  {conflict.record_type}  {conflict.label}  [{what}]"


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
    chosen = args.mine or args.theirs or args.keep or args.delete
    if args.resolve:
        try:
            conflict_id = UUID(args.resolve)
        except ValueError:
            raise ValidationError(f"{args.resolve!r} is not a conflict id") from None
        found = {c.id: c for c in list_conflicts(uow)}.get(conflict_id)
        deletion = found is not None and found.kind not in ("edit", "order")
        if found is not None and not chosen:
            raise ValidationError("say which to keep: --keep or --delete" if deletion
                                  else "say which version to keep: --mine or --theirs")
        if found is not None and not deletion and (args.keep or args.delete):
            raise ValidationError("--keep and --delete answer a deleted record; this conflict "
                                  "is {} on both laptops: --mine or --theirs".format(
                                      "a reorder" if found.kind == "order" else "an edit"))
        if args.keep or args.delete:
            resolved = resolve_conflict(uow, conflict_id, keep=args.keep)
            done = "kept" if args.keep else "deleted"
        else:
            resolved = resolve_conflict(uow, conflict_id, take_incoming=args.theirs)
            done = "took theirs" if args.theirs else "kept mine"
        print(f"resolved {conflict_line(resolved)}: {done}")
        return 0
    if chosen:
        raise ValidationError("--mine, --theirs, --keep and --delete go with --resolve ID")
    conflicts = list_conflicts(uow)
    for conflict in conflicts:
        print(conflict_line(conflict))
        print("  mine:   " + (conflict.mine or "(deleted)").replace("\n", "\n          "))
        print("  theirs: " + (conflict.theirs or "(deleted)").replace("\n", "\n          "))
    if not conflicts:
        print("no conflicts")
    return 0
