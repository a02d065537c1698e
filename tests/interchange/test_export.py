"""Export: the file's layout (header, records in the format's order and key order, trailer) and its stability."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from receptiondesk.errors import UserError
from receptiondesk.interchange.format import ENTITIES, LINK_TABLES
from receptiondesk.services.interchange import export_file
from tests.interchange.edits import lines_of, records_of
from tests.services.helpers import actions

ENTITY_ORDER = ["field", *ENTITIES]


def test_header_and_trailer_frame_the_records(exported):
    lines = lines_of(exported)
    assert lines[0] == '{"format":"receptiondesk-interchange","version":1,"unit_code":"00004"}'
    assert json.loads(lines[-1]) == {"end": True, "records": len(lines) - 2}
    assert len(lines) - 2 == 39


def test_plain_utf8_lines_without_bom_or_escapes(templates):
    raw = templates.exported.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw and raw.endswith(b"\n")
    text = raw.decode("utf-8")
    assert "\\u" not in text
    assert "Nguyễn Văn Đức" in text


def test_records_come_in_entity_order_then_creation_time_then_uuid(exported):
    records = [r for _, r in records_of(exported)]
    ranks = [ENTITY_ORDER.index(r["entity"]) for r in records]
    assert ranks == sorted(ranks)
    for name in ENTITIES:
        keys = [(r["created_at"], r["uuid"]) for r in records if r["entity"] == name]
        assert keys == sorted(keys), name
    counts = {name: sum(1 for r in records if r["entity"] == name) for name in ENTITY_ORDER}
    assert counts == {"field": 9, "signer": 1, "citizen": 6, "case": 9, "session": 1, "visit": 7, "letter": 2,
                      "assignment": 3, "attachment": 1}


def test_keys_follow_the_format_and_no_local_column_leaks(exported):
    for _, record in records_of(exported):
        name = record["entity"]
        if name == "field":
            assert list(record) == ["entity", "code", "name_vi", "name_en", "active"]
            continue
        expected = ["entity", *(spec.key for spec in ENTITIES[name].all_fields)]
        if name in LINK_TABLES:
            expected.append("cases")
        if record.get("identity") is not None:  # a protected person's record says its identity is withheld
            assert name in ("citizen", "visit", "letter") and record["identity"] == "withheld"
            expected.append("identity")
        assert list(record) == expected
        assert not {"id", "seq", "name_folded", "name_sort", "address_folded", "citizen_id"} & record.keys()


def test_records_carry_what_the_services_registered(exported, sample):
    records = {r["uuid"]: r for _, r in records_of(exported) if "uuid" in r}
    delegation = records[sample.visit_delegation]
    assert (delegation["headcount"], delegation["is_delegation"], delegation["came_as"]) == \
        (6, True, "group_representative")
    assert delegation["representatives"] == ["Trần Thị Hoà", "Phạm Văn Bình"]
    assert (delegation["direction"], delegation["in_competence"]) == ("guided", False)
    mixed = records[sample.visit_mixed]
    assert sorted(link["case"] for link in mixed["cases"]) == \
        sorted([sample.case_mixed_complaint, sample.case_mixed_denunciation])
    assert all(link["first_time"] is True for link in mixed["cases"])
    assert records[sample.visit_repeat]["cases"] == [{"case": sample.case_land, "first_time": False}]
    assert records[sample.visit_session]["session"] == sample.session
    assert records[sample.visit_session]["reception_kind"] == "session"
    voided = records[sample.visit_voided]
    assert (voided["voided"], voided["void_reason"]) == (True, "Ghi nhầm người, nhập lại")
    assert voided["voided_at"] == "2026-03-10T09:00:00+07:00"
    heard = {link["case"]: link for link in records[sample.session]["cases"]}
    assert heard[sample.case_session]["conclusion_kind"] == "resolve_now"
    assert heard[sample.case_land] == {"case": sample.case_land, "position": 1, "conclusion_kind": "assign",
                                       "conclusion": "Giao công chức địa chính kiểm tra"}
    told = records[sample.assignment_told]
    assert (told["citizen_told_on"], told["citizen_told_how"], told["session"]) == \
        ("2026-03-10", "phone", sample.session)
    assert records[sample.case_land]["status"] == "informed"
    assert records[sample.letter_post]["citizen"] is None
    attachment = records[sample.attachment]
    assert (attachment["case"], attachment["visit"], attachment["pages"], attachment["original"]) == \
        (sample.case_land, sample.visit_first, 3, True)


def test_exporting_twice_gives_the_same_bytes_and_audits_each_export(source, exported, tmp_path):
    counts = export_file(source.context, tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_text(encoding="utf-8") == exported
    assert counts == {"field": 9, "signer": 1, "citizen": 6, "case": 9, "session": 1, "visit": 7, "letter": 2,
                      "assignment": 3, "attachment": 1}
    assert actions(source).count("interchange.export") == 2  # the template's export and this one
    assert not list(tmp_path.glob("*.part"))


def test_export_into_a_missing_folder_is_refused_and_leaves_nothing(source, tmp_path):
    path = tmp_path / "no-such-folder" / "out.jsonl"
    with pytest.raises(UserError) as caught:
        export_file(source.context, path)
    assert caught.value.code == "interchange.cannot_write"
    assert str(path) in caught.value.render("vi")
    assert not Path(tmp_path / "no-such-folder").exists()
