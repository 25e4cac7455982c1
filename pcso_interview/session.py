"""The session aggregate: one candidate's interview, its lifecycle, canonical JSON and digest.

The aggregate is a read model: the store loads it, the UI and the marking sheet read it, and
the rules that decide whether an edit is allowed live here so that every caller applies the
same ones. The digest is a SHA-256 over canonical JSON of the signed content, so anyone can
check that a sheet matches the record.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from typing import Any

from pcso_interview.lifecycle import SessionRuleError, Status
from pcso_interview.phrases import Phrase
from pcso_interview.plain_text import refused_character
from pcso_interview.profiles import Area, Profile, question_key_area
from pcso_interview.scoring import (
    Classification,
    ClassificationCounts,
    Method,
    Outcome,
    classification_counts,
    derived_agreed_grade,
    evaluate_outcome,
    rationale_required,
    spread_flagged,
)

SIGNED_CONTENT_FORMAT = "pcso-interview-signed-content/1"
DECLARATION = (
    "I confirm that the evidence, classifications and grades recorded here under my name are my "
    "own, made independently and fairly against the indicators of this profile, and that the "
    "agreed grades and outcome are those the panel agreed."
)
MAX_PANEL = 5
# The longest each detail may be, in characters: far beyond any real name, reference or venue,
# and what the marking sheet still lays out in full in any script (a longer one overflowed its
# page); tests/reports/test_sheet_limits.py holds the sheet to it.
MAX_CANDIDATE_NAME = 200
MAX_REFERENCE = 64
MAX_VENUE = 200
MAX_MEMBER_NAME = 120
MAX_NUMBER = 32  # a staff or collar number
_ISO_DAY = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Role(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"


class SignMethod(StrEnum):
    TYPED = "typed"
    DRAWN = "drawn"


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    role: Role
    number: str  # staff or collar number

    def __post_init__(self) -> None:
        # Rows and files give the role as text: it becomes the enum, or is refused in words.
        if not isinstance(self.role, Role):
            if self.role not in tuple(Role):
                raise SessionRuleError(
                    f"{self.name}: the role must be chair or member, not {self.role!r}."
                )
            object.__setattr__(self, "role", Role(self.role))

    @property
    def is_chair(self) -> bool:
        return self.role is Role.CHAIR


@dataclass(frozen=True)
class Mark:
    classification: Classification = Classification.NONE
    note: str = ""


@dataclass(frozen=True)
class Agreed:
    grade: int
    rationale: str = ""


@dataclass(frozen=True)
class Revision:
    """A member changed an area's grade after seeing the other members' grades: the panel,
    the audit and the sheet all say so."""

    member_id: str
    area_id: str
    old: int
    new: int | None
    at: str

    def to_dict(self) -> dict[str, object]:
        return {
            "member": self.member_id,
            "area": self.area_id,
            "old": self.old,
            "new": "" if self.new is None else self.new,
            "at": self.at,
        }


@dataclass(frozen=True)
class PreviousVersion:
    """What a version 2 or later replaces, and why: the sheet says so."""

    version: int
    signed_at: str
    reopened_at: str
    reopened_by: str
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "signed_at": self.signed_at,
            "reopened_at": self.reopened_at,
            "reopened_by": self.reopened_by,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PreviousVersion:
        return cls(d["version"], d["signed_at"], d["reopened_at"], d["reopened_by"], d["reason"])


@dataclass(frozen=True)
class SignOff:
    member_id: str
    method: SignMethod
    typed_name: str
    signature_png_b64: str
    signed_at: str  # ISO 8601, UTC
    declaration: str = DECLARATION
    # SHA-256 of the content this member signed (the signed content without signatures): a
    # signature moved onto changed marks no longer matches. Not itself part of the content.
    content_digest: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.method, SignMethod):
            object.__setattr__(self, "method", SignMethod(self.method))

    def to_dict(self) -> dict[str, str]:
        """The form used in the signed content and in session files."""
        return {
            "member": self.member_id,
            "method": self.method.value,
            "typed_name": self.typed_name,
            "signature_png_b64": self.signature_png_b64,
            "signed_at": self.signed_at,
            "declaration": self.declaration,
        }


def check_panel(panel: tuple[Member, ...]) -> None:
    """1 to 5 members, each named, exactly one chair, no duplicate ids."""
    if not 1 <= len(panel) <= MAX_PANEL:
        raise SessionRuleError(
            Phrase.of("error.panel_size", most=str(MAX_PANEL), count=str(len(panel)))
        )
    if len({m.id for m in panel}) != len(panel):
        raise SessionRuleError(Phrase.of("error.panel_ids"))
    for m in panel:
        if not m.name.strip():
            raise SessionRuleError(Phrase.of("error.panel_name"))
    chairs = sum(m.is_chair for m in panel)
    if chairs != 1:
        raise SessionRuleError(Phrase.of("error.panel_chairs", count=str(chairs)))


@dataclass(frozen=True)
class DetailProblem:
    """A session's detail (a name, the reference, the date, the venue) that cannot be kept, and
    why: one rule for a session set up here and one imported, each worded its own way."""

    field: Phrase  # which detail, as the set-up dialog labels it
    problem: Phrase  # what is wrong with it

    def typed(self) -> Phrase:
        """The refusal of typed details (stripped before they are checked): a missing name
        or a wrong date in the words the set-up dialog has always used."""
        blank = self.problem.key == "detail.blank"
        if blank and self.field.key in _ENTER:
            return Phrase.of(_ENTER[self.field.key])
        if self.problem.key == "detail.not_a_date":
            return Phrase.of("error.not_a_date", day=dict(self.problem.fields)["day"])
        return Phrase.of("error.detail", field=self.field, problem=self.problem)

    def imported(self, path: str) -> Phrase:
        """The refusal of a session file: signed content is never altered, so the file is
        refused as written, naming the detail."""
        return Phrase.of("import.bad.detail", path=path, field=self.field, problem=self.problem)


_ENTER = {
    "field.candidate_name": "error.candidate_name",
    "field.candidate_ref": "error.candidate_ref",
    "field.member_name": "error.panel_name",
}


def text_problem(text: str, most: int, *, required: bool = True) -> Phrase | None:
    """What is wrong with one detail's text as it would be kept, or None: blank (when
    required), spaces at either end, a control or invisible character, longer than ``most``.
    A control character is named first: str.strip() takes some (U+001C to U+001F, U+0085) for
    spaces, and "begins or ends with a space" would hide what the text holds."""
    if not text:
        return Phrase.of("detail.blank") if required else None
    where = refused_character(text)
    if where is not None:
        return Phrase.of(
            "detail.control", character=f"U+{ord(text[where]):04X}", position=str(where + 1)
        )
    if not text.strip():
        return Phrase.of("detail.blank") if required else Phrase.of("detail.spaces")
    if text != text.strip():
        return Phrase.of("detail.spaces")
    if len(text) > most:
        return Phrase.of("detail.long", length=str(len(text)), most=str(most))
    return None


def date_problem(day: str) -> Phrase | None:
    """A day must be written YYYY-MM-DD and be on the calendar (not 2026-02-30, 0000-00-00)."""
    from datetime import date

    if _ISO_DAY.fullmatch(day):
        try:
            date.fromisoformat(day)
        except ValueError:
            pass
        else:
            return None
    return Phrase.of("detail.not_a_date", day=repr(day))


def details_problems(
    candidate_name: str, candidate_ref: str, day: str, venue: str, panel: Iterable[Member]
) -> tuple[DetailProblem, ...]:
    """Every detail of a session that cannot be kept, exactly as given (nothing is stripped):
    the one rule for sessions set up, edited and imported. Empty when all can be kept."""
    found: list[DetailProblem] = []

    def check(field: Phrase, problem: Phrase | None) -> None:
        if problem is not None:
            found.append(DetailProblem(field, problem))

    check(Phrase.of("field.candidate_name"), text_problem(candidate_name, MAX_CANDIDATE_NAME))
    check(Phrase.of("field.candidate_ref"), text_problem(candidate_ref, MAX_REFERENCE))
    check(Phrase.of("field.date"), date_problem(day))
    check(Phrase.of("field.venue"), text_problem(venue, MAX_VENUE, required=False))
    for position, member in enumerate(panel, 1):
        found += member_problems(member, position)
    return tuple(found)


def member_problems(member: Member, position: int) -> tuple[DetailProblem, ...]:
    """What in a panel member's name and number cannot be kept; ``position`` (from 1) names
    the member as the set-up dialog's rows and a file's panel list count them."""
    number = str(position)
    found = [
        DetailProblem(Phrase.of(key, number=number), problem)
        for key, problem in (
            ("field.member_name", text_problem(member.name, MAX_MEMBER_NAME)),
            ("field.member_number", text_problem(member.number, MAX_NUMBER, required=False)),
        )
        if problem is not None
    ]
    return tuple(found)


def check_details(
    candidate_name: str,
    candidate_ref: str,
    day: str,
    venue: str = "",
    panel: Iterable[Member] = (),
) -> None:
    """Refuse typed details that cannot be kept (the caller strips them first), in words."""
    problems = details_problems(candidate_name, candidate_ref, day, venue, panel)
    if problems:
        raise SessionRuleError(problems[0].typed())


@dataclass(frozen=True)
class Session:
    id: str
    profile_snapshot: Mapping[str, Any]
    candidate_name: str
    candidate_ref: str
    date: str  # YYYY-MM-DD
    venue: str
    panel: tuple[Member, ...]
    status: Status = Status.SETUP
    version: int = 1
    questions: Mapping[str, str] = field(default_factory=dict)
    marks: Mapping[tuple[str, str], Mark] = field(default_factory=dict)  # (member, indicator)
    area_notes: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (member, area)
    grades: Mapping[tuple[str, str], int] = field(default_factory=dict)  # (member, area)
    agreed: Mapping[str, Agreed] = field(default_factory=dict)  # area -> recorded agreed grade
    signoffs: tuple[SignOff, ...] = ()
    withdrawn_reason: str = ""
    withdrawn_at: str = ""
    withdrawn_by: str = ""
    created_at: str = ""
    updated_at: str = ""
    revisions: tuple[Revision, ...] = ()
    previous: PreviousVersion | None = None  # version 2 and later: the one it replaces
    blind: bool = field(default=False, compare=False)  # a member's view before submitting
    # What the store found wrong with a locked record (edited rows, a broken audit chain);
    # empty when it verifies. The screens and the sheet then say so instead of "signed off".
    record_problems: tuple[str, ...] = field(default=(), compare=False)
    profile_cache: Profile | None = field(default=None, compare=False, repr=False)
    # The language the interview was held in, "en" or "cy". Not signed content: never in
    # signed_content() or the digest (see the store's migration 006).
    interview_language: str = field(default="en", compare=False)

    @cached_property
    def profile(self) -> Profile:
        return self.profile_cache or Profile.from_dict(self.profile_snapshot)

    def detail_problems(self) -> tuple[DetailProblem, ...]:
        """What in this session's details could not be kept (see ``details_problems``)."""
        return details_problems(
            self.candidate_name, self.candidate_ref, self.date, self.venue, self.panel
        )

    # --- panel -------------------------------------------------------------------------------

    @property
    def chair(self) -> Member:
        return next(m for m in self.panel if m.is_chair)

    def member(self, member_id: str) -> Member:
        for m in self.panel:
            if m.id == member_id:
                return m
        raise SessionRuleError(Phrase.of("error.no_member", member=repr(member_id)))

    # --- areas -------------------------------------------------------------------------------

    @property
    def planned_areas(self) -> tuple[Area, ...]:
        return self.profile.planned_areas

    def question(self, area_id: str) -> str:
        """The area's (first) question: as typed for this session, else the profile's."""
        return self.question_text(area_id)

    def question_text(self, key: str) -> str:
        """One question by its key (the area id, or 'area-id#2' for an area's second)."""
        typed = self.questions.get(key)
        if typed:
            return typed
        planned = self.profile.planned(question_key_area(key))
        number = planned.question_keys.index(key) if key in planned.question_keys else -1
        if number < 0:
            raise SessionRuleError(f"No question {key!r} in this profile.")
        return planned.questions[number] if number < len(planned.questions) else ""

    def area_questions(self, area_id: str) -> list[tuple[str, str]]:
        """Each question of the area, in order, as (key, text): every one is recorded."""
        keys = self.profile.planned(area_id).question_keys
        return [(key, self.question_text(key)) for key in keys]

    def area_of_indicator(self, indicator_id: str) -> Area:
        for area in self.profile.areas:
            if any(i.id == indicator_id for i in area.indicators):
                return area
        raise SessionRuleError(f"No indicator {indicator_id!r} in this profile.")

    # --- one member's marks --------------------------------------------------------------------

    def mark(self, member_id: str, indicator_id: str) -> Mark:
        return self.marks.get((member_id, indicator_id), Mark())

    def counts(self, member_id: str, area_id: str) -> ClassificationCounts:
        area = self.profile.area(area_id)
        marks = {
            i.id: self.marks[(member_id, i.id)].classification
            for i in area.indicators
            if (member_id, i.id) in self.marks
        }
        return classification_counts((i.id for i in area.indicators), marks)

    def graded_count(self, member_id: str) -> int:
        return sum((member_id, a.id) in self.grades for a in self.planned_areas)

    def has_submitted(self, member_id: str) -> bool:
        """A member who has graded every planned area may see the others' marks."""
        return self.graded_count(member_id) == len(self.planned_areas)

    @property
    def all_submitted(self) -> bool:
        return all(self.has_submitted(m.id) for m in self.panel)

    def member_grades(self, area_id: str) -> dict[str, int]:
        return {m.id: g for m in self.panel if (g := self.grades.get((m.id, area_id))) is not None}

    # --- the panel's agreed grades and outcome -------------------------------------------------

    def check_grade(self, grade: int) -> None:
        """Refuse a grade that is not on the profile's scale, in the scale's one wording."""
        problem = self.profile.scale.grade_problem_phrase(grade)
        if problem is not None:
            raise SessionRuleError(problem)

    def check_chair_agrees(self) -> None:
        """Only a consensus profile has agreed grades for the chair to record; the others
        derive them from the members' grades."""
        if self.profile.method is not Method.CONSENSUS:
            raise SessionRuleError(
                f"This profile derives agreed grades by the {self.profile.method!r} "
                "method; there is nothing for the chair to record."
            )

    def all_graded(self, area_id: str) -> bool:
        """Every member has graded the area: only then may the panel agree a grade for it."""
        return all((m.id, area_id) in self.grades for m in self.panel)

    def agreed_grade(self, area_id: str) -> int | None:
        """The agreed grade per the profile's method: derived, or recorded by the chair; none
        until every member has graded the area (blind until then, whatever the method)."""
        if self.blind or not self.all_graded(area_id):
            return None
        derived = derived_agreed_grade(
            self.profile.method,
            self.member_grades(area_id),
            self.chair.id,
            (m.id for m in self.panel),
        )
        if derived is not None:
            return derived
        recorded = self.agreed.get(area_id)
        return (
            recorded.grade
            if recorded is not None and self.profile.method is Method.CONSENSUS
            else None
        )

    def visible_to(self, member_id: str) -> Session:
        """The session as ``member_id`` may see it: until they have graded every area, none of
        the other members' marks, notes or grades, and no agreed grade or total."""
        if self.has_submitted(member_id) or self.locked:
            return self

        own = {k: v for k, v in self.grades.items() if k[0] == member_id}
        return replace(
            self,
            marks={k: v for k, v in self.marks.items() if k[0] == member_id},
            area_notes={k: v for k, v in self.area_notes.items() if k[0] == member_id},
            grades=own,
            agreed={},
            revisions=(),
            blind=True,
        )

    # --- the same session with one change made (the store writes it; screens show it) -------

    def with_mark(
        self,
        member_id: str,
        indicator_id: str,
        classification: Classification | None = None,
        note: str | None = None,
    ) -> Session:
        old = self.mark(member_id, indicator_id)
        mark = Mark(
            old.classification if classification is None else classification,
            old.note if note is None else note,
        )
        return replace(self, marks={**self.marks, (member_id, indicator_id): mark})

    def with_area_note(self, member_id: str, area_id: str, text: str) -> Session:
        return replace(self, area_notes={**self.area_notes, (member_id, area_id): text})

    def with_grade(self, member_id: str, area_id: str, grade: int | None) -> Session:
        grades = {k: v for k, v in self.grades.items() if k != (member_id, area_id)}
        if grade is not None:
            grades[(member_id, area_id)] = grade
        return replace(self, grades=grades)

    def with_agreed(self, area_id: str, grade: int | None, rationale: str) -> Session:
        kept = {k: v for k, v in self.agreed.items() if k != area_id}
        if grade is not None:
            kept[area_id] = Agreed(grade, rationale)
        return replace(self, agreed=kept)

    def with_question(self, area_id: str, text: str) -> Session:
        return replace(self, questions={**self.questions, area_id: text})

    def revised(self, area_id: str) -> list[Revision]:
        return [r for r in self.revisions if r.area_id == area_id]

    def revision_text(self, revision: Revision) -> str:
        """A changed-after-reveal grade in words: one text for the screens and the sheet."""
        return str(self.revision_phrase(revision))

    def revision_phrase(self, revision: Revision) -> Phrase:
        """``revision_text`` as a phrase, for a screen or sheet in another language."""
        scale = self.profile.scale
        new: str | Phrase = (
            scale.label(revision.new)
            if revision.new is not None
            else Phrase.of("revision.no_grade")
        )
        return Phrase.of(
            "revision.changed",
            member=self.member(revision.member_id).name,
            old=scale.label(revision.old),
            new=new,
        )

    def rationale(self, area_id: str) -> str:
        recorded = self.agreed.get(area_id)
        return recorded.rationale if recorded is not None else ""

    def needs_rationale(self, area_id: str) -> bool:
        grade = self.agreed_grade(area_id)
        if grade is None:
            return False
        return rationale_required(self.profile.method, grade, self.member_grades(area_id).values())

    def rationale_missing(self, area_id: str) -> bool:
        return self.needs_rationale(area_id) and not self.rationale(area_id).strip()

    def spread_flagged(self, area_id: str) -> bool:
        return spread_flagged(self.member_grades(area_id).values())

    @property
    def agreed_grades(self) -> dict[str, int | None]:
        return {a.id: self.agreed_grade(a.id) for a in self.planned_areas}

    @property
    def outcome(self) -> Outcome:
        return evaluate_outcome(self.profile, self.agreed_grades)

    def signoff_blockers(self) -> list[str]:
        """What must be done before the panel can sign; empty when ready."""
        return [str(p) for p in self.signoff_blocker_phrases()]

    def signoff_blocker_phrases(self) -> list[Phrase]:
        """``signoff_blockers`` as phrases, for a screen in another language."""
        problems = []
        for m in self.panel:
            if not self.has_submitted(m.id):
                left = len(self.planned_areas) - self.graded_count(m.id)
                problems.append(Phrase.of("blocker.to_grade", member=m.name, count=str(left)))
        for area in self.planned_areas:
            if self.agreed_grade(area.id) is None:
                problems.append(Phrase.of("blocker.not_agreed", area=area.name))
            elif self.rationale_missing(area.id):
                problems.append(Phrase.of("blocker.rationale", area=area.name))
        return problems

    # --- sign-off ------------------------------------------------------------------------------

    def signoff(self, member_id: str) -> SignOff | None:
        return next((s for s in self.signoffs if s.member_id == member_id), None)

    @property
    def unsigned_members(self) -> tuple[Member, ...]:
        return tuple(m for m in self.panel if self.signoff(m.id) is None)

    @property
    def locked(self) -> bool:
        return self.status.locked

    def check_editable(self) -> None:
        if self.status is Status.SIGNED:
            raise SessionRuleError(Phrase.of("error.locked.signed"))
        if self.status is Status.WITHDRAWN:
            raise SessionRuleError(Phrase.of("error.locked.withdrawn"))
        if self.signoffs:
            raise SessionRuleError(Phrase.of("error.locked.signing"))

    # --- canonical content and digest ----------------------------------------------------------

    def signed_content(self) -> dict[str, Any]:
        """Everything a signature covers, as integers and strings only."""
        return (
            {
                "format": SIGNED_CONTENT_FORMAT,
                "session_id": self.id,
                "version": self.version,
                "profile": dict(self.profile_snapshot),
                "candidate": {"name": self.candidate_name, "reference": self.candidate_ref},
                "date": self.date,
                "venue": self.venue,
                "panel": [
                    {"id": m.id, "name": m.name, "role": m.role.value, "number": m.number}
                    for m in self.panel
                ],
                "questions": {
                    key: text for a in self.planned_areas for key, text in self.area_questions(a.id)
                },
                "marks": [
                    {
                        "member": member_id,
                        "indicator": indicator_id,
                        "classification": mark.classification.value,
                        "note": mark.note,
                    }
                    for (member_id, indicator_id), mark in sorted(self.marks.items())
                    if mark.classification is not Classification.NONE or mark.note
                ],
                "area_notes": [
                    {"member": member_id, "area": area_id, "note": note}
                    for (member_id, area_id), note in sorted(self.area_notes.items())
                    if note
                ],
                "grades": [
                    {"member": member_id, "area": area_id, "grade": grade}
                    for (member_id, area_id), grade in sorted(self.grades.items())
                ],
                "agreed": [
                    {
                        "area": area.id,
                        "grade": grade,
                        "rationale": self.rationale(area.id),
                    }
                    for area in self.planned_areas
                    if (grade := self.agreed_grade(area.id)) is not None
                ],
                "outcome": self.outcome.to_dict(),
                "signoffs": [s.to_dict() for s in sorted(self.signoffs, key=lambda s: s.member_id)],
            }
            | (  # only when there are some: records signed before they existed keep their digest
                {"revisions": [r.to_dict() for r in self.revisions]} if self.revisions else {}
            )
            | ({"previous": self.previous.to_dict()} if self.previous else {})
        )

    def digest(self) -> str:
        return digest(self.signed_content())

    def content_digest(self) -> str:
        """What a member signs: the signed content without the signatures."""
        return content_digest_of(self.signed_content())

    @property
    def record_verified(self) -> bool:
        return not self.record_problems

    @classmethod
    def from_signed_content(cls, content: Mapping[str, Any]) -> Session:
        """A signed version rebuilt from the content kept when it was signed: its sheet can be
        built again long after the session moved on (reopened, signed again)."""
        return cls(
            id=content["session_id"],
            profile_snapshot=content["profile"],
            status=Status.SIGNED,
            version=content["version"],
            **record_parts(content),
        )


def record_parts(d: Mapping[str, Any]) -> dict[str, Any]:
    """The parts of a session written out as JSON (signed content, session files), read back:
    one reading for both, so the two can never disagree."""
    return {
        "candidate_name": d["candidate"]["name"],
        "candidate_ref": d["candidate"]["reference"],
        "date": d["date"],
        "venue": d["venue"],
        "panel": tuple(Member(m["id"], m["name"], m["role"], m["number"]) for m in d["panel"]),
        "questions": dict(d["questions"]),
        "marks": {
            (m["member"], m["indicator"]): Mark(Classification(m["classification"]), m["note"])
            for m in d["marks"]
        },
        "area_notes": {(n["member"], n["area"]): n["note"] for n in d["area_notes"]},
        "grades": {(g["member"], g["area"]): g["grade"] for g in d["grades"]},
        "agreed": {a["area"]: Agreed(a["grade"], a["rationale"]) for a in d["agreed"]},
        "previous": PreviousVersion.from_dict(d["previous"]) if d.get("previous") else None,
        "revisions": tuple(
            Revision(
                r["member"], r["area"], r["old"], r["new"] if r["new"] != "" else None, r["at"]
            )
            for r in d.get("revisions", ())
        ),
        "signoffs": tuple(
            SignOff(
                x["member"],
                x["method"],
                x["typed_name"],
                x["signature_png_b64"],
                x["signed_at"],
                x["declaration"],
                x.get("content_digest", ""),
            )
            for x in d["signoffs"]
        ),
    }


def derived_status(session: Session) -> Status:
    """Where the recorded marks put an open session: the store moves it there after a change."""
    if session.signoffs:
        return Status.AWAITING_SIGNOFF
    if session.all_submitted:
        return Status.CONSENSUS
    if session.marks or session.grades or session.area_notes:
        return Status.SCORING
    return Status.SETUP if session.status is Status.SETUP else Status.SCORING


def _canonical_ok(value: Any) -> bool:
    """Fast check: integers, strings, lists and string-keyed objects only."""
    stack = [value]
    pop, extend = stack.pop, stack.extend  # every signed record walks thousands of values
    while stack:
        item = pop()
        kind = type(item)
        if kind is str or kind is int:
            continue
        if kind is list or kind is tuple:
            extend(item)
        elif kind is dict or isinstance(item, Mapping):
            for key in item:  # a loop, not any(<generator>): a third of the walk's time
                if type(key) is not str:
                    return False
            extend(item.values())
        else:
            return False
    return True


def _canonical_problem(value: Any, path: str = "$") -> str:
    """Where the first value that canonical JSON refuses is (slow; only after a failure)."""
    if isinstance(value, Mapping):
        for key, child in value.items():
            if type(key) is not str:
                return f"{path}: keys must be strings, not {key!r}"
            if problem := _canonical_problem(child, f"{path}.{key}"):
                return problem
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            if problem := _canonical_problem(child, f"{path}[{index}]"):
                return problem
    elif type(value) not in (str, int):
        return f"{path}: canonical JSON holds integers and strings only, not {value!r}"
    return ""


def canonical_problem(value: Any, path: str = "$") -> str:
    """Where ``value`` holds something canonical JSON refuses, and what; empty when nothing."""
    return "" if _canonical_ok(value) else _canonical_problem(value, path)


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8, integers and strings only: the same bytes everywhere."""
    if not _canonical_ok(value):
        raise TypeError(_canonical_problem(value))
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def digest(value: Any) -> str:
    return hashlib.sha256(canonical_json(value)).hexdigest()


def content_digest_of(signed_content: Mapping[str, Any]) -> str:
    """The digest a sign-off records: the signed content less its signatures."""
    return digest({k: v for k, v in signed_content.items() if k != "signoffs"})
