"""The worker processes of a batch of sheets (reports.workers): results in order, a worker
that dies costs only its own item, and a batch ended early stops its workers at once."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import select
import time
from pathlib import Path

import pytest

from reports.workers import STOP_WAIT_S, Lost, in_workers
from tests.reports.worker_support import DIES_ON, first_then_forever, never, pid_or_death

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX signals")


def running(pid: int) -> bool:
    """Whether ``pid`` is a process that has not ended (a zombie has)."""
    stat = Path(f"/proc/{pid}/stat")
    if stat.parent.parent.is_dir():
        try:
            return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def gone_within(pids: set[int], seconds: float) -> set[int]:
    """Those of ``pids`` still running once ``seconds`` have passed, or none sooner."""
    deadline = time.monotonic() + seconds
    while (left := {p for p in pids if running(p)}) and time.monotonic() < deadline:
        select.select([], [], [], 0.02)  # polled until the deadline, not slept
    return left


def test_a_worker_killed_outright_costs_its_own_item_only():
    """Killed mid-item (out of memory, say): that item is Lost, saying how; a new worker
    takes the rest, in order. concurrent.futures broke the whole pool instead, failing
    every sheet still to come."""
    results = list(in_workers(range(12), pid_or_death, workers=2))
    assert len(results) == 12
    lost = results[DIES_ON]
    assert lost == Lost("killed by SIGKILL")
    assert all(isinstance(r, int) for n, r in enumerate(results) if n != DIES_ON)
    assert gone_within({r for r in results if isinstance(r, int)}, 10) == set()


def test_closing_a_batch_early_stops_its_busy_workers_at_once():
    """Stop in HR's reprint, or an error, while workers are mid-sheet: they are stopped
    there, not waited for, and none is left running."""
    batch = in_workers(range(6), first_then_forever, workers=2)
    first = next(batch)
    workers = {p.pid for p in multiprocessing.active_children() if p.name == "sheet worker"}
    assert first in workers and len(workers) == 2
    start = time.monotonic()
    batch.close()
    assert time.monotonic() - start < STOP_WAIT_S  # SIGTERM, not the wait before SIGKILL
    assert gone_within(workers, 10) == set()
    assert not [p for p in multiprocessing.active_children() if p.name == "sheet worker"]


def test_workers_that_finish_their_batch_end_with_it():
    results = list(in_workers(range(9), pid_or_death, workers=2))
    pids = {r for r in results if isinstance(r, int)}
    assert gone_within(pids, 10) == set()


def test_workers_that_keep_dying_are_not_started_for_ever(monkeypatch):
    """Workers that cannot work at all (a broken installation): a few are started in place
    of the dead, then every item left is Lost alike, not one process (and one traceback)
    per sheet."""
    from reports import workers

    started = []
    real = workers._Pool.start_worker

    def counted(pool):
        started.append(pool)
        return real(pool)

    monkeypatch.setattr(workers._Pool, "start_worker", counted)
    results = list(in_workers(range(40), never, workers=2))
    assert results == [Lost("exit code 1")] * 40
    assert len(started) == 2 + workers.REPLACED


def test_stop_in_hr_reprint_leaves_no_worker_running(tmp_path):
    """HR's reprint (issue_folder, as the window calls it) stopped after its first sheet
    with a pool at work: one sheet written and registered, every worker gone at once."""
    from reports.issue import POOL_FROM, issue_folder
    from tests.reports.sheet_support import open_store, scored

    store = open_store(tmp_path / "sessions.db")
    try:
        # Drafts: never signed, so no key is made.
        sessions = [store.load(scored(store, ref=f"C-{n:04d}")) for n in range(POOL_FROM + 2)]
        batch = issue_folder(
            store,
            sessions,
            tmp_path / "out",
            how="HR reprint",
            actor="Tester",
            progress=lambda done: done < 1,
        )
        assert len(batch.written) == 1 and not batch.failed
        assert sorted((tmp_path / "out").iterdir()) == batch.written
        (sheet,) = batch.written
        assert store.issued(hashlib.sha256(sheet.read_bytes()).hexdigest())
        assert not [p for p in multiprocessing.active_children() if p.name == "sheet worker"]
    finally:
        store.close()
