"""The interview's language in the HR verbs: `sessions --json` carries it, `--language`
filters by it, `show` says it."""

from __future__ import annotations

import json

import pytest

from pcso_interview.store import Store
from tests.cli_support import cli
from tests.store_support import PANEL, Clock, new_session, profile

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "sessions.db"
    store = Store.open(path, clock=Clock())
    english = new_session(store, ref="C-0100")
    welsh = store.create_session(
        profile(),
        candidate_name="Siôn ap Dafydd",
        candidate_ref="C-0200",
        date="2025-03-03",
        venue="Cwmbrân",
        panel=PANEL,
        interview_language="cy",
    )
    store.close()
    return path, english, welsh


def test_sessions_json_carries_the_language_and_filters_by_it(db, capsys):
    path, english, welsh = db
    status, out, _ = cli(capsys, "--db", path, "sessions", "--json", "--sort", "reference")
    assert status == 0
    rows = {r["id"]: r["interview_language"] for r in map(json.loads, out.splitlines())}
    assert rows == {english: "en", welsh: "cy"}
    for language, expected in (("cy", [welsh]), ("en", [english])):
        status, out, _ = cli(capsys, "--db", path, "sessions", "--json", "--language", language)
        assert status == 0
        assert [json.loads(line)["id"] for line in out.splitlines()] == expected


def test_show_names_the_language(db, capsys):
    path, english, welsh = db
    status, out, _ = cli(capsys, "--db", path, "show", welsh)
    assert status == 0
    assert "Language   Welsh (cy): the language of the interview" in out
    status, out, _ = cli(capsys, "--db", path, "show", english)
    assert "Language   English (en)" in out
