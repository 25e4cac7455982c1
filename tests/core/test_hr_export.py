"""The campaign CSV: one row per session, agreed grades per area, and no live formulas."""

from __future__ import annotations

import csv
import io

import pytest

from pcso_interview.hr_export import ExportError, neutralise, sessions_csv
from pcso_interview.store import Store
from tests.store_support import new_session, profile, signed_session

GWENT = "gwent-cso"


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "sessions.db")
    yield opened
    opened.close()


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("--1", "'--1"),
        ("-", "'-"),
        ("Gwenllïan Ŵyn", "Gwenllïan Ŵyn"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise_puts_an_apostrophe_before_formula_starts(value, expected):
    """A spreadsheet runs a cell starting with = + - @ tab or CR; only those are changed."""
    assert neutralise(value) == expected


@pytest.mark.parametrize("value", ["-0.25", "-3", "0", "18", "56.7%", "-12.5%"])
def test_plain_numbers_stay_numbers(value):
    """A negative number cannot run anything, and an apostrophe would turn it into text."""
    assert neutralise(value) == value


def test_neutralise_takes_any_value():
    assert neutralise(None) == ""
    assert neutralise(-2) == "-2"
    assert neutralise(3) == "3"


def test_header_and_rows_hold_each_sessions_figures(store):
    """Columns are the profile's planned areas in plan order; values are the stored figures."""
    grades = {}
    ids = []
    for n, grade in enumerate((3, 4, 2)):
        ids.append(signed_session(store, grade, profile_id=GWENT, ref=f"C-10{n}"))
        grades[ids[-1]] = grade
    text = sessions_csv([store.load(i) for i in ids])
    rows = parse(text)
    areas = profile(GWENT).planned_areas
    assert rows[0] == [
        "session_id",
        "date",
        "candidate_reference",
        "candidate_name",
        "force",
        "role",
        "status",
        *(f"agreed: {a.name}" for a in areas),
        "weighted_total",
        "weighted_max",
        "percentage",
        "outcome",
        "reasons",
        "sheet_version",
    ]
    assert len(rows) == 1 + len(ids)
    for row, session_id in zip(rows[1:], ids, strict=True):
        record = dict(zip(rows[0], row, strict=True))
        session = store.load(session_id)
        grade = grades[session_id]
        assert record["session_id"] == session_id
        assert record["candidate_reference"] == session.candidate_ref
        assert record["candidate_name"] == "Gwenllïan Ŵyn"
        assert record["status"] == "signed"
        assert [record[f"agreed: {a.name}"] for a in areas] == [str(grade)] * len(areas)
        assert record["weighted_total"] == str(grade * len(areas))  # every weight is 1
        assert record["weighted_max"] == str(5 * len(areas))
        assert record["percentage"] == f"{grade * 20}.0%"
        assert record["outcome"] == ("fail" if grade < 3 else "pass")
        assert ("below the minimum" in record["reasons"]) == (grade < 3)
        assert record["sheet_version"] == "1"
    assert text.endswith("\r\n")


def test_formula_names_and_reasons_are_neutralised_in_the_file(store):
    """Candidate names and withdrawal reasons are typed by people: they must not run."""
    names = ['=HYPERLINK("http://x")', "@SUM(1)", "+1", "-1+2"]
    ids = [
        new_session(store, profile_id=GWENT, name=name, ref=f"C-2{n}")
        for n, name in enumerate(names)
    ]
    store.withdraw(ids[0], "=cmd|' /C calc'!A0", "HR Officer")
    rows = parse(sessions_csv([store.load(i) for i in ids], GWENT))
    header = rows[0]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    for session_id, name in zip(ids, names, strict=True):
        assert by_id[session_id]["candidate_name"] == "'" + name
    assert by_id[ids[0]]["reasons"] == "'=cmd|' /C calc'!A0"
    for record in by_id.values():
        for value in record.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")), value
            assert not value.startswith("-") or value.lstrip("-").replace(".", "").isdigit()


def test_a_withdrawn_session_says_withdrawn_with_its_reason(store):
    session_id = new_session(store, profile_id=GWENT, ref="C-300")
    store.withdraw(session_id, "Did not attend.", "HR Officer")
    rows = parse(sessions_csv([store.load(session_id)]))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["status"] == "withdrawn"
    assert record["outcome"] == "withdrawn"
    assert record["reasons"] == "Did not attend."


def test_sessions_of_another_profile_are_refused(store):
    """One CSV is one profile's columns: mixing profiles would put grades under wrong areas."""
    gwent = store.load(new_session(store, profile_id=GWENT, ref="C-400"))
    kent = store.load(new_session(store, ref="C-401"))
    with pytest.raises(ExportError, match="C-401"):
        sessions_csv([gwent, kent])
    with pytest.raises(ExportError, match="C-400"):
        sessions_csv([gwent], "kent-crime-prevention-pcso")
    with pytest.raises(ExportError):
        sessions_csv([])
    assert len(parse(sessions_csv([gwent], GWENT))) == 2
