"""An old logbook's row as a visit: dates typed every way, content types and directions from officers' words,
ID papers and phones through the core validators (warnings kept), and the rows that cannot be visits."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from receptiondesk.domain.logbook_import import content_types, guess_field, parse_date, parse_row

TODAY = date(2026, 3, 10)
MASKS = ("[Danh tính được bảo vệ]", "(Thông tin người tố cáo được giữ bí mật)")


def row(**values):
    base = {"visit_date": "05/03/2024", "name_address": "Nguyễn Văn An, thôn 2, xã Tân Thành",
            "summary": "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất", "content_type": "KN"}
    base.update(values)
    return parse_row(7, base, today=TODAY, masks=MASKS)


@pytest.mark.parametrize("value, expected", [
    ("05/03/2024", date(2024, 3, 5)), ("5/3/24", date(2024, 3, 5)), ("05-03-2024", date(2024, 3, 5)),
    ("5.3.2024", date(2024, 3, 5)), ("2024-03-05", date(2024, 3, 5)), (45356, date(2024, 3, 5)),
    (45356.0, date(2024, 3, 5)), ("45356", date(2024, 3, 5)), (datetime(2024, 3, 5, 8, 30), date(2024, 3, 5)),
    (date(2024, 3, 5), date(2024, 3, 5)), ("1/1/99", date(1999, 1, 1)), ("31/02/2024", None), ("", None),
    ("ngày 5 tháng 3", None), (12, None),
])
def test_dates_every_way_officers_type_them(value, expected):
    assert parse_date(value, today=TODAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("KN", ("complaint",)), ("Khiếu nại", ("complaint",)), ("khieu nai", ("complaint",)), ("TC", ("denunciation",)),
    ("Tố cáo", ("denunciation",)), ("Kiến nghị", ("petition",)), ("Đơn đề nghị", ("petition",)),
    ("Phản ánh", ("report",)), ("KN, TC", ("complaint", "denunciation")), ("Khiếu nại, Tố cáo", ("complaint",
                                                                                                "denunciation")),
    ("Kiến nghị, phản ánh", ("petition", "report")), ("Tố cáo, Kiến nghị", ("denunciation", "petition")),
    ("", ()), ("Khác", ()),
])
def test_content_types_from_officers_words(text, expected):
    assert content_types(text) == expected


def test_fields_guessed_from_the_summary():
    assert guess_field("Khiếu nại việc thu hồi đất làm đường") == "land"
    assert guess_field("Tố cáo cán bộ nhận tiền") == "corruption"
    assert guess_field("Phản ánh ô nhiễm từ xưởng gỗ") == "environment"
    assert guess_field("Đề nghị giải quyết chế độ người có công") == "social_policy"
    assert guess_field("Hỏi về thủ tục") == "other"


def test_a_full_row_of_our_own_logbook_export():
    parsed = row(logbook_no=12.0, id_number="001090012345", headcount="2", prior_handler="UBND xã",
                 guided="Tòa án nhân dân huyện (văn bản số 15/HD-UBND)", followup="Đã hướng dẫn",
                 notes="Mang theo bản sao sổ đỏ", content_type="Khiếu nại, Tố cáo")
    assert parsed.skip is None
    assert (parsed.full_name, parsed.address) == ("Nguyễn Văn An", "thôn 2, xã Tân Thành")
    assert (parsed.logbook_no, parsed.visit_date, parsed.headcount) == (12, date(2024, 3, 5), 2)
    assert (parsed.id_type, parsed.id_number) == ("citizen_id", "001090012345")
    assert (parsed.direction, parsed.direction_body, parsed.direction_doc) == (
        "guided", "Tòa án nhân dân huyện", "15/HD-UBND")
    assert parsed.content_types == ("complaint", "denunciation") and parsed.field_code == "land"
    assert parsed.notes == "Mang theo bản sao sổ đỏ" and parsed.followup == "Đã hướng dẫn"


def test_directions_from_the_columns_and_the_notes():
    assert (row(in_competence="x").direction, row(in_competence="x").in_competence) == ("accepted", True)
    assert row(transferred="Thanh tra huyện").direction == "transferred"
    answered = row(notes="Trả lời ngay; đã giải thích")
    assert (answered.direction, answered.notes) == ("answered", "đã giải thích")
    assert row(notes="Lưu đơn").direction == "filed"
    unknown = row()
    assert unknown.direction == "answered"
    assert [p.code for p in unknown.problems] == ["excel_import.direction_assumed"]


def test_warnings_stay_on_the_row():
    parsed = row(id_number="12345", phone="0912 345 678", headcount="nhiều", content_type="")
    assert parsed.skip is None
    codes = [p.code for p in parsed.problems]
    assert "excel_import.id_kept_as_other" in codes and "excel_import.headcount_unreadable" in codes
    assert "excel_import.content_type_guessed" in codes and parsed.content_types == ("complaint",)
    assert parsed.phone == "0912345678" and parsed.id_type == "other"
    assert all(p.warning for p in parsed.problems)
    lost_zero = row(phone=912345678)
    assert lost_zero.phone == "0912345678"


@pytest.mark.parametrize("values, code", [
    ({"visit_date": ""}, "excel_import.date_missing"),
    ({"visit_date": "hôm qua"}, "excel_import.date_unreadable"),
    ({"visit_date": "05/03/2027"}, "excel_import.date_out_of_range"),
    ({"name_address": ""}, "excel_import.name_missing"),
    ({"name_address": "[Danh tính được bảo vệ]"}, "excel_import.masked_name"),
    ({"name_address": "(Thông tin người tố cáo được giữ bí mật)"}, "excel_import.masked_name"),
    ({"summary": ""}, "excel_import.summary_missing"),
])
def test_rows_that_cannot_be_visits_are_skipped_with_the_reason(values, code):
    parsed = row(**values)
    assert parsed.skip is not None and parsed.skip.code == code


def test_separate_name_and_address_columns():
    parsed = parse_row(3, {"visit_date": "05/03/2024", "full_name": "Trần Thị Bình", "address": "Thôn 4",
                           "summary": "Phản ánh đường hỏng", "content_type": "PA"}, today=TODAY, masks=MASKS)
    assert (parsed.full_name, parsed.address, parsed.content_types) == ("Trần Thị Bình", "Thôn 4", ("report",))
