"""Messages of the demonstration data generator and its `generate` command."""

MESSAGES: dict[str, dict[str, str]] = {
    "demo.unknown_scale": {"vi": "Quy mô “{value}” không có; chọn một trong: {allowed}.",
                           "en": "There is no scale “{value}”; choose one of: {allowed}."},
    "demo.visits_range": {"vi": "Số lượt tiếp phải từ 0 đến {max}.",
                          "en": "The number of visits must be from 0 to {max}."},
    "demo.until_future": {"vi": "Ngày cuối của dữ liệu ({day}) không được sau hôm nay.",
                          "en": "The last day of the data ({day}) must not be after today."},
    "demo.desk_not_empty": {
        "vi": "Bàn tiếp công dân tại {path} đã có dữ liệu: chỉ sinh dữ liệu mẫu vào một bàn vừa thiết lập, chưa có "
              "bản ghi nào. Hãy tạo bàn mới trong thư mục khác (receptiondesk --data-dir THƯ_MỤC init "
              "--commune MÃ_XÃ); dữ liệu không thay đổi.",
        "en": "The desk at {path} already holds records: demonstration data goes only into a desk that has just been "
              "set up and holds no records. Set up a new desk in another folder (receptiondesk --data-dir FOLDER init "
              "--commune CODE); nothing was changed."},
    "demo.started": {"vi": "Đang sinh dữ liệu mẫu quy mô {scale}: {visits} lượt tiếp từ {first} đến {last} "
                           "(hạt giống {seed})…",
                     "en": "Generating {scale}-scale demonstration data: {visits} visits from {first} to {last} "
                           "(seed {seed})…"},
    "demo.progress": {"vi": "  … {records} bản ghi", "en": "  … {records} records"},
    "demo.done": {"vi": "Đã sinh {total} bản ghi trong {seconds} giây:",
                  "en": "Generated {total} records in {seconds} s:"},
    "demo.dry_run_done": {"vi": "Chạy thử (không thay đổi dữ liệu): {total} bản ghi trong {seconds} giây:",
                          "en": "Dry run (nothing changed): {total} records in {seconds} s:"},
    "demo.calendar_added": {"vi": "Đã thêm ngày nghỉ lễ mặc định của các năm {years} vào lịch làm việc.",
                            "en": "The default public holidays of {years} were added to the working calendar."},
    "demo.entity.signer": {"vi": "người ký", "en": "signers"},
    "demo.entity.citizen": {"vi": "công dân", "en": "citizens"},
    "demo.entity.case": {"vi": "vụ việc", "en": "cases"},
    "demo.entity.session": {"vi": "kỳ tiếp", "en": "sessions"},
    "demo.entity.visit": {"vi": "lượt tiếp", "en": "visits"},
    "demo.entity.letter": {"vi": "đơn thư", "en": "letters"},
    "demo.entity.assignment": {"vi": "nhiệm vụ được giao", "en": "assignments"},
    "demo.entity.attachment": {"vi": "tài liệu kèm theo", "en": "attachments"},
    "demo.scale.commune": {"vi": "xã", "en": "commune"},
    "demo.scale.province": {"vi": "tỉnh", "en": "province"},
}
