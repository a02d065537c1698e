<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
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
    <name>FirstRunDialog</name>
    <message>
        <source>Set up the citizen reception desk</source>
        <translation>Thiết lập bàn tiếp công dân</translation>
    </message>
    <message>
        <source>Choose the administrative unit (commune, ward or special zone) of this reception desk and create the administrator account (usually the reception officer).</source>
        <translation>Chọn đơn vị hành chính (xã, phường, đặc khu) của bàn tiếp công dân này và tạo tài khoản quản trị (thường là cán bộ tiếp công dân).</translation>
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
        <source>Province or city:</source>
        <translation>Tỉnh, thành phố:</translation>
    </message>
    <message>
        <source>Commune, ward or special zone:</source>
        <translation>Xã, phường, đặc khu:</translation>
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
    <message>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
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
</context>
<context>
    <name>LogbookScreen</name>
    <message>
        <source>Search by name, address or content (with or without diacritics)</source>
        <translation>Tìm theo họ tên, địa chỉ hoặc nội dung (gõ có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Dừng tải</translation>
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
    <message numerus="yes">
        <source>Logbook: %n visit(s)</source>
        <translation>
            <numerusform>Sổ tiếp công dân: %n lượt tiếp</numerusform>
        </translation>
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
        <extracomment>How often the desk file&apos;s presence is checked (a USB drive can be pulled out at any time).</extracomment>
        <translation>Bàn tiếp công dân</translation>
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
    <name>VisitTableModel</name>
    <message>
        <source>No.</source>
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
</TS>
