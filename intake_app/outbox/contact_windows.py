"""When it is safe to text a child: the windows behind "when is it safe to contact you".

A child at risk at home can say "only after school" or "only in the evening"; a text that
arrives at the wrong time can put them in danger. ``next_allowed`` says whether a message
may go now and, if not, when the next allowed window opens. It is pure (no clock, no
database) so the table below is the one place the windows are defined.

All times are Europe/London wall-clock times, so they follow BST and GMT. Weekdays are
Monday to Friday (school holidays and bank holidays are not known here: a weekday window
stays a weekday window). Nothing is ever sent at night (21:00-07:00), whatever was chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Window:
    start: time
    end: time  # exclusive
    weekdays_only: bool


# The choices offered to people (domain.draft.CONTACT_TIMES) and when each one allows texts.
WINDOWS: dict[str, Window] = {
    "any": Window(time(7, 0), time(21, 0), weekdays_only=False),
    "morning": Window(time(7, 0), time(8, 30), weekdays_only=True),
    "school_hours": Window(time(8, 30), time(15, 30), weekdays_only=True),
    "after_school": Window(time(15, 30), time(18, 0), weekdays_only=True),
    "evening": Window(time(18, 0), time(21, 0), weekdays_only=False),
}
# Nothing said (an old record, an empty list) means the draft's default: any time of day.
DEFAULT_TIMES = ("any",)


def allowed_windows(times: Iterable[str] | None) -> list[Window]:
    """The windows for the chosen keys; unknown keys are ignored, none at all means "any"."""
    chosen = [WINDOWS[key] for key in (times or ()) if key in WINDOWS]
    return chosen or [WINDOWS[key] for key in DEFAULT_TIMES]


def _opens(day: datetime, window: Window) -> bool:
    return not window.weekdays_only or day.weekday() < 5


def next_allowed(now: datetime, times: Iterable[str] | None) -> datetime | None:
    """None when a text may be sent at ``now`` (timezone-aware); otherwise the start of the
    next allowed window, in UTC."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    local = now.astimezone(LONDON)
    windows = allowed_windows(times)
    for window in windows:
        if _opens(local, window) and window.start <= local.time() < window.end:
            return None
    # The earliest opening after now: today's later windows, else the coming days' (a
    # weekday window is at most three days away, over a weekend).
    for days_ahead in range(0, 8):
        day = (local + timedelta(days=days_ahead)).date()
        starts = sorted(
            datetime.combine(day, window.start, tzinfo=LONDON)
            for window in windows
            if _opens(datetime.combine(day, window.start), window)
        )
        for start in starts:
            if start > local:
                return start.astimezone(UTC)
    raise AssertionError("every window opens within a week")  # pragma: no cover
