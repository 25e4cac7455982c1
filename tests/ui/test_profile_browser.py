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


def test_in_welsh_the_profile_screens_own_words_are_welsh_the_forces_as_written(
    qtbot, welsh, profiles
):
    """The level, the method, the pass mark, 'at interview' and the criteria's category and
    requirement are the app's words; indicators, criteria and sources are the force's."""
    from ui.profile_browser import ProfileBrowser

    browser = ProfileBrowser(list(profiles))
    qtbot.addWidget(browser)
    browser.profile_list.selectRow(0)  # Gwent
    summary = browser.summary.text()
    assert "lefel 1" in summary and "graddau cytunedig: consensws" in summary
    assert "competencies at level" not in summary and "agreed grades: consensus" not in summary
    at_interview = {browser.indicator_model.index(r, 5).data() for r in range(3)}
    assert at_interview == {"ydy"}
    model = browser.criteria_model
    assert model.rowCount() > 0
    categories = {model.index(r, 0).data() for r in range(model.rowCount())}
    requirements = {model.index(r, 4).data() for r in range(model.rowCount())}
    assert categories <= {"cymhwyster", "profiad", "gwybodaeth", "sgil", "sgil dechnegol"}
    assert requirements <= {"hanfodol", "dymunol", "heb ei nodi"}, requirements


def test_dozens_of_skipped_force_files_keep_the_warning_on_the_screen(
    qtbot, store, tmp_path, monkeypatch
):
    """Every skipped force file was listed in the warning's text: a folder of old or broken
    files made a box taller than any screen, its OK button out of reach. A few are named; all
    of them are behind Show Details, where the list scrolls."""
    from PySide6.QtWidgets import QMessageBox

    from pcso_interview.profiles import load_profiles

    bad = []
    for n in range(40):
        path = tmp_path / f"force-{n:02}.json"
        path.write_text('{"format": "pcso-interview-profiles", "version": 1,', encoding="utf-8")
        bad.append(path)
    profiles = load_profiles(bad)
    assert len(profiles.errors) == 40
    shown: list[QMessageBox] = []

    def exec_(box):
        shown.append(box)
        box.show()
        qtbot.waitExposed(box)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, t, text, *_a: warnings.append(text))
    )
    window = MainWindow(store, profiles)
    qtbot.addWidget(window)
    window.report_profile_errors()
    (box,) = shown or [None]
    assert box is not None, warnings[0][:200] if warnings else "no warning at all"
    assert box.sizeHint().height() < 700
    assert str(bad[0]) in box.text() and str(bad[-1]) not in box.text()
    assert "… and 37 more: Show Details lists every one." in box.text()
    assert all(str(path) in box.detailedText() for path in bad)
    box.close()
