"""HR on the archive: the verbs print for the archive what they print for the laptop that
pushed the same sessions; write verbs refuse in words; only an HR login may read."""

from __future__ import annotations

import json

import pytest

from tests.archive.laptops import laptop, signed_day
from tests.cli_support import cli, fails
from tests.store_support import WELSH_PANEL, sign_all, signed_session

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


@pytest.fixture
def pushed(tmp_path, archive):
    """A laptop whose signed sessions are all in the archive: Welsh names, a version 2, a
    sheet issued before the push, two chairs to sort by."""
    store = laptop(tmp_path)
    ids = signed_day(store, 4)
    signed_session(store, ref="W-0001", name="Llinos Ŵyn", panel=WELSH_PANEL, day="2025-03-04")
    store.reopen(ids[0], "Mark entered against the wrong area", "Hana HR")
    store.grade(ids[0], "m2", store.load(ids[0]).planned_areas[1].id, 4)
    sign_all(store, ids[0])
    store.close()
    return tmp_path / "laptop.db", archive


def both(capsys, db, archive, *args):
    """The verb's output on the laptop and on the archive."""
    here = cli(capsys, "--db", db, *args)
    there = cli(capsys, "--db", archive.url(), *args)
    return here, there


def test_sessions_json_and_tables_are_the_same_on_laptop_and_archive(capsys, pushed):
    db, archive = pushed
    status, out, err = cli(capsys, "--db", db, "push", archive.url("laptop_a"))
    assert status == 0, err
    assert "sent 6 signed version(s) of 5 session(s)" in out
    for args in (
        ["sessions", "--json"],
        ["sessions"],
        ["sessions", "--json", "--text", "ŵyn"],
        ["sessions", "--json", "--text", "c-000"],
        ["sessions", "--json", "--text", "bo"],
        ["sessions", "--json", "--sort", "candidate", "--ascending"],
        ["sessions", "--json", "--sort", "reference", "--limit", "2", "--offset", "1"],
        ["sessions", "--json", "--sort", "total", "--outcome", "pass"],
        ["sessions", "--json", "--from", "2025-03-04", "--status", "signed"],
        ["sessions", "--json", "--profile", "kent-crime-prevention-pcso"],
    ):
        here, there = both(capsys, db, archive, *args)
        assert here == there, args
    here, _ = both(capsys, db, archive, "sessions", "--json")
    assert len(here[1].splitlines()) == 5


@pytest.mark.parametrize("few", [0, 5000])
def test_a_text_filter_pages_alike_whichever_way_the_archive_finds_the_matches(
    capsys, pushed, monkeypatch, few
):
    """A few matches are gathered and sorted, many are found in list order (read.FEW_MATCHES):
    the same pages either way, and the laptop's."""
    from pcso_interview.store.archive import read

    monkeypatch.setattr(read, "FEW_MATCHES", few)
    db, archive = pushed
    assert cli(capsys, "--db", db, "push", archive.url("laptop_a"))[0] == 0
    for args in (
        ["--text", "c-000"],
        ["--text", "c-000", "--limit", "2", "--offset", "1"],
        ["--text", "c-000", "--limit", "2", "--offset", "3"],
        ["--text", "c-000", "--offset", "9"],
        ["--text", "C-000", "--sort", "candidate", "--ascending", "--limit", "3"],
        ["--text", "ŵyn", "--status", "signed"],
        ["--text", "nobody at all"],
    ):
        for output in (["--json"], []):
            here, there = both(capsys, db, archive, "sessions", *output, *args)
            assert here == there, args


def test_show_export_verify_check_and_statistics_are_the_same(capsys, pushed, tmp_path):
    db, archive = pushed
    cli(capsys, "--db", db, "push", archive.url("laptop_a"))
    listed = cli(capsys, "--db", db, "sessions", "--json")[1]
    rows = [json.loads(line) for line in listed.splitlines()]
    for row in rows:
        for args in (["show", row["candidate_ref"]], ["verify", row["id"]]):
            here, there = both(capsys, db, archive, *args)
            assert here == there, args
            assert here[0] == 0
        a, b = tmp_path / "a.json", tmp_path / "b.json"
        cli(capsys, "--db", db, "export", row["id"], "-o", a)
        cli(capsys, "--db", archive.url(), "export", row["id"], "-o", b)
        assert a.read_bytes() == b.read_bytes()
    here, there = both(capsys, db, archive, "check")
    assert here == there and here[0] == 0
    here, there = both(capsys, db, archive, "statistics", "--profile", "kent-crime-prevention-pcso")
    assert here == there and here[0] == 0
    assert "pass rate" in here[1]


def test_sheets_print_from_the_archive_and_verify_there(capsys, pushed, tmp_path):
    db, archive = pushed
    laptop_sheets, archive_sheets = tmp_path / "laptop-sheets", tmp_path / "archive-sheets"
    status, out, _ = cli(capsys, "--db", db, "pdf", "W-0001", "-o", laptop_sheets)
    assert status == 0
    cli(capsys, "--db", db, "push", archive.url("laptop_a"))
    status, out, _ = cli(capsys, "--db", archive.url(), "pdf", "W-0001", "-o", archive_sheets)
    assert status == 0
    (reprinted,) = archive_sheets.glob("*.pdf")
    (issued,) = laptop_sheets.glob("*.pdf")
    for sheet in (reprinted, issued):
        status, out, _ = cli(capsys, "--db", archive.url(), "verify", sheet)
        assert status == 0, out
        assert out.startswith("MATCH") and "the current signed-off record" in out
    assert "this installation's key" in cli(capsys, "--db", archive.url(), "verify", issued)[1]
    events = archive.query("SELECT login, action FROM archive.events")
    assert events == [("hr_ann", "issue sheet")]


def test_write_verbs_refuse_the_archive_in_words(capsys, archive):
    for args in (
        ["reopen", "X", "--reason", "r", "--user", "u"],
        ["withdraw", "X", "--reason", "r", "--user", "u"],
        ["import", "file.json"],
        ["demo", "--sessions", "1"],
        ["push", archive.url("laptop_a")],
    ):
        line = fails(capsys, "--db", archive.url(), *args)
        assert "not on the force archive" in line, args


def test_only_an_hr_login_reads_the_archive(capsys, archive):
    line = fails(capsys, "--db", archive.url("laptop_a"), "sessions")
    assert "may not read the archive" in line and "HR role" in line


def test_a_database_that_is_no_archive_says_so(capsys, archive, pg_cluster):
    line = fails(capsys, "--db", pg_cluster.url("postgres"), "sessions")
    assert "not a force archive" in line


def test_hr_reads_are_planned_for_their_own_text_never_prepared_once_for_all(pushed):
    """psycopg prepares a statement run five times, and PostgreSQL may then plan it once for
    any text: for one or two letters that plan walks the whole trigram index."""
    from pcso_interview.store.archive.read import ArchiveStore
    from pcso_interview.store.review import SessionQuery

    _, archive = pushed
    hr = ArchiveStore.open(archive.url())
    try:
        for text in ["c-0001", "e", "ll", "c-0002", "bo", "c-000", "x", "c-0003"] * 2:
            hr.query_sessions(SessionQuery(text=text))
        assert hr.conn.execute("SELECT count(*) FROM pg_prepared_statements").fetchone() == (0,)
    finally:
        hr.close()


def test_the_profiles_in_use_are_the_laptops_on_the_archive(capsys, pushed):
    """Each profile a session was made with, by id, with its force and role (the core names
    them): HR may choose one whose force file this computer does not have."""
    from pcso_interview.store import Store
    from pcso_interview.store.archive.read import ArchiveStore

    db, archive = pushed
    assert cli(capsys, "--db", db, "push", archive.url("laptop_a"))[0] == 0
    store, hr = Store.open(db), ArchiveStore.open(archive.url())
    try:
        in_use = store.profiles_in_use()
        assert in_use and all(len(row) == 3 and all(row) for row in in_use)
        assert hr.profiles_in_use() == in_use
    finally:
        store.close()
        hr.close()


def test_a_force_of_its_own_shape_reads_alike_on_laptop_and_archive(capsys, archive, tmp_path):
    """Issue 18's profiles on the archive: a lettered scale and decimal weights (totals in
    tenths), pushed and read back as the laptop reads them."""
    from pathlib import Path

    from pcso_interview.demo import demo_sessions
    from pcso_interview.lifecycle import Status
    from pcso_interview.profiles import read_profile_file

    example = Path(__file__).resolve().parents[1] / "data" / "profiles"
    example /= "example-constabulary.json"
    (profile,) = read_profile_file(example)
    store = laptop(tmp_path)
    store.insert_many(
        (s for s in demo_sessions([profile], 12, seed=18) if s.status is Status.SIGNED), "demo"
    )
    store.close()
    db = tmp_path / "laptop.db"
    status, out, err = cli(capsys, "--db", db, "push", archive.url("laptop_a"))
    assert status == 0, out + err
    listed = cli(capsys, "--db", db, "sessions", "--json")[1]
    rows = [json.loads(line) for line in listed.splitlines()]
    assert rows and any(not float(r["weighted_total"]).is_integer() for r in rows), rows
    for args in (
        ["sessions", "--json"],
        ["sessions", "--json", "--sort", "total"],
        ["sessions"],
        ["--profiles", example, "statistics", "--profile", profile.id],
        # the force file not at hand on HR's computer: its sessions' profile still chosen
        ["statistics", "--profile", profile.id],
        ["check"],
    ):
        here, there = both(capsys, db, archive, *args)
        assert here == there, args
        assert here[0] == 0, args
    for row in rows:
        for args in (["show", row["id"]], ["verify", row["id"]]):
            here, there = both(capsys, db, archive, *args)
            assert here == there and here[0] == 0, args
        a, b = tmp_path / "a.json", tmp_path / "b.json"
        cli(capsys, "--db", db, "export", row["id"], "-o", a)
        cli(capsys, "--db", archive.url(), "export", row["id"], "-o", b)
        assert a.read_bytes() == b.read_bytes()


def test_a_reference_in_any_script_is_found_whatever_its_letter_case(capsys, tmp_path, archive):
    """NOCASE and lower() under "C" fold ASCII letters only: `show ŴŶ-77` did not find the
    candidate entered as "ŵŷ-77", on the laptop or the archive. Letter case is now set aside
    in any script, alike on both; two references equal but for case are still refused as
    ambiguous, as "REF-9" and "ref-9" are."""
    store = laptop(tmp_path)
    wanted = signed_session(store, ref="ŵŷ-77", name="Llinos Ŵyn", day="2025-03-04")
    signed_session(store, ref="Ŵ-1", name="Gwern Ŵyn", day="2025-03-05")
    signed_session(store, ref="ŵ-1", name="Gwern Ŵyn", day="2025-03-06")
    store.close()
    db = tmp_path / "laptop.db"
    assert cli(capsys, "--db", db, "push", archive.url("laptop_a"))[0] == 0
    for key in ("ŴŶ-77", "ŵŷ-77", "Ŵŷ-77"):
        here, there = both(capsys, db, archive, "show", key)
        assert here == there, key
        assert here[0] == 0 and wanted in here[1], here
    for key in ("Ŵ-1", "ŵ-1"):
        here, there = both(capsys, db, archive, "show", key)
        assert here == there, key
        assert here[0] != 0 and "more than one session" in here[2], here
    here, there = both(capsys, db, archive, "show", "ŵŷ-78")
    assert here == there and "No session with id or candidate reference" in here[2]
