"""``archive init``: create or migrate the archive, and the two roles the DBA grants to logins.

One transaction, under an advisory lock, so two DBAs running it at once cannot interleave and a
failure leaves the database as it was. The roles are NOLOGIN: the DBA grants them to real
logins (one per laptop, or one for all, and HR's own), so the app never holds a password.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pcso_interview.store.archive.connect import ArchiveError, PasswordPrompt, connect, refusal
from pcso_interview.store.archive.schema import (
    ARCHIVE_VERSION,
    HR_FUNCTIONS,
    MIGRATIONS,
    UPLOADER_FUNCTIONS,
)

if TYPE_CHECKING:
    import psycopg

LOCK_KEY = 0x5C50_A4C1  # pg_advisory_xact_lock: one init at a time


@dataclass(frozen=True)
class InitResult:
    """What init did: the migrations applied now (none: already up to date), the roles made."""

    version: int
    applied: tuple[str, ...]
    created_roles: tuple[str, ...]
    notes: tuple[str, ...] = ()  # what the DBA may want to change, nothing wrong

    def describe(self) -> str:
        done = f"applied {', '.join(self.applied)}" if self.applied else "the schema was up to date"
        made = f"; created the roles {', '.join(self.created_roles)}" if self.created_roles else ""
        return f"archive at version {self.version}: {done}{made}"


def archive_version(conn: psycopg.Connection[Any]) -> int:
    """How many migrations the archive has (0: none yet, or not an archive)."""
    row = conn.execute("SELECT to_regclass('archive.migrations') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute("SELECT coalesce(max(version), 0) FROM archive.migrations").fetchone()
    return int(found[0]) if found else 0


def _trgm_schema(conn: psycopg.Connection[Any]) -> str:
    conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA archive")
    row = conn.execute(
        "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'"
    ).fetchone()
    assert row is not None
    return str(row[0])


def _notes(conn: psycopg.Connection[Any]) -> tuple[str, ...]:
    """Advice on the database itself: pg_trgm sorts letters into words by the database's
    LC_CTYPE, and under C or POSIX only ASCII letters count."""
    row = conn.execute(
        "SELECT datctype FROM pg_database WHERE datname = current_database()"
    ).fetchone()
    ctype = str(row[0]) if row else ""
    if ctype.upper() in ("C", "POSIX"):
        return (
            f"the database's LC_CTYPE is {ctype}: a text search for names with letters such as"
            " ŵ or ŷ finds the right sessions but the text index helps it less; a database"
            " made with a UTF-8 LC_CTYPE (e.g. en_GB.UTF-8 or C.UTF-8) indexes those letters"
            " too",
        )
    return ()


def _ensure_role(conn: psycopg.Connection[Any], name: str) -> bool:
    """Create a NOLOGIN role unless it exists; True when made."""
    from psycopg import sql

    if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone():
        return False
    conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
    return True


def _grant(conn: psycopg.Connection[Any], uploader: str, hr: str) -> None:
    """The privileges, set again from nothing each time: PUBLIC has none, the uploader may
    call the push functions only, HR may read every table and call reprint and purge."""
    from psycopg import sql

    up, h = sql.Identifier(uploader), sql.Identifier(hr)
    statements = [
        "REVOKE ALL ON SCHEMA archive FROM PUBLIC",
        "REVOKE ALL ON ALL TABLES IN SCHEMA archive FROM PUBLIC",
        "REVOKE ALL ON ALL SEQUENCES IN SCHEMA archive FROM PUBLIC",
        "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA archive FROM PUBLIC",
    ]
    for statement in statements:
        conn.execute(statement.encode())
    for role in (up, h):
        conn.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA archive FROM {}").format(role))
        conn.execute(sql.SQL("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA archive FROM {}").format(role))
        conn.execute(sql.SQL("GRANT USAGE ON SCHEMA archive TO {}").format(role))
    conn.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA archive TO {}").format(h))
    for signature, role in [
        *((f, up) for f in UPLOADER_FUNCTIONS),
        *((f, h) for f in HR_FUNCTIONS),
    ]:
        # The signatures are this module's own constants, never user input.
        conn.execute(
            sql.SQL("GRANT EXECUTE ON FUNCTION archive.{} TO {}").format(
                sql.SQL(signature),
                role,
            )
        )


def init_archive(
    url: str, uploader_role: str, hr_role: str, *, prompt: PasswordPrompt | None = None
) -> InitResult:
    """Create or migrate the archive at ``url`` and its two roles; ArchiveError if refused."""
    import psycopg

    if not uploader_role.strip() or not hr_role.strip():
        raise ArchiveError("name both roles: --uploader-role and --hr-role")
    if uploader_role == hr_role:
        raise ArchiveError("the uploader and HR roles must be two different roles")
    conn = connect(url, prompt=prompt)
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
            conn.execute("CREATE SCHEMA IF NOT EXISTS archive")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS archive.migrations (version integer PRIMARY KEY,"
                " name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            current = archive_version(conn)
            if current > ARCHIVE_VERSION:
                raise ArchiveError(
                    f"the archive is at version {current}, made by a newer pcso-interview"
                    f" (this one knows {ARCHIVE_VERSION}); nothing was changed: update the app"
                )
            trgm = _trgm_schema(conn)
            applied = []
            conn.execute("SET LOCAL search_path = archive, pg_temp")
            for migration in MIGRATIONS[current:]:
                script = migration.sql.replace("TRGM_SCHEMA", f'"{trgm}"')
                conn.execute(script.encode())
                conn.execute(
                    "INSERT INTO archive.migrations (version, name) VALUES (%s, %s)",
                    [migration.version, migration.name],
                )
                applied.append(f"{migration.version:03d}_{migration.name}")
            made = tuple(r for r in (uploader_role, hr_role) if _ensure_role(conn, r))
            notes = _notes(conn)
            _grant(conn, uploader_role, hr_role)
            for key, value in (("uploader_role", uploader_role), ("hr_role", hr_role)):
                conn.execute(
                    "INSERT INTO archive.settings (key, value) VALUES (%s, %s)"
                    " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                    [key, value],
                )
    except psycopg.Error as exc:
        raise ArchiveError(
            f"archive init was refused, nothing was changed: {refusal(exc)}"
        ) from None
    finally:
        conn.close()
    return InitResult(ARCHIVE_VERSION, tuple(applied), made, notes)
