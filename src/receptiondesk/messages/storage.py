"""Messages about the database file: locks, permissions, versions."""

MESSAGES: dict[str, dict[str, str]] = {
    "storage.dir_not_writable": {
        "vi": "Không ghi được vào thư mục dữ liệu {path} ({reason}). Hãy chọn thư mục khác hoặc cấp quyền ghi.",
        "en": "Cannot write to the data directory {path} ({reason}). Choose another folder or grant write access."},
    "storage.locked": {
        "vi": "Tệp dữ liệu {path} đang được mở bởi một cửa sổ ReceptionDesk khác. Hãy dùng cửa sổ đó "
              "hoặc đóng nó trước.",
        "en": "The data file {path} is open in another ReceptionDesk window. Use that one or close it first."},
    "storage.not_a_database": {
        "vi": "Tệp {path} không phải là tệp dữ liệu của ReceptionDesk hoặc đã bị hỏng; tệp được giữ nguyên.",
        "en": "{path} is not a ReceptionDesk data file, or it is damaged; it was left untouched."},
    "storage.newer_version": {
        "vi": "Tệp dữ liệu {path} được tạo bởi phiên bản ReceptionDesk mới hơn. Hãy cài phiên bản mới nhất; "
              "tệp được giữ nguyên.",
        "en": "The data file {path} was written by a newer version of ReceptionDesk. Install the latest "
              "version; the file was left untouched."},
    "storage.no_wal": {
        "vi": "Không bật được chế độ ghi an toàn (WAL) cho tệp dữ liệu (chế độ hiện tại: {mode}).",
        "en": "Could not switch the data file to safe write-ahead logging (mode: {mode})."},
}
