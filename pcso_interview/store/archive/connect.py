"""Connecting to the force archive: what a URL may say, TLS, and where a password comes from.

A password is never taken from the URL (a command line is visible to every user of the
machine) and never stored: libpq reads ~/.pgpass or PGPASSWORD itself, and otherwise the
caller may ask for it (a terminal prompt, a dialog) for this one connection. Any host that is
not this machine is reached over TLS with the server's certificate checked, unless the URL
names its own ``sslmode``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pcso_interview.store.opening import StoreError

if TYPE_CHECKING:
    import psycopg

SCHEMES = ("postgresql://", "postgres://")
LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}
# Refusals and conflicts the archive raises itself (see schema.py): SQLSTATE class "PA".
CONFLICT, DIGEST_MISMATCH, IMMUTABLE, NOT_YOURS, AUDIT_DIFFERS, NOT_DUE, PURGED = (
    "PA001",
    "PA002",
    "PA003",
    "PA004",
    "PA005",
    "PA006",
    "PA007",  # a session the archive purged: nothing of it is taken back
)

PasswordPrompt = Callable[[str], "str | None"]
_CARRIES_PASSWORD = (
    "the archive URL carries a password, which other users of this computer could"
    " see; put it in ~/.pgpass (or PGPASSWORD) instead, or leave it out to be asked"
)
# A password written in a URL, read or not: user:password@ before the path, or a parameter.
_PASSWORD_WRITTEN = re.compile(r"^[^:/]*://[^/?#]*:[^/?#]*@|[?&]password=", re.IGNORECASE)


class ArchiveError(StoreError):
    """The archive cannot be reached or refused what was asked; the message says why."""


def is_archive_url(location: object) -> bool:
    """``--db`` names the force archive (a PostgreSQL URL) rather than a laptop's file."""
    return isinstance(location, str) and location.lower().startswith(SCHEMES)


def _is_local(host: str) -> bool:
    """A Unix socket (a folder) or this machine's loopback: no network to protect."""
    return all(h.startswith(("/", "@")) or h in LOCAL_HOSTS for h in host.split(","))


def connection_params(url: str) -> dict[str, str]:
    """libpq's parameters for a URL, with the app's rules applied; ArchiveError if refused."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = {k: str(v) for k, v in conninfo_to_dict(url).items() if v is not None}
    except Exception as exc:  # psycopg.ProgrammingError: a malformed URL
        if _PASSWORD_WRITTEN.search(url):
            # libpq's words quote the part of the URL it could not read: never say them back
            # when the URL holds a password.
            raise ArchiveError(_CARRIES_PASSWORD) from None
        raise ArchiveError(f"not a PostgreSQL URL: {str(exc).strip()}") from None
    if "password" in params:
        raise ArchiveError(_CARRIES_PASSWORD)
    host = params.get("host") or params.get("hostaddr") or os.environ.get("PGHOST", "")
    if not _is_local(host) and "sslmode" not in params:
        params["sslmode"] = "verify-full"  # TLS, and the server proves who it is
    params.setdefault("application_name", "pcso-interview")
    params.setdefault("connect_timeout", "15")
    return params


def describe(url: str) -> str:
    """The URL as it may be shown: user, host and database, never a secret."""
    try:
        params = connection_params(url)
    except ArchiveError:
        return "the archive"
    host = params.get("host", "") or "local socket"
    return f"{params.get('user', '')}@{host}/{params.get('dbname', '')}".lstrip("@")


def _needs_password(exc: Exception) -> bool:
    text = str(exc).lower()
    return "no password supplied" in text or "password authentication failed" in text


def connect(
    url: str, *, prompt: PasswordPrompt | None = None, autocommit: bool = False
) -> psycopg.Connection[Any]:
    """A connection to the archive; ArchiveError, in words, when there is none."""
    import psycopg

    params = connection_params(url)
    try:
        return psycopg.connect(autocommit=autocommit, **params)  # type: ignore[arg-type]
    except psycopg.OperationalError as exc:
        if prompt is None or not _needs_password(exc):
            raise ArchiveError(f"cannot connect to {describe(url)}: {_first_line(exc)}") from None
    secret = prompt(f"Password for {describe(url)}: ")
    if not secret:
        raise ArchiveError(f"cannot connect to {describe(url)}: no password given")
    try:
        return psycopg.connect(
            autocommit=autocommit,
            password=secret,
            **params,  # type: ignore[arg-type]
        )
    except psycopg.OperationalError as exc:
        raise ArchiveError(f"cannot connect to {describe(url)}: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[-1] if text else type(exc).__name__


def refusal(exc: Exception) -> str:
    """A database error's own words (its first line), for a message to the user."""
    diag = getattr(exc, "diag", None)
    primary = getattr(diag, "message_primary", None)
    return str(primary) if primary else _first_line(exc)
