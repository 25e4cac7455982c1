"""Text from outside (a recruitment system's CSV, a campaign's name typed by HR) made one line of
visible characters before it is kept; and the characters a session's details may never hold.

Control characters (a terminal's escape sequences, NUL, line breaks) and the invisible marks that
reorder or hide text (bidirectional overrides and isolates, zero-width characters) become
spaces: none may reach a screen, a terminal, a chart or a file, where they could rewrite what is
shown around them. Right-to-left writing itself (Arabic, Hebrew) is kept as written.
"""

from __future__ import annotations

import re

_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)

# What a session's details (names, the reference, the venue) may never hold. They are signed
# content, so they are refused, never cleaned: controls (NUL ends the search text, a line break
# splits a listing's row, ESC drives a terminal), line and paragraph separators, the
# bidirectional embeddings, overrides and isolates that reorder the text around them, the
# characters that hide text, and lone surrogates (not text at all: UTF-8 cannot hold them).
# Narrower than _INVISIBLE on purpose: the joiners (U+200C, U+200D) that Persian, Indic
# scripts and emoji need, and the direction marks (U+200E, U+200F) a name mixing directions
# may carry, are part of real names.
_REFUSED = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def one_line(text: str) -> str:
    """Control and invisible characters as spaces, runs of spaces one space, none at either
    end."""
    return " ".join(_INVISIBLE.sub(" ", text).split())


def clipped(text: str, limit: int) -> str:
    """``text`` whole up to ``limit`` characters, else cut to fit with "…" at the end."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def refused_character(text: str) -> int | None:
    """Where the first character a session's detail may not hold is in ``text``, or None."""
    found = _REFUSED.search(text)
    return None if found is None else found.start()


# What a terminal would act on rather than show: controls other than the line break and the
# tab (ESC starts the sequences that recolour, retitle or clear a terminal; CR overwrites a
# line), the line and paragraph separators, and the bidirectional embeddings, overrides and
# isolates that reorder what is printed around them.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text for a terminal: each character it would act on written as its code (``\\u001b``),
    visible and harmless; in JSON the same six characters read back as the character."""
    return _UNPRINTABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
