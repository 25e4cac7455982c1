"""Every item model of the panel's window passes Qt's model tester, also while it changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, qInstallMessageHandler
from PySide6.QtTest import QAbstractItemModelTester

from pcso_interview.scoring import Classification
from tests.ui.conftest import ANN, BOB, TODAY
from ui.new_session_dialog import QuestionRow, QuestionsModel
from ui.scoring.area_page import IndicatorMark, IndicatorsModel
from ui.scoring.consensus_page import ConsensusModel
from ui.scoring.pages import NavRow, Page, nav_model
from ui.scoring.signoff_page import signoff_model
from ui.session_list import SessionList, session_list_model


@pytest.fixture
def model_check(qtmodeltester):
    """Qt's C++ tester reports by warnings, so they are collected here and any fails the test;
    pytest-qt's Python tester runs too and raises on its own."""
    from pytestqt.modeltest import ModelTester

    reports: list[str] = []
    previous = qInstallMessageHandler(
        lambda _kind, context, message: reports.append(f"{context.category}: {message}")
    )
    python_testers = []

    def check(model) -> None:
        qtmodeltester.check(model)
        python_tester = ModelTester(None)
        python_tester.check(model, force_py=True)
        python_testers.append(python_tester)

    try:
        yield check
    finally:
        qInstallMessageHandler(previous)
        for tester in python_testers:
            tester._cleanup()
    assert [r for r in reports if r.startswith("qt.modeltest")] == []


def sample_session(store, new_session) -> str:
    session_id = new_session(store)
    areas = store.load(session_id).planned_areas
    for n, area in enumerate(areas):
        store.grade(session_id, "m1", area.id, 3)
        store.grade(session_id, "m2", area.id, 1 + n % 5)
    store.agree(session_id, areas[0].id, 5, "Discussed; best example.")
    store.classify(session_id, "m1", areas[0].indicators[0].id, "demonstrated")
    store.note(session_id, "m1", areas[0].indicators[0].id, "Calm; siaradodd â hi.")
    return session_id


def test_indicators_model(model_check, store, new_session):
    session = store.load(sample_session(store, new_session))
    area = session.planned_areas[0]
    model = IndicatorsModel()
    model_check(model)
    rows = [
        IndicatorMark(n, i, session.mark("m1", i.id).classification, session.mark("m1", i.id).note)
        for n, i in enumerate(area.indicators, start=1)
    ]
    model.set_rows(rows)
    assert model.rowCount() == len(area.indicators) and model.columnCount() == 3
    assert model.index(0, 0).data().endswith("Demonstrated")
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "siaradodd" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    changed = [*rows]
    changed[1] = IndicatorMark(2, rows[1].indicator, Classification.CONTRARY, "")
    model.update_rows(changed)
    assert "Contrary" in model.index(1, 0).data()
    model.update_rows(changed[:3])  # a different area: a reset
    assert model.rowCount() == 3


def test_consensus_model(model_check, store, new_session):
    session = store.load(sample_session(store, new_session))
    model = ConsensusModel()
    model_check(model)
    model.load(session, visible=False, editable=True)
    assert model.index(0, 1).data() == "hidden"
    model.load(session, visible=True, editable=True)
    assert model.rowCount() == len(session.planned_areas)
    assert model.columnCount() == 2 + 4
    assert model.index(0, model.agreed_column).data() == "5"
    assert model.index(0, model.agreed_column).data(Qt.ItemDataRole.EditRole) == "5"
    assert model.headerData(model.rationale_column, Qt.Orientation.Horizontal) == "Rationale"
    assert model.flags(model.index(0, model.agreed_column)) & Qt.ItemFlag.ItemIsEditable
    assert model.index(4, 3).data().startswith("⚑")  # Ann 3, Bob 5
    assert model.index(2, 3).data() == ""  # both 3


def test_nav_model(model_check):
    model = nav_model(["Ann Chair", "Bob Member"])
    model_check(model)
    model.set_rows(
        [
            NavRow("emotionally-aware", "We are emotionally aware", ("✓", "·")),
            NavRow(Page.CONSENSUS, "Consensus", ()),
            NavRow(Page.SIGNOFF, "Sign-off", ()),
        ]
    )
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Area",
        "AC",
        "BM",
    ]
    assert model.index(0, 2).data() == "·"
    assert model.index(1, 1).data() == ""


def test_session_list_model(model_check, store, new_session):
    sample_session(store, new_session)
    new_session(store, ref="C-0413", venue="")
    model = session_list_model(
        TODAY.isoformat(),
        lambda offset, limit: store.panel_sessions(TODAY.isoformat(), offset, limit),
    )
    model_check(model)
    model.reload()
    assert model.rowCount() == 2 and not model.canFetchMore(QModelIndex())
    assert model.index(0, 0).data() == "Today"
    assert {model.index(r, 1).data() for r in range(2)} == {"C-0412", "C-0413"}
    model.set_rows([])
    assert model.rowCount() == 0


def test_questions_model_round_trips_an_edit(model_check, profiles):
    profile = profiles.get("gwent-cso")
    model = QuestionsModel()
    model_check(model)
    model.set_rows([QuestionRow(a.id, a.name, "") for a in profile.planned_areas])
    cell = model.index(1, 1)
    assert model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsEditable
    question = "Tell us about a time you owned a mistake. Beth ddigwyddodd?"
    assert model.setData(cell, question)
    assert cell.data(Qt.ItemDataRole.EditRole) == question
    assert cell.data() == question
    assert model.rows[1].question == question
    assert not model.setData(model.index(1, 0), "renamed")
    assert model.index(1, 0).data() == profile.planned_areas[1].name


def test_signoff_model(model_check):
    model = signoff_model()
    model_check(model)
    model.set_rows([(ANN, "✓ 2026-11-23 10:42:07 UTC (typed)"), (BOB, "not signed")])
    assert model.index(1, 0).data() == "Bob Member"
    assert model.index(1, 3).data() == "not signed"


class BrokenModel(QAbstractTableModel):
    """Claims children under every cell: a table model must not."""

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 2

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 2

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "x" if role == Qt.ItemDataRole.DisplayRole else None


def test_the_checker_itself_catches_a_broken_model(qtmodeltester):
    """Guards the guard: both testers notice a model that is wrong."""
    with pytest.raises(AssertionError):
        qtmodeltester.check(BrokenModel(), force_py=True)
    reports: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, context, _m: reports.append(context.category))
    try:
        keep = QAbstractItemModelTester(
            BrokenModel(), QAbstractItemModelTester.FailureReportingMode.Warning
        )
    finally:
        qInstallMessageHandler(previous)
    assert keep is not None and "qt.modeltest" in reports


def test_the_session_list_reads_a_page_at_a_time_as_the_user_scrolls(
    model_check, qtbot, store, new_session
):
    """62 sessions: the list shows the first 50, End reaches the rest, none twice."""
    ids = {new_session(store, ref=f"C-{n:04d}") for n in range(62)}
    listing = SessionList(store, TODAY)
    qtbot.addWidget(listing)
    model_check(listing.model)
    listing.resize(900, 500)
    listing.show()
    qtbot.waitExposed(listing)

    listing.refresh()
    assert listing.model.rowCount() == 50
    assert listing.summary.text() == "62 session(s) today"
    listing.view.setFocus()
    for _ in range(5):  # End moves to the last row read; the view then asks for more
        qtbot.keyClick(listing.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        if listing.model.rowCount() == 62:
            break
    assert listing.model.rowCount() == 62
    assert {listing.model.row(r).id for r in range(62)} == ids
    assert not listing.model.canFetchMore(QModelIndex())
