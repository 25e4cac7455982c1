"""What HR does, written once for the command line and the window alike: import session
files (a whole session, or one member's marks merged into the session here), reopen or
withdraw a batch of sessions, and name who is acting.

Each refusal comes back in the user's words with nothing changed; a batch carries on past a
refused session and reports every refusal at the end, so that forty refusals are one summary
rather than forty interruptions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pcso_interview import bundle
from pcso_interview.credentials import IdentityError
from pcso_interview.lifecycle import SessionRuleError, Status
from pcso_interview.phrases import Phrase, PhrasedError, phrase_of
from pcso_interview.store import LockedSessionError, Store, StoreError, UnknownSessionError
from pcso_interview.store.identity import User

COMMAND_LINE = "command line"  # the actor of a verb run without a sign-in (pdf, export)

# What a single session in a batch may be refused with; anything else is a fault and stops it.
REFUSALS = (SessionRuleError, LockedSessionError, UnknownSessionError, IdentityError, StoreError)

Progress = Callable[[int], bool]  # sessions done so far; False cancels what is left


class ImportRefused(PhrasedError):
    """A file that was not imported, and why, naming the file; nothing was changed."""


def _refused(exc: Exception) -> ImportRefused:
    """A refusal that keeps the phrase of the error behind it, if it has one."""
    return ImportRefused(phrase_of(exc) or str(exc))


def acting(user: User | None) -> str:
    """The name the audit records: the signed-in HR account, or the command line itself."""
    return user.name if user is not None else COMMAND_LINE


# --- importing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    path: Path
    message: str  # what happened, or why it was refused
    ok: bool
    phrase: Phrase | None = None  # the message, for a screen that words it in its language


def import_files(store: Store, paths: Sequence[Path], actor: str) -> list[Imported]:
    """Import each file in turn after one backup; a refused file leaves the others going."""
    if paths:
        store.backup("before-import")
    results = []
    for path in paths:
        try:
            done = _import_file(store, path, actor)
            results.append(Imported(path, str(done), True, phrase_of_text(done)))
        except ImportRefused as exc:
            results.append(Imported(path, str(exc), False, phrase_of(exc)))
    return results


def phrase_of_text(value: str | Phrase) -> Phrase | None:
    return value if isinstance(value, Phrase) else None


def import_file(store: Store, path: Path, actor: str) -> str:
    """Import one file; returns what happened; raises ImportRefused, changing nothing."""
    return str(_import_file(store, path, actor))


def _import_file(store: Store, path: Path, actor: str) -> str | Phrase:
    """``import_file``, saying what happened as a phrase where the screens word it."""
    try:
        data = bundle.read_bundle(path)
    except bundle.BundleError as exc:
        raise _refused(exc) from None
    if data["format"] == bundle.MEMBER_MARKS_FORMAT:
        return _merge_member_marks(store, path, data, actor)
    incoming = bundle.session_from_dict(data)
    try:
        bundle.check_details(incoming, str(path))
        bundle.check_consistent(incoming, str(path))
    except bundle.BundleError as exc:
        raise _refused(exc) from None
    check = bundle.check_signed_digest(data)
    if check is not None and not check.stored:
        raise ImportRefused(Phrase.of("import.no_digest", path=str(path)))
    if check is not None and not check.matches:
        raise ImportRefused(Phrase.of("import.tampered", path=str(path)))
    purge = store.purge_of(incoming.id)
    if purge is not None:
        raise ImportRefused(
            Phrase.of(
                "import.purged",
                path=str(path),
                session=incoming.id,
                date=purge.at[:10],
                who=purge.actor,
            )
        )
    try:
        existing = store.load(incoming.id)
    except UnknownSessionError:
        existing = None
    if existing is not None:
        here = bundle.session_to_dict(existing, store.verify(existing.id).stored_digest)
        if "interview_language" not in data["session"]:  # a file older than format 3
            here["session"].pop("interview_language")
        if here["session"] == data["session"]:
            return Phrase.of("import.identical", path=str(path), session=incoming.id)
        raise ImportRefused(Phrase.of("import.different", path=str(path), session=incoming.id))
    try:
        store.insert_session(incoming, data["session"]["digest"], actor)
    except SessionRuleError as exc:
        raise ImportRefused(f"{path}: {exc}") from None
    return Phrase.of(
        "import.imported", path=str(path), session=incoming.id, reference=incoming.candidate_ref
    )


def _merge_member_marks(store: Store, path: Path, data: dict[str, Any], actor: str) -> str | Phrase:
    """One member's marks, scored on another laptop, into the same session here."""
    try:
        here = store.load(data["session_id"])
    except UnknownSessionError:
        raise ImportRefused(
            Phrase.of("import.not_here", path=str(path), session=data["session_id"])
        ) from None
    member_id = data["member"]["id"]
    try:
        member = here.member(member_id)
    except SessionRuleError as exc:
        raise ImportRefused(f"{path}: {exc}") from None
    if data["candidate_ref"].strip().casefold() != here.candidate_ref.strip().casefold():
        raise ImportRefused(
            Phrase.of(
                "import.other_candidate",
                path=str(path),
                file_ref=repr(data["candidate_ref"]),
                session=here.id,
                here_ref=repr(here.candidate_ref),
            )
        )
    if "number" not in data["member"]:
        raise ImportRefused(Phrase.of("import.no_number", path=str(path)))
    named = (data["member"]["name"].strip(), data["member"]["number"].strip())
    if named != (member.name, member.number):
        raise ImportRefused(
            Phrase.of(
                "import.other_member",
                path=str(path),
                name=named[0],
                number=named[1] or Phrase.of("import.number_none"),
                member=member_id,
                here_name=member.name,
                here_number=member.number or Phrase.of("import.number_none"),
            )
        )
    wrapped = {
        "session": {
            **bundle.session_to_dict(here)["session"],
            "marks": data["marks"],
            "area_notes": data["area_notes"],
            "grades": data["grades"],
            "agreed": [],
            "signoffs": [],
            # Only marks ride in this wrapper: whether the session here is still open is
            # for merge_member_marks to judge, not a signed status with no signatures.
            "status": Status.SCORING.value,
        }
    }
    incoming = bundle.session_from_dict(wrapped)
    if any(m != member_id for m, _ in [*incoming.marks, *incoming.grades, *incoming.area_notes]):
        raise ImportRefused(Phrase.of("import.several_members", path=str(path)))
    try:
        bundle.check_consistent(incoming, str(path))
        conflicts = store.merge_member_marks(incoming, member_id, actor)
    except (bundle.BundleError, SessionRuleError) as exc:
        raise _refused(exc) from None
    if conflicts:
        listing = conflicts[-1]
        for conflict in reversed(conflicts[:-1]):
            listing = Phrase.of("list.more", first=conflict, rest=listing)
        raise ImportRefused(
            Phrase.of(
                "import.conflicts", path=str(path), count=str(len(conflicts)), listing=listing
            )
        )
    return Phrase.of("import.merged", path=str(path), member=member.name, session=here.id)


# --- batches -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchResult:
    """Which sessions a batch changed and which it could not, each with its refusal."""

    asked: int
    done: tuple[str, ...]
    refused: tuple[tuple[str, Exception], ...]
    cancelled: bool = False

    def summary(self, verb: str) -> str:
        """One line for the whole batch; ``verb`` is the past tense ("reopened")."""
        text = f"{len(self.done)} of {self.asked} session(s) {verb}"
        if self.refused:
            text += f"; {len(self.refused)} refused"
        if self.cancelled:
            text += "; the rest were left as they were (cancelled)"
        return text + "."


def reopen_many(
    store: Store, ids: Iterable[str], reason: str, actor: str, progress: Progress | None = None
) -> BatchResult:
    """HR reopens each signed or withdrawn session, with one audited reason for them all."""
    return _each(list(ids), lambda s: store.reopen(s, reason, actor), progress)


def withdraw_many(
    store: Store, ids: Iterable[str], reason: str, actor: str, progress: Progress | None = None
) -> BatchResult:
    """HR withdraws each candidate's session, with one audited reason for them all."""
    return _each(list(ids), lambda s: store.withdraw(s, reason, actor), progress)


def _each(ids: list[str], action: Callable[[str], None], progress: Progress | None) -> BatchResult:
    done: list[str] = []
    refused: list[tuple[str, Exception]] = []
    for count, session_id in enumerate(ids):
        if progress is not None and not progress(count):
            return BatchResult(len(ids), tuple(done), tuple(refused), cancelled=True)
        try:
            action(session_id)
        except REFUSALS as exc:
            refused.append((session_id, exc))
        else:
            done.append(session_id)
    if progress is not None:
        progress(len(ids))
    return BatchResult(len(ids), tuple(done), tuple(refused))
