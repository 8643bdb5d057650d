"""The safeguarding screen catches disclosures the way children actually write them."""

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_app.domain.safeguarding import normalise, screen, screen_patterns
from intake_app.taxonomy import keys

DISCLOSURES = {
    # The brief's own examples.
    "kms": "self_harm_suicide",
    "i wanna die": "self_harm_suicide",
    "gonna unalive myself": "self_harm_suicide",
    "he hits me": "physical_abuse",
    "he touchs me": "sexual_abuse",
    "dont feel safe at home": "neglect",
    "nowhere to sleep tonite": "missing",
    "they make me hold stuff for them": "exploitation",
    "my sister's boyfriend hurts her": "physical_abuse",
    # Text-speak, misspellings and leet.
    "i want 2 d1e": "self_harm_suicide",
    "k1ll mys3lf": "self_harm_suicide",
    "been cutting again": "self_harm_suicide",
    "thinking about sewerslide": "self_harm_suicide",
    "i took some tablets last night": "self_harm_suicide",
    "my little brother said he wants to kill himself": "self_harm_suicide",
    "no one would care if i died": "self_harm_suicide",
    "my step dad beat me up": "physical_abuse",
    "i got a black eye from my foster dad": "physical_abuse",
    "my carer pushed me down the stairs": "physical_abuse",
    "my uncle comes into my room at night": "sexual_abuse",
    "he asked me to send nudes": "sexual_abuse",
    "a man online keeps asking for pictures": "sexual_abuse",
    "my foster mum calls me stupid and says im a mistake": "emotional_abuse",
    "she locks me in my room": "emotional_abuse",
    "im scared of my dad": "emotional_abuse",
    "theres never any food in the house": "neglect",
    "me and my brothers get left on our own all weekend": "neglect",
    "my dad hits my mum": "domestic_abuse",
    "mum and her boyfriend fight every night and the police came again": "domestic_abuse",
    "i ran away from my placement": "missing",
    "my mum kicked me out, been sofa surfing": "missing",
    "older boys make me take packages to other towns": "exploitation",
    "i owe some lads money and they want me to sell for them": "exploitation",
    "the kids at school are bullying me": "bullying_threats",
    "theyre gonna stab me after school": "bullying_threats",
    "people keep telling me to kys": "bullying_threats",
    "im in danger": "immediate_danger",
    "please help me now hes downstairs": "immediate_danger",
    "hes outside right now and hes going to kill us": "immediate_danger",
    # Welsh.
    "dw i ddim yn teimlo'n ddiogel": "neglect",
    "mae e'n fy nharo i": "physical_abuse",
    "dw i eisiau marw": "self_harm_suicide",
    "dw i'n brifo fy hun": "self_harm_suicide",
    "mae e'n cyffwrdd â fi": "sexual_abuse",
    "mae ofn arna i mynd adre": "emotional_abuse",
    "dim lle i gysgu heno": "missing",
    "mae plant yn fy mwlio i": "bullying_threats",
    "helpwch fi, mae e yma nawr": "immediate_danger",
}


@pytest.mark.parametrize(("text", "kind"), sorted(DISCLOSURES.items()))
def test_disclosure_is_flagged_with_its_kind(text, kind):
    result = screen(text)
    assert result.flagged
    assert kind in result.kinds


@pytest.mark.parametrize(
    "text",
    [
        "I'm not saying he hits me",
        "lol jk i wanna die",
        "i dont want to die but he hits me",
        "haha kms",
    ],
)
def test_negation_or_a_joke_does_not_hide_a_disclosure(text):
    assert screen(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "he hiiiiits me",
        "HE HITS ME",
        "ＨＥ ＨＩＴＳ ＭＥ",  # full-width letters from some phone keyboards
        "he h\u200bits me",  # zero-width space pasted in
        "he\x00 hits me",
        "he hits me\ufffd\ufffd",  # invalid UTF-8 from an SMS gateway, decoded with replace
        "i don\u2019t feel safe at home",  # curly apostrophe
        "i dont feel s4fe at home",
        "I wanna    die.",
    ],
)
def test_disguised_spelling_is_still_caught(text):
    assert screen(text).flagged


@pytest.mark.parametrize(
    "text",
    [
        "my social worker is great",
        "i want more pocket money",
        "the council owes me money from my grant",
        "please help me get my pocket money sorted",
        "when is my next review?",
        "hello",
        "ok",
        "thanks",
        "",
    ],
)
def test_ordinary_messages_are_not_flagged(text):
    result = screen(text)
    assert not result.flagged
    assert result.kinds == ()
    assert result.evidence == ()


@pytest.mark.parametrize(
    "text",
    [
        "I would like to keep in touch with my brother",
        "i got kicked off the bus for not having a pass",
        "I feel safe with my carers now",
        "my worker said she will run it past her manager",
        "I want to end my placement with the tutoring service",
    ],
)
def test_patterns_do_not_fire_on_near_miss_phrasing(text):
    # The trained model behind the patterns may still ask a person to look: a false
    # alarm is cheap. The patterns themselves stay precise.
    assert not screen_patterns(text).flagged


def test_the_model_catches_a_disclosure_no_pattern_describes():
    text = "my dad put his hands on me again last night"
    assert not screen_patterns(text).flagged
    result = screen(text)
    assert result.flagged
    assert result.evidence[0].text == text
    assert result.kinds[0] in keys("safeguarding_kinds")


def test_evidence_quotes_the_exact_original_text():
    text = "Hi. My STEP-DAD hiiiits me when mum\u2019s at work 😢 and I’m SCARED of him"
    result = screen(text)
    assert result.flagged
    for evidence in result.evidence:
        assert text[evidence.start : evidence.end] == evidence.text
    quoted = [e.text for e in result.evidence]
    assert "STEP-DAD hiiiits me" in quoted
    assert any(q.startswith("SCARED of") for q in quoted)


def test_evidence_is_in_text_order_and_kinds_follow_the_taxonomy():
    result = screen("i want to die. he hits me")
    assert [e.start for e in result.evidence] == sorted(e.start for e in result.evidence)
    assert set(result.kinds) <= set(keys("safeguarding_kinds"))
    assert list(result.kinds) == [k for k in keys("safeguarding_kinds") if k in result.kinds]


def test_every_taxonomy_kind_has_patterns():
    seen = set()
    for text in DISCLOSURES:
        seen.update(screen(text).kinds)
    assert seen == set(keys("safeguarding_kinds"))


def test_screen_is_deterministic():
    text = "older boys make me sell weed and my dad hits me"
    assert screen(text) == screen(text)


def test_normalise_maps_every_character_back_to_the_original():
    text = "Sooo SCARED\u200b of him!!! k1ll"
    folded = normalise(text)
    assert folded.text == "so scared of him kil"
    assert len(folded.starts) == len(folded.ends) == len(folded.text)
    start, end = folded.original_span(0, 2)
    assert text[start:end] == "Sooo"


def test_a_ten_thousand_character_message_is_screened_to_the_end():
    text = "blah " * 2000 + "he hits me"
    result = screen(text)
    assert result.flagged
    assert result.evidence[-1].end == len(text)


@given(st.text(max_size=300))
def test_any_text_is_screened_without_error_and_evidence_matches(text):
    result = screen(text)
    assert result.flagged == bool(result.evidence)
    for evidence in result.evidence:
        assert 0 <= evidence.start < evidence.end <= len(text)
        assert text[evidence.start : evidence.end] == evidence.text


@given(st.text(alphabet="heits m\u200bHIT!1\ufffd\x00 ", max_size=60))
def test_noisy_variants_of_hits_me_keep_offsets_exact(text):
    for evidence in screen(text + " he hits me").evidence:
        assert (text + " he hits me")[evidence.start : evidence.end] == evidence.text


def test_every_labelled_disclosure_in_the_shipped_set_is_flagged():
    path = Path(__file__).resolve().parents[1] / "data" / "triage_labelled.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        disclosures = [row["text"] for row in csv.DictReader(handle) if row["safeguarding"] == "1"]
    assert len(disclosures) >= 150
    assert [text for text in disclosures if not screen(text).flagged] == []
