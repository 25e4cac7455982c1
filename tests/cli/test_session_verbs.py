"""The HR verbs: exit 0 on success; on a user error, exit 1 and one line on stderr."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from datetime import UTC, datetime

import pytest

import main
from pcso_interview.store import SCHEMA_VERSION, SessionQuery, Store
from tests.cli_support import cli, fails
from tests.store_support import (
    PROFILE_IDS,
    WELSH_PANEL,
    Clock,
    new_session,
    read,
    scored_session,
    signed_session,
)

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


@pytest.fixture
def not_a_tty(monkeypatch):
    """Stdin as in a script or cron job: nobody there to answer a question."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Three sessions: one signed with a Welsh panel, one scored, one just set up."""
    path = tmp_path_factory.mktemp("verbs") / "sessions.db"
    store = Store.open(path, clock=Clock())
    signed = signed_session(store, ref="C-0100", day="2025-03-03", panel=WELSH_PANEL)
    scored = scored_session(
        store, ref="C-0200", day="2025-04-04", name="Alex Ashdown", profile_id="gwent-cso"
    )
    fresh = new_session(store, ref="C-0300", day="2025-05-05", name="Sam Brookfield")
    store.close()
    return path, {"signed": signed, "scored": scored, "fresh": fresh}


@pytest.fixture
def db(built, tmp_path):
    source, ids = built
    path = tmp_path / "sessions.db"
    path.write_bytes(source.read_bytes())
    return path, ids


# --- sessions ---------------------------------------------------------------------------------


def test_sessions_prints_a_table_newest_first(db, capsys):
    path, _ids = db
    status, out, err = cli(capsys, "--db", path, "sessions")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == [
        "ID",
        "DATE",
        "REFERENCE",
        "CANDIDATE",
        "FORCE",
        "CHAIR",
        "STATUS",
        "OUTCOME",
        "TOTAL",
    ]
    assert [line.split()[2] for line in lines[1:]] == ["C-0300", "C-0200", "C-0100"]
    assert "Gwenllïan Ŵyn" in lines[3]
    assert "Signed" in lines[3]
    assert "30 (60.0%)" in lines[3]
    assert err == "1-3 of 3 session(s)\n"


def test_sessions_json_lines_parse_and_filters_apply(db, capsys):
    path, ids = db
    status, out, _ = cli(capsys, "--db", path, "sessions", "--json", "--sort", "reference")
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["candidate_ref"] for r in rows] == ["C-0300", "C-0200", "C-0100"]
    assert {r["id"] for r in rows} == set(ids.values())

    def refs(*filters: str) -> list[str]:
        status, out, _ = cli(capsys, "--db", path, "sessions", "--json", *filters)
        assert status == 0
        return [json.loads(line)["candidate_ref"] for line in out.splitlines()]

    assert refs("--status", "signed") == ["C-0100"]
    assert refs("--status", "setup", "--status", "consensus") == ["C-0300", "C-0200"]
    assert refs("--profile", "gwent-cso") == ["C-0200"]
    assert refs("--outcome", "pass") == ["C-0200", "C-0100"]
    assert refs("--outcome", "incomplete") == ["C-0300"]
    assert refs("--from", "2025-04-01", "--to", "2025-04-30") == ["C-0200"]
    assert refs("--text", "LLŶR") == ["C-0100"]  # a panel member's name, any case
    assert refs("--text", "ashdown") == ["C-0200"]
    assert refs("--ascending", "--limit", "2") == ["C-0100", "C-0200"]
    assert refs("--ascending", "--limit", "2", "--offset", "2") == ["C-0300"]
    assert refs("--text", "nobody") == []


@pytest.mark.parametrize(
    ("flag", "value"), [("--from", "2025-13-01"), ("--to", "yesterday"), ("--from", "1/2/2025")]
)
def test_sessions_with_a_bad_date_is_one_line(db, capsys, flag, value):
    path, _ = db
    line = fails(capsys, "--db", path, "sessions", flag, value)
    assert f"{flag} '{value}' is not a date (use YYYY-MM-DD)" in line


def test_sessions_on_a_newer_database_is_one_line_and_leaves_it(tmp_path, capsys):
    path = tmp_path / "sessions.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    assert "newer version of pcso-interview" in fails(capsys, "--db", path, "sessions")
    assert path.read_bytes() == before


# --- show -------------------------------------------------------------------------------------


def test_show_by_id_and_by_reference(db, capsys):
    path, ids = db
    status, by_id, err = cli(capsys, "--db", path, "show", ids["signed"])
    assert (status, err) == (0, "")
    assert by_id.startswith(f"Session    {ids['signed']}  (version 1, Signed)")
    assert "Candidate  Gwenllïan Ŵyn  ref C-0100" in by_id
    assert "Panel      Llŷr Ŵyn (member, C-303): signed" in by_id
    assert "Outcome    Pass: 30 of 50 (60.0%)" in by_id
    assert "Sheet v1" in by_id
    status, by_ref, _ = cli(capsys, "--db", path, "show", "c-0100")
    assert status == 0
    assert by_ref == by_id
    status, by_prefix, _ = cli(capsys, "--db", path, "show", ids["signed"][:8])
    assert (status, by_prefix) == (0, by_id)


def test_show_an_unknown_reference_is_one_line(db, capsys):
    path, _ = db
    line = fails(capsys, "--db", path, "show", "C-4040")
    assert "No session with id or candidate reference 'C-4040'" in line


# --- export, import, verify -------------------------------------------------------------------


def test_export_to_an_unwritable_path_is_one_line(db, tmp_path, capsys):
    path, ids = db
    target = tmp_path / "no-such-folder" / "session.json"
    line = fails(capsys, "--db", path, "export", ids["signed"], "-o", target)
    assert f"cannot write {target}" in line
    assert not target.parent.exists()
    line = fails(capsys, "--db", path, "export", ids["signed"], "-o", tmp_path)  # a folder
    assert "cannot write" in line


def test_export_never_writes_over_a_database_a_backup_or_its_wal(db, tmp_path, capsys):
    """-o sessions.db by mistake used to replace every session with one session's JSON."""
    path, ids = db
    backup = tmp_path / "copy-of-last-week"  # a database whatever its name
    backup.write_bytes(path.read_bytes())
    wal = tmp_path / "copy-of-last-week-wal"  # beside a database, as SQLite names it
    wal.write_bytes(b"\x37\x7f\x06\x82 anything")
    for target in (path, backup, wal):
        before = target.read_bytes()
        line = fails(capsys, "--db", path, "export", ids["signed"], "-o", target)
        assert line == (
            f"error: cannot write {target}: the file is a database (or part of one), which is"
            " never written over: choose another file"
        )
        assert target.read_bytes() == before
    status, _, err = cli(capsys, "--db", path, "sessions")
    assert (status, err) == (0, "1-3 of 3 session(s)\n")


def test_export_to_a_folder_name_or_nothing_is_refused_and_writes_nothing(db, tmp_path, capsys):
    """ "-o out/" wrote a file called out; "-o ''" tried to write the current folder."""
    path, ids = db
    for given in (f"{tmp_path / 'out'}/", ""):
        line = fails(capsys, "--db", path, "export", ids["signed"], "-o", given)
        assert "it is a folder, not a file" in line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "verb",
    [["sessions"], ["show", "C-0100"], ["check"], ["statistics"], ["pdf", "C-0100", "-o", "x"]],
)
def test_a_verb_given_a_mistyped_database_creates_nothing(verb, tmp_path, capsys):
    """A typo in --db made a new empty database (and its folders) and reported on it: "0 of
    0", "OK ... (0 session(s))", or a genuine sheet "not in this database"."""
    for missing in (tmp_path / "typo.db", tmp_path / "new" / "deeper" / "s.db"):
        line = fails(capsys, "--db", missing, *verb)
        assert line.startswith(f"error: no database at {missing}; nothing was created.")
        assert not missing.exists()
    assert not (tmp_path / "new").exists() and not (tmp_path / "x").exists()


def test_export_of_an_unknown_member_is_one_line(db, tmp_path, capsys):
    path, ids = db
    line = fails(
        capsys, "--db", path, "export", ids["scored"], "--member", "m9", "-o", tmp_path / "x.json"
    )
    assert "No panel member 'm9'" in line


def test_import_of_a_missing_file_is_one_line(db, tmp_path, capsys):
    path, _ = db
    missing = tmp_path / "missing.json"
    line = fails(capsys, "--db", path, "import", missing)
    assert line == f"error: {missing}: no such file"


def test_verify_a_signed_session_matches(db, capsys):
    path, ids = db
    status, out, err = cli(capsys, "--db", path, "verify", "C-0100")
    assert (status, err) == (0, "")
    assert out.startswith(f"MATCH session {ids['signed']} (C-0100) version 1: signed ")


def test_verify_of_an_unsigned_session_is_one_line(db, capsys):
    path, ids = db
    line = fails(capsys, "--db", path, "verify", ids["scored"])
    assert f"session {ids['scored']} (C-0200) version 1 is not signed, so it has no digest" in line


def test_verify_of_an_unknown_session_is_one_line(db, capsys):
    path, _ = db
    assert "No session" in fails(capsys, "--db", path, "verify", "C-4040")


# --- purge ------------------------------------------------------------------------------------


@pytest.fixture
def with_old(tmp_path, monkeypatch):
    """One session signed in January 2023 (long past its 12 months) and one signed today; an
    HR account to purge with, its passphrase in PCSO_PASSPHRASE."""
    path = tmp_path / "purge.db"
    store = Store.open(path, clock=Clock(datetime(2023, 1, 9, 9, 0, tzinfo=UTC)))
    old = signed_session(store, ref="C-OLD", day="2023-01-09")
    store.close()
    store = Store.open(path)
    young = signed_session(store, ref="C-YOUNG")
    store.add_user("Hana HR", "admin", "a long enough passphrase")
    store.close()
    monkeypatch.setenv("PCSO_PASSPHRASE", "a long enough passphrase")
    return path, old, young


def test_purge_without_yes_and_no_terminal_deletes_nothing(with_old, capsys, not_a_tty):
    path, old, _young = with_old
    status, out, err = cli(
        capsys, "--db", path, "purge", "--older-than-retention", "--user", "Hana HR"
    )
    assert status == 1
    assert f"{old[:12]}  2023-01-09  C-OLD  signed" in out
    assert "C-YOUNG" not in out
    assert err == "error: 1 session(s) would be deleted; add --yes to confirm\n"
    assert read(path, "SELECT count(*) FROM sessions") == [(2,)]


def test_purge_with_yes_deletes_and_audits(with_old, capsys, not_a_tty):
    path, old, young = with_old
    status, out, err = cli(
        capsys, "--db", path, "purge", "--older-than-retention", "--yes", "--user", "Hana HR"
    )
    assert (status, err) == (0, "")
    assert "deleted 1 session(s); the audit log records each one" in out
    assert read(path, "SELECT id FROM sessions") == [(young,)]
    assert read(
        path,
        "SELECT action, subject, old FROM audit WHERE session_id = ? ORDER BY id DESC LIMIT 1",
        [old],
    ) == [("purge", "past retention", "2023-01-09 signed")]
    status, out, _ = cli(
        capsys, "--db", path, "purge", "--older-than-retention", "--yes", "--user", "Hana HR"
    )
    assert (status, out) == (0, "nothing is past its retention period\n")


def test_purge_needs_its_explicit_flag(db, capsys):
    """A bare `purge` is an argparse usage error, not a deletion."""
    path, _ = db
    with pytest.raises(SystemExit) as caught:
        main.main(["--db", str(path), "purge"])
    assert caught.value.code == 2
    assert read(path, "SELECT count(*) FROM sessions") == [(3,)]


# --- demo -------------------------------------------------------------------------------------


def test_demo_fills_a_database_across_every_profile(tmp_path, capsys):
    path = tmp_path / "demo.db"
    status, out, err = cli(capsys, "--db", path, "demo", "--sessions", "30")
    assert (status, err) == (0, "")
    assert out == f"added 30 invented session(s) to {path}\n"
    assert read(path, "SELECT count(*) FROM sessions") == [(30,)]
    profiles = {r[0] for r in read(path, "SELECT DISTINCT profile_id FROM sessions")}
    assert profiles == set(PROFILE_IDS)
    statuses = {r[0] for r in read(path, "SELECT DISTINCT status FROM sessions")}
    assert "signed" in statuses
    store = Store.open(path)
    try:
        for row in store.query_sessions(SessionQuery(limit=100)).rows:
            if row.status == "signed":
                assert store.verify(row.id).matches, row.id
    finally:
        store.close()
    line = fails(capsys, "--db", path, "demo", "--sessions", "30")
    assert "already has the demo sessions of that seed" in line
    status, _, _ = cli(capsys, "--db", path, "demo", "--sessions", "5", "--seed", "7")
    assert status == 0
    assert read(path, "SELECT count(*) FROM sessions") == [(35,)]


def test_demo_needs_at_least_one_session(tmp_path, capsys):
    assert "at least 1" in fails(capsys, "--db", tmp_path / "demo.db", "demo", "--sessions", "0")


def test_everything_the_cli_writes_is_the_owners_only(db, capsys, tmp_path):
    """Sheets, session files and their folders: 0600 files in 0700 folders, whatever the umask."""
    import os

    path, ids = db
    old = os.umask(0o022)
    try:
        out = tmp_path / "new-folder"
        assert cli(capsys, "--db", path, "pdf", ids["signed"], "-o", out)[0] == 0
        assert cli(capsys, "--db", path, "export", ids["signed"], "-o", tmp_path / "s.json")[0] == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o700
    for written in [*out.iterdir(), tmp_path / "s.json", path.parent / "keys" / "signing.pem"]:
        assert written.stat().st_mode & 0o777 == 0o600, written
    assert (path.parent / "keys").stat().st_mode & 0o777 == 0o700


def test_what_a_session_holds_reaches_the_terminal_as_text_never_as_its_commands(tmp_path, capsys):
    """A rationale or a withdrawal reason from a session file may carry ESC sequences (which
    recolour, retitle or clear a terminal), a carriage return or a bidi override: `show`
    prints each as its code."""
    path = tmp_path / "sessions.db"
    store = Store.open(path, clock=Clock())
    session_id = scored_session(store, ref="C-0900")
    area = store.load(session_id).planned_areas[0].id
    hostile = "Agreed.\x1b]0;pwned\x07\x1b[2J\rOVERWRITTEN \u202eevil"
    store.agree(session_id, area, store.load(session_id).agreed_grade(area), hostile)
    store.close()
    status, out, _ = cli(capsys, "--db", path, "show", "C-0900")
    assert status == 0
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out and "\x07" not in out
    assert "rationale: Agreed.\\u001b]0;pwned\\u0007\\u001b[2J\\u000dOVERWRITTEN \\u202eevil" in out
