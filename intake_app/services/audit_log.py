"""Reading the audit log: one record's trail, a date range in pages, and a CSV export.

Nothing here changes or deletes an audit row; the only write is the new event saying
that a manager looked at the log or exported it, because reading the log is itself a
view of records. Actors are stored as "staff:<id>", so the pages show the member of
staff's name instead (a name may change; the id in the row does not).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from ..domain import references
from ..domain.csv_cells import BYTE_ORDER_MARK, csv_line
from ..domain.reporting_periods import LONDON
from ..extensions import db
from ..models import AuditEvent, Representation, StaffUser
from .audit import record_event

STAFF_PREFIX = "staff:"
EXPORT_BATCH = 1000


@dataclass(frozen=True)
class Change:
    field: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Entry:
    occurred_at: datetime  # UK local time
    actor: str
    actor_name: str | None  # the member of staff's name, for "staff:<id>" actors
    action: str
    reference: str | None
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class EntryPage:
    entries: tuple[Entry, ...]
    total: int
    page: int
    pages: int


def find_record(typed: str) -> Representation | None:
    reference = references.normalise(typed)
    if reference is None:
        return None
    return db.session.scalars(
        select(Representation).where(Representation.reference == reference)).first()


def record_trail(record: Representation) -> tuple[Entry, ...]:
    """Everything that happened to one record, oldest first."""
    rows = db.session.execute(
        select(AuditEvent, Representation.reference)
        .outerjoin(Representation, AuditEvent.representation_id == Representation.id)
        .where(AuditEvent.representation_id == record.id)
        .order_by(AuditEvent.occurred_at, AuditEvent.id)).all()
    names = staff_names()
    return tuple(_entry(event, reference, names) for event, reference in rows)


def events_page(start: datetime, end: datetime, *, page: int, page_size: int) -> EntryPage:
    """Events from ``start`` up to ``end`` (UTC), oldest first, one page of them."""
    in_range = (AuditEvent.occurred_at >= start, AuditEvent.occurred_at < end)
    total = db.session.scalar(select(func.count()).select_from(AuditEvent).where(*in_range))
    pages = max(1, -(-total // page_size))
    page = min(max(1, page), pages)
    rows = db.session.execute(
        select(AuditEvent, Representation.reference)
        .outerjoin(Representation, AuditEvent.representation_id == Representation.id)
        .where(*in_range).order_by(AuditEvent.occurred_at, AuditEvent.id)
        .limit(page_size).offset((page - 1) * page_size)).all()
    names = staff_names()
    return EntryPage(tuple(_entry(event, reference, names) for event, reference in rows),
                     total, page, pages)


def export_lines(start: datetime, end: datetime, *, headings: tuple[str, ...]
                 ) -> Iterator[str]:
    """Every event in the range as CSV lines, oldest first, read in batches so a year of
    events streams without being held in memory."""
    names = staff_names()
    yield BYTE_ORDER_MARK + csv_line(headings)
    query = (select(AuditEvent, Representation.reference)
             .outerjoin(Representation, AuditEvent.representation_id == Representation.id)
             .where(AuditEvent.occurred_at >= start, AuditEvent.occurred_at < end)
             .order_by(AuditEvent.occurred_at, AuditEvent.id)
             .execution_options(yield_per=EXPORT_BATCH))
    for event, reference in db.session.execute(query):
        entry = _entry(event, reference, names)
        yield csv_line((entry.occurred_at.isoformat(), entry.actor, entry.actor_name or "",
                        entry.action, entry.reference or "", _json(event.before),
                        _json(event.after)))


def note_viewed(actor: str, record: Representation | None = None, **shown: Any) -> None:
    """Audit that the log was read (``shown``: which range or page)."""
    record_event(actor, "audit.viewed", record, after=shown or None)
    db.session.commit()


def note_exported(actor: str, start: datetime, end: datetime, **shown: Any) -> None:
    count = db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.occurred_at >= start, AuditEvent.occurred_at < end))
    record_event(actor, "audit.exported", after={**shown, "events": count})
    db.session.commit()


def staff_names() -> dict[str, str]:
    """Audit actor -> the member of staff's name (staff are few; one query)."""
    return {f"{STAFF_PREFIX}{staff_id}": name
            for staff_id, name in db.session.execute(select(StaffUser.id, StaffUser.name))}


def _entry(event: AuditEvent, reference: str | None, names: dict[str, str]) -> Entry:
    return Entry(
        occurred_at=event.occurred_at.astimezone(LONDON),
        actor=event.actor,
        actor_name=names.get(event.actor),
        action=event.action,
        reference=references.display(reference) if reference else None,
        changes=_changes(event.before, event.after),
    )


def _changes(before: dict[str, Any] | None, after: dict[str, Any] | None
             ) -> tuple[Change, ...]:
    """Each field named before or after, with both values as text (None when not set)."""
    before, after = before or {}, after or {}
    fields = list(before) + [name for name in after if name not in before]
    return tuple(Change(name, _text(before, name), _text(after, name)) for name in fields)


def _text(values: dict[str, Any], name: str) -> str | None:
    value = values.get(name)
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _json(value: dict[str, Any] | None) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) if value is not None else ""
