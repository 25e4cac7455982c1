"""HR's CSV: one row per session across profiles, agreed grades per area of the union, the
record's version and digest, and no live formulas."""

from __future__ import annotations

import csv
import io

import pytest

from pcso_interview.hr_export import (
    CsvExport,
    ExportError,
    facts_of_session,
    neutralise,
    sessions_csv,
)
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


def store_csv(store: Store, ids: list[str]) -> str:
    """The CSV as HR's export writes it: the store's bulk facts, not whole sessions."""
    batch = store.session_facts(ids)
    export = CsvExport()
    for facts in batch.facts:
        export.add(facts, batch.profile(facts))
    return export.text()


def test_header_and_rows_hold_each_sessions_figures(store):
    """Columns are the profile's planned areas in plan order; values are the stored figures."""
    grades = {}
    ids = []
    for n, grade in enumerate((3, 4, 2)):
        ids.append(signed_session(store, grade, profile_id=GWENT, ref=f"C-10{n}"))
        grades[ids[-1]] = grade
    store.set_campaign(ids[:1], "Spring 2026 intake", "HR Officer")
    text = store_csv(store, ids)
    rows = parse(text)
    areas = profile(GWENT).planned_areas
    assert rows[0] == [
        "session_id",
        "date",
        "candidate_reference",
        "candidate_name",
        "campaign",
        "force",
        "role",
        "profile",
        "venue",
        "panel",
        "status",
        *(f"agreed: {a.name}" for a in areas),
        "weighted_total",
        "weighted_max",
        "percentage",
        "outcome",
        "reasons",
        "signed_at",
        "sheet_version",
        "digest",
    ]
    assert len(rows) == 1 + len(ids)
    for row, session_id in zip(rows[1:], ids, strict=True):
        record = dict(zip(rows[0], row, strict=True))
        session = store.load(session_id)
        grade = grades[session_id]
        assert record["session_id"] == session_id
        assert record["candidate_reference"] == session.candidate_ref
        assert record["candidate_name"] == "Gwenllïan Ŵyn"
        assert record["campaign"] == store.campaign_of(session_id)
        assert record["profile"] == GWENT
        assert record["venue"] == session.venue
        assert record["panel"] == "Ann Chair (chair, 1001); Bob Member (2002)"
        assert record["status"] == "signed"
        assert [record[f"agreed: {a.name}"] for a in areas] == [str(grade)] * len(areas)
        assert record["weighted_total"] == str(grade * len(areas))  # every weight is 1
        assert record["weighted_max"] == str(5 * len(areas))
        assert record["percentage"] == f"{grade * 20}.0%"
        assert record["outcome"] == ("fail" if grade < 3 else "pass")
        assert ("below the minimum" in record["reasons"]) == (grade < 3)
        assert record["signed_at"] == max(s.signed_at for s in session.signoffs)
        assert record["sheet_version"] == "1"
        assert record["digest"] == store.verify(session_id).stored_digest == session.digest()
    assert rows[1][4] == "Spring 2026 intake"
    assert rows[2][4] == "Gwent Police · Community Support Officer · 2025-03"  # the default
    assert text.endswith("\r\n")


def test_profiles_mix_in_one_file_with_every_area_of_the_union(store):
    """Gwent grades 6 areas, Kent 10 (the same 6, worded its own way, and 4 values): one
    column per area of either, blank where a session's profile does not grade it."""
    gwent = signed_session(store, 4, profile_id=GWENT, ref="C-400")
    kent = signed_session(store, 3, ref="C-401")
    rows = parse(store_csv(store, [gwent, kent]))
    header = rows[0]
    agreed = [h for h in header if h.startswith("agreed: ")]
    kent_areas = profile("kent-crime-prevention-pcso").planned_areas
    gwent_areas = profile(GWENT).planned_areas
    assert len(agreed) == len({a.id for a in (*kent_areas, *gwent_areas)}) == 10
    assert "agreed: We are emotionally aware / Emotionally Aware" in agreed
    assert "agreed: Integrity" in agreed
    by_ref = {r[2]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert by_ref["C-400"]["agreed: Integrity"] == ""
    assert by_ref["C-401"]["agreed: Integrity"] == "3"
    assert by_ref["C-400"]["agreed: We are emotionally aware / Emotionally Aware"] == "4"
    assert by_ref["C-401"]["agreed: We are emotionally aware / Emotionally Aware"] == "3"
    assert by_ref["C-401"]["role"] == "Crime Prevention PCSO"
    with pytest.raises(ExportError):
        CsvExport().text()


def test_the_bulk_facts_give_what_whole_sessions_give(store):
    """Every kind of session (demo ones of each profile and state, a reopened one, mean and
    chair methods): the export from the store's bulk facts equals the one from store.load."""
    from datetime import date

    from pcso_interview.demo import demo_sessions
    from pcso_interview.profiles import Profile, load_profiles

    store.insert_many(
        demo_sessions(list(load_profiles([])), 80, seed=5, today=date(2026, 6, 1)), "demo"
    )
    for method in ("mean", "chair"):
        data = profile(GWENT).to_dict()
        data["id"] = f"gwent-{method}"
        data["agreed_grade_method"] = method
        chosen = Profile.from_dict(data)
        sid = store.create_session(
            chosen,
            candidate_name=f"{method} candidate",
            candidate_ref=f"M-{method}",
            date="2026-02-03",
            venue="HQ",
            panel=tuple(store.load(signed_session(store, 3, ref=f"P-{method}")).panel),
        )
        for n, area in enumerate(chosen.planned_areas):
            store.grade(sid, "m1", area.id, 2 + n % 3)
            store.grade(sid, "m2", area.id, 3 + n % 2)
    reopened = signed_session(store, 4, profile_id=GWENT, ref="R-1")
    store.reopen(reopened, "A grade was recorded against the wrong area.", "HR Officer")
    ids = [r[0] for r in store.conn.execute("SELECT id FROM sessions ORDER BY id")]
    sessions = [store.load(i) for i in ids]
    campaigns = {i: store.campaign_of(i) for i in ids}
    whole = CsvExport()
    for session in sessions:
        signed = session.status.value == "signed"
        whole.add(
            facts_of_session(
                session, campaigns[session.id], store.verify(session.id).stored_digest
            ),
            session.profile,
        )
        if signed:
            assert session.signoffs
    assert store_csv(store, ids) == whole.text()
    assert {s.status.value for s in sessions} >= {"signed", "withdrawn", "reopened", "scoring"}


def test_formula_names_and_reasons_are_neutralised_in_the_file(store):
    """Candidate names and withdrawal reasons are typed by people: they must not run."""
    names = ['=HYPERLINK("http://x")', "@SUM(1)", "+1", "-1+2"]
    ids = [
        new_session(store, profile_id=GWENT, name=name, ref=f"C-2{n}")
        for n, name in enumerate(names)
    ]
    store.withdraw(ids[0], "=cmd|' /C calc'!A0", "HR Officer")
    rows = parse(sessions_csv([store.load(i) for i in ids]))
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


class Interleaved:
    """The store's connection, with another program's change made just before a given query
    (a purge in another window while an export or statistics job reads)."""

    def __init__(self, conn, before: str, change) -> None:
        self.conn, self.before, self.change = conn, before, change

    def execute(self, sql: str, *args):
        if self.change is not None and sql.startswith(self.before):
            change, self.change = self.change, None
            change()
        return self.conn.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self.conn, name)


def test_a_purge_in_another_window_mid_batch_never_leaves_a_session_without_its_profile(
    tmp_path,
):
    """The facts of a batch came from six queries, each seeing the database as it then was: a
    session purged between them (the last of its profile version, whose snapshot the purge
    deletes) came back without its profile, and the statistics or export job failed with a
    KeyError. The batch now reads one state of the database."""
    from datetime import UTC, datetime

    from tests.store_support import Clock

    path = tmp_path / "sessions.db"
    old = Store.open(path, clock=Clock(datetime(2023, 1, 9, 9, 0, tzinfo=UTC)))
    session_id = signed_session(old, ref="C-0001", day="2023-01-09")
    old.close()
    reader, other = Store.open(path), Store.open(path)
    try:

        def purge() -> None:
            # The reader is held mid-batch: emptying the WAL waits no longer than this.
            other.conn.execute("PRAGMA busy_timeout = 50")
            assert other.purge([session_id], "Hana HR").count == 1

        reader.conn = Interleaved(reader.conn, "SELECT digest, json FROM profile_snapshots", purge)
        batch = reader.session_facts([session_id])
        assert [f.session_id for f in batch.facts] == [session_id]
        assert all(f.snapshot in batch.profiles for f in batch.facts)
        assert reader.session_facts([session_id]).facts == ()  # purged, once read again
    finally:
        reader.close()
        other.close()
