"""Messages of the domain, services and persistence: English as before for the command line and
the tests, and translatable by the interface (template + arguments, found by lupdate)."""

from __future__ import annotations

import ast
import io
import pickle
import string
import zipfile
from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest

from fieldvisit.domain import rules
from fieldvisit.domain.entities import Person, Stop, Visit
from fieldvisit.domain.enums import VisitStatus
from fieldvisit.domain.errors import (
    ConflictError,
    DatabaseRefusedError,
    DocumentError,
    FieldVisitError,
    NotFoundError,
    ValidationError,
)
from fieldvisit.domain.messages import QT_TRANSLATE_NOOP, FieldName, Joined, Message
from fieldvisit.domain.plain import from_plain
from fieldvisit.domain.timeline import TravelSettings
from fieldvisit.services import package, photos, records, roster_files, visit_document
from fieldvisit.services.report_model import ReportOptions

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ("domain", "services", "persistence", "reporting")
MARKER = "QT_TRANSLATE_NOOP"


def _sources() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (ROOT / "fieldvisit" / layer).rglob("*.py")
                  if "versions" not in p.parts)


def _calls(name: str) -> list[tuple[Path, ast.Call]]:
    found = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == name:
                found.append((path, node))
    return found


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{node.lineno}"


def marked_templates() -> set[str]:
    """Every template marked for translation in the layers below the interface."""
    return {node.args[1].value for _, node in _calls(MARKER)
            if len(node.args) == 2 and isinstance(node.args[1], ast.Constant)}


def _placeholders(template: str) -> list[str]:
    return [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]


# -- the Message type -----------------------------------------------------------------------
def test_a_message_is_its_english_text_and_keeps_template_and_arguments():
    message = Message("{name} is already in this delegation", name="潘建新")
    assert message == "潘建新 is already in this delegation"
    assert isinstance(message, str) and str(message) == message
    assert message.template == "{name} is already in this delegation"
    assert message.args == {"name": "潘建新"}
    copy = pickle.loads(pickle.dumps(message))
    assert (copy, copy.template, copy.args) == (message, message.template, message.args)


def test_arguments_are_formatted_as_in_english_text():
    field = FieldName("end_date")
    assert f"{field}" == "end_date" and pickle.loads(pickle.dumps(field)) == field
    status = Message("from {current}", current=VisitStatus.UNDER_WAY)
    assert status == "from under_way"
    joined = Joined([Message("{count} people", count=3), Message("{count} sites", count=1)])
    assert joined == "3 people, 1 sites" and joined.separator == ", "
    assert pickle.loads(pickle.dumps(joined)).parts == joined.parts


def test_errors_keep_the_message_and_expose_template_and_kwargs():
    error = ValidationError(Message("{field} must not be empty", field=FieldName("title")),
                            "title")
    assert str(error) == "title must not be empty"
    assert error.template == "{field} must not be empty"
    assert error.kwargs == {"field": "title"}
    plain = NotFoundError("plain text with {braces}")
    assert plain.template.format(**plain.kwargs) == str(plain)
    document = DocumentError("$.version", Message("unknown format version {version}",
                                                  version=0))
    assert str(document) == "$.version: unknown format version 0"
    assert document.template == "{path}: {problem}"
    assert document.kwargs["problem"].template == "unknown format version {version}"


# -- English as before ----------------------------------------------------------------------
def _raised(action: Callable[[], Any]) -> FieldVisitError:
    with pytest.raises(FieldVisitError) as info:
        action()
    return info.value


def _zip(**members: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _package(tmp_path: Path, data: bytes) -> Callable[[], Any]:
    source = tmp_path / "x.fieldvisit"
    source.write_bytes(data)
    return lambda: package.read_package(source, tmp_path)


ENGLISH: list[tuple[str, Callable[[Path], Callable[[], Any]], str]] = [
    ("empty", lambda _: lambda: rules.require_text(" ", "title"), "title must not be empty"),
    ("dates", lambda _: lambda: rules.check_date_range(date(2023, 7, 20), date(2023, 7, 1)),
     "end date 2023-07-01 is before start date 2023-07-20"),
    ("zone", lambda _: lambda: rules.check_timezone("Mars/Olympus"),
     "unknown time zone 'Mars/Olympus'"),
    ("half coordinates", lambda _: lambda: rules.check_coordinates(39.9, None),
     "give both latitude and longitude, or neither"),
    ("latitude", lambda _: lambda: rules.check_coordinates(90.01, 116.0),
     "latitude 90.01 is outside -90..90"),
    ("longitude", lambda _: lambda: rules.check_coordinates(39.9, -181),
     "longitude -181 is outside -180..180"),
    ("hours count", lambda _: lambda: rules.check_opening_hours(("",) * 6),
     "opening hours need 7 entries (Monday to Sunday), got 6"),
    ("hours form", lambda _: lambda: rules.check_opening_hours(("closed",) + ("",) * 6),
     "opening hours 'closed' are not like 09:00-18:00"),
    ("hours order", lambda _: lambda: rules.check_opening_hours(("18:00-09:00",) + ("",) * 6),
     "opening hours '18:00-09:00' end before they start"),
    ("negative", lambda _: lambda: Stop(visit_id=Visit(title="x").id,
                                        site_id=Visit(title="y").id, dwell_minutes=-1),
     "dwell_minutes must not be negative"),
    ("day", lambda _: lambda: Stop(visit_id=Visit(title="x").id, site_id=Visit(title="y").id,
                                   day=0), "day must be 1 or later"),
    ("file name", lambda _: lambda: rules.check_relative_file_name("../a.jpg"),
     "file name '../a.jpg' must be a relative path inside the visit"),
    ("status", lambda _: lambda: rules.check_status_change(VisitStatus.DRAFT,
                                                           VisitStatus.REPORTED),
     "a visit cannot go from draft to reported directly; next is planned"),
    ("speed", lambda _: lambda: TravelSettings(walk_kmh=0),
     "walk_kmh must be greater than 0"),
    ("protected", lambda _: lambda: records.changed(Person(name="王芳"), {"id": None}),
     "id cannot be changed here"),
    ("normalized", lambda _: lambda: records.normalized(Person(name="王芳", phone=5)),
     "phone: expected text, got a number"),
    ("plain type", lambda _: lambda: from_plain(Person, []), "$: expected an object, got a list"),
    ("plain enum", lambda _: lambda: from_plain(Visit, {"title": "x", "status": "gone"}),
     "$.status: 'gone' is not one of: draft, planned, under_way, done, reported"),
    ("plain bool", lambda _: lambda: from_plain(Visit, {"title": "x", "id": 5}),
     "$.id: expected text, got a number"),
    ("plain rule", lambda _: lambda: from_plain(Visit, {"title": "x", "timezone": "Nowhere"}),
     "$.timezone: unknown time zone 'Nowhere'"),
    ("json", lambda _: lambda: visit_document.loads("{"),
     "$: not valid JSON: Expecting property name enclosed in double quotes at line 1, "
     "column 2"),
    ("format", lambda _: lambda: visit_document.parse({"format": "x"}),
     "$.format: expected 'fieldvisit-visit', got 'x': not a FieldVisit visit"),
    ("version", lambda _: lambda: visit_document.parse({"format": "fieldvisit-visit",
                                                        "version": 9}),
     "$.version: format version 9 is newer than this FieldVisit reads (3); update FieldVisit"),
    ("report", lambda _: lambda: ReportOptions(language="fr"),
     "report language must be zh or en, not 'fr'"),
    ("sections", lambda _: lambda: ReportOptions(sections=frozenset({"epilogue"})),
     "unknown report sections: epilogue; known: cover, contents, basic, practices, problems, "
     "suggestions, itinerary, route_map, roster"),
    ("missing package", lambda tmp: lambda: package.read_package(tmp / "none.fieldvisit", tmp),
     "“none.fieldvisit” cannot be imported: the file does not exist or is not a file; nothing "
     "was changed"),
    ("not a package", lambda tmp: _package(tmp, b"hello"),
     "“x.fieldvisit” cannot be imported: it is not a FieldVisit package (not a zip file, or "
     "truncated); nothing was changed"),
    ("escape", lambda tmp: _package(tmp, _zip(**{"../evil.jpg": b"x"})),
     "“x.fieldvisit” cannot be imported: the member name '../evil.jpg' would be written "
     "outside the package's folder or is not allowed; nothing was changed"),
    ("no manifest", lambda tmp: _package(tmp, _zip(**{"visit.json": b"{}"})),
     "“x.fieldvisit” cannot be imported: it has no manifest.json: not a FieldVisit package; "
     "nothing was changed"),
    ("roster empty", lambda tmp: lambda: roster_files.read_roster(_file(tmp, "r.csv", b"")),
     "r.csv is empty"),
    ("roster pdf", lambda tmp: lambda: roster_files.read_roster(_file(tmp, "r.csv", b"%PDF-1")),
     "r.csv is not a CSV file: it is a PDF document"),
    ("roster sheet", lambda tmp: lambda: roster_files.read_roster(
        _file(tmp, "r.csv", b"name\nx\n"), "人员"),
     "sheet '人员' not found in r.csv; the file has: r"),
    ("photo", lambda tmp: lambda: photos.PhotoError(tmp / "a.jpg", "damaged", "truncated"),
     "“a.jpg” is damaged or incomplete: truncated"),
    ("photo size", lambda tmp: lambda: photos.PhotoError(tmp / "a.jpg", "too_large"),
     "“a.jpg” is too large (more than 120 megapixels or 200 MB)"),
]


def _file(folder: Path, name: str, data: bytes) -> Path:
    (folder / name).write_bytes(data)
    return folder / name


@pytest.mark.parametrize("make, english", [(m, e) for _, m, e in ENGLISH],
                         ids=[name for name, _, _ in ENGLISH])
def test_messages_read_in_english_as_before(make, english, tmp_path):
    action = make(tmp_path)
    try:
        result = action()
    except FieldVisitError as raised:
        error = raised
    else:
        error = result  # PhotoError is built here, raised by the photo import
    assert isinstance(error, FieldVisitError)
    assert str(error) == english
    assert isinstance(error.message, Message), "made without a template"
    assert error.template.format(**error.kwargs) == english


def test_services_read_in_english_as_before(uow, sample_visit_id):
    from fieldvisit.services import delegation, directory, itinerary, search, visits

    with uow:
        organization = uow.organizations.all()[0]
        member = uow.delegation.all(visit_id=sample_visit_id)[0]
        person = uow.people.get(member.person_id)
        stop = next(s for s in uow.stops.all(visit_id=sample_visit_id)
                    if uow.notes.count(stop_id=s.id))
    cases = [
        (lambda: visits.resolve_visit(uow, "no such visit"),
         "no visit has the id or title 'no such visit'"),
        (lambda: delegation.add_member(uow, sample_visit_id, person.id),
         f"{person.name} is already in this delegation"),
        (lambda: directory.delete_person(uow, person.id),
         f"{person.name} cannot be deleted while in the delegation of: "),
        (lambda: itinerary.remove_stop(uow, stop.id), f"stop {stop.position} has "),
        (lambda: search.search(uow, "   ", 10), "type a word or a few characters to search for"),
        (lambda: records.get(uow, Person, organization.id),
         f"no person with id {organization.id}"),
    ]
    for action, english in cases:
        error = _raised(action)
        assert str(error).startswith(english)
        assert isinstance(error.message, Message)
        assert error.template.format(**error.kwargs) == str(error)


def test_an_organization_in_use_names_its_uses(uow, sample_visit_id):
    from fieldvisit.services import directory

    with uow:
        used = [o for o in uow.organizations.all()
                if uow.participations.count(organization_id=o.id)][0]
    error = _raised(lambda: directory.delete_organization(uow, used.id))
    assert isinstance(error, ConflictError)
    in_use = error.kwargs["in_use"]
    assert isinstance(in_use, Joined) and all(isinstance(p, Message) for p in in_use.parts)
    assert str(error) == f"{used.name} cannot be deleted: it is still used by {in_use}"
    assert "1 visit" in str(in_use) and "1 visits" not in str(in_use)  # one visit: singular


def test_roster_reasons_are_messages_in_english_as_before(uow):
    from fieldvisit.services.roster_import import plan_import

    table = roster_files.RosterTable(
        "r.csv", ("r",), "r", 1, ("姓名", "单位", "电话", "邮箱"),
        (roster_files.RosterRow(2, ("", "市总工会", "", "")),
         roster_files.RosterRow(3, ("<b>王芳</b>", "", "", "")),
         roster_files.RosterRow(4, ("王芳", "", "1.38E+10", "")),
         roster_files.RosterRow(5, ("王芳", "", "", "abc@")),
         roster_files.RosterRow(6, ("韦江", "", "", "")),
         roster_files.RosterRow(7, ("韦江", "", "", ""))))
    plan = plan_import(uow, table, {"name": 0, "organization": 1, "phone": 2, "email": 3})
    reasons = [row.reason for row in plan.rejected]
    assert reasons == [
        "name is missing",
        "name contains markup ('<b>'); use plain text",
        "phone '1.38E+10' was shortened by Excel; format the column as text and save the file "
        "again",
        "'abc@' is not an email address",
        "same person as row 6",
    ]
    assert all(isinstance(reason, Message) for reason in reasons)
    assert plan.rejected[1].reason.args["field"].label == "Name"
    assert plan.rejected[0].message == "row 2: name is missing"


def test_a_database_that_is_a_folder_is_refused_in_english(tmp_path):
    from fieldvisit.persistence.db import open_database, sqlite_url

    error = _raised(lambda: open_database(sqlite_url(tmp_path)))
    assert isinstance(error, DatabaseRefusedError)
    assert str(error) == f"{tmp_path} is a folder, not a database file"
    assert error.template == "{path} is a folder, not a database file"


# -- the templates in the code --------------------------------------------------------------
def test_every_marker_names_the_messages_context_and_a_literal_template():
    calls = _calls(MARKER)
    assert len(calls) > 150
    bad = [_where(path, node) for path, node in calls
           if len(node.args) != 2 or node.keywords
           or not (isinstance(node.args[0], ast.Constant) and node.args[0].value == "Messages")
           or not (isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str))]
    assert bad == [], "write QT_TRANSLATE_NOOP(\"Messages\", \"literal text\")"


def test_every_template_has_named_placeholders_only():
    bad = [template for template in marked_templates()
           if any(not name or name.isdigit() for name in _placeholders(template))]
    assert bad == []


def test_every_message_gives_exactly_the_arguments_its_template_names():
    problems = []
    for path, node in _calls("Message"):
        first = node.args[0] if node.args else None
        if isinstance(first, ast.Call) and isinstance(first.func, ast.Name) \
                and first.func.id == MARKER:
            template = first.args[1].value
            named = {name.split(".")[0].split("[")[0] for name in _placeholders(template)}
            given = {keyword.arg for keyword in node.keywords}
            if None in given or named != given or len(node.args) != 1:
                problems.append(f"{_where(path, node)}: {template!r} names {sorted(named)}, "
                                f"given {sorted(map(str, given))}")
            try:
                template.format(**dict.fromkeys(named, 0))
            except (ValueError, TypeError) as error:  # a bad format spec, e.g. {n:x} on text
                problems.append(f"{_where(path, node)}: {error}")
        elif not isinstance(first, (ast.Name, ast.Subscript, ast.Attribute)):
            problems.append(f"{_where(path, node)}: the template is not marked")
    assert problems == []


def _user_errors() -> set[str]:
    """FieldVisitError and its subclasses (package and photos, imported above, define some),
    and OSError, whose message the interface also shows."""
    names = {"OSError"}
    pending: list[type] = [FieldVisitError]
    while pending:
        kind = pending.pop()
        names.add(kind.__name__)
        pending.extend(kind.__subclasses__())
    return names


MESSAGE_ARGUMENT = {"DocumentError": 1, "PackageError": 1, "OSError": 1, "PhotoError": None}
"""Position of the message among the arguments (DocumentError(path, problem)...); PhotoError
takes a reason code."""


def test_no_user_error_is_raised_with_untranslatable_text():
    user_errors = _user_errors() | {"refuse"}  # package.py: refuse(problem) -> PackageError
    problems = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
                    and isinstance(node.exc.func, ast.Name)
                    and node.exc.func.id in user_errors):
                continue
            position = MESSAGE_ARGUMENT.get(node.exc.func.id, 0)
            if position is None or len(node.exc.args) <= position:
                continue
            message = node.exc.args[position]
            options = [message.body, message.orelse] if isinstance(message, ast.IfExp) \
                else [message]
            for option in options:
                translatable = isinstance(option, (ast.Name, ast.Attribute, ast.Subscript)) or (
                    isinstance(option, ast.Call) and isinstance(option.func, ast.Name)
                    and option.func.id == "Message")
                if not translatable:
                    problems.append(f"{_where(path, node)}: {ast.unparse(option)[:60]}")
    assert problems == [], "raise with Message(QT_TRANSLATE_NOOP(\"Messages\", ...), ...)"


def test_no_f_string_message_is_left_in_a_raise():
    """Programming errors (TypeError, RuntimeError...) are for developers and may use them."""
    user_errors = _user_errors() | {"refuse"}
    found = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) \
                    and isinstance(node.exc.func, ast.Name) and node.exc.func.id in user_errors:
                position = MESSAGE_ARGUMENT.get(node.exc.func.id, 0) or 0
                if any(isinstance(argument, ast.JoinedStr)
                       for argument in node.exc.args[position:position + 1]):
                    found.append(_where(path, node))
    assert found == []


def test_the_marker_returns_its_text():
    assert QT_TRANSLATE_NOOP("Messages", "{name} is empty") == "{name} is empty"
