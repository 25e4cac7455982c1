"""The core's words as the screens show them, translated at display time.

The core (pcso_interview) has no Qt and keeps its labels in English: statuses ("Awaiting
sign-off"), outcome words, roles, area kinds, classifications. The screens map each enum value
to a label here, marked for the catalogue with QT_TRANSLATE_NOOP and shown through translate(),
so the Welsh interface shows Welsh words while the record, the CLI and the sheet are unchanged.
In English every label reads exactly as the core's own.
"""

from __future__ import annotations

from pcso_interview.lifecycle import Status
from pcso_interview.scoring import Classification
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
