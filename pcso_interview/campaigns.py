"""Campaigns: the recruitment round a session belongs to (e.g. "Gwent Police · Community
Support Officer · 2026-11"). Chosen when the session is set up, by default from its profile and
month; HR may move a session to another campaign later (audited). A campaign is how HR groups
an assessment day's and a round's sessions; it is not part of the signed record, so changing it
never changes a signed digest.
"""

from __future__ import annotations

from pcso_interview.lifecycle import SessionRuleError
from pcso_interview.plain_text import one_line

MAX_LENGTH = 120
SEPARATOR = " · "


def default_campaign(force: str, role_title: str, day: str) -> str:
    """The campaign a session falls in unless someone chooses another: its force, role and
    month. Migration 7 gives existing sessions the same text in SQL (schema.py)."""
    return SEPARATOR.join([force.strip(), role_title.strip(), day[:7]])


def checked_campaign(name: str) -> str:
    """A campaign name as kept: trimmed, one line of visible characters, not empty, not too
    long."""
    text = one_line(name)
    if not text:
        raise SessionRuleError("Name the campaign.")
    if len(text) > MAX_LENGTH:
        raise SessionRuleError(f"A campaign name has at most {MAX_LENGTH} characters.")
    return text
