"""Settings of the outbox worker and its adapters (listed in README.md's table)."""

from __future__ import annotations

from ..config import Setting

FORWARDING_SETTINGS: tuple[Setting, ...] = ()
