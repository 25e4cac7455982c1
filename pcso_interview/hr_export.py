"""CSV export for HR: one row per session, across profiles, one column per area of the union.

Each row carries what HR files and checks: campaign, venue, panel, the agreed grade of every
area (blank where the session's profile does not grade it), the outcome with its reasons, and
for a signed session when it was signed, its sheet version and digest.

Cells that a spreadsheet would read as a formula (starting with =, +, -, @, or a tab or
carriage return) are neutralised with a leading apostrophe, so the file is safe to open.
Equality-monitoring data is never part of this file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pcso_interview.facts import (
    FactsBatch,
    SessionFacts,
    Steps,
    agreed_grades,
    outcome_of,
    release,
    step,
)
from pcso_interview.files import write_atomic
from pcso_interview.lifecycle import Status
from pcso_interview.profiles import Profile
from pcso_interview.session import Session

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?%?")

LEADING = [
    "session_id",
    "date",
    "candidate_reference",
    "candidate_name",
    "campaign",
    "force",
    "role",
    "profile",
    "venue",
    "panel",
    "status",
]
TRAILING = [
    "weighted_total",
    "weighted_max",
    "percentage",
    "outcome",
    "reasons",
    "signed_at",
    "sheet_version",
    "digest",
]


class ExportError(ValueError):
    """Nothing can be exported (no sessions); the message says why."""


def neutralise(value: object) -> str:
    """A cell as text, made inert for spreadsheets."""
    text = "" if value is None else str(value)
    if PLAIN_NUMBER.fullmatch(text):
        return text  # a plain number such as -0.25 cannot run anything and stays a number
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def panel_text(facts: SessionFacts) -> str:
    """Each member with role and number: "Ann Chair (chair, 1001); Bob Member (2002)"."""
    parts = []
    for m in facts.panel:
        details = [d for d in ("chair" if m.is_chair else "", m.number) if d]
        parts.append(f"{m.name} ({', '.join(details)})" if details else m.name)
    return "; ".join(parts)


def facts_of_session(
    session: Session, campaign: str = "", digest: str = "", signed_at: str = ""
) -> SessionFacts:
    """The facts of a whole session (as the store's bulk read gives them)."""
    signed = session.status is Status.SIGNED
    return SessionFacts(
        session_id=session.id,
        snapshot=session.profile.id,
        candidate_name=session.candidate_name,
        candidate_ref=session.candidate_ref,
        date=session.date,
        venue=session.venue,
        campaign=campaign,
        status=session.status.value,
        version=session.version,
        panel=session.panel,
        grades=dict(session.grades),
        recorded={a: agreed.grade for a, agreed in session.agreed.items()},
        revised=tuple((r.member_id, r.area_id) for r in session.revisions),
        signed_at=(
            signed_at or max((s.signed_at for s in session.signoffs), default="") if signed else ""
        ),
        digest=digest if signed else "",
        withdrawn_reason=session.withdrawn_reason,
    )


class CsvExport:
    """Rows added one session at a time; the header (the union of every session's areas, in
    the order first met) is known once all are in."""

    def __init__(self) -> None:
        self._areas: dict[str, list[str]] = {}  # area id -> its names, as profiles word them
        self._rows: list[tuple[list[str], dict[str, str], list[str]]] = []

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, facts: SessionFacts, profile: Profile) -> None:
        for area in profile.planned_areas:
            names = self._areas.setdefault(area.id, [])
            if area.name not in names:
                names.append(area.name)
        withdrawn = facts.status == Status.WITHDRAWN.value
        outcome = outcome_of(facts, profile)
        result = "withdrawn" if withdrawn else outcome.result.value
        agreed = {
            a: "" if g is None else profile.scale.label(g)  # "B" on a lettered scale
            for a, g in agreed_grades(facts, profile).items()
        }
        signed = facts.status == Status.SIGNED.value
        self._rows.append(
            (
                [
                    facts.session_id,
                    facts.date,
                    facts.candidate_ref,
                    facts.candidate_name,
                    facts.campaign,
                    profile.force,
                    profile.role_title,
                    profile.id,
                    facts.venue,
                    panel_text(facts),
                    facts.status,
                ],
                agreed,
                [
                    outcome.total_text,
                    outcome.max_text,
                    outcome.percentage_text,
                    result,
                    facts.withdrawn_reason if withdrawn else "; ".join(outcome.reasons),
                    facts.signed_at if signed else "",
                    str(facts.version),
                    facts.digest if signed else "",
                ],
            )
        )

    def release(self) -> None:
        """Let the rows go a slice at a time (facts.release)."""
        release(self._rows)

    def header(self) -> list[str]:
        return [
            *LEADING,
            *(f"agreed: {' / '.join(names)}" for names in self._areas.values()),
            *TRAILING,
        ]

    def text(self) -> str:
        return "".join(self._pieces())

    def data(self) -> bytes:
        """The file's bytes: UTF-8 with a byte-order mark (so a spreadsheet reads it as
        UTF-8), encoded a thousand rows at a time rather than as one long run of C."""
        return b"".join([b"\xef\xbb\xbf", *(piece.encode("utf-8") for piece in self._pieces())])

    def _pieces(self, rows_each: int = 1000) -> Iterator[str]:
        if not self._rows:
            raise ExportError("No sessions to export.")
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([neutralise(h) for h in self.header()])
        for count, (leading, agreed, trailing) in enumerate(self._rows, start=1):
            cells = [*leading, *(agreed.get(area, "") for area in self._areas), *trailing]
            writer.writerow([neutralise(c) for c in cells])
            if count % rows_each == 0:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()


def sessions_csv(sessions: Iterable[Session], campaigns: dict[str, str] | None = None) -> str:
    """The CSV text of whole sessions, of one profile or many."""
    export = CsvExport()
    for session in sessions:
        export.add(
            facts_of_session(session, (campaigns or {}).get(session.id, "")), session.profile
        )
    return export.text()


class FactsSource(Protocol):
    def session_facts(self, session_ids: Sequence[str]) -> FactsBatch: ...


@dataclass(frozen=True)
class Exported:
    """What an export wrote, and where."""

    sessions: int
    path: Path
    areas: int  # columns of agreed grades (the union of the sessions' areas)

    def describe(self) -> str:
        return f"Wrote {self.sessions:,} session(s) to {self.path}"


EXPORT_BATCH = 500


def export_csv_file(
    source: FactsSource, session_ids: Sequence[str], path: Path, steps: Steps | None = None
) -> Exported:
    """Read the sessions a batch at a time and write their CSV to ``path`` (atomically, once
    everything is in). Stopped part-way (``steps`` answers False), nothing is written."""
    export = CsvExport()
    total = len(session_ids)
    for start in range(0, total, EXPORT_BATCH):
        step(steps, start, total, "Reading the sessions")
        batch = source.session_facts(session_ids[start : start + EXPORT_BATCH])
        for facts in batch.facts:
            export.add(facts, batch.profile(facts))
    step(steps, total, total, "Writing the file")
    data = export.data()
    step(steps, total, total, "Writing the file")
    write_atomic(path, data)
    exported = Exported(len(export), path, len(export.header()) - len(LEADING) - len(TRAILING))
    export.release()
    return exported
