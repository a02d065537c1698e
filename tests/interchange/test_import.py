"""Import: round trips, idempotence, newer and older versions, voids, logbook numbers and dry runs."""

from __future__ import annotations

import json
import unicodedata

import pytest

from receptiondesk.services.integrity import check_database
from receptiondesk.services.interchange import export_file, import_file
from receptiondesk.storage.listing import ListRequest
from tests.interchange.edits import bump, edit, find
from tests.interchange.sample import table_dump
from tests.services.helpers import audit, counts, letter, no_paper, row, visit

RECORD_TABLES = ("signers", "citizens", "cases", "sessions", "visits", "letters", "assignments", "attachments")
ALL_NEW = {"field": {"unchanged": 9}, "signer": {"new": 1}, "citizen": {"new": 6}, "case": {"new": 9},
           "session": {"new": 1}, "visit": {"new": 7}, "letter": {"new": 2}, "assignment": {"new": 3},
           "attachment": {"new": 1}}
ALL_UNCHANGED = {name: {"unchanged": sum(c.values())} for name, c in ALL_NEW.items()}


def _records_by_uuid(desk, table: str) -> dict[str, dict]:
    """The rows of a record table keyed by UUID, without the columns each desk numbers for itself."""
    rows = {}
    for r in desk.database.query(f"SELECT * FROM {table}"):
        values = dict(r)
        for local in ("id", "seq", "citizen_id", "case_id", "session_id", "visit_id",
                      "sealed_identity", "blind_name", "blind_id", "blind_phone"):  # each desk seals with its own key
            values.pop(local, None)
        rows[values["uuid"]] = values
    return rows


def _without_audit(dump: dict) -> dict:
    return {table: rows for table, rows in dump.items() if table != "audit_log"}


def test_export_import_export_is_byte_identical(source, target, templates, tmp_path):
    report = import_file(target.context, templates.exported)
    assert report.by_entity() == ALL_NEW
    assert report.totals() == {"new": 30, "updated": 0, "unchanged": 9, "rejected": 0}
    assert report.rejections == []
    export_file(target.context, tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_bytes() == templates.exported.read_bytes()


def test_imported_records_equal_the_originals(source, target, templates, sample):
    import_file(target.context, templates.exported)
    for table in RECORD_TABLES:
        assert _records_by_uuid(target, table) == _records_by_uuid(source, table), table
    # Links are rebuilt with the importing desk's own row ids.
    heard = target.sessions.cases_heard(sample.session)
    assert [(h["uuid"], h["conclusion_kind"]) for h in heard] == \
        [(sample.case_session, "resolve_now"), (sample.case_land, "assign")]
    assert sorted(target.logbook.get_visit(sample.visit_mixed)["case_uuids"]) == \
        sorted([sample.case_mixed_complaint, sample.case_mixed_denunciation])
    assert target.logbook.get_visit(sample.visit_repeat)["first_time"] == 0
    assert target.followup.get(sample.assignment_told)["session_uuid"] == sample.session
    assert target.cases.attachments(sample.case_land) == source.cases.attachments(sample.case_land)
    assert target.cases.get(sample.case_land)["citizen_name"] == "Nguyễn Văn Đức"


def test_imported_records_are_searchable_and_the_file_is_sound(target, templates, sample):
    import_file(target.context, templates.exported)
    assert [r["uuid"] for r in target.logbook.search("tran thi hoa")] == [sample.visit_delegation]
    assert {r["uuid"] for r in target.cases.list(ListRequest({"match": "hoang van son"}))} == \
        {sample.case_mixed_denunciation}
    # Lê Thị Mai brought a denunciation: she is protected, and no case of hers is found by her name.
    assert target.cases.list(ListRequest({"match": "Lê Thị Mai"})) == []
    assert check_database(target.context) == []


def test_a_second_import_changes_nothing_but_its_audit_row(target, templates):
    import_file(target.context, templates.exported)
    before = table_dump(target.database.conn)
    before_counts = counts(target)

    report = import_file(target.context, templates.exported)

    assert report.by_entity() == ALL_UNCHANGED
    assert report.totals() == {"new": 0, "updated": 0, "unchanged": 39, "rejected": 0}
    after = table_dump(target.database.conn)
    assert _without_audit(after) == _without_audit(before)
    new_audit = [r for r in after["audit_log"] if r not in before["audit_log"]]
    assert [r[3] for r in new_audit] == ["interchange.import"]
    assert counts(target)["change_seq"] == before_counts["change_seq"]
    detail = audit(target, action="interchange.import")[-1]["detail"]
    assert detail == {"file": templates.exported.name, "unit": "00004", "new": 0, "updated": 0, "unchanged": 39,
                      "rejected": 0}


def test_importing_its_own_export_changes_nothing(source, templates):
    before = _without_audit(table_dump(source.database.conn))
    report = import_file(source.context, templates.exported)
    assert report.totals()["unchanged"] == 39
    assert _without_audit(table_dump(source.database.conn)) == before


def test_dry_run_counts_but_changes_nothing(target, templates):
    before = table_dump(target.database.conn)
    report = import_file(target.context, templates.exported, dry_run=True)
    assert report.dry_run is True
    assert report.by_entity() == ALL_NEW
    assert report.as_dict()["dry_run"] is True
    assert table_dump(target.database.conn) == before
    assert not target.database.conn.in_transaction
    # The real import afterwards does what the dry run announced.
    assert import_file(target.context, templates.exported).by_entity() == ALL_NEW


def _edited_import(target, templates, write, entity, match, changes):
    """Import the export, then an edited copy where one record is a newer version with `changes`."""
    import_file(target.context, templates.exported)
    text, line = edit(templates.exported.read_text(encoding="utf-8"), entity, lambda r: bump(r, **changes), **match)
    return write("edited.jsonl", text), line


EDITS = {
    "visit": ("visits", "visit_mixed", {"summary": "Nội dung đã sửa về hàng rào"}, "summary"),
    "citizen": ("citizens", "citizen_duc", {"phone": "0911222333"}, "phone"),
    "case": ("cases", "case_mixed_denunciation", {"respondent_name": "Hoàng Văn Sơn Em"}, "respondent_name"),
    "assignment": ("assignments", "assignment_open", {"result": "Đã xác minh xong"}, "result"),
    "session": ("sessions", "session", {"notes": "Có biên bản"}, "notes"),
}


@pytest.mark.parametrize("entity", sorted(EDITS))
def test_a_newer_version_updates_exactly_that_field(target, templates, sample, write, entity):
    table, attribute, changes, column = EDITS[entity]
    uuid = getattr(sample, attribute)
    path, _ = _edited_import(target, templates, write, entity, {"uuid": uuid}, changes)
    before = row(target, table, uuid)
    others_before = {t: _records_by_uuid(target, t) for t in RECORD_TABLES}

    report = import_file(target.context, path)

    expected = dict(ALL_UNCHANGED)
    held = ALL_UNCHANGED[entity]["unchanged"]
    expected[entity] = {"updated": 1, "unchanged": held - 1} if held > 1 else {"updated": 1}
    assert report.by_entity() == expected
    after = row(target, table, uuid)
    assert {k for k in after if after[k] != before[k]} == {column, "version", "seq"}
    assert (after[column], after["version"]) == (changes[column], before["version"] + 1)
    assert after["seq"] > before["seq"]
    for t in RECORD_TABLES:
        others_after = _records_by_uuid(target, t)
        others_after.pop(uuid, None)
        others_before[t].pop(uuid, None)
        assert others_after == others_before[t], t


def test_an_updated_visit_is_found_by_its_new_words_only(target, templates, sample, write):
    path, _ = _edited_import(target, templates, write, "visit", {"uuid": sample.visit_mixed},
                             {"summary": "Tranh chấp hàng rào với nhà bên cạnh"})
    import_file(target.context, path)
    assert [r["uuid"] for r in target.logbook.search("hang rao")] == [sample.visit_mixed]
    assert target.logbook.search("thu hoi dat va to cao") == []
    assert sorted(target.logbook.get_visit(sample.visit_mixed)["case_uuids"]) == \
        sorted([sample.case_mixed_complaint, sample.case_mixed_denunciation])
    assert check_database(target.context) == []


def test_a_newer_session_replaces_its_list_of_cases_heard(target, templates, sample, write):
    def change(record):
        record["cases"] = [{"case": sample.case_land, "position": 0, "conclusion_kind": "pending",
                            "conclusion": "Chờ xác minh thêm"}]
        record["version"] += 1

    import_file(target.context, templates.exported)
    text, _ = edit(templates.exported.read_text(encoding="utf-8"), "session", change, uuid=sample.session)
    import_file(target.context, write("edited.jsonl", text))
    heard = target.sessions.cases_heard(sample.session)
    assert [(h["uuid"], h["conclusion_kind"], h["conclusion"]) for h in heard] == \
        [(sample.case_land, "pending", "Chờ xác minh thêm")]


def test_a_newer_restore_epoch_wins_over_a_higher_counter(target, templates, sample, write):
    import_file(target.context, templates.exported)
    text, _ = edit(templates.exported.read_text(encoding="utf-8"), "citizen",
                   lambda r: r.update(epoch=1, version=1, address="Thôn 9"), uuid=sample.citizen_duc)
    report = import_file(target.context, write("epoch.jsonl", text))
    assert report.by_entity()["citizen"] == {"updated": 1, "unchanged": 5}
    stored = row(target, "citizens", sample.citizen_duc)
    assert (stored["epoch"], stored["version"], stored["address"]) == (1, 1, "Thôn 9")


def test_an_older_version_never_overwrites_and_is_reported_with_its_line(target, templates, sample, write):
    path, _ = _edited_import(target, templates, write, "visit", {"uuid": sample.visit_mixed},
                             {"summary": "Bản mới hơn"})
    import_file(target.context, path)
    before = table_dump(target.database.conn)
    line, _ = find(templates.exported.read_text(encoding="utf-8"), "visit", uuid=sample.visit_mixed)

    report = import_file(target.context, templates.exported)

    assert report.by_entity()["visit"] == {"rejected": 1, "unchanged": 6}
    assert report.totals() == {"new": 0, "updated": 0, "unchanged": 38, "rejected": 1}
    assert report.rejections == [{"code": "interchange.older_version",
                                  "params": {"line": line, "key": "version", "uuid": sample.visit_mixed}}]
    assert row(target, "visits", sample.visit_mixed)["summary"] == "Bản mới hơn"
    assert _without_audit(table_dump(target.database.conn)) == _without_audit(before)
    assert report.as_dict()["rejections"] == report.rejections
    json.dumps(report.as_dict())  # the report is plain JSON data


def test_voids_travel(source, target, templates, sample, tmp_path):
    import_file(target.context, templates.exported)
    assert row(target, "visits", sample.visit_voided)["voided"] == 1
    assert sample.visit_voided not in {r["uuid"] for r in target.logbook.visits()}

    source.voiding.void("letter", sample.letter_post, "Đơn trùng, đã nhận trước đó")
    source.voiding.void("assignment", sample.assignment_open, "Giao nhầm người thực hiện")
    export_file(source.context, tmp_path / "second.jsonl")
    report = import_file(target.context, tmp_path / "second.jsonl")

    assert report.by_entity()["letter"] == {"updated": 1, "unchanged": 1}
    assert report.by_entity()["assignment"] == {"updated": 1, "unchanged": 2}
    assert report.totals()["updated"] == 2
    voided = row(target, "letters", sample.letter_post)
    assert (voided["voided"], voided["void_reason"], voided["voided_at"]) == \
        (1, "Đơn trùng, đã nhận trước đó", "2026-03-10T09:00:00+07:00")
    assert [r["uuid"] for r in target.logbook.letters()] == [sample.letter_forwarded]
    assert {r["uuid"] for r in target.logbook.letters(ListRequest(include_voided=True))} == \
        {sample.letter_post, sample.letter_forwarded}
    assert sample.assignment_open not in {r["uuid"] for r in target.followup.list(ListRequest())}


def test_logbook_and_letter_numbers_are_kept_and_new_ones_follow(source, target, templates):
    import_file(target.context, templates.exported)
    numbers = "SELECT uuid, unit_code, year, logbook_no FROM visits ORDER BY logbook_no"
    assert [tuple(r) for r in target.database.query(numbers)] == [tuple(r) for r in source.database.query(numbers)]
    letters = "SELECT uuid, letter_no FROM letters ORDER BY letter_no"
    assert [tuple(r) for r in target.database.query(letters)] == [tuple(r) for r in source.database.query(letters)]

    new_visit = target.intake.register_visit(visit(who=no_paper("Khách Mới Đến")))
    new_letter = target.intake.register_letter(letter())

    assert (new_visit.year, new_visit.logbook_no) == (2026, 8)
    assert (new_letter.year, new_letter.letter_no) == (2026, 3)
    assert check_database(target.context) == []


def test_decomposed_text_is_stored_composed_and_found(target, templates, sample, write):
    text, _ = edit(templates.exported.read_text(encoding="utf-8"), "visit",
                   lambda r: r.update(full_name=unicodedata.normalize("NFD", r["full_name"])),
                   uuid=sample.visit_delegation)
    assert not unicodedata.is_normalized("NFC", find(text, "visit", uuid=sample.visit_delegation)[1]["full_name"])
    import_file(target.context, write("nfd.jsonl", text))
    stored = row(target, "visits", sample.visit_delegation)["full_name"]
    assert stored == "Trần Thị Hoà" and unicodedata.is_normalized("NFC", stored)
    assert [r["uuid"] for r in target.logbook.search("Trần Thị Hoà")] == [sample.visit_delegation]
