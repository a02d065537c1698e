"""Messages of the register of issued documents (numbers, protected names, altered files)."""

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
