"""The lock that makes a second window read-only holds whether or not the second window can
read who holds it (Windows' byte lock kept other processes from reading the holder's name, and
an unreadable name was taken for "no lock file here": two writers)."""

from __future__ import annotations

import os

from pcso_interview import window_lock
from pcso_interview.window_lock import WindowLock


def test_a_second_lock_is_refused_and_names_the_holder(tmp_path):
    first = WindowLock(tmp_path / "sessions.db")
    assert first.acquire() == ""
    try:
        assert WindowLock(tmp_path / "sessions.db").acquire() == f"pid {os.getpid()}"
    finally:
        first.release()
    second = WindowLock(tmp_path / "sessions.db")
    assert second.acquire() == ""  # released: the next window writes
    second.release()


def test_a_held_lock_whose_holder_cannot_be_read_is_still_held(tmp_path, monkeypatch):
    first = WindowLock(tmp_path / "sessions.db")
    assert first.acquire() == ""
    try:

        def unreadable(_fd: int, _count: int) -> bytes:
            raise PermissionError(13, "Permission denied")  # as Windows says of a locked byte

        monkeypatch.setattr(window_lock.os, "read", unreadable)
        assert WindowLock(tmp_path / "sessions.db").acquire() == "another window"
    finally:
        first.release()
