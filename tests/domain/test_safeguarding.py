"""The safeguarding screen catches disclosures the way children actually write them."""

import csv

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_app.domain.safeguarding import normalise, screen, screen_patterns
from intake_app.domain.triage_training import DATA_DIR
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
    "i took some tablets last night": "overdose_poisoning",
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
    # Kinds added by issue 12.
    "i took 12 paracetamol": "overdose_poisoning",
    "my bf is 23 and makes me go with his mates": "sexual_exploitation",
    "he said he'll post my nudes unless i send more": "online_sexual_abuse",
    "the boss took my passport and i work for no money": "modern_slavery",
    "my brother keeps watching extremist videos": "radicalisation",
    "they are forcing me to marry my cousin": "forced_marriage",
    "my nan says im getting cut in the summer holidays": "fgm",
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


# A reviewer's misses (none flagged by patterns or model), then variants of each family
# written afterwards in the same voices. The exact strings are in the held-out split too.
REVIEWER_MISSES = {
    "everyone would be better off if i wasnt around": "self_harm_suicide",
    "i dont see the point anymore": "self_harm_suicide",
    "i keep thinking about jumping off the bridge": "self_harm_suicide",
    "i been scratchin my arms with a compass": "self_harm_suicide",
    "i carve into my skin": "self_harm_suicide",
    "i got a split lip off my dad": "physical_abuse",
    "my dad drinks alot and then goes for me": "physical_abuse",
    "staff sat on me": "physical_abuse",
    "i am pregnant and 14": "sexual_abuse",
    "h i t s  m e": "physical_abuse",
    "Does gen i unman i gysgu heno": "missing",
}
VARIANTS = {
    "evry1 wud be better off if i wasnt here tbh": "self_harm_suicide",
    "honestly theyd all be better without me": "self_harm_suicide",
    "sometimes i think the world wud be better without me in it": "self_harm_suicide",
    "i dont see the point in anything anymore": "self_harm_suicide",
    "whats the point of me even being here": "self_harm_suicide",
    "honestly whats even the point of me": "self_harm_suicide",
    "i stood on the bridge last night n thought about jumping off": "self_harm_suicide",
    "sometimes i wanna step in front of a train": "self_harm_suicide",
    "ive been scratchin my legs with a sharpener blade": "self_harm_suicide",
    "i use a compass on my arm when i get stressed": "self_harm_suicide",
    "i carved his name into my arm": "self_harm_suicide",
    "been carving into my thighs again": "self_harm_suicide",
    "lol jk but i might just swallow everythin in the med cupboard": "self_harm_suicide",
    "i wrote a letter saying goodbye to everyone": "self_harm_suicide",
    "i feel like im a burden to evryone": "self_harm_suicide",
    "i just want to go to sleep and not wake up tbh": "self_harm_suicide",
    "came to school with a fat lip cos of my stepdad": "physical_abuse",
    "my mums boyfriend gave me a busted lip last night": "physical_abuse",
    "my mum gets drunk n then goes for me": "physical_abuse",
    "when dads been drinking he comes at me": "physical_abuse",
    "two staff pinned me on the floor and one knelt on my back": "physical_abuse",
    "the staff put me in a headlock for not going to my room": "physical_abuse",
    "im 15 and i think im preggers": "sexual_abuse",
    "my mate is 13 and shes pregnant": "sexual_abuse",
    "my boyfriend is 25 and im 14 and my mum doesnt know": "sexual_abuse",
    "my foster dad makes me sit on his lap and i dont like it": "sexual_abuse",
    "sum1 at the home keeps coming in2 my room wen im sleepin": "sexual_abuse",
    "h e  h u r t s  m e": "physical_abuse",
    "my dad  h.i.t.s  me": "physical_abuse",
    "k m s": "self_harm_suicide",
    "does gen i nunlle i aros heno": "missing",
    "sgen i ddim lle i gysgu": "missing",
    "i havent got a bed at the moment im at a diff mates every night": "missing",
    "my mum leaves us for days and i have to feed my brother": "neglect",
    "my bro is 13 and he goes off with older lads in a car and comes back with cash":
        "exploitation",
}


@pytest.mark.parametrize(("text", "kind"), sorted({**REVIEWER_MISSES, **VARIANTS}.items()))
def test_seen_reviewer_misses_and_their_variants_are_caught_by_the_patterns(text, kind):
    # The patterns themselves, not the model: these phrasings are now written down.
    result = screen_patterns(text)
    assert result.flagged
    assert kind in result.kinds
    for evidence in result.evidence:
        assert text[evidence.start : evidence.end] == evidence.text


@pytest.mark.parametrize(
    "text",
    [
        "dad said he will kill me if i tell",
        "he said hed kill me if i told anyone",
        "my stepdad says hell batter me if i say anything",
        "mum said shell hurt me if i tell my sw",
    ],
)
def test_a_threat_to_kill_the_child_is_a_threat_not_self_harm(text):
    result = screen(text)
    assert result.flagged
    assert "emotional_abuse" in result.kinds
    assert "self_harm_suicide" not in result.kinds


@pytest.mark.parametrize("text", ["just kill me now", "lol someone kill me", "kill me pls"])
def test_kill_me_on_its_own_is_still_self_harm(text):
    assert "self_harm_suicide" in screen(text).kinds


def test_spaced_out_letters_are_read_as_words_with_exact_evidence():
    text = "ok so  h i t s  m e  every day"
    result = screen_patterns(text)
    assert "physical_abuse" in result.kinds
    assert any(e.text == "h i t s  m e" for e in result.evidence)


def test_dropped_gs_and_text_speak_are_folded_but_real_words_are_not():
    assert normalise("sum1 keeps comin in2 my room wen im sleepin").text == (
        "someone keps coming into my rom when im sleping"
    )
    assert normalise("my cousin again heroin insulin skin").text == (
        "my cousin again heroin insulin skin"
    )


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
        "I feel safe now",
        "the support worker just sits on her phone all day",
        "she sat me down and explained the plan",
        "i dont see the point of the review meeting if nobody listens",
        "my mum is 15 weeks pregnant and needs help with the move",
    ],
)
def test_patterns_do_not_fire_on_near_miss_phrasing(text):
    # The trained model behind the patterns may still ask a person to look: a false
    # alarm is cheap. The patterns themselves stay precise.
    assert not screen_patterns(text).flagged


def test_the_model_catches_a_disclosure_no_pattern_describes():
    text = "my dad gets really angry and i end up with marks"
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


def test_seen_every_labelled_disclosure_in_the_shipped_set_is_flagged():
    path = DATA_DIR / "triage_labelled.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        disclosures = [row["text"] for row in csv.DictReader(handle) if row["safeguarding"] == "1"]
    assert len(disclosures) >= 150
    assert [text for text in disclosures if not screen(text).flagged] == []


# --- Disclosures made on a child's behalf, in the third person ----------------------------
# Parents, carers, advocates and professionals write "she is being hit", "Jade has gone
# missing", "they are not feeding him", often inside a longer letter. The data file holds
# disclosures (kind set) and ordinary complaints in the same voices (kind empty).
THIRD_PERSON = DATA_DIR / "safeguarding_third_person.csv"


def _third_person_rows() -> list[dict[str, str]]:
    with THIRD_PERSON.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


THIRD_PERSON_DISCLOSURES = [(r["text"], r["kind"]) for r in _third_person_rows() if r["kind"]]
THIRD_PERSON_ORDINARY = [r["text"] for r in _third_person_rows() if not r["kind"]]
LETTER_OPENING = (
    "I am an independent advocate with NYAS. Jade, who is 13, asked me to make this complaint "
    "for her. Jade has had three social workers since January and none of them have visited "
    "her. Her review was cancelled at the last minute and nobody told her why. "
)
LETTER_CLOSE = (
    " Jade would like a named worker who stays, and a meeting with the team manager to talk "
    "about her plan. Please reply to me by email as I am often out on visits."
)


def _in_a_letter(text: str) -> str:
    return LETTER_OPENING + text[0].upper() + text[1:] + "." + LETTER_CLOSE


def test_seen_third_person_set_covers_every_kind():
    assert len(THIRD_PERSON_DISCLOSURES) >= 200
    assert len(THIRD_PERSON_ORDINARY) >= 100
    # Written before issue 12 added its kinds; it covers every kind there was then.
    added = {"overdose_poisoning", "sexual_exploitation", "online_sexual_abuse",
             "modern_slavery", "radicalisation", "forced_marriage", "fgm"}
    assert ({kind for _, kind in THIRD_PERSON_DISCLOSURES}
            == set(keys("safeguarding_kinds")) - added)


@pytest.mark.parametrize(("text", "kind"), THIRD_PERSON_DISCLOSURES)
def test_seen_third_person_disclosure_is_caught_by_the_patterns(text, kind):
    result = screen_patterns(text)
    assert kind in result.kinds
    for evidence in result.evidence:
        assert text[evidence.start : evidence.end] == evidence.text


@pytest.mark.parametrize(("text", "kind"), THIRD_PERSON_DISCLOSURES)
def test_seen_third_person_disclosure_is_caught_inside_a_long_letter(text, kind):
    letter = _in_a_letter(text)
    result = screen(letter)
    assert kind in result.kinds
    # The evidence quotes the words of the disclosure, not the whole letter.
    quoted = [e for e in result.evidence if e.kind == kind]
    assert all(len(e.text) < len(text) + 2 for e in quoted)
    assert all(letter[e.start : e.end] == e.text for e in result.evidence)


def test_seen_third_person_ordinary_complaints_pass_the_patterns():
    flagged = [text for text in THIRD_PERSON_ORDINARY if screen_patterns(text).flagged]
    # Known, cheap false alarms: "kicked out" (of a youth club), "scared" (of a placement
    # ending), "got hit" (with a bill). Anything more is a regression in precision.
    assert len(flagged) <= 3, flagged


@pytest.mark.parametrize(
    "text",
    [
        "her social worker keeps changing",
        "he missed contact with his dad",
        "she was not told about the meeting",
        "my son's pocket money is late",
        "the staff hit the target for visits",
        "we were left waiting",
        "he went missing the meeting",
        "his passport went missing in the post",
        "nobody knows where his savings are",
        "the staff beat the deadline for the assessment for once",
    ],
)
def test_ordinary_complaints_about_a_child_are_not_flagged(text):
    assert not screen(text).flagged
    assert not screen(_in_a_letter(text)).flagged


def test_seen_third_person_ordinary_complaints_mostly_pass_the_whole_screen():
    # The model behind the patterns may ask a person to look at a few: a false alarm is
    # cheap. Reading a letter a sentence at a time must not make that much worse.
    alone = sum(screen(text).flagged for text in THIRD_PERSON_ORDINARY)
    in_letters = sum(screen(_in_a_letter(text)).flagged for text in THIRD_PERSON_ORDINARY)
    assert alone <= len(THIRD_PERSON_ORDINARY) * 0.15
    assert in_letters <= len(THIRD_PERSON_ORDINARY) * 0.15


def test_the_model_reads_a_long_letter_a_sentence_at_a_time():
    # No pattern describes this disclosure, and the letter around it dilutes the whole-text
    # score; the sentence on its own is worrying enough.
    sentence = "Since the move he comes back from his dads with marks and will not talk"
    assert not screen_patterns(sentence).flagged
    letter = _in_a_letter(sentence)
    assert not screen_patterns(letter).flagged
    result = screen(letter)
    assert result.flagged
    assert result.evidence[0].text == sentence
