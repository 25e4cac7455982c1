"""Builders shared by the store, bundle and CLI tests: a real profile, panels, sessions.

Imported as ``tests.store_support`` (tests/conftest.py puts the repository root on sys.path).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from pcso_interview.profiles import Profile, load_profiles
from pcso_interview.session import Member
from pcso_interview.store import Store

KENT = "kent-crime-prevention-pcso"
PROFILE_IDS = (
    "gwent-cso",
    "south-wales-pcso",
    "band-2e-pcso",
    "grade-c-pcso",
    KENT,
)
ANN = Member("m1", "Ann Chair", "chair", "1001")
BOB = Member("m2", "Bob Member", "member", "2002")
LLYR = Member("m3", "Llŷr Ŵyn", "member", "C-303")
PANEL = (ANN, BOB)
WELSH_PANEL = (ANN, LLYR)
# A force file invented for the tests: an A-D scale, values only, questions of its own.
EXAMPLE_FORCE_FILE = (
    Path(__file__).resolve().parent / "data" / "profiles" / "example-constabulary.json"
)


@cache
def profile(profile_id: str = KENT) -> Profile:
    """A built-in profile, loaded once per test run."""
    found = load_profiles([]).get(profile_id)
    assert found is not None, profile_id
    return found


def indicators(profile_id: str = KENT) -> list[str]:
    """Every indicator id of the profile's planned areas, in order."""
    return [i.id for a in profile(profile_id).planned_areas for i in a.indicators]


class Clock:
    """A deterministic clock for Store(clock=...): each reading is one second after the last."""

    def __init__(self, start: datetime = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)) -> None:
        self.now = start
        self.last = start

    def __call__(self) -> datetime:
        self.last = self.now
        self.now += timedelta(seconds=1)
        return self.last

    def set(self, moment: datetime) -> None:
        self.now = moment


def new_session(
    store: Store,
    *,
    profile_id: str = KENT,
    name: str = "Gwenllïan Ŵyn",
    ref: str = "C-0001",
    day: str = "2025-03-03",
    venue: str = "Headquarters, Interview Room 1",
    panel: Iterable[Member] = PANEL,
    session_id: str | None = None,
    questions: dict[str, str] | None = None,
    interview_language: str = "en",
    made_from: Profile | None = None,
) -> str:
    """A session of the built-in ``profile_id``, or of ``made_from`` (a force file's profile)."""
    return store.create_session(
        profile(profile_id) if made_from is None else made_from,
        candidate_name=name,
        candidate_ref=ref,
        date=day,
        venue=venue,
        panel=tuple(panel),
        questions=questions,
        session_id=session_id,
        interview_language=interview_language,
    )


def grade_all(store: Store, session_id: str, grade: int | dict[str, int] = 3) -> None:
    """Every member grades every planned area (``grade`` may be one per member id)."""
    session = store.load(session_id)
    for member in session.panel:
        given = grade[member.id] if isinstance(grade, dict) else grade
        for area in session.planned_areas:
            store.grade(session_id, member.id, area.id, given)


def agree_all(store: Store, session_id: str, grade: int = 3, rationale: str = "") -> None:
    for area in store.load(session_id).planned_areas:
        store.agree(session_id, area.id, grade, rationale)


def pin(member_id: str) -> str:
    """Each invented member's PIN: m1 1111, m2 2222 and so on."""
    digit = member_id[-1] if member_id[-1:].isdigit() else "9"
    return digit * 4


def sign_as(store: Store, session_id: str, member_id: str, **kwargs: Any):
    """Sign as a member with their PIN, choosing it first if they have none yet (as the app
    asks a member without one to do)."""
    if not store.member_has_secret(session_id, member_id):
        store.set_member_secret(session_id, member_id, pin(member_id))
    return store.sign(session_id, member_id, secret=pin(member_id), **kwargs)


def sign_all(store: Store, session_id: str) -> None:
    for member in store.load(session_id).panel:
        sign_as(store, session_id, member.id, typed_name=member.name)


def mark_some(store: Store, session_id: str) -> None:
    """A few classifications, notes and an area note by each member, Welsh text included."""
    session = store.load(session_id)
    first = session.planned_areas[0]
    for n, member in enumerate(session.panel):
        ids = [i.id for i in first.indicators][:3]
        store.classify(session_id, member.id, ids[0], "demonstrated")
        store.classify(session_id, member.id, ids[1], "partly" if n else "contrary")
        store.note(session_id, member.id, ids[0], f"Calmed the dispute; siaradodd â'r cymydog {n}")
        store.area_note(session_id, member.id, first.id, f"Clear STAR example ({member.name})")


def scored_session(store: Store, grade: int = 3, **kwargs: Any) -> str:
    """A session with marks, notes, every grade and every agreed grade: ready to sign."""
    session_id = new_session(store, **kwargs)
    mark_some(store, session_id)
    grade_all(store, session_id, grade)
    agree_all(store, session_id, grade)
    return session_id


def signed_session(store: Store, grade: int = 3, **kwargs: Any) -> str:
    session_id = scored_session(store, grade, **kwargs)
    sign_all(store, session_id)
    return session_id


def read(path: Path, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
    """Rows as another process would see them: a fresh sqlite3 connection, not the store's."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, tuple(params)).fetchall()
    finally:
        conn.close()


def by_hand(
    path: Path, *statements: str | tuple[str, list[Any]], drop: tuple[str, ...] = ()
) -> None:
    """Statements as someone with sqlite3 runs them on the file (autocommit, foreign keys
    off), the named triggers dropped first ("*": every one but the search index's)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
        for name in names:
            if (name in drop or "*" in drop) and not name.startswith("sessions_fts"):
                conn.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            text, params = (statement, []) if isinstance(statement, str) else statement
            conn.execute(text, params)
    finally:
        conn.close()


OLD_DATABASE_SQL = Path(__file__).resolve().parent / "data" / "sessions-v3.sql"


def old_database(path: Path) -> Path:
    """The file version 3 of the app wrote (schema 3: signed, reopened and signed again, half
    signed, withdrawn, open), built at ``path`` from its SQL text: a database file holds the
    kind of data that never goes into git."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript(OLD_DATABASE_SQL.read_text(encoding="utf-8"))
    finally:
        conn.close()
    return path


def every_row(path: Path) -> dict[str, list[str]]:
    """Every row of every table (SQLite's own and the search index's shadow tables aside), as
    another program reads the file: for "nothing changed" and "no byte of it left"."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE 'sessions_fts%'"
            )
        ]
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
    finally:
        conn.close()
