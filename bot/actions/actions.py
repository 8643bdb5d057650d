"""The bot's custom actions: the form's validation, the summary, and the API calls.

Every action that reaches the intake API runs the blocking HTTP call in a worker thread,
so one slow call does not stall the action server for every other conversation.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import answers
from actions.intake_client import (
    IntakeClient,
    IntakeRejected,
    IntakeUnavailable,
    StatusLimited,
    Submission,
)

logger = logging.getLogger(__name__)

FORM_SLOTS = (
    "rep_type",
    "what_happened",
    "what_would_help",
    "service_area",
    "advocate",
    "advocate_provider",
    "reply_channel",
)
STORY_SLOTS = ("story_text", "service_words", "contact_phone", "contact_email")
CALLBACK_SLOTS = ("callback_contact", "callback_phone", "callback_times")
SUMMARY_EXCERPT_CHARS = 100
SEED_STORY_MIN_WORDS = 8

ClientFactory = Callable[[], IntakeClient]
client_factory: ClientFactory = IntakeClient.from_env
"""Replaced in unit tests by a fake; the real one reads INTAKE_API_URL/INTAKE_API_TOKEN."""


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def _text(tracker: Tracker) -> str:
    return tracker.latest_message.get("text") or ""


def _metadata(tracker: Tracker) -> dict[str, Any]:
    return tracker.latest_message.get("metadata") or {}


def _language(tracker: Tracker) -> str:
    return tracker.get_slot("language") or "en"


def _channel(tracker: Tracker) -> str:
    """sms or chat: the gateway says so on every message (the slot is only set once the
    tell form has begun, and "talk to a person" can be the very first message)."""
    return _metadata(tracker).get("channel") or tracker.get_slot("channel") or "sms"


def _reset_story() -> list[EventType]:
    """Forget the half-told story (and how to reach them) but keep the language and the
    channel the child chose."""
    return [SlotSet(name, None)
            for name in FORM_SLOTS + STORY_SLOTS + CALLBACK_SLOTS + ("requested_slot",)]


def _append(story: str | None, text: str) -> str:
    return f"{story}\n{text}" if story else text


def _greet(dispatcher: CollectingDispatcher, language: str | None) -> None:
    """The greeting in the conversation's language, or in English and Welsh when the child
    has yet to choose: the Welsh half is its own reply marked ``lang: cy`` (a custom
    payload), so a page reads it as Welsh."""
    if language == "cy":
        dispatcher.utter_message(response="utter_greet_cy")
        return
    dispatcher.utter_message(response="utter_greet")
    if language is None:
        dispatcher.utter_message(response="utter_greet_cy")


def _tell_gateway_language(dispatcher: CollectingDispatcher, language: str) -> None:
    """The gateway writes its own texts (the safety reply, degraded mode) in the
    conversation's language: this custom message tells it which one the child chose."""
    dispatcher.utter_message(json_message={"conversation_language": language})


class ActionBegin(Action):
    """Greets, and keeps whatever the first message already told us.

    A child who opens with "my social worker never calls me back" has told us the type
    and the start of the story; asking again would feel like not being listened to.
    Where the council offers only English the language is English at once and never asked.
    """

    def name(self) -> str:
        return "action_begin"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        channel = _metadata(tracker).get("channel") or tracker.get_slot("channel") or "sms"
        events: list[EventType] = [SlotSet("channel", channel)]
        intent, text = _intent(tracker), _text(tracker)
        language = answers.starting_language(tracker.get_slot("language"), _metadata(tracker),
                                             text, intent)
        _greet(dispatcher, language)
        if language:
            events.append(SlotSet("language", language))
            if language != tracker.get_slot("language"):
                _tell_gateway_language(dispatcher, language)
        if intent in answers.TYPE_INTENTS:
            events.append(SlotSet("rep_type", answers.TYPE_INTENTS[intent]))
            if len(text.split()) >= SEED_STORY_MIN_WORDS:
                events.append(SlotSet("story_text", _append(tracker.get_slot("story_text"), text)))
        return events


class ValidateTellForm(FormValidationAction):
    """One validate_<slot> per question, each forgiving of how children answer."""

    def name(self) -> str:
        return "validate_tell_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """Ask which advocate only of a child who said yes to one."""
        if tracker.get_slot("advocate") == "yes":
            return domain_slots
        return [slot for slot in domain_slots if slot != "advocate_provider"]

    def validate_language(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        language = answers.parse_language(str(value))
        if language not in answers.offered_languages(_metadata(tracker)):
            language = None
        if language is None:
            dispatcher.utter_message(response="utter_language_not_understood")
            dispatcher.utter_message(response="utter_language_not_understood_cy")
        else:
            _tell_gateway_language(dispatcher, language)
        return {"language": language}

    def validate_rep_type(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        rep_type = answers.parse_rep_type(str(value), _intent(tracker))
        if rep_type is None:
            dispatcher.utter_message(response="utter_rep_type_not_understood")
        return {"rep_type": rep_type}

    def validate_what_happened(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Collect the story over several messages until the child says they are done.

        "No" to "Anything else?" also ends it, once there is something to send.
        """
        text, intent = str(value), _intent(tracker)
        story = tracker.get_slot("story_text")
        finished = answers.is_done(text, intent) or (story and answers.is_no(text, intent))
        if finished:
            if story:
                return {"what_happened": story}
            dispatcher.utter_message(response="utter_what_happened_empty")
            return {"what_happened": None}
        return {"what_happened": None, "story_text": _append(story, text.strip())}

    def validate_what_would_help(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"what_would_help": answers.parse_optional_text(str(value), _intent(tracker))}

    def validate_service_area(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        key, own_words = answers.parse_service_area(str(value), _intent(tracker))
        return {"service_area": key, "service_words": own_words}

    def validate_advocate(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        advocate, provider = answers.parse_advocate(str(value), _intent(tracker))
        if advocate is None:
            dispatcher.utter_message(response="utter_advocate_not_understood")
            return {"advocate": None}
        if advocate == "help_me_choose":
            provider = "help_me_choose"
        if advocate == "no":
            provider = answers.SKIPPED
        return {"advocate": advocate, "advocate_provider": provider}

    def validate_advocate_provider(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"advocate_provider": answers.parse_advocate_provider(str(value), _intent(tracker))}

    def validate_reply_channel(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        channel = tracker.get_slot("channel") or "sms"
        reply, contact = answers.parse_reply(str(value), _intent(tracker), channel)
        if reply is None:
            dispatcher.utter_message(response="utter_reply_not_understood")
        return {
            "reply_channel": reply,
            "contact_phone": contact.get("phone"),
            "contact_email": contact.get("email"),
        }


class ActionAskLanguage(Action):
    """Which language, asked in English and in Welsh, each half its own reply so the
    Welsh one is marked as Welsh."""

    def name(self) -> str:
        return "action_ask_language"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_ask_language")
        dispatcher.utter_message(response="utter_ask_language_cy")
        return []


class ActionAskWhatHappened(Action):
    """Asks for the story the first time, then "Anything else?" after each message."""

    def name(self) -> str:
        return "action_ask_what_happened"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("story_text"):
            dispatcher.utter_message(response="utter_ask_what_happened_more")
        else:
            dispatcher.utter_message(response="utter_ask_what_happened_first")
        return []


def build_summary(tracker: Tracker) -> str:
    """A few short lines in the child's language, so they can check before sending."""
    labels = answers.LABELS.get(_language(tracker), answers.LABELS["en"])
    field = labels["field"]
    story = tracker.get_slot("story_text") or ""
    excerpt = story
    if len(story) > SUMMARY_EXCERPT_CHARS:
        excerpt = story[:SUMMARY_EXCERPT_CHARS].rstrip() + "..."
    lines = [
        f"{field['type']}: {labels['rep_type'].get(tracker.get_slot('rep_type') or '', '')}",
        f"{field['what']}: {excerpt}",
    ]
    what_would_help = tracker.get_slot("what_would_help")
    if what_would_help and what_would_help != answers.SKIPPED:
        lines.append(f"{field['help']}: {what_would_help}")
    service = tracker.get_slot("service_area") or "other"
    service_words = tracker.get_slot("service_words") or labels["service_area"].get(service)
    lines.append(f"{field['service']}: {service_words}")
    advocate = tracker.get_slot("advocate") or "no"
    advocate_words = labels["advocate"].get(advocate, advocate)
    provider = tracker.get_slot("advocate_provider")
    if advocate == "yes" and provider and provider not in ("help_me_choose", answers.SKIPPED):
        advocate_words = f"{advocate_words}, {labels['advocate_provider'].get(provider, provider)}"
    lines.append(f"{field['advocate']}: {advocate_words}")
    reply = tracker.get_slot("reply_channel") or "none"
    lines.append(f"{field['reply']}: {labels['reply'].get(reply, reply)}")
    return "\n".join(lines)


class ActionSummary(Action):
    """Reads the answers back and asks for a yes before anything is sent."""

    def name(self) -> str:
        return "action_summary"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_summary", summary=build_summary(tracker))
        return []


def build_payload(tracker: Tracker) -> dict[str, Any]:
    """The API request for this conversation's answers (see the API contract)."""
    text = tracker.get_slot("story_text") or ""
    service_words = tracker.get_slot("service_words")
    if service_words:
        text = f"{text}\n\nService, in their words: {service_words}"
    payload: dict[str, Any] = {
        "text": text,
        "type": tracker.get_slot("rep_type"),
        "role": "young_person",
        "service_area": tracker.get_slot("service_area") or "other",
        "advocate": tracker.get_slot("advocate") or "no",
        "reply_channel": tracker.get_slot("reply_channel") or "none",
        "language": _language(tracker),
        "channel": tracker.get_slot("channel") or "sms",
        "conversation_id": tracker.sender_id,
        "idempotency_key": hashlib.sha256(
            f"{tracker.sender_id}\n{tracker.get_slot('rep_type')}\n{text}".encode()
        ).hexdigest()[:40],
    }
    what_would_help = tracker.get_slot("what_would_help")
    if what_would_help and what_would_help != answers.SKIPPED:
        payload["what_would_help"] = what_would_help
    provider = tracker.get_slot("advocate_provider")
    if payload["advocate"] == "yes" and provider and provider != answers.SKIPPED:
        payload["advocate_provider"] = provider
    contact = {
        key: value
        for key, value in (
            ("phone", tracker.get_slot("contact_phone")),
            ("email", tracker.get_slot("contact_email")),
        )
        if value
    }
    if contact:
        payload["contact"] = contact
    return payload


class ActionSubmit(Action):
    """Sends the representation to the intake API and gives the reference and date.

    The idempotency key is derived from the conversation and its content, so a "yes"
    sent again after a failure cannot create a second record.
    """

    def name(self) -> str:
        return "action_submit"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if not tracker.get_slot("story_text"):
            dispatcher.utter_message(response="utter_nothing_to_send")
            return []
        payload = build_payload(tracker)
        try:
            result = await asyncio.to_thread(_submit_keeping_the_record, payload)
        except (IntakeUnavailable, IntakeRejected) as error:
            logger.warning("submit failed for %s: %s", tracker.sender_id, error)
            dispatcher.utter_message(response="utter_submit_failed")
            dispatcher.utter_message(response="utter_summary", summary=build_summary(tracker))
            return []
        reply_by = answers.date_in_words(result.reply_by, result.reply_by_words, _language(tracker))
        dispatcher.utter_message(
            response="utter_submitted", reference=result.reference, reply_by=reply_by
        )
        if result.status_secret:
            dispatcher.utter_message(
                response="utter_status_secret", reference=result.reference,
                secret=result.status_secret,
            )
        return [*_reset_story(), SlotSet("reference", result.reference)]


def _submit_keeping_the_record(payload: dict[str, Any]) -> Submission:
    """Submit; if the council does not offer the chosen language, submit in English.

    The child has already been answered in their language; refusing the record over the
    language of the officer's paperwork would lose what they told us.
    """
    client = client_factory()
    try:
        return client.submit(payload)
    except IntakeRejected as error:
        if set(error.errors) != {"language"} or payload.get("language") == "en":
            raise
        logger.warning("language %s not offered; submitting in English", payload["language"])
        return client.submit({**payload, "language": "en"})


class ActionCheckStatus(Action):
    """STATUS ABCD-EFGH: the API answers the conversation that sent it (or one from the
    same phone); STATUS ABCD-EFGH 123456, with the secret number, from any phone or chat."""

    def name(self) -> str:
        return "action_check_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        reference = answers.find_reference(
            next(tracker.get_latest_entity_values("reference"), None) or _text(tracker)
        )
        if reference is None:
            dispatcher.utter_message(response="utter_ask_reference")
            return []
        secret = answers.find_status_secret(_text(tracker))
        try:
            status = await asyncio.to_thread(
                client_factory().status, reference, tracker.sender_id, secret
            )
        except StatusLimited as limited:
            dispatcher.utter_message(response="utter_status_limited", status_text=limited.text)
            return []
        except IntakeUnavailable as error:
            logger.warning("status failed for %s: %s", tracker.sender_id, error)
            dispatcher.utter_message(response="utter_service_unavailable")
            return []
        if status is None:
            dispatcher.utter_message(response="utter_status_not_found", reference=reference)
            return []
        dispatcher.utter_message(
            response="utter_status", reference=status.reference, status_text=status.status_text
        )
        return []


class ActionAskCallbackContact(Action):
    """Asks how a person may reach the child: in a text conversation this number can be
    called or texted; in the web chat only a number the child gives can."""

    def name(self) -> str:
        return "action_ask_callback_contact"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        channel = _channel(tracker)
        dispatcher.utter_message(
            response="utter_ask_callback_contact_sms" if channel == "sms"
            else "utter_ask_callback_contact_chat")
        return [] if tracker.get_slot("channel") == channel else [SlotSet("channel", channel)]


class ValidateCallbackForm(FormValidationAction):
    """How and when a person may get in touch; no safe times to ask with no way to."""

    def name(self) -> str:
        return "validate_callback_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("callback_contact") == answers.NO_CONTACT:
            return [slot for slot in domain_slots if slot != "callback_times"]
        return domain_slots

    def validate_callback_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        channel = _channel(tracker)
        method, phone = answers.parse_callback_contact(str(value), _intent(tracker), channel)
        if method is None:
            dispatcher.utter_message(
                response="utter_callback_contact_not_understood_sms" if channel == "sms"
                else "utter_callback_contact_not_understood_chat")
        return {"callback_contact": method, "callback_phone": phone}

    def validate_callback_times(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        times = answers.parse_contact_times(str(value), _intent(tracker))
        if times is None:
            dispatcher.utter_message(response="utter_callback_times_not_understood")
            return {"callback_times": None}
        return {"callback_times": " ".join(times)}


class ActionRequestCallback(Action):
    """Talk to a person: a callback request with how and when to reach the child and
    whatever they have told us so far.

    Contact is promised only when there is a way to make it, and then with the day;
    with none, the child gets the council's number and hours, and Childline.
    """

    def name(self) -> str:
        return "action_request_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        method = tracker.get_slot("callback_contact") or answers.NO_CONTACT
        times = tuple((tracker.get_slot("callback_times") or "").split())
        note = tracker.get_slot("story_text") or ""
        client = client_factory()
        try:
            callback = await asyncio.to_thread(
                lambda: client.request_callback(
                    tracker.sender_id, note, method=method,
                    phone=tracker.get_slot("callback_phone"), times=times))
        except IntakeRejected as error:
            logger.warning("callback request refused for %s: %s", tracker.sender_id, error)
            if any(field.startswith("contact") for field in error.errors):
                dispatcher.utter_message(response="utter_callback_number_refused")
                return [SlotSet(name, None) for name in CALLBACK_SLOTS]
            dispatcher.utter_message(response="utter_service_unavailable")
            return []
        except IntakeUnavailable as error:
            # The answers are kept: PERSON again sends them without asking twice.
            logger.warning("callback request failed for %s: %s", tracker.sender_id, error)
            dispatcher.utter_message(response="utter_service_unavailable")
            return []
        if not callback.reachable:
            dispatcher.utter_message(response="utter_callback_no_contact",
                                     council_phone=callback.council_phone,
                                     opening_hours=callback.council_opening_hours)
        else:
            how = callback.method if callback.method in CALLBACK_PROMISES else "call_or_text"
            dispatcher.utter_message(
                response=CALLBACK_PROMISES[how],
                reply_by=answers.date_in_words(callback.reply_by, callback.reply_by_words,
                                               _language(tracker)))
        return _reset_story()


# What the child is told a person will do, by the method the API settled on.
CALLBACK_PROMISES = {
    answers.CALL: "utter_callback_will_call",
    answers.TEXT: "utter_callback_will_text",
    answers.CALL_OR_TEXT: "utter_callback_will_call_or_text",
}


class ActionStartAgain(Action):
    """Clears the answers (not the language) so the form asks from the top."""

    def name(self) -> str:
        return "action_start_again"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        kept = _kept_as_an_answer(tracker)
        if kept is not None:
            return kept
        dispatcher.utter_message(response="utter_start_again")
        return _reset_story()


def _kept_as_an_answer(tracker: Tracker) -> list[EventType] | None:
    """A story misread as "start again" is kept as the answer to the question asked.

    Inside the tell form the rule then runs the form, which asks its next question as if
    the words had been answered normally: nothing the child told us is dropped.
    """
    text = _text(tracker).strip()
    asked = tracker.get_slot("requested_slot")
    if (tracker.active_loop_name != "tell_form" or asked not in ("what_happened",
                                                                   "what_would_help")
            or answers.asks_to_start_again(text)):
        return None
    if asked == "what_happened":
        return [SlotSet("story_text", _append(tracker.get_slot("story_text"), text))]
    return [SlotSet("what_would_help", text)]


class ActionCancel(Action):
    """Stops without sending anything, and says so."""

    def name(self) -> str:
        return "action_cancel"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_cancelled")
        return _reset_story()


class ActionSafety(Action):
    """A safety reply when a child says they are not safe, and the words kept in the story.

    The gateway screens every message first and adds its own safety reply and urgent
    alert; when it did (metadata ``safety_reply_sent``), repeating 999 and Childline here
    would only crowd a short text, so the bot just thanks the child and goes on.
    """

    def name(self) -> str:
        return "action_safety"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if _metadata(tracker).get("safety_reply_sent"):
            dispatcher.utter_message(response="utter_safety_noted")
        else:
            dispatcher.utter_message(response="utter_safety")
        return [SlotSet("story_text", _append(tracker.get_slot("story_text"), _text(tracker)))]
