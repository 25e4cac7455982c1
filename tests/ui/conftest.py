"""Qt runs offscreen in every UI test; each test gets its own temporary database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from pcso_interview.profiles import load_profiles
from pcso_interview.store import Store


@pytest.fixture
def profiles():
    return load_profiles()


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "sessions.db")
    yield opened
    opened.close()
