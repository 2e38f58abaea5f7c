"""Issue 14 item 1: the writer finishes the report's and brief's texts in the Report tab. Each
section shows the draft until the writer types into it; typing is saved like a note's (after a
pause, before another visit is shown, when the window closes), one undoable step, and
"Regenerate" asks before giving a section back to the draft. The database is checked after
every step."""

from __future__ import annotations

import time
from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.services import notes
from fieldvisit.services.report_writing import report_writing, update_report_writing
from fieldvisit.ui.views.report_options import ReportOptionsPanel
from tests.ui.scenario_steps import (
    click_visit,
    new_visit,
    notes_tab,
    on_tab,
    start_new_note,
    type_text,
    wait_for_save,
)

THEIRS = "李娜 @ laptop-7"
DRAFT, EDITED = "Draft (follows the data)", "Edited"


def report_tab(window):
    """The Report tab's texts, once the draft has been written (in the background)."""
    tab = on_tab(window.workspace.report_tab)
    tab.views.setCurrentWidget(tab.writing)
    return drafted(tab)


def drafted(tab):
    deadline = time.monotonic() + 30
    while tab.writing.drafting():
        assert time.monotonic() < deadline, "the draft never came"
        QApplication.processEvents()
        time.sleep(0.005)
    return tab


def type_into(qtbot, tab, name: str, text: str) -> None:
    """Click into a section and type at its end, as the writer does."""
    section = tab.writing.sections[name]
    tab.writing.editor.pages.setCurrentIndex(0 if not name.startswith("brief") else 1)
    widget = section.input
    widget.setFocus()
    if hasattr(widget, "moveCursor"):
        widget.moveCursor(widget.textCursor().MoveOperation.End)
        type_text(qtbot, widget, text)
    else:
        widget.end(False)
        for character in text:
            widget.insert(character)
            QApplication.processEvents()
        widget.textEdited.emit(widget.text())


def shown(tab, name: str):
    return tab.writing.sections[name].value()


def state(tab, name: str) -> str:
    return tab.writing.sections[name].state.text()


class Answers(list):
    asked: list[str]


@pytest.fixture
def dialog(monkeypatch) -> Answers:
    """QMessageBox.question answered from the list in order; what was asked is kept."""
    queue = Answers()
    queue.asked = []

    def question(parent, title, text, *args):
        queue.asked.append(f"{title}|{text}")
        return queue.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return queue


@pytest.mark.both_databases  # the report text's first save is an INSERT
def test_each_section_shows_the_draft_until_the_writer_types(sample_window, qtbot, uow,
                                                              sample_visit_id):
    tab = report_tab(sample_window)
    draft_lead = shown(tab, "lead")
    assert draft_lead and all(state(tab, n) == DRAFT for n in tab.writing.sections)
    assert not tab.writing.sections["lead"].regenerate_button.isEnabled()

    type_into(qtbot, tab, "lead", "（补充）")
    assert state(tab, "lead") == EDITED
    wait_for_save(qtbot)

    stored = report_writing(uow, sample_visit_id)
    assert stored.lead == draft_lead + "（补充）" and stored.edited() == {"lead"}
    assert tab.writing.editor.state.text() == "Saved"
    assert tab.writing.sections["lead"].regenerate_button.isEnabled()
    assert state(tab, "basics") == DRAFT


@pytest.mark.both_databases
def test_typed_text_is_saved_when_another_visit_is_shown_and_comes_back(
        sample_window, qtbot, uow, sample_visit_id, monkeypatch):
    tab = report_tab(sample_window)
    other = new_visit(sample_window, monkeypatch, "第二次调研")
    click_visit(qtbot, sample_window, sample_visit_id)
    tab = report_tab(sample_window)
    type_into(qtbot, tab, "problems", "另有一条问题。")
    typed = shown(tab, "problems")
    click_visit(qtbot, sample_window, other)  # at once, before the pause ends

    assert report_writing(uow, sample_visit_id).problems == typed  # into the visit it was for
    assert report_writing(uow, other).version == 0  # nothing stored for the other one
    assert state(tab, "problems") == "Writing the draft…"  # of the other visit
    assert tab.writing.sections["problems"].input.isReadOnly()
    assert shown(drafted(tab), "problems") != typed and state(tab, "problems") == DRAFT
    assert not tab.writing.sections["problems"].input.isReadOnly()
    wait_for_save(qtbot)
    assert report_writing(uow, other).version == 0  # showing a visit writes nothing

    click_visit(qtbot, sample_window, sample_visit_id)
    assert shown(tab, "problems") == typed and state(tab, "problems") == EDITED  # at once
    assert shown(drafted(tab), "problems") == typed


@pytest.mark.both_databases
def test_undo_gives_the_section_back_to_the_draft_and_redo_brings_the_text(
        sample_window, qtbot, uow, sample_visit_id):
    tab = report_tab(sample_window)
    draft_lead = shown(tab, "lead")
    type_into(qtbot, tab, "lead", "甲")
    wait_for_save(qtbot)
    type_into(qtbot, tab, "lead", "乙")
    wait_for_save(qtbot)
    assert report_writing(uow, sample_visit_id).lead == draft_lead + "甲乙"
    stack = sample_window.undo_stack
    assert stack.undoText() == "Edit the report text"

    sample_window.actions.undo.trigger()  # the burst of typing in one step
    assert report_writing(uow, sample_visit_id).lead is None
    assert shown(tab, "lead") == draft_lead and state(tab, "lead") == DRAFT

    sample_window.actions.redo.trigger()
    assert report_writing(uow, sample_visit_id).lead == draft_lead + "甲乙"
    assert shown(tab, "lead") == draft_lead + "甲乙" and state(tab, "lead") == EDITED


@pytest.mark.both_databases
def test_regenerate_asks_naming_the_section_and_is_undoable(sample_window, qtbot, uow,
                                                           sample_visit_id, dialog):
    tab = report_tab(sample_window)
    draft = shown(tab, "suggestions")
    type_into(qtbot, tab, "suggestions", "建议一。")
    button = tab.writing.sections["suggestions"].regenerate_button

    dialog.append(QMessageBox.StandardButton.No)
    button.click()  # what is typed is saved first, then the writer is asked
    assert "Suggestions" in dialog.asked[0]
    assert report_writing(uow, sample_visit_id).suggestions == draft + "建议一。"
    assert shown(tab, "suggestions") == draft + "建议一。"

    dialog.append(QMessageBox.StandardButton.Yes)
    button.click()
    assert report_writing(uow, sample_visit_id).suggestions is None
    assert shown(tab, "suggestions") == draft and state(tab, "suggestions") == DRAFT
    assert sample_window.undo_stack.undoText() == "Regenerate “Suggestions”"

    sample_window.actions.undo.trigger()
    assert report_writing(uow, sample_visit_id).suggestions == draft + "建议一。"
    assert shown(tab, "suggestions") == draft + "建议一。"


def test_sections_following_the_draft_follow_new_notes_edited_ones_stay(
        sample_window, qtbot, uow, sample_visit_id):
    tab = report_tab(sample_window)
    type_into(qtbot, tab, "lead", "（改）")
    wait_for_save(qtbot)
    lead, practices = shown(tab, "lead"), shown(tab, "practices")

    start_new_note(qtbot, sample_window, stop=1)  # the writer adds a note at a stop
    type_text(qtbot, notes_tab(sample_window).editor.text, "新看到的服务站点")
    wait_for_save(qtbot)
    tab = report_tab(sample_window)
    assert shown(tab, "practices") != practices  # the draft is made again from the data
    assert shown(tab, "lead") == lead  # the writer's text stays
    assert report_writing(uow, sample_visit_id).practices is None  # a refresh wrote nothing

    stack = sample_window.undo_stack
    while stack.undoText() != "Add a note":  # typing the note's text: a step of its own
        sample_window.actions.undo.trigger()
    sample_window.actions.undo.trigger()  # the note goes again, the Report tab showing
    assert shown(drafted(tab), "practices") == practices and shown(tab, "lead") == lead


def test_the_brief_and_the_date_are_saved_too(sample_window, qtbot, uow, sample_visit_id):
    tab = report_tab(sample_window)
    type_into(qtbot, tab, "brief_issue", "第3期")
    date_edit = tab.writing.sections["signed_on"].input
    date_edit.setDate(QDate(2025, 7, 1))
    wait_for_save(qtbot)
    stored = report_writing(uow, sample_visit_id)
    assert stored.brief_issue == "第3期" and stored.signed_on == date(2025, 7, 1)
    assert state(tab, "brief_issue") == state(tab, "signed_on") == EDITED


def test_closing_the_window_saves_what_is_typed(sample_window, qtbot, uow, sample_visit_id):
    tab = report_tab(sample_window)
    type_into(qtbot, tab, "title", "（修改稿）")
    typed = shown(tab, "title")
    sample_window.close()
    assert report_writing(uow, sample_visit_id).title == typed


@pytest.fixture
def other_user(db_path):
    database = open_database(sqlite_url(db_path), identity=THEIRS)
    yield database
    database.dispose()


def test_a_save_over_someone_elses_text_is_a_conflict_keeping_both(
        sample_window, qtbot, uow, sample_visit_id, other_user):
    tab = report_tab(sample_window)
    editor = tab.writing.editor
    update_report_writing(other_user.unit_of_work(), sample_visit_id,
                          {"lead": "李娜写的导语"}, expected_version=0)
    type_into(qtbot, tab, "lead", "（我的）")
    mine = shown(tab, "lead")
    wait_for_save(qtbot)

    stored = report_writing(uow, sample_visit_id)
    assert (stored.lead, stored.changed_by) == ("李娜写的导语", THEIRS)  # not overwritten
    assert shown(tab, "lead") == mine and editor.conflict.isVisibleTo(tab)
    assert editor.state.text() == f"Not saved: changed by {THEIRS}"

    editor.keep_mine.emit()  # Keep My Text: one undoable step over their version
    assert report_writing(uow, sample_visit_id).lead == mine
    assert editor.conflict.isHidden()
    sample_window.actions.undo.trigger()
    assert report_writing(uow, sample_visit_id).lead == "李娜写的导语"


def test_show_the_saved_text_after_a_conflict(sample_window, qtbot, uow, sample_visit_id,
                                              other_user):
    tab = report_tab(sample_window)
    editor = tab.writing.editor
    update_report_writing(other_user.unit_of_work(), sample_visit_id,
                          {"lead": "李娜写的导语"}, expected_version=0)
    type_into(qtbot, tab, "lead", "（我的）")
    wait_for_save(qtbot)
    assert editor.conflict.isVisibleTo(tab)
    editor.take_stored.emit()
    assert shown(tab, "lead") == "李娜写的导语" and state(tab, "lead") == EDITED
    assert editor.state.text() == "" and editor.changes() == {}
    assert report_writing(uow, sample_visit_id).lead == "李娜写的导语"


def test_the_text_is_saved_before_an_export_starts(sample_window, qtbot, uow,
                                                   sample_visit_id, tmp_path):
    tab = report_tab(sample_window)
    tab.open_when_done.setChecked(False)
    type_into(qtbot, tab, "basics", "（补）")
    task = tab.run_export(tmp_path / "report.pdf")
    assert report_writing(uow, sample_visit_id).basics.endswith("（补）")
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_layout_fonts_and_statistics_are_options_and_remembered(sample_window, qtbot,
                                                                tmp_path):
    tab = report_tab(sample_window)
    options = tab.options
    assert options.value().layout == "modern" and not options.value().statistics
    options.layout_preset.setCurrentIndex(options.layout_preset.findData("official"))
    options.title_font.set_font_file(str(tmp_path / "FZXiaoBiaoSong.ttf"))
    options.heading_font.set_font_file(str(tmp_path / "simhei.ttf"))
    options.statistics.setChecked(True)
    chosen = options.value()
    assert (chosen.layout, chosen.statistics) == ("official", True)
    assert chosen.title_font.endswith("FZXiaoBiaoSong.ttf")
    assert chosen.heading_font.endswith("simhei.ttf") and chosen.font == ""
    again = ReportOptionsPanel()
    qtbot.addWidget(again)
    assert again.value() == chosen


def test_a_refresh_of_another_area_keeps_typed_text(sample_window, qtbot, uow,
                                                   sample_visit_id):
    tab = report_tab(sample_window)
    type_into(qtbot, tab, "lead", "未存")
    note = notes.list_notes(uow, sample_visit_id)[0]
    sample_window.undo_stack.showing_change = True  # as while the window shows a change
    try:
        from fieldvisit.services.changes import Area, Change

        sample_window.workspace.apply(Change.of(Area.NOTES, visit_id=sample_visit_id,
                                                ids=(note.id,)))
    finally:
        sample_window.undo_stack.showing_change = False
    assert shown(tab, "lead").endswith("未存")
    assert report_writing(uow, sample_visit_id).version == 0  # nothing written by a refresh


def docx_text(path) -> str:
    from tests.integration import docx_tools

    document = docx_tools.read(path.read_bytes())
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def export(qtbot, tab, button, monkeypatch, target):
    """Click an export button, answering the save dialog with ``target``; wait for the file."""
    from fieldvisit.ui import file_dialogs

    asked = []
    monkeypatch.setattr(file_dialogs, "save_file",
                        lambda *args: asked.append(args) or target)
    button.click()
    with qtbot.waitSignal(tab._tasks[-1].finished, timeout=60_000):
        pass
    return asked[0]


def test_the_report_as_word_has_the_writers_text(sample_window, qtbot, uow, tmp_path,
                                                 sample_visit_id, monkeypatch):
    tab = report_tab(sample_window)
    tab.open_when_done.setChecked(False)
    tab.options.layout_preset.setCurrentIndex(tab.options.layout_preset.findData("official"))
    type_into(qtbot, tab, "lead", "（写作者补充的一句）")
    asked = export(qtbot, tab, tab.export_button, monkeypatch, tmp_path / "报告.docx")
    assert "Word documents (*.docx)" in asked[4] and "PDF documents (*.pdf)" in asked[4]
    text = docx_text(tmp_path / "报告.docx")
    assert "（写作者补充的一句）" in text and report_writing(uow, sample_visit_id).lead in text
    assert "报告.docx" in tab.status.text()
    # the next export proposes Word again
    again = export(qtbot, tab, tab.export_button, monkeypatch, tmp_path / "again.docx")
    assert again[3].endswith(".docx") and again[4].startswith("Word documents")


def test_the_brief_as_word_has_its_issue_and_title(sample_window, qtbot, uow, tmp_path,
                                                  sample_visit_id, monkeypatch):
    tab = report_tab(sample_window)
    tab.open_when_done.setChecked(False)
    type_into(qtbot, tab, "brief_issue", "第3期")
    type_into(qtbot, tab, "brief_title", "（定稿）")
    title = shown(tab, "brief_title")
    export(qtbot, tab, tab.brief_button, monkeypatch, tmp_path / "简报.docx")
    stored = report_writing(uow, sample_visit_id)
    assert (stored.brief_issue, stored.brief_title) == ("第3期", title)
    text = "".join(docx_text(tmp_path / "简报.docx").split())  # a long title is broken
    assert "第3期" in text and title in text


def test_the_draft_is_written_off_the_gui_thread(window, qtbot, uow, sample_visit_id,
                                                 monkeypatch):
    from fieldvisit.ui.views import writing_panel
    from tests.ui.scenario_steps import StallMeter

    slow = writing_panel.read_draft

    def read_draft(*args):
        time.sleep(0.8)  # as for a visit of thousands of notes
        return slow(*args)

    monkeypatch.setattr(writing_panel, "read_draft", read_draft)
    meter = StallMeter()
    window.refresh(sample_visit_id)
    tab = on_tab(window.workspace.report_tab)
    assert tab.writing.drafting()
    drafted(tab)
    assert meter.stop() < 0.5
    assert shown(tab, "lead") and state(tab, "lead") == DRAFT


def test_the_brief_and_the_report_as_pdf_have_the_writers_text(sample_window, qtbot, tmp_path,
                                                              monkeypatch):
    from tests.integration import pdf_tools as pdf

    tab = report_tab(sample_window)
    tab.open_when_done.setChecked(False)
    type_into(qtbot, tab, "brief_issue", "第7期")
    type_into(qtbot, tab, "suggestions", "建议加快驿站布点。")
    export(qtbot, tab, tab.brief_button, monkeypatch, tmp_path / "brief")  # no suffix: PDF
    brief = pdf.compact(pdf.text((tmp_path / "brief.pdf").read_bytes(), tmp_path))
    assert "第7期" in brief and "工作简报" in brief
    export(qtbot, tab, tab.export_button, monkeypatch, tmp_path / "report.pdf")
    report = pdf.compact(pdf.text((tmp_path / "report.pdf").read_bytes(), tmp_path))
    assert "建议加快驿站布点。" in report


def test_a_paragraph_printed_once_is_said_in_the_status(sample_window, qtbot, uow, tmp_path,
                                                        sample_visit_id, monkeypatch):
    """The writer pastes a paragraph twice (into 问题 and again into 建议): the PDF prints it
    once and the tab says so after the export; the texts are saved as typed."""
    tab = report_tab(sample_window)
    tab.open_when_done.setChecked(False)
    repeated = "调研组建议进一步整合阵地资源并完善服务"
    type_into(qtbot, tab, "problems", "\n" + repeated)
    type_into(qtbot, tab, "suggestions", "\n" + repeated)
    export(qtbot, tab, tab.export_button, monkeypatch, tmp_path / "报告.pdf")
    assert "报告.pdf" in tab.status.text()
    assert "重复的段落只印一次：" + repeated[:30] in tab.status.text()
    stored = report_writing(uow, sample_visit_id)
    assert stored.problems.endswith(repeated) and stored.suggestions.endswith(repeated)
    from tests.integration import pdf_tools as pdf

    text = pdf.compact(pdf.text((tmp_path / "报告.pdf").read_bytes(), tmp_path))
    assert text.count(repeated) == 1
