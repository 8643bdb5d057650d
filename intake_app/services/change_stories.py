""""You said, we did": changes made because children spoke up.

An officer writes what children said and what the council did, in plain words and in any
of the council's languages; a manager approves it before it is public. Changing or adding
words takes the approval away until a manager looks again, so nothing unread is shown.
The public page shows each approved change in the reader's language when it has one,
else in English (marked as English).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from ..domain.draft import clean_text
from ..extensions import db
from ..models import ChangeStory, ChangeStoryText
from .audit import record_event
from .casework import CaseworkRefused, Officer
from .wall_clock import SYSTEM_CLOCK, WallClock

WORDS_MAX = 1000
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Shown:
    """One change as the public page shows it, with the language its words are in."""

    said: str
    did: str
    language: str


@dataclass(frozen=True)
class ForStaff:
    story: ChangeStory
    texts: dict[str, ChangeStoryText]


def _words(language: str, said: str, did: str) -> tuple[str, str]:
    if language not in current_app.config["SUPPORTED_LOCALES"]:
        raise CaseworkRefused({"language": _("Choose one of the council's languages.")})
    said, did = clean_text(said), clean_text(did)
    if not said:
        raise CaseworkRefused({"said": _("Write what children told us.")})
    if not did:
        raise CaseworkRefused({"did": _("Write what we changed.")})
    if len(said) > WORDS_MAX or len(did) > WORDS_MAX:
        raise CaseworkRefused({"did": _("Keep each part under 1000 characters.")})
    return said, did


def write_story(officer: Officer, *, language: str, said: str, did: str,
                clock: WallClock = SYSTEM_CLOCK) -> ChangeStory:
    said, did = _words(language, said, did)
    story = ChangeStory(written_by_id=officer.id, created_at=clock.now())
    db.session.add(story)
    db.session.flush()
    db.session.add(ChangeStoryText(story_id=story.id, language=language, said=said, did=did))
    record_event(officer.actor, "change_story.written", after={
        "story_id": story.id, "language": language, "said": said, "did": did},
        at=clock.now())
    db.session.commit()
    return story


def set_words(story_id: int, officer: Officer, *, language: str, said: str, did: str,
              clock: WallClock = SYSTEM_CLOCK) -> ChangeStory | None:
    """Add or change the words in one language; the story waits for approval again."""
    story = db.session.get(ChangeStory, story_id)
    if story is None:
        return None
    said, did = _words(language, said, did)
    text = db.session.scalar(select(ChangeStoryText).where(
        ChangeStoryText.story_id == story.id, ChangeStoryText.language == language))
    if text is None:
        text = ChangeStoryText(story_id=story.id, language=language)
        db.session.add(text)
    text.said, text.did = said, did
    story.approved_at = story.approved_by_id = None
    record_event(officer.actor, "change_story.words_set", after={
        "story_id": story.id, "language": language, "said": said, "did": did},
        at=clock.now())
    db.session.commit()
    return story


def approve(story_id: int, manager: Officer, *,
            clock: WallClock = SYSTEM_CLOCK) -> ChangeStory | None:
    story = db.session.get(ChangeStory, story_id)
    if story is None:
        return None
    story.approved_at, story.approved_by_id = clock.now(), manager.id
    record_event(manager.actor, "change_story.approved", after={"story_id": story.id},
                 at=clock.now())
    db.session.commit()
    return story


def for_staff() -> list[ForStaff]:
    """Every story, newest first, with its words by language."""
    stories = list(db.session.scalars(select(ChangeStory).order_by(ChangeStory.id.desc())))
    texts: dict[int, dict[str, ChangeStoryText]] = {}
    for text in db.session.scalars(select(ChangeStoryText)):
        texts.setdefault(text.story_id, {})[text.language] = text
    return [ForStaff(story, texts.get(story.id, {})) for story in stories]


def published(language: str) -> list[Shown]:
    """Approved stories, newest approval first, in ``language`` or else English."""
    rows = db.session.execute(
        select(ChangeStory.id, ChangeStoryText)
        .join(ChangeStoryText, ChangeStoryText.story_id == ChangeStory.id)
        .where(ChangeStory.approved_at.is_not(None))
        .order_by(ChangeStory.approved_at.desc(), ChangeStory.id.desc())).all()
    by_story: dict[int, dict[str, ChangeStoryText]] = {}
    for story_id, text in rows:
        by_story.setdefault(story_id, {})[text.language] = text
    shown = []
    for texts in by_story.values():
        text = texts.get(language) or texts.get(FALLBACK_LANGUAGE)
        if text is not None:
            shown.append(Shown(text.said, text.did, text.language))
    return shown
