"""Push on a real server: sent once, idempotent, refused on conflict, resumable after a
killed connection, checked on arrival; signed versions immutable; each login sees its own."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import psycopg
import pytest

from pcso_interview.store.archive.connect import ArchiveError
from pcso_interview.store.archive.push import installation_id, push
from tests.archive.laptops import laptop, signed_day
from tests.store_support import new_session, read, signed_session


def counts(archive) -> tuple[int, int, int]:
    return archive.query(
        "SELECT (SELECT count(*) FROM archive.sessions), (SELECT count(*) FROM archive.versions),"
        " (SELECT count(*) FROM archive.audit)"
    )[0]


def test_push_sends_every_signed_version_once_and_a_second_push_sends_nothing(tmp_path, archive):
    store = laptop(tmp_path)
    ids = signed_day(store, 3)
    new_session(store, ref="C-0099")  # not signed: stays on the laptop
    seen = []
    report = push(store, archive.url("laptop_a"), progress=seen.append)
    assert sorted(report.sent) == sorted(f"{i} v1" for i in ids)
    assert report.sessions_sent == 3 and not report.refused
    assert [(p.done, p.total, p.outcome) for p in seen] == [
        (1, 3, "sent"),
        (2, 3, "sent"),
        (3, 3, "sent"),
    ]
    laptop_audit = read(store.path, "SELECT count(*) FROM audit WHERE session_id IN (?,?,?)", ids)
    assert counts(archive) == (3, 3, laptop_audit[0][0])
    listed = "SELECT id, search FROM archive.{} ORDER BY id"
    assert archive.query(listed.format("session_search")) == archive.query(
        listed.format("sessions")
    )
    again = push(store, archive.url("laptop_a"))
    assert again.sent == [] and again.already == 3
    assert "nothing to send" in again.describe()
    assert counts(archive) == (3, 3, laptop_audit[0][0])
    # Pushed as the login that pushes for this laptop, from this laptop.
    rows = archive.query("SELECT DISTINCT installation_id, pushed_by FROM archive.versions")
    assert rows == [(installation_id(store), "laptop_a")]


def test_a_new_version_is_a_new_row_and_the_list_moves_to_it(tmp_path, archive):
    store = laptop(tmp_path)
    (session_id,) = signed_day(store, 1)
    push(store, archive.url("laptop_a"))
    first = archive.query("SELECT digest, content FROM archive.versions")
    store.reopen(session_id, "Grade typed wrongly", "Hana HR")
    from tests.store_support import sign_all

    store.grade(session_id, "m1", store.load(session_id).planned_areas[0].id, 4)
    sign_all(store, session_id)
    report = push(store, archive.url("laptop_a"))
    assert report.sent == [f"{session_id} v2"]
    rows = archive.query("SELECT version, digest, content FROM archive.versions ORDER BY version")
    assert [r[0] for r in rows] == [1, 2]
    assert (rows[0][1], rows[0][2]) == first[0]
    assert archive.query("SELECT version FROM archive.sessions") == [(2,)]


def test_a_conflicting_version_is_refused_and_both_sides_stay_as_they_were(tmp_path, archive):
    a = laptop(tmp_path / "a")
    (session_id,) = signed_day(a, 1)
    push(a, archive.url("laptop_a"))
    held = archive.query("SELECT digest, content, pushed_at FROM archive.versions")
    b = laptop(tmp_path / "b")
    signed_session(b, grade=4, ref="B-0001", session_id=session_id)  # same id, other content
    other = signed_session(b, grade=3, ref="B-0002")

    def laptop_rows() -> list:
        return [
            read(b.path, f"SELECT * FROM {table} ORDER BY 1, 2")
            for table in ("sessions", "sheets", "audit", "grades", "signoffs")
        ]

    before = laptop_rows()
    report = push(b, archive.url("laptop_b"))
    assert report.sent == [f"{other} v1"]
    assert len(report.refused) == 1
    assert session_id in report.refused[0] and "another digest" in report.refused[0]
    assert "neither side was changed" in report.refused[0]
    assert (
        archive.query(
            "SELECT digest, content, pushed_at FROM archive.versions WHERE session_id = %s",
            [session_id],
        )
        == held
    )
    assert archive.query("SELECT candidate_ref FROM archive.sessions ORDER BY 1") == [
        ("B-0002",),
        ("C-0001",),
    ]
    assert laptop_rows() == before  # the laptop keeps its own version as it was
    assert archive.query("SELECT count(*) FROM archive.audit WHERE session_id = %s", [other]) != [
        (0,)
    ]
    b.close()


def test_a_connection_killed_mid_push_loses_nothing_and_the_next_push_completes(tmp_path, archive):
    store = laptop(tmp_path)
    ids = signed_day(store, 5)
    # The server ends the pushing connection in the middle of the third session's transaction
    # (its version and list row already written, its audit rows arriving), as a dropped
    # network or a restarted server would: a trigger the test adds as the superuser.
    with archive.connect() as admin:
        admin.execute(
            "CREATE FUNCTION public.drop_the_pusher() RETURNS trigger LANGUAGE plpgsql"
            " SECURITY DEFINER AS $$ BEGIN"
            " IF (SELECT count(*) FROM archive.sessions) >= 3 THEN"
            " PERFORM pg_terminate_backend(pg_backend_pid()); END IF; RETURN NEW; END $$"
        )
        admin.execute(
            "CREATE TRIGGER drop_the_pusher BEFORE INSERT ON archive.audit"
            " FOR EACH ROW EXECUTE FUNCTION public.drop_the_pusher()"
        )
    seen = []
    with pytest.raises(ArchiveError, match="lost after 2 of 5 session"):
        push(store, archive.url("laptop_a"), progress=seen.append)
    assert [p.outcome for p in seen] == ["sent", "sent"]
    with archive.connect() as admin:
        admin.execute("DROP TRIGGER drop_the_pusher ON archive.audit")
    sessions, versions, _ = counts(archive)
    assert (sessions, versions) == (2, 2)  # the third session's rows went with its transaction
    report = push(store, archive.url("laptop_a"))
    assert report.sessions_sent == 3 and report.already == 2 and not report.refused
    laptop_audit = read(
        store.path, f"SELECT count(*) FROM audit WHERE session_id IN ({','.join('?' * 5)})", ids
    )[0][0]
    assert counts(archive) == (5, 5, laptop_audit)
    assert archive.query(
        "SELECT count(*) FROM (SELECT session_id FROM archive.audit GROUP BY session_id, id"
        " HAVING count(*) > 1) AS twice"
    ) == [(0,)]
    assert push(store, archive.url("laptop_a")).sent == []


def test_stop_keeps_what_was_sent_and_the_next_push_sends_the_rest(tmp_path, archive):
    """Stop in the app's progress dialog: the sessions committed stay, the rest come next."""
    store = laptop(tmp_path)
    signed_day(store, 4)
    report = push(store, archive.url("laptop_a"), progress=lambda p: p.done < 2)
    assert report.stopped and report.sessions_sent == 2
    assert "stopped before the rest: push again" in report.describe()
    assert counts(archive)[:2] == (2, 2)
    rest = push(store, archive.url("laptop_a"))
    assert (rest.sessions_sent, rest.already, rest.stopped) == (2, 2, False)
    assert counts(archive)[:2] == (4, 4)


def test_the_archive_checks_each_digest_on_arrival(tmp_path, archive):
    store = laptop(tmp_path)
    signed_day(store, 1)
    push(store, archive.url("laptop_a"))
    installation = installation_id(store)
    session_id, digest, content, snapshot = archive.query(
        "SELECT session_id, digest, content, snapshot FROM archive.versions"
    )[0]
    forged = bytes(content).replace(b'"grade":2', b'"grade":5', 1)
    assert forged != bytes(content)
    with (
        archive.connect("laptop_a") as conn,
        pytest.raises(psycopg.Error, match="does not give its digest"),
    ):
        conn.execute(
            "SELECT archive.push_version(%s, %s, 2, %s, 'x', %s, %s, NULL)",
            [installation, session_id, digest, snapshot, forged],
        )


def test_the_laptop_sends_no_version_whose_content_no_longer_gives_its_digest(tmp_path, archive):
    store = laptop(tmp_path)
    (bad, good) = signed_day(store, 2)
    store.close()
    conn = sqlite3.connect(tmp_path / "laptop.db")
    conn.execute("DROP TRIGGER sheets_no_update")
    conn.execute("UPDATE sheets SET digest = ? WHERE session_id = ?", ["0" * 64, bad])
    conn.commit()
    conn.close()
    store = laptop(tmp_path)
    report = push(store, archive.url("laptop_a"))
    assert report.sent == [f"{good} v1"]
    assert len(report.refused) == 1 and bad in report.refused[0]
    assert archive.query("SELECT id FROM archive.sessions") == [(good,)]


def test_a_signed_version_refuses_update_and_delete_even_as_hr_and_owner(tmp_path, archive):
    store = laptop(tmp_path)
    signed_day(store, 1)
    push(store, archive.url("laptop_a"))
    for user in ("hr_ann", "laptop_a"):
        with archive.connect(user) as conn:
            for statement in (
                "UPDATE archive.versions SET digest = digest",
                "DELETE FROM archive.versions",
                "UPDATE archive.sessions SET outcome = 'pass'",
                "DELETE FROM archive.audit",
                "INSERT INTO archive.sessions SELECT * FROM archive.sessions",  # not round push
                "TRUNCATE archive.versions",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    conn.execute(statement)
                conn.rollback()
    # The owner holds every privilege: the triggers still refuse.
    with archive.connect("archive_dba") as conn:
        for statement in (
            "UPDATE archive.versions SET signed_at = 'never'",
            "DELETE FROM archive.versions",
            "TRUNCATE archive.versions CASCADE",
            "UPDATE archive.audit SET actor = 'someone else'",
            "DELETE FROM archive.audit",
            "UPDATE archive.sessions SET version = version",
        ):
            with pytest.raises(psycopg.Error, match=r"never|append-only|only to a newer"):
                conn.execute(statement)
            conn.rollback()
    assert counts(archive)[:2] == (1, 1)


def test_an_uploader_cannot_read_another_laptops_sessions(tmp_path, archive):
    a = laptop(tmp_path / "a")
    (session_id,) = signed_day(a, 1)
    push(a, archive.url("laptop_a"))
    with archive.connect("laptop_b") as conn:
        for statement in (
            "SELECT * FROM archive.versions",
            "SELECT * FROM archive.sessions",
            "SELECT * FROM archive.audit",
            "SELECT * FROM archive.profile_snapshots",
            "SELECT * FROM archive.session_search",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
            conn.rollback()
        # Laptop A's installation is not laptop_b's to ask about.
        with pytest.raises(psycopg.Error, match="pushes as login laptop_a"):
            conn.execute(
                "SELECT * FROM archive.push_compare(%s, %s, %s, %s)",
                [installation_id(a), [session_id], [1], ["0" * 64]],
            )
        conn.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT archive.purge(%s, 'x', 'y')", [[session_id]])


def test_hr_purges_only_through_the_function_and_it_is_audited(tmp_path, archive):
    old = laptop(tmp_path / "old", start=datetime(2020, 1, 6, 9, 0, tzinfo=UTC))
    (due,) = signed_day(old, 1, day="2020-01-06")
    recent = laptop(tmp_path / "recent", start=datetime.now(UTC))
    (kept,) = signed_day(recent, 1, prefix="R", day=datetime.now(UTC).date().isoformat())
    push(old, archive.url("laptop_a"))
    push(recent, archive.url("laptop_b"))
    with archive.connect("hr_ann") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM archive.sessions")
        conn.rollback()
        conn.execute("SET pcso_archive.purging = 'on'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM archive.versions")
        conn.rollback()
        with pytest.raises(psycopg.Error, match="not past its retention"):
            conn.execute("SELECT archive.purge(%s, 'past retention', 'Hana HR')", [[kept]])
        conn.rollback()
        assert conn.execute(
            "SELECT archive.purge(%s, 'past retention', 'Hana HR')", [[due]]
        ).fetchone() == (1,)
        conn.commit()
    assert archive.query("SELECT id FROM archive.sessions") == [(kept,)]
    assert archive.query("SELECT id FROM archive.session_search") == [(kept,)]  # names gone
    assert archive.query("SELECT count(*) FROM archive.versions WHERE session_id = %s", [due]) == [
        (0,)
    ]
    words = archive.query(
        "SELECT DISTINCT actor, old, new, redacted FROM archive.audit WHERE session_id = %s", [due]
    )
    assert words == [("", "", "", 1)]
    assert archive.query("SELECT login, actor, action, session_id FROM archive.events") == [
        ("hr_ann", "Hana HR", "purge", due)
    ]


def test_the_archive_takes_only_audit_rows_that_link_and_never_rewrites_one(tmp_path, archive):
    """push_audit: a row whose hash is not its chain's is refused, a row archived before
    cannot come again changed, and the same rows again add nothing."""
    import hashlib

    from psycopg.types.json import Jsonb

    store = laptop(tmp_path)
    (session_id,) = signed_day(store, 1)
    push(store, archive.url("laptop_a"))
    columns = (
        "id, session_id, at, actor, action, subject, old, new, prev, session_prev,"
        " content_hash, hash, redacted"
    )
    rows = [
        dict(zip(columns.split(", "), r, strict=True))
        for r in read(store.path, f"SELECT {columns} FROM audit WHERE session_id = ?", [session_id])
    ]
    before = archive.query("SELECT * FROM archive.audit ORDER BY id")
    installation = installation_id(store)

    def push_audit(audit_rows: list[dict]) -> int:
        with archive.connect("laptop_a") as conn:
            return conn.execute(
                "SELECT archive.push_audit(%s, %s)", [installation, Jsonb(audit_rows)]
            ).fetchone()[0]

    assert push_audit(rows) == 0
    unlinked = [*rows[:-1], {**rows[-1], "content_hash": "0" * 64}]
    with pytest.raises(psycopg.Error, match=f"audit row {rows[-1]['id']} does not link"):
        push_audit(unlinked)
    last = rows[-1]
    rewritten = {**last, "actor": "Someone Else", "content_hash": "1" * 64}
    rewritten["hash"] = hashlib.sha256(
        (last["prev"] + last["session_prev"] + rewritten["content_hash"]).encode()
    ).hexdigest()
    with pytest.raises(psycopg.Error, match=f"audit row {last['id']} differs"):
        push_audit([rewritten])
    assert archive.query("SELECT * FROM archive.audit ORDER BY id") == before
    assert push_audit([]) == 0


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("outcome", "the other one"),
        ("weighted_total", 99),
        ("chair_name", "Someone Else"),
        ("force", "Another Force"),
        ("status", "setup"),
    ],
)
def test_a_list_row_that_misstates_its_signed_version_is_refused(
    tmp_path, archive, monkeypatch, column, value
):
    """HR filters by the list row: it must say what the signed content says, or nothing of
    that session stays in the archive."""
    from pcso_interview.store.archive import push as pushing

    store = laptop(tmp_path)
    honest, misstated = signed_day(store, 2)
    listing = pushing._listing

    def misstate(laptop_store, newest):
        row = listing(laptop_store, newest)
        if newest.session_id != misstated:
            return row
        wrong = {"pass": "fail"}.get(row["outcome"], "pass") if column == "outcome" else value
        assert row[column] != wrong
        return {**row, column: wrong}

    monkeypatch.setattr(pushing, "_listing", misstate)
    report = push(store, archive.url("laptop_a"))
    assert report.sent == [f"{honest} v1"]
    assert len(report.refused) == 1 and "list row does not match" in report.refused[0]
    assert archive.query("SELECT session_id FROM archive.versions") == [(honest,)]
    assert archive.query("SELECT id FROM archive.sessions") == [(honest,)]
