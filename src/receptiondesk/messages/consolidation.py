"""Messages of the upper level's consolidation desk: its mode and keys, enrolling communes, importing their
packages, acknowledgements and the oversight table (command line and window alike)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- mode and keys -----------------------------------------------------------------------------------------
    "consolidation.already_upper": {
        "vi": "Bàn này đã ở chế độ tổng hợp của cấp trên; khóa của cấp trên chỉ được tạo một lần. Muốn ghi lại tệp "
              "khóa công khai cho các xã, dùng “receptiondesk sync keys --export-public TỆP”.",
        "en": "This desk is already the upper level's consolidation desk; the upper level's keys are made once "
              "only. To write the public key file for the communes again, use “receptiondesk sync keys "
              "--export-public FILE”."},
    "consolidation.not_upper": {
        "vi": "Bàn này (đơn vị {unit}) chưa ở chế độ tổng hợp của cấp trên: quản trị viên cần chạy “receptiondesk "
              "sync upper-init” trước.",
        "en": "This desk (unit {unit}) is not the upper level's consolidation desk: an administrator must run "
              "“receptiondesk sync upper-init” first."},
    "consolidation.no_confidential_key": {
        "vi": "Bộ khóa của cấp trên trên máy này không có khóa mở danh tính được bảo vệ, nên không nhập được gói "
              "có danh tính niêm phong; không có gì bị thay đổi.",
        "en": "The upper level's key set on this PC lacks the confidential-data key, so a package with sealed "
              "identities cannot be imported; nothing was changed."},
    # -- enrolment ---------------------------------------------------------------------------------------------
    "consolidation.enrol_own_unit": {
        "vi": "Tệp khóa là của chính đơn vị của bàn này ({unit}); bàn tổng hợp giữ hồ sơ của chính mình, không "
              "đăng ký đơn vị mình như một xã gửi lên.",
        "en": "The key file belongs to this desk's own unit ({unit}); the consolidation desk keeps its own records "
              "and does not enrol its own unit as a sending commune."},
    "consolidation.enrol_outside": {
        "vi": "Đơn vị {unit} ({name}) không phải là xã, phường thuộc {upper} theo danh mục năm 2025; không đăng "
              "ký.",
        "en": "Unit {unit} ({name}) is not a commune of {upper} in the 2025 list; not enrolled."},
    # -- importing a package -----------------------------------------------------------------------------------
    "consolidation.not_enrolled": {
        "vi": "Gói {file} là của đơn vị {unit} ({name}), chưa được đăng ký ở cấp trên: hãy nhận tệp khóa công khai "
              "của xã, gọi điện đối chiếu dấu vân tay rồi đăng ký (“receptiondesk sync enrol TỆP”); không có gì "
              "bị thay đổi.",
        "en": "The package {file} comes from unit {unit} ({name}), which is not enrolled here: get the commune's "
              "public key file, compare its fingerprint by phone and enrol it (“receptiondesk sync enrol FILE”); "
              "nothing was changed."},
    "consolidation.package_other_upper": {
        "vi": "Gói {file} được lập cho cấp trên khác (đơn vị {upper}), không phải cho đơn vị này ({ours}); không "
              "mở được, không có gì bị thay đổi. Xã cần nhập đúng tệp khóa của cấp trên rồi lập gói lại.",
        "en": "The package {file} was made for another upper level (unit {upper}), not this one ({ours}); it cannot "
              "be opened and nothing was changed. The commune must import the right upper-level key file and make "
              "the package again."},
    "consolidation.ack_not_written": {
        "vi": "Gói số {sequence} của đơn vị {unit} ({file}) đã được ghi nhận, nhưng chưa ghi được tệp xác nhận. "
              "Nhập lại chính tệp gói đó kèm thư mục xác nhận để ghi lại tệp xác nhận (dữ liệu không bị nhập hai "
              "lần). Lý do:",
        "en": "Package {sequence} of unit {unit} ({file}) is recorded, but its acknowledgement was not written. "
              "Import the same package file again with the acknowledgement folder to write it (nothing is imported "
              "twice). The reason:"},
    "consolidation.ack_again": {
        "vi": "Gói này đã được cấp trên nhận trước đây; đây là bản xác nhận gửi lại.",
        "en": "The upper level received this package before; this is the acknowledgement sent again."},
    "consolidation.ack_more_reasons": {
        "vi": "… và {n} bản ghi khác không được nhận vì cũ hơn bản cấp trên đang giữ.",
        "en": "… and {n} more records not taken because they are older than the ones the upper level holds."},
    # -- the command line --------------------------------------------------------------------------------------
    "cli.consolidation_initialised": {
        "vi": "Bàn này đã chuyển sang chế độ tổng hợp của cấp trên: {name} (mã {unit}).",
        "en": "This desk is now the upper level's consolidation desk: {name} (code {unit})."},
    "cli.consolidation_upper_key": {
        "vi": "Dấu vân tay khóa của cấp trên (đọc cho các xã qua điện thoại): {digits}\n  ({words})",
        "en": "The upper level's key fingerprint (read it to the communes by phone): {digits}\n  ({words})"},
    "cli.consolidation_public_written": {
        "vi": "Đã ghi tệp khóa công khai cho các xã: {file}",
        "en": "The public key file for the communes was written: {file}"},
    "cli.consolidation_enrolled.new": {
        "vi": "Đã đăng ký {name} (mã {unit}).",
        "en": "{name} (code {unit}) is enrolled."},
    "cli.consolidation_enrolled.replaced": {
        "vi": "Đã thay khóa của {name} (mã {unit}): khóa cũ ({previous}) không còn được chấp nhận; gói ký bằng "
              "khóa cũ sẽ bị từ chối.",
        "en": "The key of {name} (code {unit}) was replaced: the old key ({previous}) is no longer accepted; "
              "packages signed with it will be refused."},
    "cli.consolidation_enrolled.renamed": {
        "vi": "{name} (mã {unit}) đã được đăng ký với khóa này; đã cập nhật tên đơn vị.",
        "en": "{name} (code {unit}) was already enrolled with this key; its name was updated."},
    "cli.consolidation_enrolled.unchanged": {
        "vi": "{name} (mã {unit}) đã được đăng ký với đúng khóa này; không có gì thay đổi.",
        "en": "{name} (code {unit}) is already enrolled with this very key; nothing changed."},
    "cli.consolidation_commune_key": {
        "vi": "Dấu vân tay khóa của xã (đối chiếu với xã qua điện thoại): {digits}\n  ({words})",
        "en": "The commune's key fingerprint (compare it with the commune by phone): {digits}\n  ({words})"},
    "cli.consolidation_imported": {
        "vi": "Đã nhận gói số {sequence} của {name} (mã {unit}): {new} mới, {updated} cập nhật, {unchanged} không "
              "đổi, {rejected} không nhận.",
        "en": "Package {sequence} of {name} (code {unit}) accepted: {new} new, {updated} updated, {unchanged} "
              "unchanged, {rejected} rejected."},
    "cli.consolidation_dry_run": {
        "vi": "Chạy thử gói số {sequence} của {name} (mã {unit}), không ghi gì: sẽ có {new} mới, {updated} cập "
              "nhật, {unchanged} không đổi, {rejected} không nhận.",
        "en": "Dry run of package {sequence} of {name} (code {unit}), nothing written: {new} new, {updated} "
              "updated, {unchanged} unchanged, {rejected} rejected."},
    "cli.consolidation_duplicate": {
        "vi": "Gói số {sequence} của {name} (mã {unit}) đã được nhận trước đây (cùng tệp): không có gì thay đổi.",
        "en": "Package {sequence} of {name} (code {unit}) was received before (the same file): nothing changed."},
    "cli.consolidation_out_of_order": {
        "vi": "Gói này đến sau một gói số lớn hơn: vẫn được nhận; bản ghi nào cũ hơn bản đang giữ thì giữ bản "
              "đang có.",
        "en": "This package came after a higher-numbered one: it is accepted all the same; a record older than "
              "the one held leaves the held one in place."},
    "cli.consolidation_gaps": {
        "vi": "Các gói chưa nhận được của đơn vị này: {gaps}.",
        "en": "Packages of this unit not received: {gaps}."},
    "cli.consolidation_ack_written": {
        "vi": "Đã ghi tệp xác nhận: {file}",
        "en": "Acknowledgement written: {file}"},
    "cli.consolidation_status": {
        "vi": "Bàn tổng hợp của {name} (mã {unit}); số xã đã đăng ký: {n}.",
        "en": "Consolidation desk of {name} (code {unit}); communes enrolled: {n}."},
    "cli.consolidation_col.unit": {"vi": "Mã", "en": "Code"},
    "cli.consolidation_col.name": {"vi": "Đơn vị", "en": "Unit"},
    "cli.consolidation_col.last": {"vi": "Gói cuối", "en": "Last package"},
    "cli.consolidation_col.received": {"vi": "Ngày nhận", "en": "Received"},
    "cli.consolidation_col.status": {"vi": "Kết quả", "en": "Outcome"},
    "cli.consolidation_col.gaps": {"vi": "Gói còn thiếu", "en": "Missing packages"},
    "cli.consolidation_col.missing": {"vi": "Thay đổi chưa có", "en": "Changes not held"},
    "cli.consolidation_col.records": {"vi": "Bản ghi", "en": "Records"},
    "cli.consolidation_state.accepted": {"vi": "đã nhận", "en": "accepted"},
    "cli.consolidation_state.rejected": {"vi": "từ chối", "en": "refused"},
    "cli.consolidation_state.duplicate": {"vi": "nhận lại (trùng)", "en": "seen again"},
    "consolidation.report_invalid": {
        "vi": "Gói “{file}” mang một báo cáo không đọc được hoặc số liệu không khớp mã kiểm tra ({name}); cả gói bị "
              "từ chối, không có gì bị thay đổi. Đề nghị xã lập lại gói.",
        "en": "Package “{file}” carries a report that cannot be read or whose figures do not match their checksum "
              "({name}); the whole package was refused and nothing was changed. Ask the commune to write the "
              "package again."},
    "consolidation.report_unknown": {
        "vi": "Không có báo cáo số {id} trong các báo cáo các xã đã gửi lên.",
        "en": "There is no report {id} among the reports the communes sent."},
    "consolidation.rebuild_unknown": {
        "vi": "Đơn vị {unit} ({name}) chưa được đăng ký ở bàn tổng hợp này, nên không lập được tệp khôi phục cho "
              "đơn vị đó. Nhập đúng mã xã, phường đã đăng ký.",
        "en": "Unit {unit} ({name}) is not enrolled at this consolidation desk, so no rebuild file can be written "
              "for it. Enter the code of an enrolled commune."},
    "cli.consolidation_rebuilt": {
        "vi": "Đã ghi tệp khôi phục {file}: {n} bản ghi của đơn vị {unit}. Trên máy mới của xã: cài đặt bàn cho "
              "đúng đơn vị rồi chạy “receptiondesk import TỆP”, sau đó đăng ký lại khóa mới của xã.",
        "en": "Rebuild file {file} written: {n} records of unit {unit}. On the commune's new PC: set up the desk "
              "for that unit, run “receptiondesk import FILE”, then enrol the commune's new key again."},
    "cli.consolidation_report_accepted": {
        "vi": "Đã tiếp nhận báo cáo số {id} của đơn vị {unit} ({period}); kỳ báo cáo đã khóa: thay đổi nhận sau "
              "này được ghi là sửa đổi.",
        "en": "Report {id} of unit {unit} ({period}) accepted; its period is locked: changes received from now on "
              "show as amendments."},
    "cli.consolidation_col.report": {"vi": "Báo cáo", "en": "Report"},
    "cli.consolidation_col.submitted": {"vi": "Ngày nộp", "en": "Submitted"},
    "cli.consolidation_col.accepted": {"vi": "Tiếp nhận", "en": "Accepted"},
    "cli.consolidation_col.overdue": {"vi": "Nhiệm vụ quá hạn", "en": "Overdue tasks"},
    "cli.consolidation_col.compliance": {"vi": "Tiếp định kỳ chưa đạt", "en": "Periodic reception missed"},
    "cli.consolidation_compliance": {
        "vi": "{month}: {weeks} tuần (Chủ tịch), {months} tháng (Bí thư)",
        "en": "{month}: {weeks} weeks (chairman), {months} months (secretary)"},
    "cli.consolidation_new_history": {
        "vi": "Xã đã khôi phục dữ liệu từ bản sao lưu (lần khôi phục {epoch}): gói này bắt đầu lịch sử mới của xã; số "
              "gói có thể lặp lại số cũ. Hồ sơ đã nhận trước đây vẫn được giữ.",
        "en": "The commune restored its data from a backup (restore {epoch}): this package starts its new history; "
              "package numbers may repeat earlier ones. The records received before are kept."},
}
