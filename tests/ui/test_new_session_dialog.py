"""Setting up a session: problems in plain words without losing the form, recent panels and
venues offered again, the profile's plan shown, and typed questions stored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pcso_interview.profiles import read_profile_file
from pcso_interview.session import Member
from tests.store_support import EXAMPLE_FORCE_FILE
from tests.ui.conftest import TODAY
from tests.ui.dialogs import when_modal
from tests.ui.keys import focused, press, type_text
from ui.new_session_dialog import NewSessionDialog


@pytest.fixture
def dialog(qtbot, profiles):
    shown = NewSessionDialog(list(profiles), today=TODAY)
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    return shown


def click_start(dialog: NewSessionDialog) -> None:
    start = dialog.buttons.buttons()[0]
    assert "Start" in start.text()
    QTest.mouseClick(start, Qt.MouseButton.LeftButton)


def test_a_missing_candidate_name_is_said_plainly_and_the_form_stays(dialog):
    """Enter with no candidate: a sentence in the dialog, which stays open with what was typed."""
    dialog.candidate_ref.setFocus()
    type_text("C-0412")
    press("Return")
    assert dialog.isVisible()
    assert dialog.result_session is None
    assert dialog.error.text() == "✗ Enter the candidate's name."
    assert dialog.candidate_ref.text() == "C-0412"


def test_a_chair_without_a_name_is_said_plainly(dialog):
    """The chair's row is empty but a member is named: the dialog says which is missing."""
    dialog.candidate_name.setFocus()
    type_text("Gwenllïan Ŵyn")
    press("Tab")
    type_text("C-0412")
    dialog.member_names[1].setFocus()
    type_text("Llŷr Member")
    click_start(dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "✗ The member marked as chair needs a name."
    assert "Traceback" not in dialog.error.text()
    assert dialog.member_names[1].text() == "Llŷr Member"


def test_a_pasted_control_character_is_refused_and_the_form_stays(dialog):
    """Pasted text can carry what typing cannot (an escape sequence, a bidi override): the
    core's rule refuses it in the dialog, naming the field, before the store is asked."""
    pasted = "Gwen\x1b[2Jllïan"
    dialog.candidate_name.setText(pasted)
    dialog.candidate_ref.setText("C-0412")
    dialog.member_names[0].setText("Ann Chair")
    click_start(dialog)
    assert dialog.isVisible()
    assert dialog.result_session is None
    assert dialog.error.text() == (
        "✗ Candidate name: holds a control or invisible character (U+001B at character 5)."
    )
    assert dialog.candidate_name.text() == pasted


def test_an_overlong_member_name_is_refused_naming_its_row(dialog):
    """The third row's name, with the second row left empty: the message names row 3."""
    dialog.candidate_name.setText("Gwenllïan Ŵyn")
    dialog.candidate_ref.setText(" C-0412 ")
    dialog.member_names[0].setText("Ann Chair")
    dialog.member_names[2].setText("W" * 121)
    click_start(dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == (
        "✗ Panel member 3 name: 121 characters, more than the 120 allowed."
    )
    dialog.member_names[2].setText("W" * 120)
    click_start(dialog)
    assert not dialog.isVisible()
    built = dialog.result_session
    assert built is not None and built.candidate_ref == "C-0412"
    assert [m.name for m in built.panel] == ["Ann Chair", "W" * 120]


def test_the_chosen_profiles_planned_areas_are_listed(dialog, profiles):
    """Choosing another profile lists its planned areas and one question row for each."""
    dialog.profile_box.setFocus()
    for expected in list(profiles)[1:3]:
        press("Down")
        assert dialog.profile.id == expected.id
        names = [a.name for a in expected.planned_areas]
        assert dialog.plan_label.text() == "Graded at interview: " + ", ".join(names)
        rows = dialog.questions.rows
        assert [r.area_name for r in rows] == names


def test_recent_panels_and_venues_are_offered_again(
    qtbot, store, new_session, open_window, monkeypatch
):
    """After one session, Ctrl+N prefills the venue and a recent panel fills every name."""
    panel = (
        Member("m1", "Ann Chair", "member", "1001"),
        Member("m2", "Llŷr Chair", "chair", "C-303"),
    )
    new_session(store, venue="Bridgend Custody Suite, Room 4", panel=panel)
    window = open_window(store)
    seen: list[str] = []

    def use_recent(dialog: NewSessionDialog) -> None:
        assert dialog.venue.currentText() == "Bridgend Custody Suite, Room 4"
        assert dialog.recent_panel_box.isEnabled()
        assert dialog.recent_panel_box.itemText(1) == "Ann Chair, Llŷr Chair"
        dialog.recent_panel_box.setFocus()
        press("Down")
        assert [n.text() for n in dialog.member_names[:3]] == ["Ann Chair", "Llŷr Chair", ""]
        assert [n.text() for n in dialog.member_numbers[:2]] == ["1001", "C-303"]
        assert dialog.chair_group.checkedId() == 1
        dialog.candidate_name.setFocus()
        type_text("Rhys Jones")
        press("Tab")
        type_text("C-0413")
        seen.append("filled")
        click_start(dialog)

    when_modal(NewSessionDialog, use_recent, seen)
    press("Ctrl+N", window)
    assert seen == ["filled"]
    qtbot.waitUntil(lambda: window.interview.session is not None)
    created = store.load(window.interview.session.id)
    assert created.candidate_ref == "C-0413"
    assert created.venue == "Bridgend Custody Suite, Room 4"
    assert [(m.name, m.role, m.number) for m in created.panel] == [
        ("Ann Chair", "member", "1001"),
        ("Llŷr Chair", "chair", "C-303"),
    ]


def test_questions_typed_in_the_dialog_are_stored(qtbot, store, open_window, profiles):
    """A question typed into the table is in the session's questions in the database."""
    window = open_window(store)
    seen: list[str] = []
    question = "Tell us about a time you took ownership of a problem. Beth ddigwyddodd?"

    def type_question(dialog: NewSessionDialog) -> None:
        dialog.candidate_name.setFocus()
        type_text("Rhys Jones")
        press("Tab")
        type_text("C-0414")
        dialog.member_names[0].setFocus()
        type_text("Ann Chair")
        view = dialog.questions_view
        view.setFocus()
        view.setCurrentIndex(dialog.questions.index(1, 1))
        press("F2")
        editor = focused()
        assert editor is not view
        press("Ctrl+A")  # replace the profile's default question
        type_text(question)
        press("Return")
        assert dialog.questions.rows[1].question == question
        seen.append("typed")
        click_start(dialog)

    when_modal(NewSessionDialog, type_question, seen)
    press("Ctrl+N", window)
    assert seen == ["typed"]
    qtbot.waitUntil(lambda: window.interview.session is not None)
    stored = store.load(window.interview.session.id)
    second = profiles.get("gwent-cso").planned_areas[1]
    assert stored.questions[second.id] == question
    assert stored.question(second.id) == question
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    press("Ctrl+PgDown")
    assert window.interview.area_page.question.text() == question


def test_the_campaign_follows_profile_and_month_until_someone_chooses_one(dialog, profiles):
    gwent, kent = profiles.get("gwent-cso"), profiles.get("kent-crime-prevention-pcso")
    dialog.profile_box.setCurrentIndex(dialog.profile_box.findData(gwent.id))
    assert dialog.campaign.currentText() == "Gwent Police · Community Support Officer · 2026-11"
    dialog.date_edit.setDate(dialog.date_edit.date().addMonths(1))
    assert dialog.campaign.currentText().endswith("· 2026-12")
    dialog.profile_box.setCurrentIndex(dialog.profile_box.findData(kent.id))
    assert dialog.campaign.currentText() == "Kent Police · Crime Prevention PCSO · 2026-12"
    dialog.campaign.setFocus()
    press("Ctrl+A", dialog.campaign)
    type_text("Kent winter intake", dialog.campaign)
    dialog.profile_box.setCurrentIndex(dialog.profile_box.findData(gwent.id))
    assert dialog.campaign.currentText() == "Kent winter intake"  # what was typed stays


def test_the_chosen_campaign_is_the_sessions_in_the_database(qtbot, store, open_window):
    window = open_window(store)
    store.create_session(
        window.profiles.get("gwent-cso"),
        candidate_name="Earlier Candidate",
        candidate_ref="C-0001",
        date="2026-11-02",
        venue="HQ",
        panel=(Member("m1", "Ann Chair", "chair", "1001"),),
        campaign="Gwent autumn 2026 intake",
    )
    seen: list[str] = []

    def fill(dialog: NewSessionDialog) -> None:
        assert "Gwent autumn 2026 intake" in [
            dialog.campaign.itemText(i) for i in range(dialog.campaign.count())
        ]
        dialog.candidate_name.setFocus()
        type_text("Rhys Jones")
        press("Tab")
        type_text("C-0415")
        dialog.member_names[0].setFocus()
        type_text("Ann Chair")
        dialog.campaign.setCurrentIndex(dialog.campaign.findText("Gwent autumn 2026 intake"))
        seen.append("filled")
        click_start(dialog)

    when_modal(NewSessionDialog, fill, seen)
    press("Ctrl+N", window)
    assert seen == ["filled"]
    qtbot.waitUntil(lambda: window.interview.session is not None)
    created = window.interview.session.id
    assert store.campaign_of(created) == "Gwent autumn 2026 intake"


def test_the_interview_language_defaults_to_the_apps_and_is_kept(qtbot, profiles, store):
    """English by default in an English app, Welsh in a Welsh one; the choice reaches the
    stored session."""
    from tests.store_support import PANEL

    english = NewSessionDialog(list(profiles), today=TODAY)
    qtbot.addWidget(english)
    assert english.interview_language.currentData() == "en"
    from ui import i18n

    assert i18n.install("cy") == "cy"
    try:
        welsh = NewSessionDialog(list(profiles), today=TODAY)
        qtbot.addWidget(welsh)
        assert welsh.interview_language.currentData() == "cy"
        assert welsh.interview_language.currentText() == "Cymraeg"
    finally:
        i18n.install("en")
    english.candidate_name.setText("Siôn ap Dafydd")
    english.candidate_ref.setText("C-0412")
    english.member_names[0].setText("Llŷr Chair")
    english.interview_language.setCurrentIndex(english.interview_language.findData("cy"))
    request = english.build()
    assert request.interview_language == "cy"
    session_id = store.create_session(
        request.profile,
        candidate_name=request.candidate_name,
        candidate_ref=request.candidate_ref,
        date=request.date,
        venue=request.venue,
        panel=PANEL,
        interview_language=request.interview_language,
    )
    assert store.load(session_id).interview_language == "cy"


def test_escape_after_typing_asks_before_the_set_up_is_thrown_away(dialog, monkeypatch):
    """One reflexive Escape in a noisy room must not lose a candidate, a panel and the
    questions: the dialog asks, No (the default) keeps everything, Yes closes it."""
    from PySide6.QtWidgets import QMessageBox

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent, title, _text, *_args, **_kwargs):
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    dialog.candidate_name.setFocus()
    type_text("Gwenllïan Ŵyn")
    dialog.member_names[0].setFocus()
    type_text("Ann Chair")
    press("Escape")
    assert asked == ["Discard this set-up?"]
    assert dialog.isVisible()
    assert dialog.candidate_name.text() == "Gwenllïan Ŵyn"
    assert dialog.member_names[0].text() == "Ann Chair"
    press("Escape")
    assert asked == ["Discard this set-up?"] * 2
    assert not dialog.isVisible()
    assert dialog.result() == NewSessionDialog.DialogCode.Rejected


def test_escape_with_nothing_typed_closes_without_a_question(dialog):
    """The autouse fixture fails the test on any question."""
    press("Escape")
    assert not dialog.isVisible()


def test_escape_with_the_profiles_own_questions_untouched_closes_without_a_question(qtbot):
    """A profile that gives its questions fills the table with them: they are the profile's,
    not typed, and nothing is lost by closing (the autouse fixture fails on any question)."""
    (profile,) = read_profile_file(EXAMPLE_FORCE_FILE)
    shown = NewSessionDialog([profile], today=TODAY)
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    assert any(row.question for row in shown.questions.rows)
    press("Escape")
    assert not shown.isVisible()
