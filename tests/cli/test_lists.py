"""The read commands (search, visits, letters, cases, sessions, assignments): filters, sorts, tables and JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from receptiondesk.domain.accounts import MASKED_NAME

from receptiondesk.domain.text import name_sort_key
from receptiondesk.storage.listing import ListRequest
from tests.cli.helpers import assert_rendered, service, table_uuids
from tests.interchange.sample import LONG_SUMMARY


def _visits(filters=None, sort="newest", voided=False, limit=100, offset=0):
    return lambda d: d.logbook.visits(ListRequest(filters or {}, sort, voided), limit, offset)


def _letters(filters=None, sort="newest"):
    return lambda d: d.logbook.letters(ListRequest(filters or {}, sort, False))


def _cases(filters=None, sort="newest", overdue=False):
    def call(d):
        chosen = dict(filters or {})
        if overdue:
            chosen["overdue_on"] = d.context.today()
        return d.cases.list(ListRequest(chosen, sort, False))
    return call


def _sessions(filters=None, sort="newest"):
    return lambda d: d.sessions.list(ListRequest(filters or {}, sort, False))


def _assignments(filters=None, sort="deadline", overdue=False):
    def call(d):
        chosen = dict(filters or {})
        if overdue:
            chosen["overdue_on"] = d.context.today()
        return d.followup.list(ListRequest(chosen, sort, False))
    return call


VISITS_NEWEST = ["visit_repeat", "visit_session", "visit_online", "visit_mixed", "visit_delegation", "visit_first"]

#: name: (arguments, the same request to the services, the records expected: a list in order or a set)
COMMANDS = {
    "search": (["search", "nguyen van duc"], lambda d: d.logbook.search("nguyen van duc"),
               ["visit_repeat", "visit_first"]),
    "search with diacritics": (["search", "Nguyễn Văn Đức"], lambda d: d.logbook.search("Nguyễn Văn Đức"),
                               ["visit_repeat", "visit_first"]),
    "search address": (["search", "thôn 6"], lambda d: d.logbook.search("thôn 6"), ["visit_session"]),
    "search skips voided": (["search", "ghi nham"], lambda d: d.logbook.search("ghi nham"), []),
    "search voided": (["search", "ghi nham", "--include-voided"],
                      lambda d: d.logbook.search("ghi nham", include_voided=True), ["visit_voided"]),
    "search paging": (["search", "nguyen van duc", "--limit", "1", "--offset", "1"],
                      lambda d: d.logbook.search("nguyen van duc", limit=1, offset=1), ["visit_first"]),
    "visits": (["visits"], _visits(), VISITS_NEWEST),
    "visits oldest": (["visits", "--sort", "oldest"], _visits(sort="oldest"), VISITS_NEWEST[::-1]),
    "visits logbook": (["visits", "--sort", "logbook", "--include-voided"], _visits(sort="logbook", voided=True),
                       ["visit_voided", "visit_repeat", "visit_session", "visit_online", "visit_mixed",
                        "visit_delegation", "visit_first"]),
    # Lê Thị Mai (visit_mixed) brought a denunciation: her masked name sorts after every real one.
    "visits name": (["visits", "--sort", "name"], _visits(sort="name"),
                    ["visit_first", "visit_repeat", "visit_delegation", "visit_session", "visit_online",
                     "visit_mixed"]),
    "visits paging": (["visits", "--limit", "2", "--offset", "1"], _visits(limit=2, offset=1),
                      ["visit_session", "visit_online"]),
    "visits dates": (["visits", "--from", "2026-03-03", "--to", "2026-03-04"],
                     _visits({"date_from": "2026-03-03", "date_to": "2026-03-04"}),
                     {"visit_delegation", "visit_mixed", "visit_online"}),
    "visits year": (["visits", "--year", "2026"], _visits({"year": 2026}), VISITS_NEWEST),
    "visits other year": (["visits", "--year", "2025"], _visits({"year": 2025}), []),
    "visits session kind": (["visits", "--kind", "session"], _visits({"reception_kind": "session"}),
                            ["visit_session"]),
    "visits routine kind": (["visits", "--kind", "routine"], _visits({"reception_kind": "routine"}),
                            {"visit_repeat", "visit_online", "visit_mixed", "visit_delegation", "visit_first"}),
    "visits channel": (["visits", "--channel", "online"], _visits({"channel": "online"}), ["visit_online"]),
    "visits direction": (["visits", "--direction", "guided"], _visits({"direction": "guided"}),
                         ["visit_delegation"]),
    "visits answered": (["visits", "--direction", "answered"], _visits({"direction": "answered"}),
                        ["visit_online"]),
    "visits content type": (["visits", "--content-type", "denunciation"], _visits({"content_type": "denunciation"}),
                            ["visit_mixed"]),
    "visits field": (["visits", "--field", "environment"], _visits({"field_code": "environment"}),
                     ["visit_online", "visit_delegation"]),
    "visits repeat": (["visits", "--first-time", "no"], _visits({"first_time": False}), ["visit_repeat"]),
    "visits first time": (["visits", "--first-time", "yes"], _visits({"first_time": True}),
                          {"visit_session", "visit_online", "visit_mixed", "visit_delegation", "visit_first"}),
    "visits delegation": (["visits", "--delegation", "có"], _visits({"is_delegation": True}), ["visit_delegation"]),
    "visits outside competence": (["visits", "--in-competence", "no"], _visits({"in_competence": False}),
                                  ["visit_delegation"]),
    # A protected person's ID number is not in the logbook's plain columns: the filter cannot find her.
    "visits id number": (["visits", "--id-number", "001190023456"], _visits({"id_number": "001190023456"}), []),
    "visits of a session": (["visits", "--session", "{session}"], None, ["visit_session"]),
    "visits of a citizen": (["visits", "--citizen", "{citizen_duc}"], None, ["visit_repeat", "visit_first"]),
    "visits of a case": (["visits", "--case", "{case_land}"], None, ["visit_repeat", "visit_first"]),
    "visits voided too": (["visits", "--include-voided"], _visits(voided=True),
                          ["visit_voided", *VISITS_NEWEST]),
    "letters": (["letters"], _letters(), ["letter_forwarded", "letter_post"]),
    "letters oldest": (["letters", "--sort", "oldest"], _letters(sort="oldest"), ["letter_post", "letter_forwarded"]),
    "letters channel": (["letters", "--channel", "forwarded"], _letters({"channel": "forwarded"}),
                        ["letter_forwarded"]),
    "letters dates": (["letters", "--from", "2026-03-06"], _letters({"received_from": "2026-03-06"}), []),
    "letters year": (["letters", "--year", "2026", "--to", "2026-03-05"],
                     _letters({"year": 2026, "received_to": "2026-03-05"}), {"letter_forwarded", "letter_post"}),
    "cases": (["cases"], _cases(), None),
    "cases content type": (["cases", "--content-type", "denunciation"], _cases({"content_type": "denunciation"}),
                           {"case_mixed_denunciation", "case_letter"}),
    "cases field": (["cases", "--field", "corruption"], _cases({"field_code": "corruption"}),
                    {"case_mixed_denunciation", "case_letter"}),
    "cases status": (["cases", "--status", "informed"], _cases({"status": "informed"}),
                     {"case_land", "case_online"}),
    "cases direction": (["cases", "--direction", "guided"], _cases({"direction": "guided"}), {"case_petition"}),
    "cases received": (["cases", "--from", "2026-03-05", "--to", "2026-03-05"],
                       _cases({"received_from": "2026-03-05", "received_to": "2026-03-05"}),
                       {"case_letter", "case_forwarded"}),
    "cases overdue": (["cases", "--overdue"], _cases(overdue=True), None),
    "cases due": (["cases", "--sort", "due"], _cases(sort="due"), None),
    "cases oldest": (["cases", "--sort", "oldest"], _cases(sort="oldest"), None),
    "cases match": (["cases", "--match", "dia chinh"], _cases({"match": "dia chinh"}),
                    {"case_mixed_denunciation", "case_letter"}),
    "cases match diacritics": (["cases", "--match", "địa chính"], _cases({"match": "địa chính"}),
                               {"case_mixed_denunciation", "case_letter"}),
    "cases match respondent": (["cases", "--match", "Hoàng Văn Sơn"], _cases({"match": "Hoàng Văn Sơn"}),
                               {"case_mixed_denunciation"}),
    "cases match citizen": (["cases", "--match", "le thi mai"], _cases({"match": "le thi mai"}), set()),
    "sessions": (["sessions"], _sessions(), ["session"]),
    "sessions held": (["sessions", "--status", "held", "--sector", "state", "--kind", "scheduled"],
                      _sessions({"status": "held", "sector": "state", "kind": "scheduled"}), ["session"]),
    "sessions party": (["sessions", "--sector", "party"], _sessions({"sector": "party"}), []),
    "sessions dialogue": (["sessions", "--kind", "dialogue"], _sessions({"kind": "dialogue"}), []),
    "sessions planned": (["sessions", "--status", "planned"], _sessions({"status": "planned"}), []),
    "sessions dates": (["sessions", "--from", "2026-03-06", "--to", "2026-03-06", "--sort", "oldest"],
                       _sessions({"date_from": "2026-03-06", "date_to": "2026-03-06"}, "oldest"), ["session"]),
    "assignments": (["assignments"], _assignments(),
                    ["assignment_not_told", "assignment_told", "assignment_open"]),
    "assignments newest": (["assignments", "--sort", "newest"], _assignments(sort="newest"),
                           ["assignment_not_told", "assignment_open", "assignment_told"]),
    "assignments open": (["assignments", "--open", "yes"], _assignments({"open": True}), ["assignment_open"]),
    "assignments done": (["assignments", "--open", "no"], _assignments({"open": False}),
                         ["assignment_not_told", "assignment_told"]),
    "assignments overdue": (["assignments", "--overdue"], _assignments(overdue=True), None),
    "assignments not told": (["assignments", "--not-told"], _assignments({"citizen_not_told": True}),
                             ["assignment_not_told"]),
    "assignments assignee": (["assignments", "--assignee", "Phó Chủ tịch UBND"],
                             _assignments({"assignee": "Phó Chủ tịch UBND"}), ["assignment_open"]),
    "assignments of a case": (["assignments", "--case", "{case_land}"], None, ["assignment_told"]),
    "assignments of a session": (["assignments", "--session", "{session}"], None, ["assignment_told"]),
}

#: The requests of the commands that name a record by UUID, once the sample's UUIDs are known.
BY_UUID = {
    "visits of a session": lambda s: _visits({"session": s.session}),
    "visits of a citizen": lambda s: _visits({"citizen": s.citizen_duc}),
    "visits of a case": lambda s: _visits({"case": s.case_land}),
    "assignments of a case": lambda s: _assignments({"case": s.case_land}),
    "assignments of a session": lambda s: _assignments({"session": s.session}),
}


def _resolve(name, sample):
    arguments, call, expected = COMMANDS[name]
    names = asdict(sample)
    arguments = [a.format(**names) for a in arguments]
    if call is None:
        call = BY_UUID[name](sample)
    if isinstance(expected, list):
        expected = [names[e] for e in expected]
    elif isinstance(expected, set):
        expected = {names[e] for e in expected}
    return arguments, call, expected


def _check_expected(uuids, expected):
    if isinstance(expected, list):
        assert uuids == expected
    elif isinstance(expected, set):
        assert set(uuids) == expected and len(uuids) == len(expected)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_json_output_equals_the_services(run, desk_dir, sample, name):
    arguments, call, expected = _resolve(name, sample)
    result = run("--data-dir", desk_dir, *arguments, "--json")
    assert (result.code, result.err) == (0, "")
    rows = json.loads(result.out)
    assert rows == service(desk_dir, call)
    _check_expected([r["uuid"] for r in rows], expected)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_table_output_lists_the_same_records(run, desk_dir, sample, name):
    arguments, call, expected = _resolve(name, sample)
    result = run("--data-dir", desk_dir, *arguments)
    assert (result.code, result.err) == (0, "")
    wanted = [r["uuid"] for r in service(desk_dir, call)]
    assert table_uuids(result.out) == wanted
    assert result.out.splitlines()[-1] == f"({len(wanted)} dòng)"
    assert "field." not in result.out
    _check_expected(table_uuids(result.out), expected)


def test_derived_lists_are_not_empty(run, desk_dir, sample):
    """The lists whose contents depend on today's date still show what the sample makes certain."""
    overdue = json.loads(run("--data-dir", desk_dir, "cases", "--overdue", "--json").out)
    assert sample.case_mixed_complaint in {r["uuid"] for r in overdue}  # due 03/04/2026
    assert not {sample.case_land, sample.case_online} & {r["uuid"] for r in overdue}  # informed
    late = json.loads(run("--data-dir", desk_dir, "assignments", "--overdue", "--json").out)
    assert [r["uuid"] for r in late] == [sample.assignment_open]  # the only one without a result
    due = [r["due_date"] for r in json.loads(run("--data-dir", desk_dir, "cases", "--sort", "due", "--json").out)]
    assert due == sorted(due, key=lambda d: (d is not None, d))


def test_name_order_is_vietnamese_name_order(run, desk_dir):
    rows = json.loads(run("--data-dir", desk_dir, "visits", "--sort", "name", "--json").out)
    names = [r["full_name"] for r in rows]
    real = [n for n in names if n != MASKED_NAME]
    assert real == sorted(real, key=name_sort_key) and names[len(real):] == [MASKED_NAME]
    assert real[0] == "Nguyễn Văn Đức" and real[-1] == "Đỗ Quang Vinh"


VISIT_TABLE = {
    "vi": (["Số", "Ngày tiếp", "Họ và tên", "Nội dung vụ việc", "Loại nội dung", "Số người", "Hướng xử lý", "UUID"],
           ["2/2026", "03/03/2026", "Trần Thị Hoà", "Kiến nghị", "6", "Hướng dẫn"], "Khiếu nại, Tố cáo", "(6 dòng)"),
    "en": (["No.", "Visit date", "Full name", "Content", "Content type", "Number of persons", "Direction", "UUID"],
           ["2/2026", "03/03/2026", "Trần Thị Hoà", "Petition", "6", "Guided"], "Complaint, Denunciation", "(6 rows)"),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_logbook_table_in_each_language(run, desk_dir, sample, lang):
    headers, delegation_cells, mixed_types, footer = VISIT_TABLE[lang]
    result = run("--data-dir", desk_dir, "--lang", lang, "visits")
    assert result.code == 0
    lines = result.out.splitlines()
    for header in headers:
        assert header in lines[0]
    delegation = next(line for line in lines if line.endswith(sample.visit_delegation))
    for cell in delegation_cells:
        assert cell in delegation
    assert mixed_types in next(line for line in lines if line.endswith(sample.visit_mixed))
    assert lines[-1] == footer
    assert_rendered(result.out)


def test_long_cells_are_cut_with_an_ellipsis(run, desk_dir, sample):
    result = run("--data-dir", desk_dir, "visits", "--channel", "online")
    row = result.out.splitlines()[1]
    assert LONG_SUMMARY[:59] + "…" in row
    assert LONG_SUMMARY not in row
    assert json.loads(run("--data-dir", desk_dir, "visits", "--channel", "online", "--json").out)[0]["summary"] \
        == LONG_SUMMARY


TABLES = {
    "letters": ({"vi": ["Số", "Ngày nhận đơn", "Nguồn đơn", "Qua bưu điện", "Cơ quan chuyển đến", "1/2026",
                        "05/03/2026", "(2 dòng)"],
                 "en": ["No.", "Date received", "How the letter came", "By post", "Forwarded", "(2 rows)"]}),
    "cases": ({"vi": ["Ngày nhận đơn", "Loại nội dung", "Lĩnh vực", "Trạng thái", "Hạn", "Tố cáo",
                      "Đã thông báo công dân", "Đang xử lý", "03/04/2026", "corruption", "(9 dòng)"],
               "en": ["Date received", "Content type", "Field", "Status", "Due", "Denunciation", "Citizen informed",
                      "Being handled", "(9 rows)"]}),
    "sessions": ({"vi": ["Ngày tiếp", "Khối (chính quyền / Đảng)", "Loại kỳ tiếp", "Người chủ trì", "Số vụ việc",
                         "06/03/2026", "Chính quyền", "Định kỳ", "Lê Văn Chủ", "Đã tổ chức", "(1 dòng)"],
                  "en": ["Session date", "Sector", "Session kind", "Presiding leader", "Cases", "State", "Scheduled",
                         "Held", "(1 rows)"]}),
    "assignments": ({"vi": ["Người / cơ quan được giao", "Nội dung nhiệm vụ", "Hạn xử lý", "Ngày có kết quả",
                            "Ngày thông báo cho công dân", "Phó Chủ tịch UBND", "17/03/2026", "10/04/2026",
                            "(3 dòng)"],
                     "en": ["Assignee", "Task", "Deadline", "Result date", "Date the citizen was told", "(3 rows)"]}),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("command", list(TABLES))
def test_other_tables_in_each_language(run, desk_dir, command, lang):
    result = run("--data-dir", desk_dir, "--lang", lang, command)
    assert result.code == 0
    for text in TABLES[command][lang]:
        assert text in result.out, text
    assert "field." not in result.out and "enum." not in result.out
    assert_rendered(result.out)


def test_the_session_row_counts_its_cases(run, desk_dir, sample):
    row = run("--data-dir", desk_dir, "sessions").out.splitlines()[1]
    assert row.split()[-2:] == ["2", sample.session]


def test_assignment_rows_show_result_and_told_dates(run, desk_dir, sample):
    lines = run("--data-dir", desk_dir, "assignments").out.splitlines()
    told = next(line for line in lines if line.endswith(sample.assignment_told))
    assert "20/03/2026" in told and "09/03/2026" in told and "10/03/2026" in told
    not_told = next(line for line in lines if line.endswith(sample.assignment_not_told))
    assert not_told.count("/2026") == 2  # deadline and result, no date told


def test_an_empty_list_prints_its_headers_and_zero(run, empty_dir):
    result = run("--data-dir", empty_dir, "--lang", "en", "visits")
    assert result.code == 0
    assert result.out.splitlines()[-1] == "(0 rows)"
    assert json.loads(run("--data-dir", empty_dir, "visits", "--json").out) == []
    assert json.loads(run("--data-dir", empty_dir, "search", "duc", "--json").out) == []
