"""The custom actions, driven with CollectingDispatcher and a fake intake API."""

from __future__ import annotations

import asyncio
from pathlib import Path

import yaml
from conftest import FakeIntakeClient, make_tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions
from actions.intake_client import Submission

COMPLETE_ANSWERS = {
    "language": "en",
    "channel": "sms",
    "rep_type": "complaint",
    "story_text": "my social worker never calls me back\nits been 3 weeks",
    "what_happened": "my social worker never calls me back\nits been 3 weeks",
    "what_would_help": "a call back",
    "service_area": "children_in_care",
    "advocate": "yes",
    "advocate_provider": "nyas",
    "reply_channel": "sms",
}
# Every slot a story, its answers and a callback request fill: forgotten together once the
# story is sent or passed to a person. The language, the channel and the reference of
# what was sent stay.
FORGOTTEN_WITH_THE_STORY = (
    "rep_type", "what_happened", "story_text", "what_would_help", "service_area",
    "service_words", "advocate", "advocate_provider", "reply_channel", "contact_phone",
    "contact_email", "callback_contact", "callback_phone", "callback_times", "requested_slot",
)


def responses(dispatcher: CollectingDispatcher) -> list[str]:
    return [message.get("response") for message in dispatcher.messages]


def slots(events: list) -> dict:
    return {event["name"]: event["value"] for event in events if event.get("event") == "slot"}


def test_begin_keeps_the_type_and_a_long_first_message() -> None:
    dispatcher = CollectingDispatcher()
    text = "my social worker never calls me back and i am fed up with it"
    events = actions.ActionBegin().run(
        dispatcher, make_tracker(text=text, intent="complaint", metadata={"channel": "chat"}), {}
    )
    assert responses(dispatcher) == ["utter_greet", None]
    assert dispatcher.messages[1]["custom"] == {"conversation_language": "en"}
    assert slots(events) == {"channel": "chat", "rep_type": "complaint", "story_text": text,
                             "language": "en"}


WELSH_OFFERED = {"channel": "sms", "languages": ["en", "cy"]}


def test_begin_with_a_language_word_sets_the_language_and_tells_the_gateway() -> None:
    dispatcher = CollectingDispatcher()
    events = actions.ActionBegin().run(
        dispatcher, make_tracker(text="cymraeg plis", intent="choose_language",
                                 metadata=WELSH_OFFERED), {})
    assert slots(events)["language"] == "cy"
    assert responses(dispatcher) == ["utter_greet_cy", None]
    assert dispatcher.messages[1]["custom"] == {"conversation_language": "cy"}


def test_a_council_without_welsh_never_greets_or_asks_in_welsh() -> None:
    dispatcher = CollectingDispatcher()
    events = actions.ActionBegin().run(
        dispatcher, make_tracker(text="cymraeg plis", intent="choose_language",
                                 metadata={"channel": "sms"}), {})
    assert slots(events)["language"] == "en"
    assert "utter_greet_cy" not in responses(dispatcher)


def test_with_welsh_offered_and_no_choice_yet_the_greeting_is_in_both_and_asks() -> None:
    dispatcher = CollectingDispatcher()
    events = actions.ActionBegin().run(
        dispatcher, make_tracker(text="hi", intent="greet", metadata=WELSH_OFFERED), {})
    assert "language" not in slots(events)
    assert responses(dispatcher) == ["utter_greet", "utter_greet_cy"]
    ask = CollectingDispatcher()
    actions.ActionAskLanguage().run(ask, make_tracker(metadata=WELSH_OFFERED), {})
    assert responses(ask) == ["utter_ask_language", "utter_ask_language_cy"]


def test_a_welsh_chat_page_starts_the_bot_in_welsh() -> None:
    dispatcher = CollectingDispatcher()
    events = actions.ActionBegin().run(
        dispatcher, make_tracker(text="helo", intent="greet",
                                 metadata={"channel": "chat", "languages": ["en", "cy"],
                                           "language": "cy"}), {})
    assert slots(events)["language"] == "cy"
    assert responses(dispatcher)[0] == "utter_greet_cy"


def test_every_welsh_text_said_beside_english_is_marked_welsh() -> None:
    domain = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())
    for name, variants in domain["responses"].items():
        if name.endswith("_cy"):
            assert [variant["custom"]["lang"] for variant in variants] == ["cy"], name


def test_story_accumulates_until_done() -> None:
    form = actions.ValidateTellForm()
    dispatcher = CollectingDispatcher()
    first = form.validate_what_happened(
        "they moved me", dispatcher, make_tracker(text="they moved me", intent="complaint"), {}
    )
    assert first == {"what_happened": None, "story_text": "they moved me"}
    second = form.validate_what_happened(
        "without asking me", dispatcher,
        make_tracker({"story_text": "they moved me"}, text="without asking me"), {},
    )
    assert second["story_text"] == "they moved me\nwithout asking me"
    done = form.validate_what_happened(
        "done", dispatcher,
        make_tracker({"story_text": second["story_text"]}, text="done", intent="done"), {},
    )
    assert done == {"what_happened": "they moved me\nwithout asking me"}


def test_done_before_any_story_asks_kindly_for_one() -> None:
    dispatcher = CollectingDispatcher()
    result = actions.ValidateTellForm().validate_what_happened(
        "done", dispatcher, make_tracker(text="done", intent="done"), {}
    )
    assert result == {"what_happened": None}
    assert responses(dispatcher) == ["utter_what_happened_empty"]


def test_no_to_anything_else_ends_the_story() -> None:
    result = actions.ValidateTellForm().validate_what_happened(
        "nah", CollectingDispatcher(),
        make_tracker({"story_text": "it was bad"}, text="nah", intent="deny"), {},
    )
    assert result == {"what_happened": "it was bad"}


def test_unclear_answers_are_asked_again() -> None:
    form = actions.ValidateTellForm()
    dispatcher = CollectingDispatcher()
    assert form.validate_language("banana", dispatcher, make_tracker(text="banana"), {}) == {
        "language": None}
    assert form.validate_advocate("hmm", dispatcher, make_tracker(text="hmm"), {}) == {
        "advocate": None}
    assert responses(dispatcher) == [
        "utter_language_not_understood", "utter_language_not_understood_cy",
        "utter_advocate_not_understood"]


def test_choosing_welsh_tells_the_gateway_so_its_own_texts_follow() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="2", metadata=WELSH_OFFERED)
    assert actions.ValidateTellForm().validate_language("2", dispatcher, tracker, {}) == {
        "language": "cy"}
    assert dispatcher.messages[0]["custom"] == {"conversation_language": "cy"}


def test_advocate_provider_is_only_asked_after_yes() -> None:
    form = actions.ValidateTellForm()
    domain_slots = ["language", "advocate", "advocate_provider", "reply_channel"]
    asked = asyncio.run(form.required_slots(
        domain_slots, CollectingDispatcher(), make_tracker({"advocate": "no"}), {}))
    assert "advocate_provider" not in asked
    asked = asyncio.run(form.required_slots(
        domain_slots, CollectingDispatcher(), make_tracker({"advocate": "yes"}), {}))
    assert "advocate_provider" in asked


def test_ask_what_happened_changes_after_the_first_message() -> None:
    dispatcher = CollectingDispatcher()
    actions.ActionAskWhatHappened().run(dispatcher, make_tracker(), {})
    actions.ActionAskWhatHappened().run(dispatcher, make_tracker({"story_text": "x"}), {})
    assert responses(dispatcher) == [
        "utter_ask_what_happened_first", "utter_ask_what_happened_more"]


def test_summary_reads_back_the_answers_in_welsh() -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({**COMPLETE_ANSWERS, "language": "cy"})
    actions.ActionSummary().run(dispatcher, tracker, {})
    summary = dispatcher.messages[0]["summary"]
    assert "Am: aeth rhywbeth o'i le" in summary
    assert "Eiriolwr: ie, NYAS" in summary


def test_submit_sends_the_contract_payload_and_gives_reference_and_date(
    fake_client: FakeIntakeClient,
) -> None:
    fake_client.submission = Submission(
        "ZXCV-BNMK", "2026-12-11", "Friday 11 December 2026", False)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(actions.ActionSubmit().run(
        dispatcher, make_tracker(COMPLETE_ANSWERS, text="yes", intent="affirm"), {}))
    payload = fake_client.submitted[0]
    assert payload["text"] == COMPLETE_ANSWERS["story_text"]
    assert payload["type"] == "complaint"
    assert payload["conversation_id"] == "conv-123"
    assert payload["advocate"] == "yes" and payload["advocate_provider"] == "nyas"
    assert payload["reply_channel"] == "sms" and payload["channel"] == "sms"
    assert payload["language"] == "en" and payload["role"] == "young_person"
    assert "contact" not in payload and payload["idempotency_key"]
    (message,) = dispatcher.messages
    assert (message["response"], message["reference"], message["reply_by"]) == (
        "utter_submitted", "ZXCV-BNMK", "Friday 11 December 2026")
    # The conversation keeps the reference it was given and forgets the story it sent.
    assert slots(events) == {**dict.fromkeys(FORGOTTEN_WITH_THE_STORY), "reference": "ZXCV-BNMK"}


def test_submitting_twice_uses_the_same_idempotency_key(fake_client: FakeIntakeClient) -> None:
    for _ in range(2):
        asyncio.run(actions.ActionSubmit().run(
            CollectingDispatcher(), make_tracker(COMPLETE_ANSWERS), {}))
    first, second = fake_client.submitted
    assert first["idempotency_key"] == second["idempotency_key"]


def test_submit_failure_keeps_the_answers_and_asks_again(fake_client: FakeIntakeClient) -> None:
    fake_client.unavailable = True
    dispatcher = CollectingDispatcher()
    events = asyncio.run(actions.ActionSubmit().run(
        dispatcher, make_tracker(COMPLETE_ANSWERS), {}))
    assert events == []
    assert responses(dispatcher) == ["utter_submit_failed", "utter_summary"]


def test_unmatched_service_words_travel_with_the_text(fake_client: FakeIntakeClient) -> None:
    answers_with_words = {
        **COMPLETE_ANSWERS, "service_area": "other", "service_words": "the bus pass team"}
    asyncio.run(actions.ActionSubmit().run(
        CollectingDispatcher(), make_tracker(answers_with_words), {}))
    assert fake_client.submitted[0]["service_area"] == "other"
    assert "the bus pass team" in fake_client.submitted[0]["text"]


def test_status_passes_the_conversation_and_answers(fake_client: FakeIntakeClient) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        {"story_text": "they moved me"}, text="STATUS abcd-efgh", intent="status",
        entities=[{"entity": "reference", "value": "abcd-efgh"}],
    )
    events = asyncio.run(actions.ActionCheckStatus().run(dispatcher, tracker, {}))
    assert fake_client.status_calls == [("ABCD-EFGH", "conv-123")]
    (message,) = dispatcher.messages
    assert (message["response"], message["reference"], message["status_text"]) == (
        "utter_status", "ABCD-EFGH", "We have it and a person is looking at it.")
    assert events == []  # asking about a record in the middle of a story keeps the story


def test_status_with_the_secret_number_passes_it_on(fake_client: FakeIntakeClient) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="status abcd-efgh 123 456", intent="status",
                           entities=[{"entity": "reference", "value": "abcd-efgh"}])
    asyncio.run(actions.ActionCheckStatus().run(dispatcher, tracker, {}))
    assert fake_client.status_calls == [("ABCD-EFGH", "conv-123")]
    assert fake_client.status_secrets == ["123456"]
    assert responses(dispatcher) == ["utter_status"]


def test_status_without_a_secret_number_asks_as_this_conversation(
    fake_client: FakeIntakeClient,
) -> None:
    asyncio.run(actions.ActionCheckStatus().run(
        CollectingDispatcher(), make_tracker(text="STATUS ABCD-EFGH", intent="status"), {}))
    assert fake_client.status_secrets == [None]


def test_too_many_wrong_tries_pass_on_the_apps_kind_words(
    fake_client: FakeIntakeClient,
) -> None:
    fake_client.status_limited = "You have tried a lot of times. Try again from Monday 10:00."
    dispatcher = CollectingDispatcher()
    asyncio.run(actions.ActionCheckStatus().run(
        dispatcher, make_tracker(text="STATUS ABCD-EFGH 654321", intent="status"), {}))
    (message,) = dispatcher.messages
    assert (message["response"], message["status_text"]) == (
        "utter_status_limited", fake_client.status_limited)


def test_a_new_record_gives_the_child_its_secret_number(fake_client: FakeIntakeClient) -> None:
    fake_client.submission = Submission(
        "ZXCV-BNMK", "2026-12-11", "Friday 11 December 2026", False, status_secret="042917")
    dispatcher = CollectingDispatcher()
    asyncio.run(actions.ActionSubmit().run(
        dispatcher, make_tracker(COMPLETE_ANSWERS, text="yes", intent="affirm"), {}))
    assert responses(dispatcher) == ["utter_submitted", "utter_status_secret"]
    assert (dispatcher.messages[1]["reference"], dispatcher.messages[1]["secret"]) == (
        "ZXCV-BNMK", "042917")


def test_status_of_unknown_or_missing_reference(fake_client: FakeIntakeClient) -> None:
    dispatcher = CollectingDispatcher()
    asyncio.run(actions.ActionCheckStatus().run(
        dispatcher, make_tracker(text="status ZZZZ-ZZZZ", intent="status"), {}))
    asyncio.run(actions.ActionCheckStatus().run(
        dispatcher, make_tracker(text="status", intent="status"), {}))
    assert responses(dispatcher) == ["utter_status_not_found", "utter_ask_reference"]


def test_talk_to_a_person_sends_the_story_how_and_when(fake_client: FakeIntakeClient) -> None:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(actions.ActionRequestCallback().run(dispatcher, make_tracker(
        {"story_text": "they moved me", "callback_contact": "call_or_text",
         "callback_phone": "07911123456", "callback_times": "after_school evening"},
        text="4 5"), {}))
    assert fake_client.callbacks == [{
        "conversation_id": "conv-123", "note": "they moved me", "method": "call_or_text",
        "phone": "07911123456", "times": ("after_school", "evening")}]
    (message,) = dispatcher.messages
    assert (message["response"], message["reply_by"]) == (
        "utter_callback_will_call_or_text", "Friday 27 November 2026")
    assert slots(events) == dict.fromkeys(FORGOTTEN_WITH_THE_STORY)


def test_the_promise_is_the_way_the_api_settled_on(fake_client: FakeIntakeClient) -> None:
    fake_client.callback_method = "call"  # as the API answers for a landline: calls only
    dispatcher = CollectingDispatcher()
    asyncio.run(actions.ActionRequestCallback().run(dispatcher, make_tracker(
        {"callback_contact": "call_or_text", "callback_phone": "02079460000",
         "callback_times": "any"}), {}))
    assert fake_client.callbacks[0]["method"] == "call_or_text"
    assert responses(dispatcher) == ["utter_callback_will_call"]


def test_text_this_number_promises_a_text_by_a_day_in_welsh(
    fake_client: FakeIntakeClient,
) -> None:
    dispatcher = CollectingDispatcher()
    asyncio.run(actions.ActionRequestCallback().run(dispatcher, make_tracker(
        {"language": "cy", "callback_contact": "text", "callback_times": "any"}), {}))
    assert fake_client.callbacks[0]["phone"] is None  # the conversation's own number
    assert responses(dispatcher) == ["utter_callback_will_text"]
    assert dispatcher.messages[0]["reply_by"] == "dydd Gwener 27 Tachwedd 2026"


def test_with_no_way_to_reach_them_the_council_number_and_hours_not_a_promise(
    fake_client: FakeIntakeClient,
) -> None:
    dispatcher = CollectingDispatcher()
    asyncio.run(actions.ActionRequestCallback().run(dispatcher, make_tracker(
        {"channel": "chat", "callback_contact": "none"}, text="no"), {}))
    assert fake_client.callbacks[0]["method"] == "none"
    assert responses(dispatcher) == ["utter_callback_no_contact"]
    (message,) = dispatcher.messages
    assert message["council_phone"] == "0300 123 4000"
    assert message["opening_hours"] == "Monday to Friday, 9:00 AM to 5:00 PM"
    assert "reply_by" not in message


def test_the_api_decides_nobody_can_reach_them_and_no_day_is_promised(
    fake_client: FakeIntakeClient,
) -> None:
    fake_client.callback_reachable = False
    dispatcher = CollectingDispatcher()
    asyncio.run(actions.ActionRequestCallback().run(dispatcher, make_tracker(
        {"callback_contact": "text", "callback_times": "any"}), {}))
    assert responses(dispatcher) == ["utter_callback_no_contact"]


def test_a_number_the_api_refuses_is_asked_for_again(fake_client: FakeIntakeClient) -> None:
    fake_client.callback_rejected = {"contact.phone": "must be a mobile number"}
    dispatcher = CollectingDispatcher()
    events = asyncio.run(actions.ActionRequestCallback().run(dispatcher, make_tracker(
        {"story_text": "they moved me", "callback_contact": "text",
         "callback_phone": "07000000000", "callback_times": "any"}), {}))
    assert responses(dispatcher) == ["utter_callback_number_refused"]
    assert slots(events) == {"callback_contact": None, "callback_phone": None,
                             "callback_times": None}


def test_the_domain_has_every_callback_response() -> None:
    domain = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())
    used = {"utter_callback_no_contact", "utter_callback_number_refused",
            "utter_ask_callback_contact_sms", "utter_ask_callback_contact_chat",
            "utter_callback_contact_not_understood_sms",
            "utter_callback_contact_not_understood_chat",
            "utter_callback_times_not_understood", *actions.CALLBACK_PROMISES.values()}
    assert used <= set(domain["responses"])
    promises = " ".join(variant["text"] for name in actions.CALLBACK_PROMISES.values()
                        for variant in domain["responses"][name])
    assert promises.count("{reply_by}") == 6  # every promise, in each language, says when
    assert "{reply_by}" not in str(domain["responses"]["utter_callback_no_contact"])


def test_ask_how_to_reach_them_fits_the_channel() -> None:
    for metadata, slot_channel, expected in (
        ({"channel": "sms"}, None, "utter_ask_callback_contact_sms"),
        ({"channel": "chat"}, None, "utter_ask_callback_contact_chat"),
        ({}, "chat", "utter_ask_callback_contact_chat"),
    ):
        dispatcher = CollectingDispatcher()
        events = actions.ActionAskCallbackContact().run(
            dispatcher, make_tracker({"channel": slot_channel}, metadata=metadata), {})
        assert responses(dispatcher) == [expected]
        assert slot_channel is not None or slots(events) == {"channel": metadata["channel"]}


def test_callback_form_reads_how_and_when() -> None:
    form = actions.ValidateCallbackForm()
    dispatcher = CollectingDispatcher()
    sms = make_tracker({"channel": "sms"}, text="text", metadata={"channel": "sms"})
    assert form.validate_callback_contact("text", dispatcher, sms, {}) == {
        "callback_contact": "text", "callback_phone": None}
    chat = make_tracker({"channel": "chat"}, text="call me on 07911 123456",
                        metadata={"channel": "chat"})
    assert form.validate_callback_contact("call me on 07911 123456", dispatcher, chat, {}) == {
        "callback_contact": "call", "callback_phone": "07911123456"}
    assert form.validate_callback_contact("yes", dispatcher, make_tracker(
        text="yes", metadata={"channel": "chat"}), {}) == {
        "callback_contact": None, "callback_phone": None}
    assert responses(dispatcher) == ["utter_callback_contact_not_understood_chat"]
    assert form.validate_callback_times("4 and 5", dispatcher, make_tracker(text="4 and 5"),
                                        {}) == {"callback_times": "after_school evening"}
    assert form.validate_callback_times("banana", dispatcher, make_tracker(text="banana"),
                                        {}) == {"callback_times": None}
    assert responses(dispatcher)[-1] == "utter_callback_times_not_understood"


def test_no_way_to_reach_them_skips_the_safe_times_question() -> None:
    form = actions.ValidateCallbackForm()
    slots_asked = asyncio.run(form.required_slots(
        ["callback_contact", "callback_times"], CollectingDispatcher(),
        make_tracker({"callback_contact": "none"}), {}))
    assert slots_asked == ["callback_contact"]


def test_api_down_gets_an_honest_answer(fake_client: FakeIntakeClient) -> None:
    fake_client.unavailable = True
    dispatcher = CollectingDispatcher()
    asyncio.run(actions.ActionRequestCallback().run(dispatcher, make_tracker(), {}))
    asyncio.run(actions.ActionCheckStatus().run(
        dispatcher, make_tracker(text="status ABCD-EFGH"), {}))
    assert responses(dispatcher) == ["utter_service_unavailable", "utter_service_unavailable"]


def test_safety_reply_is_not_repeated_after_the_gateway_gave_it() -> None:
    dispatcher = CollectingDispatcher()
    events = actions.ActionSafety().run(
        dispatcher, make_tracker({"story_text": "a"}, text="im scared",
                                 metadata={"safety_reply_sent": True}), {})
    actions.ActionSafety().run(dispatcher, make_tracker(text="im scared"), {})
    assert responses(dispatcher) == ["utter_safety_noted", "utter_safety"]
    assert slots(events) == {"story_text": "a\nim scared"}


def test_start_again_and_cancel_forget_the_story_but_not_the_language() -> None:
    for action, response in ((actions.ActionStartAgain(), "utter_start_again"),
                             (actions.ActionCancel(), "utter_cancelled")):
        dispatcher = CollectingDispatcher()
        events = action.run(dispatcher, make_tracker(COMPLETE_ANSWERS), {})
        assert responses(dispatcher) == [response]
        assert "language" not in slots(events)
        assert slots(events)["story_text"] is None


def test_a_story_misread_as_start_again_is_kept_as_the_answer() -> None:
    story = "contact with my little brother got cancelled again"
    dispatcher = CollectingDispatcher()
    events = actions.ActionStartAgain().run(dispatcher, make_tracker(
        {"requested_slot": "what_happened", "story_text": "my foster carer is nice"},
        text=story, intent="start_again"), {})
    assert responses(dispatcher) == []
    assert slots(events) == {"story_text": f"my foster carer is nice\n{story}"}

    events = actions.ActionStartAgain().run(dispatcher, make_tracker(
        {"requested_slot": "what_would_help"}, text="to see him again every week please",
        intent="start_again"), {})
    assert slots(events) == {"what_would_help": "to see him again every week please"}


def test_start_again_said_in_words_still_starts_again_mid_story() -> None:
    for text in ("start again", "i made a mistake start again", "can i start from the beginning",
                 "i want to change what i said", "dechrau eto plis", "redo"):
        dispatcher = CollectingDispatcher()
        events = actions.ActionStartAgain().run(dispatcher, make_tracker(
            {"requested_slot": "what_happened", "story_text": "a"}, text=text,
            intent="start_again"), {})
        assert responses(dispatcher) == ["utter_start_again"], text
        assert slots(events)["story_text"] is None


def test_a_language_the_council_does_not_offer_still_saves_the_record(
    fake_client: FakeIntakeClient,
) -> None:
    fake_client.languages = {"en"}
    dispatcher = CollectingDispatcher()
    asyncio.run(actions.ActionSubmit().run(
        dispatcher, make_tracker({**COMPLETE_ANSWERS, "language": "cy"}), {}))
    assert fake_client.submitted[0]["language"] == "en"
    assert responses(dispatcher) == ["utter_submitted"]
    assert dispatcher.messages[0]["reply_by"] == "dydd Gwener 4 Rhagfyr 2026"
