"""Help → Keyboard shortcuts lists what the window binds, and no two commands share a key."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel

from tests.ui.dialogs import when_modal
from tests.ui.keys import focused, press
from ui import shortcuts
from ui.shortcuts_dialog import ShortcutsDialog

# Quit's key on Linux desktops (Cmd+Q on macOS). The offscreen platform binds Quit to nothing,
# so it is added by hand: a shortcut of ours on it would be ambiguous, and do nothing, on a
# panel member's laptop.
QUIT_ON_DESKTOPS = "Ctrl+Q"


def bound_keys(window) -> dict[str, list[str]]:
    """Every key sequence of every enabled action and shortcut in the window, with its owners."""
    keys: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            assert not sequence.isEmpty(), action.text()
            keys.setdefault(sequence.toString(), []).append(action.text())
    if not any(a.text() == "&Quit" and a.shortcuts() for a in window.findChildren(QAction)):
        keys.setdefault(QUIT_ON_DESKTOPS, []).append("&Quit (its key on desktops)")
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled():
            name = shortcut.key().toString()
            keys.setdefault(name, []).append(f"shortcut {name}")
    return keys


def test_f1_lists_every_shortcut(store, new_session, open_window):
    open_window(store)
    seen: list[str] = []
    texts: list[str] = []
    when_modal(
        ShortcutsDialog,
        lambda dialog: texts.append(dialog.findChild(QLabel).text()),
        seen,
    )
    press("F1")
    assert seen == []
    assert len(texts) == 1
    for keys, what in shortcuts.HELP:
        assert keys in texts[0] and what in texts[0]


def test_no_two_commands_share_a_key(store, new_session, open_window):
    """An ambiguous key does nothing in Qt: each key must mean one command in the window."""
    window = open_window(store, new_session(store))
    clashes = {key: owners for key, owners in bound_keys(window).items() if len(owners) > 1}
    assert clashes == {}


def test_ctrl_q_in_the_interview_goes_to_the_question(store, new_session, open_window):
    window = open_window(store, new_session(store))
    view = window.interview
    press(shortcuts.QUESTION)
    assert focused() is view.area_page.question
    assert window.isVisible()


def test_the_help_names_the_keys_the_code_binds(store, new_session, open_window):
    window = open_window(store, new_session(store))
    bound = set(bound_keys(window))
    for constant in (
        shortcuts.NEW_SESSION,
        shortcuts.SESSIONS,
        shortcuts.SHEET,
        shortcuts.NEXT_PAGE,
        shortcuts.PREVIOUS_PAGE,
        shortcuts.GO_CONSENSUS,
        shortcuts.GO_SIGNOFF,
        shortcuts.SCORING_AS,
        shortcuts.AREA_NOTE,
        shortcuts.QUESTION,
        shortcuts.INDICATORS,
        shortcuts.WITHDRAW,
    ):
        assert QKeySequence(constant).toString() in bound, constant
        assert any(constant in keys for keys, _ in shortcuts.HELP), constant
