"""The safeguarding screen's pattern tables: data, per kind and language.

``PATTERNS`` maps every kind, in the taxonomy's order, to its alert-tier alternatives: the
English first-person patterns, the English patterns of kinds that need words of their own
(``harms``) and of harms told plainly (``PLAINLY_TOLD``, there too), Welsh, then the English
patterns for someone writing on a child's behalf.
``CONCERN_PATTERNS`` holds the concern tier's ambiguous worries, and ``RESOLVED`` /
``ONGOING`` tell a past harm going well from one that goes on, and ``URGENT`` keeps a
doubtful model-only hit about danger now an alert (``concern``). ``INNOCENT`` holds
everyday phrases built on risky words (``innocent``), inside which evidence is dropped. The engine
(``domain.safeguarding``) squeezes and compiles them once.
"""

from __future__ import annotations

from .concern import (
    CONCERN,
    ONGOING,
    REPEATED,
    RESOLVED,
    TOLD_AS_PAST,
    URGENT,
    URGENT_BEYOND_NOW,
)
from .english import FIRST_PERSON, THIRD_PERSON
from .harms import HARMS, PLAINLY_TOLD
from .innocent import EVERYDAY_ANSWERS, INNOCENT
from .welsh import WELSH

# The taxonomy's order (taxonomy.yaml, safeguarding_kinds); a test keeps them the same.
KINDS = (
    "self_harm_suicide", "overdose_poisoning", "physical_abuse", "sexual_abuse",
    "sexual_exploitation", "online_sexual_abuse", "emotional_abuse", "neglect",
    "domestic_abuse", "missing", "exploitation", "modern_slavery", "radicalisation",
    "forced_marriage", "fgm", "bullying_threats", "immediate_danger",
)

PATTERNS: dict[str, tuple[str, ...]] = {
    kind: FIRST_PERSON.get(kind, ()) + HARMS.get(kind, ()) + PLAINLY_TOLD.get(kind, ())
    + WELSH.get(kind, ()) + THIRD_PERSON.get(kind, ())
    for kind in KINDS
}
CONCERN_PATTERNS: dict[str, tuple[str, ...]] = {
    kind: CONCERN[kind] for kind in KINDS if kind in CONCERN
}

__all__ = [
    "CONCERN_PATTERNS", "EVERYDAY_ANSWERS", "INNOCENT", "KINDS", "ONGOING", "PATTERNS",
    "REPEATED", "RESOLVED", "TOLD_AS_PAST", "URGENT", "URGENT_BEYOND_NOW",
]
