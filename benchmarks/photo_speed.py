"""How long adding a photo takes, and how long its thumbnail takes.

    python benchmarks/photo_speed.py [--runs 7]

Prints, for a 4000×3000 JPEG (about 5 MB, EXIF orientation 6 and a time taken):
1. ``import_photo`` as a whole — read and check the file, decode it (JPEG draft mode: at
   2000×1500), turn it upright, the 1600 px display copy, both files written, the stop proposed
   from the timeline, the record stored: median and max of ``--runs``. This is the background
   work behind adding one photo. Target: under 1 s.
2. its parts: decoding with the display copy, and the rest (files, timeline, database);
3. a PNG of 4000×3000 (no draft mode for PNG: decoded at full size);
4. the thumbnail the panel shows (160 px, from the display copy, as the worker thread makes
   it with ``QImageReader``), median and max over 50;
5. the GUI thread while photos are imported by a ``Task``: the longest gap between ticks of a
   10 ms timer (the window repaints and reacts within that).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def photograph(path: Path, image_format: str) -> Path:
    """A 4000×3000 picture with detail everywhere (noise over a fractal), like a photo."""
    from PIL import Image

    size = (4000, 3000)
    picture = Image.blend(
        Image.effect_mandelbrot(size, (-2.2, -1.2, 1.0, 1.2), 80).convert("RGB"),
        Image.merge("RGB", [Image.effect_noise(size, 50) for _ in range(3)]), 0.35)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8769)[0x9003] = "2023:05:25 10:55:00"
    if image_format == "JPEG":
        picture.save(path, "JPEG", quality=92, exif=exif)
    else:
        picture.save(path, "PNG", compress_level=6)
    return path


def timed(runs: int, step) -> list[float]:  # noqa: ANN001
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return times


def line(label: str, times: list[float], target: str = "") -> str:
    return (f"{label:<52}: median {statistics.median(times) * 1000:7.1f} ms, "
            f"max {max(times) * 1000:7.1f} ms over {len(times)}{target}")


def responsiveness(application, work) -> list[float]:  # noqa: ANN001
    """Gaps between ticks of a 10 ms timer on the GUI thread while ``work`` runs as a Task."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QWidget

    from fieldvisit.ui.tasks import Task

    window = QWidget()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    task = Task(window, "Adding photos…", work, lambda result: loop.quit(),
                lambda error: loop.quit())
    timer.start(10)
    task.start()
    loop.exec()
    timer.stop()
    return [b - a for a, b in zip(ticks, ticks[1:], strict=False)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    from fieldvisit.persistence.db import open_database, photo_root, sqlite_url
    from fieldvisit.services import photos
    from fieldvisit.services.sample import load_reference_visit

    with tempfile.TemporaryDirectory(prefix="fieldvisit-photo-speed-") as folder:
        folder = Path(folder)
        jpeg = photograph(folder / "IMG_0001.JPG", "JPEG")
        png = photograph(folder / "scan.png", "PNG")
        database = open_database(sqlite_url(folder / "bench.sqlite3"))
        visit_id = load_reference_visit(database.unit_of_work()).visit_id
        root = photo_root(database.url)
        results = []

        def add(source: Path) -> None:
            results.append(photos.import_photo(database.unit_of_work(), root, visit_id, source))

        print(f"4000×3000 JPEG of {jpeg.stat().st_size / 1e6:.1f} MB, "
              f"PNG of {png.stat().st_size / 1e6:.1f} MB; Pillow decodes in this process; "
              f"{os.cpu_count()} CPUs")
        add(jpeg)  # warm-up: imports, first query
        whole = timed(args.runs, lambda: add(jpeg))
        print(line("(1) import_photo, 4000×3000 JPEG (background work)", whole,
                   " (target < 1 s)"))
        imported = results[-1]
        decoding = timed(args.runs, lambda: photos._decode(jpeg))
        print(line("(2) of which: decode, upright, display copy", decoding))
        rest = [max(0.0, w - d) for w, d in zip(whole, decoding, strict=True)]
        print(line("    the rest: files, timeline, stop, record", rest))
        print(line("(3) import_photo, 4000×3000 PNG", timed(max(3, args.runs // 2),
                                                            lambda: add(png))))
        from PIL import Image

        display = photos.display_path(root, imported.photo)
        with Image.open(display) as shown:
            print(f"    JPEG's display copy {shown.width}×{shown.height}, "
                  f"{display.stat().st_size / 1e3:.0f} kB; photo seen as "
                  f"{imported.width}×{imported.height}; taken {imported.taken_at}; "
                  f"stop proposed: {imported.proposed_stop_id is not None}")

        from PySide6.QtWidgets import QApplication

        from fieldvisit.ui.views.photos_panel import load_thumbnail

        application = QApplication.instance() or QApplication([])
        original = root / imported.photo.file_name
        thumbnails = timed(50, lambda: load_thumbnail([display]))
        print(line("(4) thumbnail 160 px from the display copy (worker)", thumbnails))
        print(line("    thumbnail from the 4000×3000 original (fallback)",
                   timed(10, lambda: load_thumbnail([original]))))
        image = load_thumbnail([display])
        print(f"    thumbnail size {image.width()}×{image.height()}")
        gaps = responsiveness(application, lambda token: [add(jpeg) for _ in range(5)])
        print(f"(5) GUI thread while 5 photos are added by a Task  : longest wait of a 10 ms "
              f"timer {max(gaps) * 1000:.1f} ms, median {statistics.median(gaps) * 1000:.1f} ms "
              f"over {len(gaps)} ticks")
        database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
