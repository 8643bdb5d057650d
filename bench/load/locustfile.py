"""Locust scenarios for the load and fault runs (bench/load_run.py, bench/fault_run.py start
the stack and run this file headless; it is not meant for a stack it did not start).

Three kinds of people, each a Locust user class:

- ``WebComplainant``: the web complaint journey, every question page fetched and posted with
  its CSRF token, the check page and Send, then the confirmation page's reference. One in
  five texts discloses harm (the record must raise a safeguarding alert).
- ``TextingChild``: a whole SMS conversation through the real bot, each turn a form POST
  signed with Twilio's RequestValidator and the configured auth token, the answer TwiML.
  One conversation in four starts by disclosing harm.
- ``Officer``: signs in with password and a TOTP code (two-factor), then works the queue:
  the queue page, a record, a note on it.

What the service accepted is appended to a ledger (JSON lines at ``BENCH_LEDGER``): each
reference shown to a person and each disclosing text's MessageSid, so the runner can check
afterwards that nothing accepted was lost. At the end the figures per scenario (merged
over its requests) go to ``BENCH_RESULTS`` as JSON.

Settings come from the environment the runner sets: ``BENCH_TWILIO_TOKEN``,
``BENCH_TWILIO_ACCOUNT``, ``BENCH_PUBLIC_BASE_URL``, ``BENCH_STAFF`` (a JSON file of
e-mail, password and TOTP secret per officer), and how many of each kind of person:
``BENCH_WEB_USERS``, ``BENCH_SMS_USERS``, ``BENCH_OFFICERS``.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import uuid
from typing import Any
from xml.etree import ElementTree

import pyotp
from locust import HttpUser, between, events, task
from locust.env import Environment
from locust.stats import StatsEntry
from twilio.request_validator import RequestValidator

CSRF = re.compile(r'name="[\w-]*csrf_token" type="hidden" value="([^"]+)"')
REFERENCE = re.compile(r"\b([A-Z0-9]{4})-([A-Z0-9]{4})\b")
RECORD_LINK = re.compile(r'href="/officers/records/([A-Z0-9]{8})"')
COUNCIL_NUMBER = "+447700900000"

# Scenario of each request name, for the merged figures (a name starts with its scenario).
SCENARIOS = {"web": "web form steps", "sms": "SMS turns", "officer": "officers"}

ORDINARY = (
    "my social worker keeps changing and nobody tells me anything",
    "contact with my little brother got cancelled again and no one said why",
    "my pathway plan was never finished and I move out next month",
    "nobody came to my review meeting and I was not told why",
)
DISCLOSING = (
    "my stepdad hits me when he is drunk and I am scared to go home tonight",
    "someone at my placement touches me and says not to tell anyone",
    "I want to kill myself, I have been hurting myself every night",
)

# What the bot asks (a piece of its wording, lower case) and what the child answers.
STORY = "<what happened>"
ANSWERS = (  # the most specific first: the summary repeats the earlier answers
    ("here is what i will send", "yes"),
    ("reply 1 for english", "1"),
    ("what do you want to tell us", "1"),
    ("tell me what happened", STORY),
    ("anything else", "done"),
    ("what would you like to happen", "a worker who calls me back"),
    ("which service", "my social worker"),
    ("text you back", "yes"),
    ("advocate", "no"),
)
MAX_TURNS = 16

phone_numbers = (f"+4479{number:08d}" for number in itertools.count(uuid.uuid4().int % 10**7))


class Ledger:
    """What the service told people it accepted, one JSON object a line."""

    def __init__(self, path: str | None) -> None:
        self.handle = open(path, "a", encoding="utf-8") if path else None  # noqa: SIM115

    def add(self, **entry: Any) -> None:
        if self.handle is not None:
            self.handle.write(json.dumps(entry) + "\n")
            self.handle.flush()


LEDGER = Ledger(os.environ.get("BENCH_LEDGER"))


def reference_in(text: str) -> str | None:
    """The first reference in a page or reply, without its hyphen (as stored)."""
    found = REFERENCE.search(text)
    return found.group(1) + found.group(2) if found else None


class WebComplainant(HttpUser):
    """A young person (or a helper) filling in the web form at a person's pace."""

    wait_time = between(1, 3)
    fixed_count = int(os.environ.get("BENCH_WEB_USERS", "50"))

    def step(self, slug: str, data: dict[str, Any]) -> bool:
        """GET the page (its CSRF token), POST the answer; a good answer redirects. False
        when either failed: the person would start again, so this journey ends there."""
        page = self.client.get(f"/tell-us/{slug}", name="web: GET question")
        token = CSRF.search(page.text)
        if page.status_code != 200 or token is None:
            return False
        with self.client.post(f"/tell-us/{slug}", name="web: POST answer",
                              data={**data, "csrf_token": token.group(1)},
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"{slug}: HTTP {response.status_code}")
                return False
        self.wait()  # reading the next question and typing take a person a while
        return True

    @task
    def complain(self) -> None:
        self.client.cookies.clear()
        disclosing = uuid.uuid4().int % 5 == 0
        text = DISCLOSING[uuid.uuid4().int % len(DISCLOSING)] if disclosing else (
            ORDINARY[uuid.uuid4().int % len(ORDINARY)])
        self.client.get("/", name="web: start page")
        for slug, data in (("what", {"type": "complaint"}), ("who", {"role": "young_person"}),
                           ("about", {"service_area": "children_in_care"}),
                           ("what-happened", {"text": f"{text} ({uuid.uuid4().hex[:6]})"}),
                           ("what-would-help", {"what_would_help": "someone to listen"}),
                           ("advocate", {"advocate": "no"}),
                           ("reply", {"reply_channel": "none"}), ("sharing", {})):
            if not self.step(slug, data):
                return
        check = self.client.get("/tell-us/check", name="web: GET check")
        token = CSRF.search(check.text)
        if check.status_code != 200 or token is None:
            return
        with self.client.post("/tell-us/check", name="web: POST send",
                              data={"csrf_token": token.group(1)},
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302 or "/tell-us/sent" not in response.headers.get(
                    "Location", ""):
                response.failure(f"send: HTTP {response.status_code}")
                return
        sent = self.client.get("/tell-us/sent", name="web: GET confirmation")
        reference = reference_in(sent.text)
        if reference is None:
            # Accepted or not, the person saw no reference: count it as an error.
            events.request.fire(request_type="CHECK", name="web: reference shown",
                                response_time=0, response_length=0, exception=ValueError(
                                    "no reference on the confirmation page"), context={})
            return
        LEDGER.add(kind="web", reference=reference, disclosure=disclosing)


class TextingChild(HttpUser):
    """A child texting the council's number, one conversation per task."""

    wait_time = between(2, 5)
    fixed_count = int(os.environ.get("BENCH_SMS_USERS", "6"))

    def on_start(self) -> None:
        self.validator = RequestValidator(os.environ["BENCH_TWILIO_TOKEN"])
        self.account = os.environ["BENCH_TWILIO_ACCOUNT"]
        self.inbound_url = os.environ["BENCH_PUBLIC_BASE_URL"] + "/sms/inbound"
        # A connection kept alive across a pause as long as gunicorn's keep-alive (5 s) may
        # be closed by the server just as the next request goes: an error of the load
        # generator, not of the service. Twilio opens its own connections anyway.
        self.client.headers["Connection"] = "close"

    def say(self, phone: str, body: str) -> tuple[str, list[str]]:
        """One signed text; its MessageSid and the texts of the TwiML answer."""
        sid = "SM" + uuid.uuid4().hex
        params = {"MessageSid": sid, "SmsSid": sid, "SmsMessageSid": sid,
                  "AccountSid": self.account, "From": phone, "To": COUNCIL_NUMBER,
                  "Body": body, "NumMedia": "0", "NumSegments": "1", "FromCountry": "GB",
                  "SmsStatus": "received", "ApiVersion": "2010-04-01"}
        signature = self.validator.compute_signature(self.inbound_url, params)
        with self.client.post("/sms/inbound", name="sms: turn", data=params,
                              headers={"X-Twilio-Signature": signature},
                              catch_response=True) as response:
            replies: list[str] = []
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            else:
                try:
                    root = ElementTree.fromstring(response.content)
                    replies = [element.text or "" for element in root.iter("Message")]
                except ElementTree.ParseError:
                    response.failure("the answer is not TwiML")
                if not replies:
                    response.failure("no reply: a child must never be left without one")
        return sid, replies

    @task
    def conversation(self) -> None:
        phone = next(phone_numbers)
        if uuid.uuid4().int % 4 == 0:
            sid, replies = self.say(phone, DISCLOSING[uuid.uuid4().int % len(DISCLOSING)])
            if replies:
                LEDGER.add(kind="disclosure_sms", sid=sid, phone=phone)
            return
        # Answer what the bot asks, as a child would; the order of its questions depends
        # on what it understood, so each reply is read rather than a script followed.
        story = ORDINARY[uuid.uuid4().int % len(ORDINARY)]
        _, replies = self.say(phone, "hi")
        for _turn in range(MAX_TURNS):
            said = " ".join(replies)
            reference = reference_in(said)
            if reference is not None:
                LEDGER.add(kind="sms", reference=reference)
                return
            answer = next((answer for cue, answer in ANSWERS if cue in said.lower()), None)
            if answer is None or "nothing has been sent" in said.lower():
                # The bot lost the thread (or started again on its own: "contact ... got
                # cancelled again" reads to it as "start again"): counted as unfinished.
                break
            self.wait()
            _, replies = self.say(phone, story if answer == STORY else answer)
        LEDGER.add(kind="sms_unfinished", phone=phone, last_reply=" ".join(replies)[:200])


class Officer(HttpUser):
    """A complaints officer: signs in once (password, then two-factor), works the queue."""

    wait_time = between(2, 6)
    fixed_count = int(os.environ.get("BENCH_OFFICERS", "3"))
    accounts: list[dict[str, str]] = []

    def on_start(self) -> None:
        if not Officer.accounts:
            with open(os.environ["BENCH_STAFF"], encoding="utf-8") as handle:
                Officer.accounts = json.load(handle)
        account = Officer.accounts.pop()
        self.client.headers["Connection"] = "close"  # see TextingChild.on_start
        page = self.client.get("/officers/sign-in", name="officer: sign-in page")
        token = CSRF.search(page.text)
        self.client.post("/officers/sign-in", name="officer: sign in",
                         data={"email": account["email"], "password": account["password"],
                               "csrf_token": token.group(1) if token else ""})
        page = self.client.get("/officers/two-factor", name="officer: two-factor page")
        token = CSRF.search(page.text)
        with self.client.post("/officers/two-factor", name="officer: two-factor code",
                              data={"code": pyotp.TOTP(account["totp_secret"]).now(),
                                    "csrf_token": token.group(1) if token else ""},
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"two-factor: HTTP {response.status_code}")
        self.references: list[str] = []

    @task(3)
    def queue(self) -> None:
        with self.client.get("/officers/queue", name="officer: queue",
                             catch_response=True) as response:
            if "/officers/sign-in" in response.url:
                response.failure("signed out")
                return
            self.references = RECORD_LINK.findall(response.text)

    @task(2)
    def open_record_and_note(self) -> None:
        if not self.references:
            return
        reference = self.references[uuid.uuid4().int % len(self.references)]
        page = self.client.get(f"/officers/records/{reference}", name="officer: record")
        token = CSRF.search(page.text)
        if page.status_code != 200 or token is None or uuid.uuid4().int % 2:
            return
        with self.client.post(f"/officers/records/{reference}/notes", name="officer: add note",
                              data={"add_note-body": "Read it; calling the team lead.",
                                    "add_note-csrf_token": token.group(1)},
                              allow_redirects=False, catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"note: HTTP {response.status_code}")


@events.test_stop.add_listener
def write_results(environment: Environment, **kwargs: Any) -> None:
    """Merge each scenario's requests into one entry and write its figures."""
    path = os.environ.get("BENCH_RESULTS")
    if not path:
        return
    results: dict[str, dict[str, float]] = {}
    for prefix, label in SCENARIOS.items():
        merged = StatsEntry(environment.stats, label, "", use_response_times_cache=False)
        for entry in environment.stats.entries.values():
            if entry.name.startswith(prefix + ":"):
                merged.extend(entry)
        if not merged.num_requests and not merged.num_failures:
            continue
        results[label] = {
            "requests": merged.num_requests, "errors": merged.num_failures,
            "p50_ms": merged.get_response_time_percentile(0.50),
            "p95_ms": merged.get_response_time_percentile(0.95),
            "p99_ms": merged.get_response_time_percentile(0.99),
            "requests_per_second": merged.total_rps,
        }
    errors = {f"{error.method} {error.name}: {error.error}": error.occurrences
              for error in environment.stats.errors.values()}
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"scenarios": results, "error_kinds": errors}, handle, indent=2)
