"""Messages of the attachments area (problem codes and labels) in Vietnamese and English."""

MESSAGES: dict[str, dict[str, str]] = {
    "field.attachment_file": {"vi": "Tệp bản quét", "en": "Scanned file"},
    "field.attachment_kind": {"vi": "Loại tài liệu", "en": "Kind of document"},
    "field.attachment": {"vi": "Tài liệu kèm theo", "en": "Attachment"},
    "enum.attachment_kind.document": {"vi": "Đơn, tài liệu", "en": "Letter or document"},
    "enum.attachment_kind.id_card": {"vi": "Ảnh giấy tờ tùy thân", "en": "Image of an ID card"},
    "attachment.file_too_large": {
        "vi": "tệp “{name}” nặng {size} MB, vượt quá mức tối đa {max} MB của một bản quét; hãy quét lại với độ "
              "phân giải thấp hơn hoặc chia thành nhiều tệp.",
        "en": "the file “{name}” is {size} MB, more than the {max} MB a scan may be; scan it again at a lower "
              "resolution or split it into several files."},
    "attachment.file_type": {
        "vi": "tệp “{name}” không phải bản quét PDF, JPEG, PNG hoặc TIFF nên không được đính kèm.",
        "en": "the file “{name}” is not a PDF, JPEG, PNG or TIFF scan and cannot be attached."},
    "attachment.file_mismatch": {
        "vi": "tệp “{name}” có đuôi “{extension}” nhưng nội dung là {actual}; hãy lưu lại tệp với đúng định dạng.",
        "en": "the file “{name}” ends in “{extension}” but holds a {actual} file; save it again in its real format."},
    "attachment.file_empty": {"vi": "tệp “{name}” trống, không có nội dung.", "en": "the file “{name}” is empty."},
    "attachment.file_unreadable": {"vi": "không đọc được tệp “{name}” ({reason}).",
                                   "en": "the file “{name}” cannot be read ({reason})."},
    "attachment.id_images_off": {
        "vi": "ảnh giấy tờ tùy thân là dữ liệu cá nhân nhạy cảm, chỉ được lưu khi quản trị viên cho phép trong "
              "phần cài đặt.",
        "en": "images of ID cards are sensitive personal data and are kept only when the administrator allows "
              "it in the settings."},
    "attachment.no_file": {"vi": "tài liệu “{title}” không có tệp bản quét.",
                           "en": "the document “{title}” has no scanned file."},
    "attachment.file_tampered": {
        "vi": "tệp của tài liệu “{title}” không khớp mã kiểm tra: tệp đã bị thay đổi hoặc hỏng nên không mở.",
        "en": "the file of “{title}” does not match its checksum: it was changed or damaged and is not opened."},
}
