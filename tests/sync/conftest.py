"""Shared keys, manifest fields and records for the sync tests."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from receptiondesk.demo.generator import Generator
from receptiondesk.messages.sync import MESSAGES
from receptiondesk.sync.keys import CommuneKeys, UpperLevelKeys
from receptiondesk.sync.package import ManifestFields

UNIT = "00004"
UNIT_NAME = "Xã Tân Thành"
OTHER_UNIT = "00007"
UPPER = "01"
UPPER_NAME = "Ban Tiếp công dân tỉnh"
CREATED_AT = "2026-03-10T09:00:00+07:00"


def fields(**changes: Any) -> ManifestFields:
    values: dict[str, Any] = {"unit_code": UNIT, "sequence": 3, "restore_epoch": 1, "change_from": 1001,
                              "change_to": 3000, "field_list_version": "fields:2026-01-05",
                              "rules_version": "rules:2026-02-01", "audit_head": "4211:9f2c…e01a",
                              "created_at": CREATED_AT}
    values.update(changes)
    return ManifestFields(**values)


def small_records(count: int = 3) -> list[dict[str, Any]]:
    return [{"entity": "case", "uuid": f"00000000-0000-4000-8000-{i:012d}", "unit_code": UNIT,
             "summary": f"Đề nghị giải quyết tranh chấp ranh giới đất số {i}"} for i in range(count)]


def rendered(error: Any, lang: str = "vi") -> str:
    """The message of a UserError from this module's own catalogue (registered in messages/__init__ later)."""
    problem = error.problems[0]
    return MESSAGES[problem.code][lang].format(**problem.params)


@pytest.fixture(scope="session")
def commune_keys() -> CommuneKeys:
    return CommuneKeys.generate(UNIT, UNIT_NAME)


@pytest.fixture(scope="session")
def other_commune_keys() -> CommuneKeys:
    return CommuneKeys.generate(OTHER_UNIT, "Xã Bình An")


@pytest.fixture(scope="session")
def upper_keys() -> UpperLevelKeys:
    return UpperLevelKeys.generate(UPPER, UPPER_NAME)


@pytest.fixture(scope="session")
def generated_records() -> list[dict[str, Any]]:
    """2,000 realistic interchange records (the product's generator; a prefix of its stream is complete)."""
    generator = Generator(UNIT, "commune", visits=1500, seed=20260310, until=date(2026, 3, 1))
    return list(itertools.islice(generator.records(), 2000))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "usb"
    target.mkdir()
    return target
