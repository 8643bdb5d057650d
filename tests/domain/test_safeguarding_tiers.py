"""Two tiers, new kinds and Welsh, and the examples named in issue 12.

The issue's examples were read by whoever wrote the patterns, so the tests that use them
say so (``test_seen_issue_12_...``): they guard against regressions and prove nothing about
how the screen generalises (that is ``test_safeguarding_blind.py``).
"""

from __future__ import annotations

import pytest

from intake_app.domain.safeguarding import screen, screen_patterns
from intake_app.domain.safeguarding_patterns import KINDS, PATTERNS
from intake_app.taxonomy import keys

NEW_KINDS = ("overdose_poisoning", "sexual_exploitation", "online_sexual_abuse",
             "modern_slavery", "radicalisation", "forced_marriage", "fgm")


def test_the_pattern_tables_follow_the_taxonomy():
    assert keys("safeguarding_kinds") == KINDS == tuple(PATTERNS)
    assert set(NEW_KINDS) <= set(KINDS)


def test_every_kind_has_welsh_patterns():
    from intake_app.domain.safeguarding_patterns.welsh import WELSH

    assert set(WELSH) == set(KINDS)


@pytest.mark.parametrize(("text", "kind"), [
    ("took 20 paracetamol an hour ago", "overdose_poisoning"),
    ("i had a load of pills", "overdose_poisoning"),
    ("my boyfriend is 24 and wants me to have sex with his mates", "sexual_exploitation"),
    ("my friend told me her uncle does things to her and she made me promise not to tell",
     "sexual_abuse"),
    ("dw i ddim eisiau byw", "self_harm_suicide"),
])
def test_seen_issue_12_missed_disclosures_are_alerts(text, kind):
    result = screen(text)
    assert result.tier == "alert" and result.flagged
    assert kind in result.kinds


@pytest.mark.parametrize("text", [
    "A children's home",
    "I was cutting onions",
    "he cut me off mid sentence",
    "she asked me to send this for her",
    "We watched a film at school about knife crime and it was good",
    "my pocket money has gone missing",
    "the house is really cold and the heating is broken",
])
def test_seen_issue_12_false_alarms_raise_no_alert(text):
    assert not screen(text).flagged


def test_seen_issue_12_past_self_harm_going_well_is_a_concern_not_silence():
    result = screen("I used to self harm but I'm doing much better now")
    assert result.tier == "concern" and result.concern and not result.flagged
    assert result.concern_kinds == ("self_harm_suicide",)
    assert result.concern_evidence and not result.evidence


@pytest.mark.parametrize("text", [
    "i used to cut and i started again last week",
    "he used to hit me and he still does",
    "i used to self harm and i want to do it tonight",
])
def test_past_harm_that_goes_on_stays_an_alert(text):
    assert screen(text).tier == "alert"


@pytest.mark.parametrize(("text", "kind"), [
    ("she took a whole packet of tablets this morning", "overdose_poisoning"),
    ("he drank bleach", "overdose_poisoning"),
    ("a man on snapchat keeps asking me to send pictures", "online_sexual_abuse"),
    ("he says he will share my nudes unless i pay him", "online_sexual_abuse"),
    ("they took my passport and i work in the nail bar for no money", "modern_slavery"),
    ("my brother is watching isis videos and wants to go and fight for them",
     "radicalisation"),
    ("my parents are taking me to pakistan in the summer to get married and i dont want to",
     "forced_marriage"),
    ("my aunt says i will be cut like my sister when we go back home", "fgm"),
    ("older men pick her up from the home and take her to different houses",
     "sexual_exploitation"),
    ("maen nhw wedi cymryd fy mhasbort", "modern_slavery"),
    ("maen nhw'n bygwth rhannu fy lluniau", "online_sexual_abuse"),
    ("dw i wedi cymryd gorddos", "overdose_poisoning"),
    ("mae dad yn gorfodi fi i briodi", "forced_marriage"),
])
def test_new_kinds_are_alerts_in_english_and_welsh(text, kind):
    result = screen(text)
    assert result.flagged and kind in result.kinds, (result.kinds, result.concern_kinds)


def test_a_weapon_named_with_no_threat_is_a_pattern_concern_and_with_one_an_alert():
    # The model may still take its own look at the first; the patterns alone say concern.
    assert screen_patterns("we talked about a knife").tier == "concern"
    assert screen("he pulled a knife on me").tier == "alert"


def test_ordinary_messages_have_no_tier():
    result = screen("when is my next review?")
    assert result.tier is None and not result.concern


def test_a_concern_is_routed_to_an_officer_without_an_alert():
    from intake_app.domain.triage import triage

    result = triage("I used to self harm but I'm doing much better now")
    assert not result.safeguarding.flagged and result.priority != "urgent"
    assert result.needs_review and "safeguarding_concern" in result.flags
    assert any("Safeguarding concern, not an alert" in reason for reason in result.reasons)
