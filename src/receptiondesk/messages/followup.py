"""Messages of the followup area (problem codes and labels) in Vietnamese and English."""

MESSAGES: dict[str, dict[str, str]] = {
    "assignment.case_voided": {"vi": "vụ việc của nhiệm vụ này đã bị hủy bỏ; không ghi kết quả hay việc thông báo "
                                     "được nữa.",
                               "en": "the case of this assignment was voided; nothing can be recorded on it."},
    "assignment.result_after_told": {"vi": "ngày có kết quả không được sau ngày đã thông báo cho công dân ({told_on}).",
                                     "en": "the result cannot be dated after the citizen was told of it ({told_on})."},
    "followup.nothing_to_tell": {"vi": "vụ việc không còn kết quả nào chờ thông báo cho công dân.",
                                 "en": "the case has no result waiting to be told to the citizen."},
    "followup.date_range": {"vi": "“đến ngày” không được trước “từ ngày”.",
                            "en": "the end of the range cannot be before its start."},
    "followup.soon_days_range": {"vi": "số ngày làm việc “sắp đến hạn” phải từ 0 đến {max}.",
                                 "en": "“due soon” must be 0 to {max} working days."},
    "field.followup_view": {"vi": "Danh sách theo dõi", "en": "Follow-up list"},
    "field.followup_from": {"vi": "Từ ngày", "en": "From"},
    "field.followup_to": {"vi": "Đến ngày", "en": "To"},
    "field.followup_soon_days": {"vi": "Số ngày “sắp đến hạn”", "en": "Days “due soon”"},
}
