"""Sample data for the document tests (and for looking at the documents by hand)."""

from __future__ import annotations

from datetime import date

from receptiondesk.documents.common import Citizen, DocumentNumber, Issuer, Person, Signer, SignMode
from receptiondesk.documents.conclusion_notice import Assignment, ConclusionNotice, HeardCase

STATE_ISSUER = Issuer.commune_committee("xã", "Tân Thành", unit_code="00004")
WARD_ISSUER = Issuer.commune_committee("phường", "Ba Đình", unit_code="00004")
PARTY_ISSUER = Issuer.commune_party_committee("Ninh Bình", "xã", "Tân Thành", unit_code="00004")

CHAIRMAN = Signer("Nguyễn Văn An", "Chủ tịch", on_behalf_of="Ủy ban nhân dân")
VICE = Signer("Trần Thị Bình", "Phó Chủ tịch", on_behalf_of="Ủy ban nhân dân", mode=SignMode.KT, principal="Chủ tịch")
SECRETARY = Signer("Lê Văn Cường", "Bí thư", on_behalf_of="Ban Thường vụ")

LONG_CONTENT = ("Ông trình bày: năm 1998 gia đình ông nhận chuyển nhượng thửa đất số 112, tờ bản đồ số 7 tại thôn "
                "Đông của ông Phạm Văn Dũng, có giấy viết tay và xác nhận của trưởng thôn; năm 2015 khi đo đạc lại "
                "bản đồ địa chính, diện tích thửa đất bị ghi thiếu 45 m² so với thực tế sử dụng, phần diện tích này "
                "bị ghi vào thửa đất của hộ liền kề. Ông đề nghị Ủy ban nhân dân xã kiểm tra, xác định lại ranh giới "
                "và điều chỉnh hồ sơ địa chính để gia đình ông được cấp Giấy chứng nhận quyền sử dụng đất.")


def state_notice(**changes) -> ConclusionNotice:
    cases = (
        HeardCase(Citizen("Hoàng Văn Đức", address="thôn Đông, xã Tân Thành"), LONG_CONTENT,
                  "Giao công chức Địa chính - Nông nghiệp phối hợp với Trưởng thôn Đông kiểm tra thực địa, đối chiếu "
                  "hồ sơ địa chính qua các thời kỳ, báo cáo đề xuất hướng giải quyết.",
                  (Assignment("công chức Địa chính - Nông nghiệp", "kiểm tra thực địa, đối chiếu hồ sơ địa chính, "
                                                                    "báo cáo đề xuất hướng giải quyết",
                              date(2026, 2, 20)),
                   Assignment("Trưởng thôn Đông", "phối hợp xác định ranh giới sử dụng đất", date(2026, 2, 13)))),
        HeardCase(Citizen("Vũ Thị Hoa", address="thôn Tây, xã Tân Thành", protected=True),
                  "Tố cáo việc thu các khoản đóng góp không đúng quy định tại thôn Tây.",
                  "Tiếp nhận đơn tố cáo, giao công chức Tư pháp - Hộ tịch xử lý theo quy định của Luật Tố cáo.",
                  (Assignment("công chức Tư pháp - Hộ tịch", "thụ lý, xác minh nội dung tố cáo", date(2026, 3, 6)),)),
        HeardCase(Citizen("Đặng Văn Giang", address="thôn Nam, xã Tân Thành"),
                  "Đề nghị sửa chữa đoạn đường liên thôn bị sụt lún.",
                  "Ghi nhận kiến nghị, đưa vào kế hoạch duy tu đường giao thông năm 2026.", persons=6),
    )
    values = dict(
        issuer=STATE_ISSUER, number=DocumentNumber(5, "TB"), issued_on=date(2026, 2, 5), signer=CHAIRMAN,
        session_date=date(2026, 2, 4), location="Trụ sở tiếp công dân xã Tân Thành",
        presiding=Person("Nguyễn Văn An", "Chủ tịch Ủy ban nhân dân xã"), cases=cases,
        attendees=(Person("Phạm Thị Lan", "công chức Văn phòng - Thống kê"),
                   Person("Bùi Văn Minh", "công chức Địa chính - Nông nghiệp")),
        report_to="Ủy ban nhân dân xã (qua công chức phụ trách tiếp công dân)",
        recipients=("Chủ tịch, các Phó Chủ tịch UBND xã", "Các cơ quan, đơn vị được giao nhiệm vụ",
                    "Công dân có liên quan"),
        archive="VT, TCD",
    )
    values.update(changes)
    return ConclusionNotice(**values)


def party_notice(**changes) -> ConclusionNotice:
    values = dict(sector="party", issuer=PARTY_ISSUER, number=DocumentNumber(12, "TB"), signer=SECRETARY,
                  presiding=Person("Lê Văn Cường", "Bí thư Đảng ủy xã"),
                  report_to="Ban Thường vụ Đảng ủy xã (qua Văn phòng Đảng ủy)",
                  recipients=("Thường trực Đảng ủy xã", "Các tổ chức, cá nhân được giao nhiệm vụ"), archive="")
    values.update(changes)
    return state_notice(**values)


# --- Reception forms ------------------------------------------------------------------------------

from datetime import datetime, timedelta  # noqa: E402

from receptiondesk.documents.logbook import Logbook, LogbookRow  # noqa: E402
from receptiondesk.documents.oral_statement import OralStatement  # noqa: E402
from receptiondesk.documents.receipt import ReceivedItem, Receipt  # noqa: E402
from receptiondesk.documents.refusal_notice import RefusalNotice  # noqa: E402

OFFICER = Person("Phạm Thị Lan", "công chức Văn phòng - Thống kê, phụ trách tiếp công dân")
DUC = Citizen("Hoàng Văn Đức", address="thôn Đông, xã Tân Thành, tỉnh Ninh Bình", id_number="037085001234",
              id_issued_on=date(2021, 5, 10), id_issued_by="Cục Cảnh sát quản lý hành chính về trật tự xã hội",
              phone="0912345678")


def receipt(**changes) -> Receipt:
    values = dict(
        issuer=STATE_ISSUER, received_at=datetime(2026, 2, 5, 9, 5), location="Trụ sở tiếp công dân xã Tân Thành",
        receiver=OFFICER, provider=DUC,
        items=(ReceivedItem("Đơn đề nghị xác định lại ranh giới thửa đất số 112, tờ bản đồ số 7", 3, True),
               ReceivedItem("Giấy chuyển nhượng đất viết tay năm 1998 có xác nhận của trưởng thôn", 1, False),
               ReceivedItem("Ảnh chụp hiện trạng thửa đất", 6, False, "ảnh màu")))
    values.update(changes)
    return Receipt(**values)


def refusal(**changes) -> RefusalNotice:
    values = dict(
        issuer=STATE_ISSUER, number=DocumentNumber(7, "TB"), issued_on=date(2026, 3, 9), signer=VICE,
        citizen=DUC, came_at=datetime(2026, 3, 6, 14, 30), location="Trụ sở tiếp công dân xã Tân Thành",
        content="khiếu nại Quyết định số 15/QĐ-UBND ngày 10/01/2025 về việc giải quyết tranh chấp đất đai",
        grounds=("Vụ việc đã được giải quyết đúng chính sách, pháp luật, đã được kiểm tra, rà soát, thông báo bằng "
                 "văn bản và không có tình tiết mới",),
        archive="VT, TCD",
        guidance="Trường hợp có tình tiết mới, ông (bà) gửi đơn kèm tài liệu chứng minh đến Ủy ban nhân dân xã "
                 "để được xem xét theo quy định.")
    values.update(changes)
    return RefusalNotice(**values)


def statement(**changes) -> OralStatement:
    values = dict(
        issuer=STATE_ISSUER, started_at=datetime(2026, 2, 5, 9, 5), ended_at=datetime(2026, 2, 5, 9, 50),
        location="Trụ sở tiếp công dân xã Tân Thành", officer=OFFICER, citizen=DUC, content_type="kiến nghị",
        statement=LONG_CONTENT, companions=("bà Nguyễn Thị Mai (vợ)",),
        requests="Kiểm tra, xác định lại ranh giới thửa đất và điều chỉnh hồ sơ địa chính.",
        documents=("Giấy chuyển nhượng đất viết tay năm 1998 (bản sao)",))
    values.update(changes)
    return OralStatement(**values)


_TYPES = ("Khiếu nại", "Tố cáo", "Kiến nghị", "Phản ánh")


def logbook(rows: int = 30, **changes) -> Logbook:
    start = date(2026, 1, 5)
    items = []
    for i in range(rows):
        protected = i % 7 == 3
        items.append(LogbookRow(
            number=i + 1, visit_date=start + timedelta(days=i // 3),
            citizen=Citizen(f"Nguyễn Văn Công {i + 1}", address=f"thôn {('Đông', 'Tây', 'Nam', 'Bắc')[i % 4]}, "
                                                               f"xã Tân Thành", id_number=f"0370850{i:05d}",
                            protected=protected),
            summary=("Đề nghị xem xét cấp Giấy chứng nhận quyền sử dụng đất cho thửa đất gia đình sử dụng ổn định "
                     "từ năm 1995" if i % 2 else "Phản ánh việc xả nước thải gây ô nhiễm môi trường khu dân cư"),
            content_type=_TYPES[i % 4], headcount=1 + (i % 5 == 0) * 5, handled_by="" if i % 3 else "UBND xã",
            in_competence=i % 2 == 0, guided_to="" if i % 4 else "Tòa án nhân dân khu vực 1 (Phiếu số 12/PHD)",
            transferred_to="" if i % 4 != 1 else "Công an xã (Phiếu chuyển số 05/PC-TCD)",
            follow_up="Đã trả lời" if i % 3 == 0 else "", notes=""))
    values = dict(issuer=STATE_ISSUER, date_from=start, date_to=date(2026, 1, 31), rows=tuple(items),
                  printed_on=date(2026, 2, 2), officer=OFFICER)
    values.update(changes)
    return Logbook(**values)
