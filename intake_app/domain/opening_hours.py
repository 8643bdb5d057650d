"""The council's phone opening hours, as configured and as a child reads them.

``COUNCIL_OPENING_HOURS`` is kept as data ("mon-fri 09:00-17:00; sat 10:00-13:00") rather
than as a sentence, so the words a child reads can be made in their language: day names
and times come from the locale (see ``services/council_contact.opening_hours_words``), not
from whatever language the setting was typed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SPAN = re.compile(r"^(?P<first>[a-z]{3})(?:\s*-\s*(?P<last>[a-z]{3}))?\s+"
                   r"(?P<opens>\d{1,2}:\d{2})\s*-\s*(?P<closes>\d{1,2}:\d{2})$")


@dataclass(frozen=True)
class OpeningSpan:
    """Days ``first_day`` to ``last_day`` (0 = Monday), open from ``opens`` to ``closes``."""

    first_day: int
    last_day: int
    opens: time
    closes: time


def _clock(raw: str) -> time:
    hours, minutes = raw.split(":")
    return time(int(hours), int(minutes))


def parse_opening_hours(raw: str) -> tuple[OpeningSpan, ...]:
    """``COUNCIL_OPENING_HOURS``: spans separated by ``;``, each ``day[-day] HH:MM-HH:MM``
    with three-letter English day keys. Refused (ValueError) when it cannot be read, so a
    typo stops the app at start-up rather than reaching a child."""
    spans = []
    for part in raw.split(";"):
        text = " ".join(part.strip().lower().split())
        if not text:
            continue
        match = _SPAN.match(text)
        if match is None:
            raise ValueError(f"COUNCIL_OPENING_HOURS: cannot read {part.strip()!r}; write "
                             "it like 'mon-fri 09:00-17:00; sat 10:00-13:00'")
        first = match["first"]
        last = match["last"] or first
        if first not in DAY_KEYS or last not in DAY_KEYS:
            raise ValueError(f"COUNCIL_OPENING_HOURS: days are {', '.join(DAY_KEYS)}, "
                             f"not {part.strip()!r}")
        try:
            opens, closes = _clock(match["opens"]), _clock(match["closes"])
        except ValueError:
            raise ValueError(f"COUNCIL_OPENING_HOURS: {part.strip()!r} has a time that "
                             "is not a time of day") from None
        if DAY_KEYS.index(last) < DAY_KEYS.index(first) or closes <= opens:
            raise ValueError(f"COUNCIL_OPENING_HOURS: {part.strip()!r} ends before it starts")
        spans.append(OpeningSpan(DAY_KEYS.index(first), DAY_KEYS.index(last), opens, closes))
    if not spans:
        raise ValueError("COUNCIL_OPENING_HOURS must name at least one day and its hours")
    return tuple(spans)
