"""Installing a package's checked photo files into the photo folder: all or none, and taken
back again when the records cannot be saved.

Each file is copied beside its place under a temporary name (``.<name>.part``), written to
disk, and only when every copy is complete renamed into place; a file already there is kept
(photo files never change once written). On failure, and on ``Installed.undo``, the files
installed and the folders made for them are removed, so the photo folder is as it was.
Messages name files relative to the photo folder, never the temporary folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

Refuse = Callable[..., Exception]
"""``refuse(problem)``, or ``refuse(problem, unchanged=False)`` when files stayed behind."""


@dataclass
class Installed:
    root: Path
    files: list[Path] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)
    """Made for the files, outermost first."""

    def undo(self, refuse: Refuse) -> None:
        """Remove the installed files and the folders made for them; raises when some
        cannot be removed, naming them."""
        left = _remove(self.files, self.folders)
        self.files, self.folders = [], []
        if left:
            raise refuse(Message(QT_TRANSLATE_NOOP(
                "Messages", "the records were not saved, but {count} photo files copied for "
                "them could not be removed from the photo folder: {names}"),
                count=len(left), names=", ".join(self._relative(p) for p in left)),
                unchanged=False)

    def _relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.name


def install_photos(root: Path, staged: dict[str, Path], refuse: Refuse) -> Installed:
    """Copy the ``staged`` files (name relative to ``root`` → checked copy) into ``root``,
    all or none. Raises ``refuse(problem)`` when they cannot be stored."""
    installed = Installed(root)
    pending: list[tuple[Path, Path]] = []
    try:
        for relative, source in sorted(staged.items()):
            target = root.joinpath(*relative.split("/"))
            if os.path.lexists(target):
                continue
            _make_folders(target.parent, installed.folders)
            part = _free_part_name(target)
            pending.append((part, target))
            shutil.copyfile(source, part)
            with open(part, "rb+") as stream:
                os.fsync(stream.fileno())  # on disk before a record points at it
        for part, target in pending:
            os.replace(part, target)
            installed.files.append(target)
    except BaseException as error:
        left = _remove([part for part, _ in pending] + installed.files, installed.folders)
        if not isinstance(error, OSError):
            raise
        problem = Message(QT_TRANSLATE_NOOP(
            "Messages", "its photo files cannot be stored in the photo folder ({error})"),
            error=error.strerror or type(error).__name__)
        if left:
            raise refuse(Message(QT_TRANSLATE_NOOP(
                "Messages", "{problem}, and {count} photo files copied could not be removed "
                "again: {names}"), problem=problem, count=len(left),
                names=", ".join(installed._relative(p) for p in left)),
                unchanged=False) from None
        raise refuse(problem) from None
    return installed


def _free_part_name(target: Path) -> Path:
    """``.<name>.part`` beside ``target``, or ``.<name>.<n>.part`` when a file of that name
    is there (left by a crash: it is not ours to replace or remove)."""
    part, number = target.with_name(f".{target.name}.part"), 1
    while os.path.lexists(part):
        part, number = target.with_name(f".{target.name}.{number}.part"), number + 1
    return part


def _make_folders(folder: Path, made: list[Path]) -> None:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        made.append(path)


def _remove(files: list[Path], folders: list[Path]) -> list[Path]:
    """Remove ``files`` (missing ones count as removed), then ``folders`` innermost first
    when empty; returns the files still there."""
    left = []
    for path in files:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            left.append(path)
    for folder in reversed(folders):
        try:
            folder.rmdir()
        except OSError:
            pass
    return left
