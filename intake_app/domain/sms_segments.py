"""How many SMS segments a reply costs, and keeping replies inside Twilio's limit.

A text in the GSM-7 alphabet fits 160 characters in one message and 153 per segment when
split; one character outside it (an emoji, a Welsh ŵ or ŷ, curly quotes) switches the
whole message to UCS-2: 70 characters, 67 per segment. Twilio refuses bodies over 1,600
characters. The gateway uses this to keep answers short and to log what a turn costs.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_BODY_CHARS = 1600
ELLIPSIS = "..."

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# Each of these takes two septets (an escape and the character).
GSM7_EXTENDED = frozenset("^{}\\[~]|€\f")

GSM7_SINGLE, GSM7_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


@dataclass(frozen=True)
class SegmentCount:
    """The encoding a body needs, its length in that encoding's units, and its segments."""

    encoding: str  # "GSM-7" or "UCS-2"
    units: int
    segments: int


def is_gsm7(text: str) -> bool:
    """True when every character is in the GSM-7 basic or extension table."""
    return all(char in GSM7_BASIC or char in GSM7_EXTENDED for char in text)


def count(text: str) -> SegmentCount:
    """Segments for ``text``: UCS-2 counts UTF-16 code units, so an emoji counts two."""
    if is_gsm7(text):
        units = sum(2 if char in GSM7_EXTENDED else 1 for char in text)
        single, part, encoding = GSM7_SINGLE, GSM7_PART, "GSM-7"
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, part, encoding = UCS2_SINGLE, UCS2_PART, "UCS-2"
    if units == 0:
        return SegmentCount(encoding, 0, 0)
    segments = 1 if units <= single else -(-units // part)
    return SegmentCount(encoding, units, segments)


def fit(text: str, max_chars: int = MAX_BODY_CHARS) -> str:
    """``text`` cut to at most ``max_chars`` characters, at a word break where possible.

    Replies are written short; this is the guard that keeps a long one from being refused
    by Twilio (and so never reaching the child at all).
    """
    if len(text) <= max_chars:
        return text
    room = max_chars - len(ELLIPSIS)
    cut = text[:room]
    space = cut.rfind(" ")
    if space > room // 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS
