"""Print a load run's figures per scenario and whether each target was met. A missed target
is printed, never a failure: the figures depend on the machine and what else runs on it."""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime
from typing import Any

# Scenario label (as the locust file names it) -> p95 target in ms.
P95_TARGETS_MS = {"web form steps": 300.0, "SMS turns": 1000.0}


def machine() -> str:
    """nproc, RAM, load average and the date: the figures mean little without them."""
    with open("/proc/meminfo", encoding="utf-8") as meminfo:
        total_kb = int(meminfo.readline().split()[1])
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"{os.cpu_count()} CPUs, {total_kb / 1024 / 1024:.0f} GB RAM, "
            f"{platform.python_implementation()} {platform.python_version()}, load average "
            f"{load}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")


def print_figures(results: dict[str, Any], *, heading: str, expect_errors: bool = False) -> None:
    print(f"\n{heading}\n  machine: {machine()}")
    print(f"  {'scenario':<16} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50 ms':>7} "
          f"{'p95 ms':>7} {'p99 ms':>7}")
    for label, figures in results["scenarios"].items():
        print(f"  {label:<16} {figures['requests']:>8} {figures['errors']:>6} "
              f"{figures['requests_per_second']:>7.1f} {figures['p50_ms']:>7.0f} "
              f"{figures['p95_ms']:>7.0f} {figures['p99_ms']:>7.0f}")
    for kind, occurrences in results.get("error_kinds", {}).items():
        print(f"  error x{occurrences}: {kind}")
    if expect_errors:
        return  # a fault run makes errors on purpose; its verdict is the delivery check
    print("  targets:")
    errors = sum(figures["errors"] for figures in results["scenarios"].values())
    print(f"    0 errors: {'met' if errors == 0 else f'MISSED ({errors} errors)'}")
    for label, target in P95_TARGETS_MS.items():
        figures = results["scenarios"].get(label)
        if figures is None:
            print(f"    {label} p95 < {target:.0f} ms: NOT MEASURED (no requests)")
            continue
        met = figures["p95_ms"] < target
        print(f"    {label} p95 < {target:.0f} ms: "
              f"{'met' if met else 'MISSED'} ({figures['p95_ms']:.0f} ms)")
