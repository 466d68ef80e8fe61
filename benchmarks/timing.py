"""Shared timing and table helpers for the benchmarks (run them all with ``make bench``)."""

import time

import numpy as np


def time_call(fn, repeats=200, warmup=5):
    """Run ``fn()`` ``warmup`` times untimed, then ``repeats`` times; return the durations in ms."""
    for _ in range(warmup):
        fn()
    out = np.empty(repeats)
    for i in range(repeats):
        t0 = time.perf_counter()
        fn()
        out[i] = (time.perf_counter() - t0) * 1e3
    return out


def summary(durations_ms):
    """Median and 95th percentile of a set of durations, ms."""
    return float(np.median(durations_ms)), float(np.percentile(durations_ms, 95))


def print_table(title, header, rows):
    """Print a Markdown table (so it can be pasted into benchmarks/README.md as it is)."""
    print(f"\n### {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")
