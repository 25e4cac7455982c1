"""The list's text filter answered by the trigram index gives exactly what a scan gives."""

from __future__ import annotations

from datetime import date

import pytest

from pcso_interview.demo import demo_sessions
from pcso_interview.profiles import load_profiles
from pcso_interview.store import SessionQuery, Store
from pcso_interview.store.schema import SCHEMA_VERSION, build_migrations


def test_schema_version_counts_the_migrations():
    assert len(build_migrations()._migrations) == SCHEMA_VERSION


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    opened = Store.open(tmp_path_factory.mktemp("search") / "sessions.db")
    opened.insert_many(
        demo_sessions(list(load_profiles()), 300, seed=5, today=date(2026, 6, 1)), "test"
    )
    assert opened.has_search_index
    yield opened
    opened.close()


def ids(store: Store, query: SessionQuery, index: bool) -> list[str]:
    store.has_search_index = index
    try:
        return [r.id for r in store.query_sessions(query).rows]
    finally:
        store.has_search_index = True


@pytest.mark.parametrize(
    "text", ["llŷr", "ŴYN", "c-26", "o'rourke", "zz", "an", "Alex Lewis", "100%", "a_b", "ke\\"]
)
@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("walk_from", [1000, 0])  # 0: many matches, the list index is walked
def test_index_and_scan_agree(store, text, descending, walk_from, monkeypatch):
    from pcso_interview.store import listing as module

    monkeypatch.setattr(module, "WALK_FROM", walk_from)
    query = SessionQuery(text=text, limit=40, offset=20, descending=descending)
    assert ids(store, query, True) == ids(store, query, False)
    with_index = store.query_sessions(query)
    store.has_search_index = False
    assert with_index.total == store.query_sessions(query).total
    store.has_search_index = True


def test_the_index_follows_changes(store):
    """A renamed candidate is found by the new name only; a purged session by neither."""
    row = store.query_sessions(SessionQuery(status=("scoring",), limit=1)).rows[0]
    store.update_details(
        row.id,
        candidate_name="Zephyrine Quillfeather",
        candidate_ref=row.candidate_ref,
        date=row.date,
        venue=row.venue,
    )
    found = store.query_sessions(SessionQuery(text="quillfeather")).rows
    assert [r.id for r in found] == [row.id]
    assert row.id not in [
        r.id for r in store.query_sessions(SessionQuery(text=row.candidate_name)).rows
    ]


def test_other_filters_and_sorts_with_the_index_agree_with_a_scan(store):
    for query in (
        SessionQuery(text="an", status=("signed",), sort="candidate"),
        SessionQuery(text="ann", outcome="pass", sort="total", descending=False),
        SessionQuery(text="c-2", date_from="2025-01-01", date_to="2025-12-31", limit=30),
    ):
        assert ids(store, query, True) == ids(store, query, False)
