"""Measuring: a figure beside its raw baseline, timed call by call and interleaved, with median and spread."""

from __future__ import annotations

import resource
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


@dataclass
class PeakFigure(Figure):
    """A figure also held to a peak resident memory (MiB), measured in the child process that ran it."""

    peak_mib: float = 0.0
    max_peak_mib: float | None = None

    @property
    def target(self) -> str:
        base = super().target
        if self.max_peak_mib is None:
            return base
        return f"{base}, peak ≤ {self.max_peak_mib:g} MiB"

    @property
    def passed(self) -> bool | None:
        timed_ok = super().passed
        if self.max_peak_mib is None:
            return timed_ok
        return (timed_ok is not False) and self.peak_mib <= self.max_peak_mib


def status_kib(field: str) -> int:
    """A memory figure of this process from /proc/self/status (VmHWM: the peak resident set), in KiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def reset_peak() -> bool:
    """Start VmHWM again from the current resident set (Linux: write 5 to clear_refs); False where unsupported."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
        return True
    except OSError:
        return False
