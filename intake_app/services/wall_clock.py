"""Where services read the time: the system clock, or a fixed time when events are
replayed (the demo writes 18 months of history through the same services as an officer).

A service that reads "now" takes ``clock: WallClock = SYSTEM_CLOCK``; only a replay passes
anything else, so production reads the system clock as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


class WallClock:
    """The system's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        """Today in the council's time zone: deadlines are local working days."""
        return self.now().astimezone(LONDON).date()


@dataclass(frozen=True)
class FixedClock(WallClock):
    """A clock stopped at ``at`` (aware), for replaying an event at the time it happened."""

    at: datetime

    def now(self) -> datetime:
        return self.at


SYSTEM_CLOCK = WallClock()
