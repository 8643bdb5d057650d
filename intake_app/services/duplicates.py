"""Likely duplicates of a record, linking one record as a duplicate of another, and
undoing a mistaken link.

Children often send the same thing twice: by text and then by the web form, or again
the next day because nobody answered. Suggestions are records received within
``WINDOW`` either side that came from the same phone (the keyed lookup hash, never the
number) or whose words are nearly the same. "Nearly the same" is the Jaccard index of the
two sets of words, at least ``SIMILAR_TEXT``: on the repository's 990 labelled messages,
all different, only 4 of 485,605 pairs reach 0.6 (and 331 reach 0.3), while a message sent
again with a few words changed stays well above it. Only the window's records are read
(and the start of each text compared), so the case view stays quick with a large backlog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import or_, select

from ..extensions import db
from ..models import Representation, RepresentationContact
from .audit import record_event
from .casework import CaseworkRefused, Officer, find_record
from .wall_clock import SYSTEM_CLOCK, WallClock

WINDOW = timedelta(days=14)
SIMILAR_TEXT = 0.6
# Messages shorter than this many distinct words match too easily ("help me please").
MIN_WORDS = 3
COMPARED_CHARS = 2000
MAX_SUGGESTIONS = 10
_WORD = re.compile(r"\w\w+")


@dataclass(frozen=True)
class Suggestion:
    reference: str
    received_at: datetime
    type: str
    excerpt: str
    same_sender: bool
    similarity: float


def words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold()))


def jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def suggestions(record: Representation) -> list[Suggestion]:
    """Records that may be the same representation, most alike first; records already
    linked to or from this one are left out (they are shown as links)."""
    own_words = words(record.text[:COMPARED_CHARS])
    rows = db.session.execute(
        select(Representation.id, Representation.reference, Representation.received_at,
               Representation.type, RepresentationContact.phone_lookup_hash,
               Representation.duplicate_of_id,
               Representation.text)
        .outerjoin(Representation.contact)
        .where(Representation.received_at.between(record.received_at - WINDOW,
                                                  record.received_at + WINDOW),
               Representation.id != record.id,
               or_(Representation.duplicate_of_id.is_(None),
                   Representation.duplicate_of_id != record.id))).all()
    found: list[Suggestion] = []
    for row in rows:
        if row.id == record.duplicate_of_id:
            continue
        same_sender = (record.contact.phone_lookup_hash is not None
                       and row.phone_lookup_hash == record.contact.phone_lookup_hash)
        # The text is encrypted at rest, so SQL cannot cut it: it is cut once decrypted.
        start = row.text[:COMPARED_CHARS]
        other_words = words(start)
        similarity = (jaccard(own_words, other_words)
                      if min(len(own_words), len(other_words)) >= MIN_WORDS else 0.0)
        if same_sender or similarity >= SIMILAR_TEXT:
            excerpt = start[:120] + ("…" if len(start) > 120 else "")
            found.append(Suggestion(row.reference, row.received_at, row.type, excerpt,
                                    same_sender, round(similarity, 2)))
    found.sort(key=lambda item: (-item.similarity, not item.same_sender, item.reference))
    return found[:MAX_SUGGESTIONS]


def linked_duplicates(record: Representation) -> list[Representation]:
    """Records already marked as duplicates of this one."""
    return list(db.session.scalars(
        select(Representation).where(Representation.duplicate_of_id == record.id)
        .order_by(Representation.received_at)))


def mark_duplicate(record: Representation, officer: Officer, reference_text: str, *,
                   clock: WallClock = SYSTEM_CLOCK) -> Representation:
    """Link ``record`` as a duplicate of the record with ``reference_text``."""
    original = find_record(reference_text)
    if original is None:
        raise CaseworkRefused({"reference": _("There is no record with that reference. "
                                              "Check it, for example ABCD-EFGH.")})
    if original.id == record.id:
        raise CaseworkRefused({"reference": _("A record cannot be a duplicate of itself.")})
    seen, cursor = {record.id}, original
    while cursor.duplicate_of_id is not None:
        if cursor.duplicate_of_id in seen:
            raise CaseworkRefused({"reference": _("That record is already a duplicate of "
                                                  "this one.")})
        seen.add(cursor.id)
        cursor = db.session.get(Representation, cursor.duplicate_of_id)
    before = {"duplicate_of_id": record.duplicate_of_id}
    record.duplicate_of_id = original.id
    record_event(officer.actor, "record.marked_duplicate", record, before=before,
                 after={"duplicate_of_id": original.id,
                        "duplicate_of_reference": original.reference}, at=clock.now())
    db.session.commit()
    return original


def unlink_duplicate(record: Representation, officer: Officer) -> Representation:
    """Undo a mistaken duplicate link, so the record is worked as its own again; returns
    the record it was linked to."""
    if record.duplicate_of_id is None:
        raise CaseworkRefused({"link": _("This record is not linked as a duplicate of "
                                         "another, so there is no link to remove.")})
    original = db.session.get(Representation, record.duplicate_of_id)
    record_event(officer.actor, "record.duplicate_unlinked", record,
                 before={"duplicate_of_id": original.id,
                         "duplicate_of_reference": original.reference},
                 after={"duplicate_of_id": None})
    record.duplicate_of_id = None
    db.session.commit()
    return original
