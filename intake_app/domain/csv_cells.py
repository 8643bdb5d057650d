"""CSV lines that a spreadsheet opens as data, never as formulas.

Text starting with = + - @ (or a tab or carriage return, which some spreadsheets skip
before looking) would be run as a formula when an officer opens the export: a child could
type ``=HYPERLINK(...)`` into a complaint. Such text gets a leading apostrophe (OWASP's
advice), which spreadsheets show as text. Numbers are written as numbers, so a negative
difference stays a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a UTF-8 file as UTF-8 only when it starts with a byte order mark.
BYTE_ORDER_MARK = "\ufeff"


def safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_line(values: Iterable[object]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([safe_cell(value) for value in values])
    return buffer.getvalue()
