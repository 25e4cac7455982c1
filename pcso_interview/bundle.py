"""Session files: one session (or one member's marks) as documented, versioned JSON.

Export never loses anything the sheet depends on; import validates the file, refuses a signed
session whose digest does not match its content (tampered), skips a session that is already
present and identical, refuses one that differs, and never overwrites. See
docs/session-format.md.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pcso_interview.files import write_atomic
from pcso_interview.lifecycle import Status
from pcso_interview.paths import DATA_DIR
from pcso_interview.phrases import Phrase, PhrasedError
from pcso_interview.session import Session, canonical_problem, record_parts

SESSION_FORMAT = "pcso-interview-session"
MEMBER_MARKS_FORMAT = "pcso-interview-member-marks"
# 2: sign-offs carry what they signed; withdrawals who and when. 3: the language the interview
# was held in (outside the signed content: no digest changes). A member-marks file is unchanged
# by 3, so it stays at 2 and a laptop not yet updated still takes one.
FORMAT_VERSION = 3
MEMBER_MARKS_VERSION = 2
SCHEMA_FILE = DATA_DIR / "session-file.schema.json"


class BundleError(PhrasedError, ValueError):
    """A session file that cannot be used; the message names the file and the reason."""


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


def _marks_list(session: Session, member_id: str | None = None) -> list[dict[str, Any]]:
    return [
        {
            "member": m,
            "indicator": i,
            "classification": mark.classification.value,
            "note": mark.note,
        }
        for (m, i), mark in sorted(session.marks.items())
        if member_id is None or m == member_id
    ]


def _notes_list(session: Session, member_id: str | None = None) -> list[dict[str, Any]]:
    return [
        {"member": m, "area": a, "note": note}
        for (m, a), note in sorted(session.area_notes.items())
        if member_id is None or m == member_id
    ]


def _grades_list(session: Session, member_id: str | None = None) -> list[dict[str, Any]]:
    return [
        {"member": m, "area": a, "grade": g}
        for (m, a), g in sorted(session.grades.items())
        if member_id is None or m == member_id
    ]


def session_to_dict(session: Session, digest: str = "") -> dict[str, Any]:
    """The file form of a session. ``digest`` is the stored digest of a signed session."""
    return {
        "format": SESSION_FORMAT,
        "version": FORMAT_VERSION,
        "session": {
            "id": session.id,
            "status": session.status.value,
            "version": session.version,
            "created_at": session.created_at,
            "updated_at": session.updated_at,
            "withdrawn_reason": session.withdrawn_reason,
            "withdrawn_at": session.withdrawn_at,
            "withdrawn_by": session.withdrawn_by,
            # A copy all the way down: the snapshot's lists are the kept session's own, and a
            # caller changing the file form must not change the record it was made from.
            "profile": copy.deepcopy(dict(session.profile_snapshot)),
            "candidate": {"name": session.candidate_name, "reference": session.candidate_ref},
            "date": session.date,
            "venue": session.venue,
            "panel": [
                {"id": m.id, "name": m.name, "role": m.role.value, "number": m.number}
                for m in session.panel
            ],
            "questions": dict(sorted(session.questions.items())),
            "marks": _marks_list(session),
            "area_notes": _notes_list(session),
            "grades": _grades_list(session),
            "agreed": [
                {"area": a, "grade": ag.grade, "rationale": ag.rationale}
                for a, ag in sorted(session.agreed.items())
            ],
            "signoffs": [
                {**s.to_dict(), "content_digest": s.content_digest or session.content_digest()}
                for s in session.signoffs
            ],
            "revisions": [r.to_dict() for r in session.revisions],
            **({"previous": session.previous.to_dict()} if session.previous else {}),
            "outcome": session.outcome.to_dict(),
            "digest": digest,
            "interview_language": session.interview_language,
        },
    }


def session_from_dict(data: Mapping[str, Any]) -> Session:
    """Rebuild the aggregate from a validated file's ``session`` object."""
    s = data["session"]
    return Session(
        id=s["id"],
        profile_snapshot=s["profile"],
        status=Status(s["status"]),
        version=s["version"],
        withdrawn_reason=s["withdrawn_reason"],
        withdrawn_at=s.get("withdrawn_at", ""),
        withdrawn_by=s.get("withdrawn_by", ""),
        created_at=s["created_at"],
        updated_at=s["updated_at"],
        # A file written before version 3 does not say: the interview was in English, as a
        # session made before the language was recorded reads.
        interview_language=s.get("interview_language", "en"),
        **record_parts(s),
    )


def member_marks_to_dict(session: Session, member_id: str) -> dict[str, Any]:
    """One member's marks, for a panel that scores on separate laptops."""
    member = session.member(member_id)
    return {
        "format": MEMBER_MARKS_FORMAT,
        "version": MEMBER_MARKS_VERSION,
        "session_id": session.id,
        "candidate_ref": session.candidate_ref,
        "member": {"id": member.id, "name": member.name, "number": member.number},
        "marks": _marks_list(session, member_id),
        "area_notes": _notes_list(session, member_id),
        "grades": _grades_list(session, member_id),
    }


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomic(Path(path), text.encode("utf-8"))


def read_bundle(path: Path) -> dict[str, Any]:
    """Read and validate a session or member-marks file; BundleError names what is wrong.

    Size, nesting and numbers are bounded before anything else, and a session's profile
    passes exactly the checks of ``profiles --check``.
    """
    from pcso_interview import jsonfiles

    try:
        data = jsonfiles.read(path, max_bytes=jsonfiles.SESSION_FILE_BYTES)
    except FileNotFoundError:
        raise BundleError(Phrase.of("import.no_file", path=str(path))) from None
    except OSError as exc:
        raise BundleError(
            Phrase.of("import.unreadable", path=str(path), reason=str(exc.strerror or exc))
        ) from None
    except jsonfiles.JsonFileError as exc:
        raise BundleError(
            Phrase.of("import.json", path=str(path), problem=exc.phrase or str(exc))
        ) from None
    newest = {SESSION_FORMAT: FORMAT_VERSION, MEMBER_MARKS_FORMAT: MEMBER_MARKS_VERSION}
    if isinstance(data, dict) and data.get("format") in newest:
        version = data.get("version")
        if isinstance(version, int) and version > newest[data["format"]]:
            raise BundleError(Phrase.of("import.newer", path=str(path), version=str(version)))
    kind = data.get("format") if isinstance(data, dict) else None
    if kind not in (SESSION_FORMAT, MEMBER_MARKS_FORMAT):
        raise BundleError(Phrase.of("import.not_ours", path=str(path)))
    part = "session_file" if kind == SESSION_FORMAT else "member_marks_file"
    sub_schema = {k: v for k, v in schema().items() if k != "oneOf"} | {"$ref": f"#/$defs/{part}"}
    from jsonschema.exceptions import best_match

    from pcso_interview.profiles import strict_validator

    error = best_match(strict_validator(sub_schema).iter_errors(data))
    if error is not None:
        raise BundleError(
            Phrase.of("import.schema", path=str(path), where=error.json_path, problem=error.message)
        )
    if data["format"] == SESSION_FORMAT:
        _check_profile(path, data["session"]["profile"])
    elif data["version"] >= 2 and "number" not in data["member"]:
        raise BundleError(Phrase.of("import.member_number_missing", path=str(path)))
    checked: dict[str, Any] = data
    return checked


def _check_profile(path: Path, snapshot: Mapping[str, Any]) -> None:
    """The profile inside a session file is held to the rules of a force file."""
    from pcso_interview.profiles import PROFILES_FORMAT, ProfileFileError, parse_profiles

    wrapped = {"format": PROFILES_FORMAT, "version": 1, "profiles": [snapshot]}
    try:
        parse_profiles(wrapped, str(path), kept_copy=True)
    except ProfileFileError as exc:
        where = exc.error.json_path.replace("$.profiles[0]", "$.session.profile", 1)
        raise BundleError(
            Phrase.of("import.schema", path=str(path), where=where, problem=exc.error.message)
        ) from None
    # The app keeps a decimal weight or pass mark as text ("1.5"), which the digest can hold;
    # a number with a decimal point in a session's profile was written by someone else.
    problem = canonical_problem(snapshot, "$.session.profile")
    if problem:
        raise BundleError(Phrase.of("import.decimal", path=str(path), problem=problem))


def check_details(session: Session, source: str) -> None:
    """The candidate, reference, date, venue and panel are held to the rule of a session set
    up here (``pcso_interview.session.details_problems``), exactly as written: the file may be
    signed, and its digest covers them, so nothing is stripped or cleaned; it is refused."""
    problems = session.detail_problems()
    if problems:
        raise BundleError(problems[0].imported(source))


def check_consistent(session: Session, source: str) -> None:
    """Every mark names a panel member and an indicator of the snapshot; grades are on scale."""
    members = {m.id for m in session.panel}
    profile = session.profile
    indicators = {i.id for a in profile.areas for i in a.indicators}
    areas = {a.id for a in profile.areas}
    planned = {p.area for p in profile.plan}
    problems = [
        Phrase.of("import.bad.mark_member", path=source, member=repr(who))
        for who, _ in session.marks
        if who not in members
    ]
    problems += [
        Phrase.of("import.bad.indicator", path=source, indicator=repr(i))
        for _, i in session.marks
        if i not in indicators
    ]
    problems += [
        Phrase.of("import.bad.note_area", path=source, area=repr(a))
        for _, a in session.area_notes
        if a not in areas
    ]
    graded = [*session.grades.items(), *((("", a), ag.grade) for a, ag in session.agreed.items())]
    problems += [
        Phrase.of("import.bad.grade_area", path=source, area=repr(a))
        for (_, a), _ in graded
        if a not in planned
    ]
    problems += [
        Phrase.of("import.bad.grade", path=source, area=repr(a), problem=off)
        for (_, a), g in graded
        if (off := profile.scale.grade_problem_phrase(g)) is not None
    ]
    problems += [
        Phrase.of("import.bad.signoff_member", path=source, member=repr(s.member_id))
        for s in session.signoffs
        if s.member_id not in members
    ]
    signers = [s.member_id for s in session.signoffs]
    problems += [
        Phrase.of("import.bad.signs_twice", path=source, member=repr(m))
        for m in sorted(set(signers))
        if signers.count(m) > 1
    ]
    if session.status is Status.SIGNED and session.unsigned_members:
        names = ", ".join(m.name for m in session.unsigned_members)
        problems.append(Phrase.of("import.bad.unsigned", path=source, names=names))
    if session.signoffs and session.status is not Status.SIGNED:
        # No digest of the whole covers these signatures: each must name what it signed.
        content = session.content_digest()
        for s in session.signoffs:
            name = _member_name(session, s.member_id)
            if not s.content_digest:
                problems.append(Phrase.of("import.bad.signature_unsaid", path=source, name=name))
            elif s.content_digest != content:
                problems.append(Phrase.of("import.bad.signature_other", path=source, name=name))
    if session.signoffs and session.status is not Status.SIGNED and not session.unsigned_members:
        # The last signature locks a session: this one was signed and set back by hand.
        problems.append(Phrase.of("import.bad.not_marked_signed", path=source))
    if problems:
        raise BundleError(problems[0])


def _member_name(session: Session, member_id: str) -> str:
    return next((m.name for m in session.panel if m.id == member_id), member_id)


@dataclass(frozen=True)
class SignedCheck:
    matches: bool
    stored: str
    computed: str


def check_signed_digest(data: Mapping[str, Any]) -> SignedCheck | None:
    """For a signed session file: does the recorded digest match its content? None if unsigned."""
    stored = data["session"].get("digest", "")
    if data["session"]["status"] != Status.SIGNED.value:
        return None
    computed = session_from_dict(data).digest()
    return SignedCheck(stored == computed, stored, computed)
