"""Safeguarding screen: the part of triage that must not miss.

It runs on every inbound text from every channel, before anything else. The engine here
matches the pattern tables (``safeguarding_patterns``: per kind, English first and third
person, Welsh) against the folded text (``text_fold.normalise``: case, accents, leet,
stretched letters, text-speak, dropped g's), and once more against a copy with spaced-out
letters joined ("h i t s  m e"). Evidence spans point into the ORIGINAL text, so an officer
sees exactly what the child wrote.

Patterns only catch phrasings someone wrote down, and rules written from examples carry
little over to fresh text, so the screen's own trained model (``model_runtime.ScreenModel``:
word, character and risk-word features into logistic regressions, trained on every seen set)
reads every message the patterns raised no alert on: it may raise an alert itself (quoting
the sentence it finds most worrying) or a concern, read the same working day. A pattern's
alert resting on single risky words in a short message the model finds plainly ordinary
("we did an assault course") is a concern too, never silence.

Negation and jokes never suppress a match ("I'm not saying he hits me", "lol jk i wanna
die"): a false alarm costs an officer a minute, a miss can cost a child.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from intake_app.domain.model_runtime import (
    CLASSIFY_CHARS,
    ModelUnavailable,
    ScreenModel,
    ScreenScores,
    load_model,
)
from intake_app.domain.safeguarding_patterns import (
    CONCERN_PATTERNS,
    EVERYDAY_ANSWERS,
    INNOCENT,
    KINDS,
    ONGOING,
    PATTERNS,
    REPEATED,
    RESOLVED,
    TOLD_AS_PAST,
    URGENT,
    URGENT_BEYOND_NOW,
)
from intake_app.domain.text_fold import NormalisedText, despaced, normalise, squeeze_pattern

__all__ = [
    "Evidence",
    "NormalisedText",
    "SafeguardingResult",
    "model_check",
    "normalise",
    "screen",
    "screen_patterns",
    "squeeze_pattern",
    "with_model",
]

logger = logging.getLogger(__name__)
_T = TypeVar("_T")


@dataclass(frozen=True)
class Evidence:
    """One span of the original text that triggered a kind; ``text == original[start:end]``."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SafeguardingResult:
    """The screen's verdict, in two tiers.

    Alert (``flagged``, ``kinds``, ``evidence``): current or ongoing harm or risk; the duty
    team is alerted now. Concern (``concern``, ``concern_kinds``, ``concern_evidence``):
    harm in the past that is going well now, or an ambiguous worry; an officer reads it the
    same working day, and the duty team is not woken. A message is one or the other; callers
    that only know ``flagged`` keep working. ``model_missing``: the model's second look could
    not run (it failed to load or to score), so only the patterns read the text.
    """

    flagged: bool
    kinds: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    model_missing: bool = False
    concern_kinds: tuple[str, ...] = ()
    concern_evidence: tuple[Evidence, ...] = ()

    @property
    def concern(self) -> bool:
        return not self.flagged and bool(self.concern_evidence)

    @property
    def tier(self) -> str | None:
        """"alert", "concern" or None."""
        if self.flagged:
            return "alert"
        return "concern" if self.concern else None


def _compile(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    joined = "|".join(f"(?:{squeeze_pattern(alternative)})" for alternative in alternatives)
    return re.compile(rf"(?<![a-z0-9])(?:{joined})(?![a-z0-9])")


_COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, _compile(patterns)) for kind, patterns in PATTERNS.items()
)
_COMPILED_CONCERN: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, _compile(patterns)) for kind, patterns in CONCERN_PATTERNS.items()
)
_RESOLVED = _compile((RESOLVED,))
_ONGOING = _compile((ONGOING,))
_URGENT = _compile((URGENT,))
_TOLD_AS_PAST = _compile((TOLD_AS_PAST,))
_REPEATED = _compile((REPEATED,))
_URGENT_BEYOND_NOW = _compile((URGENT_BEYOND_NOW,))
_INNOCENT = _compile(INNOCENT)
_EVERYDAY_ANSWERS = _compile(EVERYDAY_ANSWERS)
# Danger now is never "in the past".
_NEVER_RESOLVED = frozenset({"immediate_danger"})


def _kinds(evidence: list[Evidence] | tuple[Evidence, ...]) -> tuple[str, ...]:
    return tuple(kind for kind in KINDS if any(e.kind == kind for e in evidence))


def _result(evidence: list[Evidence], *, model_missing: bool = False,
            concern: list[Evidence] | tuple[Evidence, ...] = ()) -> SafeguardingResult:
    evidence.sort(key=lambda item: (item.start, item.end, item.kind))
    concern = sorted(concern, key=lambda item: (item.start, item.end, item.kind))
    return SafeguardingResult(bool(evidence), _kinds(evidence), tuple(evidence),
                              model_missing=model_missing, concern_kinds=_kinds(concern),
                              concern_evidence=tuple(concern))


def _matches(text: str, folded: NormalisedText,
             compiled: tuple[tuple[str, re.Pattern[str]], ...]) -> list[Evidence]:
    """Evidence of every pattern in ``compiled``, read as written and with spaced-out
    letters joined ("h i t s  m e"), each span pointing into ``text``."""
    evidence: list[Evidence] = []
    for kind, pattern in compiled:
        for match in pattern.finditer(folded.text):
            if match.end() == match.start():
                continue
            start, end = folded.original_span(match.start(), match.end())
            evidence.append(Evidence(kind, start, end, text[start:end]))
    spaced_out = despaced(text)
    if spaced_out is not None:
        joined, origins = spaced_out
        refolded = normalise(joined)
        seen = {(item.kind, item.start, item.end) for item in evidence}
        for kind, pattern in compiled:
            for match in pattern.finditer(refolded.text):
                if match.end() == match.start():
                    continue
                start, end = refolded.original_span(match.start(), match.end())
                start, end = origins[start], origins[end - 1] + 1
                if (kind, start, end) not in seen:
                    seen.add((kind, start, end))
                    evidence.append(Evidence(kind, start, end, text[start:end]))
    return evidence


def _innocent_spans(folded: NormalisedText) -> list[tuple[int, int]]:
    """Spans of the original text inside everyday phrases built on risky words."""
    return [folded.original_span(match.start(), match.end())
            for match in _INNOCENT.finditer(folded.text) if match.end() > match.start()]


def _not_innocent(evidence: list[Evidence], spans: list[tuple[int, int]]) -> list[Evidence]:
    """``evidence`` without the items lying wholly inside an everyday phrase."""
    if not spans:
        return evidence
    return [item for item in evidence
            if not any(start <= item.start and item.end <= end for start, end in spans)]


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by as many spaces, so the offsets still line up."""
    kept = list(text)
    for start, end in spans:
        kept[start:end] = " " * (end - start)
    return "".join(kept)


def _resolved(folded: NormalisedText) -> bool:
    """Told as past and going well, with nothing that says it goes on: "I used to cut but
    I'm doing much better now" (a concern), not "I used to cut and started again" (an
    alert). The words that make it past are blanked before looking for ongoing ones, so
    "better now" does not count as "now"."""
    spans = [match.span() for match in _RESOLVED.finditer(folded.text)]
    if not spans:
        return False
    return _ONGOING.search(_blanked(folded.text, spans)) is None


def _tiered(alert: list[Evidence], concern: list[Evidence], folded: NormalisedText,
            *, model_missing: bool = False) -> SafeguardingResult:
    """Alert evidence, moved to the concern tier when the harm is past and going well."""
    if alert and not any(e.kind in _NEVER_RESOLVED for e in alert) and _resolved(folded):
        return _result([], model_missing=model_missing, concern=concern + alert)
    return _result(alert, model_missing=model_missing, concern=[] if alert else concern)


def screen_patterns(text: str, *, folded: NormalisedText | None = None) -> SafeguardingResult:
    """The hand-written patterns alone, both tiers (the classifier's disclosure marker uses
    ``flagged``)."""
    text = text or ""
    folded = normalise(text) if folded is None else folded
    innocent = _innocent_spans(folded)
    return _tiered(_not_innocent(_matches(text, folded, _COMPILED), innocent),
                   _not_innocent(_matches(text, folded, _COMPILED_CONCERN), innocent), folded)


# The model also reads a long message a piece at a time. Its features are averaged over the
# whole text (TF-IDF rows are normalised to unit length), so one worrying sentence inside a
# long, ordinary complaint weighs little: "Jade has gone missing from her placement" is caught
# on its own and missed inside an advocate's four-sentence letter. Each sentence (a long one
# cut into overlapping windows of words) that holds one of the model's risk words is scored
# on its own; a sentence alone needs a higher score than a whole message (``piece``), since
# short pieces of ordinary letters score more generously.

_SENTENCE = re.compile(r"[^.!?\n]+")
_PIECE = re.compile(r"[^.!?\n]+")
_WINDOW_WORDS = 40
_WINDOW_STEP = 20
_MAX_PIECES = 24


def _pieces(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` the model reads on their own: sentences, long ones in windows."""
    spans: list[tuple[int, int]] = []
    for sentence in _PIECE.finditer(text):
        words = list(re.finditer(r"\S+", sentence[0]))
        if not words:
            continue
        offset = sentence.start()
        if len(words) <= _WINDOW_WORDS:
            spans.append((offset + words[0].start(), offset + words[-1].end()))
            continue
        for first in range(0, len(words) - _WINDOW_STEP, _WINDOW_STEP):
            last = words[min(first + _WINDOW_WORDS, len(words)) - 1]
            spans.append((offset + words[first].start(), offset + last.end()))
    return spans


@lru_cache(maxsize=8)
def _risk_words(cues: tuple[tuple[str, ...], ...]) -> re.Pattern[str]:
    joined = "|".join(squeeze_pattern(cue) for group in cues for cue in group)
    return re.compile(rf"(?<![a-z0-9])(?:{joined})(?![a-z0-9])")


# Everyday idioms built on the model's risk words. When every risk word in a short message
# sits inside one of these, the model reads it without them ("the staff hit the target for
# visits", "he went missing the meeting"); any other risk word and it looks as usual. The
# patterns never stand down.
_IDIOMS = re.compile(squeeze_pattern(
    r"(?<![a-z0-9])(?:hit (?:the|a|their|our|his|her|all|every) (?:\w+ )?(?:targets?|deadlines?|"
    r"wall|roof|headlines|ground running|road|jackpot|spot|mark|nail on the head)|hit (?:it|"
    r"things) off|took a hit|beat the (?:deadline|target|queue|traffic|rush)|missing (?:the|a|"
    r"his|her|their|my|our) (?:meeting|review|deadline|appointment|bus|train|point|start|"
    r"session|lesson|call|visit|form|paperwork|pages?|minutes|documents?|file|report)|went "
    r"missing the|dead (?:boring|good|nice|easy|proud)|dying to|killing (?:it|time)|"
    r"starving (?:him|her|them|us|me) of (?:information|support|funding|money)|pushing for|"
    r"pushed for|knife crime|knife block|knife and fork|(?:butter|bread|kitchen) knife|"
    r"(?:cut|cutting|cuting|cuts|chop|chopping) (?:up )?(?:the |some )?(?:onions?|"
    r"veg|vegetables|carrots|potatoes|bread|cake|fruit|paper|card|the grass|grass|my hair|"
    r"his hair|her hair|hair|the hedge|wood|shapes|pictures|out)|(?:cut|cuts|cutting) (?:me|"
    r"him|her|us|them) (?:off|short)|(?:a |the |my |our |his |her |their )?childrens homes?|"
    r"(?:money|pocket money|allowance|savings|phone|bag|stuff|things|clothes|payment|parcel|"
    r"letter|keys|wallet|purse|card|trainers|post)(?: [a-z]+)? (?:has |have |had |was |were |"
    r"keeps |kept |just |went |goes |go )?(?:gone|going|go|went) missing)(?![a-z0-9])"
))


def _only_idioms(folded: NormalisedText, cues: dict[str, tuple[str, ...]]) -> bool:
    """True when the folded text holds an everyday idiom and every risk word in it (if any)
    lies inside one."""
    idioms = [match.span() for match in _IDIOMS.finditer(folded.text)]
    idioms += [match.span() for match in _INNOCENT.finditer(folded.text)]
    if not idioms:
        return False
    pattern = _risk_words(tuple(tuple(group) for group in cues.values()))
    return all(any(start <= match.start() < end for start, end in idioms)
               for match in pattern.finditer(folded.text))


# Up to this many words, a message whose risk words all sit in everyday idioms is read by
# the model without them. A longer one is read whole, as any other: in round 8 standing down
# there silenced "there is a strong smell of gas in the children's home and we can't wake the
# night worker" (only "children's home" held a risk word), and a model trained on the retired
# blind sets reads idioms in a letter's context well enough (README, round 8).
_IDIOM_REST_WORDS = 12


def _without_idioms(model: ScreenModel, text: str, folded: NormalisedText
                    ) -> SafeguardingResult:
    """The model's verdict on what is left of a short message once its everyday idioms are
    taken out: "my phone went missing" alone is nothing, but "my phone went missing and mum
    wont wake up" still tells of danger. Under ``SCREEN_MIN_WORDS`` words left, nothing."""
    rest = " ".join(_blanked(folded.text, [match.span() for match in (
        *_IDIOMS.finditer(folded.text), *_INNOCENT.finditer(folded.text))]).split())
    scores = model.scores(text, rest) if len(text) <= CLASSIFY_CHARS else None
    if scores is None:
        return _result([])
    quoted = [Evidence(model.kind(scores), 0, len(text), text)]
    limits = model.thresholds
    if scores.alert >= limits["alert"] or (scores.alert >= limits["urgent"]
                                           and _URGENT.search(rest)):
        return _result(quoted)
    if max(scores.worry, scores.alert) >= limits["concern"]:
        return _result([], concern=quoted)
    return _result([])


def _only_an_everyday_answer(folded: NormalisedText) -> bool:
    """The whole message is an everyday answer (``EVERYDAY_ANSWERS``: "call me back
    please") with at most two other words: on these the model, reading a handful of words,
    raised alerts ("Call me back please" as immediate danger). Any more words ("call me
    back hes outside my door") and the model reads it as usual."""
    spans = [match.span() for match in _EVERYDAY_ANSWERS.finditer(folded.text)]
    return bool(spans) and len(_blanked(folded.text, spans).split()) <= 2


def _risky_pieces(text: str, folded: NormalisedText, cues: dict[str, tuple[str, ...]]
                  ) -> list[tuple[int, int]]:
    """The pieces of a message with more than one piece that hold a risk word."""
    spans = _pieces(text)
    if len(spans) < 2:
        return []
    hits = [folded.original_span(match.start(), match.end())[0]
            for match in _risk_words(tuple(tuple(group) for group in cues.values())).finditer(
                folded.text)]
    if not hits:
        return []
    return [(start, end) for start, end in spans
            if any(start <= hit < end for hit in hits)][:_MAX_PIECES]


def _piece_scores(model: ScreenModel, text: str, folded: NormalisedText, start: int, end: int
                  ) -> ScreenScores | None:
    """The model's scores of ``text[start:end]``, its fold cut from the whole text's."""
    return model.scores(text[start:end], folded.text[bisect_left(folded.starts, start):
                                                     bisect_left(folded.starts, end)])


def _quoted(model: ScreenModel, text: str, folded: NormalisedText, kind: str) -> Evidence:
    """The piece of ``text`` the model finds most worrying, quoted exactly: of the pieces
    that hold a risk word (``_risky_pieces``, each scored once), or else of its sentences."""
    spans = _risky_pieces(text, folded, model.risk_cues)
    if not spans:
        sentences = [match for match in _SENTENCE.finditer(text) if match[0].strip()][:50]
        if not sentences:
            return Evidence(kind, 0, len(text), text)
        spans = [(match.start() + len(match[0]) - len(match[0].lstrip()),
                  match.end() - (len(match[0]) - len(match[0].rstrip())))
                 for match in sentences]

    def alert(span: tuple[int, int]) -> tuple[float, int]:
        scores = _piece_scores(model, text, folded, *span)
        return (0.0 if scores is None else scores.alert), -span[0]

    start, end = spans[0] if len(spans) == 1 else max(spans, key=alert)
    return Evidence(kind, start, end, text[start:end])


def _model_verdict(model: ScreenModel, text: str, folded: NormalisedText) -> SafeguardingResult:
    """The model's own verdict on ``text``, in both tiers.

    An alert when the whole message scores ``alert`` or more; or ``urgent`` or more when it
    tells of danger now (``URGENT``: "tonight", "an hour ago", "help me"); or when one piece
    of a longer message scores ``piece`` or more. (The kind the model names is not a reason:
    its kind classifier always names some harm, and on round 4's held-out rows a doubtful
    score with a kind that cannot wait raised only false alarms.) Otherwise a concern (an
    officer reads it the same working day) when the model thinks it an alert or a concern
    at ``concern`` or more. When every risk word lies inside an everyday idiom, the model
    reads a short message without its idioms (``_without_idioms``); nothing when the
    message is nothing but an everyday answer (``_only_an_everyday_answer``).
    """
    limits = model.thresholds
    if _only_an_everyday_answer(folded):
        return _result([])
    if _only_idioms(folded, model.risk_cues) and len(text.split()) <= _IDIOM_REST_WORDS:
        return _without_idioms(model, text, folded)
    whole = model.scores(text, folded.text if len(text) <= CLASSIFY_CHARS else None)
    if whole is None:
        return _result([])
    if whole.alert >= limits["alert"] or (whole.alert >= limits["urgent"]
                                          and _URGENT.search(folded.text)):
        return _result([_quoted(model, text, folded, model.kind(whole))])
    best: tuple[float, int, int, str] | None = None
    for start, end in _risky_pieces(text, folded, model.risk_cues):
        piece = _piece_scores(model, text, folded, start, end)
        if (piece is not None and piece.alert >= limits["piece"]
                and (best is None or piece.alert > best[0])
                and not _only_idioms(normalise(text[start:end]), model.risk_cues)):
            best = (piece.alert, start, end, model.kind(piece))
    if best is not None:
        _, start, end, kind = best
        return _result([Evidence(kind, start, end, text[start:end])])
    if max(whole.worry, whole.alert) >= limits["concern"]:
        return _result([], concern=[_quoted(model, text, folded, model.kind(whole))])
    return _result([])


def model_check(text: str, *, folded: NormalisedText | None = None) -> SafeguardingResult:
    """The screen's trained model reading ``text`` on its own, in both tiers.

    The model is trained on every seen set (``triage_training.SCREEN_SETS``), so it reads
    phrasings no pattern describes; how it reads its scores is in ``_model_verdict``. If the
    model cannot be loaded or cannot score, the screen still never fails: it logs an error
    and answers with ``model_missing`` set, so the record goes to a person (and ``/healthz``
    says the model is missing). ``folded`` is ``normalise(text)`` when the caller has it.
    """
    if not text.strip():
        return _result([])
    folded = normalise(text) if folded is None else folded
    return _model_reading(lambda model: _model_verdict(model, text, folded),
                          _result([], model_missing=True))


def _model_reading(read: Callable[[ScreenModel], _T], fallback: _T) -> _T:
    """``read`` applied to the loaded model, or ``fallback`` when the model cannot be loaded
    (``load_model`` has logged why) or cannot score (logged here): the screen never fails,
    and the patterns' verdict stands."""
    try:
        return read(load_model().screen)
    except ModelUnavailable:
        return fallback
    except (ArithmeticError, IndexError, KeyError, TypeError, ValueError):
        logger.exception("the safeguarding model could not score a message; patterns only")
        return fallback


# A pattern's alert that rests on a few risky words alone ("assault", "bullies", "ran away",
# "ar goll"), in a message up to this long, may be read as a concern (``_model_doubts``);
# evidence of more words, or naming who is harmed ("touches me"), always stands there.
_SHORT = 300
_FEW_WORDS = 3
# Harms that can kill within hours: their few words are never doubted, and when told as
# past the model must be surer before it doubts them.
_CANNOT_WAIT = frozenset({"self_harm_suicide", "overdose_poisoning", "immediate_danger"})


def _evidence_pieces(text: str, patterns: SafeguardingResult) -> list[tuple[int, int]]:
    """The piece (sentence, or window of a long one) around each item of evidence."""
    spans = _pieces(text)
    return [next(((start, end) for start, end in spans if start <= item.start < end),
                 (item.start, item.end)) for item in patterns.evidence]


# Words naming who is harmed: a few words holding one ("touches me", "hits her") are a
# disclosure, and stand; a few words without ("ran away", "ar goll") may be doubted.
_NAMES_WHO = frozenset({"me", "us", "myself", "my", "him", "her", "them", "his", "their",
                        "herself", "himself", "themselves", "ourselves"})


def _few_words(item: Evidence) -> bool:
    """Evidence slight enough for the model to doubt in a short message: one word, or up to
    ``_FEW_WORDS`` that name no one ("gonna die lol" may be doubted, "touches me" never)."""
    words = re.findall(r"[a-z]+", item.text.lower().replace("'", ""))
    return len(words) <= 1 or (len(words) <= _FEW_WORDS and _NAMES_WHO.isdisjoint(words))


def _doubted(model: ScreenModel, text: str, patterns: SafeguardingResult,
             folded: NormalisedText) -> bool:
    """Whether the model's reading outweighs the patterns' alert (see ``_model_doubts``)."""
    cannot_wait = any(item.kind in _CANNOT_WAIT for item in patterns.evidence)
    few_words = (len(text) <= _SHORT and not cannot_wait
                 and all(_few_words(item) for item in patterns.evidence)
                 and not _REPEATED.search(folded.text))
    if not few_words and not _TOLD_AS_PAST.search(folded.text):
        return False  # decided before scoring: most alerts stop here
    whole = model.scores(text)
    if whole is None:
        return False
    limits = model.thresholds
    if few_words:
        return whole.alert < limits["ordinary"]
    if whole.alert >= limits["ordinary_cannot_wait" if cannot_wait else "ordinary_past"]:
        return False
    pieces = (_piece_scores(model, text, folded, start, end)
              for start, end in _evidence_pieces(text, patterns))
    return all(piece is None or piece.alert < limits["ordinary_piece"] for piece in pieces)


def _model_doubts(text: str, patterns: SafeguardingResult, folded: NormalisedText
                  ) -> SafeguardingResult:
    """A pattern's alert read as a concern (the same working day), never silence, when the
    model doubts it, either

    - every piece of evidence is one word, or up to three that name no one
      (``_few_words``), in a short message that tells of no harm again and again
      (``REPEATED``), of no harm that can kill within hours, and the model finds it plainly
      ordinary (under ``ordinary``): "we did an assault course on the residential", "my dog
      ran away", "mae fy ffon wedi mynd ar goll" (evidence naming who is harmed, "touches
      me", "my foster dad hits me late lol", always stands here, since ordinary words around
      a disclosure bring the model's score down; round 11 widened one word to these, which
      on the thirteen retired sets, each left out in turn, raised precision from 0.867 to
      0.884 and lost no alert);
    - or the message is told as past (``TOLD_AS_PAST``), the model scores it under
      ``ordinary_past`` (under ``ordinary_cannot_wait`` for a harm that can kill within
      hours) and every sentence holding the evidence under ``ordinary_piece``: "I self
      harmed last year but I've stopped now and my counsellor is helping", while one
      worrying sentence in a long letter stands.

    Never when the message tells of danger now (``URGENT``, though the bare word "now" is not
    enough: "I'm 9 months clean now") or the model cannot read it."""
    if (_URGENT_BEYOND_NOW.search(folded.text)
            or not _model_reading(lambda model: _doubted(model, text, patterns, folded), False)):
        return patterns
    return _result([], concern=list(patterns.evidence) + list(patterns.concern_evidence))


def _model_is_sure(text: str) -> bool:
    """Whether the model scores ``text`` an alert at ``sure`` or more: then words that sound
    settled ("she's back now") do not make its alert a concern ("my friend hasnt been back to
    her foster place for 3 days, shes been stayin at some lads flat"); on the retired sets,
    each scored by a model trained without it, this kept 3 alerts and raised no false one."""
    def sure(model: ScreenModel) -> bool:
        scores = model.scores(text)
        return scores is not None and scores.alert >= model.thresholds["sure"]

    return _model_reading(sure, False)


def with_model(text: str, patterns: SafeguardingResult, *,
               folded: NormalisedText | None = None) -> SafeguardingResult:
    """The patterns' verdict read together with the model's.

    A pattern's alert stands unless the model doubts it (``_model_doubts``: single risky
    words in a short message it finds plainly ordinary, or harm told as past that it finds
    ordinary); when the patterns raised no alert, the model's alert is an alert (or a
    concern when the message tells of harm past and going well, unless the model is sure:
    ``_model_is_sure``) and its concern joins the patterns' concern tier.
    """
    folded = normalise(text) if folded is None else folded
    if patterns.flagged:
        return _model_doubts(text, patterns, folded)
    model = model_check(text, folded=folded)
    if model.flagged and _resolved(folded) and _model_is_sure(text):
        return _result(list(model.evidence))
    return _tiered(list(model.evidence),
                   list(patterns.concern_evidence) + list(model.concern_evidence), folded,
                   model_missing=model.model_missing)


def screen(text: str, *, folded: NormalisedText | None = None) -> SafeguardingResult:
    """Screen one message; never raises for any ``str`` input.

    Patterns and the trained model both read it (``with_model``). ``folded`` lets a caller
    that has already normalised ``text`` skip doing it twice.
    """
    text = text or ""
    folded = normalise(text) if folded is None else folded
    return with_model(text, screen_patterns(text, folded=folded), folded=folded)
