"""Who is acting: members' PINs for a session, and HR accounts. SQL for both, nothing else.

Secrets are kept as Argon2 hashes only (pcso_interview.credentials). A wrong PIN or passphrase
counts against its owner; after three in a row the owner waits a short while. Every refusal,
wait, setting and reset is a row of the audit chain, naming who acted, never the secret.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from pcso_interview import credentials
from pcso_interview.credentials import IdentityError
from pcso_interview.phrases import Phrase
from pcso_interview.store.connection import iso
from pcso_interview.store.session_rows import SessionRecords

if TYPE_CHECKING:
    from pcso_interview.session import Session

ROLES = ("hr", "admin")
NO_SESSION = ""  # audit rows about accounts belong to no session


@dataclass(frozen=True)
class User:
    name: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _now(store: SessionRecords) -> datetime:
    return store.clock()


def _waiting(store: SessionRecords, locked_until: str) -> int:
    """Seconds still to wait after too many wrong tries (0: none)."""
    if not locked_until:
        return 0
    until = datetime.fromisoformat(locked_until.replace("Z", "+00:00"))
    left = (until - _now(store)).total_seconds()
    return max(0, int(left + 0.999))


def _after_failure(failures: int, store: SessionRecords) -> tuple[int, str]:
    """The new count of wrong tries and, at the limit, until when to wait."""

    failures += 1
    if failures >= credentials.TRIES:
        return 0, iso(_now(store) + timedelta(seconds=credentials.WAIT_SECONDS))
    return failures, ""


# --- members' PINs -----------------------------------------------------------------------------


def member_has_secret(store: SessionRecords, session_id: str, member_id: str) -> bool:
    return (
        store._one(
            "SELECT 1 FROM member_secrets WHERE session_id = ? AND member_id = ?",
            [session_id, member_id],
        )
        is not None
    )


def set_member_secret(
    store: SessionRecords, session_id: str, member_id: str, secret: str, actor: str
) -> None:
    """The member chooses a PIN (or passphrase); only when none is set (an admin resets one)."""
    kind = credentials.kind_of(secret)
    digest = credentials.hash_secret(secret)
    with store._write() as now:
        session = store.load(session_id)
        member = session.member(member_id)
        if member_has_secret(store, session_id, member_id):
            raise IdentityError(Phrase.of("error.pin.exists", member=member.name))
        store.conn.execute(
            "INSERT INTO member_secrets (session_id, member_id, hash, kind) VALUES (?,?,?,?)",
            [session_id, member_id, digest, kind],
        )
        store._audit(now, session_id, actor or member.name, "set PIN", member_id, "", kind)


def check_member_secret(
    store: SessionRecords, session_id: str, member_id: str, secret: str
) -> None:
    """Raise IdentityError unless ``secret`` is the member's; wrong tries are counted and
    audited, and after three the member waits before trying again."""
    row = store._one(
        "SELECT hash, failures, locked_until FROM member_secrets"
        " WHERE session_id = ? AND member_id = ?",
        [session_id, member_id],
    )
    session = store.load(session_id)
    member = session.member(member_id)
    if row is None:
        raise IdentityError(Phrase.of("error.pin.none", member=member.name))
    wait = _waiting(store, row["locked_until"])
    if wait:
        raise IdentityError(Phrase.of("error.pin.wait", member=member.name, wait=str(wait)))
    if credentials.matches(row["hash"], secret):
        if row["failures"] or row["locked_until"]:
            with store._write():
                store.conn.execute(
                    "UPDATE member_secrets SET failures = 0, locked_until = ''"
                    " WHERE session_id = ? AND member_id = ?",
                    [session_id, member_id],
                )
        return
    failures, locked_until = _after_failure(row["failures"], store)
    with store._write() as now:
        store.conn.execute(
            "UPDATE member_secrets SET failures = ?, locked_until = ?"
            " WHERE session_id = ? AND member_id = ?",
            [failures, locked_until, session_id, member_id],
        )
        store._audit(
            now,
            session_id,
            member.name,
            "PIN refused",
            member_id,
            "",
            "wait" if locked_until else "",
        )
    if locked_until:
        raise IdentityError(
            Phrase.of("error.pin.locked", member=member.name, wait=str(credentials.WAIT_SECONDS))
        )
    left = credentials.TRIES - failures
    raise IdentityError(
        Phrase.of(
            "error.pin.wrong.one" if left == 1 else "error.pin.wrong",
            member=member.name,
            left=str(left),
        )
    )


def reset_member_secret(
    store: SessionRecords, session_id: str, member_id: str, admin: User
) -> None:
    """An HR admin clears a forgotten PIN: the member chooses a new one at next use."""
    if not admin.is_admin:
        raise IdentityError("Only an HR admin can reset a PIN.")
    with store._write() as now:
        member = store.load(session_id).member(member_id)
        store.conn.execute(
            "DELETE FROM member_secrets WHERE session_id = ? AND member_id = ?",
            [session_id, member_id],
        )
        store._audit(now, session_id, admin.name, "reset PIN", member_id, "", member.name)


# --- HR accounts -------------------------------------------------------------------------------


def count_users(store: SessionRecords) -> int:
    return int(store.conn.execute("SELECT count(*) FROM users").fetchone()[0])


def list_users(store: SessionRecords) -> list[User]:
    return [
        User(r["name"], r["role"])
        for r in store._rows("SELECT name, role FROM users ORDER BY name")
    ]


def add_user(store: SessionRecords, name: str, role: str, passphrase: str, by: User | None) -> User:
    """A new HR account. The first account is an admin and needs nobody's sign-in; every
    later one is added by a signed-in admin."""
    name = " ".join(name.split())
    if not name:
        raise IdentityError("An account needs the person's name.")
    if role not in ROLES:
        raise IdentityError(f"A role is one of {', '.join(ROLES)}, not {role!r}.")
    credentials.check_passphrase(passphrase)
    digest = credentials.hash_secret(passphrase)
    with store._write() as now:
        first = count_users(store) == 0
        if not first and (by is None or not by.is_admin):
            raise IdentityError("Only an HR admin can add an account.")
        if first:
            role = "admin"
        if store._one("SELECT 1 FROM users WHERE name = ?", [name]):
            raise IdentityError(f"There is already an account named {name}.")
        store.conn.execute(
            "INSERT INTO users (name, role, hash, created_at) VALUES (?,?,?,?)",
            [name, role, digest, now],
        )
        store._audit(now, NO_SESSION, by.name if by else name, "add user", name, "", role)
    return User(name, role)


def sign_in(store: SessionRecords, name: str, passphrase: str) -> User:
    """The account if the passphrase is its own; IdentityError (audited) if not."""
    row = store._one(
        "SELECT name, role, hash, failures, locked_until FROM users WHERE name = ?",
        [" ".join(name.split())],
    )
    if row is None:
        raise IdentityError(Phrase.of("error.passphrase.no_account", name=repr(name)))
    wait = _waiting(store, row["locked_until"])
    if wait:
        raise IdentityError(Phrase.of("error.passphrase.wait", name=row["name"], wait=str(wait)))
    if credentials.matches(row["hash"], passphrase):
        if row["failures"] or row["locked_until"]:
            with store._write():
                store.conn.execute(
                    "UPDATE users SET failures = 0, locked_until = '' WHERE name = ?", [row["name"]]
                )
        return User(row["name"], row["role"])
    failures, locked_until = _after_failure(row["failures"], store)
    with store._write() as now:
        store.conn.execute(
            "UPDATE users SET failures = ?, locked_until = ? WHERE name = ?",
            [failures, locked_until, row["name"]],
        )
        store._audit(
            now,
            NO_SESSION,
            row["name"],
            "sign-in refused",
            row["name"],
            "",
            "wait" if locked_until else "",
        )
    raise IdentityError(Phrase.of("error.passphrase.wrong", name=row["name"]))


def reset_user(store: SessionRecords, name: str, passphrase: str, admin: User) -> None:
    """An admin sets a new passphrase for a forgotten one (audited, never the passphrase)."""
    if not admin.is_admin:
        raise IdentityError("Only an HR admin can reset a passphrase.")
    credentials.check_passphrase(passphrase)
    digest = credentials.hash_secret(passphrase)
    with store._write() as now:
        row = store._one("SELECT name FROM users WHERE name = ?", [" ".join(name.split())])
        if row is None:
            raise IdentityError(f"No HR account named {name!r}.")
        store.conn.execute(
            "UPDATE users SET hash = ?, failures = 0, locked_until = '' WHERE name = ?",
            [digest, row["name"]],
        )
        store._audit(now, NO_SESSION, admin.name, "reset passphrase", row["name"])


class Identity(SessionRecords):
    """The store's room for who is acting: members' PINs and HR accounts."""

    def pin_required(self, session: Session, member_id: str) -> bool:
        """PINs guard every member, unless the profile waives them for a one-member panel;
        a member who has set one always needs it."""
        if member_has_secret(self, session.id, member_id):
            return True
        return len(session.panel) > 1 or session.profile.pin_for_single_member

    def member_has_secret(self, session_id: str, member_id: str) -> bool:
        return member_has_secret(self, session_id, member_id)

    def set_member_secret(
        self, session_id: str, member_id: str, secret: str, actor: str = ""
    ) -> None:
        set_member_secret(self, session_id, member_id, secret, actor)

    def check_member_secret(self, session_id: str, member_id: str, secret: str) -> None:
        check_member_secret(self, session_id, member_id, secret)

    def reset_member_secret(self, session_id: str, member_id: str, admin: User) -> None:
        reset_member_secret(self, session_id, member_id, admin)

    def count_users(self) -> int:
        return count_users(self)

    def list_users(self) -> list[User]:
        return list_users(self)

    def add_user(self, name: str, role: str, passphrase: str, by: User | None = None) -> User:
        return add_user(self, name, role, passphrase, by)

    def sign_in(self, name: str, passphrase: str) -> User:
        return sign_in(self, name, passphrase)

    def reset_user(self, name: str, passphrase: str, admin: User) -> None:
        reset_user(self, name, passphrase, admin)
