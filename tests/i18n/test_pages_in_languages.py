"""A child reads the pages in the language they chose (or their browser asks for), named in
itself on every page, with lang and dir on <html> so Arabic and Urdu run right to left."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale
from flask_babel import gettext as _

from ..conftest import dispose, make_app

HTML_TAG = re.compile(r'<html lang="([^"]+)" dir="([^"]+)">')
H1 = re.compile(r'<h1[^>]*>(.*?)</h1>', re.S)
LANGUAGE_LINK = re.compile(
    r'<a href="/language/(\w+)[^"]*" lang="(\w+)" hreflang="\w+">([^<]+)</a>')


def html_tag(client: FlaskClient, path: str, **headers: str) -> tuple[str, str]:
    match = HTML_TAG.search(client.get(path, headers=headers).get_data(as_text=True))
    assert match
    return match.group(1), match.group(2)


def heading(client: FlaskClient, path: str) -> str:
    match = H1.search(client.get(path).get_data(as_text=True))
    assert match
    return " ".join(match.group(1).split())


def translated(locale: str, text: str) -> str:
    with force_locale(locale):
        return _(text)


def test_a_welsh_session_gets_welsh_pages_on_every_page(app: Flask, client: FlaskClient) -> None:
    client.get("/language/cy?next=/")
    assert html_tag(client, "/") == ("cy", "ltr")
    welsh = translated("cy", "Tell us what happened")
    assert welsh != "Tell us what happened"
    assert heading(client, "/") == welsh
    # Remembered for the session: the next page is Welsh too, whatever the browser says.
    assert html_tag(client, "/chat", **{"Accept-Language": "en"}) == ("cy", "ltr")
    assert heading(client, "/chat") == translated("cy", "Chat with us")


@pytest.mark.parametrize("locale", ["ar", "ur"])
def test_arabic_and_urdu_pages_run_right_to_left(client: FlaskClient, locale: str) -> None:
    client.get(f"/language/{locale}?next=/")
    assert html_tag(client, "/") == (locale, "rtl")
    assert heading(client, "/") == translated(locale, "Tell us what happened")
    assert heading(client, "/") != "Tell us what happened"


@pytest.mark.parametrize("locale", ["en", "cy", "pl", "ro"])
def test_left_to_right_languages_stay_left_to_right(client: FlaskClient, locale: str) -> None:
    client.get(f"/language/{locale}?next=/")
    assert html_tag(client, "/") == (locale, "ltr")


def test_accept_language_is_honoured_on_a_first_visit(client: FlaskClient) -> None:
    assert html_tag(client, "/", **{"Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"}) == (
        "pl", "ltr")
    assert html_tag(client, "/", **{"Accept-Language": "fr, de"}) == ("en", "ltr")


def test_language_links_name_each_language_in_itself(client: FlaskClient) -> None:
    links = LANGUAGE_LINK.findall(client.get("/").get_data(as_text=True))
    assert links == [("cy", "cy", "Cymraeg"), ("pl", "pl", "Polski"), ("ro", "ro", "Română"),
                     ("ar", "ar", "العربية"), ("ur", "ur", "اردو")]
    client.get("/language/ar?next=/")
    names = {code: name for code, _, name in
             LANGUAGE_LINK.findall(client.get("/").get_data(as_text=True))}
    assert names["en"] == "English" and "ar" not in names


def test_only_the_councils_languages_are_offered(tmp_path: Path) -> None:
    app = make_app(tmp_path, SUPPORTED_LOCALES=("en", "cy"))
    try:
        links = LANGUAGE_LINK.findall(app.test_client().get("/").get_data(as_text=True))
        assert [code for code, _, _ in links] == ["cy"]
        assert app.test_client().get("/language/pl?next=/").status_code == 302
        assert html_tag(app.test_client(), "/", **{"Accept-Language": "pl"})[0] == "en"
    finally:
        dispose(app)


def test_a_council_in_wales_offers_welsh_whatever_it_lists(tmp_path: Path) -> None:
    app = make_app(tmp_path, SUPPORTED_LOCALES=("en",), NATION="wales")
    try:
        links = LANGUAGE_LINK.findall(app.test_client().get("/").get_data(as_text=True))
        assert [name for _, _, name in links] == ["Cymraeg"]
    finally:
        dispose(app)


def test_an_english_council_offers_no_language_link(tmp_path: Path) -> None:
    app = make_app(tmp_path, SUPPORTED_LOCALES=("en",))
    try:
        assert 'hreflang="' not in app.test_client().get("/").get_data(as_text=True)
    finally:
        dispose(app)


def test_public_styles_use_logical_sides_so_rtl_pages_mirror() -> None:
    """margin-left in a right-to-left page pushes the wrong way: the public pages' CSS says
    start and end instead, and arrows that point along the text flip for rtl."""
    root = Path(__file__).resolve().parents[2] / "static"
    physical = re.compile(r"\b(?:margin|padding|border)-(?:left|right)\b|(?<![-\w])(?:left|right):")
    for name in ("app.css", "chat.css"):
        css = (root / name).read_text()
        assert not physical.findall(css), name
    css = (root / "app.css").read_text()
    assert '[dir="rtl"] .back-link::before' in css and '[dir="rtl"] .button-start::after' in css


@pytest.mark.parametrize(("group", "key", "term"), [
    ("SERVICE_AREAS", "child_protection", "Child protection"),
    ("SERVICE_AREAS", "early_help", "Early help"),
    ("SERVICE_AREAS", "send_education", "SEND"),
    ("PROVIDERS", "nyas", "NYAS"),
    ("PROVIDERS", "coram_voice", "Coram Voice"),
])
def test_words_a_child_may_not_know_come_with_plain_words(app: Flask, group: str, key: str,
                                                          term: str) -> None:
    from intake_app.public import choices

    label, hint = getattr(choices, group)[key]
    with app.test_request_context():
        words = f"{label} {hint or ''}"
    assert term in words
    assert len(words.replace(term, "").split()) >= 5, words


@pytest.mark.parametrize(("locale", "direction"), [("ar", "rtl"), ("cy", "ltr")])
def test_emails_carry_their_language_and_direction(app: Flask, locale: str,
                                                   direction: str) -> None:
    """The acknowledgement email is read in a mail program: its <html> says the language
    the text is in and which way it runs, as the pages do."""
    from flask import render_template

    with force_locale(locale):
        html = render_template("acknowledgement/email.html", lang=locale, reference="ABCD-EFGH",
                               reply_by="", can_reply=False, advocate_requested=False,
                               safeguarding=False, out_of_hours="0300", council="x",
                               sms_number="", council_phone="0300", channel="web",
                               reply_by_short="", stage1_due="", reply_channel="none")
    assert HTML_TAG.search(html).groups() == (locale, direction)


@pytest.mark.parametrize("path", ["/", "/what-is-an-advocate", "/chat", "/tell-us",
                                  "/no-such-page"])
def test_every_public_page_has_the_language_link_and_is_in_the_language(
        client: FlaskClient, path: str) -> None:
    """The step pages, the chat and even the page-not-found page: a child who cannot read
    English can always find their language, and the page they land on is in it."""
    client.get("/language/ur?next=/")
    page = client.get(path, follow_redirects=True).get_data(as_text=True)
    assert HTML_TAG.search(page).groups() == ("ur", "rtl")
    names = {code: name for code, _, name in LANGUAGE_LINK.findall(page)}
    assert names == {"en": "English", "cy": "Cymraeg", "pl": "Polski", "ro": "Română",
                     "ar": "العربية"}
    assert translated("ur", "Leave this site") in page
