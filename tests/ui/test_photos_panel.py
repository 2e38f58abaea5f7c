"""The photos panel: adding through the dialog and by dropping files, imports and thumbnails
in worker threads while the window keeps working, editing and removing with undo."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldvisit.domain.entities import Photo
from fieldvisit.services import notes
from fieldvisit.services import photos as photo_service
from fieldvisit.services.itinerary_view import itinerary
from fieldvisit.ui import file_dialogs, thumbnail_cache
from fieldvisit.ui.commands import CommandContext
from fieldvisit.ui.models.table_model import RowRole
from fieldvisit.ui.views.photos_panel import PhotosPanel


def jpeg(path: Path, taken: str | None = None, size=(1600, 1200)) -> Path:
    exif = Image.Exif()
    if taken:
        exif.get_ifd(0x8769)[0x9003] = taken
    Image.linear_gradient("L").resize(size).convert("RGB").save(path, "JPEG", exif=exif)
    return path


@pytest.fixture
def errors():
    return []


@pytest.fixture
def panel(qtbot, database, sample_visit_id, errors):
    stack = QUndoStack()

    def refresh(_change=None, _reveal=False):
        uow = database.unit_of_work()
        plan = itinerary(uow, sample_visit_id)
        stops = [(line.stop.id, f"{line.stop.position}. {line.site.name}")
                 for line in plan.lines]
        widget.show_photos(sample_visit_id, notes.list_photos(uow, sample_visit_id), stops)

    context = CommandContext(database, refresh, errors.append)
    widget = PhotosPanel(database, stack, lambda: context)
    widget.undo_stack_ref = stack  # keeps the stack alive as long as the panel
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    refresh()
    return widget


@pytest.fixture
def import_threads(monkeypatch):
    """Records the thread of every import and makes each take a little while."""
    threads = []
    real = photo_service.import_photo

    def slow_import(*args, **kwargs):
        threads.append(threading.get_ident())
        time.sleep(0.25)
        return real(*args, **kwargs)

    monkeypatch.setattr(photo_service, "import_photo", slow_import)
    return threads


def stored(database, visit_id):
    return notes.list_photos(database.unit_of_work(), visit_id)


def wait_for_thumbnails(qtbot, panel):
    def loaded():
        return all(panel.thumbnails.icon(panel._key(p)) not in (False, None)
                   for p in panel.model.rows())

    qtbot.waitUntil(loaded, timeout=5000)


def test_add_photos_through_the_dialog_in_the_background(qtbot, panel, database,
                                                         sample_visit_id, tmp_path,
                                                         monkeypatch, import_threads):
    files = [jpeg(tmp_path / "a.jpg", "2023:05:25 10:55:00"), jpeg(tmp_path / "b.png")]
    monkeypatch.setattr(file_dialogs, "open_files", lambda *args, **kwargs: files)
    thumbnail_threads = []
    real_thumbnail = thumbnail_cache.load_thumbnail

    def thumbnail(*args):
        thumbnail_threads.append(threading.get_ident())
        return real_thumbnail(*args)

    monkeypatch.setattr(thumbnail_cache, "load_thumbnail", thumbnail)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    with qtbot.waitSignal(panel.imports_done, timeout=10000) as done:
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        assert panel.model.rowCount() == 0  # the click returned before the import ran
    timer.stop()
    assert len(ticks) >= 10, "the event loop stood still while photos were imported"
    main = threading.get_ident()
    assert import_threads and main not in import_threads
    outcome = done.args[0]
    assert len(outcome.imported) == 2 and outcome.refused == []
    assert panel.model.rowCount() == 2 and len(stored(database, sample_visit_id)) == 2
    first = next(p for p in stored(database, sample_visit_id) if p.taken_at)
    assert first.stop_id == itinerary(database.unit_of_work(), sample_visit_id).lines[1].stop.id
    wait_for_thumbnails(qtbot, panel)
    assert thumbnail_threads and main not in thumbnail_threads
    index = panel.model.index(0, 0)
    icon = panel.model.data(index, Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() != panel._placeholder.cacheKey()
    assert max(icon.availableSizes()[0].width(), icon.availableSizes()[0].height()) <= 160
    assert panel.undo_stack.undoText() == "Add 2 photos"
    files_before = sorted(p for p in panel.root.rglob("*") if p.is_file())
    panel.undo_stack.undo()
    assert panel.model.rowCount() == 0 and stored(database, sample_visit_id) == []
    assert not any(p.exists() for p in files_before)
    panel.undo_stack.redo()
    assert panel.model.rowCount() == 2 and all(p.exists() for p in files_before)


def test_the_model_passes_the_model_tester(qtmodeltester, panel, database, sample_visit_id,
                                           tmp_path):
    for name in ("a.jpg", "b.jpg"):
        photo_service.import_photo(database.unit_of_work(), panel.root, sample_visit_id,
                                   jpeg(tmp_path / name, size=(200, 150)), caption=name)
    panel.show_photos(sample_visit_id, stored(database, sample_visit_id), [])
    qtmodeltester.check(panel.model)
    assert panel.model.rowCount() == 2
    assert isinstance(panel.model.data(panel.model.index(0, 0), RowRole), Photo)


def test_caption_credit_and_stop_edits_are_undoable(qtbot, panel, database, sample_visit_id,
                                                   tmp_path):
    photo_service.import_photo(database.unit_of_work(), panel.root, sample_visit_id,
                               jpeg(tmp_path / "a.jpg", size=(200, 150)))
    panel._context().announce(None, False)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    assert panel.caption.isEnabled()
    panel.caption.setFocus()
    qtbot.keyClicks(panel.caption, "Riders meeting")
    qtbot.keyClick(panel.caption, Qt.Key.Key_Return)
    assert stored(database, sample_visit_id)[0].caption == "Riders meeting"
    panel.credit.setText("中工网 王鑫 摄")
    panel.credit.editingFinished.emit()
    assert stored(database, sample_visit_id)[0].credit == "中工网 王鑫 摄"
    third = itinerary(database.unit_of_work(), sample_visit_id).lines[2].stop.id
    row = next(i for i in range(panel.stop.count()) if panel.stop.itemData(i) == third)
    panel.stop.setCurrentIndex(row)
    panel.stop.activated.emit(row)
    assert stored(database, sample_visit_id)[0].stop_id == third
    assert panel.undo_stack.count() == 3
    panel.undo_stack.undo()
    assert stored(database, sample_visit_id)[0].stop_id is None
    panel.undo_stack.undo()
    assert stored(database, sample_visit_id)[0].credit == ""
    assert panel.credit.text() == ""
    panel.undo_stack.undo()
    assert stored(database, sample_visit_id)[0].caption == ""
    assert panel.caption.text() == ""
    panel.undo_stack.redo()
    assert panel.caption.text() == "Riders meeting"
    panel.caption.editingFinished.emit()  # nothing changed: no new step
    assert panel.undo_stack.index() == 1 and panel.undo_stack.count() == 3


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_drag_and_drop_adds_files_and_refuses_what_is_not_a_photo(
        qtbot, panel, database, sample_visit_id, tmp_path, monkeypatch, import_threads):
    text = tmp_path / "minutes.jpg"
    text.write_text("not a photo", encoding="utf-8")
    mime = _mime(jpeg(tmp_path / "site.jpg"), text)
    enter = QDragEnterEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *args: warnings.append(text))
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.imports_done, timeout=10000) as done:
        QApplication.sendEvent(panel, drop)
    assert drop.isAccepted()
    assert threading.get_ident() not in import_threads
    assert len(done.args[0].imported) == 1
    assert panel.model.rowCount() == 1 and len(stored(database, sample_visit_id)) == 1
    assert len(warnings) == 1 and "“minutes.jpg” is not a JPEG or PNG image." in warnings[0]
    assert panel.undo_stack.undoText() == "Add a photo"


def test_drop_of_something_else_is_not_accepted(panel):
    mime = QMimeData()
    mime.setText("hello")
    enter = QDragEnterEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()


def test_remove_photo_and_undo(qtbot, panel, database, sample_visit_id, tmp_path):
    result = photo_service.import_photo(database.unit_of_work(), panel.root, sample_visit_id,
                                        jpeg(tmp_path / "a.jpg", size=(200, 150)))
    panel._context().announce(None, False)
    files = photo_service.photo_files(panel.root, result.photo)
    assert not panel.remove_action.isEnabled()
    panel.view.selectAll()
    panel.remove_action.trigger()
    assert panel.model.rowCount() == 0 and not any(f.exists() for f in files)
    assert panel.undo_stack.undoText() == "Remove a photo"
    panel.undo_stack.undo()
    assert panel.model.rowCount() == 1 and all(f.exists() for f in files)
    assert stored(database, sample_visit_id) == [result.photo]


def test_missing_files_show_a_warning_icon(qtbot, panel, database, sample_visit_id):
    notes.add_photo(database.unit_of_work(), sample_visit_id, "elsewhere/p.jpg")
    panel._context().announce(None, False)
    photo = panel.model.row_at(0)
    qtbot.waitUntil(lambda: panel.thumbnails.icon(panel._key(photo)) is None, timeout=5000)
    icon = panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == panel._missing.cacheKey()
