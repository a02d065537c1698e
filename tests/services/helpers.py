"""Builders and database probes shared by the service tests."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from receptiondesk.domain.assignments import AssignmentDraft
from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.letters import LetterDraft
from receptiondesk.domain.sessions import SessionDraft
from receptiondesk.domain.values import VIETNAM_TZ
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.errors import UserError
from receptiondesk.messages import field_label
from receptiondesk.services.desk import Desk

FIXED_NOW = datetime(2026, 3, 10, 9, 0, tzinfo=VIETNAM_TZ)
TODAY = FIXED_NOW.date()
STAMP_AT = "2026-03-10T09:00:00+07:00"
UNIT = "00004"
OFFICER = "Trần Văn Cán"
USERNAME = "can"  # the officer's account: the administrator of a one-person desk
PASSWORD = "mật khẩu 2026"

#: A valid 12-digit citizen ID: Hà Nội (001), man born in the 1900s (0), in 1985 (85).
CCCD = "001085012345"
CCCD_2 = "001190023456"  # Hà Nội, woman born in 1990

#: Tables whose row counts prove that nothing was written (or deleted).
COUNTED_TABLES = ("citizens", "visits", "cases", "visit_cases", "letters", "sessions", "session_cases",
                  "assignments", "audit_log")


class FixedClock:
    """A clock that stays where a test puts it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set_day(self, day: date) -> None:
        self.now = datetime(day.year, day.month, day.day, 9, 0, tzinfo=VIETNAM_TZ)


# -- drafts ------------------------------------------------------------------------------------

def citizen(full_name: str = "Nguyễn Văn Đức", **kw: Any) -> CitizenDraft:
    """A citizen with a valid citizen ID unless told otherwise."""
    defaults: dict[str, Any] = {"id_type": "citizen_id", "id_number": CCCD, "birth_year": 1985,
                                "gender": "male", "phone": "0912345678", "address": "Thôn 1, xã Tân Thành"}
    defaults.update(kw)
    return CitizenDraft(full_name, **defaults)


def no_paper(full_name: str, address: str = "Thôn 2, xã Tân Thành", **kw: Any) -> CitizenDraft:
    """A citizen who shows no identity paper."""
    return CitizenDraft(full_name, address=address, **kw)


def case(content_type: str = "complaint", field_code: str = "land", summary: str = "Khiếu nại cấp GCN",
         **kw: Any) -> CaseDraft:
    return CaseDraft(content_type, field_code, summary, **kw)


def accepted() -> DirectionDraft:
    return DirectionDraft("accepted")


def visit(*, when: date | str = TODAY, who: CitizenDraft | None = None, summary: str = "Khiếu nại việc cấp đất",
          direction: DirectionDraft | None = None, cases: list[CaseDraft] | None = None, **kw: Any) -> VisitDraft:
    """A valid visit: one complaint about land, accepted, unless told otherwise."""
    if cases is None and not kw.get("case_uuids"):
        cases = [case()]
    return VisitDraft(visit_date=when, citizen=who or citizen(), summary=summary,
                      direction=direction or accepted(), new_cases=cases or [], **kw)


def letter(*, when: date | str = TODAY, summary: str = "Đơn tố cáo gửi qua bưu điện", new_case: CaseDraft | None = None,
           **kw: Any) -> LetterDraft:
    """A letter received by post with no direction yet (its case stays 'received')."""
    if new_case is None and not kw.get("case_uuid"):
        new_case = case("denunciation", "corruption", "Tố cáo cán bộ địa chính nhận tiền")
    return LetterDraft(received_on=when, summary=summary, new_case=new_case, **kw)


def session(when: date | str = TODAY, **kw: Any) -> SessionDraft:
    kw.setdefault("leader_name", "Lê Văn Chủ")
    return SessionDraft(session_date=when, **kw)


def assignment(case_uuid: str, **kw: Any) -> AssignmentDraft:
    kw.setdefault("assignee", "Công chức địa chính")
    kw.setdefault("task", "Kiểm tra hồ sơ đất và báo cáo")
    return AssignmentDraft(case_uuid=case_uuid, **kw)


# -- probes ------------------------------------------------------------------------------------

def counts(desk: Desk) -> dict[str, Any]:
    """Row counts of every record table plus the counters: equal before and after means nothing was written."""
    db = desk.database
    result: dict[str, Any] = {t: db.scalar(f"SELECT count(*) FROM {t}") for t in COUNTED_TABLES}
    result["change_seq"] = db.scalar("SELECT value FROM counters WHERE name = 'change_seq'")
    result["numbers"] = sorted(tuple(r) for r in db.query("SELECT scope, unit_code, year, last FROM number_counters"))
    return result


def row(desk: Desk, table: str, record_uuid: str) -> dict[str, Any]:
    found = desk.database.one(f"SELECT * FROM {table} WHERE uuid = ?", (record_uuid,))
    assert found is not None, f"no {table} row {record_uuid}"
    return dict(found)


def audit(desk: Desk, record_uuid: str | None = None, action: str | None = None) -> list[dict[str, Any]]:
    """Audit rows, oldest first, optionally for one record and/or one action; detail decoded."""
    sql, params = "SELECT * FROM audit_log WHERE 1 = 1", []
    if record_uuid is not None:
        sql += " AND record_uuid = ?"
        params.append(record_uuid)
    if action is not None:
        sql += " AND action = ?"
        params.append(action)
    rows = [dict(r) for r in desk.database.query(sql + " ORDER BY id", params)]
    for r in rows:
        r["detail"] = json.loads(r["detail"])
    return rows


def work_audit(desk: Desk) -> list[dict[str, Any]]:
    """Audit rows of the work done in a test (the template's set-up and sign-in rows left out)."""
    return [r for r in audit(desk) if r["action"] != "desk.initialise" and not r["action"].startswith("auth.")]


def actions(desk: Desk) -> list[str]:
    return [r["action"] for r in work_audit(desk)]


def assert_clear_error(error: UserError, field: str, code: str | None = None) -> None:
    """The error names `field`, renders it with its Vietnamese label, and leaves no placeholder unfilled."""
    fields = [p.field for p in error.problems]
    assert field in fields, f"{field!r} not in {fields}"
    if code is not None:
        assert code in [p.code for p in error.problems if p.field == field]
    label = field_label(field, "vi")
    assert label != field, f"no Vietnamese label for field {field!r}"
    for lang in ("vi", "en"):
        text = error.render(lang)
        assert not re.search(r"\{[a-z_]+\}", text), text
    assert label in error.render("vi")
