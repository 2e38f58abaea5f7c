"""Photos: import with a display copy, EXIF time and orientation, the stop proposed by time;
hostile files refused without leaving anything behind; delete and undo."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from fieldvisit.persistence.db import photo_root
from fieldvisit.services import notes, photos
from fieldvisit.services.itinerary_view import itinerary
from fieldvisit.services.photos import PhotoError, display_path, photo_files


def make_jpeg(path: Path, size=(4000, 3000), orientation: int | None = None,
              taken: str | None = None, date_time: str | None = None) -> Path:
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste((200, 30, 30), (0, 0, size[0] // 4, size[1] // 4))  # a red top-left corner
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if taken is not None:
        exif.get_ifd(0x8769)[0x9003] = taken
    if date_time is not None:
        exif[0x0132] = date_time
    image.save(path, "JPEG", quality=90, exif=exif)
    return path


def make_png(path: Path, size=(640, 480), mode="RGB") -> Path:
    colour = (10, 120, 200) if mode == "RGB" else (10, 120, 200, 128)
    Image.new(mode, size, colour).save(path, "PNG")
    return path


@pytest.fixture
def root(database) -> Path:
    return photo_root(database.url)


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def stop_ids(uow, visit_id):
    return [line.stop.id for line in itinerary(uow, visit_id).lines]


def test_import_keeps_the_original_and_an_upright_display_copy(uow, root, sample_visit_id,
                                                                tmp_path):
    source = make_jpeg(tmp_path / "IMG_0001.JPG", orientation=6, taken="2023:05:25 10:55:00")
    result = photos.import_photo(uow, root, sample_visit_id, source, caption="骑手座谈",
                                 credit="中工网 王鑫 摄")
    photo = result.photo
    assert photo.file_name == f"{sample_visit_id}/{photo.id}.jpg"
    original, display = photo_files(root, photo)
    assert original == root / str(sample_visit_id) / f"{photo.id}.jpg"
    assert display == display_path(root, photo) == original.with_name(f"{photo.id}-display.jpg")
    assert original.read_bytes() == source.read_bytes()
    with Image.open(display) as shown:
        assert shown.format == "JPEG" and shown.mode == "RGB"
        assert shown.size == (1200, 1600)  # turned upright: portrait, long side 1600
        assert 0x0112 not in shown.getexif()  # orientation applied, EXIF not copied
        red = shown.getpixel((shown.width - 20, 20))  # the red corner is now top right
        assert red[0] > 150 and red[1] < 90
    assert (result.width, result.height) == (3000, 4000)
    assert result.taken_at == datetime(2023, 5, 25, 10, 55)
    assert result.proposed_stop_id == stop_ids(uow, sample_visit_id)[1]  # 10:50–11:40
    stored = notes.list_photos(uow, sample_visit_id)
    assert stored == [photo]
    assert (photo.caption, photo.credit, photo.taken_at, photo.stop_id) == \
        ("骑手座谈", "中工网 王鑫 摄", datetime(2023, 5, 25, 10, 55), result.proposed_stop_id)
    assert files_under(root) == sorted([original, display])  # no temporary files left


def test_stop_proposed_by_time(uow, root, sample_visit_id, tmp_path):
    stops = stop_ids(uow, sample_visit_id)
    cases = [("2023:05:25 09:45:00", stops[0]),  # during stop 1 (09:30–10:20)
             ("2023:05:25 10:30:00", stops[0]),  # on the way: 10 min after 1, 20 before 2
             ("2023:05:25 13:00:00", stops[2]),  # lunch: nearer stop 3 (14:00)
             ("2023:05:25 18:30:00", stops[2]),  # evening of the same day
             ("2023:05:26 10:55:00", None)]  # another day
    for number, (taken, expected) in enumerate(cases):
        source = make_jpeg(tmp_path / f"{number}.jpg", size=(400, 300), taken=taken)
        assert photos.import_photo(uow, root, sample_visit_id, source).proposed_stop_id == \
            expected, taken


def test_date_time_is_the_fallback_and_the_stop_can_be_changed(uow, root, sample_visit_id,
                                                              tmp_path):
    source = make_jpeg(tmp_path / "a.jpeg", size=(800, 600), date_time="2023:05:25 14:10:00")
    result = photos.import_photo(uow, root, sample_visit_id, source)
    assert result.taken_at == datetime(2023, 5, 25, 14, 10)
    assert result.photo.file_name.endswith(".jpeg")
    first = stop_ids(uow, sample_visit_id)[0]
    assert result.proposed_stop_id == stop_ids(uow, sample_visit_id)[2]
    changed = notes.update_photo(uow, result.photo.id, stop_id=first, caption="新")
    assert notes.list_photos(uow, sample_visit_id) == [changed]
    assert changed.stop_id == first


def test_png_without_exif_has_no_time_and_no_stop(uow, root, sample_visit_id, tmp_path):
    source = make_png(tmp_path / "scan.PNG", mode="RGBA")
    result = photos.import_photo(uow, root, sample_visit_id, source)
    assert (result.taken_at, result.proposed_stop_id, result.photo.stop_id) == (None, None, None)
    assert (result.width, result.height) == (640, 480)
    original, display = photo_files(root, result.photo)
    assert original.suffix == ".png" and original.read_bytes() == source.read_bytes()
    with Image.open(display) as shown:
        assert (shown.format, shown.mode, shown.size) == ("JPEG", "RGB", (640, 480))


def test_a_png_named_jpg_keeps_a_png_suffix(uow, root, sample_visit_id, tmp_path):
    source = make_png(tmp_path / "really-a-png.jpg")
    result = photos.import_photo(uow, root, sample_visit_id, source)
    assert result.photo.file_name.endswith(".png")


def _bomb_png(path: Path) -> Path:
    """A tiny PNG whose header declares 100000 × 100000 pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + chunk(b"IEND", b""))
    return path


def _truncated_jpeg(path: Path, tmp_path: Path) -> Path:
    whole = make_jpeg(tmp_path / "whole.jpg", size=(1200, 900)).read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    return path


@pytest.mark.parametrize("kind, reason", [
    ("text", "not_image"), ("gif", "not_image"), ("empty", "not_image"),
    ("truncated", "damaged"), ("bomb", "too_large"), ("missing", "unreadable"),
])
def test_hostile_files_are_refused_and_leave_nothing(uow, root, sample_visit_id, tmp_path,
                                                     kind, reason):
    folder = tmp_path / "incoming"
    folder.mkdir()
    source = folder / f"会议照片-{kind}.jpg"
    if kind == "text":
        source.write_text("这不是图片", encoding="utf-8")
    elif kind == "gif":
        Image.new("RGB", (20, 20)).save(source, "GIF")
    elif kind == "empty":
        source.write_bytes(b"")
    elif kind == "truncated":
        _truncated_jpeg(source, tmp_path)
    elif kind == "bomb":
        _bomb_png(source)
    with pytest.raises(PhotoError) as refused:
        photos.import_photo(uow, root, sample_visit_id, source)
    assert refused.value.reason == reason
    assert f"“会议照片-{kind}.jpg”" in str(refused.value)
    assert files_under(root) == []
    assert notes.list_photos(uow, sample_visit_id) == []


def test_pixel_limit_is_checked_before_decoding(uow, root, sample_visit_id, tmp_path,
                                                monkeypatch):
    source = make_jpeg(tmp_path / "big.jpg", size=(4000, 3000))
    monkeypatch.setattr(photos, "MAX_PIXELS", 10_000_000)
    with pytest.raises(PhotoError, match="big.jpg.*too large"):
        photos.import_photo(uow, root, sample_visit_id, source)
    assert files_under(root) == []


def test_pillow_bomb_error_is_refused(uow, root, sample_visit_id, tmp_path, monkeypatch):
    source = make_jpeg(tmp_path / "bomb.jpg", size=(1000, 1000))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)  # Pillow raises beyond twice this
    with pytest.raises(PhotoError) as refused:
        photos.import_photo(uow, root, sample_visit_id, source)
    assert refused.value.reason == "too_large"
    assert files_under(root) == []


def test_database_failure_removes_the_files(uow, root, sample_visit_id, tmp_path, monkeypatch):
    source = make_jpeg(tmp_path / "ok.jpg", size=(800, 600))
    import fieldvisit.persistence.repositories as repositories

    def fail(self, record):
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(repositories.RecordRepository, "put", fail)
    with pytest.raises(RuntimeError):
        photos.import_photo(uow, root, sample_visit_id, source)
    monkeypatch.undo()
    assert files_under(root) == []
    assert notes.list_photos(uow, sample_visit_id) == []


def test_write_failure_leaves_no_half_copied_file(uow, root, sample_visit_id, tmp_path,
                                                  monkeypatch):
    source = make_jpeg(tmp_path / "ok.jpg", size=(800, 600))
    real_replace = photos.os.replace
    calls = []

    def replace_once(a, b):  # the original goes in, the display copy fails
        calls.append(b)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(b))
        real_replace(a, b)

    monkeypatch.setattr(photos.os, "replace", replace_once)
    with pytest.raises(OSError, match="ok.jpg"):
        photos.import_photo(uow, root, sample_visit_id, source)
    monkeypatch.undo()
    assert files_under(root) == []
    assert notes.list_photos(uow, sample_visit_id) == []


def test_unknown_visit_writes_nothing(uow, root, tmp_path):
    from uuid import uuid4

    from fieldvisit.domain.errors import NotFoundError

    with pytest.raises(NotFoundError):
        photos.import_photo(uow, root, uuid4(), make_jpeg(tmp_path / "a.jpg", size=(80, 60)))
    assert files_under(root) == []


def test_delete_and_undo(uow, root, sample_visit_id, tmp_path):
    result = photos.import_photo(uow, root, sample_visit_id,
                                 make_jpeg(tmp_path / "a.jpg", size=(800, 600)), caption="x")
    original, display = photo_files(root, result.photo)
    content = original.read_bytes(), display.read_bytes()
    deleted = photos.delete_photo(uow, root, result.photo.id)
    assert notes.list_photos(uow, sample_visit_id) == []
    assert not original.exists() and not display.exists()
    assert all(now.is_file() and photos.TRASH in now.parts for _, now in deleted.moved)
    restored = photos.restore_photo(uow, root, deleted)
    assert notes.list_photos(uow, sample_visit_id) == [restored] == [result.photo]
    assert (original.read_bytes(), display.read_bytes()) == content
    assert files_under(root / photos.TRASH) == []


def test_deleting_a_photo_whose_files_are_missing(uow, root, sample_visit_id):
    photo = notes.add_photo(uow, sample_visit_id, "elsewhere/p.jpg")
    deleted = photos.delete_photo(uow, root, photo.id)
    assert deleted.moved == ()
    photos.restore_photo(uow, root, deleted)
    assert notes.list_photos(uow, sample_visit_id) == [photo]


def test_old_trash_is_purged(root, tmp_path):
    import os
    import time

    old = root / photos.TRASH / "old"
    old.mkdir(parents=True)
    (old / "x.jpg").write_bytes(b"x")
    recent = root / photos.TRASH / "recent"
    recent.mkdir()
    long_ago = time.time() - 40 * 86400
    os.utime(old, (long_ago, long_ago))
    photos.purge_trash(root)
    assert not old.exists() and recent.exists()


def test_exif_time_parsing():
    assert photos.parse_exif_time("2023:05:25 10:55:00\x00") == datetime(2023, 5, 25, 10, 55)
    assert photos.parse_exif_time(b"2023-05-25 10:55:00") == datetime(2023, 5, 25, 10, 55)
    assert photos.parse_exif_time("0000:00:00 00:00:00") is None
    assert photos.parse_exif_time("    ") is None
    assert photos.parse_exif_time(None) is None


def test_utc_offset_moves_the_time_into_the_visit_zone(uow, root, sample_visit_id, tmp_path):
    image = Image.new("RGB", (64, 48))
    exif = Image.Exif()
    details = exif.get_ifd(0x8769)
    details[0x9003] = "2023:05:25 04:55:00"
    details[0x9011] = "+02:00"  # a phone still on Central European summer time
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    source = tmp_path / "cest.jpg"
    source.write_bytes(buffer.getvalue())
    result = photos.import_photo(uow, root, sample_visit_id, source)
    assert result.taken_at == datetime(2023, 5, 25, 10, 55)  # Beijing time
    assert result.proposed_stop_id == stop_ids(uow, sample_visit_id)[1]
