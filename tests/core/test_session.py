"""The session aggregate: lifecycle, panel rules, blind scoring, agreed grades, lock and digest."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pcso_interview.lifecycle import TRANSITIONS, SessionRuleError, Status, check_transition
from pcso_interview.scoring import Classification, Result
from pcso_interview.session import (
    Agreed,
    Mark,
    Member,
    Role,
    Session,
    SignOff,
    canonical_json,
    check_panel,
    digest,
)

FAST = settings()  # the run's profile (tests/conftest.py): quick or thorough
KENT = "kent-crime-prevention-pcso"
CHAIR = Member("m1", "Alex Rhys", "chair", "4521")
MEMBER = Member("m2", "Bethan Ŵyn", "member", "C 1234")


# --- lifecycle -----------------------------------------------------------------------------------

ALL_PAIRS = list(itertools.product(Status, Status))
LEGAL = [(a, b) for a, b in ALL_PAIRS if b in TRANSITIONS[a]]
ILLEGAL = [(a, b) for a, b in ALL_PAIRS if b not in TRANSITIONS[a]]


def test_transition_table_covers_every_status():
    """Every status has an entry, so no state is a dead end by omission."""
    assert set(TRANSITIONS) == set(Status)
    assert len(LEGAL) == 16
    assert len(LEGAL) + len(ILLEGAL) == len(Status) ** 2


@pytest.mark.parametrize(("current", "target"), LEGAL)
def test_legal_transitions_pass(current, target):
    """Each transition the table allows is accepted."""
    check_transition(current, target)


@pytest.mark.parametrize(("current", "target"), ILLEGAL)
def test_illegal_transitions_raise(current, target):
    """Anything else is refused with a message for the user, staying put included."""
    with pytest.raises(SessionRuleError, match="cannot move to"):
        check_transition(current, target)


def test_signed_session_only_reopens():
    """A signed sheet cannot be edited back into scoring except through HR's reopen."""
    assert TRANSITIONS[Status.SIGNED] == {Status.REOPENED}
    assert TRANSITIONS[Status.WITHDRAWN] == {Status.REOPENED}
    assert Status.SIGNED not in TRANSITIONS[Status.SCORING]


@pytest.mark.parametrize("status", list(Status))
def test_locked_statuses(status):
    """Only signed and withdrawn sessions are locked."""
    assert status.locked is (status in (Status.SIGNED, Status.WITHDRAWN))


# --- panel ---------------------------------------------------------------------------------------


def members(n: int) -> tuple[Member, ...]:
    others = (Member(f"x{i}", f"Member {i}", "member", str(i)) for i in range(n - 1))
    return (CHAIR, *others)


@pytest.mark.parametrize("size", [1, 2, 5])
def test_panel_sizes_allowed(size):
    """One to five members, exactly one chair."""
    check_panel(members(size))


@pytest.mark.parametrize(
    ("panel", "message"),
    [
        ((), "1 to 5"),
        (members(6), "not 6"),
        ((replace(CHAIR, role="member"), MEMBER), "exactly one chair, not 0"),
        ((CHAIR, replace(MEMBER, role="chair")), "exactly one chair, not 2"),
        ((CHAIR, replace(MEMBER, name="   ")), "needs a name"),
        ((CHAIR, replace(MEMBER, id=CHAIR.id)), "same id"),
    ],
)
def test_bad_panels_refused(panel, message):
    """Each broken panel gets its own clear refusal."""
    with pytest.raises(SessionRuleError, match=re.escape(message)):
        check_panel(panel)


def test_a_role_is_chair_or_member_from_any_source():
    """A role read as text (a row, a file) becomes the enum, or is refused in words."""
    assert replace(MEMBER, role="chair").role is Role.CHAIR
    with pytest.raises(SessionRuleError, match="chair or member, not 'observer'"):
        replace(MEMBER, role="observer")


# --- a session -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kent_snapshot(builtin_profiles) -> dict[str, Any]:
    return builtin_profiles.get(KENT).to_dict()


def make_session(snapshot: dict[str, Any], **changes: Any) -> Session:
    """A fresh two-member session on Kent, scoring, nothing recorded yet."""
    base = Session(
        id="s-0001",
        profile_snapshot=snapshot,
        candidate_name="Catrin Ŷr",
        candidate_ref="C-0412",
        date="2026-11-23",
        venue="Headquarters, Room 2",
        panel=(CHAIR, MEMBER),
        status=Status.SCORING,
    )
    return replace(base, **changes)


@pytest.fixture
def session(kent_snapshot) -> Session:
    return make_session(kent_snapshot)


def with_method(snapshot: dict[str, Any], method: str) -> dict[str, Any]:
    copy = json.loads(json.dumps(snapshot))
    copy["agreed_grade_method"] = method
    return copy


def area_ids(session: Session) -> list[str]:
    return [a.id for a in session.planned_areas]


def grade_all(session: Session, member_id: str, grade: int) -> dict[tuple[str, str], int]:
    return {(member_id, a): grade for a in area_ids(session)}


def completed(snapshot: dict[str, Any]) -> Session:
    """Both members have graded everything and the chair has recorded every agreed grade."""
    s = make_session(snapshot, status=Status.AWAITING_SIGNOFF)
    grades = {**grade_all(s, "m1", 3), **grade_all(s, "m2", 4)}
    agreed = {a: Agreed(4) for a in area_ids(s)}
    return replace(s, grades=grades, agreed=agreed)


def test_snapshot_is_the_profile(session, builtin_profiles):
    """The session reads its profile from the snapshot, not from the current file."""
    assert session.profile == builtin_profiles.get(KENT)
    assert len(session.planned_areas) == 10
    assert session.chair == CHAIR
    assert session.member("m2") == MEMBER
    with pytest.raises(SessionRuleError):
        session.member("nobody")


def test_counts(session):
    """A member's counts cover only their own marks, and only that area's indicators."""
    area = session.profile.area("integrity")
    ids = [i.id for i in area.indicators]
    other = session.profile.area("transparency").indicators[0].id
    marks = {
        ("m1", ids[0]): Mark(Classification.DEMONSTRATED),
        ("m1", ids[1]): Mark(Classification.DEMONSTRATED, "clear example"),
        ("m1", ids[2]): Mark(Classification.PARTLY),
        ("m1", ids[3]): Mark(Classification.CONTRARY),
        ("m1", ids[4]): Mark(Classification.NONE, "asked, no answer"),
        ("m2", ids[5]): Mark(Classification.DEMONSTRATED),
        ("m1", other): Mark(Classification.DEMONSTRATED),
    }
    s = replace(session, marks=marks)
    c = s.counts("m1", "integrity")
    assert (c.demonstrated, c.partly, c.contrary, c.nothing) == (2, 1, 1, len(ids) - 4)
    assert c.total == len(ids) == 8
    assert s.counts("m2", "integrity").demonstrated == 1
    assert s.mark("m1", ids[1]).note == "clear example"
    assert s.mark("m2", ids[0]) == Mark()
    assert s.area_of_indicator(other).id == "transparency"
    with pytest.raises(SessionRuleError):
        s.area_of_indicator("no-such-indicator")


def test_blind_until_submitted(session):
    """A member sees others' marks only once they have graded every planned area."""
    ids = area_ids(session)
    partly = replace(session, grades={("m1", a): 3 for a in ids[:-1]})
    assert partly.graded_count("m1") == 9
    assert not partly.has_submitted("m1")
    full = replace(session, grades={**grade_all(session, "m1", 3), ("m2", ids[0]): 2})
    assert full.graded_count("m1") == 10
    assert full.has_submitted("m1")
    assert full.graded_count("m2") == 1
    assert not full.has_submitted("m2")
    assert not full.all_submitted
    both = replace(full, grades={**grade_all(session, "m1", 3), **grade_all(session, "m2", 2)})
    assert both.all_submitted


def test_grades_outside_the_plan_do_not_count_towards_submission(session):
    """Only planned areas count; a stray key cannot make a member look finished."""
    grades = {("m1", a): 3 for a in area_ids(session)[:-1]}
    grades[("m1", "not-planned")] = 3
    s = replace(session, grades=grades)
    assert s.graded_count("m1") == 9
    assert not s.has_submitted("m1")


def test_agreed_grade_consensus(session):
    """Consensus: only what the chair records, whatever the members gave."""
    s = replace(session, grades={("m1", "integrity"): 3, ("m2", "integrity"): 4})
    assert s.agreed_grade("integrity") is None
    s = replace(s, agreed={"integrity": Agreed(4)})
    assert s.agreed_grade("integrity") == 4
    assert s.member_grades("integrity") == {"m1": 3, "m2": 4}


def test_agreed_grade_mean(kent_snapshot):
    """Mean: derived once both members grade, half up; a recorded grade is ignored."""
    s = make_session(with_method(kent_snapshot, "mean"), agreed={"integrity": Agreed(1)})
    s1 = replace(s, grades={("m1", "integrity"): 3})
    assert s1.agreed_grade("integrity") is None
    s2 = replace(s, grades={("m1", "integrity"): 3, ("m2", "integrity"): 4})
    assert s2.agreed_grade("integrity") == 4
    assert not s2.needs_rationale("integrity")


def test_agreed_grade_chair(kent_snapshot):
    """Chair: the chair's own grade, not the member's."""
    s = make_session(with_method(kent_snapshot, "chair"), agreed={"integrity": Agreed(5)})
    assert replace(s, grades={("m2", "integrity"): 4}).agreed_grade("integrity") is None
    s = replace(s, grades={("m1", "integrity"): 2, ("m2", "integrity"): 4})
    assert s.agreed_grade("integrity") == 2
    assert s.spread_flagged("integrity")


def test_rationale(session):
    """An agreed grade outside the members' range needs a written rationale before sign-off."""
    s = replace(
        session,
        grades={("m1", "integrity"): 3, ("m2", "integrity"): 4},
        agreed={"integrity": Agreed(5)},
    )
    assert s.needs_rationale("integrity")
    assert s.rationale_missing("integrity")
    s = replace(s, agreed={"integrity": Agreed(5, "   ")})
    assert s.rationale_missing("integrity"), "blank is not a rationale"
    s = replace(s, agreed={"integrity": Agreed(5, "Strong example given in discussion.")})
    assert s.needs_rationale("integrity")
    assert not s.rationale_missing("integrity")
    assert s.rationale("integrity") == "Strong example given in discussion."
    inside = replace(s, agreed={"integrity": Agreed(4)})
    assert not inside.needs_rationale("integrity")
    assert not s.needs_rationale("ownership")


def test_signoff_blockers(session, kent_snapshot):
    """Lists each member's remaining areas, each missing agreed grade, each missing rationale."""
    ids = area_ids(session)
    s = replace(
        session,
        grades={**grade_all(session, "m1", 3), ("m2", ids[0]): 3},
        agreed={ids[0]: Agreed(5)},
    )
    blockers = s.signoff_blockers()
    assert "Bethan Ŵyn has 9 area(s) still to grade." in blockers
    assert not any(b.startswith("Alex Rhys") for b in blockers)
    first = s.profile.area(ids[0]).name
    assert any(b.startswith(f"{first}: the agreed grade lies outside") for b in blockers)
    assert sum("no agreed grade yet" in b for b in blockers) == 9
    assert len(blockers) == 11

    ready = completed(kent_snapshot)
    assert ready.signoff_blockers() == []
    assert ready.outcome.result is Result.PASS


def test_check_editable(session, kent_snapshot):
    """Signed and withdrawn sessions are locked, and so is one where sign-off has begun."""
    session.check_editable()
    for status in (Status.SIGNED, Status.WITHDRAWN):
        with pytest.raises(SessionRuleError, match="locked"):
            replace(session, status=status).check_editable()
    started = replace(
        completed(kent_snapshot),
        signoffs=(SignOff("m1", "typed", "Alex Rhys", "", "2026-11-23T10:42:07Z"),),
    )
    with pytest.raises(SessionRuleError, match="Sign-off has begun"):
        started.check_editable()
    assert started.unsigned_members == (MEMBER,)
    assert started.signoff("m1") is not None
    assert started.signoff("m2") is None
    reopened = replace(completed(kent_snapshot), status=Status.REOPENED)
    reopened.check_editable()
    assert not reopened.locked


# --- canonical JSON and digest -------------------------------------------------------------------


def test_canonical_json_form():
    """Sorted keys at every depth, no whitespace, raw UTF-8: the same bytes on any machine."""
    value = {"b": 1, "a": "ŵ", "c": [3, {"z": "x y", "y": -2}], "d": ("t",)}
    out = canonical_json(value)
    assert out == '{"a":"ŵ","b":1,"c":[3,{"y":-2,"z":"x y"}],"d":["t"]}'.encode()
    assert b"\\u" not in out
    assert "ŵ".encode() in out


def test_golden_digest():
    """Pinned bytes and hash: any change in canonicalisation breaks old sheets, and this test."""
    value = {"b": 1, "a": "ŵ"}
    assert canonical_json(value) == b'{"a":"\xc5\xb5","b":1}'
    assert digest(value) == "2d664f92c5a20c42e8410cf03d2da67e57db189f9b75382b30123bc492ce36c7"
    assert digest(value) == hashlib.sha256(canonical_json(value)).hexdigest()


@pytest.mark.parametrize(
    "bad",
    [
        1.0,
        True,
        False,
        None,
        {"a": 0.5},
        {"a": [1, None]},
        {"a": {"b": True}},
        {1: "x"},
        {"a": b"x"},
    ],
)
def test_canonical_json_refuses_other_types(bad):
    """Floats, booleans and None have no single canonical spelling; refused, not coerced."""
    with pytest.raises(TypeError):
        canonical_json(bad)


@pytest.mark.parametrize(
    "profile_id",
    ["gwent-cso", "south-wales-pcso", "band-2e-pcso", "grade-c-pcso", KENT],
)
def test_every_shipped_profile_can_be_signed(builtin_profiles, profile_id):
    """A snapshot holds integers and strings only, so canonical JSON accepts every profile."""
    snapshot = builtin_profiles.get(profile_id).to_dict()
    s = replace(make_session(snapshot), status=Status.AWAITING_SIGNOFF)
    assert re.fullmatch(r"[0-9a-f]{64}", s.digest())
    assert json.loads(canonical_json(s.signed_content()))["profile"] == snapshot


def test_digest_of_equal_sessions_is_equal(kent_snapshot):
    """Two equal sessions built separately, marks in another order, give the same digest."""
    a = completed(kent_snapshot)
    ind = [i.id for i in a.profile.area("integrity").indicators]
    marks = {("m1", ind[0]): Mark(Classification.DEMONSTRATED, "n"), ("m2", ind[1]): Mark()}
    a = replace(a, marks=marks)
    b = completed(json.loads(json.dumps(kent_snapshot)))
    b = replace(b, marks=dict(reversed(list(marks.items()))))
    assert a is not b
    assert a.digest() == b.digest()
    assert re.fullmatch(r"[0-9a-f]{64}", a.digest())
    content = a.signed_content()
    assert content["outcome"]["result"] == "pass"
    assert content["profile"]["id"] == KENT
    assert len(content["marks"]) == 1, "an empty mark is not content"


CHANGE_KINDS = (
    "classification",
    "note",
    "area_note",
    "grade",
    "agreed",
    "rationale",
    "candidate",
    "reference",
    "signature",
    "signed_at",
    "venue",
    "question",
    "profile",
)


@st.composite
def single_changes(draw, base: Session, kind: str | None = None):
    """One change of the given kind (or any) to what a signature covers, with its kind."""
    ids = area_ids(base)
    members_ = [m.id for m in base.panel]
    indicators = [i.id for a in base.planned_areas for i in a.indicators]
    kind = kind or draw(st.sampled_from(CHANGE_KINDS))
    text = st.text(min_size=1, max_size=20).filter(str.strip)
    if kind in ("classification", "note"):
        key = (draw(st.sampled_from(members_)), draw(st.sampled_from(indicators)))
        old = base.mark(*key)
        if kind == "classification":
            new = draw(st.sampled_from([c for c in Classification if c is not old.classification]))
            mark = replace(old, classification=new)
        else:
            mark = replace(old, note=draw(text.filter(lambda t: t != old.note)))
        return kind, replace(base, marks={**base.marks, key: mark})
    if kind == "area_note":
        key = (draw(st.sampled_from(members_)), draw(st.sampled_from(ids)))
        note = draw(text.filter(lambda t: t != base.area_notes.get(key, "")))
        return kind, replace(base, area_notes={**base.area_notes, key: note})
    if kind == "grade":
        key = (draw(st.sampled_from(members_)), draw(st.sampled_from(ids)))
        grade = draw(st.integers(1, 5).filter(lambda g: g != base.grades.get(key)))
        return kind, replace(base, grades={**base.grades, key: grade})
    if kind in ("agreed", "rationale"):
        area = draw(st.sampled_from(ids))
        old = base.agreed[area]
        if kind == "agreed":
            new = replace(old, grade=draw(st.integers(1, 5).filter(lambda g: g != old.grade)))
        else:
            new = replace(old, rationale=draw(text.filter(lambda t: t != old.rationale)))
        return kind, replace(base, agreed={**base.agreed, area: new})
    if kind == "candidate":
        return kind, replace(
            base, candidate_name=draw(text.filter(lambda t: t != base.candidate_name))
        )
    if kind == "reference":
        return kind, replace(
            base, candidate_ref=draw(text.filter(lambda t: t != base.candidate_ref))
        )
    if kind == "venue":
        return kind, replace(base, venue=draw(text.filter(lambda t: t != base.venue)))
    if kind == "question":
        area = draw(st.sampled_from(ids))
        q = draw(text.filter(lambda t: t != base.question(area)))
        return kind, replace(base, questions={**base.questions, area: q})
    if kind == "profile":
        snapshot = json.loads(json.dumps(base.profile_snapshot))
        area = draw(st.integers(0, len(snapshot["areas"]) - 1))
        indicator = snapshot["areas"][area]["indicators"][0]
        indicator["text"] += draw(text)
        return kind, replace(base, profile_snapshot=snapshot)
    index = draw(st.integers(0, len(base.signoffs) - 1))
    old = base.signoffs[index]
    if kind == "signature":
        new = replace(
            old, signature_png_b64=draw(text.filter(lambda t: t != old.signature_png_b64))
        )
    else:
        new = replace(old, signed_at=draw(text.filter(lambda t: t != old.signed_at)))
    signoffs = (*base.signoffs[:index], new, *base.signoffs[index + 1 :])
    return kind, replace(base, signoffs=signoffs)


@pytest.fixture(scope="module")
def signed(kent_snapshot) -> Session:
    """A completed, signed session with a few marks and notes to change."""
    s = completed(kent_snapshot)
    ind = [i.id for i in s.profile.area("integrity").indicators]
    return replace(
        s,
        status=Status.SIGNED,
        marks={
            ("m1", ind[0]): Mark(Classification.DEMONSTRATED, "Gave a clear example."),
            ("m2", ind[0]): Mark(Classification.PARTLY),
            ("m2", ind[1]): Mark(Classification.CONTRARY, "Blamed a colleague."),
        },
        area_notes={("m1", "integrity"): "Good answer overall."},
        agreed={**s.agreed, "integrity": Agreed(4, "Discussed.")},
        signoffs=(
            SignOff("m1", "typed", "Alex Rhys", "", "2026-11-23T10:42:07Z"),
            SignOff("m2", "drawn", "", "iVBORw0KGgo=", "2026-11-23T10:43:10Z"),
        ),
    )


@pytest.fixture(scope="module")
def signed_digest(signed) -> str:
    return signed.digest()


@settings()
@given(st.data())
def test_any_single_change_changes_the_digest(signed, signed_digest, data):
    """A sheet that matches its digest cannot have been altered in any recorded detail."""
    kind, changed = data.draw(single_changes(signed), label="change")
    assert changed.digest() != signed_digest, kind


@pytest.mark.parametrize("kind", CHANGE_KINDS)
@settings(max_examples=10, deadline=None, derandomize=True, database=None)
@given(data=st.data())
def test_each_kind_of_change_changes_the_digest(signed, signed_digest, kind, data):
    """Every kind is exercised for sure, and a failure names the kind that slipped through."""
    _, changed = data.draw(single_changes(signed, kind), label="change")
    assert changed.digest() != signed_digest
