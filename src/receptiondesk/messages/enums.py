"""Names of the domain's enumerated values (content types, directions, statuses...) as users read them."""

_VALUES = {
    "content_type": {
        "complaint": ("Khiếu nại", "Complaint"), "denunciation": ("Tố cáo", "Denunciation"),
        "petition": ("Kiến nghị", "Petition"), "report": ("Phản ánh", "Report"),
    },
    "direction": {
        "guided": ("Hướng dẫn", "Guided"), "transferred": ("Chuyển đơn", "Transferred"),
        "accepted": ("Thụ lý", "Accepted"), "answered": ("Trả lời ngay", "Answered on the spot"),
        "filed": ("Lưu đơn", "Filed and monitored"), "refused": ("Từ chối tiếp", "Refused"),
    },
    "case_status": {
        "received": ("Mới tiếp nhận", "Received"), "in_progress": ("Đang xử lý", "Being handled"),
        "concluded": ("Đã có kết quả", "Concluded"), "informed": ("Đã thông báo công dân", "Citizen informed"),
        "closed": ("Đã kết thúc", "Closed"),
    },
    "reception_kind": {"routine": ("Tiếp thường xuyên", "Routine"), "session": ("Lãnh đạo tiếp", "Leader's session")},
    "channel": {"in_person": ("Trực tiếp", "In person"), "online": ("Trực tuyến", "Online")},
    "came_as": {
        "self": ("Tự mình", "For themselves"), "group_representative": ("Đại diện nhóm", "Group representative"),
        "organisation_representative": ("Đại diện tổ chức", "Organisation representative"),
        "authorised": ("Người được ủy quyền", "Authorised person"), "lawyer": ("Luật sư", "Lawyer"),
        "legal_aid": ("Trợ giúp viên pháp lý", "Legal-aid helper"),
    },
    "sector": {"state": ("Chính quyền", "State"), "party": ("Đảng", "Party")},
    "session_kind": {"scheduled": ("Định kỳ", "Scheduled"), "ad_hoc": ("Đột xuất", "Ad hoc"),
                     "dialogue": ("Đối thoại", "Dialogue")},
    "leader_role": {"chairman": ("Chủ tịch UBND", "Chairman of the People's Committee"),
                    "vice_chairman": ("Phó Chủ tịch UBND", "Vice-chairman of the People's Committee"),
                    "party_secretary": ("Bí thư Đảng ủy", "Party Secretary"),
                    "deputy_party_secretary": ("Phó Bí thư Đảng ủy", "Deputy Party Secretary"),
                    "other": ("Lãnh đạo khác", "Other leader")},
    "session_status": {"planned": ("Dự kiến", "Planned"), "held": ("Đã tổ chức", "Held"),
                       "cancelled": ("Đã hủy", "Cancelled")},
    "conclusion_kind": {"resolve_now": ("Giải quyết ngay", "Resolve now"), "assign": ("Giao xử lý", "Assign"),
                        "pending": ("Chờ xem xét", "Pending")},
    "told_how": {"in_person": ("Trực tiếp", "In person"), "letter": ("Bằng văn bản", "By letter"),
                 "phone": ("Điện thoại", "By phone"), "online": ("Trực tuyến", "Online")},
    "id_type": {"citizen_id": ("Căn cước / CCCD", "Citizen ID card"), "cmnd": ("CMND (9 số)", "Old ID card (CMND)"),
                "passport": ("Hộ chiếu", "Passport"), "other": ("Giấy tờ khác", "Other paper"),
                "none": ("Không xuất trình", "None shown")},
    "role": {"officer": ("Cán bộ tiếp dân", "Reception officer"), "leader": ("Lãnh đạo", "Leader"),
             "administrator": ("Quản trị", "Administrator"), "viewer": ("Chỉ xem", "Viewer")},
    "gender": {"male": ("Nam", "Male"), "female": ("Nữ", "Female")},
    "party_kind": {"person": ("Cá nhân", "Person"), "organisation": ("Cơ quan, tổ chức", "Organisation")},
    "letter_channel": {"post": ("Qua bưu điện", "By post"), "forwarded": ("Cơ quan chuyển đến", "Forwarded"),
                       "online": ("Trực tuyến", "Online")},
}

MESSAGES: dict[str, dict[str, str]] = {
    f"enum.{kind}.{value}": {"vi": vi, "en": en}
    for kind, values in _VALUES.items()
    for value, (vi, en) in values.items()
}
