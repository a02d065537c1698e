"""Messages about backups, restores, the start-up check and disk trouble (command line and window alike)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- disk trouble during a write ------------------------------------------------------------------
    "storage.disk_full": {
        "vi": "Ổ đĩa chứa dữ liệu ({path}) đã đầy: chưa lưu được. Dữ liệu đã lưu trước đó vẫn nguyên vẹn. Hãy giải "
              "phóng chỗ trống trên ổ đĩa rồi lưu lại.",
        "en": "The disk holding the data ({path}) is full: this was not saved. Everything saved before is intact. "
              "Free some space on the disk, then save again."},
    "storage.write_failed": {
        "vi": "Không ghi được vào thư mục dữ liệu {path} ({reason}): chưa lưu được. Dữ liệu đã lưu trước đó vẫn "
              "nguyên vẹn. Kiểm tra ổ đĩa (ổ USB còn cắm, không bị khóa ghi) rồi lưu lại.",
        "en": "Could not write to the data directory {path} ({reason}): this was not saved. Everything saved before "
              "is intact. Check the disk (the USB drive is plugged in and not write-protected), then save again."},
    "storage.busy": {
        "vi": "Tệp dữ liệu {path} đang được đọc (danh sách, báo cáo đang chạy…); chưa thay thế được. Hãy chờ một lát "
              "rồi thử lại; không có gì bị thay đổi.",
        "en": "The data file {path} is being read (a list or report still running…); it cannot be replaced yet. Wait "
              "a moment and try again; nothing was changed."},
    # -- making a backup --------------------------------------------------------------------------------
    "backup.signed_out": {
        "vi": "Cần đăng nhập để sao lưu hoặc khôi phục: bản sao lưu được mã hóa bằng khóa của bàn tiếp dân.",
        "en": "Sign in to back up or restore: backups are encrypted with the desk's key."},
    "backup.disk_full": {
        "vi": "Không đủ chỗ trống trong thư mục sao lưu {path}: bản sao lưu chưa được tạo. Dữ liệu của bàn tiếp "
              "dân không bị ảnh hưởng. Hãy giải phóng chỗ trống hoặc chọn ổ đĩa khác.",
        "en": "Not enough free space in the backup folder {path}: no backup was made. The desk's data is not "
              "affected. Free some space or choose another disk."},
    "backup.folder_read_only": {
        "vi": "Thư mục sao lưu {path} chỉ cho đọc, không ghi được: bản sao lưu chưa được tạo. Hãy cấp quyền ghi "
              "hoặc mở khóa ghi của ổ USB.",
        "en": "The backup folder {path} is read-only: no backup was made. Grant write access or unlock the USB "
              "drive's write protection."},
    "backup.folder_missing": {
        "vi": "Không tìm thấy thư mục sao lưu {path} (ổ USB đã rút ra?): chưa sao lưu được vào đó. Cắm lại ổ "
              "hoặc chọn thư mục khác trong Cài đặt.",
        "en": "The backup folder {path} cannot be found (was the USB drive removed?): nothing was backed up there. "
              "Plug the drive back in or choose another folder in Settings."},
    "backup.write_failed": {
        "vi": "Không ghi được bản sao lưu vào {path} ({reason}). Dữ liệu của bàn tiếp dân không bị ảnh hưởng.",
        "en": "Could not write the backup to {path} ({reason}). The desk's data is not affected."},
    "backup.copy_mismatch": {
        "vi": "Bản sao vào thư mục {path} đọc lại không khớp với bản gốc (ổ đĩa có lỗi?); bản sao đó đã bị bỏ.",
        "en": "The copy in {path} did not read back identical to the original (a faulty drive?); it was discarded."},
    "backup.source_damaged": {
        "vi": "Tệp dữ liệu hiện tại không qua được kiểm tra nhanh ({detail}), nên không sao lưu đè lên các bản tốt. "
              "Hãy khôi phục từ bản sao lưu gần nhất.",
        "en": "The current data file fails the quick check ({detail}), so it was not backed up over the good "
              "copies. Restore the latest backup."},
    # -- reading a backup -------------------------------------------------------------------------------
    "backup.not_found": {"vi": "Không tìm thấy tệp sao lưu {path}.", "en": "The backup file {path} does not exist."},
    "backup.unreadable": {"vi": "Không đọc được tệp sao lưu {path} ({reason}).",
                          "en": "Could not read the backup file {path} ({reason})."},
    "backup.not_ours": {
        "vi": "Tệp {path} không phải là bản sao lưu của ReceptionDesk; không có gì bị thay đổi.",
        "en": "{path} is not a ReceptionDesk backup; nothing was changed."},
    "backup.truncated": {
        "vi": "Tệp sao lưu {path} bị thiếu phần cuối (sao chép dở dang?); không dùng được, không có gì bị thay đổi.",
        "en": "The backup file {path} is cut short (an unfinished copy?); it cannot be used and nothing was "
              "changed."},
    "backup.damaged": {
        "vi": "Tệp sao lưu {path} bị hỏng hoặc đã bị sửa; không dùng được, không có gì bị thay đổi.",
        "en": "The backup file {path} is damaged or was altered; it cannot be used and nothing was changed."},
    "backup.other_desk": {
        "vi": "Tệp sao lưu {path} được mã hóa cho một bàn tiếp dân khác, không mở được bằng khóa của bàn này; "
              "không có gì bị thay đổi.",
        "en": "The backup file {path} is encrypted for another desk and cannot be opened with this desk's key; "
              "nothing was changed."},
    "backup.newer_version": {
        "vi": "Tệp sao lưu {path} được tạo bởi phiên bản ReceptionDesk mới hơn (định dạng {version}). Hãy cài "
              "phiên bản mới nhất; không có gì bị thay đổi.",
        "en": "The backup file {path} was made by a newer version of ReceptionDesk (format {version}). Install the "
              "latest version; nothing was changed."},
    "backup.newer_schema": {
        "vi": "Tệp sao lưu {path} chứa dữ liệu của phiên bản ReceptionDesk mới hơn. Hãy cài phiên bản mới nhất; "
              "không có gì bị thay đổi.",
        "en": "The backup file {path} holds data of a newer version of ReceptionDesk. Install the latest version; "
              "nothing was changed."},
    "backup.copy_damaged": {
        "vi": "Dữ liệu trong tệp sao lưu {path} không qua được kiểm tra ({detail}); không có gì bị thay đổi. Hãy "
              "chọn một bản sao lưu khác.",
        "en": "The data in the backup file {path} fails the check ({detail}); nothing was changed. Choose another "
              "backup."},
    "backup.no_recovery_wrap": {
        "vi": "Tệp sao lưu {path} không mở được bằng mã khôi phục; hãy đăng nhập để khôi phục.",
        "en": "The backup file {path} cannot be opened with the recovery key; sign in to restore it."},
    # -- restore numbers and settings -------------------------------------------------------------------
    "backup.number_range": {"vi": "Số đã dùng cuối cùng ({name}) phải từ 0 đến {max}.",
                            "en": "The last number used ({name}) must be between 0 and {max}."},
    "backup.bad_document_register": {
        "vi": "“{value}” không phải là sổ văn bản hợp lệ; ghi theo dạng CƠQUAN:LOẠI=SỐ hoặc CƠQUAN:LOẠI:NĂM=SỐ, "
              "ví dụ UBND:TB=12.",
        "en": "“{value}” is not a valid document register; write ISSUER:TYPE=NUMBER or ISSUER:TYPE:YEAR=NUMBER, "
              "e.g. UBND:TB=12."},
    "backup.daily_range": {"vi": "số bản sao lưu hằng ngày giữ lại phải từ 1 đến 366.",
                           "en": "the number of daily backups kept must be 1 to 366."},
    "backup.monthly_range": {"vi": "số bản sao lưu hằng tháng giữ lại phải từ 0 đến 240.",
                             "en": "the number of monthly backups kept must be 0 to 240."},
    "backup.second_not_absolute": {"vi": "“{path}” phải là đường dẫn đầy đủ, ví dụ E:\\SaoLuu.",
                                   "en": "“{path}” must be a full path, e.g. E:\\Backups."},
    "backup.second_is_primary": {"vi": "“{path}” là thư mục dữ liệu; hãy chọn ổ đĩa khác (ví dụ ổ USB).",
                                 "en": "“{path}” is the data directory; choose another disk (a USB drive, say)."},
    "field.backup_daily_count": {"vi": "Số bản sao lưu hằng ngày giữ lại", "en": "Daily backups kept"},
    "field.backup_monthly_count": {"vi": "Số bản sao lưu hằng tháng giữ lại", "en": "Monthly backups kept"},
    "field.backup_second_folder": {"vi": "Thư mục sao lưu thứ hai", "en": "Second backup folder"},
    # -- check --full -----------------------------------------------------------------------------------
    "check.backup_unreadable": {"vi": "Bản sao lưu {file} không dùng được: {reason}",
                                "en": "The backup {file} cannot be used: {reason}"},
    "check.backup_altered": {"vi": "Bản sao lưu {file} khác với lúc được tạo (mã băm không khớp).",
                             "en": "The backup {file} differs from when it was made (its hash does not match)."},
    "check.backup_folder_missing": {"vi": "Không tìm thấy thư mục sao lưu thứ hai {path}.",
                                    "en": "The second backup folder {path} cannot be found."},
    "check.no_backup": {"vi": "Chưa có bản sao lưu nào dùng được trong {path}.",
                        "en": "There is no usable backup in {path}."},
    # -- the command line -------------------------------------------------------------------------------
    "cli.backup_done": {"vi": "Đã sao lưu và kiểm tra: {file} ({size}, {seconds} giây).",
                        "en": "Backed up and verified: {file} ({size}, {seconds} s)."},
    "cli.backup_counts": {
        "vi": "  {visits} lượt tiếp, {letters} đơn thư, {cases} vụ việc, {sessions} kỳ tiếp, {documents} văn bản.",
        "en": "  {visits} visits, {letters} letters, {cases} cases, {sessions} sessions, {documents} documents."},
    "cli.backup_hash": {"vi": "  SHA-256: {sha256}", "en": "  SHA-256: {sha256}"},
    "cli.backup_second_ok": {"vi": "  Bản sao thứ hai: {file}", "en": "  Second copy: {file}"},
    "cli.backup_second_failed": {"vi": "  Chưa sao được vào thư mục thứ hai: {reason}",
                                 "en": "  Not copied to the second folder: {reason}"},
    "cli.backup_removed": {"vi": "  Đã xóa {n} bản sao lưu tự động cũ theo chế độ xoay vòng.",
                           "en": "  {n} old automatic backups removed by rotation."},
    "cli.restore_none": {"vi": "Không có bản sao lưu nào trong {path}.", "en": "There are no backups in {path}."},
    "cli.restore_about": {"vi": "Bản sao lưu ngày {date} ({kind}): {file}",
                          "en": "Backup of {date} ({kind}): {file}"},
    "cli.restore_confirm": {
        "vi": "Khôi phục bản này? Tệp dữ liệu hiện tại sẽ được sao lưu trước. Gõ “co” để đồng ý: ",
        "en": "Restore this backup? The current data file is backed up first. Type “yes” to go ahead: "},
    "cli.restore_needs_yes": {
        "vi": "Khôi phục thay thế tệp dữ liệu hiện tại: chạy lại với --yes để xác nhận.",
        "en": "A restore replaces the current data file: run again with --yes to confirm."},
    "cli.restore_cancelled": {"vi": "Đã hủy, không có gì bị thay đổi.", "en": "Cancelled; nothing was changed."},
    "cli.restore_done": {
        "vi": "Đã khôi phục bản sao lưu ngày {date}. Bắt đầu giai đoạn khôi phục số {epoch}: các số đã cấp sau "
              "bản sao lưu sẽ không bị cấp lại.",
        "en": "The backup of {date} was restored. Restore epoch {epoch} begins: numbers issued after the backup "
              "will not be issued again."},
    "cli.restore_before": {"vi": "  Tệp trước khi khôi phục đã được sao lưu: {file}",
                           "en": "  The file before the restore was backed up: {file}"},
    "cli.restore_aside": {"vi": "  Tệp trước khi khôi phục được giữ nguyên tại: {file}",
                          "en": "  The file before the restore was kept as it was at: {file}"},
    "cli.restore_floors": {"vi": "  Số cấp tiếp theo được nâng theo {n} nguồn (tệp hiện tại, các bản sao lưu, "
                                 "số anh/chị nhập).",
                           "en": "  Next numbers raised from {n} sources (the current file, the backups, the "
                                 "numbers you gave)."},
    "cli.col.date": {"vi": "Ngày", "en": "Date"},
    "cli.col.kind": {"vi": "Loại", "en": "Kind"},
    "cli.col.counts": {"vi": "Lượt/đơn/vụ việc", "en": "Visits/letters/cases"},
    "cli.col.file": {"vi": "Tệp", "en": "File"},
    "backup.kind.daily": {"vi": "hằng ngày", "en": "daily"},
    "backup.kind.exit": {"vi": "khi đóng chương trình", "en": "on exit"},
    "backup.kind.manual": {"vi": "làm ngay", "en": "manual"},
    "backup.kind.before-restore": {"vi": "trước khi khôi phục", "en": "before a restore"},
    # -- the window: start-up check, exit backup, restore dialog ----------------------------------------
    "ui.startup.check_failed": {
        "vi": "Tệp dữ liệu {path} không qua được kiểm tra khi khởi động:\n{detail}\n\nNên khôi phục bản sao lưu "
              "gần nhất đã được kiểm tra. Tệp hiện tại sẽ được giữ lại nguyên vẹn.",
        "en": "The data file {path} failed the start-up check:\n{detail}\n\nRestore the latest verified backup. The "
              "current file will be kept as it is."},
    "ui.startup.backup_failed": {"vi": "Chưa sao lưu được hôm nay:\n{reason}",
                                 "en": "Today's backup could not be made:\n{reason}"},
    "ui.exit.backup_failed": {
        "vi": "Chưa sao lưu được khi đóng chương trình:\n{reason}\n\nDữ liệu đã lưu vẫn nguyên vẹn trong tệp dữ liệu.",
        "en": "The backup on exit could not be made:\n{reason}\n\nEverything saved is intact in the data file."},
    "ui.exit.second_failed": {
        "vi": "Đã sao lưu vào thư mục dữ liệu, nhưng chưa sao được vào thư mục thứ hai:\n{reason}",
        "en": "The backup was made in the data directory, but not copied to the second folder:\n{reason}"},
    "ui.restore.title": {"vi": "Khôi phục từ bản sao lưu", "en": "Restore a backup"},
    "ui.restore.intro": {
        "vi": "Chọn bản sao lưu cần khôi phục. Tệp dữ liệu hiện tại được sao lưu trước khi bị thay thế.",
        "en": "Choose the backup to restore. The current data file is backed up before it is replaced."},
    "ui.restore.intro_recovery": {
        "vi": "Không mở được tệp dữ liệu. Chọn bản sao lưu và nhập mã khôi phục (in trên phiếu khôi phục) để "
              "khôi phục; tệp hỏng được giữ lại nguyên vẹn.",
        "en": "The data file cannot be opened. Choose a backup and type the recovery key (on the recovery sheet) "
              "to restore it; the damaged file is kept as it is."},
    "ui.restore.col_date": {"vi": "Ngày sao lưu", "en": "Backed up on"},
    "ui.restore.col_kind": {"vi": "Loại", "en": "Kind"},
    "ui.restore.col_counts": {"vi": "Lượt tiếp / đơn thư / vụ việc", "en": "Visits / letters / cases"},
    "ui.restore.col_folder": {"vi": "Nơi lưu", "en": "Where"},
    "ui.restore.folder.primary": {"vi": "Thư mục dữ liệu", "en": "Data directory"},
    "ui.restore.folder.second": {"vi": "Thư mục thứ hai", "en": "Second folder"},
    "ui.restore.folder.other": {"vi": "Thư mục khác", "en": "Other folder"},
    "ui.restore.counts_unknown": {"vi": "(cần mã khôi phục)", "en": "(needs the recovery key)"},
    "ui.restore.choose_file": {"vi": "Chọn tệp sao lưu khác…", "en": "Choose another backup file…"},
    "ui.restore.file_filter": {"vi": "Bản sao lưu ReceptionDesk (*.rdbackup)",
                               "en": "ReceptionDesk backups (*.rdbackup)"},
    "ui.restore.recovery_key": {"vi": "Mã khôi phục:", "en": "Recovery key:"},
    "ui.restore.numbers": {
        "vi": "Số đã dùng cuối cùng (theo sổ giấy), để không cấp lại số đã cấp sau bản sao lưu — để trống nếu "
              "không rõ:",
        "en": "Last numbers used (from the paper registers), so that nothing issued after the backup is issued "
              "again — leave empty if unknown:"},
    "ui.restore.last_logbook": {"vi": "Số sổ tiếp dân năm nay:", "en": "Logbook number this year:"},
    "ui.restore.last_letter": {"vi": "Số đơn thư năm nay:", "en": "Letter number this year:"},
    "ui.restore.last_package": {"vi": "Số gói dữ liệu gửi cấp trên:", "en": "Package number sent upward:"},
    "ui.restore.last_documents": {"vi": "Văn bản (CƠQUAN:LOẠI=SỐ, cách nhau dấu phẩy):",
                                  "en": "Documents (ISSUER:TYPE=NUMBER, comma separated):"},
    "ui.restore.restore": {"vi": "Khôi phục", "en": "Restore"},
    "ui.restore.cancel": {"vi": "Đóng", "en": "Close"},
    "ui.restore.working": {"vi": "Đang giải mã, kiểm tra và sao lưu tệp hiện tại…",
                           "en": "Decrypting, checking, and backing up the current file…"},
    "ui.restore.confirm": {
        "vi": "Khôi phục bản sao lưu ngày {date}?\n{counts}\n\nMọi thay đổi sau ngày đó sẽ không còn trong tệp dữ "
              "liệu (tệp hiện tại được sao lưu trước).",
        "en": "Restore the backup of {date}?\n{counts}\n\nChanges made after it will no longer be in the data file "
              "(the current file is backed up first)."},
    "ui.restore.counts": {"vi": "{visits} lượt tiếp, {letters} đơn thư, {cases} vụ việc",
                          "en": "{visits} visits, {letters} letters, {cases} cases"},
    "ui.restore.done": {
        "vi": "Đã khôi phục bản sao lưu ngày {date}. Bắt đầu giai đoạn khôi phục số {epoch}; số cấp tiếp theo "
              "không trùng với số đã cấp.",
        "en": "The backup of {date} was restored. Restore epoch {epoch} begins; the next numbers will not repeat "
              "any already issued."},
    "ui.restore.none": {"vi": "Không có bản sao lưu nào. Chọn tệp sao lưu ở nơi khác (ổ USB…).",
                        "en": "There are no backups. Choose a backup file elsewhere (a USB drive…)."},
    "ui.restore.pick_one": {"vi": "Hãy chọn một bản sao lưu trong danh sách.", "en": "Choose a backup in the list."},
}
