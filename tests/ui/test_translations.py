"""The Simplified Chinese translation is complete, compiled, and used by the window; the
English plural forms ("1 conflict", "2 conflicts") likewise."""

from __future__ import annotations

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "fieldvisit_zh_CN.ts"
QM = TS.with_suffix(".qm")
EN_TS = ROOT / "resources" / "translations" / "fieldvisit_en.ts"

spec = importlib.util.spec_from_file_location("translations", ROOT / "packaging" /
                                              "translations.py")
translations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(translations)


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            found[(context.findtext("name"), message.findtext("source"))] = message
    return found


def test_every_string_in_the_code_is_translated(tmp_path):
    refreshed = shutil.copyfile(TS, tmp_path / TS.name)
    translations.update(refreshed)  # what lupdate finds in today's code
    messages = _messages(refreshed)
    assert len(messages) > 100
    untranslated = [source for (_, source), message in messages.items()
                    if message.find("translation").get("type") in ("unfinished", "vanished",
                                                                   "obsolete")
                    or not "".join(message.find("translation").itertext()).strip()]
    assert untranslated == [], "run packaging/translations.py update, translate, release"
    assert set(messages) == set(_messages(TS)), "the .ts file is out of date"


def test_compiled_translation_is_up_to_date(tmp_path):
    compiled = translations.release(TS, tmp_path / QM.name)
    assert compiled.read_bytes() == QM.read_bytes(), "run packaging/translations.py release"


def test_every_count_has_its_english_plural_forms(tmp_path):
    """English is the source language: its file holds only the strings with a count (%n), each
    with a singular and a plural form."""
    refreshed = shutil.copyfile(EN_TS, tmp_path / EN_TS.name)
    translations.update(refreshed, "en")
    messages = _messages(refreshed)
    assert ("DelegationTab", "Delegation in protocol order: %n people") in messages
    assert all(message.get("numerus") == "yes" for message in messages.values())
    incomplete = [source for (_, source), message in messages.items()
                  if message.find("translation").get("type") is not None
                  or len([f for f in message.iter("numerusform") if (f.text or "").strip()]) != 2]
    assert incomplete == [], "run packaging/translations.py update, fill in the forms, release"
    assert set(messages) == set(_messages(EN_TS)), "fieldvisit_en.ts is out of date"


def test_compiled_english_plurals_are_up_to_date(tmp_path):
    compiled = translations.release(EN_TS, tmp_path / "fieldvisit_en.qm")
    assert compiled.read_bytes() == EN_TS.with_suffix(".qm").read_bytes(), \
        "run packaging/translations.py release"


def test_english_counts_agree_with_their_number(qapp):
    from PySide6.QtCore import QCoreApplication

    from fieldvisit.ui.i18n import install_translators

    assert install_translators(qapp, "en"), "fieldvisit_en.qm did not load"
    photos = [QCoreApplication.translate("PhotoCommands", "Add %n photo(s)", "", n)
              for n in (0, 1, 2)]
    assert photos == ["Add 0 photos", "Add a photo", "Add 2 photos"]
    assert QCoreApplication.translate("RosterImportDialog", "%n row(s) rejected", "", 1) == \
        "1 row rejected"


@pytest.fixture
def chinese(qapp):
    from fieldvisit.ui.i18n import install_translators

    installed = install_translators(qapp, "zh_CN")
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


def test_window_speaks_chinese(chinese, qtbot, database, sample_visit_id):
    from fieldvisit.ui.main_window import MainWindow

    assert chinese, "the zh_CN translation did not load"
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.refresh(sample_visit_id)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "工具(&T)", "设置(&S)", "帮助(&H)"]
    tabs = window.workspace.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == \
        ["调研组(&D)", "行程(&I)", "记录(&N)", "报告(&R)"]
    model = window.workspace.delegation_tab.delegation_model
    assert model.index(0, 4).data() == "带队领导"
    assert "已出报告" in window.workspace.header.text()


def test_language_follows_preference(qapp):
    from fieldvisit.ui.i18n import chosen_language, set_language_preference

    set_language_preference("zh_CN")
    assert chosen_language() == "zh_CN"
    set_language_preference("en")
    assert chosen_language() == "en"


def test_bundled_font_is_registered(qapp):
    from fieldvisit.ui.i18n import load_bundled_font

    assert "WenQuanYi Micro Hei" in load_bundled_font(qapp)
    assert "WenQuanYi Micro Hei" in qapp.font().families()


def test_no_tr_call_hides_inside_an_f_string():
    """lupdate does not look inside f-strings: a tr() there is never translated."""
    import re

    pattern = re.compile(r"\{\s*(self\.)?(tr|translate)\(")
    offenders = [f"{path.relative_to(ROOT)}:{number}"
                 for path in (ROOT / "fieldvisit" / "ui").rglob("*.py")
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if pattern.search(line)]
    assert offenders == []
