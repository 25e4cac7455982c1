"""Text from outside (a recruitment system's CSV, a campaign's name typed by HR) made one line of
visible characters before it is kept; and the characters a session's details may never hold.

Control characters (a terminal's escape sequences, NUL, line breaks) and the invisible marks that
reorder or hide text (bidirectional overrides and isolates, zero-width characters) become
spaces: none may reach a screen, a terminal, a chart or a file, where they could rewrite what is
shown around them. Right-to-left writing itself (Arabic, Hebrew) is kept as written.
"""

from __future__ import annotations

import re

# The kinds of character the three classes below are made of.
_CONTROLS = "\x00-\x1f\x7f-\x9f"  # C0 and C1 controls and DEL: ESC, CR, NUL, line breaks
_SEPARATORS = "\u2028\u2029"  # line and paragraph separators
_BIDI = "\u202a-\u202e\u2066-\u2069"  # bidirectional embeddings, overrides and isolates
_HIDING = "\ufeff\ufff9-\ufffb"  # byte order mark, interlinear annotation marks

_INVISIBLE = re.compile(f"[{_CONTROLS}\u200b-\u200f{_BIDI}\u2060-\u2065{_HIDING}]")

# What a session's details (names, the reference, the venue) may never hold. They are signed
# content, so they are refused, never cleaned: controls (NUL ends the search text, a line break
# splits a listing's row, ESC drives a terminal), line and paragraph separators, the
# bidirectional embeddings, overrides and isolates that reorder the text around them, the
# characters that hide text, and lone surrogates (not text at all: UTF-8 cannot hold them).
# Narrower than _INVISIBLE on purpose: the joiners (U+200C, U+200D) that Persian, Indic
# scripts and emoji need, and the direction marks (U+200E, U+200F) a name mixing directions
# may carry, are part of real names.
_REFUSED = re.compile(f"[{_CONTROLS}\u200b{_SEPARATORS}{_BIDI}\u2060-\u2064{_HIDING}\ud800-\udfff]")


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
_UNPRINTABLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_SEPARATORS}{_BIDI}]")  # not \t, \n


def printable(text: str) -> str:
    """Text for a terminal: each character it would act on written as its code (``\\u001b``),
    visible and harmless; in JSON the same six characters read back as the character."""
    return _UNPRINTABLE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
