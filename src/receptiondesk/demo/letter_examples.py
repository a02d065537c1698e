"""Sample data for the letter-handling and leaders' documents (transfer slip, guidance and reminder letters,
reception schedule, dialogue minutes, letter register, acceptance proposal and notice)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

from receptiondesk.documents.acceptance_notice import AcceptanceNotice
from receptiondesk.documents.acceptance_proposal import AcceptanceProposal, ConditionCheck
from receptiondesk.documents.common import Citizen, DocumentNumber, Person, Signer, SignMode
from receptiondesk.documents.dialogue_minutes import DialogueMinutes, Opinion
from receptiondesk.documents.guidance_letter import GuidanceLetter
from receptiondesk.documents.letter_register import LetterRegister, RegisterRow
from receptiondesk.documents.reception_schedule import ReceptionSchedule, ScheduleEntry
from receptiondesk.documents.reminder_letter import OverdueAssignment, ReminderLetter
from receptiondesk.documents.transfer_slip import TransferSlip
from receptiondesk.demo.document_examples import (CHAIRMAN, DUC, LONG_CONTENT, OFFICER, PARTY_ISSUER, SECRETARY, STATE_ISSUER,
                                     VICE)

MASK = "[Danh tính được bảo vệ]"
OFFICE_HEAD = Signer("Lê Thị Hà", "Chánh Văn phòng", mode=SignMode.TL, principal="Chủ tịch")
AUTHORISED = Signer("Đỗ Văn Hùng", "Trưởng phòng Văn hóa - Xã hội", mode=SignMode.TUQ, principal="Chủ tịch")

#: A denouncer: every detail of hers must stay out of a transfer slip.
HOA = Citizen("Vũ Thị Hoa", address="số 17 ngõ Chùa Cả, thôn Tây, xã Tân Thành", id_number="037190000111",
              phone="0987654321", protected=True)
DENUNCIATION = ("Tố cáo ông Trần Văn Khải, chủ cơ sở kinh doanh karaoke tại thôn Tây, tổ chức đánh bạc trái phép "
                "vào các buổi tối từ tháng 12/2025.")
DUC_MR = dataclasses.replace(DUC, salutation="Ông")


def transfer_slip(**changes) -> TransferSlip:
    values = dict(
        issuer=STATE_ISSUER, number=DocumentNumber(12, "PC"), issued_on=date(2026, 2, 9), signer=VICE,
        receiver="Công an xã Tân Thành", sender=HOA, content_type="denunciation", received_on=date(2026, 2, 3),
        content=DENUNCIATION,
        reason="Nội dung tố cáo hành vi tổ chức đánh bạc thuộc thẩm quyền xử lý của Công an xã.",
        attachments=("Đơn tố cáo đề ngày 02/02/2026 (bản sao đã che thông tin người tố cáo)", "02 ảnh chụp"),
        recipients=("Như trên", "Chủ tịch UBND xã (để b/c)"), archive="VT, TCD")
    values.update(changes)
    return TransferSlip(**values)


def guidance_letter(**changes) -> GuidanceLetter:
    values = dict(
        issuer=STATE_ISSUER, number=DocumentNumber(15, "TCD"), issued_on=date(2026, 2, 12), signer=CHAIRMAN,
        citizen=DUC_MR, content_type="petition", received_on=date(2026, 2, 4),
        content="Đề nghị cơ quan có thẩm quyền xem xét, giải quyết tranh chấp hợp đồng vay tài sản giữa ông và "
                "bà Lê Thị Mận, trú tại thôn Bắc.",
        guide_to="Tòa án nhân dân khu vực 1 - Ninh Bình",
        guidance="Khi gửi đơn, ông cần kèm theo bản sao giấy tờ tùy thân và các tài liệu, chứng cứ liên quan đến "
                 "việc vay tài sản.",
        archive="VT, TCD")
    values.update(changes)
    return GuidanceLetter(**values)


SOURCE = "Thông báo số 05/TB-UBND ngày 05/02/2026 của Ủy ban nhân dân xã"


def reminder_letter(**changes) -> ReminderLetter:
    values = dict(
        issuer=STATE_ISSUER, number=DocumentNumber(21, "TCD"), issued_on=date(2026, 3, 10), signer=VICE,
        assignee="công chức Địa chính - Nông nghiệp xã",
        assignments=(OverdueAssignment("kiểm tra thực địa, đối chiếu hồ sơ địa chính, báo cáo đề xuất hướng giải "
                                       "quyết", date(2026, 2, 20), SOURCE, DUC),),
        report_by=date(2026, 3, 17), recipients=("Như trên", "Chủ tịch UBND xã (để b/c)"), archive="VT, TCD")
    values.update(changes)
    return ReminderLetter(**values)


AN = Person("Nguyễn Văn An", "Chủ tịch Ủy ban nhân dân xã")
BINH = Person("Trần Thị Bình", "Phó Chủ tịch Ủy ban nhân dân xã")
MORNING, AFTERNOON = "Sáng: 7 giờ 30 – 11 giờ 30", "Chiều: 13 giờ 30 – 17 giờ"
PLACE = "Trụ sở tiếp công dân xã Tân Thành"


def schedule_entries(start: date, end: date, *, times: bool = True) -> tuple[ScheduleEntry, ...]:
    """The chairman every Thursday morning, the vice-chairman Thursday afternoons and Monday mornings."""
    out = []
    day = start
    while day <= end:
        if day.weekday() == 3:
            out.append(ScheduleEntry(day, AN, PLACE, MORNING if times else ""))
            out.append(ScheduleEntry(day, BINH, PLACE, AFTERNOON if times else ""))
        elif day.weekday() == 0:
            out.append(ScheduleEntry(day, BINH, "Hội trường thôn Đông", MORNING if times else ""))
        day += timedelta(days=1)
    return tuple(out)


def month_schedule(**changes) -> ReceptionSchedule:
    values = dict(
        issuer=STATE_ISSUER, number=DocumentNumber(3, "TB"), issued_on=date(2026, 3, 25), signer=CHAIRMAN,
        period_start=date(2026, 4, 1), period_end=date(2026, 4, 30),
        entries=schedule_entries(date(2026, 4, 1), date(2026, 4, 30), times=False),
        recipients=("Thường trực Đảng ủy xã", "Các thôn (để niêm yết)"), archive="VT, TCD")
    values.update(changes)
    return ReceptionSchedule(**values)


def quarter_schedule(**changes) -> ReceptionSchedule:
    values = dict(period_start=date(2026, 4, 1), period_end=date(2026, 6, 30),
                  entries=schedule_entries(date(2026, 4, 1), date(2026, 6, 30)))
    values.update(changes)
    return month_schedule(**values)


def party_schedule(**changes) -> ReceptionSchedule:
    secretary = Person("Lê Văn Cường", "Bí thư Đảng ủy xã")
    values = dict(sector="party", issuer=PARTY_ISSUER, signer=SECRETARY, number=DocumentNumber(8, "TB"),
                  entries=(ScheduleEntry(date(2026, 4, 10), secretary, "Trụ sở Đảng ủy xã"),
                           ScheduleEntry(date(2026, 4, 24), secretary, "Trụ sở Đảng ủy xã")),
                  recipients=("Ban Thường vụ Đảng ủy xã",), archive="")
    values.update(changes)
    return month_schedule(**values)


GIANG = Citizen("Đặng Văn Giang", "thôn Nam, xã Tân Thành")
NHUNG = Citizen("Phạm Thị Nhung", "thôn Nam, xã Tân Thành", salutation="Bà")
MINH = Person("Bùi Văn Minh", "công chức Địa chính - Nông nghiệp")
CITIZEN_OPINION = "Đề nghị tính lại đơn giá bồi thường cây trồng theo giá thị trường tại thời điểm thu hồi đất."
CONCLUSION = ("Giữ nguyên phương án bồi thường đã được phê duyệt. Giao công chức Địa chính - Nông nghiệp phối hợp "
              "với Ban Quản lý dự án rà soát lại số lượng cây trồng của hộ ông Hoàng Văn Đức, báo cáo trước ngày "
              "20/3/2026.")


def dialogue(**changes) -> DialogueMinutes:
    values = dict(
        issuer=STATE_ISSUER, started_at=datetime(2026, 3, 12, 8, 30),
        location="Hội trường Ủy ban nhân dân xã Tân Thành",
        matter="việc bồi thường, hỗ trợ khi thu hồi đất thực hiện dự án đường liên xã Tân Thành - Gia Hòa",
        presiding=AN, recorder=OFFICER, citizens=(DUC, GIANG, NHUNG), conclusion=CONCLUSION,
        officials=(MINH, Person("Trần Văn Tuấn", "Giám đốc Ban Quản lý dự án khu vực")),
        others=("Ông Phạm Văn Dũng, người có quyền, nghĩa vụ liên quan",),
        presented=LONG_CONTENT,
        opinions=(Opinion(DUC, CITIZEN_OPINION),
                  Opinion(GIANG, "Đồng ý với phương án nhưng đề nghị chi trả trước ngày 30/4/2026."),
                  Opinion(MINH, "Đơn giá đã áp dụng đúng Quyết định của Ủy ban nhân dân tỉnh.")),
        ended_at=datetime(2026, 3, 12, 10, 45), number=DocumentNumber(4, "BB"))
    values.update(changes)
    return DialogueMinutes(**values)


_CODES = ("complaint", "denunciation", "petition", "report")


def register(rows: int = 45, **changes) -> LetterRegister:
    items = []
    for i in range(rows):
        village = ("Đông", "Tây", "Nam", "Bắc")[i % 4]
        sender = None if i % 11 == 7 else Citizen(f"Trần Văn Bảo {i + 1}", f"thôn {village}, xã Tân Thành",
                                                  id_number=f"0370900{i:05d}", protected=i % 6 == 2)
        items.append(RegisterRow(
            i + 1, date(2026, 1, 5) + timedelta(days=i // 2), sender,
            ("Đề nghị xem xét cấp Giấy chứng nhận quyền sử dụng đất cho thửa đất gia đình sử dụng ổn định từ năm "
             "1995" if i % 2 else "Tố cáo việc thu các khoản đóng góp không đúng quy định tại thôn"),
            _CODES[i % 4], ("Đất đai", "Tài chính", "Chính sách xã hội")[i % 3],
            "Chuyển Công an xã (Phiếu số 05/PC-UBND)" if i % 3 == 0 else "Thụ lý giải quyết",
            "Đang giải quyết" if i % 2 else "", forwarded_by="Ban Tiếp công dân tỉnh" if i % 5 == 0 else ""))
    values = dict(issuer=STATE_ISSUER, date_from=date(2026, 1, 1), date_to=date(2026, 1, 31), rows=tuple(items),
                  printed_on=date(2026, 2, 2), officer=OFFICER)
    values.update(changes)
    return LetterRegister(**values)


COMPLAINT = ("Khiếu nại Quyết định số 15/QĐ-UBND ngày 10/01/2026 của Chủ tịch Ủy ban nhân dân xã về việc xử phạt vi "
             "phạm hành chính trong lĩnh vực đất đai.")


def proposal(**changes) -> AcceptanceProposal:
    values = dict(
        issuer=STATE_ISSUER, issued_on=date(2026, 2, 10), officer=OFFICER, leader="Chủ tịch Ủy ban nhân dân xã",
        sender=DUC, content_type="complaint", received_on=date(2026, 2, 5), summary=COMPLAINT,
        conditions=(ConditionCheck("Khiếu nại thuộc thẩm quyền giải quyết của Chủ tịch Ủy ban nhân dân xã", True),
                    ConditionCheck("Người khiếu nại có năng lực hành vi dân sự đầy đủ", True),
                    ConditionCheck("Còn thời hiệu khiếu nại", True, "quyết định ban hành ngày 10/01/2026"),
                    ConditionCheck("Chưa có bản án, quyết định của Tòa án về nội dung khiếu nại", True)),
        accept=True,
        proposal="Giao công chức Tư pháp - Hộ tịch xác minh nội dung khiếu nại, báo cáo kết quả trong thời hạn "
                 "15 ngày kể từ ngày được giao.")
    values.update(changes)
    return AcceptanceProposal(**values)


def acceptance(**changes) -> AcceptanceNotice:
    values = dict(
        issuer=STATE_ISSUER, number=DocumentNumber(9, "TB"), issued_on=date(2026, 2, 12), signer=CHAIRMAN,
        citizen=DUC_MR, content_type="complaint", received_on=date(2026, 2, 5), content=COMPLAINT, accepted=True,
        accepted_on=date(2026, 2, 12), time_limit="30 ngày",
        handling="Chủ tịch Ủy ban nhân dân xã giao công chức Tư pháp - Hộ tịch xác minh nội dung khiếu nại.",
        recipients=("Như trên", "Công chức Tư pháp - Hộ tịch"), archive="VT, TCD")
    values.update(changes)
    return AcceptanceNotice(**values)


def rejection(**changes) -> AcceptanceNotice:
    values = dict(accepted=False, accepted_on=None, time_limit="", handling="",
                  reason="đơn khiếu nại gửi đến sau khi đã hết thời hiệu khiếu nại mà không có lý do chính đáng",
                  legal_basis="Căn cứ khoản 5 Điều 11 Luật Khiếu nại năm 2011",
                  guidance="Ông có quyền khởi kiện vụ án hành chính tại Tòa án theo quy định của Luật Tố tụng hành "
                           "chính.")
    values.update(changes)
    return acceptance(**values)
