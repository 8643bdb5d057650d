"""The draft every channel builds, and the checks every channel shares.

A channel (web form, SMS gateway, chat, API) turns its input into a ``Draft``; ``validate``
returns error codes per field (not sentences), so each channel words them in its own
language and format without the rules ever diverging.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime

import nh3
import phonenumbers
from babel import Locale, UnknownLocaleError
from email_validator import EmailNotValidError, validate_email

from ..taxonomy import keys

CHANNELS = ("web", "sms", "chat", "advocate", "api")
ADVOCATE_CHOICES = ("yes", "help_me_choose", "no")
REPLY_CHANNELS = ("sms", "email", "phone", "letter", "none")
CONTACT_TIMES = ("any", "morning", "school_hours", "after_school", "evening")
SHORT_TEXT_MAX = 200
ADDRESS_MAX = 500
# Control characters and invisible direction overrides; zero-width joiners (U+200C/D) stay,
# since emoji sequences and some scripts need them.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Real HTML elements only: a child's "<3", "<kms>" or "x<y" is words, not markup.
HTML_ELEMENTS = frozenset("""
    a abbr address area article aside audio b base bdi bdo blockquote body br button
    canvas caption cite code col colgroup data datalist dd del details dfn dialog div dl
    dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4
    h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link
    main map mark marquee menu meta meter nav noscript object ol optgroup option output
    p param picture pre progress q rp rt ruby s samp script section select slot small
    source span strike strong style sub summary sup svg math table tbody td template
    textarea tfoot th thead time title tr track tt u ul var video wbr xmp
""".split())
_ELEMENT_NAMES = "|".join(sorted(HTML_ELEMENTS, key=len, reverse=True))
# A tag with attributes counts as markup only when they look like attributes (name=value):
# "my dad <b hits me> again" is a child's words, not a <b> element.
_MARKUP = re.compile(
    r"<!--.*?-->|</?(?:" + _ELEMENT_NAMES + r")(?:\s[^<>]*=[^<>]*)?\s*/?>",
    re.IGNORECASE | re.DOTALL)


def clean_text(value: str | None) -> str:
    """Plain text from whatever was typed: HTML markup removed, control characters dropped,
    line ends unified. The text is stored plain and escaped only on output."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text).replace(_SOFT_BREAK, "")
    if "<" in text:
        text = _strip_markup(text)
    return text.strip()


# Elements whose content an HTML parser reads as raw text, foreign content or drops
# (nh3 drops script/style/template content and re-escapes iframe/xmp content): their tags
# are removed here so that every word between them stays plain text.
_RAW_TEXT_ELEMENTS = frozenset("""
    script style template iframe xmp noembed noframes noscript textarea title plaintext
    svg math object embed select option
""".split())
# Tags that end a line or a block: removed as a line break so words do not run together.
_BREAKING_ELEMENTS = frozenset("""
    br p div li ul ol tr td th table h1 h2 h3 h4 h5 h6 blockquote pre section article
    header footer hr dd dt dl
""".split())
_TAG_NAME = re.compile(r"</?([a-zA-Z0-9]+)")


def _strip_markup(text: str) -> str:
    """Remove real HTML elements while keeping every word and every other "<" as typed.

    An HTML parser alone reads "my dad <b hits me" as a tag and drops the words, and drops
    or re-escapes whatever follows an unclosed ``<script>``: so everything outside
    recognised elements is escaped first, comments keep their words, the tags of raw-text
    elements are taken out here, and nh3 only ever sees ordinary inline markup.
    """
    pieces: list[str] = []
    last = 0
    for match in _MARKUP.finditer(text):
        pieces.append(html.escape(text[last:match.start()], quote=False))
        pieces.append(_markup_replacement(match.group(0)))
        last = match.end()
    pieces.append(html.escape(text[last:], quote=False))
    plain = html.unescape(nh3.clean("".join(pieces), tags=set(), attributes={}))
    # Where a tag stood between two words, one space keeps them apart; beside a space or a
    # line end it leaves nothing.
    return _SOFT_BREAKS.sub(lambda match: match.group(1) or match.group(2) or " ", plain)


_SOFT_BREAK = "\ue000"  # a private-use character standing for a removed tag
_SOFT_BREAKS = re.compile(r"(\s?)\ue000+(\s?)")


def _markup_replacement(token: str) -> str:
    if token.startswith("<!--"):
        return _SOFT_BREAK + html.escape(token[4:-3], quote=False) + _SOFT_BREAK
    name_match = _TAG_NAME.match(token)
    name = name_match.group(1).lower() if name_match else ""
    if name in _RAW_TEXT_ELEMENTS:
        return _SOFT_BREAK
    if name in _BREAKING_ELEMENTS:
        return "\n"
    return token


TRANSCRIPT_NOTE = "[Part of a longer message: every word is in the conversation transcript.]"


def fit_text(text: str, *, limit: int, around: int = 0) -> str:
    """``text`` cut to ``limit`` characters for a record made from a conversation, keeping
    the part around position ``around`` (a disclosure, or the start or end) with a note that
    the conversation's transcript, which the record links, holds every word. A conversation
    can run longer than any one answer may be; it must never be refused for that."""
    if len(text) <= limit:
        return text
    room = limit - len(TRANSCRIPT_NOTE) - 2
    start = min(max(0, around - room // 2), len(text) - room)
    return f"{TRANSCRIPT_NOTE}\n\n{text[start:start + room].strip()}"


def _parse_number(raw: str) -> phonenumbers.PhoneNumber | None:
    """A valid number: UK numbers typed any usual way, others with their country code
    (+48…, 00291…). Children in care include children who arrived from abroad with the
    SIM card they came with."""
    try:
        number = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_mobile(raw: str) -> str | None:
    """E.164 for a mobile number (UK or from abroad), else None."""
    number = _parse_number(raw)
    if number is None or phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        return None
    return _e164(number)


def normalise_phone(raw: str) -> str | None:
    """E.164 for any valid phone number (a phone call can go to a landline)."""
    number = _parse_number(raw)
    return _e164(number) if number is not None else None


def normalise_sender(raw: str) -> str | None:
    """E.164 for a number that texted us. Twilio delivered it, so it can be answered: any
    possible number is a reply address, even where the numbering metadata lags behind."""
    try:
        number = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        return None
    return _e164(number) if phonenumbers.is_possible_number(number) else None


MASK = "\u2022"  # a bullet: reads as hidden, and is never a digit someone might dial


def masked_phone(raw: str) -> str:
    """A phone number with all but its first two and last four digits hidden, in groups
    ("07••• ••4 567"): enough for the person to know it is theirs, not enough for
    someone looking at the screen to copy it. A number from abroad keeps its country code
    and shows only its last four digits."""
    number = _parse_number(raw)
    national = phonenumbers.national_significant_number(number) if number else ""
    if number is None:
        prefix, digits, keep_start = "", re.sub(r"\D", "", raw), 0
    elif number.country_code == 44:
        prefix, digits, keep_start = "", "0" + national, 2
    else:
        prefix, digits, keep_start = f"+{number.country_code} ", national, 0
    keep_end = min(4, len(digits))
    shown = "".join(digit if index < keep_start or index >= len(digits) - keep_end else MASK
                    for index, digit in enumerate(digits))
    # The last six in two groups of three, the rest in front: 07••• ••4 567.
    groups = [shown[:-6], shown[-6:-3], shown[-3:]]
    return prefix + " ".join(group for group in groups if group)


def normalise_email(raw: str) -> str | None:
    try:
        return validate_email(raw, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


@dataclass(frozen=True)
class OnBehalf:
    """Who is helping the young person, and how the young person agreed to this."""

    helper_name: str = ""
    organisation: str = ""
    relationship: str = ""
    consent: str = ""


@dataclass(frozen=True)
class Contact:
    name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class ContactSafety:
    """When it is safe to get in touch: a child at risk at home must be able to say
    "only text me after school" or "don't leave a message"."""

    times: tuple[str, ...] = ("any",)
    leave_message: bool = False
    note: str = ""


@dataclass(frozen=True)
class ReportedConcern:
    """A safeguarding concern a professional acting for the child tells us of, with the
    kinds they chose. They know the child; the duty team hears of it whatever the screen
    makes of their words (which may be "already referred to the MASH" and nothing more)."""

    kinds: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Draft:
    text: str
    channel: str
    declared_type: str | None = None
    what_would_help: str = ""
    service_area: str | None = None
    role: str = "young_person"
    on_behalf: OnBehalf | None = None
    advocate: str = "no"
    advocate_provider: str | None = None
    reply_channel: str = "none"
    contact: Contact = field(default_factory=Contact)
    contact_safety: ContactSafety = field(default_factory=ContactSafety)
    language: str = "en"
    # Same key twice (double click, resubmit, API retry) makes one record.
    submission_key: str | None = None
    conversation_id: int | None = None
    transcript: tuple[dict[str, str], ...] = ()
    received_at: datetime | None = None
    # Set by a channel that already knows a person must look (the bot was down, a
    # disclosure mid-conversation): the record is held for review with this reason.
    needs_review_reason: str | None = None
    # Free text a channel keeps in its own rows (an advocate's summary, a safeguarding
    # concern they know of), by field name: screened for safeguarding like every answer.
    other_texts: tuple[tuple[str, str], ...] = ()
    reported_concern: ReportedConcern | None = None


def sanitised(draft: Draft) -> Draft:
    """The draft with every free-text field reduced to plain text."""
    on_behalf = draft.on_behalf
    if on_behalf is not None:
        on_behalf = OnBehalf(*(clean_text(getattr(on_behalf, name)) for name in
                               ("helper_name", "organisation", "relationship", "consent")))
    contact = Contact(*(clean_text(getattr(draft.contact, name)) for name in
                        ("name", "phone", "email", "address")))
    safety = replace(draft.contact_safety, note=clean_text(draft.contact_safety.note))
    return replace(
        draft,
        text=clean_text(draft.text),
        what_would_help=clean_text(draft.what_would_help),
        on_behalf=on_behalf,
        contact=contact,
        contact_safety=safety,
        other_texts=tuple((name, clean_text(text)) for name, text in draft.other_texts),
        reported_concern=(replace(draft.reported_concern,
                                  text=clean_text(draft.reported_concern.text))
                          if draft.reported_concern else None),
    )


def is_language_code(code: str) -> bool:
    """A language Babel knows (``en``, ``cy``, ``pl``...). A record keeps the language the
    person used even before the service has texts in it."""
    try:
        Locale.parse(code)
    except (ValueError, TypeError, UnknownLocaleError):
        return False
    return True


def validate(draft: Draft, *, max_chars: int) -> dict[str, str]:
    """Error codes by field for a sanitised draft; empty when it can be submitted."""
    errors: dict[str, str] = {}
    if not draft.text:
        errors["text"] = "required"
    elif len(draft.text) > max_chars:
        errors["text"] = "too_long"
    if len(draft.what_would_help) > max_chars:
        errors["what_would_help"] = "too_long"
    if draft.channel not in CHANNELS:
        errors["channel"] = "unknown"
    if draft.declared_type is not None and draft.declared_type not in keys("representation_types"):
        errors["type"] = "unknown"
    if draft.service_area is not None and draft.service_area not in keys("service_areas"):
        errors["service_area"] = "unknown"
    if draft.role not in keys("complainant_roles"):
        errors["role"] = "unknown"
    if draft.advocate not in ADVOCATE_CHOICES:
        errors["advocate"] = "unknown"
    elif draft.advocate == "yes" and draft.advocate_provider not in keys("advocacy_providers"):
        errors["advocate_provider"] = "required"
    if not is_language_code(draft.language):
        errors["language"] = "unknown"
    errors.update(_validate_on_behalf(draft, max_chars))
    errors.update(_validate_contact(draft))
    if len(draft.contact_safety.note) > max_chars:
        errors["note"] = "too_long"
    if any(time not in CONTACT_TIMES for time in draft.contact_safety.times):
        errors["contact_times"] = "unknown"
    if draft.reported_concern is not None:
        errors.update(_validate_reported_concern(draft.reported_concern, max_chars))
    return errors


def _validate_reported_concern(concern: ReportedConcern, max_chars: int) -> dict[str, str]:
    """Both halves or neither: words without a kind cannot be routed, kinds without words
    tell the duty team nothing."""
    errors = {}
    if not concern.kinds or any(kind not in keys("safeguarding_kinds")
                                for kind in concern.kinds):
        errors["reported_kinds"] = "required"
    if not concern.text:
        errors["reported_concern"] = "required"
    elif len(concern.text) > max_chars:
        errors["reported_concern"] = "too_long"
    return errors


def _validate_on_behalf(draft: Draft, max_chars: int) -> dict[str, str]:
    if draft.role != "advocate" and draft.on_behalf is None:
        return {}
    helper = draft.on_behalf or OnBehalf()
    errors = {}
    for name in ("helper_name", "relationship", "consent"):
        value = getattr(helper, name)
        if not value:
            errors[name] = "required"
        elif len(value) > (max_chars if name == "consent" else SHORT_TEXT_MAX):
            errors[name] = "too_long"
    if len(helper.organisation) > SHORT_TEXT_MAX:
        errors["organisation"] = "too_long"
    return errors


def _validate_contact(draft: Draft) -> dict[str, str]:
    if draft.reply_channel not in REPLY_CHANNELS:
        return {"reply_channel": "unknown"}
    contact = draft.contact
    if draft.reply_channel == "sms":
        if not contact.phone:
            return {"phone": "required"}
        # The number a text came from is always a good reply address.
        check = normalise_sender if draft.channel == "sms" else normalise_mobile
        if check(contact.phone) is None:
            return {"phone": "invalid_mobile"}
    if draft.reply_channel == "phone":
        if not contact.phone:
            return {"phone": "required"}
        if normalise_phone(contact.phone) is None:
            return {"phone": "invalid_phone"}
    if draft.reply_channel == "email":
        if not contact.email:
            return {"email": "required"}
        if normalise_email(contact.email) is None:
            return {"email": "invalid_email"}
    if draft.reply_channel == "letter" and not contact.address:
        return {"address": "required"}
    if len(contact.address) > ADDRESS_MAX:
        return {"address": "too_long"}
    if len(contact.name) > SHORT_TEXT_MAX:
        return {"name": "too_long"}
    return {}
