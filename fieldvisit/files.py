"""File helpers shared by the CLI and the GUI: outputs written whole or not at all.

An output is written to ``.<name>.part`` beside it and renamed over it at the end, so it holds
either its old or its whole new content; whatever stops the writing (an error, a full disk,
Ctrl+C) removes the partial file. Only a regular file is replaced: a named pipe, a device or a
folder is refused, never replaced by a file. A symbolic link is written through: its target
is replaced (atomically, beside the target) and the link stays a link.
"""

from __future__ import annotations

import errno
import os
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from fieldvisit.domain.errors import DiskFullError, ValidationError
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, Message

FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 so that ``path`` holds either the old or the whole new content,
    never half of it. Errors name ``path``, not the temporary file."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` so that ``path`` holds either the old or the whole new content, never
    half of it. Errors name ``path``, not the temporary file."""
    with atomic_output(path) as temporary:
        temporary.write_bytes(data)


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary file to write instead of ``path``; when the block ends normally it
    replaces ``path`` (or the target of the link ``path``), otherwise it is removed. Refuses
    an output that is not a regular file; a full disk is a DiskFullError naming ``path``."""
    path = Path(path)
    target = output_target(path)
    temporary = target.with_name(f".{target.name}.part")
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise output_error(error, path) from None
        raise


def output_target(path: Path) -> Path:
    """The file to replace when writing ``path``: itself, or the target of a symbolic link;
    refused (ValidationError) when it is not a regular file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise ValidationError(Message(QT_TRANSLATE_NOOP(
            "Messages", "{path} is {what}, not a regular file; nothing was written"),
            path=str(path), what=_kind(info.st_mode)))
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _kind(mode: int) -> Message:
    if stat.S_ISDIR(mode):
        return Message(QT_TRANSLATE_NOOP("Messages", "a folder"))
    if stat.S_ISFIFO(mode):
        return Message(QT_TRANSLATE_NOOP("Messages", "a named pipe"))
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Message(QT_TRANSLATE_NOOP("Messages", "a device"))
    return Message(QT_TRANSLATE_NOOP("Messages", "a special file"))


def output_error(error: OSError, path: Path) -> Exception:
    """``error`` from writing ``path``, naming ``path`` (not a temporary file); a full disk
    or quota as a DiskFullError."""
    if error.errno in FULL_ERRNOS:
        return disk_full_for(path)
    return OSError(error.errno, error.strerror, str(path))


def disk_full_for(path: Path) -> DiskFullError:
    return DiskFullError(Message(QT_TRANSLATE_NOOP(
        "Messages", "the disk is full: {path} was not written; nothing else was changed"),
        path=str(path)))
