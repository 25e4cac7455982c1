"""The language an interview was held in (issue 19): recorded when the session is made, kept
out of the signed content, listed and filtered for HR; sessions made before it read English."""

from __future__ import annotations

import pytest

from pcso_interview.store import SCHEMA_VERSION, SessionQuery, Store
from tests.store_support import Clock, new_session, profile, read, signed_session


def welsh_session(store: Store, ref: str = "C-0002") -> str:
    from tests.store_support import PANEL

    return store.create_session(
        profile(),
        candidate_name="Siôn ap Dafydd",
        candidate_ref=ref,
        date="2025-03-03",
        venue="Cwmbrân",
        panel=PANEL,
        interview_language="cy",
    )


def test_a_session_records_its_language_english_by_default(tmp_path):
    store = Store.open(tmp_path / "s.db", clock=Clock())
    try:
        english = new_session(store)
        welsh = welsh_session(store)
        assert store.load(english).interview_language == "en"
        assert store.load(welsh).interview_language == "cy"
        rows = read(
            tmp_path / "s.db", "SELECT interview_language FROM sessions ORDER BY candidate_ref"
        )
        assert sorted(r[0] for r in rows) == ["cy", "en"]
    finally:
        store.close()


def test_an_unknown_language_is_refused(tmp_path):
    from tests.store_support import PANEL

    store = Store.open(tmp_path / "s.db", clock=Clock())
    try:
        with pytest.raises(ValueError, match="interview language"):
            store.create_session(
                profile(),
                candidate_name="A",
                candidate_ref="C-1",
                date="2025-03-03",
                venue="",
                panel=PANEL,
                interview_language="fr",
            )
    finally:
        store.close()


def test_hr_filters_and_sorts_by_language(tmp_path):
    store = Store.open(tmp_path / "s.db", clock=Clock())
    try:
        english = new_session(store)
        welsh = welsh_session(store)
        both = store.query_sessions(SessionQuery(sort="language", descending=False))
        assert [r.id for r in both.rows] == [welsh, english]
        assert [r.interview_language for r in both.rows] == ["cy", "en"]
        assert [r.id for r in store.query_sessions(SessionQuery(language="cy")).rows] == [welsh]
        assert [r.id for r in store.query_sessions(SessionQuery(language="en")).rows] == [english]
    finally:
        store.close()


def test_the_language_is_not_signed_content(tmp_path):
    """Two sessions alike but for the language hold the same signed content: the digest
    format, and every digest already printed, is unchanged."""
    store = Store.open(tmp_path / "s.db", clock=Clock())
    try:
        session_id = signed_session(store)
        session = store.load(session_id)
        assert session.interview_language == "en"
        from dataclasses import replace

        welsh = replace(session, interview_language="cy")
        assert welsh.content_digest() == session.content_digest()
        assert welsh.digest() == session.digest()
        assert "interview_language" not in str(session.signed_content())
        assert store.load(session_id).record_problems == ()
    finally:
        store.close()


def test_an_older_database_gains_the_column_and_reads_english(tmp_path):
    from tests.store_support import old_database

    path = old_database(tmp_path / "sessions.db")
    store = Store.open(path)
    try:
        rows = store.query_sessions(SessionQuery()).rows
        assert rows and {r.interview_language for r in rows} == {"en"}
        assert {store.load(r.id).interview_language for r in rows} == {"en"}
    finally:
        store.close()
    assert read(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert SCHEMA_VERSION == 8  # 006 the interview language, 007 campaigns and equality data,
    # 008 purge forgets issued sheets
