"""How fast the research report is built, and how big it gets.

    python benchmarks/report_speed.py [--stops 100 --notes 2000 --photos 200] [--keep DIR]

Prints: the reference visit's report time; for a large visit (100 stops, 2,000 notes, 200
photos of 4000×3000 px) the time with an empty and with a warm photo cache, peak memory and
file size; and the baseline — ReportLab alone laying out the same paragraphs, tables and
downscaled photos (stock Paragraph and Table, one pass, no contents, no page X of Y) — with
how far the real report is from it. Each large measurement runs in a fresh process, so its
peak memory (max RSS) is the report's own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _open(path: Path):  # noqa: ANN202
    from fieldvisit.persistence.db import open_database, sqlite_url

    return open_database(sqlite_url(path))


def reference(folder: Path) -> dict:
    from fieldvisit.services.sample import load_reference_visit

    database = _open(folder / "reference.sqlite3")
    visit_id = load_reference_visit(database.unit_of_work()).visit_id
    times = []
    for _ in range(3):
        started = time.perf_counter()
        from fieldvisit.reporting.visit_report import render_report
        from fieldvisit.services.report_data import ReportOptions, report_data

        options = ReportOptions()
        pdf = render_report(report_data(database.unit_of_work(), visit_id, options, None),
                            options)
        times.append(time.perf_counter() - started)
    return {"first_s": times[0], "warm_s": min(times[1:]), "bytes": len(pdf)}


def child(database_path: str, photo_root: str, cache: str, baseline: bool) -> None:
    """One measurement in this (fresh) process; prints JSON."""
    from fieldvisit.services.report_data import ReportOptions, report_data
    from fieldvisit.services.visits import list_visits

    database = _open(Path(database_path))
    visit_id = list_visits(database.unit_of_work())[0].id
    options = ReportOptions()
    if os.environ.get("FIELDVISIT_TRACEMALLOC"):
        tracemalloc.start()  # Python's own peak; slows allocation-heavy code a lot
    started = time.perf_counter()
    data = report_data(database.unit_of_work(), visit_id, options, Path(photo_root))
    data_s = time.perf_counter() - started
    if baseline:
        pdf, pages = reportlab_alone(data, Path(cache))
    else:
        from fieldvisit.reporting.visit_report import render_report

        pdf = render_report(data, options, cache_dir=Path(cache))
        pages = None
    total_s = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory() if tracemalloc.is_tracing() else (0, 0)
    print(json.dumps({
        "data_s": data_s, "total_s": total_s, "bytes": len(pdf), "pages": pages or _pages(pdf),
        "python_peak_mb": peak / 2**20,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _pages(pdf: bytes) -> int:
    from io import BytesIO

    from pypdf import PdfReader

    return len(PdfReader(BytesIO(pdf)).pages)


def reportlab_alone(data, cache: Path) -> tuple[bytes, int]:  # noqa: ANN001
    """The same text, tables and (already downscaled) photos typeset with stock ReportLab."""
    from io import BytesIO
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Table

    from fieldvisit.reporting.images import prepare_images
    from fieldvisit.reporting.styles import register_fonts

    font = register_fonts().regular
    body = ParagraphStyle("b", fontName=font, fontSize=11, leading=19, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName=font, fontSize=9.5, leading=14, wordWrap="CJK")
    story = []

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), style)

    def table(rows: list[list[str]], widths: list[float]) -> Table:
        return Table([[p(c, cell) for c in row] for row in rows], colWidths=widths,
                     repeatRows=1, style=[("FONT", (0, 0), (-1, -1), font, 9.5)])

    story += [p(data.title), p(data.summary)]
    story.append(table([["序号", "时间", "点位", "地址", "主要活动"]] + [
        [str(s.number), f"{s.arrival:%H:%M}", s.site, s.address, s.activities]
        for s in data.stops], [1.2 * cm, 2 * cm, 3.5 * cm, 3 * cm, 6 * cm]))
    for site in data.findings:
        story.append(p(site.site))
        story += [p(n.text) for n in site.seen + site.needs]
        story += [p(q.text) for q in site.quotes]
        if site.figures:
            story.append(table([["指标", "数值"]] + [[f.label, f.text] for f in site.figures],
                               [9 * cm, 6 * cm]))
    story.append(table([["工作事项", "责任单位"]] + [[f.action, f.responsible]
                                                   for f in data.follow_ups], [10 * cm, 5 * cm]))
    images = prepare_images((photo.path for photo in data.photos), cache)
    for photo in data.photos:
        image = images.get(photo.path)
        if image:
            scale = min(15 * cm / image.width, 10 * cm / image.height)
            story += [Image(str(image.path), image.width * scale, image.height * scale),
                      p(photo.caption)]
    story.append(table([["姓名", "单位", "职务"]] + [[r.name, r.organization, r.title]
                                                 for r in data.roster],
                       [4 * cm, 5 * cm, 6 * cm]))
    buffer = BytesIO()
    document = SimpleDocTemplate(buffer, initialFontName=font)
    document.build(story)
    return buffer.getvalue(), document.page


def large(folder: Path, stops: int, notes: int, photos: int) -> dict:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from large_visit import large_visit_document, write_photos

    from fieldvisit.persistence.db import photo_root, sqlite_url
    from fieldvisit.services.visit_document import import_visit

    database_path = folder / "large.sqlite3"
    for old in folder.glob("large.sqlite3*"):
        old.unlink()  # a fresh database each time (the photos are kept and reused)
    database = _open(database_path)
    document = large_visit_document(stops, notes, photos)
    import_visit(database.unit_of_work(), document)
    database.dispose()
    root = photo_root(sqlite_url(database_path))
    started = time.perf_counter()
    files = write_photos(root, photos)
    generated = time.perf_counter() - started
    for record, file in zip(document["photos"], files, strict=True):
        # where the report looks for a photo: <visit id>/<photo id>.jpg (photo_paths.py)
        target = root / str(record["visit_id"]) / f"{record['id']}.jpg"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            os.link(file, target)
    cache = folder / "cache"
    shutil.rmtree(cache, ignore_errors=True)

    def run(baseline: bool = False) -> dict:
        command = [sys.executable, __file__, "--child", str(database_path), str(root),
                   str(cache)] + (["--baseline"] if baseline else [])
        return json.loads(subprocess.run(command, check=True, capture_output=True,
                                         text=True).stdout)

    return {"photo_generation_s": generated, "cold": run(), "warm": run(),
            "reportlab_alone": run(baseline=True), "photo_bytes": sum(
                p.stat().st_size for p in root.glob("*.jpg"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stops", type=int, default=100)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="work folder to keep (photos are reused)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--baseline", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, baseline=args.baseline)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="fieldvisit-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        ref = reference(folder)
        print(f"reference visit: {ref['first_s']:.2f} s first report in the process (fonts, "
              f"imports), {ref['warm_s']:.2f} s after; {ref['bytes'] / 1024:.0f} KB")
        big = large(folder, args.stops, args.notes, args.photos)
        print(f"large visit ({args.stops} stops, {args.notes} notes, {args.photos} photos "
              f"4000×3000, {big['photo_bytes'] / 2**20:.0f} MB of JPEG):")
        for name, label in (("cold", "empty photo cache"), ("warm", "warm photo cache"),
                            ("reportlab_alone", "ReportLab alone, warm photo cache")):
            run = big[name]
            print(f"  {label:<34} {run['total_s']:6.2f} s (data {run['data_s']:.2f} s), "
                  f"{run['pages']} pages, {run['bytes'] / 2**20:5.1f} MB, "
                  f"max RSS {run['max_rss_mb']:.0f} MB" + (
                      f", Python peak {run['python_peak_mb']:.0f} MB"
                      if run["python_peak_mb"] else ""))
        ratio = big["warm"]["total_s"] / big["reportlab_alone"]["total_s"]
        print(f"  the report takes {ratio:.1f}× the time of ReportLab alone on the same "
              "content (it also typesets the cover, contents, headings, running headers, "
              "page X of Y, the themes table and chart, and breaks and justifies lines by "
              "Chinese rules)")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
