"""Reference numbers a child can read out or text back.

Eight characters from an alphabet without 0/O/1/I/L (easily confused when read aloud or
copied from a small screen); the last is a check character so a single mistyped
character or a swap of two neighbours is caught before we look anything up.
Shown as ``ABCD-EFGH``; accepted in any case, with or without the dash or spaces.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
BODY_LENGTH = 7
_VALUE = {char: index for index, char in enumerate(ALPHABET)}
_SEPARATORS = re.compile(r"[\s\-_.]+")


def check_character(body: str) -> str:
    """Weighted sum modulo the (prime, 31) alphabet size: catches any single substitution and
    any transposition of adjacent characters."""
    total = sum((position + 2) * _VALUE[char] for position, char in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def new_reference() -> str:
    """A random reference in canonical form (8 characters, no dash)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return body + check_character(body)


def normalise(text: str) -> str | None:
    """The canonical reference typed by a person, or None when it is not a valid one."""
    candidate = _SEPARATORS.sub("", text or "").upper()
    if len(candidate) != BODY_LENGTH + 1 or any(char not in _VALUE for char in candidate):
        return None
    if check_character(candidate[:BODY_LENGTH]) != candidate[BODY_LENGTH]:
        return None
    return candidate


def display(reference: str) -> str:
    """``ABCDEFGH`` -> ``ABCD-EFGH`` for reading and typing."""
    return f"{reference[:4]}-{reference[4:]}"
