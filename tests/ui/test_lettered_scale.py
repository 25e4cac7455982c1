"""A lettered scale end to end (issue 18): grades typed as letters in the window, agreed as
letters in Consensus, and shown as letters by `show`, the HR CSV and the marking sheet, while
the database keeps each letter's points.

The profile is invented for the tests (tests/data/profiles/example-constabulary.json): an A-D
scale (D 1, C 2, B 3, A 4) whose C and D are also the classification keys.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QRadioButton

import main
from pcso_interview.hr_export import sessions_csv
from pcso_interview.lifecycle import Status
from pcso_interview.profiles import load_profiles
from pcso_interview.scoring import Classification
from pcso_interview.session import Member
from reports.marking_sheet import build_sheet
from tests.ui.keys import focused, press, sign_in_turn, type_text
from ui.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "profiles" / "example-constabulary.json"
ANN = Member("m1", "Ann Chair", "chair", "1001")
BOB = Member("m2", "Bob Member", "member", "2002")
AREAS = ("courage", "respect", "service")


@pytest.fixture
def example_profiles():
    loaded = load_profiles([EXAMPLE])
    assert loaded.errors == ()
    return loaded


@pytest.fixture
def window(qtbot, store, example_profiles):
    session_id = store.create_session(
        example_profiles.get("example-constabulary-values"),
        candidate_name="Test Candidate",
        candidate_ref="T-0420",
        date="2026-11-23",
        venue="Test room 3",
        panel=(ANN, BOB),
    )
    win = MainWindow(store, example_profiles)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.open_session(session_id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def grade_by_letters(view, letters: dict[str, str]) -> None:
    """From the first area: classify each indicator (D and P, the classification keys), then
    G and the grade's letter, then the next area."""
    for area_id in AREAS:
        assert view.page_key == area_id
        assert focused() is view.area_page.table
        for _ in view.session.profile.area(area_id).indicators:
            press("D")
            press("Down")
        press("G")
        assert isinstance(focused(), QRadioButton)  # the grade box, its points by letter
        press(letters[area_id])
        assert focused() is view.area_page.table
        press("Ctrl+PgDown")


def test_a_lettered_scale_is_typed_agreed_and_shown_by_its_letters(
    qtbot, window, store, capsys, warnings_shown
):
    view = window.interview
    session_id = view.session.id
    assert "G then A-D" in view.hint.text()
    buttons = view.area_page.grade_group.buttons()
    assert [b.text().split()[0] for b in buttons] == ["D", "C", "B", "A"]

    # A digit is no grade on a lettered scale (it used to mean the third point, B): the grade
    # box takes the focus for the letter instead, and nothing is stored.
    press("3")
    assert store.load(session_id).grades == {}
    assert isinstance(focused(), QRadioButton)
    press("Escape")
    assert focused() is view.area_page.table

    # Ann grades by letters (lower case too); C and D still classify in the indicators.
    grade_by_letters(view, {"courage": "b", "respect": "C", "service": "D"})
    ann = store.load(session_id)
    assert {a: ann.grades[("m1", a)] for a in AREAS} == {"courage": 3, "respect": 2, "service": 1}
    first = ann.profile.area("courage").indicators[0]
    assert ann.mark("m1", first.id).classification is Classification.DEMONSTRATED

    # Bob, chosen from the keyboard, back to the first area.
    press("Ctrl+M")
    press("Down")
    assert view.member_id == "m2"
    for _ in range(len(AREAS) + 2):
        press("Ctrl+PgUp")
    press("Ctrl+I")
    grade_by_letters(view, {"courage": "A", "respect": "B", "service": "C"})

    # Consensus as the chair: the members' grades show as letters; "3" is refused in words,
    # letters are agreed.
    press("Ctrl+M")
    press("Up")
    press("Ctrl+K")
    model = view.consensus_page.model
    assert focused() is view.consensus_page.table
    shown = [[model.index(r, c).data() for c in (1, 2)] for r in range(model.rowCount())]
    assert shown == [["B", "A"], ["C", "B"], ["D", "C"]]
    press("3")
    press("Return")
    assert store.load(session_id).agreed == {}
    qtbot.waitUntil(lambda: bool(warnings_shown))  # said once the editor has closed
    assert warnings_shown == ["Not saved: 3 is not a grade on this scale (A, B, C, D)."]
    for letter in ("B", "c", "D"):
        press(letter)
        press("Return")
        press("Down")
    agreed = store.load(session_id)
    assert {a: agreed.agreed_grade(a) for a in AREAS} == {"courage": 3, "respect": 2, "service": 1}
    assert [model.index(r, model.agreed_column).data() for r in range(3)] == ["B", "C", "D"]
    outcome_text = view.consensus_page.outcome.text()
    assert "6.5 of 10.0 (65.0%), pass mark 62.5%" in outcome_text

    # the audit trail HR reads: grades by letter too
    trail = [(e.action, e.subject, e.old, e.new) for e in store.audit_trail(session_id)]
    assert ("grade", "m1/courage", "", "B") in trail
    assert ("agree", "Courage (test)", "", "B") in trail

    sign_in_turn(view, ("Ann Chair", "Bob Member"))
    final = store.load(session_id)
    assert final.status is Status.SIGNED
    assert final.record_problems == ()

    # show: every grade by its letter
    store_path = str(store.path)
    assert main.main(["--db", store_path, "show", "T-0420"]) == 0
    out = capsys.readouterr().out
    assert "Courage (test): agreed B (Ann Chair: B, Bob Member: A)" in out
    assert "Respect (test): agreed C (Ann Chair: C, Bob Member: B)" in out
    assert "Service (test): agreed D (Ann Chair: D, Bob Member: C)" in out
    assert "Outcome    Pass: 6.5 of 10.0 (65.0%), pass mark 62.5%" in out

    # the HR CSV: the agreed grades by letter
    header, row = csv.reader(io.StringIO(sessions_csv([final])))
    columns = dict(zip(header, row, strict=True))
    assert [columns[f"agreed: {final.profile.area(a).name}"] for a in AREAS] == ["B", "C", "D"]

    # the sheet: the matrix, the weighted column and the evidence pages, by letter
    pages = [
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(io.BytesIO(build_sheet(final))).pages
    ]
    assert "Courage (test) B A B B 1.5 B: 3 × 1.5 = 4.5" in pages[0]
    assert "Respect (test) C B C C 1.0 C: 2 × 1.0 = 2.0" in pages[0]
    assert "Service (test) D C D none 0.0 not scored" in pages[0]
    evidence = " ".join(pages[1:])
    assert "Grades: Ann Chair B, Bob Member A · Agreed: B Test good" in evidence
    assert "Grades: Ann Chair D, Bob Member C · Agreed: D Test not met" in evidence


def test_each_question_of_an_area_has_its_line_and_is_saved_as_typed(qtbot, window, store):
    """Two questions for an area: Q and Q2 show the profile's, the second is reached with Tab
    from the first and saved under its own key as it is typed; the stem shows above the
    indicators."""
    view = window.interview
    page = view.area_page
    session_id = view.session.id
    assert page.question.text() == "Test question C1: tell us about test courage."
    (second,) = page.more_questions
    assert second.isVisible()
    assert second.text() == "Test question C2: what would you test differently?"
    assert page.stem.isVisible()
    assert page.stem.text() == "Test stem: we show test courage when we:"
    assert page.title.text().endswith("</h2>value")

    press("Ctrl+Shift+Q")
    assert focused() is page.question
    press("Tab")
    assert focused() is second
    press("Ctrl+A")
    type_text("Test question C2 as asked today.")
    qtbot.waitUntil(
        lambda: (
            store.load(session_id).questions.get("courage#2") == "Test question C2 as asked today."
        ),
        timeout=2000,
    )
    assert "courage" not in store.load(session_id).questions  # the first is untouched

    press("Escape")
    press("Ctrl+I")
    press("Ctrl+PgDown")
    press("Ctrl+PgDown")  # the observed area: says so, and has no stem
    assert view.page_key == "service"
    assert "observed, not scored (weight 0)" in page.title.text()
    assert not page.stem.isVisible()
    assert second.text() == "Test question S2: observed only, second."


def test_the_new_session_dialog_lists_every_question_of_every_area(qtbot, example_profiles):
    from ui.new_session_dialog import NewSessionDialog

    dialog = NewSessionDialog(list(example_profiles))
    qtbot.addWidget(dialog)
    dialog.profile_box.setCurrentIndex(len(example_profiles) - 1)
    rows = [(r.area_id, r.area_name, r.question) for r in dialog.questions.rows]
    assert rows[:2] == [
        ("courage", "Courage (test) (question 1)", "Test question C1: tell us about test courage."),
        (
            "courage#2",
            "Courage (test) (question 2)",
            "Test question C2: what would you test differently?",
        ),
    ]
    assert [r[0] for r in rows] == [
        "courage",
        "courage#2",
        "respect",
        "respect#2",
        "service",
        "service#2",
    ]
