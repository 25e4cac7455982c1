"""A session the archive purged is never taken back: a laptop that still holds it does not
send it again (the archive says it purged it, and when), a laptop that does not know (an older
version, or a purge since it asked) is refused by the archive itself, as is anything of it
sent by hand; the laptop keeps its copy, and the push goes on with the others."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from pcso_interview.store import Store
from pcso_interview.store.archive.push import installation_id, push
from pcso_interview.store.archive.read import ArchiveStore
from pcso_interview.store.archive.schema import MIGRATIONS
from tests.archive.laptops import laptop
from tests.cli_support import cli
from tests.pg_cluster import DBA, HR, UPLOADER
from tests.store_support import every_row, signed_session

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

NAME = "Zephaniah Quarterfield"
REFERENCE = "ZQ-7781"
START = datetime(2020, 1, 6, 9, 0, tzinfo=UTC)  # long past a 12-month retention
SINCE_8 = tuple(f"{m.version:03d}_{m.name}" for m in MIGRATIONS[8:])  # 009_purged_not_taken_back on


def archive_rows(conninfo: str) -> dict[str, list[str]]:
    """Every row of every table of the archive, as text (bytes decoded: the signed content is
    JSON), read by its superuser."""
    with psycopg.connect(conninfo) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'archive' ORDER BY 1"
            )
        ]
        return {
            table: sorted(
                " | ".join(
                    bytes(v).decode("utf-8", "replace")
                    if isinstance(v, bytes | memoryview)
                    else str(v)
                    for v in row
                )
                for row in conn.execute(f"SELECT * FROM archive.{table}")
            )
            for table in tables
        }


def mentioning(rows: dict[str, list[str]], text: str) -> dict[str, list[str]]:
    """The rows that hold ``text``, table by table."""
    return {table: [r for r in found if text in r] for table, found in rows.items()}


def nowhere(rows: dict[str, list[str]], *texts: str) -> bool:
    return not any(t in r for found in rows.values() for r in found for t in texts)


def hr_purge(url: str, session_id: str) -> None:
    hr = ArchiveStore.open(url)
    try:
        assert hr.purge([session_id], "Hana HR") == 1
    finally:
        hr.close()


def purged_on(conninfo: str, session_id: str) -> str:
    with psycopg.connect(conninfo) as conn:
        row = conn.execute(
            "SELECT min(at) FROM archive.events WHERE action = 'purge' AND session_id = %s",
            [session_id],
        ).fetchone()
    assert row is not None and row[0]
    return str(row[0])[:10]


def privileges(conninfo: str) -> list[tuple[str, str]]:
    """Who may call which of the archive's push functions."""
    with psycopg.connect(conninfo) as conn:
        return [
            (str(r[0]), str(r[1]))
            for r in conn.execute(
                "SELECT p.oid::regprocedure::text, coalesce(p.proacl::text, 'default')"
                " FROM pg_proc p WHERE p.pronamespace = 'archive'::regnamespace"
                " AND p.proname LIKE 'push%' ORDER BY 1"
            )
        ]


def refused_words(session_id: str, day: str) -> str:
    return (
        f"session {session_id} ({REFERENCE}): not sent, the archive purged it on {day} (past its"
        " retention period); this laptop still holds it: purge it here too"
    )


def pushed_then_purged(folder: Path, url_of) -> tuple[Store, str, str]:
    """A laptop of 2020 with two signed sessions, both pushed; the archive's HR purged the
    first (past its retention), the laptop still holds it."""
    store = laptop(folder, start=START)
    due = signed_session(store, name=NAME, ref=REFERENCE, day="2020-01-06")
    kept = signed_session(store, ref="C-0002", day="2020-01-06")
    first = push(store, url_of("laptop_a"))
    assert first.sessions_sent == 2 and not first.refused
    hr_purge(url_of("hr_ann"), due)
    return store, due, kept


def test_a_session_the_archive_purged_is_not_sent_again_and_the_others_are(
    tmp_path, archive, capsys
):
    store, due, kept = pushed_then_purged(tmp_path, archive.url)
    conninfo = archive.cluster.conninfo(archive.name)
    after_purge = archive_rows(conninfo)
    assert nowhere(after_purge, NAME, REFERENCE)
    day = purged_on(conninfo, due)
    try:
        later = signed_session(store, ref="C-0003", day="2020-01-07")
        before = every_row(store.path)
        seen = []
        report = push(store, archive.url("laptop_a"), progress=seen.append)
        assert report.refused == [refused_words(due, day)]
        assert report.sent == [f"{later} v1"] and report.already == 1
        assert [(p.session_id, p.outcome) for p in seen] == [(later, "sent")]
        assert report.describe() == (
            "sent 1 signed version(s) of 1 session(s); 1 session(s) already in the archive;"
            " 1 refused"
        )
        assert every_row(store.path) == before  # the laptop keeps its copy, as it was
    finally:
        store.close()
    again = archive_rows(conninfo)
    assert nowhere(again, NAME, REFERENCE)
    assert mentioning(again, due) == mentioning(after_purge, due)  # its events, blank audit
    assert archive.query("SELECT id FROM archive.sessions ORDER BY candidate_ref") == [
        (kept,),
        (later,),
    ]
    status, out, _ = cli(capsys, "--db", store.path, "push", archive.url("laptop_a"))
    assert status == 1
    assert out.splitlines() == [
        f"REFUSED {refused_words(due, day)}",
        "sent 0 signed version(s) of 0 session(s); 2 session(s) already in the archive; 1 refused",
    ]
    assert nowhere(archive_rows(conninfo), NAME, REFERENCE)


def test_the_archive_itself_refuses_anything_of_a_purged_session(tmp_path, archive):
    """What a laptop of an older version does (it is told the version is absent, and sends
    it), or anyone calling the push functions by hand, or the archive's owner: refused by
    the server, with the day of the purge; nothing changes."""
    from psycopg.types.json import Jsonb

    from pcso_interview.store.archive import push as pushing
    from reports.issue import issue_to_file

    store, due, _ = pushed_then_purged(tmp_path, archive.url)
    conninfo = archive.cluster.conninfo(archive.name)
    day = purged_on(conninfo, due)
    installation = installation_id(store)
    try:
        issue_to_file(
            store, store.load(due), tmp_path / "due.pdf", how="pdf verb", actor="command line"
        )
        version = pushing._checked_version(store, due, 1)
        audit = pushing._rows(
            store.conn, f"SELECT {pushing._AUDIT_COLUMNS} FROM audit WHERE session_id = ?", [due]
        )
        register = pushing._rows(
            store.conn,
            f"SELECT {pushing._REGISTER_COLUMNS} FROM issued_sheets WHERE session_id = ?",
            [due],
        )
    finally:
        store.close()
    assert register
    before = archive_rows(conninfo)
    words = (
        f"session {due} was purged from the archive on {day} (past its retention period);"
        " it is never taken back"
    )
    with archive.connect("laptop_a") as conn:
        for call, params in [
            (
                "SELECT archive.push_version(%s, %s, %s, %s, %s, %s, %s, NULL)",
                [
                    installation,
                    due,
                    1,
                    version.digest,
                    version.signed_at,
                    version.snapshot,
                    version.content,
                ],
            ),
            ("SELECT archive.push_audit(%s, %s)", [installation, Jsonb(audit)]),
            ("SELECT archive.push_register(%s, %s)", [installation, Jsonb(register)]),
        ]:
            with pytest.raises(psycopg.Error) as refused:
                conn.execute(call, params)
            conn.rollback()
            assert refused.value.sqlstate == "PA007", call
            assert refused.value.diag.message_primary == words
            assert refused.value.diag.message_detail == day
        # A laptop of this version reads the day of the purge and sends nothing of it; an
        # older one reads the state only, absent, and sends the version, refused above.
        assert conn.execute(
            "SELECT * FROM archive.push_compare(%s, %s, %s, %s)",
            [installation, [due], [1], [version.digest]],
        ).fetchall() == [(due, 1, "absent", day)]
    with archive.connect(DBA) as conn, pytest.raises(psycopg.Error, match="never taken back"):
        conn.execute(
            "INSERT INTO archive.versions (session_id, version, digest, signed_at, snapshot,"
            " content, installation_id) VALUES (%s, 1, %s, %s, %s, %s, %s)",
            [
                due,
                version.digest,
                version.signed_at,
                version.snapshot,
                version.content,
                installation,
            ],
        )
    assert archive_rows(conninfo) == before


def test_a_laptop_that_does_not_know_of_the_purge_is_refused_and_says_so(
    tmp_path, archive, monkeypatch
):
    """A purge between the archive's answer and the sending (or a laptop that does not read
    the answer): push_version is refused, the report says so in the same words, and the push
    goes on with the others."""
    from pcso_interview.store.archive import push as pushing

    store, due, kept = pushed_then_purged(tmp_path, archive.url)
    conninfo = archive.cluster.conninfo(archive.name)
    day = purged_on(conninfo, due)
    compare = pushing._compare

    def unaware(*args):
        found = compare(*args)
        return pushing._Comparison(found.states, {}, found.says_purged)

    monkeypatch.setattr(pushing, "_compare", unaware)
    try:
        later = signed_session(store, ref="C-0003", day="2020-01-07")
        seen = []
        report = push(store, archive.url("laptop_a"), progress=seen.append)
    finally:
        store.close()
    assert report.refused == [refused_words(due, day)]
    assert report.sent == [f"{later} v1"]
    assert sorted((p.session_id, p.outcome) for p in seen) == sorted(
        [(due, "refused"), (later, "sent")]
    )
    assert nowhere(archive_rows(conninfo), NAME, REFERENCE)
    assert {r[0] for r in archive.query("SELECT id FROM archive.sessions")} == {kept, later}


@pytest.fixture
def archive_at_8(pg_cluster, monkeypatch) -> Iterator[tuple[str, str]]:
    """An archive made by the app before migration 9: its database name and the DBA's URL."""
    from pcso_interview.store.archive import setup
    from pcso_interview.store.archive.schema import MIGRATIONS
    from pcso_interview.store.archive.setup import init_archive

    name = "archive_before_9"
    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} OWNER {DBA}")
    url = pg_cluster.url(name, DBA)
    try:
        with monkeypatch.context() as older:
            older.setattr(setup, "MIGRATIONS", MIGRATIONS[:8])
            older.setattr(setup, "ARCHIVE_VERSION", 8)
            init_archive(url, UPLOADER, HR)
        yield name, url
    finally:
        with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


def test_an_archive_upgraded_from_before_migration_9_refuses_its_earlier_purges(
    tmp_path, pg_cluster, archive_at_8
):
    from pcso_interview.store.archive.setup import init_archive

    name, dba_url = archive_at_8
    conninfo = pg_cluster.conninfo(name)
    store, due, kept = pushed_then_purged(tmp_path, lambda login: pg_cluster.url(name, login))
    try:
        day = purged_on(conninfo, due)  # purged by the archive's version 8
        granted = privileges(conninfo)
        assert (
            f"{UPLOADER}=X/" in dict(granted)["archive.push_compare(text,text[],integer[],text[])"]
        )
        assert init_archive(dba_url, UPLOADER, HR).applied == SINCE_8
        assert privileges(conninfo) == granted  # push_compare, made again, granted again
        after_upgrade = archive_rows(conninfo)
        report = push(store, pg_cluster.url(name, "laptop_a"))
    finally:
        store.close()
    assert report.refused == [refused_words(due, day)]
    assert report.already == 1 and report.sent == [] and not report.archive_outdated
    now = archive_rows(conninfo)
    del now["installations"], after_upgrade["installations"]  # the laptop's last push
    assert now == after_upgrade
    assert nowhere(now, NAME, REFERENCE)
    assert [r for r in now["sessions"] if due in r] == [] and len(now["sessions"]) == 1
    assert kept in now["sessions"][0]


def test_a_session_pushed_back_before_migration_9_is_named_by_check_until_purged_again(
    tmp_path, pg_cluster, archive_at_8, capsys
):
    """Where the bug already struck: the upgrade deletes nothing, `check` names the session
    come back (not as audit rows blanked without a purge), HR purges it again, and from then
    on it is refused."""
    from pcso_interview.store.archive.setup import init_archive

    name, dba_url = archive_at_8
    conninfo = pg_cluster.conninfo(name)
    hr_url = pg_cluster.url(name, "hr_ann")
    store, due, _ = pushed_then_purged(tmp_path, lambda login: pg_cluster.url(name, login))
    try:
        day = purged_on(conninfo, due)
        back = push(store, pg_cluster.url(name, "laptop_a"))  # version 8 takes it back
        assert back.sent == [f"{due} v1"] and back.archive_outdated
        assert back.describe().endswith(
            "; the archive is of an older version, which takes back sessions it purged: ask its"
            " DBA to run archive init"
        )
        assert not nowhere(archive_rows(conninfo), NAME, REFERENCE)
        assert init_archive(dba_url, UPLOADER, HR).applied == SINCE_8
        status, out, _ = cli(capsys, "--db", hr_url, "check")
        assert status == 1
        assert (
            f"PROBLEM session {due} ({REFERENCE}): was purged here on {day}, and a laptop pushed"
            " it back before the archive refused purged sessions: purge it again"
        ) in out.splitlines()
        assert "not purged here" not in out
        hr_purge(hr_url, due)
        assert cli(capsys, "--db", hr_url, "check")[0] == 0
        assert nowhere(archive_rows(conninfo), NAME, REFERENCE)
        report = push(store, pg_cluster.url(name, "laptop_a"))
    finally:
        store.close()
    assert report.refused == [refused_words(due, day)] and report.sent == []
    assert nowhere(archive_rows(conninfo), NAME, REFERENCE)
