"""Child-facing copy reads at about age 9: Flesch-Kincaid grade 5 or below on every
public page's main text."""

from __future__ import annotations

import pytest
import textstat

from .html_checks import main_text
from .web_journey import send_complaint

PAGES = ("/", "/tell-us/what", "/tell-us/who", "/tell-us/about", "/tell-us/what-happened",
         "/tell-us/what-would-help", "/tell-us/advocate", "/tell-us/reply",
         "/tell-us/sharing", "/what-is-an-advocate")
MAX_GRADE = 5


@pytest.mark.parametrize("path", PAGES)
def test_public_page_reads_at_about_age_nine(client, path):
    text = main_text(client.get(path).get_data())
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE, text


def test_confirmation_page_reads_at_about_age_nine(client):
    page = send_complaint(client, reply={"reply_channel": "sms", "phone": "07911 123456"})
    text = main_text(page.get_data())
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE, text


def _status_pages(client) -> dict[str, str]:
    """Every page of checking on a message: both questions, the answer, and the answer
    for a wrong guess."""
    from intake_app.domain.draft import Draft
    from intake_app.services.intake import submit

    from .conftest import post_form

    sent = submit(Draft(text="My social worker never calls me back.", channel="web"),
                  actor="web")
    assert sent.status_secret is not None
    pages = {"reference": client.get("/status").get_data()}
    post_form(client, "/status", {"reference": sent.reference_display})
    pages["secret"] = client.get("/status/secret").get_data()
    wrong = f"{(int(sent.status_secret) + 1) % 1_000_000:06d}"
    pages["no match"] = post_form(client, "/status/secret", {"secret": wrong}).get_data()
    pages["answer"] = post_form(client, "/status/secret",
                                {"secret": sent.status_secret}).get_data()
    return {name: main_text(page) for name, page in pages.items()}


def test_status_pages_read_at_about_age_nine(client):
    for name, text in _status_pages(client).items():
        assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE, (name, text)
