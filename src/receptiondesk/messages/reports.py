"""Messages of the reports area (report periods and report tables) in Vietnamese and English."""

MESSAGES: dict[str, dict[str, str]] = {
    "field.period": {"vi": "Kỳ báo cáo", "en": "Report period"},
    "field.period_start": {"vi": "Từ ngày", "en": "From"},
    "field.period_end": {"vi": "Đến ngày", "en": "To"},
    "field.period_month": {"vi": "Tháng báo cáo", "en": "Report month"},
    "field.period_quarter": {"vi": "Quý báo cáo", "en": "Report quarter"},
    "field.period_months": {"vi": "Số tháng báo cáo", "en": "Months reported"},
    "field.top_bodies": {"vi": "Số cơ quan, đơn vị nêu tên", "en": "Bodies named"},
    "field.cutoff_day": {"vi": "Ngày chốt số liệu", "en": "Data cut-off day"},
    "report.period_inverted": {
        "vi": "ngày bắt đầu {start} sau ngày kết thúc {end}; hãy chọn lại khoảng thời gian.",
        "en": "the start date {start} is after the end date {end}; choose the range again."},
    "report.bad_date": {"vi": "“{value}” không phải là một ngày hợp lệ.",
                        "en": "“{value}” is not a valid date."},
    "report.month_range": {"vi": "tháng phải từ 1 đến 12 (đã nhập {value}).",
                           "en": "the month must be 1 to 12 (got {value})."},
    "report.quarter_range": {"vi": "quý phải từ 1 đến 4 (đã nhập {value}).",
                             "en": "the quarter must be 1 to 4 (got {value})."},
    "report.months_choice": {"vi": "chỉ lập báo cáo {allowed} tháng (đã nhập {value}).",
                             "en": "reports cover {allowed} months only (got {value})."},
    "report.cutoff_range": {"vi": "ngày chốt số liệu phải từ 1 đến {max} (đã nhập {value}).",
                            "en": "the cut-off day must be 1 to {max} (got {value})."},
    "report.year_range": {"vi": "năm báo cáo phải từ {min} đến {max} (đã nhập {value}).",
                          "en": "the report year must be {min} to {max} (got {value})."},
    "report.top_bodies_range": {
        "vi": "số cơ quan, đơn vị nêu tên phải từ 0 đến {max} (đã nhập {value}).",
        "en": "the number of bodies named must be 0 to {max} (got {value})."},
    "field.kind": {"vi": "Loại báo cáo", "en": "Report kind"},
    "field.format": {"vi": "Định dạng tệp", "en": "File format"},
    "report.kind_unknown": {"vi": "không có loại báo cáo “{value}”; hãy chọn một trong: {allowed}.",
                            "en": "there is no report kind “{value}”; choose one of: {allowed}."},
    "report.format_unknown": {"vi": "không xuất được báo cáo dạng “{value}”; hãy chọn một trong: {allowed}.",
                              "en": "reports cannot be written as “{value}”; choose one of: {allowed}."},
    "report.period_spec": {
        "vi": "không hiểu kỳ báo cáo “{value}”; hãy ghi như 2026-03 (tháng), 2026-Q1 (quý), 2026-H1 (6 tháng), "
              "2026-9M (9 tháng), 2026 (năm) hoặc 2026-03-01..2026-03-15 (khoảng ngày).",
        "en": "“{value}” is not a report period; write 2026-03 (month), 2026-Q1 (quarter), 2026-H1 (6 months), "
              "2026-9M (9 months), 2026 (year) or 2026-03-01..2026-03-15 (a range of days)."},
    "field.narrative": {"vi": "Phần tổng hợp", "en": "Narrative"},
    "field.out": {"vi": "Tệp ghi ra", "en": "Output file"},
    "report.narrative_unreadable": {
        "vi": "không đọc được tệp phần tổng hợp {path} ({reason}); hãy lưu tệp dạng văn bản UTF-8.",
        "en": "cannot read the narrative file {path} ({reason}); save it as UTF-8 text."},
    "report.out_required": {"vi": "hãy cho biết tệp ghi báo cáo (--out) khi xuất dạng {format}.",
                            "en": "name the file to write (--out) for a {format} report."},
    "cli.report_submitted": {"vi": "Đã đánh dấu đã nộp: {title} (mã {uuid}).",
                             "en": "Marked as submitted: {title} ({uuid})."},
}
