"""Reading JSON that someone else wrote: bounded in size, depth and numbers.

Python's json module answers a file nested 100,000 deep with a RecursionError and a 5,000-digit
number with a ValueError deep inside its parser; a force file or a session file must instead get
one clear line and leave everything else working. Every file the app reads from outside (force
profiles, session files, member-marks files) comes through here.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from pcso_interview.phrases import Phrase, PhrasedError

MAX_DEPTH = 64  # a session file nests about 8 deep, a force file about 7
MAX_DIGITS = 15  # integers (grades, weights, versions) are small; 15 digits fit a double exactly
PROFILE_FILE_BYTES = 5 * 1024 * 1024
SESSION_FILE_BYTES = 50 * 1024 * 1024  # signatures drawn as PNG make session files the largest


class JsonFileError(PhrasedError, ValueError):
    """A file that is not acceptable JSON; the message says why, without the file name (a
    phrase, so a Welsh screen words it; the parser's own finding is quoted in English)."""


# A string, escapes and all; the unrolled form keeps the regex engine from backtracking.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def _depth(text: str, limit: int) -> None:
    """Refuse nesting deeper than ``limit`` before the parser recurses into it. Strings go
    first (they may hold brackets), whole, by a regex: a character loop in Python took 5 ms
    over a force file, each time one was read."""
    outside = _STRING.sub("", text)
    unterminated = outside.find('"')
    if unterminated >= 0:  # the rest is inside a string that never ends: no nesting in it
        outside = outside[:unterminated]
    depth = 0
    for bracket in _BRACKET.finditer(outside):
        if bracket.group() in "[{":
            depth += 1
            if depth > limit:
                raise JsonFileError(Phrase.of("json.deep", limit=str(limit)))
        else:
            depth -= 1


def _integer(text: str) -> int:
    digits = text.lstrip("-")
    if len(digits) > MAX_DIGITS:
        raise JsonFileError(Phrase.of("json.digits", digits=str(len(digits)), most=str(MAX_DIGITS)))
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if len(text) > MAX_DIGITS + 10 or value in (float("inf"), float("-inf")):
        raise JsonFileError(Phrase.of("json.range", number=text[:20]))
    return value


def _constant(name: str) -> Any:
    raise JsonFileError(Phrase.of("json.constant", name=name))


def loads(text: str, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON text within the bounds; JsonFileError says what was out of bounds."""
    _depth(text, max_depth)
    try:
        return json.loads(text, parse_int=_integer, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise JsonFileError(
            Phrase.of("json.invalid", problem=exc.msg, line=str(exc.lineno), column=str(exc.colno))
        ) from None
    except RecursionError:  # a guard behind the depth check
        raise JsonFileError(Phrase.of("json.deep", limit=str(max_depth))) from None


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """A file's bytes, refused past ``max_bytes`` without reading the rest. Only a regular
    file is read: a pipe or a device named *.json in the profiles folder would otherwise hold
    the app's start (opening a pipe waits for a writer; reading a terminal waits for a line),
    so it is opened without waiting and refused when it is not a file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise JsonFileError(Phrase.of("json.not_a_file"))
        raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise JsonFileError(Phrase.of("json.large", most=str(max_bytes // (1024 * 1024))))
    return raw


UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def decode(raw: bytes) -> Any:
    """UTF-8, with or without the byte order mark Windows Notepad and PowerShell 5 write at the
    start (RFC 8259 lets a reader ignore it; refusing it would refuse a force file for an
    invisible character its editor added), or UTF-16 with its mark, which PowerShell 5's ``>``
    writes."""
    try:
        text = raw.decode("utf-16" if raw.startswith(UTF16_MARKS) else "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonFileError(
            Phrase.of("json.not_utf8", problem=exc.reason, byte=str(exc.start))
        ) from None
    return loads(text)


def read(path: Path, *, max_bytes: int) -> Any:
    """Read and parse a file no larger than ``max_bytes``. OSError and JsonFileError out."""
    return decode(read_bytes(path, max_bytes=max_bytes))
