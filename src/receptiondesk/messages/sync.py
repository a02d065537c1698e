"""Messages of sync packages, acknowledgements and sync key files (command line and window alike)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- writing a package, an acknowledgement or a key file --------------------------------------------
    "sync.folder_read_only": {
        "vi": "Thư mục {path} chỉ cho đọc, không ghi được: tệp chưa được tạo. Hãy mở khóa ghi của ổ USB hoặc "
              "chọn thư mục khác.",
        "en": "The folder {path} is read-only: the file was not created. Unlock the USB drive's write protection "
              "or choose another folder."},
    "sync.disk_full": {
        "vi": "Không đủ chỗ trống trong thư mục {path}: tệp chưa được tạo, không có tệp dở dang nào bị để lại. "
              "Hãy giải phóng chỗ trống hoặc dùng ổ USB khác.",
        "en": "Not enough free space in the folder {path}: the file was not created and no partial file was "
              "left. Free some space or use another USB drive."},
    "sync.folder_missing": {
        "vi": "Không tìm thấy thư mục {path} (ổ USB đã rút ra?): tệp chưa được tạo. Cắm lại ổ rồi làm lại.",
        "en": "The folder {path} cannot be found (was the USB drive removed?): the file was not created. Plug "
              "the drive back in and try again."},
    "sync.write_failed": {
        "vi": "Không ghi được tệp vào thư mục {path} ({reason}): tệp chưa được tạo.",
        "en": "Could not write the file to the folder {path} ({reason}): the file was not created."},
    "sync.file_exists": {
        "vi": "Tệp {path} đã có sẵn; không ghi đè lên nó. Hãy chọn thư mục khác hoặc chuyển tệp cũ đi.",
        "en": "The file {path} already exists and was not overwritten. Choose another folder or move the old "
              "file away."},
    "sync.readback_failed": {
        "vi": "Tệp ghi vào thư mục {path} đọc lại không đúng (ổ USB có lỗi?); tệp đó đã bị bỏ. Hãy dùng ổ "
              "USB khác.",
        "en": "The file written to the folder {path} did not read back correctly (a faulty USB drive?); it was "
              "discarded. Use another USB drive."},
    # -- reading a package ------------------------------------------------------------------------------
    "sync.package_not_found": {
        "vi": "Không tìm thấy tệp gói dữ liệu {path}.",
        "en": "The data package {path} does not exist."},
    "sync.package_unreadable": {
        "vi": "Không đọc được tệp gói dữ liệu {path} ({reason}).",
        "en": "Could not read the data package {path} ({reason})."},
    "sync.package_not_ours": {
        "vi": "Tệp {path} không phải là gói dữ liệu đồng bộ của ReceptionDesk; không có gì bị thay đổi.",
        "en": "{path} is not a ReceptionDesk sync package; nothing was changed."},
    "sync.package_truncated": {
        "vi": "Tệp gói dữ liệu {path} bị thiếu phần cuối (sao chép dở dang?); không dùng được, không có gì bị "
              "thay đổi. Hãy xin xã gửi lại tệp.",
        "en": "The data package {path} is cut short (an unfinished copy?); it cannot be used and nothing was "
              "changed. Ask the commune to send the file again."},
    "sync.package_damaged": {
        "vi": "Tệp gói dữ liệu {path} bị hỏng hoặc đã bị sửa sau khi xã ký; không dùng được, không có gì bị "
              "thay đổi. Hãy xin xã gửi lại tệp.",
        "en": "The data package {path} is damaged or was altered after the commune signed it; it cannot be used "
              "and nothing was changed. Ask the commune to send the file again."},
    "sync.package_newer_version": {
        "vi": "Tệp gói dữ liệu {path} theo định dạng mới hơn (phiên bản {version}). Hãy cài phiên bản "
              "ReceptionDesk mới nhất; không có gì bị thay đổi.",
        "en": "The data package {path} uses a newer format (version {version}). Install the latest version of "
              "ReceptionDesk; nothing was changed."},
    "sync.package_other_signer": {
        "vi": "Tệp gói dữ liệu {path} không được ký bằng khóa đã đăng ký của xã {unit}; không dùng được, không "
              "có gì bị thay đổi. Hãy gọi điện cho xã để đối chiếu mã nhận dạng khóa.",
        "en": "The data package {path} is not signed with the registered key of commune {unit}; it cannot be "
              "used and nothing was changed. Phone the commune to compare the key fingerprint."},
    "sync.package_other_unit": {
        "vi": "Tệp gói dữ liệu {path} là của đơn vị {unit}, không phải của đơn vị {expected}; không có gì bị "
              "thay đổi.",
        "en": "The data package {path} comes from unit {unit}, not from unit {expected}; nothing was changed."},
    "sync.package_other_recipient": {
        "vi": "Tệp gói dữ liệu {path} được mã hóa cho khóa khác, không phải khóa của cấp trên này (xã dùng tệp "
              "khóa cũ hoặc của nơi khác?); không mở được, không có gì bị thay đổi.",
        "en": "The data package {path} is encrypted for another key, not this upper level's (does the commune use "
              "an old or another office's key file?); it cannot be opened and nothing was changed."},
    "sync.identity_unreadable": {
        "vi": "Không mở được thông tin danh tính được bảo vệ bằng khóa này (khóa khác, hoặc dữ liệu bị sửa).",
        "en": "The protected identity cannot be opened with this key (another key, or altered data)."},
    # -- reading an acknowledgement ---------------------------------------------------------------------
    "sync.ack_not_found": {
        "vi": "Không tìm thấy tệp xác nhận {path}.",
        "en": "The acknowledgement {path} does not exist."},
    "sync.ack_unreadable": {
        "vi": "Không đọc được tệp xác nhận {path} ({reason}).",
        "en": "Could not read the acknowledgement {path} ({reason})."},
    "sync.ack_not_ours": {
        "vi": "Tệp {path} không phải là tệp xác nhận của cấp trên; không có gì bị thay đổi.",
        "en": "{path} is not an acknowledgement from the upper level; nothing was changed."},
    "sync.ack_truncated": {
        "vi": "Tệp xác nhận {path} bị thiếu phần cuối (sao chép dở dang?); không dùng được, không có gì bị thay "
              "đổi.",
        "en": "The acknowledgement {path} is cut short (an unfinished copy?); it cannot be used and nothing was "
              "changed."},
    "sync.ack_damaged": {
        "vi": "Tệp xác nhận {path} bị hỏng hoặc đã bị sửa sau khi cấp trên ký; không dùng được, không có gì bị "
              "thay đổi.",
        "en": "The acknowledgement {path} is damaged or was altered after the upper level signed it; it cannot be "
              "used and nothing was changed."},
    "sync.ack_newer_version": {
        "vi": "Tệp xác nhận {path} theo định dạng mới hơn (phiên bản {version}). Hãy cài phiên bản ReceptionDesk "
              "mới nhất; không có gì bị thay đổi.",
        "en": "The acknowledgement {path} uses a newer format (version {version}). Install the latest version of "
              "ReceptionDesk; nothing was changed."},
    "sync.ack_other_signer": {
        "vi": "Tệp xác nhận {path} không được ký bằng khóa của cấp trên đã đăng ký ({upper}); không dùng được, "
              "không có gì bị thay đổi. Hãy gọi điện cho cấp trên để đối chiếu mã nhận dạng khóa.",
        "en": "The acknowledgement {path} is not signed with the registered upper level's key ({upper}); it "
              "cannot be used and nothing was changed. Phone the upper level to compare the key fingerprint."},
    "sync.ack_other_unit": {
        "vi": "Tệp xác nhận {path} dành cho đơn vị {unit}, không phải đơn vị này ({expected}); không có gì bị "
              "thay đổi.",
        "en": "The acknowledgement {path} is for unit {unit}, not for this unit ({expected}); nothing was "
              "changed."},
    # -- key files --------------------------------------------------------------------------------------
    "sync.key_file_not_found": {
        "vi": "Không tìm thấy tệp khóa {path}.",
        "en": "The key file {path} does not exist."},
    "sync.key_file_unreadable": {
        "vi": "Không đọc được tệp khóa {path} ({reason}).",
        "en": "Could not read the key file {path} ({reason})."},
    "sync.key_file_not_ours": {
        "vi": "Tệp {path} không phải là tệp khóa đồng bộ của ReceptionDesk.",
        "en": "{path} is not a ReceptionDesk sync key file."},
    "sync.key_file_wrong_kind": {
        "vi": "Tệp khóa {path} là loại “{kind}”, không phải loại cần dùng ở đây (“{expected}”). Hãy kiểm tra "
              "lại tệp được chọn.",
        "en": "The key file {path} is of kind “{kind}”, not the kind needed here (“{expected}”). Check the file "
              "chosen."},
    "sync.key_file_newer_version": {
        "vi": "Tệp khóa {path} theo định dạng mới hơn (phiên bản {version}). Hãy cài phiên bản ReceptionDesk "
              "mới nhất.",
        "en": "The key file {path} uses a newer format (version {version}). Install the latest version of "
              "ReceptionDesk."},
    "sync.key_file_bad_field": {
        "vi": "Tệp khóa {path} bị hỏng: mục “{key}” thiếu, thừa hoặc sai dạng. Hãy xin lại tệp khóa.",
        "en": "The key file {path} is damaged: the entry “{key}” is missing, unexpected or malformed. Ask for "
              "the key file again."},
    "sync.private_keys_unreadable": {
        "vi": "Không mở được khóa đồng bộ đã lưu bằng khóa dữ liệu của bàn này (bàn khác, hoặc dữ liệu bị sửa).",
        "en": "The stored sync keys cannot be opened with this desk's data key (another desk, or altered data)."},
    # -- the desk's sync service -----------------------------------------------------------------------------
    "sync.no_upper_keys": {
        "vi": "Chưa có khóa công khai của cấp trên: hãy nhận tệp khóa từ cấp trên, nhập vào (màn hình Đồng bộ lên "
              "cấp trên → Khóa và danh tính được bảo vệ, hoặc “receptiondesk sync keys --import-upper TỆP”) và đọc "
              "dấu vân tay qua điện thoại để đối chiếu.",
        "en": "The upper level's public keys are missing: get their key file, import it (Upper-level sync → Keys "
              "and protected identities, or “receptiondesk sync keys --import-upper FILE”) and compare the "
              "fingerprint by phone."},
    "sync.ack_other_package": {
        "vi": "Tệp xác nhận {file} nói về gói số {sequence}, nhưng bàn không gửi gói nào như vậy (số gói hoặc mã "
              "băm khác): không ghi nhận gì.",
        "en": "The acknowledgement {file} is about package {sequence}, which this desk did not send (another number "
              "or hash): nothing recorded."},
    "sync.ack_replayed": {
        "vi": "Gói số {sequence} đã được xác nhận trước đây; tệp {file} là bản nhận lại: không ghi nhận gì thêm.",
        "en": "Package {sequence} was acknowledged before; {file} is a replay: nothing more recorded."},
    "sync.policy_unknown": {"vi": "cách gửi danh tính được bảo vệ phải là “seal” (niêm phong cho cấp trên) hoặc "
                                  "“omit” (không gửi).",
                            "en": "protected identities are either “seal” (sealed for the upper level) or “omit”."},
    "field.sync_protected": {"vi": "Danh tính được bảo vệ khi đồng bộ", "en": "Protected identities in sync"},
    # -- the command line ----------------------------------------------------------------------------------------
    "cli.sync_exported": {"vi": "Đã tạo gói số {sequence}: {file} ({records} bản ghi, {size} byte), đã kiểm tra lại.",
                          "en": "Package {sequence} written: {file} ({records} records, {size} bytes), checked."},
    "cli.sync_ack_accepted": {
        "vi": "Cấp trên đã nhận gói số {sequence}; đã gửi xong đến thay đổi số {watermark}.",
        "en": "The upper level accepted package {sequence}; everything up to change {watermark} is delivered."},
    "cli.sync_ack_rejected": {
        "vi": "Cấp trên trả lại gói số {sequence}; gói sau sẽ gửi lại mọi thay đổi từ sau số {watermark}.",
        "en": "The upper level rejected package {sequence}; the next package carries every change after "
              "{watermark} again."},
    "cli.sync_commune_key": {"vi": "Khóa ký của xã: {digits}\n  ({words})",
                             "en": "The commune's signing key: {digits}\n  ({words})"},
    "cli.sync_upper_key": {"vi": "Khóa của cấp trên ({name}): {digits}\n  ({words})",
                           "en": "The upper level's keys ({name}): {digits}\n  ({words})"},
    "cli.sync_status": {"vi": "Đã được xác nhận đến thay đổi số {watermark}; còn {pending} bản ghi thay đổi chưa gửi.",
                        "en": "Acknowledged up to change {watermark}; {pending} changed record(s) not sent yet."},
    "cli.sync_state.sent": {"vi": "đã gửi", "en": "sent"},
    "cli.sync_state.accepted": {"vi": "cấp trên đã nhận", "en": "accepted"},
    "cli.sync_state.rejected": {"vi": "cấp trên trả lại", "en": "rejected"},
    "sync.export_cancelled": {"vi": "Đã dừng tạo gói: không có tệp nào được ghi, không có gì được đánh dấu đã gửi.",
                              "en": "Package stopped: no file was written and nothing was marked as sent."},
}
