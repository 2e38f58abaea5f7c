"""Issue 17 item 5: the headless command line never loads PySide6, even when it reads the data
folder chosen in Preferences (``fieldvisit.data_folder_setting``, a plain INI file), and a
folder chosen with an earlier version (kept by QSettings) is still the one used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from fieldvisit import data_folder_setting

ROOT = Path(__file__).resolve().parents[2]
READ_COMMANDS = [
    ["visits"], ["visits", "--json"], ["show", "{visit}"], ["roster", "{visit}"],
    ["itinerary", "{visit}"], ["ics", "{visit}", "-o", "{out}/visit.ics"],
    ["optimize", "{visit}"], ["writing", "{visit}"], ["search", "座谈"], ["conflicts"],
    ["export", "{visit}", "-o", "{out}/visit.json"],
    ["pack", "{visit}", "-o", "{out}/visit.fieldvisit"],
    ["report", "{visit}", "-o", "{out}/report.pdf", "--no-photos"],
    ["report", "{visit}", "-o", "{out}/report.docx", "--no-photos"],
    ["brief", "{visit}", "-o", "{out}/brief.pdf"],
]
RUNNER = """
import json, sys
from fieldvisit.cli import main
results = []
for argv in json.loads(sys.argv[1]):
    status = main(argv)
    results.append([argv[0], status, sorted(m for m in sys.modules if m.startswith("PySide6"))])
print("RESULTS " + json.dumps(results))
"""


def child_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "FIELDVISIT_DATABASE_URL"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), HOME=str(tmp_path / "home"))
    return env


def run_commands(tmp_path: Path, commands: list[list[str]]) -> list[list]:
    result = subprocess.run([sys.executable, "-c", RUNNER, json.dumps(commands)],
                            capture_output=True, text=True, encoding="utf-8",
                            env=child_env(tmp_path), cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULTS "))
    return json.loads(line.removeprefix("RESULTS "))


def test_read_commands_load_no_qt_and_use_the_chosen_data_folder(tmp_path: Path):
    chosen = tmp_path / "数据, 第二"  # a comma and Chinese: the INI file must keep them
    config = tmp_path / "config" / "FieldVisit"
    config.mkdir(parents=True)
    (config / "settings.ini").write_text(f"[data]\nfolder = {chosen}\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    [[_, status, qt]] = run_commands(tmp_path, [["sample"]])
    assert status == 0 and qt == []
    assert (chosen / "fieldvisit.sqlite3").is_file()  # the sample went to the chosen folder
    assert not (tmp_path / "data" / "FieldVisit").exists()
    visit_id = json.loads(subprocess.run(
        [sys.executable, "-m", "fieldvisit", "visits", "--json"], capture_output=True,
        text=True, encoding="utf-8", env=child_env(tmp_path), cwd=ROOT, check=True,
        timeout=120).stdout)[0]["id"]
    commands = [[part.format(visit=visit_id, out=out) for part in argv] for argv in READ_COMMANDS]
    results = run_commands(tmp_path, commands)
    assert [(name, status) for name, status, _ in results] == \
        [(argv[0], 0) for argv in READ_COMMANDS]
    assert [qt for _, _, qt in results] == [[]] * len(READ_COMMANDS)
    assert (out / "report.pdf").stat().st_size > 0 and (out / "visit.fieldvisit").is_file()


def test_a_folder_chosen_before_in_qsettings_is_kept(tmp_path: Path):
    """An earlier version kept the folder with QSettings (on Linux its native store is the INI
    file ``FieldVisit/FieldVisit.conf``, written here by Qt itself): the first run of the
    command line uses it and moves it to ``settings.ini``; PySide6 is not loaded for that."""
    chosen = tmp_path / "旧的 数据, \"引号\" \\ @"
    writer = ("import sys; from PySide6.QtCore import QCoreApplication, QSettings; "
              "QCoreApplication.setOrganizationName('FieldVisit'); "
              "QCoreApplication.setApplicationName('FieldVisit'); "
              "s = QSettings(); s.setValue('data/folder', sys.argv[1]); s.sync(); "
              "print(s.fileName())")
    written = subprocess.run([sys.executable, "-c", writer, str(chosen)], capture_output=True,
                             text=True, encoding="utf-8", env=child_env(tmp_path), cwd=ROOT,
                             check=True, timeout=120).stdout.strip()
    assert Path(written) == tmp_path / "config" / "FieldVisit" / "FieldVisit.conf"
    [[_, status, qt]] = run_commands(tmp_path, [["visits"]])
    assert status == 0 and qt == []
    assert (chosen / "fieldvisit.sqlite3").is_file()
    settings = (tmp_path / "config" / "FieldVisit" / "settings.ini").read_text(encoding="utf-8")
    assert str(chosen) in settings


def test_the_setting_round_trips_and_survives_a_damaged_file(tmp_path: Path):
    default = data_folder_setting.default_data_folder()
    assert data_folder_setting.data_folder() == default  # nothing chosen, nothing before
    assert data_folder_setting.settings_path().is_file()  # the (empty) choice is written
    data_folder_setting.set_data_folder(tmp_path / "甲")
    assert data_folder_setting.database_path() == tmp_path / "甲" / "fieldvisit.sqlite3"
    data_folder_setting.set_data_folder(default)
    assert data_folder_setting.chosen_data_folder() is None
    data_folder_setting.settings_path().write_bytes(b"\xff\xfe not an ini [")
    assert data_folder_setting.data_folder() == default
    data_folder_setting.set_data_folder(tmp_path / "乙")
    assert data_folder_setting.data_folder() == tmp_path / "乙"


def test_qt_ini_values_are_unescaped_as_qsettings_writes_them():
    unescape = data_folder_setting._qt_ini_unescape
    assert unescape("/home/u/数据") == "/home/u/数据"
    assert unescape('"a, b \\\\ \\"c\\""') == 'a, b \\ "c"'
    assert unescape("C:\\\\Users\\\\x") == "C:\\Users\\x"
    assert unescape("\\x6570\\x636e") == "数据"
    assert unescape("@@home") == "@home"
    assert unescape("@Variant(\\0\\0)") is None
    assert unescape("a, b") is None  # a list
