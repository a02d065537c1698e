"""`receptiondesk doc`: issue a document, print a preview, reprint exactly, list by number or subject."""

from __future__ import annotations

import json

from pypdf import PdfReader

from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.sessions import HeardCase, SessionDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.services.setup import SignerDraft
from tests.cli.helpers import service


def _held_session(desk) -> str:
    desk.setup.add_signer(SignerDraft("Trần Văn Hùng", "Chủ tịch", "chairman"))
    today = desk.context.today()
    came = desk.intake.register_visit(VisitDraft(
        today, CitizenDraft("Nguyễn Văn Đức", address="Thôn 2"), "Khiếu nại thu hồi đất", DirectionDraft("accepted"),
        new_cases=[CaseDraft("complaint", "land", "Khiếu nại thu hồi đất")]))
    planned = desk.sessions.schedule(SessionDraft(today, leader_name="Trần Văn Hùng", location="Trụ sở"))
    desk.sessions.add_case(planned.uuid, came.case_uuids[0])
    desk.sessions.hold(planned.uuid, ["Công chức Văn phòng"], [HeardCase(
        came.case_uuids[0], "assign", "Giao địa chính kiểm tra", assignee="Công chức địa chính",
        task="Kiểm tra hồ sơ", working_days=5)])
    return planned.uuid


def test_issue_reprint_and_list_a_conclusion_notice(run, desk_dir, tmp_path):
    session_uuid = service(desk_dir, _held_session)
    preview = run("--data-dir", desk_dir, "doc", "print", "conclusion-notice", session_uuid,
                  "--out", tmp_path / "preview.pdf")
    assert preview.code == 0 and "preview.pdf" in preview.out
    assert "THÔNG BÁO" in PdfReader(tmp_path / "preview.pdf").pages[0].extract_text()
    issued = run("--data-dir", desk_dir, "doc", "issue", "conclusion-notice", session_uuid, "--out",
                 tmp_path / "notice.pdf")
    assert issued.code == 0, issued.err
    year = service(desk_dir, lambda desk: desk.context.today().year)
    number = "01/TB-UBND"
    assert number in issued.out and number in PdfReader(tmp_path / "notice.pdf").pages[0].extract_text()
    listed = json.loads(run("--data-dir", desk_dir, "doc", "list", "--number", number, "--json").out)
    assert [row["number_text"] for row in listed] == [number] and listed[0]["issued_on"].startswith(str(year))
    again = run("--data-dir", desk_dir, "doc", "reprint", listed[0]["uuid"], "--out", tmp_path / "again.pdf")
    assert again.code == 0
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "notice.pdf").read_bytes()
    used = run("--data-dir", desk_dir, "doc", "issue", "conclusion-notice", session_uuid, "--number", "1",
               "--out", tmp_path / "twice.pdf")
    assert used.code == 3 and "01/TB-UBND" in used.err and not (tmp_path / "twice.pdf").exists()


def test_the_logbook_preview_for_a_range(run, desk_dir, tmp_path):
    result = run("--data-dir", desk_dir, "doc", "print", "logbook", "--from", "2025-01-01", "--to", "2025-12-31",
                 "--out", tmp_path / "logbook.pdf")
    assert result.code == 0, result.err
    page = PdfReader(tmp_path / "logbook.pdf").pages[0]
    assert page.mediabox.width > page.mediabox.height


def test_a_viewer_cannot_issue(run, desk_dir, tmp_path, monkeypatch):
    session_uuid = service(desk_dir, _held_session)
    service(desk_dir, lambda desk: desk.accounts.add_user(desk.context.session, "xem", "Người Xem", "viewer",
                                                          "mật khẩu xem 1"))
    monkeypatch.setenv("RECEPTIONDESK_USER", "xem")
    monkeypatch.setenv("RECEPTIONDESK_PASSWORD", "mật khẩu xem 1")
    refused = run("--data-dir", desk_dir, "doc", "issue", "conclusion-notice", session_uuid, "--out",
                  tmp_path / "x.pdf")
    assert refused.code == 3 and not (tmp_path / "x.pdf").exists()
