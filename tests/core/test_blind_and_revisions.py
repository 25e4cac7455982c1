"""Blind is a rule of the aggregate and the store, not of a screen: no agreed grade before every
member has graded the area; a member's view shows nobody else's marks, agreed grades or totals
until they have graded every area; a grade changed after the others' were shown is recorded."""

from __future__ import annotations

import pytest

from pcso_interview.lifecycle import SessionRuleError
from pcso_interview.session import Session
from pcso_interview.store import Store
from tests.store_support import indicators, new_session, sign_all


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "sessions.db")
    yield opened
    opened.close()


def test_no_agreed_grade_before_every_member_has_graded_the_area(store):
    sid = new_session(store)
    area = store.load(sid).planned_areas[0]
    store.grade(sid, "m1", area.id, 3)
    with pytest.raises(SessionRuleError, match="still to grade: Bob Member"):
        store.agree(sid, area.id, 3)
    assert store.load(sid).agreed == {}
    store.grade(sid, "m2", area.id, 4)
    store.agree(sid, area.id, 3)
    assert store.load(sid).agreed_grade(area.id) == 3


def test_a_derived_agreed_grade_waits_too(store):
    """The chair method would have shown the chair's grade as agreed at once."""
    from dataclasses import replace

    sid = new_session(store)
    session = store.load(sid)
    area = session.planned_areas[0]
    store.grade(sid, "m1", area.id, 4)
    chair_method = replace(store.load(sid), profile_cache=replace(session.profile, method="chair"))
    assert chair_method.agreed_grade(area.id) is None


def test_a_members_view_before_submitting_shows_only_their_own(store):
    sid = new_session(store)
    first = indicators()[0]
    store.classify(sid, "m1", first, "demonstrated")
    store.note(sid, "m1", first, "The chair's own note")
    for area in store.load(sid).planned_areas:
        store.grade(sid, "m1", area.id, 3)
    store.classify(sid, "m2", first, "contrary")
    session = store.load(sid)
    bob = session.visible_to("m2")
    assert bob.blind
    assert set(bob.marks) == {("m2", first)}
    assert bob.grades == {}
    assert all(bob.agreed_grade(a.id) is None for a in bob.planned_areas)
    assert bob.outcome.weighted_total == 0
    assert session.visible_to("m1") is session  # the chair has graded everything


def test_a_grade_changed_after_the_reveal_is_recorded_signed_and_rebuilt(store):
    sid = new_session(store)
    areas = store.load(sid).planned_areas
    for area in areas:
        store.grade(sid, "m1", area.id, 3)
        store.grade(sid, "m2", area.id, 5)
    store.grade(sid, "m2", areas[0].id, 3)  # Bob has seen the chair's 3
    for area in areas:
        store.agree(sid, area.id, 3)
    session = store.load(sid)
    (revision,) = session.revisions
    assert (revision.member_id, revision.area_id, revision.old, revision.new) == (
        "m2",
        areas[0].id,
        5,
        3,
    )
    assert session.revision_text(revision) == (
        "Bob Member changed this grade from 5 to 3 after the grades were shown"
    )
    sign_all(store, sid)
    (version,) = store.signed_versions(sid)
    assert version.content["revisions"][0]["old"] == 5
    rebuilt = Session.from_signed_content(version.content)
    assert rebuilt.revisions == store.load(sid).revisions
    assert rebuilt.digest() == version.digest


def test_a_grade_changed_before_the_reveal_is_not_a_revision(store):
    sid = new_session(store)
    area = store.load(sid).planned_areas[0]
    store.grade(sid, "m2", area.id, 5)
    store.grade(sid, "m2", area.id, 4)  # Bob has not graded everything: he has seen nothing
    assert store.load(sid).revisions == ()


def test_a_session_with_a_revision_moves_between_laptops_unchanged(tmp_path, capsys):
    from tests.cli_support import cli

    a, b = tmp_path / "a" / "sessions.db", tmp_path / "b" / "sessions.db"
    a.parent.mkdir()
    b.parent.mkdir()
    store = Store.open(a)
    sid = new_session(store)
    areas = store.load(sid).planned_areas
    for area in areas:
        store.grade(sid, "m1", area.id, 3)
        store.grade(sid, "m2", area.id, 5)
    store.grade(sid, "m2", areas[0].id, 4)
    for area in areas:
        store.agree(sid, area.id, 4)
    sign_all(store, sid)
    digest = store.load(sid).digest()
    revisions = store.load(sid).revisions
    store.close()
    out = tmp_path / "session.json"
    assert cli(capsys, "--db", a, "export", sid, "-o", out)[0] == 0
    status, _, err = cli(capsys, "--db", b, "import", out)
    assert status == 0, err
    other = Store.open(b)
    try:
        moved = other.load(sid)
        assert moved.revisions == revisions and len(revisions) == 1
        assert moved.digest() == digest and moved.record_problems == ()
    finally:
        other.close()
