"""The report's options (sections, confidential notes, anonymity, photos, paper, marking,
font) and the ``fieldvisit report`` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from fieldvisit.domain.enums import NoteKind
from fieldvisit.domain.errors import FieldVisitError, ValidationError
from fieldvisit.persistence.db import photo_root, sqlite_url
from fieldvisit.services.notes import add_note, add_photo
from fieldvisit.services.photos import photo_file_names, photo_files
from fieldvisit.services.report_data import ReportOptions, report_data
from fieldvisit.services.report_model import SECTIONS
from fieldvisit.services.visits import visit_overview
from tests.integration import pdf_tools as pdf
from tests.integration.test_report import render

SECRET = "内部讨论：某驿站经费紧张"
SPEAKER = "张三"


@pytest.fixture
def visit(uow, sample_visit_id):
    """The reference visit with a confidential note and a named interviewee."""
    stops = visit_overview(uow, sample_visit_id).stops
    add_note(uow, sample_visit_id, SECRET, stop_id=stops[0].stop.id, confidential=True)
    add_note(uow, sample_visit_id, "希望多建几个充电柜。", stop_id=stops[1].stop.id,
             kind=NoteKind.INTERVIEW, interviewee_group="外卖送餐员", speaker=SPEAKER)
    return sample_visit_id


def compact_text(report: bytes, folder: Path) -> str:
    return pdf.compact(pdf.text(report, folder))


def test_confidential_notes_are_left_out_unless_asked_for(uow, visit, tmp_path):
    plain = compact_text(render(uow, visit), tmp_path)
    assert SECRET not in plain and "内部资料" not in plain
    marked = compact_text(render(uow, visit, include_confidential=True), tmp_path)
    assert SECRET in marked and marked.startswith("内部资料")  # marked by itself


def test_interviewees_are_anonymized_by_default(uow, visit, tmp_path):
    text = compact_text(render(uow, visit), tmp_path)
    assert "希望多建几个充电柜" in text and SPEAKER not in text
    named = compact_text(render(uow, visit, anonymize=False), tmp_path)
    assert SPEAKER in named


def test_sections_can_be_left_out_and_the_numbering_closes_up(uow, visit, tmp_path):
    text = compact_text(render(uow, visit, sections=frozenset(SECTIONS) - {
        "cover", "contents", "practices"}), tmp_path)
    assert "目录" not in text and "主要做法及成效" not in text and "驿站建设。" not in text
    assert "二、存在的问题" in text and "三、意见建议" in text and "附件3调研组名单" in text
    only = compact_text(render(uow, visit, sections=frozenset({"appendix"})), tmp_path)  # old name
    assert "调研组名单" in only and "基本情况" not in only and "调研行程" not in only


def test_letter_paper(uow, visit):
    for page in pdf.reader(render(uow, visit, paper="letter")).pages:
        assert [float(v) for v in page.mediabox] == [0, 0, 612, 792]
    a4 = pdf.reader(render(uow, visit)).pages[0].mediabox
    assert round(float(a4.width)) == 595 and round(float(a4.height)) == 842


def test_marking_on_the_cover_and_every_page(uow, visit):
    pages = [pdf.compact(p.extract_text())
             for p in pdf.reader(render(uow, visit, marking="内部资料")).pages]
    assert all("内部资料" in page for page in pages)


def test_options_are_checked():
    with pytest.raises(ValidationError, match="language"):
        ReportOptions(language="fr")
    with pytest.raises(ValidationError, match="paper"):
        ReportOptions(paper="a3")
    with pytest.raises(ValidationError, match="sections"):
        ReportOptions(sections=frozenset({"cover", "epilogue"}))


def test_a_font_that_is_not_truetype_is_refused(uow, visit, tmp_path):
    fake = tmp_path / "simsun.ttc"
    fake.write_bytes(b"not a font at all")
    with pytest.raises(FieldVisitError, match="TrueType"):
        render(uow, visit, font=str(fake))


def _photos(uow, visit_id, root: Path) -> str:
    """Two photos with their files where the photo folder keeps them, and one without; returns
    where the missing one's file was looked for."""
    stops = visit_overview(uow, visit_id).stops
    (root / str(visit_id)).mkdir(parents=True)
    for index, (colour, size) in enumerate((("#a33", (2400, 1600)), ("#36a", (1200, 1600)))):
        photo = add_photo(uow, visit_id, f"p{index}.jpg", caption=f"调研现场照片{index + 1}",
                          credit="刘欣欣", stop_id=stops[index].stop.id)
        Image.new("RGB", size, colour).save(photo_files(root, photo)[0], quality=90)
    missing = add_photo(uow, visit_id, "missing.jpg", caption="不存在的照片")
    return photo_file_names(missing)[0]


def test_photo_pages_with_captions_and_credits(uow, visit, tmp_path):
    root = tmp_path / "photos"
    missing = _photos(uow, visit, root)
    data = report_data(uow, visit, ReportOptions(), root)
    assert data.missing_photos == (missing,) == (f"{visit}/{missing.split('/')[1]}",)
    report = render(uow, visit, root)
    text = compact_text(report, tmp_path)
    pdf.assert_in_order(text, ["附件：1.调研行程", "4.调研图片", "附件3调研组名单",
                               "附件4调研图片", "调研现场照片1", "饿了么北京CBD骑士驿站",
                               "摄影：刘欣欣", "调研现场照片2"])
    credit = next(line for line in pdf.lines(report, tmp_path) if "摄影" in line.text)
    assert "调研现场照片" not in credit.text  # the credit on a line of its own
    assert "不存在的照片" not in text
    images = [image for page in pdf.reader(report).pages for image in page.images]
    assert len(images) == 2 and max(max(i.image.size) for i in images) <= 1000  # downscaled
    without = render(uow, visit, root, photos=False)
    assert "调研现场照片" not in compact_text(without, tmp_path)
    assert not any(page.images for page in pdf.reader(without).pages)


def test_photo_root_is_beside_a_sqlite_file(tmp_path):
    assert photo_root(sqlite_url(tmp_path / "visits.sqlite3")) == tmp_path / "visits-photos"
    assert photo_root("postgresql+psycopg://u@h/db").name == "photos"


# -- the command line --------------------------------------------------------------------------
def test_report_command(run_cli, tmp_path, sample_visit_id):
    output = tmp_path / "报告.pdf"
    status, out, err = run_cli("report", "市委主题教育", "-o", str(output), "--lang", "en",
                               "--paper", "letter", "--marking", "Internal")
    assert (status, out) == (0, "") and f"wrote {output}" in err
    text = pdf.text(output.read_bytes(), tmp_path)
    assert "Basic information" in text and "Internal" in text
    assert [float(v) for v in pdf.reader(output.read_bytes()).pages[0].mediabox][2:] == [612, 792]


def test_report_command_options(run_cli, database_url, tmp_path, uow, visit):
    root = photo_root(database_url)
    missing = _photos(uow, visit, root)
    output = tmp_path / "r.pdf"
    status, _, err = run_cli("report", str(visit), "-o", str(output), "--include-confidential",
                             "--names", "--without", "cover", "--without", "contents")
    assert status == 0 and "1 photo files not found" in err and missing in err
    text = pdf.compact(pdf.text(output.read_bytes(), tmp_path))
    assert SECRET in text and SPEAKER in text and "调研现场照片1" in text and "目录" not in text
    status, _, _ = run_cli("report", str(visit), "-o", str(output), "--no-photos")
    assert status == 0 and "调研现场照片1" not in pdf.compact(pdf.text(output.read_bytes(),
                                                                         tmp_path))


def test_report_command_takes_the_old_section_names(run_cli, tmp_path, sample_visit_id):
    output = tmp_path / "r.pdf"
    status, _, err = run_cli("report", str(sample_visit_id), "-o", str(output),
                             "--without", "appendix", "--without", "route_map")
    assert status == 0, err
    assert "调研组名单" not in pdf.compact(pdf.text(output.read_bytes(), tmp_path))


@pytest.mark.parametrize(("arguments", "message"), [
    (["no such visit", "-o", "{tmp}/x.pdf"], "no visit has the id or title"),
    (["市委", "-o", "{tmp}/missing-folder/x.pdf"], "No such folder"),
    (["市委", "-o", "{tmp}/x.pdf", "--font", "{tmp}/none.ttf"], "cannot use the font"),
])
def test_report_command_mistakes(run_cli, sample_visit_id, tmp_path, arguments, message):
    status, _, err = run_cli("report", *[a.replace("{tmp}", str(tmp_path)) for a in arguments])
    assert status == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_report_bytes_on_standard_output(database_url, sample_visit_id, monkeypatch):
    import io
    import sys

    from fieldvisit.cli import main

    class Stdout(io.TextIOWrapper):
        pass

    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", Stdout(buffer, encoding="utf-8"))
    assert main(["--database-url", database_url, "report", "市委", "-o", "-"]) == 0
    assert buffer.getvalue().startswith(b"%PDF-")
