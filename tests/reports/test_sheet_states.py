"""What a sheet may claim in each state: withdrawn, incomplete, draft, and a record that failed
verification. Read back with pypdf, as HR's reader would show it."""

from __future__ import annotations

import sqlite3

import pytest

from reports.marking_sheet import (
    DIGEST_PREFIX,
    FAILED_MARK,
    MARGIN,
    PAGE_WIDTH,
    WATERMARK,
    WITHDRAWN_MARK,
    build_sheet,
    uk_time,
)
from tests.reports.sheet_support import Sheet, open_store, scored, sign
from tests.store_support import ANN, Member, new_session

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


def test_a_withdrawn_sheet_says_withdrawn_why_when_and_by_whom_and_no_outcome(tmp_path):
    store = open_store(tmp_path / "sessions.db")
    try:
        sid = scored(store, ref="C-0500")
        store.withdraw(sid, "Candidate left after the second question", "Rhian HR")
        session = store.load(sid)
    finally:
        store.close()
    sheet = Sheet.read(build_sheet(session))
    text = sheet.text
    assert WITHDRAWN_MARK in sheet.lines(0)[1]  # beside force and role at the top
    assert "Reason: Candidate left after the second question" in text
    assert f"Withdrawn on {uk_time(session.withdrawn_at)}" in text
    assert "by Rhian HR." in text
    for claim in ("Outcome:", "PASS", "Percentage", "Weighted total", DIGEST_PREFIX, WATERMARK):
        assert claim not in text, claim
    assert sheet.subject.endswith(" withdrawn")


def test_an_incomplete_sheet_has_no_percentage_and_names_what_is_missing(tmp_path):
    store = open_store(tmp_path / "sessions.db")
    try:
        sid = scored(store, ref="C-0501")
        session = store.load(sid)
        missing = session.planned_areas[:2]
        for area in missing:
            store.agree(sid, area.id, None)
        session = store.load(sid)
    finally:
        store.close()
    text = Sheet.read(build_sheet(session)).text
    assert "Outcome: INCOMPLETE" in text
    assert "0.0%" not in text and "Percentage " not in text
    assert "no total until every area is agreed" in text
    for area in missing:
        assert f"{area.name}: no agreed grade yet" in text


def test_the_draft_mark_never_covers_a_collar_number(tmp_path):
    """Collar number 4931 used to read "931" under the diagonal draft mark."""
    store = open_store(tmp_path / "sessions.db")
    try:
        panel = (ANN, Member("m2", "Dai Jones", "member", "4931"))
        sid = new_session(store, ref="C-0502", panel=panel)
        session = store.load(sid)
    finally:
        store.close()
    sheet = Sheet.read(build_sheet(session))
    assert "Member · 4931" in sheet.lines(0)
    margin_marks = [r for r in sheet.runs[0] if WATERMARK in r.text and r.size >= 10]
    assert len(margin_marks) == 2
    for run in margin_marks:
        assert run.x < MARGIN or run.x > PAGE_WIDTH - MARGIN


def test_a_record_that_failed_verification_prints_no_signed_off_claim(tmp_path):
    path = tmp_path / "sessions.db"
    store = open_store(path)
    try:
        sid = scored(store, ref="C-0503")
        sign(store, sid)
    finally:
        store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("DROP TRIGGER grades_locked_update")
        conn.execute("UPDATE grades SET grade = 5 WHERE session_id = ?", [sid])
    finally:
        conn.close()
    store = open_store(path)
    try:
        session = store.load(sid)
    finally:
        store.close()
    assert session.record_problems
    sheet = Sheet.read(build_sheet(session))
    assert FAILED_MARK in sheet.text
    assert "The database record no longer matches what the panel signed" in sheet.text
    assert "Signed off and locked" not in sheet.text
    assert DIGEST_PREFIX not in sheet.text
    assert sheet.subject.endswith(" failed")
    assert b"/ByteRange" not in sheet.data  # and nothing signs it


def test_a_signed_sheet_is_the_same_whether_built_from_the_rows_or_the_signed_content(tmp_path):
    """verify rebuilds superseded versions from the content kept at signing: that must give
    exactly the sheet the rows gave when it was current."""
    from pcso_interview.session import Session

    store = open_store(tmp_path / "sessions.db")
    try:
        sid = scored(store, ref="C-0504")
        sign(store, sid)
        session = store.load(sid)
        (version,) = store.signed_versions(sid)
    finally:
        store.close()
    rebuilt = Session.from_signed_content(version.content)
    assert rebuilt.signed_content() == version.content
    assert build_sheet(rebuilt) == build_sheet(session)


def test_a_grade_changed_after_the_reveal_is_on_the_sheet(tmp_path):
    store = open_store(tmp_path / "sessions.db")
    try:
        sid = scored(store, ref="C-0505")
        session = store.load(sid)
        area = session.planned_areas[1]
        store.agree(sid, area.id, None)
        store.grade(sid, "m2", area.id, 4)  # both had graded 3, each had seen the other's
        store.agree(sid, area.id, 4, "Regraded after discussion.")
        sign(store, sid)
        session = store.load(sid)
    finally:
        store.close()
    text = Sheet.read(build_sheet(session)).text.replace("\n", " ")
    assert "Gwenllïan Ŵyn changed this grade from 3 to 4 after the grades were shown" in text
