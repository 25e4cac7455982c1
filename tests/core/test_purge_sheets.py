"""A purged session's issued sheets: the tester's reproductions.

A purge takes the session's rows of the register of issued sheets in its own transaction, and
`check` takes their absence for the purge it was (it failed for good before: "registered
without its audit row"); a register row deleted any other way is still reported. A sheet of a
purged session still verifies as purged, and an old session file of it is not imported again
(the candidate came back, and the sheet verified as MATCH).
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pcso_interview.lifecycle import SessionRuleError
from pcso_interview.store import Store, opening
from pcso_interview.store.chain import GENESIS
from reports.issue import issue_combined, issue_to_file, part_of
from tests.cli_support import check, check_finds, cli
from tests.store_support import Clock, every_row, read, signed_session

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

NAME = "Zephaniah Quarterfield"
REFERENCE = "ZQ-7781"
PASSPHRASE = "a long enough passphrase"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str, str]:
    """A signed session closed on 2023-01-10 (past its 12 months), its sheet issued by the pdf
    verb and in a combined PDF with a recent session; an HR account."""
    folder = tmp_path_factory.mktemp("purge-sheets")
    path = folder / "data" / "sessions.db"
    store = Store.open(path, clock=Clock(datetime(2023, 1, 10, 9, 0, tzinfo=UTC)))
    try:
        old = signed_session(store, name=NAME, ref=REFERENCE, day="2023-01-09")
        store.add_user("Hana HR", "admin", PASSPHRASE)
    finally:
        store.close()
    store = Store.open(path)
    try:
        kept = signed_session(store, name="Keeper Candidate", ref="KEEP-0001")
        sheets = folder / "sheets"
        sheets.mkdir()
        issue_to_file(
            store, store.load(old), sheets / "old.pdf", how="pdf verb", actor="command line"
        )
        issue_to_file(
            store, store.load(kept), sheets / "kept.pdf", how="pdf verb", actor="command line"
        )
        issue_combined(
            store,
            [store.load(old), store.load(kept)],
            sheets / "both.pdf",
            how="HR combined PDF",
            actor="Hana HR",
        )
    finally:
        store.close()
    return folder, old, kept


@pytest.fixture
def db(built, tmp_path, monkeypatch) -> tuple[Path, Path, str, str]:
    """A copy of the database (and its key, beside it) and the sheets, for one test."""
    folder, old, kept = built
    shutil.copytree(folder, tmp_path / "copy")
    monkeypatch.setenv("PCSO_PASSPHRASE", PASSPHRASE)
    return tmp_path / "copy" / "data" / "sessions.db", tmp_path / "copy" / "sheets", old, kept


def purge(capsys, path: Path) -> None:
    status, out, err = cli(
        capsys, "--db", path, "purge", "--older-than-retention", "--yes", "--user", "Hana HR"
    )
    assert status == 0, err
    assert "deleted 1 session(s)" in out


def test_check_passes_after_purging_a_session_whose_sheet_was_issued(db, capsys):
    path, sheets, old, kept = db
    assert read(path, "SELECT count(*) FROM issued_sheets WHERE session_id = ?", [old]) == [(2,)]
    purge(capsys, path)
    status, out = check(capsys, path)
    assert status == 0, out
    assert out.startswith("OK: the audit chain is intact")
    assert read(path, "SELECT DISTINCT session_id FROM issued_sheets") == [(kept,)]
    # Nothing of the purged session's register is left: no version, digest or issuer.
    assert read(path, "SELECT count(*) FROM issued_sheets WHERE session_id = ?", [old]) == [(0,)]
    data = path.read_bytes()
    assert NAME.encode() not in data and REFERENCE.encode() not in data
    # Its sheet still verifies as purged, when and by whom.
    status, out, _ = cli(capsys, "--db", path, "verify", sheets / "old.pdf")
    assert status == 3, out
    assert f"NOT CURRENT {sheets / 'old.pdf'}: session {old} was purged on " in out
    assert "by Hana HR" in out


def test_a_combined_pdf_keeps_its_other_sheets_registered_in_their_places(db, capsys):
    """The purged session's part of a combined PDF leaves the register; the part after it is
    still found there at its own place, not taken for another sheet's."""
    path, sheets, old, _ = db
    purge(capsys, path)
    status, out, _ = cli(capsys, "--db", path, "verify", sheets / "both.pdf")
    assert status == 3, out
    first, second = (line for line in out.splitlines() if not line.startswith("  "))
    assert first.startswith(f"NOT CURRENT {sheets / 'both.pdf'} sheet 1 of 2 (page 1): ")
    assert f"session {old} was purged on " in first
    assert second.startswith(f"MATCH {sheets / 'both.pdf'} sheet 2 of 2 ")
    assert "the current signed-off record; issued " in second
    assert "by Hana HR (HR combined PDF)" in second


def test_a_session_file_of_a_purged_session_is_refused_and_changes_nothing(db, capsys):
    path, sheets, old, _ = db
    exported = path.parent.parent / "old.json"
    assert cli(capsys, "--db", path, "export", old, "-o", exported)[0] == 0
    purge(capsys, path)
    before = every_row(path)
    status, out, err = cli(capsys, "--db", path, "import", exported, "--user", "Hana HR")
    assert status == 1 and out == ""
    (line,) = err.splitlines()
    assert line.startswith(f"error: {exported}: refused: session {old} was purged here on ")
    assert line.endswith(" by Hana HR (past its retention period); it is not brought back")
    assert every_row(path) == before
    data = path.read_bytes()
    assert NAME.encode() not in data and REFERENCE.encode() not in data
    status, out, _ = cli(capsys, "--db", path, "verify", sheets / "old.pdf")
    assert status == 3 and f"session {old} was purged on " in out
    assert check(capsys, path)[0] == 0


def test_the_database_itself_refuses_a_purged_session_back(db, capsys):
    """Whatever writes: the store, or a plain sqlite3 connection."""
    path, _, old, _ = db
    store = Store.open(path)
    try:
        session = store.load(old)
    finally:
        store.close()
    purge(capsys, path)
    store = Store.open(path)
    try:
        with pytest.raises(SessionRuleError, match=r"was purged here on .* by Hana HR"):
            store.insert_session(session, session.digest(), "Hana HR")
    finally:
        store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        snapshot = conn.execute("SELECT digest FROM profile_snapshots LIMIT 1").fetchone()[0]
        with pytest.raises(sqlite3.IntegrityError, match="a purged session is never brought back"):
            conn.execute(
                "INSERT INTO sessions (id, profile_id, snapshot, force, role_title,"
                " candidate_name, candidate_ref, date, status, retention_months, created_at,"
                " updated_at) VALUES (?, 'p', ?, 'f', 'r', 'n', 'r', '2023-01-09', 'setup', 12,"
                " 't', 't')",
                [old, snapshot],
            )
    finally:
        conn.close()


def test_a_register_row_deleted_outside_a_purge_is_refused_and_else_reported(db, capsys):
    path, _, _, kept = db
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM issued_sheets WHERE session_id = ?", [kept])
        conn.execute("DROP TRIGGER issued_no_delete")
        conn.execute("DELETE FROM issued_sheets WHERE session_id = ? AND position = 1", [kept])
    finally:
        conn.close()
    status, out = check(capsys, path)
    assert status == 1
    problems = [line for line in out.splitlines() if line.startswith("PROBLEM")]
    assert len(problems) == 2, out
    assert "protection 'issued_no_delete' was removed" in problems[0]
    assert "no longer in the register (deleted, and not by a purge)" in problems[1]


def test_a_forged_purge_of_a_sessions_sheets_is_reported(db, capsys):
    """Its sheets deleted from the register and their audit rows blanked, as a purge does,
    but the session is still here: `check` does not take it for a purge."""
    path, _, _, kept = db
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for name in ("issued_no_delete", "audit_no_update"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DELETE FROM issued_sheets WHERE session_id = ?", [kept])
        conn.execute(
            "UPDATE audit SET actor = '', subject = '', old = '', new = '', redacted = 1"
            " WHERE session_id = ? AND action = 'issue sheet'",
            [kept],
        )
    finally:
        conn.close()
    check_finds(
        capsys,
        path,
        f"2 audit row(s) of session {kept} were blanked as a purge blanks them, but the"
        " session is in the database",
    )


def test_a_session_deleted_by_hand_cannot_take_its_sheets_and_a_forged_purge_row_is_found(
    db, capsys
):
    """With the triggers in place: a session past its retention can be deleted with sqlite3,
    but its sheets stay registered (and `check` names them) until a purge row comes last; a
    purge row slipped in with a made-up hash breaks the chain, and the sheets' audit rows
    still say they were issued."""
    path, _, old, _ = db
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("DELETE FROM sessions WHERE id = ?", [old])
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM issued_sheets WHERE session_id = ?", [old])
        prev = conn.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()[0]
        session_prev = conn.execute(
            "SELECT hash FROM audit WHERE session_id = ? ORDER BY id DESC LIMIT 1", [old]
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO audit (session_id, at, actor, action, subject, prev, session_prev,"
            " content_hash, hash) VALUES (?, '2026-01-01T00:00:00Z', 'Forger', 'purge',"
            " 'past retention', ?, ?, ?, ?)",
            [old, prev, session_prev or GENESIS, "c" * 64, "h" * 64],
        )
        conn.execute("DELETE FROM issued_sheets WHERE session_id = ?", [old])
    finally:
        conn.close()
    status, out = check(capsys, path)
    assert status == 1
    assert "its chain hash was rewritten" in out or "was edited" in out
    assert out.count("no longer in the register (deleted, and not by a purge)") == 2, out


def test_an_older_database_forgets_the_sheets_its_purges_left_in_the_register(tmp_path):
    """A database purged before migration 8 kept the purged session's register rows (and
    `check` failed for good); the upgrade removes them, and only them."""
    import sqlite_utils

    from pcso_interview.store.schema import build_migrations

    path = tmp_path / "sessions.db"
    conn = sqlite3.connect(path)
    opening.configure(conn)
    build_migrations().apply(sqlite_utils.Database(conn), stop_before="008_purge_forgets_sheets")
    conn.execute("PRAGMA user_version = 7")
    store = Store(conn, path, Clock(datetime(2023, 1, 10, 9, 0, tzinfo=UTC)))
    try:
        old = signed_session(store, name=NAME, ref=REFERENCE, day="2023-01-09")
        kept = signed_session(store, ref="KEEP-0001")
        for session_id, sha in ((old, "a" * 64), (kept, "b" * 64)):
            store.register_issue(sha, [part_of(store.load(session_id))], "pdf verb", "x")
        # What purge did before migration 8: the session's rows, its audit rows' words, its
        # purge row; the register kept its sheets.
        with store._write() as now:
            conn.execute("DELETE FROM sessions WHERE id = ?", [old])
            conn.execute(
                "UPDATE audit SET actor = '', subject = '', old = '', new = '', redacted = 1"
                " WHERE session_id = ?",
                [old],
            )
            store._audit(now, old, "Hana HR", "purge", "past retention", "2023-01-09 signed")
    finally:
        conn.close()
    assert read(path, "SELECT count(*) FROM issued_sheets") == [(2,)]
    store = Store.open(path)
    try:
        assert [str(f) for f in store.check()] == []
    finally:
        store.close()
    assert read(path, "PRAGMA user_version") == [(8,)]
    assert read(path, "SELECT session_id FROM issued_sheets") == [(kept,)]
