"""Shared by the benchmarks: a demo database of N sessions, built once and then reused."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path


def count_sessions(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return 0


def build(path: Path, sessions: int) -> None:
    """Reuse the database when it already holds enough sessions; otherwise build it anew."""
    have = count_sessions(path)
    if have >= sessions:
        print(f"reusing {path} ({have} sessions)")
        return
    import main

    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        (path.parent / name).unlink(missing_ok=True)
    print(f"building {path} with {sessions} demo sessions (this takes a while) ...", flush=True)
    started = time.perf_counter()
    status = main.main(["--db", str(path), "demo", "--sessions", str(sessions)])
    if status != 0:
        raise SystemExit(f"demo failed with exit status {status}")
    print(f"built in {time.perf_counter() - started:.1f} s")
