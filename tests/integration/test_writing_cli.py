"""``fieldvisit writing VISIT``: prints the writer's texts, marking those that follow the
draft; ``--set``, ``--set-file`` and ``--reset`` change them; a mistake is one line on stderr,
status 2, and nothing saved. On SQLite, and on PostgreSQL when FIELDVISIT_TEST_POSTGRES_URL is
set."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fieldvisit.services.report_writing import (
    FIELDS,
    report_writing,
    stored_report_writing,
    update_report_writing,
)


def one_line_error(result) -> str:
    status, out, err = result
    assert (status, out) == (2, "")
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert err.startswith("fieldvisit: ")
    return err


def test_nothing_written_yet_every_field_follows_the_draft(run_cli, sample_visit_id):
    status, out, err = run_cli("writing", "市委主题教育")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith(f"{sample_visit_id}  市委主题教育")
    assert [line.split()[0] for line in lines[1:]] == list(FIELDS)
    assert all(line.endswith("(follows the draft)") for line in lines[1:])


def test_set_set_file_and_reset(run_cli, uow, sample_visit_id, tmp_path):
    lead = tmp_path / "导语.txt"
    lead.write_bytes("\ufeff近日，调研组赴朝阳区。\r\n现将有关情况报告如下：\r\n".encode())
    status, out, _ = run_cli("writing", str(sample_visit_id), "--set", "title=关于调研的报告",
                             "--set-file", f"lead={lead}", "--set", "signed_on=2023-05-26",
                             "--set", "problems=", "--set", "brief_issue=第=3=期")
    assert status == 0
    stored = report_writing(uow, sample_visit_id)
    assert (stored.title, stored.lead, stored.signed_on, stored.problems, stored.brief_issue) \
        == ("关于调研的报告", "近日，调研组赴朝阳区。\n现将有关情况报告如下：\n",
            date(2023, 5, 26), "", "第=3=期")
    assert "title              关于调研的报告" in out
    indent = " " * 19
    assert f"lead               近日，调研组赴朝阳区。\n{indent}现将有关情况报告如下：" in out
    assert "problems           (empty: left out)" in out
    assert "basics             (follows the draft)" in out

    status, out, _ = run_cli("writing", str(sample_visit_id), "--reset", "lead", "--json")
    printed = json.loads(out)
    assert status == 0 and printed["lead"] is None and printed["title"] == "关于调研的报告"
    assert printed["version"] == 2 and printed["signed_on"] == "2023-05-26"
    assert report_writing(uow, sample_visit_id).lead is None


@pytest.mark.parametrize(("arguments", "words"), [
    (["--set", "sumary=x"], "the report text has no field 'sumary'; its fields are: title"),
    (["--reset", "visit_id"], "no field 'visit_id'"),
    (["--set-file", "conclusion=/nonexistent.txt"], "no field 'conclusion'"),
    (["--set", "lead"], "--set expects FIELD=TEXT, not 'lead'"),
    (["--set-file", "lead"], "--set-file expects FIELD=PATH"),
    (["--set", "signed_on=2023-02-30"], "signed_on must be a date (YYYY-MM-DD), not '2023-02-30'"),
    (["--set", "signed_on=2300-01-01"], "signed_on must be between 1900-01-01 and 2200-12-31"),
    (["--set", "signed_on=明天"], "signed_on must be a date"),
    (["--set", "lead=a", "--reset", "lead"], "lead is given more than once"),
    (["--set-file", "lead={missing}"], "No such file"),
    (["--set-file", "lead={latin1}"], "is not UTF-8 text"),
])
def test_mistakes_are_one_line_and_save_nothing(run_cli, uow, sample_visit_id, tmp_path,
                                                arguments, words):
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café".encode("latin-1"))
    arguments = [a.format(missing=tmp_path / "missing.txt", latin1=latin1) for a in arguments]
    err = one_line_error(run_cli("writing", str(sample_visit_id), "--set", "title=标题",
                                 *arguments))
    assert words in err
    assert stored_report_writing(uow, sample_visit_id) is None


def test_an_unknown_visit_is_one_line(run_cli, sample_visit_id):
    assert "no visit has the id or title" in one_line_error(run_cli("writing", "不存在的调研"))


def test_a_nul_character_in_a_file_is_refused(run_cli, uow, sample_visit_id, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"a\x00b")
    assert "NUL" in one_line_error(run_cli("writing", str(sample_visit_id), "--set-file",
                                           f"brief_text={bad}"))
    assert stored_report_writing(uow, sample_visit_id) is None


def test_the_cli_applies_to_what_is_stored(run_cli, uow, sample_visit_id):
    update_report_writing(uow, sample_visit_id, {"basics": "窗口里写的"}, 0)
    assert run_cli("writing", str(sample_visit_id), "--set", "practices=命令行写的")[0] == 0
    stored = report_writing(uow, sample_visit_id)
    assert (stored.basics, stored.practices, stored.version) == ("窗口里写的", "命令行写的", 2)
