"""Messages of spreadsheet exports (XLSX and CSV files of the desk's lists): errors, sheet titles and column names."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- writing the file --------------------------------------------------------------------------------------
    "spreadsheet.folder_missing": {
        "vi": "Không lưu được tệp “{file}”: thư mục {folder} không còn tồn tại (ổ USB đã bị rút ra?). Hãy chọn "
              "một thư mục khác rồi xuất lại.",
        "en": "Cannot save “{file}”: the folder {folder} no longer exists (was the USB drive removed?). Choose "
              "another folder, then export again."},
    "spreadsheet.folder_not_writable": {
        "vi": "Không lưu được tệp “{file}”: không có quyền ghi vào thư mục {folder}. Hãy chọn thư mục khác (ví dụ "
              "thư mục Tài liệu) hoặc mở khóa ghi của ổ USB rồi xuất lại.",
        "en": "Cannot save “{file}”: the folder {folder} cannot be written to. Choose another folder (Documents, "
              "say) or unlock the USB drive, then export again."},
    "spreadsheet.file_in_use": {
        "vi": "Không ghi đè được tệp “{file}” trong thư mục {folder}: tệp đang được mở trong Excel hoặc chương trình "
              "khác, hoặc chỉ cho đọc. Hãy đóng tệp đó (hoặc đặt tên khác) rồi xuất lại; tệp cũ vẫn giữ nguyên.",
        "en": "Cannot overwrite “{file}” in {folder}: it is open in Excel or another program, or read-only. Close "
              "it (or choose another name), then export again; the old file is unchanged."},
    "spreadsheet.disk_full": {
        "vi": "Không đủ chỗ trống trên ổ đĩa để ghi tệp “{file}”: tệp chưa được tạo. Hãy giải phóng bớt dung lượng "
              "hoặc chọn ổ đĩa khác rồi xuất lại.",
        "en": "Not enough free disk space to write “{file}”: no file was made. Free some space or choose another "
              "disk, then export again."},
    "spreadsheet.cannot_write": {
        "vi": "Không ghi được tệp “{file}” vào thư mục {folder} ({reason}): tệp chưa được tạo. Hãy kiểm tra ổ đĩa, "
              "thư mục rồi xuất lại.",
        "en": "Cannot write “{file}” in {folder} ({reason}): no file was made. Check the disk and the folder, "
              "then export again."},
    "spreadsheet.cancelled": {
        "vi": "Đã dừng xuất tệp “{file}”: không có tệp mới nào được tạo (tệp cũ cùng tên, nếu có, vẫn giữ nguyên).",
        "en": "Export of “{file}” stopped: no new file was made (an older file of that name, if any, is "
              "unchanged)."},
    # -- sheet titles ------------------------------------------------------------------------------------------
    "export.title.logbook": {"vi": "Sổ tiếp công dân", "en": "Reception logbook"},
    "export.title.cases": {"vi": "Vụ việc", "en": "Cases"},
    "export.title.sessions": {"vi": "Kỳ tiếp công dân", "en": "Reception sessions"},
    "export.title.followup": {"vi": "Theo dõi thực hiện", "en": "Follow-up"},
    # -- words inside cells ------------------------------------------------------------------------------------
    "export.with_document": {"vi": "{body} (văn bản số {number})", "en": "{body} (document no. {number})"},
    "export.voided": {"vi": "Đã hủy bỏ: {reason}", "en": "Voided: {reason}"},
    "export.delegated": {"vi": "{name} (được ủy quyền)", "en": "{name} (delegated)"},
    "export.flag.complex": {"vi": "Phức tạp", "en": "Complex"},
    "export.flag.long_running": {"vi": "Kéo dài", "en": "Long-running"},
    "export.flag.bypass": {"vi": "Vượt cấp", "en": "Bypassed a level"},
    "export.kind.assignment": {"vi": "Nhiệm vụ được giao", "en": "Assignment"},
    "export.kind.case": {"vi": "Vụ việc", "en": "Case"},
    "export.followup_state.overdue": {"vi": "Quá hạn", "en": "Overdue"},
    "export.followup_state.due_soon": {"vi": "Sắp đến hạn", "en": "Due soon"},
    "export.followup_state.waiting_result": {"vi": "Chờ kết quả", "en": "Waiting for the result"},
    "export.followup_state.waiting_tell": {"vi": "Đã có kết quả: cần thông báo",
                                           "en": "Results in: tell the citizen"},
    "export.followup_state.result_in": {"vi": "Có kết quả, chưa thông báo", "en": "Result in, citizen not told"},
    "export.followup_state.told": {"vi": "Đã thông báo công dân", "en": "Citizen told"},
    # -- column names (the logbook's are the printed form's own, documents.logbook.COLUMNS) --------------------
    "export.col.received_on": {"vi": "Ngày tiếp nhận", "en": "Received"},
    "export.col.content_type": {"vi": "Loại đơn", "en": "Type"},
    "export.col.field": {"vi": "Lĩnh vực", "en": "Field"},
    "export.col.citizen": {"vi": "Công dân", "en": "Citizen"},
    "export.col.summary": {"vi": "Nội dung vụ việc", "en": "Content"},
    "export.col.respondent": {"vi": "Người, cơ quan bị khiếu nại, tố cáo, phản ánh",
                              "en": "Person or body complained about"},
    "export.col.in_competence": {"vi": "Thuộc thẩm quyền", "en": "Within competence"},
    "export.col.direction": {"vi": "Hướng xử lý", "en": "Direction"},
    "export.col.direction_body": {"vi": "Cơ quan được hướng dẫn, chuyển đến",
                                  "en": "Body guided or transferred to"},
    "export.col.status": {"vi": "Trạng thái", "en": "Status"},
    "export.col.due_date": {"vi": "Hạn giải quyết", "en": "Due date"},
    "export.col.concluded_on": {"vi": "Ngày có kết quả", "en": "Concluded on"},
    "export.col.conclusion": {"vi": "Kết quả giải quyết", "en": "Conclusion"},
    "export.col.informed_on": {"vi": "Ngày thông báo công dân", "en": "Citizen informed on"},
    "export.col.closed_on": {"vi": "Ngày kết thúc", "en": "Closed on"},
    "export.col.visit_count": {"vi": "Số lượt tiếp", "en": "Visits"},
    "export.col.notes": {"vi": "Ghi chú", "en": "Notes"},
    "export.col.session_date": {"vi": "Ngày tiếp", "en": "Date"},
    "export.col.sector": {"vi": "Khối", "en": "Sector"},
    "export.col.session_kind": {"vi": "Hình thức", "en": "Kind"},
    "export.col.leader": {"vi": "Lãnh đạo tiếp", "en": "Leader"},
    "export.col.leader_role": {"vi": "Chức vụ", "en": "Position"},
    "export.col.delegate": {"vi": "Người được ủy quyền tiếp", "en": "Delegated to"},
    "export.col.location": {"vi": "Địa điểm", "en": "Place"},
    "export.col.subject": {"vi": "Nội dung tiếp", "en": "Subject"},
    "export.col.session_status": {"vi": "Tình trạng", "en": "Status"},
    "export.col.case_count": {"vi": "Số vụ việc", "en": "Cases"},
    "export.col.concluded_count": {"vi": "Số vụ việc đã có kết luận", "en": "Cases concluded"},
    "export.col.session_visits": {"vi": "Số lượt công dân", "en": "Citizen visits"},
    "export.col.attendees": {"vi": "Thành phần tham dự", "en": "Attendees"},
    "export.col.state": {"vi": "Tình trạng", "en": "State"},
    "export.col.kind": {"vi": "Loại", "en": "Kind"},
    "export.col.deadline": {"vi": "Hạn", "en": "Deadline"},
    "export.col.days_late": {"vi": "Số ngày quá hạn", "en": "Days late"},
    "export.col.working_days_left": {"vi": "Số ngày làm việc còn lại", "en": "Working days left"},
    "export.col.case_summary": {"vi": "Vụ việc", "en": "Case"},
    "export.col.case_status": {"vi": "Trạng thái vụ việc", "en": "Case status"},
    "export.col.assignee": {"vi": "Cơ quan, người được giao", "en": "Assigned to"},
    "export.col.task": {"vi": "Nhiệm vụ", "en": "Task"},
    "export.col.assigned_on": {"vi": "Ngày giao", "en": "Assigned on"},
    "export.col.result": {"vi": "Kết quả", "en": "Result"},
    "export.col.result_on": {"vi": "Ngày có kết quả", "en": "Result on"},
    "export.col.told_on": {"vi": "Ngày thông báo công dân", "en": "Citizen told on"},
    "export.col.told_how": {"vi": "Hình thức thông báo", "en": "Told how"},
    "export.col.untold": {"vi": "Số kết quả chưa thông báo", "en": "Results not told"},
}
