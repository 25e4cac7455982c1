"""The interview's pages: one per planned area, then Consensus and Sign-off, and the list on the
left that names them with each member's progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from pcso_interview.lifecycle import Status
from pcso_interview.session import Session
from ui.i18n import translate
from ui.table_model import Column, RowsModel


class Page(StrEnum):
    """The kinds of page. An area page is keyed by its area's id; the other two by their value,
    which is also what the app remembers as the last page open."""

    AREA = "area"
    CONSENSUS = "consensus"
    SIGNOFF = "signoff"

    @classmethod
    def of(cls, key: str) -> Page:
        """The kind of page a key names (an area id names an area page)."""
        if key == cls.CONSENSUS:
            return cls.CONSENSUS
        if key == cls.SIGNOFF:
            return cls.SIGNOFF
        return cls.AREA


@dataclass(frozen=True)
class NavRow:
    """One entry of the left-hand list: an area, or the consensus or sign-off page."""

    key: str  # area id, Page.CONSENSUS or Page.SIGNOFF
    title: str
    progress: tuple[str, ...]  # per member: ✓ graded / · not yet (never the grade itself)


def initials(name: str) -> str:
    """A member's initials, as the list's column titles show them ("Ann Chair": "AC")."""
    return "".join(part[0] for part in name.split()[:2]).upper()


def nav_model(member_names: list[str]) -> RowsModel[NavRow]:
    def progress_of(i: int) -> Callable[[NavRow], str]:
        return lambda r: r.progress[i] if r.progress else ""

    columns: list[Column[NavRow]] = [
        Column(translate("pages", "Area"), lambda r: r.title, tooltip=lambda r: r.title)
    ]
    for i, name in enumerate(member_names):
        columns.append(Column(initials(name), progress_of(i)))
    return RowsModel(columns)


def nav_rows(session: Session) -> list[NavRow]:
    """The list's rows for a session: each area with who has graded it, then the two pages."""
    rows = [
        NavRow(
            area.id,
            area.name,
            tuple("✓" if (m.id, area.id) in session.grades else "·" for m in session.panel),
        )
        for area in session.planned_areas
    ]
    rows.append(NavRow(Page.CONSENSUS, translate("pages", "Consensus"), ()))
    if session.status is Status.SIGNED:
        signoff_title = translate("pages", "Sign-off ✓ signed")
    elif not session.signoff_blockers() and not session.locked:
        signoff_title = translate("pages", "Sign-off ✓ ready")
    else:
        signoff_title = translate("pages", "Sign-off")
    rows.append(NavRow(Page.SIGNOFF, signoff_title, ()))
    return rows
