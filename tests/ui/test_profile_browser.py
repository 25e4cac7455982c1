"""The profiles screen: every profile with its areas and indicators, read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from ui.main_window import MainWindow
from ui.profile_browser import criteria_model, indicators_model, profiles_model


def test_main_window_lists_every_profile_and_its_indicators(qtbot, store, profiles):
    window = MainWindow(store, profiles)
    qtbot.addWidget(window)
    window.show()
    browser = window.profile_browser
    model = browser.profile_model
    forces = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert forces[0] == "Gwent Police"
    assert "Kent Police" in forces and "South Wales Police" in forces
    assert len(forces) == len(profiles)

    kent_row = forces.index("Kent Police")
    browser.profile_list.setFocus()
    browser.profile_list.selectRow(kent_row)
    kent = profiles.get("kent-crime-prevention-pcso")
    rows = browser.indicator_model.rows
    assert len(rows) == kent.indicator_count
    texts = {r.indicator.text for r in rows}
    assert "I treat others with respect, tolerance and compassion." in texts
    assert "Kent Police" in browser.summary.text()
    assert browser.indicators.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers


def test_keyboard_moves_between_profiles(qtbot, store, profiles):
    window = MainWindow(store, profiles)
    qtbot.addWidget(window)
    window.show()
    browser = window.profile_browser
    browser.profile_list.setFocus()
    browser.profile_list.setCurrentIndex(browser.profile_model.index(0, 0))
    qtbot.keyClick(browser.profile_list, Qt.Key.Key_Down)
    assert "South Wales Police" in browser.summary.text()
    national = [r for r in browser.indicator_model.rows if r.area.is_national]
    assert {r.area.kind for r in national} == {"value"}


def test_models_pass_qtmodeltester(qtmodeltester, profiles):
    qtmodeltester.check(profiles_model(list(profiles)))
    kent = profiles.get("kent-crime-prevention-pcso")
    model = criteria_model()
    model.set_rows(list(kent.criteria))
    qtmodeltester.check(model)
    qtmodeltester.check(indicators_model())
