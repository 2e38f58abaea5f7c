"""A 工作简报 is one page: its body is 3号 on the 公文 grid when the text fits, else the
largest of 4号, 小四 and 五号 that fits (``brief_body_size``); the Word brief takes the same size
and LibreOffice sets it on one page too. A text too long even in 五号 runs on."""

from __future__ import annotations

from dataclasses import replace

import pytest

from fieldvisit.reporting import document as doc
from fieldvisit.reporting.docx_writer import render_docx
from fieldvisit.reporting.visit_report import brief_body_size, render_document
from fieldvisit.services.report_model import ReportOptions
from tests.integration import docx_tools
from tests.integration import pdf_tools as pdf

OPTIONS = ReportOptions()
SENTENCE = "调研组一行先后走访了骑士驿站、党群服务中心和社区青年汇，了解服务保障工作开展情况。"


def brief(characters: int) -> doc.Document:
    paragraphs = tuple(doc.Paragraph(SENTENCE * 3) for _ in range(characters // 123))
    return doc.Document(
        "brief", "zh", "市总工会、团市委、市妇联赴朝阳区开展联合调研", body=paragraphs,
        masthead=doc.Masthead("工作简报", "第3期", "市总工会办公室", "2023年5月26日"))


def body_sizes(made: bytes, tmp_path) -> set[float]:  # noqa: ANN001
    """The sizes the body's lines are set in, from the PDF (the heights of their em boxes)."""
    boxes = [b for b in pdf.boxes(made, tmp_path) if b.text.startswith(SENTENCE[:6])]
    return {round(b.bottom - b.top, 1) for b in boxes}


@pytest.mark.parametrize(("characters", "size"), [(246, 16.0), (369, 14.0), (615, 12.0),
                                                   (738, 10.5)])
def test_the_body_takes_the_largest_size_that_keeps_the_brief_on_one_page(
        tmp_path, characters, size):
    document = brief(characters)
    assert brief_body_size(document, OPTIONS) == size
    made = render_document(document, OPTIONS)
    assert len(pdf.reader(made).pages) == 1
    assert [pytest.approx(size, abs=0.2)] == sorted(body_sizes(made, tmp_path))


def test_a_brief_too_long_for_one_page_runs_on_in_the_smallest_size(tmp_path):
    document = brief(2000)
    assert brief_body_size(document, OPTIONS) == 10.5
    made = render_document(document, OPTIONS)
    assert len(pdf.reader(made).pages) > 1
    assert [pytest.approx(10.5, abs=0.2)] == sorted(body_sizes(made, tmp_path))


def test_the_sample_brief_is_one_page_as_pdf_and_through_libreoffice(run_cli, sample_visit_id,
                                                                     tmp_path):
    for name in ("简报.pdf", "简报.docx"):
        status, _, err = run_cli("brief", "市委", "-o", str(tmp_path / name))
        assert status == 0, err
    made = (tmp_path / "简报.pdf").read_bytes()
    assert len(pdf.reader(made).pages) == 1
    text = pdf.compact(pdf.text(made, tmp_path))
    assert "近日" in text and "朝阳区有关负责同志陪同调研" in text  # the last paragraph too
    converted = docx_tools.to_pdf((tmp_path / "简报.docx").read_bytes(), tmp_path, "brief")
    assert len(pdf.reader(converted.read_bytes()).pages) == 1
    assert "朝阳区有关负责同志陪同调研" in pdf.compact(docx_tools.pdf_text(converted))


def test_the_word_brief_has_the_size_of_the_pdf_and_no_grid_below_3号():
    small = docx_tools.read(render_docx(brief(615), OPTIONS))
    body = small.styles["正文段落"]
    assert body.font.size.pt == 12 and body.paragraph_format.line_spacing.pt == pytest.approx(
        12 * 1.65, abs=0.1)
    grid = small.sections[0]._sectPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docGrid")
    assert grid is None or grid.get(grid.tag.replace("docGrid", "type")) != "lines"
    large = docx_tools.read(render_docx(brief(246), replace(OPTIONS, layout="modern")))
    assert large.styles["正文段落"].font.size.pt == 16

