"""Triage speed on one core: model load time, messages per second, p50/p99 latency.

Not a test (timings depend on the machine). Run with
``.venv/bin/python bench/triage_bench.py``. Target: p50 under 5 ms per message.
Thread pools are pinned to one thread before numpy loads so the figures are for one core.
"""

from __future__ import annotations

import os

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from intake_app.domain import triage as triage_module  # noqa: E402
from intake_app.domain.safeguarding import screen  # noqa: E402

SHORT = [
    "my social worker never rings me back",
    "i havent had my pocket money for 3 weeks",
    "he hiiits me and i dont feel safe at home",
    "when is my next review?",
    "thank u to my pa shes a legend",
    "dw i eisiau gweld fy mam yn amlach",
]
LONG_BASE = (
    "ok so basically this has been going on for ages, my social worker keeps saying shell "
    "call me and update me on the plan for me going back to my dads and she never does, i "
    "asked my carer and she doesnt know either, i asked at school and they dont know, so "
    "nobody knows anything and im just waiting and waiting and its doing my head in. "
)
LONG = [(LONG_BASE * 5)[:1000], (LONG_BASE.upper() * 5)[:1000]]


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _run(label: str, messages: list[str], rounds: int, call) -> None:
    for message in messages:  # warm-up: regex and vectoriser caches
        call(message)
    timings = []
    started = time.perf_counter()
    for _ in range(rounds):
        for message in messages:
            before = time.perf_counter()
            call(message)
            timings.append((time.perf_counter() - before) * 1000)
    elapsed = time.perf_counter() - started
    print(
        f"{label:<28} {len(timings) / elapsed:8.0f} msg/s   "
        f"p50 {statistics.median(timings):6.2f} ms   p99 {_percentile(timings, 0.99):6.2f} ms"
    )


def main() -> None:
    started = time.perf_counter()
    model = triage_module.load_model()
    load_seconds = time.perf_counter() - started
    print(f"model {model.version} loaded in {load_seconds * 1000:.0f} ms")
    _run("triage, short messages", SHORT, 200, triage_module.triage)
    _run("triage, 1,000 characters", LONG, 300, triage_module.triage)
    _run("screen only, short", SHORT, 1000, screen)
    _run("screen only, 1,000 characters", LONG, 500, screen)


if __name__ == "__main__":
    main()
