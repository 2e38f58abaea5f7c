"""Installing a package's photo files: all or none, taken back on request, and saying so
truthfully when some cannot be removed again."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from fieldvisit.services.package import PackageError
from fieldvisit.services.package_files import install_photos
from tests.integration.package_tools import listing

V = "3eb91543-df19-4504-9308-5bd9f0014745"
NAMES = [f"{V}/00000000-0000-4000-8000-00000000000{n}.jpg" for n in range(1, 4)]


def refuse(problem: str, unchanged: bool = True) -> PackageError:
    return PackageError(Path("p.fieldvisit"), problem, unchanged)


@pytest.fixture
def staged(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "staging"
    folder.mkdir()
    files = {}
    for number, name in enumerate(NAMES):
        files[name] = folder / f"{number}.bin"
        files[name].write_bytes(bytes([number]) * 100)
    return files


def test_installed_then_undone_leaves_no_trace(tmp_path, staged):
    root = tmp_path / "photos"
    installed = install_photos(root, staged, refuse)
    assert sorted(p.relative_to(root).as_posix() for p in installed.files) == NAMES
    assert installed.folders == [root, root / V]
    installed.undo(refuse)
    assert listing(root) is None


def test_a_file_already_there_is_kept_and_a_stray_part_file_left_alone(tmp_path, staged):
    root = tmp_path / "photos"
    (root / V).mkdir(parents=True)
    (root / NAMES[0]).write_bytes(b"mine")
    stray = root / V / f".{NAMES[1].split('/')[1]}.part"
    stray.write_bytes(b"left by a crash")
    before = listing(root)
    installed = install_photos(root, staged, refuse)
    assert len(installed.files) == 2 and (root / NAMES[0]).read_bytes() == b"mine"
    assert stray.read_bytes() == b"left by a crash"
    installed.undo(refuse)
    assert listing(root) == before


def test_a_failed_copy_removes_what_was_written(tmp_path, staged, monkeypatch):
    root = tmp_path / "photos"
    copy = shutil.copyfile
    calls = []

    def failing(source, target, *args, **kwargs):
        calls.append(target)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return copy(source, target, *args, **kwargs)

    monkeypatch.setattr(shutil, "copyfile", failing)
    with pytest.raises(PackageError) as caught:
        install_photos(root, staged, refuse)
    assert str(caught.value) == ("“p.fieldvisit” cannot be imported: its photo files cannot be "
                                 "stored in the photo folder (No space left on device); "
                                 "nothing was changed")
    assert listing(root) is None


def test_files_that_cannot_be_removed_are_named_and_nothing_claims_otherwise(
        tmp_path, staged, monkeypatch):
    root = tmp_path / "photos"
    installed = install_photos(root, staged, refuse)
    unlink = Path.unlink

    def stubborn(self, *args, **kwargs):
        if self.name.endswith("01.jpg"):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return unlink(self, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", stubborn)
    with pytest.raises(PackageError) as caught:
        installed.undo(refuse)
    message = str(caught.value)
    assert "nothing was changed" not in message and str(tmp_path) not in message
    assert message == ("“p.fieldvisit” cannot be imported: the records were not saved, but 1 "
                       "photo files copied for them could not be removed from the photo "
                       f"folder: {NAMES[0]}")
