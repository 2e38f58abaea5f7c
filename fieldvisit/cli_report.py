"""``fieldvisit report VISIT -o FILE.pdf|FILE.docx`` and ``fieldvisit brief VISIT -o …``: the
research report and the brief (简报), headless, as PDF or Word by the output's extension.

Wired into cli.py with ``add_report_parser(commands)`` in ``build_parser`` and
``"report": run_report``, ``"brief": run_brief`` in ``COMMANDS``. Errors (unknown visit,
unwritable file, unusable font, an output that is neither .pdf nor .docx) are raised as
FieldVisitError/OSError, which ``cli.main`` prints as one line with status 2.
"""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldvisit.domain.errors import ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message
from fieldvisit.services.report_model import (
    LAYOUTS,
    PAPERS,
    SECTION_ALIASES,
    SECTIONS,
    section_keys,
)

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database
    from fieldvisit.services.report_model import ReportData, ReportOptions

FORMATS = {".pdf": "pdf", ".docx": "docx"}


def add_report_parser(commands: Any) -> None:
    """Add the ``report`` and ``brief`` sub-commands to ``commands`` (argparse sub-parsers)."""
    report = commands.add_parser(
        "report", help="write the research report of a visit as PDF or Word (.docx)",
        description="Write the research report (调研报告) of a visit as PDF or Word, by the "
                    "extension of the output (.pdf or .docx). Confidential notes are left out "
                    "and interviewees anonymized unless asked otherwise.")
    report.add_argument("visit", metavar="VISIT", help="a visit id or an unambiguous title prefix")
    report.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="the .pdf or .docx file to write, or - for PDF on standard output")
    _add_common(report)
    report.add_argument("--no-photos", dest="photos", action="store_false",
                        help="leave out the photo pages")
    report.add_argument("--names", dest="anonymize", action="store_false",
                        help="name the interviewees who were quoted (default: only their group)")
    report.add_argument("--without", metavar="SECTION", action="append", default=[],
                        choices=(*SECTIONS, *SECTION_ALIASES),
                        help="leave out a section; repeat for several: "
                             + ", ".join(SECTIONS))
    report.add_argument("--statistics", action="store_true",
                        help="append the table of themes per stop (tag statistics)")
    report.add_argument("--photo-root", metavar="FOLDER",
                        help="folder of the photo files (default: beside the database)")
    brief = commands.add_parser(
        "brief", help="write the brief (简报) of a visit as PDF or Word (.docx)",
        description="Write the one-page brief (简报, 工作简报) of a visit as PDF or Word, by the "
                    "extension of the output (.pdf or .docx).")
    brief.add_argument("visit", metavar="VISIT", help="a visit id or an unambiguous title prefix")
    brief.add_argument("-o", "--output", metavar="FILE", required=True,
                       help="the .pdf or .docx file to write, or - for PDF on standard output")
    _add_common(brief)


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("zh", "en"),
                        help="language of the headings and labels (default: the visit's)")
    parser.add_argument("--paper", choices=PAPERS, default="a4", help="paper size (default a4)")
    parser.add_argument("--layout", choices=LAYOUTS, default="modern",
                        help="modern (cover, contents, running header) or official (公文, "
                             "GB/T 9704-2012); default modern")
    parser.add_argument("--include-confidential", action="store_true",
                        help="include notes marked confidential")
    parser.add_argument("--marking", default="", metavar="TEXT",
                        help="marking such as 内部资料 (top left in the official layout, on the "
                             "cover and running header in the modern one)")
    parser.add_argument("--font", default="", metavar="FILE",
                        help="a TrueType font (.ttf/.ttc) for the body text, e.g. simfang.ttf")
    parser.add_argument("--title-font", default="", metavar="FILE",
                        help="a TrueType font for the title, e.g. 方正小标宋")
    parser.add_argument("--heading-font", default="", metavar="FILE",
                        help="a TrueType font for the headings, e.g. simhei.ttf")


def output_format(output: str) -> str:
    """"pdf" or "docx" by the output's extension ("-" is PDF); anything else refused."""
    if output == "-":
        return "pdf"
    found = FORMATS.get(Path(output).suffix.lower())
    if found is None:
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{path}: the output must end in .pdf or .docx; nothing was written"),
            path=output), "output")
    return found


def _options(args: argparse.Namespace, **more: Any) -> ReportOptions:
    from fieldvisit.services.report_model import ReportOptions

    return ReportOptions(
        language=args.lang, paper=args.paper, layout=args.layout,
        include_confidential=args.include_confidential, marking=args.marking, font=args.font,
        title_font=args.title_font, heading_font=args.heading_font, **more)


def _prepare(database: Database, args: argparse.Namespace, options: ReportOptions,
             photos: bool) -> tuple[str, ReportData]:
    """The output's format and the visit's report data, after the output was checked."""
    from fieldvisit.files import output_target
    from fieldvisit.persistence.db import photo_root
    from fieldvisit.services.report_data import report_data
    from fieldvisit.services.visits import resolve_visit

    kind = output_format(args.output)
    if args.output != "-" and not Path(args.output).absolute().parent.is_dir():
        raise OSError(errno.ENOENT, "No such folder", str(Path(args.output).parent))
    if args.output != "-":
        output_target(Path(args.output))  # a pipe or a folder: refused before the work
    uow = database.unit_of_work()
    visit = resolve_visit(uow, args.visit)
    photo_root_arg = getattr(args, "photo_root", None)
    root = Path(photo_root_arg) if photo_root_arg else photo_root(database.url)
    data = report_data(uow, visit.id, options, root if photos else None)
    if data.missing_photos and photos:
        shown = ", ".join(data.missing_photos[:5]) + (" …" if len(data.missing_photos) > 5
                                                      else "")
        print(f"fieldvisit: {len(data.missing_photos)} photo files not found in {root}, left "
              f"out: {shown}", file=sys.stderr)
    if kind == "pdf":
        from fieldvisit.reporting.visit_report import glyph_coverage

        for warning in glyph_coverage(data, options).messages():
            print(f"fieldvisit: warning: {warning}", file=sys.stderr)
    else:
        from fieldvisit.reporting.docx_styles import layout_for

        layout_for(options)  # a font file that is not a font: refused before the work
    return kind, data


def _warn(text: str) -> None:
    print(f"fieldvisit: warning: {text}", file=sys.stderr)


def run_report(database: Database, args: argparse.Namespace) -> int:
    from fieldvisit.paths import report_cache_dir

    options = _options(args, sections=frozenset(SECTIONS) - section_keys(args.without),
                       anonymize=args.anonymize, photos=args.photos,
                       statistics=args.statistics)
    kind, data = _prepare(database, args, options, photos=True)
    if kind == "docx":
        from fieldvisit.reporting.docx_writer import report_docx

        content = report_docx(data, options, cache_dir=report_cache_dir(), warn=_warn)
    else:
        from fieldvisit.reporting.visit_report import render_report

        content = render_report(data, options, cache_dir=report_cache_dir(), warn=_warn)
    return _write(args.output, content)


def run_brief(database: Database, args: argparse.Namespace) -> int:
    options = _options(args)
    kind, data = _prepare(database, args, options, photos=False)
    if kind == "docx":
        from fieldvisit.reporting.docx_writer import brief_docx

        content = brief_docx(data, options, warn=_warn)
    else:
        from fieldvisit.reporting.visit_report import render_brief

        content = render_brief(data, options, warn=_warn)
    return _write(args.output, content)


def _write(output: str, content: bytes) -> int:
    from fieldvisit.files import write_bytes_atomically

    if output == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
    else:
        write_bytes_atomically(Path(output), content)
        print(f"wrote {output}", file=sys.stderr)
    return 0
