"""The cases screen: every case, filtered and sorted in SQL, instant on a province file; Enter opens a case, and
the list as filtered and sorted exports to Excel or CSV."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
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

from receptiondesk.domain.cases import CaseStatus, ContentType
from receptiondesk.errors import UserError
from receptiondesk.messages import enum_label, field_label
from receptiondesk.services.desk import Desk
from receptiondesk.storage.listing import ListRequest
from receptiondesk.ui.dialogs.case_detail_dialog import CaseDetailDialog
from receptiondesk.ui.models.case_table_model import CaseTableModel
from receptiondesk.ui.models.paged_id_table_model import PAGE_SIZE
from receptiondesk.ui.widgets.compact_combo import compact
from receptiondesk.ui.widgets.export_button import STYLES, ExportButton
from receptiondesk.ui.workers.paged_list_worker import PagedListWorker

FILTER_DELAY_MS = 250
#: Received dates at this day or before mean "no bound" (the date boxes show "any" there).
NO_DATE = QDate(2000, 1, 1)
#: Column widths; the date columns fit a date at the font's size, the content column takes what is left.
COLUMN_WIDTHS = (0, 72, 104, 124, 200, 104, 104, 0, 42)
#: Which widget a problem's field names, for moving the cursor there.
FIELD_WIDGETS = {"match": "search", "respondent": "respondent", "content_type": "content_type",
                 "field_code": "field_code", "status": "status", "in_competence": "competence",
                 "received_from": "received_from", "received_to": "received_to", "overdue_on": "overdue"}


class CasesScreen(QWidget):
    """Filters above, the case list below; the first page shows at once, the rest loads on a worker."""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self._worker: PagedListWorker | None = None
        self._retiring: set[PagedListWorker] = set()
        self._fields_loaded = False
        self._shown: ListRequest | None = None  # the request of the list shown (None: nothing is)
        self.detail: CaseDetailDialog | None = None
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        for signal in (self.search.textChanged, self.respondent.textChanged, self.content_type.currentIndexChanged,
                       self.field_code.currentIndexChanged, self.status.currentIndexChanged,
                       self.competence.currentIndexChanged, self.received_from.dateChanged,
                       self.received_to.dateChanged, self.overdue.toggled):
            signal.connect(self._filters_changed)
        self.model.sort_changed.connect(self._sorted)

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        lang = self._lang
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Citizen, respondent or content (with or without diacritics)"))
        self.search.setClearButtonEnabled(True)
        self.respondent = QLineEdit()
        self.respondent.setPlaceholderText(self.tr("Name or body"))
        self.respondent.setClearButtonEnabled(True)
        self.content_type = self._combo("content_type", ContentType)
        self.field_code = compact(QComboBox(), 14)
        self.field_code.addItem(self.tr("All"), None)
        self.status = self._combo("case_status", CaseStatus)
        self.competence = compact(QComboBox(), 12)
        self.competence.addItem(self.tr("All"), None)
        self.competence.addItem(self.tr("In competence"), True)
        self.competence.addItem(self.tr("Not in competence"), False)
        self.received_from = self._date_edit()
        self.received_to = self._date_edit()
        self.overdue = QCheckBox(self.tr("Overdue today"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)

        filters = QGridLayout()
        filters.setHorizontalSpacing(6)
        filters.setVerticalSpacing(4)
        filters.addWidget(self._label(self.tr("Search"), self.search), 0, 0)
        filters.addWidget(self.search, 0, 1, 1, 3)
        filters.addWidget(self._label(self.tr("Respondent"), self.respondent), 0, 4)
        filters.addWidget(self.respondent, 0, 5)
        filters.addWidget(self._label(field_label("content_type", lang), self.content_type), 1, 0)
        filters.addWidget(self.content_type, 1, 1)
        filters.addWidget(self._label(field_label("field_code", lang), self.field_code), 1, 2)
        filters.addWidget(self.field_code, 1, 3)
        filters.addWidget(self._label(field_label("status", lang), self.status), 1, 4)
        filters.addWidget(self.status, 1, 5)
        filters.addWidget(self._label(self.tr("Competence"), self.competence), 2, 0)
        filters.addWidget(self.competence, 2, 1)
        filters.addWidget(self._label(self.tr("Received"), self.received_from), 2, 2)
        dates = QHBoxLayout()
        dates.setSpacing(4)
        dates.addWidget(self.received_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.received_to)
        dates.addStretch(1)
        filters.addLayout(dates, 2, 3)
        checks = QHBoxLayout()
        checks.addWidget(self.overdue)
        checks.addStretch(1)
        checks.addWidget(self.clear_button)
        filters.addLayout(checks, 2, 4, 1, 2)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 2)
        filters.setColumnStretch(5, 2)

        self.model = CaseTableModel(self.desk.cases, self._lang, today=self.desk.context.today, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        date_width = metrics.horizontalAdvance("00/00/0000") + 18
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width or date_width)
        type_width = max(metrics.horizontalAdvance(enum_label("content_type", t.value, self._lang))
                         for t in ContentType) + 14
        self.table.setColumnWidth(self.model.COLUMNS.index("content_type"), min(max(type_width, 64), 110))
        header.setSectionResizeMode(self.model.COLUMNS.index("summary"), QHeaderView.ResizeMode.Stretch)
        column, order = self.model.current_sort()
        header.setSortIndicator(column, order)
        self.table.setSortingEnabled(True)  # a header click calls model.sort: the list is sorted again in SQL
        header.sortIndicatorChanged.connect(self._keep_indicator_on_sortable)
        self.table.activated.connect(self._activated)  # Enter, or a double click

        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.count = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: SQLite cannot say how far it is
        self.progress.setMaximumWidth(160)
        self.cancel_button = QPushButton(self.tr("Stop loading"))
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.open_button = QPushButton(self.tr("Open the case"))
        self.open_button.setToolTip(self.tr("Enter or double click"))
        self.open_button.clicked.connect(self.open_current)
        self.export_button = ExportButton(self.desk, "cases", lambda: self._shown, self._lang, parent=self,
                                          expected_rows=self._expected_rows)
        self.export_button.reported.connect(self._exported)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.progress)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.export_button)
        footer.addWidget(self.open_button)
        self._show_loading(False)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        QWidget.setTabOrder(self.search, self.respondent)
        QWidget.setTabOrder(self.respondent, self.content_type)
        QWidget.setTabOrder(self.content_type, self.field_code)
        QWidget.setTabOrder(self.field_code, self.status)
        QWidget.setTabOrder(self.status, self.competence)
        QWidget.setTabOrder(self.competence, self.received_from)
        QWidget.setTabOrder(self.received_from, self.received_to)
        QWidget.setTabOrder(self.received_to, self.overdue)
        QWidget.setTabOrder(self.overdue, self.clear_button)
        QWidget.setTabOrder(self.clear_button, self.table)
        QWidget.setTabOrder(self.table, self.export_button)
        QWidget.setTabOrder(self.export_button, self.open_button)
        self.setFocusProxy(self.search)
        self._show_exportable()

    def _combo(self, kind: str, values) -> QComboBox:
        combo = compact(QComboBox(), 12)
        combo.addItem(self.tr("All"), None)
        for value in values:
            combo.addItem(enum_label(kind, value.value, self._lang), value.value)
        return combo

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        return edit

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def title(self) -> str:
        return self.tr("Cases")

    # -- filters -------------------------------------------------------------------------------
    def _load_fields(self) -> None:
        """The field combo and the model's field names, from the desk's editable list (inactive ones too: old
        cases keep them)."""
        fields = self.desk.setup.fields(include_inactive=True)
        names = {f["code"]: (f["name_en"] if self._lang == "en" and f["name_en"] else f["name_vi"]) for f in fields}
        self.model.set_field_names(names)
        chosen = self.field_code.currentData()
        self.field_code.blockSignals(True)
        self.field_code.clear()
        self.field_code.addItem(self.tr("All"), None)
        for code, name in names.items():
            self.field_code.addItem(name, code)
        index = self.field_code.findData(chosen)
        self.field_code.setCurrentIndex(index if index >= 0 else 0)
        self.field_code.blockSignals(False)
        self._fields_loaded = True

    def _filters_changed(self, *_changed) -> None:
        """Read again once the officer pauses (every key or arrow press restarts the wait)."""
        self._timer.start()

    def request(self) -> ListRequest:
        """The list the filters and the sort ask for."""
        filters: dict[str, Any] = {
            "match": self.search.text().strip() or None,
            "respondent": self.respondent.text().strip() or None,
            "content_type": self.content_type.currentData(),
            "field_code": self.field_code.currentData(),
            "status": self.status.currentData(),
            "in_competence": self.competence.currentData(),
        }
        if self.received_from.date() > NO_DATE:
            filters["received_from"] = self.received_from.date().toString("yyyy-MM-dd")
        if self.received_to.date() > NO_DATE:
            filters["received_to"] = self.received_to.date().toString("yyyy-MM-dd")
        if self.overdue.isChecked():
            filters["overdue_on"] = self.desk.context.today().isoformat()
        return ListRequest(filters={k: v for k, v in filters.items() if v is not None},
                           sort=self.model.current_sort_name())

    def clear_filters(self) -> None:
        widgets = (self.search, self.respondent, self.content_type, self.field_code, self.status, self.competence,
                   self.received_from, self.received_to, self.overdue)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.respondent.clear()
        for combo in (self.content_type, self.field_code, self.status, self.competence):
            combo.setCurrentIndex(0)
        self.received_from.setDate(NO_DATE)
        self.received_to.setDate(NO_DATE)
        self.overdue.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self.refresh()
        self.search.setFocus()

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list again with the current filters and sort: first page, then every id, on a worker."""
        self._timer.stop()
        if not self._fields_loaded and self.desk.context.session is not None:
            self._load_fields()
        self._retire_worker()
        self._show_error(None)
        self.export_button.apply_permissions()
        request = self.request()
        self._shown = request
        self._show_exportable()
        self.count.setStyleSheet("")
        cases = self.desk.cases
        worker = PagedListWorker(
            self.desk.context.database.reader,
            lambda conn: cases.list(request, limit=PAGE_SIZE, connection=conn),
            lambda conn: cases.id_array(request, connection=conn), self)
        worker.first_page.connect(self._first_page)
        worker.loaded.connect(self._loaded)
        worker.failed.connect(self._failed)
        worker.finished.connect(self._worker_finished)
        self._worker = worker
        self.count.setText(self.tr("Loading the cases…"))
        self._show_loading(True)
        worker.start()

    def _first_page(self, rows: list[dict[str, Any]]) -> None:
        if self.sender() is not self._worker:
            return
        self.model.show_first_page(rows)
        if len(rows) < PAGE_SIZE:  # the whole list fits one page: nothing more will change what is shown
            self.count.setText(self.tr("%n case(s)", "", len(rows)))
        else:
            self.count.setText(self.tr("Loading the cases… the first %n are shown", "", len(rows)))

    def _loaded(self, ids) -> None:
        if self.sender() is not self._worker:
            return
        self.model.set_ids(ids, keep_pages=True)
        self.count.setText(self.tr("%n case(s)", "", len(ids)))

    def _failed(self, error: Exception) -> None:
        if self.sender() is not self._worker:
            return
        self.model.set_ids([])
        self.count.clear()
        self._shown = None
        self._show_exportable()
        self._show_error(error)

    def _worker_finished(self) -> None:
        worker = self.sender()
        if worker is self._worker:
            self._show_loading(False)
            self._worker = None
        self._retiring.discard(worker)
        if worker is not None:
            worker.deleteLater()

    def _retire_worker(self) -> None:
        """Cancel the running read without waiting for it (the GUI thread never blocks on SQLite); it ends at
        SQLite's next progress check and anything it still sends is ignored."""
        worker, self._worker = self._worker, None
        if worker is not None and worker.isRunning():
            worker.cancel()
            self._retiring.add(worker)
        self._show_loading(False)

    def cancel_loading(self) -> None:
        """Stop a running read (Stop loading): what is shown so far stays."""
        running = self._worker is not None and self._worker.isRunning()
        self._retire_worker()
        if running:
            self.count.setText(self.tr("Loading stopped: %n case(s) shown.", "", self.model.rowCount()))

    def _show_loading(self, loading: bool) -> None:
        self.progress.setVisible(loading)
        self.cancel_button.setVisible(loading)

    def _show_error(self, error: Exception | None) -> None:
        if error is None:
            self.error.clear()
            self.error.hide()
            return
        if isinstance(error, UserError):
            self.error.setText(error.render(self._lang))
            name = FIELD_WIDGETS.get(error.problems[0].field or "")
            if name:
                getattr(self, name).setFocus()
        else:
            self.error.setText(self.tr("The cases could not be read: {reason}").format(reason=str(error)))
        self.error.show()

    # -- exporting -----------------------------------------------------------------------------
    def _show_exportable(self) -> None:
        self.export_button.set_available(self._shown is not None)

    def _expected_rows(self) -> int | None:
        """The rows the export will write, once every id of the list is read."""
        return self.model.rowCount() if self._shown is not None and self._worker is None else None

    def _exported(self, outcome: str, text: str) -> None:
        self.count.setStyleSheet(STYLES[outcome])
        self.count.setText(text)

    # -- sorting -------------------------------------------------------------------------------
    def _sorted(self, _name: str) -> None:
        self.refresh()

    def _keep_indicator_on_sortable(self, column: int, order: Qt.SortOrder) -> None:
        """A click on a column that does not sort (citizen, content, visits) leaves the indicator where it was."""
        if not self.model.is_sortable(column):
            current, current_order = self.model.current_sort()
            self.table.horizontalHeader().setSortIndicator(current, current_order)

    # -- opening a case --------------------------------------------------------------------------
    def _activated(self, index) -> None:
        self.open_row(index.row())

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> None:
        uuid = self.model.row_uuid(row)
        if uuid is not None:
            self.open_case(uuid)

    def open_case(self, case_uuid: str) -> CaseDetailDialog | None:
        """Show the case with its history (window-modal; the list stays as it is)."""
        if self.detail is not None:
            self.detail.close()
        try:
            dialog = CaseDetailDialog(self.desk, case_uuid, self._lang, self)
        except UserError as error:
            self._show_error(error)
            return None
        dialog.finished.connect(self._detail_closed)
        self.detail = dialog
        dialog.open()
        return dialog

    def _detail_closed(self) -> None:
        dialog, self.detail = self.detail, None
        if dialog is not None:
            dialog.deleteLater()
        self.table.setFocus()

    # -- screen protocol -----------------------------------------------------------------------
    def clear(self) -> None:
        """Forget what is shown (the desk was locked)."""
        self._timer.stop()
        self._retire_worker()
        self.export_button.stop()
        if self.detail is not None:
            self.detail.close_dialog()
        self.model.set_ids([])
        self.count.clear()
        self._show_error(None)
        self._shown = None
        self._show_exportable()

    def close_screen(self) -> None:
        """Stop the filter timer and every read before the desk file closes."""
        self._timer.stop()
        self._retire_worker()
        for worker in list(self._retiring):
            worker.cancel()
            worker.wait()
        self._retiring.clear()
        self.export_button.stop(wait=True)
        if self.detail is not None:
            self.detail.close_dialog()
        self.close()
