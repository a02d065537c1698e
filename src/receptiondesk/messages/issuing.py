"""Messages of the register of issued documents (numbers, protected names, altered files, a denunciation
transferred once, documents drafted from a visit or a case, and the check of a scanned QR code or typed number)."""

MESSAGES: dict[str, dict[str, str]] = {
    "document.protected_name": {
        "vi": "văn bản này ghi danh tính người được bảo vệ; chỉ người được cấp quyền xem danh tính mới in được.",
        "en": "this document names a protected person; only a user allowed to see protected identities may print it."},
    "document.number_used": {
        "vi": "số {number} đã được dùng cho văn bản cùng loại của cơ quan ban hành trong năm; hãy chọn số khác.",
        "en": "number {number} is already used for this issuer, type and year; choose another."},
    "document.number_range": {"vi": "số văn bản phải từ 1 đến {max}.", "en": "the number must be from 1 to {max}."},
    "document.altered": {
        "vi": "tệp văn bản số {number} đã bị thay đổi sau khi ban hành (mã kiểm tra không khớp); không in lại được.",
        "en": "the file of document {number} was altered after it was issued (its checksum does not match); "
              "it cannot be reprinted."},
    "document.session_not_held": {
        "vi": "buổi tiếp chưa được ghi nhận là đã tổ chức (chưa có kết luận); chưa ra thông báo kết luận được.",
        "en": "the session has not been held yet (no conclusions): its notice cannot be issued."},
    "document.nothing_handed_in": {
        "vi": "công dân không nộp tài liệu nào trong lượt tiếp này; không có gì để ghi vào giấy biên nhận.",
        "en": "the citizen handed in no documents at this visit: there is nothing to put on a receipt."},
    "document.transferred_once": {
        "vi": "vụ việc tố cáo (hoặc được bảo vệ) này đã được chuyển theo phiếu chuyển đơn số {number} ngày {date}; "
              "đơn tố cáo chỉ được chuyển một lần. Nếu phiếu đó ban hành nhầm, hãy hủy phiếu đó trước.",
        "en": "this denunciation (or protected case) was already transferred by slip No. {number} of {date}; "
              "a denunciation is transferred only once. If that slip was issued in error, void it first."},
    "document.visit_not_refused": {
        "vi": "lượt tiếp này không được ghi hướng xử lý «Từ chối tiếp»; thông báo từ chối chỉ lập cho lượt tiếp "
              "bị từ chối.",
        "en": "this visit is not recorded as refused: a refusal notice is made only for a refused visit."},
    "document.case_not_transferred": {
        "vi": "vụ việc này không được ghi hướng xử lý «Chuyển đơn»; phiếu chuyển đơn chỉ lập cho vụ việc được chuyển.",
        "en": "this case is not recorded as transferred: a transfer slip is made only for a transferred case."},
    "document.visit_not_guided": {
        "vi": "lượt tiếp này không được ghi hướng xử lý «Hướng dẫn»; văn bản hướng dẫn chỉ lập cho lượt tiếp "
              "được hướng dẫn.",
        "en": "this visit is not recorded as guided: a guidance letter is made only for a guided visit."},
    "scan.matches": {
        "vi": "khớp với văn bản đã ban hành: mã đơn vị, số, ngày và mã kiểm tra nội dung đều đúng.",
        "en": "it matches the document as issued: unit, number, date and content check all agree."},
    "scan.number_found": {
        "vi": "số này có trong sổ văn bản đi (số nhập tay: chưa đối chiếu được nội dung).",
        "en": "this number is in the outgoing register (a typed number: the content was not checked)."},
    "scan.not_found": {"vi": "không có văn bản nào mang số này trong sổ văn bản đi.",
                       "en": "no document carries this number in the outgoing register."},
    "scan.voided": {"vi": "văn bản này đã bị hủy, không còn giá trị.",
                    "en": "this document was voided: it is no longer valid."},
    "scan.altered": {
        "vi": "mã kiểm tra nội dung không khớp: nội dung văn bản có thể đã bị sửa đổi.",
        "en": "the content check does not match: the document's content may have been altered."},
    "scan.unit_differs": {"vi": "mã đơn vị trong mã QR khác với đơn vị đã ban hành văn bản này.",
                          "en": "the unit code in the QR code is not the one of the unit that issued this document."},
    "scan.date_differs": {"vi": "ngày trong mã QR khác với ngày của văn bản đã ban hành.",
                          "en": "the date in the QR code differs from the date of the document as issued."},
    "scan.not_recorded": {
        "vi": "văn bản được ban hành trước khi phần mềm lưu mã QR; không đối chiếu được nội dung.",
        "en": "this document was issued before the desk kept QR codes: its content cannot be checked."},
    "scan.malformed": {
        "vi": "mã QR không đúng dạng RD1|mã đơn vị|số văn bản|ngày|mã kiểm tra.",
        "en": "the QR code is not of the form RD1|unit|number|date|check."},
    "value.range_inverted": {"vi": "ngày kết thúc phải sau ngày bắt đầu.", "en": "the end date must follow the start."},
    "cli.document_written": {"vi": "Đã ghi {path} ({size} byte).", "en": "Wrote {path} ({size} bytes)."},
    "cli.document_issued": {"vi": "Đã ban hành văn bản số {number} (mã {uuid}).",
                            "en": "Issued document No. {number} ({uuid})."},
    "field.document": {"vi": "Văn bản", "en": "Document"},
    "field.document_number": {"vi": "Số văn bản", "en": "Document number"},
    "field.document_title": {"vi": "Tên văn bản", "en": "Document title"},
    "field.issuer": {"vi": "Cơ quan ban hành", "en": "Issuer"},
    "field.date_to": {"vi": "Đến ngày", "en": "To"},
    "field.issued_on": {"vi": "Ngày ban hành", "en": "Date issued"},
}
