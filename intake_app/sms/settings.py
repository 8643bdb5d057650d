"""Settings of the conversation gateway: Twilio and Rasa (listed in README.md's table)."""

from __future__ import annotations

from ..config import Setting

GATEWAY_SETTINGS: tuple[Setting, ...] = ()
