"""Measuring the safeguarding screen on a labelled set, in aggregate figures only.

A screen set has the blind set's columns (``id,text,label,kind,immediate,voice,language``;
``label`` is ``alert``, ``concern`` or ``none``). The report holds counts and ratios, never
a message's text or id, so it can be printed for a blind set without anyone reading it.

- Alert recall: alert-labelled rows the screen raised as an alert, over all alert rows.
- Alert precision: of everything raised as an alert, how many were alert-labelled
  (a concern row raised as an alert counts as a false alarm; ``precision_over_none_rows``
  leaves concern rows out).
- Concern handling, separately: where the concern rows went (alert, concern or silence),
  and how many ordinary rows were marked concern.
- Immediate risk: immediate=1 rows not raised as an alert.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from intake_app.domain.safeguarding import screen

SCREEN_SET_COLUMNS = frozenset({"text", "label", "kind", "immediate", "voice", "language"})


def is_screen_set(fieldnames: Sequence[str] | None) -> bool:
    """True when a CSV header is the blind set's (label alert/concern/none per row)."""
    return set(fieldnames or ()) >= SCREEN_SET_COLUMNS


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def evaluate_screen(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Aggregate figures of ``screen`` over labelled rows; no texts, no ids."""
    labels: Counter[str] = Counter()
    raised: Counter[tuple[str, str]] = Counter()  # (label, tier the screen gave)
    missed_kind: Counter[str] = Counter()
    missed_voice: Counter[str] = Counter()
    missed_language: Counter[str] = Counter()
    false_alert_voice: Counter[str] = Counter()
    false_alert_language: Counter[str] = Counter()
    immediate = immediate_caught = 0
    for row in rows:
        label = str(row.get("label") or "none").strip().lower()
        result = screen(str(row.get("text") or ""))
        tier = result.tier or "silent"
        labels[label] += 1
        raised[label, tier] += 1
        voice = str(row.get("voice") or "")
        language = str(row.get("language") or "")
        if label == "alert" and tier != "alert":
            missed_kind[str(row.get("kind") or "")] += 1
            missed_voice[voice] += 1
            missed_language[language] += 1
        if label != "alert" and tier == "alert":
            false_alert_voice[voice] += 1
            false_alert_language[language] += 1
        if label == "alert" and str(row.get("immediate") or "0").strip() == "1":
            immediate += 1
            immediate_caught += tier == "alert"
    caught = raised["alert", "alert"]
    alerts_raised = sum(raised[label, "alert"] for label in labels)
    on_none = raised["none", "alert"]
    return {
        "rows": sum(labels.values()),
        "labels": dict(sorted(labels.items())),
        "alert": {
            "total": labels["alert"],
            "caught": caught,
            "as_concern": raised["alert", "concern"],
            "silent": raised["alert", "silent"],
            "recall": _ratio(caught, labels["alert"]),
            "raised": alerts_raised,
            "precision": _ratio(caught, alerts_raised),
            "precision_over_none_rows": _ratio(caught, caught + on_none),
            "misses_by_kind": dict(sorted(missed_kind.items())),
            "misses_by_voice": dict(sorted(missed_voice.items())),
            "misses_by_language": dict(sorted(missed_language.items())),
            "false_alerts_by_voice": dict(sorted(false_alert_voice.items())),
            "false_alerts_by_language": dict(sorted(false_alert_language.items())),
        },
        "immediate": {
            "total": immediate,
            "caught": immediate_caught,
            "missed": immediate - immediate_caught,
        },
        "concern": {
            "total": labels["concern"],
            "as_alert": raised["concern", "alert"],
            "as_concern": raised["concern", "concern"],
            "silent": raised["concern", "silent"],
            "seen_by_a_person": _ratio(labels["concern"] - raised["concern", "silent"],
                                       labels["concern"]),
        },
        "none": {
            "total": labels["none"],
            "as_alert": on_none,
            "as_concern": raised["none", "concern"],
            "silent": raised["none", "silent"],
        },
    }
