"""PINs and passphrases: what makes a good one, and Argon2 hashes of them (argon2-cffi).

Only the hash is ever stored; the text itself lives in memory for the moment it is checked.
Three wrong tries in a row impose a short wait, and each refusal is audited by the store.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher

from pcso_interview.lifecycle import SessionRuleError
from pcso_interview.phrases import Phrase

PIN = re.compile(r"[0-9]{4,8}")
PASSPHRASE_MIN = 10
TRIES = 3  # wrong tries in a row before a wait
WAIT_SECONDS = 30


class IdentityError(SessionRuleError):
    """A PIN, passphrase or account the app will not accept; the message is for the user."""


def kind_of(secret: str) -> str:
    """ "pin" (4 to 8 digits) or "passphrase" (at least 10 characters); refused otherwise."""
    if PIN.fullmatch(secret):
        return "pin"
    if secret.isdigit():
        raise IdentityError(Phrase.of("error.pin.digits"))
    if len(secret) < PASSPHRASE_MIN:
        raise IdentityError(Phrase.of("error.pin.choose", least=str(PASSPHRASE_MIN)))
    return "passphrase"


def check_passphrase(secret: str) -> None:
    """HR accounts sign in with a passphrase, never a short PIN."""
    if len(secret) < PASSPHRASE_MIN:
        raise IdentityError(Phrase.of("error.passphrase.short", least=str(PASSPHRASE_MIN)))


@cache
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    # OWASP's minimum for Argon2id (19 MiB, 2 passes): about 20 ms a check on a laptop.
    return PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_secret(secret: str) -> str:
    return str(_hasher().hash(secret))


def matches(stored: str, secret: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(stored, secret))
    except (VerificationError, InvalidHashError):
        return False


def same_name(typed: str, recorded: str) -> bool:
    """A typed signature is the member's own recorded name (case and spacing aside)."""
    return " ".join(typed.split()).casefold() == " ".join(recorded.split()).casefold()
