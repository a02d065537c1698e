"""Memory stays flat: 200,000 records written from a generator and read back as a stream never sit in memory
together (tracemalloc's peak stays at a few segments' worth)."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest

from receptiondesk.sync.package import read_package, write_package
from tests.sync.conftest import UNIT, fields

RECORDS = 200_000
PEAK_LIMIT = 16 << 20  # the records alone, held in a list, would take well over 100 MB


def _records() -> Iterator[dict[str, Any]]:
    for i in range(RECORDS):
        yield {"entity": "visit", "uuid": f"00000000-0000-4000-8000-{i:012d}", "unit_code": UNIT, "logbook_no": i + 1,
               "summary": f"Hỏi về thủ tục cấp giấy chứng nhận quyền sử dụng đất, thửa số {i}"}


@pytest.mark.slow
def test_writing_and_reading_200k_records_keeps_memory_flat(folder, commune_keys, upper_keys):
    tracemalloc.start()
    try:
        info = write_package(folder / "big.rdsync", fields(), _records(), signing_key=commune_keys,
                             upper_keys=upper_keys.public())
        _, write_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        opened = read_package(info.path, commune_public_key=commune_keys.public(), upper_private_keys=upper_keys)
        count = 0
        for count, record in enumerate(opened.records(), start=1):
            if count % 50_000 == 0:
                assert record["logbook_no"] == count
        _, read_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == RECORDS and dict(info.manifest.counts) == {"visit": RECORDS}
    assert info.manifest.parts[0].size > 1 << 20  # several segments
    assert write_peak < PEAK_LIMIT, f"write peak {write_peak / 2**20:.1f} MiB"
    assert read_peak < PEAK_LIMIT, f"read peak {read_peak / 2**20:.1f} MiB"
