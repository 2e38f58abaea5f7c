"""``fieldvisit report VISIT -o FILE.pdf``: the research report, headless.

Wired into cli.py with ``add_report_parser(commands)`` in ``build_parser`` and
``"report": run_report`` in ``COMMANDS``. Errors (unknown visit, unwritable file, unusable font)
are raised as FieldVisitError/OSError, which ``cli.main`` prints as one line with status 2.
"""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldvisit.services.report_model import PAPERS, SECTION_ALIASES, SECTIONS, section_keys

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database


def add_report_parser(commands: Any) -> None:
    """Add the ``report`` sub-command to ``commands`` (argparse sub-parsers)."""
    report = commands.add_parser(
        "report", help="write the research report of a visit as PDF",
        description="Write the research report (调研报告) of a visit as PDF. Confidential notes "
                    "are left out and interviewees anonymized unless asked otherwise.")
    report.add_argument("visit", metavar="VISIT", help="a visit id or an unambiguous title prefix")
    report.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="the PDF file to write, or - for standard output")
    report.add_argument("--lang", choices=("zh", "en"),
                        help="language of the report's headings and labels "
                             "(default: the visit's language)")
    report.add_argument("--paper", choices=PAPERS, default="a4", help="paper size (default a4)")
    report.add_argument("--no-photos", dest="photos", action="store_false",
                        help="leave out the photo pages")
    report.add_argument("--include-confidential", action="store_true",
                        help="include notes marked confidential")
    report.add_argument("--names", dest="anonymize", action="store_false",
                        help="name the interviewees who were quoted (default: only their group)")
    report.add_argument("--without", metavar="SECTION", action="append", default=[],
                        choices=(*SECTIONS, *SECTION_ALIASES),
                        help="leave out a section; repeat for several: "
                             + ", ".join(SECTIONS))
    report.add_argument("--marking", default="", metavar="TEXT",
                        help="marking for the cover and running header, e.g. 内部资料")
    report.add_argument("--font", default="", metavar="FILE",
                        help="a TrueType font (.ttf/.ttc) to use instead of the bundled one, "
                             "e.g. simsun.ttc")
    report.add_argument("--photo-root", metavar="FOLDER",
                        help="folder of the photo files (default: beside the database)")


def run_report(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.files import output_target, write_bytes_atomically
    from fieldvisit.paths import report_cache_dir
    from fieldvisit.persistence.db import photo_root
    from fieldvisit.reporting.visit_report import glyph_coverage, render_report
    from fieldvisit.services.report_data import ReportOptions, report_data
    from fieldvisit.services.visits import resolve_visit

    options = ReportOptions(
        language=args.lang, paper=args.paper,
        sections=frozenset(SECTIONS) - section_keys(args.without),
        include_confidential=args.include_confidential, anonymize=args.anonymize,
        photos=args.photos, marking=args.marking, font=args.font)
    if args.output != "-" and not Path(args.output).absolute().parent.is_dir():
        raise OSError(errno.ENOENT, "No such folder", str(Path(args.output).parent))
    if args.output != "-":
        output_target(Path(args.output))  # a pipe or a folder: refused before the work
    uow = database.unit_of_work()
    visit = resolve_visit(uow, args.visit)
    root = Path(args.photo_root) if args.photo_root else photo_root(database.url)
    data = report_data(uow, visit.id, options, root)
    if data.missing_photos:
        shown = ", ".join(data.missing_photos[:5]) + (" …" if len(data.missing_photos) > 5
                                                      else "")
        print(f"fieldvisit: {len(data.missing_photos)} photo files not found in {root}, left "
              f"out: {shown}", file=sys.stderr)
    for warning in glyph_coverage(data, options).messages():
        print(f"fieldvisit: warning: {warning}", file=sys.stderr)
    pdf = render_report(data, options, cache_dir=report_cache_dir())
    if args.output == "-":
        sys.stdout.buffer.write(pdf)
        sys.stdout.flush()
    else:
        write_bytes_atomically(Path(args.output), pdf)
        print(f"wrote {args.output}", file=sys.stderr)
    return 0

