"""Sentences the core makes, kept as a key and its fields so another layer can word them.

The core has no Qt and no language but English: a next step, an outcome's reasons or a grade
changed after the reveal read in English wherever the core's text is used (the record, the
CLI, the HR export, the tests). The Welsh interface (ui/labels.py) and the Welsh marking sheet
(reports/sheet_text.py) word the same key in their own language from the same fields, so no
Welsh sentence is built by patching an English one. ``str(phrase)`` is the English, exactly
as the core has always written it; tests check that the screens' and the sheet's English
templates for each key are these, word for word.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeAlias

# key: English template (str.format fields). One table, so every sentence another layer must
# word is listed in one place.
ENGLISH: Mapping[str, str] = {
    # the next step (pcso_interview.guidance)
    "step.open": "open a session",
    "step.read_only_view": "nothing: this is a read-only view",
    "step.locked": "nothing: this session is read-only ({shortcut} for the marking sheet)",
    "step.classify": "classify each indicator (D, P, C, N), then grade the area ({grade})",
    "step.next_area": "the next area ({shortcut}); {member} has areas still to grade",
    "step.waiting": "{members} to grade every area ({shortcut} to switch member)",
    "step.consensus": "agree the grades in Consensus ({shortcut})",
    "step.signoff": "sign off ({shortcut})",
    "keys.either": "{first} or {last}",
    "keys.lettered": "G then {best}-{worst}",
    # the outcome (pcso_interview.scoring)
    "outcome.score": "{total} of {maximum} ({percentage})",
    "outcome.points": "{points} points",
    "outcome.point": "{points} point",
    "outcome.passed.points": (
        "Every area is at or above its minimum; {score} is at least the pass mark of {mark}."
    ),
    "outcome.passed.percent": (
        "Every area is at or above its minimum; {score} is at least the {mark} pass mark."
    ),
    "outcome.below_minimum": "{area}: {grade}, below the minimum {minimum}",
    "outcome.below_pass_mark": "Weighted total {score}, below the pass mark of {mark}",
    "outcome.not_agreed": "{area}: no agreed grade yet",
    # what stands between the panel and sign-off (pcso_interview.session)
    "blocker.to_grade": "{member} has {count} area(s) still to grade.",
    "blocker.not_agreed": "{area}: no agreed grade yet.",
    "blocker.rationale": (
        "{area}: the agreed grade lies outside the members' grades; a rationale is required."
    ),
    # a grade changed after the reveal (pcso_interview.session)
    "revision.changed": (
        "{member} changed this grade from {old} to {new} after the grades were shown"
    ),
    "revision.no_grade": "no grade",
    # the profile (pcso_interview.profiles)
    "level.none": "not levelled",
    "level.competencies": "competencies at level {level}; values are not levelled",
    "level.one": "level {level}",
    "source.untitled": "Role profile",
    "source.untitled.dated": "Role profile, {date}",
    "scale.not_a_grade": "{text} is not a grade on this scale ({labels}).",
    # refusals a panel member or HR can meet in normal use (the errors' messages: the CLI and
    # the tests read the English; the screens word the key)
    "error.off_scale": "{value} is not a grade on this scale ({points}).",
    "error.agreed_waits": (
        "{area}: the agreed grade waits until every member has graded it (still to grade:"
        " {waiting})."
    ),
    "error.sign_how": "Sign by drawing a signature or typing your name.",
    "error.already_signed": "{member} has already signed.",
    "error.typed_name": "A typed signature is the member's own name as recorded: {member}.",
    "error.not_ready": "Not ready for sign-off: {blockers}",
    "error.cannot_move": "A session that is {current} cannot move to {target}.",
    # a status named inside a sentence (pcso_interview.lifecycle: the label, lower case)
    "status.setup": "setting up",
    "status.scoring": "scoring",
    "status.consensus": "consensus",
    "status.awaiting_signoff": "awaiting sign-off",
    "status.signed": "signed",
    "status.reopened": "reopened",
    "status.withdrawn": "withdrawn",
    "error.clear_reason": "Give a reason for clearing the signatures.",
    "error.locked.signed": "This session is signed off and locked; HR can reopen it with a reason.",
    "error.locked.withdrawn": "This session was withdrawn and is locked.",
    "error.locked.signing": (
        "Sign-off has begun; marks cannot change. Ask the chair to clear the signatures first."
    ),
    "error.candidate_name": "Enter the candidate's name.",
    "error.candidate_ref": "Enter the candidate reference.",
    "error.not_a_date": "{day} is not a date (use YYYY-MM-DD).",
    # a session's detail that cannot be kept (pcso_interview.session.details_problems): which
    # one, as the set-up dialog labels it, and what is wrong with it
    "error.detail": "{field}: {problem}.",
    "field.candidate_name": "Candidate name",
    "field.candidate_ref": "Candidate reference",
    "field.date": "Interview date",
    "field.venue": "Venue",
    "field.member_name": "Panel member {number} name",
    "field.member_number": "Panel member {number} staff or collar number",
    "detail.blank": "empty, or only spaces",
    "detail.spaces": "begins or ends with a space",
    "detail.control": (
        "holds a control or invisible character ({character} at character {position})"
    ),
    "detail.long": "{length} characters, more than the {most} allowed",
    "detail.not_a_date": "{day} is not a real date",
    "error.panel_size": "A panel has 1 to {most} members, not {count}.",
    "error.panel_ids": "Two panel members have the same id.",
    "error.panel_name": "Every panel member needs a name.",
    "error.panel_chairs": "A panel has exactly one chair, not {count}.",
    "error.reopen_reason": "Reopening needs a written reason.",
    "error.withdraw_reason": "Withdrawal needs a reason.",
    "error.pin.digits": "A PIN is 4 to 8 digits.",
    "error.pin.choose": (
        "Choose a PIN of 4 to 8 digits, or a passphrase of at least {least} characters."
    ),
    "error.passphrase.short": "A passphrase has at least {least} characters.",
    "error.pin.exists": "{member} already has a PIN; an HR admin can reset a forgotten one.",
    "error.pin.none": "{member} has no PIN yet: choose one first.",
    "error.pin.wait": "Too many wrong PINs for {member}: wait {wait} s and try again.",
    "error.pin.locked": "Wrong PIN for {member}, three times: wait {wait} s and try again.",
    "error.pin.wrong.one": "Wrong PIN for {member} ({left} more try).",
    "error.pin.wrong": "Wrong PIN for {member} ({left} more tries).",
    "error.passphrase.no_account": "No HR account named {name}.",
    "error.passphrase.wait": "Too many wrong passphrases for {name}: wait {wait} s.",
    "error.passphrase.wrong": "Wrong passphrase for {name}.",
    "error.db.busy": (
        "The database {path} is in use by another program{who}. Nothing was changed; close that"
        " program or wait for it to finish, then try again."
    ),
    "error.db.holder": " ({holder})",
    "error.db.damaged": "The database {path} is damaged and cannot be opened ({detail}).",
    "error.db.damaged.backup": "{damaged} The newest good backup is {backup}.",
    "error.db.damaged.no_backup": "{damaged} No good backup was found.",
    "error.db.damaged.wal": (
        "{damaged} A file {wal} lies beside it: if the database was copied or restored by"
        " hand, that file may belong to the copy it replaced. Move it and its -shm file to"
        " another folder (do not delete them) and open the database again."
    ),
    "error.db.is_folder": (
        "{path} is a folder, not a database file: give the path of the database file itself."
    ),
    "error.db.read_only": (
        "The database {path} (or its folder) is read-only, so nothing could be saved. Choose a"
        " writable location with --db; the file has not been changed."
    ),
    "error.db.folder": "Cannot create the folder {folder} for the database ({reason}).",
    "error.db.open": "Could not open the database {path}: {reason}",
    "error.db.newer": (
        "The database {path} was written by a newer version of pcso-interview (schema"
        " {version}; this version knows {known}). Update the app; the file has not been changed."
    ),
    # a session file imported (pcso_interview.use_cases.import_file)
    "import.no_file": "{path}: no such file",
    "import.unreadable": "{path}: cannot be read ({reason})",
    "import.newer": (
        "{path}: written by a newer version of pcso-interview (format version {version});"
        " update the app"
    ),
    "import.not_ours": "{path}: not a pcso-interview session or member-marks file",
    "import.no_digest": "{path}: refused: the session is marked signed but carries no digest",
    "import.tampered": (
        "{path}: refused as tampered: the signed session's digest does not match its content"
    ),
    "import.identical": "{path}: skipped, session {session} is already here and identical",
    "import.different": (
        "{path}: refused, session {session} is already here with different content; nothing"
        " was overwritten"
    ),
    "import.imported": "{path}: imported session {session} ({reference})",
    "import.purged": (
        "{path}: refused: session {session} was purged here on {date} by {who} (past its"
        " retention period); it is not brought back"
    ),
    "import.not_here": (
        "{path}: session {session} is not in this database; import the session first"
    ),
    "import.merged": "{path}: merged the marks of {member} into session {session}",
    "import.other_candidate": (
        "{path}: refused: the marks are for candidate {file_ref}, but session {session} is"
        " candidate {here_ref}"
    ),
    "import.no_number": (
        "{path}: refused: the file does not give the member's staff or collar number (an older"
        " version wrote it); export the marks again"
    ),
    "import.other_member": (
        "{path}: refused: the marks are by {name} ({number}), but member {member} of this"
        " session is {here_name} ({here_number})"
    ),
    "import.number_none": "no number",
    "import.several_members": "{path}: the file holds marks of more than one member",
    "import.conflicts": "{path}: {count} conflict(s), nothing imported: {listing}",
    "import.conflict.mark": (
        "{member}, indicator {indicator}: here {old} {old_note}, in the file {new} {new_note}"
    ),
    "import.conflict.note": "{member}, note on {area}: differs",
    "import.conflict.grade": "{member}, grade for {area}: here {old}, in the file {new}",
    "list.more": "{first}; {rest}",
    "classification.demonstrated": "demonstrated",
    "classification.partly": "partly",
    "classification.contrary": "contrary",
    "classification.none": "none",
    # a session file whose content does not hold together (pcso_interview.bundle)
    "import.bad.mark_member": "{path}: a mark names {member}, not a panel member",
    "import.bad.indicator": "{path}: unknown indicator {indicator}",
    "import.bad.note_area": "{path}: a note names unknown area {area}",
    "import.bad.grade_area": "{path}: a grade names unplanned area {area}",
    "import.bad.grade": "{path}: grade for {area}: {problem}",
    "import.bad.signoff_member": "{path}: a sign-off names {member}, not a panel member",
    "import.bad.signs_twice": "{path}: {member} signs twice",
    "import.bad.unsigned": ("{path}: the session is marked signed, but {names} has not signed it"),
    "import.bad.signature_unsaid": (
        "{path}: the signature of {name} does not say what content it signed;"
        " sign-offs cannot be imported without it"
    ),
    "import.bad.signature_other": (
        "{path}: the signature of {name} was made on other content: the marks,"
        " grades or outcome were changed after it was signed"
    ),
    "import.bad.not_marked_signed": (
        "{path}: every member has signed, but the session is not marked signed: a"
        " signed session's file keeps its status and digest"
    ),
    "import.bad.detail": (
        "{path}: refused: {field}: {problem}; a session file is imported exactly as written,"
        " never corrected"
    ),
    # a session or member-marks file that breaks its schema: the validator's own finding (a
    # JSON path and what is wrong there) is a field, quoted as it is
    "import.schema": "{path}: at {where}: {problem}",
    "import.member_number_missing": "{path}: at $.member: 'number' is missing",
    "import.decimal": '{path}: at {problem} (the app writes a decimal as text, e.g. "1.5")',
    "import.json": "{path}: {problem}",
    "error.no_member": "No panel member {member} in this session.",
    "error.file.database": (
        "the file is a database (or part of one), which is never written over: choose another file"
    ),
    # JSON from outside that is out of bounds (pcso_interview.jsonfiles): the parser's own
    # finding ({problem}) is quoted as Python's json module words it
    "json.deep": "nested more than {limit} levels deep",
    "json.digits": "a number with {digits} digits (at most {most})",
    "json.range": "a number out of range ({number})",
    "json.constant": "{name} is not a number JSON allows",
    "json.invalid": "not valid JSON: {problem} (line {line}, column {column})",
    "json.large": "larger than {most} MB",
    "json.not_utf8": "not UTF-8 text ({problem} at byte {byte})",
    "json.not_a_file": "not a file (a pipe, a device or a socket)",
}


Field: TypeAlias = "str | Phrase | tuple[Phrase, ...]"  # a phrase's field


@dataclass(frozen=True)
class Phrase:
    """One of ENGLISH's sentences with its fields: each a plain value (a name, a key, a
    figure, a grade label: never translated) or a Phrase of its own."""

    key: str
    fields: tuple[tuple[str, Field], ...] = ()

    def __post_init__(self) -> None:
        if self.key not in ENGLISH:
            raise KeyError(f"no English for phrase {self.key!r}")

    @classmethod
    def of(cls, key: str, /, **fields: Field) -> Phrase:
        return cls(key, tuple(fields.items()))

    def words(self, template: Callable[[str], str]) -> str:
        """The phrase in some language: ``template(key)`` gives the template for a key (with
        the same fields as the English); nested phrases are worded the same way."""
        values = {name: words(value, template) for name, value in self.fields}
        return template(self.key).format(**values)

    def __str__(self) -> str:
        return self.words(ENGLISH.__getitem__)


def words(value: Field, template: Callable[[str], str]) -> str:
    """A value that may be a phrase, worded with ``template``; plain text as it is; a tuple of
    phrases (the sentences of a list, such as what blocks sign-off) one after the other."""
    if isinstance(value, Phrase):
        return value.words(template)
    if isinstance(value, tuple):
        return " ".join(part.words(template) for part in value)
    return value


class PhrasedError(Exception):
    """An error whose message is one of ENGLISH's sentences: ``str()`` is the English, word for
    word as before, and ``phrase`` lets a screen word it in its own language."""

    phrase: Phrase | None = None

    def __init__(self, message: str | Phrase = "", *args: object) -> None:
        super().__init__(str(message), *args)
        if isinstance(message, Phrase):
            self.phrase = message


def phrase_of(error: BaseException) -> Phrase | None:
    """The phrase an error carries, if it is one that does (else its English is all there is)."""
    found = getattr(error, "phrase", None)
    return found if isinstance(found, Phrase) else None
