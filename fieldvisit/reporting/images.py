"""Photos go into the report downscaled: at most ``MAX_PIXELS`` on the long side, as baseline
JPEG (embedded by ReportLab as is, without decoding again). Pillow only, no ReportLab.

Downscaling uses JPEG draft mode (the decoder itself scales by 1/2, 1/4 or 1/8), so a
4000×3000 photo is never decoded at full size. Results are cached by file, size and time of
change in ``cache_dir``; a second report of the same visit reuses them. Several photos are
converted at once (Pillow releases the GIL while decoding and encoding).
"""

from __future__ import annotations

import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

MAX_PIXELS = 900
"""Long side. A photo is printed at most about 11 × 8 cm (two to a page): some 210 dpi. The
JPEG decoder scales 4000 × 3000 down to 1000 × 750 by itself (1/4), which is fast. With
``QUALITY`` a photo takes some 90 KB: 400 photos make a report under 40 MB."""
QUALITY = 75
KEEP_DAYS = 30
ORIENTATION = 0x0112  # the EXIF tag


@dataclass(frozen=True)
class PreparedImage:
    path: Path
    width: int
    height: int


def prepare_images(paths: Iterable[Path], cache_dir: Path,
                   checkpoint: Callable[[], None] = lambda: None,
                   progress: Callable[[int, int], None] = lambda done, total: None,
                   ) -> dict[Path, PreparedImage | None]:
    """Downscaled copies of ``paths`` (None for a file Pillow cannot read)."""
    paths = list(dict.fromkeys(paths))
    cache_dir.mkdir(parents=True, exist_ok=True)
    _prune(cache_dir)
    results: dict[Path, PreparedImage | None] = {}
    workers = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [(path, pool.submit(_prepare, path, cache_dir)) for path in paths]
        try:
            for done, (path, future) in enumerate(futures, start=1):
                results[path] = future.result()
                progress(done, len(futures))
                checkpoint()
        finally:
            for _, future in futures:
                future.cancel()
    return results


def _prepare(path: Path, cache_dir: Path) -> PreparedImage | None:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        stat = path.stat()
    except OSError:
        return None
    digest = hashlib.sha1(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{MAX_PIXELS}|"
                          f"{QUALITY}".encode()).hexdigest()
    target = cache_dir / f"{digest}.jpg"
    try:
        if target.exists():
            os.utime(target)  # keeps it from being pruned
            with Image.open(target) as cached:
                return PreparedImage(target, *cached.size)
        with Image.open(path) as image:
            scale = MAX_PIXELS / max(image.size)
            if scale < 1:  # the decoder may scale down to no less than the final size
                image.draft("RGB", (int(image.width * scale), int(image.height * scale)))
            if image.getexif().get(ORIENTATION, 1) != 1:
                image = ImageOps.exif_transpose(image)
            if image.mode not in ("RGB", "L"):
                image = _flatten(image)
            image.thumbnail((MAX_PIXELS, MAX_PIXELS), Image.Resampling.BICUBIC)
            partial = target.with_name(f".{target.name}.{os.getpid()}.part")
            image.save(partial, "JPEG", quality=QUALITY, optimize=True)
            os.replace(partial, target)
            return PreparedImage(target, *image.size)
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None


def _prune(cache_dir: Path) -> None:
    """Forget copies not used for ``KEEP_DAYS`` days."""
    limit = time.time() - KEEP_DAYS * 86400
    for entry in cache_dir.glob("*.jpg"):
        try:
            if entry.stat().st_mtime < limit:
                entry.unlink()
        except OSError:
            pass


def _flatten(image):  # noqa: ANN001, ANN202 - a PIL image
    from PIL import Image

    if image.mode in ("RGBA", "LA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
