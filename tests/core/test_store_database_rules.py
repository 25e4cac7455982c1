"""The rules hold in the database itself: sqlite3 on its own cannot change a signed session.

Each test goes round the app entirely, with a plain sqlite3 connection, as someone with a copy
of the file and a SQLite shell would.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime

import pytest

import main
from pcso_interview.store import Store
from pcso_interview.store.schema import SESSION_CHILDREN
from tests.store_support import Clock, indicators, new_session, read, signed_session


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A database with one signed session (with a question) and one still being scored."""
    path = tmp_path_factory.mktemp("rules") / "sessions.db"
    store = Store.open(path)
    signed = signed_session(store, ref="SIGNED", questions={"integrity": "Tell us about honesty."})
    open_ = new_session(store, ref="OPEN")
    store.classify(open_, "m1", indicators()[0], "demonstrated")
    store.grade(open_, "m1", "integrity", 3)
    store.close()
    return path, signed, open_


@pytest.fixture
def db(built, tmp_path):
    """A private copy of that database for each test."""
    source, signed, open_ = built
    path = tmp_path / "sessions.db"
    shutil.copyfile(source, path)
    return path, signed, open_


@pytest.fixture
def conn(db):
    path, _, _ = db
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    yield conn
    conn.close()


def refused(conn: sqlite3.Connection, sql: str, params=()) -> str:
    """Run one statement that must be refused; the database's own message comes back."""
    with pytest.raises(sqlite3.IntegrityError) as caught:
        conn.execute(sql, params)
    return str(caught.value)


def test_a_signed_mark_cannot_be_updated(db, conn):
    """Changing a signed classification is refused, and the row keeps its value."""
    _, signed, _ = db
    before = conn.execute(
        "SELECT member_id, indicator_id, classification FROM marks WHERE session_id = ?",
        [signed],
    ).fetchall()
    assert before
    message = refused(
        conn, "UPDATE marks SET classification = 'contrary' WHERE session_id = ?", [signed]
    )
    assert "signed off or withdrawn and locked" in message
    refused(conn, "UPDATE marks SET note = 'rewritten' WHERE session_id = ?", [signed])
    after = conn.execute(
        "SELECT member_id, indicator_id, classification FROM marks WHERE session_id = ?",
        [signed],
    ).fetchall()
    assert after == before


def test_a_new_mark_cannot_be_added_to_a_signed_session(db, conn):
    _, signed, _ = db
    count = conn.execute("SELECT count(*) FROM marks WHERE session_id = ?", [signed]).fetchone()
    refused(
        conn,
        "INSERT INTO marks (session_id, member_id, indicator_id, classification)"
        " VALUES (?, 'm2', 'integrity-8', 'demonstrated')",
        [signed],
    )
    assert conn.execute("SELECT count(*) FROM marks WHERE session_id = ?", [signed]).fetchone() == (
        count
    )


def test_a_mark_cannot_be_moved_into_a_signed_session(db, conn):
    """Re-pointing an open session's mark at a signed one is a change to the signed one."""
    _, signed, open_ = db
    refused(
        conn,
        "UPDATE marks SET session_id = ? WHERE session_id = ? AND member_id = 'm1'",
        [signed, open_],
    )


def test_a_signed_grade_cannot_be_deleted(db, conn):
    _, signed, _ = db
    refused(conn, "DELETE FROM grades WHERE session_id = ?", [signed])
    assert conn.execute(
        "SELECT count(*) FROM grades WHERE session_id = ?", [signed]
    ).fetchone() == (20,)


@pytest.mark.parametrize("table", SESSION_CHILDREN)
def test_no_row_of_a_signed_session_can_be_deleted(db, conn, table):
    """Panel, questions, marks, notes, grades, agreed grades and signatures are all frozen."""
    _, signed, _ = db
    sql = f"SELECT count(*) FROM {table} WHERE session_id = ?"
    (count,) = conn.execute(sql, [signed]).fetchone()
    assert count > 0
    refused(conn, f"DELETE FROM {table} WHERE session_id = ?", [signed])
    refused(conn, f"UPDATE {table} SET session_id = session_id WHERE session_id = ?", [signed])
    assert conn.execute(sql, [signed]).fetchone() == (count,)


@pytest.mark.parametrize(
    "assignment",
    [
        "candidate_name = 'Someone Else'",
        "candidate_ref = 'C-9999'",
        "digest = ''",
        "outcome = 'fail'",
        "status = 'scoring'",
        "status = 'reopened', candidate_name = 'Someone Else'",
    ],
)
def test_a_signed_session_row_cannot_be_changed(db, conn, assignment):
    """Neither the candidate, the result nor the status can be edited behind the app's back."""
    _, signed, _ = db
    before = conn.execute("SELECT * FROM sessions WHERE id = ?", [signed]).fetchone()
    refused(conn, f"UPDATE sessions SET {assignment} WHERE id = ?", [signed])
    assert conn.execute("SELECT * FROM sessions WHERE id = ?", [signed]).fetchone() == before


def test_an_open_session_can_still_be_changed(db, conn):
    """The locks are aimed at signed sessions only: scoring goes on as normal."""
    _, _, open_ = db
    conn.execute("UPDATE marks SET classification = 'partly' WHERE session_id = ?", [open_])
    conn.execute("UPDATE sessions SET candidate_name = 'Renamed' WHERE id = ?", [open_])
    assert conn.execute(
        "SELECT classification FROM marks WHERE session_id = ?", [open_]
    ).fetchone() == ("partly",)


@pytest.mark.parametrize("which", ["signed", "open"])
def test_the_audit_log_is_append_only(db, conn, which):
    """No audit row can be changed or removed, whatever state its session is in."""
    _, signed, open_ = db
    sid = signed if which == "signed" else open_
    rows = conn.execute("SELECT * FROM audit WHERE session_id = ? ORDER BY id", [sid]).fetchall()
    assert rows
    assert "append-only" in refused(conn, "DELETE FROM audit WHERE session_id = ?", [sid])
    refused(conn, "DELETE FROM audit WHERE id = ?", [rows[-1][0]])
    refused(conn, "UPDATE audit SET actor = 'Nobody' WHERE session_id = ?", [sid])
    refused(conn, "UPDATE audit SET new = '' WHERE id = ?", [rows[0][0]])
    refused(conn, "DELETE FROM audit")
    assert conn.execute(
        "SELECT * FROM audit WHERE session_id = ? ORDER BY id", [sid]
    ).fetchall() == (rows)
    # Nor can a row be slipped in that does not link to the chain.
    assert "link to the row before it" in refused(
        conn,
        "INSERT INTO audit (session_id, at, actor, action) VALUES (?, 'now', 'test', 'note')",
        [sid],
    )


def test_a_signed_sheet_never_changes(db, conn):
    _, signed, _ = db
    refused(conn, "UPDATE sheets SET digest = 'x' WHERE session_id = ?", [signed])
    refused(conn, "DELETE FROM sheets WHERE session_id = ?", [signed])


def test_a_session_within_retention_cannot_be_deleted(db, conn):
    """Signed today (or still open): the database refuses to delete it."""
    _, signed, open_ = db
    assert "retention" in refused(conn, "DELETE FROM sessions WHERE id = ?", [signed])
    refused(conn, "DELETE FROM sessions WHERE id = ?", [open_])
    assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (2,)


def test_a_session_past_retention_can_be_deleted_with_its_rows(tmp_path):
    """The retention rule is the only thing stopping deletion: past it, the rows all go."""
    path = tmp_path / "sessions.db"
    store = Store.open(path, clock=Clock(datetime(2023, 1, 9, 9, 0, tzinfo=UTC)))
    old = signed_session(store, day="2023-01-09")
    store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM sessions WHERE id = ?", [old])
    finally:
        conn.close()
    for table in (*SESSION_CHILDREN, "sheets"):
        assert read(path, f"SELECT count(*) FROM {table}") == [(0,)], table


def test_a_row_changed_behind_the_apps_back_fails_verification(db, capsys):
    """Someone drops the lock and edits a note: verify reports a mismatch, and exits 1."""
    path, signed, _ = db
    assert main.main(["--db", str(path), "verify", signed]) == 0
    assert capsys.readouterr().out.startswith(f"MATCH session {signed}")

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("DROP TRIGGER marks_locked_update")
        changed = conn.execute(
            "UPDATE marks SET note = 'Gave no example at all.' WHERE session_id = ? AND note != ''",
            [signed],
        ).rowcount
    finally:
        conn.close()
    assert changed > 0

    store = Store.open(path)
    try:
        result = store.verify(signed)
    finally:
        store.close()
    assert not result.matches
    assert result.stored_digest and result.computed_digest != result.stored_digest

    assert main.main(["--db", str(path), "verify", signed]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(f"MISMATCH session {signed} (SIGNED) version 1")
    assert result.stored_digest in captured.out
    assert captured.err == ""
