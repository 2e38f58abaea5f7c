"""A command's step is one transaction (``ServiceCommand``): run again as a whole when another
writer got in the way, with the command's own state as before the attempt; announced only
once committed."""

from __future__ import annotations

from fieldvisit.domain.enums import DelegationRole
from fieldvisit.domain.errors import ConcurrentWriteError
from fieldvisit.domain.messages import Message
from fieldvisit.services import concurrency, delegation, directory
from fieldvisit.ui.commands import CommandContext
from fieldvisit.ui.delegation_commands import AddMemberCommand


def test_a_step_another_writer_got_in_the_way_of_runs_again_as_a_whole(
        database, uow, sample_visit_id, monkeypatch):
    people = [directory.create_person(uow, name) for name in ("甲", "乙")]
    members = delegation.list_members(uow, sample_visit_id)
    announced, reported = [], []
    context = CommandContext(database, lambda change, show: announced.append(
        [m.person_id for m in delegation.list_members(database.unit_of_work(),
                                                       sample_visit_id)]),
        reported.append)
    real_add, calls = delegation.add_member, []

    def busy_once(*args, **kwargs):
        calls.append(args[2])
        if len(calls) == 2:  # the second addition of the first attempt
            raise ConcurrentWriteError(Message("the database is busy"))
        return real_add(*args, **kwargs)

    monkeypatch.setattr(delegation, "add_member", busy_once)
    monkeypatch.setattr(concurrency, "PAUSE", 0)
    command = AddMemberCommand(context, sample_visit_id, [(p.id, p.name) for p in people],
                               DelegationRole.MEMBER)
    command.redo()
    assert reported == [] and command.error is None
    assert calls == [people[0].id, people[1].id, people[0].id, people[1].id]
    assert len(command.member_ids) == 2  # not three: the first attempt's id is not kept
    stored = delegation.list_members(uow, sample_visit_id)
    assert [m.person_id for m in stored] == [m.person_id for m in members] + \
        [p.id for p in people]
    assert announced == [[m.person_id for m in stored]]  # once, after the commit
    command.undo()
    assert delegation.list_members(uow, sample_visit_id) == members
