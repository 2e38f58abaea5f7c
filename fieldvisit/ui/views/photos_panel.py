"""The photos of a visit: thumbnails (made in worker threads, cached in memory), adding files
by dialog or drag and drop (imported in the background), caption, credit and stop of the
selected photo, and removing — every change undoable."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence
from uuid import UUID

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QImage,
    QImageReader,
    QPixmap,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from fieldvisit.domain.entities import Photo
from fieldvisit.persistence.database_files import refuse_database_file
from fieldvisit.services import photo_sharing
from fieldvisit.services import photos as photo_service
from fieldvisit.services.photos import PhotoError, PhotoImport
from fieldvisit.ui import file_dialogs, formats
from fieldvisit.ui.commands import CommandContext
from fieldvisit.ui.delete_action import on_delete
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.messages import error_text
from fieldvisit.ui.models.table_model import RowRole, find_data
from fieldvisit.ui.photo_commands import AddPhotosCommand, EditPhotoCommand, RemovePhotosCommand
from fieldvisit.ui.tasks import CancelToken, Task

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

THUMBNAIL = 160  # pixels, long side
ModelIndex = QModelIndex | QPersistentModelIndex


# -- thumbnails ------------------------------------------------------------------------------
def load_thumbnail(paths: Sequence[Path], size: int = THUMBNAIL) -> QImage:
    """The first of ``paths`` that can be read, scaled while decoding to fit ``size``; a null
    image when none can. Safe in any thread (QImage, not QPixmap)."""
    for path in paths:
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        declared = reader.size()
        if declared.isValid() and max(declared.width(), declared.height()) > size:
            reader.setScaledSize(declared.scaled(size, size,
                                                 Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull():
            return image
    return QImage()


class _ThumbnailSignals(QObject):
    loaded = Signal(str, object)  # key, QImage


class _ThumbnailJob(QRunnable):
    def __init__(self, key: str, paths: tuple[Path, ...],
                 before: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.signals = _ThumbnailSignals()
        self._key, self._paths, self._before = key, paths, before

    def run(self) -> None:
        if self._before is not None and not all(path.is_file() for path in self._paths):
            try:
                self._before()  # e.g. fetch a colleague's photo from the team server
            except Exception:  # noqa: BLE001 - then the icon says the file is missing
                pass
        self.signals.loaded.emit(self._key, load_thumbnail(self._paths))


class ThumbnailCache(QObject):
    """Icons of photos by display file, made in a pool of worker threads; ``ready`` tells
    which photo's icon has arrived. The view asks ``icon()`` and never waits."""

    ready = Signal(object)  # the photo id
    LIMIT = 600  # icons kept (about 100 KB each)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._icons: OrderedDict[str, QIcon | None] = OrderedDict()  # None: unreadable
        self._waiting: dict[str, set[UUID]] = {}
        self._jobs: dict[str, _ThumbnailJob] = {}

    def icon(self, key: str) -> QIcon | None | bool:
        """The icon; None when the files cannot be read; False while not (yet) loaded."""
        if key not in self._icons:
            return False
        self._icons.move_to_end(key)
        return self._icons[key]

    def request(self, photo_id: UUID, key: str, paths: tuple[Path, ...],
                before: Callable[[], object] | None = None) -> None:
        """Make the icon from the first readable of ``paths``, calling ``before`` first (in
        the worker) when one is missing."""
        if key in self._icons:
            return
        self._waiting.setdefault(key, set()).add(photo_id)
        if key in self._jobs:
            return
        job = _ThumbnailJob(key, paths, before)
        job.signals.loaded.connect(self._loaded, Qt.ConnectionType.QueuedConnection)
        self._jobs[key] = job
        self.pool.start(job)

    def _loaded(self, key: str, image: QImage) -> None:
        self._jobs.pop(key, None)
        self._icons[key] = None if image.isNull() else QIcon(QPixmap.fromImage(image))
        while len(self._icons) > self.LIMIT:
            self._icons.popitem(last=False)
        for photo_id in self._waiting.pop(key, ()):
            self.ready.emit(photo_id)


# -- model -----------------------------------------------------------------------------------
class PhotoListModel(QAbstractListModel):
    """One item per photo: its thumbnail (a placeholder until loaded), caption and time."""

    def __init__(self, thumbnail: Callable[[Photo], QIcon],
                 stop_name: Callable[[UUID | None], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thumbnail, self._stop_name = thumbnail, stop_name
        self._rows: list[Photo] = []

    def set_rows(self, rows: Sequence[Photo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Photo]:
        return list(self._rows)

    def row_at(self, row: int) -> Photo:
        return self._rows[row]

    def row_of(self, photo_id: UUID) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == photo_id), -1)

    def icon_changed(self, photo_id: UUID) -> None:
        row = self.row_of(photo_id)
        if row >= 0:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        photo = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return photo.caption or (photo.stop_id and self._stop_name(photo.stop_id)) or (
                formats.date_time(photo.taken_at) if photo.taken_at
                else self.tr("No caption"))
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(photo)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [photo.caption, photo.credit, self._stop_name(photo.stop_id),
                     formats.date_time(photo.taken_at) if photo.taken_at else ""]
            return "\n".join(line for line in lines if line)
        if role == RowRole:
            return photo
        return None


# -- panel -----------------------------------------------------------------------------------
@dataclass
class ImportOutcome:
    imported: list[PhotoImport] = field(default_factory=list)
    refused: list[Exception] = field(default_factory=list)


def import_files(database: Database, root: Path, visit_id: UUID, paths: Sequence[Path],
                 token: CancelToken) -> ImportOutcome:
    """Import ``paths`` one by one (runs in a worker thread). Each file is imported whole or
    not at all, so a refused file or a cancel keeps the others."""
    outcome = ImportOutcome()
    for done, path in enumerate(paths):
        if token.cancelled:
            break
        token.progress(done, len(paths))
        try:
            refuse_database_file(path)  # before anything reads it
            outcome.imported.append(photo_service.import_photo(
                database.unit_of_work(), root, visit_id, path))
        except Exception as error:  # noqa: BLE001 - shown to the user with the file's name
            outcome.refused.append(error)
    token.progress(len(paths), len(paths))
    return outcome


class PhotosPanel(QWidget):
    imports_done = Signal(object)  # the ImportOutcome, once its command is on the stack

    def __init__(self, database: Database, undo_stack: QUndoStack,
                 context: Callable[[], CommandContext], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.undo_stack, self._context = database, undo_stack, context
        self.root = database.photo_root
        self.visit_id: UUID | None = None
        self._stops: list[tuple[UUID | None, str]] = []
        self.setWindowTitle(self.tr("Photos"))
        self.thumbnails = ThumbnailCache(self)
        self._placeholder = self._plain_icon(QColor(225, 225, 225))
        self._missing = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.model = PhotoListModel(self._icon, self._stop_name, self)
        self.thumbnails.ready.connect(self.model.icon_changed)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setWrapping(True)
        self.view.setUniformItemSizes(True)
        self.view.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.view.setGridSize(QSize(THUMBNAIL + 24, THUMBNAIL + 40))
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(False)
        self.view.setAcceptDrops(False)  # drops go to the panel
        self.view.viewport().setAcceptDrops(False)
        self.view.setToolTip(self.tr("Drop JPEG or PNG files here to add them"))
        self.add_button = QPushButton(self.tr("&Add Photos…"))
        self.remove_action = QAction(self.tr("Re&move Photo"), self)
        self.view.addAction(self.remove_action)
        on_delete(self.view, lambda: self.tr("Re&move Photo"), self.remove_selected)
        self.remove_button = QPushButton(self.tr("Re&move Photo"))
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("What the photo shows"))
        self.credit = QLineEdit()
        self.credit.setPlaceholderText(self.tr("e.g. 中工网 王鑫 摄"))
        self.credit.setCompleter(QCompleter([], self.credit))
        self.stop = QComboBox()
        self.taken = QLabel()
        self._layout()
        self.add_button.clicked.connect(lambda: self.choose_files())
        self.remove_action.triggered.connect(self.remove_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.caption.editingFinished.connect(lambda: self._edited("caption", self.caption))
        self.credit.editingFinished.connect(lambda: self._edited("credit", self.credit))
        self.stop.activated.connect(self._stop_chosen)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.view.activated.connect(self._open)
        self.setAcceptDrops(True)
        self._tasks: list[Task] = []
        self._enable()

    def _layout(self) -> None:
        """The thumbnails on the left, the buttons and the selected photo's fields on the
        right in a scroll area, so the panel never makes the window taller."""
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Caption:"), self.caption)
        form.addRow(self.tr("Credit:"), self.credit)
        form.addRow(self.tr("Stop:"), self.stop)
        form.addRow(self.tr("Taken:"), self.taken)
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addLayout(buttons)
        fields_layout.addLayout(form)
        fields_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(fields.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 3)
        layout.addWidget(scroll, 2)

    def _plain_icon(self, color: QColor) -> QIcon:
        pixmap = QPixmap(THUMBNAIL, THUMBNAIL * 3 // 4)
        pixmap.fill(color)
        return QIcon(pixmap)

    # -- showing ---------------------------------------------------------------------------
    def show_photos(self, visit_id: UUID | None, photos: Sequence[Photo],
                    stops: Sequence[tuple[UUID | None, str]]) -> None:
        """Show ``photos`` of ``visit_id``; ``stops`` are (stop id, name) in itinerary order,
        an entry with None naming "no particular stop"."""
        stops = list(stops)
        if all(stop_id is not None for stop_id, _ in stops):
            stops.append((None, self.tr("No stop")))
        photos = list(photos)
        if visit_id == self.visit_id and photos == self.model.rows() and stops == self._stops:
            return  # nothing changed: keep selection and scroll position
        current = self.current_photo()
        selected = {p.id for p in self.selected_photos()}
        self.visit_id, self._stops = visit_id, stops
        self.stop.clear()
        for stop_id, name in stops:
            self.stop.addItem(name, stop_id)
        self.model.set_rows(photos)
        completer = self.credit.completer()
        completer.model().setStringList(sorted({p.credit for p in photos if p.credit}))
        for photo in photos:
            self.thumbnails.request(photo.id, self._key(photo),
                                    photo_service.photo_files(self.root, photo)[::-1],
                                    self._fetcher(photo))
        self._select(selected, current.id if current else None)
        self._show_current()

    def _fetcher(self, photo: Photo) -> Callable[[], object] | None:
        """On a team server: fetch a colleague's photo files before making its icon."""
        if not self.database.shared:
            return None
        database, root = self.database, self.root
        return lambda: photo_sharing.fetch(database.unit_of_work(), root, [photo])

    def _key(self, photo: Photo) -> str:
        return str(photo_service.display_path(self.root, photo))

    def _icon(self, photo: Photo) -> QIcon:
        icon = self.thumbnails.icon(self._key(photo))
        if icon is False:
            return self._placeholder
        return self._missing if icon is None else icon

    def _stop_name(self, stop_id: UUID | None) -> str:
        return next((name for key, name in self._stops if key == stop_id), "")

    def _select(self, ids: set[UUID], current: UUID | None) -> None:
        selection = self.view.selectionModel()
        for row, photo in enumerate(self.model.rows()):
            if photo.id == current:
                selection.setCurrentIndex(self.model.index(row, 0),
                                          selection.SelectionFlag.NoUpdate)
            if photo.id in ids:
                selection.select(self.model.index(row, 0), selection.SelectionFlag.Select)

    def current_photo(self) -> Photo | None:
        index = self.view.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def selected_photos(self) -> list[Photo]:
        return [index.data(RowRole) for index in
                sorted(self.view.selectionModel().selectedIndexes(), key=lambda i: i.row())]

    def _show_current(self) -> None:
        photo = self.current_photo()
        for editor, value in ((self.caption, photo.caption if photo else ""),
                              (self.credit, photo.credit if photo else "")):
            if not (editor.hasFocus() and editor.isModified()) and editor.text() != value:
                editor.setText(value)
        self.stop.setCurrentIndex(find_data(self.stop, photo.stop_id) if photo else -1)
        self.taken.setText(formats.date_time(photo.taken_at)
                           if photo and photo.taken_at else "")
        self._enable()

    def _enable(self) -> None:
        has_visit, photo = self.visit_id is not None, self.current_photo()
        self.add_button.setEnabled(has_visit)
        for widget in (self.caption, self.credit, self.stop):
            widget.setEnabled(photo is not None)
        selected = bool(self.view.selectionModel().selectedIndexes())
        self.remove_action.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    # -- adding ----------------------------------------------------------------------------
    def choose_files(self) -> Task | None:
        return self.add_files(file_dialogs.open_files(
            self, "photos", self.tr("Add Photos"), self.tr("Photos (*.jpg *.jpeg *.png *.JPG "
                                                           "*.JPEG *.PNG)")))

    def add_files(self, paths: Sequence[Path]) -> Task | None:
        """Import ``paths`` in a worker thread with a progress dialog; the photos become one
        undoable step, refused files are listed with their reasons."""
        if self.visit_id is None or not paths:
            return None
        database, root, visit_id, paths = self.database, self.root, self.visit_id, list(paths)
        task = Task(self, self.tr("Adding photos…"),
                    lambda token: import_files(database, root, visit_id, paths, token),
                    lambda outcome: self._imported(visit_id, outcome),
                    lambda error: show_error(self, error))
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task))
        return task.start()

    def _imported(self, visit_id: UUID, outcome: ImportOutcome) -> None:
        if outcome.imported:
            self.undo_stack.push(AddPhotosCommand(self._context(), self.root, visit_id,
                                                  outcome.imported))
            self._select({outcome.imported[-1].photo.id}, outcome.imported[-1].photo.id)
            self._show_current()
        if outcome.refused:
            QMessageBox.warning(self, self.tr("Add Photos"), self.tr(
                "These files were not added:\n%1").replace(
                "%1", "\n".join(self.refusal(error) for error in outcome.refused)))
        self.imports_done.emit(outcome)

    def refusal(self, error: Exception) -> str:
        """Why a file was refused, in the interface's language, naming the file."""
        if isinstance(error, PhotoError):
            reasons = {
                "unreadable": self.tr("“%1” cannot be read."),
                "not_image": self.tr("“%1” is not a JPEG or PNG image."),
                "damaged": self.tr("“%1” is damaged or incomplete."),
                "too_large": self.tr("“%1” is too large (more than %2 megapixels or %3 MB)."),
            }
            return reasons[error.reason].replace("%1", error.path.name).replace(
                "%2", str(photo_service.MAX_PIXELS // 1_000_000)).replace(
                "%3", str(photo_service.MAX_FILE_BYTES // (1024 * 1024)))
        return error_text(error)

    # -- drag and drop ---------------------------------------------------------------------
    @staticmethod
    def dropped_files(mime: QMimeData) -> list[Path]:
        return [Path(url.toLocalFile()) for url in mime.urls()
                if url.isLocalFile() and Path(url.toLocalFile()).is_file()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.visit_id is not None and self.dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.visit_id is not None and self.dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self.dropped_files(event.mimeData())
        if self.visit_id is None or not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(files)

    # -- editing ---------------------------------------------------------------------------
    def _edited(self, name: str, editor: QLineEdit) -> None:
        editor.setModified(False)
        self._change(name, editor.text().strip())

    def _stop_chosen(self, index: int) -> None:
        self._change("stop_id", self.stop.itemData(index))

    def _change(self, name: str, value: Any) -> None:
        photo = self.current_photo()
        if photo is None or getattr(photo, name) == value:
            return
        self.undo_stack.push(EditPhotoCommand(self._context(), photo, {name: value}))

    def remove_selected(self) -> None:
        chosen = self.selected_photos()
        if chosen:
            self.undo_stack.push(RemovePhotosCommand(self._context(), self.root, chosen))

    def _open(self, index: QModelIndex) -> None:
        photo: Photo = index.data(RowRole)
        original = photo_service.photo_files(self.root, photo)[0]
        if original.is_file():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(original)))
