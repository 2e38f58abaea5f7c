"""Hostile or broken packages are refused with a clear message before anything is written: the
database keeps every row count, and the photo folder stays empty."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from fieldvisit.domain.errors import FieldVisitError
from fieldvisit.persistence.db import photo_root
from fieldvisit.services import package
from fieldvisit.services.photos import import_photo
from fieldvisit.services.sample import load_reference_visit
from tests.database_state import row_counts


@pytest.fixture
def source(make_database, tmp_path):
    """A valid package of the reference visit with one photo, as {member name: bytes}."""
    database = make_database("a.sqlite3")
    visit_id = load_reference_visit(database.unit_of_work()).visit_id
    jpeg = tmp_path / "p.jpg"
    Image.new("RGB", (64, 48), (0, 90, 200)).save(jpeg, "JPEG")
    root = tmp_path / "a-photos"
    import_photo(database.unit_of_work(), root, visit_id, jpeg)
    path = package.pack_visit(database.unit_of_work(), root, visit_id,
                              tmp_path / "good.fieldvisit").path
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def target(make_database):
    return make_database("b.sqlite3")


def build(path: Path, members: dict[str, bytes], *, list_all: bool = True,
          compression: int = zipfile.ZIP_DEFLATED) -> Path:
    manifest = json.loads(members["manifest.json"])
    if list_all:
        manifest["files"] = [n for n in members if n != "manifest.json"]
    members = {**members, "manifest.json": json.dumps(manifest).encode()}
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return path


def assert_refused(database, package_path: Path, *expected: str) -> str:
    before = row_counts(database)
    root = photo_root(database.url)
    with pytest.raises(FieldVisitError) as caught:
        package.unpack_visit(database.unit_of_work(), root, package_path)
    message = str(caught.value)
    assert package_path.name in message and "nothing was changed" in message
    for words in expected:
        assert words in message, message
    assert row_counts(database) == before
    assert not root.exists() or not any(root.rglob("*"))
    return message


def test_the_valid_package_is_accepted(source, target, tmp_path):
    database = target
    summary = package.unpack_visit(database.unit_of_work(), photo_root(database.url),
                                   build(tmp_path / "ok.fieldvisit", source))
    assert summary.added["photos"] == 1 and summary.photo_files == 2


def test_not_a_zip(target, tmp_path):
    text = tmp_path / "notes.fieldvisit"
    text.write_text("这不是一个压缩包", encoding="utf-8")
    assert_refused(target, text, "not a zip file")


def test_truncated(source, target, tmp_path):
    whole = build(tmp_path / "whole.fieldvisit", source).read_bytes()
    cut = tmp_path / "cut.fieldvisit"
    cut.write_bytes(whole[:len(whole) // 2])
    assert_refused(target, cut, "truncated")


def test_damaged_member(source, target, tmp_path):
    path = build(tmp_path / "crc.fieldvisit", source, compression=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    at = data.index(b'"fieldvisit-visit"')
    data[at + 1:at + 11] = b"XXXXXXXXXX"  # same length, wrong CRC
    path.write_bytes(bytes(data))
    assert_refused(target, path, "damaged")


@pytest.mark.parametrize("name", ["../evil.jpg", "/tmp/evil.jpg", "photos/../../evil.jpg",
                                  "photos\\..\\..\\evil.jpg", "C:/evil.jpg", "photos//x.jpg",
                                  "photos/./x.jpg", "other.txt"])
def test_member_path_escaping_the_target(source, target, tmp_path, name):
    members = {**source, name: b"\xff\xd8\xff"}
    message = assert_refused(target, build(tmp_path / "escape.fieldvisit", members),
                             "member name")
    assert repr(name) in message


def test_member_not_listed_or_of_no_photo(source, target, tmp_path):
    members = {**source, "photos/x/extra.jpg": source[next(
        n for n in source if n.startswith("photos/"))]}
    assert_refused(target, build(tmp_path / "extra.fieldvisit", members),
                   "belongs to no photo")
    assert_refused(target, build(tmp_path / "unlisted.fieldvisit", members, list_all=False),
                   "do not match its manifest")


def test_zip_bomb_by_declared_size(source, target, tmp_path, monkeypatch):
    monkeypatch.setattr(package, "MAX_MEMBER_BYTES", 10_000)
    assert_refused(target, build(tmp_path / "member.fieldvisit", source), "zip bomb")
    monkeypatch.undo()
    monkeypatch.setattr(package, "MAX_TOTAL_BYTES", 20_000)
    assert_refused(target, build(tmp_path / "total.fieldvisit", source), "zip bomb")


def test_zip_bomb_by_compression_ratio(source, target, tmp_path):
    photo = next(n for n in source if n.startswith("photos/") and "display" not in n)
    bomb = {**source, photo: b"\0" * (3 * 1024 * 1024)}  # ~1000:1
    assert_refused(target, build(tmp_path / "ratio.fieldvisit", bomb), "zip bomb")


def test_zip_bomb_by_actual_size_beyond_declared(source, target, tmp_path):
    path = build(tmp_path / "lies.fieldvisit", source)
    data = bytearray(path.read_bytes())
    name = b"visit.json"
    at = 0
    while True:  # the central directory entry of visit.json: declare 100 bytes
        at = data.index(b"PK\x01\x02", at + 1)
        length = struct.unpack("<H", data[at + 28:at + 30])[0]
        if data[at + 46:at + 46 + length] == name:
            data[at + 24:at + 28] = struct.pack("<I", 100)
            break
    path.write_bytes(bytes(data))
    assert_refused(target, path)


def test_unknown_format_version(source, target, tmp_path):
    manifest = json.loads(source["manifest.json"])
    newer = {**source, "manifest.json": json.dumps(
        {**manifest, "version": package.FORMAT_VERSION + 1}).encode()}
    assert_refused(target, build(tmp_path / "new.fieldvisit", newer),
                   "newer FieldVisit", "update FieldVisit")
    other = {**source, "manifest.json": json.dumps({**manifest, "format": "x"}).encode()}
    assert_refused(target, build(tmp_path / "other.fieldvisit", other), "not a FieldVisit")
    document = json.loads(source["visit.json"])
    document["version"] = 7
    newer_document = {**source, "visit.json": json.dumps(document).encode()}
    assert_refused(target, build(tmp_path / "doc.fieldvisit", newer_document),
                   "$.version", "update FieldVisit")


def test_invalid_json(source, target, tmp_path):
    broken = {**source, "visit.json": source["visit.json"][:-20]}
    assert_refused(target, build(tmp_path / "json.fieldvisit", broken),
                   "visit.json is invalid", "not valid JSON")
    document = json.loads(source["visit.json"])
    del document["notes"][2]["text"]
    invalid = {**source, "visit.json": json.dumps(document, ensure_ascii=False).encode()}
    assert_refused(target, build(tmp_path / "doc.fieldvisit", invalid), "$.notes[2].text")
    manifest = {**source, "manifest.json": b"{not json"}
    with zipfile.ZipFile(tmp_path / "manifest.fieldvisit", "w") as archive:
        for name, data in manifest.items():
            archive.writestr(name, data)
    assert_refused(target, tmp_path / "manifest.fieldvisit",
                   "manifest.json is invalid at $: not valid JSON")


@pytest.mark.parametrize("kind", ["text", "gif", "truncated"])
def test_photo_that_is_not_an_image(source, target, tmp_path, kind):
    import io

    photo = next(n for n in source if n.startswith("photos/") and "display" not in n)
    if kind == "text":
        data = b"hello, not a photo"
    elif kind == "gif":
        buffer = io.BytesIO()
        Image.new("RGB", (8, 8)).save(buffer, "GIF")
        data = buffer.getvalue()
    else:
        data = source[photo][:40]
    message = assert_refused(target, build(tmp_path / "photo.fieldvisit",
                                           {**source, photo: data}), photo)
    assert "not a JPEG or PNG image" in message


def test_a_record_of_another_visit_is_refused(source, target, tmp_path):
    database = target
    other = load_reference_visit(database.unit_of_work())  # same ids, same visit: fine
    document = json.loads(source["visit.json"])
    assert document["visit"]["id"] == str(other.visit_id)
    document["visit"]["id"] = "00000000-0000-4000-8000-000000000001"
    document["history"][document["visit"]["id"]] = document["history"].pop(str(other.visit_id))
    for section in ("participations", "delegation", "stops", "absences", "notes",
                    "key_figures", "follow_ups", "photos"):
        for record in document[section]:
            record["visit_id"] = document["visit"]["id"]
    manifest = json.loads(source["manifest.json"])
    manifest["visit_id"] = document["visit"]["id"]
    photos = {name.replace(str(other.visit_id), document["visit"]["id"]): data  # its folder
              for name, data in source.items() if name.startswith("photos/")}
    hijack = {"visit.json": json.dumps(document, ensure_ascii=False).encode(),
              "manifest.json": json.dumps(manifest).encode(), **photos}
    assert_refused(target, build(tmp_path / "hijack.fieldvisit", hijack),
                   "another visit")
