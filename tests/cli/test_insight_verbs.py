"""`statistics --json`, `equality import` and `campaign` at the command line, checked against
what the database holds (a fresh sqlite3 connection, not the store)."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from pcso_interview.demo import demo_sessions
from pcso_interview.profiles import load_profiles
from pcso_interview.store import Store
from tests.cli_support import cli, fails
from tests.store_support import read

pytestmark = pytest.mark.usefixtures("empty_user_profiles")

TODAY = date(2026, 6, 1)
GROUPS = ("White", "Asian", "Black", "Mixed", "Other", "Gypsy or Irish Traveller")
PASSPHRASE = "a long enough passphrase"


def group_of(reference: str, tiny: set[str]) -> str:
    """A fixed, invented group per reference: most in the first, three in the last."""
    if reference in tiny:
        return GROUPS[-1]
    n = int(reference[-5:])
    return GROUPS[0] if n % 7 < 3 else GROUPS[n % 5]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("insight-cli") / "sessions.db"
    store = Store.open(path)
    store.insert_many(demo_sessions(list(load_profiles([])), 400, seed=61, today=TODAY), "demo")
    store.add_user("Hana HR", "admin", PASSPHRASE)
    store.close()
    return path


@pytest.fixture
def db(template, tmp_path, monkeypatch):
    path = tmp_path / "sessions.db"
    path.write_bytes(template.read_bytes())
    monkeypatch.setenv("PCSO_PASSPHRASE", PASSPHRASE)
    return path


@pytest.fixture
def equality_file(db, tmp_path):
    refs = [r[0] for r in read(db, "SELECT candidate_ref FROM sessions ORDER BY candidate_ref")]
    tiny = {
        r[0]
        for r in read(
            db, "SELECT candidate_ref FROM sessions WHERE status = 'signed' ORDER BY id LIMIT 3"
        )
    }
    lines = ["Applicant Reference,Ethnic group,Sex"]
    lines += [
        f"{ref},{group_of(ref, tiny)},{'Female' if n % 3 else 'Male'}" for n, ref in enumerate(refs)
    ]
    lines += ["NOT-A-CANDIDATE-1,White,Male", "NOT-A-CANDIDATE-2,Asian,Female"]
    path = tmp_path / "equality.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_equality_import_lists_the_unmatched_and_needs_an_hr_account(capsys, db, equality_file):
    with pytest.raises(SystemExit):  # argparse: --user is required
        cli(capsys, "--db", db, "equality", "import", equality_file)
    assert "--user" in capsys.readouterr().err
    status, out, err = cli(
        capsys, "--db", db, "equality", "import", equality_file, "--user", "Hana HR"
    )
    assert status == 0
    sessions = read(db, "SELECT count(*) FROM sessions")[0][0]
    assert f"for {sessions} of {sessions + 2} candidate(s)" in out and "by Hana HR" in out
    assert err.splitlines() == [
        "no session has candidate reference NOT-A-CANDIDATE-1",
        "no session has candidate reference NOT-A-CANDIDATE-2",
    ]
    assert read(db, "SELECT count(*) FROM equality") == [(2 * sessions,)]


def test_statistics_json_has_the_named_keys_and_the_independent_figures(capsys, db, equality_file):
    cli(capsys, "--db", db, "equality", "import", equality_file, "--user", "Hana HR")
    status, out, _ = cli(capsys, "--db", db, "statistics", "--json")
    assert status == 0
    document = json.loads(out)
    for row in document["adverse_impact"]:
        assert {"characteristic", "group", "candidates", "passed", "rate", "ratio", "flag"} <= set(
            row
        )
    for row in document["assessors"]:
        assert {"name", "grades", "sessions", "leniency", "low", "high"} <= set(row)
        assert row["grades"] >= 10 and row["low"] <= row["leniency"] <= row["high"]
    for row in document["agreement"]:
        assert {"area", "alpha", "units"} <= set(row)
    # Independently: signed sessions by group from the stored outcome column.
    counted = {
        group: (count, passed)
        for group, count, passed in read(
            db,
            "SELECT e.grp, count(*), sum(s.outcome = 'pass') FROM sessions s JOIN equality e"
            " ON e.session_id = s.id WHERE s.status = 'signed' AND e.characteristic = ?"
            " GROUP BY e.grp",
            ["Ethnic group"],
        )
    }
    overall = {
        r["group"]: r
        for r in document["adverse_impact"]
        if r["scope"] == "overall" and r["characteristic"] == "Ethnic group"
    }
    shown = {g: c for g, c in counted.items() if overall[g]["candidates"] not in ("<5", "withheld")}
    best = max(Fraction(p, c) for c, p in shown.values())
    for group, (count, passed) in shown.items():
        row = overall[group]
        assert (row["candidates"], row["passed"]) == (count, passed)
        assert row["rate"] == round(float(Fraction(passed, count)), 4)
        ratio = Fraction(passed, count) / best
        assert row["ratio"] == round(float(ratio), 4)
        assert row["flag"] == (ratio < Fraction(4, 5))
    small = [g for g, (c, _) in counted.items() if c < 5]
    assert small  # the fixture has a group under five: it shows no figure
    for group in small:
        assert overall[group]["candidates"] == "<5" and overall[group]["passed"] is None
    assert (
        document["candidates"]
        == read(db, "SELECT count(*) FROM sessions WHERE status = 'signed'")[0][0]
    )


def test_statistics_narrow_to_a_profile_a_campaign_and_dates(capsys, db):
    campaign = "Gwent Police · Community Support Officer · 2025-11"
    status, out, _ = cli(
        capsys,
        "--db",
        db,
        "statistics",
        "--profile",
        "gwent-cso",
        "--campaign",
        campaign,
        "--from",
        "2025-11-10",
        "--to",
        "2025-11-30",
        "--json",
    )
    assert status == 0
    document = json.loads(out)
    expected = read(
        db,
        "SELECT count(*) FROM sessions s JOIN session_campaigns c ON c.session_id = s.id"
        " WHERE s.status = 'signed' AND s.profile_id = 'gwent-cso' AND c.campaign = ?"
        " AND s.date BETWEEN '2025-11-10' AND '2025-11-30'",
        [campaign],
    )[0][0]
    assert document["candidates"] == expected > 0
    assert document["selection"] == {
        "profile": "gwent-cso",
        "campaign": campaign,
        "from": "2025-11-10",
        "to": "2025-11-30",
    }
    assert {a["profile"] for a in document["agreement"]} == {"gwent-cso"}
    status, out, _ = cli(capsys, "--db", db, "statistics", "--profile", "gwent-cso")
    assert status == 0 and "Gwent Police · Community Support Officer · all dates" in out
    assert "Krippendorff's alpha (ordinal)" in out
    assert "no profile 'nowhere'" in fails(capsys, "--db", db, "statistics", "--profile", "nowhere")


def test_statistics_refuse_an_impossible_selection_in_words(capsys, db):
    """A selection that cannot hold a session is a mistake to say, not an empty report with
    status 0 (which a script would publish as "no candidates")."""
    stats = ("--db", db, "statistics", "--json")
    assert "--from 2026-03-01 is after --to 2026-02-01" in fails(
        capsys, *stats, "--from", "2026-03-01", "--to", "2026-02-01"
    )
    assert "--to '2026-02-30' is not a date" in fails(capsys, *stats, "--to", "2026-02-30")
    message = fails(capsys, *stats, "--campaign", "Gwent Police spring intake")
    assert "no session is in campaign 'Gwent Police spring intake'" in message
    assert "campaigns: 'Gwent Police · Community Support Officer · 20" in message
    known = "Gwent Police · Community Support Officer · 2025-11"
    assert f"did you mean {known!r}" in fails(capsys, *stats, "--campaign", known.upper())
    status, out, _ = cli(capsys, *stats, "--campaign", f"  {known.replace(' · ', '  ·  ')} ")
    assert status == 0 and json.loads(out)["selection"]["campaign"] == known
    status, out, _ = cli(capsys, *stats, "--from", "2025-11-10", "--to", "2025-11-10")
    assert status == 0  # one day is a range


def test_campaign_moves_sessions_and_sessions_filters_by_it(capsys, db):
    refs = [r[0] for r in read(db, "SELECT candidate_ref FROM sessions ORDER BY id LIMIT 3")]
    status, out, _ = cli(
        capsys, "--db", db, "campaign", *refs, "--set", "Spring 2026 intake", "--user", "Hana HR"
    )
    assert status == 0 and "3 of 3 session(s) moved to campaign 'Spring 2026 intake'" in out
    status, out, _ = cli(
        capsys, "--db", db, "sessions", "--campaign", "Spring 2026 intake", "--json"
    )
    assert sorted(json.loads(line)["candidate_ref"] for line in out.splitlines()) == sorted(refs)
    actors = read(db, "SELECT actor, new FROM audit WHERE action = 'campaign' ORDER BY id")
    assert actors == [("Hana HR", "Spring 2026 intake")] * 3


FORCE_FILE = (
    Path(__file__).resolve().parent.parent / "data" / "profiles" / "example-constabulary.json"
)
FORCE_PROFILE = "example-constabulary-values"


def test_statistics_of_a_profile_whose_force_file_is_gone_are_still_given(capsys, tmp_path):
    """Sessions made with a force file outlive it (the file retired after its campaign,
    renamed, or broken by an edit): they are counted under every profile, and were refused
    by profile ("no profile ..."). They are given by the id, named as the sessions name it."""
    db = tmp_path / "sessions.db"
    status, _, err = cli(
        capsys, "--db", db, "--profiles", FORCE_FILE, "demo", "--sessions", "6",
        "--profile", FORCE_PROFILE,
    )  # fmt: skip
    assert status == 0, err
    signed = read(
        db, "SELECT count(*) FROM sessions WHERE status = 'signed' AND profile_id = ?",
        [FORCE_PROFILE],
    )[0][0]  # fmt: skip
    assert signed > 0
    status, out, err = cli(capsys, "--db", db, "statistics", "--profile", FORCE_PROFILE, "--json")
    assert (status, err) == (0, "")
    assert json.loads(out)["candidates"] == signed
    status, out, _ = cli(capsys, "--db", db, "statistics", "--profile", FORCE_PROFILE)
    assert status == 0
    assert "Example Constabulary · Police Community Support Officer (test profile)" in out
    assert "no profile 'nowhere'" in fails(capsys, "--db", db, "statistics", "--profile", "nowhere")
