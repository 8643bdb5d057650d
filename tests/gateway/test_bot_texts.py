"""What the bot and the chat page say reads at about age 9, and fits a text message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat
import yaml

from intake_app.domain import sms_segments

from ..html_checks import main_text

DOMAIN = yaml.safe_load(
    (Path(__file__).resolve().parents[2] / "bot" / "domain.yml").read_text(encoding="utf-8"))
MAX_GRADE = 5
# Read-back summaries carry the child's own words; everything else is ours and short.
MAX_SEGMENTS = 3
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def text_of(variant: dict) -> str:
    """A plain response's text, or a custom one's (a Welsh text marked ``lang: cy``)."""
    return variant["text"] if "text" in variant else variant["custom"]["text"]


def english_texts() -> list[tuple[str, str]]:
    texts = []
    for name, variants in DOMAIN["responses"].items():
        for variant in variants:
            condition = {item["name"]: item["value"] for item in variant.get("condition", [])}
            language = variant.get("custom", {}).get("lang") or condition.get("language", "en")
            if language == "en":
                texts.append((name, PLACEHOLDER.sub("it", text_of(variant))))
    return texts


@pytest.mark.parametrize(("name", "text"), english_texts())
def test_bot_text_reads_at_about_age_nine(name: str, text: str) -> None:
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE, (name, text)


@pytest.mark.parametrize(("name", "variants"), DOMAIN["responses"].items())
def test_bot_texts_fit_in_a_few_text_messages_in_every_language(
    name: str, variants: list[dict]
) -> None:
    for variant in variants:
        assert sms_segments.count(text_of(variant)).segments <= MAX_SEGMENTS, (name, variant)


def test_chat_page_reads_at_about_age_nine(client) -> None:
    text = main_text(client.get("/chat").get_data())
    assert textstat.flesch_kincaid_grade(text) <= MAX_GRADE, text
