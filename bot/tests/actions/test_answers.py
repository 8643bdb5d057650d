"""The parsing of short answers: numbers, text-speak, Welsh, and the taxonomy keys."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from actions import answers

TAXONOMY = yaml.safe_load(
    (Path(__file__).resolve().parents[3] / "intake_app" / "taxonomy.yaml").read_text()
)
# The web form's contact times (intake_app/domain/draft.py CONTACT_TIMES): no import
# crosses from the bot into the app, so the keys are read from the source.
TAXONOMY_CONTACT_TIMES = re.search(
    r'^CONTACT_TIMES = \(([^)]*)\)',
    (Path(__file__).resolve().parents[3] / "intake_app" / "domain" / "draft.py").read_text(),
    re.M).group(1).replace('"', "").replace(" ", "").split(",")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1", "en"), ("English pls", "en"), ("2", "cy"), ("Cymraeg", "cy"), ("welsh", "cy"),
     ("banana", None)],
)
def test_language_answers(text: str, expected: str | None) -> None:
    assert answers.parse_language(text) == expected


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [("1", None, "complaint"), ("4", "complaint", "enquiry"), ("idk", "compliment", "compliment"),
     ("i have an idea", None, "comment"), ("question?", None, "enquiry"), ("hmm", None, None)],
)
def test_representation_type_answers(text: str, intent: str | None, expected: str | None) -> None:
    assert answers.parse_rep_type(text, intent) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("my foster carer", ("fostering", None)), ("Social Worker", ("children_in_care", None)),
     ("not sure", ("other", None)), ("idk", ("other", None)),
     ("the childrens home", ("residential", None)), ("my PA", ("leaving_care", None)),
     ("the answer is the bus", ("other", "the answer is the bus"))],
)
def test_service_answers_map_to_taxonomy_or_keep_the_words(
    text: str, expected: tuple[str, str | None]
) -> None:
    assert answers.parse_service_area(text, None) == expected


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [("yes", None, ("yes", None)), ("yeah nyas", None, ("yes", "nyas")),
     ("choose", None, ("help_me_choose", None)), ("dewis", None, ("help_me_choose", None)),
     ("nah", None, ("no", None)), ("whatever", "affirm", ("yes", None)),
     ("hmm", None, (None, None))],
)
def test_advocate_answers(text: str, intent: str | None, expected: tuple) -> None:
    assert answers.parse_advocate(text, intent) == expected


def test_reply_answers_on_sms_and_chat() -> None:
    assert answers.parse_reply("yes", None, "sms") == ("sms", {})
    assert answers.parse_reply("yes", None, "chat") == (None, {})
    assert answers.parse_reply("no reply", None, "chat") == ("none", {})
    assert answers.parse_reply("07700 900123", None, "chat") == ("sms", {"phone": "07700900123"})
    assert answers.parse_reply("me@example.org", None, "chat") == (
        "email", {"email": "me@example.org"})


@pytest.mark.parametrize(
    ("text", "intent", "channel", "expected"),
    [("TEXT", None, "sms", ("text", None)), ("yes", "affirm", "sms", ("text", None)),
     ("call me", "talk_to_person", "sms", ("call", None)),
     ("either is fine", None, "sms", ("call_or_text", None)),
     ("07911 123456", None, "chat", ("call_or_text", "07911123456")),
     ("text me on 07911123456", None, "chat", ("text", "07911123456")),
     ("ring me 07911 123 456", None, "sms", ("call", "07911123456")),
     ("my phone number is 07911 123456", None, "chat", ("call_or_text", "07911123456")),
     ("text 020 7946 0000", None, "chat", ("call", "02079460000")),  # landline: calls only
     ("+48 600 123 456", None, "chat", ("call_or_text", "+48600123456")),
     ("0048 600 123 456", None, "chat", ("call_or_text", "+48600123456")),
     ("no", "deny", "chat", ("none", None)), ("nah", None, "sms", ("none", None)),
     ("yes", "affirm", "chat", (None, None)),  # the chat has no number of its own
     ("hmm", None, "sms", (None, None))],
)
def test_how_a_person_may_reach_them(
    text: str, intent: str | None, channel: str, expected: tuple
) -> None:
    assert answers.parse_callback_contact(text, intent, channel) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4", ("after_school",)), ("4 and 5", ("after_school", "evening")),
     ("5, 2", ("morning", "evening")), ("after school", ("after_school",)),
     ("in school hours", ("school_hours",)), ("morning or evening", ("morning", "evening")),
     ("1 4", ("any",)), ("any time", ("any",)), ("idk", ("any",)),
     ("gyda'r nos", ("evening",)), ("ar ol ysgol", ("after_school",)), ("banana", None)],
)
def test_safe_times_to_contact(text: str, expected: tuple | None) -> None:
    assert answers.parse_contact_times(text, None) == expected
    assert set(answers.CONTACT_TIMES) == set(TAXONOMY_CONTACT_TIMES)


def test_done_and_reference_spotting() -> None:
    assert answers.is_done("Thats it!", None)
    assert answers.is_done("wedi gorffen", None)
    assert not answers.is_done("they hit done the door", None)
    assert answers.find_reference("status abcd-efgh pls") == "ABCD-EFGH"
    assert answers.find_reference("status ABCDEFGH") == "ABCD-EFGH"
    assert answers.find_reference("status") is None
    assert answers.find_status_secret("STATUS ABCD-EFGH 042917") == "042917"
    assert answers.find_status_secret("status abcdefgh 042 917 thanks") == "042917"
    assert answers.find_status_secret("status 2345-6789") is None  # a reference, not a secret
    assert answers.find_status_secret("STATUS ABCD-EFGH") is None


def test_welsh_dates_are_made_from_the_iso_date() -> None:
    assert answers.date_in_words("2026-12-04", "Friday 4 December 2026", "cy") == (
        "dydd Gwener 4 Rhagfyr 2026")
    assert answers.date_in_words("2026-12-04", "Friday 4 December 2026", "en") == (
        "Friday 4 December 2026")


def test_keys_are_the_taxonomy_keys_verbatim() -> None:
    for language in ("en", "cy"):
        labels = answers.LABELS[language]
        assert set(labels["rep_type"]) == set(TAXONOMY["representation_types"])
        assert set(labels["service_area"]) == set(TAXONOMY["service_areas"])
        assert set(labels["advocate_provider"]) == set(TAXONOMY["advocacy_providers"])
    mapped_services = {key for key, _ in answers._SERVICE_KEYWORDS}
    assert mapped_services <= set(TAXONOMY["service_areas"])
    mapped_providers = {key for key, _ in answers._PROVIDER_KEYWORDS}
    assert mapped_providers <= set(TAXONOMY["advocacy_providers"])


@pytest.mark.parametrize(("slot", "metadata", "text", "intent", "expected"), [
    (None, {}, "hi", "greet", "en"),  # English only: never asked
    (None, {"languages": ["en"]}, "cymraeg", "choose_language", "en"),
    (None, {"languages": ["en", "cy"]}, "hi", "greet", None),  # ask
    (None, {"languages": ["en", "cy"]}, "cymraeg", "choose_language", "cy"),
    ("cy", {"languages": ["en", "cy"]}, "hi", "greet", "cy"),
    (None, {"languages": ["en", "cy"], "language": "cy"}, "hi", "greet", "cy"),
    (None, {"languages": ["en", "cy"], "language": "pl"}, "hi", "greet", None),
])
def test_starting_language(slot, metadata, text, intent, expected) -> None:
    assert answers.starting_language(slot, metadata, text, intent) == expected
