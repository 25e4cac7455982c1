"""Where the archive's password comes from: libpq's password file, PGPASSWORD or a prompt,
for that one connection; never from the URL, never kept by the app.

``hr_pw`` and ``laptop_pw`` are the cluster's two logins that must give a password (every
other login is trusted on the test socket). Each test sets a fresh random one.
"""

from __future__ import annotations

import secrets

import psycopg
import pytest
from psycopg import sql

from pcso_interview.store.archive.connect import ArchiveError
from pcso_interview.store.archive.push import push
from pcso_interview.store.archive.read import ArchiveStore
from tests.archive.laptops import laptop, signed_day
from tests.cli_support import fails


@pytest.fixture
def password(archive, tmp_path, monkeypatch) -> str:
    """A fresh password for both logins; no PGPASSWORD and an empty password file, so only
    what a test gives counts."""
    secret = secrets.token_urlsafe(18)
    with archive.connect(autocommit=True) as conn:
        for login in ("hr_pw", "laptop_pw"):
            conn.execute(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    sql.Identifier(login), sql.Literal(secret)
                )
            )
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    return secret


class Prompt:
    """A user who types ``password`` whenever asked; what they were asked, in ``asked``."""

    def __init__(self, password: str) -> None:
        self.password = password
        self.asked: list[str] = []

    def __call__(self, text: str) -> str:
        self.asked.append(text)
        return self.password


def never_asked(_prompt: str) -> str | None:
    raise AssertionError("the user was asked for a password libpq already had")


def test_without_a_password_the_archive_says_so_in_words(archive, password, capsys):
    with pytest.raises(ArchiveError, match=r"cannot connect to hr_pw@.*no password given"):
        ArchiveStore.open(archive.url("hr_pw"), prompt=lambda _text: None)
    with pytest.raises(ArchiveError, match="cannot connect to hr_pw@"):
        ArchiveStore.open(archive.url("hr_pw"))  # nobody to ask
    # At the command line with no terminal to ask at: one line, no traceback.
    assert "cannot connect to hr_pw@" in fails(capsys, "--db", archive.url("hr_pw"), "sessions")


def test_a_prompt_is_asked_once_and_a_wrong_password_is_refused(archive, password):
    prompt = Prompt(password)
    store = ArchiveStore.open(archive.url("hr_pw"), prompt=prompt)
    try:
        assert store.login == "hr_pw" and store.count_sessions() == 0
    finally:
        store.close()
    asked = prompt.asked
    assert len(asked) == 1 and asked[0].startswith("Password for hr_pw@")
    assert password not in asked[0]
    with pytest.raises(ArchiveError, match="password authentication failed"):
        ArchiveStore.open(archive.url("hr_pw"), prompt=lambda _text: password + "x")


def test_pgpassword_and_the_password_file_are_used_without_asking(
    archive, password, tmp_path, monkeypatch
):
    monkeypatch.setenv("PGPASSWORD", password)
    ArchiveStore.open(archive.url("hr_pw"), prompt=never_asked).close()
    monkeypatch.delenv("PGPASSWORD")
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:hr_pw:{password}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    ArchiveStore.open(archive.url("hr_pw"), prompt=never_asked).close()


def test_a_password_typed_for_a_push_is_kept_nowhere_on_the_laptop(archive, password, tmp_path):
    store = laptop(tmp_path)
    signed_day(store, 2)
    url = archive.url("laptop_pw")
    report = push(store, url, prompt=lambda _text: password)
    assert report.sessions_sent == 2
    store.set_state("archive.url", url)  # what the app remembers: the URL as typed
    store.close()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), path
    with pytest.raises(ArchiveError, match="pgpass"):
        push(
            laptop(tmp_path),
            url.replace("laptop_pw@", f"laptop_pw:{password}@"),
            prompt=never_asked,
        )
    assert archive.query("SELECT count(*) FROM archive.versions") == [(2,)]
    with pytest.raises(psycopg.OperationalError):  # the server does ask for it
        psycopg.connect(archive.cluster.conninfo(archive.name, "laptop_pw")).close()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://hr_ann:Tr0ub4dor-s3cret@[::1/pcso_archive",  # a bracket left open
        "postgresql://hr_ann:Tr0ub4dor-s3cret%zz@db.force.example/pcso_archive",  # a bad escape
        "postgresql://hr_ann@db.force.example/pcso_archive?password=Tr0ub4dor-s3cret%zz",
        "postgres://hr_ann:Tr0ub4dor-s3cret@db.force.example:54x2/pcso_archive",
    ],
)
def test_a_malformed_url_with_a_password_is_refused_without_repeating_the_password(url, capsys):
    """libpq's words for a URL it cannot read quote the URL: said back, they would put the
    password on the screen, in the terminal's scrollback and in any log of the command."""
    with pytest.raises(ArchiveError) as refused:
        ArchiveStore.open(url)
    assert "s3cret" not in str(refused.value)
    assert "carries a password" in str(refused.value)
    err = fails(capsys, "--db", url, "sessions")
    assert "s3cret" not in err and "carries a password" in err


def test_hr_reads_go_on_after_the_server_dropped_the_connection(
    archive, password, tmp_path, capsys
):
    """A server restarted, or an idle connection cut by a firewall: the next read connects
    again, as the same login with the password given at opening, and asks nobody."""
    store = laptop(tmp_path)
    signed_day(store, 2)
    push(store, archive.url("laptop_a"))
    prompt = Prompt(password)
    asked = prompt.asked
    hr = ArchiveStore.open(archive.url("hr_pw"), prompt=prompt)
    try:
        assert hr.count_sessions() == 2 and len(asked) == 1
        signed_day(store, 1, prefix="N")
        push(store, archive.url("laptop_a"))
        archive.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'hr_pw'"
        )
        assert hr.count_sessions() == 3
        (session_id,) = [r.id for r in hr.query_sessions().rows if r.candidate_ref == "N-0001"]
        assert hr.load(session_id).record_problems == ()
        assert len(asked) == 1  # never asked again
        assert hr.login == "hr_pw"
    finally:
        hr.close()
        store.close()
