"""Fixtures for the action unit tests: trackers and a fake intake API client."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker

from actions import actions
from actions.intake_client import (
    CallbackRequest,
    IntakeRejected,
    IntakeUnavailable,
    Status,
    StatusLimited,
    Submission,
)


class FakeIntakeClient:
    """Records calls and answers like the API, or fails like it when told to."""

    def __init__(self) -> None:
        self.submitted: list[dict[str, Any]] = []
        self.status_calls: list[tuple[str, str]] = []
        self.status_secrets: list[str | None] = []
        # What the API says when look-ups are limited (None: they are not).
        self.status_limited: str | None = None
        self.callbacks: list[dict[str, Any]] = []
        # What the API answers to a submission; a test that checks where the reference
        # and date go may set its own.
        self.submission = Submission("QWER-TYUI", "2026-12-04", "Friday 4 December 2026", False)
        # The way the API settles on (None: the one asked for); it may differ, as a
        # landline given for "call or text" can only be called.
        self.callback_method: str | None = None
        # With a way to reach the child the API promises a day; with none it does not.
        self.callback_reachable: bool | None = None
        self.callback_rejected: dict[str, str] | None = None
        self.unavailable = False
        self.known_references = {"ABCD-EFGH"}
        self.languages = {"en", "cy"}

    def submit(self, payload: dict[str, Any]) -> Submission:
        self._fail_if_unavailable()
        if payload["language"] not in self.languages:
            raise IntakeRejected({"language": "is not one of ['en']"})
        self.submitted.append(payload)
        return self.submission

    def status(
        self, reference: str, conversation_id: str, secret: str | None = None
    ) -> Status | None:
        self._fail_if_unavailable()
        self.status_calls.append((reference, conversation_id))
        self.status_secrets.append(secret)
        if self.status_limited is not None:
            raise StatusLimited(self.status_limited)
        if reference not in self.known_references:
            return None
        return Status(reference, "triaged", "We have it and a person is looking at it.")

    def request_callback(
        self,
        conversation_id: str,
        note: str,
        *,
        method: str = "none",
        phone: str | None = None,
        times: tuple[str, ...] = (),
    ) -> CallbackRequest:
        self._fail_if_unavailable()
        if self.callback_rejected:
            raise IntakeRejected(self.callback_rejected)
        self.callbacks.append({"conversation_id": conversation_id, "note": note,
                               "method": method, "phone": phone, "times": times})
        reachable = method != "none" if self.callback_reachable is None else (
            self.callback_reachable)
        settled = self.callback_method or method
        return CallbackRequest(
            id=7, reachable=reachable, method=settled if reachable else "none",
            reply_by="2026-11-27",
            reply_by_words="Friday 27 November 2026" if reachable else "",
            council_phone="0300 123 4000",
            council_opening_hours="Monday to Friday, 9:00 AM to 5:00 PM")

    def _fail_if_unavailable(self) -> None:
        if self.unavailable:
            raise IntakeUnavailable("down")


@pytest.fixture
def fake_client(monkeypatch: pytest.MonkeyPatch) -> FakeIntakeClient:
    client = FakeIntakeClient()
    monkeypatch.setattr(actions, "client_factory", lambda: client)
    return client


def make_tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    metadata: dict[str, Any] | None = None,
    sender_id: str = "conv-123",
) -> Tracker:
    """A tracker whose latest message is ``text`` classified as ``intent``."""
    latest_message = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9} if intent else {},
        "entities": entities or [],
        "metadata": metadata or {},
    }
    return Tracker(
        sender_id=sender_id,
        slots=dict(slots or {}),
        latest_message=latest_message,
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": "tell_form"},
        latest_action_name="action_listen",
    )
