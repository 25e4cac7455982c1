"""Qt runs offscreen in every UI test, on the screen of a usual panel laptop (1366x768); each
test gets its own temporary database."""

from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from pcso_interview.profiles import Profile
from pcso_interview.session import Member
from pcso_interview.store import Store
from ui.main_window import MainWindow

LAPTOP_SCREEN = (1366, 768)


@pytest.fixture(scope="session")
def qapp_args(tmp_path_factory):
    """The offscreen platform with one 1366x768 screen (its default is 800x600): the window
    opens as it does on a usual panel laptop. -platform wins over QT_QPA_PLATFORM, which
    some test modules set for the processes they start."""
    width, height = LAPTOP_SCREEN
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = tmp_path_factory.mktemp("screen") / "screen.json"
    config.write_text(json.dumps({"synthesizedScreens": False, "screens": [screen]}), "utf-8")
    return ["pytest-qt-qapp", "-platform", f"offscreen:configfile={config}"]


@pytest.fixture
def welsh(qapp):
    """The interface in Welsh for one test; English again afterwards."""
    from ui import i18n

    assert i18n.install("cy") == "cy"
    yield
    i18n.install("en")


@pytest.fixture
def profiles(builtin_profiles):
    """The built-in profiles (a ProfileSet is read-only: one load serves every test)."""
    return builtin_profiles


@pytest.fixture(autouse=True)
def jobs_end_before_their_database():
    """A job's thread ends within its test (it has its own connection to the database)."""
    yield
    from ui.hr.jobs import wait_for_jobs

    wait_for_jobs()


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "sessions.db")
    yield opened
    opened.close()


# --- shared by the panel-window tests -----------------------------------------------------------

TODAY = date(2026, 11, 23)
GWENT = "gwent-cso"  # six planned areas: the shortest full interview of the seed profiles
ANN = Member("m1", "Ann Chair", "chair", "1001")
BOB = Member("m2", "Bob Member", "member", "2002")


@pytest.fixture
def new_session(profiles):
    """Create a session through the store (not the UI); returns its id."""

    def create(
        store: Store,
        profile: Profile | str = GWENT,
        *,
        ref: str = "C-0412",
        venue: str = "HQ Interview Room 1",
        panel: tuple[Member, ...] = (ANN, BOB),
    ) -> str:
        chosen = profiles.get(profile) if isinstance(profile, str) else profile
        return store.create_session(
            chosen,
            candidate_name="Gwenllïan Ŵyn",
            candidate_ref=ref,
            date=TODAY.isoformat(),
            venue=venue,
            panel=panel,
        )

    return create


@pytest.fixture
def open_window(qtbot, profiles):
    """A shown, active MainWindow on ``store``; opens ``session_id`` when given."""

    def make(store: Store, session_id: str = "", page: str = "", member_id: str = ""):
        window = MainWindow(store, profiles, today=TODAY)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        if session_id:
            window.open_session(session_id, page, member_id)
            assert window.interview.session is not None
            # A PIN dialog may have come and gone: the window is active again before a key.
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    return make


@pytest.fixture
def warnings_shown(monkeypatch) -> list[str]:
    """Capture QMessageBox.warning texts instead of opening a modal box that would block (and
    a warning box with details, messages.warn_in_detail: its text, the details after it)."""
    shown: list[str] = []

    def warning(_parent, title, text, *_args, **_kwargs):
        shown.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    def exec_(box):
        assert box.icon() == QMessageBox.Icon.Warning, box.text()
        shown.append(f"{box.windowTitle()}: {box.text()}\n\n{box.detailedText()}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


@pytest.fixture(autouse=True)
def no_unexpected_questions(monkeypatch):
    """A yes/no box no test answers would block the run: answer No, and fail the test.

    Tests that expect a question patch QMessageBox.question themselves (that wins)."""
    asked: list[str] = []

    def question(_parent, title, text, *_args, **_kwargs):
        asked.append(f"{title}: {text}")
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    yield asked
    assert asked == [], f"unexpected question(s): {asked}"


@pytest.fixture(autouse=True)
def members_type_their_pins(request, monkeypatch):
    """Each member types their own PIN when asked (m1 1111, m2 2222, ...; chosen the first time),
    through the store's real checks. Tests of the PIN dialog itself mark themselves
    ``real_pin_dialog`` and type into it."""
    if request.node.get_closest_marker("real_pin_dialog"):
        return
    from tests.store_support import pin
    from ui.pin_dialog import PinDialog

    def ask(_parent, store, session, member, _why):
        secret = pin(member.id)
        if store.member_has_secret(session.id, member.id):
            store.check_member_secret(session.id, member.id, secret)
        else:
            store.set_member_secret(session.id, member.id, secret)
        return secret

    monkeypatch.setattr(PinDialog, "ask", staticmethod(ask))
