"""HR accounts at the command line: users add|list|reset, and reopen, withdraw, purge, import
and pin reset naming the user, with the passphrase from a prompt or PCSO_PASSPHRASE."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pcso_interview.store import Store
from tests.cli_support import cli, fails
from tests.store_support import Clock, new_session, read, signed_session

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

PASSPHRASE = "correct horse battery staple"
PIN = "47112358"


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "sessions.db"
    store = Store.open(path, clock=Clock(datetime(2023, 1, 9, 9, 0, tzinfo=UTC)))
    try:
        signed = signed_session(store, ref="C-SIGNED", day="2023-01-09")
        open_ = new_session(store, ref="C-OPEN")
        store.set_member_secret(open_, "m2", PIN)
    finally:
        store.close()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    return path, signed, open_


def add_admin(capsys, path, monkeypatch, name="Rhian Evans"):
    monkeypatch.setenv("PCSO_NEW_PASSPHRASE", PASSPHRASE)
    status, out, err = cli(capsys, "--db", path, "users", "add", name, "--role", "hr")
    assert status == 0, err
    monkeypatch.delenv("PCSO_NEW_PASSPHRASE")
    return out


def audit(path, sid):
    return read(
        path, "SELECT action, actor, subject FROM audit WHERE session_id = ? ORDER BY id", [sid]
    )


def test_the_first_account_is_an_admin_and_later_ones_need_an_admin(db, capsys, monkeypatch):
    path, _, _ = db
    assert "added Rhian Evans, role admin (the first account is an admin)" in add_admin(
        capsys, path, monkeypatch
    )
    monkeypatch.setenv("PCSO_NEW_PASSPHRASE", "another long passphrase")
    assert "--user" in fails(capsys, "--db", path, "users", "add", "Dai Jones")
    monkeypatch.setenv("PCSO_PASSPHRASE", PASSPHRASE)
    status, out, _ = cli(
        capsys, "--db", path, "users", "add", "Dai Jones", "--role", "hr", "--user", "Rhian Evans"
    )
    assert status == 0 and "added Dai Jones, role hr" in out
    status, out, _ = cli(capsys, "--db", path, "users", "list")
    assert out.split() == ["NAME", "ROLE", "Dai", "Jones", "hr", "Rhian", "Evans", "admin"]
    # An hr account cannot add accounts.
    monkeypatch.setenv("PCSO_PASSPHRASE", "another long passphrase")
    assert "is not an HR admin" in fails(
        capsys, "--db", path, "users", "add", "X Y", "--user", "Dai Jones"
    )


def test_reopen_with_the_right_passphrase_names_the_user_in_the_audit(db, capsys, monkeypatch):
    path, signed, _ = db
    add_admin(capsys, path, monkeypatch)
    monkeypatch.setenv("PCSO_PASSPHRASE", PASSPHRASE)
    status, out, err = cli(
        capsys, "--db", path, "reopen", signed, "--reason", "Typing error", "--user", "rhian evans"
    )
    assert status == 0, err
    assert "now version 2, by Rhian Evans" in out
    assert audit(path, signed)[-1] == ("reopen", "Rhian Evans", "Typing error")


@pytest.mark.parametrize("passphrase", ["wrong passphrase here", None], ids=["wrong", "missing"])
def test_a_wrong_or_missing_passphrase_changes_nothing(db, capsys, monkeypatch, passphrase):
    path, signed, open_ = db
    add_admin(capsys, path, monkeypatch)
    if passphrase is None:
        monkeypatch.delenv("PCSO_PASSPHRASE", raising=False)
    else:
        monkeypatch.setenv("PCSO_PASSPHRASE", passphrase)
    before = {t: read(path, f"SELECT * FROM {t}") for t in ("sessions", "members", "sheets")}
    for attempt, verb in enumerate(
        (
            ["reopen", signed, "--reason", "x"],
            ["withdraw", open_, "--reason", "x"],
            ["purge", "--older-than-retention", "--yes"],
            ["pin", "reset", open_, "m2"],
            ["users", "reset", "Rhian Evans"],
        ),
        start=1,
    ):
        line = fails(capsys, "--db", path, *verb, "--user", "Rhian Evans")
        if passphrase is None:
            assert "PCSO_PASSPHRASE" in line, line
        elif attempt <= 3:
            assert "Wrong passphrase for Rhian Evans" in line, line
        else:  # three wrong in a row: the account waits a while
            assert "Too many wrong passphrases for Rhian Evans: wait" in line, line
    after = {t: read(path, f"SELECT * FROM {t}") for t in ("sessions", "members", "sheets")}
    assert after == before
    refusals = read(path, "SELECT count(*) FROM audit WHERE action = 'sign-in refused'")
    assert refusals == ([(3,)] if passphrase else [(0,)])


def test_withdraw_purge_and_pin_reset_name_the_signed_in_user(db, capsys, monkeypatch):
    path, signed, open_ = db
    add_admin(capsys, path, monkeypatch)
    monkeypatch.setenv("PCSO_PASSPHRASE", PASSPHRASE)
    assert cli(capsys, "--db", path, "pin", "reset", open_, "m2", "--user", "Rhian Evans")[0] == 0
    assert audit(path, open_)[-1] == ("reset PIN", "Rhian Evans", "m2")
    status, _, _ = cli(
        capsys,
        "--db",
        path,
        "withdraw",
        open_,
        "--reason",
        "Did not attend",
        "--user",
        "Rhian Evans",
    )
    assert status == 0
    assert audit(path, open_)[-1] == ("withdraw", "Rhian Evans", "Did not attend")
    status, out, _ = cli(
        capsys, "--db", path, "purge", "--older-than-retention", "--yes", "--user", "Rhian Evans"
    )
    assert status == 0 and "deleted 1 session(s)" in out
    assert audit(path, signed)[-1] == ("purge", "Rhian Evans", "past retention")


def test_an_admin_resets_a_forgotten_passphrase(db, capsys, monkeypatch):
    path, _, _ = db
    add_admin(capsys, path, monkeypatch)
    monkeypatch.setenv("PCSO_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PCSO_NEW_PASSPHRASE", "another long passphrase")
    cli(capsys, "--db", path, "users", "add", "Dai Jones", "--user", "Rhian Evans")
    monkeypatch.setenv("PCSO_NEW_PASSPHRASE", "a brand new passphrase")
    status, out, _ = cli(
        capsys, "--db", path, "users", "reset", "Dai Jones", "--user", "Rhian Evans"
    )
    assert status == 0 and "set a new passphrase for Dai Jones, by Rhian Evans" in out
    store = Store.open(path)
    try:
        assert store.sign_in("Dai Jones", "a brand new passphrase").name == "Dai Jones"
    finally:
        store.close()


def test_the_database_holds_no_passphrase_or_pin(db, capsys, monkeypatch):
    path, signed, _ = db
    add_admin(capsys, path, monkeypatch)
    monkeypatch.setenv("PCSO_PASSPHRASE", PASSPHRASE)
    cli(capsys, "--db", path, "reopen", signed, "--reason", "check", "--user", "Rhian Evans")
    for file in path.parent.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert PASSPHRASE.encode() not in data, file
            assert PIN.encode() not in data, file
    hashes = read(path, "SELECT hash FROM users UNION ALL SELECT hash FROM member_secrets")
    assert hashes and all(h.startswith("$argon2id$") for (h,) in hashes)


def test_reopen_takes_several_sessions_and_reports_each_refusal(db, capsys, monkeypatch):
    """The batch the HR window offers, at the command line: one refusal stops nothing else."""
    path, signed, open_ = db
    add_admin(capsys, path, monkeypatch)
    monkeypatch.setenv("PCSO_PASSPHRASE", PASSPHRASE)
    status, out, err = cli(
        capsys,
        "--db",
        path,
        "reopen",
        open_,
        signed,
        "--reason",
        "Typing error",
        "--user",
        "Rhian Evans",
    )
    assert status == 1
    assert f"reopened session {signed}" in out
    assert "1 of 2 session(s) reopened; 1 refused." in out
    assert err.splitlines() == [
        f"error: session {open_}: A session that is setting up cannot move to reopened."
    ]
    assert audit(path, signed)[-1] == ("reopen", "Rhian Evans", "Typing error")
