"""`check` on the archive compares each HR list row with the signed version it stands for: an
uploader's row whose search text hides the candidate, or a row an owner edited behind the
triggers, is found and named."""

from __future__ import annotations

import pytest

from pcso_interview.store.archive import push as push_module
from pcso_interview.store.archive.push import push
from tests.archive.laptops import laptop, signed_day
from tests.cli_support import cli

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


def test_a_pushed_search_text_that_hides_the_candidate_is_found_by_check(
    tmp_path, archive, capsys, monkeypatch
):
    """push_listing checks every column the signed content holds but the search text, which
    the server cannot word as the app does: check words it and compares."""
    store = laptop(tmp_path)
    (hidden, shown) = signed_day(store, 2)
    real = push_module._listing

    def forged(store, newest):
        row = real(store, newest)
        return {**row, "search": "nobody"} if row["id"] == hidden else row

    monkeypatch.setattr(push_module, "_listing", forged)
    push(store, archive.url("laptop_a"))
    store.close()
    status, out, _ = cli(capsys, "--db", archive.url(), "check")
    assert status != 0
    assert f"session {hidden}" in out and "the HR list says search 'nobody'" in out
    assert f"session {shown}" not in out


def test_a_list_row_edited_behind_the_triggers_is_found_by_check(tmp_path, archive, capsys):
    store = laptop(tmp_path)
    (session_id,) = signed_day(store, 1)
    push(store, archive.url("laptop_a"))
    store.close()
    assert cli(capsys, "--db", archive.url(), "check")[0] == 0
    with archive.connect("archive_dba") as conn:
        (signed,) = conn.execute(
            "SELECT outcome FROM archive.sessions WHERE id = %s", [session_id]
        ).fetchone()
        forged = "fail" if signed == "pass" else "pass"
        conn.execute("ALTER TABLE archive.sessions DISABLE TRIGGER USER")
        conn.execute(
            "UPDATE archive.sessions SET outcome = %s, chair_name = 'Someone Else' WHERE id = %s",
            [forged, session_id],
        )
        conn.execute("ALTER TABLE archive.sessions ENABLE TRIGGER USER")
        conn.commit()
    status, out, _ = cli(capsys, "--db", archive.url(), "check")
    assert status != 0
    assert "the HR list says chair_name 'Someone Else'" in out
    assert f"the HR list says outcome '{forged}' where its signed version says '{signed}'" in out


def test_a_pushed_list_row_that_backdates_its_closing_is_refused(tmp_path, archive, monkeypatch):
    """The retention period runs from closed_at: a row that says the session closed years
    before it was signed would let HR purge a record the force must still keep."""
    from datetime import UTC, datetime

    from pcso_interview.store.archive.read import ArchiveStore

    store = laptop(tmp_path, start=datetime.now(UTC))  # signed today: kept for months
    (honest, backdated) = signed_day(store, 2, day=datetime.now(UTC).date().isoformat())
    real = push_module._listing

    def forged(store, newest):
        row = real(store, newest)
        return {**row, "closed_at": "2001-01-01T09:00:00Z"} if row["id"] == backdated else row

    monkeypatch.setattr(push_module, "_listing", forged)
    report = push(store, archive.url("laptop_a"))
    store.close()
    assert report.sent == [f"{honest} v1"]
    assert len(report.refused) == 1 and "list row does not match" in report.refused[0]
    hr = ArchiveStore.open(archive.url())
    try:
        assert hr.purge_candidates() == []
    finally:
        hr.close()


def test_a_closing_date_edited_behind_the_triggers_is_found_by_check(tmp_path, archive, capsys):
    """The laptop's check names a closed_at that is not its signed version's signing time; the
    archive's check does too."""
    store = laptop(tmp_path)
    (session_id,) = signed_day(store, 1)
    push(store, archive.url("laptop_a"))
    store.close()
    with archive.connect("archive_dba") as conn:
        conn.execute("ALTER TABLE archive.sessions DISABLE TRIGGER USER")
        conn.execute(
            "UPDATE archive.sessions SET closed_at = '2001-01-01T09:00:00Z' WHERE id = %s",
            [session_id],
        )
        conn.execute("ALTER TABLE archive.sessions ENABLE TRIGGER USER")
        conn.commit()
    status, out, _ = cli(capsys, "--db", archive.url(), "check")
    assert status != 0
    assert f"session {session_id}" in out
    assert "closed_at says '2001-01-01T09:00:00Z' where its signed version was signed" in out


def test_a_search_text_edited_in_the_narrow_search_table_is_found_by_check(
    tmp_path, archive, capsys
):
    """HR's text filter reads session_search, not the list's own column: an owner's UPDATE
    there (no trigger is in its way) hides the candidate from a search, and check says so."""
    store = laptop(tmp_path)
    (hidden, shown) = signed_day(store, 2)
    push(store, archive.url("laptop_a"))
    store.close()
    with archive.connect("archive_dba") as conn:
        conn.execute("UPDATE archive.session_search SET search = 'nobody' WHERE id = %s", [hidden])
        conn.execute("DELETE FROM archive.session_search WHERE id = %s", [shown])
        conn.commit()
    status, out, _ = cli(capsys, "--db", archive.url(), "check")
    assert status != 0
    assert f"session {hidden}" in out and "text search finds it by 'nobody'" in out
    assert f"session {shown}" in out and "no text search finds it" in out


def test_a_session_taken_off_the_list_behind_the_triggers_is_found_by_check(
    tmp_path, archive, capsys
):
    """Only a purge takes a session off HR's list, and it leaves an event. A list row an
    owner deleted hides the candidate from HR while the signed versions and the audit rows
    stay: the laptop's check names a session gone without a purge, and the archive's too."""
    store = laptop(tmp_path)
    (hidden, kept) = signed_day(store, 2)
    push(store, archive.url("laptop_a"))
    store.close()
    with archive.connect("archive_dba") as conn:
        conn.execute("ALTER TABLE archive.sessions DISABLE TRIGGER USER")
        conn.execute("DELETE FROM archive.sessions WHERE id = %s", [hidden])
        conn.execute("ALTER TABLE archive.sessions ENABLE TRIGGER USER")
        conn.commit()
    status, out, _ = cli(capsys, "--db", archive.url(), "check")
    assert status != 0
    assert f"session {hidden}" in out and "not on the HR list, and no purge removed it" in out
    assert f"session {kept}" not in out
