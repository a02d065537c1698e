"""The generator alone: deterministic by seed, records in the interchange format, references pointing backwards."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from datetime import date

import pytest

from receptiondesk.demo.generator import SCALES, Generator, period
from receptiondesk.demo.vocabulary import id_prefixes
from receptiondesk.domain.identity import citizen_id_facts
from receptiondesk.domain.text import nfc
from receptiondesk.domain.units import communes
from receptiondesk.interchange.format import ENTITIES, LINK_TABLES
from tests.demo.conftest import SEED, UNIT, VISITS, YESTERDAY


def generate(seed: int = SEED, visits: int = VISITS, **kw) -> list[dict]:
    return list(Generator(UNIT, "commune", visits=visits, seed=seed, until=YESTERDAY, **kw).records())


def test_the_same_seed_gives_the_same_records_and_another_seed_others():
    first, second = generate(), generate()
    assert first == second
    assert [list(r) for r in first] == [list(r) for r in second]  # keys in the same order too
    other = generate(seed=SEED + 1)
    assert other != first
    assert {r["uuid"] for r in other}.isdisjoint({r["uuid"] for r in first})


def test_every_record_has_exactly_the_keys_of_its_entity_in_the_format_order():
    for record in generate():
        entity = ENTITIES[record["entity"]]
        expected = ["entity", *(spec.key for spec in entity.all_fields)]
        if record["entity"] in LINK_TABLES:
            expected.append("cases")
        assert list(record) == expected, record["entity"]


def test_every_reference_points_to_an_earlier_record_of_the_named_entity():
    seen: dict[str, str] = {}
    for record in generate():
        entity = ENTITIES[record["entity"]]
        for spec in entity.fields:
            if spec.ref and record[spec.key] is not None:
                assert seen.get(record[spec.key]) == spec.ref, (record["entity"], spec.key)
        for link in record.get("cases", ()):
            assert seen.get(link["case"]) == "case"
        assert record["uuid"] not in seen
        seen[record["uuid"]] = record["entity"]


def test_text_is_nfc_and_timestamps_are_vietnam_time_within_the_period():
    first, last = period(SCALES["commune"], YESTERDAY)
    assert (first, last) == (date(2025, 3, 10), YESTERDAY)
    for record in generate():
        for key, value in record.items():
            if isinstance(value, str):
                assert value == nfc(value), key
        assert record["created_at"].endswith("+07:00") and record["updated_at"] >= record["created_at"]
        assert record["updated_at"][:10] <= last.isoformat()
        if record["entity"] == "visit":
            assert first.isoformat() <= record["visit_date"] <= last.isoformat()


def test_citizen_ids_are_valid_twelve_digit_numbers_of_the_provinces_the_commune_came_from():
    prefixes = dict(id_prefixes(communes()[UNIT].province_code))
    home = {prefix for prefix, weight in prefixes.items() if weight > 0.01}
    assert home == {"024", "027"}  # Bắc Giang and Bắc Ninh before 2025
    citizens = [r for r in generate(visits=1500) if r["entity"] == "citizen" and r["id_type"] == "citizen_id"]
    numbers = [c["id_number"] for c in citizens]
    assert len(numbers) == len(set(numbers))
    for citizen in citizens:
        facts = citizen_id_facts(citizen["id_number"])
        assert facts is not None and facts["province_code"] is not None
        assert (facts["birth_year"], facts["gender"]) == (citizen["birth_year"], citizen["gender"])
    share_home = sum(n[:3] in home for n in numbers) / len(numbers)
    assert share_home > 0.85


def test_names_follow_the_surname_frequencies():
    names = [r["full_name"] for r in generate(visits=3000) if r["entity"] == "citizen" and r["kind"] == "person"]
    surnames = Counter(name.split()[0] for name in names)
    assert surnames.most_common(1)[0][0] == "Nguyễn"
    assert 0.30 < surnames["Nguyễn"] / len(names) < 0.46
    assert surnames["Trần"] > surnames["Vũ"]


def test_addresses_and_units_are_the_desks_commune_at_commune_scale():
    records = generate()
    assert {r["unit_code"] for r in records} == {UNIT}
    addresses = {r["address"] for r in records if r["entity"] == "citizen"}
    assert all(re.fullmatch(r"Thôn \d+, xã Xuân Lương", a) for a in addresses)


def test_villages_of_the_desk_are_used_for_addresses_when_given():
    records = generate(villages=["Thôn Đông", "Thôn Đoài"])
    assert {r["address"] for r in records if r["entity"] == "citizen"} == {
        "Thôn Đông, xã Xuân Lương", "Thôn Đoài, xã Xuân Lương"}


def test_the_desks_own_signers_lead_its_sessions_and_are_not_generated_again():
    records = generate(signers=[{"full_name": "Lê Văn Chủ", "role": "chairman"}])
    assert not [r for r in records if r["entity"] == "signer" and r["role"] == "chairman"]
    state = [r for r in records if r["entity"] == "session" and r["sector"] == "state"]
    assert {r["leader_name"] for r in state} == {"Lê Văn Chủ"}


def test_logbook_and_letter_numbers_run_consecutively_per_unit_and_year():
    records = generate(visits=800)
    for entity, column in (("visit", "logbook_no"), ("letter", "letter_no")):
        numbers = defaultdict(list)
        for r in records:
            if r["entity"] == entity:
                numbers[(r["unit_code"], r["year"])].append(r[column])
        assert numbers
        for found in numbers.values():
            assert found == list(range(1, len(found) + 1))


def test_the_province_scale_spreads_records_over_the_communes_of_the_desks_province():
    generator = Generator(UNIT, "province", visits=50_000, seed=SEED, until=date(2025, 12, 31))
    assert (generator.start, generator.until) == (date(2021, 1, 1), date(2025, 12, 31))
    head = list(itertools.islice(generator.records(), 30_000))
    province = {c.commune_code for c in communes().values() if c.province_code == "24"}
    units = {r["unit_code"] for r in head}
    assert units <= province and len(units) > 90
    signers = [r for r in head if r["entity"] == "signer"]
    assert len(signers) == 4 * len(province)
    visits = [r for r in head if r["entity"] == "visit"]
    assert all(r["address"].endswith(communes()[r["unit_code"]].commune_name.split(" ", 1)[1]) for r in visits)


def test_a_zero_visit_desk_still_has_its_leaders_schedule():
    records = generate(visits=0)
    kinds = Counter(r["entity"] for r in records)
    assert kinds["visit"] == kinds["letter"] == 0
    assert kinds["session"] > 70  # weekly chairman, twice-monthly secretary


@pytest.mark.parametrize("scale", sorted(SCALES))
def test_each_scale_names_its_size(scale):
    assert SCALES[scale].visits == {"commune": 5_000, "province": 1_000_000}[scale]
