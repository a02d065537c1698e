"""Renders every screen and dialog, in Vietnamese and English, over a desk filled with demonstration data,
into PNG files (`make screenshots`); the size is a 1366×768 screen at 125% scaling."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from receptiondesk.demo.loader import generate_into
from receptiondesk.domain.cases import CaseDraft, DirectionDraft
from receptiondesk.domain.citizens import CitizenDraft
from receptiondesk.domain.report_periods import months_of_year
from receptiondesk.domain.sessions import SessionDraft
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.messages import LANGUAGES
from receptiondesk.documents.layout import set_page_mark
from receptiondesk.services.consolidation import Enrolment
from receptiondesk.services.report_builder import ALL_UNITS
from receptiondesk.services.desk import Desk
from receptiondesk.services.setup import SignerDraft

#: 1366×768 at 125% leaves this much room in logical pixels (taskbar and frame aside).
WINDOW_SIZE = (1092, 580)
USERNAME, PASSWORD = "canbo", "mật khẩu mẫu 2026"
DEMO_VISITS = 1500
UPPER_CODE, UPPER_NAME = "01", "Ban Tiếp công dân thành phố Hà Nội"
#: The upper level's consolidation desk (its own unit) and its communes, each with what became of its packages:
#: "current" (every package taken), "late" (package 2 held up on the way, package 3 taken; package 2 then waits to
#: be checked, with a case that package 3 carried newer), "refused" (its last package was damaged on the way),
#: "silent" (enrolled, nothing sent yet).
UPPER_DESK_UNIT = "00008"
UPPER_COMMUNES = (("00025", "current"), ("00070", "late"), ("00082", "refused"), ("00097", "silent"))
UPPER_COMMUNE_VISITS = 160


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _grab(widget: QWidget, path: Path) -> None:
    _settle()
    widget.grab().save(str(path))
    print(path)


def _wait(seconds: float, until=lambda: False) -> None:
    """Let the window work (workers, background rendering) for `seconds` at most, or until `until()`."""
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)


def _build_report(screen) -> None:
    """Build the reports screen's chosen report and wait for its worker (the build and PDF take a moment)."""
    screen.build()
    _wait(60, lambda: not screen.busy)
    _settle()


def sync_with_upper_level(desk: Desk, folder: Path) -> None:
    """The upper level's keys imported, one package sent to `folder` and acknowledged with a message."""
    from receptiondesk.sync.ack import Ack, encode_ack
    from receptiondesk.sync.keys import UpperLevelKeys

    folder.mkdir(parents=True, exist_ok=True)
    upper = UpperLevelKeys.generate(UPPER_CODE, UPPER_NAME)
    upper.public().write(folder / "KhoaCapTren.json")
    desk.sync.import_upper_keys(folder / "KhoaCapTren.json")
    info = desk.sync.export(folder)
    issued = (desk.context.clock() + timedelta(hours=2)).isoformat(timespec="seconds")
    ack = Ack(upper.unit_code, upper.unit_name, desk.context.settings.unit_code, info.manifest.sequence,
              info.sha256, True, issued, messages=("Đã nhận đủ. Đề nghị phường gửi gói tiếp theo trước ngày 05.",))
    path = folder / f"XacNhan_{info.manifest.sequence:05d}.rdack"
    path.write_bytes(encode_ack(ack, signing_key=upper))
    desk.sync.import_ack(path)


def fill_demo_desk(desk: Desk, work: Path) -> None:
    """A commune desk with a year of visits sent to the upper level and acknowledged, then today's visits (one a
    delegation) and sessions ahead; packages and key files go to `work`."""
    desk.first_run("00004", USERNAME, "Nguyễn Thị Lan", PASSWORD, PASSWORD)
    desk.setup.update_settings(villages=["Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố Quán Thánh"],
                               officer_name="Nguyễn Thị Lan")
    desk.setup.add_signer(SignerDraft("Trần Văn Hùng", "Chủ tịch UBND phường"))
    today = desk.context.today()
    generate_into(desk.context, "commune", visits=DEMO_VISITS, until=today - timedelta(days=1))
    sync_with_upper_level(desk, work / "usb")
    desk.intake.register_visit(VisitDraft(
        today, CitizenDraft("Lê Thị Mai", id_type="citizen_id", id_number="001190012345", birth_year=1990,
                            gender="female", address="Tổ dân phố 2, Phường Ba Đình, Thành phố Hà Nội",
                            phone="0912345678"),
        "Đề nghị xem xét việc cấp giấy chứng nhận quyền sử dụng đất cho thửa đất số 125",
        DirectionDraft("guided", direction_body="Văn phòng đăng ký đất đai Hà Nội"),
        new_cases=[CaseDraft("petition", "land", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất")]))
    desk.intake.register_visit(VisitDraft(
        today, CitizenDraft("Phạm Văn Thắng", address="Tổ dân phố 1, Phường Ba Đình, Thành phố Hà Nội"),
        "Khiếu nại quyết định thu hồi đất làm đường liên phường", DirectionDraft("accepted"),
        headcount=7, came_as="group_representative", proof_paper="Giấy cử đại diện ngày 20/11",
        representatives=["Phạm Văn Thắng", "Đỗ Thị Hằng"],
        new_cases=[CaseDraft("complaint", "land", "Khiếu nại quyết định thu hồi đất",
                             respondent_body="UBND phường Ba Đình")]))
    for days, leader in ((3, "Trần Văn Hùng"), (17, "Trần Văn Hùng")):
        desk.sessions.schedule(SessionDraft(session_date=today + timedelta(days=days), leader_name=leader,
                                            location="Trụ sở tiếp công dân phường"))
    today_session = desk.sessions.schedule(SessionDraft(session_date=today, leader_name="Trần Văn Hùng",
                                                        location="Trụ sở tiếp công dân phường"))
    for case in desk.sessions.waiting_cases(3):
        desk.sessions.add_case(today_session.uuid, case["uuid"])


def _commune_visit(desk: Desk, name: str) -> str:
    """One more visit today at a commune of the upper desk's screenshots (a change for its next package); returns
    its case's UUID."""
    return desk.intake.register_visit(VisitDraft(
        desk.context.today(), CitizenDraft(name, address="Tổ dân phố 3"), "Phản ánh việc lấn chiếm vỉa hè",
        DirectionDraft("accepted"),
        new_cases=[CaseDraft("report", "housing_construction", "Phản ánh lấn chiếm vỉa hè")])).case_uuids[0]


def fill_upper_desk(upper: Desk, work: Path) -> tuple[Enrolment, Path]:
    """The upper level's desk in consolidation mode with the communes of UPPER_COMMUNES enrolled and their packages
    taken as their story says (each commune a small desk of its own in `work`); returns the last commune's
    enrolment and the package waiting to be checked."""
    from receptiondesk.errors import UserError

    upper.first_run(UPPER_DESK_UNIT, USERNAME, "Đỗ Minh Tuấn", PASSWORD, PASSWORD)
    keys = work / "KhoaCapTren_01.json"
    upper.consolidation.initialise(keys)
    acks = work / "xac-nhan"
    acks.mkdir(parents=True, exist_ok=True)
    consolidation = upper.consolidation
    enrolment, waiting = None, None
    for index, (unit, story) in enumerate(UPPER_COMMUNES):
        folder = work / f"xa-{unit}"
        folder.mkdir(parents=True, exist_ok=True)
        with Desk.open(folder / "desk.sqlite3") as commune:
            commune.first_run(unit, USERNAME, "Cán bộ tiếp dân", PASSWORD, PASSWORD)
            generate_into(commune.context, "commune", visits=UPPER_COMMUNE_VISITS + 40 * index, seed=11 + index,
                          until=commune.context.today() - timedelta(days=1))
            commune.sync.import_upper_keys(keys)
            enrolment = consolidation.enrol(commune.sync.write_commune_public_key(folder / "KhoaCongKhai.json"))
            if story == "silent":
                continue
            first = consolidation.import_package(commune.sync.export(folder).path, ack_folder=acks)
            commune.sync.import_ack(first.ack_path)
            case = _commune_visit(commune, "Nguyễn Văn Bình")
            if story in ("current", "late"):  # last month's report, marked submitted: it travels with the package
                commune.report_builder.mark_submitted(commune.report_builder.build(_last_month(commune), "state"))
            second = commune.sync.export(folder)
            if story == "refused":  # damaged on the way: refused, logged, nothing changed
                data = second.path.read_bytes()
                second.path.write_bytes(data[:300] + bytes([data[300] ^ 1]) + data[301:])
                with contextlib.suppress(UserError):  # the refusal is logged: that is the point
                    consolidation.import_package(second.path)
            elif story == "current":
                commune.sync.import_ack(consolidation.import_package(second.path, ack_folder=acks).ack_path)
            else:  # late: package 3 (the case concluded since, a new visit) arrives first
                commune.cases.conclude(case, "Đã trả lời trực tiếp cho công dân")
                _commune_visit(commune, "Trần Thị Cúc")
                consolidation.import_package(commune.sync.export(folder).path, ack_folder=acks)
                waiting = second.path
    received = consolidation.commune_reports()
    if received:  # the upper level accepted the first report: its period is locked
        consolidation.accept_report(received[-1]["id"])
    return enrolment, waiting


def _last_month(desk: Desk):
    from receptiondesk.ui.screens.reports_screen import last_finished_month

    return last_finished_month(desk.context.today(), None)


def _upper_desk(upper: Desk, lang: str, out_dir: Path, enrolment: Enrolment, waiting: Path) -> list[Path]:
    """The consolidation screen of the upper level's desk: its tabs, a package checked and waiting for "Import",
    and a commune just enrolled with its fingerprint."""
    from receptiondesk.ui.main_window import MainWindow

    window = MainWindow(upper, lang)
    window.resize(*WINDOW_SIZE)
    window.show()
    screen = window.consolidation
    window.show_screen(window.screens.index(screen))
    written = []
    for page in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(page)
        path = out_dir / f"{lang}-upper-consolidation-{page + 1}.png"
        _grab(window, path)
        written.append(path)
    screen.tabs.setCurrentIndex(0)
    screen.check_package(waiting)
    _wait(60, lambda: not screen.busy)
    path = out_dir / f"{lang}-upper-consolidation-check.png"
    _grab(window, path)
    written.append(path)
    screen.cancel_review()
    screen.show_enrolment(enrolment)
    path = out_dir / f"{lang}-upper-consolidation-enrolled.png"
    _grab(window, path)
    written.append(path)
    screen.close_enrolment()
    # The Reports screen: every unit consolidated, the reconciliation of the communes' submitted reports.
    reports = window.reports
    window.show_screen(window.screens.index(reports))
    reports.pick_period(_last_month(upper))
    reports.scope.setCurrentIndex(reports.scope.findData(ALL_UNITS))
    _build_report(reports)
    reports.tabs.setCurrentIndex(reports.tables_tab)
    for key in ("by_unit.reception", "reconciliation"):
        reports.table_choice.setCurrentIndex(reports.table_choice.findData(key))
        _settle()
        path = out_dir / f"{lang}-upper-report-{key.replace('.', '-')}.png"
        _grab(window, path)
        written.append(path)
    window.close()
    return written


def _setup_wizard(empty: Desk, lang: str, out_dir: Path) -> list[Path]:
    """Every page of the first-run set-up, filled as an officer would (nothing is set up: it is not finished)."""
    from receptiondesk.ui.dialogs.setup_wizard import SetupWizard

    wizard = SetupWizard(empty, lang)
    wizard.unit_page.province.setCurrentIndex(wizard.unit_page.province.findData("01"))
    wizard.unit_page.commune.setCurrentIndex(wizard.unit_page.commune.findData("00004"))
    wizard.admin_page.full_name.setText("Nguyễn Thị Lan")
    wizard.admin_page.username.setText("lan")
    for field in (wizard.admin_page.password, wizard.admin_page.repeat):
        field.setText("mật khẩu 2026")
    for role, name in (("chairman", "Lê Văn Hoàng"), ("party_secretary", "Phạm Thị Thu")):
        wizard.signers_page.names[role].setText(name)
    wizard.villages_page.text.setPlainText("Tổ dân phố 1\nTổ dân phố 2\nTổ dân phố 3")
    wizard.show()
    written = []
    for step in range(8):
        path = out_dir / f"{lang}-setup-{step + 1}.png"
        _settle()
        _grab(wizard, path)
        written.append(path)
        wizard.next()
    wizard.close()
    return written


def render(out_dir: Path) -> list[Path]:
    from receptiondesk.demo.demo_desk import open_demo_desk
    from receptiondesk.ui.dialogs.about_dialog import AboutDialog
    from receptiondesk.ui.dialogs.login_dialog import LoginDialog
    from receptiondesk.ui.dialogs.recovery_sheet_dialog import RecoverySheetDialog
    from receptiondesk.ui.gui import start_application
    from receptiondesk.ui.i18n import install_language
    from receptiondesk.ui.main_window import MainWindow

    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="receptiondesk-screens-"))
    os.environ["RECEPTIONDESK_DRAFTS"] = str(work / "drafts")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(work / "config"))
    app, _ = start_application("vi")
    written: list[Path] = []
    with Desk.open(work / "empty.sqlite3") as empty, Desk.open(work / "desk.sqlite3") as desk, \
            Desk.open(work / "upper.sqlite3") as upper:
        fill_demo_desk(desk, work)
        enrolment, waiting = fill_upper_desk(upper, work)
        for lang in LANGUAGES:
            install_language(app, lang)
            written += _setup_wizard(empty, lang, out_dir)
            dialogs = {"login": LoginDialog(desk, lang), "about": AboutDialog(desk.database.path),
                       "recovery-sheet": RecoverySheetDialog("Phường Ba Đình", USERNAME,
                                                             "7KQ2-M9XA-4RTD-PW3H-JN6C-V8EF-2GZL-5BUY")}
            for name, dialog in dialogs.items():
                dialog.show()
                path = out_dir / f"{lang}-dialog-{name}.png"
                _grab(dialog, path)
                written.append(path)
                dialog.close()
            with open_demo_desk(work / "demo-data") as demo:  # the demonstration desk, as it opens
                demo_window = MainWindow(demo, lang)
                demo_window.resize(*WINDOW_SIZE)
                demo_window.show()
                _wait(0.5)
                path = out_dir / f"{lang}-demo-desk.png"
                _grab(demo_window, path)
                written.append(path)
                demo_window.close()
            set_page_mark("")
            window = MainWindow(desk, lang)
            window.resize(*WINDOW_SIZE)
            window.show()
            for index, screen in enumerate(window.screens):
                window.show_screen(index)
                if screen is window.reports:  # the last finished month's report, built as the officer would
                    _build_report(screen)
                name = type(screen).__name__.removesuffix("Screen").lower()
                tabs = screen.findChildren(QTabWidget)
                pages = range(tabs[0].count()) if tabs else [None]
                for page in pages:
                    if page is not None:
                        tabs[0].setCurrentIndex(page)
                    if screen is window.reports:  # the PDF preview draws its pages in the background
                        _wait(0.8)
                    suffix = f"-{page + 1}" if page is not None else ""
                    path = out_dir / f"{lang}-{index + 1}-{name}{suffix}.png"
                    _grab(window, path)
                    written.append(path)
            if window.intake is not None:
                window.show_screen(window.screens.index(window.intake))
                window.intake.id_number.setText("001190012345")
                window.intake.look_up_now()
                path = out_dir / f"{lang}-intake-returning.png"
                _grab(window, path)
                written.append(path)
                window.intake.start_new()
                window.intake.save()
                path = out_dir / f"{lang}-intake-problems.png"
                _grab(window, path)
                written.append(path)
                window.intake.start_new()
            if window.reports is not None:  # a period without data: the warning above the preview
                window.show_screen(window.screens.index(window.reports))
                window.reports.pick_period(months_of_year(desk.context.today().year - 3, 6))
                _build_report(window.reports)
                window.reports.tabs.setCurrentIndex(window.reports.narrative_tab)
                path = out_dir / f"{lang}-reports-no-data.png"
                _grab(window, path)
                written.append(path)
            written += _dialogs(desk, window, lang, out_dir)
            written += _import_wizard(desk, window, lang, out_dir, work / "so-tiep-cong-dan-2019.xlsx")
            if window.settings is not None:  # what a commune's desk says of the consolidation mode (from Settings)
                window.show_consolidation()
                path = out_dir / f"{lang}-consolidation-off.png"
                _grab(window, path)
                written.append(path)
            window.close()
            written += _upper_desk(upper, lang, out_dir, enrolment, waiting)
    return written


def _dialogs(desk: Desk, window, lang: str, out_dir: Path) -> list[Path]:
    """The dialogs opened from the screens: a case's history, holding today's session, a notice to issue."""
    from receptiondesk.storage.listing import ListRequest
    from receptiondesk.ui.dialogs.case_detail_dialog import CaseDetailDialog
    from receptiondesk.ui.dialogs.document_dialog import DocumentDialog
    from receptiondesk.ui.dialogs.hold_session_dialog import HoldSessionDialog

    today = desk.context.today().isoformat()
    planned = desk.sessions.list(ListRequest(filters={"status": "planned", "date_from": today, "date_to": today}))
    held = desk.sessions.list(ListRequest(filters={"status": "held"}, sort="newest"), limit=1)
    busiest = desk.cases.list(ListRequest(filters={"status": "in_progress"}), limit=1)
    dialogs = {}
    if busiest:
        dialogs["case-detail"] = CaseDetailDialog(desk, busiest[0]["uuid"], lang, window)
    if planned:
        dialogs["hold-session"] = HoldSessionDialog(desk, planned[0]["uuid"], lang, window)
    if held:
        dialogs["conclusion-notice"] = DocumentDialog(desk, desk.paperwork.conclusion_notice(held[0]["uuid"]), lang,
                                                      window)
    written = []
    for name, dialog in dialogs.items():
        dialog.resize(*WINDOW_SIZE)
        dialog.show()
        path = out_dir / f"{lang}-dialog-{name}.png"
        _grab(dialog, path)
        written.append(path)
        dialog.close()
    return written


def write_old_logbook(path: Path) -> Path:
    """A commune's logbook of 2019 as officers kept it in Excel: title rows, the form's column titles with a column
    of their own (the officer on duty), the handling ticked, named or noted, some rows typed in TCVN3 with a
    .VnTime font, a row without a number, one without a date, and a total row."""
    import openpyxl
    from openpyxl.styles import Font

    from receptiondesk.domain.legacy_text import Encoding, from_unicode

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sổ 2019"
    for row, title in enumerate(("ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH", "SỔ TIẾP CÔNG DÂN", "Năm 2019"), start=1):
        sheet.cell(row=row, column=1, value=title)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=11)
    sheet.append([])
    sheet.append(["STT", "Ngày tiếp", "Họ tên, địa chỉ của người được tiếp", "Số CCCD/CMND", "Nội dung vụ việc",
                  "Phân loại", "Số người", "Thuộc thẩm quyền", "Hướng dẫn", "Cán bộ tiếp", "Ghi chú"])
    people = [("Nguyễn Văn Hải", "Tổ dân phố 1"), ("Trần Thị Lan", "Tổ dân phố 2"), ("Lê Văn Phúc", "Tổ dân phố 3"),
              ("Phạm Thị Thu", "Tổ dân phố Quán Thánh"), ("Hoàng Văn Dũng", "Tổ dân phố 5"),
              ("Đỗ Thị Hương", "Tổ dân phố 6"), ("Vũ Văn Tùng", "Tổ dân phố 1"), ("Bùi Thị Ngọc", "Tổ dân phố 4")]
    matters = [("Đề nghị cấp giấy chứng nhận quyền sử dụng đất", "Kiến nghị"),
               ("Khiếu nại việc thu hồi đất làm đường", "Khiếu nại"),
               ("Phản ánh tiếng ồn của xưởng gỗ ban đêm", "Phản ánh"),
               ("Hỏi về chế độ người có công với cách mạng", "Kiến nghị"),
               ("Tranh chấp lối đi chung với hộ liền kề", "Kiến nghị")]
    number = 0
    for index in range(22):
        name, address = people[index % len(people)]
        summary, kind = matters[index % len(matters)]
        day = datetime(2019, 3 + index // 6, 4 + (index * 3) % 24)
        number += 1
        row = [number, day, f"{name}, {address}", f"0011900{12345 + index * 7:05d}", summary, kind,
               3 if index % 7 == 3 else 1, "x" if index % 3 == 0 else None,
               "Văn phòng đăng ký đất đai" if index % 3 == 1 else None, "Nguyễn Thị Lan",
               "Trả lời ngay" if index % 3 == 2 else None]
        legacy = index % 5 == 2
        if legacy:
            row[2], row[4] = (from_unicode(row[2], Encoding.TCVN3), from_unicode(row[4], Encoding.TCVN3))
        if index == 9:
            row[0] = None
            number -= 1
        if index == 14:
            row[1] = None
        if index == 17:
            row[5] = "Khác"
        sheet.append(row)
        if legacy:
            for column in (3, 5):
                sheet.cell(row=sheet.max_row, column=column).font = Font(name=".VnTime")
    sheet.append(["Tổng cộng", None, None, None, None, None, 22])
    book.save(path)
    return path


def _import_wizard(desk: Desk, window, lang: str, out_dir: Path, workbook: Path) -> list[Path]:
    """The import wizard over an old logbook: its columns matched, then its row report (nothing is imported)."""
    from receptiondesk.ui.dialogs.excel_import_wizard import ExcelImportWizard

    if not workbook.exists():
        write_old_logbook(workbook)
    wizard = ExcelImportWizard(desk, lang, window)
    wizard.resize(*WINDOW_SIZE)
    wizard.show()
    wizard.open_file(workbook)
    _wait(30, lambda: not wizard.running)
    wizard.go_on()  # the sheet proposed
    written = []
    path = out_dir / f"{lang}-dialog-import-mapping.png"
    _grab(wizard, path)
    written.append(path)
    wizard.go_on()  # the rows checked
    _wait(60, lambda: not wizard.running)
    path = out_dir / f"{lang}-dialog-import-report.png"
    _grab(wizard, path)
    written.append(path)
    wizard.close_wizard()
    return written


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0] if argv else "screenshots")
    written = render(out_dir)
    print(f"{len(written)} screenshots in {out_dir}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
