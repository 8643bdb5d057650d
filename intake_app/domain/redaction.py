"""Take phone numbers and email addresses out of an error before it is stored or logged.

Peers put personal data in their errors: Twilio says "The 'To' number +447911123456 is not a
valid phone number", an SMTP server refuses "<child@example.org>: mailbox unavailable", a
case store may echo the document back. Delivery errors end up in ``last_error`` (shown to
officers), audit rows, manager alerts and the log, none of which should hold contact
details. Over-redacting a long run of digits (a timestamp, say) is the safe mistake.
"""

from __future__ import annotations

import re

PHONE_MARK = "[phone]"
EMAIL_MARK = "[email]"

EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/?^_`{|}~-]+"  # local part (no "=": "to=" in a query stays)
    r"(?:@|%40)"  # also URL-encoded, as in a request body echoed back
    r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
)
# E.164 (+447911123456, +1 415 555 2671), UK national (07911 123456, (0161) 496 0000,
# 0161-496-0000), international prefix 00 and "+44 (0) 7911…": nine or more digits in a
# run, with at most two spaces, dashes, dots or brackets between digits. Digits glued to
# letters (an id such as SM0123456789abcdef) are left alone.
PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:\+|%2B|\(\+?)?"  # a plus, URL-encoded or bracketed
    r"\d(?:[ \t\-.()/]{0,2}\d){8,16}"
    r"(?!\w)",
    re.IGNORECASE,
)


def redact(text: object) -> str:
    """``text`` as a string with every email address and phone number replaced."""
    value = EMAIL.sub(EMAIL_MARK, str(text))
    return PHONE.sub(PHONE_MARK, value)
