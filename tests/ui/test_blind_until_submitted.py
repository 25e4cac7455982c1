"""Blind until submitted: a member sees only their own marks until they have graded every area."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pcso_interview.scoring import Classification
from tests.ui.keys import focused, press


def member_cells(model, members: int) -> list[str]:
    """Every member-grade cell of the consensus table, as shown."""
    rows, columns = range(model.rowCount()), range(1, members + 1)
    return [model.index(r, c).data() for r in rows for c in columns]


def test_consensus_hides_the_others_grades_until_every_area_is_graded(
    qtbot, store, new_session, open_window
):
    """Bob has graded everything; Ann sees 'hidden' until her own last grade is in."""
    session_id = new_session(store)
    areas = store.load(session_id).planned_areas
    for area in areas:
        store.grade(session_id, "m2", area.id, 5)
    for area in areas[:-1]:
        store.grade(session_id, "m1", area.id, 2)
    window = open_window(store, session_id)
    view = window.interview
    model = view.consensus_page.model

    press("Ctrl+K")
    assert view.page_key == "consensus"
    assert set(member_cells(model, 2)) == {"hidden"}
    spread = 3
    assert all(model.index(r, spread).data() == "" for r in range(model.rowCount()))
    assert f"{len(areas) - 1} of {len(areas)} done" in view.consensus_page.explanation.text()

    press("Ctrl+PgUp")  # back to the last area, which Ann has not graded
    assert view.page_key == areas[-1].id
    assert focused() is view.area_page.table
    press("3")
    assert store.load(session_id).grades[("m1", areas[-1].id)] == 3
    press("Ctrl+K")
    shown = [[model.index(r, c).data() for c in (1, 2)] for r in range(model.rowCount())]
    assert shown == [["2", "5"]] * (len(areas) - 1) + [["3", "5"]]
    assert "⚑" in model.index(0, spread).data()  # 2 against 5: flagged for discussion


def test_the_area_page_shows_only_the_scoring_members_own_marks(
    qtbot, store, new_session, open_window
):
    """Bob's classifications and grade are in the database but never on Ann's page."""
    session_id = new_session(store)
    area = store.load(session_id).planned_areas[0]
    window = open_window(store, session_id)
    view = window.interview
    page = view.area_page

    press("Ctrl+M")
    press("Down")
    assert view.member_id == "m2"
    press("Ctrl+I")
    for key in ("D", "C", "P"):  # each key classifies and moves on to the next indicator
        press(key)
    press("5")
    stored = store.load(session_id)
    assert [stored.mark("m2", i.id).classification for i in area.indicators[:3]] == [
        Classification.DEMONSTRATED,
        Classification.CONTRARY,
        Classification.PARTLY,
    ]
    assert stored.grades[("m2", area.id)] == 5

    press("Ctrl+M")
    press("Up")
    assert view.member_id == "m1"
    evidence = {page.model.index(r, 0).data() for r in range(page.model.rowCount())}
    assert evidence == {Classification.NONE.text}
    assert "Nothing recorded" in page.model.index(0, 0).data()
    assert page.grade_group.checkedButton() is None
    assert "not graded yet" in page.counts.text()
    assert "+ 0 demonstrated" in page.counts.text()


def test_the_area_list_shows_progress_never_a_grade(qtbot, store, new_session, open_window):
    """The nav list's member columns say ✓ or · only, whoever is scoring."""
    session_id = new_session(store)
    areas = store.load(session_id).planned_areas
    for n, area in enumerate(areas[:4]):
        store.grade(session_id, "m2", area.id, 1 + n)
    store.grade(session_id, "m1", areas[0].id, 5)
    window = open_window(store, session_id)
    view = window.interview

    for member, key in (("m1", "Up"), ("m2", "Down")):
        press("Ctrl+M")
        press(key)
        assert view.member_id == member
        nav = view.nav
        assert nav.columnCount() == 3  # area, Ann, Bob
        roles = (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        )
        cells = {
            nav.index(r, c).data(role)
            for r in range(nav.rowCount())
            for c in (1, 2)
            for role in roles
        }
        assert cells <= {"✓", "·", "", None}
        bob = [nav.index(r, 2).data() for r in range(len(areas))]
        assert bob == ["✓"] * 4 + ["·"] * (len(areas) - 4)
        assert nav.index(0, 1).data() == "✓"
        assert f"Bob Member 4/{len(areas)}" in view.progress.text()
