"""Gateway benchmark: 20 concurrent SMS conversations through /sms/inbound with the real
Rasa and action servers, then the same turns posted straight to Rasa's REST channel.

Prints p50/p95 turn latency and turns per second for both, the gateway's overhead (the
difference), and the resident memory of each process. Everything runs on 127.0.0.1; the
run is bounded (a fixed number of turns, each with a timeout) and stops by itself.

    .venv/bin/python bench/gateway_bench.py [--conversations 20] [--think-seconds 5]

Targets on the 2-core machine: gateway overhead under 25 ms at p95, a whole turn under
500 ms at p95, with 20 concurrent conversations. "Concurrent conversations" means 20
children texting at the same time, each pausing between texts as people do: 5 s by
default (reading the reply and typing an answer on a phone takes longer), which is about
4 turns/s in all, well above a council's busiest hour. ``--think-seconds 0`` sends every
text as soon as the last reply arrives: a capacity test (Rasa is then the bottleneck and
turns queue behind each other), not the target's load.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.etree import ElementTree

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intake_app.services.rasa_client import SECRET_HEADER  # noqa: E402
from support.live_stack import BotProcess, bot_processes  # noqa: E402
from support.peers import (  # noqa: E402
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT,
    TWILIO_TOKEN,
    free_port,
    twilio_params,
    twilio_signature,
)

# One whole complaint, as a child texts it: 12 turns, the last one submits through the API.
SCRIPT = (
    "hi", "1", "1", "my social worker never calls me back", "its been 3 weeks", "done",
    "a worker who calls me back", "my social worker", "yes", "nyas", "yes", "yes",
)
TURN_TIMEOUT_SECONDS = 30


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def rss_mib(pid: int) -> float:
    """Resident memory of a process and its children, in MiB (Linux /proc)."""
    total_kib = 0
    for current in process_tree(pid):
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total_kib += int(line.split()[1])
    return total_kib / 1024


def server_timing(header: str) -> dict[str, float]:
    """``bot;dur=12.5, turn;dur=30.1`` as seconds by name."""
    timings = {}
    for metric in header.split(","):
        name, _, duration = metric.strip().partition(";dur=")
        timings[name] = float(duration) / 1000
    return timings


def process_tree(pid: int) -> list[int]:
    """A process and its descendants (Linux /proc)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        pending.extend(int(child) for child in children)
    return found


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its live children: a measure
    of work per turn that other load on a shared machine does not inflate much."""
    ticks = 0
    for current in process_tree(pid):
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def start_site(work: Path, rasa_port: int, channel_secret: str
               ) -> tuple[BotProcess, str, str]:
    """The Flask site as `make run` starts it (intake_app.serve) on a free port, with its
    own database, the bot's channel secret and a bot API token: (process, URL, token)."""
    port = free_port()
    env = {
        **os.environ,
        "FLASK_APP": "intake_app:create_app",
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{work / 'bench.db'}",
        "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
        "TWILIO_ACCOUNT_SID": TWILIO_ACCOUNT,
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
        "RASA_URL": f"http://127.0.0.1:{rasa_port}",
        "RASA_CHANNEL_SECRET": channel_secret,
        "RASA_TURN_BUDGET_SECONDS": "10",
        "OUTBOX_WORKER": "none",
        "PORT": str(port),
        "LOG_LEVEL": "WARNING",
    }
    flask = str(ROOT / ".venv" / "bin" / "flask")
    subprocess.run([flask, "db", "upgrade"], env=env, cwd=ROOT, check=True,
                   capture_output=True)
    token = subprocess.run([flask, "tokens", "create", f"bench-{os.getpid()}-{port}"],
                           env=env, cwd=ROOT, check=True, capture_output=True,
                           text=True).stdout.strip()
    url = f"http://127.0.0.1:{port}"
    site = BotProcess("site", [str(ROOT / ".venv" / "bin" / "python"), "-m", "intake_app.serve"],
                      env, url + "/healthz", work / "site.log", cwd=ROOT)
    site.start()
    return site, url, token


def run_conversations(count: int, turn: Callable[[requests.Session, int, str], None],
                      think_seconds: float = 0.0) -> tuple[list[list[float]], float]:
    """``count`` conversations at once, each its turns in order, a child's pause between
    turns (staggered so the conversations do not move in lock-step); the latencies of each
    step of the script, and the wall time."""
    latencies: list[list[float]] = [[] for _ in SCRIPT]
    lock = threading.Lock()

    def conversation(number: int) -> None:
        time.sleep(think_seconds * number / max(count, 1))
        with requests.Session() as http:
            for position, text in enumerate(SCRIPT):
                if position:
                    time.sleep(think_seconds)
                started = time.perf_counter()
                turn(http, number, text)
                elapsed = time.perf_counter() - started
                with lock:
                    latencies[position].append(elapsed)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=count) as pool:
        list(pool.map(conversation, range(count)))
    return latencies, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument("--think-seconds", type=float, default=5.0,
                        help="pause between a conversation's turns (0: as fast as possible)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="gateway-bench-") as directory:
        work = Path(directory)
        rasa_port = free_port()
        channel_secret = secrets.token_urlsafe(32)
        site, site_url, token = start_site(work, rasa_port, channel_secret)
        actions, rasa = bot_processes(work, rasa_port, site_url + "/api/v1", token,
                                      channel_secret)
        processes = [site, actions, rasa]
        degraded = 0
        overheads: list[float] = []
        bot_waits: list[float] = []
        in_view: list[float] = []
        try:
            actions.start()
            rasa.start()
            run_id = os.getpid()

            def via_gateway(http: requests.Session, number: int, text: str) -> None:
                nonlocal degraded
                phone = f"+4479{run_id % 10000:04d}{number:05d}"
                sid = f"SM{run_id:08d}{number:04d}{time.perf_counter_ns():020d}"[:34]
                params = twilio_params(text, sid, phone)
                response = http.post(site_url + "/sms/inbound", data=params,
                                     headers={"X-Twilio-Signature": twilio_signature(params)},
                                     timeout=TURN_TIMEOUT_SECONDS)
                response.raise_for_status()
                # Server-Timing gives the time the gateway waited for Rasa; the rest of the
                # turn (signature, storing, screening, answering) is the gateway's own. Of
                # that, what the view did ("turn" minus "bot") and what the HTTP server and
                # the connection added (the rest) are told apart.
                timing = server_timing(response.headers["Server-Timing"])
                overheads.append(response.elapsed.total_seconds() - timing["bot"])
                in_view.append(timing["turn"] - timing["bot"])
                bot_waits.append(timing["bot"])
                body = " ".join(element.text or "" for element in
                                ElementTree.fromstring(response.content).iter("Message"))
                if "not working right now" in body:
                    degraded += 1

            def direct(http: requests.Session, number: int, text: str) -> None:
                response = http.post(
                    f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook",
                    json={"sender": f"direct-{run_id}-{number}", "message": text,
                          "metadata": {"channel": "sms", "safety_reply_sent": False}},
                    headers={SECRET_HEADER: channel_secret},
                    timeout=TURN_TIMEOUT_SECONDS)
                response.raise_for_status()

            # Warm up both paths (model graphs, connection pools, the triage model).
            run_conversations(2, lambda http, n, text: via_gateway(http, 900 + n, text))
            run_conversations(2, lambda http, n, text: direct(http, 900 + n, text))

            def cpu_snapshot() -> dict[str, float]:
                return {process.name: cpu_seconds(process.process.pid)
                        for process in processes if process.process is not None}

            overheads.clear()
            bot_waits.clear()
            in_view.clear()
            cpu_before = cpu_snapshot()
            gateway, gateway_wall = run_conversations(args.conversations, via_gateway,
                                                      args.think_seconds)
            cpu_between = cpu_snapshot()
            straight, straight_wall = run_conversations(args.conversations, direct,
                                                        args.think_seconds)
            cpu_after = cpu_snapshot()
            memory = {process.name: rss_mib(process.process.pid)
                      for process in processes if process.process is not None}
        finally:
            for process in reversed(processes):
                process.stop()

    def summary(by_step: list[list[float]], wall: float) -> dict[str, object]:
        latencies = [seconds for step in by_step for seconds in step]
        return {"turns": len(latencies),
                "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
                "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
                "mean_ms": round(statistics.fmean(latencies) * 1000, 1),
                "turns_per_s": round(len(latencies) / wall, 1),
                # Which step of the script is slow (the last one submits the record).
                "p50_ms_by_step": [round(percentile(step, 0.50) * 1000, 1)
                                   for step in by_step]}

    result = {
        "conversations": args.conversations,
        "think_seconds": args.think_seconds,
        "gateway": summary(gateway, gateway_wall),
        "rasa_direct": summary(straight, straight_wall),
        "degraded_turns": degraded,
        "rss_mib": {name: round(value, 1) for name, value in memory.items()},
    }

    def cpu_ms_per_turn(before: dict[str, float], after: dict[str, float],
                        by_step: list[list[float]]) -> dict[str, float]:
        turns = sum(len(step) for step in by_step)
        return {name: round((after[name] - before[name]) * 1000 / turns, 1) for name in before}

    # CPU milliseconds each process spent per turn, through the gateway and straight.
    result["cpu_ms_per_turn"] = {
        "gateway": cpu_ms_per_turn(cpu_before, cpu_between, gateway),
        "rasa_direct": cpu_ms_per_turn(cpu_between, cpu_after, straight),
    }
    result["overhead_ms"] = {
        "p50": round(percentile(overheads, 0.50) * 1000, 1),
        "p95": round(percentile(overheads, 0.95) * 1000, 1),
        "in_view_p50": round(percentile(in_view, 0.50) * 1000, 1),
        "in_view_p95": round(percentile(in_view, 0.95) * 1000, 1),
        "rasa_wait_p50": round(percentile(bot_waits, 0.50) * 1000, 1),
        "rasa_wait_p95": round(percentile(bot_waits, 0.95) * 1000, 1),
        "p50_difference_of_runs": round(
            result["gateway"]["p50_ms"] - result["rasa_direct"]["p50_ms"], 1),
    }
    g, d, o = result["gateway"], result["rasa_direct"], result["overhead_ms"]
    print(f"{args.conversations} concurrent conversations, {g['turns']} turns each way, "
          f"{args.think_seconds} s between a conversation's turns")
    print(f"through /sms/inbound: p50 {g['p50_ms']} ms  p95 {g['p95_ms']} ms  "
          f"{g['turns_per_s']} turns/s  (degraded turns: {degraded})")
    print(f"straight to Rasa:     p50 {d['p50_ms']} ms  p95 {d['p95_ms']} ms  "
          f"{d['turns_per_s']} turns/s")
    print(f"gateway overhead:     p50 {o['p50']} ms  p95 {o['p95']} ms per turn (turn time "
          f"minus the time waiting for Rasa); difference of the two runs' p50: "
          f"{o['p50_difference_of_runs']} ms")
    print(f"  of which in the view: p50 {o['in_view_p50']} ms  p95 {o['in_view_p95']} ms")
    print(f"the gateway's wait for Rasa: p50 {o['rasa_wait_p50']} ms  p95 {o['rasa_wait_p95']} ms")
    print("CPU per turn via the gateway: " + ", ".join(
        f"{name} {ms} ms" for name, ms in result["cpu_ms_per_turn"]["gateway"].items())
        + f"; straight to Rasa: rasa server "
          f"{result['cpu_ms_per_turn']['rasa_direct'].get('rasa server')} ms")
    print("memory (RSS): " + ", ".join(f"{name} {mib} MiB"
                                       for name, mib in result["rss_mib"].items()))
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "gateway_bench.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
