"""The photos panel of the Notes tab (the view): a visit's photos as thumbnails
(``ui.thumbnail_cache``, ``ui.models.photo_list_model``), adding files by dialog or drag and
drop (imported in the background: ``ui.photo_import``), caption, credit and stop of the
selected photo, and removing — every change undoable."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence
from uuid import UUID

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QSize,
    Qt,
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
from fieldvisit.services import photo_sharing
from fieldvisit.services import photos as photo_service
from fieldvisit.services.photos import PhotoError
from fieldvisit.ui import file_dialogs, formats
from fieldvisit.ui.commands import CommandContext
from fieldvisit.ui.delete_action import on_delete
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.messages import error_text
from fieldvisit.ui.models.photo_list_model import PhotoListModel
from fieldvisit.ui.models.table_model import RowRole, find_data
from fieldvisit.ui.photo_commands import AddPhotosCommand, EditPhotoCommand, RemovePhotosCommand
from fieldvisit.ui.photo_import import ImportOutcome, import_files
from fieldvisit.ui.tasks import Task
from fieldvisit.ui.thumbnail_cache import THUMBNAIL, ThumbnailCache

if TYPE_CHECKING:
    from fieldvisit.persistence.db import Database

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
