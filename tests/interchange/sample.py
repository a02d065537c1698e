"""A desk filled through the services with every kind of record, shared by the interchange and CLI tests."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from receptiondesk.domain.cases import DirectionDraft
from receptiondesk.services.desk import Desk
from receptiondesk.services.interchange import export_file
from receptiondesk.services.setup import SignerDraft
from tests.services.helpers import (
    CCCD_2,
    FIXED_NOW,
    OFFICER,
    PASSWORD,
    USERNAME,
    UNIT,
    FixedClock,
    assignment,
    case,
    citizen,
    letter,
    no_paper,
    session,
    visit,
)

__all__ = ["FIXED_NOW", "LONG_SUMMARY", "OFFICER", "UNIT", "FixedClock", "Sample", "Templates", "build_templates",
           "copy_desk", "fill", "fingerprint", "ready_desk_file", "table_dump"]


#: Longer than a table cell (60 characters): the CLI cuts it with an ellipsis.
LONG_SUMMARY = "Phản ánh đèn đường hỏng ở thôn 4 đã ba tháng chưa được sửa, gây mất an toàn khi đi đêm"


@dataclass
class Sample:
    """The UUIDs of what `fill` registered."""

    citizen_duc: str = ""
    visit_first: str = ""
    case_land: str = ""
    visit_delegation: str = ""
    case_petition: str = ""
    visit_mixed: str = ""
    case_mixed_complaint: str = ""
    case_mixed_denunciation: str = ""
    visit_online: str = ""
    case_online: str = ""
    visit_repeat: str = ""
    visit_session: str = ""
    case_session: str = ""
    visit_voided: str = ""
    case_voided_visit: str = ""
    letter_post: str = ""
    letter_forwarded: str = ""
    case_forwarded: str = ""
    case_letter: str = ""
    session: str = ""
    assignment_told: str = ""
    assignment_open: str = ""
    assignment_not_told: str = ""
    attachment: str = ""
    signer: str = ""


@dataclass(frozen=True)
class Templates:
    """Closed database files built once per run, copied by each test, and the filled desk's export."""

    filled: Path
    ready: Path
    exported: Path
    sample: Sample


def build_templates(folder: Path) -> Templates:
    """A filled desk and its export, and an empty desk set up for the same commune."""
    clock = FixedClock(FIXED_NOW)
    filled = folder / "filled.sqlite3"
    exported = folder / "filled.jsonl"
    with Desk.open(filled, clock=clock) as desk:
        desk.first_run(UNIT, USERNAME, OFFICER, PASSWORD)
        sample = fill(desk, clock)
        export_file(desk.context, exported)
    ready = folder / "ready.sqlite3"
    ready_desk_file(ready, FixedClock(FIXED_NOW))
    # Closed desks have their write-ahead log checkpointed into the main file, which alone is copied.
    return Templates(filled, ready, exported, sample)


def copy_desk(template: Path, target: Path) -> Path:
    """A copy of a closed template database at `target` (its folder created)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    return target


def ready_desk_file(path: Path, clock: FixedClock) -> None:
    """A closed desk database at `path`, set up for commune 00004 and nothing else."""
    with Desk.open(path, clock=clock) as desk:
        desk.first_run(UNIT, USERNAME, OFFICER, PASSWORD)


def fill(desk: Desk, clock: FixedClock) -> Sample:
    """Register visits (a delegation, a mixed-content split, a repeat, an online one, one at a session, one
    voided), letters, a held session with conclusions, assignments at every stage and an attachment."""
    s = Sample()
    s.signer = desk.setup.add_signer(SignerDraft("Lê Văn Chủ", "Chủ tịch UBND", "chairman"))

    clock.set_day(date(2026, 3, 2))
    first = desk.intake.register_visit(visit(when="2026-03-02", summary="Khiếu nại việc cấp giấy chứng nhận đất"))
    s.visit_first, s.case_land, s.citizen_duc = first.uuid, first.case_uuids[0], first.citizen_uuid
    s.attachment = desk.cases.add_attachment(s.case_land, "Đơn khiếu nại", pages=3, original=True,
                                             visit_uuid=s.visit_first)

    clock.set_day(date(2026, 3, 3))
    delegation = desk.intake.register_visit(visit(
        when="2026-03-03", who=no_paper("Trần Thị Hoà", "Tổ dân phố 5"), headcount=6,
        representatives=["Trần Thị Hoà", "Phạm Văn Bình"], came_as="group_representative",
        proof_paper="Biên bản cử đại diện", summary="Kiến nghị về ô nhiễm tiếng ồn của xưởng gỗ",
        direction=DirectionDraft("guided", direction_body="Phòng Kinh tế", in_competence=False),
        cases=[case("petition", "environment", "Kiến nghị xử lý tiếng ồn xưởng gỗ")]))
    s.visit_delegation, s.case_petition = delegation.uuid, delegation.case_uuids[0]

    clock.set_day(date(2026, 3, 4))
    mixed = desk.intake.register_visit(visit(
        when="2026-03-04", who=citizen("Lê Thị Mai", id_number=CCCD_2, birth_year=1990, gender="female",
                                       phone="0987654321", address="Thôn 3, xã Tân Thành"),
        summary="Khiếu nại thu hồi đất và tố cáo cán bộ địa chính",
        cases=[case("complaint", "land", "Khiếu nại quyết định thu hồi đất"),
               case("denunciation", "corruption", "Tố cáo cán bộ địa chính nhận tiền",
                    respondent_name="Hoàng Văn Sơn", respondent_position="Công chức địa chính",
                    respondent_body="UBND xã")]))
    s.visit_mixed = mixed.uuid
    s.case_mixed_complaint, s.case_mixed_denunciation = mixed.case_uuids

    online = desk.intake.register_visit(visit(
        when="2026-03-04", who=no_paper("Đỗ Quang Vinh", "Thôn 4"), channel="online",
        summary=LONG_SUMMARY, direction=DirectionDraft("answered"),
        cases=[case("report", "environment", "Phản ánh đèn đường hỏng ở thôn 4")]))
    s.visit_online, s.case_online = online.uuid, online.case_uuids[0]

    clock.set_day(date(2026, 3, 5))
    post = desk.intake.register_letter(letter(when="2026-03-05"))
    s.letter_post, s.case_letter = post.uuid, post.case_uuid
    forwarded = desk.intake.register_letter(letter(
        when="2026-03-05", channel="forwarded", sender_body="UBND huyện", forward_doc="123/UBND",
        summary="Đơn kiến nghị do huyện chuyển về", citizen=citizen(),
        new_case=case("petition", "land", "Kiến nghị cấp đổi sổ đỏ")))
    s.letter_forwarded, s.case_forwarded = forwarded.uuid, forwarded.case_uuid

    clock.set_day(date(2026, 3, 6))
    s.session = desk.sessions.schedule(session("2026-03-06", location="Trụ sở UBND xã",
                                               subject="Tiếp công dân định kỳ")).uuid
    at_session = desk.intake.register_visit(visit(
        when="2026-03-06", session_uuid=s.session, who=no_paper("Vũ Thị Lan", "Thôn 6"),
        summary="Khiếu nại bồi thường giải phóng mặt bằng",
        cases=[case("complaint", "land", "Khiếu nại mức bồi thường")]))
    s.visit_session, s.case_session = at_session.uuid, at_session.case_uuids[0]
    desk.sessions.add_case(s.session, s.case_land)
    desk.sessions.mark_held(s.session)
    desk.sessions.record_conclusion(s.session, s.case_session, "resolve_now", "Giải quyết ngay tại buổi tiếp")
    desk.sessions.record_conclusion(s.session, s.case_land, "assign", "Giao công chức địa chính kiểm tra")

    clock.set_day(date(2026, 3, 9))
    repeat = desk.intake.register_visit(visit(when="2026-03-09", citizen_uuid=s.citizen_duc,
                                              case_uuids=[s.case_land], summary="Hỏi tiến độ giải quyết"))
    s.visit_repeat = repeat.uuid
    wrong = desk.intake.register_visit(visit(when="2026-03-09", who=no_paper("Ngô Văn Nhầm", "Thôn 7"),
                                             summary="Ghi nhầm", cases=[case("petition", "land", "Ghi nhầm")]))
    s.visit_voided, s.case_voided_visit = wrong.uuid, wrong.case_uuids[0]

    clock.set_day(date(2026, 3, 10))
    s.assignment_told = desk.followup.create_assignment(assignment(
        s.case_land, session_uuid=s.session, assigned_on="2026-03-06", deadline="2026-03-20")).uuid
    desk.followup.record_result(s.assignment_told, "Đã kiểm tra, hồ sơ đủ điều kiện", on="2026-03-09")
    desk.followup.record_citizen_told(s.assignment_told, "phone", on="2026-03-10")
    s.assignment_open = desk.followup.create_assignment(assignment(
        s.case_mixed_complaint, assignee="Phó Chủ tịch UBND", task="Xác minh việc thu hồi đất",
        assigned_on="2026-03-10", deadline="2026-04-10")).uuid
    s.assignment_not_told = desk.followup.create_assignment(assignment(
        s.case_petition, assignee="Công chức môi trường", task="Kiểm tra tiếng ồn",
        assigned_on="2026-03-10", deadline="2026-03-17")).uuid
    desk.followup.record_result(s.assignment_not_told, "Đã lập biên bản", on="2026-03-10")
    desk.voiding.void("visit", s.visit_voided, "Ghi nhầm người, nhập lại")
    return s


SEARCH_TABLES = ("visit_search", "case_search", "letter_search")


def _tables(conn: sqlite3.Connection) -> list[str]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return [n for n in names if not n.startswith(SEARCH_TABLES)]


def table_dump(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the search tables read through FTS, their shadow tables left out), and the schema."""
    dump = {}
    for table in _tables(conn):
        dump[table] = sorted((tuple(r) for r in conn.execute(f"SELECT * FROM {table}")), key=repr)
    for fts in SEARCH_TABLES:
        dump[fts] = sorted(tuple(r) for r in conn.execute(f"SELECT rowid, * FROM {fts}"))
    schema = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    dump["sqlite_master"] = sorted(tuple(r) for r in schema)
    return dump


def fingerprint(path: Path) -> str:
    """A digest of the whole database's contents, read by a separate connection that writes nothing; the
    sign-in's own traces (the user's last-attempt counters, its audit rows) are left out: a command that is
    refused still signed in first."""
    conn = sqlite3.connect(str(path))
    try:
        dump = table_dump(conn)
        dump.pop("users", None)
        columns = [c[1] for c in conn.execute("PRAGMA table_info(audit_log)")]
        action, mac = columns.index("action"), columns.index("mac")
        dump["audit_log"] = [row[:mac] for row in dump.get("audit_log", []) if not row[action].startswith("auth.")]
        return hashlib.sha256(repr(dump).encode()).hexdigest()
    finally:
        conn.close()
