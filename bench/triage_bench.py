"""Triage and safeguarding-screen speed on one core: p50 and p99 per message.

Not a test (timings depend on the machine). Run with ``.venv/bin/python bench/triage_bench.py``.
Target (issue 12): p50 under 5 ms and p99 under 20 ms per message, for the screen and for
the whole triage. The messages are varied, not a few strings repeated: short texts in
text-speak and Welsh, and 1,000-character letters full of risk words, built from phrase
banks with a fixed seed, so each round reads different text. Thread pools are pinned to one
thread before numpy loads so the figures are for one core.
"""

from __future__ import annotations

import os

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

import random  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from intake_app.domain import triage as triage_module  # noqa: E402
from intake_app.domain.safeguarding import screen  # noqa: E402

SEED = 12
SUBJECTS = ["my social worker", "my carer", "the staff", "my foster mum", "my pa", "my dad",
            "my step dad", "the school", "my advocate", "the home", "her keyworker", "mam"]
COMPLAINTS = [
    "never rings me back", "cancelled my contact again", "didnt turn up to my review",
    "wont tell me about the plan", "hasnt paid my pocket money for 3 weeks",
    "keeps changing and nobody tells me why", "was really kind and listened",
    "said i cant see my brother", "lost my passport for the school trip",
    "hit the target for visits for once", "is dead good at explaining things",
]
RISKY = [
    "he hiiits me when mum is out", "i wanna d1e tbh", "i took 20 paracetamol an hour ago",
    "nowhere to sleep tonite", "they make me hold stuff for them", "dont feel safe at home",
    "my bf is 24 and wants me to meet his mates", "a man on snap keeps asking for pics",
    "i used to self harm but im doing much better now", "mae e'n fy nharo i",
    "dw i ddim eisiau byw", "we watched a film about knife crime at school",
    "i was cutting onions and cried lol", "my pocket money has gone missing again",
    "the house is freezing and the heating is broken", "he cut me off mid sentence",
]
FILLERS = [
    "ok so basically this has been going on for ages", "i asked at school and they dont know",
    "nobody knows anything and im just waiting", "its doing my head in",
    "I am writing as her advocate with her agreement", "she asked me to send this for her",
    "please can someone ring me back", "dw i eisiau gweld fy mam yn amlach",
    "I would like a named worker who stays", "he is scared of going back there",
    "they threatened to move her placement", "the police came round last week",
]


def short_messages(rng: random.Random, count: int) -> list[str]:
    messages = []
    for _ in range(count):
        if rng.random() < 0.4:
            messages.append(rng.choice(RISKY))
        else:
            messages.append(f"{rng.choice(SUBJECTS)} {rng.choice(COMPLAINTS)}")
    return messages


def letters(rng: random.Random, count: int) -> list[str]:
    """1,000-character letters, about half of their sentences using risky words."""
    messages = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(part) + 2 for part in parts) < 1000:
            bank = rng.choice((RISKY, FILLERS, COMPLAINTS))
            sentence = rng.choice(bank)
            if bank is COMPLAINTS:
                sentence = f"{rng.choice(SUBJECTS)} {sentence}"
            parts.append(sentence[0].upper() + sentence[1:])
        messages.append(". ".join(parts)[:1000])
    return messages


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _run(label: str, messages: list[str], call) -> None:
    for message in messages[:20]:  # warm-up: regex and vectoriser caches
        call(message)
    timings = []
    started = time.perf_counter()
    for message in messages:
        before = time.perf_counter()
        call(message)
        timings.append((time.perf_counter() - before) * 1000)
    elapsed = time.perf_counter() - started
    p50, p99 = statistics.median(timings), _percentile(timings, 0.99)
    verdict = "ok" if p50 < 5 and p99 < 20 else "OVER TARGET"
    print(f"{label:<34} {len(timings):5d} msgs {len(timings) / elapsed:7.0f} msg/s   "
          f"p50 {p50:6.2f} ms   p99 {p99:6.2f} ms   {verdict}")


def main() -> None:
    rng = random.Random(SEED)
    started = time.perf_counter()
    model = triage_module.load_model()
    print(f"model {model.version} loaded in {(time.perf_counter() - started) * 1000:.0f} ms")
    short = short_messages(rng, 2000)
    long = letters(rng, 600)
    print(f"{len(set(short))} distinct short messages, {len(set(long))} distinct letters "
          f"(mean {statistics.mean(map(len, long)):.0f} characters)")
    _run("screen, short messages", short, screen)
    _run("screen, 1,000-character letters", long, screen)
    _run("triage, short messages", short, triage_module.triage)
    _run("triage, 1,000-character letters", long, triage_module.triage)


if __name__ == "__main__":
    main()
