"""Every word a child, parent or advocate reads goes through the catalogues: a sentence
typed straight into a public template or a child-facing module would stay English in
every language. Non-words (numbers, punctuation, technical attributes) and text only
staff or machines read are allowed, each with its reason below."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from jinja2 import Environment, nodes

from .catalogues import ROOT

TEMPLATES = ROOT / "templates"
PUBLIC_TEMPLATES = sorted([
    TEMPLATES / "base.html", TEMPLATES / "macros.html",
    *(TEMPLATES / "public").glob("*.html"), *(TEMPLATES / "chat").glob("*.html"),
    *(TEMPLATES / "errors").glob("*.html"), *(TEMPLATES / "acknowledgement").glob("*"),
    *(TEMPLATES / "notifications").glob("case_status*"),
])
CHILD_FACING_MODULES = sorted([
    *(ROOT / "intake_app" / "public").glob("*.py"),
    ROOT / "intake_app" / "chat" / "views.py",
    ROOT / "intake_app" / "sms" / "views.py",
    ROOT / "intake_app" / "errors.py",
    ROOT / "intake_app" / "services" / "conversations.py",
    ROOT / "intake_app" / "services" / "acknowledgement.py",
    ROOT / "intake_app" / "services" / "callbacks.py",
    ROOT / "intake_app" / "services" / "child_news.py",
    ROOT / "intake_app" / "services" / "status_checks.py",
    ROOT / "intake_app" / "services" / "council_contact.py",
])
GETTEXT_CALLS = {"_", "gettext", "ngettext", "lazy_gettext", "_l", "lazy_ngettext",
                 "pgettext", "npgettext"}
LOG_CALLS = {"debug", "info", "warning", "error", "exception", "critical"}
WORD = re.compile(r"[^\W\d_]{2,}")
SENTENCE = re.compile(r"[A-Z][a-z']+ \w")  # "Tell us", not "form-group" or "yes"
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
MARKUP = re.compile(r"<(script|style)\b.*?</\1>|<!--.*?-->|<[^>]*>", re.S)
READ_ATTRIBUTES = re.compile(r'\b(?:alt|title|aria-label|placeholder)="([^"]*)"')
ENTITY = re.compile(r"&[#\w]+;")
# A Babel date pattern ("EEEE d MMMM y") is not words: Babel writes it in the language.
DATE_PATTERN = re.compile(r"^[GyMLdEeHhmsaz ,.:'-]+$")

# Literal text that is allowed in a child-facing module, and why: (file name, the text's
# start) -> reason. Keep it short; a child never reads any of these.
ALLOWED_MODULE_TEXT = {
    ("conversations.py", "Possible safeguarding concern"):
        "the reason a record is held for review: read by officers in the queue",
    ("conversations.py", "The bot was unavailable"): "review reason, officers only",
    ("conversations.py", "The bot had no answer"): "review reason, officers only",
    ("conversations.py", "Saved after a fault"): "review reason, officers only",
    ("conversations.py", "none yet (conversation"): "the duty team's alert, staff only",
    ("errors.py", "The body is too large"):
        "JSON for API clients; the chat page shows its own translated text on any failure",
    ("errors.py", " bytes are accepted"): "the same JSON message's second half",
    ("views.py", "[picture - not kept]"):
        "stands for a picture in the stored transcript, which staff read",
}


def template_words(path: Path) -> list[str]:
    """Text outside {{ }}, {% %} and tags, and readable attributes, that holds words."""
    source = JINJA.sub(" ", path.read_text(encoding="utf-8"))
    found = [value for value in READ_ATTRIBUTES.findall(source) if WORD.search(value)]
    text = ENTITY.sub(" ", MARKUP.sub(" ", source))
    found += [" ".join(line.split()) for line in text.splitlines() if WORD.search(line)]
    return found


def template_literals(path: Path) -> list[str]:
    """Sentences written as string constants in expressions (a macro's hint="..."), not
    passed through _()."""
    tree = Environment(extensions=["jinja2.ext.i18n"]).parse(path.read_text(encoding="utf-8"))
    inside_gettext = {id(const) for call in tree.find_all(nodes.Call)
                      if isinstance(call.node, nodes.Name) and call.node.name in GETTEXT_CALLS
                      for const in call.find_all(nodes.Const)}
    return [const.value for const in tree.find_all(nodes.Const)
            if isinstance(const.value, str) and id(const) not in inside_gettext
            and SENTENCE.match(const.value)]


@pytest.mark.parametrize("path", PUBLIC_TEMPLATES, ids=lambda path: path.name)
def test_public_template_has_no_text_outside_gettext(path: Path) -> None:
    assert template_words(path) == [], f"{path.relative_to(ROOT)}: wrap these in _()"
    assert template_literals(path) == [], f"{path.relative_to(ROOT)}: wrap these in _()"


def _call_name(call: ast.Call) -> str:
    function = call.func
    if isinstance(function, ast.Name):
        return function.id
    return function.attr if isinstance(function, ast.Attribute) else ""


def module_literals(path: Path) -> list[str]:
    """Sentence-like string constants that are not docstrings, not log lines and not
    inside a gettext call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: parent for parent in ast.walk(tree)
               for child in ast.iter_child_nodes(parent)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and re.search(r"[^\W\d_]{2,} [^\W\d_]", node.value)
                and not DATE_PATTERN.match(node.value)):
            continue
        exempt, parent = False, parents.get(node)
        if isinstance(parent, ast.Expr):
            continue  # a docstring
        while parent is not None and not exempt:
            exempt = isinstance(parent, ast.Call) and (
                _call_name(parent) in GETTEXT_CALLS | LOG_CALLS)
            parent = parents.get(parent)
        allowed = any(path.name == name and node.value.startswith(start)
                      for name, start in ALLOWED_MODULE_TEXT)
        if not exempt and not allowed:
            found.append(node.value)
    return found


@pytest.mark.parametrize("path", CHILD_FACING_MODULES, ids=lambda path: path.name)
def test_child_facing_module_has_no_text_outside_gettext(path: Path) -> None:
    assert module_literals(path) == [], f"{path.relative_to(ROOT)}: wrap these in _()"


def test_the_scans_can_fail(tmp_path: Path) -> None:
    template = tmp_path / "page.html"
    template.write_text('<p>{{ _("Fine") }}</p><p>Not translated</p>'
                        '{{ m.field(hint="Also not translated") }}<img alt="A cat">')
    assert template_words(template) == ["A cat", "Not translated"]
    assert template_literals(template) == ["Also not translated"]
    module = tmp_path / "views.py"
    module.write_text('"""Doc string here."""\nfrom flask_babel import gettext as _\n'
                      'ok = _("Fine words")\nbad = {"text": "Type a message"}\n'
                      'logger.info("log line here")\nday = format_date(d, "EEEE d MMMM")\n')
    assert module_literals(module) == ["Type a message"]


ENGLISH_DATES = re.compile(r"\.strftime\(|\bdate_in_words\(|\|\s*strftime\b")


@pytest.mark.parametrize("path", CHILD_FACING_MODULES + PUBLIC_TEMPLATES,
                         ids=lambda path: path.name)
def test_dates_a_child_reads_are_written_by_babel(path: Path) -> None:
    """strftime and calendar.date_in_words write English day and month names whatever the
    language: dates a child reads go through Babel's format_date in their locale."""
    assert not ENGLISH_DATES.findall(path.read_text(encoding="utf-8")), path.name


def test_the_babel_dates_are_in_the_language(app) -> None:
    from datetime import date

    from intake_app.services.api_intake import words_for_date

    friday = date(2026, 12, 4)
    assert words_for_date(friday, "en") == "Friday 4 December 2026"
    assert words_for_date(friday, "cy") == "Dydd Gwener 4 Rhagfyr 2026"
    assert words_for_date(friday, "pl").startswith("piątek 4 grudnia")
