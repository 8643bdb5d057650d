"""An answer to "how was it to tell us?" typed on the web page.

Kept apart from ``telling_feedback`` because it makes a record when the words need a
person (through ``intake.submit``), and the case store's status updates, which ask the
question, are themselves imported by ``intake``.
"""

from __future__ import annotations

from ..domain.draft import Draft
from ..domain.safeguarding import screen
from .intake import submit
from .telling_feedback import save_answer


def save_web_answer(*, ease: str, words: str | None) -> bool:
    """Keep the answer; words are screened like every message, and a possible disclosure
    makes a record of its own (nothing says who wrote it, so a person reads it). True
    when flagged, for the page's safety reply."""
    text = save_answer(via="web", ease=ease, words=words)
    screened = screen(text) if text else None
    if screened is not None and (screened.flagged or screened.concern):
        submit(Draft(text=text or "", channel="web", needs_review_reason=(
            "Written in answer to 'how was it to tell us?' (kept apart from records, so "
            "nothing says who wrote it)")), actor="telling-feedback")
    return screened is not None and screened.flagged
