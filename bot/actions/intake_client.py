"""A small HTTP client for the intake API, the only way the bot reaches the app.

Keeping every call here means the actions can be unit-tested with a fake client and the
API contract lives in one place. Timeouts are short because the gateway gives a whole
turn only a few seconds before it falls back to its degraded mode.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import requests

DEFAULT_API_URL = "http://127.0.0.1:5000/api/v1"
# Inside the gateway's turn budget (RASA_TURN_BUDGET_SECONDS, default 4): a reply that
# comes too late for the child is worse than an honest "please try again".
DEFAULT_TIMEOUT_SECONDS = "3"


class IntakeUnavailable(Exception):
    """The API could not be reached or failed (timeout, connection error, 5xx)."""


class StatusLimited(Exception):
    """Too many status look-ups that found nothing; ``text`` is what to tell the child
    (when to try again, who to call), in their language."""

    def __init__(self, text: str) -> None:
        super().__init__("status look-ups limited")
        self.text = text


class IntakeRejected(Exception):
    """The API refused the request as invalid (422); ``errors`` says which fields."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(f"rejected: {errors}")
        self.errors = errors


@dataclass(frozen=True)
class Submission:
    """What the child needs to hear after submitting: the reference and a date."""

    reference: str
    reply_by: str
    reply_by_words: str
    safeguarding: bool
    # The number that, with the reference, lets the child check from any phone (None
    # when the API has no new one to give: a repeated submission).
    status_secret: str | None = None


@dataclass(frozen=True)
class Status:
    """The status of one record, as the API words it for the child."""

    reference: str
    status: str
    status_text: str


@dataclass(frozen=True)
class CallbackRequest:
    """A request for a person to contact the child: how and by when, or, when nobody can
    reach them (``reachable`` false), the council's number and hours to give instead."""

    id: int
    reachable: bool
    method: str
    reply_by: str
    reply_by_words: str
    council_phone: str
    council_opening_hours: str


class IntakeClient:
    """Calls ``/api/v1`` with the bot's service token."""

    def __init__(
        self,
        base_url: str = DEFAULT_API_URL,
        token: str = "",
        session: requests.Session | None = None,
        timeout: float = float(DEFAULT_TIMEOUT_SECONDS),
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.session = session or requests.Session()
        self.timeout = timeout

    @classmethod
    def from_env(cls) -> IntakeClient:
        """Build a client from INTAKE_API_URL, INTAKE_API_TOKEN and INTAKE_API_TIMEOUT."""
        return cls(
            base_url=os.environ.get("INTAKE_API_URL", DEFAULT_API_URL),
            token=os.environ.get("INTAKE_API_TOKEN", ""),
            timeout=float(os.environ.get("INTAKE_API_TIMEOUT", DEFAULT_TIMEOUT_SECONDS)),
        )

    def submit(self, payload: dict[str, Any]) -> Submission:
        """Create a representation; repeats with the same idempotency key are safe."""
        body = _created(self._request("POST", "/representations", json=payload), "submit")
        return Submission(
            reference=body["reference"],
            reply_by=body.get("reply_by", ""),
            reply_by_words=body.get("reply_by_words", ""),
            safeguarding=bool(body.get("safeguarding", False)),
            status_secret=body.get("status_secret") or None,
        )

    def status(
        self, reference: str, conversation_id: str, secret: str | None = None
    ) -> Status | None:
        """Return the status, or None when the reference is unknown to this sender (or,
        with the secret number, from anywhere: unknown, or not its secret)."""
        if secret is None:
            response = self._request(
                "GET",
                f"/representations/{reference}/status",
                params={"conversation_id": conversation_id},
            )
        else:
            response = self._request(
                "POST",
                "/status-checks",
                json={"conversation_id": conversation_id, "reference": reference,
                      "secret": secret},
            )
            limited = (_json_object(response, "status").get("status_text")
                       if response.status_code == 429 else None)
            if limited:  # this reference or phone, not the bot's own token, is limited
                raise StatusLimited(str(limited))
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise IntakeUnavailable(f"status answered {response.status_code}")
        body = _json_object(response, "status")
        return Status(
            reference=body.get("reference", reference),
            status=body.get("status", ""),
            status_text=body.get("status_text", ""),
        )

    def request_callback(
        self,
        conversation_id: str,
        note: str,
        *,
        method: str = "none",
        phone: str | None = None,
        times: tuple[str, ...] = (),
    ) -> CallbackRequest:
        """Ask for a person to contact whoever is behind this conversation: by ``method``
        (call, text, call_or_text or none) on ``phone`` (None: the conversation's own
        number) at the safe ``times``."""
        payload: dict[str, Any] = {"conversation_id": conversation_id,
                                   "contact": {"method": method}}
        if note:
            payload["note"] = note
        if phone:
            payload["contact"]["phone"] = phone
        if times and method != "none":
            payload["contact_safety"] = {"times": list(times)}
        body = _created(self._request("POST", "/callback-requests", json=payload), "callback")
        return CallbackRequest(
            id=int(body["id"]),
            reachable=bool(body.get("reachable", False)),
            method=body.get("method") or method,
            reply_by=body.get("reply_by") or "",
            reply_by_words=body.get("reply_by_words") or "",
            council_phone=body.get("council_phone") or "",
            council_opening_hours=body.get("council_opening_hours") or "",
        )

    def _request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        try:
            return self.session.request(
                method, self.base_url + path, headers=headers, timeout=self.timeout, **kwargs
            )
        except requests.RequestException as error:
            raise IntakeUnavailable(str(error)) from error


def _created(response: requests.Response, what: str) -> dict[str, Any]:
    """The body of a 200/201; a 422 is the API refusing the data, anything else is it
    being unavailable (the action then tells the child honestly)."""
    if response.status_code == 422:
        raise IntakeRejected(_errors(response))
    if response.status_code not in (200, 201):
        raise IntakeUnavailable(f"{what} answered {response.status_code}")
    return _json_object(response, what)


def _json_object(response: requests.Response, what: str) -> dict[str, Any]:
    """A success's JSON object. A success without one (a proxy's page, a wrong
    INTAKE_API_URL) is not the API answering: unavailable, so the child is told honestly."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise IntakeUnavailable(f"{what} answered {response.status_code} without a JSON object")
    return body


def _errors(response: requests.Response) -> dict[str, str]:
    try:
        return dict(response.json().get("errors", {}))
    except ValueError:
        return {}
