"""The next step in words: a plain function of the session, checked without a window."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pcso_interview.guidance import Keys, next_step, next_step_phrase
from pcso_interview.lifecycle import Status
from pcso_interview.phrases import ENGLISH, Phrase
from pcso_interview.session import Session, SignOff
from tests.store_support import ANN, BOB, profile

GWENT = profile("gwent-cso")
AREAS = [a.id for a in GWENT.planned_areas]


def session(**changes) -> Session:
    made = Session(
        id="s1",
        profile_snapshot={},
        candidate_name="Gwenllïan Ŵyn",
        candidate_ref="C-0412",
        date="2026-11-23",
        venue="HQ",
        panel=(ANN, BOB),
        profile_cache=GWENT,
    )
    return replace(made, **changes)


def graded(s: Session, member_id: str, areas: list[str], grade: int = 3) -> Session:
    for area_id in areas:
        s = s.with_grade(member_id, area_id, grade)
    return s


def test_nothing_open_and_read_only_views():
    assert next_step(None, "") == "open a session"
    assert next_step(session(), "m1", AREAS[0], read_only=True).startswith("nothing")
    locked = session(status=Status.SIGNED)
    assert next_step(locked, "m1", AREAS[0]) == (
        "nothing: this session is read-only (Ctrl+P for the marking sheet)"
    )


def test_an_ungraded_area_asks_for_classification_then_a_grade():
    assert next_step(session(), "m1", AREAS[0]) == (
        "classify each indicator (D, P, C, N), then grade the area (1-5)"
    )


def test_a_graded_area_points_to_the_next_one_while_some_are_left():
    s = graded(session(), "m1", AREAS[:1])
    assert next_step(s, "m1", AREAS[0]) == (
        "the next area (Ctrl+PgDown); Ann Chair has areas still to grade"
    )


def test_members_still_grading_are_named():
    s = graded(session(), "m1", AREAS)
    assert next_step(s, "m1", AREAS[0]) == (
        "Bob Member to grade every area (Ctrl+M to switch member)"
    )
    assert next_step(s, "m1", None).startswith("Bob Member to grade every area")


def test_consensus_then_sign_off():
    s = graded(graded(session(), "m1", AREAS), "m2", AREAS)
    assert next_step(s, "m1", None) == "agree the grades in Consensus (Ctrl+K)"
    for area_id in AREAS:
        s = s.with_agreed(area_id, 3, "")
    assert next_step(s, "m2", AREAS[2]) == "sign off (Ctrl+Shift+S)"


def test_the_screen_names_its_own_keys():
    keys = Keys(next_area="PgDn", scoring_as="F2", consensus="F3", signoff="F4", sheet="F5")
    s = graded(session(), "m1", AREAS[:1])
    assert "(PgDn)" in next_step(s, "m1", AREAS[0], keys=keys)
    assert "(F5 for the marking sheet)" in next_step(
        session(status=Status.WITHDRAWN), "m1", None, keys=keys
    )
    assert "(F2 to switch member)" in next_step(graded(s, "m1", AREAS), "m1", None, keys=keys)


def test_once_one_member_has_signed_the_others_are_still_asked_to_sign():
    s = graded(graded(session(), "m1", AREAS), "m2", AREAS)
    for area_id in AREAS:
        s = s.with_agreed(area_id, 3, "")
    s = replace(s, signoffs=(SignOff("m1", "typed", "Ann Chair", "", "2026-11-23T10:00:00Z"),))
    assert next_step(s, "m2", None) == "sign off (Ctrl+Shift+S)"


def test_the_step_is_a_phrase_whose_english_is_the_sentence():
    """The screens word the step in their language from its key and fields: names and key
    names are fields, never words inside a finished English sentence."""
    s = graded(session(), "m1", AREAS)
    step = next_step_phrase(s, "m1", None)
    assert step.key == "step.waiting"
    assert dict(step.fields) == {"members": "Bob Member", "shortcut": "Ctrl+M"}
    assert str(step) == next_step(s, "m1", None)
    assert set(ENGLISH) >= {"step.open", "step.classify", "step.signoff"}
    with pytest.raises(KeyError):
        Phrase.of("step.unknown")
