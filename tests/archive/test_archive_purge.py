"""Purge on the archive takes the purged sessions' sheets out of its register (a laptop's rows
and the archive's own reprints), as a laptop's purge does: `check` takes their absence for the
purge, and still reports a register row deleted any other way. A sheet of a purged session
verifies as purged there."""

from __future__ import annotations

from datetime import UTC, datetime

import psycopg
import pytest

from pcso_interview.store.archive.push import push
from pcso_interview.store.archive.read import ArchiveStore
from reports.issue import issue_to_file
from tests.archive.laptops import laptop, signed_day
from tests.cli_support import cli
from tests.pg_cluster import DBA, HR, UPLOADER

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


def sessions_with_sheets(tmp_path, url_of):
    """A session closed in 2020 (past retention) and one closed today, each with a sheet the
    laptop issued before pushing; both pushed."""
    old = laptop(tmp_path / "old", start=datetime(2020, 1, 6, 9, 0, tzinfo=UTC))
    recent = laptop(tmp_path / "recent", start=datetime.now(UTC))
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    try:
        (due,) = signed_day(old, 1, day="2020-01-06")
        (kept,) = signed_day(recent, 1, prefix="R", day=datetime.now(UTC).date().isoformat())
        for store, session_id in ((old, due), (recent, kept)):
            issue_to_file(
                store,
                store.load(session_id),
                sheets / f"{session_id}.pdf",
                how="pdf verb",
                actor="command line",
            )
        push(old, url_of("laptop_a"))
        push(recent, url_of("laptop_b"))
    finally:
        old.close()
        recent.close()
    return sheets, due, kept


def purge(url: str, session_id: str) -> None:
    hr = ArchiveStore.open(url)
    try:
        assert hr.purge([session_id], "Hana HR") == 1
    finally:
        hr.close()


def problems(capsys, url: str) -> tuple[int, list[str]]:
    status, out, _ = cli(capsys, "--db", url, "check")
    return status, [line for line in out.splitlines() if line.startswith("PROBLEM")]


def test_an_archive_purge_takes_the_sessions_sheets_and_check_passes(tmp_path, archive, capsys):
    sheets, due, kept = sessions_with_sheets(tmp_path, archive.url)
    reprints = tmp_path / "reprints"
    assert cli(capsys, "--db", archive.url(), "pdf", due, kept, "-o", reprints)[0] == 0
    registered = "SELECT source = 'archive', count(*) FROM archive.issued_sheets"
    by_session = f"{registered} WHERE session_id = %s GROUP BY 1 ORDER BY 1"
    assert archive.query(by_session, [due]) == [(False, 1), (True, 1)]
    purge(archive.url(), due)
    assert archive.query(by_session, [due]) == []
    assert archive.query(by_session, [kept]) == [(False, 1), (True, 1)]
    assert problems(capsys, archive.url()) == (0, [])
    for sheet in (sheets / f"{due}.pdf", *reprints.glob("*_C-0001_v1.pdf")):
        status, out, _ = cli(capsys, "--db", archive.url(), "verify", sheet)
        assert status == 3, out
        assert f"session {due} was purged on " in out and "by Hana HR" in out
    status, out, _ = cli(capsys, "--db", archive.url(), "verify", sheets / f"{kept}.pdf")
    assert status == 0, out


def test_a_register_row_deleted_outside_a_purge_is_reported(tmp_path, archive, capsys):
    _, _, kept = sessions_with_sheets(tmp_path, archive.url)
    assert cli(capsys, "--db", archive.url(), "pdf", kept, "-o", tmp_path / "reprints")[0] == 0
    with archive.connect("hr_ann") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("DELETE FROM archive.issued_sheets")
    with archive.connect(DBA) as conn, pytest.raises(psycopg.Error, match="append-only"):
        conn.execute("DELETE FROM archive.issued_sheets WHERE session_id = %s", [kept])
    with archive.connect() as conn:  # a superuser, the triggers off
        conn.execute("SET session_replication_role = replica")
        conn.execute("DELETE FROM archive.issued_sheets WHERE session_id = %s", [kept])
    status, found = problems(capsys, archive.url())
    assert status == 1
    assert len(found) == 2, found
    assert "of laptop " in found[0] and "no longer in the register" in found[0]
    assert "reprinted here, but it is no longer in the register" in found[1]


def test_an_archive_from_before_migration_8_forgets_the_sheets_its_purges_left(
    pg_cluster, monkeypatch, tmp_path, capsys
):
    from pcso_interview.store.archive import setup
    from pcso_interview.store.archive.schema import MIGRATIONS
    from pcso_interview.store.archive.setup import init_archive

    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE unforgetting_archive OWNER {DBA}")
    url = pg_cluster.url("unforgetting_archive", DBA)
    hr_url = pg_cluster.url("unforgetting_archive", "hr_ann")
    try:
        with monkeypatch.context() as older:
            older.setattr(setup, "MIGRATIONS", MIGRATIONS[:7])
            older.setattr(setup, "ARCHIVE_VERSION", 7)
            init_archive(url, UPLOADER, HR)

        def url_of(login: str) -> str:
            return pg_cluster.url("unforgetting_archive", login)

        _, due, kept = sessions_with_sheets(tmp_path, url_of)
        purge(hr_url, due)  # the purge of version 7 leaves the register's rows
        left = "SELECT session_id FROM archive.issued_sheets ORDER BY session_id"
        with psycopg.connect(pg_cluster.conninfo("unforgetting_archive", DBA)) as conn:
            assert sorted(r[0] for r in conn.execute(left)) == sorted([due, kept])
        assert init_archive(url, UPLOADER, HR).applied[0] == "008_purge_forgets_sheets"
        with psycopg.connect(pg_cluster.conninfo("unforgetting_archive", DBA)) as conn:
            assert [r[0] for r in conn.execute(left)] == [kept]
        assert problems(capsys, hr_url) == (0, [])
    finally:
        with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
            conn.execute("DROP DATABASE unforgetting_archive WITH (FORCE)")
