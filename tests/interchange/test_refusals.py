"""Hostile and broken files: each is refused whole, with the line and key named, and the desk left exactly as it was."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

from receptiondesk.errors import UserError
from receptiondesk.services.interchange import import_file
from tests.interchange.edits import dumps, edit, find, insert_record, lines_of, replace_line
from tests.interchange.sample import table_dump
from tests.services.helpers import no_paper, visit

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
NOWHERE = "00000000-0000-4000-8000-000000000000"


def refuse(desk, path, *, dry_run: bool = False) -> UserError:
    """Import `path`, expect a refusal, and check the desk is unchanged and the message fully rendered."""
    before = table_dump(desk.database.conn)
    with pytest.raises(UserError) as caught:
        import_file(desk.context, path, dry_run=dry_run)
    assert table_dump(desk.database.conn) == before
    assert not desk.database.conn.in_transaction
    for lang in ("vi", "en"):
        text = caught.value.render(lang)
        assert text.strip() and not PLACEHOLDER.search(text), text
    return caught.value


def assert_names(error: UserError, code: str, line: int, key: str | None = None) -> None:
    """The error holds `code` for `line` (and `key`), and both languages say so."""
    found = [p for p in error.problems if p.code == code and p.params.get("line") == line]
    assert found, [(p.code, p.params) for p in error.problems]
    if key is not None:
        assert found[0].params["key"] == key
    vi, en = error.render("vi"), error.render("en")
    assert f"Dòng {line}" in vi or f"dòng {line}" in vi, vi
    assert f"Line {line}" in en or f"line {line}" in en, en
    if key is not None:
        assert f"“{key}”" in vi and f"“{key}”" in en


# -- files that are not whole interchange files -----------------------------------------------

def _zip(content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("export.jsonl", content)
    return buffer.getvalue()


def _as_array(text: str, indent: int | None) -> str:
    return json.dumps([json.loads(line) for line in lines_of(text)], ensure_ascii=False, indent=indent)


OTHER_FORMATS = {
    "empty file": lambda text: b"",
    "csv": lambda text: "uuid,full_name,address\n1,Nguyễn Văn Đức,Thôn 1\n",
    "zip": lambda text: _zip(text.encode()),
    "json array on one line": lambda text: _as_array(text, None),
    "json array over lines": lambda text: _as_array(text, 1),
    "plain text": lambda text: "Sổ tiếp công dân năm 2026\nNguyễn Văn Đức\n",
    "byte-order mark": lambda text: b"\xef\xbb\xbf" + text.encode(),
    "utf-16": lambda text: text.encode("utf-16"),
    "another format name": lambda text: text.replace("receptiondesk-interchange", "other-desk", 1),
    "version as text": lambda text: text.replace('"version":1,', '"version":"1",', 1),
}


@pytest.mark.parametrize("kind", list(OTHER_FORMATS))
def test_another_format_is_refused_whole(target, exported, write, kind):
    path = write("file.jsonl", OTHER_FORMATS[kind](exported))
    error = refuse(target, path)
    assert error.code == "interchange.not_this_format"
    assert str(path) in error.render("vi") and str(path) in error.render("en")
    assert "không thay đổi" in error.render("vi") and "nothing was changed" in error.render("en")


def test_a_newer_format_version_is_refused(target, exported, write):
    error = refuse(target, write("newer.jsonl", exported.replace('"version":1,', '"version":2,', 1)))
    assert error.code == "interchange.newer_version"
    assert error.problems[0].params == {"version": 2, "supported": 1}
    assert "phiên bản 2" in error.render("vi") and "version 2" in error.render("en")


def test_a_file_without_its_trailer_is_truncated(target, exported, write):
    text = "\n".join(lines_of(exported)[:-1]) + "\n"
    error = refuse(target, write("cut.jsonl", text))
    assert error.code == "interchange.truncated"
    assert error.problems[0].params["records"] == 39
    assert "bị cắt cụt" in error.render("vi") and "truncated" in error.render("en")


def test_a_file_cut_in_the_middle_of_a_line_is_refused_at_that_line(target, exported, write):
    raw = exported.encode()
    cut = raw.index(b'"entity":"visit"') + 40
    error = refuse(target, write("cut.jsonl", raw[:cut]))
    line = raw[:cut].count(b"\n") + 1
    assert_names(error, "interchange.not_json", line)


def test_a_trailer_with_another_count_is_refused(target, exported, write):
    lines = lines_of(exported)
    lines[-1] = dumps({"end": True, "records": 38})
    error = refuse(target, write("count.jsonl", "\n".join(lines) + "\n"))
    assert error.code == "interchange.count_mismatch"
    assert error.problems[0].params == {"expected": 38, "found": 39}


def test_data_after_the_trailer_is_refused(target, exported, write):
    error = refuse(target, write("after.jsonl", exported + exported.split("\n")[1] + "\n"))
    assert_names(error, "interchange.after_end", len(lines_of(exported)) + 1)


def test_a_missing_file_is_refused(target, tmp_path):
    error = refuse(target, tmp_path / "missing.jsonl")
    assert error.code == "interchange.file_missing"
    assert str(tmp_path / "missing.jsonl") in error.render("en")


def test_a_line_that_is_not_json_is_refused(target, exported, write):
    line, _ = find(exported, "case")
    error = refuse(target, write("bad.jsonl", replace_line(exported, line, "{'entity': 'case', uuid: 1}")))
    assert_names(error, "interchange.not_json", line)


def test_a_line_that_is_json_but_not_an_object_is_refused(target, exported, write):
    line, _ = find(exported, "case")
    error = refuse(target, write("bad.jsonl", replace_line(exported, line, '["case"]')))
    assert_names(error, "interchange.not_json", line)


def test_a_bad_file_is_refused_by_a_dry_run_too(target, exported, write):
    text, line = edit(exported, "visit", lambda r: r.update(visit_date="2026-13-01"))
    error = refuse(target, write("bad.jsonl", text), dry_run=True)
    assert_names(error, "interchange.bad_date", line, "visit_date")


# -- records that break the format ---------------------------------------------------------

def _drop(key):
    return lambda record: record.pop(key)


def _set(**values):
    return lambda record: record.update(values)


BAD_RECORDS = {
    # name: (entity, change, code, key)
    "malformed date": ("visit", _set(visit_date="10/03/2026"), "interchange.bad_date", "visit_date"),
    "impossible date": ("case", _set(received_on="2026-02-30"), "interchange.bad_date", "received_on"),
    "date as a number": ("assignment", _set(deadline=20260320), "interchange.bad_date", "deadline"),
    "time without offset": ("visit", _set(created_at="2026-03-02T09:00:00"), "interchange.bad_timestamp",
                            "created_at"),
    "unknown enum value": ("case", _set(content_type="lawsuit"), "interchange.bad_choice", "content_type"),
    "unknown enum value in a link": ("session", lambda r: r["cases"][0].update(conclusion_kind="later"),
                                     "interchange.bad_choice", "cases"),
    "enum value in another case": ("visit", _set(channel="In_Person"), "interchange.bad_choice", "channel"),
    "unknown key": ("visit", _set(colour="red"), "interchange.unknown_key", "colour"),
    "unknown entity": ("signer", _set(entity="invoice"), "interchange.unknown_entity", "entity"),
    "no entity": ("signer", _drop("entity"), "interchange.unknown_entity", "entity"),
    "missing required value": ("case", _drop("summary"), "interchange.missing", "summary"),
    "blank required value": ("citizen", _set(full_name="   "), "interchange.missing", "full_name"),
    "null required value": ("visit", _set(visit_date=None), "interchange.missing", "visit_date"),
    "missing uuid": ("letter", _drop("uuid"), "interchange.missing", "uuid"),
    "string for integer": ("visit", _set(headcount="6"), "interchange.bad_integer", "headcount"),
    "float for integer": ("visit", _set(logbook_no=1.0), "interchange.bad_integer", "logbook_no"),
    "boolean for integer": ("attachment", _set(pages=True), "interchange.bad_integer", "pages"),
    "integer out of range": ("citizen", _set(birth_year=1200), "interchange.bad_integer", "birth_year"),
    "integer for boolean": ("citizen", _set(protected=1), "interchange.bad_boolean", "protected"),
    "string for boolean": ("case", _set(flag_complex="false"), "interchange.bad_boolean", "flag_complex"),
    "integer for boolean in a link": ("visit", lambda r: r["cases"][0].update(first_time=1),
                                      "interchange.bad_boolean", "cases"),
    "number for text": ("letter", _set(summary=42), "interchange.not_text", "summary"),
    "text too long": ("citizen", _set(full_name="Nguyễn " * 40), "interchange.too_long", "full_name"),
    "malformed uuid": ("case", _set(citizen="not-a-uuid"), "interchange.bad_uuid", "citizen"),
    "upper-case uuid": ("signer", lambda r: r.update(uuid=r["uuid"].upper()), "interchange.bad_uuid", "uuid"),
    "bad unit code": ("visit", _set(unit_code="Ba Đình"), "interchange.bad_unit", "unit_code"),
    "visit without cases": ("visit", _set(cases=[]), "interchange.bad_links", "cases"),
    "cases not a list": ("visit", _set(cases={"case": NOWHERE}), "interchange.bad_links", "cases"),
    "representatives not a list": ("visit", _set(representatives="Trần Thị Hoà"), "interchange.bad_list",
                                   "representatives"),
    "version zero": ("signer", _set(version=0), "interchange.bad_integer", "version"),
}


@pytest.mark.parametrize("name", list(BAD_RECORDS))
def test_a_bad_record_refuses_the_whole_file(target, exported, write, name):
    entity, change, code, key = BAD_RECORDS[name]
    text, line = edit(exported, entity, change)
    error = refuse(target, write("bad.jsonl", text))
    assert_names(error, code, line, key)


def test_a_bad_enum_value_is_quoted_with_the_allowed_ones(target, exported, write):
    text, line = edit(exported, "case", _set(content_type="lawsuit"))
    error = refuse(target, write("bad.jsonl", text))
    for lang in ("vi", "en"):
        assert "lawsuit" in error.render(lang)
        assert "complaint, denunciation, petition, report" in error.render(lang)


def test_every_bad_line_is_named(target, exported, write):
    text, first = edit(exported, "citizen", _set(gender="unknown"))
    text, second = edit(text, "assignment", _set(assigned_on="hôm qua"))
    error = refuse(target, write("bad.jsonl", text))
    assert_names(error, "interchange.bad_choice", first, "gender")
    assert_names(error, "interchange.bad_date", second, "assigned_on")


def test_a_uuid_twice_is_refused(target, exported, write):
    line, citizen = find(exported, "citizen")
    twin = dict(citizen, full_name="Người Khác", id_number=None, id_type="none")
    text, twin_line = insert_record(exported, line + 1, twin)
    error = refuse(target, write("twice.jsonl", text))
    assert_names(error, "interchange.duplicate_uuid", twin_line, "uuid")
    problem = next(p for p in error.problems if p.code == "interchange.duplicate_uuid")
    assert problem.params["first"] == line
    assert f"dòng {line}" in error.render("vi") and f"line {line}" in error.render("en")


def test_a_uuid_shared_by_two_entities_is_refused(target, exported, write):
    _, citizen = find(exported, "citizen")
    text, line = edit(exported, "case", _set(uuid=citizen["uuid"]))
    error = refuse(target, write("twice.jsonl", text))
    assert_names(error, "interchange.duplicate_uuid", line, "uuid")


@pytest.mark.parametrize("entity, key, change", [
    ("visit", "citizen", _set(citizen=NOWHERE)),
    ("case", "citizen", _set(citizen=NOWHERE)),
    ("visit", "session", _set(session=NOWHERE)),
    ("visit", "cases", lambda r: r["cases"][0].update(case=NOWHERE)),
    ("session", "cases", lambda r: r["cases"][0].update(case=NOWHERE)),
    ("letter", "case", _set(case=NOWHERE)),
    ("assignment", "case", _set(case=NOWHERE)),
    ("attachment", "visit", _set(visit=NOWHERE)),
], ids=["visit.citizen", "case.citizen", "visit.session", "visit.cases", "session.cases", "letter.case",
        "assignment.case", "attachment.visit"])
def test_a_reference_to_a_record_that_does_not_exist_is_refused(target, exported, write, entity, key, change):
    text, line = edit(exported, entity, change)
    error = refuse(target, write("dangling.jsonl", text))
    assert_names(error, "interchange.unknown_reference", line, key)
    assert NOWHERE in error.render("vi") and NOWHERE in error.render("en")


def test_a_reference_to_a_record_of_another_entity_is_refused(target, exported, write):
    _, case = find(exported, "case")
    text, line = edit(exported, "visit", _set(citizen=case["uuid"]))
    error = refuse(target, write("dangling.jsonl", text))
    assert_names(error, "interchange.unknown_reference", line, "citizen")


def test_a_reference_to_a_record_the_desk_holds_is_accepted(target, exported, templates, sample, write):
    """Only the citizen and the case are in the second file: the letter refers to them in the desk."""
    import_file(target.context, templates.exported)
    header = lines_of(exported)[0]
    _, letter = find(exported, "letter", uuid=sample.letter_forwarded)
    letter.update(uuid="11111111-1111-4111-8111-111111111111", letter_no=9, version=1)
    path = write("letter.jsonl", "\n".join([header, dumps(letter), dumps({"end": True, "records": 1})]) + "\n")
    report = import_file(target.context, path)
    assert report.by_entity() == {"letter": {"new": 1}}
    assert target.logbook.letters()[0]["case_uuid"] == letter["case"]


def test_a_case_in_an_unknown_field_is_refused(target, exported, write):
    text, line = edit(exported, "case", _set(field_code="astrology"))
    error = refuse(target, write("field.jsonl", text))
    assert_names(error, "interchange.unknown_field", line, "field_code")
    assert "astrology" in error.render("vi")


def test_a_new_field_in_the_file_is_added_and_may_be_used(target, exported, write):
    header, *rest = lines_of(exported)
    extra = dumps({"entity": "field", "code": "transport", "name_vi": "Giao thông", "name_en": "Transport",
                   "active": True})
    text, _ = edit("\n".join([header, extra, *rest]) + "\n", "case", _set(field_code="transport"))
    lines = lines_of(text)
    lines[-1] = dumps({"end": True, "records": 40})
    report = import_file(target.context, write("field.jsonl", "\n".join(lines) + "\n"))
    assert report.by_entity()["field"] == {"new": 1, "unchanged": 9}
    assert ("transport", "Giao thông", "Transport", 1) in \
        [tuple(r) for r in target.database.query("SELECT code, name_vi, name_en, active FROM fields")]


def test_a_bad_line_at_the_end_undoes_everything_already_applied(source, exported, sample, write):
    """A new attachment (the last entity) refers to nowhere; the newer visit written before it must not stay."""
    text, _ = edit(exported, "visit", lambda r: r.update(summary="Không được lưu", version=r["version"] + 1),
                   uuid=sample.visit_first)
    text, line = edit(text, "attachment", _set(visit=NOWHERE, uuid="22222222-2222-4222-8222-222222222222"))
    error = refuse(source, write("late.jsonl", text))
    assert_names(error, "interchange.unknown_reference", line, "visit")
    assert source.logbook.get_visit(sample.visit_first)["summary"] == "Khiếu nại việc cấp giấy chứng nhận đất"


def test_a_database_error_inside_the_import_still_leaves_the_desk_unchanged(target, templates):
    """Whatever stops the import half-way, its transaction is rolled back."""
    target.intake.register_visit(visit(when="2026-03-01", who=no_paper("Khách Của Bàn Này")))
    before = table_dump(target.database.conn)
    with pytest.raises(Exception):  # noqa: B017 - see the strict xfail below for the error it should be
        import_file(target.context, templates.exported)
    assert table_dump(target.database.conn) == before
    assert not target.database.conn.in_transaction


# -- known gaps: each is a file the format forbids that is not refused cleanly -----------------

def test_an_iso_week_date_is_refused(target, exported, write):
    text, line = edit(exported, "visit", _set(visit_date="2026-W10-2"))
    error = refuse(target, write("week.jsonl", text))
    assert_names(error, "interchange.bad_date", line, "visit_date")


@pytest.mark.parametrize("entity, key, change", [
    ("case", "content_type", _set(content_type=["complaint"])),
    ("session", "status", _set(status={"value": "held"})),
    ("session", "cases", lambda r: r["cases"][0].update(conclusion_kind=["assign"])),
], ids=["list", "object", "list-in-link"])
def test_an_enum_given_as_a_list_or_object_is_refused(target, exported, write, entity, key, change):
    text, line = edit(exported, entity, change)
    error = refuse(target, write("enum.jsonl", text))
    assert_names(error, "interchange.bad_choice", line, key)


def test_an_unknown_key_in_a_link_is_refused(target, exported, write):
    text, line = edit(exported, "visit", lambda r: r["cases"][0].update(weight=3))
    error = refuse(target, write("link.jsonl", text))
    assert_names(error, "interchange.unknown_key", line)


@pytest.mark.parametrize("change, code, key", [
    (_set(colour="red"), "interchange.unknown_key", "colour"),
    (_set(active="no"), "interchange.bad_boolean", "active"),
], ids=["unknown-key", "text-for-boolean"])
def test_a_bad_field_record_is_refused(target, exported, write, change, code, key):
    text, line = edit(exported, "field", change)
    error = refuse(target, write("field.jsonl", text))
    assert_names(error, code, line, key)


def test_a_case_source_outside_the_format_is_refused(target, exported, write):
    text, line = edit(exported, "case", _set(source="fax"))
    error = refuse(target, write("source.jsonl", text))
    assert any(p.params.get("line") == line and p.params.get("key") == "source" for p in error.problems)


def test_two_visits_with_one_logbook_number_are_refused(target, exported, write):
    first, _ = find(exported, "visit", logbook_no=1)
    text, second = edit(exported, "visit", _set(logbook_no=1), logbook_no=2)
    error = refuse(target, write("numbers.jsonl", text))
    assert any(p.params.get("line") in (first, second) and p.params.get("key") == "logbook_no"
               for p in error.problems), [(p.code, p.params) for p in error.problems]


def test_a_logbook_number_the_desk_already_used_is_refused(target, exported, write):
    target.intake.register_visit(visit(when="2026-03-01", who=no_paper("Khách Của Bàn Này")))
    line, _ = find(exported, "visit", logbook_no=1)
    error = refuse(target, write("numbers.jsonl", exported))
    assert any(p.params.get("line") == line and p.params.get("key") == "logbook_no" for p in error.problems)
