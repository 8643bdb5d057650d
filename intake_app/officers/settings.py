"""Settings of the officers' area (listed in README.md's table)."""

from __future__ import annotations

from ..config import Setting

OFFICER_SETTINGS: tuple[Setting, ...] = (
    Setting("STAFF_IDLE_MINUTES", "30", "Staff are signed out after this many minutes "
            "without a request.", parse=int),
    Setting("STAFF_LOGIN_RATE_LIMIT", "5 per minute; 20 per hour", "Limit on staff sign-in "
            "attempts per address."),
    Setting("QUEUE_PAGE_SIZE", "50", "Records on one page of the officers' queue.", parse=int),
)
