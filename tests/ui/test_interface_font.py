"""Issue 11.10: the English interface showed "New Visit···" because the bundled CJK font drew
all text, Latin punctuation included. In English the system's font draws Latin text and the
bundled font only Chinese characters; in Chinese the bundled font keeps Chinese punctuation."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QTextLayout

from fieldvisit.ui.i18n import interface_families, load_bundled_font

BUNDLED = "WenQuanYi Micro Hei"


def drawn_with(font: QFont, text: str, part: str) -> set[str]:
    """The families Qt draws ``part`` of ``text`` with (after font fallback)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName()
            for run in layout.glyphRuns(text.index(part), len(part))}


def system_has_a_latin_font() -> bool:
    return any(QFontDatabase.WritingSystem.Latin in QFontDatabase.writingSystems(family)
               and not family.startswith("WenQuanYi") for family in QFontDatabase.families())


@pytest.fixture
def restore_font(qapp):
    yield
    load_bundled_font(qapp, "en")


def test_the_order_of_families():
    assert interface_families("DejaVu Sans", BUNDLED, "en", False) == ["DejaVu Sans", BUNDLED]
    assert interface_families("DejaVu Sans", BUNDLED, "zh_CN", False) == [BUNDLED, "DejaVu Sans"]
    assert interface_families("Noto Sans CJK SC", BUNDLED, "zh_CN", True) == \
        ["Noto Sans CJK SC", BUNDLED]  # a Chinese system's own font stays first
    assert interface_families(BUNDLED, BUNDLED, "en", True) == [BUNDLED]


def test_english_menus_draw_latin_punctuation_with_a_latin_font(sample_window, restore_font):
    if not system_has_a_latin_font():  # every desktop has one (fontconfig depends on one)
        pytest.skip("no Latin font on this system")
    text = sample_window.actions.new_visit.text().replace("&", "")
    assert text == "New Visit…"
    font = sample_window.menuBar().font()
    assert QFontInfo(font).family() != BUNDLED
    assert BUNDLED not in drawn_with(font, text, "…")  # a Latin ellipsis, not "···"
    title = sample_window.windowTitle()  # the visit's Chinese title still renders
    assert "朝阳区" in title and drawn_with(font, title, "朝阳区") == {BUNDLED}
    assert BUNDLED in sample_window.font().families()


def test_chinese_interface_keeps_chinese_punctuation(qapp, restore_font):
    load_bundled_font(qapp, "zh_CN")
    font = qapp.font()
    assert drawn_with(font, "新建调研…", "…") == {BUNDLED}
    assert drawn_with(font, "调研组（按排序）", "（") == {BUNDLED}
