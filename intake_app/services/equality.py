"""Saving equality monitoring answers, apart from records (``domain.equality``)."""

from __future__ import annotations

from ..domain.equality import valid_answers
from ..extensions import db
from ..models import EqualityAnswer
from .wall_clock import SYSTEM_CLOCK, WallClock


def save_answers(given: dict[str, str | None], *, clock: WallClock = SYSTEM_CLOCK) -> bool:
    """Keep one set of answers with only the day; nothing when every question was left
    (an empty row would count a person who chose not to take part). True when kept."""
    answers = valid_answers(given)
    if not any(answers.values()):
        return False
    db.session.add(EqualityAnswer(answered_on=clock.today(), **answers))
    db.session.commit()
    return True
