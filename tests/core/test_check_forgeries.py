"""The tester's forgeries that `check` and `verify ID` let through, with plain sqlite3 only.

No hash or digest is computed again: rows are edited, deleted or retyped with the triggers
dropped where they would refuse it (and, where the triggers allow it, with them in place).
Each must make `check` exit 1 naming the problem, `verify ID` say anything but MATCH, and
neither print a traceback.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime

import pytest

from pcso_interview.store import Store
from tests.cli_support import check, check_finds, cli
from tests.store_support import Clock, by_hand, new_session, read, sign_all, signed_session

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A signed session; one signed, reopened and signed again (two versions); one signed in
    2023 and past its retention; one withdrawn; one still being scored."""
    path = tmp_path_factory.mktemp("check-forgeries") / "sessions.db"
    store = Store.open(path, clock=Clock(datetime(2023, 1, 10, 9, 0, tzinfo=UTC)))
    try:
        old = signed_session(store, ref="OLD", day="2023-01-09")
    finally:
        store.close()
    store = Store.open(path)
    try:
        signed = signed_session(store, ref="SIGNED")
        twice = signed_session(store, ref="TWICE")
        store.reopen(twice, "Grade entered wrongly.", "Hana HR")
        store.grade(twice, "m1", "integrity", 4)
        store.agree(twice, "integrity", 4)
        sign_all(store, twice)
        withdrawn = new_session(store, ref="GONE")
        store.withdraw(withdrawn, "Did not attend", "Rhian HR")
        open_ = new_session(store, ref="OPEN")
    finally:
        store.close()
    return path, {"signed": signed, "twice": twice, "old": old, "gone": withdrawn, "open": open_}


@pytest.fixture
def db(built, tmp_path):
    source, ids = built
    path = tmp_path / "sessions.db"
    shutil.copyfile(source, path)
    return path, ids


def verify(capsys, path, session_id: str) -> tuple[int, str]:
    status, out, err = cli(capsys, "--db", path, "verify", session_id)
    return status, out + err


def verify_mismatch(capsys, path, session_id: str, start: str = "MISMATCH ") -> str:
    """`verify ID` exits 1, its words starting with ``start``; its words."""
    status, out = verify(capsys, path, session_id)
    assert status == 1 and out.startswith(start), out
    return out


def test_the_untouched_database_checks_ok(db, capsys):
    path, ids = db
    status, out = check(capsys, path)
    assert status == 0, out
    for key in ("signed", "twice", "old", "gone"):
        status, out = verify(capsys, path, ids[key])
        assert status == 0 and out.startswith("MATCH "), out


# --- 1: an audit row marked redacted with a value no purge writes -------------------------------


@pytest.mark.parametrize("mark", [2, -1, "'yes'"])
def test_an_audit_row_marked_redacted_otherwise_than_by_a_purge_is_found(db, capsys, mark):
    """Its words were edited, and the mark set to something truthy other than 1: the words
    were never checked against their hash."""
    path, ids = db
    [(row,)] = read(
        path, "SELECT id FROM audit WHERE session_id = ? AND action = 'lock'", [ids["signed"]]
    )
    by_hand(
        path,
        (
            f"UPDATE audit SET redacted = {mark}, actor = 'Chief Supt Someone',"
            " subject = 'version 1 (approved)' WHERE id = ?",
            [row],
        ),
        drop=("audit_no_update",),
    )
    check_finds(
        capsys,
        path,
        f"PROBLEM audit row {row}: audit row {row} (lock, ",
        "which no purge writes (only 1)",
        "was edited: its words no longer match",
    )
    verify_mismatch(capsys, path, ids["signed"])


# --- 2: a session deleted outright, not purged --------------------------------------------------


def test_a_signed_session_deleted_with_the_triggers_dropped_is_found(db, capsys):
    path, ids = db
    signed = ids["signed"]
    by_hand(path, ("DELETE FROM sessions WHERE id = ?", [signed]), drop=("sessions_retained",))
    check_finds(
        capsys,
        path,
        f"PROBLEM session {signed}: named by ",
        "audit row(s) (from row ",
        "but not in the database, and no purge removed it",
    )


def test_a_session_past_retention_deleted_with_the_triggers_in_place_is_found(db, capsys):
    """The triggers allow the delete (past retention); a purge would have left its row."""
    path, ids = db
    old = ids["old"]
    by_hand(path, ("DELETE FROM sessions WHERE id = ?", [old]))
    check_finds(capsys, path, f"PROBLEM session {old}: named by ", "no purge removed it")
    status, out = verify(capsys, path, old)
    assert status != 0 and not out.startswith("MATCH"), out


@pytest.mark.parametrize("table", ["marks", "grades", "sheets", "signoffs", "issued_sheets"])
def test_rows_left_of_a_session_that_is_not_in_the_database_are_found(db, capsys, table):
    """The session row alone deleted with foreign keys off and the cascades dropped: its
    children stay behind."""
    path, ids = db
    signed = ids["signed"]
    if table == "issued_sheets":
        by_hand(
            path,
            "INSERT INTO issued_sheets (file_sha256, position, session_id, version,"
            f" record_digest, state, how, issued_at, issued_by) VALUES ('{'a' * 64}', 1,"
            f" '{signed}', 1, '', 'draft', 'x', 't', 'x')",
            drop=("*",),
        )
    by_hand(path, ("DELETE FROM sessions WHERE id = ?", [signed]), drop=("*",))
    check_finds(
        capsys,
        path,
        f"PROBLEM session {signed}: ",
        f"row(s) of {table} belong to it, but it is not in the database",
    )


# --- 3: a signing undone by deleting its sheet ---------------------------------------------------


def test_a_signed_session_unsigned_by_hand_is_found(db, capsys):
    """Its sheet and sign-offs deleted, its status set back: the trail still records the
    lock of version 1 with its digest."""
    path, ids = db
    signed = ids["signed"]
    by_hand(
        path,
        ("DELETE FROM sheets WHERE session_id = ?", [signed]),
        ("DELETE FROM signoffs WHERE session_id = ?", [signed]),
        ("UPDATE sessions SET status = 'consensus', digest = '' WHERE id = ?", [signed]),
        drop=("*",),
    )
    check_finds(
        capsys,
        path,
        f"PROBLEM session {signed} (SIGNED): the audit trail locked version 1 on ",
        "but its signed sheet record is gone",
    )
    out = verify_mismatch(capsys, path, signed, f"MISMATCH session {signed} (SIGNED)")
    assert "but its signed sheet record is gone" in out


def test_a_kept_older_version_deleted_is_found(db, capsys):
    path, ids = db
    twice = ids["twice"]
    by_hand(
        path,
        ("DELETE FROM sheets WHERE session_id = ? AND version = 1", [twice]),
        ("DELETE FROM signoffs WHERE session_id = ? AND version = 1", [twice]),
        drop=("*",),
    )
    check_finds(
        capsys, path, f"PROBLEM session {twice} (TWICE): the audit trail locked version 1 on "
    )
    verify_mismatch(capsys, path, twice, f"MISMATCH session {twice} (TWICE)")


# --- 8: a signed session set back to scoring is tampering, not a later state --------------------


def test_a_signed_session_set_back_to_scoring_fails_verification(db, capsys):
    path, ids = db
    signed = ids["signed"]
    by_hand(path, ("UPDATE sessions SET status = 'scoring' WHERE id = ?", [signed]), drop=("*",))
    check_finds(capsys, path, "1 signed version(s) were superseded but only 0 reopen(s) audited")
    out = verify_mismatch(capsys, path, signed, f"MISMATCH session {signed} (SIGNED)")
    assert "superseded but only 0 reopen(s) audited" in out


def test_a_session_reopened_by_hr_is_still_not_current(db, capsys):
    path, ids = db
    store = Store.open(path)
    try:
        store.reopen(ids["signed"], "Candidate appealed.", "Hana HR")
    finally:
        store.close()
    status, out = verify(capsys, path, ids["signed"])
    assert status == 3 and out.startswith("NOT CURRENT "), out


# --- 5: the list and administrative columns of a closed session ---------------------------------


@pytest.mark.parametrize(
    ("assignment", "named"),
    [
        ("outcome = 'fail', weighted_total = 29, percentage = '96.7%'", "outcome"),
        ("force = 'Another Force'", "force"),
        ("chair_name = 'Someone Else'", "chair_name"),
        ("search = 'nobody at all'", "search"),
        ("retention_months = 1", "retention_months"),
        ("closed_at = '2020-01-01T10:00:00Z'", "closed_at"),
    ],
)
def test_a_signed_sessions_list_columns_edited_are_found(db, capsys, assignment, named):
    """HR's list would show a failed candidate as a pass, or purge would list a recent session
    as past its retention."""
    path, ids = db
    signed = ids["signed"]
    by_hand(path, (f"UPDATE sessions SET {assignment} WHERE id = ?", [signed]), drop=("*",))
    out = check_finds(capsys, path, f"PROBLEM session {signed} (SIGNED): ")
    assert f"the HR list says {named} " in out or f"{named} says " in out, out
    verify_mismatch(capsys, path, ids["signed"])


def test_retention_laundering_is_found_and_purge_is_not_fooled_silently(db, capsys):
    path, ids = db
    signed = ids["signed"]
    by_hand(
        path,
        (
            "UPDATE sessions SET closed_at = '2020-01-01T10:00:00Z', retention_months = 1"
            " WHERE id = ?",
            [signed],
        ),
        drop=("*",),
    )
    check_finds(
        capsys,
        path,
        "closed_at says '2020-01-01T10:00:00Z' where its signed version was signed on",
        "the HR list says retention_months 1 where its signed version says 12",
    )


@pytest.mark.parametrize(
    "assignment",
    ["closed_at = '2020-01-01T10:00:00Z'", "retention_months = 1", "outcome = 'pass'"],
)
def test_a_withdrawn_sessions_columns_edited_are_found(db, capsys, assignment):
    path, ids = db
    gone = ids["gone"]
    by_hand(path, (f"UPDATE sessions SET {assignment} WHERE id = ?", [gone]), drop=("*",))
    check_finds(capsys, path, f"PROBLEM session {gone} (GONE): ")
    verify_mismatch(capsys, path, gone)


# --- 7: rows retyped or rewritten are findings, never a traceback ------------------------------


def _first_row(path, session_id: str, action: str) -> int:
    [(row,)] = read(
        path,
        "SELECT id FROM audit WHERE session_id = ? AND action = ? ORDER BY id LIMIT 1",
        [session_id, action],
    )
    return row


def test_a_sequence_that_is_not_a_number_is_a_finding(db, capsys):
    path, _ = db
    by_hand(path, "UPDATE sqlite_sequence SET seq = 'abc' WHERE name = 'audit'")
    check_finds(
        capsys,
        path,
        "PROBLEM audit: SQLite's counter of audit rows (sqlite_sequence) was set to 'abc',"
        " which is not a row number",
    )


@pytest.mark.parametrize(
    ("assignment", "named"),
    [
        ("prev = 'é'", "the audit chain breaks before row"),
        ("hash = 'é'", "its chain hash was rewritten"),
        ("new = x'00'", "its new hold(s) something other than text"),
        ("prev = x'00'", "its prev hold(s) something other than text"),
        ("subject = x'00'", "its subject hold(s) something other than text"),
    ],
)
def test_an_audit_row_retyped_is_a_finding(db, capsys, assignment, named):
    path, ids = db
    signed = ids["signed"]
    row = _first_row(path, signed, "lock")
    by_hand(path, (f"UPDATE audit SET {assignment} WHERE id = ?", [row]), drop=("*",))
    status, out = check(capsys, path)
    assert status == 1
    assert named in out, out
    status, out = verify(capsys, path, signed)
    assert status != 0 and not out.startswith("MATCH"), out


@pytest.mark.parametrize("which", ["older", "current"])
def test_a_sheet_whose_content_is_not_zlib_is_a_finding(db, capsys, which):
    path, ids = db
    twice = ids["twice"]
    version = 1 if which == "older" else 2
    by_hand(
        path,
        (
            "UPDATE sheets SET content = x'00' WHERE session_id = ? AND version = ?",
            [twice, version],
        ),
        drop=("*",),
    )
    out = check_finds(capsys, path, f"PROBLEM session {twice} (TWICE): cannot be read: ")
    if which == "older":
        assert "the content kept with signed version 1 cannot be read" in out
    status, out = verify(capsys, path, twice)
    assert status != 0 and not out.startswith("MATCH"), out
    (line,) = out.splitlines()
    assert line.startswith(f"error: Session {twice}: ") and "cannot be read" in line


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE sessions SET version = 'two' WHERE id = ?",
        "UPDATE profile_snapshots SET json = '{' WHERE digest ="
        " (SELECT snapshot FROM sessions WHERE id = ?)",
    ],
)
def test_a_session_row_or_profile_retyped_is_refused_in_one_line(db, capsys, statement):
    path, ids = db
    signed = ids["signed"]
    by_hand(path, (statement, [signed]), drop=("*",))
    check_finds(capsys, path, f"PROBLEM session {signed} (SIGNED): cannot be read: ")
    status, out = verify(capsys, path, signed)
    assert status != 0
    (line,) = out.splitlines()
    assert line.startswith(f"error: Session {signed}: ") and "damaged" in line, line


def test_a_session_signed_ten_times_checks_ok(tmp_path, capsys):
    """Version 1's lock is not version 10's: "version 1" is a prefix of "version 10", and
    the check took the later lock for the earlier one's."""
    path = tmp_path / "sessions.db"
    store = Store.open(path, clock=Clock())
    try:
        session_id = signed_session(store)
        for _ in range(9):
            store.reopen(session_id, "Regraded on appeal.", "Rhian HR")
            sign_all(store, session_id)
        assert store.load(session_id).version == 10
    finally:
        store.close()
    status, out = check(capsys, path)
    assert status == 0, out
    assert cli(capsys, "--db", path, "verify", session_id)[0] == 0
