"""The interview's flow by keys (issue 17): where each page opens, hand-over, a one-member
panel, classifying that moves on, undo by the page shown, sign-off that says what is missing,
a gentle word for a grade with nothing recorded, and the set-up starting on the name."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from pcso_interview.scoring import Classification
from pcso_interview.session import Member
from pcso_interview.store import Store
from tests.store_support import grade_all
from tests.ui.conftest import ANN, BOB
from tests.ui.dialogs import when_modal
from tests.ui.keys import focused, press, type_text
from ui.main_window import ADVANCE
from ui.new_session_dialog import NewSessionDialog

PRIYA = Member("m3", "Priya Castellanos-Whitfield", "member", "C-3031")

# --- Consensus opens on the first agreed grade still to type --------------------------------------


def test_consensus_opens_on_the_first_empty_agreed_grade_also_in_the_second_session(
    qtbot, store, new_session, open_window
):
    """A run of two sessions: in the second, Consensus opens on its first empty agreed grade
    wherever the first session's cursor was, and a typed grade is stored at once."""
    first = new_session(store, ref="C-0001")
    second = new_session(store, ref="C-0002")
    for session_id in (first, second):
        grade_all(store, session_id)
    areas = store.load(first).planned_areas
    store.agree(second, areas[0].id, 3)  # the second session's first area is agreed already
    window = open_window(store, first)
    view = window.interview
    table, model = view.consensus_page.table, view.consensus_page.model

    press("Ctrl+K")
    assert focused() is table
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, model.agreed_column)
    press("3")
    press("Return")
    qtbot.waitUntil(lambda: store.load(first).agreed_grade(areas[0].id) == 3)
    for _ in range(3):
        press("Down")
    press("Right")  # the first session's cursor: fourth row, rationale
    press("Ctrl+PgUp")  # leave Consensus from an area page, as a panel would

    press("Ctrl+L")  # the list of sessions: the second is the next one down
    assert focused() is window.session_list.view
    rows = [r.id for r in window.session_list.model.rows]
    while window.session_list.view.currentIndex().row() != rows.index(second):
        press(
            "Down" if window.session_list.view.currentIndex().row() < rows.index(second) else "Up"
        )
    press("Return")
    assert view.session.id == second
    press("Ctrl+K")
    assert focused() is table
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, model.agreed_column)
    press("4")  # typed straight away: nothing ignored
    press("Return")
    qtbot.waitUntil(lambda: store.load(second).agreed_grade(areas[1].id) == 4)


# --- hand-over ---------------------------------------------------------------------------------


def test_hand_over_lands_on_the_next_members_first_ungraded_area(
    qtbot, store, new_session, open_window
):
    """Ctrl+M, Down, (the PIN), Enter: three keys, and the next member is on the first area
    they have still to grade, the keys on its indicators, wherever the last member left off.
    The first letter of a name picks that member at once."""
    session_id = new_session(store, panel=(ANN, BOB, PRIYA))
    areas = store.load(session_id).planned_areas
    for area in areas[:2]:
        store.grade(session_id, BOB.id, area.id, 3)  # Bob graded two areas earlier
    window = open_window(store, session_id, areas[4].id)  # Ann is on area 5
    view = window.interview
    assert view.page_key == areas[4].id

    press("Ctrl+M")
    press("Down")  # the autouse fixture types Bob's PIN into the real check
    press("Return")
    assert view.member_id == BOB.id
    assert view.page_key == areas[2].id
    assert focused() is view.area_page.table
    assert view.area_page.table.currentIndex().row() == 0
    press("D")
    first = areas[2].indicators[0].id
    assert store.load(session_id).mark(BOB.id, first).classification is (
        Classification.DEMONSTRATED
    )

    press("Ctrl+M")
    press("P")  # Priya, past nobody else
    press("Return")
    assert view.member_id == PRIYA.id
    assert view.page_key == areas[0].id and focused() is view.area_page.table


# --- a one-member panel ------------------------------------------------------------------------


def test_a_one_member_panels_agreed_grades_are_their_own_shown_and_editable(
    qtbot, store, new_session, open_window
):
    session_id = new_session(store, panel=(ANN,))
    areas = store.load(session_id).planned_areas
    window = open_window(store, session_id)
    view = window.interview
    for n, _area in enumerate(areas):
        press("D")
        press("4" if n == 1 else "3")
        press("Ctrl+PgDown")
    stored = store.load(session_id)
    assert {a.id: stored.agreed_grade(a.id) for a in areas} == {
        a.id: 4 if n == 1 else 3 for n, a in enumerate(areas)
    }
    assert view.page_key == "consensus"
    model = view.consensus_page.model
    assert [model.index(r, model.agreed_column).data() for r in range(len(areas))] == [
        "4" if n == 1 else "3" for n in range(len(areas))
    ]
    assert "taken from your own grade" in view.consensus_page.explanation.toolTip()
    assert not stored.signoff_blockers()  # straight on to sign-off

    # The agreed grade is editable: 5 on the first area, with the rationale it then needs.
    press("5")
    press("Return")
    qtbot.waitUntil(lambda: store.load(session_id).agreed_grade(areas[0].id) == 5)
    press("Right")
    type_text("Outstanding on reflection.")
    press("Return")
    qtbot.waitUntil(lambda: store.load(session_id).rationale(areas[0].id) != "")
    # Her own grade changing later moves an agreed grade that followed it, not one she set.
    press("Ctrl+PgUp")
    press("Ctrl+PgUp")
    assert view.page_key == areas[-2].id
    press("2")
    stored = store.load(session_id)
    assert stored.agreed_grade(areas[-2].id) == 2
    assert stored.agreed_grade(areas[0].id) == 5


# --- classifying moves on ----------------------------------------------------------------------


def test_classifying_moves_to_the_next_indicator_a_setting_on_by_default(
    qtbot, store, new_session, open_window
):
    session_id = new_session(store)
    area = store.load(session_id).planned_areas[0]
    window = open_window(store, session_id)
    table = window.interview.area_page.table
    assert window.advance_action.isChecked()
    press("D")
    press("P")
    press("C")
    assert table.currentIndex().row() == 3
    marks = store.load(session_id)
    assert [marks.mark("m1", i.id).classification for i in area.indicators[:3]] == [
        Classification.DEMONSTRATED,
        Classification.PARTLY,
        Classification.CONTRARY,
    ]
    # The last indicator stays put.
    for _ in range(len(area.indicators)):
        press("Down")
    press("N")
    assert table.currentIndex().row() == len(area.indicators) - 1

    # Turned off from the Edit menu by keys: Alt+E, then M. Kept in the database.
    press("Alt+E")
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    press("M", QApplication.activePopupWidget())
    assert not window.advance_action.isChecked()
    assert store.get_state(ADVANCE) == "0"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    press("Ctrl+Home")
    press("P")
    assert table.currentIndex().row() == 0  # stays on the indicator classified
    assert store.load(session_id).mark("m1", area.indicators[0].id).classification is (
        Classification.PARTLY
    )
    window.close()  # closes its database too: a new window on the same file
    reopened = Store.open(store.path)
    try:
        again = open_window(reopened, session_id)
        assert not again.advance_action.isChecked()
        assert not again.interview.area_page.advance
        again.close()
    finally:
        reopened.close()


# --- undo by the page shown --------------------------------------------------------------------


def undo_text(window) -> str:
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    undo = next(a for a in edit.actions() if isinstance(a, QAction) and "Undo" in a.text())
    return undo.text().replace("&", "")


def test_undo_names_the_area_and_acts_on_the_page_shown(qtbot, store, new_session, open_window):
    session_id = new_session(store)
    first, second = store.load(session_id).planned_areas[:2]
    window = open_window(store, session_id)
    press("3")
    press("Ctrl+PgDown")
    press("D")
    press("4")
    assert undo_text(window) == f"Undo grade for {second.name}"
    press("Ctrl+Z")
    grades = store.load(session_id).grades
    assert grades == {("m1", first.id): 3}  # the first area's grade is untouched
    assert undo_text(window) == f"Undo evidence for indicator 1 of {second.name}"
    press("Ctrl+Z")
    assert store.load(session_id).mark("m1", second.indicators[0].id).classification is (
        Classification.NONE
    )
    press("Ctrl+Z")  # nothing left on this page: nothing happens elsewhere
    assert store.load(session_id).grades == {("m1", first.id): 3}
    press("Ctrl+PgUp")
    assert undo_text(window) == f"Undo grade for {first.name}"
    press("Ctrl+Z")
    assert store.load(session_id).grades == {}


# --- sign-off says what is missing and shows the outcome ---------------------------------------


def test_sign_off_says_what_is_missing_and_shows_the_outcome(
    qtbot, store, new_session, open_window
):
    session_id = new_session(store)
    grade_all(store, session_id)
    areas = store.load(session_id).planned_areas
    for area in areas[:-1]:
        store.agree(session_id, area.id, 3)
    window = open_window(store, session_id, "signoff")
    page = window.interview.signoff_page
    assert "Not ready to sign yet" in page.state.text()
    assert f"No agreed grade yet: {areas[-1].name}." in page.state.text()
    assert "Consensus (Ctrl+K)" in page.state.text()
    assert "Incomplete" in page.outcome.text()

    store.agree(session_id, areas[-1].id, 3)
    window.interview.reload()
    assert focused() is page.confirm
    assert "Outcome: ✓ Pass" in page.outcome.text()
    press("Return")  # the declaration not ticked: said, not ignored
    assert "Tick the declaration first" in page.problem.text()
    assert focused() is page.confirm
    press("Space")
    assert page.problem.text() == ""
    press("Return")  # ticked, but no name and no drawing
    assert "Type your name" in page.problem.text()
    assert focused() is page.typed_name
    type_text("Ann Chair")
    press("Return")
    assert [s.member_id for s in store.load(session_id).signoffs] == ["m1"]


# --- a grade with nothing recorded -------------------------------------------------------------


def test_a_grade_with_nothing_recorded_is_gently_flagged(qtbot, store, new_session, open_window):
    session_id = new_session(store)
    area = store.load(session_id).planned_areas[0]
    window = open_window(store, session_id)
    page = window.interview.area_page
    assert page.warning.isHidden()
    press("3")
    assert store.load(session_id).grades == {("m1", area.id): 3}  # the grade stands
    assert not page.warning.isHidden()
    assert "nothing recorded" in page.warning.text()
    press("D")  # evidence recorded: the word goes
    assert page.warning.isHidden()


# --- the set-up starts on the candidate's name, its questions in full --------------------------


def test_setup_starts_on_the_candidates_name_and_shows_each_question_whole(
    qtbot, store, open_window
):
    open_window(store)
    seen: list[str] = []
    question = (
        "Tell us about a time you had to stay calm when a member of the public was angry with"
        " you, what you said, and what happened afterwards."
    )

    def fill(dialog: NewSessionDialog) -> None:
        assert focused() is dialog.candidate_name
        type_text("Alex Ashdown")  # the name box, not the profile list
        assert dialog.candidate_name.text() == "Alex Ashdown"
        assert dialog.profile_box.currentIndex() == 0
        view = dialog.questions_view
        view.setFocus()
        view.setCurrentIndex(dialog.questions.index(0, 1))
        type_text(question)
        press("Return")
        assert dialog.questions.row(0).question == question
        QApplication.processEvents()
        header = view.horizontalHeader()
        assert view.columnWidth(1) >= header.sectionSizeHint(1)
        right = view.columnViewportPosition(1) + view.columnWidth(1)
        assert right <= view.viewport().width()  # no part of it off to the side
        assert view.rowHeight(0) >= view.sizeHintForRow(0)  # every wrapped line shown
        assert view.rowHeight(0) > view.rowHeight(1)  # it wraps rather than clips
        seen.append("filled")

    when_modal(NewSessionDialog, fill, seen)
    press("Ctrl+N")
    assert seen == ["filled"]
