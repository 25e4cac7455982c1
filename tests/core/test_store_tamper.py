"""Changes to the file that touch no record, as someone with sqlite3 would make them: the
triggers dropped or pointed elsewhere (schema_check), and the audit trail's tail cut with its
counter put back (audit_anchor). `check` names each one."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from pcso_interview.store import Store
from tests.cli_support import cli
from tests.store_support import indicators, new_session, signed_session

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


def check(capsys, path) -> tuple[int, str]:
    status, out, _ = cli(capsys, "--db", path, "check")
    return status, out


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
    conn = plain(path)
    for name in names:
        conn.execute(f"DROP TRIGGER {name}")
    conn.close()
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
    conn = plain(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'BEFORE DELETE ON sessions',"
        " 'BEFORE DELETE ON app_state'), tbl_name = 'app_state' WHERE name = 'sessions_retained'"
    )
    conn.execute("PRAGMA writable_schema = OFF")
    conn.close()
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
    conn = plain(path)
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute(
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit WHEN 0"
        " BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    conn.execute(
        "CREATE TRIGGER quietly AFTER INSERT ON marks BEGIN DELETE FROM marks"
        " WHERE rowid = NEW.rowid; END"
    )
    conn.close()
    status, out = check(capsys, path)
    assert status == 1
    assert "the database's protection 'audit_no_delete' was changed: someone changed" in out
    assert "the database has a trigger 'quietly' the app never made" in out


def test_a_table_redefined_without_its_check_is_named(db, capsys):
    path, _ = db
    conn = plain(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (state IN', 'CHECK (1 OR state IN')"
        " WHERE name = 'issued_sheets'"
    )
    conn.execute("PRAGMA writable_schema = OFF")
    conn.close()
    status, out = check(capsys, path)
    assert status == 1
    assert "the database's table 'issued_sheets' was changed" in out


def test_the_expected_schema_is_built_once_per_process():
    from pcso_interview.store.schema_check import expected_schema

    assert expected_schema() is expected_schema()
    assert sum(kind == "trigger" for kind, _ in expected_schema()) >= 69
