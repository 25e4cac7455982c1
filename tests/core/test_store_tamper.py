"""Changes to the file that touch no record, as someone with sqlite3 would make them: the
triggers dropped or pointed elsewhere (schema_check), and the audit trail's tail cut with its
counter put back (audit_anchor). `check` names each one."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from pcso_interview.store import Store, opening
from tests.cli_support import check, check_finds
from tests.store_support import by_hand, indicators, new_session, signed_session

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("tamper") / "sessions.db"
    store = Store.open(path)
    signed = signed_session(store, ref="SIGNED")
    open_ = new_session(store, ref="OPEN")
    store.classify(open_, "m1", indicators()[0], "demonstrated")
    store.close()
    return path, signed


@pytest.fixture
def db(built, tmp_path):
    source, signed = built
    path = tmp_path / "sessions.db"
    shutil.copyfile(source, path)
    return path, signed


def plain(path) -> sqlite3.Connection:
    """sqlite3 as a tester uses it: autocommit, foreign keys off."""
    return sqlite3.connect(path, isolation_level=None)


def schema_edited(path, statement: str) -> None:
    """``statement`` run on SQLite's own schema table (writable_schema), as a tester would."""
    by_hand(path, "PRAGMA writable_schema = ON", statement, "PRAGMA writable_schema = OFF")


def triggers(path) -> list[str]:
    conn = plain(path)
    try:
        return [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            )
        ]
    finally:
        conn.close()


# --- the schema: triggers removed, changed, added -------------------------------------------


def test_a_clean_database_checks_ok(db, capsys):
    status, out = check(capsys, db[0])
    assert status == 0 and out.startswith("OK: "), out


def test_every_protective_trigger_dropped_is_named_each_by_name(db, capsys):
    path, _ = db
    names = [n for n in triggers(path) if not n.startswith("sessions_fts")]
    assert len(names) == 69
    by_hand(path, *(f"DROP TRIGGER {name}" for name in names))
    status, out = check(capsys, path)
    assert status == 1
    for name in names:
        assert (
            f"PROBLEM schema: the database's protection '{name}' was removed: someone changed"
            " the file outside the app" in out
        )
    # The app opening the file does not hide it (nor put them back behind check's back).
    Store.open(path).close()
    status, out = check(capsys, path)
    assert status == 1 and "'sessions_retained' was removed" in out


def test_a_trigger_pointed_at_another_table_is_named(db, capsys):
    """writable_schema: the count of triggers and SQLite's integrity check stay as they were,
    but deleting a session goes through."""
    path, _ = db
    schema_edited(
        path,
        "UPDATE sqlite_master SET sql = replace(sql, 'BEFORE DELETE ON sessions',"
        " 'BEFORE DELETE ON app_state'), tbl_name = 'app_state' WHERE name = 'sessions_retained'",
    )
    conn = plain(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[
        0
    ] == len(triggers(path))
    conn.close()
    status, out = check(capsys, path)
    assert status == 1
    assert (
        "PROBLEM schema: the database's protection 'sessions_retained' was changed (it now acts"
        " on 'app_state', not 'sessions'): someone changed the file outside the app" in out
    )


def test_a_trigger_rewritten_in_place_or_added_is_named(db, capsys):
    path, _ = db
    by_hand(
        path,
        "DROP TRIGGER audit_no_delete",
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN 0"
        " BEGIN SELECT RAISE(ABORT, 'no'); END",
        "CREATE TRIGGER quietly AFTER INSERT ON marks BEGIN DELETE FROM marks"
        " WHERE rowid = NEW.rowid; END",
    )
    check_finds(
        capsys,
        path,
        "the database's protection 'audit_no_delete' was changed: someone changed",
        "the database has a trigger 'quietly' the app never made",
    )


def test_a_table_redefined_without_its_check_is_named(db, capsys):
    path, _ = db
    schema_edited(
        path,
        "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (state IN', 'CHECK (1 OR state IN')"
        " WHERE name = 'issued_sheets'",
    )
    check_finds(capsys, path, "the database's table 'issued_sheets' was changed")


def test_the_expected_schema_is_built_once_per_process():
    from pcso_interview.store.schema_check import expected_schema

    assert expected_schema() is expected_schema()
    assert sum(kind == "trigger" for kind, _ in expected_schema()) >= 69


# --- the audit trail's end: anchored by the backups beside the file --------------------------


def protective_triggers(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        " AND name NOT LIKE 'sessions_fts%'"
    ).fetchall()


def reopened_then_cut(path, signed: str) -> tuple[int, int]:
    """HR reopens the signed session and the app backs the file up; then someone deletes the
    reopen's audit row, lowers SQLite's counter, puts the session back as it was and the
    triggers back as they were. The first and last audit ids removed."""
    conn = plain(path)
    conn.row_factory = sqlite3.Row
    before = dict(conn.execute("SELECT * FROM sessions WHERE id = ?", [signed]).fetchone())
    kept = conn.execute("SELECT max(id) FROM audit").fetchone()[0]
    conn.close()
    store = Store.open(path)
    try:
        store.reopen(signed, "Typing error in a note", "Rhian HR")
    finally:
        store.close()
    opening.backup_database(path)
    conn = plain(path)
    last = conn.execute("SELECT max(id) FROM audit").fetchone()[0]
    saved = protective_triggers(conn)
    for name, _ in saved:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DELETE FROM audit WHERE id > ?", [kept])
    conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit'", [kept])
    columns = ", ".join(f"{c} = ?" for c in before)
    conn.execute(f"UPDATE sessions SET {columns} WHERE id = ?", [*before.values(), signed])
    for _, sql in saved:
        conn.execute(sql)
    conn.close()
    return kept + 1, last


def test_the_tail_cut_with_the_counter_lowered_is_named_by_the_backup(db, capsys):
    path, signed = db
    first, last = reopened_then_cut(path, signed)
    taken = opening.backup_candidates(path)[0].taken
    status, out = check(capsys, path)
    assert status == 1
    span = f"row {first} was" if first == last else f"rows {first}-{last} were"
    assert out.splitlines() == [
        f"PROBLEM audit: the audit trail ends before what the backup of {taken} holds:"
        f" {span} removed"
    ]


def test_without_a_backup_the_cut_goes_unseen_but_check_still_runs(db, capsys):
    """The documented limit: with the counter lowered and no backup to compare with, nothing
    in the file shows the rows were ever there."""
    path, signed = db
    reopened_then_cut(path, signed)
    shutil.rmtree(path.parent / "backups")
    status, out = check(capsys, path)
    assert status == 0 and out.startswith("OK: "), out


def test_a_backup_from_before_the_audit_chain_is_passed_over(db, capsys):
    """A backup without the chain's columns (an older schema's, before upgrading) anchors
    nothing and is not an error."""
    path, _ = db
    folder = path.parent / "backups"
    folder.mkdir()
    old = folder / "sessions-20200101T000000000000Z-before-upgrade.db"
    shutil.copyfile(path, old)
    conn = plain(old)
    for name, _ in protective_triggers(conn):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP INDEX audit_session")
    conn.execute("ALTER TABLE audit DROP COLUMN hash")
    conn.close()
    status, out = check(capsys, path)
    assert status == 0, out


@pytest.mark.parametrize(
    ("sql", "said"),
    [
        ("DELETE FROM sqlite_sequence", "(sqlite_sequence) was deleted"),
        ("UPDATE sqlite_sequence SET seq = 'many'", "(sqlite_sequence) was set to 'many'"),
        ("UPDATE sqlite_sequence SET seq = 2.5", "(sqlite_sequence) was set to 2.5"),
    ],
)
def test_the_counter_deleted_or_not_a_number_is_named(db, capsys, sql, said):
    path, _ = db
    by_hand(path, sql)
    check_finds(capsys, path, f"PROBLEM audit: SQLite's counter of audit rows {said}")


def test_the_counter_table_taken_out_of_the_schema_gives_no_traceback(db, capsys):
    path, _ = db
    schema_edited(path, "DELETE FROM sqlite_master WHERE name = 'sqlite_sequence'")
    status, _ = check(capsys, path)  # damaged, or the counter named: either way in words
    assert status == 1


def test_a_rewritten_or_holed_trail_is_named_against_the_backup():
    from pcso_interview.store.audit_anchor import _compare

    held = {1: "a", 2: "b", 3: "c", 4: "d"}
    assert [f.message for f in _compare(held, held, "B")] == []
    assert [f.message for f in _compare({**held, 5: "e"}, held, "B")] == []
    found = [f.message for f in _compare({1: "a", 3: "x", 4: "d"}, held, "B")]
    assert found == [
        "1 audit row(s) that B holds are missing, the first row 2",
        "audit row 3 is not the row B holds (1 row(s) differ): the trail was rewritten from there",
    ]


def test_a_backup_restored_by_hand_is_not_taken_for_a_cut(db, capsys):
    """Going back to an older backup removes the rows written since, openly: the restored
    file is backed up at once, so the newer backups no longer anchor the trail's end."""
    path, signed = db
    opening.backup_database(path)
    store = Store.open(path)
    try:
        store.reopen(signed, "Typing error in a note", "Rhian HR")
    finally:
        store.close()
    opening.backup_database(path)
    opening.restore_backup(path, opening.list_backups(path)[1])
    assert opening.list_backups(path)[0].name.endswith("-restored.db")
    status, out = check(capsys, path)
    assert status == 0 and out.startswith("OK: "), out
