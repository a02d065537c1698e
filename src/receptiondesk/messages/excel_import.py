"""Messages of reading old logbooks from Excel or CSV files: files that cannot be opened, sheets that are not a
logbook, a column chosen twice, a read that was stopped."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- opening the file --------------------------------------------------------------------------------------
    "excel_import.file_missing": {
        "vi": "Không tìm thấy tệp “{file}” trong thư mục {folder}: tệp đã bị xóa, đổi tên, hoặc ổ USB đã bị rút ra? "
              "Hãy chọn lại tệp.",
        "en": "The file “{file}” is not in the folder {folder}: was it deleted or renamed, or the USB drive removed? "
              "Choose the file again."},
    "excel_import.file_unreadable": {
        "vi": "Không đọc được tệp “{file}” ({reason}). Hãy đóng tệp nếu đang mở trong chương trình khác, hoặc chép "
              "tệp vào máy rồi thử lại.",
        "en": "Cannot read the file “{file}” ({reason}). Close it if another program has it open, or copy it to "
              "this computer, then try again."},
    "excel_import.old_xls": {
        "vi": "Tệp “{file}” là tệp Excel đời cũ (.xls), chương trình không đọc trực tiếp được: hãy mở tệp bằng Excel "
              "và lưu lại dạng .xlsx (Tệp → Lưu thành → Sổ làm việc Excel), rồi chọn tệp .xlsx đó.",
        "en": "“{file}” is an old-style Excel file (.xls), which cannot be read directly: open it in Excel and save "
              "it as .xlsx (File → Save As → Excel Workbook), then choose that .xlsx file."},
    "excel_import.encrypted": {
        "vi": "Tệp “{file}” được đặt mật khẩu nên không đọc được. Hãy mở tệp bằng Excel (nhập mật khẩu), bỏ mật khẩu "
              "(Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi chọn lại "
              "tệp.",
        "en": "“{file}” is protected by a password and cannot be read. Open it in Excel (type the password), remove "
              "the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save it, then "
              "choose the file again."},
    "excel_import.corrupt": {
        "vi": "Tệp “{file}” bị hỏng hoặc không phải là tệp Excel .xlsx ({reason}). Hãy thử mở tệp bằng Excel và lưu "
              "lại dạng .xlsx rồi chọn lại tệp.",
        "en": "“{file}” is damaged or not an Excel .xlsx workbook ({reason}). Try opening it in Excel and saving it "
              "as .xlsx, then choose it again."},
    "excel_import.unknown_type": {
        "vi": "Không đọc được tệp “{file}”: chỉ nhận tệp Excel (.xlsx, .xlsm) hoặc tệp CSV (.csv). Hãy mở tệp bằng "
              "Excel và lưu lại dạng .xlsx.",
        "en": "Cannot read “{file}”: only Excel workbooks (.xlsx, .xlsm) and CSV files (.csv) are read. Open the "
              "file in Excel and save it as .xlsx."},
    "excel_import.csv_not_text": {
        "vi": "Tệp “{file}” không phải là tệp CSV đọc được (không phải văn bản UTF-8 hay Windows-1258). Hãy mở tệp "
              "bằng Excel và lưu lại dạng .xlsx hoặc “CSV UTF-8”.",
        "en": "“{file}” is not a readable CSV file (neither UTF-8 nor Windows-1258 text). Open it in Excel and "
              "save it as .xlsx or as “CSV UTF-8”."},
    # -- reading -----------------------------------------------------------------------------------------------
    "excel_import.cancelled": {
        "vi": "Đã dừng đọc tệp “{file}”: chưa nhập dữ liệu nào.",
        "en": "Reading “{file}” stopped: nothing was imported."},
    "excel_import.field_twice": {
        "vi": "Thông tin “{label}” được lấy từ hai cột ({columns}): mỗi thông tin chỉ lấy từ một cột.",
        "en": "“{label}” is taken from two columns ({columns}): each item comes from one column only."},
    # -- why a sheet is not a logbook ------------------------------------------------------------------------------
    "excel_import.empty_sheet": {
        "vi": "Trang “{sheet}” không có dữ liệu.",
        "en": "The sheet “{sheet}” is empty."},
    "excel_import.no_header": {
        "vi": "Trang “{sheet}” không giống sổ tiếp công dân: không thấy dòng tiêu đề cột (STT, Ngày tiếp, Họ tên, "
              "Nội dung vụ việc…) trong {rows} dòng đầu.",
        "en": "The sheet “{sheet}” does not look like a reception logbook: no row of column titles (STT, Ngày "
              "tiếp, Họ tên, Nội dung vụ việc…) in its first {rows} rows."},
    "excel_import.missing_columns": {
        "vi": "Trang “{sheet}” không giống sổ tiếp công dân: thiếu cột {missing}.",
        "en": "The sheet “{sheet}” does not look like a reception logbook: no column for {missing}."},
    # -- rows ----------------------------------------------------------------------------------------------------
    "field.logbook_no": {"vi": "Số thứ tự", "en": "Logbook number"},
    "field.sheet": {"vi": "Trang tính", "en": "Sheet"},
    "excel_import.date_missing": {"vi": "dòng không có ngày tiếp: bỏ qua.", "en": "the row has no visit date: skipped."},
    "excel_import.date_unreadable": {
        "vi": "không hiểu ngày “{value}” (hãy ghi dạng ngày/tháng/năm, ví dụ 05/03/2024): bỏ qua dòng.",
        "en": "“{value}” is not a date (write day/month/year, e.g. 05/03/2024): row skipped."},
    "excel_import.date_out_of_range": {
        "vi": "ngày {value} không thể là ngày tiếp (trước năm 1990 hoặc sau hôm nay {today}): bỏ qua dòng.",
        "en": "{value} cannot be a visit date (before 1990 or after today, {today}): row skipped."},
    "excel_import.name_missing": {"vi": "dòng không có họ tên người được tiếp: bỏ qua.",
                                  "en": "the row names no one: skipped."},
    "excel_import.masked_name": {
        "vi": "“{value}” là chữ che danh tính (tệp xuất không kèm danh tính), không phải họ tên: bỏ qua dòng.",
        "en": "“{value}” is a mask standing for a protected identity, not a name: row skipped."},
    "excel_import.summary_missing": {"vi": "dòng không có nội dung vụ việc: bỏ qua.",
                                     "en": "the row has no content: skipped."},
    "excel_import.subtotal_row": {"vi": "dòng cộng, tổng: bỏ qua.", "en": "a total row: skipped."},
    "excel_import.number_taken": {
        "vi": "số thứ tự {number} năm {year} đã có trong sổ của bàn (hoặc ở dòng trên): bỏ qua dòng.",
        "en": "number {number} of {year} is already in the desk's logbook (or on a row above): row skipped."},
    "excel_import.id_kept_as_other": {
        "vi": "“{value}” không đúng dạng CCCD, CMND hay hộ chiếu: ghi là giấy tờ khác.",
        "en": "“{value}” is not a citizen ID, old ID card or passport number: kept as another paper."},
    "excel_import.phone_kept_in_notes": {"vi": "“{value}” không phải số điện thoại hợp lệ: ghi vào ghi chú.",
                                         "en": "“{value}” is not a valid phone number: kept in the notes."},
    "excel_import.content_type_guessed": {
        "vi": "không rõ loại đơn (“{value}”): ghi là {guessed} theo nội dung.",
        "en": "the content type is unclear (“{value}”): recorded as {guessed} from the content."},
    "excel_import.headcount_unreadable": {"vi": "không hiểu số người “{value}”: ghi là 1.",
                                          "en": "“{value}” is not a number of persons: recorded as 1."},
    "excel_import.number_unreadable": {"vi": "không hiểu số thứ tự “{value}”: cấp số mới.",
                                       "en": "“{value}” is not a logbook number: a new number is given."},
    "excel_import.number_given": {"vi": "dòng không có số thứ tự: cấp số {number} năm {year}.",
                                  "en": "the row has no number: given number {number} of {year}."},
    "excel_import.direction_assumed": {
        "vi": "sổ cũ không ghi hướng xử lý: ghi là “Trả lời ngay”.",
        "en": "the old logbook records no handling: recorded as “answered at once”."},
    "excel_import.converted": {"vi": "chữ được chuyển từ bảng mã {encodings} sang Unicode.",
                               "en": "text converted from {encodings} to Unicode."},
    # -- the sheet and the commit --------------------------------------------------------------------------------
    "excel_import.not_a_logbook": {"vi": "không nhập được trang “{sheet}”: {reason}",
                                   "en": "the sheet “{sheet}” cannot be imported: {reason}"},
    "excel_import.sheet_unknown": {"vi": "tệp không có trang “{value}”; các trang: {allowed}.",
                                   "en": "the workbook has no sheet “{value}”; its sheets: {allowed}."},
    "excel_import.nothing_to_import": {
        "vi": "không có dòng mới để nhập từ tệp “{file}”: {already} dòng đã nhập từ trước, {skipped} dòng bị bỏ qua.",
        "en": "nothing new to import from “{file}”: {already} row(s) were imported before, {skipped} skipped."},
    # -- the command line ----------------------------------------------------------------------------------------
    "field.mapping": {"vi": "Tệp ghép cột", "en": "Column mapping file"},
    "excel_import.mapping_unreadable": {
        "vi": "không đọc được tệp ghép cột {path} ({reason}); tệp phải là JSON dạng {{\"tiêu đề cột\": \"trường\"}}.",
        "en": "cannot read the column mapping {path} ({reason}); it must be JSON like {{\"title\": \"field\"}}."},
    "cli.excel_plan": {
        "vi": "Trang “{sheet}”: {imported} dòng sẽ nhập, {warned} dòng nhập có cảnh báo, {skipped} dòng bỏ qua, "
              "{already} dòng đã nhập từ trước.",
        "en": "Sheet “{sheet}”: {imported} row(s) to import, {warned} with warnings, {skipped} skipped, {already} "
              "imported before."},
    "cli.excel_row": {"vi": "Dòng {row}", "en": "Row {row}"},
    "cli.excel_status.warned": {"vi": "cảnh báo", "en": "warning"},
    "cli.excel_status.skipped": {"vi": "bỏ qua", "en": "skipped"},
}
