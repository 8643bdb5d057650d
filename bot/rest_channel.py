"""Rasa's REST channel, open only to the app's conversation gateway.

Rasa's own REST channel answers anyone who can reach its port, and whoever posts to it
chooses the ``sender``: any process on the machine could speak as a child's conversation
(and, through the actions, read its record's status or make records attached to it).
This channel is the same one, at the same URL (``/webhooks/rest/webhook``), except that
every request must carry the secret the gateway and the bot share (``RASA_CHANNEL_SECRET``)
in the ``X-Rasa-Channel-Secret`` header; without it the answer is 403 and no message
reaches the bot. credentials.yml names this class instead of ``rest:``.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

SECRET_HEADER = "X-Rasa-Channel-Secret"


def secret_matches(given: str | None, secret: str) -> bool:
    """Does the request's secret equal ours? Compared in constant time."""
    return given is not None and hmac.compare_digest(given.encode(), secret.encode())


class SecretRestInput(RestInput):
    """The REST channel, refusing (403) any request without the shared secret."""

    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("the REST channel needs a secret: set RASA_CHANNEL_SECRET")
        self.secret = secret

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> SecretRestInput:
        return cls(str((credentials or {}).get("secret") or ""))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        channel = super().blueprint(on_new_message)

        # A blueprint's request middleware runs before each of its routes (and only
        # those): a refused request never reaches the handler that builds a UserMessage.
        @channel.middleware("request")
        async def require_secret(request: Request) -> HTTPResponse | None:
            if secret_matches(request.headers.get(SECRET_HEADER), self.secret):
                return None
            return response.json({"error": "forbidden"}, status=403)

        return channel
