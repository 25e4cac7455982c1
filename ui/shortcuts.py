"""The keyboard shortcuts in one place: the keys the code binds, and the list F1 shows
(tests/ui/test_shortcuts_help.py keeps the two in step)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from pcso_interview.scoring import Classification


@cache
def classify_keys() -> dict[int, Classification]:
    """Single keys that classify; built when a session is first scored, not at start."""
    from pcso_interview.scoring import Classification

    return {
        Qt.Key.Key_D: Classification.DEMONSTRATED,
        Qt.Key.Key_Plus: Classification.DEMONSTRATED,
        Qt.Key.Key_P: Classification.PARTLY,
        Qt.Key.Key_AsciiTilde: Classification.PARTLY,
        Qt.Key.Key_C: Classification.CONTRARY,
        Qt.Key.Key_Minus: Classification.CONTRARY,
        Qt.Key.Key_N: Classification.NONE,
        Qt.Key.Key_0: Classification.NONE,
    }


NEXT_PAGE = "Ctrl+PgDown"
PREVIOUS_PAGE = "Ctrl+PgUp"
NEXT_PAGE_ALT = "Alt+Down"
PREVIOUS_PAGE_ALT = "Alt+Up"
GO_CONSENSUS = "Ctrl+K"
GO_SIGNOFF = "Ctrl+Shift+S"
SCORING_AS = "Ctrl+M"
AREA_NOTE = "Ctrl+E"
QUESTION = "Ctrl+Shift+Q"  # not Ctrl+Q: that is Quit on Linux desktops and macOS
INDICATORS = "Ctrl+I"
NEW_SESSION = "Ctrl+N"
SESSIONS = "Ctrl+L"
WITHDRAW = "Ctrl+Shift+W"
SHEET = "Ctrl+P"

HELP: list[tuple[str, str]] = [
    ("Ctrl+N", QT_TRANSLATE_NOOP("shortcuts", "New session")),
    ("Ctrl+L", QT_TRANSLATE_NOOP("shortcuts", "The list of sessions")),
    (
        "Ctrl+M",
        QT_TRANSLATE_NOOP(
            "shortcuts",
            "Choose who is scoring ('Scoring as'); Enter goes to their first ungraded area",
        ),
    ),
    (
        "Ctrl+PgDown / Alt+Down",
        QT_TRANSLATE_NOOP("shortcuts", "Next area (then Consensus, then Sign-off)"),
    ),
    ("Ctrl+PgUp / Alt+Up", QT_TRANSLATE_NOOP("shortcuts", "Previous area")),
    ("Ctrl+I", QT_TRANSLATE_NOOP("shortcuts", "Back to the indicators")),
    ("Up / Down", QT_TRANSLATE_NOOP("shortcuts", "Move between indicators")),
    (
        QT_TRANSLATE_NOOP("shortcuts", "D or +"),
        QT_TRANSLATE_NOOP(
            "shortcuts",
            "Classify: demonstrated (each classification moves on to the next indicator)",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "P or ~"),
        QT_TRANSLATE_NOOP("shortcuts", "Classify: partly demonstrated"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "C or -"),
        QT_TRANSLATE_NOOP("shortcuts", "Classify: contrary evidence"),
    ),
    (
        QT_TRANSLATE_NOOP("shortcuts", "N or 0"),
        QT_TRANSLATE_NOOP("shortcuts", "Classify: nothing recorded"),
    ),
    ("Enter", QT_TRANSLATE_NOOP("shortcuts", "Type the evidence note for the indicator")),
    (
        "Esc",
        QT_TRANSLATE_NOOP(
            "shortcuts", "Leave the note, back to the indicators (the note is saved)"
        ),
    ),
    ("1 … 5", QT_TRANSLATE_NOOP("shortcuts", "Set your grade for the area (in the indicators)")),
    (
        QT_TRANSLATE_NOOP("shortcuts", "G, then the letter"),
        QT_TRANSLATE_NOOP(
            "shortcuts", "Set your grade on a lettered scale (A … D): the letter's grade"
        ),
    ),
    ("Ctrl+E", QT_TRANSLATE_NOOP("shortcuts", "The free note for the area")),
    ("Ctrl+Shift+Q", QT_TRANSLATE_NOOP("shortcuts", "The question asked for the area")),
    (
        "Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y)",
        QT_TRANSLATE_NOOP("shortcuts", "Undo / redo a change on the page shown"),
    ),
    ("Ctrl+K", QT_TRANSLATE_NOOP("shortcuts", "Consensus: agreed grades and the outcome")),
    ("Ctrl+Shift+S", QT_TRANSLATE_NOOP("shortcuts", "Sign-off")),
    ("Ctrl+Shift+W", QT_TRANSLATE_NOOP("shortcuts", "Withdraw the candidate (with a reason)")),
    (
        "Ctrl+P",
        QT_TRANSLATE_NOOP("shortcuts", "Preview the marking sheet, save it as PDF or print it"),
    ),
    (
        "Ctrl+F",
        QT_TRANSLATE_NOOP(
            "shortcuts", "HR review: type in the search box (candidate, reference or member)"
        ),
    ),
    ("F1", QT_TRANSLATE_NOOP("shortcuts", "This list")),
]
