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


BLOCKS = {"p", "li", "label", "legend", "h1", "h2", "h3", "dt", "dd", "a", "button"}
INLINE = {"span", "strong", "em", "b", "i", "br", "abbr", "code", "small"}


def _segments(element, out: list[str]) -> None:
    """Each block (paragraph, label, link, heading) is read as its own sentence."""
    own = [element.text or ""]
    for child in element:
        if child.tag.removeprefix(NS) not in INLINE:
            _segments(child, out)
        else:
            own.append("".join(child.itertext()))
        own.append(child.tail or "")
    text = re.sub(r"\s+", " ", "".join(own)).strip()
    if text and element.tag.removeprefix(NS) in BLOCKS:
        out.append(text if text[-1] in ".?!:" else text + ".")


def main_text(body: bytes | str) -> str:
    """The readable text of <main>, one sentence per paragraph, label, link or heading."""
    document = html5lib.parse(body, namespaceHTMLElements=True)
    segments: list[str] = []
    _segments(next(document.iter(f"{NS}main")), segments)
    return " ".join(segments)
