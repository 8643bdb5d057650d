"""Example representations so a fresh ``make run`` shows a working queue and case store.

They go through the real ``submit`` like any other message, so they are triaged, audited
and queued for forwarding exactly as a child's would be.
"""

from __future__ import annotations

from sqlalchemy import func, select

from ..domain.draft import Contact, Draft
from ..extensions import db
from ..models import Representation
from .intake import submit

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


def load(*, force: bool = False) -> int:
    """Submit the examples unless the database already has records; returns how many."""
    existing = db.session.scalar(select(func.count(Representation.id)))
    if existing and not force:
        return 0
    return sum(submit(example, actor="demo").created for example in EXAMPLES)
