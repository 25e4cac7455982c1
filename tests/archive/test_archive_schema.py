"""archive init: the schema by versioned migrations, two NOLOGIN roles, and a URL's rules."""

from __future__ import annotations

import secrets

import pytest

from pcso_interview.store.archive.connect import ArchiveError, connection_params, is_archive_url
from pcso_interview.store.archive.schema import ARCHIVE_VERSION, MIGRATIONS
from pcso_interview.store.archive.setup import init_archive
from tests.archive.conftest import DBA, HR, UPLOADER
from tests.pg_cluster import make_archive


def test_migrations_are_numbered_in_order():
    assert [m.version for m in MIGRATIONS] == list(range(1, ARCHIVE_VERSION + 1))


def test_init_made_two_nologin_roles_and_a_second_run_changes_nothing(archive):
    roles = archive.query(
        "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname = ANY(%s) ORDER BY 1",
        [[UPLOADER, HR]],
    )
    assert roles == [(HR, False), (UPLOADER, False)]
    again = init_archive(archive.url(DBA), UPLOADER, HR)
    assert again.applied == () and again.created_roles == ()
    assert archive.query("SELECT version, name FROM archive.migrations ORDER BY 1") == [
        (m.version, m.name) for m in MIGRATIONS
    ]


def test_init_makes_a_fresh_database_an_archive(pg_cluster):
    import psycopg

    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE fresh_archive OWNER {DBA}")
    try:
        made = init_archive(pg_cluster.url("fresh_archive", DBA), "fresh_up", "fresh_hr")
        assert made.applied == tuple(f"{m.version:03d}_{m.name}" for m in MIGRATIONS)
        assert made.created_roles == ("fresh_up", "fresh_hr")
        assert f"version {ARCHIVE_VERSION}" in made.describe()
    finally:
        with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
            conn.execute("DROP DATABASE fresh_archive WITH (FORCE)")


def test_a_database_with_a_utf8_ctype_gets_no_note(pg_cluster):
    import psycopg

    try:
        make_archive(pg_cluster, "utf8_archive", {}, ctype="C.UTF-8")
    except psycopg.Error as exc:  # the operating system lacks the locale
        pytest.skip(f"no C.UTF-8 locale here: {exc}")
    try:
        made = init_archive(pg_cluster.url("utf8_archive", DBA), UPLOADER, HR)
        assert made.notes == () and made.applied == ()
    finally:
        with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
            conn.execute("DROP DATABASE utf8_archive WITH (FORCE)")


def test_an_archive_of_an_older_app_is_migrated_step_by_step(pg_cluster, monkeypatch):
    """An archive made when only the first migration existed gets the later ones, once."""
    import psycopg

    from pcso_interview.store.archive import setup

    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE older_archive OWNER {DBA}")
    url = pg_cluster.url("older_archive", DBA)
    try:
        with monkeypatch.context() as older:
            older.setattr(setup, "MIGRATIONS", MIGRATIONS[:1])
            older.setattr(setup, "ARCHIVE_VERSION", 1)
            assert init_archive(url, UPLOADER, HR).applied == ("001_initial",)
        later = init_archive(url, UPLOADER, HR)
        assert later.applied == tuple(f"{m.version:03d}_{m.name}" for m in MIGRATIONS[1:])
        assert later.version == ARCHIVE_VERSION and init_archive(url, UPLOADER, HR).applied == ()
    finally:
        with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
            conn.execute("DROP DATABASE older_archive WITH (FORCE)")


def test_the_search_table_is_filled_from_an_archive_that_had_sessions(
    pg_cluster, monkeypatch, tmp_path
):
    """Migration 5 on an archive already holding sessions: their search text is copied, and
    the list finds them by text afterwards."""
    import psycopg

    from pcso_interview.store.archive import setup
    from pcso_interview.store.archive.push import push
    from pcso_interview.store.archive.read import ArchiveStore
    from pcso_interview.store.review import SessionQuery
    from tests.archive.laptops import laptop, signed_day

    (before_search,) = [m for m in MIGRATIONS if m.name == "session_search"]
    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE searchless_archive OWNER {DBA}")
    try:
        with monkeypatch.context() as older:
            older.setattr(setup, "MIGRATIONS", MIGRATIONS[: before_search.version - 1])
            older.setattr(setup, "ARCHIVE_VERSION", before_search.version - 1)
            init_archive(pg_cluster.url("searchless_archive", DBA), UPLOADER, HR)
        store = laptop(tmp_path)
        ids = signed_day(store, 3)
        assert push(store, pg_cluster.url("searchless_archive", "laptop_a")).sessions_sent == 3
        later = init_archive(pg_cluster.url("searchless_archive", DBA), UPLOADER, HR)
        assert later.applied[0] == f"{before_search.version:03d}_session_search"
        hr = ArchiveStore.open(pg_cluster.url("searchless_archive", "hr_ann"))
        try:
            found = hr.query_sessions(SessionQuery(text="c-0002"))
            assert [r.id for r in found.rows] == [ids[1]] and found.total == 1
            assert hr.query_sessions(SessionQuery(text="c-000")).total == 3
        finally:
            hr.close()
    finally:
        with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
            conn.execute("DROP DATABASE searchless_archive WITH (FORCE)")


def test_the_archive_checks_what_its_owner_writes_directly_too(archive):
    """Not only through the push functions: the owner's own INSERT, on its default
    search_path, meets the digest checks on arrival, and its UPDATE of a signed version is
    refused."""
    import hashlib

    import psycopg

    profile = '{"id":"p"}'
    snapshot = hashlib.sha256(profile.encode()).hexdigest()
    content = f'{{"profile":"{snapshot}","session_id":"s1","version":1}}'
    digest = hashlib.sha256(content.replace(f'"{snapshot}"', profile).encode()).hexdigest()
    insert_version = (
        "INSERT INTO archive.versions (session_id, version, digest, signed_at, snapshot,"
        " content, installation_id) VALUES ('s1', 1, %s, 'x', %s, %s, %s)"
    )
    with archive.connect(DBA) as conn:
        conn.execute(
            "INSERT INTO archive.installations (id, label, uploader) VALUES (%s, 'dba', %s)",
            ["f" * 32, DBA],
        )
        with pytest.raises(psycopg.Error, match="does not give its digest"), conn.transaction():
            conn.execute(
                "INSERT INTO archive.profile_snapshots VALUES (%s, 'p', %s)", [snapshot, "{}"]
            )
        conn.execute(
            "INSERT INTO archive.profile_snapshots VALUES (%s, 'p', %s)", [snapshot, profile]
        )
        with pytest.raises(psycopg.Error, match="does not give its digest"), conn.transaction():
            conn.execute(insert_version, ["0" * 64, snapshot, content.encode(), "f" * 32])
        conn.execute(insert_version, [digest, snapshot, content.encode(), "f" * 32])
        with pytest.raises(psycopg.Error, match="never changes"), conn.transaction():
            conn.execute("UPDATE archive.versions SET signed_at = 'y'")
        conn.commit()
    assert archive.query("SELECT digest, signed_at FROM archive.versions") == [(digest, "x")]


def test_an_archive_from_a_newer_app_is_left_untouched(archive):
    with archive.connect(DBA) as conn:
        conn.execute("INSERT INTO archive.migrations (version, name) VALUES (99, 'future')")
    with pytest.raises(ArchiveError, match="newer pcso-interview"):
        init_archive(archive.url(DBA), UPLOADER, HR)


def test_roles_must_differ(archive):
    with pytest.raises(ArchiveError, match="two different roles"):
        init_archive(archive.url(DBA), "same", "same")


def test_public_holds_no_privilege_on_the_archive(archive):
    import psycopg

    with archive.connect(DBA, autocommit=True) as conn:
        conn.execute("CREATE ROLE stranger LOGIN")
    try:
        with (
            archive.connect("stranger") as conn,
            pytest.raises(psycopg.errors.InsufficientPrivilege),
        ):
            conn.execute("SELECT count(*) FROM archive.sessions")
    finally:
        with archive.connect(autocommit=True) as conn:
            conn.execute("DROP OWNED BY stranger")
            conn.execute("DROP ROLE stranger")


@pytest.mark.parametrize(
    ("url", "sslmode"),
    [
        ("postgresql://hr@archive.force.example/pcso", "verify-full"),
        ("postgresql://hr@archive.force.example/pcso?sslmode=disable", "disable"),
        ("postgresql://hr@localhost/pcso", None),
        ("postgresql://hr@/pcso?host=/run/postgresql", None),
        ("postgresql://hr@127.0.0.1:5433/pcso", None),
    ],
)
def test_tls_is_required_for_any_host_but_this_one_unless_the_url_says(url, sslmode):
    assert connection_params(url).get("sslmode") == sslmode


def test_a_password_in_the_url_is_refused():
    with pytest.raises(ArchiveError, match="pgpass"):
        connection_params("postgresql://hr:secret@archive.example/pcso")


def test_archive_urls_are_told_from_files():
    assert is_archive_url("postgresql://x@y/z") and is_archive_url("postgres://x@y/z")
    assert not is_archive_url("/home/me/sessions.db")


def test_archive_init_at_the_command_line(capsys, pg_cluster):
    """What the README tells the DBA to run; and a URL with a password is refused in words."""
    import psycopg

    from tests.cli_support import cli, fails

    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE cli_archive OWNER {DBA}")
    url = pg_cluster.url("cli_archive", DBA)
    try:
        args = ("archive", "init", url, "--uploader-role", UPLOADER, "--hr-role", HR)
        status, out, err = cli(capsys, *args)
        assert status == 0, err
        assert out.strip() == f"archive at version {ARCHIVE_VERSION}: applied " + ", ".join(
            f"{m.version:03d}_{m.name}" for m in MIGRATIONS
        )
        assert f"GRANT {UPLOADER} TO" in err and f"GRANT {HR} TO" in err
        # The test cluster's databases have LC_CTYPE C: the DBA is told what that costs.
        assert "note: the database's LC_CTYPE is C" in err and "UTF-8" in err
        status, out, _ = cli(capsys, *args)
        assert status == 0 and "the schema was up to date" in out
        typed = secrets.token_urlsafe(12)  # never sent: the URL is refused before connecting
        with_password = url.replace(f"{DBA}@", f"{DBA}:{typed}@")
        line = fails(
            capsys, "archive", "init", with_password, "--uploader-role", "u", "--hr-role", "h"
        )
        assert "pgpass" in line and typed not in line
    finally:
        with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
            conn.execute("DROP DATABASE cli_archive WITH (FORCE)")
