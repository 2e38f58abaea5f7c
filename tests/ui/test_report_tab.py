"""The Report tab: options, export off the GUI thread, opening the PDF, cancel, preview."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from fieldvisit.reporting.preview import preview_available
from fieldvisit.ui import file_dialogs
from fieldvisit.ui.views.report_options import ReportOptionsPanel
from tests.integration import pdf_tools as pdf
from tests.ui.scenario_steps import on_tab

TIMEOUT = 30_000


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def tab(sample_window):
    return on_tab(sample_window.workspace.report_tab)


def test_export_with_the_chosen_options(qtbot, tab, tmp_path, opened, monkeypatch):
    options = tab.options
    options.language.setCurrentIndex(options.language.findData("en"))
    options.paper.setCurrentIndex(options.paper.findData("letter"))
    options.sections["practices"].setChecked(False)
    options.marking.setText("Internal")
    target = tmp_path / "report"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: target)
    assert tab.export_button.isEnabled()
    tab.export_button.click()
    assert len(tab._tasks) == 1
    with qtbot.waitSignal(tab._tasks[0].finished, timeout=TIMEOUT):
        pass
    written = tmp_path / "report.pdf"  # the suffix is added
    text = pdf.text(written.read_bytes(), tmp_path)
    assert "Basic information" in text and "Internal" in text and "Findings by site" not in text
    assert [float(v) for v in pdf.reader(written.read_bytes()).pages[0].mediabox][2:] == \
        [612, 792]
    assert [url.toLocalFile() for url in opened] == [str(written)]
    assert str(written) in tab.status.text()


def test_cancel_writes_nothing(qtbot, tab, tmp_path, opened):
    target = tmp_path / "cancelled.pdf"
    task = tab.run_export(target)
    task.token.cancel()
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    assert not target.exists() and opened == []


def test_not_opened_when_unchecked(qtbot, tab, tmp_path, opened):
    tab.open_when_done.setChecked(False)
    task = tab.run_export(tmp_path / "quiet.pdf")
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    assert (tmp_path / "quiet.pdf").exists() and opened == []


def test_a_failure_is_shown(qtbot, tab, tmp_path, opened, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    task = tab.run_export(tmp_path / "no-such-folder" / "x.pdf")
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    assert shown and "no-such-folder" in shown[0] and opened == []


@pytest.mark.skipif(not preview_available(), reason="pdftoppm (poppler-utils) not installed")
def test_preview_shows_the_first_pages(qtbot, tab):
    task = tab.run_preview()
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    assert tab.preview_page_count() == 3 and tab.views.currentWidget() is tab.preview_scroll


def test_options_are_remembered(qtbot, tab):
    tab.options.paper.setCurrentIndex(tab.options.paper.findData("letter"))
    tab.options.photos.setChecked(False)
    tab.options.sections["cover"].setChecked(False)
    again = ReportOptionsPanel()
    qtbot.addWidget(again)
    chosen = again.value()
    assert chosen.paper == "letter" and not chosen.photos and "cover" not in chosen.sections
    assert chosen.anonymize and not chosen.include_confidential and chosen.language is None


def test_no_visit_no_export(qtbot, window):
    tab = on_tab(window.workspace.report_tab)
    tab.show_overview(None)
    assert not tab.export_button.isEnabled() and tab.run_export(None) is None


def test_the_options_say_which_characters_the_chosen_font_lacks(qtbot, window, uow,
                                                                  tmp_path):
    from fieldvisit.services.notes import add_note
    from fieldvisit.services.visits import create_visit
    from tests.integration.limited_font import make_limited_font

    visit = create_visit(uow, "骑手驿站调研", theme="新就业形态")
    add_note(uow, visit.id, "开放时间 09:30–10:20，很满意😀 生僻字𠀀")
    window.refresh(visit.id)
    tab = on_tab(window.workspace.report_tab)
    warning = tab.options.font_warning
    qtbot.waitUntil(lambda: "𠀀" in warning.text(), timeout=TIMEOUT)  # in no font here
    tab.options.font.set_font_file(str(make_limited_font(tmp_path)))
    qtbot.waitUntil(lambda: "Limited Song lacks" in warning.text(), timeout=TIMEOUT)
    assert warning.isVisible()
    assert "–" in warning.text() and "they will be printed with WenQuanYi Micro Hei" in \
        warning.text()
    tab.options.font.set_font_file(str(tmp_path / "missing.ttf"))
    qtbot.waitUntil(lambda: "cannot use the font" in warning.text(), timeout=TIMEOUT)


def test_no_viewer_for_the_pdf_says_so_and_offers_the_folder(qtbot, tab, tmp_path,
                                                            monkeypatch):
    """Issue 16: when no program opens the exported PDF, the user is told and offered the
    folder; the status bar says where the file went, with a link to the folder."""
    from PySide6.QtWidgets import QLabel

    from fieldvisit.ui.written_notice import NOTICE_NAME

    urls, asked = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: urls.append(url.toLocalFile()) or url.toLocalFile() ==
                        str(tmp_path))  # no PDF viewer; the file manager works
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(
        text) or QMessageBox.StandardButton.Open)
    tab.open_when_done.setChecked(True)
    target = tmp_path / "无人打开.pdf"
    task = tab.run_export(target)
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        pass
    assert target.exists()
    assert len(asked) == 1 and "无人打开.pdf" in asked[0]
    assert urls == [str(target), str(tmp_path)]  # the file, then its folder
    notice = tab.window().statusBar().findChild(QLabel, NOTICE_NAME)
    assert notice is not None and str(target) in notice.text()
