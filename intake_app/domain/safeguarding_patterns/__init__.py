"""The safeguarding screen's pattern tables: data, per kind and language.

``PATTERNS`` maps every kind, in the taxonomy's order, to its alternatives: the English
first-person patterns, then Welsh, then the English patterns for someone writing on a
child's behalf. The engine (``domain.safeguarding``) squeezes and compiles them once.
"""

from __future__ import annotations

from .english import FIRST_PERSON, THIRD_PERSON
from .welsh import WELSH

PATTERNS: dict[str, tuple[str, ...]] = {
    kind: FIRST_PERSON.get(kind, ()) + WELSH.get(kind, ()) + THIRD_PERSON.get(kind, ())
    for kind in FIRST_PERSON
}
