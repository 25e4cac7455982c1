"""Campaigns (a session's recruitment round: chosen at setup, defaulted from profile and month,
moved by HR with an audit row, never part of the signed record) and equality-monitoring data
(imported from the recruitment system into its own table, matched by reference, never on a
sheet or in a session file, purged with its session)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from pcso_interview import bundle
from pcso_interview.campaigns import default_campaign
from pcso_interview.equality import (
    NOT_STATED,
    EqualityFileError,
    parse_equality_csv,
    read_equality_file,
)
from pcso_interview.lifecycle import SessionRuleError
from pcso_interview.store import SessionQuery, Store
from reports.marking_sheet import build_sheet
from tests.store_support import Clock, new_session, profile, read, signed_session

GWENT = "gwent-cso"


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "sessions.db")
    yield opened
    opened.close()


# --- campaigns -----------------------------------------------------------------------------------


def test_a_new_session_falls_in_its_profiles_month_unless_one_is_chosen(store):
    kent = profile()
    default = new_session(store, day="2026-04-17")
    assert store.campaign_of(default) == "Kent Police · Crime Prevention PCSO · 2026-04"
    assert store.campaign_of(default) == default_campaign(kent.force, kent.role_title, "2026-04-17")
    chosen = store.create_session(
        kent,
        candidate_name="Invented Candidate",
        candidate_ref="C-0002",
        date="2026-04-17",
        venue="HQ",
        panel=tuple(store.load(default).panel),
        campaign="  Kent   spring   intake 2026 ",
    )
    assert store.campaign_of(chosen) == "Kent spring intake 2026"
    assert store.campaigns() == [
        "Kent Police · Crime Prevention PCSO · 2026-04",
        "Kent spring intake 2026",
    ]


def test_hr_moves_a_signed_session_and_its_digest_still_verifies(store):
    session_id = signed_session(store, ref="C-0100")
    digest = store.verify(session_id).stored_digest
    assert store.set_campaign([session_id], "Autumn 2025 intake", "Rhian Evans-HR") == 1
    assert store.set_campaign([session_id], "Autumn 2025 intake", "Rhian Evans-HR") == 0
    assert read(
        store.path, "SELECT campaign FROM session_campaigns WHERE session_id = ?", [session_id]
    ) == [("Autumn 2025 intake",)]
    last = store.audit_trail(session_id)[-1]
    assert (last.action, last.actor, last.old, last.new) == (
        "campaign",
        "Rhian Evans-HR",
        "Kent Police · Crime Prevention PCSO · 2025-03",
        "Autumn 2025 intake",
    )
    result = store.verify(session_id)
    assert result.matches and result.stored_digest == digest
    assert store.load(session_id).record_problems == ()
    assert [str(f) for f in store.check()] == []


def test_a_campaign_needs_a_name_and_an_hr_account(store):
    session_id = new_session(store)
    with pytest.raises(SessionRuleError, match="Name the campaign"):
        store.set_campaign([session_id], "   ", "HR")
    with pytest.raises(SessionRuleError, match="HR account"):
        store.set_campaign([session_id], "Spring", "")
    assert store.campaign_of(session_id).endswith("2025-03")


def test_a_campaign_name_is_one_line_of_visible_text(store):
    """Pasted from an e-mail or a spreadsheet: line breaks, a terminal's escape sequence, NUL
    and a right-to-left override are not kept (they would rewrite the list, the audit trail or
    a terminal around them); Welsh and Arabic are kept as written; 10,000 characters are
    refused."""
    session_id = new_session(store)
    store.set_campaign([session_id], "Spring\r\nintake\x1b[2J\x00 \u202eenilno\u202c 2026", "HR")
    assert store.campaign_of(session_id) == "Spring intake [2J enilno 2026"
    store.set_campaign([session_id], "Ymgyrch \u0648\u062d\u062f\u0629 gwanwyn", "HR")
    assert store.campaign_of(session_id) == "Ymgyrch \u0648\u062d\u062f\u0629 gwanwyn"
    with pytest.raises(SessionRuleError, match="Name the campaign"):
        store.set_campaign([session_id], "\x00\x1b\u200b\n", "HR")
    with pytest.raises(SessionRuleError, match="at most 120"):
        store.set_campaign([session_id], "x" * 10_000, "HR")
    assert store.campaigns() == ["Ymgyrch \u0648\u062d\u062f\u0629 gwanwyn"]


def test_the_list_filters_and_groups_by_campaign_and_by_day(store):
    ids = [new_session(store, ref=f"C-{n}", day=f"2026-05-0{1 + n % 3}") for n in range(7)]
    store.set_campaign(ids[:3], "Spring", "HR")
    page = store.query_sessions(SessionQuery(campaign="Spring"))
    assert sorted(r.id for r in page.rows) == sorted(ids[:3]) and page.total == 3
    assert {r.campaign for r in page.rows} == {"Spring"}
    days = store.session_groups(SessionQuery(), "day")
    expected = read(
        store.path, "SELECT date, count(*) FROM sessions GROUP BY date ORDER BY date DESC"
    )
    assert [(g.key, g.sessions) for g in days] == expected
    campaigns = {g.key: g.sessions for g in store.session_groups(SessionQuery(), "campaign")}
    assert campaigns == {"Spring": 3, "Kent Police · Crime Prevention PCSO · 2026-05": 4}
    within = store.session_groups(SessionQuery(campaign="Spring"), "day")
    assert sum(g.sessions for g in within) == 3
    with pytest.raises(ValueError, match="cannot group by"):
        store.session_groups(SessionQuery(), "venue")


def test_an_older_database_gives_each_session_its_default_campaign(tmp_path):
    from tests.store_support import old_database

    path = old_database(tmp_path / "sessions.db")
    store = Store.open(path)
    try:
        rows = read(
            path,
            "SELECT s.force, s.role_title, s.date, c.campaign FROM sessions s"
            " JOIN session_campaigns c ON c.session_id = s.id",
        )
        assert len(rows) == store.count_sessions() == 5
        for force, role, day, campaign in rows:
            assert campaign == default_campaign(force, role, day)
        assert [str(f) for f in store.check()] == []
    finally:
        store.close()


# --- equality data -------------------------------------------------------------------------------

EQUALITY_CSV = (
    "\ufeffCandidate Reference,Ethnicity,Sex,Disability\r\n"
    "C-0001,Zyxwv Heritage,Female,No\r\n"
    "c-0002 ,White British,,Yes\r\n"
    "X-9999,Asian,Male,No\r\n"
    "C-0001,Zyxwv Heritage,Female,Prefer not to say\r\n"
)


def test_the_file_names_its_own_characteristics():
    data = parse_equality_csv(EQUALITY_CSV)
    assert data.characteristics == ("Ethnicity", "Sex", "Disability")
    assert [r.reference for r in data.records] == ["C-0001", "c-0002", "X-9999"]
    assert data.records[0].groups["Disability"] == "Prefer not to say"  # the last row kept
    assert data.records[1].groups["Sex"] == NOT_STATED
    assert data.repeated == ("C-0001",)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("Name,Ethnicity\nAnn,White\n", "no column of candidate references"),
        ("Reference\nC-1\n", "no characteristic columns"),
        ("Ref,Sex,sex\nC-1,F,F\n", "appears twice"),
        ("Ref,Reference,Sex\nC-1,C-1,F\n", "more than one column of references"),
        ("Reference,Sex\n,F\n", "line 2: no candidate reference"),
        ("Reference,Sex\n", "no candidates"),
    ],
)
def test_a_file_that_is_not_equality_data_is_refused_in_words(text, problem):
    with pytest.raises(EqualityFileError, match=problem):
        parse_equality_csv(text, "recruitment.csv")


@pytest.mark.parametrize(
    ("data", "how"),
    [
        ("Candidate reference,Ethnicity\r\nC-1,Caf\u00e9 Noir\r\n".encode("cp1252"), "cp1252"),
        ("\ufeffCandidate reference,Ethnicity\nC-1,Caf\u00e9 Noir\n".encode(), "UTF-8 with BOM"),
        (
            "Candidate reference\tEthnicity\r\nC-1\tCaf\u00e9 Noir\r\n".encode("utf-16"),
            "Unicode text",
        ),
        ("Candidate reference;Ethnicity\r\nC-1;Caf\u00e9 Noir\r\n".encode(), "semicolons"),
    ],
    ids=["cp1252", "utf-8-bom", "utf-16-tabs", "semicolons"],
)
def test_a_spreadsheets_csv_is_read_whatever_its_encoding_and_delimiter(tmp_path, data, how):
    path = tmp_path / "equality.csv"
    path.write_bytes(data)
    read_back = read_equality_file(path)
    assert read_back.characteristics == ("Ethnicity",), how
    assert [(r.reference, r.groups) for r in read_back.records] == [
        ("C-1", {"Ethnicity": "Caf\u00e9 Noir"})
    ], how


def test_control_and_invisible_characters_never_reach_a_group_or_a_reference():
    """A candidate's free-text "other" group may hold a terminal's escape sequence, NUL or a
    right-to-left override: none of it is kept (a group written in Arabic is)."""
    data = parse_equality_csv(
        "Reference,Ethnic\x1b[31mity,Religion\n"
        "C-1\u200b,Zyx\x1b]0;owned\x07wv\x00 Heritage,\u202eevil\u202c\n"
        "C-2,\u0639\u0631\u0628\u064a,None\n"
    )
    assert data.characteristics == ("Ethnic [31mity", "Religion")
    first, second = data.records
    assert first.reference == "C-1"
    assert first.groups == {"Ethnic [31mity": "Zyx ]0;owned wv Heritage", "Religion": "evil"}
    assert second.groups["Ethnic [31mity"] == "\u0639\u0631\u0628\u064a"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"Reference,Sex\nC-1," + b"x" * 200_000 + b"\n", "line 2: not readable as CSV"),
        (b'Reference,Sex\nC-1,"Female\nC-2,Male\n', "not readable as CSV"),  # unclosed quote
        (b"PK\x03\x04\x14\x00\x06\x00", "a spreadsheet workbook, not CSV"),
        (b"Reference," + b",".join(b"C%d" % i for i in range(60)) + b"\nC-1\n", "at most 50"),
        (b"Reference," + b"E" * 500 + b"\nC-1,x\n", "longer than 100"),
    ],
    ids=["huge-field", "unclosed-quote", "xlsx", "too-many-columns", "long-header"],
)
def test_a_malformed_file_is_refused_in_words_never_with_a_traceback(tmp_path, data, problem):
    path = tmp_path / "equality.csv"
    path.write_bytes(data)
    with pytest.raises(EqualityFileError, match=problem):
        read_equality_file(path)


def test_a_file_too_large_is_refused_before_it_fills_memory(tmp_path, monkeypatch):
    from pcso_interview import equality

    path = tmp_path / "equality.csv"
    rows = "".join(f"C-{n:06d},White\n" for n in range(40))
    path.write_text("Reference,Ethnicity\n" + rows, encoding="utf-8")
    monkeypatch.setattr(equality, "MAX_BYTES", path.stat().st_size - 1)
    with pytest.raises(EqualityFileError, match="too large"):
        read_equality_file(path)
    monkeypatch.setattr(equality, "MAX_BYTES", 2**20)
    monkeypatch.setattr(equality, "MAX_CANDIDATES", 39)
    with pytest.raises(EqualityFileError, match="too large"):
        read_equality_file(path)
    monkeypatch.setattr(equality, "MAX_CANDIDATES", 40)
    assert len(read_equality_file(path).records) == 40


def test_references_match_whatever_their_case_and_spacing(store):
    session_id = new_session(store, ref="AB  12")
    result = store.import_equality(parse_equality_csv("Reference,Sex\n ab 12\t,Female\n"), "HR")
    assert result.unmatched == () and result.sessions == 1
    assert read(store.path, "SELECT session_id, grp FROM equality") == [(session_id, "Female")]


def test_import_matches_references_lists_the_unmatched_and_audits_no_value(store, tmp_path):
    one = new_session(store, ref="C-0001")
    two = signed_session(store, ref="C-0002")
    path = tmp_path / "equality.csv"
    path.write_text(EQUALITY_CSV, encoding="utf-8")
    result = store.import_equality(read_equality_file(path), "Rhian Evans-HR")
    assert result.unmatched == ("X-9999",)
    assert result.sessions == 2 and result.candidates == 3
    assert "1 reference(s) match no session" in result.describe()
    rows = read(store.path, "SELECT session_id, characteristic, grp FROM equality ORDER BY 1, 2")
    assert sorted(rows) == sorted(
        [
            (one, "Disability", "Prefer not to say"),
            (one, "Ethnicity", "Zyxwv Heritage"),
            (one, "Sex", "Female"),
            (two, "Disability", "Yes"),
            (two, "Ethnicity", "White British"),
            (two, "Sex", NOT_STATED),
        ]
    )
    assert read(store.path, "SELECT count(*) FROM equality WHERE grp = 'Asian'") == [(0,)]
    last = store.audit_trail(one)[-1]
    assert (last.action, last.actor, last.new) == (
        "equality data",
        "Rhian Evans-HR",
        "Disability, Ethnicity, Sex",
    )
    trail = json.dumps([e.__dict__ for e in store.audit_trail(one)], ensure_ascii=False)
    assert "Zyxwv" not in trail and "Female" not in trail
    # The signed session took its equality data without any change to its record.
    assert store.verify(two).matches and [str(f) for f in store.check()] == []
    # The same file again changes nothing and audits nothing.
    before = len(store.audit_trail(one))
    store.import_equality(read_equality_file(path), "Rhian Evans-HR")
    assert len(store.audit_trail(one)) == before
    assert store.sessions_with_equality_data() == 2


def test_equality_data_is_never_in_a_session_a_file_or_a_sheet(store):
    session_id = signed_session(store, ref="C-0001")
    store.import_equality(parse_equality_csv(EQUALITY_CSV), "HR")
    session = store.load(session_id)
    assert "Zyxwv" not in repr(session)
    exported = json.dumps(bundle.session_to_dict(session, store.verify(session_id).stored_digest))
    assert "Zyxwv" not in exported and "Ethnicity" not in exported
    pages = PdfReader(BytesIO(build_sheet(session))).pages
    text = "\n".join(page.extract_text() for page in pages)
    assert "Candidate" in text or "C-0001" in text
    assert "Zyxwv" not in text and "Ethnicity" not in text
    facts = store.session_facts([session_id]).facts[0]
    assert "Zyxwv" not in repr(facts)  # the export rows too


def test_purging_a_session_takes_its_equality_and_campaign_rows(tmp_path):
    path = tmp_path / "sessions.db"
    old = Store.open(path, clock=Clock(datetime(2023, 1, 9, 9, 0, tzinfo=UTC)))
    session_id = signed_session(old, ref="C-0001", day="2023-01-09")
    old.close()
    store = Store.open(path)
    try:
        store.import_equality(parse_equality_csv(EQUALITY_CSV), "HR")
        store.set_campaign([session_id], "Winter 2023 Zyxwv intake", "HR")
        store.purge([session_id], "HR")
        for table in ("equality", "session_campaigns"):
            assert read(path, f"SELECT count(*) FROM {table}") == [(0,)]
        assert b"Zyxwv" not in path.read_bytes()
        trail = store.audit_trail(session_id)
        assert trail[-1].action == "purge"
        assert all(e.actor == e.subject == e.old == e.new == "" for e in trail[:-1])
    finally:
        store.close()


def test_rows_without_their_session_are_refused_even_with_foreign_keys_off(store):
    conn = sqlite3.connect(store.path)
    try:
        for sql in (
            "INSERT INTO equality VALUES ('nobody', 'Sex', 'F')",
            "INSERT INTO session_campaigns VALUES ('nobody', 'Spring')",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="existing session"):
                conn.execute(sql)
    finally:
        conn.close()
