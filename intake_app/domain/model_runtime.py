"""The trained triage model at run time: its features, its classifiers, loading it.

``triage_training`` fits the model with scikit-learn and writes one gzipped pickle of numpy
arrays; this module reads it back and scores messages with numpy alone (a few dictionary
look-ups and one small matrix product per classifier). Triage uses it for type and category
and the safeguarding screen for its second look, so it imports neither of them: only the
text fold they all share.

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


@dataclass(frozen=True)
class LinearTriageModel:
    """TF-IDF (words and characters) plus cue features into logistic regressions.

    Prediction is a few dictionary look-ups and one small matrix product, in numpy only,
    so loading needs no scikit-learn and a message takes well under a millisecond.
    """

    word_vocabulary: dict[str, int]
    word_idf: np.ndarray
    char_vocabulary: dict[str, int]
    char_idf: np.ndarray
    cues: dict[str, tuple[str, ...]]
    risk_cues: dict[str, tuple[str, ...]]
    classifiers: dict[str, dict[str, Any]]
    safeguarding_threshold: float
    # At or above this a model-only hit is an alert; between the two thresholds a concern.
    safeguarding_sure_threshold: float
    version: str

    def features(self, prepared: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse feature vector (indices, values) in the order training stacked them."""
        word_indices, word_values = _tfidf(
            _word_terms(prepared), self.word_vocabulary, self.word_idf
        )
        char_indices, char_values = _tfidf(
            _char_terms(prepared), self.char_vocabulary, self.char_idf
        )
        offset = len(self.word_vocabulary) + len(self.char_vocabulary)
        cues = cue_counts(prepared, self.cues) + cue_counts(prepared, self.risk_cues)
        return (
            np.concatenate([word_indices, char_indices + len(self.word_vocabulary),
                            np.arange(offset, offset + len(cues))]),
            np.concatenate([word_values, char_values, np.asarray(cues, dtype=np.float64)]),
        )

    def probabilities(self, name: str, features: tuple[np.ndarray, np.ndarray]
                      ) -> list[tuple[str, float]]:
        """Classes of one classifier with their probabilities, most likely first."""
        classifier = self.classifiers[name]
        indices, values = features
        scores = classifier["coef"][:, indices].astype(np.float64) @ values
        scores += classifier["intercept"]
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        ranked = sorted(zip(classifier["classes"], scores.tolist(), strict=True),
                        key=lambda item: (-item[1], item[0]))
        return [(str(label), float(score)) for label, score in ranked]

    def concern(self, text: str) -> float:
        """Probability that ``text`` is a safeguarding disclosure, read without the marker."""
        return self.concern_of(self.features(unmarked_text(text[:CLASSIFY_CHARS])))

    def concern_of(self, features: tuple[np.ndarray, np.ndarray]) -> float:
        """``concern`` for features already computed (risk cue counts are the last values).

        Zero when no risk word is present at all: on a near-empty message ("ok", "hello")
        the model would otherwise answer from its prior, and chat sends many of those.
        """
        if not features[1][-len(self.risk_cues):].any():
            return 0.0
        return dict(self.probabilities("safeguarding", features))["1"]


def unmarked_text(text: str) -> str:
    """The classifier's view of ``text`` without the screen's disclosure marker."""
    return classifier_text(normalise(text).text, text, False)


@cache
def _load(model_dir: Path) -> LinearTriageModel:
    artefact = Path(model_dir) / ARTEFACT_NAME
    # The artefact is built in this repository by ``triage_training.train``; never point
    # MODEL_DIR at a file from elsewhere, since unpickling runs code.
    bundle = pickle.loads(gzip.decompress(artefact.read_bytes()))
    return LinearTriageModel(**bundle, version=file_version(artefact))


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
