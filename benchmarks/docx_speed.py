"""How fast the research report is written as Word (.docx), and how big it gets.

    python benchmarks/docx_speed.py [--stops 100 --notes 2000 --photos 200] [--keep DIR]

Prints, for the reference visit and for a large visit (100 stops, 2,000 notes, 200 photos of
4000×3000 px; benchmarks/large_visit.py, as report_speed.py builds it), the time of
``report_docx`` with an empty and with a warm photo cache (the photos are downscaled as for
the PDF), in the official (公文) and the modern layout, and the file's size. Target: the large
visit's Word file in under 10 s.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _open(path: Path):  # noqa: ANN202
    from fieldvisit.persistence.db import open_database, sqlite_url

    return open_database(sqlite_url(path))


def _timed(database, visit_id, root: Path | None, cache: Path, layout: str) -> dict:  # noqa: ANN001
    from fieldvisit.reporting.docx_writer import report_docx
    from fieldvisit.services.report_data import ReportOptions, report_data

    options = ReportOptions(layout=layout)
    started = time.perf_counter()
    data = report_data(database.unit_of_work(), visit_id, options, root)
    data_s = time.perf_counter() - started
    content = report_docx(data, options, cache_dir=cache)
    return {"total_s": time.perf_counter() - started, "data_s": data_s, "bytes": len(content)}


def _place_photos(database, visit_id, root: Path, files: list[Path]) -> None:  # noqa: ANN001
    """Each photo record's file where FieldVisit looks for it (``<visit id>/<photo id>.jpg``
    under the photo folder), linked to one of the generated JPEGs."""
    import os

    from fieldvisit.services.report_data import ReportOptions, report_data

    wanted = report_data(database.unit_of_work(), visit_id, ReportOptions(), root).missing_photos
    for name, source in zip(wanted, files, strict=False):
        target = root.joinpath(*name.split("/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stops", type=int, default=100)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="work folder to keep (photos are reused)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="fieldvisit-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        from large_visit import large_visit_document, write_photos

        from fieldvisit.persistence.db import photo_root, sqlite_url
        from fieldvisit.services.sample import load_reference_visit
        from fieldvisit.services.visit_document import import_visit
        from fieldvisit.services.visits import list_visits

        database = _open(folder / "reference.sqlite3")
        visit_id = load_reference_visit(database.unit_of_work()).visit_id
        for layout in ("official", "modern"):
            run = _timed(database, visit_id, None, folder / "cache-ref", layout)
            print(f"reference visit, {layout:<8}: {run['total_s']:5.2f} s, "
                  f"{run['bytes'] / 1024:.0f} KB")
        path = folder / "large.sqlite3"
        fresh = not path.exists()
        database = _open(path)
        if fresh:
            import_visit(database.unit_of_work(), large_visit_document(
                args.stops, args.notes, args.photos))
        root = photo_root(sqlite_url(path))
        visit_id = list_visits(database.unit_of_work())[0].id
        _place_photos(database, visit_id, root, write_photos(folder / "originals", args.photos))
        cache = folder / "cache"
        shutil.rmtree(cache, ignore_errors=True)
        print(f"large visit ({args.stops} stops, {args.notes} notes, {args.photos} photos "
              "4000×3000):")
        for label, layout in (("official, empty photo cache", "official"),
                              ("official, warm photo cache", "official"),
                              ("modern, warm photo cache", "modern")):
            run = _timed(database, visit_id, root, cache, layout)
            print(f"  {label:<28} {run['total_s']:6.2f} s (data {run['data_s']:.2f} s), "
                  f"{run['bytes'] / 2**20:5.1f} MB")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
