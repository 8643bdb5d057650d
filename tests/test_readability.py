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
