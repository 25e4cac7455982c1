"""HR's audit trail says what happened in words, in the interface's language: the store's
action codes (classify, grade, ...) and classification codes (none, demonstrated) are the
record's, never shown raw."""

from __future__ import annotations

import pytest

from pcso_interview.store import AuditEntry
from ui.hr.review_dialog import ACTIONS, action_words, describe

STORE_ACTIONS = {
    "create", "import", "demo", "details", "question", "classify", "note", "area note", "grade",
    "grade after reveal", "agree", "status", "set PIN", "reset PIN", "PIN refused", "sign",
    "lock", "clear signatures", "merge marks", "issue sheet", "reopen", "withdraw", "campaign",
    "equality data", "purge", "add user", "reset passphrase", "sign-in refused",
}  # fmt: skip


def entry(action: str, old: str = "", new: str = "") -> AuditEntry:
    return AuditEntry(1, "s1", "2026-03-03T10:00:00Z", "Ann Chair", action, "m1/i1", old, new)


def test_every_action_the_store_writes_has_words(qapp):
    import re
    from pathlib import Path

    import pcso_interview

    written = set()
    for path in Path(pcso_interview.__file__).parent.joinpath("store").glob("*.py"):
        text = path.read_text()
        written |= set(re.findall(r'_audit\(\s*[^,]+,\s*[^,]+,\s*[^,]+,\s*"([^"]+)"', text))
    assert written <= STORE_ACTIONS and set(ACTIONS) >= STORE_ACTIONS


def test_in_english_a_classification_reads_in_words(qapp):
    line = describe(entry("classify", "none", "demonstrated"), None)
    assert (line.action, line.old, line.new) == (
        "Evidence classified",
        "Nothing recorded",
        "Demonstrated",
    )
    assert describe(entry("grade", "", "3"), None).action == "Grade"
    assert action_words("something new") == "something new"  # a code it does not know


@pytest.mark.usefixtures("welsh")
def test_in_welsh_the_audit_trail_reads_in_welsh():
    line = describe(entry("classify", "none", "partly"), None)
    assert (line.action, line.old, line.new) == (
        "Tystiolaeth wedi'i dosbarthu",
        "Dim wedi'i gofnodi",
        "Yn rhannol",
    )
    assert describe(entry("grade", "", "3"), None).action == "Gradd"
    for code in ACTIONS:
        assert action_words(code) != code, code
