"""The secret number that lets a child check on their message from any phone or computer.

A reference alone is not enough to see how a record is going: references are printed on
letters and may be seen by others. With the six-digit secret given only to the child (on
the confirmation page and in every acknowledgement) anyone holding both can ask, from any
phone or browser; the same phone or conversation still needs no secret. Six digits are
easy for a nine-year-old to copy; guessing is held back by rate limits per address and
per reference, and only a keyed hash is stored (``services/status_checks``).
"""

from __future__ import annotations

import re
import secrets

SECRET_DIGITS = 6
_SEPARATORS = re.compile(r"[\s\-_.]+")


def new_secret() -> str:
    """Six random digits (leading zeros kept)."""
    return f"{secrets.randbelow(10 ** SECRET_DIGITS):0{SECRET_DIGITS}d}"


def normalise_secret(text: str) -> str | None:
    """The six digits a person typed, without spaces or dashes; None when it is not six
    digits."""
    candidate = _SEPARATORS.sub("", text or "")
    if len(candidate) != SECRET_DIGITS or not candidate.isascii() or not candidate.isdigit():
        return None
    return candidate
