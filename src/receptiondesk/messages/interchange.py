"""Messages of the interchange files, the command line and the integrity check."""

_AT = {"vi": "Dòng {line}, “{key}”: ", "en": "Line {line}, “{key}”: "}


def _record(vi: str, en: str) -> dict[str, str]:
    return {"vi": _AT["vi"] + vi, "en": _AT["en"] + en}


MESSAGES: dict[str, dict[str, str]] = {
    "interchange.missing": _record("thiếu giá trị bắt buộc.", "a required value is missing."),
    "interchange.not_text": _record("phải là chuỗi ký tự.", "must be text."),
    "interchange.too_long": _record("dài quá {max} ký tự.", "longer than {max} characters."),
    "interchange.bad_integer": _record("phải là số nguyên từ {low} đến {high}.",
                                       "must be a whole number from {low} to {high}."),
    "interchange.bad_boolean": _record("phải là true hoặc false.", "must be true or false."),
    "interchange.bad_date": _record("phải là ngày dạng YYYY-MM-DD.", "must be a date as YYYY-MM-DD."),
    "interchange.bad_timestamp": _record("phải là thời điểm ISO 8601 có múi giờ.",
                                         "must be an ISO 8601 time with its offset."),
    "interchange.bad_choice": _record("giá trị “{value}” không hợp lệ; cho phép: {allowed}.",
                                      "“{value}” is not allowed; allowed: {allowed}."),
    "interchange.bad_uuid": _record("phải là một UUID.", "must be a UUID."),
    "interchange.bad_unit": _record("mã đơn vị không hợp lệ.", "is not a unit code."),
    "interchange.bad_list": _record("phải là danh sách chuỗi ký tự.", "must be a list of texts."),
    "interchange.bad_links": _record("danh sách vụ việc không hợp lệ (trống, trùng hoặc sai dạng).",
                                     "the list of cases is empty, repeated or malformed."),
    "interchange.unknown_entity": _record("loại bản ghi “{value}” không có trong định dạng.",
                                          "the record kind “{value}” is not in the format."),
    "interchange.unknown_key": _record("trường này không có trong định dạng.", "this key is not in the format."),
    "interchange.duplicate_uuid": _record("UUID đã xuất hiện ở dòng {first}.", "the UUID already appears on line {first}."),
    "interchange.unknown_reference": _record("tham chiếu đến bản ghi không có trong tệp và trong dữ liệu ({uuid}).",
                                             "refers to a record neither in the file nor in the desk ({uuid})."),
    "interchange.unknown_field": _record("lĩnh vực “{value}” không có trong danh mục.",
                                         "the field “{value}” is not in the list of fields."),
    "interchange.older_version": _record("bản ghi {uuid} cũ hơn bản đang có; giữ bản đang có.",
                                         "record {uuid} is older than the one held; the held one is kept."),
    "interchange.not_json": {"vi": "Dòng {line} không phải là JSON hợp lệ.", "en": "Line {line} is not valid JSON."},
    "interchange.after_end": {"vi": "Có dữ liệu sau dòng kết thúc tệp (dòng {line}).",
                              "en": "There is data after the end line (line {line})."},
    "interchange.file_missing": {"vi": "Không tìm thấy tệp {path}.", "en": "The file {path} does not exist."},
    "interchange.file_unreadable": {"vi": "Không đọc được tệp {path} ({reason}).",
                                    "en": "Cannot read the file {path} ({reason})."},
    "interchange.not_this_format": {
        "vi": "Tệp {path} không phải là tệp trao đổi dữ liệu của ReceptionDesk; dữ liệu không thay đổi.",
        "en": "{path} is not a ReceptionDesk interchange file; nothing was changed."},
    "interchange.newer_version": {
        "vi": "Tệp dùng định dạng phiên bản {version}, mới hơn phiên bản chương trình đọc được ({supported}). "
              "Hãy cập nhật chương trình; dữ liệu không thay đổi.",
        "en": "The file uses format version {version}, newer than this program reads ({supported}). "
              "Update the program; nothing was changed."},
    "interchange.truncated": {
        "vi": "Tệp {path} bị cắt cụt (thiếu dòng kết thúc sau {records} bản ghi); dữ liệu không thay đổi.",
        "en": "The file {path} is truncated (no end line after {records} records); nothing was changed."},
    "interchange.count_mismatch": {
        "vi": "Tệp ghi có {expected} bản ghi nhưng chỉ đọc được {found}; dữ liệu không thay đổi.",
        "en": "The file says {expected} records but {found} were read; nothing was changed."},
    "interchange.cannot_write": {"vi": "Không ghi được tệp {path} ({reason}).",
                                 "en": "Cannot write the file {path} ({reason})."},
    "cli.rows": {"vi": "({n} dòng)", "en": "({n} rows)"},
    "cli.col.number": {"vi": "Số", "en": "No."},
    "cli.col.due": {"vi": "Hạn", "en": "Due"},
    "cli.col.cases": {"vi": "Số vụ việc", "en": "Cases"},
    "cli.signer_format": {"vi": "“{value}” phải có dạng HỌ TÊN|CHỨC VỤ|VAI TRÒ.",
                          "en": "“{value}” must be NAME|TITLE|ROLE."},
    "cli.initialised": {"vi": "Đã thiết lập bàn tiếp công dân cho {unit} ({code}) tại {path}.",
                        "en": "The desk is set up for {unit} ({code}) at {path}."},
    "cli.no_desk": {"vi": "Thư mục {path} chưa có dữ liệu bàn tiếp công dân; hãy chạy “receptiondesk init” trước "
                          "hoặc chọn đúng thư mục bằng --data-dir.",
                    "en": "There is no desk in {path}; run “receptiondesk init” first or pass the right --data-dir."},
    "cli.check_ok": {"vi": "Dữ liệu toàn vẹn: không phát hiện vấn đề.", "en": "The data is sound: no problem found."},
    "cli.import_done": {"vi": "Đã nhập: {new} mới, {updated} cập nhật, {unchanged} không đổi, {rejected} bị từ chối.",
                        "en": "Imported: {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected."},
    "cli.import_dry_run": {
        "vi": "Chạy thử (không thay đổi dữ liệu): {new} mới, {updated} cập nhật, {unchanged} không đổi, "
              "{rejected} bị từ chối.",
        "en": "Dry run (nothing changed): {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected."},
    "cli.export_done": {"vi": "Đã xuất {n} bản ghi ra {file}.", "en": "Exported {n} records to {file}."},
    "check.sqlite_integrity": {"vi": "Tệp dữ liệu bị hỏng: {detail}", "en": "The data file is damaged: {detail}"},
    "check.broken_links": {"vi": "{count} liên kết hỏng trong các bảng: {tables}.",
                           "en": "{count} broken links in tables: {tables}."},
    "check.search_index": {"vi": "Chỉ mục tìm kiếm của {table} bị hỏng: {detail}",
                           "en": "The search index of {table} is damaged: {detail}"},
    "check.search_missing": {"vi": "{count} bản ghi {table} không có trong chỉ mục tìm kiếm.",
                             "en": "{count} {table} records are missing from the search index."},
    "check.counter_behind": {"vi": "Bộ đếm số {scope} của đơn vị {unit} năm {year} thấp hơn số đã dùng ({highest}).",
                             "en": "The {scope} counter of unit {unit} for {year} is below a number in use ({highest})."},
    "check.visit_without_case": {"vi": "{count} lượt tiếp không gắn với vụ việc nào.",
                                 "en": "{count} visits belong to no case."},
    "check.seq_ahead": {"vi": "Số thứ tự thay đổi của bảng {table} vượt bộ đếm.",
                        "en": "Change numbers in {table} are ahead of the counter."},
}
