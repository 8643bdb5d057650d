"""The officers' intake queue: which records, in what order, one page at a time.

Order: urgent first, then the nearest stage 1 deadline in force (the extended one once
extended; records without one last), then the oldest. That order is a CASE expression no
plain index can serve, and SQLite cannot reflect an expression index (so models and
migrations could no longer be checked against each other). So the queue is read as three
slices, concatenated, each made of "arms" that one index reads in order:

1. urgent records (a few per cent of the open ones), sorted in full;
2. the others with a deadline: unextended ones in ``stage1_due`` order and extended ones
   in ``stage1_extended_due`` order, merged by one compound ``ORDER BY`` that stops at the
   page's end;
3. the others without a deadline, oldest first.

Open records (the default) are read through partial indexes over open records only
(``OPEN_RECORD`` in the model), which also cover the counts, so the cost follows the open
workload, not the years of closed records. bench/queue_bench.py measures it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Row,
    Select,
    String,
    and_,
    case,
    cast,
    false,
    func,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import aliased

from ..domain import references
from ..domain.clock import stage1_limit
from ..domain.rag import Rag, rag
from ..extensions import db
from ..models import Representation, StaffUser
from ..models.representation import OPEN_RECORD

LONDON = ZoneInfo("Europe/London")
EXCERPT_LENGTH = 80

# The status filter: these views of the queue, or one intake status among open records.
OPEN = "open"
ALL = "all"
CLOSED = "closed"
DUPLICATE = "duplicate"
WITHDRAWN = "withdrawn"
URGENT = "urgent"

R = Representation


@dataclass(frozen=True)
class QueueFilters:
    """What the officer asked to see; empty strings mean "any"."""

    type: str = ""
    status: str = OPEN
    priority: str = ""
    category: str = ""
    service_area: str = ""
    channel: str = ""
    procedure: str = ""
    advocate: bool = False
    mine: bool = False
    # A canonical reference: only that record, whatever its status.
    reference: str = ""

    def chosen(self) -> dict[str, object]:
        """The filters that narrow the queue (for the audit trail and links)."""
        defaults = QueueFilters()
        return {field.name: value for field, value in
                ((field, getattr(self, field.name)) for field in fields(self))
                if value != getattr(defaults, field.name)}


@dataclass(frozen=True)
class QueueRow:
    reference: str
    reference_display: str
    type: str
    excerpt: str
    received: date
    due: date | None
    status: str
    priority: str
    safeguarding: bool
    safeguarding_handled: bool
    advocate: bool
    delivery_failed: bool
    assigned_to: str | None
    rag: Rag

    @property
    def urgent_alert(self) -> bool:
        """Urgent and nobody has yet recorded how the safeguarding alert was handled."""
        return self.priority == URGENT and not self.safeguarding_handled


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    total: int
    page: int
    page_size: int
    unhandled_urgent: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def london_today() -> date:
    return datetime.now(LONDON).date()


def find_reference(reference: str) -> str | None:
    """The canonical reference of an existing record matching what was typed, if any."""
    canonical = references.normalise(reference)
    if canonical is None:
        return None
    return db.session.scalar(select(R.reference).where(R.reference == canonical))


def queue_page(filters: QueueFilters, *, staff_id: int, page: int, page_size: int,
               nation: str, today: date | None = None) -> QueuePage:
    today = today or london_today()
    where = _conditions(filters, staff_id)
    slices = _slices(where)
    counts = [_count(arms) for arms in slices]
    total = sum(counts)
    page = min(max(1, page), max(1, -(-total // page_size)))
    ids = _page_ids(slices, counts, offset=(page - 1) * page_size, limit=page_size)
    return QueuePage(rows=_rows(ids, today, nation), total=total, page=page,
                     page_size=page_size, unhandled_urgent=_unhandled_urgent(where))


def _conditions(filters: QueueFilters, staff_id: int) -> list[ColumnElement[bool]]:
    if filters.reference:
        return [R.reference == filters.reference]
    where = [_status_condition(filters.status)]
    for name in ("type", "priority", "service_area", "channel", "procedure"):
        value = getattr(filters, name)
        if value:
            where.append(getattr(R, name) == value)
    if filters.category:
        # secondary_categories is a JSON list of keys: '["delay", "placement"]'. Quoting the
        # key makes the text match exact (keys are letters and underscores only).
        where.append(or_(R.primary_category == filters.category,
                         cast(R.secondary_categories, String)
                         .contains(f'"{filters.category}"', autoescape=True)))
    if filters.advocate:
        where.append(R.advocate_requested != "no")
    if filters.mine:
        where.append(R.assigned_to_id == staff_id)
    return where


def _open() -> ColumnElement[bool]:
    # Not withdrawn, not a duplicate, not closed by the case store: the very clause of the
    # queue's partial indexes, so the database knows they cover this query.
    return OPEN_RECORD  # type: ignore[return-value]


def _status_condition(status: str) -> ColumnElement[bool]:
    if status == ALL:
        return true()
    if status == OPEN:
        return _open()
    if status == CLOSED:
        return R.case_status == CLOSED
    if status == DUPLICATE:
        return R.duplicate_of_id.is_not(None)
    if status == WITHDRAWN:
        return or_(R.withdrawn_at.is_not(None), R.status == WITHDRAWN)
    return and_(_open(), R.status == status)


@dataclass(frozen=True)
class _Arm:
    """Part of a slice that one index can read in deadline order."""

    where: ColumnElement[bool]
    due: ColumnElement[date | None]


def _slices(where: list[ColumnElement[bool]]) -> list[tuple[_Arm, ...]]:
    """The queue's slices in order (see the module's docstring)."""
    urgent = R.priority == URGENT
    unextended = and_(R.priority != URGENT, R.stage1_extended == false(), *where)
    extended = and_(R.priority != URGENT, R.stage1_extended == true(), *where)
    return [
        (_Arm(and_(urgent, *where), case((R.stage1_extended == true(), R.stage1_extended_due),
                                         else_=R.stage1_due)),),
        (_Arm(and_(unextended, R.stage1_due.is_not(None)), R.stage1_due),
         _Arm(and_(extended, R.stage1_extended_due.is_not(None)), R.stage1_extended_due)),
        (_Arm(and_(unextended, R.stage1_due.is_(None)), R.stage1_due),
         _Arm(and_(extended, R.stage1_extended_due.is_(None)), R.stage1_extended_due)),
    ]


def _count(arms: tuple[_Arm, ...]) -> int:
    return sum(db.session.scalar(select(func.count()).select_from(R).where(arm.where)) or 0
               for arm in arms)


def _page_ids(slices: list[tuple[_Arm, ...]], counts: list[int], *, offset: int,
              limit: int) -> list[int]:
    ids: list[int] = []
    for arms, count in zip(slices, counts, strict=True):
        if limit <= 0:
            break
        if offset >= count:
            offset -= count
            continue
        found = list(db.session.scalars(_ordered(arms).offset(offset).limit(limit)))
        ids.extend(found)
        limit -= len(found)
        offset = 0
    return ids


def _ordered(arms: tuple[_Arm, ...]) -> Select[tuple[int]] | CompoundSelect:
    if len(arms) == 1:
        (arm,) = arms
        return (select(R.id).where(arm.where)
                .order_by(arm.due.is_(None), arm.due, R.received_at, R.id))
    # Each arm walks its own index in deadline order and SQLite merges the sorted streams
    # (an ORDER BY on the compound itself, not on a subquery, lets it), stopping at LIMIT.
    merged = union_all(*(select(R.id.label("id"), arm.due.label("due"),
                                R.received_at.label("received_at")).where(arm.where)
                         for arm in arms))
    columns = merged.selected_columns
    return merged.order_by(columns.due, columns.received_at, columns.id)


def _unhandled_urgent(where: list[ColumnElement[bool]]) -> int:
    return db.session.scalar(
        select(func.count()).select_from(R)
        .where(R.priority == URGENT, R.safeguarding_handled_at.is_(None), *where)) or 0


# Only what a row shows: loading whole records (triage JSON and all) costs more than the
# queries that find them.
_ROW_COLUMNS = (R.id, R.reference, R.type, R.text, R.received_at, R.stage1_due,
                R.stage1_extended_due, R.stage1_extended, R.clock_paused_on, R.status,
                R.priority, R.safeguarding_flag, R.safeguarding_handled_at,
                R.advocate_requested)


def _rows(ids: list[int], today: date, nation: str) -> list[QueueRow]:
    if not ids:
        return []
    assignee = aliased(StaffUser)
    found = {row.id: row for row in db.session.execute(
        select(*_ROW_COLUMNS, assignee.name.label("assigned_to"))
        .outerjoin(assignee, R.assigned_to_id == assignee.id).where(R.id.in_(ids)))}
    return [_row(found[record_id], today=today, nation=nation) for record_id in ids]


def _row(record: Row[Any], *, today: date, nation: str) -> QueueRow:
    due = stage1_limit(record.stage1_due, record.stage1_extended_due,
                       extended=record.stage1_extended)
    return QueueRow(
        reference=record.reference,
        reference_display=references.display(record.reference),
        type=record.type,
        excerpt=excerpt(record.text),
        received=_local_date(record.received_at),
        due=due,
        status=record.status,
        priority=record.priority,
        safeguarding=record.safeguarding_flag,
        safeguarding_handled=record.safeguarding_handled_at is not None,
        advocate=record.advocate_requested != "no",
        delivery_failed=record.status == "delivery_failed",
        assigned_to=record.assigned_to,
        rag=rag(due, today=today, paused=record.clock_paused_on is not None, nation=nation),
    )


def _local_date(moment: datetime) -> date:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LONDON).date()


def excerpt(text: str, length: int = EXCERPT_LENGTH) -> str:
    """The start of the text on one line, cut at a word so nothing reads half-typed."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[:length + 1].rsplit(" ", 1)[0] if " " in flat[:length + 1] else flat[:length]
    return cut.rstrip(" ,.;:-") + "…"
