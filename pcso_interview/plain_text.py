"""Text from outside (a recruitment system's CSV, a campaign's name typed by HR) made one line of
visible characters before it is kept.

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


def one_line(text: str) -> str:
    """Control and invisible characters as spaces, runs of spaces one space, none at either
    end."""
    return " ".join(_INVISIBLE.sub(" ", text).split())
