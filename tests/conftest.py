"""Shared, Qt-free fixtures: the repository root, the shipped data and loaded profiles."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

# Tests never touch the user's real data, cache or profiles folder (platformdirs reads these).
# The folder goes when the test process ends: every run left one behind in the temporary folder.
_HOME = tempfile.mkdtemp(prefix="pcso-interview-tests-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
    os.environ[variable] = os.path.join(_HOME, variable.lower())

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # so a bare `pytest` finds main.py and the packages too
    sys.path.insert(0, str(REPO_ROOT))

from hypothesis import settings  # noqa: E402

from pcso_interview.profiles import ProfileSet, load_profiles  # noqa: E402

# Property tests: quick by default (every run), thorough on demand
# (HYPOTHESIS_PROFILE=thorough make test) before a release.
settings.register_profile("quick", max_examples=40, deadline=None, derandomize=True, database=None)
settings.register_profile("thorough", max_examples=500, deadline=None, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


# No test takes more than a few seconds: one still running after this long is stuck (a
# deadlock), and its worker dumps every thread's stack and exits, so the run fails in minutes
# with the place it stuck, instead of hanging until the CI's time runs out.
STUCK_AFTER_S = 300


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    import faulthandler

    faulthandler.dump_traceback_later(STUCK_AFTER_S, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True, scope="session")
def quick_argon2():
    """Argon2 at its lightest in tests: hundreds of PINs are set and checked, and the cost of
    a guess is not what they are about (the app uses OWASP's minimum: credentials.py)."""
    from argon2 import PasswordHasher

    from pcso_interview import credentials

    quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    real = credentials._hasher
    credentials._hasher = lambda: quick  # type: ignore[assignment]
    yield
    credentials._hasher = real


@pytest.fixture(autouse=True, scope="session")
def commits_without_fsync():
    """Commits not synced to disk one by one in tests (WAL with synchronous=NORMAL): a killed
    process still loses nothing, and the suite spends its time on the app, not on fsync.
    tests/core/test_store_durability.py checks that the app itself syncs every commit."""
    from pcso_interview.store import opening

    real = opening.SYNCHRONOUS
    opening.SYNCHRONOUS = "NORMAL"
    yield
    opening.SYNCHRONOUS = real


@pytest.fixture(autouse=True, scope="session")
def new_databases_from_a_template(tmp_path_factory):
    """A new database in a test is a copy of one the migrations made at the start of the run
    (one per worker): running the eight migrations, with their triggers, for each of a thousand
    new databases took the suite half a minute; a copy takes a millisecond. Everything up to
    the migrations still runs (the folder made, a read-only folder refused, the empty file
    created owner-only). tests/core/test_database_template.py checks the copy is the same
    database the migrations make; PCSO_TESTS_MIGRATE_EACH=1 runs them for every database."""
    from pcso_interview.store import opening
    from pcso_interview.store.schema import SCHEMA_VERSION

    if os.environ.get("PCSO_TESTS_MIGRATE_EACH") == "1":
        yield None
        return
    from pcso_interview.store import Store

    template = tmp_path_factory.mktemp("template") / "sessions.db"
    Store.open(template).close()  # the real migrations, once
    image = template.read_bytes()
    real = opening.prepare_path

    def prepare_path(path, *, thorough=True):
        version = real(path, thorough=thorough)
        if version is None and path.stat().st_size == 0:  # new: the file real() just made
            with open(path, "r+b") as file:
                file.write(image)
            return SCHEMA_VERSION
        return version

    prepare_path.__wrapped__ = real  # type: ignore[attr-defined]
    opening.prepare_path = prepare_path
    yield template
    opening.prepare_path = real


BUILTIN_JSON = REPO_ROOT / "data" / "competencies.json"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def builtin_data() -> dict[str, Any]:
    """The shipped competencies.json as plain data (tests copy it before changing it)."""
    return json.loads(BUILTIN_JSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def builtin_profiles() -> ProfileSet:
    """The built-in profiles only: no user folder, no extra files."""
    return load_profiles([])


@pytest.fixture
def empty_user_profiles(tmp_path, monkeypatch) -> Path:
    """An empty profiles folder (and data folder) of the test's own: the tester's force files
    must not change what the app or the CLI sees. Modules use it with ``usefixtures``."""
    from pcso_interview import paths

    folder = tmp_path / "user-profiles"
    folder.mkdir()
    monkeypatch.setattr(paths, "user_profiles_dir", lambda: folder)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return folder
