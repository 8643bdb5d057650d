"""The gateway's client for Rasa's REST channel.

Rasa runs in its own Python 3.10 environment, so the only contract is HTTP: POST
``/webhooks/rest/webhook`` with ``sender`` (the conversation's opaque public id, never a
phone number), ``message`` and ``metadata``; the answer is a list of ``{"text": ...}``.
Every request carries ``RASA_CHANNEL_SECRET`` in the ``X-Rasa-Channel-Secret`` header:
the bot's REST channel (bot/rest_channel.py) refuses any request without it, since
whoever posts there speaks as the conversation named in ``sender``.
Every failure, including a turn slower than the budget, is one exception, because the
gateway's answer to all of them is the same: degraded mode.
"""

from __future__ import annotations

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

    def send(self, sender: str, text: str, metadata: dict[str, Any]) -> list[str]:
        """The bot's reply texts for this turn, in order; raises BotUnavailable."""
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
        return [item["text"] for item in answers
                if isinstance(item, dict) and isinstance(item.get("text"), str)]
