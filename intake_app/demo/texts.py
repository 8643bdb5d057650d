"""Phrase banks for the demo's messages, in the words children and the adults around them use.

A demo queue full of one sentence repeated teaches nobody what the real work looks like, and
a triage model shown only tidy prose looks better than it is. So each message is put together
from pieces (how people start, what went wrong, how they feel, what they want) with varied
details, by a seeded ``random.Random``: the same seed gives the same demo every time.

Templates use ``{slot}`` names filled from ``SLOTS``; third-person ones also use ``{Subj}``
(the child, capitalised), ``{subj}``, ``{he}``, ``{his}`` and ``{him}``.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

SLOTS: dict[str, tuple[str, ...]] = {
    "worker": ("my social worker", "my sw", "my social worker", "my new social worker"),
    "pa": ("my PA", "my personal adviser", "my pa"),
    "wname": ("Kerry", "Dan", "Mrs Patel", "Gemma", "Tom", "Michelle", "Jo", "Mr Okafor",
              "Laura", "Sian", "Priya", "Steve"),
    "n": ("3", "4", "5", "three", "four", "6"),
    "times": ("twice", "3 times", "three times", "loads of times", "again"),
    "weeks": ("2 weeks", "three weeks", "a month", "6 weeks", "ages", "over a month"),
    "month": ("january", "february", "march", "april", "may", "june", "july", "september",
              "october", "november", "christmas", "the summer", "easter"),
    "day": ("monday", "tuesday", "wednesday", "thursday", "friday"),
    "sib": ("my little brother", "my sister", "my brothers", "my baby sister",
            "my big sister", "my little sister"),
    "parent": ("my mum", "my dad", "my nan", "my mum and dad", "my grandad"),
    "doc": ("my passport", "my bank card", "my birth certificate", "my provisional licence",
            "my national insurance number"),
    "item": ("a laptop for college", "a bike", "new school shoes", "a phone", "a desk for my room"),
    "org": ("NYAS", "Coram Voice", "Barnardo's", "the local advocacy service",
            "Action for Children"),
    "age": ("9", "11", "12", "13", "14", "15", "16", "17"),
    "prof": ("designated teacher", "school nurse", "youth worker", "GP", "head of year",
             "CAMHS practitioner"),
    "ask3": ("a meeting with the team manager", "an apology and a worker who stays",
             "to be told what is happening and why", "a written explanation",
             "the family time that was agreed to start again"),
}

BOYS = ("Jayden", "Kai", "Tyler", "Reece", "Callum", "Mohammed", "Oliver", "Leo", "Mason",
        "Ryan", "Kacper", "Dylan")
GIRLS = ("Amelia", "Chloe", "Ellie", "Maisie", "Aisha", "Leah", "Jade", "Freya", "Ruby",
         "Zara", "Nikita", "Lily")

# --- Complaints -----------------------------------------------------------------------------
# In a child's or care leaver's own words; most children type without capitals or apostrophes.
COMPLAINT_FIRST: dict[str, tuple[str, ...]] = {
    "communication": (
        "nobody tells me anything about my plan, i find stuff out from my carers after its "
        "already been decided",
        "{worker} said she would ring me back on {day} and she never did. thats {times} now",
        "i had my review and nobody asked what i thought. they just talked about me like i "
        "wasnt even in the room",
        "i left {n} messages for {worker} and no one has got back to me",
        "no one told me {parent} wasnt coming to contact, i sat there waiting for an hour",
    ),
    "staff_conduct": (
        "{worker} was rude to me in front of my friends and talked about my business outside "
        "school",
        "{wname} at the home was really rude to me and laughed when i got upset",
        "{worker} doesnt listen. every time i say something she just types on her laptop",
        "{wname} rolled her eyes at me and said i was always moaning",
        "staff at my home go through my phone without asking and read my messages",
    ),
    "worker_allocation": (
        "i have had {n} social workers this year and i have to tell my story again every time",
        "i havent had a social worker since {month} and nobody has told me who to talk to",
        "i want a different social worker, me and {wname} just dont get on and i dont trust her",
        "my social worker left and i havent been given a new one, im in foster care and its "
        "been {weeks}",
    ),
    "delay": (
        "they said i could start driving lessons months ago and its still not sorted",
        "im still waiting for {doc}, i asked for it {weeks} ago",
        "i was promised {item} in september and i still dont have it",
        "my life story work keeps getting put off, i just want to know about when i was little",
        "i was meant to get counselling after my review and its been {weeks} and nothing",
    ),
    "quality_of_service": (
        "my care plan has the wrong school on it and says i like football which i dont. did "
        "anyone even read it",
        "the report about me says things i never said",
        "my review got cancelled again and nobody rearranged it",
        "my pathway plan is just copied from last year, none of it is true anymore",
    ),
    "decision": (
        "they decided i cant stay at my nans at weekends and nobody explained why",
        "i dont agree with the decision to stop my overnight stays with {parent}",
        "they said no to me going on the school trip and i dont understand why",
        "they decided i have to stay in this placement and didnt even ask me",
    ),
    "placement": (
        "i dont like where i live, the other kids take my stuff and staff dont do anything",
        "they want to move me miles away from my school and my friends",
        "i got moved with one days notice and had to leave half my stuff behind",
        "my foster carers dont let me have friends round and i have to be in my room by 8",
    ),
    "contact": (
        "i only see {sib} once a month and its always at the contact centre, i want to see "
        "them more",
        "contact with {parent} got cancelled {times} and nobody told me why",
        "i want to see {parent} at christmas but they said no",
        "i dont get to see {sib} since we got split up and it makes me really sad",
    ),
    "confidentiality": (
        "{worker} told my school about my mum without asking me first",
        "a worker said in front of everyone at reception that im in care, now my whole year "
        "knows",
        "my carers got sent a letter with another kids name and address on it",
        "my new address was given to {parent} and i didnt want them to have it",
    ),
    "money": (
        "my pocket money hasnt gone up in 2 years and everything costs more now",
        "my clothing allowance was late again and i had no shoes for school",
        "my savings were meant to be put in an account for me and nobody knows where they are",
        "i was told id get money for my birthday and christmas and it never came",
    ),
    "other": (
        "the wifi at my home is rubbish and they wont fix it, i cant do my homework",
        "there is nothing to do at the weekend at my home, we just sit there",
        "the taxi to school is late nearly every day and i get told off for it",
    ),
}
# Care leavers write about their own flat, money and personal adviser.
COMPLAINT_LEAVER: dict[str, tuple[str, ...]] = {
    "worker_allocation": ("my PA left and i havent been given a new one, its been {weeks}",
                          "ive had {n} different PAs since i turned 18"),
    "placement": ("my flat has damp and mould all over the bedroom and nobody has come to fix it",
                  "they put me in a hostel miles from my college and my friends"),
    "money": ("my setting up home allowance still hasnt been paid and i need to buy a bed",
              "my bursary for college stopped and nobody can tell me why"),
    "communication": ("{pa} never answers, i have emailed {n} times about my pathway plan",),
    "delay": ("im still waiting for {doc}, without it i cant open a bank account or get a job",),
}

# About a child, by an advocate, professional, parent, carer or relative.
COMPLAINT_THIRD: dict[str, tuple[str, ...]] = {
    "communication": (
        "{Subj} has not heard from {his} social worker since {month}, and calls and emails to "
        "the team go unanswered",
        "nobody told {subj} that {his} review had been moved, so {he} missed it",
        "we were not told about the change to {his} care plan until after it had happened",
    ),
    "staff_conduct": (
        "a member of staff at {his} children's home spoke to {him} rudely in front of other "
        "young people",
        "{his} social worker was dismissive when {he} tried to explain how {he} felt and said "
        "{he} was being dramatic",
    ),
    "worker_allocation": (
        "{Subj} has had {n} different social workers this year and has not met the "
        "current one",
        "{Subj} has had no allocated social worker since {month}, although {he} is in care",
    ),
    "delay": (
        "the referral for counselling agreed at {his} review in {month} has still not been made",
        "{his} passport application should have been done weeks ago and {he} may now miss a "
        "trip abroad",
    ),
    "quality_of_service": (
        "{his} care plan has wrong information about {his} health and the school {he} goes to",
        "the assessment finished in {month} does not reflect what {subj} or the family said",
    ),
    "decision": (
        "{Subj} disagrees with the decision to reduce family time with {his} mother and was "
        "not told the reasons",
        "the decision to end {his} overnight stays at {his} grandparents was made without "
        "asking {him}",
    ),
    "placement": (
        "{Subj} was moved from {his} foster home at short notice and {his} belongings have "
        "still not been returned",
        "{his} placement is over an hour from {his} school and {he} is worn out by the travel",
    ),
    "contact": (
        "family time between {subj} and {his} younger brother has been cancelled {times} "
        "without explanation",
        "{Subj} has asked to see {his} dad more often but nobody has replied",
    ),
    "confidentiality": (
        "{his} new address was shared with a family member without {his} agreement",
        "a letter about {subj} with personal details in it was sent to the wrong address",
    ),
    "money": (
        "the savings account for {subj} has still not been set up although it was agreed "
        "{weeks} ago",
        "the allowance for {his} school uniform was not paid, so {he} started the term "
        "without one",
    ),
    "other": (
        "the contact centre is not accessible for {his} wheelchair",
        "{his} taxi to school has been late most mornings this term",
    ),
}

# Special educational needs and schools: the council's corporate procedure, not Children Act.
SCHOOL_COMPLAINTS = (
    "the council has still not finalised {his} EHCP and {he} has been without a school place "
    "since {month}",
    "the SEN team missed the deadline for {his} annual review and nobody replies to my emails",
    "{his} school transport was withdrawn with a week's notice and {he} cannot get to school",
)

OPENERS_CHILD = ("", "", "", "hi", "hiya", "i want to complain.", "i need to make a complaint",
                 "not being funny but", "ok so", "hello.", "i dont know if this is the right "
                 "place but")
FEELINGS_CHILD = ("im so fed up with it", "its not fair",
                  "i feel like no one listens to me", "honestly its really stressful",
                  "i just feel ignored", "its doing my head in", "", "", "")
ASKS_CHILD = ("i just want someone to call me back", "can someone actually sort it",
              "please can somebody do something", "can i talk to someone about it",
              "i want it to change", "", "")
ASKS_ADULT = ("I would like a response in writing.", "Please can someone contact me.",
              "I would like to know what will be done.", "I expect an apology.", "", "")

# --- Compliments ----------------------------------------------------------------------------
COMPLIMENT_FIRST: dict[str, tuple[str, ...]] = {
    "worker": (
        "{wname} my social worker is honestly the best, she actually listens to me",
        "i want to say thank you to {wname} for helping me get into college",
        "my foster carers are amazing and make me feel like part of the family",
        "{wname} my advocate helped me say what i wanted at my review",
    ),
    "service": (
        "the leaving care team helped me so much with my flat, thank you",
        "the staff at my home took me to see my nan on my birthday, it was really nice",
        "the activity days in the summer were really good, please do them again",
    ),
    "communication": (
        "{wname} always texts me back the same day, thats never happened before",
        "thank you for explaining everything about my move before it happened",
    ),
    "child_focus": (
        "at my review they actually asked me what i wanted first. i felt listened to",
        "thank you for letting me choose my own room colours, it feels like home now",
    ),
}
COMPLIMENT_THIRD: dict[str, tuple[str, ...]] = {
    "worker": ("I would like to thank {wname}, {his} social worker, who has been patient and "
               "kind with {subj} all year",),
    "service": ("The short breaks service has made a huge difference to our family",
                "The fostering team's support over a hard few months was excellent"),
    "communication": ("We have been kept informed at every step, which we really appreciate",),
    "child_focus": ("{Subj}'s views were at the centre of the review and {he} felt heard",),
    "partnership": ("Excellent joint working between the school and the social care team "
                    "around {subj}'s move to secondary school",),
}

# --- Questions and comments -----------------------------------------------------------------
ENQUIRY_FIRST = (
    "how do i get a copy of my care file",
    "who is my social worker now",
    "when is my next review",
    "can i change my social worker",
    "can i stay over at my mates house on saturday, who do i ask",
    "what is an advocate and can i have one",
)
ENQUIRY_LEAVER = (
    "can i get help with a deposit for my first flat",
    "what help is there with uni costs",
    "how long can i keep my PA after im 21",
    "am i entitled to a setting up home allowance",
)
ENQUIRY_THIRD = (
    "Who is {subj}'s social worker now? Can you let me know",
    "How do I get a copy of the minutes from {his} last review?",
    "Can you tell me when {his} next review is?",
    "What support is there for our family while {subj} is in care?",
)
COMMENT_FIRST = (
    "reviews should be after school not in the middle of lessons",
    "it would be good to have a group for young people in care to meet up",
    "social workers should text first, i never answer withheld numbers",
    "the forms are way too long, make them shorter",
    "you should ask us before you change our worker",
)
COMMENT_THIRD = (
    "It would help if the contact centre opened on Saturdays",
    "Foster carers would value a named contact out of hours",
    "The website should explain how to complain in simpler words, for children as well",
    "Meetings about {subj} should be at times {he} can come to, not in school hours",
)

# --- Possible safeguarding concerns ---------------------------------------------------------
# Written as children do tell us: the screen must flag each one as urgent.
SAFEGUARDING_FIRST = (
    "my foster carers son keeps hitting me when nobody is looking and i dont want to go back "
    "there tonight",
    "i keep cutting myself again since they moved me and i dont know who to tell",
    "some older lads make me carry packages for them and say theyll hurt my little brother "
    "if i stop",
    "mum kicked me out and ive got nowhere to stay tonight, im 16",
    "my stepdad hit my mum again last night and i was really scared",
    "i feel like i want to end it all, nobody listens to me",
    "a man online keeps asking me to send pics and says he will share the ones i sent",
    "a member of staff grabbed me and pushed me into the wall",
)
SAFEGUARDING_THIRD = (
    "{Subj} told me today that {he} is scared to go back to {his} placement because an adult "
    "there hits {him}",
    "{Subj} told me {he} has been self harming again since the move",
    "{Subj} ran away from {his} placement yesterday and {he} is still missing",
)


@dataclass(frozen=True)
class DemoMessage:
    """What was written, with what the demo meant it to be (for corrections and checks)."""

    text: str
    kind: str  # complaint, compliment, comment or enquiry
    category: str | None  # complaint or compliment category meant
    safeguarding: bool = False
    school: bool = False


@dataclass(frozen=True)
class Child:
    """The child an adult writes about: a name and the pronouns the templates need."""

    name: str
    he: str
    his: str
    him: str


def pick_child(rng: random.Random) -> Child:
    if rng.random() < 0.5:
        return Child(rng.choice(BOYS), "he", "his", "him")
    return Child(rng.choice(GIRLS), "she", "her", "her")


_SLOT = re.compile(r"\{(\w+)\}")


def fill(template: str, rng: random.Random, child: Child | None = None,
         subject: str | None = None) -> str:
    """Every ``{slot}`` filled; third-person slots name ``subject`` (default the child)."""
    words: dict[str, str] = {}
    if child is not None:
        subj = subject or child.name
        words = {"Subj": subj[0].upper() + subj[1:], "subj": subj, "he": child.he,
                 "his": child.his, "him": child.him, "name": child.name}

    def value(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in words:
            words[key] = rng.choice(SLOTS[key])
        return words[key]

    return _SLOT.sub(value, template)


def sentence(text: str) -> str:
    """A capital first letter and a full stop, as an adult writing a form would."""
    text = text.strip()
    if not text:
        return text
    return _stop(text[0].upper() + text[1:])


def _join_child(parts: list[str], *, texting: bool, rng: random.Random) -> str:
    parts = [part for part in parts if part]
    if texting:
        joined = " ".join(parts).replace(". ", " ").replace(".", "")
        return joined.replace(" you ", " u ") if rng.random() < 0.4 else joined
    return " ".join(sentence(part) if rng.random() < 0.5 else _stop(part) for part in parts)


def _stop(text: str) -> str:
    return text if text[-1] in ".?!" else text + "."


def child_complaint(rng: random.Random, category: str, *, leaver: bool, texting: bool) -> str:
    bank = COMPLAINT_FIRST[category]
    if leaver and category in COMPLAINT_LEAVER and rng.random() < 0.7:
        bank = COMPLAINT_LEAVER[category]
    opener = rng.choice(OPENERS_CHILD)
    parts = [f"{opener} {fill(rng.choice(bank), rng)}".strip()]
    if rng.random() < 0.3:
        other = fill(rng.choice(COMPLAINT_FIRST[category]), rng)
        if other not in parts[0]:
            parts.append("also " + other)
    parts += [rng.choice(FEELINGS_CHILD), rng.choice(ASKS_CHILD)]
    return _join_child(parts, texting=texting, rng=rng)


def child_message(rng: random.Random, kind: str, category: str | None, *, leaver: bool,
                  texting: bool) -> str:
    if kind == "complaint":
        assert category is not None
        return child_complaint(rng, category, leaver=leaver, texting=texting)
    if kind == "compliment":
        assert category is not None
        opener = rng.choice(("", "", "just wanted to say", "hi"))
        thanks = rng.choice(("", "", "thank you!!", "thanks x"))
        core = fill(rng.choice(COMPLIMENT_FIRST[category]), rng)
        return _join_child([f"{opener} {core}".strip(), thanks], texting=texting, rng=rng)
    if kind == "enquiry":
        bank = ENQUIRY_LEAVER if leaver and rng.random() < 0.7 else ENQUIRY_FIRST
        return _join_child([rng.choice(("", "hi", "quick question")),
                            rng.choice(bank) + "?"], texting=texting, rng=rng)
    opener = rng.choice(("", "just an idea but", "i think"))
    return _join_child([f"{opener} {rng.choice(COMMENT_FIRST)}".strip()], texting=texting,
                       rng=rng)


def third_person_core(rng: random.Random, kind: str, category: str | None, child: Child,
                      subject: str, *, school: bool = False) -> str:
    """The middle of an adult's message about a child, as full sentences."""
    if kind == "complaint":
        bank = SCHOOL_COMPLAINTS if school else COMPLAINT_THIRD[category or "other"]
    elif kind == "compliment":
        bank = COMPLIMENT_THIRD[category or "worker"]
    elif kind == "enquiry":
        bank = ENQUIRY_THIRD
    else:
        bank = COMMENT_THIRD
    return sentence(fill(rng.choice(bank), rng, child, subject))


def safeguarding_child(rng: random.Random, *, texting: bool, variant: int) -> str:
    """``variant`` picks the disclosure, so a handful of urgent messages are all different."""
    return _join_child([rng.choice(("", "", "please help", "i dont know who else to tell")),
                        SAFEGUARDING_FIRST[variant % len(SAFEGUARDING_FIRST)]],
                       texting=texting, rng=rng)


def safeguarding_third(rng: random.Random, child: Child, subject: str, variant: int) -> str:
    return sentence(fill(SAFEGUARDING_THIRD[variant % len(SAFEGUARDING_THIRD)], rng, child,
                         subject))


_ADVOCATE_ASKED = {"complaint": "make this complaint", "compliment": "pass on this thank you",
                   "enquiry": "ask this", "comment": "pass on this comment"}
_FAMILY = {"he": (("my son", "my grandson", "my nephew")),
           "she": (("my daughter", "my granddaughter", "my niece"))}


def adult_message(rng: random.Random, role: str, kind: str, category: str | None, *,
                  safeguarding: bool = False, school: bool = False, variant: int = 0
                  ) -> tuple[str, Child]:
    """An adult's message about a child, and the child it is about (the helper's consent
    names them). Parents and relatives say "my son"; others use the child's name."""
    child = pick_child(rng)
    subject, intro = child.name, ""
    if role == "advocate":
        intro = (f"I am an independent advocate with {rng.choice(SLOTS['org'])}. "
                 f"{child.name}, who is {rng.choice(SLOTS['age'])}, asked me to "
                 f"{_ADVOCATE_ASKED[kind]} for {child.him}.")
    elif role == "professional":
        intro = (f"I am {child.name}'s {rng.choice(SLOTS['prof'])} and I am writing with "
                 f"{child.his} agreement.")
    elif role in ("parent", "relative"):
        subject = (_FAMILY[child.he][0] if role == "parent"
                   else rng.choice(_FAMILY[child.he][1:]))
        intro = rng.choice((f"I am writing about {subject}, who is {rng.choice(SLOTS['age'])}.",
                            f"This is about {subject} {child.name}."))
        if kind == "complaint" and not safeguarding:
            intro = (rng.choice(("I want to make a complaint.", "I am very unhappy.", ""))
                     + " " + intro).strip()
    elif role == "carer":
        intro = f"I am {child.name}'s {rng.choice(('foster', 'kinship', 'foster'))} carer."
    core = (safeguarding_third(rng, child, subject, variant) if safeguarding
            else third_person_core(rng, kind, category, child, subject, school=school))
    if safeguarding:
        close = rng.choice(("Please can someone call me today.",
                            "I have also phoned the duty team."))
    elif role == "advocate" and kind == "complaint":
        close = f"{child.name} would like {rng.choice(SLOTS['ask3'])}."
    elif kind == "complaint":
        close = rng.choice(ASKS_ADULT)
    else:
        close = ""
    return " ".join(part for part in (intro, core, close) if part), child


def message(rng: random.Random, role: str, kind: str, category: str | None, *,
            texting: bool = False, safeguarding: bool = False, school: bool = False,
            variant: int = 0) -> tuple[DemoMessage, Child | None]:
    """One demo message from someone in ``role``; ``texting`` for SMS and chat;
    ``variant`` chooses which disclosure a safeguarding message makes."""
    child: Child | None = None
    if role in ("young_person", "care_leaver"):
        leaver = role == "care_leaver"
        text = (safeguarding_child(rng, texting=texting, variant=variant) if safeguarding
                else child_message(rng, kind, category, leaver=leaver, texting=texting))
    else:
        text, child = adult_message(rng, role, kind, category, safeguarding=safeguarding,
                                    school=school, variant=variant)
    return DemoMessage(text=text, kind=kind, category=category, safeguarding=safeguarding,
                       school=school), child
