"""The logbook screen: every visit, newest first, searchable with or without diacritics and narrowed to a range of
visit dates; the logbook as filtered by the dates exports to Excel or CSV. The search box also checks a printed
document: a scanned QR code (a USB scanner types it and presses Enter) or a typed document number shows, under the
table, which document it is and whether it matches the register. A user who may record brings an old logbook kept
in Excel into the desk from here (the import wizard, Ctrl+I)."""

from __future__ import annotations

import re
import unicodedata
from html import escape

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.domain.accounts import Permission
from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk
from receptiondesk.services.issuing import ScanResult
from receptiondesk.storage.listing import ListRequest
from receptiondesk.ui.dialogs.excel_import_wizard import ExcelImportWizard
from receptiondesk.ui.look import local_shortcut
from receptiondesk.ui.models.visit_table_model import VisitTableModel
from receptiondesk.ui.widgets.export_button import STYLES, ExportButton
from receptiondesk.ui.workers.paged_list_worker import PagedListWorker

SEARCH_LIMIT = 1000
SEARCH_DELAY_MS = 250
COLUMN_WIDTHS = (80, 90, 170, 200, 330, 90, 70)
#: Visit dates at this day or before mean "no bound" (the date boxes show "any" there).
NO_DATE = QDate(2000, 1, 1)
#: The order the screen lists the logbook in (and exports it in): the newest visit first.
LIST_SORT = "newest"
#: What a printed document's QR code starts with ("RD1|<unit>|<number>|<date>|<hash>").
QR_PREFIX = "RD1|"
#: A typed document number: digits, then "/" or "-" and letter groups ("05/TB-UBND", "12-TB/ĐU",
#: "15/UBND-TCD"), perhaps after "Số" or "Số:".
DOCUMENT_NUMBER = re.compile(r"^(?:số\s*:?\s*)?\d{1,5}\s*[/-]\s*[^\W\d_]+(?:\s*[/-]\s*[^\W\d_]+)+$", re.IGNORECASE)
IMPORT_SHORTCUT = "Ctrl+I"
MATCH_COLOUR = "#1b5e20"
MISMATCH_COLOUR = "#b00020"


def is_document_lookup(text: str) -> bool:
    """Whether the search text is a scanned QR code or a document number rather than words to find visits by."""
    text = unicodedata.normalize("NFC", text).strip()
    return text.upper().startswith(QR_PREFIX) or bool(DOCUMENT_NUMBER.match(text))


class LogbookScreen(QWidget):
    """The logbook table with a search box and a range of visit dates; rows are loaded a page at a time."""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, address or content (with or without diacritics)"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Scan a printed document's QR code, or type its number (05/TB-UBND), "
                                       "to check it"))
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        dates_label = QLabel(self.tr("Visit date"))
        dates_label.setBuddy(self.date_from)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addSpacing(8)
        top.addWidget(dates_label)
        top.addWidget(self.date_from)
        top.addWidget(QLabel("–"))
        top.addWidget(self.date_to)
        self.model = VisitTableModel(desk.logbook, lang, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.scan = QLabel()  # which document a scanned code or typed number is, and whether it matches
        self.scan.setTextFormat(Qt.TextFormat.RichText)
        self.scan.setWordWrap(True)
        self.scan.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scan.hide()
        self.scan_result: ScanResult | None = None
        self.count = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: SQLite cannot say how far it is
        self.progress.setMaximumWidth(200)
        self.cancel_button = QPushButton(self.tr("Stop loading"))
        self.cancel_button.clicked.connect(self.cancel_loading)
        self._shown: ListRequest | None = None  # the request of the logbook shown (None: a search, or nothing)
        self.export_button = ExportButton(desk, "logbook", lambda: self._shown, lang, parent=self,
                                          expected_rows=self._expected_rows)
        self.export_button.reported.connect(self._exported)
        self.import_button = QPushButton(self.tr("Import an old logbook from Excel… ({keys})").format(
            keys=IMPORT_SHORTCUT))
        self.import_button.setToolTip(self.tr("Bring the visits of a logbook kept in Excel or CSV into the desk: "
                                              "you see what becomes of every row before anything is written"))
        self.import_button.clicked.connect(self.import_old_logbook)
        local_shortcut(self, IMPORT_SHORTCUT, self.import_old_logbook)
        self.import_wizard: ExcelImportWizard | None = None
        self._show_importable()
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.progress)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.import_button)
        footer.addWidget(self.export_button)
        self._show_loading(False)
        self._worker: PagedListWorker | None = None
        self._show_exportable()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.scan)
        layout.addLayout(footer)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._entered)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._timer.start)
        for first, second in ((self.search, self.date_from), (self.date_from, self.date_to),
                              (self.date_to, self.table)):
            QWidget.setTabOrder(first, second)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        return edit

    def title(self) -> str:
        return self.tr("Logbook")

    def clear(self) -> None:
        """Forget what is shown (the desk was locked); a running export stops, an import wizard closes."""
        self.cancel_loading()
        self.export_button.stop()
        self._close_import_wizard()
        self.model.set_ids([])
        self.count.clear()
        self._hide_document()
        self._shown = None
        self._show_exportable()

    def request(self) -> ListRequest:
        """The logbook the visit dates ask for, newest first (a typed search aside)."""
        filters = {}
        if self.date_from.date() > NO_DATE:
            filters["date_from"] = self.date_from.date().toString("yyyy-MM-dd")
        if self.date_to.date() > NO_DATE:
            filters["date_to"] = self.date_to.date().toString("yyyy-MM-dd")
        return ListRequest(filters=filters, sort=LIST_SORT)

    def _entered(self) -> None:
        """Enter (a scanner ends its code with it): look now, and select the text so the next scan replaces it."""
        self._timer.stop()
        self.refresh()
        if not self.scan.isHidden():
            self.search.selectAll()

    def refresh(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        self.cancel_loading()
        self.count.setStyleSheet("")
        self.export_button.apply_permissions()
        self._show_importable()
        self._shown = None
        self._show_exportable()
        request = self.request()
        if is_document_lookup(text):
            self._show_document(text)
            return
        self._hide_document()
        if text:
            ids = [row["id"] for row in self.desk.logbook.search(text, limit=SEARCH_LIMIT)
                   if self._within_dates(row["visit_date"], request)]
            self.count.setText(self.tr("%n visit(s) found", "", len(ids)))
            self.model.set_ids(ids)
            return
        self._shown = request
        self._show_exportable()
        # The whole logbook can hold a million visits at the upper level: read its ids off the GUI thread.
        logbook = self.desk.logbook
        worker = PagedListWorker(self.desk.context.database.reader, None,
                                 lambda conn: logbook.visit_ids(request, connection=conn), self)
        worker.loaded.connect(self._loaded)
        worker.failed.connect(self._failed)
        worker.finished.connect(lambda: self._show_loading(False) if worker is self._worker else None)
        self._worker = worker
        self.count.setText(self.tr("Loading the logbook…"))
        self._show_loading(True)
        worker.start()

    # -- a printed document, scanned or typed --------------------------------------------------------
    def _show_document(self, text: str) -> None:
        """Which document the code or number is and whether it matches, under the (emptied) table."""
        self.model.set_ids([])
        self.count.clear()
        self.scan.show()
        try:
            result = self.desk.documents.verify_scan(text)
        except UserError as error:
            self.scan_result = None
            self.scan.setText(self._verdict(False, self.tr("This document could not be checked: {reason}").format(
                reason=error.render(self._lang))))
            return
        self.scan_result = result
        lines = []
        document = result.document
        if document is not None:
            day = "/".join(reversed(document["issued_on"].split("-")))
            lines.append(escape(self.tr("Document No. {number} of {date}: {title}").format(
                number=document["number_text"], date=day, title=document["title"])))
        lines.append(self._verdict(result.matches, result.explain(self._lang)))
        if result.count > 1:
            lines.append(escape(self.tr("%n document(s) carry this number; the one shown fits best.", "",
                                        result.count)))
        self.scan.setText("<br>".join(lines))

    def _verdict(self, matches: bool, reason: str) -> str:
        """'matches' in green or 'does not match' in red, then why."""
        colour, word = (MATCH_COLOUR, self.tr("matches")) if matches else (MISMATCH_COLOUR, self.tr("does not match"))
        return f'<b style="color: {colour};">{escape(word)}</b> — {escape(reason)}'

    def _hide_document(self) -> None:
        self.scan.hide()
        self.scan.clear()
        self.scan_result = None

    @staticmethod
    def _within_dates(day: str, request: ListRequest) -> bool:
        """A found visit's date within the visit dates chosen (ISO dates compare as text)."""
        return request.filters.get("date_from", day) <= day <= request.filters.get("date_to", day)

    def _loaded(self, ids: list[int]) -> None:
        self.model.set_ids(ids)
        self.count.setText(self.tr("Logbook: %n visit(s)", "", len(ids)))

    # -- importing an old logbook --------------------------------------------------------------------
    def _may_record(self) -> bool:
        session = self.desk.context.session
        return session is not None and session.user.may(Permission.RECORD)

    def _show_importable(self) -> None:
        """The import is offered to users who may record visits."""
        self.import_button.setVisible(self._may_record())

    def import_old_logbook(self) -> ExcelImportWizard | None:
        """Open the import wizard (window-modal); the logbook is read again once rows were imported."""
        if not self._may_record():
            return None
        if self.import_wizard is not None:
            self.import_wizard.raise_()
            return self.import_wizard
        wizard = ExcelImportWizard(self.desk, self._lang, self)
        wizard.imported.connect(lambda _report: self.refresh())
        wizard.finished.connect(self._import_wizard_closed)
        self.import_wizard = wizard
        wizard.open()
        return wizard

    def _import_wizard_closed(self) -> None:
        wizard, self.import_wizard = self.import_wizard, None
        if wizard is not None:
            wizard.deleteLater()
        self.table.setFocus()

    def _close_import_wizard(self) -> None:
        if self.import_wizard is not None:
            self.import_wizard.close_wizard()

    # -- exporting -----------------------------------------------------------------------------------
    def _show_exportable(self) -> None:
        """The logbook as listed by the dates exports; a search's findings do not (the export knows no search)."""
        self.export_button.set_available(self._shown is not None, self.tr(
            "Only the logbook as narrowed by the visit dates can be exported: clear the search box first."))

    def _expected_rows(self) -> int | None:
        """The rows the export will write, once the list has finished loading."""
        loading = self._worker is not None and self._worker.isRunning()
        return self.model.rowCount() if self._shown is not None and not loading else None

    def _exported(self, outcome: str, text: str) -> None:
        self.count.setStyleSheet(STYLES[outcome])
        self.count.setText(text)

    def _failed(self, error: Exception) -> None:
        reason = error.render(self._lang) if isinstance(error, UserError) else str(error)
        self.count.setText(self.tr("The logbook could not be read: {reason}").format(reason=reason))

    def _show_loading(self, loading: bool) -> None:
        self.progress.setVisible(loading)
        self.cancel_button.setVisible(loading)

    def cancel_loading(self) -> None:
        """Stop a running read (Stop loading, a new search, or the desk locking)."""
        worker, self._worker = self._worker, None
        if worker is not None and worker.isRunning():
            worker.cancel()
            worker.wait()
            self.count.setText(self.tr("Loading stopped."))
        self._show_loading(False)

    def close_screen(self) -> None:
        self._timer.stop()
        self.cancel_loading()
        self._close_import_wizard()
        self.export_button.stop(wait=True)
        self.close()

