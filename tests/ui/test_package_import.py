"""File ▸ Import of a package that would change a directory record used only by other visits:
the record stays, and the status bar says so."""

from __future__ import annotations

from fieldvisit.domain.plain import to_plain
from fieldvisit.services import delegation, directory, package
from fieldvisit.services.visits import create_visit
from fieldvisit.ui.main_window import MainWindow
from tests.integration.package_tools import build, document_of, members_of, with_document


def test_the_status_bar_says_what_was_kept(qtbot, database, uow, sample_visit_id, tmp_path):
    other = create_visit(uow, "另一次调研")
    theirs = directory.create_organization(uow, "区司法局")
    delegation.add_participation(uow, other.id, theirs.id)
    members = members_of(package.pack_visit(uow, database.photo_root, sample_visit_id,
                                            tmp_path / "v.fieldvisit").path)
    document = document_of(members)
    document["organizations"].append({**to_plain(theirs), "name": "被篡改的单位"})
    path = build(tmp_path / "hostile.fieldvisit", with_document(members, document))
    window = MainWindow(database)
    qtbot.addWidget(window)
    task = window.run_import(path)
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    message = window.statusBar().currentMessage()
    assert "1 directory records kept: used only by other visits" in message, message
    with uow:
        assert uow.organizations.get(theirs.id).name == "区司法局"
