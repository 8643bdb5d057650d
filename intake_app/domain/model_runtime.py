"""The trained triage model at run time: its features, its classifiers, loading it.

``triage_training`` fits the model with scikit-learn and writes one gzipped pickle of numpy
arrays; this module reads it back and scores messages with numpy alone (a few dictionary
look-ups and one small matrix product per classifier). Triage uses it for type and category,
the safeguarding screen for its own model (``ScreenModel``), so it imports neither of them:
only the text fold they all share.

A model that cannot be read is never quiet: ``load_model`` logs an error and raises
``ModelUnavailable``, the screen and triage mark their result as read without the model (a
person reviews it), and ``/healthz`` reports the model missing.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import math
import pickle
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from intake_app.domain.text_fold import normalise, squeeze_pattern

logger = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent / "triage_model"
ARTEFACT_NAME = "triage.pickle.gz"
# Beyond this the classifier reads only the start; the screen still reads everything.
CLASSIFY_CHARS = 4000
_QUESTION_TOKEN = " zzquestionmark"
# The screen's model reads messages of at least this many words (see ``ScreenModel.scores``).
SCREEN_MIN_WORDS = 4
_DISCLOSURE_TOKEN = " zzdisclosure"


class ModelUnavailable(RuntimeError):
    """The model artefact is missing or cannot be read."""


def classifier_text(folded: str, original: str, disclosure: bool) -> str:
    return (
        folded.strip()
        + (_QUESTION_TOKEN if "?" in original else "")
        + (_DISCLOSURE_TOKEN if disclosure else "")
    )


def file_version(path: Path) -> str:
    """Short sha256 of an artefact: the ``model_version`` stored with every triage."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


# Feature settings shared with ``triage_training`` (which fits them with scikit-learn).
WORD_TOKEN = re.compile(r"(?u)\b\w\w+\b")
CHAR_NGRAMS = (2, 5)


@cache
def _cue_pattern(group: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])(?:" + squeeze_pattern("|".join(group)) + r")(?![a-z0-9])")


def cue_counts(prepared: str, cues: dict[str, tuple[str, ...]]) -> list[float]:
    """One feature per cue group: log(1 + distinct cue phrases of that group present)."""
    return [
        math.log1p(len(set(_cue_pattern(tuple(group)).findall(prepared))))
        for group in cues.values()
    ]


def _word_terms(prepared: str) -> list[str]:
    tokens = WORD_TOKEN.findall(prepared)
    return tokens + [f"{first} {second}" for first, second in pairwise(tokens)]


@lru_cache(maxsize=8192)
def _word_char_ngrams(word: str) -> tuple[str, ...]:
    """Character n-grams of one space-padded word, exactly as scikit-learn's ``char_wb``."""
    padded = f" {word} "
    grams: list[str] = []
    for size in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
        if len(padded) <= size:
            grams.append(padded)
            break
        grams.extend(padded[offset : offset + size] for offset in range(len(padded) - size + 1))
    return tuple(grams)


def _char_terms(prepared: str) -> list[str]:
    return [gram for word in prepared.split() for gram in _word_char_ngrams(word)]


def _tfidf(terms: list[str], vocabulary: dict[str, int], idf: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray]:
    counts: dict[int, int] = {}
    for term, count in Counter(terms).items():
        index = vocabulary.get(term)
        if index is not None:
            counts[index] = count
    indices = np.fromiter(counts, dtype=np.int64, count=len(counts))
    values = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))
    values *= idf[indices]
    norm = float(np.sqrt(values @ values))
    return indices, values / norm if norm else values


def _stacked(prepared: str, word_vocabulary: dict[str, int], word_idf: np.ndarray,
             char_vocabulary: dict[str, int], char_idf: np.ndarray,
             cues: dict[str, tuple[str, ...]]) -> tuple[np.ndarray, np.ndarray]:
    """Word TF-IDF, character TF-IDF and cue counts of ``prepared``, stacked as training
    stacked them, as sparse (indices, values)."""
    word_indices, word_values = _tfidf(_word_terms(prepared), word_vocabulary, word_idf)
    char_indices, char_values = _tfidf(_char_terms(prepared), char_vocabulary, char_idf)
    offset = len(word_vocabulary) + len(char_vocabulary)
    counts = cue_counts(prepared, cues)
    return (
        np.concatenate([word_indices, char_indices + len(word_vocabulary),
                        np.arange(offset, offset + len(counts))]),
        np.concatenate([word_values, char_values, np.asarray(counts, dtype=np.float64)]),
    )


def _probabilities(classifier: dict[str, Any], features: tuple[np.ndarray, np.ndarray]
                   ) -> list[tuple[str, float]]:
    """Classes of one exported logistic regression with their probabilities, most likely
    first."""
    indices, values = features
    scores = classifier["coef"][:, indices].astype(np.float64) @ values
    scores += classifier["intercept"]
    scores = np.exp(scores - scores.max())
    scores /= scores.sum()
    ranked = sorted(zip(classifier["classes"], scores.tolist(), strict=True),
                    key=lambda item: (-item[1], item[0]))
    return [(str(label), float(score)) for label, score in ranked]


@dataclass(frozen=True)
class ScreenScores:
    """What the screen's model makes of one text: the probability that it is an alert and
    that it is an alert or a concern, with the text's features (for ``ScreenModel.kind``,
    asked only when evidence is quoted, since it is the largest classifier)."""

    alert: float
    worry: float
    features: tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class ScreenModel:
    """The safeguarding screen's model: its own TF-IDF (words and characters) and risk cues
    into three logistic regressions (alert; alert or concern; kind).

    Trained on every seen screen set as well as the triage set (``triage_training``), with
    vocabularies of its own, since the screen reads Welsh, text-speak and long letters the
    triage set barely has. ``thresholds`` say how the screen reads its probabilities.
    """

    word_vocabulary: dict[str, int]
    word_idf: np.ndarray
    char_vocabulary: dict[str, int]
    char_idf: np.ndarray
    risk_cues: dict[str, tuple[str, ...]]
    classifiers: dict[str, dict[str, Any]]
    thresholds: dict[str, float]

    def features(self, prepared: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse feature vector (indices, values) in the order training stacked them."""
        return _stacked(prepared, self.word_vocabulary, self.word_idf, self.char_vocabulary,
                        self.char_idf, self.risk_cues)

    def scores(self, text: str, folded: str | None = None) -> ScreenScores | None:
        """``text`` (its first ``CLASSIFY_CHARS``) read without the disclosure marker;
        ``folded`` is its fold when the caller has it (a piece of a long letter, cut from the
        letter's fold: folding every piece again costs more than scoring it).

        None for a text of fewer than ``SCREEN_MIN_WORDS`` words: on "hi", "no" or "hello"
        the model answers from its prior (sure they are alerts), and chat sends many of
        those; the patterns still read them. A risk word is not required: requiring one lost
        about one in six of the disclosures the model caught in round 4's set.
        """
        prepared = (unmarked_text(text[:CLASSIFY_CHARS]) if folded is None
                    else classifier_text(folded, text, False))
        if len(prepared.split()) < SCREEN_MIN_WORDS:
            return None
        features = self.features(prepared)
        return ScreenScores(
            dict(_probabilities(self.classifiers["alert"], features))["1"],
            dict(_probabilities(self.classifiers["worry"], features))["1"],
            features,
        )

    def kind(self, scores: ScreenScores) -> str:
        """The kind of harm the scored text looks most like."""
        return _probabilities(self.classifiers["kind"], scores.features)[0][0]


@dataclass(frozen=True)
class LinearTriageModel:
    """TF-IDF (words and characters) plus cue features into logistic regressions, and the
    safeguarding screen's own model.

    Prediction is a few dictionary look-ups and one small matrix product, in numpy only,
    so loading needs no scikit-learn and a message takes well under a millisecond.
    """

    word_vocabulary: dict[str, int]
    word_idf: np.ndarray
    char_vocabulary: dict[str, int]
    char_idf: np.ndarray
    cues: dict[str, tuple[str, ...]]
    classifiers: dict[str, dict[str, Any]]
    screen: ScreenModel
    version: str

    def features(self, prepared: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse feature vector (indices, values) in the order training stacked them."""
        return _stacked(prepared, self.word_vocabulary, self.word_idf, self.char_vocabulary,
                        self.char_idf, self.cues)

    def probabilities(self, name: str, features: tuple[np.ndarray, np.ndarray]
                      ) -> list[tuple[str, float]]:
        """Classes of one classifier with their probabilities, most likely first."""
        return _probabilities(self.classifiers[name], features)


def unmarked_text(text: str) -> str:
    """The classifier's view of ``text`` without the screen's disclosure marker."""
    return classifier_text(normalise(text).text, text, False)


@cache
def _load(model_dir: Path) -> LinearTriageModel:
    artefact = Path(model_dir) / ARTEFACT_NAME
    # The artefact is built in this repository by ``triage_training.train``; never point
    # MODEL_DIR at a file from elsewhere, since unpickling runs code.
    bundle = pickle.loads(gzip.decompress(artefact.read_bytes()))
    screen = ScreenModel(**bundle.pop("screen"))
    return LinearTriageModel(**bundle, screen=screen, version=file_version(artefact))


def load_model(model_dir: Path | None = None) -> LinearTriageModel:
    """Load (once per process and directory) the artefact ``triage_training.train`` wrote.

    Raises ``ModelUnavailable`` after logging an error when it cannot be read; a failure is
    not cached, so a repaired artefact is picked up without a restart.
    """
    try:
        return _load(Path(model_dir or MODEL_DIR))
    except (OSError, EOFError, zlib.error, pickle.UnpicklingError, AttributeError, ImportError,
            IndexError, KeyError, TypeError, ValueError) as error:
        logger.error("triage model %s cannot be loaded (%s: %s); every message is read by "
                     "the patterns alone and marked for review",
                     Path(model_dir or MODEL_DIR) / ARTEFACT_NAME,
                     type(error).__name__, error)
        raise ModelUnavailable(str(error)) from error


def model_status(model_dir: Path | None = None) -> dict[str, str]:
    """What ``/healthz`` says about the model: ok with its version, or missing."""
    try:
        return {"status": "ok", "version": load_model(model_dir).version}
    except ModelUnavailable:
        return {"status": "missing"}
