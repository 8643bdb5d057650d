"""Triage of one representation: type, categories, safeguarding, priority and procedure.

Pure and deterministic for the same text and model: no Flask, no clock, no network. The
safeguarding screen always runs first and nothing after it can unflag what it found. Type
and categories come from a small scikit-learn model (see ``triage_training``), loaded
lazily once per process; everything else is explicit rules, because an officer must be
able to read why a decision was made. Every decision adds a plain-English sentence to
``reasons``, and anything a person has to decide (late, proceedings, sufficient interest,
other procedures, a disagreeing type, unreadable text) is a flag, never a rejection.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from intake_app.domain.model_runtime import (
    CLASSIFY_CHARS,
    MODEL_DIR,
    LinearTriageModel,
    ModelUnavailable,
    classifier_text,
    load_model,
)
from intake_app.domain.safeguarding import SafeguardingResult, screen_patterns, with_model
from intake_app.domain.text_fold import normalise, squeeze_pattern

__all__ = ["MODEL_DIR", "LinearTriageModel", "TriageResult", "load_model", "prepare", "triage"]

TYPES = ("complaint", "compliment", "comment", "enquiry")
STATUTORY_ROLES = frozenset(
    {"young_person", "care_leaver", "advocate", "parent", "carer", "relative"}
)
INTEREST_ROLES = frozenset({"professional", "other"})

# Confidence below which an officer should check the machine's reading.
LOW_TYPE_CONFIDENCE = 0.5
LOW_CATEGORY_CONFIDENCE = 0.3
SECONDARY_CATEGORY_THRESHOLD = 0.2


@dataclass(frozen=True)
class TriageResult:
    type: str
    type_confidence: float
    primary_category: str | None
    secondary_categories: tuple[str, ...]
    safeguarding: SafeguardingResult
    priority: str
    procedure: str
    procedure_reason: str
    needs_review: bool
    flags: tuple[str, ...]
    reasons: tuple[str, ...]
    model_version: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form for storage on the record."""
        return {
            "type": self.type,
            "type_confidence": self.type_confidence,
            "primary_category": self.primary_category,
            "secondary_categories": list(self.secondary_categories),
            "safeguarding": {
                "flagged": self.safeguarding.flagged,
                "kinds": list(self.safeguarding.kinds),
                "evidence": [
                    {"kind": e.kind, "start": e.start, "end": e.end, "text": e.text}
                    for e in self.safeguarding.evidence
                ],
            },
            "priority": self.priority,
            "procedure": self.procedure,
            "procedure_reason": self.procedure_reason,
            "needs_review": self.needs_review,
            "flags": list(self.flags),
            "reasons": list(self.reasons),
            "model_version": self.model_version,
        }


def prepare(text: str, *, disclosure_marker: bool = True) -> str:
    """The classifier's view of a message: the safeguarding fold plus two marker words.

    The fold already copes with case, accents, leet and stretched letters; it drops
    punctuation, but a question mark is the strongest single sign of an enquiry. The
    screen's verdict is a marker too, so a disclosure with no service complaint in it
    ("other") is not confused with a complaint about another council service.
    """
    folded = normalise(text)
    disclosure = disclosure_marker and screen_patterns(text, folded=folded).flagged
    return classifier_text(folded.text, text, disclosure)


# --- Text quality -------------------------------------------------------------------------

def _folded_words(text: str) -> frozenset[str]:
    return frozenset(normalise(text).text.split())


# Common words, folded like messages are, to tell English and Welsh from other languages.
_ENGLISH_WORDS = _folded_words(
    "i me my im the a an and to is it in of you u for not no dont cant was he she they "
    "we our your this that with on at be have has had get got want need please pls why "
    "what when how who can do did never always still social worker care"
)
_WELSH_WORDS = _folded_words(
    "dw dwi i fi fy mae yn yr y a ddim dim eisiau isio wedi gyda efo ar am ond does neb "
    "diolch plis pryd sut oes mam dad ysgol gweithiwr cymdeithasol fe e hi nhw chi ni"
)
_WELSH_MARKERS = _folded_words(
    "dw dwi mae ddim eisiau isio diolch pryd sut oes gweithiwr cymdeithasol ysgol does "
    "neb fy yr gyda efo"
)


def _text_quality(text: str, words: frozenset[str]) -> list[tuple[str, str]]:
    """Flags and reasons for input an officer should read themselves."""
    issues: list[tuple[str, str]] = []
    stripped = text.strip()
    letters = [c for c in stripped if c.isalpha()]
    if not stripped:
        return [("unreadable", "Needs review: the message is empty.")]
    if not letters:
        return [("unreadable", "Needs review: the message has no words (only symbols, "
                 "numbers or emoji), so it could not be triaged automatically.")]
    if stripped.count("\ufffd") >= max(3, len(stripped) // 20):
        issues.append(("unreadable", "Needs review: parts of the message could not be "
                       "decoded (it arrived garbled), so some words may be missing."))
    if any(unicodedata.category(c) == "Cc" and c not in "\n\r\t" for c in text):
        issues.append(("unusual_text", "Needs review: it contained control characters, which "
                       "were removed before triage."))
    if len(text) > CLASSIFY_CHARS:
        issues.append(("very_long", f"Needs review: the message is very long ({len(text)} "
                       "characters); type and category were read from the start only."))
    if len(letters) >= 12 and all(not c.islower() for c in letters):
        issues.append(("unusual_text", "Needs review: written all in capital letters, which "
                       "can mean distress; please read it yourself."))
    if re.search(r"(.)\1{7,}", stripped):
        issues.append(("unusual_text", "Needs review: contains long runs of one repeated "
                       "character."))
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    if latin < len(letters) / 2 or (
        len(words) >= 4 and not words & (_ENGLISH_WORDS | _WELSH_WORDS)
    ):
        issues.append(("other_language", "Needs review: this looks like a language other "
                       "than English or Welsh; it may need translating before a reply."))
    elif len(words & _WELSH_MARKERS) >= 2 and len(words & _WELSH_MARKERS) >= len(
        words & _ENGLISH_WORDS
    ):
        issues.append(("welsh", "Written in Welsh: reply in Welsh."))
    return issues


# --- Rules for procedure, flags and priority ------------------------------------------------

def _rx(*alternatives: str) -> re.Pattern[str]:
    """Compile rule words against folded text (letter runs squeezed, as in the screen)."""
    joined = squeeze_pattern("|".join(alternatives))
    return re.compile(r"(?<![a-z0-9])(?:" + joined + r")(?![a-z0-9])")


_SOCIAL_CARE = _rx(
    r"social ?worker", r"sw", r"foster\w*", r"in care", r"care leaver", r"leaving care",
    r"children(?:s)? home", r"placement", r"contact", r"pa", r"personal adviser", r"iro",
    r"review", r"pathway plan", r"care plan", r"kinship", r"residential", r"advocate",
    r"children(?:s)? services", r"social services", r"assessment", r"respite",
    r"short breaks", r"gweithiwr cymdeithasol", r"gofal", r"lleoliad", r"child protection",
    r"conference", r"cp plan", r"safeguarding", r"section (?:17|20|47)", r"strategy meeting",
    r"care proceedings", r"looked after", r"early help", r"family support", r"youth offending",
    r"youth justice", r"mash", r"duty team", r"special guardianship", r"adoption",
)
_CORPORATE_TOPIC = _rx(
    r"school", r"ehcp", r"senco", r"special educational", r"sen (?:needs|support|team)",
    r"send (?:team|support|needs|tribunal|provision)", r"gcse\w*", r"exclu\w*",
    r"council tax", r"bins?", r"parking", r"potholes?", r"street ?lights?", r"library",
    r"leisure centre", r"housing benefit", r"planning", r"roads?", r"ysgol",
)
_PROCEEDINGS = _rx(
    r"court", r"courts", r"judge", r"solicitor\w*", r"barrister", r"cafcass", r"proceedings",
    r"police (?:are |is )?(?:investigat\w*|involved|case|interview\w*)", r"arrested",
    r"charged", r"prosecut\w*", r"criminal case", r"trial", r"tribunal", r"llys",
    r"going to the police", r"reported (?:it|him|her|them) to (?:the )?police",
)
_OTHER_PROCEDURE = _rx(
    r"child protection (?:conference|plan)", r"cp (?:conference|plan)", r"icpc", r"rcpc",
    r"case conference", r"conference", r"court report", r"section 7 report",
    r"section 37 report",
)
_PLACEMENT_RISK = _rx(
    r"(?:move|moving|moved) (?:me|us|him|her)(?: [a-z]+){0,4} (?:tomorrow|today|tonight|"
    r"on \w+day|this week|next week|at the weekend|in \w+ days)",
    r"about to be moved", r"being moved (?:tomorrow|today|this week|next week|on \w+day)",
    r"(?:placement|foster placement|tenancy) (?:is )?(?:ending|breaking down|ends|"
    r"finishing|falling apart)", r"given notice", r"notice to (?:leave|quit)", r"evict\w*",
    r"(?:lose|losing) (?:my|our|his|her) (?:flat|home|house|tenancy|place|school place|"
    r"college place|placement)", r"(?:permanently )?excluded", r"exclusion",
    r"no school place", r"(?:kicked|kick) (?:me|him|her) out of (?:school|college)",
    r"have to leave (?:my|the) (?:foster home|placement|flat|home)",
)
_AGE_16_17 = _rx(r"(?:im|i am|aged|age|hes|shes|he is|she is) (?:16|17)",
                 r"(?:16|17) ?(?:yo|yrs?|years? old)")
_HOMELESS = _rx(
    r"homeless", r"no ?where to (?:live|stay|sleep|go)", r"kicked (?:me )?out",
    r"chucked (?:me )?out", r"sofa surf\w*", r"sleeping rough", r"digartref",
)
_WORKER = r"(?:allocated |new |proper |named |permanent )?(?:social worker|sw|worker)"
_NO_SOCIAL_WORKER = _rx(
    r"(?:no|not got a|havent got a|dont have a|do not have a|without an?|without any|no "
    r"allocated) " + _WORKER,
    r"(?:not|never|havent|hasnt|have not|has not|aint|not been|still not|still havent|"
    r"still no|wasnt|wasnt ever|was never) (?:had|got|have|given|been given|allocated|been "
    r"allocated|assigned|been assigned|seen|met|heard from)(?: an?| any| my| our| a single)? "
    + _WORKER + r"(?: (?:for|since|in) \w+| yet| at all| any ?more)?",
    r"no one allocated", r"nobody allocated", r"not been allocated", r"never been allocated",
    r"(?:had|have) nobody since", r"heb (?:weithiwr|gweithiwr)",
    r"(?:social worker|sw) (?:left|quit|went off sick|has gone|is gone|has left|leaving)"
    r"(?: [a-z]+){0,4} (?:no one|nobody|no new|not (?:had|got|been given)|no replacement)",
)
# "No social worker since March / for 3 months": a child who had one and lost it, which
# only happens to a child the council already supports, so high even with no "in care".
_NO_WORKER_FOR_A_WHILE = _rx(
    r"(?:no|without an?|without any|not had an?|havent had an?|not got an?) " + _WORKER
    + r" (?:since|for|in) (?:\w+ )?(?:\w+ )?(?:weeks?|months?|years?|ages|"
    + "|".join(("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "christmas", "summer",
                "easter", "last \\w+")) + r")",
    r"(?:not|havent|hasnt|have not) had an? " + _WORKER + r" (?:since|for|in) \w+",
    r"(?:had|have|got) (?:nobody|no one|no body) (?:since|for)",
    r"(?:social worker|sw) (?:left|quit|went off sick|has gone|is gone|has left|leaving)"
    r"(?: [a-z]+){0,4} (?:no one|nobody|no new|not (?:had|got|been given)|no replacement)",
)
_IN_CARE = _rx(
    r"in care", r"looked after", r"foster\w*", r"children(?:s)? home", r"placement",
    r"residential", r"care order", r"section 20",
)

_NUMBER_WORDS = {
    squeeze_pattern(word): number
    for word, number in {
        "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18,
    }.items()
}
_MONTHS = {
    name: index + 1
    for index, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december")
    )
}
_AGO = re.compile(
    r"(?<![a-z0-9])(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r") (years?|yrs?|months?) ago"
)
_LAST_YEAR = _rx(r"last year", r"llynedd", r"year before last")
_IN_YEAR = re.compile(
    r"(?<![a-z0-9])(?:in|back in|during|from|since) (?:(" + "|".join(_MONTHS) + r") )?"
    r"((?:19|20)\d{2})(?![0-9])"
)


def _late_reason(folded: str, received: date | None) -> str | None:
    """A sentence when the events described may be more than 12 months old."""
    for match in _AGO.finditer(folded):
        number = int(match[1]) if match[1].isdigit() else _NUMBER_WORDS[match[1]]
        months = number * 12 if match[2].startswith("y") else number
        if months > 12:
            return f"Flagged as possibly late: mentions '{match[0]}' (more than 12 months)."
    if received is not None:
        for match in _IN_YEAR.finditer(folded):
            if match[0].startswith("since"):
                continue
            year = int(match[2])
            month = _MONTHS.get(match[1] or "", 12)
            months_before = (received.year - year) * 12 + received.month - month
            if months_before > 12:
                return (f"Flagged as possibly late: mentions '{match[0]}', more than 12 "
                        "months before it was received.")
    last_year = _LAST_YEAR.search(folded)
    if last_year:
        return (f"Flagged as possibly late: mentions '{last_year[0]}'; check whether events "
                "are more than 12 months old.")
    return None


def _quote(text: str, limit: int = 80) -> str:
    snippet = " ".join(text.split())
    return snippet if len(snippet) <= limit else snippet[: limit - 1] + "…"


_KIND_WORDS = {
    "self_harm_suicide": "self-harm or suicidal thoughts",
    "overdose_poisoning": "an overdose or poisoning",
    "physical_abuse": "being hit or hurt",
    "sexual_abuse": "sexual abuse or exploitation",
    "sexual_exploitation": "sexual exploitation or grooming",
    "online_sexual_abuse": "online sexual abuse, images or sextortion",
    "emotional_abuse": "threats or being frightened by an adult",
    "neglect": "not being fed, safe or looked after",
    "domestic_abuse": "violence between adults at home",
    "missing": "running away or nowhere safe to stay",
    "exploitation": "being made to carry or sell things",
    "modern_slavery": "modern slavery or trafficking",
    "radicalisation": "radicalisation or extremism",
    "forced_marriage": "forced marriage",
    "fgm": "female genital mutilation",
    "bullying_threats": "bullying or threats of violence",
    "immediate_danger": "being in danger right now",
}


def _procedure(
    folded: str, role: str | None, service_area: str | None
) -> tuple[str, str]:
    if service_area == "send_education":
        return "corporate", ("Corporate procedure: the service area is special educational "
                             "needs and education, which is not a children's social care "
                             "function.")
    corporate = _CORPORATE_TOPIC.search(folded)
    if corporate and not _SOCIAL_CARE.search(folded):
        return "corporate", (f"Corporate procedure: it is about '{corporate[0]}' (another "
                             "council service), not children's social care.")
    if role in INTEREST_ROLES:
        return "statutory", ("Statutory procedure for now: the complainant's role "
                             f"({role}) needs a sufficient-interest decision; if they do not "
                             "have one, move it to the corporate procedure.")
    if role in STATUTORY_ROLES:
        return "statutory", (f"Statutory procedure: the complainant ({role.replace('_', ' ')})"
                             " may use the Children Act 1989 representations procedure and "
                             "it is about children's social care.")
    return "statutory", ("Statutory procedure: no role was given, so it is treated as from "
                         "the child or young person, about children's social care.")


# --- Triage --------------------------------------------------------------------------------

# Where the council triages in its own case system (FORWARD_BEFORE_REVIEW) a record goes
# at once, marked for review (the case store shows the mark); otherwise it waits for an
# officer first. The wording says what happens: ``services.intake`` picks the sentence
# and swaps the last two when a channel or another answer makes a person look after all.
REVIEW_REASON = ("Needs an officer's review: it goes to the case store at once, marked for "
                 "review, and an officer checks its triage.")
HELD_FOR_REVIEW_REASON = ("Needs an officer's review: it stays in the intake queue until an "
                          "officer confirms or corrects its triage, then goes to the case "
                          "store.")
NO_REVIEW_REASON = "No review needed: it can be forwarded as triaged."
NORMAL_PRIORITY_REASON = "Priority normal: no safeguarding concern or urgent risk found."

# What each step says: a flag (None for a plain sentence) and the sentence an officer reads.
Note = tuple[str | None, str]


@dataclass(frozen=True)
class _Reading:
    """What every step reads: the text, its fold, the screen's verdict and the model's view."""

    text: str
    folded: str
    safeguarding: SafeguardingResult
    model: LinearTriageModel | None
    features: Any
    type_scores: dict[str, float]
    quality: tuple[tuple[str, str], ...]

    @property
    def unreadable(self) -> bool:
        return any(key == "unreadable" for key, _ in self.quality)

    @property
    def model_can_read(self) -> bool:
        return self.model is not None and not self.unreadable


def _model_or_none() -> LinearTriageModel | None:
    try:
        return load_model()
    except ModelUnavailable:  # logged by load_model; the record goes to a person
        return None


def _read(text: str) -> _Reading:
    """Fold the text, screen it, and let the model read it when there is one."""
    text = text if isinstance(text, str) else ("" if text is None else str(text))
    folded = normalise(text)
    patterns = screen_patterns(text, folded=folded)
    quality = tuple(_text_quality(text, frozenset(folded.text.split())))
    model = _model_or_none()
    if model is None:
        safeguarding = patterns if patterns.flagged else replace(patterns, model_missing=True)
        return _Reading(text, folded.text, safeguarding, None, None, dict.fromkeys(TYPES, 0.0),
                        quality)
    features = model.features(
        classifier_text(folded.text, text, patterns.flagged)
        if len(text) <= CLASSIFY_CHARS
        else prepare(text[:CLASSIFY_CHARS])
    )
    # Without a pattern hit there is no disclosure marker: these are the model's features.
    safeguarding = with_model(text, patterns, folded=folded)
    return _Reading(text, folded.text, safeguarding, model, features,
                    dict(model.probabilities("type", features)), quality)


def _model_notes(reading: _Reading) -> list[Note]:
    if reading.model is None or reading.safeguarding.model_missing:
        return [("model_missing", "Needs review: the triage model is missing or could not "
                 "read this message, so only the safeguarding patterns read it (no model second "
                 "look, type or category); a person must read it.")]
    return []


def _predicted_type(scores: dict[str, float]) -> str:
    """The model's likeliest type; a tie goes to the earlier one in ``TYPES``."""
    return max(TYPES, key=lambda key: (scores.get(key, 0.0), -TYPES.index(key)))


def _declared_type_notes(reading: _Reading, declared: str) -> list[Note]:
    """The person's own choice stands; a text that reads otherwise is flagged for a check."""
    notes: list[Note] = [(None, f"Type {declared}: chosen by the person on the form.")]
    scores = reading.type_scores
    predicted = _predicted_type(scores)
    if predicted != declared and scores[predicted] >= 0.5:
        notes.append(("type_disagrees", f"Type check: chosen as {declared}, but the text reads "
                      f"like a {predicted} ({scores[predicted]:.0%})."))
    elif reading.safeguarding.flagged and declared != "complaint":
        notes.append(("type_disagrees", f"Type check: chosen as {declared}, but the text "
                      "raises a safeguarding concern."))
    return notes


def _read_type(reading: _Reading) -> tuple[str, list[Note]]:
    """The model's type; a complaint when it cannot choose or the text discloses harm."""
    if reading.model is None:
        return "complaint", [(None, "Type complaint assumed: the triage model is missing, so "
                              "a person must decide.")]
    if reading.unreadable:
        return "complaint", [(None, "Type complaint assumed: the text could not be read, so a "
                              "person must decide.")]
    scores = reading.type_scores
    predicted = _predicted_type(scores)
    if (reading.safeguarding.flagged and predicted in {"compliment", "comment"}
            and scores["complaint"] >= 0.2):
        return "complaint", [(None, "Type complaint: the text raises a safeguarding concern, "
                              "so it is not read as a compliment or comment.")]
    return predicted, [(None, f"Type {predicted}: read from the text "
                        f"({scores[predicted]:.0%} confident).")]


def _type(reading: _Reading, declared_type: str | None) -> tuple[str, float, list[Note]]:
    """The type, the model's confidence in it (none for unreadable text), and why."""
    if declared_type in TYPES:
        final_type, notes = declared_type, _declared_type_notes(reading, declared_type)
    else:
        final_type, notes = _read_type(reading)
    confidence = 0.0 if reading.unreadable else round(reading.type_scores.get(final_type, 0.0), 4)
    return final_type, confidence, notes


def _categories(
    reading: _Reading, final_type: str
) -> tuple[str | None, tuple[str, ...], float, list[Note]]:
    """Primary and secondary categories, the confidence in the primary, and why.

    Only complaints and compliments have categories; a comment or enquiry keeps a complaint
    topic the model is sure of as a secondary one, so an officer sees what it touches on.
    """
    if not reading.model_can_read:
        return None, (), 1.0, []
    if final_type in {"comment", "enquiry"}:
        ranked = reading.model.probabilities("complaint_category", reading.features)
        touches = tuple(label for label, score in ranked[:1] if score >= 0.6)
        if not touches:
            return None, (), 1.0, []
        return None, touches, 1.0, [
            (None, f"No category for a {final_type}; it touches on {touches[0]}.")
        ]
    ranked = reading.model.probabilities(f"{final_type}_category", reading.features)
    primary, confidence = ranked[0]
    secondary = tuple(
        label for label, score in ranked[1:3] if score >= SECONDARY_CATEGORY_THRESHOLD
    )
    listed = f"; also {', '.join(secondary)}" if secondary else ""
    return primary, secondary, confidence, [
        (None, f"Category {primary} ({confidence:.0%} confident){listed}.")
    ]


def _confidence_notes(
    reading: _Reading, type_confidence: float, category_confidence: float
) -> list[Note]:
    if reading.model_can_read and (
        type_confidence < LOW_TYPE_CONFIDENCE or category_confidence < LOW_CATEGORY_CONFIDENCE
    ):
        return [("low_confidence", "Needs review: the automatic reading is unsure "
                 f"(type {type_confidence:.0%}, category {category_confidence:.0%}).")]
    return []


def _case_notes(folded: str, role: str | None, received_at: datetime | None) -> list[Note]:
    """What an officer must decide before accepting it: interest, lateness, other routes."""
    notes: list[Note] = []
    if role in INTEREST_ROLES:
        notes.append(("sufficient_interest", f"Sufficient interest: the complainant is '{role}';"
                      " an officer must decide whether they may use the statutory procedure."))
    late = _late_reason(folded, received_at.date() if received_at else None)
    if late:
        notes.append(("late", late + " Late complaints may still be accepted."))
    proceedings = _PROCEEDINGS.search(folded)
    if proceedings:
        notes.append(("proceedings", f"Mentions '{proceedings[0]}': if there are court or "
                      "police proceedings, regulation 8 of the 2006 Regulations lets the council "
                      "pause."))
    other = _OTHER_PROCEDURE.search(folded)
    if other:
        notes.append(("other_procedure", f"Mentions '{other[0]}': child protection conferences "
                      "and court reports have their own procedures."))
    return notes


def _safeguarding_notes(result: SafeguardingResult) -> list[Note]:
    """A sentence per alert kind, quoting the words; a concern is a flag for today."""
    notes: list[Note] = []
    for kind in result.kinds:
        quotes = [e.text for e in result.evidence if e.kind == kind][:3]
        quoted = ", ".join(f"'{_quote(q)}'" for q in quotes)
        notes.append((None, f"Flagged as urgent: mentions {_KIND_WORDS[kind]} — {quoted}."))
    if result.concern:
        quoted = ", ".join(f"'{_quote(e.text)}'" for e in result.concern_evidence[:3])
        kinds = ", ".join(_KIND_WORDS[kind] for kind in result.concern_kinds)
        notes.append(("safeguarding_concern", f"Safeguarding concern, not an alert: mentions "
                      f"{kinds} — {quoted}; an officer reads it today (the duty team is not "
                      "alerted)."))
    return notes


def _high_priority_risks(folded: str) -> list[str]:
    """Risks that cannot wait the usual weeks, each with the words that showed it."""
    risks = []
    risk = _PLACEMENT_RISK.search(folded)
    if risk:
        risks.append(f"a home, placement or school place at risk soon — '{risk[0]}'")
    age = _AGE_16_17.search(folded)
    homeless = _HOMELESS.search(folded)
    if age and homeless:
        risks.append(f"16-17 and homeless — '{age[0]}', '{homeless[0]}'")
    no_worker = _NO_SOCIAL_WORKER.search(folded)
    if no_worker and (_IN_CARE.search(folded) or _NO_WORKER_FOR_A_WHILE.search(folded)):
        risks.append(
            "a child in care, or one who has lost their social worker, with no social worker"
            f" — '{no_worker[0]}'"
        )
    return risks


def _priority(folded: str, safeguarding: SafeguardingResult) -> tuple[str, list[Note]]:
    """Urgent for a safeguarding alert, high for a risk that cannot wait, otherwise normal.

    An urgent record still lists its high-priority risks, so the officer sees them too.
    """
    notes: list[Note] = [(None, f"Priority high: {risk}.") for risk in _high_priority_risks(folded)]
    if safeguarding.flagged:
        return "urgent", notes
    if notes:
        return "high", notes
    return "normal", [(None, NORMAL_PRIORITY_REASON)]


def _flags_and_reasons(
    notes: list[Note], safeguarding: SafeguardingResult
) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """Each flag once, in order of first mention; every sentence; and whether a person must
    look (an alert or any flag but Welsh, which only changes the language of the reply)."""
    flags = tuple(dict.fromkeys(flag for flag, _ in notes if flag))
    needs_review = safeguarding.flagged or any(flag != "welsh" for flag in flags)
    reasons = (*(reason for _, reason in notes),
               REVIEW_REASON if needs_review else NO_REVIEW_REASON)
    return flags, reasons, needs_review


def triage(
    text: str,
    *,
    role: str | None = None,
    service_area: str | None = None,
    declared_type: str | None = None,
    received_at: datetime | None = None,
) -> TriageResult:
    """Triage one message. Never raises for odd input; odd input gets ``needs_review``.

    Each step decides one thing and returns the notes that explain it; the reasons keep the
    order an officer reads them in: model, type, category, text quality, procedure, case
    flags, safeguarding, priority, review.
    """
    reading = _read(text)
    final_type, type_confidence, type_notes = _type(reading, declared_type)
    primary, secondary, category_confidence, category_notes = _categories(reading, final_type)
    procedure, procedure_reason = _procedure(reading.folded, role, service_area)
    priority, priority_notes = _priority(reading.folded, reading.safeguarding)
    flags, reasons, needs_review = _flags_and_reasons(
        [
            *_model_notes(reading),
            *type_notes,
            *category_notes,
            *reading.quality,
            *_confidence_notes(reading, type_confidence, category_confidence),
            (None, procedure_reason),
            *_case_notes(reading.folded, role, received_at),
            *_safeguarding_notes(reading.safeguarding),
            *priority_notes,
        ],
        reading.safeguarding,
    )
    return TriageResult(
        type=final_type,
        type_confidence=type_confidence,
        primary_category=primary,
        secondary_categories=secondary,
        safeguarding=reading.safeguarding,
        priority=priority,
        procedure=procedure,
        procedure_reason=procedure_reason,
        needs_review=needs_review,
        flags=flags,
        reasons=reasons,
        model_version=reading.model.version if reading.model is not None else "missing",
    )
