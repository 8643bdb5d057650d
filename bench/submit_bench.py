"""How fast does a representation go in, and does it slow down as the table grows?

Measures submissions per second and p50/p95 latency through ``submit()`` and through the
web form's final POST (the test client, so no network), on the embedded SQLite, with the
table at 1,000 and then 10,000 records. Prints figures and the 10k/1k ratio; it is not a
test and asserts nothing.

    .venv/bin/python bench/submit_bench.py [--sample 300]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask_migrate import upgrade

from intake_app import create_app
from intake_app.domain.draft import Contact, Draft
from intake_app.services import web_drafts
from intake_app.services.intake import submit

TEXTS = (
    "my social worker keeps changing and nobody tells me anything",
    "I want to say thank you to my foster carer for helping with my exams",
    "can i get help with money for a deposit for my first flat",
    "contact with my little brother got cancelled again and no one said why",
)


def draft(index: int) -> Draft:
    return Draft(text=f"{TEXTS[index % len(TEXTS)]} ({index})", channel="web",
                 declared_type="complaint", service_area="children_in_care",
                 reply_channel="sms", contact=Contact(phone="07911 123456"),
                 submission_key=f"bench-{index}")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(label: str, latencies: list[float]) -> float:
    per_second = len(latencies) / sum(latencies)
    print(f"  {label:<34} {per_second:8.1f}/s  p50 {statistics.median(latencies) * 1000:6.2f} ms"
          f"  p95 {percentile(latencies, 0.95) * 1000:6.2f} ms")
    return per_second


def measure_submit(start: int, sample: int) -> list[float]:
    latencies = []
    for index in range(start, start + sample):
        began = time.perf_counter()
        submit(draft(index), actor="bench")
        latencies.append(time.perf_counter() - began)
    return latencies


def measure_web(app, start: int, sample: int) -> list[float]:
    client = app.test_client()
    latencies = []
    for index in range(start, start + sample):
        answers = {"type": "complaint", "role": "young_person", "service_area": "other",
                   "text": f"{TEXTS[index % len(TEXTS)]} (web {index})", "advocate": "no",
                   "reply_channel": "none", "seen_sharing": True}
        draft_id = web_drafts.save(None, answers)
        with client.session_transaction() as session:
            session["draft_id"] = draft_id
        began = time.perf_counter()
        response = client.post("/tell-us/check")
        latencies.append(time.perf_counter() - began)
        assert response.status_code == 302, response.status_code
    return latencies


def fill(to: int, count: int) -> int:
    for index in range(count, to):
        submit(draft(index), actor="bench")
    return to


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=300)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="submit-bench-"))
    app = create_app({"INSTANCE_PATH": str(workdir), "WTF_CSRF_ENABLED": False,
                      "RATELIMIT_ENABLED": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'bench.db'}"})
    results: dict[int, dict[str, float]] = {}
    with app.app_context():
        upgrade()
        count = 0
        next_index = 1_000_000
        for table_size in (1_000, 10_000):
            began = time.perf_counter()
            count = fill(table_size, count)
            print(f"table filled to {table_size} records in {time.perf_counter() - began:.1f} s")
            submit_rate = report("submit()", measure_submit(next_index, args.sample))
            next_index += args.sample
            web_rate = report("web final POST (test client)",
                              measure_web(app, next_index, args.sample))
            next_index += args.sample
            results[table_size] = {"submit": submit_rate, "web": web_rate}
    print("ratio 10k/1k (throughput; 1.0 = no slowdown as the table grows):")
    for path in ("submit", "web"):
        print(f"  {path:<8} {results[10_000][path] / results[1_000][path]:.2f}")


if __name__ == "__main__":
    main()
