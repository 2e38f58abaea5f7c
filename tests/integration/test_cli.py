"""The command line: sample, visits, show, export/import, user errors, and the entry points."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from uuid import UUID

import pytest

import fieldvisit
from fieldvisit.cli import main
from fieldvisit.persistence.db import open_database, sqlite_url
from fieldvisit.services.sample import reference_document
from fieldvisit.services.visits import create_visit

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("organizations", "people", "visits", "delegation", "sites", "stops", "notes",
          "figures", "follow_ups", "photos")
STOPS = ("饿了么北京CBD骑士驿站", "东湖街道商务楼宇党群服务中心", "“小哥加油站”社区青年汇")


def row_counts(url: str) -> dict[str, int]:
    database = open_database(url)
    try:
        with database.unit_of_work() as uow:
            return {name: getattr(uow, name).count() for name in TABLES}
    finally:
        database.dispose()


def assert_user_error(result: tuple[int, str, str], *words: str) -> None:
    status, out, err = result
    assert status == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("fieldvisit: ")
    for word in words:
        assert word in lines[0]


@pytest.fixture
def sample_id(run_cli) -> str:
    status, out, err = run_cli("sample")
    assert status == 0, err
    return out.strip()


def test_sample_prints_the_reference_id_and_is_idempotent(run_cli, database_url):
    status, out, _ = run_cli("sample")
    assert status == 0
    visit_id = out.strip()
    assert str(UUID(visit_id)) == visit_id == reference_document()["visit"]["id"]
    before = row_counts(database_url)
    assert before["visits"] == 1 and before["notes"] > 0
    assert run_cli("sample")[:2] == (0, out)
    assert row_counts(database_url) == before


def test_visits_text_and_json(run_cli, sample_id):
    status, out, _ = run_cli("visits")
    assert status == 0
    [line] = out.strip().splitlines()
    assert line.startswith(sample_id)
    assert "市委主题教育第六巡回指导组" in line
    status, out, _ = run_cli("visits", "--json")
    assert status == 0
    [visit] = json.loads(out)
    assert visit["id"] == sample_id
    assert visit["member_count"] == len(reference_document()["delegation"])
    assert visit["stop_count"] == 3
    assert visit["status"] in {"draft", "planned", "under_way", "done", "reported"}


def test_visits_on_an_empty_database(run_cli):
    assert run_cli("visits") == (0, "", "")
    status, out, _ = run_cli("visits", "--json")
    assert (status, json.loads(out)) == (0, [])


def labels(group: dict) -> str:
    organization = group["organization"] or {}
    return f"{organization.get('name', '')} | {organization.get('short_name', '')}"


def test_show_json(run_cli, sample_id):
    status, out, _ = run_cli("show", sample_id, "--json")
    assert status == 0
    shown = json.loads(out)
    assert shown["visit"]["id"] == sample_id
    delegation = shown["delegation"]
    group_labels = [labels(g) for g in delegation]
    for organization in ("市委主题教育第六巡回指导组", "市总工会", "团市委", "市妇联"):
        assert any(organization in label for label in group_labels), (organization, group_labels)
    assert any("北京市总工会" in label for label in group_labels)
    first = delegation[0]["members"][0]
    assert (first["name"], first["role"], first["protocol_order"]) == ("冯建国", "leader", 1)
    orders = [m["protocol_order"] for g in delegation for m in g["members"]]
    assert len(orders) == len(set(orders))
    assert all(m["role"] != "accompanying_official" for g in delegation for m in g["members"])
    accompanying = shown["accompanying"]
    assert any("朝阳区" in labels(g) for g in accompanying)
    assert all(m["role"] == "accompanying_official" for g in accompanying for m in g["members"])
    stops = shown["stops"]
    assert [s["position"] for s in stops] == [1, 2, 3]
    for stop, name in zip(stops, STOPS, strict=True):
        assert name in stop["site"]["name"]
    assert shown["counts"]["notes"] > 0 and shown["counts"]["key_figures"] > 0
    assert shown["counts"]["notes"] >= sum(s["notes"] for s in stops)


def test_show_by_title_prefix(run_cli, sample_id):
    status, out, _ = run_cli("show", "市委主题教育", "--json")
    assert status == 0
    assert json.loads(out)["visit"]["id"] == sample_id


def test_show_text(run_cli, sample_id):
    status, out, _ = run_cli("show", sample_id)
    assert status == 0
    assert out.startswith(reference_document()["visit"]["title"])
    assert f"id: {sample_id}" in out
    assert "Delegation" in out and "Accompanying" in out and "Stops" in out
    assert "冯建国" in out
    positions = [out.index(name) for name in STOPS]
    assert positions == sorted(positions)


def records_of(document: dict) -> dict:
    """A visit document without its format version and exchange sections (format 2), and
    without its report writing while there is none (format 3)."""
    return {k: v for k, v in document.items() if k not in ("version", "tombstones", "history")
            and not (k == "report_writing" and v == [])}


def test_export_import_export_through_the_cli(run_cli, sample_id, tmp_path, capsys):
    exported = tmp_path / "visit.json"
    status, _, err = run_cli("export", sample_id, "-o", str(exported))
    assert status == 0 and "wrote" in err
    assert records_of(json.loads(exported.read_text(encoding="utf-8"))) == \
        records_of(reference_document())
    assert not list(tmp_path.glob(".*.part"))
    assert run_cli("export", "市委", "-o", "-")[1] == exported.read_text(encoding="utf-8")

    other = tmp_path / "other.sqlite3"
    assert main(["--db", str(other), "import", str(exported)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(sample_id) and "added:" in out
    again = tmp_path / "again.json"
    assert main(["--db", str(other), "export", sample_id, "-o", str(again)]) == 0
    assert again.read_bytes() == exported.read_bytes()
    assert main(["--db", str(other), "import", str(exported)]) == 0
    out = capsys.readouterr().out
    assert "unchanged:" in out and "added:" not in out and "updated:" not in out


def test_unknown_visit_is_a_user_error(run_cli, sample_id):
    assert_user_error(run_cli("show", "没有这个访问"), "没有这个访问")
    assert_user_error(run_cli("export", "nope", "-o", "-"), "nope")


def test_ambiguous_visit_is_a_user_error(run_cli, database_url):
    database = open_database(database_url)
    for title in ("调研一", "调研二"):
        create_visit(database.unit_of_work(), title)
    database.dispose()
    assert_user_error(run_cli("show", "调研"), "2 visits", "调研一", "调研二")


def test_import_of_a_missing_file_is_a_user_error(run_cli, tmp_path):
    missing = tmp_path / "missing.json"
    assert_user_error(run_cli("import", str(missing)), "missing.json")


def test_import_of_invalid_json_is_a_user_error(run_cli, tmp_path, database_url):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "fieldvisit-visit", oops}', encoding="utf-8")
    assert_user_error(run_cli("import", str(bad)), "$", "JSON")
    bad.write_text(json.dumps({"format": "fieldvisit-visit", "version": 4}), encoding="utf-8")
    assert_user_error(run_cli("import", str(bad)), "$.version")
    assert row_counts(database_url)["visits"] == 0


def test_a_text_file_as_database_is_a_user_error_and_left_alone(tmp_path, capsys):
    text = tmp_path / "notes.txt"
    text.write_text("shopping list\n", encoding="utf-8")
    digest = hashlib.sha256(text.read_bytes()).hexdigest()
    status = main(["--db", str(text), "visits"])
    assert_user_error((status, *capsys.readouterr()), "not a FieldVisit database")
    assert hashlib.sha256(text.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_database_in_a_missing_folder_is_a_user_error(tmp_path, capsys):
    status = main(["--db", str(tmp_path / "nowhere" / "db.sqlite3"), "visits"])
    assert_user_error((status, *capsys.readouterr()), "does not exist")
    assert not (tmp_path / "nowhere").exists()


def test_db_and_database_url_are_exclusive(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--db", str(tmp_path / "a"), "--database-url", "sqlite://", "visits"])
    assert info.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def test_database_url_option(tmp_path, capsys):
    path = tmp_path / "by-url.sqlite3"
    assert main(["--database-url", sqlite_url(path), "sample"]) == 0
    assert capsys.readouterr().out.strip() == reference_document()["visit"]["id"]
    assert row_counts(sqlite_url(path))["visits"] == 1


# --- subprocesses -----------------------------------------------------------------------------

def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("FIELDVISIT_DATABASE_URL", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, encoding="utf-8", timeout=60,
                          env=env or subprocess_env(), cwd=ROOT)


def test_python_m_fieldvisit_version():
    result = run(sys.executable, "-m", "fieldvisit", "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"FieldVisit {fieldvisit.__version__}" == "FieldVisit 0.1.0"


def test_console_script_version():
    """The installed ``fieldvisit`` command, found beside the Python running the tests (the
    virtual environment's bin folder, which need not be on PATH)."""
    beside = Path(sys.executable).parent / ("fieldvisit.exe" if sys.platform == "win32"
                                            else "fieldvisit")
    script = str(beside) if beside.exists() else shutil.which("fieldvisit")
    assert script is not None, "pip install -e . installs the fieldvisit console script"
    result = run(script, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"FieldVisit {fieldvisit.__version__}"


def test_database_url_environment_variable_chooses_the_database(database_url):
    env = subprocess_env(FIELDVISIT_DATABASE_URL=database_url)
    sample = run(sys.executable, "-m", "fieldvisit", "sample", env=env)
    assert sample.returncode == 0, sample.stderr
    listed = run(sys.executable, "-m", "fieldvisit", "visits", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    assert [v["id"] for v in json.loads(listed.stdout)] == [sample.stdout.strip()]
    assert row_counts(database_url)["visits"] == 1


def test_user_errors_in_a_subprocess_have_no_traceback(tmp_path):
    result = run(sys.executable, "-m", "fieldvisit", "--db", str(tmp_path / "x" / "y.sqlite3"),
                 "visits")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("fieldvisit: ") and result.stderr.count("\n") == 1


def test_db_path_with_url_special_characters_is_used_as_is(tmp_path):
    from fieldvisit.cli import main

    folder = tmp_path / "q?x 50%"
    folder.mkdir()
    assert main(["--db", str(folder / "data.sqlite3"), "sample"]) == 0
    assert (folder / "data.sqlite3").exists()
    assert not (tmp_path / "q").exists()


def test_export_error_names_the_requested_file(run_cli, sample_visit_id, tmp_path):
    target = tmp_path / "missing" / "visit.json"
    status, _out, err = run_cli("export", str(sample_visit_id), "-o", str(target))
    assert status == 2
    assert str(target) in err and ".part" not in err


def test_every_command_of_another_module_has_its_parser_listed():
    """A command run from another module ("module:function") must be in MODULE_PARSERS under
    that module, or ``fieldvisit COMMAND`` is refused as an invalid choice."""
    from fieldvisit.cli import COMMANDS, MODULE_PARSERS

    for name, target in COMMANDS.items():
        if isinstance(target, str):
            module = target.split(":")[0]
            assert name in MODULE_PARSERS[module][1], (name, module)
