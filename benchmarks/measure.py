"""Measuring: a figure beside its raw baseline, timed call by call and interleaved, with median and spread."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Figure:
    """One measured figure beside its raw baseline, with the targets it is held to (None: report only)."""

    name: str
    samples_ns: list[int]
    baseline_name: str
    baseline_ns: list[int]
    max_median_ms: float | None = None
    max_ratio: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ns) / 1e6

    @property
    def baseline_median_ms(self) -> float:
        return statistics.median(self.baseline_ns) / 1e6

    @property
    def ratio(self) -> float:
        return self.median_ms / self.baseline_median_ms

    @property
    def target(self) -> str:
        parts = []
        if self.max_median_ms is not None:
            parts.append(f"≤ {self.max_median_ms:g} ms")
        if self.max_ratio is not None:
            parts.append(f"≤ {self.max_ratio:g}×")
        return ", ".join(parts) or "none (report)"

    @property
    def passed(self) -> bool | None:
        if self.max_median_ms is None and self.max_ratio is None:
            return None
        ok = True
        if self.max_median_ms is not None:
            ok &= self.median_ms <= self.max_median_ms
        if self.max_ratio is not None:
            ok &= self.ratio <= self.max_ratio
        return ok


def spread_ms(samples_ns: list[int]) -> tuple[float, float]:
    """(p10, p90) in milliseconds; min and max below ten samples."""
    if len(samples_ns) < 10:
        return min(samples_ns) / 1e6, max(samples_ns) / 1e6
    deciles = statistics.quantiles(samples_ns, n=10, method="inclusive")
    return deciles[0] / 1e6, deciles[-1] / 1e6


def timed(call: Callable[[], object]) -> tuple[int, object]:
    start = time.perf_counter_ns()
    result = call()
    return time.perf_counter_ns() - start, result


def interleaved(*calls_to_time: Callable[[], object], calls: int, warmups: int) -> list[list[int]]:
    """Time the calls in turn, round after round, so drift (cache, checkpoints, other load) hits all alike."""
    for _ in range(warmups):
        for call in calls_to_time:
            call()
    samples: list[list[int]] = [[] for _ in calls_to_time]
    for _ in range(calls):
        for call, bucket in zip(calls_to_time, samples):
            bucket.append(timed(call)[0])
    return samples
