"""Messages: calendar — the holiday schedule and the rules table of legal time limits."""

MESSAGES: dict[str, dict[str, str]] = {
    "calendar.day_conflict": {
        "vi": "Ngày {day} vừa là ngày nghỉ lễ vừa là ngày làm bù. Hãy bỏ một trong hai.",
        "en": "{day} is both a holiday and a make-up working day. Remove one of them.",
    },
    "rules.file_missing": {
        "vi": "Không tìm thấy tệp thời hạn giải quyết “{file}”.",
        "en": "The time-limits file “{file}” was not found.",
    },
    "rules.bad_encoding": {
        "vi": "Tệp thời hạn giải quyết “{file}” không phải văn bản UTF-8. "
              "Hãy lưu lại tệp dưới dạng CSV UTF-8.",
        "en": "The time-limits file “{file}” is not UTF-8 text. Save it again as CSV UTF-8.",
    },
    "rules.bad_columns": {
        "vi": "Tệp thời hạn giải quyết “{file}” có dòng tiêu đề không đúng "
              "(thiếu cột: {missing}; cột không hợp lệ: {unknown}).",
        "en": "The header line of the time-limits file “{file}” is wrong "
              "(missing columns: {missing}; unknown columns: {unknown}).",
    },
    "rules.bad_csv": {
        "vi": "Tệp thời hạn giải quyết “{file}”, dòng {line}: không đọc được dòng này "
              "(kiểm tra dấu ngoặc kép).",
        "en": "The time-limits file “{file}”, line {line}: this line cannot be read "
              "(check the quotation marks).",
    },
    "rules.bad_row": {
        "vi": "Tệp thời hạn giải quyết “{file}”, dòng {line}: có {count} cột, cần {expected} cột.",
        "en": "The time-limits file “{file}”, line {line}: {count} columns, {expected} expected.",
    },
    "rules.bad_file": {
        "vi": "Tệp thời hạn giải quyết “{file}”, dòng {line}: cột “{column}” trống hoặc "
              "không hợp lệ (“{value}”).",
        "en": "The time-limits file “{file}”, line {line}: column “{column}” is empty or "
              "invalid (“{value}”).",
    },
    "rules.duplicate": {
        "vi": "Tệp thời hạn giải quyết “{file}”, dòng {line}: quy định “{rule}” có hiệu lực "
              "từ ngày {date} đã có ở dòng {first_line}.",
        "en": "The time-limits file “{file}”, line {line}: rule “{rule}” effective from {date} "
              "is already on line {first_line}.",
    },
    "rules.no_rule": {
        "vi": "Chưa có quy định thời hạn “{rule}” có hiệu lực vào ngày {date}.",
        "en": "No “{rule}” time limit was in force on {date}.",
    },
}
