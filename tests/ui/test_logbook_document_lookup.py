"""The logbook's search box checks a printed document: a QR code typed by a USB scanner (ending with Enter) or a
typed document number shows, under the table, which document it is and whether it matches — by key events, over
a real desk with a held Party session whose conclusion notice was issued."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from receptiondesk.documents import layout
from receptiondesk.documents.common import DocumentNumber, normalised, protect
from receptiondesk.documents.formats import load_format, load_forms
from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.sessions import HeardCase, SessionDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.services.setup import SignerDraft
from receptiondesk.ui.screens.logbook_screen import MATCH_COLOUR, MISMATCH_COLOUR, LogbookScreen, is_document_lookup
from tests.ui.helpers import open_desk, show_active, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def desk(tmp_path):
    """A desk whose Party secretary held a session on 10/03/2026; its conclusion notice went out as 01-TB/ĐU."""
    with open_desk(tmp_path) as opened:
        opened.setup.add_signer(SignerDraft("Lê Văn Bí", "Bí thư", "party_secretary"))
        came = opened.intake.register_visit(VisitDraft(
            "2026-03-10", CitizenDraft("Nguyễn Văn Đức", address="Thôn 2"), "Khiếu nại thu hồi đất",
            DirectionDraft("accepted"), new_cases=[CaseDraft("complaint", "land", "Khiếu nại thu hồi đất")]))
        planned = opened.sessions.schedule(SessionDraft("2026-03-10", leader_name="Lê Văn Bí", sector="party",
                                                        leader_role="party_secretary", location="Trụ sở Đảng ủy"))
        opened.sessions.add_case(planned.uuid, came.case_uuids[0])
        opened.sessions.hold(planned.uuid, ["Công chức Văn phòng"], [HeardCase(
            came.case_uuids[0], "assign", "Giao địa chính kiểm tra", assignee="Công chức địa chính",
            task="Kiểm tra hồ sơ", working_days=5)])
        draft = opened.paperwork.conclusion_notice(planned.uuid)
        opened.notice = opened.paperwork.issue(draft)
        opened.notice_draft = draft
        yield opened


@pytest.fixture
def screen(qtbot, desk):
    widget = show_active(qtbot, LogbookScreen(desk), (1000, 700))
    yield widget
    widget.close_screen()  # before the desk closes: no timer may fire on a closed file


def printed_payload(desk) -> str:
    """The QR payload as the engine prints it on the notice: nothing decoded, built from the same data."""
    issued, draft = desk.notice, desk.notice_draft
    fmt = load_format("party")
    shown = protect(normalised(dataclasses.replace(draft.data, number=DocumentNumber(issued.number, "TB"),
                                                   issued_on=issued.issued_on)), load_forms().protected_identity)
    line = layout.number_line(fmt, shown.issuer, shown.number)
    return layout.qr_payload(shown.issuer.unit_code, layout.bare_number(line), shown.issued_on, shown)


def scan(qtbot, screen, text: str) -> None:
    """What a keyboard-wedge scanner does: type the code, then press Enter."""
    type_text(screen.search, text)
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)


def test_a_scanned_code_shows_the_document_and_that_it_matches(qtbot, screen, desk):
    payload = printed_payload(desk)
    assert payload.startswith("RD1|00004|01-TB/ĐU|2026-03-10|")
    scan(qtbot, screen, payload)
    assert screen.search.text() == payload  # every character typed, Đ included
    result = screen.scan_result
    assert result is not None and result.matches and result.document["uuid"] == desk.notice.uuid
    shown = screen.scan.text()
    assert not screen.scan.isHidden()
    assert "01-TB/ĐU" in shown and "10/03/2026" in shown and "Thông báo kết luận" in shown
    assert screen.tr("matches") in shown and MATCH_COLOUR in shown and MISMATCH_COLOUR not in shown
    assert screen.model.rowCount() == 0  # no visit search for a code
    assert screen.search.selectedText() == payload  # the next scan replaces this one

    head, digest = payload.rsplit("|", 1)
    forged = f"{head}|{'f' if digest[0] != 'f' else 'e'}{digest[1:]}"
    scan(qtbot, screen, forged)
    assert screen.search.text() == forged
    assert not screen.scan_result.matches and screen.scan_result.reason == "scan.altered"
    shown = screen.scan.text()
    assert "01-TB/ĐU" in shown and screen.tr("does not match") in shown and MISMATCH_COLOUR in shown


def test_a_typed_number_is_checked_and_words_still_search_visits(qtbot, screen, desk):
    scan(qtbot, screen, "Số 01-TB/ĐU")
    assert screen.scan_result.matches and screen.scan_result.reason == "scan.number_found"
    assert "Thông báo kết luận" in screen.scan.text() and MATCH_COLOUR in screen.scan.text()

    screen.search.clear()
    scan(qtbot, screen, "99/TB-UBND")
    assert screen.scan_result.document is None and not screen.scan_result.matches
    assert MISMATCH_COLOUR in screen.scan.text() and "Thông báo kết luận" not in screen.scan.text()

    screen.search.clear()
    scan(qtbot, screen, "nguyen van duc")
    assert screen.scan.isHidden() and screen.scan_result is None
    assert screen.model.rowCount() == 1  # a name searches the logbook as before


@pytest.mark.parametrize(("text", "lookup"), [
    ("RD1|00004|05/TB-UBND|2026-03-10|0123456789ab", True), ("rd1|00004|x", True),
    ("05/TB-UBND", True), ("12-TB/ĐU", True), ("Số: 05/tb-ubnd", True), ("15/UBND-TCD", True),
    ("Số 12-TB/ĐU", True), ("nguyen van duc", False), ("12/3 Nguyễn Trãi", False), ("Thôn 2", False),
    ("05/TB", False), ("2026-03-10", False),
])
def test_what_counts_as_a_document_lookup(text, lookup):
    assert is_document_lookup(text) is lookup
