"""Messages about printed documents: missing issuer, signer or dates, and bad format files."""

MESSAGES: dict[str, dict[str, str]] = {
    "document.unit_missing": {
        "vi": "Chưa có tên cơ quan, đơn vị ban hành văn bản. Hãy nhập tên đơn vị trong phần thiết lập.",
        "en": "The issuing body's name is missing. Enter the unit's name in the set-up."},
    "document.place_missing": {
        "vi": "Chưa có địa danh ghi ở dòng ngày tháng của văn bản (tên xã, phường).",
        "en": "The place name for the document's date line (the commune's name) is missing."},
    "document.signer_missing": {
        "vi": "Chưa có người ký văn bản: hãy nhập họ tên người ký.",
        "en": "The document has no signer: enter the signer's full name."},
    "document.signer_title_missing": {
        "vi": "Chưa có chức vụ của người ký văn bản (ví dụ: CHỦ TỊCH, PHÓ CHỦ TỊCH, BÍ THƯ).",
        "en": "The signer's position is missing (e.g. CHỦ TỊCH, PHÓ CHỦ TỊCH, BÍ THƯ)."},
    "document.signer_principal_missing": {
        "vi": "Ký thay, thừa lệnh hoặc thừa ủy quyền phải ghi chức vụ của người đứng đầu (ví dụ: KT. CHỦ TỊCH).",
        "en": "Signing for someone else (KT., TL., TUQ.) needs the head's position (e.g. KT. CHỦ TỊCH)."},
    "document.value_missing": {
        "vi": "Văn bản thiếu thông tin bắt buộc: {what}.",
        "en": "The document lacks required information: {what}."},
    "document.bad_number": {
        "vi": "Số văn bản phải là số nguyên dương (đang là “{value}”).",
        "en": "The document number must be a positive whole number (it is “{value}”)."},
    "document.bad_range": {
        "vi": "Khoảng thời gian không hợp lệ: ngày bắt đầu {start} sau ngày kết thúc {end}.",
        "en": "Invalid period: the start {start} is after the end {end}."},
    "document.content_type_unknown": {
        "vi": "Loại đơn “{value}” không hợp lệ; chọn một trong: {allowed} (khiếu nại, tố cáo, kiến nghị, phản ánh).",
        "en": "Unknown content type “{value}”; choose one of: {allowed} (complaint, denunciation, petition, report)."},
    "document.bad_choice": {
        "vi": "Giá trị “{value}” không hợp lệ cho {what}; chọn một trong: {allowed}.",
        "en": "“{value}” is not valid for {what}; choose one of: {allowed}."},
    "document.date_order": {
        "vi": "Ngày không hợp lệ: {later} ({later_date}) không được trước {earlier} ({earlier_date}).",
        "en": "Invalid date: {later} ({later_date}) cannot be before {earlier} ({earlier_date})."},
    "document.not_overdue": {
        "vi": "Nhiệm vụ thứ {index} chưa quá hạn (thời hạn {deadline}); văn bản đôn đốc chỉ lập cho nhiệm vụ "
              "đã quá hạn.",
        "en": "Assignment {index} is not overdue (deadline {deadline}); a reminder is only for overdue assignments."},
    "document.date_outside_period": {
        "vi": "Ngày {date} ở dòng {index} nằm ngoài thời gian của lịch ({start} – {end}).",
        "en": "The date {date} in row {index} is outside the schedule's period ({start} – {end})."},
    "document.format_template_fields": {
        "vi": "Tệp thể thức “{file}”: câu mẫu “{key}” chỉ được dùng các chỗ điền {fields} "
              "(dấu ngoặc nhọn thật viết {{{{ }}}}).",
        "en": "Format file “{file}”: the text “{key}” may only use the placeholders {fields} "
              "(write a real brace as {{{{ }}}})."},
    "document.format_unknown": {
        "vi": "Không có thể thức văn bản “{name}”; chọn một trong: {allowed}.",
        "en": "There is no document format “{name}”; choose one of: {allowed}."},
    "document.format_missing": {
        "vi": "Không tìm thấy tệp thể thức văn bản “{file}”. Hãy cài đặt lại chương trình.",
        "en": "The document format file “{file}” was not found. Reinstall the program."},
    "document.format_bad_encoding": {
        "vi": "Tệp thể thức văn bản “{file}” không phải văn bản UTF-8. Hãy lưu lại tệp với mã UTF-8.",
        "en": "The document format file “{file}” is not UTF-8 text. Save it again as UTF-8."},
    "document.format_bad_json": {
        "vi": "Tệp thể thức văn bản “{file}” bị lỗi cú pháp JSON ở dòng {line}, cột {column} ({reason}).",
        "en": "The document format file “{file}” has a JSON syntax error at line {line}, column {column} ({reason})."},
    "document.format_not_section": {
        "vi": "Tệp thể thức “{file}”: mục “{key}” phải là một nhóm giá trị {{…}}.",
        "en": "Format file “{file}”: “{key}” must be a section {{…}}."},
    "document.format_unknown_key": {
        "vi": "Tệp thể thức “{file}”: không có khóa “{key}” (viết sai?). Các khóa hợp lệ ở mục này: {allowed}.",
        "en": "Format file “{file}”: there is no key “{key}” (a typo?). Keys allowed here: {allowed}."},
    "document.format_missing_key": {
        "vi": "Tệp thể thức “{file}”: thiếu khóa “{key}”.",
        "en": "Format file “{file}”: the key “{key}” is missing."},
    "document.format_not_number": {
        "vi": "Tệp thể thức “{file}”: “{key}” phải là một số.",
        "en": "Format file “{file}”: “{key}” must be a number."},
    "document.format_not_bool": {
        "vi": "Tệp thể thức “{file}”: “{key}” phải là true hoặc false.",
        "en": "Format file “{file}”: “{key}” must be true or false."},
    "document.format_not_text": {
        "vi": "Tệp thể thức “{file}”: “{key}” phải là một chuỗi chữ trong dấu ngoặc kép.",
        "en": "Format file “{file}”: “{key}” must be a text in double quotes."},
    "document.format_not_list": {
        "vi": "Tệp thể thức “{file}”: “{key}” phải là một danh sách […] không rỗng.",
        "en": "Format file “{file}”: “{key}” must be a non-empty list […]."},
    "document.format_list_length": {
        "vi": "Tệp thể thức “{file}”: “{key}” phải có đúng {count} phần tử (số dương).",
        "en": "Format file “{file}”: “{key}” must have exactly {count} items (positive numbers)."},
    "document.format_not_choice": {
        "vi": "Tệp thể thức “{file}”: “{key}” không nhận giá trị “{value}”; chọn một trong: {allowed}.",
        "en": "Format file “{file}”: “{key}” cannot be “{value}”; choose one of: {allowed}."},
    "document.format_out_of_range": {
        "vi": "Tệp thể thức “{file}”: “{key}” = {value} nằm ngoài khoảng cho phép {min}–{max}.",
        "en": "Format file “{file}”: “{key}” = {value} is outside the allowed range {min}–{max}."},
    "document.format_bad_limits": {
        "vi": "Tệp thể thức “{file}”: giới hạn “{key}” phải ghi [nhỏ nhất, lớn nhất].",
        "en": "Format file “{file}”: the limits “{key}” must read [smallest, largest]."},
    "document.format_margin_outside": {
        "vi": "Tệp thể thức “{file}”: lề “{key}” = {value} mm nằm ngoài giới hạn {min}–{max} mm của thể thức.",
        "en": "Format file “{file}”: the margin “{key}” = {value} mm is outside the format's limits {min}–{max} mm."},
    "document.format_bad_template": {
        "vi": "Tệp thể thức “{file}”: mẫu “{key}” phải chứa đúng các trường {fields}.",
        "en": "Format file “{file}”: the template “{key}” must contain exactly the fields {fields}."},
}
