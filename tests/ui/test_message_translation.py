"""Messages of the domain and services appear in the interface's language: the template is
translated (context "Messages"), then filled with its arguments, themselves translated when they
are messages, field names or enumeration members. A pseudo-translation ("ZH:" before every
source text) stands in for zh_CN, whose .ts file gets the new strings when translations are
merged."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QMessageBox

from fieldvisit.domain import rules
from fieldvisit.domain.enums import VisitStatus
from fieldvisit.domain.errors import FieldVisitError, ValidationError
from fieldvisit.domain.messages import FieldName, Joined, Message
from fieldvisit.services.package import PackageError
from fieldvisit.services.roster_import import FIELD_LABELS
from fieldvisit.ui.errors import show_error
from fieldvisit.ui.messages import error_text, message_text
from tests.unit.test_messages import marked_templates

ROOT = Path(__file__).resolve().parents[2]


class PseudoTranslator(QTranslator):
    """Translates every text of every context to "ZH:" + the source text."""

    def __init__(self, prefix: str = "ZH:", suffix: str = "") -> None:
        super().__init__()
        self.prefix, self.suffix = prefix, suffix

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"{self.prefix}{source}{self.suffix}"

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo(qapp):
    translator = PseudoTranslator()
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: texts.append(text))
    return texts


def _raised(action) -> FieldVisitError:
    with pytest.raises(FieldVisitError) as info:
        action()
    return info.value


def test_show_error_shows_the_translated_template_with_its_arguments(pseudo, shown):
    error = _raised(lambda: rules.check_date_range(date(2023, 7, 20), date(2023, 7, 1)))
    show_error(None, error)
    assert shown == ["ZH:end date 2023-07-01 is before start date 2023-07-20"]
    assert str(error) == "end date 2023-07-01 is before start date 2023-07-20"  # CLI: English


def test_field_names_and_enumeration_members_are_translated_too(pseudo, shown):
    show_error(None, _raised(lambda: rules.require_text("", "title")))
    show_error(None, _raised(lambda: rules.check_status_change(VisitStatus.DRAFT,
                                                               VisitStatus.REPORTED)))
    assert shown == ["ZH:ZH:title must not be empty",
                     "ZH:a visit cannot go from ZH:Draft to ZH:Reported directly; "
                     "next is ZH:Planned"]


def test_messages_inside_messages_are_translated(pseudo, shown):
    problem = Message("the member {name} is truncated", name="visit.json")
    show_error(None, PackageError(Path("/tmp/x.fieldvisit"), problem))
    assert shown == ["ZH:“x.fieldvisit” cannot be imported: ZH:the member visit.json is "
                     "truncated; nothing was changed"]
    in_use = Joined([Message("{count} people", count=3), Message("{count} sites", count=1)])
    assert message_text(in_use) == "ZH:3 peopleZH:, ZH:1 sites"
    roster_field = FieldName("name", FIELD_LABELS["name"])
    assert message_text(Message("{field} is missing", field=roster_field)) == \
        "ZH:ZH:Name is missing"


def test_os_errors_with_a_message_are_translated(pseudo, shown):
    error = OSError(28, Message("cannot store the photo “{file}”: {error}", file="a.jpg",
                                error="No space left on device"), "/photos/a.jpg")
    show_error(None, error)
    assert shown == ["ZH:cannot store the photo “a.jpg”: No space left on device\n/photos/a.jpg"]


def test_a_translation_that_breaks_a_placeholder_falls_back_to_english(qapp):
    broken = PseudoTranslator(suffix=" {nonexistent}")
    qapp.installTranslator(broken)
    try:
        error = _raised(lambda: rules.check_timezone("Mars/Olympus"))
        assert error_text(error) == "unknown time zone 'Mars/Olympus'"
    finally:
        qapp.removeTranslator(broken)


def test_without_a_translation_the_interface_shows_the_english_text(shown):
    error = _raised(lambda: rules.require_text("", "title"))
    show_error(None, error)
    plain = ValidationError("text that no one marked")
    show_error(None, plain)
    assert shown == [str(error), "text that no one marked"]


def test_roster_import_dialog_shows_reasons_translated(pseudo, qtbot, database, tmp_path):
    from fieldvisit.ui.dialogs.roster_import_dialog import RosterImportDialog

    roster = tmp_path / "名单.csv"
    roster.write_text("姓名,单位,电话\n潘建新,市总工会,010-1234\n韦江,市妇联,bad-phone!\n",
                      encoding="utf-8")
    dialog = RosterImportDialog(database, path=roster)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.task.finished, timeout=10000):
        pass
    reason = dialog.preview.index(1, dialog.preview.columnCount() - 1).data()
    assert dialog.preview.row_at(1).reason == "'bad-phone!' is not a phone number"
    assert reason == "ZH:'bad-phone!' is not a phone number"


def _load_translations():
    spec = importlib.util.spec_from_file_location("translations",
                                                  ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lupdate_collects_every_marked_template(tmp_path):
    translations = _load_translations()
    assert {"fieldvisit/domain/messages.py", "fieldvisit/services/roster_import.py",
            "fieldvisit/persistence/db.py", "fieldvisit/ui/errors.py"} <= \
        set(translations.sources())
    ts = translations.update(tmp_path / "fieldvisit_zh_CN.ts")
    found: dict[str, set[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        found.setdefault(context.findtext("name"), set()).update(
            message.findtext("source") for message in context.iter("message"))
    templates = marked_templates()
    assert len(templates) > 150
    assert templates - found.get("Messages", set()) == set()
    assert {"end date", "travel time", "walking speed"} <= found["Fields"]
