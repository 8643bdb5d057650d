"""Issue 12, round 11: what retired blind sets 12 and 13 showed the screen getting wrong.

Seen examples (the sets are training data now): the blind measure of round 11 is sets 14
and 15 (``test_safeguarding_blind.py``). Each group below failed on round 10's screen.
"""

from __future__ import annotations

import pytest

from intake_app.domain.safeguarding import screen, screen_patterns


@pytest.mark.parametrize("text", [
    "the placement is stable and he is doing well at school",
    "Independent reviewing officer: he is 14 and settled in a stable foster placement.",
    "In RE we learned about forced marriage. I want to do my school project on it",
    "delivered the county lines awareness session to Year 9, slides attached",
    "The sessions on child sexual exploitation, knife crime and county lines were excellent",
    "Our respite for our disabled daughter has been cut from 4 nights to 2",
    "She knocked her head on the climbing frame at the park, we went to A&E to be safe",
    "I got hit in the face with a hockey ball, I'm fine, just a fat lip lol",
    "i wanted to die of embarrassment, my carer turned up at parents evening in crocs",
    "my carer is gonna kill me i broke the hoover",
    "my friend keeps joking she's gonna kill her foster brother for eating her last yoghurt",
    "Dwi'n mynd i ladd fy mrawd os ydy o'n dwyn fy charger i eto",
])
def test_everyday_words_are_not_read_as_a_disclosure_by_the_patterns(text):
    """"stable" is no stab, "do my project" no threat, a lesson about a harm no disclosure."""
    assert not screen_patterns(text).flagged


@pytest.mark.parametrize("text", [
    "they said they would stab me after school",
    "he got stabbed outside the shop last night",
    "they said they're gonna do me after school",
    "he said he is gonna kill my brother if he tells",
    "she knocked her head on the wall when he pushed her",
])
def test_the_narrowed_patterns_still_catch_the_harm(text):
    assert screen(text).flagged


@pytest.mark.parametrize("text", [
    "something happened at the party with my mates older brother, i said no and he didnt stop",
    "it happened again. the thing with my cousin. I didnt say no but I didnt want it",
    "What would help? a lock on my door so he cant get in at night",
    "tidy lad he is, hes 25, said i can stay at his whenever i want. im 14 like",
    "i get paid in phone credit for going to the flat above the takeaway",
    "been doin runs for the olders, got wet up last week cuz i was short on the money",
    "the teacher at my new school keeps telling me to delete our messages",
    "mum's new fella is back and shes told us to say nothing, he broke her nose last time",
    "my foster carer says if i tell the social worker anything shell make sure i never see my "
    "mum again",
    "the carers give their own kids proper dinners and i get toast, ive lost a stone since i "
    "moved in",
    "ive had nits and scabies for weeks and no one at the home has done anything about it",
    "I'm a care leaver and some men have basically moved into my flat and use it for dealing.",
    "My sister-in-law is planning to take my niece (7) overseas in half term to have her "
    "'purified'.",
    "I'm 13 and my aunties keep saying I'm old enough now for the 'sunna' before secondary",
    "There's a little girl, can't be more than 6, on her own at the terminus, it's dark",
])
def test_harms_told_plainly_are_alerts(text):
    assert screen(text).flagged


def test_a_few_risky_words_told_again_and_again_are_never_doubted():
    """A few words in a short message may be read as a concern when the model finds the
    message ordinary, but not when the harm happens every time."""
    assert screen("what would help? if i didnt get battered every time i come in late").flagged


@pytest.mark.parametrize("text", [
    "sum1 at skl sed theyll batter me but its sorted now the teacher spoke to them",
    "Just to update: the forced marriage protection order is in place, she's settled with us.",
])
def test_harm_told_as_sorted_is_a_concern_not_an_alert(text):
    assert screen(text).tier == "concern"


@pytest.mark.parametrize("text", [
    "<script>😢 my foster dad hits me<script>😢 my review wifi wifi back then",
    "i want to kill myself social worker never calls back then she said lol",
])
def test_a_loose_back_then_does_not_make_a_disclosure_past(text):
    """Found by the property test in a clean-clone CI run: "back then" anywhere in a message
    let the model doubt a pattern's alert, and filler words read as ordinary, so about one
    disclosure in four inside long filler was a concern. A past that is really told names
    its time ("years ago", "when I was little", "last year")."""
    assert screen(text).flagged
