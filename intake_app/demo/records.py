"""The demo's records: a few hundred representations over the last 18 months and two demo
staff accounts, so the queue, the case view and the reports have something to show from
the first start.

Every record goes through the real ``submit``, with ``received_at`` in the past and a
clock stopped at that moment, so it is triaged, audited and queued exactly as a child's
message would have been then; ``history`` then replays what happened afterwards through
the officers' and the worker's services. A fixed seed makes the demo the same every time.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from ..domain.draft import Contact, ContactSafety, Draft, OnBehalf
from ..extensions import db
from ..models import AuditEvent, ChannelMessage, Conversation, Representation, StaffUser
from ..services.audit import record_event
from ..services.conversations import new_public_id
from ..services.intake import submit
from ..services.protection import encrypt_json, lookup_hash
from ..services.staff_accounts import (
    create_user,
    find_by_email,
    generate_password,
    hash_password,
)
from ..services.wall_clock import SYSTEM_CLOCK, FixedClock, WallClock
from ..taxonomy import keys
from . import history as demo_history
from . import texts as demo_texts

SEED = 20240401
RECORD_COUNT = 250
DEMO_DAYS = 548  # 18 months
# Urgent messages written on purpose; the two most recent are left for an officer to handle.
SAFEGUARDING_COUNT = 11
LOCAL = ZoneInfo("Europe/London")
DEMO_ACTOR = "demo"
# The acknowledgement is on screen (or in the conversation) this long after arrival.
ACKNOWLEDGED_AFTER = timedelta(seconds=20)

DEMO_STAFF = (
    ("demo.officer@example.org", "Demo Officer", "officer"),
    ("demo.manager@example.org", "Demo Manager", "manager"),
)

# The first four demo records since the start: kept, and still the newest.
EXAMPLES = (
    Draft(text="my social worker keeps changing and nobody tells me anything. i had 4 this "
               "year and the new one hasnt even met me", channel="web",
          declared_type="complaint", service_area="children_in_care", role="young_person",
          advocate="help_me_choose", submission_key="demo-1"),
    Draft(text="My foster carer Sam is amazing, she helped me with my exams and always "
               "listens", channel="web", declared_type="compliment", service_area="fostering",
          role="young_person", submission_key="demo-2"),
    Draft(text="Can I get help with money for a deposit on my first flat?", channel="web",
          declared_type="enquiry", service_area="leaving_care", role="care_leaver",
          reply_channel="email", contact=Contact(email="demo.care.leaver@example.com"),
          submission_key="demo-3"),
    Draft(text="We were told contact with our grandson would be every week but it has been "
               "cancelled three times", channel="web", declared_type="complaint",
          service_area="children_in_care", role="relative", submission_key="demo-4"),
)
EXAMPLE_KINDS = (("complaint", "worker_allocation"), ("compliment", "worker"),
                 ("enquiry", None), ("complaint", "contact"))

ROLES = {"young_person": 38, "care_leaver": 12, "advocate": 14, "parent": 14, "carer": 9,
         "relative": 7, "professional": 5, "other": 1}
CHANNELS_BY_ROLE = {
    "young_person": {"web": 35, "sms": 28, "chat": 30, "api": 7},
    "care_leaver": {"web": 40, "sms": 25, "chat": 20, "api": 15},
    "advocate": {"advocate": 80, "web": 10, "api": 10},
}
ADULT_CHANNELS = {"web": 84, "api": 6, "sms": 5, "chat": 5}
KINDS = {"complaint": 62, "compliment": 15, "enquiry": 13, "comment": 10}
COMPLAINT_CATEGORIES = {"communication": 16, "worker_allocation": 12, "delay": 12,
                        "placement": 11, "contact": 11, "staff_conduct": 9,
                        "quality_of_service": 8, "decision": 8, "money": 6,
                        "confidentiality": 4, "other": 3}
COMPLIMENT_CATEGORIES = {"worker": 45, "service": 20, "communication": 15, "child_focus": 15,
                         "partnership": 5}
AREAS = {"children_in_care": 40, "children_in_need": 14, "child_protection": 10,
         "fostering": 10, "residential": 8, "disabled_children": 6, "early_help": 4,
         "adoption": 3, "youth_justice": 3, "front_door": 2}
AREAS_BY_CATEGORY = {
    "placement": {"fostering": 4, "residential": 3, "children_in_care": 3},
    "contact": {"children_in_care": 6, "fostering": 2, "adoption": 1},
    "staff_conduct": {"residential": 4, "children_in_care": 3, "child_protection": 1},
    "worker_allocation": {"children_in_care": 5, "children_in_need": 3, "child_protection": 2},
    "money": {"children_in_care": 3, "fostering": 3},
}
PROVIDERS = ("nyas", "coram_voice", "barnardos", "action_for_children", "local")


@dataclass(frozen=True)
class PlannedRecord:
    """One demo message to submit, with what the demo meant by it."""

    draft: Draft
    message: demo_texts.DemoMessage
    # The texter's number, in Ofcom's drama range (07700 900000-900999), which can never
    # reach a real person; ``submit`` takes it as an SMS sender, as Twilio delivers it.
    phone: str | None = None
    duplicate_of_key: str | None = None


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    role: str
    password: str | None  # only when it was made or reset just now; shown once


@dataclass(frozen=True)
class DemoLoad:
    created: int
    accounts: tuple[DemoAccount, ...]
    first_received: date | None = None
    last_received: date | None = None
    statuses: tuple[tuple[str, int], ...] = ()
    urgent: int = 0
    safeguarding_unhandled: int = 0


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _received_at(rng: random.Random, now: datetime, age_days: float, channel: str) -> datetime:
    """Forms and advocates mostly write in office hours on weekdays; children text and chat
    after school and at weekends."""
    day = (now - timedelta(days=age_days)).astimezone(LOCAL).date()
    if channel in ("sms", "chat"):
        hour = rng.choice((7, 12, 15, 16, 17, 18, 19, 20, 21, 22, 23))
    else:
        while day.weekday() >= 5 and rng.random() < 0.85:
            day -= timedelta(days=1)
        hour = rng.choice((8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19))
    local = datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)), LOCAL)
    return min(local.astimezone(UTC), now - timedelta(minutes=rng.randrange(20, 200)))


def _ages(rng: random.Random, count: int) -> list[float]:
    """Ages in days, oldest first: a little busier lately, as a new service becomes known,
    with the very first one about 18 months ago."""
    ages = sorted((DEMO_DAYS * rng.random() ** 1.2 for _ in range(count - 1)), reverse=True)
    return [DEMO_DAYS - 0.5, *ages]


def _category(rng: random.Random, kind: str, role: str) -> str | None:
    if kind == "complaint":
        return _weighted(rng, COMPLAINT_CATEGORIES)
    if kind == "compliment":
        category = _weighted(rng, COMPLIMENT_CATEGORIES)
        return "worker" if category == "partnership" and role != "professional" else category
    return None


def _service_area(rng: random.Random, role: str, channel: str, category: str | None,
                  school: bool) -> str | None:
    if school:
        return "send_education"
    if channel in ("sms", "chat") and rng.random() < 0.6:
        return None  # a quick text does not say which team it is about
    if role == "care_leaver" and rng.random() < 0.9:
        return "leaving_care"
    if role == "carer" and rng.random() < 0.6:
        return "fostering"
    return _weighted(rng, AREAS_BY_CATEGORY.get(category or "", AREAS))


def _advocate(rng: random.Random, role: str, kind: str) -> tuple[str, str | None]:
    if role in ("young_person", "care_leaver") and kind == "complaint":
        draw = rng.random()
        if draw < 0.16:
            return "yes", rng.choice(PROVIDERS)
        if draw < 0.26:
            return "help_me_choose", None
    elif role in ("parent", "carer", "relative") and rng.random() < 0.04:
        return "help_me_choose", None
    return "no", None


def _reply(rng: random.Random, role: str, channel: str, index: int
           ) -> tuple[str, Contact, str | None]:
    """How the person wants a reply: (reply channel, contact, the texter's number).

    Only a texter replies by phone: ``submit`` rightly refuses a drama-range number typed
    into a form, and no demo message may go to a number that could be real, so those who
    would have asked for a text or a call from a form get no reply."""
    if channel == "sms":
        phone = f"+4477009{index % 1000:05d}"
        return "sms", Contact(phone=phone), phone
    email = Contact(email=f"person{index}@example.com")
    if role in ("young_person", "care_leaver"):
        choice = _weighted(rng, {"none": 5, "sms": 3, "email": 2} if role == "young_person"
                           else {"none": 2, "sms": 4, "email": 4})
        return ("email", email, None) if choice == "email" else ("none", Contact(), None)
    if role == "advocate":
        return "email", Contact(email=f"advocate{index}@example.org"), None
    draw = rng.random()
    if draw < 0.6:
        return "email", email, None
    if draw < 0.85:
        return "none", Contact(), None
    return "letter", Contact(address=f"{index % 90 + 1} Example Road, Demotown"), None


def _on_behalf(rng: random.Random, role: str, child: demo_texts.Child | None
               ) -> OnBehalf | None:
    if role != "advocate" or child is None:
        return None
    return OnBehalf(helper_name=rng.choice(("Priya Shah", "Tom Evans", "Grace Okoye",
                                            "Sam Hughes", "Nadia Khan")),
                    organisation=rng.choice(("NYAS", "Coram Voice", "Barnardo's")),
                    relationship="Independent advocate",
                    consent=f"{child.name} asked me to send this and agreed what it says.")


def _planned(rng: random.Random, now: datetime, index: int, age: float, *,
             safeguarding: bool, variant: int = 0) -> PlannedRecord:
    role = _weighted(rng, {"young_person": 8, "advocate": 2, "care_leaver": 1, "parent": 1}
                     if safeguarding else ROLES)
    channel = _weighted(rng, CHANNELS_BY_ROLE.get(role, ADULT_CHANNELS))
    kind = "complaint" if safeguarding else _weighted(rng, KINDS)
    category = None if safeguarding else _category(rng, kind, role)
    school = role == "parent" and kind == "complaint" and rng.random() < 0.15
    texting = channel in ("sms", "chat")
    message, child = demo_texts.message(rng, role, kind, category, texting=texting,
                                        safeguarding=safeguarding, school=school,
                                        variant=variant)
    advocate, provider = _advocate(rng, role, kind)
    reply_channel, contact, phone = _reply(rng, role, channel, index)
    young = role in ("young_person", "care_leaver")
    draft = Draft(
        text=message.text,
        channel=channel,
        declared_type=None if texting else kind,
        service_area=_service_area(rng, role, channel, category, school),
        role=role,
        on_behalf=_on_behalf(rng, role, child),
        advocate=advocate,
        advocate_provider=provider,
        reply_channel=reply_channel,
        contact=contact,
        contact_safety=ContactSafety(times=("after_school",) if young and rng.random() < 0.4
                                     else ("any",)),
        submission_key=f"demo-{index}",
        received_at=_received_at(rng, now, age, channel),
    )
    return PlannedRecord(draft, message, phone)


def plan(rng: random.Random, now: datetime) -> list[PlannedRecord]:
    """Every demo message, oldest first (the four original examples last)."""
    count = RECORD_COUNT - len(EXAMPLES)
    ages = _ages(rng, count)
    # Spread the urgent ones over the period, the last two in the past two days.
    urgent = {round(count * (i + 0.5) / (SAFEGUARDING_COUNT - 2))
              for i in range(SAFEGUARDING_COUNT - 2)}
    ages[-2:] = [1.4, 0.3]
    urgent |= {count - 2, count - 1}
    order = sorted(urgent)
    planned = [_planned(rng, now, index + 5, age, safeguarding=index in urgent,
                        variant=order.index(index) if index in urgent else 0)
               for index, age in enumerate(ages)]
    planned += _duplicates(rng, planned)
    planned.sort(key=lambda item: item.draft.received_at or now)
    for example, (kind, category), hours in zip(EXAMPLES, EXAMPLE_KINDS, (50, 27, 14, 4),
                                                strict=True):
        planned.append(PlannedRecord(replace(example, received_at=now - timedelta(hours=hours)),
                                     demo_texts.DemoMessage(example.text, kind, category)))
    return planned


def _duplicates(rng: random.Random, planned: list[PlannedRecord]) -> list[PlannedRecord]:
    """Two children who texted the same complaint twice, a few hours apart."""
    texted = [item for item in planned if item.draft.channel == "sms" and item.phone
              and item.message.kind == "complaint" and not item.message.safeguarding]
    repeats = []
    for number, first in enumerate(rng.sample(texted, 2)):
        assert first.draft.received_at is not None and first.draft.submission_key
        again = replace(first.draft, text="did u get my message? " + first.draft.text,
                        submission_key=f"demo-dup-{number + 1}",
                        received_at=first.draft.received_at
                        + timedelta(minutes=rng.randrange(40, 240)))
        repeats.append(replace(first, draft=again,
                               duplicate_of_key=first.draft.submission_key))
    return repeats


# --- Staff -----------------------------------------------------------------------------------

def demo_accounts() -> tuple[DemoAccount, ...]:
    """The demo accounts that exist, without passwords."""
    found = (find_by_email(email) for email, _name, _role in DEMO_STAFF)
    return tuple(DemoAccount(user.email, user.name, user.role, None)
                 for user in found if user is not None)


def _ensure_accounts() -> tuple[DemoAccount, ...]:
    """Make the demo officer and manager if missing, each with a random password that is
    returned once (never a fixed password: a demo left running must not be an open door)."""
    accounts = []
    for email, name, role in DEMO_STAFF:
        user = find_by_email(email)
        password = None
        if user is None:
            password = generate_password()
            user = create_user(email, name=name, role=role, password=password)
            record_event(DEMO_ACTOR, "staff.created", after={"staff_id": user.id, "role": role})
        accounts.append(DemoAccount(user.email, user.name, user.role, password))
    db.session.commit()
    return tuple(accounts)


def reset_passwords() -> tuple[DemoAccount, ...]:
    """New random passwords for the demo accounts that exist (two-factor is kept)."""
    accounts = []
    for email, _name, _role in DEMO_STAFF:
        user = find_by_email(email)
        if user is None:
            continue
        password = generate_password()
        user.password_hash = hash_password(password)
        record_event(DEMO_ACTOR, "staff.password_reset", after={"staff_id": user.id})
        accounts.append(DemoAccount(user.email, user.name, user.role, password))
    db.session.commit()
    return tuple(accounts)


# --- Loading ---------------------------------------------------------------------------------

def _conversation(item: PlannedRecord, received_at: datetime) -> int:
    """The bot conversation a text or chat came through, as the case view shows it."""
    draft = item.draft
    conversation = Conversation(
        public_id=new_public_id(), channel=draft.channel, state="submitted",
        phone_encrypted=encrypt_json(item.phone) if draft.channel == "sms" else None,
        phone_lookup_hash=lookup_hash(item.phone) if draft.channel == "sms" and item.phone
        else None,
        created_at=received_at - timedelta(minutes=4), updated_at=received_at)
    db.session.add(conversation)
    db.session.flush()
    lines = [("inbound", draft.text),
             ("outbound", "Thanks for telling us. Would you like an advocate to help you? "
                          "Reply YES, NO or NOT SURE."),
             ("inbound", {"yes": "yes", "help_me_choose": "not sure"}.get(draft.advocate, "no")),
             ("outbound", "Thank you. We have your message and a person will read it soon.")]
    for step, (direction, body) in enumerate(lines):
        db.session.add(ChannelMessage(
            conversation_id=conversation.id, direction=direction, body=body,
            created_at=received_at - timedelta(minutes=3 - step)))
    return conversation.id


def _is_loaded(key: str) -> bool:
    return db.session.scalar(
        select(Representation.id).where(Representation.submission_key == key)) is not None


class RealRecordsPresent(RuntimeError):
    """``force`` was asked on a database holding records that are not the demo's."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


def _real_record_count() -> int:
    """Records not submitted by the demo loader (its audit trail names the actor)."""
    demo_submitted = select(AuditEvent.id).where(
        AuditEvent.representation_id == Representation.id,
        AuditEvent.action == "representation.submitted", AuditEvent.actor == DEMO_ACTOR)
    return db.session.scalar(
        select(func.count(Representation.id)).where(~demo_submitted.exists())) or 0


def load(*, force: bool = False, clock: WallClock = SYSTEM_CLOCK) -> DemoLoad:
    """Load the demo unless the database already has records (``force`` loads what is
    missing anyway); staff accounts are made only together with the demo records, so the
    command never adds accounts to a database in real use.

    ``force`` refuses (RealRecordsPresent) a database with any record the demo did not
    make: demo records go through ``submit``, which queues acknowledgements and forwarding,
    so made-up cases would reach real case stores and mix with real figures.

    ``clock`` is the demo's "now": records arrive over the 18 months before it."""
    existing = db.session.scalar(select(func.count(Representation.id)))
    if existing and not force:
        return DemoLoad(created=0, accounts=demo_accounts())
    if existing and (real := _real_record_count()):
        raise RealRecordsPresent(real)
    accounts = _ensure_accounts()
    now = clock.now()
    created: list[tuple[PlannedRecord, int]] = []
    for item in plan(random.Random(SEED), now):
        key = item.draft.submission_key
        if existing and key and _is_loaded(key):
            continue
        received_at = item.draft.received_at or now
        draft = item.draft
        if draft.channel in ("sms", "chat"):
            draft = replace(draft, conversation_id=_conversation(item, received_at))
        submitted_at = min(received_at + ACKNOWLEDGED_AFTER, now)
        result = submit(draft, actor=DEMO_ACTOR, clock=FixedClock(submitted_at))
        if result.created:
            created.append((item, result.representation_id))
    staff = {user.role: user for user in db.session.scalars(
        select(StaffUser).where(StaffUser.email.in_([email for email, *_ in DEMO_STAFF])))}
    demo_history.add_history(created, staff, now=now, rng=random.Random(SEED + 1))
    return _summary(len(created), accounts)


def _summary(created: int, accounts: tuple[DemoAccount, ...]) -> DemoLoad:
    first, last = db.session.execute(
        select(func.min(Representation.received_at), func.max(Representation.received_at))).one()
    statuses = Counter(dict(db.session.execute(
        select(Representation.status, func.count()).group_by(Representation.status)).all()))
    urgent = db.session.scalar(select(func.count()).where(Representation.priority == "urgent"))
    unhandled = db.session.scalar(select(func.count()).where(
        Representation.safeguarding_flag.is_(True),
        Representation.safeguarding_handled_at.is_(None)))
    return DemoLoad(
        created=created, accounts=accounts,
        first_received=first.date() if first else None,
        last_received=last.date() if last else None,
        statuses=tuple((status, statuses[status]) for status in keys("intake_statuses")
                       if statuses[status]),
        urgent=urgent or 0, safeguarding_unhandled=unhandled or 0)
