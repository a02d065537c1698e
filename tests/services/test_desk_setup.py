"""Opening a desk and setting it up: unit, settings, signers, fields and the working-day calendar."""

from __future__ import annotations

from datetime import date

import pytest

from receptiondesk.errors import UserError, ValidationError
from receptiondesk.services.desk import Desk
from receptiondesk.services.setup import SignerDraft
from tests.services.helpers import (
    FIXED_NOW,
    OFFICER,
    PASSWORD,
    USERNAME,
    STAMP_AT,
    UNIT,
    FixedClock,
    assert_clear_error,
    audit,
    case,
    counts,
    visit,
)

# -- opening --------------------------------------------------------------------------------------

def test_open_creates_a_migrated_empty_desk(tmp_path):
    path = tmp_path / "sub" / "desk.sqlite3"
    with Desk.open(path, clock=FixedClock(FIXED_NOW)) as desk:
        assert path.exists()
        assert desk.context.is_set_up is False
        assert desk.context.today() == date(2026, 3, 10)
        assert desk.database.scalar("SELECT count(*) FROM citizens") == 0
        with pytest.raises(UserError) as caught:
            desk.context.stamp()
        assert caught.value.code == "desk.not_set_up"


def test_a_desk_file_is_opened_by_one_desk_at_a_time(desk):
    with pytest.raises(UserError) as caught:
        Desk.open(desk.database.path)
    assert caught.value.code == "storage.locked"
    assert "{" not in caught.value.render("vi")


def test_settings_and_records_survive_reopening(desk, clock):
    result = desk.intake.register_visit(visit())
    path = desk.database.path
    desk.close()
    with Desk.open(path, clock=clock) as again:
        again.login(USERNAME, PASSWORD)
        assert again.context.settings.commune_code == UNIT
        assert again.context.settings.officer_name == OFFICER
        assert again.logbook.get_visit(result.uuid)["logbook_no"] == 1
        assert again.intake.register_visit(visit()).logbook_no == 2


# -- initialise -----------------------------------------------------------------------------------

def test_initialise_writes_settings_fields_calendar_and_audit(blank_desk):
    settings = blank_desk.setup.initialise(UNIT, "  Trần  Văn Cán ", villages=["Thôn 1", " ", "Thôn  2"],
                                           signers=[SignerDraft("Lê Văn Chủ", "Chủ tịch UBND xã")])

    assert (settings.commune_code, settings.officer_name, settings.delegation_threshold, settings.remote_area) == \
        (UNIT, "Trần Văn Cán", 5, False)
    assert settings.villages == ["Thôn 1", "Thôn 2"]
    assert blank_desk.context.is_set_up
    assert blank_desk.context.settings.commune is not None
    assert [f["code"] for f in blank_desk.setup.fields()] == [
        "land", "housing_construction", "social_policy", "finance_fees", "environment", "justice", "party_mass",
        "corruption", "other"]
    days = {d.day: d.name for d in blank_desk.setup.calendar_days(2026)}
    assert all(days[date(2026, 2, d)] == "Tết Nguyên đán" for d in range(16, 21))
    assert days[date(2026, 4, 30)] == "Ngày Chiến thắng" and date(2026, 4, 27) in days
    assert blank_desk.setup.calendar_days(2025) and blank_desk.setup.calendar_days(2027)
    assert blank_desk.setup.calendar_days(2028) == []
    assert [s["full_name"] for s in blank_desk.setup.signers()] == ["Lê Văn Chủ"]
    entries = [e for e in audit(blank_desk) if not e["action"].startswith("auth.")]
    assert [e["action"] for e in entries] == ["signer.add", "desk.initialise"]
    assert entries[1]["detail"] == {"commune_code": UNIT}
    assert all(e["at"] == STAMP_AT and e["actor"] == USERNAME for e in entries)


def test_initialise_with_own_threshold_and_remote_area(blank_desk):
    settings = blank_desk.setup.initialise(UNIT, OFFICER, delegation_threshold=4, remote_area=True)
    assert (settings.delegation_threshold, settings.remote_area) == (4, True)
    assert blank_desk.context.settings.delegation_threshold == 4


@pytest.mark.parametrize("code, kw, field, message", [
    ("", {}, "commune_code", "value.required"),
    ("99999", {}, "commune_code", "setup.unknown_commune"),
    (UNIT, {"delegation_threshold": 1}, "delegation_threshold", "setup.threshold_range"),
    (UNIT, {"delegation_threshold": 101}, "delegation_threshold", "setup.threshold_range"),
], ids=["no commune", "unknown commune", "threshold 1", "threshold 101"])
def test_initialise_refuses_bad_input(blank_desk, code, kw, field, message):
    before = blank_desk.database.scalar("SELECT count(*) FROM audit_log")
    with pytest.raises(ValidationError) as caught:
        blank_desk.setup.initialise(code, OFFICER, **kw)
    assert_clear_error(caught.value, field, message)
    assert blank_desk.context.is_set_up is False
    assert blank_desk.database.scalar("SELECT count(*) FROM audit_log") == before


def test_initialise_twice_is_refused(desk):
    before = counts(desk)
    with pytest.raises(UserError) as caught:
        desk.setup.initialise("00008", "Người khác")
    assert caught.value.code == "setup.already_done"
    assert UNIT in caught.value.render("vi")
    assert counts(desk) == before
    assert desk.context.settings.commune_code == UNIT


# -- settings and signers -------------------------------------------------------------------------

def test_update_settings_is_audited(desk):
    updated = desk.setup.update_settings(delegation_threshold=8, upper_level_name="UBND tỉnh")
    assert (updated.delegation_threshold, updated.upper_level_name) == (8, "UBND tỉnh")
    assert desk.context.settings.delegation_threshold == 8
    assert audit(desk, action="desk.settings")[0]["detail"] == {"changed": {
        "delegation_threshold": [5, 8], "upper_level_name": ["", "UBND tỉnh"]}}


def test_update_settings_refuses_a_new_unit_or_a_bad_threshold(desk):
    with pytest.raises(UserError) as caught:
        desk.setup.update_settings(commune_code="00008")
    assert caught.value.code == "setup.unit_fixed"
    with pytest.raises(UserError) as caught:
        desk.setup.update_settings(delegation_threshold=1)
    assert_clear_error(caught.value, "delegation_threshold", "setup.threshold_range")
    assert desk.context.settings.delegation_threshold == 5
    assert audit(desk, action="desk.settings") == []


def test_add_signer(desk):
    uuid = desk.setup.add_signer(SignerDraft(" Phạm  Văn Phó ", "Phó Chủ tịch UBND xã", "vice_chairman"))
    assert desk.setup.signers() == [{"uuid": uuid, "full_name": "Phạm Văn Phó", "title": "Phó Chủ tịch UBND xã",
                                     "role": "vice_chairman"}]
    assert [e["action"] for e in audit(desk, uuid)] == ["signer.add"]


@pytest.mark.parametrize("draft, field", [
    (SignerDraft("", "Chủ tịch"), "signer_name"),
    (SignerDraft("Lê Văn Chủ", " "), "signer_title"),
    (SignerDraft("Lê Văn Chủ", "Chủ tịch", "king"), "signer_role"),
], ids=["no name", "no title", "bad role"])
def test_bad_signer_is_refused(desk, draft, field):
    before = counts(desk)
    with pytest.raises(ValidationError) as caught:
        desk.setup.add_signer(draft)
    assert_clear_error(caught.value, field)
    assert counts(desk) == before
    assert desk.database.scalar("SELECT count(*) FROM signers") == 0


# -- fields ---------------------------------------------------------------------------------------

def test_add_field_and_use_it(desk):
    desk.setup.add_field(" Road  Traffic ", "Giao thông  vận tải")
    added = desk.setup.fields()[-1]
    assert added == {"code": "road_traffic", "name_vi": "Giao thông vận tải", "name_en": "Giao thông vận tải",
                     "active": 1}
    result = desk.intake.register_visit(visit(cases=[case(field_code="road_traffic")]))
    assert desk.cases.get(result.case_uuids[0])["field_code"] == "road_traffic"
    assert audit(desk, action="field.add")[0]["detail"] == {"code": "road_traffic"}


def test_add_field_refuses_duplicates_and_blanks(desk):
    with pytest.raises(UserError) as caught:
        desk.setup.add_field("land", "Đất")
    assert caught.value.code == "setup.field_exists"
    assert_clear_error(caught.value, "field_code_new")
    with pytest.raises(UserError) as caught:
        desk.setup.add_field("roads", " ")
    assert_clear_error(caught.value, "field_name", "value.required")


def test_retired_field_is_hidden_and_refused_for_new_cases(desk):
    desk.setup.set_field_active("land", False)
    assert "land" not in [f["code"] for f in desk.setup.fields()]
    assert "land" in [f["code"] for f in desk.setup.fields(include_inactive=True)]
    with pytest.raises(ValidationError) as caught:
        desk.intake.register_visit(visit())
    assert_clear_error(caught.value, "field_code", "value.not_allowed")
    desk.setup.set_field_active("land", True)
    assert desk.intake.register_visit(visit()).logbook_no == 1
    with pytest.raises(UserError) as caught:
        desk.setup.set_field_active("weather", False)
    assert_clear_error(caught.value, "field_code", "record.not_found")


# -- calendar -------------------------------------------------------------------------------------

def test_calendar_day_changes(desk):
    assert desk.setup.set_calendar_day("14/03/2026", "working", "Làm bù") == 0
    assert desk.setup.set_calendar_day("2026-03-13", "holiday", "Nghỉ bù") == 0
    days = {d.day: (d.kind, d.name) for d in desk.setup.calendar_days(2026)}
    assert days[date(2026, 3, 14)] == ("working", "Làm bù")
    assert days[date(2026, 3, 13)] == ("holiday", "Nghỉ bù")
    assert desk.context.calendar.is_working_day(date(2026, 3, 14))
    assert not desk.context.calendar.is_working_day(date(2026, 3, 13))
    # Changing a day's kind replaces it.
    desk.setup.set_calendar_day("2026-02-21", "working", "")
    assert [d for d in desk.setup.calendar_days(2026) if d.day == date(2026, 2, 21)][0].name == "working"
    desk.setup.remove_calendar_day("2026-03-13")
    assert desk.context.calendar.is_working_day(date(2026, 3, 13))
    assert [e["action"] for e in audit(desk, action="calendar.set")] == ["calendar.set"] * 3
    assert audit(desk, action="calendar.remove")[0]["detail"] == {"day": "2026-03-13"}


@pytest.mark.parametrize("day, kind, field, code", [
    ("2026-03-12", "working", "calendar_day", "setup.working_on_weekday"),
    ("2026-03-12", "festival", "calendar_kind", "value.not_allowed"),
    ("12-03-2026", "holiday", "calendar_day", "value.bad_date"),
], ids=["working weekday", "bad kind", "bad date"])
def test_bad_calendar_day_is_refused(desk, day, kind, field, code):
    before = desk.setup.calendar_days(2026)
    with pytest.raises(ValidationError) as caught:
        desk.setup.set_calendar_day(day, kind, "x")
    assert_clear_error(caught.value, field, code)
    assert desk.setup.calendar_days(2026) == before


def test_reset_calendar_year_restores_the_defaults(desk):
    defaults = desk.setup.calendar_days(2026)
    desk.setup.set_calendar_day("2026-03-14", "working", "Làm bù")
    desk.setup.remove_calendar_day("2026-02-17")
    desk.setup.reset_calendar_year(2026)
    assert desk.setup.calendar_days(2026) == defaults
    assert not desk.context.calendar.is_working_day(date(2026, 2, 17))
    assert audit(desk, action="calendar.reset")[0]["detail"] == {"year": 2026}
