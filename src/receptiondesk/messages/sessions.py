"""Messages of the sessions area (problem codes and labels) in Vietnamese and English.

Problems about one case heard at a session carry `number` (its place in the list, from 1) and `case` (its
UUID, for the form to find the row); the texts name the number so a list of problems stays readable.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "field.heard_cases": {"vi": "Vụ việc được tiếp", "en": "Cases heard"},
    "field.attendees": {"vi": "Thành phần tham dự", "en": "Attendees"},
    "session.nothing_heard": {
        "vi": "chưa có vụ việc nào được đánh dấu là đã nghe; kỳ tiếp phải có ít nhất một vụ việc được kết luận.",
        "en": "no case is marked as heard; a session needs at least one case with a conclusion."},
    "session.already_held": {"vi": "kỳ tiếp này đã được ghi là đã tổ chức.",
                             "en": "this session is already recorded as held."},
    "session.heard_kind_required": {"vi": "vụ việc thứ {number} chưa chọn loại kết luận.",
                                    "en": "case {number} has no conclusion kind."},
    "session.heard_conclusion_required": {"vi": "vụ việc thứ {number} chưa có nội dung kết luận.",
                                          "en": "case {number} has no conclusion."},
    "session.heard_too_long": {"vi": "vụ việc thứ {number}: quá dài (tối đa {max} ký tự).",
                               "en": "case {number}: too long (at most {max} characters)."},
    "session.assign_needs_assignee": {
        "vi": "vụ việc thứ {number} giao xử lý nhưng chưa ghi người hoặc cơ quan được giao.",
        "en": "case {number} is assigned but names no assignee."},
    "session.assign_needs_deadline": {
        "vi": "vụ việc thứ {number} giao xử lý nhưng chưa có hạn (số ngày làm việc hoặc một ngày cụ thể).",
        "en": "case {number} is assigned without a deadline (a number of working days or a date)."},
    "session.working_days_range": {"vi": "vụ việc thứ {number}: thời hạn phải từ 1 đến {max} ngày làm việc.",
                                   "en": "case {number}: the time limit must be 1 to {max} working days."},
    "session.deadline_before_session": {
        "vi": "vụ việc thứ {number}: hạn xử lý {deadline} trước ngày tiếp {session_date}.",
        "en": "case {number}: the deadline {deadline} is before the session date {session_date}."},
    "session.deadline_day_off": {"vi": "vụ việc thứ {number}: hạn xử lý {deadline} rơi vào ngày nghỉ.",
                                 "en": "case {number}: the deadline {deadline} falls on a day off."},
    "session.case_voided": {"vi": "vụ việc thứ {number} đã bị hủy bỏ, không thể ghi kết luận.",
                            "en": "case {number} is void and cannot be concluded."},
    "session.case_unknown": {"vi": "không tìm thấy vụ việc thứ {number}.", "en": "case {number} was not found."},
    "session.case_concluded_here": {"vi": "vụ việc thứ {number} đã có kết luận trong kỳ tiếp này.",
                                    "en": "case {number} already has a conclusion in this session."},
    "notice.duty_report_back": {
        "vi": "Cơ quan, đơn vị, cá nhân được giao có trách nhiệm tổ chức thực hiện và báo cáo kết quả "
              "trong thời hạn được giao.",
        "en": "Each agency or person assigned must carry out the task and report the result within its deadline."},
    "notice.duty_tell_citizen": {
        "vi": "Kết quả giải quyết phải được thông báo cho công dân.",
        "en": "The result must be sent to the citizen."},
}
