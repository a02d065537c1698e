<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AdminPage</name>
    <message>
        <source>The administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <source>Usually the reception officer. After this set-up a recovery sheet is shown once: print it or save it.</source>
        <translation>Thường là cán bộ tiếp công dân. Sau khi thiết lập, phiếu khôi phục được hiện một lần: hãy in hoặc lưu lại.</translation>
    </message>
    <message>
        <source>Full name of the reception officer</source>
        <translation>Họ tên cán bộ tiếp công dân</translation>
    </message>
    <message>
        <source>for example: canbo</source>
        <translation>ví dụ: canbo</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ tên:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Password (at least 8 characters):</source>
        <translation>Mật khẩu (ít nhất 8 ký tự):</translation>
    </message>
    <message>
        <source>Repeat the password:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>The desk backs itself up every day, encrypted, in its own folder. A second copy on a USB drive or another disk keeps the data if this computer fails.</source>
        <translation>Bàn tự sao lưu hằng ngày, có mã hóa, vào thư mục riêng. Một bản sao thứ hai trên ổ USB hoặc ổ đĩa khác giữ được dữ liệu nếu máy tính này hỏng.</translation>
    </message>
    <message>
        <source>no second folder</source>
        <translation>không có thư mục thứ hai</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Second backup folder:</source>
        <translation>Thư mục sao lưu thứ hai:</translation>
    </message>
    <message>
        <source>Choose the second backup folder</source>
        <translation>Chọn thư mục sao lưu thứ hai</translation>
    </message>
    <message>
        <source>The second backup folder must be an existing folder (for example a USB drive): {path}</source>
        <translation>Thư mục sao lưu thứ hai phải là một thư mục đã có (ví dụ ổ USB): {path}</translation>
    </message>
</context>
<context>
    <name>CalendarDayTableModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Thứ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại ngày</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên gọi</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Ngày nghỉ lễ</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Ngày làm việc bù</translation>
    </message>
</context>
<context>
    <name>CaseDetailDialog</name>
    <message>
        <source>Case received on {date}</source>
        <extracomment>Which widget a problem&apos;s field names, for moving the cursor there. Facts of a timeline entry that are enumerated values, with the kind their labels are filed under.</extracomment>
        <translation>Vụ việc tiếp nhận ngày {date}</translation>
    </message>
    <message>
        <source>History (oldest first)</source>
        <translation>Diễn biến vụ việc (từ cũ đến mới)</translation>
    </message>
    <message>
        <source>Transfer slip…</source>
        <translation>Phiếu chuyển đơn…</translation>
    </message>
    <message>
        <source>The slip that sends this case to the body it was transferred to</source>
        <translation>Phiếu chuyển vụ việc này đến cơ quan có thẩm quyền đã chuyển</translation>
    </message>
    <message>
        <source>Documents handed in</source>
        <translation>Tài liệu, giấy tờ nộp kèm</translation>
    </message>
    <message>
        <source>Original or copy</source>
        <translation>Bản chính/bản sao</translation>
    </message>
    <message>
        <source>Scanned file</source>
        <translation>Tệp bản quét</translation>
    </message>
    <message>
        <source>e.g. Complaint letter dated 05/02/2026</source>
        <translation>ví dụ: Đơn khiếu nại ngày 05/02/2026</translation>
    </message>
    <message>
        <source>PDF, JPEG, PNG or TIFF, at most 20 MB</source>
        <translation>PDF, JPEG, PNG hoặc TIFF, tối đa 20 MB</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Đính kèm</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Lưu ra tệp…</translation>
    </message>
    <message>
        <source>Save the selected document&apos;s scanned file (Ctrl+S)</source>
        <translation>Lưu tệp bản quét của tài liệu đang chọn ra máy (Ctrl+S)</translation>
    </message>
    <message>
        <source>at a visit</source>
        <translation>qua tiếp công dân</translation>
    </message>
    <message>
        <source>by letter</source>
        <translation>qua đơn thư</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>nhập từ tệp dữ liệu</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>quá hạn</translation>
    </message>
    <message>
        <source>(no name given)</source>
        <translation>(không ghi họ tên)</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Người bị KN, TC</translation>
    </message>
    <message>
        <source>Competence</source>
        <translation>Thẩm quyền</translation>
    </message>
    <message>
        <source>In competence</source>
        <translation>Thuộc thẩm quyền</translation>
    </message>
    <message>
        <source>Not in competence</source>
        <translation>Không thuộc thẩm quyền</translation>
    </message>
    <message>
        <source>bypassing levels</source>
        <translation>vượt cấp</translation>
    </message>
    <message>
        <source>long-running</source>
        <translation>kéo dài</translation>
    </message>
    <message>
        <source>complex</source>
        <translation>phức tạp</translation>
    </message>
    <message>
        <source>needs verification</source>
        <translation>cần xác minh</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Tính chất</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Bảo mật</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>Citizen informed</source>
        <translation>Ngày thông báo</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Số lượt tiếp</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Đã hủy bỏ</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>Đã có kết quả</translation>
    </message>
    <message>
        <source>Citizen informed of the result</source>
        <translation>Đã thông báo kết quả cho công dân</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>the case</source>
        <translation>vụ việc</translation>
    </message>
    <message>
        <source>a visit</source>
        <translation>lượt tiếp</translation>
    </message>
    <message>
        <source>a letter</source>
        <translation>đơn thư</translation>
    </message>
    <message>
        <source>an assignment</source>
        <translation>việc được giao</translation>
    </message>
    <message>
        <source>a document</source>
        <translation>tài liệu</translation>
    </message>
    <message>
        <source>Voided: {what}</source>
        <translation>Đã hủy bỏ {what}</translation>
    </message>
    <message>
        <source>Case received</source>
        <translation>Tiếp nhận vụ việc</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Lượt tiếp</translation>
    </message>
    <message>
        <source>Letter received</source>
        <translation>Nhận đơn thư</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Xử lý</translation>
    </message>
    <message>
        <source>Classification corrected</source>
        <translation>Sửa phân loại</translation>
    </message>
    <message>
        <source>Heard at a leader&apos;s session</source>
        <translation>Xem xét tại buổi tiếp của lãnh đạo</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Giao xử lý</translation>
    </message>
    <message>
        <source>Result reported</source>
        <translation>Báo cáo kết quả xử lý</translation>
    </message>
    <message>
        <source>Citizen told of the result</source>
        <translation>Thông báo kết quả cho công dân</translation>
    </message>
    <message>
        <source>Document attached</source>
        <translation>Đính kèm tài liệu</translation>
    </message>
    <message>
        <source>Scanned file opened</source>
        <translation>Mở tệp bản quét</translation>
    </message>
    <message>
        <source>logbook no. {number}</source>
        <translation>số {number} trong sổ</translation>
    </message>
    <message>
        <source>first time</source>
        <translation>lần đầu</translation>
    </message>
    <message>
        <source>repeat visit</source>
        <translation>nhiều lần</translation>
    </message>
    <message>
        <source>register no. {number}</source>
        <translation>vào sổ số {number}</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>{deputy}, delegated by {leader}</source>
        <translation>{deputy}, được {leader} ủy quyền</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Người đến</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Loại hình tiếp</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Loại tệp</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Dung lượng tệp</translation>
    </message>
    <message>
        <source>Forwarding document</source>
        <translation>Văn bản chuyển đơn</translation>
    </message>
    <message>
        <source>Bypassing levels</source>
        <translation>Vượt cấp</translation>
    </message>
    <message>
        <source>Long-running</source>
        <translation>Kéo dài</translation>
    </message>
    <message>
        <source>Complex</source>
        <translation>Phức tạp</translation>
    </message>
    <message>
        <source>Needs verification</source>
        <translation>Cần xác minh</translation>
    </message>
    <message>
        <source>Respondent&apos;s position</source>
        <translation>Chức vụ người bị KN, TC</translation>
    </message>
    <message>
        <source>Respondent&apos;s body</source>
        <translation>Cơ quan, đơn vị của người bị KN, TC</translation>
    </message>
    <message>
        <source>recorded by {actor}, {when}</source>
        <translation>do {actor} ghi, {when}</translation>
    </message>
    <message>
        <source>recorded by {actor}</source>
        <translation>do {actor} ghi</translation>
    </message>
    <message>
        <source>record of unit {unit}</source>
        <translation>bản ghi của đơn vị {unit}</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Chưa có diễn biến nào được ghi.</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>đã hủy bỏ</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>đã mã hóa</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Choose the scanned file</source>
        <translation>Chọn tệp bản quét</translation>
    </message>
    <message>
        <source>Scans ({patterns});;All files (*)</source>
        <translation>Bản quét ({patterns});;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>{field}: choose the scanned file first.</source>
        <translation>{field}: hãy chọn tệp bản quét trước.</translation>
    </message>
    <message>
        <source>“{name}” was attached.</source>
        <translation>Đã đính kèm “{name}”.</translation>
    </message>
    <message>
        <source>Select a document that has a scanned file.</source>
        <translation>Hãy chọn một tài liệu có tệp bản quét.</translation>
    </message>
    <message>
        <source>Save a copy of the scanned file</source>
        <translation>Lưu tệp bản quét</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>Không ghi được tệp: {reason}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Đã lưu vào {path}</translation>
    </message>
</context>
<context>
    <name>CaseRowWidget</name>
    <message>
        <source>Same as the content above</source>
        <translation>Giống nội dung ở trên</translation>
    </message>
    <message>
        <source>What this matter is about</source>
        <translation>Nội dung của vụ việc này</translation>
    </message>
    <message>
        <source>Remove this matter</source>
        <translation>Bỏ vụ việc này</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Received</source>
        <extracomment>Sort names of storage.cases.CASE_LIST; each is served by an index (tests/storage/test_query_plans.py).</extracomment>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Công dân</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Người bị KN, TC</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Lượt</translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <source>Citizen, respondent or content (with or without diacritics)</source>
        <extracomment>Received dates at this day or before mean &quot;no bound&quot; (the date boxes show &quot;any&quot; there). Column widths; the date columns fit a date at the font&apos;s size, the content column takes what is left. Which widget a problem&apos;s field names, for moving the cursor there.</extracomment>
        <translation>Công dân, người bị KN, TC hoặc nội dung (có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>Name or body</source>
        <translation>Họ tên hoặc cơ quan</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>In competence</source>
        <translation>Thuộc thẩm quyền</translation>
    </message>
    <message>
        <source>Not in competence</source>
        <translation>Không thuộc thẩm quyền</translation>
    </message>
    <message>
        <source>Overdue today</source>
        <translation>Đang quá hạn</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Xóa bộ lọc</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Người bị KN, TC</translation>
    </message>
    <message>
        <source>Competence</source>
        <translation>Thẩm quyền</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Dừng tải</translation>
    </message>
    <message>
        <source>Open the case</source>
        <translation>Mở vụ việc</translation>
    </message>
    <message>
        <source>Enter or double click</source>
        <translation>Nhấn Enter hoặc nhấp đúp</translation>
    </message>
    <message>
        <source>any</source>
        <translation>bất kỳ</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Vụ việc</translation>
    </message>
    <message>
        <source>Loading the cases…</source>
        <translation>Đang tải danh sách vụ việc…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n vụ việc</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading the cases… the first %n are shown</source>
        <translation>
            <numerusform>Đang tải danh sách vụ việc… đang hiển thị %n vụ việc đầu tiên</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading stopped: %n case(s) shown.</source>
        <translation>
            <numerusform>Đã dừng tải: đang hiển thị %n vụ việc.</numerusform>
        </translation>
    </message>
    <message>
        <source>The cases could not be read: {reason}</source>
        <translation>Không đọc được danh sách vụ việc: {reason}</translation>
    </message>
</context>
<context>
    <name>CitizenToldDialog</name>
    <message>
        <source>The citizen was told the result</source>
        <translation>Ghi nhận đã thông báo kết quả cho công dân</translation>
    </message>
    <message>
        <source>&lt;b&gt;Case:&lt;/b&gt; {case}</source>
        <translation>&lt;b&gt;Vụ việc:&lt;/b&gt; {case}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{assignee}&lt;/b&gt; ({day}): {result}</source>
        <translation>&lt;b&gt;{assignee}&lt;/b&gt; (ngày {day}): {result}</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hình thức thông báo</translation>
    </message>
    <message>
        <source>Told on</source>
        <translation>Ngày thông báo</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>Close the case</source>
        <translation>Kết thúc vụ việc</translation>
    </message>
    <message>
        <source>&lt;b&gt;Case:&lt;/b&gt; {case}&lt;br&gt;&lt;b&gt;Status:&lt;/b&gt; {status}</source>
        <translation>&lt;b&gt;Vụ việc:&lt;/b&gt; {case}&lt;br&gt;&lt;b&gt;Trạng thái:&lt;/b&gt; {status}</translation>
    </message>
    <message>
        <source>The citizen was told the result on {day}.</source>
        <translation>Đã thông báo kết quả cho công dân ngày {day}.</translation>
    </message>
    <message>
        <source>The citizen has not been told the result yet: write why the case is closed anyway.</source>
        <translation>Chưa thông báo kết quả cho công dân: hãy ghi rõ lý do vẫn kết thúc vụ việc.</translation>
    </message>
    <message>
        <source>e.g. the citizen withdrew the petition</source>
        <translation>ví dụ: công dân đã rút đơn</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Không bắt buộc</translation>
    </message>
    <message>
        <source>Close the case (Ctrl+S)</source>
        <translation>Kết thúc vụ việc (Ctrl+S)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Ngày kết thúc</translation>
    </message>
</context>
<context>
    <name>CommuneReportsPanel</name>
    <message>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Ngày nộp</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Accept (lock the period)</source>
        <translation>Tiếp nhận (khóa kỳ báo cáo)</translation>
    </message>
    <message>
        <source>The report is taken into the upper level&apos;s figures: later changes to that period arrive as amendments and consolidated reports name them</source>
        <translation>Báo cáo được đưa vào số liệu của cấp trên: thay đổi về kỳ đó gửi lên sau này là sửa đổi và được nêu trong báo cáo tổng hợp</translation>
    </message>
    <message>
        <source>Save the PDF as sent…</source>
        <translation>Lưu bản PDF xã đã gửi…</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>chưa</translation>
    </message>
    <message>
        <source>A commune&apos;s report arrives with its next package. Compare it with the figures recomputed from its records (Reports screen, “All units (consolidated)”), then accept it.</source>
        <translation>Báo cáo của xã đến cùng gói dữ liệu tiếp theo. Đối chiếu với số liệu tính lại từ hồ sơ (màn hình Báo cáo, “Tất cả đơn vị (tổng hợp)”) rồi tiếp nhận.</translation>
    </message>
    <message>
        <source>No commune has sent a report yet: a report marked submitted at the commune arrives with its next package.</source>
        <translation>Chưa xã nào gửi báo cáo: báo cáo được đánh dấu đã nộp ở xã sẽ đến cùng gói dữ liệu tiếp theo.</translation>
    </message>
    <message>
        <source>Reports submitted</source>
        <translation>Báo cáo các xã đã nộp</translation>
    </message>
    <message>
        <source>Accept “{title}” of {unit}? Its period is locked: changes the commune sends later for that period will be shown as amendments.</source>
        <translation>Tiếp nhận “{title}” của đơn vị {unit}? Kỳ báo cáo sẽ được khóa: thay đổi xã gửi lên sau này cho kỳ đó được ghi là sửa đổi.</translation>
    </message>
    <message>
        <source>Accepted: {title} of {unit}; the period is locked.</source>
        <translation>Đã tiếp nhận: {title} của đơn vị {unit}; kỳ báo cáo đã được khóa.</translation>
    </message>
    <message>
        <source>Save the PDF as sent</source>
        <translation>Lưu bản PDF xã đã gửi</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Đã lưu vào {path}.</translation>
    </message>
</context>
<context>
    <name>ConsolidationScreen</name>
    <message>
        <source>Consolidation</source>
        <extracomment>The communes&apos; table: its columns and their widths (the records held take what is left). The log of packages received: its columns and their widths (the details take what is left). The dry run&apos;s table: one row per kind of record, then the total. The dry run&apos;s table is as tall as its rows, up to this (then it scrolls). The refused records&apos; list is as tall as the table beside it, but never less than this. The kinds of record in the order an officer thinks of them (any other kind follows, by its name). How many lines of a long refusal (records that do not fit) the message line shows. How many refused records the dry run lists one by one. How many communes with missing packages the line above the table names. The folder the last package or key file came from, proposed first by the next file dialog. The folder the last acknowledgement went to, proposed first for the next one. The package checked by a dry run and waiting for &quot;Import&quot;: its path and what the dry run found.</extracomment>
        <translation>Tổng hợp từ các xã</translation>
    </message>
    <message>
        <source>Import a commune&apos;s package…</source>
        <translation>Nhập gói của xã…</translation>
    </message>
    <message>
        <source>Choose a package a commune sent (a USB drive or a synced folder): it is checked first, and nothing is written before you confirm ({keys})</source>
        <translation>Chọn gói xã gửi lên (ổ USB hoặc thư mục đồng bộ): gói được kiểm tra trước, chưa ghi gì cho đến khi bạn đồng ý ({keys})</translation>
    </message>
    <message>
        <source>Enrol a commune…</source>
        <translation>Đăng ký xã…</translation>
    </message>
    <message>
        <source>Choose a commune&apos;s public key file, then compare its fingerprint with the commune by phone</source>
        <translation>Chọn tệp khóa công khai của xã, rồi gọi điện đối chiếu dấu vân tay với xã</translation>
    </message>
    <message>
        <source>Turn on upper-level consolidation…</source>
        <translation>Bật chế độ tổng hợp cấp trên…</translation>
    </message>
    <message>
        <source>Communes</source>
        <translation>Các xã</translation>
    </message>
    <message>
        <source>Packages received</source>
        <translation>Gói đã nhận</translation>
    </message>
    <message>
        <source>The upper level&apos;s key</source>
        <translation>Khóa của cấp trên</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <source>Last no.</source>
        <translation>Gói cuối</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Gói còn thiếu</translation>
    </message>
    <message>
        <source>Changes not held</source>
        <translation>Thay đổi chưa có</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Records or reason</source>
        <translation>Số bản ghi hoặc lý do</translation>
    </message>
    <message>
        <source>Save the public key for the communes…</source>
        <translation>Lưu khóa công khai cho các xã…</translation>
    </message>
    <message>
        <source>The file every commune imports on its Upper-level sync screen: with it the commune encrypts its packages for this office</source>
        <translation>Tệp mà mỗi xã nhập ở màn hình Đồng bộ lên cấp trên: nhờ đó xã mã hóa gói gửi cho cơ quan này</translation>
    </message>
    <message>
        <source>When a commune phones after importing the key file, read it these words (or the digits); it sends packages only if they match:</source>
        <translation>Khi xã gọi điện sau khi nhập tệp khóa, hãy đọc cho xã các từ này (hoặc dãy số); xã chỉ gửi gói nếu trùng khớp:</translation>
    </message>
    <message>
        <source>The file holds public keys only: it may travel by USB drive, e-mail or the portal. The private keys stay in this desk&apos;s file, sealed with its data key, and are in every backup.</source>
        <translation>Tệp chỉ chứa khóa công khai: có thể gửi qua ổ USB, thư điện tử hoặc cổng thông tin. Khóa bí mật nằm trong tệp dữ liệu của bàn này, được niêm phong bằng khóa dữ liệu của bàn, và có trong mọi bản sao lưu.</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Loại bản ghi</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Import nothing (Esc)</source>
        <translation>Không nhập gì (Esc)</translation>
    </message>
    <message>
        <source>Back to the communes</source>
        <translation>Quay lại danh sách xã</translation>
    </message>
    <message>
        <source>Enter or Esc</source>
        <translation>Phím Enter hoặc Esc</translation>
    </message>
    <message>
        <source>Compare the commune&apos;s fingerprint by phone</source>
        <translation>Gọi điện đối chiếu dấu vân tay khóa của xã</translation>
    </message>
    <message>
        <source>Finishing the import started before the desk was locked…</source>
        <translation>Đang hoàn tất việc nhập gói đã bắt đầu trước khi bàn bị khóa…</translation>
    </message>
    <message>
        <source>This is the reception desk of {unit} (code {code}); upper-level consolidation is not turned on.</source>
        <translation>Đây là bàn tiếp công dân của {unit} (mã {code}); chế độ tổng hợp cấp trên chưa bật.</translation>
    </message>
    <message>
        <source>Consolidation mode is for the upper level — {upper} (code {province}) — the office that receives the communes&apos; data packages. Turned on, this desk makes the upper level&apos;s keys (once: it cannot be undone), keeps its own unit&apos;s reception records as before, and can then:
• save the public key file to hand to the communes;
• enrol each commune from its public key file, comparing the fingerprint by phone;
• import the communes&apos; packages and write the acknowledgements that go back to them.</source>
        <translation>Chế độ tổng hợp dành cho cấp trên — {upper} (mã {province}) — cơ quan nhận gói dữ liệu của các xã, phường. Khi bật, bàn này tạo bộ khóa của cấp trên (chỉ một lần, không hoàn tác được), vẫn giữ sổ tiếp công dân của chính đơn vị như trước, và từ đó có thể:
• lưu tệp khóa công khai để gửi cho các xã;
• đăng ký từng xã bằng tệp khóa công khai của xã, gọi điện đối chiếu dấu vân tay;
• nhập gói dữ liệu của các xã và ghi giấy xác nhận gửi lại cho xã.</translation>
    </message>
    <message>
        <source>Turn it on only on the upper level&apos;s PC: a commune&apos;s desk does not need it, it sends its packages from the Upper-level sync screen.</source>
        <translation>Chỉ bật trên máy của cơ quan cấp trên: bàn của xã không cần chế độ này, xã gửi gói ở màn hình Đồng bộ lên cấp trên.</translation>
    </message>
    <message>
        <source>This desk is a commune&apos;s desk: it sends its packages to the upper level from the Upper-level sync screen. Consolidation of the communes&apos; packages is done at the upper level.</source>
        <translation>Bàn này là bàn của xã: xã gửi gói lên cấp trên ở màn hình Đồng bộ lên cấp trên. Việc tổng hợp gói của các xã do cấp trên thực hiện.</translation>
    </message>
    <message>
        <source>Only an administrator of the upper level&apos;s office can turn on consolidation mode.</source>
        <translation>Chỉ quản trị viên của cơ quan cấp trên mới bật được chế độ tổng hợp.</translation>
    </message>
    <message numerus="yes">
        <source>Consolidation desk of {name} (code {code}): %n commune(s) enrolled.</source>
        <translation>
            <numerusform>Bàn tổng hợp của {name} (mã {code}): %n xã, phường đã đăng ký.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Packages missing from %n commune(s): {names} (in red below).</source>
        <translation>
            <numerusform>Còn thiếu gói của %n xã, phường: {names} (tô đỏ trong bảng).</numerusform>
        </translation>
    </message>
    <message>
        <source>No package yet</source>
        <translation>Chưa nhận gói nào</translation>
    </message>
    <message>
        <source>Fingerprint of its key: {words}
Enrolled {date} by {user}</source>
        <translation>Dấu vân tay khóa của xã: {words}
Đăng ký lúc {date}, người đăng ký: {user}</translation>
    </message>
    <message>
        <source>Package numbers never received here. A later package carries the changes of a lost one again: what is really missing is in “Changes not held”.</source>
        <translation>Số các gói chưa bao giờ nhận được ở đây. Gói sau mang lại các thay đổi của gói bị thất lạc: phần thật sự còn thiếu nằm ở cột “Thay đổi chưa có”.</translation>
    </message>
    <message>
        <source>Changes of the commune that no package received here covered: ask the commune about them.</source>
        <translation>Các thay đổi của xã chưa có trong gói nào nhận được ở đây: hãy liên hệ với xã về các thay đổi này.</translation>
    </message>
    <message>
        <source>No commune enrolled yet. Enrol each commune from its public key file (“Enrol a commune…”), then import its packages.</source>
        <translation>Chưa đăng ký xã nào. Hãy đăng ký từng xã bằng tệp khóa công khai của xã (“Đăng ký xã…”), rồi nhập các gói của xã.</translation>
    </message>
    <message>
        <source>No commune enrolled yet: an administrator enrols the communes from their public key files.</source>
        <translation>Chưa đăng ký xã nào: quản trị viên đăng ký các xã bằng tệp khóa công khai của xã.</translation>
    </message>
    <message>
        <source>A commune&apos;s package carries every change the upper level has not acknowledged: a lost package is carried again by the next one. Rows in red: packages never received.</source>
        <translation>Gói của xã mang mọi thay đổi cấp trên chưa xác nhận: gói bị thất lạc sẽ được gói sau mang lại. Dòng tô đỏ: có gói chưa nhận được.</translation>
    </message>
    <message>
        <source>(not read)</source>
        <translation>(không đọc được)</translation>
    </message>
    <message>
        <source>The same package again: nothing changed.</source>
        <translation>Trùng gói đã nhận: không có gì thay đổi.</translation>
    </message>
    <message>
        <source>{file}
SHA-256: {sha256}
Received by {user}</source>
        <translation>{file}
SHA-256: {sha256}
Người nhận: {user}</translation>
    </message>
    <message>
        <source>No package received yet.</source>
        <translation>Chưa nhận gói nào.</translation>
    </message>
    <message>
        <source>Every import is listed, newest first: accepted, refused with its reason, or the same package again. A dry run is not listed.</source>
        <translation>Mỗi lần nhập đều được ghi, mới nhất trước: đã nhận, bị từ chối kèm lý do, hoặc trùng gói đã nhận. Lần kiểm tra thử không được ghi.</translation>
    </message>
    <message>
        <source>{name} (code {code})</source>
        <translation>{name} (mã {code})</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Same package again</source>
        <translation>Trùng gói đã nhận</translation>
    </message>
    <message>
        <source>{new} new, {updated} updated, {unchanged} unchanged, {rejected} refused</source>
        <translation>{new} mới, {updated} cập nhật, {unchanged} không đổi, {rejected} bị từ chối</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Lượt tiếp</translation>
    </message>
    <message>
        <source>Citizens</source>
        <translation>Công dân</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Vụ việc</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Đơn thư</translation>
    </message>
    <message>
        <source>Leaders&apos; reception sessions</source>
        <translation>Buổi lãnh đạo tiếp dân</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>Giao nhiệm vụ</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tài liệu đính kèm</translation>
    </message>
    <message>
        <source>Signers</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Turn on upper-level consolidation for {name} (code {code}) on this desk?

The desk makes the upper level&apos;s keys, kept sealed with the desk&apos;s data key. This is done once and cannot be undone; the desk keeps its own reception records as before.</source>
        <translation>Bật chế độ tổng hợp cấp trên của {name} (mã {code}) trên bàn này?

Bàn sẽ tạo bộ khóa của cấp trên, niêm phong bằng khóa dữ liệu của bàn. Việc này chỉ làm một lần và không hoàn tác được; bàn vẫn giữ sổ tiếp công dân của mình như trước.</translation>
    </message>
    <message>
        <source>Upper-level consolidation is on: {name} (code {code}). Next, save the public key for the communes and hand it to them; when a commune phones, read it the fingerprint below. Then enrol each commune from its own public key file.</source>
        <translation>Đã bật chế độ tổng hợp cấp trên: {name} (mã {code}). Tiếp theo, hãy lưu khóa công khai cho các xã và gửi cho các xã; khi xã gọi điện, đọc cho xã dấu vân tay bên dưới. Sau đó đăng ký từng xã bằng tệp khóa công khai của xã.</translation>
    </message>
    <message>
        <source>Save the public key for the communes</source>
        <translation>Lưu khóa công khai cho các xã</translation>
    </message>
    <message>
        <source>Key files (*.json)</source>
        <translation>Tệp khóa (*.json)</translation>
    </message>
    <message>
        <source>The public key for the communes was saved to {path}. Hand it to each commune (USB drive, e-mail or the portal); when a commune phones, read it these words: {words}.</source>
        <translation>Đã lưu khóa công khai cho các xã vào {path}. Hãy gửi tệp cho từng xã (ổ USB, thư điện tử hoặc cổng thông tin); khi xã gọi điện, đọc cho xã các từ: {words}.</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Choose the commune&apos;s public key file</source>
        <translation>Chọn tệp khóa công khai của xã</translation>
    </message>
    <message>
        <source>{name} (code {unit}) is enrolled.</source>
        <translation>Đã đăng ký {name} (mã {unit}).</translation>
    </message>
    <message>
        <source>The key of {name} (code {unit}) was REPLACED.</source>
        <translation>Khóa của {name} (mã {unit}) ĐÃ BỊ THAY.</translation>
    </message>
    <message>
        <source>{name} (code {unit}) was already enrolled with this key; its name was updated.</source>
        <translation>{name} (mã {unit}) đã được đăng ký với khóa này; đã cập nhật tên đơn vị.</translation>
    </message>
    <message>
        <source>{name} (code {unit}) was already enrolled with this very key; nothing changed.</source>
        <translation>{name} (mã {unit}) đã được đăng ký với đúng khóa này; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>This key file differs from the key enrolled before (its fingerprint: {words} — {digits}). From now on, packages signed with the old key are refused. Keep the new key only if the commune confirms by phone that it made a new one.</source>
        <translation>Tệp khóa này khác với khóa đã đăng ký trước đây (dấu vân tay cũ: {words} — {digits}). Từ nay, gói ký bằng khóa cũ sẽ bị từ chối. Chỉ giữ khóa mới nếu xã xác nhận qua điện thoại là xã đã tạo khóa mới.</translation>
    </message>
    <message>
        <source>Now phone {name} on a number you know (the directory, not one given with the file) and ask the officer to read the commune&apos;s key on its Upper-level sync screen. The words, or the digits, must match exactly:</source>
        <translation>Bây giờ hãy gọi điện cho {name} theo số đã biết (trong danh bạ, không dùng số gửi kèm tệp) và đề nghị cán bộ xã đọc khóa của xã ở màn hình Đồng bộ lên cấp trên. Các từ, hoặc dãy số, phải trùng khớp hoàn toàn:</translation>
    </message>
    <message>
        <source>If they do not match, import no package from this commune: ask it for its public key file again and enrol it again (the new key replaces this one).</source>
        <translation>Nếu không trùng khớp, đừng nhập gói nào của xã này: hãy xin xã gửi lại tệp khóa công khai và đăng ký lại (khóa mới sẽ thay khóa này).</translation>
    </message>
    <message>
        <source>Sync packages ({patterns})</source>
        <translation>Gói đồng bộ ({patterns})</translation>
    </message>
    <message>
        <source>Choose the commune&apos;s package</source>
        <translation>Chọn gói của xã</translation>
    </message>
    <message>
        <source>Checking the package {file}: its signature, every part, then its records (nothing is written)…</source>
        <translation>Đang kiểm tra gói {file}: chữ ký, từng phần, rồi các bản ghi (chưa ghi gì)…</translation>
    </message>
    <message>
        <source>Package no. {sequence} of {name} (code {unit}): checked, nothing written yet</source>
        <translation>Gói số {sequence} của {name} (mã {unit}): đã kiểm tra, chưa ghi gì</translation>
    </message>
    <message>
        <source>changes {first}–{last}</source>
        <translation>thay đổi số {first}–{last}</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>không có thay đổi</translation>
    </message>
    <message>
        <source>File {file}, made {created}, {changes}. The commune&apos;s signature is valid and the file is intact.</source>
        <translation>Tệp {file}, lập lúc {created}, {changes}. Chữ ký của xã hợp lệ, tệp còn nguyên vẹn.</translation>
    </message>
    <message>
        <source>This package was imported before: importing it again changes nothing. Its acknowledgement can be written again if the commune did not get it.</source>
        <translation>Gói này đã được nhập trước đây: nhập lại không thay đổi gì. Có thể ghi lại giấy xác nhận nếu xã chưa nhận được.</translation>
    </message>
    <message>
        <source>A later package of this commune was imported already: records older than the ones held are refused one by one, and the held ones stay.</source>
        <translation>Đã nhập một gói sau của xã này: bản ghi nào cũ hơn bản đang giữ sẽ bị từ chối, bản đang giữ được giữ nguyên.</translation>
    </message>
    <message>
        <source>Packages of this commune not received yet: {numbers}.</source>
        <translation>Các gói của xã này chưa nhận được: {numbers}.</translation>
    </message>
    <message numerus="yes">
        <source>Refused, because this desk holds a newer version (%n):</source>
        <translation>
            <numerusform>Bị từ chối vì bàn này đang giữ bản mới hơn (%n):</numerusform>
        </translation>
    </message>
    <message>
        <source>No record is refused.</source>
        <translation>Không có bản ghi nào bị từ chối.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… và %n dòng khác.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the acknowledgement again…</source>
        <translation>Ghi lại giấy xác nhận…</translation>
    </message>
    <message>
        <source>Nothing is imported again. Choose the folder for the acknowledgement (the commune&apos;s USB drive or a synced folder).</source>
        <translation>Không nhập lại gì. Chọn thư mục để ghi giấy xác nhận (ổ USB của xã hoặc thư mục đồng bộ).</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Nhập…</translation>
    </message>
    <message>
        <source>Import writes these records to this desk, all or nothing, then writes the acknowledgement for the commune into the folder you choose (the commune&apos;s USB drive or a synced folder).</source>
        <translation>Nhập: ghi các bản ghi này vào bàn (ghi tất cả hoặc không ghi gì), rồi ghi giấy xác nhận cho xã vào thư mục bạn chọn (ổ USB của xã hoặc thư mục đồng bộ).</translation>
    </message>
    <message>
        <source>Go on (Enter)</source>
        <translation>Tiếp tục (Enter)</translation>
    </message>
    <message>
        <source>Record {uuid}: this desk holds a newer version, which is kept.</source>
        <translation>Bản ghi {uuid}: bàn này đang giữ bản mới hơn, bản đang giữ được giữ nguyên.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>Choose the folder for the acknowledgement to the commune (its USB drive or a synced folder)</source>
        <translation>Chọn thư mục ghi giấy xác nhận gửi xã (ổ USB của xã hoặc thư mục đồng bộ)</translation>
    </message>
    <message>
        <source>Importing the package {file}…</source>
        <translation>Đang nhập gói {file}…</translation>
    </message>
    <message>
        <source>The package {file} was not imported: nothing was changed.</source>
        <translation>Không nhập gói {file}: không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Package no. {sequence} of {name} (code {unit}) was imported before: nothing changed.</source>
        <translation>Gói số {sequence} của {name} (mã {unit}) đã được nhập trước đây: không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Package no. {sequence} of {name} (code {unit}) imported: {counts}.</source>
        <translation>Đã nhập gói số {sequence} của {name} (mã {unit}): {counts}.</translation>
    </message>
    <message>
        <source>It came after a later package: records older than the ones held were refused, the held ones stay.</source>
        <translation>Gói đến sau một gói số lớn hơn: bản ghi nào cũ hơn bản đang giữ đã bị từ chối, bản đang giữ được giữ nguyên.</translation>
    </message>
    <message>
        <source>Packages of this commune still not received: {numbers}.</source>
        <translation>Các gói của xã này vẫn chưa nhận được: {numbers}.</translation>
    </message>
    <message>
        <source>Acknowledgement written: {path}. Hand it back to the commune, which imports it on its Upper-level sync screen.</source>
        <translation>Đã ghi giấy xác nhận: {path}. Hãy gửi lại cho xã để xã nhập ở màn hình Đồng bộ lên cấp trên.</translation>
    </message>
    <message>
        <source>The package {file} could not be imported: {reason}</source>
        <translation>Không nhập được gói {file}: {reason}</translation>
    </message>
    <message>
        <source>See the packages received and the communes&apos; table for what was recorded.</source>
        <translation>Xem danh sách gói đã nhận và bảng các xã để biết những gì đã được ghi nhận.</translation>
    </message>
    <message>
        <source>Enrol the commune with “Enrol a commune…” once you have its public key file and have compared its fingerprint by phone.</source>
        <translation>Hãy đăng ký xã bằng nút “Đăng ký xã…” khi đã có tệp khóa công khai của xã và đã gọi điện đối chiếu dấu vân tay.</translation>
    </message>
    <message>
        <source>Nothing was written: no record was imported.</source>
        <translation>Chưa ghi gì: không có bản ghi nào được nhập.</translation>
    </message>
    <message>
        <source>No record was imported; the refusal is kept in the packages received.</source>
        <translation>Không có bản ghi nào được nhập; lần từ chối được ghi trong danh sách gói đã nhận.</translation>
    </message>
    <message>
        <source>Reports submitted</source>
        <translation>Báo cáo các xã đã nộp</translation>
    </message>
    <message>
        <source>Write a rebuild file for the chosen commune…</source>
        <translation>Lập tệp khôi phục cho xã đã chọn…</translation>
    </message>
    <message>
        <source>For a commune whose PC was lost: its own records as held here, in a file its new desk imports</source>
        <translation>Cho xã bị hỏng, mất máy: hồ sơ của chính xã đó đang lưu ở đây, ghi thành tệp để bàn mới của xã nhập lại</translation>
    </message>
    <message>
        <source>Save the rebuild file of {name}</source>
        <translation>Lưu tệp khôi phục của {name}</translation>
    </message>
    <message>
        <source>Interchange files (*.jsonl)</source>
        <translation>Tệp trao đổi dữ liệu (*.jsonl)</translation>
    </message>
    <message>
        <source>Include the protected persons&apos; identities (denouncers) in the file? Keep the file like the paper files of denunciations; this is recorded in the audit log.</source>
        <translation>Đưa danh tính người được bảo vệ (người tố cáo) vào tệp? Khi đó phải giữ tệp như hồ sơ tố cáo giấy; việc này được ghi vào nhật ký.</translation>
    </message>
    <message>
        <source>The rebuild file of {name} was saved to {path}: {n} records. On the commune&apos;s new PC, set the desk up for the same unit and import this file with the command “receptiondesk import FILE”, then enrol the commune&apos;s new key here.</source>
        <translation>Đã lưu tệp khôi phục của {name} vào {path}: {n} bản ghi. Trên máy mới của xã: cài đặt bàn cho đúng đơn vị, nhập tệp này bằng lệnh “receptiondesk import TỆP”, rồi đăng ký lại khóa mới của xã tại đây.</translation>
    </message>
    <message>
        <source>Reception missed</source>
        <translation>Tiếp định kỳ</translation>
    </message>
    <message>
        <source>{month}/{year}, as far as the sessions received tell: weeks the chairman, months the Party secretary received citizens fewer days than the minimum</source>
        <translation>Tháng {month}/{year}, theo các kỳ tiếp đã nhận: số tuần Chủ tịch, số tháng Bí thư tiếp công dân ít hơn mức tối thiểu</translation>
    </message>
    <message>
        <source>{weeks} wk, {months} mo</source>
        <translation>{weeks} tuần, {months} tháng</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Records of the commune held here</source>
        <translation>Số bản ghi của xã đang lưu ở đây</translation>
    </message>
    <message>
        <source>The commune&apos;s assignments past their deadline without a result, today</source>
        <translation>Số nhiệm vụ của xã đã quá hạn mà chưa có kết quả, tính đến hôm nay</translation>
    </message>
    <message>
        <source>Last month: weeks the chairman, months the Party secretary received citizens fewer days than the minimum</source>
        <translation>Tháng trước: số tuần Chủ tịch, số tháng Bí thư tiếp công dân ít hơn mức tối thiểu</translation>
    </message>
    <message>
        <source>Records held</source>
        <translation>Số bản ghi</translation>
    </message>
    <message>
        <source>The commune restored its data from a backup (restore {epoch}): this package starts its new history, and its numbers may repeat earlier ones. The records received before are kept.</source>
        <translation>Xã đã khôi phục dữ liệu từ bản sao lưu (lần khôi phục {epoch}): gói này bắt đầu lịch sử mới của xã, số gói có thể lặp lại số cũ. Hồ sơ đã nhận trước đây vẫn được giữ.</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Document: {title}</source>
        <translation>Văn bản: {title}</translation>
    </message>
    <message>
        <source>Conclusion {n}</source>
        <translation>Kết luận {n}</translation>
    </message>
    <message>
        <source>One recipient per line</source>
        <translation>Mỗi dòng một nơi nhận</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <source>Use the next number ({number})</source>
        <translation>Dùng số tiếp theo ({number})</translation>
    </message>
    <message>
        <source>The number from the issuer&apos;s outgoing register</source>
        <translation>Số theo sổ văn bản đi của cơ quan ban hành</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <source>Update preview (F5)</source>
        <translation>Cập nhật xem trước (F5)</translation>
    </message>
    <message>
        <source>Issue (Ctrl+Enter)</source>
        <translation>Ban hành (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>In (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lưu tệp PDF…</translation>
    </message>
    <message>
        <source>Issued as No. {number} on {day}. It can now be printed.</source>
        <translation>Đã ban hành văn bản số {number} ngày {day}. Có thể in văn bản.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu tệp PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ExcelImportWizard</name>
    <message>
        <source>Import an old logbook from Excel</source>
        <extracomment>The pages, in order. What the worker is doing: opening the file, checking its rows, writing them. A column&apos;s combo value when the column is left out. The mapping page shows at most this many columns (a sheet may carry thousands of formatted empty ones). The mapping page&apos;s first rows are looked for among this many rows after the header. Sheets whose problem no mapping can mend: nothing in them, or no row of column titles. The row report&apos;s filters: the statuses each one shows (None: every row). The English names of the logbook&apos;s fields; the Vietnamese window shows the form&apos;s own titles (LOGBOOK_FIELDS). The folder an old logbook was last chosen from in this session, proposed first by the next import.</extracomment>
        <translation>Nhập sổ tiếp công dân cũ từ Excel</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <source>Bring a reception logbook kept in Excel into the desk. Each row of the sheet becomes a visit in the logbook, with its citizen (found in the desk when already there) and its cases, recorded as closed on the visit&apos;s day. Nothing is written until the last step, after you have seen what becomes of every row; the same workbook imported twice adds nothing.</source>
        <translation>Đưa sổ tiếp công dân ghi bằng Excel vào chương trình. Mỗi dòng của trang tính thành một lượt tiếp trong sổ, kèm công dân (người đã có trong chương trình được dùng lại) và các vụ việc, ghi là đã kết thúc vào ngày tiếp. Chưa có gì được ghi cho đến bước cuối, sau khi đã xem kết quả của từng dòng; nhập lại cùng một tệp không thêm gì.</translation>
    </message>
    <message>
        <source>Excel workbooks (.xlsx, .xlsm) and CSV files are read, with text typed in TCVN3 (.VnTime) or VNI fonts converted to Unicode. An old .xls file must first be saved again as .xlsx in Excel.</source>
        <translation>Đọc được tệp Excel (.xlsx, .xlsm) và tệp CSV; chữ gõ bằng phông TCVN3 (.VnTime) hay VNI được tự chuyển sang Unicode. Tệp .xls đời cũ cần mở bằng Excel và lưu lại dạng .xlsx trước.</translation>
    </message>
    <message>
        <source>No file chosen yet</source>
        <translation>Chưa chọn tệp</translation>
    </message>
    <message>
        <source>Choose the file… ({keys})</source>
        <translation>Chọn tệp… ({keys})</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Remember how the columns are matched, for the next workbook with the same column titles</source>
        <translation>Ghi nhớ cách ghép cột cho lần sau (tệp có cùng tiêu đề cột)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>To import</source>
        <translation>Sẽ nhập</translation>
    </message>
    <message>
        <source>To import, with warnings</source>
        <translation>Nhập có cảnh báo</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Imported before</source>
        <translation>Đã nhập từ trước</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Hiện:</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Chọn tệp</translation>
    </message>
    <message>
        <source>Choose the sheet</source>
        <translation>Chọn trang tính</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>Ghép cột</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>Kiểm tra từng dòng</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập vào sổ</translation>
    </message>
    <message>
        <source>Next (Enter)</source>
        <translation>Tiếp tục (Enter)</translation>
    </message>
    <message>
        <source>Check the rows (Enter)</source>
        <translation>Kiểm tra các dòng (Enter)</translation>
    </message>
    <message numerus="yes">
        <source>Import %Ln row(s) (Enter)</source>
        <translation>
            <numerusform>Nhập %Ln dòng vào sổ (Enter)</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new to import</source>
        <translation>Không có gì mới để nhập</translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation>Đóng (Enter)</translation>
    </message>
    <message>
        <source>Excel workbooks and CSV files (*.xlsx *.xlsm *.xls *.csv)</source>
        <translation>Tệp Excel và tệp CSV (*.xlsx *.xlsm *.xls *.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Choose the old logbook</source>
        <translation>Chọn sổ cũ</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Đang đọc {file}…</translation>
    </message>
    <message numerus="yes">
        <source>“{file}”: %n sheet(s)</source>
        <translation>
            <numerusform>“{file}”: %n trang tính</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{file}” has %n sheet(s). Choose the one that holds the logbook:</source>
        <translation>
            <numerusform>Tệp “{file}” có %n trang tính. Chọn trang ghi sổ tiếp công dân:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looks like a reception logbook: column titles on row {row}, %n column(s) recognised.</source>
        <translation>
            <numerusform>Giống sổ tiếp công dân: tiêu đề cột ở dòng {row}, nhận ra %n cột.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can match its columns yourself on the next page.</source>
        <translation>Có thể tự ghép cột ở bước sau.</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”: column titles on row {row}, data from row {first}. Check the field each column goes into (the boxes above the columns); the sheet&apos;s first rows are shown below.</source>
        <translation>Trang “{sheet}”: tiêu đề cột ở dòng {row}, dữ liệu từ dòng {first}. Kiểm tra mỗi cột được ghép vào thông tin nào của sổ (ô chọn phía trên cột); bên dưới là các dòng đầu của trang.</translation>
    </message>
    <message>
        <source>Goes into</source>
        <translation>Ghép vào</translation>
    </message>
    <message>
        <source>(skip this column)</source>
        <translation>(bỏ qua cột này)</translation>
    </message>
    <message>
        <source>Column {letter}: the logbook field it goes into</source>
        <translation>Cột {letter}: thông tin của sổ được lấy từ cột này</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} hoặc {second}</translation>
    </message>
    <message>
        <source>Still needed: a column for {fields}. Choose it in the box above that column.</source>
        <translation>Còn thiếu: cột cho {fields}. Hãy chọn ở ô phía trên cột đó.</translation>
    </message>
    <message numerus="yes">
        <source>%n column(s) matched; the visit date, the name and the content are there. Columns skipped are not imported.</source>
        <translation>
            <numerusform>%n cột đã ghép; đã có ngày tiếp, họ tên và nội dung vụ việc. Cột bỏ qua không được nhập.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sheet “{sheet}” of “{file}”.</source>
        <translation>Trang “{sheet}” của tệp “{file}”.</translation>
    </message>
    <message>
        <source>Reading and checking the rows…</source>
        <translation>Đang đọc và kiểm tra các dòng…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) read and checked.</source>
        <translation>
            <numerusform>Đã đọc và kiểm tra %Ln dòng.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing has been written yet. Press Enter (or the Import button) to write the %Ln row(s) to import into the logbook; rows skipped are left out.</source>
        <translation>
            <numerusform>Chưa có gì được ghi vào sổ. Bấm Enter (hoặc nút Nhập) để ghi %Ln dòng sẽ nhập vào sổ; các dòng bỏ qua không được nhập.</numerusform>
        </translation>
    </message>
    <message>
        <source>All ({count})</source>
        <translation>Tất cả ({count})</translation>
    </message>
    <message>
        <source>With warnings ({count})</source>
        <translation>Có cảnh báo ({count})</translation>
    </message>
    <message>
        <source>Skipped ({count})</source>
        <translation>Bị bỏ qua ({count})</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
    <message numerus="yes">
        <source>Writing %Ln row(s) into the logbook…</source>
        <translation>
            <numerusform>Đang ghi %Ln dòng vào sổ…</numerusform>
        </translation>
    </message>
    <message>
        <source>The old logbook is imported.</source>
        <translation>Đã nhập xong sổ cũ.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln visit(s) written into the logbook</source>
        <translation>
            <numerusform>%Ln lượt tiếp đã ghi vào sổ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new citizen(s) (people already in the desk were found and kept)</source>
        <translation>
            <numerusform>%Ln công dân mới (người đã có trong chương trình được dùng lại)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s), recorded as closed on the day of the visit</source>
        <translation>
            <numerusform>%Ln vụ việc, ghi là đã kết thúc vào ngày tiếp</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows skipped: {skipped}; rows imported before: {already}</source>
        <translation>Dòng bỏ qua: {skipped}; dòng đã nhập từ trước: {already}</translation>
    </message>
    <message>
        <source>The visits are in the logbook under their own dates ({years}).</source>
        <translation>Các lượt tiếp nằm trong sổ theo đúng ngày tiếp ghi trong sổ cũ (năm {years}).</translation>
    </message>
    <message numerus="yes">
        <source>Reading and checking the rows… %Ln row(s) read</source>
        <translation>
            <numerusform>Đang đọc và kiểm tra các dòng… %Ln dòng đã đọc</numerusform>
        </translation>
    </message>
    <message>
        <source>An unexpected error stopped the import: {reason}</source>
        <translation>Có lỗi ngoài dự kiến, việc nhập đã dừng: {reason}</translation>
    </message>
    <message>
        <source>Nothing was written: the logbook is as it was.</source>
        <translation>Chưa có gì được ghi: sổ vẫn như trước.</translation>
    </message>
    <message>
        <source>Close without importing? The row report is lost; nothing has been written.</source>
        <translation>Đóng mà không nhập? Kết quả kiểm tra các dòng sẽ mất; chưa có gì được ghi vào sổ.</translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message>
        <source>Export Excel…</source>
        <extracomment>What `reported` says happened: the file was written, the export failed, or it was stopped (no new file). The style a screen gives its message label for each outcome. The list exports&apos; file formats; the first is the one proposed. The start of each list&apos;s file name (ASCII, as the reports&apos; &quot;BaoCao_…&quot;), followed by the day or the month. The lists that name citizens, so may hold protected identities (the leaders&apos; sessions name none). The progress dialog shows only for an export that takes longer than this. The outcome (DONE, FAILED or STOPPED) and the sentence to show in the screen&apos;s message label. The folder the last export of this session went to, proposed first by the next one, on every screen.</extracomment>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Write the list as shown, with its filters and order, to an Excel or CSV file</source>
        <translation>Ghi danh sách đang hiển thị, đúng bộ lọc và thứ tự sắp xếp, ra tệp Excel hoặc CSV</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Protected identities</source>
        <translation>Danh tính được bảo vệ</translation>
    </message>
    <message>
        <source>Write the real names, addresses and ID numbers of protected people (denouncers) in the file?

No: they are written masked, as the list shows them. Yes: the file holds their identities and must be kept as a confidential record; the export is recorded in the audit log.</source>
        <translation>Ghi cả họ tên, địa chỉ và số giấy tờ thật của người được bảo vệ danh tính (người tố cáo) vào tệp?

Không: ghi ẩn danh, đúng như danh sách đang hiển thị. Có: tệp chứa danh tính của họ và phải được quản lý như tài liệu mật; việc xuất tệp được ghi vào nhật ký.</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Xuất danh sách</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Đang ghi {name}…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message numerus="yes">
        <source>Writing {name}: %Ln row(s) written</source>
        <translation>
            <numerusform>Đang ghi {name}: đã ghi %Ln dòng</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) written to {path}</source>
        <translation>
            <numerusform>Đã xuất %Ln dòng ra tệp {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>The list could not be written to {path}: {reason}</source>
        <translation>Không ghi được danh sách ra tệp {path}: {reason}</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
</context>
<context>
    <name>FieldTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Vietnamese name</source>
        <translation>Tên tiếng Việt</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>Tên tiếng Anh</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang dùng</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No (retired)</source>
        <translation>Không (đã ngừng sử dụng)</translation>
    </message>
</context>
<context>
    <name>FollowupScreen</name>
    <message>
        <source>Follow-up</source>
        <extracomment>&quot;Open the case&quot; (Enter): the case&apos;s UUID, for a window that has a case screen to show it.</extracomment>
        <translation>Theo dõi, đôn đốc</translation>
    </message>
    <message>
        <source>Everything pending</source>
        <translation>Tất cả việc chưa xong</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Chỉ việc quá hạn</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>Waiting for the result</source>
        <translation>Chờ kết quả</translation>
    </message>
    <message>
        <source>Waiting to tell the citizen</source>
        <translation>Chờ thông báo cho công dân</translation>
    </message>
    <message>
        <source>All, with results</source>
        <translation>Tất cả, kể cả đã có kết quả</translation>
    </message>
    <message>
        <source>Part of the name, diacritics optional</source>
        <translation>Một phần tên, gõ có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Hiển thị</translation>
    </message>
    <message>
        <source>&amp;Assigned to</source>
        <translation>&amp;Giao cho</translation>
    </message>
    <message>
        <source>Due &amp;from</source>
        <translation>Hạn &amp;từ</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>đế&amp;n</translation>
    </message>
    <message>
        <source>Record the result (Ctrl+R)</source>
        <translation>Ghi kết quả (Ctrl+R)</translation>
    </message>
    <message>
        <source>Citizen told (Ctrl+T)</source>
        <translation>Đã thông báo công dân (Ctrl+T)</translation>
    </message>
    <message>
        <source>Close the case (Ctrl+E)</source>
        <translation>Kết thúc vụ việc (Ctrl+E)</translation>
    </message>
    <message>
        <source>Open the case (Enter)</source>
        <translation>Mở vụ việc (Enter)</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n quá hạn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due soon</source>
        <translation>
            <numerusform>%n sắp đến hạn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for a result</source>
        <translation>
            <numerusform>%n chờ kết quả</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to tell the citizen</source>
        <translation>
            <numerusform>%n chờ thông báo cho công dân</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown</source>
        <translation>
            <numerusform>đang hiển thị %n dòng</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Case&lt;/b&gt; received {received} — {status}, due {due}; citizen: {citizen}</source>
        <translation>&lt;b&gt;Vụ việc&lt;/b&gt; tiếp nhận ngày {received} — {status}, hạn xử lý {due}; công dân: {citizen}</translation>
    </message>
    <message>
        <source>result {result_on}, citizen told {told_on} ({how})</source>
        <translation>có kết quả ngày {result_on}, đã thông báo công dân ngày {told_on} ({how})</translation>
    </message>
    <message>
        <source>result {result_on}, citizen not told</source>
        <translation>có kết quả ngày {result_on}, chưa thông báo công dân</translation>
    </message>
    <message>
        <source>no result yet</source>
        <translation>chưa có kết quả</translation>
    </message>
    <message>
        <source>• &lt;b&gt;{assignee}&lt;/b&gt;, deadline {deadline}: {state}</source>
        <translation>• &lt;b&gt;{assignee}&lt;/b&gt;, thời hạn {deadline}: {state}</translation>
    </message>
    <message>
        <source>Result recorded.</source>
        <translation>Đã ghi kết quả.</translation>
    </message>
    <message>
        <source>Recorded that the citizen was told.</source>
        <translation>Đã ghi nhận việc thông báo kết quả cho công dân.</translation>
    </message>
    <message>
        <source>Case closed.</source>
        <translation>Đã kết thúc vụ việc.</translation>
    </message>
</context>
<context>
    <name>FollowupTableModel</name>
    <message>
        <source>Status</source>
        <extracomment>The row&apos;s state as a plain string (FollowupState), for the screen and the tests. The whole row record (a dict). Marker (a coloured square in the first column), text and background colours per state.</extracomment>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Vụ việc</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Công dân</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Giao cho</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Việc được giao</translation>
    </message>
    <message numerus="yes">
        <source>Overdue %n day(s)</source>
        <translation>
            <numerusform>Quá hạn %n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message numerus="yes">
        <source>Due in %n working day(s)</source>
        <translation>
            <numerusform>Còn %n ngày làm việc</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the result</source>
        <translation>Chờ kết quả</translation>
    </message>
    <message>
        <source>Results in: tell the citizen</source>
        <translation>Đã có kết quả: cần thông báo</translation>
    </message>
    <message>
        <source>Result in, citizen not told</source>
        <translation>Có kết quả, chưa thông báo</translation>
    </message>
    <message>
        <source>Citizen told ({how})</source>
        <translation>Đã thông báo ({how})</translation>
    </message>
    <message numerus="yes">
        <source>Case: %n result(s) to tell the citizen</source>
        <translation>
            <numerusform>Vụ việc: %n kết quả cần thông báo cho công dân</numerusform>
        </translation>
    </message>
    <message>
        <source>Case past due ({status})</source>
        <translation>Vụ việc quá hạn ({status})</translation>
    </message>
    <message>
        <source>The case&apos;s due date</source>
        <translation>Hạn xử lý của vụ việc</translation>
    </message>
    <message>
        <source>The day the last result came in</source>
        <translation>Ngày có kết quả gần nhất</translation>
    </message>
    <message>
        <source>Deadline of the assignment</source>
        <translation>Thời hạn của việc được giao</translation>
    </message>
    <message>
        <source>{task}
Result of {day}: {result}</source>
        <translation>{task}
Kết quả ngày {day}: {result}</translation>
    </message>
</context>
<context>
    <name>HoldSessionDialog</name>
    <message>
        <source>Heard</source>
        <translation>Đã tiếp</translation>
    </message>
    <message>
        <source>[void] </source>
        <translation>[đã hủy bỏ] </translation>
    </message>
    <message>
        <source>The leader&apos;s conclusion</source>
        <translation>Kết luận của lãnh đạo</translation>
    </message>
    <message>
        <source>Agency or person assigned</source>
        <translation>Cơ quan, người được giao</translation>
    </message>
    <message>
        <source>Task (blank: the conclusion)</source>
        <translation>Việc được giao (để trống: lấy theo kết luận)</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Trong vòng</translation>
    </message>
    <message>
        <source>By date</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> ngày làm việc</translation>
    </message>
    <message>
        <source>Hold the session of {date}</source>
        <translation>Ghi kết quả buổi tiếp ngày {date}</translation>
    </message>
    <message>
        <source>{deputy} (delegated by {leader})</source>
        <translation>{deputy} (được {leader} ủy quyền)</translation>
    </message>
    <message>
        <source>Session of {date} ({kind}), presided by {leader}{place}</source>
        <translation>Buổi tiếp ngày {date} ({kind}), do {leader} chủ trì{place}</translation>
    </message>
    <message>
        <source>One person per line</source>
        <translation>Mỗi dòng một người</translation>
    </message>
    <message>
        <source>Attendees (one per line)</source>
        <translation>Thành phần tham dự (mỗi dòng một người)</translation>
    </message>
    <message>
        <source>No case is on this session&apos;s list yet: add cases from the queue on the sessions screen first.</source>
        <translation>Buổi tiếp này chưa có vụ việc nào: trước hết hãy thêm vụ việc từ danh sách vụ việc chờ lãnh đạo tiếp trên màn hình Lãnh đạo tiếp dân.</translation>
    </message>
    <message>
        <source>Cases on the list: tick those heard, then give the conclusion</source>
        <translation>Vụ việc trong danh sách: đánh dấu các vụ việc đã tiếp, rồi ghi kết luận</translation>
    </message>
    <message>
        <source>Record as held (Ctrl+S)</source>
        <translation>Ghi nhận đã tổ chức (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>lượt tiếp</translation>
    </message>
    <message>
        <source>people</source>
        <translation>người</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <source>Cases this month</source>
        <translation>Vụ việc trong tháng</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Trang chủ</translation>
    </message>
    <message>
        <source>Today is {day}</source>
        <translation>Hôm nay, ngày {day}</translation>
    </message>
    <message numerus="yes">
        <source>Overdue cases: %n</source>
        <translation>
            <numerusform>Vụ việc quá hạn: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>{days} day(s) late — {kind}: {name} — {summary}</source>
        <translation>Quá hạn {days} ngày — {kind}: {name} — {summary}</translation>
    </message>
    <message numerus="yes">
        <source>Overdue assignments: %n</source>
        <translation>
            <numerusform>Việc được giao quá hạn: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>{days} day(s) late — {assignee}: {task}</source>
        <translation>Quá hạn {days} ngày — {assignee}: {task}</translation>
    </message>
    <message numerus="yes">
        <source>Leaders&apos; sessions ahead: %n</source>
        <translation>
            <numerusform>Buổi tiếp của lãnh đạo sắp tới: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>{day} — {leader} ({role}), {cases} case(s) — {place}</source>
        <translation>{day} — {leader} ({role}), {cases} vụ việc — {place}</translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>Không có việc quá hạn</translation>
    </message>
    <message>
        <source>No session planned</source>
        <translation>Chưa có buổi tiếp nào được lên lịch</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <source>Reception</source>
        <extracomment>Which widget a problem&apos;s field names, for moving the cursor there.</extracomment>
        <translation>Tiếp công dân</translation>
    </message>
    <message>
        <source>A citizen at the desk</source>
        <translation>Công dân đến trực tiếp</translation>
    </message>
    <message>
        <source>A letter received</source>
        <translation>Đơn thư gửi đến</translation>
    </message>
    <message>
        <source>Enter looks up earlier visits</source>
        <translation>Nhấn Enter để tìm các lượt tiếp trước</translation>
    </message>
    <message>
        <source>Names of the representatives, separated by ;</source>
        <translation>Họ tên người đại diện, cách nhau bằng dấu ;</translation>
    </message>
    <message>
        <source>Paper proving who they act for</source>
        <translation>Giấy tờ chứng minh tư cách đại diện, ủy quyền</translation>
    </message>
    <message>
        <source>No name given (anonymous letter)</source>
        <translation>Không ghi họ tên (đơn nặc danh)</translation>
    </message>
    <message>
        <source>Add another matter (Ctrl+M)</source>
        <translation>Thêm vụ việc khác (Ctrl+M)</translation>
    </message>
    <message>
        <source>Within the commune&apos;s competence</source>
        <translation>Thuộc thẩm quyền của xã</translation>
    </message>
    <message>
        <source>Body the citizen is guided to or the letter is sent to</source>
        <translation>Cơ quan được hướng dẫn công dân đến hoặc được chuyển đơn đến</translation>
    </message>
    <message>
        <source>Number of the transfer document</source>
        <translation>Số văn bản chuyển đơn</translation>
    </message>
    <message>
        <source>One document per line</source>
        <translation>Mỗi dòng một tài liệu</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>New form (Ctrl+N)</source>
        <translation>Nhập mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>ID paper</source>
        <translation>Giấy tờ tùy thân</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>Hình thức, tư cách</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>Giấy tờ chứng minh</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Nguồn đơn</translation>
    </message>
    <message>
        <source>Forwarded by</source>
        <translation>Cơ quan chuyển đơn</translation>
    </message>
    <message>
        <source>Forwarding document</source>
        <translation>Văn bản chuyển đơn</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Person complained about</source>
        <translation>Người bị khiếu nại, tố cáo</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Cơ quan, đơn vị</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>Người bị khiếu nại/tố cáo</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Phân loại</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Hướng xử lý</translation>
    </message>
    <message>
        <source>Documents handed in</source>
        <translation>Tài liệu, giấy tờ nộp kèm</translation>
    </message>
    <message>
        <source>Returning citizen: {name}. This visit is added to their record.</source>
        <translation>Công dân đã từng đến: {name}. Lượt tiếp này được ghi vào hồ sơ của công dân.</translation>
    </message>
    <message>
        <source>Old address: now {unit} — click to use “{address}”</source>
        <translation>Địa chỉ cũ: nay là {unit} — bấm để dùng “{address}”</translation>
    </message>
    <message>
        <source>An unsaved form was restored from its draft.</source>
        <translation>Đã khôi phục nội dung chưa lưu từ bản nháp.</translation>
    </message>
    <message numerus="yes">
        <source>Today&apos;s visits: %n</source>
        <translation>
            <numerusform>Lượt tiếp hôm nay: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Letter no. {number} registered.</source>
        <translation>Đã vào sổ đơn thư số {number}.</translation>
    </message>
    <message>
        <source>Visit no. {number} saved in the logbook.</source>
        <translation>Đã ghi lượt tiếp số {number} vào Sổ tiếp công dân.</translation>
    </message>
    <message>
        <source>Ctrl+P prints the receipt for the documents handed in.</source>
        <translation>Nhấn Ctrl+P để in giấy biên nhận tài liệu công dân đã nộp.</translation>
    </message>
    <message>
        <source>Ctrl+P prints the notice refusing the reception.</source>
        <translation>Nhấn Ctrl+P để in thông báo từ chối tiếp công dân.</translation>
    </message>
    <message>
        <source>Ctrl+P prints the letter guiding the citizen to the competent body.</source>
        <translation>Nhấn Ctrl+P để in văn bản hướng dẫn công dân đến cơ quan có thẩm quyền.</translation>
    </message>
</context>
<context>
    <name>LogbookScreen</name>
    <message>
        <source>Search by name, address or content (with or without diacritics)</source>
        <extracomment>Visit dates at this day or before mean &quot;no bound&quot; (the date boxes show &quot;any&quot; there). The order the screen lists the logbook in (and exports it in): the newest visit first. What a printed document&apos;s QR code starts with (&quot;RD1|&lt;unit&gt;|&lt;number&gt;|&lt;date&gt;|&lt;hash&gt;&quot;). A typed document number: digits, then &quot;/&quot; or &quot;-&quot; and letter groups (&quot;05/TB-UBND&quot;, &quot;12-TB/ĐU&quot;, &quot;15/UBND-TCD&quot;), perhaps after &quot;Số&quot; or &quot;Số:&quot;.</extracomment>
        <translation>Tìm theo họ tên, địa chỉ hoặc nội dung (gõ có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>Scan a printed document&apos;s QR code, or type its number (05/TB-UBND), to check it</source>
        <translation>Quét mã QR trên văn bản đã in, hoặc gõ số văn bản (05/TB-UBND), để đối chiếu</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Ngày tiếp</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Dừng tải</translation>
    </message>
    <message>
        <source>Import an old logbook from Excel… ({keys})</source>
        <translation>Nhập sổ cũ từ Excel… ({keys})</translation>
    </message>
    <message>
        <source>Bring the visits of a logbook kept in Excel or CSV into the desk: you see what becomes of every row before anything is written</source>
        <translation>Đưa các lượt tiếp của sổ ghi bằng Excel hoặc CSV vào chương trình: xem kết quả của từng dòng trước khi ghi</translation>
    </message>
    <message>
        <source>any</source>
        <translation>bất kỳ</translation>
    </message>
    <message>
        <source>Logbook</source>
        <translation>Sổ tiếp công dân</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s) found</source>
        <translation>
            <numerusform>Tìm thấy %n lượt tiếp</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading the logbook…</source>
        <translation>Đang tải sổ tiếp công dân…</translation>
    </message>
    <message>
        <source>This document could not be checked: {reason}</source>
        <translation>Không đối chiếu được văn bản: {reason}</translation>
    </message>
    <message>
        <source>Document No. {number} of {date}: {title}</source>
        <translation>Văn bản số {number} ngày {date}: {title}</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) carry this number; the one shown fits best.</source>
        <translation>
            <numerusform>Có %n văn bản mang số này; đang hiển thị văn bản khớp nhất.</numerusform>
        </translation>
    </message>
    <message>
        <source>matches</source>
        <translation>khớp</translation>
    </message>
    <message>
        <source>does not match</source>
        <translation>không khớp</translation>
    </message>
    <message numerus="yes">
        <source>Logbook: %n visit(s)</source>
        <translation>
            <numerusform>Sổ tiếp công dân: %n lượt tiếp</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the logbook as narrowed by the visit dates can be exported: clear the search box first.</source>
        <translation>Chỉ xuất được sổ tiếp công dân lọc theo ngày tiếp: hãy xóa nội dung ô tìm kiếm trước.</translation>
    </message>
    <message>
        <source>The logbook could not be read: {reason}</source>
        <translation>Không đọc được sổ tiếp công dân: {reason}</translation>
    </message>
    <message>
        <source>Loading stopped.</source>
        <translation>Đã dừng tải.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — Citizen reception desk</source>
        <translation>Đăng nhập — Bàn tiếp công dân</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Forgot the password? Use the recovery key</source>
        <translation>Quên mật khẩu? Dùng mã khôi phục</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Mã khôi phục:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Mật khẩu mới:</translation>
    </message>
    <message>
        <source>Repeat the new password:</source>
        <translation>Nhập lại mật khẩu mới:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Citizen reception desk</source>
        <extracomment>How often the desk file&apos;s presence is checked (a USB drive can be pulled out at any time). The consolidation screen (upper-level desks only) keeps a key of its own, so every other screen keeps its number.</extracomment>
        <translation>Bàn tiếp công dân</translation>
    </message>
    <message>
        <source>DEMO — invented data</source>
        <translation>DEMO — dữ liệu mẫu</translation>
    </message>
    <message numerus="yes">
        <source>Overdue: %n</source>
        <translation>
            <numerusform>Quá hạn: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>The desk&apos;s data file</source>
        <translation>Tệp dữ liệu của bàn tiếp công dân</translation>
    </message>
    <message>
        <source>The desk&apos;s data file can no longer be reached:
{path}

What you typed is kept as a draft. Put the drive back (or restore the file), then close and reopen the program.</source>
        <translation>Không còn truy cập được tệp dữ liệu của bàn tiếp công dân:
{path}

Nội dung đang nhập đã được giữ lại dưới dạng bản nháp. Hãy cắm lại ổ đĩa (hoặc khôi phục tệp), sau đó đóng và mở lại chương trình.</translation>
    </message>
    <message>
        <source>About (F1)</source>
        <translation>Giới thiệu (F1)</translation>
    </message>
</context>
<context>
    <name>RecordResultDialog</name>
    <message>
        <source>Record the result</source>
        <translation>Ghi kết quả xử lý</translation>
    </message>
    <message>
        <source>&lt;b&gt;{assignee}&lt;/b&gt;: {task}&lt;br&gt;Deadline {deadline} — case: {case}</source>
        <translation>&lt;b&gt;{assignee}&lt;/b&gt;: {task}&lt;br&gt;Thời hạn {deadline} — vụ việc: {case}</translation>
    </message>
    <message>
        <source>What the assignee reported: what was done, the answer or decision</source>
        <translation>Nội dung cơ quan, người được giao báo cáo: việc đã làm, văn bản trả lời hoặc quyết định</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Result date</source>
        <translation>Ngày có kết quả</translation>
    </message>
</context>
<context>
    <name>RecoverySheetDialog</name>
    <message>
        <source>RECOVERY SHEET — CITIZEN RECEPTION DESK</source>
        <translation>PHIẾU KHÔI PHỤC — BÀN TIẾP CÔNG DÂN</translation>
    </message>
    <message>
        <source>Unit: {unit}</source>
        <translation>Đơn vị: {unit}</translation>
    </message>
    <message>
        <source>Administrator account: {user}</source>
        <translation>Tài khoản quản trị: {user}</translation>
    </message>
    <message>
        <source>Recovery key: {key}</source>
        <translation>Mã khôi phục: {key}</translation>
    </message>
    <message>
        <source>Use this key to set a new password if it is forgotten. Without this key and the password, protected data cannot be read. Keep this sheet in a safe place, not next to the computer.</source>
        <translation>Dùng mã này để đặt lại mật khẩu khi quên. Không có mã này và mật khẩu, dữ liệu được bảo vệ không thể đọc được. Cất giữ phiếu ở nơi an toàn, không để cạnh máy tính.</translation>
    </message>
    <message>
        <source>Recovery sheet</source>
        <translation>Phiếu khôi phục</translation>
    </message>
    <message>
        <source>This is the reception desk&apos;s recovery key. It is shown only once: save it or copy it down and keep it safe.</source>
        <translation>Đây là mã khôi phục của bàn tiếp công dân. Mã chỉ hiện một lần: hãy lưu hoặc chép lại và cất giữ an toàn.</translation>
    </message>
    <message>
        <source>Save the sheet to a file…</source>
        <translation>Lưu phiếu ra tệp…</translation>
    </message>
    <message>
        <source>I have saved or copied down the recovery key</source>
        <translation>Tôi đã lưu hoặc chép lại mã khôi phục</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>Lưu phiếu khôi phục</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Tệp văn bản (*.txt)</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Reports</source>
        <extracomment>The file formats the export buttons write: suffix, and the file dialog&apos;s filter (translated at run time). Widths of a table of lines (&quot;STT&quot;, &quot;Chỉ tiêu&quot;, the period, the previous one) and of a wide table&apos;s first column. Pages are rasterised for the printer at this resolution at most (a 1200 dpi A4 page would take half a gigabyte).</extracomment>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>6 months</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <source>9 months</source>
        <translation>9 tháng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Tùy chọn</translation>
    </message>
    <message>
        <source>year</source>
        <translation>năm</translation>
    </message>
    <message>
        <source>from</source>
        <translation>từ ngày</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến ngày</translation>
    </message>
    <message>
        <source>none (calendar months)</source>
        <translation>không (theo tháng dương lịch)</translation>
    </message>
    <message>
        <source>Work report (state, full set)</source>
        <translation>Báo cáo công tác (đầy đủ)</translation>
    </message>
    <message>
        <source>Report of the Party Committee Secretary</source>
        <translation>Báo cáo của Bí thư Đảng ủy</translation>
    </message>
    <message>
        <source>Form 01/TCD: citizen reception</source>
        <translation>Biểu 01/TCD — Kết quả tiếp công dân</translation>
    </message>
    <message>
        <source>Classification of cases</source>
        <translation>Phân loại vụ việc</translation>
    </message>
    <message>
        <source>Letters received and handled</source>
        <translation>Đơn thư (tiếp nhận, xử lý đơn)</translation>
    </message>
    <message>
        <source>Complaints resolved</source>
        <translation>Giải quyết khiếu nại</translation>
    </message>
    <message>
        <source>Denunciations resolved</source>
        <translation>Giải quyết tố cáo</translation>
    </message>
    <message>
        <source>Follow-up of conclusions</source>
        <translation>Theo dõi thực hiện kết luận</translation>
    </message>
    <message>
        <source>Leaders&apos; periodic reception</source>
        <translation>Tiếp công dân định kỳ của người đứng đầu</translation>
    </message>
    <message>
        <source>Build report (F5)</source>
        <translation>Lập báo cáo (F5)</translation>
    </message>
    <message>
        <source>Ctrl+Enter or F5</source>
        <translation>Ctrl+Enter hoặc F5</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>Cut-off day:</source>
        <translation>Ngày chốt số liệu:</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Loại báo cáo:</translation>
    </message>
    <message>
        <source>Choose the period and the report, then press Build report (F5). The narrative draft appears here to be edited.</source>
        <translation>Chọn kỳ và loại báo cáo, rồi bấm Lập báo cáo (F5). Bản nháp phần nội dung báo cáo hiện ở đây để chỉnh sửa.</translation>
    </message>
    <message>
        <source>Restore the draft</source>
        <translation>Khôi phục bản nháp</translation>
    </message>
    <message>
        <source>Put back the narrative as the report generated it</source>
        <translation>Đưa phần nội dung về bản nháp do chương trình lập</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Nội dung báo cáo</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Biểu số liệu</translation>
    </message>
    <message>
        <source>PDF preview</source>
        <translation>Bản xem trước (PDF)</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Xuất CSV…</translation>
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation>In… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Mark as submitted…</source>
        <translation>Đánh dấu đã nộp…</translation>
    </message>
    <message>
        <source>Quarter {n}</source>
        <translation>Quý {n}</translation>
    </message>
    <message>
        <source>Month {n}</source>
        <translation>Tháng {n}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không</translation>
    </message>
    <message>
        <source>as in the desk&apos;s settings</source>
        <translation>theo cài đặt chung</translation>
    </message>
    <message>
        <source>for this report only (the desk&apos;s setting: {day})</source>
        <translation>chỉ áp dụng cho báo cáo này (cài đặt chung: {day})</translation>
    </message>
    <message>
        <source>The data cut-off day: a report month runs from the day after it in the month before to that day. The desk&apos;s setting: {day}.</source>
        <translation>Ngày chốt số liệu: một tháng báo cáo tính từ ngày liền sau ngày chốt của tháng trước đến ngày chốt của tháng đó. Cài đặt chung: {day}.</translation>
    </message>
    <message>
        <source>({start} – {end})</source>
        <translation>(từ {start} đến {end})</translation>
    </message>
    <message>
        <source>The report shown is not of the period and report chosen: press Build report (F5).</source>
        <translation>Báo cáo đang hiển thị không phải của kỳ và loại báo cáo đã chọn: bấm Lập báo cáo (F5).</translation>
    </message>
    <message>
        <source>The narrative you edited will be replaced by the draft of the new report. Continue?</source>
        <translation>Phần nội dung đã sửa sẽ được thay bằng bản nháp của báo cáo mới. Tiếp tục?</translation>
    </message>
    <message>
        <source>The report could not be built: {reason}</source>
        <translation>Không lập được báo cáo: {reason}</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Đang lập báo cáo…</translation>
    </message>
    <message>
        <source>The report was built.</source>
        <translation>Đã lập báo cáo.</translation>
    </message>
    <message>
        <source>Report built again; your edits of the narrative are kept.</source>
        <translation>Đã lập lại báo cáo; phần nội dung đã sửa được giữ nguyên.</translation>
    </message>
    <message>
        <source>Choose the period and the report, then press &lt;b&gt;Build report (F5)&lt;/b&gt;.</source>
        <translation>Chọn kỳ và loại báo cáo, rồi bấm &lt;b&gt;Lập báo cáo (F5)&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>The printed report appears here once built.</source>
        <translation>Bản in của báo cáo hiện ở đây sau khi lập.</translation>
    </message>
    <message>
        <source>{reporter} — from {start} to {end}</source>
        <translation>{reporter} — từ ngày {start} đến ngày {end}</translation>
    </message>
    <message>
        <source>Not marked as submitted</source>
        <translation>Chưa đánh dấu đã nộp</translation>
    </message>
    <message>
        <source>Submitted on {date}</source>
        <translation>Đã nộp ngày {date}</translation>
    </message>
    <message>
        <source>Edited: exports, printing and the submission use this text.</source>
        <translation>Đã sửa: khi xuất, in và đánh dấu đã nộp sẽ dùng nội dung này.</translation>
    </message>
    <message>
        <source>This report is its tables alone: it has no narrative draft.</source>
        <translation>Báo cáo này chỉ gồm biểu số liệu, không có bản nháp phần nội dung.</translation>
    </message>
    <message>
        <source>The draft as generated.</source>
        <translation>Bản nháp do chương trình lập.</translation>
    </message>
    <message>
        <source>The narrative changed: the preview is updated when shown.</source>
        <translation>Nội dung đã thay đổi: bản xem trước được cập nhật khi mở.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Ghi chú: {note}</translation>
    </message>
    <message>
        <source>Preparing the printed report…</source>
        <translation>Đang chuẩn bị bản in…</translation>
    </message>
    <message>
        <source>The printed report could not be prepared: {reason}</source>
        <translation>Không chuẩn bị được bản in của báo cáo: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>The printed report: %n page(s).</source>
        <translation>
            <numerusform>Bản in của báo cáo: %n trang.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>Đã gửi %n trang tới máy in.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Đang ghi {name}…</translation>
    </message>
    <message>
        <source>The report could not be written to {path}: {reason}</source>
        <translation>Không ghi được báo cáo vào {path}: {reason}</translation>
    </message>
    <message>
        <source>Report written to {path}</source>
        <translation>Đã ghi báo cáo vào {path}</translation>
    </message>
    <message>
        <source>Mark “{title}” as submitted to the upper level today ({date})?</source>
        <translation>Đánh dấu “{title}” là đã nộp lên cấp trên hôm nay ({date})?</translation>
    </message>
    <message>
        <source>It was already marked as submitted on {date}.</source>
        <translation>Báo cáo này đã được đánh dấu đã nộp ngày {date}.</translation>
    </message>
    <message>
        <source>Marked as submitted: {title}.</source>
        <translation>Đã đánh dấu đã nộp: {title}.</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>Our unit</source>
        <translation>Đơn vị mình</translation>
    </message>
    <message>
        <source>All units (consolidated)</source>
        <translation>Tất cả đơn vị (tổng hợp)</translation>
    </message>
</context>
<context>
    <name>ReturningPanel</name>
    <message>
        <source>Earlier visitors</source>
        <translation>Công dân đã từng đến</translation>
    </message>
    <message>
        <source>Earlier visits</source>
        <translation>Các lượt tiếp trước</translation>
    </message>
    <message>
        <source>Open cases (Space attaches this visit)</source>
        <translation>Vụ việc chưa kết thúc (nhấn phím cách để gắn lượt tiếp này vào)</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s), last on {day}</source>
        <translation>
            <numerusform>%n lượt tiếp, lần gần nhất ngày {day}</numerusform>
        </translation>
    </message>
    <message>
        <source>no visit yet</source>
        <translation>chưa có lượt tiếp nào</translation>
    </message>
    <message numerus="yes">
        <source>Earlier visitors: %n found</source>
        <translation>
            <numerusform>Công dân đã từng đến: tìm thấy %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Earlier visitors: none found</source>
        <translation>Công dân đã từng đến: không tìm thấy</translation>
    </message>
    <message>
        <source>No open case</source>
        <translation>Không có vụ việc chưa kết thúc</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <source>The desk&apos;s role</source>
        <translation>Vai trò của bàn</translation>
    </message>
    <message>
        <source>A commune&apos;s reception desk (commune, ward or special zone)</source>
        <translation>Bàn tiếp công dân của xã, phường, đặc khu</translation>
    </message>
    <message>
        <source>The upper level&apos;s office: its own reception desk, and consolidation of its communes&apos; data</source>
        <translation>Cơ quan cấp trên: bàn tiếp công dân của mình và tổng hợp dữ liệu các xã, phường</translation>
    </message>
    <message>
        <source>The upper level&apos;s desk makes its keys at the end of the set-up; the communes encrypt their packages for it. Its own reception is recorded under the unit chosen on the next page.</source>
        <translation>Bàn của cấp trên tạo khóa khi kết thúc thiết lập; các xã mã hóa gói dữ liệu gửi lên bằng khóa đó. Việc tiếp công dân của chính cơ quan được ghi theo đơn vị chọn ở trang sau.</translation>
    </message>
    <message>
        <source>Who works at this desk.</source>
        <translation>Bàn này dùng ở đâu.</translation>
    </message>
</context>
<context>
    <name>RowOutcomeTableModel</name>
    <message>
        <source>Row</source>
        <extracomment>The colour of each outcome&apos;s text: warnings in amber, skipped rows in red, rows imported before in grey.</extracomment>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>Ngày tiếp</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>Ghi nhận khi kiểm tra</translation>
    </message>
    <message>
        <source>To import</source>
        <translation>Sẽ nhập</translation>
    </message>
    <message>
        <source>With warnings</source>
        <translation>Nhập có cảnh báo</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Imported before</source>
        <translation>Đã nhập từ trước</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Correct a session</source>
        <extracomment>Which widget a problem&apos;s field names.</extracomment>
        <translation>Sửa buổi tiếp</translation>
    </message>
    <message>
        <source>Schedule a session</source>
        <translation>Lên lịch buổi tiếp</translation>
    </message>
    <message>
        <source>Delegated to a deputy</source>
        <translation>Ủy quyền cho cấp phó</translation>
    </message>
    <message>
        <source>Deputy who receives the citizens</source>
        <translation>Cấp phó được ủy quyền tiếp công dân</translation>
    </message>
    <message>
        <source>Deputy&apos;s title</source>
        <translation>Chức vụ của cấp phó</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Khối</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại kỳ tiếp</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày tiếp</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Người chủ trì</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Ủy quyền</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Chủ đề</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>What the dialogue is about (required)</source>
        <translation>Nội dung đối thoại (bắt buộc)</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Không bắt buộc</translation>
    </message>
</context>
<context>
    <name>SessionQueueModel</name>
    <message>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Công dân</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>[heard, pending ×{count}] {summary}</source>
        <translation>[đã tiếp, chờ xem xét ×{count}] {summary}</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Date</source>
        <translation>Ngày tiếp</translation>
    </message>
    <message>
        <source>Presiding</source>
        <translation>Người chủ trì</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại kỳ tiếp</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Số vụ</translation>
    </message>
    <message>
        <source>{deputy} (delegated)</source>
        <translation>{deputy} (được ủy quyền)</translation>
    </message>
    <message>
        <source>{deputy} (delegated by {leader})</source>
        <translation>{deputy} (được {leader} ủy quyền)</translation>
    </message>
    <message>
        <source>{status}, not recorded yet</source>
        <translation>{status}, chưa ghi kết quả</translation>
    </message>
</context>
<context>
    <name>SessionsScreen</name>
    <message>
        <source>Leaders&apos; sessions</source>
        <extracomment>Text and background of a compliance line by the state of its rule. Colours of the session days on the calendar, by the session&apos;s status. The month&apos;s sessions are listed (and exported) oldest first.</extracomment>
        <translation>Lãnh đạo tiếp dân</translation>
    </message>
    <message>
        <source>Leaders&apos; reception days this month</source>
        <translation>Ngày lãnh đạo tiếp công dân trong tháng</translation>
    </message>
    <message>
        <source>Selected session</source>
        <translation>Buổi tiếp đang chọn</translation>
    </message>
    <message>
        <source>Schedule… (Ctrl+L)</source>
        <translation>Lên lịch… (Ctrl+L)</translation>
    </message>
    <message>
        <source>Correct… (Ctrl+E)</source>
        <translation>Sửa… (Ctrl+E)</translation>
    </message>
    <message>
        <source>Hold session… (Ctrl+H)</source>
        <translation>Ghi kết quả buổi tiếp… (Ctrl+H)</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>Hủy buổi tiếp</translation>
    </message>
    <message>
        <source>Issue the notice… (Ctrl+I)</source>
        <translation>Ban hành thông báo… (Ctrl+I)</translation>
    </message>
    <message>
        <source>Write the sessions of the month shown to an Excel or CSV file</source>
        <translation>Ghi các kỳ tiếp của tháng đang hiển thị ra tệp Excel hoặc CSV</translation>
    </message>
    <message>
        <source>Add to the selected session (Ctrl+D)</source>
        <translation>Thêm vào buổi tiếp đang chọn (Ctrl+D)</translation>
    </message>
    <message numerus="yes">
        <source>Sessions in {month}: %n</source>
        <translation>
            <numerusform>Buổi tiếp trong tháng {month}: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Chairman</source>
        <translation>Chủ tịch UBND</translation>
    </message>
    <message>
        <source>Party secretary</source>
        <translation>Bí thư Đảng ủy</translation>
    </message>
    <message>
        <source>{role}: no minimum in force this month</source>
        <translation>{role}: tháng này không có quy định số ngày tiếp tối thiểu</translation>
    </message>
    <message>
        <source>{role}: {met}/{weeks} weeks met (at least {required} day a week)</source>
        <translation>{role}: {met}/{weeks} tuần đạt (ít nhất {required} ngày/tuần)</translation>
    </message>
    <message>
        <source>{role}: {counted}/{required} days this month</source>
        <translation>{role}: {counted}/{required} ngày trong tháng</translation>
    </message>
    <message>
        <source>Received on: {days}</source>
        <translation>Đã tiếp các ngày: {days}</translation>
    </message>
    <message>
        <source>planned: {days}</source>
        <translation>dự kiến: {days}</translation>
    </message>
    <message>
        <source>met</source>
        <translation>đạt</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>không đạt</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>đang thực hiện</translation>
    </message>
    <message>
        <source>no working day</source>
        <translation>không có ngày làm việc</translation>
    </message>
    <message numerus="yes">
        <source>delegated, not counted: %n</source>
        <translation>
            <numerusform>ủy quyền, không tính: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>dialogues: %n</source>
        <translation>
            <numerusform>đối thoại: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No session selected.</source>
        <translation>Chưa chọn buổi tiếp nào.</translation>
    </message>
    <message>
        <source>Leader: {name} ({role})</source>
        <translation>Người chủ trì: {name} ({role})</translation>
    </message>
    <message>
        <source>Delegated to: {deputy}</source>
        <translation>Ủy quyền cho: {deputy}</translation>
    </message>
    <message>
        <source>Place: {place}</source>
        <translation>Địa điểm: {place}</translation>
    </message>
    <message>
        <source>Subject: {subject}</source>
        <translation>Chủ đề: {subject}</translation>
    </message>
    <message>
        <source>Cases on the list: {cases}, concluded: {concluded}</source>
        <translation>Vụ việc trong danh sách: {cases}, đã kết luận: {concluded}</translation>
    </message>
    <message>
        <source>Attendees: {names}</source>
        <translation>Thành phần tham dự: {names}</translation>
    </message>
    <message numerus="yes">
        <source>Cases waiting for a leader: %n</source>
        <translation>
            <numerusform>Vụ việc chờ lãnh đạo tiếp: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>(the first {shown} shown)</source>
        <translation>(hiển thị {shown} vụ việc đầu tiên)</translation>
    </message>
    <message>
        <source>Session of {date} saved.</source>
        <translation>Đã lưu buổi tiếp ngày {date}.</translation>
    </message>
    <message numerus="yes">
        <source>Session of {date} recorded as held: %n case(s) heard</source>
        <translation>
            <numerusform>Đã ghi kết quả buổi tiếp ngày {date}: đã tiếp %n vụ việc</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) given.</source>
        <translation>
            <numerusform>đã giao %n việc.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) added to the session of {date}.</source>
        <translation>
            <numerusform>Đã thêm %n vụ việc vào buổi tiếp ngày {date}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel the session of {date}? This cannot be undone.</source>
        <translation>Hủy buổi tiếp ngày {date}? Không thể hoàn tác thao tác này.</translation>
    </message>
    <message>
        <source>The session of {date} was cancelled.</source>
        <translation>Đã hủy buổi tiếp ngày {date}.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Unit</source>
        <extracomment>Where the program&apos;s language is kept (per Windows user, outside the desk file), read at start-up.</extracomment>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Signers</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Lịch làm việc</translation>
    </message>
    <message>
        <source>Time limits</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>The office that collects the commune&apos;s data files</source>
        <translation>Cơ quan nhận tệp dữ liệu của xã để tổng hợp</translation>
    </message>
    <message>
        <source> persons</source>
        <translation> người</translation>
    </message>
    <message>
        <source>The commune is a remote or disadvantaged area</source>
        <translation>Xã thuộc vùng sâu, vùng xa, đi lại khó khăn</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Không tự khóa</translation>
    </message>
    <message>
        <source>Calendar months</source>
        <translation>Theo tháng dương lịch</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save the unit&apos;s settings (Ctrl+S)</source>
        <translation>Lưu cài đặt của đơn vị (Ctrl+S)</translation>
    </message>
    <message>
        <source>Unit (fixed after set-up)</source>
        <translation>Đơn vị (cố định sau khi thiết lập)</translation>
    </message>
    <message>
        <source>Commune:</source>
        <translation>Xã, phường, đặc khu:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>Tỉnh, thành phố:</translation>
    </message>
    <message>
        <source>Upper-level consolidation…</source>
        <translation>Chế độ tổng hợp cấp trên…</translation>
    </message>
    <message>
        <source>For the upper level&apos;s office only: what the mode is and how to turn it on</source>
        <translation>Chỉ dành cho cơ quan cấp trên: chế độ này là gì và cách bật</translation>
    </message>
    <message>
        <source>Role of this desk:</source>
        <translation>Vai trò của bàn:</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Bàn tiếp công dân</translation>
    </message>
    <message>
        <source>Reception officer:</source>
        <translation>Cán bộ tiếp công dân:</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>Upper level:</source>
        <translation>Cấp trên:</translation>
    </message>
    <message>
        <source>Remote areas have longer legal time limits (a first complaint decision: 45 days instead of 30).</source>
        <translation>Ở vùng sâu, vùng xa, đi lại khó khăn, thời hạn theo quy định dài hơn (giải quyết khiếu nại lần đầu: 45 ngày thay vì 30 ngày).</translation>
    </message>
    <message>
        <source>Remote area:</source>
        <translation>Vùng sâu, vùng xa:</translation>
    </message>
    <message>
        <source>Sign out after this long without use (0 = never).</source>
        <translation>Tự động đăng xuất khi không sử dụng trong khoảng thời gian này (0 = không bao giờ).</translation>
    </message>
    <message>
        <source>Automatic lock:</source>
        <translation>Tự động khóa:</translation>
    </message>
    <message>
        <source>0 = calendar months; day N: a report month runs from day N+1 of the month before to day N.</source>
        <translation>0 = theo tháng dương lịch; ngày N: tháng báo cáo tính từ ngày N+1 tháng trước đến ngày N tháng này.</translation>
    </message>
    <message>
        <source>Reports&apos; data cut-off day:</source>
        <translation>Ngày chốt số liệu báo cáo:</translation>
    </message>
    <message>
        <source>As printed under the signature</source>
        <translation>Ghi như dưới chữ ký trên văn bản</translation>
    </message>
    <message>
        <source>Add signer</source>
        <translation>Thêm người ký</translation>
    </message>
    <message>
        <source>New signer</source>
        <translation>Người ký mới</translation>
    </message>
    <message>
        <source>The people who sign the desk&apos;s notices and reports.</source>
        <translation>Những người ký các thông báo và báo cáo của bàn tiếp công dân.</translation>
    </message>
    <message>
        <source>Name of a village or residential group</source>
        <translation>Tên thôn, tổ dân phố</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Đổi tên</translation>
    </message>
    <message>
        <source>Edit the selected line (F2)</source>
        <translation>Sửa dòng đang chọn (F2)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Chuyển lên</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Chuyển xuống</translation>
    </message>
    <message>
        <source>Save villages</source>
        <translation>Lưu danh sách</translation>
    </message>
    <message>
        <source>Save the list (Ctrl+S)</source>
        <translation>Lưu danh sách (Ctrl+S)</translation>
    </message>
    <message>
        <source>Villages and residential groups offered when an address is typed. Changes are kept when you save the list.</source>
        <translation>Các thôn, tổ dân phố được gợi ý khi nhập địa chỉ. Thay đổi chỉ được giữ lại khi lưu danh sách.</translation>
    </message>
    <message>
        <source>Retire the selected field</source>
        <translation>Ngừng sử dụng lĩnh vực đang chọn</translation>
    </message>
    <message>
        <source>e.g. water_supply</source>
        <translation>ví dụ: cap_nuoc</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Thêm lĩnh vực</translation>
    </message>
    <message>
        <source>Fields are retired, never deleted: old cases keep theirs.</source>
        <translation>Lĩnh vực chỉ ngừng sử dụng, không bị xóa: vụ việc cũ vẫn giữ lĩnh vực đã chọn.</translation>
    </message>
    <message>
        <source>New field</source>
        <translation>Lĩnh vực mới</translation>
    </message>
    <message>
        <source>Vietnamese name:</source>
        <translation>Tên tiếng Việt:</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>Tên tiếng Anh:</translation>
    </message>
    <message>
        <source>e.g. the holiday&apos;s name</source>
        <translation>ví dụ: tên ngày lễ</translation>
    </message>
    <message>
        <source>Add or change</source>
        <translation>Thêm hoặc sửa</translation>
    </message>
    <message>
        <source>Remove the selected day</source>
        <translation>Xóa ngày đang chọn</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Day off or make-up working day</source>
        <translation>Ngày nghỉ hoặc ngày làm việc bù</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên gọi:</translation>
    </message>
    <message>
        <source>Enter the official schedule each year, with its make-up working Saturdays. Open cases&apos; due dates are recomputed on every change.</source>
        <translation>Hằng năm, nhập lịch nghỉ chính thức, kèm các ngày thứ Bảy làm việc bù. Hạn xử lý của các vụ việc chưa kết thúc được tính lại sau mỗi thay đổi.</translation>
    </message>
    <message>
        <source>The legal time limits (read-only). A case follows the version in force on the day it was received; versions in force today are bold.</source>
        <translation>Thời hạn theo quy định của pháp luật (chỉ xem). Vụ việc áp dụng quy định có hiệu lực vào ngày tiếp nhận; quy định đang có hiệu lực hôm nay được in đậm.</translation>
    </message>
    <message>
        <source>Language of the program:</source>
        <translation>Ngôn ngữ của chương trình:</translation>
    </message>
    <message>
        <source>The choice is kept for this Windows user and takes effect when the program is next opened.</source>
        <translation>Lựa chọn được lưu cho người dùng Windows này và có hiệu lực từ lần mở chương trình tiếp theo.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Also the upper level&apos;s consolidation desk ({name}, code {code})</source>
        <translation>Đồng thời là bàn tổng hợp của cấp trên ({name}, mã {code})</translation>
    </message>
    <message>
        <source>A commune&apos;s reception desk</source>
        <translation>Bàn tiếp công dân của xã, phường</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
    <message>
        <source>Open cases&apos; due dates were recomputed for the remote-area change.</source>
        <translation>Đã tính lại hạn xử lý của các vụ việc chưa kết thúc theo thay đổi về vùng sâu, vùng xa.</translation>
    </message>
    <message>
        <source>The new automatic lock applies from the next start of the program.</source>
        <translation>Thời gian tự động khóa mới được áp dụng từ lần khởi động chương trình tiếp theo.</translation>
    </message>
    <message>
        <source>The Reports screen now proposes report months by the new cut-off day.</source>
        <translation>Màn hình Báo cáo từ nay đề xuất tháng báo cáo theo ngày chốt số liệu mới.</translation>
    </message>
    <message>
        <source>Signer added.</source>
        <translation>Đã thêm người ký.</translation>
    </message>
    <message>
        <source>Type the village&apos;s name first.</source>
        <translation>Hãy nhập tên thôn, tổ dân phố trước.</translation>
    </message>
    <message>
        <source>This village is already in the list.</source>
        <translation>Thôn, tổ dân phố này đã có trong danh sách.</translation>
    </message>
    <message>
        <source>Added to the list; save the list to keep it.</source>
        <translation>Đã thêm vào danh sách; hãy lưu danh sách để giữ lại.</translation>
    </message>
    <message>
        <source>Select a village in the list first.</source>
        <translation>Hãy chọn một thôn, tổ dân phố trong danh sách trước.</translation>
    </message>
    <message>
        <source>Removed from the list; save the list to keep the change.</source>
        <translation>Đã xóa khỏi danh sách; hãy lưu danh sách để giữ thay đổi.</translation>
    </message>
    <message numerus="yes">
        <source>Villages saved: %n line(s).</source>
        <translation>
            <numerusform>Đã lưu danh sách thôn, tổ dân phố: %n dòng.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use the selected field again</source>
        <translation>Sử dụng lại lĩnh vực đang chọn</translation>
    </message>
    <message>
        <source>Field added.</source>
        <translation>Đã thêm lĩnh vực.</translation>
    </message>
    <message>
        <source>Select a field in the table first.</source>
        <translation>Hãy chọn một lĩnh vực trong bảng trước.</translation>
    </message>
    <message>
        <source>The field is in use again.</source>
        <translation>Lĩnh vực đã được sử dụng lại.</translation>
    </message>
    <message>
        <source>The field is retired: it is no longer offered for new cases.</source>
        <translation>Đã ngừng sử dụng lĩnh vực: lĩnh vực này không còn được đưa ra để chọn cho vụ việc mới.</translation>
    </message>
    <message numerus="yes">
        <source>%n holiday(s)</source>
        <translation>
            <numerusform>%n ngày nghỉ lễ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n make-up working day(s)</source>
        <translation>
            <numerusform>%n ngày làm việc bù</numerusform>
        </translation>
    </message>
    <message>
        <source>Calendar saved.</source>
        <translation>Đã lưu lịch làm việc.</translation>
    </message>
    <message numerus="yes">
        <source>%n open case(s) got a new due date.</source>
        <translation>
            <numerusform>%n vụ việc chưa kết thúc đã được tính lại hạn xử lý.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a day in the table first.</source>
        <translation>Hãy chọn một ngày trong bảng trước.</translation>
    </message>
    <message>
        <source>Day removed from the calendar.</source>
        <translation>Đã xóa ngày khỏi lịch làm việc.</translation>
    </message>
    <message>
        <source>This desk is set as a remote area: the remote-area limits apply to its cases.</source>
        <translation>Đơn vị được đặt là vùng sâu, vùng xa: các vụ việc áp dụng thời hạn dành cho vùng sâu, vùng xa.</translation>
    </message>
    <message>
        <source>This desk is not set as a remote area (see the Unit tab).</source>
        <translation>Đơn vị không được đặt là vùng sâu, vùng xa (xem thẻ Đơn vị).</translation>
    </message>
    <message>
        <source>Language saved. It takes effect when the program is next opened.</source>
        <translation>Đã lưu ngôn ngữ. Thay đổi có hiệu lực từ lần mở chương trình tiếp theo.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up the citizen reception desk</source>
        <extracomment>The wizard&apos;s pages, in order. What the officer chose on the first page. The signers asked for, with the title printed under their signature (as the generator&apos;s and the forms&apos; own).</extracomment>
        <translation>Thiết lập bàn tiếp công dân</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Tiếp theo</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>The second backup folder was not kept: {reason} Choose it again in Settings › Backups.</source>
        <translation>Chưa lưu được thư mục sao lưu thứ hai: {reason} Hãy chọn lại trong Cài đặt › Sao lưu.</translation>
    </message>
    <message>
        <source>Upper-level consolidation was not turned on: {reason} Turn it on from Settings › Unit.</source>
        <translation>Chưa bật được chế độ tổng hợp của cấp trên: {reason} Hãy bật trong Cài đặt › Đơn vị.</translation>
    </message>
    <message>
        <source>The upper level&apos;s key was not kept: {reason} Import it again on the Upper-level sync screen.</source>
        <translation>Chưa lưu được khóa của cấp trên: {reason} Hãy nhập lại ở màn hình Đồng bộ lên cấp trên.</translation>
    </message>
</context>
<context>
    <name>SignerTableModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Chairman of the People&apos;s Committee</source>
        <translation>Chủ tịch Ủy ban nhân dân</translation>
    </message>
    <message>
        <source>Vice-chairman of the People&apos;s Committee</source>
        <translation>Phó Chủ tịch Ủy ban nhân dân</translation>
    </message>
    <message>
        <source>Party secretary</source>
        <translation>Bí thư Đảng ủy</translation>
    </message>
    <message>
        <source>Deputy Party secretary</source>
        <translation>Phó Bí thư Đảng ủy</translation>
    </message>
    <message>
        <source>Chief of the office</source>
        <translation>Chánh Văn phòng</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
</context>
<context>
    <name>SignersPage</name>
    <message>
        <source>Signers</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Who signs the documents the desk prints, with the title printed under the signature. Leave a line empty if there is nobody yet; signers can be added in Settings.</source>
        <translation>Người ký các văn bản bàn in ra, với chức vụ in dưới chữ ký. Để trống dòng nào chưa có người; có thể thêm người ký trong Cài đặt.</translation>
    </message>
    <message>
        <source>Chairman of the People&apos;s Committee:</source>
        <translation>Chủ tịch UBND:</translation>
    </message>
    <message>
        <source>Vice-chairman:</source>
        <translation>Phó Chủ tịch UBND:</translation>
    </message>
    <message>
        <source>Secretary of the Party Committee:</source>
        <translation>Bí thư Đảng ủy:</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Give the title printed under the signature of {name}.</source>
        <translation>Nhập chức vụ in dưới chữ ký của {name}.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Welcome</source>
        <translation>Chào mừng</translation>
    </message>
    <message>
        <source>This program keeps the reception logbook, cases, leaders&apos; reception sessions, follow-up, documents and reports of a citizen reception desk, on this computer.</source>
        <translation>Chương trình giữ sổ tiếp công dân, vụ việc, lịch tiếp của lãnh đạo, theo dõi đôn đốc, văn bản và báo cáo của bàn tiếp công dân, ngay trên máy tính này.</translation>
    </message>
    <message>
        <source>Set up this unit&apos;s reception desk</source>
        <translation>Thiết lập bàn tiếp công dân của đơn vị</translation>
    </message>
    <message>
        <source>Try the demo desk (invented data of a ward, marked DEMO)</source>
        <translation>Dùng thử bàn mẫu (dữ liệu mẫu của một phường, có chữ DEMO)</translation>
    </message>
    <message>
        <source>The demo desk is a separate file: nothing typed there reaches the real desk, and every page it prints says DEMO. Its account: demo, password demo2026. Start the program again to set up the real desk.</source>
        <translation>Bàn mẫu là một tệp riêng: mọi thứ nhập ở đó không vào bàn thật, và mọi trang in ra đều có chữ DEMO. Tài khoản: demo, mật khẩu demo2026. Mở lại chương trình để thiết lập bàn thật.</translation>
    </message>
    <message>
        <source>Choose how to begin.</source>
        <translation>Chọn cách bắt đầu.</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Upper-level sync</source>
        <extracomment>The history table&apos;s columns and their widths (the messages take what is left). Acknowledgement files: the sync format&apos;s suffix, and the one the consolidation desk writes today. The folder the last package went to or the last file came from, proposed first by the next dialog.</extracomment>
        <translation>Đồng bộ lên cấp trên</translation>
    </message>
    <message>
        <source>Import the upper level&apos;s keys…</source>
        <translation>Nhập khóa của cấp trên…</translation>
    </message>
    <message>
        <source>Create the package for the upper level…</source>
        <translation>Tạo gói gửi cấp trên…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <source>Stop writing the package: no file is left and nothing is marked as sent</source>
        <translation>Dừng ghi gói: không để lại tệp nào, không đánh dấu gì là đã gửi</translation>
    </message>
    <message numerus="yes">
        <source>Writing the package to {folder}: %n record(s) written…</source>
        <translation>
            <numerusform>Đang ghi gói vào {folder}: đã ghi %n bản ghi…</numerusform>
        </translation>
    </message>
    <message>
        <source>The package was stopped: no file was written and nothing was marked as sent.</source>
        <translation>Đã dừng tạo gói: không có tệp nào được ghi, không có gì được đánh dấu đã gửi.</translation>
    </message>
    <message>
        <source>Choose a folder (a USB drive or a synced folder); the package holds every change the upper level has not acknowledged ({keys})</source>
        <translation>Chọn thư mục (ổ USB hoặc thư mục đồng bộ); gói chứa mọi thay đổi cấp trên chưa xác nhận ({keys})</translation>
    </message>
    <message>
        <source>with issued documents</source>
        <translation>kèm văn bản đã ban hành</translation>
    </message>
    <message>
        <source>Adds the documents issued since the last acknowledged package; a document naming a protected person is never sent</source>
        <translation>Thêm các văn bản ban hành từ sau gói được xác nhận gần nhất; văn bản có tên người được bảo vệ không bao giờ được gửi</translation>
    </message>
    <message>
        <source>Import the upper level&apos;s acknowledgement…</source>
        <translation>Nhập giấy xác nhận của cấp trên…</translation>
    </message>
    <message>
        <source>Packages sent</source>
        <translation>Các gói đã gửi</translation>
    </message>
    <message>
        <source>Keys and protected identities</source>
        <translation>Khóa và danh tính được bảo vệ</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Thay đổi số</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Ngày xác nhận</translation>
    </message>
    <message>
        <source>Upper level&apos;s messages</source>
        <translation>Lời nhắn của cấp trên</translation>
    </message>
    <message>
        <source>Save the commune&apos;s public key…</source>
        <translation>Lưu khóa công khai của xã…</translation>
    </message>
    <message>
        <source>The file to hand to the upper level: it checks that the packages come from this desk</source>
        <translation>Tệp để trao cho cấp trên: cấp trên dùng nó để kiểm tra các gói đúng là do bàn này gửi</translation>
    </message>
    <message>
        <source>The commune&apos;s key</source>
        <translation>Khóa của xã</translation>
    </message>
    <message>
        <source>Read these words (or the digits) to the upper level over the phone when it receives the public key file:</source>
        <translation>Khi cấp trên nhận tệp khóa công khai, hãy đọc cho cấp trên qua điện thoại các từ này (hoặc dãy số):</translation>
    </message>
    <message>
        <source>The key file the upper level gave (USB drive, e-mail or portal); then compare its fingerprint by phone</source>
        <translation>Tệp khóa do cấp trên trao (ổ USB, thư điện tử hoặc cổng thông tin); sau đó gọi điện đối chiếu dấu vân tay</translation>
    </message>
    <message>
        <source>The upper level&apos;s key</source>
        <translation>Khóa của cấp trên</translation>
    </message>
    <message>
        <source>Sealed for the upper level (only its authorised staff can open them)</source>
        <translation>Niêm phong cho cấp trên (chỉ người được phép ở cấp trên mở được)</translation>
    </message>
    <message>
        <source>Not sent (the records travel with the identity masked)</source>
        <translation>Không gửi (hồ sơ được gửi với danh tính đã che)</translation>
    </message>
    <message>
        <source>Identities of protected people (denouncers) in the packages</source>
        <translation>Danh tính người được bảo vệ (người tố cáo) trong gói</translation>
    </message>
    <message>
        <source>Finishing the work started before the desk was locked…</source>
        <translation>Đang hoàn tất việc đã bắt đầu trước khi bàn bị khóa…</translation>
    </message>
    <message>
        <source>The upper level returned package no. {sequence}: the next package sends its changes again.</source>
        <translation>Cấp trên đã trả lại gói số {sequence}: gói tiếp theo sẽ gửi lại các thay đổi đó.</translation>
    </message>
    <message>
        <source>Package no. {sequence} ({created}) is waiting for the upper level&apos;s acknowledgement; until then the next package sends its changes again.</source>
        <translation>Gói số {sequence} ({created}) đang chờ cấp trên xác nhận; trước khi có xác nhận, gói tiếp theo vẫn gửi lại các thay đổi đó.</translation>
    </message>
    <message numerus="yes">
        <source>No package sent yet; %n change(s) not sent.</source>
        <translation>
            <numerusform>Chưa gửi gói nào; còn %n thay đổi chưa gửi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent and acknowledged by the upper level up to change no. {watermark}; every change has been sent.</source>
        <translation>Đã gửi và được cấp trên xác nhận đến thay đổi số {watermark}; không còn thay đổi nào chưa gửi.</translation>
    </message>
    <message numerus="yes">
        <source>Sent and acknowledged by the upper level up to change no. {watermark}; %n change(s) not sent yet.</source>
        <translation>
            <numerusform>Đã gửi và được cấp trên xác nhận đến thay đổi số {watermark}; còn %n thay đổi chưa gửi.</numerusform>
        </translation>
    </message>
    <message>
        <source>The upper level&apos;s keys are not imported yet: no package can be made. Get the key file from the upper level, import it and compare its fingerprint by phone.</source>
        <translation>Chưa nhập khóa của cấp trên nên chưa tạo được gói. Hãy nhận tệp khóa từ cấp trên, nhập vào rồi gọi điện đối chiếu dấu vân tay.</translation>
    </message>
    <message>
        <source>The upper level&apos;s keys are not imported yet: no package can be made. Ask an administrator to import the key file from the upper level.</source>
        <translation>Chưa nhập khóa của cấp trên nên chưa tạo được gói. Hãy nhờ quản trị viên nhập tệp khóa do cấp trên trao.</translation>
    </message>
    <message>
        <source>Not imported yet.</source>
        <translation>Chưa nhập.</translation>
    </message>
    <message>
        <source>Packages are encrypted for the upper level&apos;s key: get its key file first.</source>
        <translation>Gói được mã hóa bằng khóa của cấp trên: cần có tệp khóa của cấp trên trước.</translation>
    </message>
    <message>
        <source>Only an administrator can import the upper level&apos;s keys.</source>
        <translation>Chỉ quản trị viên nhập được khóa của cấp trên.</translation>
    </message>
    <message>
        <source>Upper level: {name} (code {code})
Key fingerprint: {words} — {digits}</source>
        <translation>Cấp trên: {name} (mã {code})
Dấu vân tay khóa: {words} — {digits}</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Cấp trên đã nhận</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Cấp trên trả lại</translation>
    </message>
    <message>
        <source>Acknowledgements ({patterns})</source>
        <translation>Tệp xác nhận ({patterns})</translation>
    </message>
    <message>
        <source>{name} (code {code})</source>
        <translation>{name} (mã {code})</translation>
    </message>
    <message numerus="yes">
        <source>No package acknowledged by the upper level yet; %n change(s) waiting for its acknowledgement.</source>
        <translation>
            <numerusform>Cấp trên chưa xác nhận gói nào; còn %n thay đổi chờ cấp trên xác nhận.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send packages only if these words match what the upper level reads to you over the phone.</source>
        <translation>Chỉ gửi gói khi các từ này trùng với các từ cấp trên đọc cho bạn qua điện thoại.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>Reasons: {reasons}</source>
        <translation>Lý do: {reasons}</translation>
    </message>
    <message>
        <source>{file}
SHA-256: {sha256}</source>
        <translation>{file}
Mã băm SHA-256: {sha256}</translation>
    </message>
    <message>
        <source>No package sent yet.</source>
        <translation>Chưa gửi gói nào.</translation>
    </message>
    <message>
        <source>Each package holds every change the upper level has not acknowledged: a lost or returned package loses nothing.</source>
        <translation>Mỗi gói chứa mọi thay đổi cấp trên chưa xác nhận: gói bị mất hay bị trả lại cũng không làm mất dữ liệu.</translation>
    </message>
    <message>
        <source>Applies to the next package.</source>
        <translation>Áp dụng từ gói tiếp theo.</translation>
    </message>
    <message>
        <source>Only an administrator can change this.</source>
        <translation>Chỉ quản trị viên thay đổi được mục này.</translation>
    </message>
    <message>
        <source>Choose the acknowledgement file the upper level sent back ({keys})</source>
        <translation>Chọn tệp xác nhận cấp trên gửi về ({keys})</translation>
    </message>
    <message>
        <source>No package sent yet: there is nothing to acknowledge.</source>
        <translation>Chưa gửi gói nào nên chưa có gì để xác nhận.</translation>
    </message>
    <message>
        <source>Choose the folder for the package (a USB drive or a synced folder)</source>
        <translation>Chọn thư mục lưu gói (ổ USB hoặc thư mục đồng bộ)</translation>
    </message>
    <message>
        <source>Writing the package to {folder} and checking it… this can take a minute.</source>
        <translation>Đang ghi gói vào {folder} và kiểm tra lại… có thể mất khoảng một phút.</translation>
    </message>
    <message numerus="yes">
        <source>Package no. {sequence} written and checked: {file} ({size}, %n record(s)) in {folder}. Take it to the upper level; import its acknowledgement here when it comes back.</source>
        <translation>
            <numerusform>Đã ghi và kiểm tra gói số {sequence}: {file} ({size}, %n bản ghi) trong thư mục {folder}. Hãy chuyển tệp cho cấp trên; khi nhận được giấy xác nhận, nhập vào đây.</numerusform>
        </translation>
    </message>
    <message>
        <source>The package could not be written to {folder}: {reason}</source>
        <translation>Không ghi được gói vào {folder}: {reason}</translation>
    </message>
    <message>
        <source>No package was marked as sent.</source>
        <translation>Không có gói nào được ghi nhận là đã gửi.</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Choose the upper level&apos;s acknowledgement</source>
        <translation>Chọn giấy xác nhận của cấp trên</translation>
    </message>
    <message>
        <source>Checking the acknowledgement {file}…</source>
        <translation>Đang kiểm tra tệp xác nhận {file}…</translation>
    </message>
    <message>
        <source>The upper level accepted package no. {sequence} ({date}).</source>
        <translation>Cấp trên đã nhận gói số {sequence} ({date}).</translation>
    </message>
    <message>
        <source>The upper level returned package no. {sequence} ({date}): the next package sends its changes again.</source>
        <translation>Cấp trên trả lại gói số {sequence} ({date}): gói tiếp theo sẽ gửi lại các thay đổi đó.</translation>
    </message>
    <message>
        <source>Message from the upper level: {text}</source>
        <translation>Lời nhắn của cấp trên: {text}</translation>
    </message>
    <message>
        <source>The acknowledgement {file} could not be read: {reason}</source>
        <translation>Không đọc được tệp xác nhận {file}: {reason}</translation>
    </message>
    <message>
        <source>Nothing was recorded: the package history and what was acknowledged are unchanged.</source>
        <translation>Không ghi nhận gì: lịch sử gói và mốc đã được xác nhận giữ nguyên.</translation>
    </message>
    <message>
        <source>Save the commune&apos;s public key</source>
        <translation>Lưu khóa công khai của xã</translation>
    </message>
    <message>
        <source>Key files (*.json)</source>
        <translation>Tệp khóa (*.json)</translation>
    </message>
    <message>
        <source>The commune&apos;s public key was saved to {path}. Hand it to the upper level, then read it these words over the phone: {words}.</source>
        <translation>Đã lưu khóa công khai của xã vào {path}. Hãy trao tệp cho cấp trên rồi đọc qua điện thoại các từ: {words}.</translation>
    </message>
    <message>
        <source>Choose the upper level&apos;s key file</source>
        <translation>Chọn tệp khóa của cấp trên</translation>
    </message>
    <message>
        <source>Replace the keys of {name} (fingerprint: {words})? The next packages are encrypted for the new keys only: compare the new fingerprint by phone before sending any.</source>
        <translation>Thay khóa của {name} (dấu vân tay: {words})? Các gói sau chỉ được mã hóa bằng khóa mới: hãy gọi điện đối chiếu dấu vân tay mới trước khi gửi gói nào.</translation>
    </message>
    <message>
        <source>The keys of {name} (code {code}) were imported. Now phone the upper level on a number you know (the directory, not one given with the file) and compare the fingerprint: {words} — {digits}. If it does not match, send no package and ask for the key file again.</source>
        <translation>Đã nhập khóa của {name} (mã {code}). Bây giờ hãy gọi điện cho cấp trên theo số đã biết (trong danh bạ, không dùng số gửi kèm tệp) và đối chiếu dấu vân tay: {words} — {digits}. Nếu không trùng khớp, đừng gửi gói nào và hãy xin lại tệp khóa.</translation>
    </message>
    <message>
        <source>Saved: in the next package, the identities of protected people are sealed for the upper level.</source>
        <translation>Đã lưu: từ gói tiếp theo, danh tính người được bảo vệ được niêm phong cho cấp trên.</translation>
    </message>
    <message>
        <source>Saved: the next package does not carry the identities of protected people.</source>
        <translation>Đã lưu: từ gói tiếp theo, danh tính người được bảo vệ không được gửi.</translation>
    </message>
</context>
<context>
    <name>TimeLimitTableModel</name>
    <message>
        <source>Time limit</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Mức quy định</translation>
    </message>
    <message>
        <source>Longer limits</source>
        <translation>Thời hạn dài hơn</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>Hiệu lực từ ngày</translation>
    </message>
    <message>
        <source>Legal source</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Denunciation: record, classify and check</source>
        <translation>Tố cáo: vào sổ, phân loại và kiểm tra</translation>
    </message>
    <message>
        <source>Denunciation: transfer when outside competence</source>
        <translation>Tố cáo: chuyển đơn khi không thuộc thẩm quyền</translation>
    </message>
    <message>
        <source>Denunciation: resolve</source>
        <translation>Tố cáo: giải quyết</translation>
    </message>
    <message>
        <source>Complaint: accept</source>
        <translation>Khiếu nại: thụ lý</translation>
    </message>
    <message>
        <source>Complaint: first decision</source>
        <translation>Khiếu nại: giải quyết lần đầu</translation>
    </message>
    <message>
        <source>Letter handling</source>
        <translation>Xử lý đơn thư</translation>
    </message>
    <message>
        <source>Chairman: reception days per week (minimum)</source>
        <translation>Chủ tịch UBND: số ngày tiếp công dân mỗi tuần (tối thiểu)</translation>
    </message>
    <message>
        <source>Party secretary: reception days per month (minimum)</source>
        <translation>Bí thư Đảng ủy: số ngày tiếp công dân mỗi tháng (tối thiểu)</translation>
    </message>
    <message numerus="yes">
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n ngày làm việc</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n ngày</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n</source>
        <translation>
            <numerusform>ít nhất %n</numerusform>
        </translation>
    </message>
    <message>
        <source>complex case: %1</source>
        <translation>vụ việc phức tạp: %1</translation>
    </message>
    <message>
        <source>remote area: %1</source>
        <translation>vùng sâu, vùng xa: %1</translation>
    </message>
    <message>
        <source>remote and complex: %1</source>
        <translation>vùng sâu, vùng xa và phức tạp: %1</translation>
    </message>
    <message>
        <source>extended: %1</source>
        <translation>gia hạn: %1</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>The unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>The administrative unit of this desk (list of 2025).</source>
        <translation>Đơn vị hành chính của bàn này (danh mục năm 2025).</translation>
    </message>
    <message>
        <source>Province or city:</source>
        <translation>Tỉnh, thành phố:</translation>
    </message>
    <message>
        <source>Commune, ward or special zone:</source>
        <translation>Xã, phường, đặc khu:</translation>
    </message>
    <message>
        <source>Upper level: {name}</source>
        <translation>Cấp trên: {name}</translation>
    </message>
    <message>
        <source>Choose the commune, ward or special zone.</source>
        <translation>Hãy chọn xã, phường hoặc đặc khu.</translation>
    </message>
</context>
<context>
    <name>UpperKeyPage</name>
    <message>
        <source>The upper level</source>
        <translation>Cấp trên</translation>
    </message>
    <message>
        <source>Choose the upper level&apos;s key file…</source>
        <translation>Chọn tệp khóa của cấp trên…</translation>
    </message>
    <message>
        <source>Press Finish: the desk makes the upper level&apos;s keys. Then, on the Consolidation screen, save the public key file for the communes and enrol each commune.</source>
        <translation>Bấm Hoàn tất: bàn tạo khóa của cấp trên. Sau đó, ở màn hình Tổng hợp từ các xã, lưu tệp khóa công khai cho các xã và đăng ký từng xã.</translation>
    </message>
    <message>
        <source>Data go up to the upper level in packages encrypted with its key. Choose the key file it gave you now, or later on the Upper-level sync screen.</source>
        <translation>Dữ liệu gửi lên cấp trên trong các gói mã hóa bằng khóa của cấp trên. Chọn tệp khóa cấp trên đã giao ngay bây giờ, hoặc để sau ở màn hình Đồng bộ lên cấp trên.</translation>
    </message>
    <message>
        <source>{name}: phone the upper level and compare these words (or the digits) before sending data:</source>
        <translation>{name}: gọi điện cho cấp trên và đối chiếu các từ này (hoặc dãy số) trước khi gửi dữ liệu:</translation>
    </message>
    <message>
        <source>Choose the upper level&apos;s key file</source>
        <translation>Chọn tệp khóa của cấp trên</translation>
    </message>
    <message>
        <source>Key files (*.json)</source>
        <translation>Tệp khóa (*.json)</translation>
    </message>
    <message>
        <source>Its key, now or later.</source>
        <translation>Khóa của cấp trên: nhập ngay hoặc để sau.</translation>
    </message>
</context>
<context>
    <name>VillagesPage</name>
    <message>
        <source>Villages and residential groups</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <source>One per line: they are offered when an address is typed. They can be changed in Settings.</source>
        <translation>Mỗi dòng một thôn, tổ dân phố: được gợi ý khi nhập địa chỉ. Có thể sửa trong Cài đặt.</translation>
    </message>
    <message>
        <source>Village 1
Village 2
Residential group 3</source>
        <translation>Thôn 1
Thôn 2
Tổ dân phố 3</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>No.</source>
        <extracomment>Sort names of storage.visits.VISIT_LIST by column (the logbook number sorts newest first only).</extracomment>
        <translation>Số</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày tiếp</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Hướng xử lý</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <source>&lt;b&gt;Citizen reception desk&lt;/b&gt; (ReceptionDesk)&lt;br&gt;Version {version}</source>
        <translation>&lt;b&gt;Bàn tiếp công dân&lt;/b&gt; (ReceptionDesk)&lt;br&gt;Phiên bản {version}</translation>
    </message>
    <message>
        <source>The desk&apos;s data: {path}</source>
        <translation>Dữ liệu của bàn: {path}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>The program is built with these components, each under its own licence. Qt is used as shared libraries under the GNU LGPL v3: they can be replaced with another build of the same version; its source is at qt.io.</source>
        <translation>Chương trình được xây dựng từ các thành phần dưới đây, mỗi thành phần theo giấy phép riêng. Qt được dùng dưới dạng thư viện dùng chung theo giấy phép GNU LGPL v3: có thể thay bằng bản dựng khác cùng phiên bản; mã nguồn có tại qt.io.</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Giấy phép</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
</context>
</TS>
