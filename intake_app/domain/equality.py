"""Equality monitoring: the questions, their answer keys, and how the report counts them.

Optional, asked only after a message is sent, and kept apart from records: an answer has
no link to a record or a person, only the day it was given. Every question has "prefer
not to say". Reports count answers only in aggregate, and a count under
``SMALLEST_SHOWN`` is not shown, so nobody can be picked out; nor is a second count
beside a lone hidden one (``suppressed``), since every question's answers add up to the
same number of people and a lone hidden count would be that number minus the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

PREFER_NOT_TO_SAY = "prefer_not_to_say"
SMALLEST_SHOWN = 5

# Question key -> its answer keys, in the order the page shows them.
QUESTIONS: dict[str, tuple[str, ...]] = {
    "age_band": ("under_11", "11_to_13", "14_to_15", "16_to_17", "18_to_25", "over_25",
                 PREFER_NOT_TO_SAY),
    "gender": ("girl_or_woman", "boy_or_man", "non_binary", "another_way",
               PREFER_NOT_TO_SAY),
    "disability": ("yes", "no", "not_sure", PREFER_NOT_TO_SAY),
    "ethnicity": ("asian", "black", "mixed", "white", "another_group", PREFER_NOT_TO_SAY),
    "sexual_orientation": ("straight", "gay_or_lesbian", "bisexual", "another_way",
                           "not_sure", PREFER_NOT_TO_SAY),
}


def valid_answers(given: dict[str, str | None]) -> dict[str, str | None]:
    """Each question's answer when it is one of its keys, else None (not answered)."""
    return {question: (given.get(question) if given.get(question) in answers else None)
            for question, answers in QUESTIONS.items()}


def shown(count: int) -> int | None:
    """A count as a report may show it: None (suppressed) when 1 to 4 people gave it."""
    return None if 0 < count < SMALLEST_SHOWN else count


def suppressed(counts: Sequence[int]) -> list[int | None]:
    """One question's counts for one period as a report may show them, with secondary
    suppression: each question's counts add up to everyone who answered the page (an
    unanswered question is counted as "not answered"), a total any other question
    reveals, so a single hidden count could be worked out by subtraction. When exactly
    one count is hidden, the next smallest shown count (one above zero when there is
    one) is hidden too, so the two can only be known together."""
    figures = [shown(count) for count in counts]
    hidden = [index for index, figure in enumerate(figures) if figure is None]
    if len(hidden) != 1:
        return figures
    visible = [index for index, figure in enumerate(figures) if figure is not None]
    if visible:
        nonzero = [index for index in visible if counts[index]] or visible
        figures[min(nonzero, key=lambda index: (counts[index], index))] = None
    return figures
