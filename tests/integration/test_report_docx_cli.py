"""``fieldvisit report -o x.docx`` and ``fieldvisit brief``: the format follows the output's
extension; anything else is refused in one line before any work, and nothing is written."""

from __future__ import annotations

import pytest

from fieldvisit.paths import resource
from tests.integration.docx_tools import read


@pytest.mark.parametrize("command", ["report", "brief"])
@pytest.mark.parametrize("name", ["x.txt", "x.doc", "x", "x.pdf.part", "x.odt"])
def test_an_output_neither_pdf_nor_docx_is_refused(run_cli, sample_visit_id, tmp_path,
                                                    command, name):
    output = tmp_path / name
    status, out, err = run_cli(command, "市委", "-o", str(output))
    assert (status, out) == (2, "")
    assert err.strip().splitlines() == [
        f"fieldvisit: {output}: the output must end in .pdf or .docx; nothing was written"]
    assert list(tmp_path.glob("x*")) == []


def test_a_font_file_that_is_no_font_is_refused_before_the_word_file(run_cli, sample_visit_id,
                                                                      tmp_path):
    not_a_font = tmp_path / "title.ttf"
    not_a_font.write_bytes(b"not a font at all")
    for option in ("--title-font", "--heading-font", "--font"):
        status, _, err = run_cli("report", "市委", "-o", str(tmp_path / "r.docx"), option,
                                 str(not_a_font))
        assert status == 2 and len(err.strip().splitlines()) == 1
        assert f"cannot use the font {not_a_font}" in err
    assert not (tmp_path / "r.docx").exists()


def test_report_as_word_in_the_official_layout(run_cli, sample_visit_id, tmp_path):
    pytest.importorskip("fieldvisit.reporting.outline")
    output = tmp_path / "报告.DOCX"
    bundled = str(resource("fonts", "wqy-microhei.ttc"))
    status, out, err = run_cli("report", "市委主题教育", "-o", str(output), "--layout",
                               "official", "--title-font", bundled, "--marking", "内部资料")
    assert (status, out) == (0, "") and f"wrote {output}" in err
    word = read(output.read_bytes())
    used = [p.style.name for p in word.paragraphs]
    assert used[:2] == ["密级标志", "公文标题"] and "一级标题" in used and "附件标题" in used
    assert word.sections[0].top_margin.mm == pytest.approx(37, abs=1)
    title = word.styles["公文标题"].element.rPr.rFonts
    assert title.get(title.tag.replace("rFonts", "eastAsia")) == "文泉驿微米黑"
    assert word.tables  # the itinerary and the roster, at least


def test_brief_as_word(run_cli, sample_visit_id, tmp_path):
    pytest.importorskip("fieldvisit.reporting.brief_outline")
    output = tmp_path / "简报.docx"
    status, _, err = run_cli("brief", "市委", "-o", str(output), "--layout", "official")
    assert status == 0 and f"wrote {output}" in err
    word = read(output.read_bytes())
    used = [p.style.name for p in word.paragraphs]
    assert "报头" in used and "简报标题" in used and "正文段落" in used


def test_report_options_reach_the_pdf(run_cli, sample_visit_id, tmp_path):
    output = tmp_path / "r.PDF"
    status, _, err = run_cli("report", "市委", "-o", str(output), "--layout", "official",
                             "--statistics")
    assert status == 0 and f"wrote {output}" in err
    assert output.read_bytes().startswith(b"%PDF-")


def test_brief_as_pdf(run_cli, sample_visit_id, tmp_path):
    from tests.integration import pdf_tools as pdf

    output = tmp_path / "简报.pdf"
    status, _, err = run_cli("brief", "市委", "-o", str(output))
    assert status == 0 and f"wrote {output}" in err
    text = pdf.compact(pdf.text(output.read_bytes(), tmp_path))
    assert "工作简报" in text and "近日" in text


@pytest.mark.parametrize("name", ["r.pdf", "r.docx"])
def test_a_paragraph_printed_once_is_a_warning_for_pdf_and_word(run_cli, sample_visit_id,
                                                                 tmp_path, name):
    repeated = "调研组建议进一步整合阵地资源并完善服务"
    for field in ("problems", "suggestions"):
        status, _, err = run_cli("writing", "市委", "--set", f"{field}={repeated}")
        assert status == 0, err
    status, _, err = run_cli("report", "市委", "-o", str(tmp_path / name))
    assert status == 0
    assert f"fieldvisit: warning: 重复的段落只印一次：{repeated}" in err
