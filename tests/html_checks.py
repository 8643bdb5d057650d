"""Checks every HTML page the test client sees, the way GOV.UK Notify's admin tests do:
the HTML parses without errors, has exactly one <h1>, a <title> that starts with the h1's
text, no duplicate ids, and a label for every input."""

from __future__ import annotations

import re
from collections import Counter

import html5lib
from html5lib.constants import namespaces

NS = "{" + namespaces["html"] + "}"
UNLABELLED_TYPES = {"hidden", "submit", "button", "image", "reset"}


def _text(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def check_page(body: bytes | str) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True)
    document = parser.parse(body)  # raises ParseError on any error

    headings = list(document.iter(f"{NS}h1"))
    assert len(headings) == 1, f"expected one <h1>, found {len(headings)}"
    titles = list(document.iter(f"{NS}title"))
    assert len(titles) == 1, "expected one <title>"
    heading = _text(headings[0])
    assert _text(titles[0]).startswith(heading), (
        f"title {_text(titles[0])!r} does not start with h1 {heading!r}")

    ids = [element.get("id") for element in document.iter() if element.get("id")]
    duplicates = [name for name, count in Counter(ids).items() if count > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"

    labelled = {label.get("for") for label in document.iter(f"{NS}label")}
    for tag in ("input", "textarea", "select"):
        for element in document.iter(f"{NS}{tag}"):
            if tag == "input" and element.get("type", "text") in UNLABELLED_TYPES:
                continue
            assert element.get("id") in labelled or element.get("aria-label"), (
                f"<{tag} name={element.get('name')!r}> has no label")


def main_text(body: bytes | str) -> str:
    """The readable text of <main>: headings, paragraphs, labels and hints."""
    document = html5lib.parse(body, namespaceHTMLElements=True)
    main = next(document.iter(f"{NS}main"))
    return _text(main)
