"""SMS segment counting: GSM-7 160/153, UCS-2 70/67, and the 1,600-character cap."""

from __future__ import annotations

import pytest

from intake_app.domain import sms_segments


@pytest.mark.parametrize(
    ("text", "encoding", "segments"),
    [
        ("", "GSM-7", 0),
        ("a" * 160, "GSM-7", 1),
        ("a" * 161, "GSM-7", 2),
        ("a" * 306, "GSM-7", 2),
        ("a" * 307, "GSM-7", 3),
        ("€" * 80, "GSM-7", 1),  # extension characters count two
        ("€" * 81, "GSM-7", 2),
        ("a" * 69 + "😊", "UCS-2", 2),  # an emoji is two UTF-16 units
        ("Diolch yn fawr, mae'n ŵyl" + "a" * 45, "UCS-2", 1),
        ("ŵ" * 71, "UCS-2", 2),
        ("ŷ" * 134, "UCS-2", 2),
        ("ŷ" * 135, "UCS-2", 3),
    ],
)
def test_segments_follow_the_encoding(text: str, encoding: str, segments: int) -> None:
    counted = sms_segments.count(text)
    assert (counted.encoding, counted.segments) == (encoding, segments)


def test_fit_never_exceeds_the_limit_and_breaks_at_a_word() -> None:
    text = "word " * 400
    fitted = sms_segments.fit(text)
    assert len(fitted) <= sms_segments.MAX_BODY_CHARS
    assert fitted.endswith("word...")
    assert sms_segments.fit("short") == "short"
