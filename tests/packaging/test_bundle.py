"""The PyInstaller one-folder bundle builds, and the executable in it works on its own.

Builds ``packaging/fieldvisit.spec`` with ``packaging/build_bundle.py`` into a temporary folder
(about 30 s), then runs the bundle's executable headless: the command line (``--version``,
``sample``, and commands whose libraries are imported lazily: the PDF and Word reports, the
calendar, an Excel roster) and the window for a few seconds. Runs in the normal test suite;
skipped only when PyInstaller is not installed (the ``test`` extra installs it).
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import fieldvisit

pytestmark = pytest.mark.bundle

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "packaging" / "build_bundle.py"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.M)
GUI_SECONDS = 5


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle's executable, built once for this module."""
    pytest.importorskip(
        "PyInstaller", reason="PyInstaller is not installed: pip install -e '.[test]'")
    folder = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--dist", str(folder / "dist"),
         "--work", str(folder / "build")],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=900)
    assert result.returncode == 0, (
        "building the bundle failed\n" + result.stdout[-4000:] + result.stderr[-6000:])
    assert "size: " in result.stdout and "build time: " in result.stdout, result.stdout
    print(result.stdout)
    suffix = ".exe" if sys.platform == "win32" else ""
    executable = folder / "dist" / "fieldvisit" / f"fieldvisit{suffix}"
    assert executable.is_file()
    return executable


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Headless, and the user's own settings and data left alone (as the build script's own
    smoke test runs it)."""
    spec = importlib.util.spec_from_file_location("build_bundle", BUILD_SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script.headless_environment(tmp_path)


def run(executable: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run([str(executable), *args], capture_output=True, text=True,
                            encoding="utf-8", env=env, timeout=120)
    assert result.returncode == 0, (
        f"fieldvisit {' '.join(args)} exited with {result.returncode}\n"
        f"{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return result


@pytest.fixture
def sample_database(bundle: Path, env: dict[str, str], tmp_path: Path) -> tuple[Path, str]:
    database = tmp_path / "x.sqlite3"
    result = run(bundle, "--db", str(database), "sample", env=env)
    match = UUID.search(result.stdout)
    assert match, result.stdout
    return database, match[0]


def test_version(bundle, env):
    result = run(bundle, "--version", env=env)
    assert fieldvisit.__version__ in result.stdout


def test_bundle_carries_the_resources_and_migrations(bundle):
    """Where ``fieldvisit.paths`` and Alembic look for them: ``fieldvisit/`` under the bundle's
    ``_internal`` folder (``sys._MEIPASS``), as in the wheel; translation sources left out."""
    package = bundle.parent / "_internal" / "fieldvisit"

    def relative(folder: Path, pattern: str) -> set[str]:
        return {p.relative_to(folder).as_posix() for p in folder.glob(pattern)
                if p.is_file() and "__pycache__" not in p.parts}

    expected = {name for name in relative(ROOT / "resources", "**/*")
                if not name.endswith(".ts")}
    assert expected <= relative(package / "resources", "**/*")
    migrations = ROOT / "fieldvisit" / "persistence" / "migrations"
    bundled = relative(package / "persistence" / "migrations", "**/*")
    assert {"env.py", *relative(migrations, "versions/*.py")} <= bundled
    # the 公文 layout's default fonts, gathered at build time, with their licences
    assert {"fonts/official/uming.ttc", "fonts/official/ukai.ttc",
            "fonts/official/wqy-zenhei.ttc", "fonts/official/LICENSE-arphic-uming.txt",
            "fonts/official/LICENSE-arphic-ukai.txt",
            "fonts/official/LICENSE-wqy-zenhei.txt"} <= relative(package / "resources", "**/*")


def test_sample_creates_the_database_and_prints_the_visit_id(bundle, env, tmp_path):
    database = tmp_path / "new.sqlite3"
    result = run(bundle, "--db", str(database), "sample", env=env)
    assert UUID.search(result.stdout), result.stdout
    assert database.is_file()
    assert "市委主题教育" in run(bundle, "--db", str(database), "visits", env=env).stdout


def test_report_uses_the_bundled_font(bundle, env, sample_database, tmp_path):
    """ReportLab, the migrations, the sample and the font all came along."""
    database, visit = sample_database
    pdf = tmp_path / "report.pdf"
    run(bundle, "--db", str(database), "report", visit, "-o", str(pdf), env=env)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"WenQuanYi" in data


def test_official_report_embeds_the_official_fonts(bundle, env, sample_database, tmp_path):
    """The 公文 layout's title, heading and body fonts are embedded from the bundle's copies
    (or the system's, which are the same files) with no "not installed" warning."""
    database, visit = sample_database
    pdf = tmp_path / "official.pdf"
    result = run(bundle, "--db", str(database), "report", visit, "-o", str(pdf), "--layout",
                 "official", env=env)
    assert "not installed" not in result.stderr, result.stderr
    data = pdf.read_bytes()
    assert b"+UMingCN" in data and b"+UKaiCN" in data and b"+WenQuanYiZenHei" in data


def test_report_as_word(bundle, env, sample_database, tmp_path):
    """python-docx and its template came along; the route map is drawn with Pillow."""
    database, visit = sample_database
    docx = tmp_path / "report.docx"
    run(bundle, "--db", str(database), "report", visit, "-o", str(docx), "--layout",
        "official", env=env)
    import zipfile

    with zipfile.ZipFile(docx) as archive:
        assert "公文标题".encode() in archive.read("word/styles.xml")
        assert any(name.startswith("word/media/") for name in archive.namelist())


def test_calendar_export(bundle, env, sample_database, tmp_path):
    database, visit = sample_database
    ics = tmp_path / "visit.ics"
    run(bundle, "--db", str(database), "ics", visit, "-o", str(ics), env=env)
    assert ics.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_excel_roster(bundle, env, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.append(["姓名", "单位", "职务"])
    workbook.active.append(["张三", "市总工会", "主任"])
    roster = tmp_path / "roster.xlsx"
    workbook.save(roster)
    result = run(bundle, "--db", str(tmp_path / "r.sqlite3"), "import-roster", str(roster),
                 "--dry-run", env=env)
    assert "would add 1 people" in result.stdout


def test_window_starts(bundle, env, sample_database, tmp_path):
    """The window opens on a database with a visit (so no first-start question waits).

    With ``FIELDVISIT_STARTUP_PROBE=1`` the application prints "shown" and "ready" and quits by
    itself once the database is open; a build without that switch keeps running, so it is
    stopped after a few seconds and must not have exited, crashed or raised before."""
    database, _ = sample_database
    log = tmp_path / "gui.log"
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen([str(bundle), "--db", str(database)],
                                   env={**env, "FIELDVISIT_STARTUP_PROBE": "1"},
                                   stdout=output, stderr=subprocess.STDOUT)
        try:
            status = wait(process, GUI_SECONDS)
            if status is None and "shown" in log.read_text(encoding="utf-8", errors="replace"):
                status = wait(process, 60)  # the probe is there: let it finish
        finally:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text, text
    if status is None:  # still running after GUI_SECONDS, no probe: it did not crash
        assert "shown" not in text, f"the window never became ready:\n{text}"
        return
    assert status == 0, f"the window exited with status {status}:\n{text}"
    assert "shown" in text and "ready" in text, f"the window exited early:\n{text}"


def wait(process: subprocess.Popen, seconds: float) -> int | None:
    """The exit status, or None if the process still runs after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    return process.poll()
