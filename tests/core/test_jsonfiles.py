"""The depth bound on JSON from outside: the regex form refuses exactly what a character-by-
character reading refuses, strings (escapes, unterminated ones) included."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pcso_interview import jsonfiles
from pcso_interview.jsonfiles import JsonFileError


def too_deep_by_characters(text: str, limit: int) -> bool:
    """The reading the regex replaced: one character at a time."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False


def too_deep(text: str, limit: int) -> bool:
    try:
        jsonfiles._depth(text, limit)
    except JsonFileError:
        return True
    return False


@given(text=st.text(alphabet='[]{}"\\ a:,', max_size=60), limit=st.integers(0, 4))
def test_the_regex_refuses_what_the_character_reading_refuses(text, limit):
    assert too_deep(text, limit) == too_deep_by_characters(text, limit)


@pytest.mark.parametrize(
    ("text", "deep"),
    [
        ("[" * 65 + "]" * 65, True),
        ("[" * 64 + "]" * 64, False),
        ('["' + "[" * 100 + '"]', False),  # brackets in a string are text
        ('["\\"' + "[" * 100 + '"]', False),  # an escaped quote does not end the string
        ('["\\\\"' + ",[" * 70 + "]" * 70 + "]", True),  # an escaped backslash does
        ('"never ends ' + "[" * 100, False),
    ],
)
def test_nesting_is_counted_outside_strings_only(text, deep):
    assert too_deep(text, 64) == deep
