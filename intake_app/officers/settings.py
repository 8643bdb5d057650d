"""Settings of the officers' area (listed in README.md's table)."""

from __future__ import annotations

from ..config import Setting

OFFICER_SETTINGS: tuple[Setting, ...] = (
    Setting("STAFF_IDLE_MINUTES", "30", "Staff are signed out after this many minutes "
            "without a request.", parse=int),
    Setting("STAFF_LOGIN_RATE_LIMIT", "5 per minute; 20 per hour", "Limit on staff sign-in "
            "and two-factor attempts, counted per address and per account."),
    Setting("PROXY_FIX_HOPS", "0", "How many reverse proxies in front of the app add "
            "X-Forwarded-For/-Proto/-Host; with 0 those headers are ignored. Set it behind a "
            "proxy, or every visitor shares the proxy's address (and its sign-in limit).",
            parse=int),
    Setting("QUEUE_PAGE_SIZE", "50", "Records on one page of the officers' queue.", parse=int),
)
