"""The Store API: what the panel and HR do, committed and audited before each call returns."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pcso_interview.lifecycle import SessionRuleError, Status
from pcso_interview.session import Agreed, Mark, Member
from pcso_interview.store import SessionQuery, Store, UnknownSessionError, iso
from pcso_interview.store.records import SORT_COLUMNS
from tests.store_support import (
    ANN,
    BOB,
    KENT,
    LLYR,
    PANEL,
    WELSH_PANEL,
    Clock,
    agree_all,
    grade_all,
    indicators,
    new_session,
    profile,
    read,
    scored_session,
    sign_all,
    sign_as,
    signed_session,
)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "sessions.db"


@pytest.fixture
def store(db_path, clock):
    store = Store.open(db_path, clock=clock)
    yield store
    store.close()


def audit_rows(path: Path, session_id: str) -> list[tuple[str, str, str, str, str, str]]:
    """(action, actor, subject, old, new, at) as another connection sees them."""
    return read(
        path,
        "SELECT action, actor, subject, old, new, at FROM audit WHERE session_id = ? ORDER BY id",
        [session_id],
    )


def assert_committed(store: Store) -> None:
    """No transaction is left open: another connection can take the write lock at once."""
    assert not store.conn.in_transaction
    other = sqlite3.connect(store.path, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


# --- creating and loading ---------------------------------------------------------------------


def test_create_session_round_trips_through_load(store, db_path, clock):
    """What the chair entered at set-up is exactly what comes back, Welsh letters included."""
    kent = profile()
    area = kent.planned_areas[0].id
    sid = new_session(
        store,
        name="Gwenllïan Ŵyn",
        ref="C-0412",
        day="2025-03-03",
        venue="Maesteg Station, Room 2",
        panel=(ANN, BOB, LLYR),
        questions={area: "Tell us about a time you stayed calm when provoked."},
    )
    session = store.load(sid)
    assert session.id == sid
    assert session.candidate_name == "Gwenllïan Ŵyn"
    assert session.candidate_ref == "C-0412"
    assert session.date == "2025-03-03"
    assert session.venue == "Maesteg Station, Room 2"
    assert session.panel == (ANN, BOB, LLYR)
    assert session.chair == ANN
    assert session.status is Status.SETUP
    assert session.version == 1
    assert session.questions == {area: "Tell us about a time you stayed calm when provoked."}
    assert session.profile_snapshot == kent.to_dict()
    assert session.created_at == iso(clock.last)
    assert audit_rows(db_path, sid) == [
        (
            "create",
            "Ann Chair",
            "session",
            "",
            f"C-0412 Gwenllïan Ŵyn ({KENT}) on 2025-03-03",
            iso(clock.last),
        ),
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": "  "}, "candidate's name"),
        ({"ref": ""}, "candidate reference"),
        ({"day": "3/3/2025"}, "not a date"),
        ({"panel": (ANN, Member("m2", "Bob Member", "chair", ""))}, "exactly one chair"),
        ({"panel": (ANN, Member("m1", "Bob Member", "member", ""))}, "same id"),
        ({"panel": ()}, "1 to 5 members"),
    ],
)
def test_create_session_refuses_incomplete_details(store, db_path, change, message):
    """A session with no candidate, no date or a broken panel is never stored."""
    with pytest.raises(SessionRuleError, match=message):
        new_session(store, **change)
    assert read(db_path, "SELECT count(*) FROM sessions") == [(0,)]
    assert read(db_path, "SELECT count(*) FROM audit") == [(0,)]


def test_marks_notes_grades_and_agreed_grades_round_trip(store):
    """Every kind of mark a member records is loaded back as recorded."""
    sid = new_session(store, panel=WELSH_PANEL)
    ind = indicators()
    area = profile().planned_areas[0].id
    store.classify(sid, "m3", ind[0], "demonstrated")
    store.classify(sid, "m3", ind[1], "contrary")
    store.note(sid, "m3", ind[1], "Dywedodd y byddai'n anwybyddu'r gŵyn.")
    store.note(sid, "m1", ind[2], "Note only, nothing classified yet.")
    store.area_note(sid, "m1", area, "Strong example; gave the outcome.")
    store.grade(sid, "m1", area, 4)
    store.grade(sid, "m3", area, 2)
    store.agree(sid, area, 3, "Discussed the dispute example.")
    session = store.load(sid)
    assert session.marks == {
        ("m3", ind[0]): Mark("demonstrated"),
        ("m3", ind[1]): Mark("contrary", "Dywedodd y byddai'n anwybyddu'r gŵyn."),
        ("m1", ind[2]): Mark("none", "Note only, nothing classified yet."),
    }
    assert session.area_notes == {("m1", area): "Strong example; gave the outcome."}
    assert session.grades == {("m1", area): 4, ("m3", area): 2}
    assert session.agreed == {area: Agreed(3, "Discussed the dispute example.")}
    assert session.spread_flagged(area)


def test_unknown_member_indicator_or_grade_is_refused(store, db_path):
    """The store applies the session rules: nothing outside the panel, profile or scale."""
    sid = new_session(store)
    area = profile().planned_areas[0].id
    with pytest.raises(SessionRuleError, match="No panel member"):
        store.classify(sid, "m9", indicators()[0], "demonstrated")
    with pytest.raises(SessionRuleError, match="No indicator"):
        store.classify(sid, "m1", "not-an-indicator", "demonstrated")
    with pytest.raises(SessionRuleError, match="not a grade on this scale"):
        store.grade(sid, "m1", area, 7)
    with pytest.raises(UnknownSessionError):
        store.classify("no-such-session", "m1", indicators()[0], "demonstrated")
    assert read(db_path, "SELECT count(*) FROM marks") == [(0,)]
    assert read(db_path, "SELECT count(*) FROM grades") == [(0,)]
    assert len(audit_rows(db_path, sid)) == 1  # only the creation


def test_a_grade_off_the_scale_is_refused_in_one_wording_everywhere(store):
    """A member's grade, an agreed grade and a session file's grade are refused by one rule,
    in the same words the consensus table shows."""
    sid = new_session(store)
    area = profile().planned_areas[0].id
    words = profile().scale.grade_problem(7)
    assert words == "7 is not a grade on this scale (1, 2, 3, 4, 5)."
    with pytest.raises(SessionRuleError) as own:
        store.grade(sid, "m1", area, 7)
    for m in store.load(sid).panel:
        store.grade(sid, m.id, area, 3)
    with pytest.raises(SessionRuleError) as agreed:
        store.agree(sid, area, 7, "")
    incoming = replace(store.load(sid), grades={("m2", profile().planned_areas[1].id): 7})
    with pytest.raises(SessionRuleError) as merged:
        store.merge_member_marks(incoming, "m2", "HR")
    assert str(own.value) == str(agreed.value) == str(merged.value) == words
    assert profile().scale.grade_problem(3) == ""
    assert profile().scale.grade_problem(True) != ""  # a bool is not a grade


# --- committed and audited --------------------------------------------------------------------


def test_every_change_is_committed_with_its_audit_row_before_returning(store, db_path, clock):
    """Each call is on disk, with what/who/old/new/when, the moment it returns."""
    sid = new_session(store, panel=WELSH_PANEL)
    ind = indicators()[0]
    area = profile().planned_areas[0].id

    def one_value(sql: str) -> object:
        rows = read(db_path, sql, [sid])
        return rows[0][0] if rows else None

    mark = f"SELECT classification FROM marks WHERE session_id = ? AND indicator_id = '{ind}'"
    note = f"SELECT note FROM marks WHERE session_id = ? AND indicator_id = '{ind}'"
    steps = [
        (
            lambda: store.classify(sid, "m3", ind, "partly"),
            ("classify", "Llŷr Ŵyn", f"m3/{ind}", "none", "partly"),
            (mark, "partly"),
        ),
        (
            lambda: store.classify(
                sid, "m3", ind, "demonstrated", actor="Llŷr Ŵyn (typed by chair)"
            ),
            ("classify", "Llŷr Ŵyn (typed by chair)", f"m3/{ind}", "partly", "demonstrated"),
            (mark, "demonstrated"),
        ),
        (
            lambda: store.note(sid, "m3", ind, "Arhosodd yn dawel."),
            ("note", "Llŷr Ŵyn", f"m3/{ind}", "", "Arhosodd yn dawel."),
            (note, "Arhosodd yn dawel."),
        ),
        (
            lambda: store.area_note(sid, "m1", area, "Good example"),
            ("area note", "Ann Chair", f"m1/{area}", "", "Good example"),
            ("SELECT note FROM area_notes WHERE session_id = ?", "Good example"),
        ),
        (
            lambda: store.grade(sid, "m1", area, 4),
            ("grade", "Ann Chair", f"m1/{area}", "", "4"),
            ("SELECT grade FROM grades WHERE session_id = ?", 4),
        ),
        (
            lambda: store.grade(sid, "m1", area, None),
            ("grade", "Ann Chair", f"m1/{area}", "4", ""),
            ("SELECT grade FROM grades WHERE session_id = ?", None),
        ),
        (
            lambda: store.set_question(sid, area, "What would you do first?"),
            ("question", "Ann Chair", area, "", "What would you do first?"),
            ("SELECT question FROM questions WHERE session_id = ?", "What would you do first?"),
        ),
        (
            lambda: store.update_details(
                sid,
                candidate_name="Gwenllïan Ŵyn",
                candidate_ref="C-0002",
                date="2025-03-03",
                venue="Headquarters, Interview Room 1",
            ),
            ("details", "Ann Chair", "candidate_ref", "C-0001", "C-0002"),
            ("SELECT candidate_ref FROM sessions WHERE id = ?", "C-0002"),
        ),
        (
            lambda: store.grade(sid, "m1", area, 3),
            ("grade", "Ann Chair", f"m1/{area}", "", "3"),
            ("SELECT grade FROM grades WHERE session_id = ? AND member_id = 'm1'", 3),
        ),
        (  # every member has graded the area: only now may the panel agree a grade
            lambda: store.grade(sid, "m3", area, 3),
            ("grade", "Llŷr Ŵyn", f"m3/{area}", "", "3"),
            ("SELECT grade FROM grades WHERE session_id = ? AND member_id = 'm3'", 3),
        ),
        (
            lambda: store.agree(sid, area, 3, "after discussion"),
            ("agree", "Ann Chair", profile().area(area).name, "", "3 after discussion"),
            (
                "SELECT grade || ' ' || rationale FROM agreed WHERE session_id = ?",
                "3 after discussion",
            ),
        ),
    ]
    for call, expected_audit, (sql, expected_value) in steps:
        before = audit_rows(db_path, sid)
        call()
        assert_committed(store)
        assert one_value(sql) == expected_value, expected_audit
        added = audit_rows(db_path, sid)[len(before) :]
        changes = [row for row in added if row[0] != "status"]
        assert changes == [(*expected_audit, iso(clock.last))]


def test_repeating_the_same_value_writes_no_audit_row(store, db_path):
    """A click that changes nothing leaves no trace to explain later."""
    sid = new_session(store)
    ind = indicators()[0]
    store.classify(sid, "m1", ind, "demonstrated")
    count = len(audit_rows(db_path, sid))
    store.classify(sid, "m1", ind, "demonstrated")
    store.note(sid, "m1", ind, "")
    assert len(audit_rows(db_path, sid)) == count


def test_a_change_that_fails_part_way_leaves_nothing_behind(store, db_path, monkeypatch):
    """The mark, its audit row and the status move are one transaction: all or nothing."""
    sid = new_session(store)
    before = audit_rows(db_path, sid)

    def fail_after_the_insert(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(store, "_after_change", fail_after_the_insert)
    with pytest.raises(RuntimeError):
        store.classify(sid, "m1", indicators()[0], "demonstrated")
    assert_committed(store)
    assert read(db_path, "SELECT count(*) FROM marks") == [(0,)]
    assert audit_rows(db_path, sid) == before
    monkeypatch.undo()
    store.classify(sid, "m1", indicators()[0], "demonstrated")
    assert read(db_path, "SELECT count(*) FROM marks") == [(1,)]


# --- lifecycle --------------------------------------------------------------------------------


def test_status_moves_from_setup_to_signed(store, db_path):
    """The status follows the work: setup, scoring, consensus, awaiting sign-off, signed."""
    sid = new_session(store)
    seen = [store.load(sid).status]
    store.classify(sid, "m1", indicators()[0], "demonstrated")
    seen.append(store.load(sid).status)
    grade_all(store, sid, 3)
    seen.append(store.load(sid).status)
    agree_all(store, sid, 3)
    assert store.load(sid).status is Status.CONSENSUS
    sign_as(store, sid, "m1", typed_name="Ann Chair")
    seen.append(store.load(sid).status)
    sign_as(store, sid, "m2", signature_png_b64="iVBORw0KGgo=")
    seen.append(store.load(sid).status)
    assert seen == [
        Status.SETUP,
        Status.SCORING,
        Status.CONSENSUS,
        Status.AWAITING_SIGNOFF,
        Status.SIGNED,
    ]
    steps = [
        (old, new) for action, _, _, old, new, _ in audit_rows(db_path, sid) if action == "status"
    ]
    assert steps == [
        ("setup", "scoring"),
        ("scoring", "consensus"),
        ("consensus", "awaiting_signoff"),
        ("awaiting_signoff", "signed"),
    ]
    assert read(db_path, "SELECT status FROM sessions WHERE id = ?", [sid]) == [("signed",)]
    methods = {s.member_id: s.method for s in store.load(sid).signoffs}
    assert methods == {"m1": "typed", "m2": "drawn"}


def test_a_change_of_two_steps_audits_each_step_from_the_one_before(store):
    """A lone chair's marks merged at once move setup to consensus: two audited steps,
    the second from scoring (not from setup again)."""
    sid = new_session(store, panel=(ANN,))
    here = store.load(sid)
    incoming = replace(here, grades={(ANN.id, a.id): 3 for a in here.planned_areas})
    assert store.merge_member_marks(incoming, ANN.id, "Ann Chair") == []
    assert store.load(sid).status is Status.CONSENSUS
    steps = [(e.old, e.new) for e in store.audit_trail(sid) if e.action == "status"]
    assert steps == [("setup", "scoring"), ("scoring", "consensus")]


def test_signing_is_refused_while_grades_are_missing(store, db_path):
    """Nobody can sign before every member has graded every area and grades are agreed."""
    sid = new_session(store)
    for area in profile().planned_areas:
        store.grade(sid, "m1", area.id, 3)
    with pytest.raises(SessionRuleError, match="Bob Member has 10 area"):
        sign_as(store, sid, "m1", typed_name="Ann Chair")
    for area in profile().planned_areas:
        store.grade(sid, "m2", area.id, 3)
    with pytest.raises(SessionRuleError, match="no agreed grade yet"):
        sign_as(store, sid, "m1", typed_name="Ann Chair")
    with pytest.raises(SessionRuleError, match="drawing a signature or typing"):
        sign_as(store, sid, "m1", typed_name="  ")
    assert read(db_path, "SELECT count(*) FROM signoffs") == [(0,)]
    assert store.load(sid).status is Status.CONSENSUS


def test_signing_needs_a_rationale_when_the_agreed_grade_lies_outside_the_members(store):
    """Consensus outside the members' range must be explained before anyone signs."""
    sid = scored_session(store, 3)
    area = profile().planned_areas[0]
    store.agree(sid, area.id, 5)
    with pytest.raises(SessionRuleError, match=f"{area.name}: .*rationale is required"):
        sign_as(store, sid, "m1", typed_name="Ann Chair")
    store.agree(sid, area.id, 5, "Panel agreed the example was exceptional.")
    sign_as(store, sid, "m1", typed_name="Ann Chair")
    assert store.load(sid).signoff("m1") is not None


def test_last_signature_locks_the_session_and_stores_its_digest(store, db_path, clock):
    """When everyone has signed: signed, closed, digest kept with sheet version 1."""
    sid = scored_session(store)
    sign_as(store, sid, "m1", typed_name="Ann Chair")
    after = sign_as(store, sid, "m2", typed_name="Bob Member")
    assert after.status is Status.SIGNED
    assert after.locked
    digest = after.digest()
    assert read(db_path, "SELECT status, digest, closed_at FROM sessions WHERE id = ?", [sid]) == [
        ("signed", digest, iso(clock.last))
    ]
    assert store.sheets(sid) == [{"version": 1, "digest": digest, "signed_at": iso(clock.last)}]
    result = store.verify(sid)
    assert result.matches
    assert result.stored_digest == result.computed_digest == digest
    assert ("lock", "Bob Member", "version 1", "", digest) in [
        row[:5] for row in audit_rows(db_path, sid)
    ]


def test_verify_of_an_unsigned_session_does_not_match(store):
    """Nothing was signed, so there is nothing a sheet could be checked against."""
    sid = scored_session(store)
    result = store.verify(sid)
    assert result.stored_digest == ""
    assert not result.matches


EDITS = {
    "classify": lambda s, sid, a, i: s.classify(sid, "m1", i, "contrary"),
    "note": lambda s, sid, a, i: s.note(sid, "m1", i, "changed afterwards"),
    "area_note": lambda s, sid, a, i: s.area_note(sid, "m1", a, "changed afterwards"),
    "grade": lambda s, sid, a, i: s.grade(sid, "m1", a, 5),
    "clear grade": lambda s, sid, a, i: s.grade(sid, "m1", a, None),
    "agree": lambda s, sid, a, i: s.agree(sid, a, 4, "changed afterwards"),
    "question": lambda s, sid, a, i: s.set_question(sid, a, "A different question?"),
    "details": lambda s, sid, a, i: s.update_details(
        sid, candidate_name="Someone Else", candidate_ref="C-9", date="2025-03-04", venue=""
    ),
    "sign again": lambda s, sid, a, i: s.sign(sid, "m1", typed_name="Ann Chair"),
    "clear signatures": lambda s, sid, a, i: s.clear_signatures(sid, "mistake", "Ann Chair"),
    "withdraw": lambda s, sid, a, i: s.withdraw(sid, "Left early.", "Ann Chair"),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_signed_session_refuses_every_edit(store, db_path, edit):
    """Signed means locked: every edit API says so, and the sheet still verifies."""
    sid = signed_session(store)
    before = store.load(sid)
    audit_before = audit_rows(db_path, sid)
    area = profile().planned_areas[0].id
    with pytest.raises(SessionRuleError):
        EDITS[edit](store, sid, area, indicators()[0])
    assert_committed(store)
    assert store.load(sid) == before
    assert store.load(sid).status is Status.SIGNED
    assert store.verify(sid).matches
    assert audit_rows(db_path, sid) == audit_before


def test_clear_signatures_works_before_the_last_signature_only(store, db_path):
    """The chair can undo a partial sign-off (with a reason) so marks may change again."""
    sid = scored_session(store)
    sign_as(store, sid, "m1", typed_name="Ann Chair")
    with pytest.raises(SessionRuleError, match="Sign-off has begun"):
        store.grade(sid, "m2", profile().planned_areas[0].id, 4)
    with pytest.raises(SessionRuleError, match="reason"):
        store.clear_signatures(sid, " ", "Ann Chair")
    store.clear_signatures(sid, "Bob wants to re-read his notes", "Ann Chair")
    session = store.load(sid)
    assert session.signoffs == ()
    assert session.status is Status.CONSENSUS
    assert ("clear signatures", "Ann Chair", "Bob wants to re-read his notes", "m1", "") in [
        row[:5] for row in audit_rows(db_path, sid)
    ]
    store.grade(sid, "m2", profile().planned_areas[0].id, 4)
    sign_all(store, sid)
    with pytest.raises(SessionRuleError, match="signed off and locked"):
        store.clear_signatures(sid, "too late", "Ann Chair")
    assert len(store.load(sid).signoffs) == 2


# --- HR: reopen, withdraw, purge --------------------------------------------------------------


def test_reopen_needs_a_written_reason_and_a_name(store, db_path):
    """Reopening is the one way back, so it is never anonymous or unexplained."""
    sid = signed_session(store)
    before = audit_rows(db_path, sid)
    with pytest.raises(SessionRuleError, match="reason"):
        store.reopen(sid, "   ", "Hana HR")
    with pytest.raises(SessionRuleError, match="name"):
        store.reopen(sid, "Candidate appealed.", " ")
    assert store.load(sid).status is Status.SIGNED
    assert audit_rows(db_path, sid) == before


def test_reopen_is_audited_and_the_next_signoff_makes_version_2(store, db_path, clock):
    """HR reopens with a reason; the panel re-signs; sheet v1 stays as it was signed."""
    sid = signed_session(store)
    v1 = store.sheets(sid)
    store.reopen(sid, "Grade for Integrity entered wrongly.", "Hana HR")
    session = store.load(sid)
    assert (session.status, session.version, session.signoffs) == (Status.REOPENED, 2, ())
    assert audit_rows(db_path, sid)[-1] == (
        "reopen",
        "Hana HR",
        "Grade for Integrity entered wrongly.",
        "signed v1",
        "reopened v2",
        iso(clock.last),
    )
    with pytest.raises(SessionRuleError):
        store.reopen(sid, "again", "Hana HR")  # already open
    integrity = "integrity"
    store.grade(sid, "m1", integrity, 4)
    store.agree(sid, integrity, 4)
    sign_all(store, sid)
    signed = store.load(sid)
    assert (signed.status, signed.version) == (Status.SIGNED, 2)
    sheets = store.sheets(sid)
    assert [s["version"] for s in sheets] == [1, 2]
    assert sheets[0] == v1[0]
    assert sheets[1]["digest"] == signed.digest() != v1[0]["digest"]
    assert store.verify(sid).matches
    assert store.verify(sid).version == 2
    assert read(db_path, "SELECT count(*) FROM signoffs WHERE session_id = ?", [sid]) == [(4,)]


def test_withdraw_needs_a_reason_and_locks(store, db_path):
    """A candidate who left is recorded with a reason, and nothing can be added afterwards."""
    sid = new_session(store)
    store.classify(sid, "m1", indicators()[0], "demonstrated")
    with pytest.raises(SessionRuleError, match="reason"):
        store.withdraw(sid, "  ", "Ann Chair")
    assert store.load(sid).status is Status.SCORING
    store.withdraw(sid, "Did not attend.", "Ann Chair")
    session = store.load(sid)
    assert (session.status, session.withdrawn_reason) == (Status.WITHDRAWN, "Did not attend.")
    assert read(db_path, "SELECT outcome FROM sessions WHERE id = ?", [sid]) == [("withdrawn",)]
    assert audit_rows(db_path, sid)[-1][:5] == (
        "withdraw",
        "Ann Chair",
        "Did not attend.",
        "scoring",
        "withdrawn",
    )
    with pytest.raises(SessionRuleError, match="withdrawn"):
        store.classify(sid, "m1", indicators()[1], "partly")
    with pytest.raises(SessionRuleError, match="withdrawn"):
        sign_as(store, sid, "m1", typed_name="Ann Chair")
    store.reopen(sid, "Candidate arrived late after all.", "Hana HR")
    assert store.load(sid).version == 1  # nothing was signed, so no new sheet version


def test_reopening_a_withdrawn_session_lists_it_by_its_marks_again(store, db_path):
    """HR's outcome filter must not keep finding a reopened session as withdrawn."""
    sid = scored_session(store)
    expected = store.load(sid).outcome
    store.withdraw(sid, "Left during the interview.", "Ann Chair")
    assert ids(store.query_sessions(SessionQuery(outcome="withdrawn"))) == [sid]
    store.reopen(sid, "Candidate returned and finished.", "Hana HR")
    assert read(
        db_path, "SELECT outcome, weighted_total, percentage FROM sessions WHERE id = ?", [sid]
    ) == [(expected.result.value, expected.weighted_total, expected.percentage_text)]
    assert expected.result.value in ("pass", "fail")
    assert ids(store.query_sessions(SessionQuery(outcome="withdrawn"))) == []
    assert ids(store.query_sessions(SessionQuery(outcome=expected.result.value))) == [sid]


def test_purge_follows_the_profile_retention_period(store, db_path, clock):
    """Closed 13 months ago: gone on request, audited. Younger or still open: kept."""
    assert profile().retention_months == 12
    clock.set(datetime(2024, 1, 10, 10, 0, tzinfo=UTC))
    old_signed = signed_session(store, ref="OLD-SIGNED", day="2024-01-10")
    old_withdrawn = new_session(store, ref="OLD-WITHDRAWN", day="2024-01-10")
    store.withdraw(old_withdrawn, "Did not attend.", "Ann Chair")
    still_open = new_session(store, ref="OPEN", day="2024-01-10")
    clock.set(datetime(2024, 3, 20, 10, 0, tzinfo=UTC))
    young_signed = signed_session(store, ref="YOUNG-SIGNED", day="2024-03-20")
    young_withdrawn = new_session(store, ref="YOUNG-WITHDRAWN", day="2024-03-20")
    store.withdraw(young_withdrawn, "Did not attend.", "Ann Chair")

    clock.set(datetime(2025, 2, 15, 9, 0, tzinfo=UTC))  # 13 and 11 months later
    due = store.purge_candidates()
    assert {r.candidate_ref for r in due} == {"OLD-SIGNED", "OLD-WITHDRAWN"}
    for refused in (young_signed, young_withdrawn, still_open):
        with pytest.raises(SessionRuleError, match="retention"):
            store.purge([old_signed, refused], "Hana HR")
    assert read(db_path, "SELECT count(*) FROM sessions") == [(5,)]

    assert store.purge([old_signed, old_withdrawn], "Hana HR").count == 2
    assert_committed(store)
    for gone in (old_signed, old_withdrawn):
        with pytest.raises(UnknownSessionError):
            store.load(gone)
        for table in ("members", "marks", "grades", "agreed", "signoffs", "sheets"):
            assert read(db_path, f"SELECT count(*) FROM {table} WHERE session_id = ?", [gone]) == [
                (0,)
            ]
    last = audit_rows(db_path, old_signed)[-1]
    assert last == (
        "purge",
        "Hana HR",
        "past retention",
        "2024-01-10 signed",
        "",
        iso(clock.last),
    )
    remaining = {r[0] for r in read(db_path, "SELECT candidate_ref FROM sessions")}
    assert remaining == {"OPEN", "YOUNG-SIGNED", "YOUNG-WITHDRAWN"}
    clock.set(datetime(2025, 4, 1, tzinfo=UTC))
    assert {r.candidate_ref for r in store.purge_candidates()} == {
        "YOUNG-SIGNED",
        "YOUNG-WITHDRAWN",
    }


# --- HR list: filters, sorting, paging --------------------------------------------------------

LLYR_CHAIRS = (Member("m1", "Llŷr Ŵyn", "chair", "C-303"), BOB)

# id, profile, candidate, reference, date, panel, what happens
LISTED = [
    ("aaaa0001", KENT, "Gwenllïan Ŵyn", "C-0001", "2025-01-06", PANEL, "signed-pass"),
    ("aaaa0002", "gwent-cso", "Alex Ashdown", "C-0102", "2025-01-07", WELSH_PANEL, "scoring"),
    ("bbbb0003", "south-wales-pcso", "aled lewis", "c-0050", "2025-02-01", PANEL, "signed-fail"),
    ("bbbb0004", KENT, "Sam Brookfield", "REF-9", "2025-02-14", LLYR_CHAIRS, "withdrawn"),
    ("cccc0005", "gwent-cso", "Priya Oakhurst", "C-0103", "2025-03-01", LLYR_CHAIRS, "setup"),
    ("cccc0006", KENT, "Zofia Ŵyn-Jones", "C-0999", "2025-03-02", (ANN,), "consensus"),
    ("dddd0007", "south-wales-pcso", "Omar Vance", "X_7%", "2025-03-02", PANEL, "signed-pass"),
]


@pytest.fixture(scope="module")
def listed_path(tmp_path_factory) -> Path:
    """Seven sessions across three profiles, every status and both outcomes (built once)."""
    path = tmp_path_factory.mktemp("listed") / "sessions.db"
    store = Store.open(path, clock=Clock())
    for sid, pid, name, ref, day, panel, fate in LISTED:
        welsh_force = pid.startswith(("gwent", "south-wales"))  # a Welsh-medium interview
        new_session(
            store,
            session_id=sid,
            profile_id=pid,
            name=name,
            ref=ref,
            day=day,
            panel=panel,
            interview_language="cy" if welsh_force else "en",
        )
        if fate == "scoring":
            store.classify(sid, panel[0].id, indicators(pid)[0], "partly")
        elif fate == "consensus":
            grade_all(store, sid, 4)
        elif fate == "withdrawn":
            store.withdraw(sid, "Did not attend.", "Ann Chair")
        elif fate.startswith("signed"):
            grade = 3 if fate == "signed-pass" else 2
            grade_all(store, sid, grade)
            agree_all(store, sid, grade)
            sign_all(store, sid)
    store.close()
    return path


@pytest.fixture
def listed(listed_path, tmp_path, clock):
    """A private copy of the seven sessions, so a test may add to it."""
    path = tmp_path / "listed.db"
    shutil.copyfile(listed_path, path)
    store = Store.open(path, clock=clock)
    yield store
    store.close()


def ids(page) -> list[str]:
    return [row.id for row in page.rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gwenllïan", ["aaaa0001"]),
        ("GWENLLÏAN ŴYN", ["aaaa0001"]),  # Welsh capitals fold like any other letter
        (
            "ŵyn",
            ["aaaa0001", "aaaa0002", "bbbb0004", "cccc0005", "cccc0006"],
        ),  # candidate or Llŷr Ŵyn
        ("llŷr", ["aaaa0002", "bbbb0004", "cccc0005"]),  # a panel member, not a candidate
        ("BOB MEMBER", ["aaaa0001", "bbbb0003", "bbbb0004", "cccc0005", "dddd0007"]),
        ("c-01", ["aaaa0002", "cccc0005"]),  # a reference fragment
        ("C-0050", ["bbbb0003"]),  # a lower-case reference, typed in capitals
        ("ALED", ["bbbb0003"]),
        ("x_7%", ["dddd0007"]),
        ("%", ["dddd0007"]),  # LIKE wildcards are searched for literally
        ("_", ["dddd0007"]),
        ("nobody at all", []),
    ],
)
def test_text_filter_searches_candidate_reference_and_panel(listed, text, expected):
    """HR finds a session by any name on it, whatever the case, Welsh letters included."""
    page = listed.query_sessions(SessionQuery(text=text, sort="reference", descending=False))
    assert sorted(ids(page)) == expected
    assert page.total == len(expected)


def test_status_profile_outcome_and_date_filters(listed):
    """Each filter narrows the list; together they combine with AND."""

    def found(**filters) -> list[str]:
        return sorted(ids(listed.query_sessions(SessionQuery(**filters))))

    assert found(status=("signed",)) == ["aaaa0001", "bbbb0003", "dddd0007"]
    assert found(status=("setup", "withdrawn")) == ["bbbb0004", "cccc0005"]
    assert found(profile_id=KENT) == ["aaaa0001", "bbbb0004", "cccc0006"]
    assert found(outcome="pass") == ["aaaa0001", "dddd0007"]
    assert found(outcome="fail") == ["bbbb0003"]
    assert found(outcome="withdrawn") == ["bbbb0004"]
    assert found(date_from="2025-02-01", date_to="2025-03-01") == [
        "bbbb0003",
        "bbbb0004",
        "cccc0005",
    ]
    assert found(date_from="2025-03-02") == ["cccc0006", "dddd0007"]
    assert found(date_to="2025-01-06") == ["aaaa0001"]
    assert found(profile_id="south-wales-pcso", outcome="pass", text="omar") == ["dddd0007"]
    assert found(profile_id=KENT, status=("signed",), date_from="2025-02-01") == []
    assert found() == sorted(r[0] for r in LISTED)


def nocase(text: str) -> str:
    """SQLite's NOCASE folds ASCII letters only."""
    return text.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))


SORT_KEYS = {
    "date": lambda r: r.date,
    "candidate": lambda r: nocase(r.candidate_name),
    "reference": lambda r: nocase(r.candidate_ref),
    "force": lambda r: nocase(r.force),
    "role": lambda r: nocase(r.role_title),
    "chair": lambda r: nocase(r.chair_name),
    "status": lambda r: r.status,
    "outcome": lambda r: r.outcome,
    "total": lambda r: r.weighted_total,
    "updated": lambda r: r.updated_at,
    "campaign": lambda r: nocase(r.campaign),
    "language": lambda r: r.interview_language,
}


def test_every_sort_column_is_covered_here():
    """A new sort column must get its expected order in this file too."""
    assert set(SORT_KEYS) == set(SORT_COLUMNS)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", list(SORT_COLUMNS))
def test_sorting_on_every_column_both_ways(listed, sort, descending):
    """The list sorts on what HR clicks, ties broken by creation then id, the same way round."""
    page = listed.query_sessions(SessionQuery(sort=sort, descending=descending))
    created = {
        sid: created_at
        for sid, created_at in read(listed.path, "SELECT id, created_at FROM sessions")
    }
    expected = sorted(
        page.rows, key=lambda r: (SORT_KEYS[sort](r), created[r.id], r.id), reverse=descending
    )
    assert ids(page) == [r.id for r in expected]
    assert len(set(map(SORT_KEYS[sort], page.rows))) > 1  # the column really orders something


def test_nocase_sorting_puts_lower_case_names_among_the_rest(listed):
    """'aled lewis' sorts with the A's, not after every capital letter."""
    page = listed.query_sessions(SessionQuery(sort="candidate", descending=False))
    assert [r.candidate_name for r in page.rows][:3] == [
        "aled lewis",
        "Alex Ashdown",
        "Gwenllïan Ŵyn",
    ]


def test_unknown_sort_column_is_refused():
    with pytest.raises(ValueError, match="cannot sort by 'age'"):
        SessionQuery(sort="age")


def test_paging_gives_every_row_once_with_the_total(listed):
    """Pages of three walk the whole ordered list; the total is the filtered count."""
    everything = ids(listed.query_sessions(SessionQuery(sort="date", limit=100)))
    assert len(everything) == len(LISTED)
    pages = [
        listed.query_sessions(SessionQuery(sort="date", offset=offset, limit=3))
        for offset in (0, 3, 6)
    ]
    assert [len(p.rows) for p in pages] == [3, 3, 1]
    assert {p.total for p in pages} == {7}
    assert [sid for p in pages for sid in ids(p)] == everything
    beyond = listed.query_sessions(SessionQuery(offset=50, limit=3))
    assert (beyond.rows, beyond.total) == ((), 7)
    signed = listed.query_sessions(SessionQuery(status=("signed",), limit=2))
    assert (len(signed.rows), signed.total) == (2, 3)


# --- finding one session ----------------------------------------------------------------------


def test_resolve_by_id_prefix_and_reference(listed):
    """HR types an id, the start of one, or the candidate reference."""
    assert listed.resolve("bbbb0003") == "bbbb0003"
    assert listed.resolve(" cccc0006 ") == "cccc0006"
    assert listed.resolve("dddd") == "dddd0007"
    assert listed.resolve("REF-9") == "bbbb0004"
    assert listed.resolve("ref-9") == "bbbb0004"
    assert listed.resolve("C-0050") == "bbbb0003"


def test_resolve_explains_unknown_and_ambiguous_keys(listed):
    """A reference that matches nothing, or several sessions, gets a clear message."""
    with pytest.raises(
        UnknownSessionError, match="No session with id or candidate reference 'C-4040'"
    ):
        listed.resolve("C-4040")
    with pytest.raises(UnknownSessionError, match="more than one session"):
        listed.resolve("aaaa")
    with pytest.raises(UnknownSessionError, match="No session"):
        listed.resolve("")
    with pytest.raises(UnknownSessionError):
        listed.resolve("dd")  # too short to be taken as an id prefix
    new_session(listed, ref="REF-9", day="2025-05-05")
    with pytest.raises(UnknownSessionError, match="more than one session"):
        listed.resolve("REF-9")
    with pytest.raises(UnknownSessionError, match="No session with id 'nope'"):
        listed.load("nope")


def test_a_reference_is_found_whatever_its_letter_case_in_any_script(store):
    """SQLite's NOCASE folds ASCII letters only: "ŴŶ-77" did not find "ŵŷ-77"."""
    wanted = new_session(store, session_id="aaaa7777", ref="ŵŷ-77")
    new_session(store, session_id="bbbb0001", ref="Ŵ-1")
    new_session(store, session_id="cccc0001", ref="ŵ-1", day="2025-05-05")
    assert store.resolve("ŴŶ-77") == store.resolve("ŵŷ-77") == store.resolve("Ŵŷ-77") == wanted
    with pytest.raises(UnknownSessionError, match="more than one session"):
        store.resolve("ŵ-1")  # as "REF-9" with "ref-9"
    with pytest.raises(UnknownSessionError, match="No session with id or candidate reference"):
        store.resolve("ŵŷ-78")


def test_a_reference_that_is_also_the_start_of_another_id_is_refused_not_guessed(store):
    """Ids are hexadecimal, so a numeric reference can begin another candidate's id: "71300"
    must not reopen, withdraw or print the other candidate's session."""
    other = new_session(store, session_id="71300c40aaaa", ref="C-2600076")
    numeric = new_session(store, session_id="bbbb1111", ref="71300")
    with pytest.raises(UnknownSessionError, match="also the start of another session's id"):
        store.resolve("71300")
    assert store.resolve("71300c40aaaa") == other  # the full id still names it
    assert store.resolve("71300c4") == other  # so does a longer prefix no reference has
    assert store.resolve("bbbb") == numeric
    own = new_session(store, session_id="4242abcd", ref="4242")  # its own id's start
    assert store.resolve("4242") == own


def test_resolve_takes_backslash_percent_and_underscore_literally(store):
    """An id prefix is matched as typed: a backslash must not undo the escaping of what
    follows it, nor % and _ act as wildcards."""
    for session_id in ("ward\\7-aaaa", "ward7-bbbb", "ward_9-cccc", "wardx9-dddd", "wa%d-eeee"):
        new_session(store, session_id=session_id, ref=f"REF-{session_id[-4:]}")
    assert store.resolve("ward\\7") == "ward\\7-aaaa"
    assert store.resolve("ward\\") == "ward\\7-aaaa"
    assert store.resolve("ward_") == "ward_9-cccc"
    assert store.resolve("wa%d") == "wa%d-eeee"
    with pytest.raises(UnknownSessionError, match="No session"):
        store.resolve("w%d\\")


# --- what the set-up dialog offers ------------------------------------------------------------


def test_recent_venues_newest_first_without_repeats(store):
    """The venue box offers the places used lately, most recent first, blanks left out."""
    for venue in ("Room 1", "Room 2", "Room 1", "", "Suite B"):
        new_session(store, venue=venue)
    assert store.recent_venues() == ["Suite B", "Room 1", "Room 2"]
    assert store.recent_venues(limit=2) == ["Suite B", "Room 1"]


def test_recent_panels_newest_first_without_repeats(store):
    """The panel picker offers whole panels as they sat, most recent first."""
    third = (Member("m1", "Llŷr Ŵyn", "chair", ""), BOB)
    for panel in (PANEL, WELSH_PANEL, PANEL, third):
        new_session(store, panel=panel)
    assert store.recent_panels() == [third, PANEL, WELSH_PANEL]
    assert store.recent_panels(limit=1) == [third]


def test_app_state_is_kept_across_restarts(db_path, clock):
    """The app reopens where it was: state survives closing the store."""
    store = Store.open(db_path, clock=clock)
    assert store.get_state("last_session") == ""
    assert store.get_state("last_session", "none") == "none"
    store.set_state("last_session", "abc")
    store.set_state("last_session", "Llŷr")
    assert read(db_path, "SELECT value FROM app_state WHERE key = 'last_session'") == [("Llŷr",)]
    store.close()
    again = Store.open(db_path, clock=clock)
    try:
        assert again.get_state("last_session") == "Llŷr"
    finally:
        again.close()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX only")
def test_database_file_is_readable_by_its_owner_only(store, db_path):
    """Interview records are personal data: no other user on the laptop may read them."""
    new_session(store)
    assert db_path.stat().st_mode & 0o777 == 0o600
    backup = store.backup()
    assert backup.stat().st_mode & 0o777 == 0o600


def test_purge_replaces_the_backups_that_held_the_session(tmp_path):
    """Whoever purges (command line or HR screen), no backup keeps what was purged: those that
    held it are removed and a fresh one taken, so a good backup still exists afterwards."""
    old = datetime(2024, 1, 10, 9, 0, tzinfo=UTC)
    store = Store.open(tmp_path / "sessions.db", clock=lambda: old)
    try:
        session_id = signed_session(store, 1)
        holding = store.backup("start")
        store.clock = lambda: datetime(2026, 1, 10, tzinfo=UTC)
        result = store.purge([session_id], "HR Officer")
        assert result.count == 1
        assert result.removed_backups == (holding,)
        assert not holding.exists()
        assert result.new_backup is not None and result.new_backup.name.endswith("-after-purge.db")
        conn = sqlite3.connect(result.new_backup)
        try:
            assert conn.execute("SELECT id FROM sessions").fetchall() == []
        finally:
            conn.close()
    finally:
        store.close()


def test_the_panel_list_pages_give_todays_sessions_first_then_the_newest_others(store):
    days = ["2025-03-01", "2025-03-05", "2025-03-03", "2025-02-27"]
    made = {
        day: [new_session(store, ref=f"C-{day}-{n}", day=day) for n in range(3)] for day in days
    }
    today = "2025-03-03"

    whole = store.panel_sessions(today, 0, 1000)
    pages = [store.panel_sessions(today, offset, 5) for offset in range(0, 15, 5)]

    assert [r.id for page in pages for r in page] == [r.id for r in whole]
    assert [len(page) for page in pages] == [5, 5, 2]
    assert store.panel_sessions(today, 12, 5) == []
    assert [r.id for r in whole[:3]] == made[today][::-1]  # today's, newest first
    assert [r.date for r in whole[3:]] == sorted([d for d in days if d != today] * 3, reverse=True)
    assert store.count_on(today) == 3 and store.count_on("2025-03-02") == 0


def test_every_change_returns_the_session_as_the_database_now_holds_it(store):
    """A key press reads the session once: what a change returns is what a fresh read gives."""
    sid = new_session(store)
    session = store.load(sid)
    area = session.planned_areas[0]
    first = area.indicators[0].id
    steps = [
        lambda: store.classify(sid, "m1", first, "demonstrated"),
        lambda: store.note(sid, "m1", first, "Calm and clear."),
        lambda: store.area_note(sid, "m1", area.id, "A STAR example."),
        lambda: store.grade(sid, "m1", area.id, 3),
        lambda: store.grade(sid, "m2", area.id, 4),
        lambda: store.agree(sid, area.id, 4, "Discussed."),
        lambda: store.classify(sid, "m1", first, "demonstrated"),  # no change at all
        lambda: store.grade(sid, "m1", area.id, None),
    ]
    other = Store.open(store.path)  # a connection of its own: nothing kept from this one
    try:
        for step in steps:
            returned = step()
            assert returned == other.load(sid)
            assert store.load(sid) == other.load(sid)
    finally:
        other.close()


def test_a_session_kept_between_key_presses_is_read_again_after_any_other_write(store):
    """The session last changed is kept so the next key press need not read it; anything
    written since (another connection, plain sqlite3, a change that failed) is seen."""
    sid = new_session(store)
    first = store.load(sid).planned_areas[0].indicators[0].id
    store.note(sid, "m1", first, "Kept.")
    assert store.load(sid) is store.load(sid)  # kept: not read again

    other = sqlite3.connect(store.path)
    with other:
        other.execute(
            "UPDATE marks SET note = 'Written elsewhere.'"
            " WHERE session_id = ? AND member_id = 'm1'",
            [sid],
        )
    other.close()
    assert store.load(sid).mark("m1", first).note == "Written elsewhere."

    store.note(sid, "m1", first, "Back here.")
    with pytest.raises(SessionRuleError):
        store.grade(sid, "m1", store.load(sid).planned_areas[0].id, 99)
    assert store.load(sid).mark("m1", first).note == "Back here."

    second = Store.open(store.path)
    second.note(sid, "m1", first, "From a second window.")
    second.close()
    assert store.load(sid).mark("m1", first).note == "From a second window."
