"""Every character prints: what the report's font lacks is drawn with a fallback font (the
bundled one, then fonts of this computer), what no font has is a counted "□", and the report
says which characters the chosen font lacks (issue 13)."""

from __future__ import annotations

import pytest

from fieldvisit.reporting import styles
from fieldvisit.reporting.font_files import fallback_fonts
from fieldvisit.reporting.visit_report import glyph_coverage, render_report
from fieldvisit.services.report_data import ReportOptions, report_data
from tests.integration import pdf_tools as pdf
from tests.integration.limited_font import make_limited_font

HEBREW = "שלום"
ARABIC = "مرحبا"
NOTE = f"骑手驿站开放时间 09:30–10:20，大家很满意😀 {HEBREW} {ARABIC} 已完成✓ 生僻字𠀀。"
# (drawn: ... 😀 ابحرم םולש ...: the right-to-left run "שלום مرحبا" reversed as a whole)
HAS_DEJAVU = any(path.name == "DejaVuSans.ttf" for path in fallback_fonts())


@pytest.fixture
def glyph_visit(uow):
    from fieldvisit.services.itinerary import add_stop, create_site
    from fieldvisit.services.notes import add_note
    from fieldvisit.services.visits import create_visit

    visit = create_visit(uow, "骑手驿站调研😀", theme="新就业形态 – 暖心服务")
    site = create_site(uow, "CBD骑士驿站")
    stop = add_stop(uow, visit.id, site.id, activities="参观驿站")
    add_note(uow, visit.id, NOTE, stop_id=stop.id, tags=("休息",))
    return visit.id


@pytest.fixture(scope="module")
def limited_font(tmp_path_factory):
    return make_limited_font(tmp_path_factory.mktemp("fonts"))


@pytest.fixture
def no_system_fallbacks(monkeypatch):
    """Only the bundled font helps: what it lacks has no font (a computer without DejaVu Sans
    or Symbola)."""
    monkeypatch.setattr(styles, "fallback_fonts", lambda: ())


def _report(uow, visit_id, **options):
    chosen = ReportOptions(**options)
    data = report_data(uow, visit_id, chosen, None)
    return render_report(data, chosen), glyph_coverage(data, chosen)


def test_the_en_dash_a_gb2312_font_lacks_prints_with_the_bundled_font(
        uow, glyph_visit, limited_font, tmp_path):
    report, coverage = _report(uow, glyph_visit, font=str(limited_font))
    text = pdf.text(report, tmp_path)
    assert "09:30–10:20" in text and "09:30□10:20" not in text
    assert "新就业形态 – 暖心服务" in text
    assert "✓" in text  # WenQuanYi Micro Hei has it too
    fonts = pdf.fonts(report, tmp_path)
    assert any("LimitedSong" in f.name for f in fonts)
    assert any("WenQuanYi" in f.name for f in fonts)  # the fallback, embedded
    assert all(f.embedded and f.type == "TrueType" for f in fonts), fonts
    assert coverage.font == "Limited Song"
    assert "–" in coverage.lacking and "✓" in coverage.lacking
    assert "WenQuanYi Micro Hei" in coverage.fallbacks
    assert "𠀀" in coverage.unprintable  # in no font here: a counted placeholder


def test_what_no_font_has_is_a_counted_placeholder(
        uow, glyph_visit, tmp_path, no_system_fallbacks):
    limited = make_limited_font(tmp_path, "Lonely Song")
    report, coverage = _report(uow, glyph_visit, font=str(limited))
    text = pdf.compact(pdf.text(report, tmp_path, layout=False))
    assert "09:30–10:20" in text
    assert "😀" not in text and HEBREW not in text
    assert "大家很满意□" in text and "生僻字□。" in text
    assert set("😀𠀀") | set(HEBREW) | set(ARABIC) <= set(coverage.unprintable)
    assert coverage.lacking and not set(coverage.lacking) & set(coverage.unprintable)
    messages = coverage.messages()
    assert len(messages) == 2
    assert messages[0].startswith("Lonely Song lacks ") and "–" in messages[0]
    assert messages[0].endswith("they will be printed with WenQuanYi Micro Hei")
    assert messages[1].startswith(f"{len(coverage.unprintable)} character(s) used in this "
                                  "visit are in no available font and will be printed as □")


@pytest.mark.skipif(not HAS_DEJAVU, reason="DejaVu Sans (fonts-dejavu-core) not installed")
def test_hebrew_arabic_and_emoji_print_with_a_font_of_this_computer(
        uow, glyph_visit, tmp_path):
    report, coverage = _report(uow, glyph_visit)  # the bundled font
    text = pdf.text(report, tmp_path, layout=False)
    assert "😀" in text  # DejaVu Sans and Symbola have it
    assert HEBREW in text and ARABIC in text  # poppler gives the letters in logical order
    assert "□" not in pdf.compact(text).replace("生僻字□", "")  # only 𠀀 lacks a font here
    assert any("DejaVuSans" in f.name for f in pdf.fonts(report, tmp_path))
    assert coverage.font == "WenQuanYi Micro Hei" and "DejaVu Sans" in coverage.fallbacks


def test_right_to_left_words_are_drawn_right_to_left(uow, glyph_visit, tmp_path):
    """Read left to right as drawn, "שלום مرحبا" is "ابحرم םולש": its first letter rightmost
    and its first word right of the second; the rest of the line keeps its order."""
    if not HAS_DEJAVU:
        pytest.skip("no font with Hebrew letters")
    report, _coverage = _report(uow, glyph_visit)
    drawn = [line.text for line in pdf.lines(report, tmp_path)]  # in the order drawn
    assert any(f"😀 {ARABIC[::-1]} {HEBREW[::-1]} 已完成" in line for line in drawn), drawn
    assert not any(HEBREW in line for line in drawn)


def test_the_command_line_warns_about_the_font_on_stderr(
        run_cli, glyph_visit, limited_font, tmp_path):
    target = tmp_path / "glyphs.pdf"
    status, _out, err = run_cli("report", str(glyph_visit), "-o", str(target),
                                "--font", str(limited_font))
    assert status == 0 and target.exists()
    warnings = [line for line in err.splitlines() if line.startswith("fieldvisit: warning:")]
    assert warnings[0].startswith("fieldvisit: warning: Limited Song lacks ")
    assert "–" in warnings[0] and "WenQuanYi Micro Hei" in warnings[0]
    assert "𠀀" in warnings[-1] and "□" in warnings[-1]


def test_the_bundled_font_says_nothing_for_the_reference_visit(uow, sample_visit_id):
    chosen = ReportOptions()
    assert glyph_coverage(report_data(uow, sample_visit_id, chosen, None), chosen).messages() \
        == []
