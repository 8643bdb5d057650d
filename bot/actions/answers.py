"""Turning a child's short answers into the intake API's taxonomy keys.

Pure functions, no Rasa import: the answers come in every shape ("1", "yeah", "idk",
"my foster carer", "dewis"), so the rules are kept here where they are easy to test.
Keys are the taxonomy's keys verbatim (intake_app/taxonomy.yaml); a test checks that.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

SKIPPED = "none"
"""Slot value for an optional question the child skipped (a slot needs a value)."""

TYPE_INTENTS = {
    "complaint": "complaint",
    "compliment": "compliment",
    "comment": "comment",
    "enquiry": "enquiry",
}

_YES_WORDS = {"yes", "y", "yeah", "yep", "yup", "ye", "ya", "yh", "sure", "ok", "okay", "k",
              "ie", "iawn", "ydw", "ydy", "oes", "this number", "text me", "👍"}
_NO_WORDS = {"no", "n", "nah", "nope", "na", "no thanks", "no ta", "no reply", "nage",
             "dont reply", "don't reply", "nothing", "none", "👎"}
_NOT_SURE_WORDS = {"not sure", "dunno", "idk", "dont know", "don't know", "no idea",
                   "unsure", "maybe", "dno", "🤷", "ddim yn siwr", "dim syniad", "skip",
                   "n/a", "pass"}
_DONE_WORDS = {"done", "finished", "im done", "i'm done", "thats it", "that's it",
               "thats all", "that's all", "nothing else", "all done", "dun",
               "wedi gorffen", "gorffen", "dyna ni", "dyna'r cyfan"}
_CHOOSE_WORDS = ("choose", "choice", "pick", "dewis", "help me")

_SERVICE_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("youth_justice", ("youth justice", "yot", "youth offending", "court", "police")),
    ("leaving_care", ("leaving care", "care leaver", "aftercare", "personal adviser",
                      "personal advisor", "pa", "adael gofal")),
    ("residential", ("children's home", "childrens home", "kids home", "residential",
                     "key worker", "keyworker", "cartref plant")),
    ("fostering", ("foster", "maeth")),
    ("adoption", ("adopt", "mabwysiad")),
    ("disabled_children", ("disab", "short break", "respite", "anabl")),
    ("child_protection", ("child protection", "protection plan", "cp plan", "amddiffyn")),
    ("early_help", ("early help", "family worker", "cymorth cynnar")),
    ("front_door", ("front door", "mash", "first contact", "referral")),
    ("send_education", ("school", "ehcp", "education", "send", "sen", "ysgol")),
    ("children_in_need", ("family support", "child in need", "children in need")),
    ("children_in_care", ("social worker", "sw", "in care", "looked after", "care plan",
                          "review", "iro", "gweithiwr cymdeithasol", "gofal")),
]

_PROVIDER_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("nyas", ("nyas", "national youth")),
    ("barnardos", ("barnardo",)),
    ("coram_voice", ("coram",)),
    ("action_for_children", ("action for children", "afc")),
    ("local", ("council", "local", "cyngor")),
]

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_UK_MOBILE = re.compile(r"(?:\+44\s?7|\b07)(?:[\s-]?\d){9}\b")
_REFERENCE = re.compile(r"\b([A-Za-z0-9]{4})-?([A-Za-z0-9]{4})\b")


def normalise(text: str | None) -> str:
    """Lower-case, trim, squash spaces and drop trailing punctuation."""
    squashed = " ".join((text or "").lower().split())
    return squashed.strip(" .!?,")


def parse_language(text: str) -> str | None:
    """'en' or 'cy' from "1", "English", "2", "Cymraeg", "welsh pls"; None otherwise."""
    answer = normalise(text)
    if answer in {"2", "cy"} or any(w in answer for w in ("cymraeg", "gymraeg", "welsh")):
        return "cy"
    if answer in {"1", "en", "eng"} or any(w in answer for w in ("english", "saesneg")):
        return "en"
    return None


def offered_languages(metadata: dict[str, Any]) -> list[str]:
    """The languages the council offers in the bot, as the gateway says on every message;
    English only when it says nothing (then no one is asked to pick a language)."""
    languages = metadata.get("languages")
    if isinstance(languages, list) and all(isinstance(code, str) for code in languages):
        return languages or ["en"]
    return ["en"]


def starting_language(slot: str | None, metadata: dict[str, Any], first_text: str,
                      intent: str | None) -> str | None:
    """The conversation's language if it is already known, else None (ask): a language
    named in the first message, the one kept from before, the chat page's language, or
    English when the council offers nothing else."""
    offered = offered_languages(metadata)
    named = parse_language(first_text) if intent == "choose_language" else None
    for candidate in (named, slot, metadata.get("language")):
        if candidate in offered:
            return candidate
    return offered[0] if len(offered) == 1 else None


def parse_rep_type(text: str, intent: str | None) -> str | None:
    """A representation type from a number, the classified intent or a keyword."""
    answer = normalise(text)
    by_number = {"1": "complaint", "2": "compliment", "3": "comment", "4": "enquiry"}
    if answer in by_number:
        return by_number[answer]
    if intent in TYPE_INTENTS:
        return TYPE_INTENTS[intent]
    keywords = [
        ("complaint", ("complain", "wrong", "moan", "cwyn", "not happy", "unfair")),
        ("compliment", ("compliment", "complement", "thank", "good", "canmol", "diolch")),
        ("comment", ("idea", "suggest", "comment", "feedback", "syniad", "sylw")),
        ("enquiry", ("question", "ask", "cwestiwn", "?")),
    ]
    for rep_type, words in keywords:
        if any(word in answer for word in words):
            return rep_type
    return None


def is_done(text: str, intent: str | None) -> bool:
    """True when the child says they have finished telling us what happened."""
    return intent == "done" or normalise(text) in _DONE_WORDS


def is_yes(text: str, intent: str | None) -> bool:
    """A yes, in any of the ways a child texts one."""
    return intent == "affirm" or normalise(text) in _YES_WORDS


def is_no(text: str, intent: str | None) -> bool:
    """A no, in any of the ways a child texts one."""
    return intent == "deny" or normalise(text) in _NO_WORDS


def is_not_sure(text: str, intent: str | None) -> bool:
    """'Not sure', 'idk', a shrug, or 'skip'."""
    return intent == "not_sure" or normalise(text) in _NOT_SURE_WORDS


# Words that say "start again" outright. A longer message the classifier read as the
# command must hold one of them (see asks_to_start_again).
_RESTART = re.compile(
    r"\b(start|strat|restart|begin|beginning|redo|reset|new one|from the top"
    r"|change what i (said|put|wrote)|dechrau|ailddechrau)\b")


def asks_to_start_again(text: str) -> bool:
    """Whether a message the classifier read as "start again" really asks for it.

    A short message is taken at the classifier's word. A longer one must say start, begin,
    redo or the like: "contact with my little brother got cancelled again" shares words
    with the command, and a child's story must never be thrown away for it.
    """
    folded = normalise(text)
    return len(folded.split()) <= 3 or bool(_RESTART.search(folded))


def parse_optional_text(text: str, intent: str | None) -> str:
    """The child's words, or SKIPPED when they skip an optional question."""
    if is_no(text, intent) or is_not_sure(text, intent):
        return SKIPPED
    return text.strip()


def parse_service_area(text: str, intent: str | None) -> tuple[str, str | None]:
    """(taxonomy key, the child's own words when no key matched).

    "Not sure" is a fine answer and maps to "other"; unmatched words also map to "other"
    but are kept so the officer still reads what the child said.
    """
    if is_not_sure(text, intent) or is_no(text, intent):
        return "other", None
    answer = normalise(text)
    for key, words in _SERVICE_KEYWORDS:
        if any(_mentions(answer, word) for word in words):
            return key, None
    return "other", text.strip()


def parse_advocate(text: str, intent: str | None) -> tuple[str | None, str | None]:
    """(advocate answer, provider): "yes NYAS" gives both at once."""
    provider = _match_provider(text)
    answer = normalise(text)
    if provider:
        return "yes", provider
    if any(word in answer for word in _CHOOSE_WORDS) or is_not_sure(text, intent):
        return "help_me_choose", None
    if is_yes(text, intent):
        return "yes", None
    if is_no(text, intent):
        return "no", None
    return None, None


def parse_advocate_provider(text: str, intent: str | None) -> str:
    """A provider key; anything unclear means the child wants help to choose."""
    return _match_provider(text) or "help_me_choose"


def parse_reply(
    text: str, intent: str | None, channel: str
) -> tuple[str | None, dict[str, str]]:
    """(reply channel, contact details) from "yes", "no", a mobile number or an email."""
    email = _EMAIL.search(text or "")
    if email:
        return "email", {"email": email.group(0)}
    phone = _UK_MOBILE.search(text or "")
    if phone:
        return "sms", {"phone": re.sub(r"[\s-]", "", phone.group(0))}
    if is_no(text, intent):
        return "none", {}
    if channel == "sms" and is_yes(text, intent):
        return "sms", {}
    return None, {}


# "Talk to a person": how a person may reach the child (the intake API's callback methods).
CALL, TEXT, CALL_OR_TEXT, NO_CONTACT = "call", "text", "call_or_text", "none"
# A number typed any usual way: UK (07…, 01…, 02…, 03…) or from abroad (+48…, 0048…).
_ANY_PHONE = re.compile(r"(?:\+|\b00)[1-9](?:[\s-]?\d){6,14}\b|\b0(?:[\s-]?\d){9,10}\b")
_TEXT_WORDS = ("text", "txt", "message", "msg", "tecst", "neges")
_CALL_WORDS = ("call", "ring", "phone me", "phone call", "ffonio", "ffonia")
_BOTH_WORDS = ("both", "either", "any", "dont mind", "don't mind", "y ddau", "unrhyw")


def _phone_in(text: str) -> str | None:
    found = _ANY_PHONE.search(text or "")
    if not found:
        return None
    digits = re.sub(r"[\s-]", "", found.group(0))
    return "+" + digits[2:] if digits.startswith("00") else digits


def _is_uk_landline(phone: str) -> bool:
    national = "0" + phone[3:] if phone.startswith("+44") else phone
    return national[:2] in ("01", "02", "03")


def parse_callback_contact(
    text: str, intent: str | None, channel: str
) -> tuple[str | None, str | None]:
    """(method, number) from "TEXT", "call me", "07911 123456", "text me on …" or "no".

    A number typed here is used, with "call" or "text" if the child said which (a
    landline can only be called); without one, only a text conversation has a number
    of its own to call or text. (None, None) when the answer is unclear.
    """
    answer = normalise(text)
    wants_text = any(_mentions(answer, word) for word in _TEXT_WORDS)
    wants_call = any(_mentions(answer, word) for word in _CALL_WORDS)
    phone = _phone_in(text)
    if phone:
        if _is_uk_landline(phone):
            return CALL, phone
        if wants_text and not wants_call:
            return TEXT, phone
        if wants_call and not wants_text:
            return CALL, phone
        return CALL_OR_TEXT, phone
    if is_no(text, intent):
        return NO_CONTACT, None
    if channel != "sms":
        return None, None
    if (wants_text and wants_call) or any(_mentions(answer, word) for word in _BOTH_WORDS):
        return CALL_OR_TEXT, None
    if wants_text or is_yes(text, intent):
        return TEXT, None
    if wants_call or intent == "talk_to_person":
        return CALL, None
    return None, None


CONTACT_TIMES = ("any", "morning", "school_hours", "after_school", "evening")
"""The web form's safe contact-time keys, in the order the bot numbers them (1 to 5)."""

_TIME_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("after_school", ("after school", "ar ol ysgol", "ar ôl ysgol")),
    ("school_hours", ("school hours", "in school", "at school", "during school",
                      "amser ysgol", "yn yr ysgol")),
    ("morning", ("morning", "before school", "bore")),
    ("evening", ("evening", "night", "tonight", "nos")),
    ("any", ("any", "anytime", "whenever", "all day", "dont mind", "don't mind", "unrhyw")),
]


def parse_contact_times(text: str, intent: str | None) -> tuple[str, ...] | None:
    """Safe contact-time keys from "4", "4 and 5", "after school" or "any time"; None when
    unclear. "Not sure" or a plain yes means any time."""
    answer = normalise(text)
    chosen = [CONTACT_TIMES[int(digit) - 1] for digit in re.findall(r"\b([1-5])\b", answer)]
    rest = answer
    for key, words in _TIME_WORDS:
        for word in words:
            if _mentions(rest, word):
                chosen.append(key)
                # "after school" must not also count as "in school".
                rest = rest.replace(word, " ")
    if not chosen and (is_yes(text, intent) or is_not_sure(text, intent)):
        chosen = ["any"]
    if not chosen:
        return None
    if "any" in chosen:
        return ("any",)
    return tuple(key for key in CONTACT_TIMES if key in chosen)


def find_reference(text: str) -> str | None:
    """A reference such as ABCD-EFGH in any case, with or without the dash."""
    match = _REFERENCE.search(text or "")
    if not match:
        return None
    return f"{match.group(1)}-{match.group(2)}".upper()


_STATUS_SECRET = re.compile(r"(?<![0-9])([0-9]{3})[ -]?([0-9]{3})(?![0-9])")


def find_status_secret(text: str) -> str | None:
    """The six-digit secret number after the reference ("STATUS ABCD-EFGH 123456", or
    "123 456"), which lets a child check from any phone; None when there is none."""
    match = _STATUS_SECRET.search(_REFERENCE.sub(" ", text or ""))
    return match.group(1) + match.group(2) if match else None


def _match_provider(text: str) -> str | None:
    answer = normalise(text)
    for key, words in _PROVIDER_KEYWORDS:
        if any(_mentions(answer, word) for word in words):
            return key
    return None


def _mentions(answer: str, word: str) -> bool:
    """Whether a keyword starts a word in the answer; short keywords must be whole words.

    "foster" should match "fostering", but "sw" must not match "answer".
    """
    tail = r"\b" if len(word) <= 4 else ""
    return re.search(r"(?<!\w)" + re.escape(word) + tail, answer) is not None


_WELSH_DAYS = ["dydd Llun", "dydd Mawrth", "dydd Mercher", "dydd Iau", "dydd Gwener",
               "dydd Sadwrn", "dydd Sul"]
_WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf",
                 "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"]


def date_in_words(iso_date: str, english_words: str, language: str | None) -> str:
    """The reply-by date for the child: the API's English words, or Welsh made here."""
    if language != "cy" or not iso_date:
        return english_words or iso_date
    try:
        day = date.fromisoformat(iso_date)
    except ValueError:
        return english_words or iso_date
    return f"{_WELSH_DAYS[day.weekday()]} {day.day} {_WELSH_MONTHS[day.month - 1]} {day.year}"


LABELS: dict[str, dict[str, dict[str, str]]] = {
    "en": {
        "field": {"type": "About", "what": "What you said", "help": "What would help",
                  "service": "Service", "advocate": "Advocate", "reply": "Reply"},
        "rep_type": {"complaint": "something went wrong", "compliment": "something good",
                     "comment": "an idea", "enquiry": "a question"},
        "service_area": {"front_door": "first contact", "children_in_need": "family support",
                         "child_protection": "child protection",
                         "children_in_care": "children in care", "fostering": "fostering",
                         "residential": "children's home", "leaving_care": "leaving care",
                         "disabled_children": "disabled children", "adoption": "adoption",
                         "early_help": "early help", "youth_justice": "youth justice",
                         "send_education": "school or SEN", "other": "not sure"},
        "advocate": {"yes": "yes", "help_me_choose": "yes, help me choose", "no": "no"},
        "advocate_provider": {"nyas": "NYAS", "barnardos": "Barnardo's",
                              "coram_voice": "Coram Voice",
                              "action_for_children": "Action for Children",
                              "local": "the council's own", "help_me_choose": "help me choose"},
        "reply": {"sms": "text", "email": "email", "none": "no reply"},
    },
    "cy": {
        "field": {"type": "Am", "what": "Beth ddywedoch chi", "help": "Beth fyddai'n helpu",
                  "service": "Gwasanaeth", "advocate": "Eiriolwr", "reply": "Ateb"},
        "rep_type": {"complaint": "aeth rhywbeth o'i le", "compliment": "rhywbeth da",
                     "comment": "syniad", "enquiry": "cwestiwn"},
        "service_area": {"front_door": "cyswllt cyntaf", "children_in_need": "cymorth i deuluoedd",
                         "child_protection": "amddiffyn plant",
                         "children_in_care": "plant mewn gofal", "fostering": "maethu",
                         "residential": "cartref plant", "leaving_care": "gadael gofal",
                         "disabled_children": "plant anabl", "adoption": "mabwysiadu",
                         "early_help": "cymorth cynnar", "youth_justice": "cyfiawnder ieuenctid",
                         "send_education": "ysgol neu ADY", "other": "ddim yn siwr"},
        "advocate": {"yes": "ie", "help_me_choose": "ie, helpwch fi i ddewis", "no": "na"},
        "advocate_provider": {"nyas": "NYAS", "barnardos": "Barnardo's",
                              "coram_voice": "Coram Voice",
                              "action_for_children": "Action for Children",
                              "local": "un y cyngor", "help_me_choose": "helpwch fi i ddewis"},
        "reply": {"sms": "neges destun", "email": "e-bost", "none": "dim ateb"},
    },
}
