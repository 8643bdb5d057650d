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


def _safeguarding_reasons(result: SafeguardingResult) -> list[str]:
    reasons = []
    for kind in result.kinds:
        quotes = [e.text for e in result.evidence if e.kind == kind][:3]
        quoted = ", ".join(f"'{_quote(q)}'" for q in quotes)
        reasons.append(f"Flagged as urgent: mentions {_KIND_WORDS[kind]} — {quoted}.")
    return reasons


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

# Records are forwarded at once, marked for review (the case store shows the mark): the
# wording says what happens, not a hold that does not exist. ``services.intake`` swaps the
# last two when a channel or another answer makes a person look after all.
REVIEW_REASON = ("Needs an officer's review: it goes to the case store at once, marked for "
                 "review, and an officer checks its triage.")
NO_REVIEW_REASON = "No review needed: it can be forwarded as triaged."
NORMAL_PRIORITY_REASON = "Priority normal: no safeguarding concern or urgent risk found."


def triage(
    text: str,
    *,
    role: str | None = None,
    service_area: str | None = None,
    channel: str | None = None,
    declared_type: str | None = None,
    received_at: datetime | None = None,
) -> TriageResult:
    """Triage one message. Never raises for odd input; odd input gets ``needs_review``.

    ``channel`` is accepted so every channel calls the same function; the rules do not
    depend on it today.
    """
    text = text if isinstance(text, str) else ("" if text is None else str(text))
    folded_text = normalise(text)
    folded = folded_text.text
    patterns = screen_patterns(text, folded=folded_text)
    flags: list[str] = []
    reasons: list[str] = []

    def flag(key: str, reason: str) -> None:
        if key not in flags:
            flags.append(key)
        reasons.append(reason)

    quality = _text_quality(text, frozenset(folded.split()))
    unreadable = any(key == "unreadable" for key, _ in quality)
    try:
        model: LinearTriageModel | None = load_model()
    except ModelUnavailable:  # logged by load_model; the record goes to a person
        model = None
    if model is not None:
        features = model.features(
            classifier_text(folded, text, patterns.flagged)
            if len(text) <= CLASSIFY_CHARS
            else prepare(text[:CLASSIFY_CHARS])
        )
        # Without a pattern hit there is no disclosure marker: these are the model's features.
        safeguarding = with_model(text, patterns, features, folded=folded_text)
        type_scores = dict(model.probabilities("type", features))
    else:
        safeguarding = patterns if patterns.flagged else replace(patterns, model_missing=True)
        type_scores = dict.fromkeys(TYPES, 0.0)
    if model is None or safeguarding.model_missing:
        flag("model_missing", "Needs review: the triage model is missing or could not read "
             "this message, so only the safeguarding patterns read it (no model second look, "
             "type or category); a person must read it.")
    predicted_type = max(TYPES, key=lambda key: (type_scores.get(key, 0.0), -TYPES.index(key)))
    if declared_type in TYPES:
        final_type = declared_type
        reasons.append(f"Type {final_type}: chosen by the person on the form.")
        disagrees = predicted_type != declared_type and type_scores[predicted_type] >= 0.5
        if disagrees:
            flag("type_disagrees", f"Type check: chosen as {declared_type}, but the text reads "
                 f"like a {predicted_type} ({type_scores[predicted_type]:.0%}).")
        elif safeguarding.flagged and declared_type != "complaint":
            flag("type_disagrees", f"Type check: chosen as {declared_type}, but the text "
                 "raises a safeguarding concern.")
    elif model is None:
        final_type = "complaint"
        reasons.append("Type complaint assumed: the triage model is missing, so a person must "
                       "decide.")
    elif unreadable:
        final_type = "complaint"
        reasons.append("Type complaint assumed: the text could not be read, so a person must "
                       "decide.")
    else:
        final_type = predicted_type
        if safeguarding.flagged and final_type in {"compliment", "comment"} and (
            type_scores["complaint"] >= 0.2
        ):
            final_type = "complaint"
            reasons.append("Type complaint: the text raises a safeguarding concern, so it is "
                           "not read as a compliment or comment.")
        else:
            reasons.append(f"Type {final_type}: read from the text "
                           f"({type_scores[final_type]:.0%} confident).")
    type_confidence = round(type_scores.get(final_type, 0.0), 4)
    if unreadable:
        type_confidence = 0.0

    primary: str | None = None
    secondary: tuple[str, ...] = ()
    category_confidence = 1.0
    readable_by_model = model is not None and not unreadable
    if readable_by_model and final_type in {"complaint", "compliment"}:
        ranked = model.probabilities(f"{final_type}_category", features)
        primary, category_confidence = ranked[0]
        secondary = tuple(
            label for label, score in ranked[1:3] if score >= SECONDARY_CATEGORY_THRESHOLD
        )
        listed = f"; also {', '.join(secondary)}" if secondary else ""
        reasons.append(f"Category {primary} ({category_confidence:.0%} confident){listed}.")
    elif readable_by_model and final_type in {"comment", "enquiry"}:
        ranked = model.probabilities("complaint_category", features)
        secondary = tuple(label for label, score in ranked[:1] if score >= 0.6)
        if secondary:
            reasons.append(f"No category for a {final_type}; it touches on {secondary[0]}.")

    for key, reason in quality:
        flag(key, reason)
    if not unreadable and model is not None and (
        type_confidence < LOW_TYPE_CONFIDENCE or category_confidence < LOW_CATEGORY_CONFIDENCE
    ):
        flag("low_confidence", "Needs review: the automatic reading is unsure "
             f"(type {type_confidence:.0%}, category {category_confidence:.0%}).")

    procedure, procedure_reason = _procedure(folded, role, service_area)
    reasons.append(procedure_reason)
    if role in INTEREST_ROLES:
        flag("sufficient_interest", f"Sufficient interest: the complainant is '{role}'; an "
             "officer must decide whether they may use the statutory procedure.")
    late = _late_reason(folded, received_at.date() if received_at else None)
    if late:
        flag("late", late + " Late complaints may still be accepted.")
    proceedings = _PROCEEDINGS.search(folded)
    if proceedings:
        flag("proceedings", f"Mentions '{proceedings[0]}': if there are court or police "
             "proceedings, regulation 8 of the 2006 Regulations lets the council pause.")
    other = _OTHER_PROCEDURE.search(folded)
    if other:
        flag("other_procedure", f"Mentions '{other[0]}': child protection conferences and "
             "court reports have their own procedures.")

    reasons.extend(_safeguarding_reasons(safeguarding))
    if safeguarding.concern:
        quoted = ", ".join(f"'{_quote(e.text)}'" for e in safeguarding.concern_evidence[:3])
        kinds = ", ".join(_KIND_WORDS[kind] for kind in safeguarding.concern_kinds)
        flag("safeguarding_concern", f"Safeguarding concern, not an alert: mentions {kinds} "
             f"— {quoted}; an officer reads it today (the duty team is not alerted).")
    priority = "urgent" if safeguarding.flagged else "normal"
    high_reasons = []
    risk = _PLACEMENT_RISK.search(folded)
    if risk:
        high_reasons.append(f"a home, placement or school place at risk soon — '{risk[0]}'")
    age = _AGE_16_17.search(folded)
    homeless = _HOMELESS.search(folded)
    if age and homeless:
        high_reasons.append(f"16-17 and homeless — '{age[0]}', '{homeless[0]}'")
    no_worker = _NO_SOCIAL_WORKER.search(folded)
    if no_worker and (_IN_CARE.search(folded) or _NO_WORKER_FOR_A_WHILE.search(folded)):
        high_reasons.append(
            "a child in care, or one who has lost their social worker, with no social worker"
            f" — '{no_worker[0]}'"
        )
    if high_reasons:
        if priority == "normal":
            priority = "high"
        reasons.extend(f"Priority high: {reason}." for reason in high_reasons)
    if priority == "normal":
        reasons.append(NORMAL_PRIORITY_REASON)

    needs_review = safeguarding.flagged or any(key != "welsh" for key in flags)
    reasons.append(REVIEW_REASON if needs_review else NO_REVIEW_REASON)
    return TriageResult(
        type=final_type,
        type_confidence=type_confidence,
        primary_category=primary,
        secondary_categories=secondary,
        safeguarding=safeguarding,
        priority=priority,
        procedure=procedure,
        procedure_reason=procedure_reason,
        needs_review=needs_review,
        flags=tuple(flags),
        reasons=tuple(reasons),
        model_version=model.version if model is not None else "missing",
    )
