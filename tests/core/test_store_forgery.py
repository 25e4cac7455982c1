"""Forgeries behind the app's back, as someone with a copy of the file and sqlite3 would try them.

With the triggers in place every step is refused, in any order, on a plain connection with
foreign keys off. With the triggers dropped, `check` and `verify ID` still find every edit,
deleted or edited audit row, naming what and where; the app's record fails verification.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import zlib

import pytest

from pcso_interview.session import digest
from pcso_interview.store import Store
from pcso_interview.store.integrity_migration import SESSION_CHILDREN
from tests.cli_support import check, check_finds, cli
from tests.store_support import every_row, indicators, new_session, signed_session

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("forgery") / "sessions.db"
    store = Store.open(path)
    signed = signed_session(store, ref="SIGNED")
    withdrawn = new_session(store, ref="GONE")
    store.withdraw(withdrawn, "Did not attend", "Rhian HR")
    open_ = new_session(store, ref="OPEN")
    store.classify(open_, "m1", indicators()[0], "demonstrated")
    store.close()
    return path, signed, withdrawn, open_


@pytest.fixture
def db(built, tmp_path):
    source, *ids = built
    path = tmp_path / "sessions.db"
    shutil.copyfile(source, path)
    return (path, *ids)


@pytest.fixture
def plain(db):
    """A plain sqlite3 connection, foreign keys off (sqlite3's default), autocommit."""
    conn = sqlite3.connect(db[0], isolation_level=None)
    yield conn
    conn.close()


def refused(conn: sqlite3.Connection, sql: str, params=()) -> str:
    with pytest.raises(sqlite3.IntegrityError) as caught:
        conn.execute(sql, params)
    return str(caught.value)


# --- with the triggers: refused at the first statement ----------------------------------------


def test_the_reported_forgery_is_refused_at_its_first_statement(db, plain):
    """UPDATE status, edit grades, version 2, sign-offs, a recomputed sheet, signed again: the
    very first statement is refused, and so is every later one tried on its own."""
    path, signed, _, _ = db
    before = every_row(path)
    assert "only HR reopens" in refused(
        plain, "UPDATE sessions SET status = 'reopened' WHERE id = ?", [signed]
    )
    steps = [
        ("UPDATE agreed SET grade = 5 WHERE session_id = ?", [signed]),
        ("UPDATE grades SET grade = 5 WHERE session_id = ?", [signed]),
        ("UPDATE marks SET note = 'rewritten' WHERE session_id = ?", [signed]),
        ("UPDATE sessions SET version = 2 WHERE id = ?", [signed]),
        ("UPDATE signoffs SET version = 2 WHERE session_id = ?", [signed]),
        (
            "INSERT INTO signoffs (session_id, version, member_id, method, typed_name,"
            " signature_png, declaration, signed_at) VALUES (?, 2, 'm1', 'typed', 'Ann Chair',"
            " '', 'I confirm', '2025-03-04T09:00:00Z')",
            [signed],
        ),
        (
            "INSERT INTO sheets (session_id, version, digest, signed_at, content)"
            " VALUES (?, 2, ?, '2025-03-04T09:00:00Z', x'00')",
            [signed, "f" * 64],
        ),
        ("UPDATE sessions SET digest = ? WHERE id = ?", ["f" * 64, signed]),
        ("UPDATE sessions SET status = 'signed' WHERE id = ?", [signed]),
        ("DELETE FROM profile_snapshots", []),
        ("DELETE FROM sheets WHERE session_id = ?", [signed]),
        ("UPDATE sheets SET digest = ? WHERE session_id = ?", ["f" * 64, signed]),
    ]
    for sql, params in steps:
        refused(plain, sql, params)
    assert every_row(path) == before


def test_a_reopen_without_its_audit_row_is_refused_but_with_it_goes_through(db, plain):
    """The rule is the audit row, not the app: writing it first is what reopening is, and the
    reopen is then in the audit for everyone to see."""
    path, signed, _, _ = db
    refused(plain, "UPDATE sessions SET status = 'reopened' WHERE id = ?", [signed])
    store = Store.open(path)
    try:
        store.reopen(signed, "Typing error in a note", "Rhian HR")
        assert store.load(signed).version == 2
        assert [e.action for e in store.audit_trail(signed)][-1] == "reopen"
    finally:
        store.close()


def test_a_signed_session_cannot_be_signed_again_without_every_member_and_a_lock_row(db, plain):
    _, _, _, open_ = db
    # An open session set straight to signed: no sheet, no sign-offs, no lock row.
    assert "every member has signed" in refused(
        plain, "UPDATE sessions SET status = 'signed', digest = ? WHERE id = ?", ["a" * 64, open_]
    )
    assert "every member has signed" in refused(
        plain,
        "INSERT INTO sheets (session_id, version, digest, signed_at, content)"
        " VALUES (?, 1, ?, 'x', x'00')",
        [open_, "a" * 64],
    )


def test_a_withdrawal_needs_its_audit_row(db, plain):
    _, _, _, open_ = db
    assert "withdrawn only with a reason" in refused(
        plain,
        "UPDATE sessions SET status = 'withdrawn', withdrawn_reason = 'x' WHERE id = ?",
        [open_],
    )


@pytest.mark.parametrize("table", [t for t in SESSION_CHILDREN if t != "members"])
def test_orphans_are_refused_with_foreign_keys_off(db, plain, table):
    """sqlite3 leaves foreign keys off: a trigger refuses what they would have."""
    columns = {
        "questions": "(session_id, area_id, question) VALUES ('nobody', 'a', 'q')",
        "marks": "(session_id, member_id, indicator_id) VALUES ('nobody', 'm1', 'i')",
        "area_notes": "(session_id, member_id, area_id, note) VALUES ('nobody', 'm1', 'a', 'n')",
        "grades": "(session_id, member_id, area_id, grade) VALUES ('nobody', 'm1', 'a', 3)",
        "agreed": "(session_id, area_id, grade) VALUES ('nobody', 'a', 3)",
        "signoffs": "(session_id, version, member_id, method, declaration, signed_at)"
        " VALUES ('nobody', 1, 'm1', 'typed', 'd', 't')",
    }
    assert "must belong to an existing session" in refused(
        plain, f"INSERT INTO {table} {columns[table]}"
    )


def test_a_mark_cannot_name_a_member_who_is_not_on_the_panel(db, plain):
    _, _, _, open_ = db
    refused(
        plain,
        "INSERT INTO marks (session_id, member_id, indicator_id) VALUES (?, 'm9', ?)",
        [open_, indicators()[1]],
    )
    refused(plain, "UPDATE marks SET member_id = 'm2' WHERE session_id = ?", [open_])


def test_a_snapshot_in_use_cannot_be_deleted_and_a_session_needs_one(db, plain):
    assert "in use" in refused(plain, "DELETE FROM profile_snapshots")
    refused(
        plain,
        "INSERT INTO sessions (id, profile_id, snapshot, force, role_title, candidate_name,"
        " candidate_ref, date, status, retention_months, created_at, updated_at)"
        " VALUES ('x', 'p', 'no-such-snapshot', 'F', 'R', 'N', 'R1', '2025-01-01', 'setup',"
        " 12, 't', 't')",
    )


def test_audit_rows_cannot_be_edited_deleted_or_slipped_in(db, plain):
    _, signed, _, _ = db
    refused(plain, "UPDATE audit SET new = '' WHERE session_id = ?", [signed])
    refused(plain, "DELETE FROM audit WHERE session_id = ?", [signed])
    refused(
        plain,
        "INSERT INTO audit (session_id, at, actor, action, prev, session_prev, content_hash,"
        " hash) VALUES (?, 't', 'x', 'reopen', 'p', 'p', ?, ?)",
        [signed, "c" * 64, "h" * 64],
    )


def test_the_register_of_issued_sheets_is_append_only(db, plain):
    refused(
        plain,
        "INSERT INTO issued_sheets (file_sha256, position, session_id, version, record_digest,"
        " state, how, issued_at, issued_by) VALUES (?, 1, 's', 1, '', 'draft', 'x', 't', 'x')",
        ["a" * 64],
    )


# --- triggers dropped: check and verify find it ------------------------------------------------


def drop_triggers(conn: sqlite3.Connection) -> None:
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        if not name.startswith("sessions_fts"):
            conn.execute(f"DROP TRIGGER {name}")


def test_a_clean_database_checks_ok(db, capsys):
    path, signed, _, _ = db
    status, out = check(capsys, path)
    assert status == 0 and out.startswith("OK: the audit chain is intact")
    status, out, _ = cli(capsys, "--db", path, "verify", signed)
    assert status == 0 and out.startswith("MATCH ")


def test_rows_and_every_digest_rewritten_are_still_found(db, plain, capsys):
    """The forger recomputes the digest of the edited record and writes it everywhere but the
    audit chain (whose lock row carries the signed digest, and is itself chained)."""
    path, signed, _, _ = db
    drop_triggers(plain)
    plain.execute(
        "UPDATE marks SET note = 'Gave no example at all.' WHERE session_id = ? AND note != ''",
        [signed],
    )
    plain.execute("UPDATE grades SET grade = 4 WHERE session_id = ? AND member_id = 'm1'", [signed])
    store = Store.open(path)
    try:
        forged = store.load(signed)
        new_digest = forged.digest()
        content = forged.signed_content()
    finally:
        store.close()
    record = zlib.compress(
        json.dumps({**content, "profile": digest(content["profile"])}, sort_keys=True).encode()
    )
    plain.execute(
        "UPDATE sheets SET digest = ?, content = ? WHERE session_id = ?",
        [new_digest, record, signed],
    )
    plain.execute("UPDATE sessions SET digest = ? WHERE id = ?", [new_digest, signed])
    check_finds(
        capsys, path, f"PROBLEM session {signed} (SIGNED): the digest in the audit trail's lock"
    )
    status, out, _ = cli(capsys, "--db", path, "verify", signed)
    assert status == 1 and out.startswith(f"MISMATCH session {signed} (SIGNED)")
    assert "lock of version 1 differs" in out


def test_rows_edited_without_the_digests_name_what_changed(db, plain, capsys):
    path, signed, _, _ = db
    drop_triggers(plain)
    plain.execute(
        "UPDATE agreed SET grade = 5 WHERE session_id = ? AND area_id = 'integrity'", [signed]
    )
    check_finds(capsys, path, "the record no longer matches what was signed on ")
    store = Store.open(path)
    try:
        problems = store.load(signed).record_problems
    finally:
        store.close()
    assert problems and "agreed: signed" in problems[0]


def test_deleted_audit_rows_are_found(db, plain, capsys):
    """26 of 46 audit rows deleted went unnoticed before: now each gap is named."""
    path, _, _, _ = db
    drop_triggers(plain)
    ids = [r[0] for r in plain.execute("SELECT id FROM audit ORDER BY id")]
    doomed = ids[5:20]
    plain.execute(f"DELETE FROM audit WHERE id IN ({','.join('?' * len(doomed))})", doomed)
    status, out = check(capsys, path)
    assert status == 1
    assert (
        f"the audit chain breaks before row {ids[20]}: rows {ids[5]}-{ids[19]} are missing" in out
    )


def test_audit_rows_deleted_from_the_end_are_found(db, plain, capsys):
    path, _, _, _ = db
    drop_triggers(plain)
    last = plain.execute("SELECT max(id) FROM audit").fetchone()[0]
    plain.execute("DELETE FROM audit WHERE id > ?", [last - 3])
    check_finds(capsys, path, f"rows {last - 2}-{last} are deleted from its end")


def test_an_edited_audit_row_is_found_even_with_its_hash_rewritten(db, plain, capsys):
    path, signed, _, _ = db
    drop_triggers(plain)
    row = plain.execute(
        "SELECT id FROM audit WHERE session_id = ? AND action = 'grade' ORDER BY id LIMIT 1",
        [signed],
    ).fetchone()[0]
    plain.execute("UPDATE audit SET actor = 'Somebody Else' WHERE id = ?", [row])
    status, out = check(capsys, path)
    assert status == 1
    assert f"audit row {row} (grade, " in out and "was edited" in out
    # Rewriting its hashes as well breaks the link to the next row instead.
    from pcso_interview.store.chain import content_hash, link_hash

    words = plain.execute(
        "SELECT session_id, at, actor, action, subject, old, new, prev, session_prev"
        " FROM audit WHERE id = ?",
        [row],
    ).fetchone()
    words_hash = content_hash(*words[:7])
    plain.execute(
        "UPDATE audit SET content_hash = ?, hash = ? WHERE id = ?",
        [words_hash, link_hash(words[7], words[8], words_hash), row],
    )
    check_finds(capsys, path, f"the audit chain breaks before row {row + 1}")


def test_a_status_set_back_to_signed_by_hand_fails_verification(db, plain, capsys):
    """Reopened properly, edited, then set back to 'signed' behind the app's back."""
    path, signed, _, _ = db
    store = Store.open(path)
    try:
        store.reopen(signed, "Check", "Rhian HR")
        store.grade(signed, "m1", "integrity", 5)
    finally:
        store.close()
    drop_triggers(plain)
    plain.execute("UPDATE sessions SET status = 'signed', version = 1 WHERE id = ?", [signed])
    status, out = check(capsys, path)
    assert status == 1
    status, out, _ = cli(capsys, "--db", path, "verify", signed)
    assert status == 1 and "failed verification" in out
