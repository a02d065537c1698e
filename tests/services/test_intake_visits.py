"""Registering visits: citizens new and returning, logbook numbers, delegations, cases, sessions and atomicity."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from datetime import date

import pytest

import receptiondesk.services.intake as intake_module

from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.errors import UserError, ValidationError
from tests.services.helpers import (
    CCCD,
    USERNAME,
    STAMP_AT,
    TODAY,
    UNIT,
    actions,
    assert_clear_error,
    audit,
    case,
    citizen,
    counts,
    no_paper,
    row,
    session,
    visit,
    work_audit,
)

# -- a new citizen -------------------------------------------------------------------------------

def test_new_citizen_visit_writes_citizen_visit_case_and_link(desk):
    result = desk.intake.register_visit(visit())

    assert (result.year, result.logbook_no, result.first_time, result.warnings) == (2026, 1, True, [])
    person = row(desk, "citizens", result.citizen_uuid)
    assert person["full_name"] == "Nguyễn Văn Đức"
    assert person["name_folded"] == "nguyen van duc"
    assert person["id_type"] == "citizen_id" and person["id_number"] == CCCD
    assert person["phone"] == "0912345678"
    assert person["protected"] == 0
    assert (person["version"], person["unit_code"], person["created_at"]) == (1, UNIT, STAMP_AT)

    logged = row(desk, "visits", result.uuid)
    assert logged["citizen_id"] == person["id"]
    assert logged["visit_date"] == "2026-03-10"
    assert (logged["year"], logged["logbook_no"]) == (2026, 1)
    assert logged["full_name"] == "Nguyễn Văn Đức" and logged["id_number"] == CCCD
    assert logged["reception_kind"] == "routine" and logged["session_id"] is None
    assert (logged["came_as"], logged["channel"], logged["headcount"], logged["is_delegation"]) == \
        ("self", "in_person", 1, 0)
    assert (logged["direction"], logged["in_competence"], logged["first_time"]) == ("accepted", 1, 1)

    assert len(result.case_uuids) == 1
    opened = row(desk, "cases", result.case_uuids[0])
    assert opened["source"] == "visit" and opened["citizen_id"] == person["id"]
    assert (opened["content_type"], opened["field_code"], opened["status"]) == ("complaint", "land", "in_progress")
    assert opened["received_on"] == "2026-03-10" and opened["due_date"] == "2026-04-09"
    links = desk.database.query("SELECT visit_id, case_id, first_time FROM visit_cases")
    assert [tuple(r) for r in links] == [(logged["id"], opened["id"], 1)]


def test_visit_audit_rows_carry_the_stamp(desk):
    result = desk.intake.register_visit(visit())

    rows = work_audit(desk)
    assert [r["action"] for r in rows] == ["citizen.create", "case.open", "visit.register"]
    assert all(r["at"] == STAMP_AT and r["actor"] == USERNAME for r in rows)
    assert rows[0]["record_uuid"] == result.citizen_uuid
    assert rows[1]["record_uuid"] == result.case_uuids[0]
    assert rows[1]["detail"] == {"content_type": "complaint", "status": "in_progress"}
    assert rows[2]["record_uuid"] == result.uuid and rows[2]["entity"] == "visits"
    assert rows[2]["detail"] == {"year": 2026, "logbook_no": 1, "cases": 1}
    # The audit log holds no identity of the citizen.
    assert "Đức" not in json.dumps([r["detail"] for r in rows], ensure_ascii=False)


def test_new_citizen_gets_an_audit_row(desk):
    result = desk.intake.register_visit(visit())
    assert audit(desk, result.citizen_uuid), "no audit row names the new citizen"


def test_visit_refused_before_set_up(blank_desk):
    with pytest.raises(UserError) as caught:
        blank_desk.intake.register_visit(visit())
    assert caught.value.code == "desk.not_set_up"
    assert "{" not in caught.value.render("vi")
    assert blank_desk.database.scalar("SELECT count(*) FROM visits") == 0


# -- returning citizens ----------------------------------------------------------------------------

def test_returning_citizen_by_uuid_gets_a_new_version(desk):
    first = desk.intake.register_visit(visit())
    before = row(desk, "citizens", first.citizen_uuid)

    second = desk.intake.register_visit(visit(
        citizen_uuid=first.citizen_uuid, who=citizen(phone="0987 654 321", address="Thôn 3, xã Tân Thành")))

    assert second.citizen_uuid == first.citizen_uuid
    assert desk.database.scalar("SELECT count(*) FROM citizens") == 1
    after = row(desk, "citizens", first.citizen_uuid)
    assert after["version"] == before["version"] + 1
    assert after["seq"] > before["seq"]
    assert after["phone"] == "0987654321"
    assert after["address"] == "Thôn 3, xã Tân Thành"
    assert after["address_folded"] == "thon 3, xa tan thanh"
    assert after["created_at"] == before["created_at"]
    updates = audit(desk, first.citizen_uuid, "citizen.update")
    assert len(updates) == 1
    assert updates[0]["detail"] == {"changed": ["address", "address_folded", "phone"]}
    assert row(desk, "visits", second.uuid)["address"] == "Thôn 3, xã Tân Thành"
    assert row(desk, "visits", first.uuid)["address"] == "Thôn 1, xã Tân Thành"


def test_returning_citizen_with_same_details_is_not_rewritten(desk):
    first = desk.intake.register_visit(visit())
    before = row(desk, "citizens", first.citizen_uuid)

    desk.intake.register_visit(visit(citizen_uuid=first.citizen_uuid))

    after = row(desk, "citizens", first.citizen_uuid)
    assert (after["version"], after["seq"]) == (before["version"], before["seq"])
    assert audit(desk, first.citizen_uuid, "citizen.update") == []


def test_returning_citizen_empty_fields_do_not_erase_known_details(desk):
    first = desk.intake.register_visit(visit())

    desk.intake.register_visit(visit(citizen_uuid=first.citizen_uuid, who=citizen(phone=None, address="")))

    after = row(desk, "citizens", first.citizen_uuid)
    assert after["phone"] == "0912345678"
    assert after["address"] == "Thôn 1, xã Tân Thành"


def test_same_id_number_links_to_the_existing_citizen(desk):
    first = desk.intake.register_visit(visit())

    second = desk.intake.register_visit(visit(who=citizen(phone="0987654321")))

    assert second.citizen_uuid == first.citizen_uuid
    assert desk.database.scalar("SELECT count(*) FROM citizens") == 1
    assert row(desk, "citizens", first.citizen_uuid)["phone"] == "0987654321"
    assert desk.database.scalar("SELECT count(DISTINCT citizen_id) FROM visits") == 1


def test_same_name_without_paper_is_a_different_citizen(desk):
    first = desk.intake.register_visit(visit(who=no_paper("Lê Thị Hoa")))
    second = desk.intake.register_visit(visit(who=no_paper("Lê Thị Hoa")))

    assert first.citizen_uuid != second.citizen_uuid
    assert desk.database.scalar("SELECT count(*) FROM citizens") == 2


def test_returning_citizen_uuid_unknown_is_refused(desk):
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.intake.register_visit(visit(citizen_uuid="00000000-0000-0000-0000-000000000000"))
    assert caught.value.code == "record.not_found"
    assert_clear_error(caught.value, "citizen")
    assert counts(desk) == before


# -- logbook numbers -------------------------------------------------------------------------------

def test_logbook_numbers_run_per_year_and_are_never_reused(desk):
    numbers = [desk.intake.register_visit(visit(when=f"2026-03-0{d}")).logbook_no for d in (2, 3, 4)]
    assert numbers == [1, 2, 3]

    late = desk.intake.register_visit(visit(when="2025-12-31"))
    assert (late.year, late.logbook_no) == (2025, 1)
    assert desk.intake.register_visit(visit(when="31/12/2025")).logbook_no == 2

    third = desk.database.scalar("SELECT uuid FROM visits WHERE year = 2026 AND logbook_no = 3")
    desk.voiding.void("visit", third, "Nhập trùng lượt tiếp")
    after_void = desk.intake.register_visit(visit())
    assert (after_void.year, after_void.logbook_no) == (2026, 4)

    stored = desk.database.query("SELECT year, logbook_no FROM visits ORDER BY year, logbook_no")
    assert [tuple(r) for r in stored] == [(2025, 1), (2025, 2), (2026, 1), (2026, 2), (2026, 3), (2026, 4)]
    assert [tuple(r) for r in desk.database.query(
        "SELECT scope, unit_code, year, last FROM number_counters ORDER BY year")] == \
        [("logbook", UNIT, 2025, 2), ("logbook", UNIT, 2026, 4)]


def test_visit_dated_in_january_starts_the_new_year_at_one(desk):
    desk.intake.register_visit(visit(when="2025-11-20"))
    desk.intake.register_visit(visit(when="2025-12-30"))
    assert desk.intake.register_visit(visit(when="2026-01-02")).logbook_no == 1


# -- who comes ------------------------------------------------------------------------------------

def test_delegation_needs_representatives(desk):
    before = counts(desk)
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(visit(headcount=5))
    assert_clear_error(caught.value, "representatives", "visit.delegation_needs_representatives")
    assert caught.value.problems[0].params == {"threshold": 5}
    assert "5" in caught.value.render("vi")
    assert counts(desk) == before


def test_delegation_at_threshold_is_flagged_with_representatives(desk):
    result = desk.intake.register_visit(visit(headcount=5, representatives=["Lê Văn  Một", "  ", "Phạm Thị Hai"],
                                              came_as="group_representative", proof_paper="Biên bản cử đại diện"))
    logged = row(desk, "visits", result.uuid)
    assert (logged["headcount"], logged["is_delegation"]) == (5, 1)
    assert json.loads(logged["representatives"]) == ["Lê Văn Một", "Phạm Thị Hai"]
    assert logged["came_as"] == "group_representative"
    assert logged["proof_paper"] == "Biên bản cử đại diện"


def test_group_below_threshold_is_not_a_delegation(desk):
    result = desk.intake.register_visit(visit(headcount=4))
    assert row(desk, "visits", result.uuid)["is_delegation"] == 0


def test_delegation_threshold_follows_the_setting(desk):
    desk.setup.update_settings(delegation_threshold=4)
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(visit(headcount=4))
    assert caught.value.problems[0].params == {"threshold": 4}
    result = desk.intake.register_visit(visit(headcount=4, representatives=["Lê Văn Một"]))
    assert row(desk, "visits", result.uuid)["is_delegation"] == 1


def test_threshold_given_as_text_still_works_at_intake(desk):
    desk.setup.update_settings(delegation_threshold="7")
    result = desk.intake.register_visit(visit(headcount=7, representatives=["Lê Văn Một"]))
    assert row(desk, "visits", result.uuid)["is_delegation"] == 1


def test_too_many_representatives_refused(desk):
    before = counts(desk)
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(visit(headcount=20, representatives=[f"Người {i}" for i in range(6)]))
    assert_clear_error(caught.value, "representatives", "visit.too_many_representatives")
    assert counts(desk) == before


@pytest.mark.parametrize("came_as", ["group_representative", "organisation_representative", "authorised",
                                     "lawyer", "legal_aid"])
def test_acting_for_others_without_proof_is_refused(desk, came_as):
    before = counts(desk)
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(visit(came_as=came_as, proof_paper="   "))
    assert_clear_error(caught.value, "proof_paper", "visit.proof_required")
    assert counts(desk) == before

    result = desk.intake.register_visit(visit(came_as=came_as, proof_paper="Giấy ủy quyền số 12"))
    logged = row(desk, "visits", result.uuid)
    assert (logged["came_as"], logged["proof_paper"]) == (came_as, "Giấy ủy quyền số 12")


def test_online_reception_is_stored_as_online(desk):
    result = desk.intake.register_visit(visit(channel="online"))
    assert row(desk, "visits", result.uuid)["channel"] == "online"


# -- cases ----------------------------------------------------------------------------------------

def test_mixed_content_is_split_into_two_cases(desk):
    result = desk.intake.register_visit(visit(cases=[
        case("complaint", "land", "Khiếu nại cấp GCN"),
        case("denunciation", "corruption", "Tố cáo cán bộ địa chính", respondent_name="Lê Văn Hùng",
             respondent_position="Công chức địa chính", respondent_body="UBND xã"),
    ]))

    assert len(result.case_uuids) == 2 and result.first_time
    complaint, denunciation = (row(desk, "cases", u) for u in result.case_uuids)
    assert (complaint["content_type"], denunciation["content_type"]) == ("complaint", "denunciation")
    assert denunciation["respondent_name"] == "Lê Văn Hùng"
    assert denunciation["respondent_body"] == "UBND xã"
    assert complaint["citizen_id"] == denunciation["citizen_id"]
    links = desk.database.query("SELECT case_id, first_time FROM visit_cases ORDER BY case_id")
    assert [tuple(r) for r in links] == [(complaint["id"], 1), (denunciation["id"], 1)]
    listed = desk.logbook.get_visit(result.uuid)
    assert listed["content_types"] == "complaint,denunciation"
    assert listed["case_uuids"] == result.case_uuids
    assert actions(desk).count("case.open") == 2


def test_case_with_its_own_direction_keeps_it(desk):
    result = desk.intake.register_visit(visit(cases=[
        case("complaint", "land", "Khiếu nại cấp GCN"),
        case("petition", "environment", "Kiến nghị về rác thải",
             direction=DirectionDraft("guided", direction_body="Phòng Kinh tế", in_competence=False)),
    ]))
    complaint, petition = (row(desk, "cases", u) for u in result.case_uuids)
    assert (complaint["direction"], complaint["status"]) == ("accepted", "in_progress")
    assert (petition["direction"], petition["direction_body"], petition["in_competence"]) == \
        ("guided", "Phòng Kinh tế", 0)
    assert petition["status"] == "in_progress" and petition["due_date"] is None


def test_repeat_visit_on_an_existing_case_is_not_first_time(desk):
    first = desk.intake.register_visit(visit())
    case_uuid = first.case_uuids[0]

    again = desk.intake.register_visit(visit(citizen_uuid=first.citizen_uuid, case_uuids=[case_uuid],
                                             summary="Hỏi tiến độ giải quyết"))

    assert again.first_time is False
    assert again.case_uuids == [case_uuid]
    assert row(desk, "visits", again.uuid)["first_time"] == 0
    assert desk.database.scalar("SELECT count(*) FROM cases") == 1
    link = desk.database.one("SELECT first_time FROM visit_cases WHERE visit_id = ?",
                             (row(desk, "visits", again.uuid)["id"],))
    assert link[0] == 0
    assert desk.cases.get(case_uuid)["visit_count"] == 2


def test_repeat_visit_with_a_new_matter_is_first_time(desk):
    first = desk.intake.register_visit(visit())
    old_case = first.case_uuids[0]

    again = desk.intake.register_visit(visit(citizen_uuid=first.citizen_uuid, case_uuids=[old_case],
                                             cases=[case("report", "environment", "Phản ánh ô nhiễm")]))

    assert again.first_time is True
    assert len(again.case_uuids) == 2 and again.case_uuids[1] == old_case
    new_case = row(desk, "cases", again.case_uuids[0])
    visit_id = row(desk, "visits", again.uuid)["id"]
    links = dict(tuple(r) for r in desk.database.query(
        "SELECT case_id, first_time FROM visit_cases WHERE visit_id = ?", (visit_id,)))
    assert links == {new_case["id"]: 1, row(desk, "cases", old_case)["id"]: 0}


def test_backdated_visit_leaves_one_first_time_visit_per_case(desk):
    later = desk.intake.register_visit(visit(when="2026-03-05"))
    case_uuid = later.case_uuids[0]
    try:
        desk.intake.register_visit(visit(when="2026-03-01", case_uuids=[case_uuid], cases=[]))
    except UserError:
        return  # refusing a visit dated before the case was received is fine too
    firsts = desk.database.scalar(
        "SELECT count(*) FROM visit_cases vc JOIN visits v ON v.id = vc.visit_id "
        "WHERE vc.case_id = (SELECT id FROM cases WHERE uuid = ?) AND vc.first_time = 1 AND v.voided = 0",
        (case_uuid,))
    assert firsts == 1


def test_denunciation_marks_the_citizen_protected(desk):
    result = desk.intake.register_visit(visit(cases=[case("denunciation", "corruption", "Tố cáo cán bộ")]))
    assert row(desk, "citizens", result.citizen_uuid)["protected"] == 1


def test_complaint_does_not_mark_the_citizen_protected(desk):
    result = desk.intake.register_visit(visit())
    assert row(desk, "citizens", result.citizen_uuid)["protected"] == 0


def test_returning_citizen_becomes_protected_with_a_denunciation(desk):
    first = desk.intake.register_visit(visit())

    desk.intake.register_visit(visit(citizen_uuid=first.citizen_uuid,
                                     cases=[case("denunciation", "corruption", "Tố cáo cán bộ")]))

    person = row(desk, "citizens", first.citizen_uuid)
    assert (person["protected"], person["version"], person["full_name"]) == (1, 2, "[Danh tính được bảo vệ]")
    assert audit(desk, first.citizen_uuid, "citizen.protect")
    earlier = row(desk, "visits", first.uuid)  # the visit before the denunciation is sealed too
    assert (earlier["full_name"], earlier["id_number"]) == ("[Danh tính được bảo vệ]", None)
    assert desk.privacy.reveal("visit", first.uuid, "Kiểm tra sổ")["full_name"] == "Nguyễn Văn Đức"


def test_visit_on_an_existing_denunciation_protects_the_visitor(desk):
    first = desk.intake.register_visit(visit(cases=[case("denunciation", "corruption", "Tố cáo cán bộ")]))

    other = desk.intake.register_visit(visit(who=no_paper("Hoàng Văn Tư"), case_uuids=[first.case_uuids[0]]))

    assert row(desk, "citizens", other.citizen_uuid)["protected"] == 1


# -- sessions -------------------------------------------------------------------------------------

def test_visit_in_a_session_is_a_session_reception_and_lists_its_cases(desk):
    planned = desk.sessions.schedule(session())
    first = desk.intake.register_visit(visit(session_uuid=planned.uuid))
    second = desk.intake.register_visit(visit(
        who=no_paper("Lê Thị Hoa"), session_uuid=planned.uuid,
        cases=[case("petition", "social_policy", "Kiến nghị trợ cấp"), case("report", "environment", "Phản ánh")]))

    assert first.warnings == [] and second.warnings == []
    logged = row(desk, "visits", first.uuid)
    assert logged["reception_kind"] == "session"
    assert logged["session_id"] == row(desk, "sessions", planned.uuid)["id"]
    heard = desk.sessions.cases_heard(planned.uuid)
    assert [h["uuid"] for h in heard] == [*first.case_uuids, *second.case_uuids]
    assert [h["position"] for h in heard] == [0, 1, 2]
    listed = desk.sessions.get(planned.uuid)
    assert (listed["visit_count"], listed["case_count"]) == (2, 3)


def test_visit_on_another_day_than_its_session_warns(desk):
    planned = desk.sessions.schedule(session("2026-03-09"))
    result = desk.intake.register_visit(visit(session_uuid=planned.uuid))
    assert [w.code for w in result.warnings] == ["visit.session_other_day"]
    assert result.warnings[0].warning and result.warnings[0].field == "visit_date"
    assert "{" not in result.warnings[0].render("vi")
    assert desk.database.scalar("SELECT count(*) FROM visits") == 1


def test_visit_in_a_cancelled_session_is_refused(desk):
    planned = desk.sessions.schedule(session())
    desk.sessions.cancel(planned.uuid)
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.intake.register_visit(visit(session_uuid=planned.uuid))
    assert caught.value.code == "session.cancelled"
    assert_clear_error(caught.value, "session")
    assert counts(desk) == before


# -- text normalisation ---------------------------------------------------------------------------

def test_nfd_input_and_double_spaces_are_normalised(desk):
    def nfd(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    result = desk.intake.register_visit(visit(
        who=citizen(nfd("  Nguyễn   Văn  Đức "), address=nfd("Thôn  Hòa  Bình,\txã Tân Thành")),
        summary=nfd("Khiếu nại   việc cấp  đất\n\n\n  lần hai  "),
        cases=[case(summary=nfd("Khiếu  nại  cấp  GCN"), respondent_name=nfd("Lê  Văn  Hùng"))],
    ))

    person = row(desk, "citizens", result.citizen_uuid)
    logged = row(desk, "visits", result.uuid)
    opened = row(desk, "cases", result.case_uuids[0])
    assert person["full_name"] == logged["full_name"] == "Nguyễn Văn Đức"
    assert unicodedata.is_normalized("NFC", person["full_name"])
    assert person["address"] == logged["address"] == "Thôn Hòa Bình, xã Tân Thành"
    assert logged["summary"] == "Khiếu nại việc cấp đất\n\nlần hai"
    assert opened["summary"] == "Khiếu nại cấp GCN"
    assert opened["respondent_name"] == "Lê Văn Hùng"
    assert result.warnings == []
    # The NFD-typed name is found by the NFC one, and the other way round.
    assert desk.intake.find_returning(name="Nguyễn Văn Đức")[0]["uuid"] == result.citizen_uuid
    assert [v["uuid"] for v in desk.logbook.search(nfd("Hòa Bình"))] == [result.uuid]


# -- atomicity ------------------------------------------------------------------------------------

def test_unknown_case_uuid_leaves_nothing_behind(desk):
    desk.intake.register_visit(visit())
    before = counts(desk)

    with pytest.raises(UserError) as caught:
        desk.intake.register_visit(visit(who=citizen("Lê Thị Hoa", id_number="001190023456", birth_year=1990,
                                                     gender="female"),
                                         cases=[case("report", "environment", "Phản ánh")],
                                         case_uuids=["11111111-1111-1111-1111-111111111111"]))

    assert caught.value.code == "record.not_found"
    assert_clear_error(caught.value, "case")
    assert counts(desk) == before
    assert desk.intake.find_returning(name="Lê Thị Hoa") == []


def test_unknown_session_leaves_nothing_behind(desk):
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.intake.register_visit(visit(session_uuid="22222222-2222-2222-2222-222222222222"))
    assert caught.value.code == "record.not_found"
    assert_clear_error(caught.value, "session")
    assert counts(desk) == before


def test_failure_after_the_first_inserts_rolls_everything_back(desk, monkeypatch):
    first = desk.intake.register_visit(visit())
    before = counts(desk)
    old_case = first.case_uuids[0]

    # Indexing the visit for search is the last write: fail there, after the citizen, case and visit rows.
    def power_cut(conn, table, *args):
        if table == "visits":
            raise sqlite3.OperationalError("disk I/O error")
        return real_index(conn, table, *args)

    real_index = intake_module.search.index_record
    monkeypatch.setattr(intake_module.search, "index_record", power_cut)
    with pytest.raises(sqlite3.Error):
        desk.intake.register_visit(visit(who=no_paper("Lê Thị Hoa"), case_uuids=[old_case],
                                         cases=[case("report", "environment", "Phản ánh")]))
    monkeypatch.undo()

    assert counts(desk) == before
    assert desk.database.scalar("SELECT count(*) FROM visit_search") == 1
    assert desk.database.scalar("SELECT count(*) FROM case_search") == 1
    assert not desk.database.conn.in_transaction
    # The desk still works and numbers go on from where they were.
    assert desk.intake.register_visit(visit()).logbook_no == 2


def test_case_listed_twice_is_linked_once_or_refused_clearly(desk):
    first = desk.intake.register_visit(visit())
    old_case = first.case_uuids[0]
    try:
        result = desk.intake.register_visit(visit(case_uuids=[old_case, old_case]))
    except UserError:
        return
    assert result.case_uuids == [old_case]


def test_every_write_of_a_visit_shares_one_timestamp(desk):
    result = desk.intake.register_visit(visit(cases=[case(), case("petition", "other", "Kiến nghị")]))
    stamps = {row(desk, "visits", result.uuid)["created_at"], row(desk, "citizens", result.citizen_uuid)["created_at"],
              *(row(desk, "cases", u)["created_at"] for u in result.case_uuids)}
    assert stamps == {STAMP_AT}
    seqs = sorted([row(desk, "citizens", result.citizen_uuid)["seq"], row(desk, "visits", result.uuid)["seq"],
                   *(row(desk, "cases", u)["seq"] for u in result.case_uuids)])
    assert seqs == [1, 2, 3, 4]
    assert desk.database.scalar("SELECT value FROM counters WHERE name = 'change_seq'") == 4


def test_visit_dated_today_is_accepted(desk):
    assert desk.intake.register_visit(visit(when=TODAY)).year == 2026
    assert desk.intake.register_visit(visit(when=date(2026, 3, 10).strftime("%d/%m/%Y"))).logbook_no == 2


def test_documents_handed_in_are_saved_with_the_visit_in_one_transaction(desk):
    from tests.services.helpers import counts

    result = desk.intake.register_visit(visit(documents=["Đơn khiếu nại ngày 01/03/2026", "  ", "Bản sao sổ đỏ"]))
    listed = desk.cases.attachments(result.case_uuids[0])
    assert [a["title"] for a in listed] == ["Đơn khiếu nại ngày 01/03/2026", "Bản sao sổ đỏ"]
    linked = desk.context.database.scalar(
        "SELECT count(*) FROM attachments WHERE visit_id = (SELECT id FROM visits WHERE uuid = ?)", (result.uuid,))
    assert linked == 2
    before = counts(desk)
    with pytest.raises(ValidationError) as refused:
        desk.intake.register_visit(visit(documents=["x" * 301]))
    assert refused.value.problems[0].field == "attachment_title"
    assert counts(desk) == before  # neither the visit nor any document


def test_a_letters_documents_are_listed_on_its_case(desk):
    from tests.services.helpers import letter

    result = desk.intake.register_letter(letter(documents=["Đơn tố cáo (bản chính)"]))
    assert [a["title"] for a in desk.cases.attachments(result.case_uuid)] == ["Đơn tố cáo (bản chính)"]
