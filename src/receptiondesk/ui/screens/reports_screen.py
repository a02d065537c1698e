"""The reports screen: pick a period (month, quarter, 6/9 months, year or a range of days, with the data cut-off
day) and a report (the state side's full report, the Party secretary's, or one table), build it off the GUI thread,
edit its narrative, read its tables and its printed PDF, then export it, print it or mark it submitted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.report_periods import (
    MAX_CUTOFF_DAY,
    MAX_YEAR,
    MIN_YEAR,
    Period,
    PeriodKind,
    custom_period,
    month_period,
    months_of_year,
    quarter_period,
)
from receptiondesk.domain.report_tables import Cell, ReportDocument, ReportKind, ReportTable
from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk
from receptiondesk.services.report_builder import ALL_UNITS
from receptiondesk.ui.widgets.compact_combo import compact
from receptiondesk.ui.widgets.export_button import ExportButton
from receptiondesk.ui.look import (
    DONE_STYLE,
    ERROR_STYLE,
    NOTE_STYLE,
    WARNING_STYLE,
    ask_yes_no,
    local_shortcut,
    may,
    read_only_table,
    show_message,
)
from receptiondesk.ui.workers.task_runner import TaskRunner

ROMAN = ("I", "II", "III", "IV")
#: The file formats the export buttons write: suffix, and the file dialog's filter (translated at run time).
EXPORT_SUFFIX = {"pdf": "pdf", "xlsx": "xlsx", "csv": "csv"}
#: Widths of a table of lines ("STT", "Chỉ tiêu", the period, the previous one) and of a wide table's first column.
NUMBER_WIDTH = 44
FIGURE_WIDTH = 110
LABEL_WIDTH = 230
MAX_COLUMN_WIDTH = 320
#: Pages are rasterised for the printer at this resolution at most (a 1200 dpi A4 page would take half a gigabyte).
PRINT_DPI = 300


def cell_text(value: Cell) -> str:
    """A table cell as shown: numbers with the Vietnamese thousands dot, nothing for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def period_spec(period: Period) -> str:
    """The period as the command line writes it ("2026-03", "2026-Q1", "2026-H1", "2026"…), for file names."""
    if period.kind is PeriodKind.MONTH:
        return f"{period.year}-{period.number:02d}"
    if period.kind is PeriodKind.QUARTER:
        return f"{period.year}-Q{period.number}"
    if period.kind is PeriodKind.MONTHS:
        return {6: f"{period.year}-H1", 9: f"{period.year}-9M"}.get(period.number, str(period.year))
    return f"{period.start.isoformat()}_{period.end.isoformat()}"


def last_finished_month(today: date, cutoff_day: int | None) -> Period:
    """The latest report month (with the cut-off day, if any) that ended before `today`."""
    year, month = today.year, today.month
    while True:
        period = month_period(year, month, cutoff_day=cutoff_day)
        if period.end < today:
            return period
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


class ReportsScreen(QWidget):
    """The period and report pickers on top; the narrative, the tables and the PDF in tabs; the actions below."""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.document: ReportDocument | None = None
        self._draft = ""  # the narrative the report was built with (what "Restore the draft" puts back)
        self._rendered: str | None = None  # the narrative the PDF shown was rendered with
        self._pdf_bytes: bytes | None = None
        self._buffer: QBuffer | None = None
        self._runner = TaskRunner(desk, self)
        self._runner.busy_changed.connect(self._set_busy)
        self._setting_cutoff: int | None = None  # the desk's cut-off day the picker was last set from
        self._picked = False  # the default period was chosen (the first time the screen is shown)
        self._numbers = ""  # what the month/quarter combo lists: "month" or "quarter"
        self._build()
        self._connect()
        self._show_kind()
        self._apply_permissions()
        self._show_document_state()

    def title(self) -> str:
        return self.tr("Reports")

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.period_kind = QComboBox()
        for text, data in ((self.tr("Month"), "month"), (self.tr("Quarter"), "quarter"),
                           (self.tr("6 months"), "6"), (self.tr("9 months"), "9"), (self.tr("Year"), "12"),
                           (self.tr("Custom range"), "custom")):
            self.period_kind.addItem(text, data)
        self.number = compact(QComboBox(), 8)
        self.year_label = QLabel(self.tr("year"))
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.from_label = QLabel(self.tr("from"))
        self.from_date = self._date_edit()
        self.to_label = QLabel(self.tr("to"))
        self.to_date = self._date_edit()
        self.range_label = QLabel()
        self.range_label.setStyleSheet(NOTE_STYLE)
        period_row = QHBoxLayout()
        for widget in (self.period_kind, self.number, self.year_label, self.year, self.from_label, self.from_date,
                       self.to_label, self.to_date, self.range_label):
            period_row.addWidget(widget)
        period_row.addStretch(1)

        self.cutoff = QSpinBox()
        self.cutoff.setRange(0, MAX_CUTOFF_DAY)
        self.cutoff.setSpecialValueText(self.tr("none (calendar months)"))
        self.cutoff_hint = QLabel()
        self.cutoff_hint.setStyleSheet(NOTE_STYLE)
        cutoff_row = QHBoxLayout()
        cutoff_row.addWidget(self.cutoff)
        cutoff_row.addWidget(self.cutoff_hint)
        cutoff_row.addStretch(1)

        self.report_kind = compact(QComboBox(), 28)
        for text, kind in ((self.tr("Work report (state, full set)"), ReportKind.STATE),
                           (self.tr("Report of the Party Committee Secretary"), ReportKind.PARTY),
                           (self.tr("Form 01/TCD: citizen reception"), ReportKind.RECEPTION),
                           (self.tr("Classification of cases"), ReportKind.CLASSIFICATION),
                           (self.tr("Letters received and handled"), ReportKind.LETTERS),
                           (self.tr("Complaints resolved"), ReportKind.COMPLAINTS),
                           (self.tr("Denunciations resolved"), ReportKind.DENUNCIATIONS),
                           (self.tr("Follow-up of conclusions"), ReportKind.FOLLOWUP),
                           (self.tr("Leaders' periodic reception"), ReportKind.COMPLIANCE)):
            self.report_kind.addItem(text, kind.value)
        self.build_button = QPushButton(self.tr("Build report (F5)"))
        self.build_button.setToolTip(self.tr("Ctrl+Enter or F5"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the report cannot say how far it is
        self.progress.setMaximumWidth(90)
        self.progress.setTextVisible(False)
        self.busy_label = QLabel()
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_kind, 1)
        report_row.addWidget(self.build_button)
        report_row.addWidget(self.progress)
        report_row.addWidget(self.busy_label)
        report_row.addStretch(1)

        picker = QGridLayout()
        picker.setContentsMargins(0, 0, 0, 0)
        picker.setVerticalSpacing(4)
        for row, (text, layout) in enumerate(((self.tr("Period:"), period_row),
                                              (self.tr("Cut-off day:"), cutoff_row),
                                              (self.tr("Report:"), report_row))):
            picker.addWidget(QLabel(text), row, 0)
            picker.addLayout(layout, row, 1)
        # On the upper level's desk only: its own unit, every unit consolidated, or one commune.
        self.scope_label = QLabel(self.tr("Units:"))
        self.scope = compact(QComboBox(), 28)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope)
        scope_row.addStretch(1)
        picker.addWidget(self.scope_label, 3, 0)
        picker.addLayout(scope_row, 3, 1)
        self.scope_label.hide()
        self.scope.hide()
        picker.setColumnStretch(1, 1)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.hide()

        # (a) the narrative, as the officer edits it
        self.narrative = QPlainTextEdit()
        self.narrative.setTabChangesFocus(True)
        self.narrative.setPlaceholderText(self.tr("Choose the period and the report, then press Build report "
                                                  "(F5). The narrative draft appears here to be edited."))
        self.restore_button = QPushButton(self.tr("Restore the draft"))
        self.restore_button.setToolTip(self.tr("Put back the narrative as the report generated it"))
        self.edited_label = QLabel()
        self.edited_label.setStyleSheet(NOTE_STYLE)
        narrative_page = QWidget()
        narrative_layout = QVBoxLayout(narrative_page)
        narrative_layout.setContentsMargins(4, 4, 4, 4)
        narrative_layout.addWidget(self.narrative, 1)
        narrative_buttons = QHBoxLayout()
        narrative_buttons.addWidget(self.restore_button)
        narrative_buttons.addWidget(self.edited_label, 1)
        narrative_layout.addLayout(narrative_buttons)

        # (b) the tables
        self.table_choice = QComboBox()
        self.table_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.table_choice.setMinimumContentsLength(30)
        self.table = read_only_table(0, ())  # its columns and their sizes follow the table shown
        self.table.setAlternatingRowColors(True)
        self.table_note = QLabel()
        self.table_note.setWordWrap(True)
        self.table_note.setStyleSheet(NOTE_STYLE)
        tables_page = QWidget()
        tables_layout = QVBoxLayout(tables_page)
        tables_layout.setContentsMargins(4, 4, 4, 4)
        tables_layout.addWidget(self.table_choice)
        tables_layout.addWidget(self.table, 1)
        tables_layout.addWidget(self.table_note)

        # (c) the printed report
        self.pdf = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_state = QLabel()
        self.pdf_state.setStyleSheet(NOTE_STYLE)
        pdf_page = QWidget()
        pdf_layout = QVBoxLayout(pdf_page)
        pdf_layout.setContentsMargins(4, 4, 4, 4)
        pdf_layout.addWidget(self.pdf_state)
        pdf_layout.addWidget(self.pdf_view, 1)

        self.tabs = QTabWidget()
        self.narrative_tab = self.tabs.addTab(narrative_page, self.tr("Narrative"))
        self.tables_tab = self.tabs.addTab(tables_page, self.tr("Tables"))
        self.pdf_tab = self.tabs.addTab(pdf_page, self.tr("PDF preview"))

        self.export_pdf_button = QPushButton(self.tr("Export PDF…"))
        self.export_xlsx_button = QPushButton(self.tr("Export Excel…"))
        self.export_csv_button = QPushButton(self.tr("Export CSV…"))
        self.print_button = QPushButton(self.tr("Print… (Ctrl+P)"))
        self.submit_button = QPushButton(self.tr("Mark as submitted…"))
        self.submitted_label = QLabel()
        actions = QHBoxLayout()
        for button in (self.export_pdf_button, self.export_xlsx_button, self.export_csv_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.submitted_label)
        actions.addWidget(self.submit_button)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(picker)
        layout.addWidget(self.heading)
        layout.addWidget(self.warnings)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        order = [self.period_kind, self.number, self.year, self.from_date, self.to_date, self.cutoff, self.report_kind,
                 self.build_button, self.tabs, self.narrative, self.restore_button, self.table_choice, self.table,
                 self.pdf_view, self.export_pdf_button, self.export_xlsx_button, self.export_csv_button,
                 self.print_button, self.submit_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.period_kind)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        return edit

    def _connect(self) -> None:
        self.period_kind.currentIndexChanged.connect(lambda *_: self._show_kind())
        for signal in (self.number.currentIndexChanged, self.year.valueChanged, self.from_date.dateChanged,
                       self.to_date.dateChanged, self.cutoff.valueChanged, self.report_kind.currentIndexChanged,
                       self.scope.currentIndexChanged):
            signal.connect(lambda *_: self._picker_changed())
        self.build_button.clicked.connect(self.build)
        self.restore_button.clicked.connect(self.restore_draft)
        self.narrative.textChanged.connect(self._narrative_changed)
        self.table_choice.currentIndexChanged.connect(lambda *_: self._show_table())
        self.tabs.currentChanged.connect(lambda *_: self._tab_shown())
        self.export_pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.export_xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.export_csv_button.clicked.connect(lambda: self.export("csv"))
        self.print_button.clicked.connect(self.print_report)
        self.submit_button.clicked.connect(self.mark_submitted)
        for keys, slot in (("Ctrl+Return", self.build), ("Ctrl+Enter", self.build), ("F5", self.build),
                           ("Ctrl+P", self.print_report)):
            local_shortcut(self, keys, slot)

    # -- screen API ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Shown: the buttons the user's role allows; the cut-off day and, the first time, the last month."""
        if self.desk.context.session is None:
            return
        self._apply_permissions()
        self._fill_scopes()
        setting = self.desk.context.settings.report_cutoff_day
        if setting != self._setting_cutoff:
            self._setting_cutoff = setting
            self.cutoff.setValue(setting)
        if not self._picked:
            self._picked = True
            self.pick_period(last_finished_month(self.desk.context.today(), setting or None))
        self._picker_changed()

    def clear(self) -> None:
        """The desk was locked: stop any work and show nothing."""
        self._runner.retire()
        self.document = None
        self._draft = ""
        self._rendered = None
        self._pdf_bytes = None
        self.pdf.close()
        self.narrative.blockSignals(True)
        self.narrative.clear()
        self.narrative.blockSignals(False)
        self.table_choice.clear()
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.message.clear()
        self._picked = False
        self._setting_cutoff = None
        self._set_busy(False)
        self._show_document_state()

    def close_screen(self) -> None:
        """Stop every worker before the desk file closes."""
        self._runner.retire()
        self._runner.wait()
        self.close()

    @property
    def busy(self) -> bool:
        """A report is being built, rendered or written."""
        return self._runner.busy

    # -- the period ----------------------------------------------------------------------------
    def pick_period(self, period: Period) -> None:
        """Set the pickers to `period` (its kind, year, month or quarter, or its days)."""
        widgets = (self.period_kind, self.number, self.year, self.from_date, self.to_date)
        for widget in widgets:
            widget.blockSignals(True)
        data = {PeriodKind.MONTH: "month", PeriodKind.QUARTER: "quarter",
                PeriodKind.CUSTOM: "custom"}.get(period.kind, str(period.number))
        self.period_kind.setCurrentIndex(self.period_kind.findData(data))
        self._fill_numbers()
        if period.year is not None:
            self.year.setValue(period.year)
        if period.kind in (PeriodKind.MONTH, PeriodKind.QUARTER) and period.number is not None:
            self.number.setCurrentIndex(period.number - 1)
        self.from_date.setDate(_qdate(period.start))
        self.to_date.setDate(_qdate(period.end))
        for widget in widgets:
            widget.blockSignals(False)
        if period.kind is not PeriodKind.CUSTOM:
            self.cutoff.setValue(period.cutoff_day or 0)
        self._show_kind()

    def _fill_numbers(self) -> None:
        """The month or quarter list for the kind of period chosen, keeping the time of year chosen."""
        kind = self.period_kind.currentData()
        wanted = "quarter" if kind == "quarter" else "month"
        if self._numbers == wanted:
            return
        before = self.number.currentIndex()
        was = self._numbers
        self.number.blockSignals(True)
        self.number.clear()
        if wanted == "quarter":
            for n in range(1, 5):
                self.number.addItem(self.tr("Quarter {n}").format(n=ROMAN[n - 1]), n)
            index = before // 3 if was == "month" and before >= 0 else 0
        else:
            for n in range(1, 13):
                self.number.addItem(self.tr("Month {n}").format(n=n), n)
            index = before * 3 + 2 if was == "quarter" and before >= 0 else max(before, 0)
        self._numbers = wanted
        self.number.setCurrentIndex(index)
        self.number.blockSignals(False)

    def _show_kind(self) -> None:
        kind = self.period_kind.currentData()
        custom = kind == "custom"
        self._fill_numbers()
        self.number.setVisible(kind in ("month", "quarter"))
        for widget in (self.year_label, self.year):
            widget.setVisible(not custom)
        for widget in (self.from_label, self.from_date, self.to_label, self.to_date):
            widget.setVisible(custom)
        self.cutoff.setEnabled(not custom)
        self._picker_changed()

    def period(self) -> Period:
        """The period the pickers describe; a UserError for an impossible one (a range ending before it starts)."""
        kind = self.period_kind.currentData()
        if kind == "custom":
            return custom_period(_pydate(self.from_date.date()), _pydate(self.to_date.date()))
        cutoff = self.cutoff.value() or None
        year = self.year.value()
        if kind == "month":
            return month_period(year, int(self.number.currentData()), cutoff_day=cutoff)
        if kind == "quarter":
            return quarter_period(year, int(self.number.currentData()), cutoff_day=cutoff)
        return months_of_year(year, int(kind), cutoff_day=cutoff)

    def kind(self) -> ReportKind:
        return ReportKind(self.report_kind.currentData())

    def _picker_changed(self) -> None:
        """The days the chosen period covers; a note when the report shown is of another period or kind."""
        setting = self._setting_cutoff or 0
        value = self.cutoff.value()
        setting_text = str(setting) if setting else self.tr("none")
        if value == setting:
            self.cutoff_hint.setText(self.tr("as in the desk's settings"))
        else:
            self.cutoff_hint.setText(self.tr("for this report only (the desk's setting: {day})").format(
                day=setting_text))
        self.cutoff.setToolTip(self.tr("The data cut-off day: a report month runs from the day after it in the "
                                       "month before to that day. The desk's setting: {day}.").format(
            day=setting_text))
        try:
            period = self.period()
        except UserError as error:
            self.range_label.setStyleSheet(ERROR_STYLE)
            self.range_label.setText(error.render(self._lang))
            self.range_label.show()
            return
        self.range_label.setStyleSheet(NOTE_STYLE)
        self.range_label.setText(self.tr("({start} – {end})").format(start=_day(period.start), end=_day(period.end)))
        self.range_label.setVisible(period.kind is not PeriodKind.CUSTOM)
        if self.document is not None and not self.busy:
            if self._key(self.kind(), period, self.scope_unit()) != self._document_key():
                self._say(self.tr("The report shown is not of the period and report chosen: press Build report "
                                  "(F5)."), style=NOTE_STYLE)
            elif self.message.styleSheet() == NOTE_STYLE:
                self.message.clear()

    @staticmethod
    def _key(kind: ReportKind, period: Period, unit: str) -> tuple[str, date, date, str]:
        return kind.value, period.start, period.end, unit

    def _document_key(self) -> tuple[str, date, date, str] | None:
        document = self.document
        return None if document is None else self._key(document.kind, document.period, document.unit_code)

    def scope_unit(self) -> str:
        """The unit the chosen report counts: the desk's own, a commune's, or ALL_UNITS (consolidated)."""
        return self.scope.currentData() or self.desk.context.require_setup().unit_code

    def _fill_scopes(self) -> None:
        """The units an upper-level desk reports on (kept as chosen); hidden on a commune's desk."""
        upper = self.desk.consolidation.is_upper()
        self.scope_label.setVisible(upper)
        self.scope.setVisible(upper)
        if not upper:
            self.scope.clear()
            return
        chosen = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        units = self.desk.consolidated_reports.units()
        self.scope.addItem(self.tr("Our unit"), "")
        self.scope.addItem(self.tr("All units (consolidated)"), ALL_UNITS)
        for code, label in units[1:]:
            self.scope.addItem(label, code)
        found = self.scope.findData(chosen) if chosen is not None else 0
        self.scope.setCurrentIndex(max(found, 0))
        self.scope.blockSignals(False)

    # -- building the report -------------------------------------------------------------------
    def build(self) -> None:
        """Build the chosen report on a worker (Ctrl+Enter, F5), with its PDF when the user may print."""
        if self.desk.context.session is None:
            return
        try:
            period = self.period()
        except UserError as error:
            self._fail(error)
            return
        kind = self.kind()
        unit = self.scope_unit()
        same = self._key(kind, period, unit) == self._document_key()
        keep = self.narrative.toPlainText() if self.document is not None and self._edited() else None
        if keep is not None and not same and not self.confirm(self.tr(
                "The narrative you edited will be replaced by the draft of the new report. Continue?")):
            return
        if not same:
            keep = None
        may_print = self._may(Permission.PRINT)

        def task(reading: Desk) -> tuple[ReportDocument, bytes | None, str | None]:
            if unit == ALL_UNITS:
                document = reading.consolidated_reports.build(period, kind)
            else:
                document = reading.report_builder.build(period, kind, unit_code=unit)
            pdf = reading.report_builder.pdf(document, narrative=keep) if may_print else None
            return document, pdf, keep

        self.message.clear()
        failure = self.tr("The report could not be built: {reason}")
        self._run(task, self._built, self.tr("Building the report…"), lambda reason: failure.format(reason=reason))

    def _built(self, result: tuple[ReportDocument, bytes | None, str | None]) -> None:
        document, pdf, kept = result
        self.document = document
        self._draft = document.narrative
        if kept is None:  # a new report: its draft; the same one again: the text as the officer left it
            self.narrative.blockSignals(True)
            self.narrative.setPlainText(document.narrative)
            self.narrative.blockSignals(False)
        self._rendered = (document.narrative if kept is None else kept) if pdf is not None else None
        if pdf is not None:
            self._show_pdf(pdf)
        self.table_choice.blockSignals(True)
        self.table_choice.clear()
        for number, table in enumerate(document.tables, start=1):
            self.table_choice.addItem(f"{number}. {table.title}", table.key)
        self.table_choice.blockSignals(False)
        self.table_choice.setCurrentIndex(0 if document.tables else -1)
        self._show_table()
        self._show_document_state()
        self._say(self.tr("The report was built."), style=DONE_STYLE)
        if kept is not None:
            self._say(self.tr("Report built again; your edits of the narrative are kept."), style=DONE_STYLE)
        if self.tabs.currentIndex() == self.pdf_tab:
            self._tab_shown()

    def _show_document_state(self) -> None:
        """Heading, warnings, the narrative's state, the submission and which actions can be used."""
        document = self.document
        if document is None:
            self.heading.setText(self.tr("Choose the period and the report, then press <b>Build report (F5)</b>."))
            self.warnings.hide()
            self.submitted_label.clear()
            self.pdf_state.setText(self.tr("The printed report appears here once built."))
        else:
            period = document.period
            self.heading.setText("<b>{title}</b><br>{range}".format(
                title=_escape(document.title),
                range=_escape(self.tr("{reporter} — from {start} to {end}").format(
                    reporter=document.reporter, start=_day(period.start), end=_day(period.end)))))
            if document.warnings:
                self.warnings.setText("\n".join(f"\u26a0 {warning}" for warning in document.warnings))
                self.warnings.show()
            else:
                self.warnings.hide()
            self._show_submitted()
        self._narrative_changed()
        self._enable_actions()

    def _show_submitted(self) -> None:
        document = self.document
        if document is None:
            self.submitted_label.clear()
            return
        row = self.desk.report_builder.submitted(document.kind, document.period)
        if row is None:
            self.submitted_label.setStyleSheet(NOTE_STYLE)
            self.submitted_label.setText(self.tr("Not marked as submitted"))
        else:
            self.submitted_label.setStyleSheet(DONE_STYLE + " font-weight: bold;")
            self.submitted_label.setText(self.tr("Submitted on {date}").format(
                date=_day(date.fromisoformat(row["submitted_on"]))))

    # -- the narrative -------------------------------------------------------------------------
    def _edited(self) -> bool:
        return self.document is not None and self.narrative.toPlainText() != self._draft

    def _narrative_changed(self) -> None:
        edited = self._edited()
        self.restore_button.setEnabled(edited)
        if self.document is None:
            self.edited_label.clear()
        elif edited:
            self.edited_label.setText(self.tr("Edited: exports, printing and the submission use this text."))
        elif not self._draft:
            self.edited_label.setText(self.tr("This report is its tables alone: it has no narrative draft."))
        else:
            self.edited_label.setText(self.tr("The draft as generated."))
        if self.document is not None and self._may(Permission.PRINT) and self._pdf_stale():
            self.pdf_state.setText(self.tr("The narrative changed: the preview is updated when shown."))

    def restore_draft(self) -> None:
        """Put back the narrative as generated ("Restore the draft")."""
        if self.document is None:
            return
        self.narrative.setPlainText(self._draft)
        self.narrative.setFocus()

    # -- the tables ----------------------------------------------------------------------------
    def current_table(self) -> ReportTable | None:
        if self.document is None or self.table_choice.currentIndex() < 0:
            return None
        return self.document.tables[self.table_choice.currentIndex()]

    def _show_table(self) -> None:
        table = self.current_table()
        self.table.clear()
        if table is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.table_note.clear()
            self.table_note.hide()
            return
        self.table.setColumnCount(len(table.header))
        self.table.setRowCount(len(table.rows))
        self.table.setHorizontalHeaderLabels(list(table.header))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, values in enumerate(table.rows):
            total = row in table.total_rows
            for column, value in enumerate(values):
                item = QTableWidgetItem(cell_text(value))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if isinstance(value, (int, float)):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                elif value:
                    item.setToolTip(str(value))
                if total:
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        if table.header[:2] == ("STT", "Chỉ tiêu"):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(0, NUMBER_WIDTH)
            for column in range(2, len(table.header)):
                self.table.setColumnWidth(column, FIGURE_WIDTH)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            self.table.resizeColumnsToContents()
            self.table.setColumnWidth(0, max(LABEL_WIDTH, min(self.table.columnWidth(0), MAX_COLUMN_WIDTH)))
            for column in range(1, len(table.header)):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_COLUMN_WIDTH))
        for column, title in enumerate(table.header):
            self.table.horizontalHeaderItem(column).setToolTip(title)
        self.table_note.setText(self.tr("Note: {note}").format(note=table.note) if table.note else "")
        self.table_note.setVisible(bool(table.note))

    # -- the PDF -------------------------------------------------------------------------------
    def _pdf_stale(self) -> bool:
        return self._rendered is None or self._rendered != self.narrative.toPlainText()

    def _tab_shown(self) -> None:
        """The PDF tab shows the report as edited: rendered again on the worker when the narrative changed."""
        if self.tabs.currentIndex() == self.pdf_tab and self.document is not None and not self.busy \
                and self._may(Permission.PRINT) and self._pdf_stale():
            self.render_preview()

    def render_preview(self, then: Callable[[], None] | None = None) -> None:
        """Render the PDF with the narrative as edited, on the worker; `then` runs once it is shown."""
        document = self.document
        if document is None or not self._may(Permission.PRINT):
            return
        text = self.narrative.toPlainText()

        def rendered(pdf: bytes) -> None:
            self._rendered = text
            self._show_pdf(pdf)
            self._narrative_changed()
            if then is not None:
                then()

        self._run(lambda reading: reading.report_builder.pdf(document, narrative=text), rendered,
                  self.tr("Preparing the printed report…"),
                  lambda reason: self.tr("The printed report could not be prepared: {reason}").format(reason=reason))

    def _show_pdf(self, data: bytes) -> None:
        self._pdf_bytes = data
        self.pdf.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        self.pdf_state.setText(self.tr("The printed report: %n page(s).", "", self.pdf.pageCount()))

    @property
    def pdf_bytes(self) -> bytes | None:
        """The PDF the preview shows."""
        return self._pdf_bytes

    def print_report(self) -> None:
        """Print the report as previewed (Ctrl+P), rendered again first if the narrative changed."""
        if self.document is None or self.busy or not self._may(Permission.PRINT):
            return
        if self._pdf_stale():
            self.render_preview(then=self._print_now)
        else:
            self._print_now()

    def _print_now(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            pages = self.print_to(printer)
            self._say(self.tr("%n page(s) sent to the printer.", "", pages), style=DONE_STYLE)

    def print_to(self, printer: QPrinter) -> int:
        """Draw every page of the previewed PDF on `printer` (landscape pages turned, each page drawn whole at
        up to PRINT_DPI); the number of pages printed."""
        count = self.pdf.pageCount()
        if count <= 0:
            return 0
        painter = QPainter()
        for page in range(count):
            size = self.pdf.pagePointSize(page)
            printer.setPageOrientation(QPageLayout.Orientation.Landscape if size.width() > size.height()
                                       else QPageLayout.Orientation.Portrait)
            if page == 0:
                if not painter.begin(printer):
                    return 0
            else:
                printer.newPage()
            target = printer.pageRect(QPrinter.Unit.DevicePixel)
            scale = min(target.width() / size.width(), target.height() / size.height())
            width, height = size.width() * scale, size.height() * scale
            dpi = min(PRINT_DPI, printer.resolution())
            image = self.pdf.render(page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72)))
            painter.drawImage(QRectF(0, 0, width, height), image)
        painter.end()
        return count

    # -- exporting and submitting --------------------------------------------------------------
    def suggested_name(self, file_format: str) -> str:
        """"BaoCao_2026-H1_state.xlsx": the period as the command line writes it and the report's kind."""
        document = self.document
        assert document is not None
        return f"BaoCao_{period_spec(document.period)}_{document.kind.value}.{EXPORT_SUFFIX[file_format]}"

    def export(self, file_format: str) -> None:
        """Ask where, then write the report as edited (PDF, Excel or CSV) on the worker."""
        if self.document is None or self.busy or not self._may_export(file_format):
            return
        chosen = ExportButton.ask_path(self, self.tr("Export the report"), self.suggested_name(file_format),
                                       (file_format,))
        if chosen is None:
            return
        path, _ = chosen
        document, text = self.document, self.narrative.toPlainText()
        self._run(lambda reading: reading.report_builder.write(document, path, file_format, narrative=text),
                  self._exported, self.tr("Writing {name}…").format(name=path.name),
                  lambda reason: self.tr("The report could not be written to {path}: {reason}").format(
                      path=str(path), reason=reason))

    def _exported(self, path: Path) -> None:
        self._say(self.tr("Report written to {path}").format(path=str(path)), style=DONE_STYLE)

    def mark_submitted(self) -> None:
        """Record, once confirmed, that this report (with the narrative as edited) went to the upper level."""
        document = self.document
        if document is None or self.busy or not self._may(Permission.RECORD):
            return
        question = self.tr("Mark “{title}” as submitted to the upper level today ({date})?").format(
            title=document.title, date=_day(self.desk.context.today()))
        earlier = self.desk.report_builder.submitted(document.kind, document.period)
        if earlier is not None:
            question += "\n\n" + self.tr("It was already marked as submitted on {date}.").format(
                date=_day(date.fromisoformat(earlier["submitted_on"])))
        if not self.confirm(question):
            return
        try:
            self.desk.report_builder.mark_submitted(document, self.narrative.toPlainText())
        except UserError as error:
            self._fail(error)
            return
        self._show_submitted()
        self._say(self.tr("Marked as submitted: {title}.").format(title=document.title), style=DONE_STYLE)

    # -- permissions and state -----------------------------------------------------------------
    def _may(self, permission: Permission) -> bool:
        return may(self.desk, permission)

    def _may_export(self, file_format: str) -> bool:
        return self._may(Permission.EXPORT) and (file_format != "pdf" or self._may(Permission.PRINT))

    def _apply_permissions(self) -> None:
        """Only the actions the signed-in user's role allows are shown."""
        self.export_pdf_button.setVisible(self._may_export("pdf"))
        for button in (self.export_xlsx_button, self.export_csv_button):
            button.setVisible(self._may(Permission.EXPORT))
        self.print_button.setVisible(self._may(Permission.PRINT))
        self.tabs.setTabVisible(self.pdf_tab, self._may(Permission.PRINT))
        self.submit_button.setVisible(self._may(Permission.RECORD))

    def _enable_actions(self) -> None:
        ready = self.document is not None and not self.busy
        for button in (self.export_pdf_button, self.export_xlsx_button, self.export_csv_button, self.print_button,
                       self.submit_button):
            button.setEnabled(ready)
        # A commune's report recomputed here is the commune's to submit, not the upper level's.
        own = self.document is not None and \
            self.document.unit_code in (ALL_UNITS, self.desk.context.settings.unit_code)
        self.submit_button.setEnabled(ready and own)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.progress.setVisible(busy)
        self.busy_label.setText(text if busy else "")
        self.busy_label.setVisible(busy)
        self._enable_actions()

    # -- the worker ----------------------------------------------------------------------------
    def _run(self, task: Callable[[Desk], Any], then: Callable[[Any], None], text: str,
             failure: Callable[[str], str]) -> None:
        """Run `task` over a reading desk on a worker (any task still running is cancelled), `text` saying what is
        being done; `then(result)` on the GUI thread when it is done; `failure(reason)` says an unexpected error
        (a UserError speaks for itself)."""
        self._runner.run(lambda _worker, reading: task(reading), then,
                         lambda error: self._task_failed(error, failure))
        self._set_busy(True, text)

    def _task_failed(self, error: Exception, failure: Callable[[str], str]) -> None:
        if isinstance(error, UserError):
            self._fail(error)
        else:
            self._say(failure(str(error) or type(error).__name__), style=ERROR_STYLE)

    # -- messages ------------------------------------------------------------------------------
    def _say(self, text: str, *, style: str = DONE_STYLE) -> None:
        show_message(self.message, text, style)

    def _fail(self, error: UserError) -> None:
        self._say(error.render(self._lang), style=ERROR_STYLE)

    def confirm(self, question: str) -> bool:
        return ask_yes_no(self, self.title(), question)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
