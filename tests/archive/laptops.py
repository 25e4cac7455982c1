"""Laptops for the archive tests: real SQLite stores with signed sessions on them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pcso_interview.store import Store
from tests.store_support import Clock, signed_session


def laptop(folder: Path, name: str = "laptop", start: datetime | None = None) -> Store:
    """A laptop's database with its own deterministic clock."""
    folder.mkdir(parents=True, exist_ok=True)
    clock = Clock(start or datetime(2025, 3, 3, 9, 0, tzinfo=UTC))
    return Store.open(folder / f"{name}.db", clock=clock)


def signed_day(
    store: Store, count: int, *, prefix: str = "C", day: str = "2025-03-03"
) -> list[str]:
    """``count`` signed sessions with references C-0001, C-0002, ... and grades 2 to 4."""
    return [
        signed_session(store, grade=2 + n % 3, ref=f"{prefix}-{n + 1:04d}", day=day)
        for n in range(count)
    ]
