"""A laptop's login adds rows only to the sessions that laptop pushed: another laptop's
session gets no audit rows and no register rows from it, so it cannot make a forged sheet
pass HR's verify on the archive, nor write lines into the audit trail HR reads."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import replace

import psycopg
import pytest
from psycopg.types.json import Jsonb

from pcso_interview.store.archive.push import push
from pcso_interview.store.archive.read import ArchiveStore
from pcso_interview.store.chain import GENESIS, content_hash, link_hash
from reports.marking_sheet import build_sheet
from tests.archive.laptops import laptop, signed_day
from tests.cli_support import cli

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


def _begin_as(archive, login: str) -> str:
    """A new installation bound to ``login``, as a hostile script would make one."""
    installation = uuid.uuid4().hex
    with archive.connect(login) as conn:
        conn.execute("SELECT archive.push_begin(%s, 'rogue', %s)", [installation, []])
    return installation


def test_another_laptop_cannot_register_a_forged_sheet_of_a_session_it_did_not_push(
    tmp_path, archive, capsys
):
    store = laptop(tmp_path)
    (session_id,) = signed_day(store, 1)
    push(store, archive.url("laptop_a"))
    session = store.load(session_id)
    digest = store.sheet_digest(session_id, session.version)
    store.close()
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(build_sheet(replace(session, venue="Somewhere Else Entirely")))
    status, out, _ = cli(capsys, "--db", archive.url(), "verify", forged)
    assert status == 1 and out.startswith("MISMATCH"), out
    rogue = _begin_as(archive, "laptop_b")
    row = {
        "id": 1,
        "file_sha256": hashlib.sha256(forged.read_bytes()).hexdigest(),
        "position": 1,
        "session_id": session_id,
        "version": session.version,
        "record_digest": digest,
        "state": "signed",
        "how": "print",
        "issued_at": "2025-03-03T12:00:00Z",
        "issued_by": "Hana HR",
    }
    with archive.connect("laptop_b") as conn, pytest.raises(psycopg.Error, match="did not push"):
        conn.execute("SELECT archive.push_register(%s, %s)", [rogue, Jsonb([row])])
    assert archive.query("SELECT count(*) FROM archive.issued_sheets") == [(0,)]
    status, out, _ = cli(capsys, "--db", archive.url(), "verify", forged)
    assert status == 1 and out.startswith("MISMATCH"), out


def test_another_laptop_cannot_write_into_the_audit_trail_of_a_session_it_did_not_push(
    tmp_path, archive, capsys
):
    store = laptop(tmp_path)
    (session_id,) = signed_day(store, 1)
    push(store, archive.url("laptop_a"))
    store.close()
    rogue = _begin_as(archive, "laptop_b")
    words = (session_id, "2025-03-04T09:00:00Z", "Hana HR", "withdraw", "Candidate cheated", "", "")
    words_hash = content_hash(*words)
    row = dict(
        zip(("session_id", "at", "actor", "action", "subject", "old", "new"), words, strict=True),
        id=1,
        prev=GENESIS,
        session_prev=GENESIS,
        content_hash=words_hash,
        hash=link_hash(GENESIS, GENESIS, words_hash),
        redacted=0,
    )
    with archive.connect("laptop_b") as conn, pytest.raises(psycopg.Error, match="did not push"):
        conn.execute("SELECT archive.push_audit(%s, %s)", [rogue, Jsonb([row])])
    assert archive.query(
        "SELECT count(*) FROM archive.audit WHERE installation_id = %s", [rogue]
    ) == [(0,)]
    hr = ArchiveStore.open(archive.url())
    try:
        assert "Candidate cheated" not in [e.subject for e in hr.audit_trail(session_id)]
        assert not hr.load(session_id).record_problems
    finally:
        hr.close()
