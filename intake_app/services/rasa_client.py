"""The gateway's client for Rasa's REST channel.

Rasa runs in its own Python 3.10 environment, so the only contract is HTTP: POST
``/webhooks/rest/webhook`` with ``sender`` (the conversation's opaque public id, never a
phone number), ``message`` and ``metadata``; the answer is a list of ``{"text": ...}``,
and of ``{"custom": ...}`` for what plain text cannot say: a reply in another language
than the conversation's (``{"text", "lang"}``, so a page can mark it with ``lang``) and the
language the child chose (``{"conversation_language"}``, so the gateway's own texts, such
as the safety reply, follow it).
Every request carries ``RASA_CHANNEL_SECRET`` in the ``X-Rasa-Channel-Secret`` header:
the bot's REST channel (bot/rest_channel.py) refuses any request without it, since
whoever posts there speaks as the conversation named in ``sender``.
Every failure, including a turn slower than the budget, is one exception, because the
gateway's answer to all of them is the same: degraded mode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import requests
from requests.adapters import HTTPAdapter

WEBHOOK_PATH = "/webhooks/rest/webhook"
SECRET_HEADER = "X-Rasa-Channel-Secret"
# Connecting to 127.0.0.1 is instant or refused; a long connect wait only eats the budget.
CONNECT_TIMEOUT_SECONDS = 0.5
# Idle connections kept open to Rasa: above the turns in flight at once (requests keeps
# 10, and at 20 busy conversations it would open and drop a connection on most turns).
POOL_SIZE = 32


@dataclass(frozen=True)
class BotReply:
    """One text of the bot's answer; ``lang`` only when it is not in the conversation's
    language (the Welsh half of a greeting that offers both)."""

    text: str
    lang: str | None = None


@dataclass(frozen=True)
class BotAnswer:
    replies: list[BotReply] = field(default_factory=list)
    chosen_language: str | None = None  # the language the child picked in this turn

    @property
    def texts(self) -> list[str]:
        return [reply.text for reply in self.replies]


class BotUnavailable(Exception):
    """Rasa could not answer within the turn budget (down, slow, or a bad answer)."""


class RasaClient:
    """Sends one message to Rasa and returns the texts it answers with.

    One ``requests.Session`` per client keeps connections to Rasa alive between turns.
    """

    def __init__(self, base_url: str, secret: str, budget_seconds: float,
                 session: requests.Session | None = None) -> None:
        self.url = base_url.rstrip("/") + WEBHOOK_PATH
        self.headers = {SECRET_HEADER: secret}
        self.budget_seconds = budget_seconds
        if session is None:
            session = requests.Session()
            session.mount("http://", HTTPAdapter(pool_connections=1, pool_maxsize=POOL_SIZE))
            # Rasa is on 127.0.0.1: no proxy or .netrc applies, and not looking for them
            # in the environment saves work on every turn.
            session.trust_env = False
        self.session = session

    def send(self, sender: str, text: str, metadata: dict[str, Any]) -> BotAnswer:
        """The bot's replies for this turn, in order; raises BotUnavailable."""
        timeout = (min(CONNECT_TIMEOUT_SECONDS, self.budget_seconds), self.budget_seconds)
        try:
            response = self.session.post(
                self.url,
                json={"sender": sender, "message": text, "metadata": metadata},
                headers=self.headers,
                timeout=timeout,
            )
            response.raise_for_status()
            answers = response.json()
        except (requests.RequestException, ValueError) as error:
            raise BotUnavailable(f"{type(error).__name__}: {error}") from error
        if not isinstance(answers, list):
            raise BotUnavailable(f"unexpected answer from Rasa: {answers!r:.200}")
        return read_answer(answers)


def read_answer(answers: list[Any]) -> BotAnswer:
    """Texts in order, each with its language when the bot marked one; anything else the
    channel may carry (images, buttons) is not for SMS or this chat and is dropped."""
    replies: list[BotReply] = []
    chosen: str | None = None
    for item in answers:
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("text"), str):
            replies.append(BotReply(item["text"]))
        custom = item.get("custom")
        if not isinstance(custom, dict):
            continue
        if isinstance(custom.get("text"), str):
            lang = custom.get("lang")
            replies.append(BotReply(custom["text"], lang if isinstance(lang, str) else None))
        if isinstance(custom.get("conversation_language"), str):
            chosen = custom["conversation_language"]
    return BotAnswer(replies, chosen)
