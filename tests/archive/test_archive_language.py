"""The language of the interview (issue 19) on the force archive: carried by the push, listed,
filtered and sorted by as on the laptop; a laptop from before it pushes English."""

from __future__ import annotations

import json

import pytest

from pcso_interview.store.archive import push, read
from pcso_interview.store.records import SORT_COLUMNS
from tests.archive.laptops import laptop, signed_day
from tests.cli_support import cli
from tests.store_support import WELSH_PANEL, signed_session

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


@pytest.fixture
def pushed_welsh(tmp_path, archive, capsys):
    """Three sessions held in English and one held in Welsh, all signed and pushed."""
    store = laptop(tmp_path)
    signed_day(store, 3)
    welsh = signed_session(
        store, ref="W-0002", name="Llinos Ŵyn", panel=WELSH_PANEL, interview_language="cy"
    )
    store.close()
    db = tmp_path / "laptop.db"
    status, _, err = cli(capsys, "--db", db, "push", archive.url("laptop_a"))
    assert status == 0, err
    return db, archive, welsh


def listed(capsys, db, *args) -> list[dict]:
    status, out, err = cli(capsys, "--db", db, "sessions", "--json", *args)
    assert status == 0, err
    return [json.loads(line) for line in out.splitlines()]


def test_hr_on_the_archive_filters_by_the_language_of_the_interview(capsys, pushed_welsh):
    db, archive, welsh = pushed_welsh
    there = listed(capsys, archive.url(), "--language", "cy")
    assert [(r["id"], r["interview_language"]) for r in there] == [(welsh, "cy")]
    assert there == listed(capsys, db, "--language", "cy")
    english = listed(capsys, archive.url(), "--language", "en")
    assert len(english) == 3 and welsh not in {r["id"] for r in english}
    assert english == listed(capsys, db, "--language", "en")


def test_every_column_hr_sorts_by_on_the_laptop_sorts_alike_on_the_archive(capsys, pushed_welsh):
    """A click on any column's header of HR review (the Language and Campaign columns too)
    orders the archive's list as it orders the laptop's."""
    db, archive, _ = pushed_welsh
    for key in sorted(SORT_COLUMNS):
        for order in ([], ["--ascending"]):
            there = listed(capsys, archive.url(), "--sort", key, *order)
            assert there == listed(capsys, db, "--sort", key, *order), (key, order)


def test_the_archive_knows_every_sort_key_of_the_laptop():
    assert set(read.SORT_COLUMNS) == set(SORT_COLUMNS)


def test_a_laptop_from_before_the_language_pushes_its_sessions_as_held_in_english(
    tmp_path, archive, capsys, monkeypatch
):
    """An older laptop's list row has no language: the archive takes it (no refusal for a
    missing column) and lists the session as held in English."""
    store = laptop(tmp_path)
    signed_day(store, 2)
    store.close()
    before = push._LIST_COLUMNS.replace(", interview_language", "")
    assert before != push._LIST_COLUMNS
    monkeypatch.setattr(push, "_LIST_COLUMNS", before)
    status, _, err = cli(capsys, "--db", tmp_path / "laptop.db", "push", archive.url("laptop_a"))
    assert status == 0, err
    rows = listed(capsys, archive.url())
    assert len(rows) == 2 and {r["interview_language"] for r in rows} == {"en"}
