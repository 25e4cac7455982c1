"""The core's words as the screens show them, translated at display time.

The core (pcso_interview) has no Qt and keeps its labels in English: statuses ("Awaiting
sign-off"), outcome words, roles, area kinds, classifications. The screens map each enum value
to a label here, marked for the catalogue with QT_TRANSLATE_NOOP and shown through translate(),
so the Welsh interface shows Welsh words while the record, the CLI and the sheet are unchanged.
In English every label reads exactly as the core's own.

The core's sentences (a next step, an outcome's reasons, a grade changed after the reveal) come
as pcso_interview.phrases.Phrase: a key and its fields. PHRASES holds each key's English, the
core's own template word for word (tests/ui/test_core_labels.py checks), for the catalogue;
``phrase()`` words one in the interface's language.
"""

from __future__ import annotations

from pcso_interview.lifecycle import Status
from pcso_interview.phrases import Phrase, phrase_of, words
from pcso_interview.scoring import Classification, ClassificationCounts
from ui.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "labels"

STATUS = {
    Status.SETUP.value: QT_TRANSLATE_NOOP("labels", "Setting up"),
    Status.SCORING.value: QT_TRANSLATE_NOOP("labels", "Scoring"),
    Status.CONSENSUS.value: QT_TRANSLATE_NOOP("labels", "Consensus"),
    Status.AWAITING_SIGNOFF.value: QT_TRANSLATE_NOOP("labels", "Awaiting sign-off"),
    Status.SIGNED.value: QT_TRANSLATE_NOOP("labels", "Signed"),
    Status.REOPENED.value: QT_TRANSLATE_NOOP("labels", "Reopened"),
    Status.WITHDRAWN.value: QT_TRANSLATE_NOOP("labels", "Withdrawn"),
}
OUTCOME = {
    "pass": QT_TRANSLATE_NOOP("labels", "Pass"),
    "fail": QT_TRANSLATE_NOOP("labels", "Fail"),
    "incomplete": QT_TRANSLATE_NOOP("labels", "Incomplete"),
    "withdrawn": QT_TRANSLATE_NOOP("labels", "Withdrawn"),
}
ROLE = {
    "chair": QT_TRANSLATE_NOOP("labels", "chair"),
    "member": QT_TRANSLATE_NOOP("labels", "member"),
}
KIND = {
    "competency": QT_TRANSLATE_NOOP("labels", "competency"),
    "value": QT_TRANSLATE_NOOP("labels", "value"),
}
CATEGORY = {  # a role criterion's category (the profile schema's words)
    "qualification": QT_TRANSLATE_NOOP("labels", "qualification"),
    "experience": QT_TRANSLATE_NOOP("labels", "experience"),
    "knowledge": QT_TRANSLATE_NOOP("labels", "knowledge"),
    "skill": QT_TRANSLATE_NOOP("labels", "skill"),
    "technical-skill": QT_TRANSLATE_NOOP("labels", "technical skill"),
}
REQUIREMENT = {
    "essential": QT_TRANSLATE_NOOP("labels", "essential"),
    "desirable": QT_TRANSLATE_NOOP("labels", "desirable"),
}
METHOD = {
    "consensus": QT_TRANSLATE_NOOP("labels", "consensus"),
    "mean": QT_TRANSLATE_NOOP("labels", "mean"),
    "chair": QT_TRANSLATE_NOOP("labels", "chair"),
}
SIGN_METHOD = {
    "typed": QT_TRANSLATE_NOOP("labels", "typed"),
    "drawn": QT_TRANSLATE_NOOP("labels", "drawn"),
}
# The declaration each member confirms, in the interface's language: the record keeps the
# core's English (pcso_interview.session.DECLARATION, word for word this source text).
DECLARATION = QT_TRANSLATE_NOOP(
    "labels",
    "I confirm that the evidence, classifications and grades recorded here under my name are my "
    "own, made independently and fairly against the indicators of this profile, and that the "
    "agreed grades and outcome are those the panel agreed.",
)
CLASSIFICATION = {
    Classification.DEMONSTRATED.value: QT_TRANSLATE_NOOP("labels", "Demonstrated"),
    Classification.PARTLY.value: QT_TRANSLATE_NOOP("labels", "Partly"),
    Classification.CONTRARY.value: QT_TRANSLATE_NOOP("labels", "Contrary"),
    Classification.NONE.value: QT_TRANSLATE_NOOP("labels", "Nothing recorded"),
}


def _shown(table: dict[str, str], value: object) -> str:
    key = str(value)
    return translate(CONTEXT, table[key]) if key in table else key


def status(value: object) -> str:
    """A session's status ("signed" or Status.SIGNED) in the interface's language."""
    return _shown(STATUS, value)


def outcome(value: object) -> str:
    return _shown(OUTCOME, value)


def role(value: object) -> str:
    return _shown(ROLE, value)


def kind(value: object) -> str:
    return _shown(KIND, value)


def classification(value: object) -> str:
    return _shown(CLASSIFICATION, value)


def classification_text(value: Classification) -> str:
    """A classification as the indicator table shows it: its symbol, then its word (in
    English the core's Classification.text)."""
    symbol = value.text.split(" ", 1)[0]
    return f"{symbol} {classification(value)}"


def counts_text(counts: ClassificationCounts) -> str:
    """A member's classification counts in words (in English the core's own)."""
    return translate(
        "labels",
        "+ {demonstrated} demonstrated · ~ {partly} partly · − {contrary} contrary ·"
        " {nothing} nothing (of {total})",
    ).format(
        demonstrated=counts.demonstrated,
        partly=counts.partly,
        contrary=counts.contrary,
        nothing=counts.nothing,
        total=counts.total,
    )


def category(value: object) -> str:
    return _shown(CATEGORY, value)


def requirement(value: object) -> str:
    return _shown(REQUIREMENT, value)


def method(value: object) -> str:
    """How agreed grades are reached (Method.CONSENSUS or "mean")."""
    return _shown(METHOD, value)


def sign_method(value: object) -> str:
    return _shown(SIGN_METHOD, value)


def declaration() -> str:
    return translate(CONTEXT, DECLARATION)


PHRASES_CONTEXT = "phrases"
PHRASES = {
    "step.open": QT_TRANSLATE_NOOP("phrases", "open a session"),
    "step.read_only_view": QT_TRANSLATE_NOOP("phrases", "nothing: this is a read-only view"),
    "step.locked": QT_TRANSLATE_NOOP(
        "phrases", "nothing: this session is read-only ({shortcut} for the marking sheet)"
    ),
    "step.classify": QT_TRANSLATE_NOOP(
        "phrases", "classify each indicator (D, P, C, N), then grade the area ({grade})"
    ),
    "step.next_area": QT_TRANSLATE_NOOP(
        "phrases", "the next area ({shortcut}); {member} has areas still to grade"
    ),
    "step.waiting": QT_TRANSLATE_NOOP(
        "phrases", "{members} to grade every area ({shortcut} to switch member)"
    ),
    "step.consensus": QT_TRANSLATE_NOOP("phrases", "agree the grades in Consensus ({shortcut})"),
    "step.signoff": QT_TRANSLATE_NOOP("phrases", "sign off ({shortcut})"),
    "keys.either": QT_TRANSLATE_NOOP("phrases", "{first} or {last}"),
    "keys.lettered": QT_TRANSLATE_NOOP("phrases", "G then {best}-{worst}"),
    "outcome.score": QT_TRANSLATE_NOOP("phrases", "{total} of {maximum} ({percentage})"),
    "outcome.points": QT_TRANSLATE_NOOP("phrases", "{points} points"),
    "outcome.point": QT_TRANSLATE_NOOP("phrases", "{points} point"),
    "outcome.passed.points": QT_TRANSLATE_NOOP(
        "phrases",
        "Every area is at or above its minimum; {score} is at least the pass mark of {mark}.",
    ),
    "outcome.passed.percent": QT_TRANSLATE_NOOP(
        "phrases",
        "Every area is at or above its minimum; {score} is at least the {mark} pass mark.",
    ),
    "outcome.below_minimum": QT_TRANSLATE_NOOP(
        "phrases", "{area}: {grade}, below the minimum {minimum}"
    ),
    "outcome.below_pass_mark": QT_TRANSLATE_NOOP(
        "phrases", "Weighted total {score}, below the pass mark of {mark}"
    ),
    "outcome.not_agreed": QT_TRANSLATE_NOOP("phrases", "{area}: no agreed grade yet"),
    "blocker.to_grade": QT_TRANSLATE_NOOP(
        "phrases", "{member} has {count} area(s) still to grade."
    ),
    "blocker.not_agreed": QT_TRANSLATE_NOOP("phrases", "{area}: no agreed grade yet."),
    "blocker.rationale": QT_TRANSLATE_NOOP(
        "phrases",
        "{area}: the agreed grade lies outside the members' grades; a rationale is required.",
    ),
    "revision.changed": QT_TRANSLATE_NOOP(
        "phrases", "{member} changed this grade from {old} to {new} after the grades were shown"
    ),
    "revision.no_grade": QT_TRANSLATE_NOOP("phrases", "no grade"),
    "level.none": QT_TRANSLATE_NOOP("phrases", "not levelled"),
    "level.competencies": QT_TRANSLATE_NOOP(
        "phrases", "competencies at level {level}; values are not levelled"
    ),
    "level.one": QT_TRANSLATE_NOOP("phrases", "level {level}"),
    "source.untitled": QT_TRANSLATE_NOOP("phrases", "Role profile"),
    "source.untitled.dated": QT_TRANSLATE_NOOP("phrases", "Role profile, {date}"),
    "scale.not_a_grade": QT_TRANSLATE_NOOP(
        "phrases", "{text} is not a grade on this scale ({labels})."
    ),
    "error.off_scale": QT_TRANSLATE_NOOP(
        "phrases",
        "{value} is not a grade on this scale ({points}).",
    ),
    "error.agreed_waits": QT_TRANSLATE_NOOP(
        "phrases",
        "{area}: the agreed grade waits until every member has graded it (still to grade:"
        " {waiting}).",
    ),
    "error.sign_how": QT_TRANSLATE_NOOP(
        "phrases",
        "Sign by drawing a signature or typing your name.",
    ),
    "error.already_signed": QT_TRANSLATE_NOOP("phrases", "{member} has already signed."),
    "error.typed_name": QT_TRANSLATE_NOOP(
        "phrases",
        "A typed signature is the member's own name as recorded: {member}.",
    ),
    "error.not_ready": QT_TRANSLATE_NOOP("phrases", "Not ready for sign-off: {blockers}"),
    "error.cannot_move": QT_TRANSLATE_NOOP(
        "phrases", "A session that is {current} cannot move to {target}."
    ),
    "status.setup": QT_TRANSLATE_NOOP("phrases", "setting up"),
    "status.scoring": QT_TRANSLATE_NOOP("phrases", "scoring"),
    "status.consensus": QT_TRANSLATE_NOOP("phrases", "consensus"),
    "status.awaiting_signoff": QT_TRANSLATE_NOOP("phrases", "awaiting sign-off"),
    "status.signed": QT_TRANSLATE_NOOP("phrases", "signed"),
    "status.reopened": QT_TRANSLATE_NOOP("phrases", "reopened"),
    "status.withdrawn": QT_TRANSLATE_NOOP("phrases", "withdrawn"),
    "error.clear_reason": QT_TRANSLATE_NOOP(
        "phrases",
        "Give a reason for clearing the signatures.",
    ),
    "error.locked.signed": QT_TRANSLATE_NOOP(
        "phrases",
        "This session is signed off and locked; HR can reopen it with a reason.",
    ),
    "error.locked.withdrawn": QT_TRANSLATE_NOOP(
        "phrases",
        "This session was withdrawn and is locked.",
    ),
    "error.locked.signing": QT_TRANSLATE_NOOP(
        "phrases",
        "Sign-off has begun; marks cannot change. Ask the chair to clear the signatures first.",
    ),
    "error.candidate_name": QT_TRANSLATE_NOOP("phrases", "Enter the candidate's name."),
    "error.candidate_ref": QT_TRANSLATE_NOOP("phrases", "Enter the candidate reference."),
    "error.not_a_date": QT_TRANSLATE_NOOP("phrases", "{day} is not a date (use YYYY-MM-DD)."),
    "error.detail": QT_TRANSLATE_NOOP("phrases", "{field}: {problem}."),
    "field.candidate_name": QT_TRANSLATE_NOOP("phrases", "Candidate name"),
    "field.candidate_ref": QT_TRANSLATE_NOOP("phrases", "Candidate reference"),
    "field.date": QT_TRANSLATE_NOOP("phrases", "Interview date"),
    "field.venue": QT_TRANSLATE_NOOP("phrases", "Venue"),
    "field.member_name": QT_TRANSLATE_NOOP("phrases", "Panel member {number} name"),
    "field.member_number": QT_TRANSLATE_NOOP(
        "phrases", "Panel member {number} staff or collar number"
    ),
    "detail.blank": QT_TRANSLATE_NOOP("phrases", "empty, or only spaces"),
    "detail.spaces": QT_TRANSLATE_NOOP("phrases", "begins or ends with a space"),
    "detail.control": QT_TRANSLATE_NOOP(
        "phrases",
        "holds a control or invisible character ({character} at character {position})",
    ),
    "detail.long": QT_TRANSLATE_NOOP(
        "phrases", "{length} characters, more than the {most} allowed"
    ),
    "detail.not_a_date": QT_TRANSLATE_NOOP("phrases", "{day} is not a real date"),
    "error.panel_size": QT_TRANSLATE_NOOP(
        "phrases",
        "A panel has 1 to {most} members, not {count}.",
    ),
    "error.panel_ids": QT_TRANSLATE_NOOP("phrases", "Two panel members have the same id."),
    "error.panel_name": QT_TRANSLATE_NOOP("phrases", "Every panel member needs a name."),
    "error.panel_chairs": QT_TRANSLATE_NOOP(
        "phrases",
        "A panel has exactly one chair, not {count}.",
    ),
    "error.reopen_reason": QT_TRANSLATE_NOOP("phrases", "Reopening needs a written reason."),
    "error.withdraw_reason": QT_TRANSLATE_NOOP("phrases", "Withdrawal needs a reason."),
    "error.pin.digits": QT_TRANSLATE_NOOP("phrases", "A PIN is 4 to 8 digits."),
    "error.pin.choose": QT_TRANSLATE_NOOP(
        "phrases",
        "Choose a PIN of 4 to 8 digits, or a passphrase of at least {least} characters.",
    ),
    "error.passphrase.short": QT_TRANSLATE_NOOP(
        "phrases",
        "A passphrase has at least {least} characters.",
    ),
    "error.pin.exists": QT_TRANSLATE_NOOP(
        "phrases",
        "{member} already has a PIN; an HR admin can reset a forgotten one.",
    ),
    "error.pin.none": QT_TRANSLATE_NOOP("phrases", "{member} has no PIN yet: choose one first."),
    "error.pin.wait": QT_TRANSLATE_NOOP(
        "phrases",
        "Too many wrong PINs for {member}: wait {wait} s and try again.",
    ),
    "error.pin.locked": QT_TRANSLATE_NOOP(
        "phrases",
        "Wrong PIN for {member}, three times: wait {wait} s and try again.",
    ),
    "error.pin.wrong.one": QT_TRANSLATE_NOOP(
        "phrases",
        "Wrong PIN for {member} ({left} more try).",
    ),
    "error.pin.wrong": QT_TRANSLATE_NOOP("phrases", "Wrong PIN for {member} ({left} more tries)."),
    "error.passphrase.no_account": QT_TRANSLATE_NOOP("phrases", "No HR account named {name}."),
    "error.passphrase.wait": QT_TRANSLATE_NOOP(
        "phrases",
        "Too many wrong passphrases for {name}: wait {wait} s.",
    ),
    "error.passphrase.wrong": QT_TRANSLATE_NOOP("phrases", "Wrong passphrase for {name}."),
    "error.db.busy": QT_TRANSLATE_NOOP(
        "phrases",
        "The database {path} is in use by another program{who}. Nothing was changed; "
        "close that program or wait for it to finish, then try again.",
    ),
    "error.db.holder": QT_TRANSLATE_NOOP("phrases", " ({holder})"),
    "error.db.damaged": QT_TRANSLATE_NOOP(
        "phrases",
        "The database {path} is damaged and cannot be opened ({detail}).",
    ),
    "error.db.damaged.backup": QT_TRANSLATE_NOOP(
        "phrases",
        "{damaged} The newest good backup is {backup}.",
    ),
    "error.db.damaged.no_backup": QT_TRANSLATE_NOOP(
        "phrases",
        "{damaged} No good backup was found.",
    ),
    "error.db.damaged.wal": QT_TRANSLATE_NOOP(
        "phrases",
        "{damaged} A file {wal} lies beside it: if the database was copied or restored by"
        " hand, that file may belong to the copy it replaced. Move it and its -shm file to"
        " another folder (do not delete them) and open the database again.",
    ),
    "error.db.is_folder": QT_TRANSLATE_NOOP(
        "phrases",
        "{path} is a folder, not a database file: give the path of the database file itself.",
    ),
    "error.db.read_only": QT_TRANSLATE_NOOP(
        "phrases",
        "The database {path} (or its folder) is read-only, so nothing could be saved. "
        "Choose a writable location with --db; the file has not been changed.",
    ),
    "error.db.folder": QT_TRANSLATE_NOOP(
        "phrases",
        "Cannot create the folder {folder} for the database ({reason}).",
    ),
    "error.db.open": QT_TRANSLATE_NOOP(
        "phrases",
        "Could not open the database {path}: {reason}",
    ),
    "error.db.newer": QT_TRANSLATE_NOOP(
        "phrases",
        "The database {path} was written by a newer version of pcso-interview (schema "
        "{version}; this version knows {known}). Update the app; the file has not been "
        "changed.",
    ),
    "import.no_file": QT_TRANSLATE_NOOP("phrases", "{path}: no such file"),
    "import.unreadable": QT_TRANSLATE_NOOP("phrases", "{path}: cannot be read ({reason})"),
    "import.newer": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: written by a newer version of pcso-interview (format version {version});"
        " update the app",
    ),
    "import.not_ours": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: not a pcso-interview session or member-marks file",
    ),
    "import.no_digest": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: refused: the session is marked signed but carries no digest",
    ),
    "import.tampered": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: refused as tampered: the signed session's digest does not match its content",
    ),
    "import.identical": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: skipped, session {session} is already here and identical",
    ),
    "import.different": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: refused, session {session} is already here with different content; "
        "nothing was overwritten",
    ),
    "import.imported": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: imported session {session} ({reference})",
    ),
    "import.purged": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: refused: session {session} was purged here on {date} by {who} (past its "
        "retention period); it is not brought back",
    ),
    "import.not_here": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: session {session} is not in this database; import the session first",
    ),
    "import.merged": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: merged the marks of {member} into session {session}",
    ),
    "import.other_candidate": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: refused: the marks are for candidate {file_ref}, but session {session} is"
        " candidate {here_ref}",
    ),
    "import.no_number": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: refused: the file does not give the member's staff or collar number (an older"
        " version wrote it); export the marks again",
    ),
    "import.other_member": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: refused: the marks are by {name} ({number}), but member {member} of this"
        " session is {here_name} ({here_number})",
    ),
    "import.number_none": QT_TRANSLATE_NOOP("phrases", "no number"),
    "import.several_members": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: the file holds marks of more than one member",
    ),
    "import.conflicts": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: {count} conflict(s), nothing imported: {listing}",
    ),
    "import.conflict.mark": QT_TRANSLATE_NOOP(
        "phrases",
        "{member}, indicator {indicator}: here {old} {old_note}, in the file {new} {new_note}",
    ),
    "import.conflict.note": QT_TRANSLATE_NOOP("phrases", "{member}, note on {area}: differs"),
    "import.conflict.grade": QT_TRANSLATE_NOOP(
        "phrases",
        "{member}, grade for {area}: here {old}, in the file {new}",
    ),
    "list.more": QT_TRANSLATE_NOOP("phrases", "{first}; {rest}"),
    "classification.demonstrated": QT_TRANSLATE_NOOP("phrases", "demonstrated"),
    "classification.partly": QT_TRANSLATE_NOOP("phrases", "partly"),
    "classification.contrary": QT_TRANSLATE_NOOP("phrases", "contrary"),
    "classification.none": QT_TRANSLATE_NOOP("phrases", "none"),
    "import.bad.mark_member": QT_TRANSLATE_NOOP(
        "phrases", "{path}: a mark names {member}, not a panel member"
    ),
    "import.bad.indicator": QT_TRANSLATE_NOOP("phrases", "{path}: unknown indicator {indicator}"),
    "import.bad.note_area": QT_TRANSLATE_NOOP(
        "phrases", "{path}: a note names unknown area {area}"
    ),
    "import.bad.grade_area": QT_TRANSLATE_NOOP(
        "phrases", "{path}: a grade names unplanned area {area}"
    ),
    "import.bad.grade": QT_TRANSLATE_NOOP("phrases", "{path}: grade for {area}: {problem}"),
    "import.bad.signoff_member": QT_TRANSLATE_NOOP(
        "phrases", "{path}: a sign-off names {member}, not a panel member"
    ),
    "import.bad.signs_twice": QT_TRANSLATE_NOOP("phrases", "{path}: {member} signs twice"),
    "import.bad.unsigned": QT_TRANSLATE_NOOP(
        "phrases", "{path}: the session is marked signed, but {names} has not signed it"
    ),
    "import.bad.signature_unsaid": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: the signature of {name} does not say what content it signed;"
        " sign-offs cannot be imported without it",
    ),
    "import.bad.signature_other": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: the signature of {name} was made on other content: the marks,"
        " grades or outcome were changed after it was signed",
    ),
    "import.bad.not_marked_signed": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: every member has signed, but the session is not marked signed: a"
        " signed session's file keeps its status and digest",
    ),
    "import.bad.detail": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: refused: {field}: {problem}; a session file is imported exactly as written,"
        " never corrected",
    ),
    "import.schema": QT_TRANSLATE_NOOP("phrases", "{path}: at {where}: {problem}"),
    "import.member_number_missing": QT_TRANSLATE_NOOP(
        "phrases",
        "{path}: at $.member: 'number' is missing",
    ),
    "import.decimal": QT_TRANSLATE_NOOP(
        "phrases",
        '{path}: at {problem} (the app writes a decimal as text, e.g. "1.5")',
    ),
    "import.json": QT_TRANSLATE_NOOP("phrases", "{path}: {problem}"),
    "error.no_member": QT_TRANSLATE_NOOP("phrases", "No panel member {member} in this session."),
    "error.file.database": QT_TRANSLATE_NOOP(
        "phrases",
        "the file is a database (or part of one), which is never written over: choose another file",
    ),
    "json.deep": QT_TRANSLATE_NOOP("phrases", "nested more than {limit} levels deep"),
    "json.digits": QT_TRANSLATE_NOOP("phrases", "a number with {digits} digits (at most {most})"),
    "json.range": QT_TRANSLATE_NOOP("phrases", "a number out of range ({number})"),
    "json.constant": QT_TRANSLATE_NOOP("phrases", "{name} is not a number JSON allows"),
    "json.invalid": QT_TRANSLATE_NOOP(
        "phrases", "not valid JSON: {problem} (line {line}, column {column})"
    ),
    "json.large": QT_TRANSLATE_NOOP("phrases", "larger than {most} MB"),
    "json.not_utf8": QT_TRANSLATE_NOOP("phrases", "not UTF-8 text ({problem} at byte {byte})"),
    "json.not_a_file": QT_TRANSLATE_NOOP("phrases", "not a file (a pipe, a device or a socket)"),
}


def _template(key: str) -> str:
    return translate(PHRASES_CONTEXT, PHRASES[key])


def phrase(value: str | Phrase) -> str:
    """One of the core's sentences (or a plain value) in the interface's language."""
    return words(value, _template)


def error_text(error: BaseException) -> str:
    """An error's message in the interface's language: its phrase worded where the core gave
    one (a refusal a panel member meets), else its text as it is (English)."""
    found = phrase_of(error)
    return str(error) if found is None else phrase(found)


def os_error_text(error: BaseException) -> str:
    """Why a file could not be written: the app's own reason in the interface's language where
    it gave one (a database is never written over), else the system's words (an OSError's
    reason without its number, or the error as it is)."""
    found = phrase_of(error)
    if found is not None:
        return phrase(found)
    return str(getattr(error, "strerror", None) or error)
