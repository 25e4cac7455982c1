"""A force's own profile from the command line (issue 18): `profiles --check` passes it or warns,
a session with two questions per area, decimal weights and a framework of the force's own runs
to a signed sheet that verifies, and `demo` rehearses every loaded profile.

The force files are invented for the tests (tests/data/profiles/, "Example Constabulary").
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from pcso_interview.hr_export import sessions_csv
from pcso_interview.profiles import read_profile_file
from pcso_interview.session import Member
from pcso_interview.store import Store
from tests.cli_support import cli, fails
from tests.store_support import Clock, read, sign_all

PROFILES_DIR = Path(__file__).resolve().parents[1] / "data" / "profiles"
EXAMPLE = PROFILES_DIR / "example-constabulary.json"
SEVEN_POINT = PROFILES_DIR / "example-seven-point.json"
PANEL = (Member("m1", "Ann Chair", "chair", "1001"), Member("m2", "Bob Member", "member", "2002"))

pytestmark = pytest.mark.usefixtures("empty_user_profiles")


def test_check_passes_the_example_force_file_without_a_warning(capsys):
    status, out, err = cli(capsys, "profiles", "--check", EXAMPLE)
    assert (status, err) == (0, "")
    assert out == f"{EXAMPLE}: valid, 1 profile(s): example-constabulary-values\n"


def test_check_warns_of_a_pass_mark_a_candidate_at_every_minimum_cannot_reach(capsys):
    """Valid (exit 0), but the force is told: 60% on a 1-7 scale fails 4s everywhere."""
    status, out, err = cli(capsys, "profiles", "--check", SEVEN_POINT)
    assert status == 0
    assert out == f"{SEVEN_POINT}: valid, 1 profile(s): example-seven-point\n"
    assert err == (
        f"warning: {SEVEN_POINT}: at $.profiles[0].outcome_rule: a candidate with every area at"
        " its minimum scores 8 of 14 (57.1%), below the pass mark of 60%, and fails on the"
        " total alone: is that what the force intends? (lower the pass mark or raise the"
        " minimums)\n"
    )


def test_check_refuses_two_points_with_one_label(capsys, tmp_path):
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["profiles"][0]["scale"]["points"][0]["label"] = "A"  # D's point now labelled A too
    path = tmp_path / "two-a.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    line = fails(capsys, "profiles", "--check", path)
    assert line.startswith(f"error: {path}: at $.profiles[0].scale.points[3].label: ")
    assert "two points of the scale have the label 'A'" in line


def page_texts(path: Path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def test_two_questions_decimal_weights_and_an_own_framework_run_to_a_signed_sheet(capsys, tmp_path):
    """The acceptance line: the example file passes --check, a session on it is scored with
    both questions of every area recorded, agreed, signed, printed and verified."""
    assert cli(capsys, "profiles", "--check", EXAMPLE)[0] == 0
    (profile,) = read_profile_file(EXAMPLE)
    db = tmp_path / "sessions.db"
    store = Store.open(db, clock=Clock())
    try:
        session_id = store.create_session(
            profile,
            candidate_name="Test Candidate",
            candidate_ref="T-0418",
            date="2026-01-05",
            venue="Test room 1",
            panel=PANEL,
        )
        store.set_question(session_id, "courage#2", "Test question C2, as asked on the day.")
        store.set_question(session_id, "respect", "Test question R1, as asked on the day.")
        for area, grades in {"courage": (3, 4), "respect": (2, 3), "service": (1, 2)}.items():
            for member, grade in zip(("m1", "m2"), grades, strict=True):
                store.grade(session_id, member, area, grade)
        store.agree(session_id, "courage", 3)  # B
        store.agree(session_id, "respect", 2)  # C
        store.agree(session_id, "service", 1)  # D: observed, not scored, no minimum
        sign_all(store, session_id)
        session = store.load(session_id)
        assert session.record_problems == ()
        outcome = session.outcome
        assert (outcome.result.value, outcome.score_text) == ("pass", "6.5 of 10.0 (65.0%)")
        csv_text = sessions_csv([session])
    finally:
        store.close()
    assert read(db, "SELECT weighted_total, percentage FROM sessions") == [(6.5, "65.0%")]
    assert read(db, "SELECT area_id, question FROM questions ORDER BY area_id") == [
        ("courage#2", "Test question C2, as asked on the day."),
        ("respect", "Test question R1, as asked on the day."),
    ]
    header, row = csv.reader(io.StringIO(csv_text))
    start = header.index("agreed: Courage (test)")  # after the session's columns (hr_export)
    assert header[start : start + 5] == [
        "agreed: Courage (test)",
        "agreed: Respect (test)",
        "agreed: Service (test)",
        "weighted_total",
        "weighted_max",
    ]
    assert row[start : start + 6] == ["B", "C", "D", "6.5", "10.0", "65.0%"]

    status, out, _ = cli(capsys, "--db", db, "pdf", "T-0418", "-o", tmp_path / "sheets")
    assert status == 0
    sheet = Path(out.splitlines()[0].split("  ")[0])
    pages = page_texts(sheet)
    first, evidence = pages[0], " ".join(pages[1:])
    assert "Example Constabulary Values 2026 (test data), not levelled" in first
    assert (
        "Example Role Profile (invented for tests), January 2026; Example Values Guide"
        " (invented for tests)" in first
    )
    assert "vetting: Test Vetting Level TV1" in first
    # the matrix: grades by letter, the weight to one decimal place, the points of the letter
    assert "Courage (test) B A B B 1.5 B: 3 × 1.5 = 4.5" in first
    assert "Respect (test) C B C C 1.0 C: 2 × 1.0 = 2.0" in first
    assert "Service (test) D C D none 0.0 not scored" in first
    assert "6.5 of 10.0 (65.0%); pass mark 62.5%" in first
    assert "Outcome: PASS" in first
    # each question asked, the stems before the indicators, the scale's points per letter
    for question in (
        "1. Test question C1: tell us about test courage.",
        "2. Test question C2, as asked on the day.",
        "1. Test question R1, as asked on the day.",
        "2. Test question R2: how did the test end?",
        "1. Test question S1: observed only.",
        "2. Test question S2: observed only, second.",
    ):
        assert question in evidence, question
    stem = evidence.index("Test stem: we show test courage when we:")
    assert stem < evidence.index("test indicator: speak up in the test room")
    assert "Grade Points Meaning Descriptor D 1 Test not met" in evidence
    assert "A 4 Test excellent Test descriptor A." in evidence
    assert "Grades: Ann Chair B, Bob Member A · Agreed: B Test good" in evidence
    assert "Value · observed, not scored (weight 0)" in evidence

    status, out, err = cli(capsys, "--db", db, "verify", sheet)
    assert (status, err) == (0, "")
    assert out.startswith("MATCH")


def test_a_session_file_keeps_every_question_and_the_decimals(capsys, tmp_path):
    """Export and import on another laptop: the second questions and the weights as text
    travel, and the signed digest still matches there."""
    (profile,) = read_profile_file(EXAMPLE)
    source = tmp_path / "a.db"
    store = Store.open(source, clock=Clock())
    try:
        session_id = store.create_session(
            profile,
            candidate_name="Test Candidate",
            candidate_ref="T-0419",
            date="2026-01-06",
            venue="Test room 2",
            panel=PANEL,
        )
        store.set_question(session_id, "service#2", "Test question S2, as asked.")
        for area in ("courage", "respect", "service"):
            for member in ("m1", "m2"):
                store.grade(session_id, member, area, 3)
            store.agree(session_id, area, 3)
        sign_all(store, session_id)
    finally:
        store.close()
    exported = tmp_path / "session.json"
    assert cli(capsys, "--db", source, "export", "T-0419", "-o", exported)[0] == 0
    data = json.loads(exported.read_text(encoding="utf-8"))["session"]
    assert data["questions"] == {"service#2": "Test question S2, as asked."}
    assert data["profile"]["interview_plan"][0]["weight"] == "1.5"
    assert data["outcome"]["weighted_total"] == "7.5"
    target = tmp_path / "b.db"
    status, out, err = cli(capsys, "--db", target, "import", exported)
    assert (status, err) == (0, "")
    status, out, _ = cli(capsys, "--db", target, "verify", "T-0419")
    assert status == 0 and out.startswith("MATCH")


# --- demo ----------------------------------------------------------------------------------------


def test_demo_makes_sessions_for_every_loaded_profile_including_profiles_files(capsys, tmp_path):
    """Fewer sessions asked than profiles loaded: still at least one each, the force's own
    file (given after the verb) included."""
    db = tmp_path / "demo.db"
    status, out, err = cli(
        capsys, "--db", db, "demo", "--sessions", "2", "--profiles", EXAMPLE, "--seed", "5"
    )
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == f"added 6 invented session(s) to {db}"
    ids = {r[0] for r in read(db, "SELECT DISTINCT profile_id FROM sessions")}
    assert "example-constabulary-values" in ids
    assert len(ids) == 6


def test_demo_for_one_force_rehearses_on_its_own_profile(capsys, tmp_path):
    db = tmp_path / "demo.db"
    status, out, err = cli(
        capsys,
        "--db",
        db,
        "--profiles",
        EXAMPLE,
        "demo",
        "--sessions",
        "12",
        "--profile",
        "example-constabulary-values",
    )
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"added 12 invented session(s) to {db}",
        "profiles: example-constabulary-values",
    ]
    assert read(db, "SELECT DISTINCT profile_id FROM sessions") == [
        ("example-constabulary-values",)
    ]
    store = Store.open(db)
    try:
        signed = [r[0] for r in read(db, "SELECT id FROM sessions WHERE status = 'signed'")]
        assert signed
        for session_id in signed:
            assert store.load(session_id).record_problems == (), session_id
    finally:
        store.close()
    status, out, _ = cli(capsys, "--db", db, "show", signed[0])
    assert status == 0
    assert "pass mark 62.5%" in out


def test_demo_names_an_unknown_profile(capsys, tmp_path):
    line = fails(capsys, "--db", tmp_path / "demo.db", "demo", "--profile", "no-such-force")
    assert "unknown profile 'no-such-force'" in line
