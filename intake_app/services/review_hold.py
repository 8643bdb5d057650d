"""Whether a record waits for an officer before it leaves for the case store.

A record that needs review waits in the intake queue until an officer confirms or corrects
its triage, unless the council triages in its own case system (``FORWARD_BEFORE_REVIEW``).
Intake, corrections and what rides along with forwarding (a compliment passed on) all ask
here, so they cannot disagree.
"""

from __future__ import annotations

from flask import current_app

from ..models import Representation


def forwards_before_review() -> bool:
    """The council triages in its own case system: nothing waits for a review here."""
    return bool(current_app.config["FORWARD_BEFORE_REVIEW"])


def held_for_review(record: Representation) -> bool:
    return record.needs_review and not forwards_before_review()
