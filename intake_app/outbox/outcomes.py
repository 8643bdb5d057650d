"""What an adapter reports back to the worker.

An adapter returns ``Delivered``, ``Skipped`` or ``Deferred``, or raises ``RetryableError``
(a peer that may recover: 5xx, 408, 429, timeouts, refused connections) or
``PermanentError`` (a peer that said no and will say no again: other 4xx, a missing
configuration the row cannot work without). Only the worker turns these into row states,
so every adapter is retried alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Delivered:
    """The peer has it; ``external_id`` is its own id when it gave one (the case id)."""

    external_id: str | None = None


@dataclass(frozen=True)
class Skipped:
    """Deliberately not sent (STOP, the person chose no reply): never retried."""

    reason: str


@dataclass(frozen=True)
class Deferred:
    """Not now, on purpose (outside the person's safe contact times): try again at
    ``until``. Not a failure: no attempt is counted and no error is kept."""

    until: datetime


class RetryableError(Exception):
    """Try again later; ``retry_after`` (seconds) is the peer's own hint, when it gave one."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentError(Exception):
    """Retrying cannot help: the message goes straight to ``delivery_failed``."""


Outcome = Delivered | Skipped | Deferred
