"""The use cases the command line and the window share: import, batch reopen and withdraw."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pcso_interview import bundle, use_cases
from pcso_interview.lifecycle import SessionRuleError, Status
from pcso_interview.store import Store, list_backups
from pcso_interview.store.identity import User
from tests.store_support import new_session, read, signed_session


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "sessions.db")
    yield opened
    opened.close()


def test_who_is_acting_is_the_signed_in_account_or_the_command_line():
    assert use_cases.acting(User("Rhian Evans", "hr")) == "Rhian Evans"
    assert use_cases.acting(None) == use_cases.COMMAND_LINE


def test_a_batch_reopen_carries_on_past_refusals_and_reports_each(store):
    signed = [signed_session(store, ref=f"C-S{i}") for i in range(2)]
    scoring = new_session(store, ref="C-OPEN")
    result = use_cases.reopen_many(store, [signed[0], scoring, signed[1]], "Typing error", "HR")
    assert result.done == (signed[0], signed[1])
    ((refused_id, why),) = result.refused
    assert refused_id == scoring and isinstance(why, SessionRuleError)
    assert result.summary("reopened") == "2 of 3 session(s) reopened; 1 refused."
    assert [store.load(s).status for s in signed] == [Status.REOPENED] * 2
    assert store.load(scoring).status is Status.SETUP


def test_cancelling_a_batch_leaves_the_rest_as_they_were(store):
    ids = [new_session(store, ref=f"C-S{i}") for i in range(3)]
    seen: list[int] = []

    def progress(done: int) -> bool:
        seen.append(done)
        return done < 1  # Stop pressed after the first

    result = use_cases.withdraw_many(store, ids, "Did not attend", "HR", progress)
    assert result.cancelled and result.done == (ids[0],)
    assert "cancelled" in result.summary("withdrawn")
    assert [store.load(s).status for s in ids] == [
        Status.WITHDRAWN,
        Status.SETUP,
        Status.SETUP,
    ]
    assert seen == [0, 1]


def test_import_files_backs_up_once_and_answers_for_every_file(store, tmp_path):
    other = Store.open(tmp_path / "laptop-2.db")
    try:
        sid = signed_session(other, ref="C-ELSEWHERE")
        session = other.load(sid)
        data = bundle.session_to_dict(session, other.verify(sid).stored_digest)
    finally:
        other.close()
    good = tmp_path / "good.json"
    bundle.write_json(good, data)
    tampered = tmp_path / "tampered.json"
    edited = json.loads(good.read_text())
    edited["session"]["candidate"]["name"] = "Someone Else"
    tampered.write_text(json.dumps(edited))
    missing = tmp_path / "missing.json"

    results = use_cases.import_files(store, [good, tampered, missing, good], "Rhian Evans")
    assert [r.ok for r in results] == [True, False, False, True]
    assert "imported session" in results[0].message
    assert "tampered" in results[1].message
    assert str(missing) in results[2].message
    assert "already here and identical" in results[3].message
    assert read(store.path, "SELECT count(*) FROM sessions") == [(1,)]
    assert store.load(sid).status is Status.SIGNED
    assert len([b for b in list_backups(store.path) if "before-import" in b.name]) == 1


def test_no_files_means_no_backup(store):
    assert use_cases.import_files(store, [], "HR") == []
    assert list_backups(Path(store.path)) == []
