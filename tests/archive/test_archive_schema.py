"""archive init: the schema by versioned migrations, two NOLOGIN roles, and a URL's rules."""

from __future__ import annotations

import pytest

from pcso_interview.store.archive.connect import ArchiveError, connection_params, is_archive_url
from pcso_interview.store.archive.schema import ARCHIVE_VERSION, MIGRATIONS
from pcso_interview.store.archive.setup import init_archive
from tests.archive.conftest import DBA, HR, UPLOADER


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
    assert archive.query("SELECT version, name FROM archive.migrations") == [(1, "initial")]


def test_init_makes_a_fresh_database_an_archive(pg_cluster):
    import psycopg

    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE fresh_archive OWNER {DBA}")
    try:
        made = init_archive(pg_cluster.url("fresh_archive", DBA), "fresh_up", "fresh_hr")
        assert made.applied == ("001_initial",)
        assert made.created_roles == ("fresh_up", "fresh_hr")
        assert "version 1" in made.describe()
    finally:
        with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
            conn.execute("DROP DATABASE fresh_archive WITH (FORCE)")


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
