"""The thumbnail cache of the photos panel: read and scaled in worker threads (``load_thumbnail``),
kept in memory (``ThumbnailCache``), so that the list never waits for a file."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Callable, Sequence
from uuid import UUID

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap

THUMBNAIL = 160  # pixels, long side


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
