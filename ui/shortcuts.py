"""The keyboard shortcuts in one place: the keys the code binds, and the list F1 shows
(tests/ui/test_shortcuts_help.py keeps the two in step)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

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
    ("Ctrl+N", "New session"),
    ("Ctrl+L", "The list of sessions"),
    ("Ctrl+M", "Choose who is scoring ('Scoring as'); Enter goes to their first ungraded area"),
    ("Ctrl+PgDown / Alt+Down", "Next area (then Consensus, then Sign-off)"),
    ("Ctrl+PgUp / Alt+Up", "Previous area"),
    ("Ctrl+I", "Back to the indicators"),
    ("Up / Down", "Move between indicators"),
    ("D or +", "Classify: demonstrated (each classification moves on to the next indicator)"),
    ("P or ~", "Classify: partly demonstrated"),
    ("C or -", "Classify: contrary evidence"),
    ("N or 0", "Classify: nothing recorded"),
    ("Enter", "Type the evidence note for the indicator"),
    ("Esc", "Leave the note, back to the indicators (the note is saved)"),
    ("1 … 5", "Set your grade for the area (in the indicators)"),
    ("G, then the letter", "Set your grade on a lettered scale (A … D): the letter's grade"),
    ("Ctrl+E", "The free note for the area"),
    ("Ctrl+Shift+Q", "The question asked for the area"),
    ("Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y)", "Undo / redo a change on the page shown"),
    ("Ctrl+K", "Consensus: agreed grades and the outcome"),
    ("Ctrl+Shift+S", "Sign-off"),
    ("Ctrl+Shift+W", "Withdraw the candidate (with a reason)"),
    ("Ctrl+P", "Preview the marking sheet, save it as PDF or print it"),
    ("Ctrl+F", "HR review: type in the search box (candidate, reference or member)"),
    ("F1", "This list"),
]
