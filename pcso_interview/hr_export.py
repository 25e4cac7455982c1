"""CSV export for a recruitment campaign: one row per session, one column per area.

Cells that a spreadsheet would read as a formula (starting with =, +, -, @, or a tab or
carriage return) are neutralised with a leading apostrophe, so the file is safe to open.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from pcso_interview.lifecycle import Status
from pcso_interview.profiles import Profile
from pcso_interview.session import Session

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?%?")


class ExportError(ValueError):
    """The sessions cannot go in one CSV (e.g. different profiles); the message says why."""


def neutralise(value: object) -> str:
    """A cell as text, made inert for spreadsheets."""
    text = "" if value is None else str(value)
    if PLAIN_NUMBER.fullmatch(text):
        return text  # a plain number such as -0.25 cannot run anything and stays a number
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_header(profile: Profile) -> list[str]:
    return [
        "session_id",
        "date",
        "candidate_reference",
        "candidate_name",
        "force",
        "role",
        "status",
        *(f"agreed: {area.name}" for area in profile.planned_areas),
        "weighted_total",
        "weighted_max",
        "percentage",
        "outcome",
        "reasons",
        "sheet_version",
    ]


def csv_row(session: Session) -> list[str]:
    outcome = session.outcome
    scale = session.profile.scale
    agreed = [session.agreed_grade(area.id) for area in session.planned_areas]
    result = "withdrawn" if session.status is Status.WITHDRAWN else outcome.result.value
    return [
        neutralise(v)
        for v in [
            session.id,
            session.date,
            session.candidate_ref,
            session.candidate_name,
            session.profile.force,
            session.profile.role_title,
            session.status.value,
            *("" if g is None else scale.label(g) for g in agreed),  # "B" on a lettered scale
            outcome.total_text,
            outcome.max_text,
            outcome.percentage_text,
            result,
            "; ".join(outcome.reasons) if result != "withdrawn" else session.withdrawn_reason,
            session.version,
        ]
    ]


def sessions_csv(sessions: Iterable[Session], profile_id: str | None = None) -> str:
    """The CSV text; every session must be scored against the same profile (by id)."""
    rows: list[list[str]] = []
    header: list[str] | None = None
    for session in sessions:
        profile = session.profile
        if profile_id is not None and profile.id != profile_id:
            raise ExportError(
                f"Session {session.candidate_ref} uses profile {profile.id}, not {profile_id}."
            )
        if header is None:
            header = csv_header(profile)
            profile_id = profile.id
        elif csv_header(profile) != header:
            raise ExportError(
                "The selected sessions use different profiles (or versions of a profile); "
                "export one profile at a time."
            )
        rows.append(csv_row(session))
    if header is None:
        raise ExportError("No sessions to export.")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    writer.writerows(rows)
    return buffer.getvalue()
