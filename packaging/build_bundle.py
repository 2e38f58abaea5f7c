"""Build FieldVisit as a one-folder application with PyInstaller, then try it.

    python packaging/build_bundle.py [--dist DIR] [--work DIR] [--verbose] [--no-smoke]

Runs PyInstaller on ``packaging/fieldvisit.spec`` with the Python that runs this script (the
project must be installed in it, e.g. ``pip install -e '.[test]'``, which brings PyInstaller),
writing ``<dist>/fieldvisit/`` (default ``dist/``) and its intermediate files to ``<work>``
(default ``build/``). Then runs ``<dist>/fieldvisit/fieldvisit --version`` and
``fieldvisit --db <temporary>/x.sqlite3 sample`` headless, and prints the bundle's size and the
build time. Installs nothing. Exits 0 when the bundle was built and works, else non-zero.
Works the same on Linux, Windows and macOS; see docs/packaging.md.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "fieldvisit.spec"
BUNDLE_NAME = "fieldvisit"
UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
SMOKE_TIMEOUT = 120


class BuildError(Exception):
    """A step failed; the message says which and why."""


def project_version() -> str:
    text = (ROOT / "fieldvisit" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    if not match:
        raise BuildError("cannot read __version__ from fieldvisit/__init__.py")
    return match[1]


def require_pyinstaller() -> str:
    try:
        import PyInstaller
    except ImportError:
        raise BuildError(
            f"PyInstaller is not installed for {sys.executable}.\n"
            "Install it with:  pip install pyinstaller   (or: pip install -e '.[test]')") from None
    return PyInstaller.__version__


def executable(dist: Path) -> Path:
    suffix = ".exe" if sys.platform == "win32" else ""
    return dist / BUNDLE_NAME / f"{BUNDLE_NAME}{suffix}"


def headless_environment(home: Path) -> dict[str, str]:
    """No display needed, and the user's own settings and data left alone."""
    env = dict(os.environ)
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
    })
    env.pop("FIELDVISIT_DATABASE_URL", None)
    return env


def build(dist: Path, work: Path, verbose: bool) -> float:
    """Runs PyInstaller; returns the seconds it took."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
               "--distpath", str(dist), "--workpath", str(work),
               "--log-level", "INFO" if verbose else "WARN", str(SPEC)]
    print("$ " + " ".join(command), flush=True)
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT)
    seconds = time.monotonic() - started
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed with exit status {result.returncode}")
    if not executable(dist).is_file():
        raise BuildError(f"PyInstaller finished but {executable(dist)} is missing")
    return seconds


def run_bundle(dist: Path, args: list[str], env: dict[str, str]) -> str:
    command = [str(executable(dist)), *args]
    try:
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8",
                                env=env, timeout=SMOKE_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise BuildError(f"{' '.join(command)} did not finish in {SMOKE_TIMEOUT} s") from None
    if result.returncode != 0:
        raise BuildError(f"{' '.join(command)} exited with status {result.returncode}\n"
                         f"{result.stdout}{result.stderr}")
    return result.stdout


def smoke_test(dist: Path) -> None:
    """``--version`` names this version; ``sample`` makes a database and prints the visit id."""
    version = project_version()
    with tempfile.TemporaryDirectory(prefix="fieldvisit-bundle-") as folder:
        env = headless_environment(Path(folder))
        output = run_bundle(dist, ["--version"], env)
        if version not in output:
            raise BuildError(f"--version printed {output.strip()!r}, expected {version}")
        print(f"ok: fieldvisit --version → {output.strip()}")
        database = Path(folder) / "x.sqlite3"
        output = run_bundle(dist, ["--db", str(database), "sample"], env)
        if not UUID.search(output):
            raise BuildError(f"sample printed no visit id: {output.strip()!r}")
        if not database.is_file():
            raise BuildError(f"sample exited 0 but {database} was not created")
        print(f"ok: fieldvisit --db {database.name} sample → {output.strip()}")


def folder_size(folder: Path) -> int:
    """Bytes of the files under ``folder``, symbolic links not followed (as ``du`` counts)."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the bundle goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build",
                        help="PyInstaller's intermediate files (default: build/)")
    parser.add_argument("--verbose", action="store_true", help="PyInstaller's full log")
    parser.add_argument("--no-smoke", action="store_true", help="build only, do not run it")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    try:
        pyinstaller = require_pyinstaller()
        print(f"FieldVisit {project_version()}, PyInstaller {pyinstaller}, "
              f"Python {sys.version.split()[0]} on {sys.platform}")
        seconds = build(dist, work, args.verbose)
        if not args.no_smoke:
            smoke_test(dist)
    except BuildError as error:
        print(f"build_bundle: {error}", file=sys.stderr)
        return 1
    bundle = dist / BUNDLE_NAME
    print(f"bundle: {bundle}")
    print(f"size: {folder_size(bundle) / 2**20:.0f} MiB")
    print(f"build time: {seconds:.1f} s")
    if sys.platform == "darwin":
        print(f"application: {dist / 'FieldVisit.app'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
