"""The import of an old reception logbook kept in Excel (or CSV), in five steps: choose the file, choose the sheet,
check which logbook field each column goes into (the guess, or the mapping saved for the same column titles, can be
corrected and remembered), read the row report — what becomes of every row — and only then write the accepted rows
into the desk in one transaction, with a summary of what was written.

The file is opened and the rows checked on a worker over a read-only connection (Stop ends the check); the import
writes on a worker of its own. Nothing is written before the last step, so leaving the wizard earlier (Close, Esc,
Back) leaves the desk as it was. A file that cannot be read, a sheet that is not a logbook, a workbook imported
before: each is said in the officer's language on the page, never as a traceback.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.domain.legacy_text import convert_cell
from receptiondesk.domain.text import clean_line
from receptiondesk.errors import UserError
from receptiondesk.interchange.excel_logbook import LOGBOOK_FIELDS, Cell, SheetLayout, open_source
from receptiondesk.services.desk import Desk
from receptiondesk.services.excel_import import SAMPLE_ROWS, ImportPlan, RowStatus, SheetPreview, WorkbookPreview
from receptiondesk.services.interchange import ImportReport
from receptiondesk.ui.look import DONE_STYLE, ERROR_STYLE, NOTE_STYLE, show_message, start_folder
from receptiondesk.ui.models.row_outcome_table_model import RowOutcomeTableModel
from receptiondesk.ui.widgets.compact_combo import compact
from receptiondesk.ui.workers.desk_task_worker import DeskTaskWorker
from receptiondesk.ui.workers.task_runner import TaskRunner

#: The pages, in order.
FILE, SHEET, MAPPING, REPORT, IMPORT = range(5)
#: What the worker is doing: opening the file, checking its rows, writing them.
INSPECT, PLAN, COMMIT = "inspect", "plan", "commit"
#: A column's combo value when the column is left out.
SKIP = ""
#: The mapping page shows at most this many columns (a sheet may carry thousands of formatted empty ones).
MAX_PREVIEW_COLUMNS = 60
#: The mapping page's first rows are looked for among this many rows after the header.
PREVIEW_SCAN_ROWS = 200
COLUMN_WIDTH = 130
#: Sheets whose problem no mapping can mend: nothing in them, or no row of column titles.
UNUSABLE = frozenset({"excel_import.empty_sheet", "excel_import.no_header"})
#: The row report's filters: the statuses each one shows (None: every row).
FILTERS: tuple[frozenset[RowStatus] | None, ...] = (None, frozenset({RowStatus.WARNED}),
                                                     frozenset({RowStatus.SKIPPED}))
#: The English names of the logbook's fields; the Vietnamese window shows the form's own titles (LOGBOOK_FIELDS).
ENGLISH_FIELDS = {
    "logbook_no": "No.", "visit_date": "Visit date", "name_address": "Name and address", "full_name": "Full name",
    "address": "Address", "id_number": "ID or passport number", "phone": "Phone", "summary": "Content",
    "content_type": "Content type", "headcount": "Number of persons", "prior_handler": "Handled before by",
    "in_competence": "Within competence", "guided": "Guided to", "transferred": "Transferred to",
    "followup": "Follow-up of the result", "notes": "Notes",
}
SKIPPED_COLOUR = "#9e9e9e"
OPEN_SHORTCUT = "Ctrl+O"

PreviewRows = dict[str, list[tuple[int, list[str]]]]


def column_letter(column: int) -> str:
    """A 0-based column's letter as Excel shows it: 0 → "A", 26 → "AA"."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_text(cell: Cell) -> str:
    """A cell as the mapping page shows it: text in Unicode (TCVN3 and VNI converted) on one line, dates as
    dd/mm/yyyy, whole numbers without ".0", a ticked box as "x"."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_line(convert_cell(value, cell.font)[0])
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y" if value.time() == time() else "%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def first_rows(path: Path, preview: WorkbookPreview) -> PreviewRows:
    """Each sheet's first non-blank rows from its first data row on, as the texts of their cells from column A:
    what the mapping page shows under the columns, whichever field each one goes into."""
    shown: PreviewRows = {}
    with open_source(path) as source:
        for sheet in preview.sheets:
            layout = sheet.layout
            rows: list[tuple[int, list[str]]] = []
            for number, cells in source.rows(layout.sheet):
                if number < layout.first_data_row:
                    continue
                if number >= layout.first_data_row + PREVIEW_SCAN_ROWS or len(rows) >= SAMPLE_ROWS:
                    break
                texts = [cell_text(cell) for cell in cells[:MAX_PREVIEW_COLUMNS]]
                while texts and not texts[-1]:
                    texts.pop()
                if texts:
                    rows.append((number, texts))
            shown[layout.sheet] = rows
    return shown


class ExcelImportWizard(QDialog):
    """The five steps on a stack of pages, Back and Next below; Enter goes on, Esc closes (asking first when a row
    report is loaded and not yet imported). `imported` carries the ImportReport once the rows are written."""

    imported = Signal(object)

    #: The folder an old logbook was last chosen from in this session, proposed first by the next import.
    last_folder = ""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.path: Path | None = None
        self.preview: WorkbookPreview | None = None
        self._rows: PreviewRows = {}
        self.sheet: SheetPreview | None = None
        self.mapped_layout: SheetLayout | None = None
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self._runner = TaskRunner(desk, self)
        self._runner.busy_changed.connect(lambda _busy: self._update_buttons())
        self._task = ""
        self.combos: list[QComboBox] = []
        self.setWindowTitle(self.tr("Import an old logbook from Excel"))
        self.setMinimumSize(760, 480)
        self.resize(1060, 560)
        self._build()
        QApplication.instance().focusChanged.connect(self._focus_moved)
        self._show_page(FILE)

    # -- building ------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.steps = QLabel()
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.stack = QStackedWidget()
        for page in (self._build_file_page(), self._build_sheet_page(), self._build_mapping_page(),
                     self._build_report_page(), self._build_import_page()):
            self.stack.addWidget(page)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.go_on)
        self.cancel_button = QPushButton(self.tr("Close (Esc)"))
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.back_button, self.cancel_button, self.choose_button, self.stop_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.cancel_button)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(line)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(OPEN_SHORTCUT), self, activated=self._open_shortcut)

    @staticmethod
    def _label(text: str = "", style: str = "") -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @staticmethod
    def _page() -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        return page, layout

    def _build_file_page(self) -> QWidget:
        page, layout = self._page()
        intro = self._label(self.tr(
            "Bring a reception logbook kept in Excel into the desk. Each row of the sheet becomes a visit in the "
            "logbook, with its citizen (found in the desk when already there) and its cases, recorded as closed on "
            "the visit's day. Nothing is written until the last step, after you have seen what becomes of every "
            "row; the same workbook imported twice adds nothing."))
        formats = self._label(self.tr(
            "Excel workbooks (.xlsx, .xlsm) and CSV files are read, with text typed in TCVN3 (.VnTime) or VNI "
            "fonts converted to Unicode. An old .xls file must first be saved again as .xlsx in Excel."),
            NOTE_STYLE)
        self.file_name = QLineEdit()
        self.file_name.setReadOnly(True)
        self.file_name.setPlaceholderText(self.tr("No file chosen yet"))
        self.file_name.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.choose_button = QPushButton(self.tr("Choose the file… ({keys})").format(keys=OPEN_SHORTCUT))
        self.choose_button.clicked.connect(self.choose_file)
        file_label = QLabel(self.tr("File:"))
        file_label.setBuddy(self.choose_button)
        row = QHBoxLayout()
        row.addWidget(file_label)
        row.addWidget(self.file_name, 1)
        row.addWidget(self.choose_button)
        self.file_progress = QProgressBar()
        self.file_progress.setRange(0, 0)
        self.file_progress.setMaximumWidth(240)
        self.file_progress.hide()
        self.file_status = self._label()
        busy = QHBoxLayout()
        busy.addWidget(self.file_progress)
        busy.addWidget(self.file_status, 1)
        self.file_error = self._label(style=ERROR_STYLE)
        self.file_error.setObjectName("error")
        layout.addWidget(intro)
        layout.addWidget(formats)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addLayout(busy)
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        return page

    def _build_sheet_page(self) -> QWidget:
        page, layout = self._page()
        self.sheet_intro = self._label()
        self.sheet_list = QListWidget()
        self.sheet_list.setWordWrap(True)
        self.sheet_list.setSpacing(2)
        self.sheet_list.currentItemChanged.connect(lambda _current, _previous: self._update_buttons())
        self.sheet_list.itemDoubleClicked.connect(lambda _item: self.go_on())  # Enter: through the Next button
        layout.addWidget(self.sheet_intro)
        layout.addWidget(self.sheet_list, 1)
        return page

    def _build_mapping_page(self) -> QWidget:
        page, layout = self._page()
        self.mapping_intro = self._label()
        # The fields above the columns stay in sight while the rows scroll: two tables, one column width, one
        # horizontal scroll.
        self.field_table = QTableWidget(0, 0)
        self.field_table.setObjectName("fields")
        self.field_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.field_table.setTabKeyNavigation(False)
        self.field_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.field_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.field_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.field_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.field_table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.field_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.field_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.sample_table = QTableWidget(0, 0)
        self.sample_table.setObjectName("sample")
        self.sample_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sample_table.setWordWrap(False)
        self.sample_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.sample_table.horizontalHeader().hide()
        self.sample_table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.sample_table.horizontalScrollBar().valueChanged.connect(self.field_table.horizontalScrollBar().setValue)
        self.field_table.horizontalScrollBar().valueChanged.connect(self.sample_table.horizontalScrollBar().setValue)
        self.field_table.horizontalHeader().sectionResized.connect(
            lambda column, _old, new: self.sample_table.setColumnWidth(column, new))
        fields_row = QHBoxLayout()  # the rows' scroll bar takes this much room on the right
        fields_row.setContentsMargins(0, 0, 0, 0)
        fields_row.setSpacing(0)
        fields_row.addWidget(self.field_table)
        fields_row.addSpacing(self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))
        tables = QVBoxLayout()
        tables.setSpacing(0)
        tables.addLayout(fields_row)
        tables.addWidget(self.sample_table, 1)
        self.mapping_status = self._label()
        self.mapping_status.setObjectName("mapping_status")
        self.remember = QCheckBox(self.tr("Remember how the columns are matched, for the next workbook with the "
                                          "same column titles"))
        self.remember.setChecked(True)
        layout.addWidget(self.mapping_intro)
        layout.addLayout(tables, 1)
        layout.addWidget(self.mapping_status)
        layout.addWidget(self.remember)
        return page

    def _build_report_page(self) -> QWidget:
        page, layout = self._page()
        self.report_intro = self._label()
        self.plan_progress = QProgressBar()
        self.plan_progress.setRange(0, 0)  # busy: the sheet's length is known only once read
        self.plan_progress.setMaximumWidth(240)
        self.plan_status = self._label()
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stop)
        progress = QHBoxLayout()
        progress.addWidget(self.plan_progress)
        progress.addWidget(self.plan_status, 1)
        progress.addWidget(self.stop_button)
        captions = {RowStatus.IMPORTED: self.tr("To import"), RowStatus.WARNED: self.tr("To import, with warnings"),
                    RowStatus.SKIPPED: self.tr("Skipped"), RowStatus.ALREADY: self.tr("Imported before")}
        counts = QGridLayout()
        counts.setHorizontalSpacing(24)
        counts.setVerticalSpacing(0)
        self.count_values: dict[RowStatus, QLabel] = {}
        for column, status in enumerate(RowStatus):
            value = QLabel("–")
            value.setObjectName(f"count_{status.value}")
            value.setStyleSheet("font-size: 15pt; font-weight: bold;")
            caption = QLabel(captions[status])
            caption.setStyleSheet(NOTE_STYLE)
            counts.addWidget(value, 0, column)
            counts.addWidget(caption, 1, column)
            self.count_values[status] = value
        counts.setColumnStretch(len(RowStatus), 1)
        self.filters = QButtonGroup(self)
        self.filter_buttons: list[QRadioButton] = []
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        for number in range(len(FILTERS)):
            button = QRadioButton()
            self.filters.addButton(button, number)
            self.filter_buttons.append(button)
            filters.addWidget(button)
        filters.addStretch(1)
        self.filter_buttons[0].setChecked(True)
        self.filters.idToggled.connect(lambda number, checked: self._apply_filter() if checked else None)
        self.outcome_model = RowOutcomeTableModel(self._lang, self)
        self.outcome_table = QTableView()
        self.outcome_table.setModel(self.outcome_model)
        self.outcome_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outcome_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outcome_table.setTabKeyNavigation(False)
        self.outcome_table.verticalHeader().hide()
        self.outcome_table.setWordWrap(False)
        self.outcome_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.outcome_table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((60, 150, 95, 60)):
            self.outcome_table.setColumnWidth(column, width)
        self.report_message = self._label()
        self.report_message.setObjectName("report_message")
        layout.addWidget(self.report_intro)
        layout.addLayout(progress)
        layout.addLayout(counts)
        layout.addLayout(filters)
        layout.addWidget(self.outcome_table, 1)
        layout.addWidget(self.report_message)
        return page

    def _build_import_page(self) -> QWidget:
        page, layout = self._page()
        self.import_status = self._label()
        self.import_progress = QProgressBar()
        self.summary = self._label()
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.import_status)
        layout.addWidget(self.import_progress)
        layout.addSpacing(8)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        return page

    # -- navigation ----------------------------------------------------------------------------------------
    @property
    def page(self) -> int:
        return self.stack.currentIndex()

    @property
    def running(self) -> str:
        """The task the worker is running ("" when none)."""
        return self._task if self._runner.busy else ""

    def _show_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        titles = (self.tr("Choose the file"), self.tr("Choose the sheet"), self.tr("Match the columns"),
                  self.tr("Check the rows"), self.tr("Import"))
        steps = []
        for number, title in enumerate(titles):
            text = html.escape(f"{number + 1}. {title}")
            steps.append(f"<b>{text}</b>" if number == page else f'<span style="color: #777777;">{text}</span>')
        self.steps.setText(" &nbsp;›&nbsp; ".join(steps))
        self._update_buttons()
        focus = {FILE: self.choose_button, SHEET: self.sheet_list, MAPPING: self.combos[0] if self.combos else None,
                 REPORT: self.outcome_table, IMPORT: self.next_button}[page]
        if focus is not None:
            focus.setFocus()

    def _update_buttons(self) -> None:
        page, running = self.page, self.running
        self.back_button.setVisible(page != IMPORT)
        self.back_button.setEnabled(page != FILE and running != INSPECT)
        self.cancel_button.setVisible(page != IMPORT)
        self.choose_button.setEnabled(running != INSPECT)
        if page == FILE:
            text, enabled = self.tr("Next (Enter)"), not running
        elif page == SHEET:
            text, enabled = self.tr("Next (Enter)"), self._chosen_sheet() is not None
        elif page == MAPPING:
            layout = self.mapped_layout
            text, enabled = self.tr("Check the rows (Enter)"), layout is not None and layout.is_logbook
        elif page == REPORT:
            if self.plan is None:
                text, enabled = self.tr("Check the rows (Enter)"), not running
            else:
                text = (self.tr("Import %Ln row(s) (Enter)", "", self.plan.to_write) if self.plan.to_write
                        else self.tr("Nothing new to import"))
                enabled = not running and self.plan.to_write > 0
        else:
            text, enabled = self.tr("Close (Enter)"), running != COMMIT
        self.next_button.setText(text)
        self.next_button.setEnabled(enabled)

    def go_on(self) -> None:
        """Next (Enter): the step's action, then the next page."""
        if not self.next_button.isEnabled():
            return
        page = self.page
        if page == FILE:
            if self.preview is None:
                self.choose_file()
            else:
                self._show_page(SHEET)
        elif page == SHEET:
            self._to_mapping()
        elif page == MAPPING:
            self._check_rows()
        elif page == REPORT:
            if self.plan is None:
                self._start_plan()
            else:
                self._start_import()
        else:
            self.accept()

    def go_back(self) -> None:
        """Back: the previous page; a check of the rows running stops, a row report is dropped."""
        page = self.page
        if page in (FILE, IMPORT) or self.running == INSPECT:
            return
        if page == REPORT:
            self._stop_worker()
            self.plan = None
        self._show_page(page - 1)

    # -- 1. the file ---------------------------------------------------------------------------------------
    def _open_shortcut(self) -> None:
        if self.page == FILE:
            self.choose_file()

    def choose_file(self) -> None:
        """Ask for the workbook (Excel or CSV; .xls is offered so that it can be refused with advice)."""
        if self.running:
            return
        folder = start_folder(ExcelImportWizard.last_folder)
        filters = ";;".join((self.tr("Excel workbooks and CSV files (*.xlsx *.xlsm *.xls *.csv)"),
                             self.tr("All files (*)")))
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the old logbook"), folder, filters)
        if chosen:
            self.open_file(Path(chosen))

    def open_file(self, path: Path) -> None:
        """Read the workbook's sheets and first rows on the worker; the sheet page follows."""
        ExcelImportWizard.last_folder = str(path.parent)
        self.path = path
        self.preview, self._rows, self.sheet, self.mapped_layout, self.plan = None, {}, None, None, None
        self.file_name.setText(str(path))
        self.file_error.clear()
        self.file_status.setText(self.tr("Reading {file}…").format(file=path.name))
        self.file_progress.show()

        def inspect(_worker: DeskTaskWorker, desk: Desk) -> tuple[WorkbookPreview, PreviewRows]:
            preview = desk.excel_import.inspect(path)
            return preview, first_rows(path, preview)

        self._run(INSPECT, inspect)

    def _inspected(self, result: tuple[WorkbookPreview, PreviewRows]) -> None:
        self.preview, self._rows = result
        self.file_progress.hide()
        self.file_status.setText(self.tr("“{file}”: %n sheet(s)", "", len(self.preview.sheets)).format(
            file=self.preview.file_name))
        self._fill_sheets()
        self._show_page(SHEET)

    # -- 2. the sheet --------------------------------------------------------------------------------------
    def _fill_sheets(self) -> None:
        preview = self.preview
        self.sheet_intro.setText(self.tr("“{file}” has %n sheet(s). Choose the one that holds the logbook:", "",
                                         len(preview.sheets)).format(file=preview.file_name))
        self.sheet_list.clear()
        proposed = preview.sheet()
        current = None
        for number, sheet in enumerate(preview.sheets):
            layout = sheet.layout
            problem = layout.problem
            if problem is None:
                detail = self.tr("Looks like a reception logbook: column titles on row {row}, %n column(s) "
                                 "recognised.", "", len(layout.mapping)).format(row=layout.header_row)
            elif problem.code in UNUSABLE:
                detail = problem.render(self._lang)
            else:
                detail = " ".join((problem.render(self._lang),
                                   self.tr("You can match its columns yourself on the next page.")))
            mark = "✔" if problem is None else "✘"
            item = QListWidgetItem(f"{mark}  {layout.sheet}\n      {detail}")
            item.setData(Qt.ItemDataRole.UserRole, number)
            if problem is not None:
                item.setForeground(QColor(SKIPPED_COLOUR if problem.code in UNUSABLE else "#8a5300"))
            if problem is not None and problem.code in UNUSABLE:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
            elif current is None or sheet is proposed:
                current = item
            self.sheet_list.addItem(item)
        if current is not None:
            self.sheet_list.setCurrentItem(current)

    def _chosen_sheet(self) -> SheetPreview | None:
        item = self.sheet_list.currentItem()
        if self.preview is None or item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return self.preview.sheets[item.data(Qt.ItemDataRole.UserRole)]

    def _to_mapping(self) -> None:
        sheet = self._chosen_sheet()
        if sheet is None:
            return
        if sheet is not self.sheet:  # the same sheet again keeps the officer's corrections
            self.sheet = sheet
            self._fill_mapping(sheet)
        self._show_page(MAPPING)

    # -- 3. the columns ------------------------------------------------------------------------------------
    def field_label(self, name: str) -> str:
        return dict(LOGBOOK_FIELDS)[name] if self._lang == "vi" else ENGLISH_FIELDS[name]

    def _fill_mapping(self, sheet: SheetPreview) -> None:
        layout = sheet.layout
        rows = self._rows.get(layout.sheet, [])
        width = max(len(layout.headers), max((len(texts) for _, texts in rows), default=0),
                    max(layout.mapping, default=-1) + 1, 1)
        first = layout.first_data_row
        self.mapping_intro.setText(self.tr(
            "Sheet “{sheet}”: column titles on row {row}, data from row {first}. Check the field each column goes "
            "into (the boxes above the columns); the sheet's first rows are shown below.").format(
            sheet=layout.sheet, row=layout.header_row, first=first))
        self.field_table.setColumnCount(0)
        self.field_table.setRowCount(1)
        self.field_table.setColumnCount(width)
        self.field_table.setVerticalHeaderLabels([self.tr("Goes into")])
        self.combos = []
        for column in range(width):
            title = layout.headers[column] if column < len(layout.headers) else ""
            header = QTableWidgetItem(f"{column_letter(column)}: {title}" if title else column_letter(column))
            header.setToolTip(title)
            self.field_table.setHorizontalHeaderItem(column, header)
            combo = compact(QComboBox(), 10)
            combo.addItem(self.tr("(skip this column)"), SKIP)
            for name, _label in LOGBOOK_FIELDS:
                combo.addItem(self.field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(layout.mapping.get(column, SKIP))))
            combo.setToolTip(self.tr("Column {letter}: the logbook field it goes into").format(
                letter=column_letter(column)))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.field_table.setCellWidget(0, column, combo)
            self.combos.append(combo)
        self.sample_table.setColumnCount(0)
        self.sample_table.setRowCount(len(rows))
        self.sample_table.setColumnCount(width)
        for row, (number, texts) in enumerate(rows):
            self.sample_table.setVerticalHeaderItem(row, QTableWidgetItem(str(number)))
            for column, text in enumerate(texts[:width]):
                item = QTableWidgetItem(text)
                if len(text) > 20:
                    item.setToolTip(text)
                self.sample_table.setItem(row, column, item)
        for column, combo in enumerate(self.combos):
            if column:
                QWidget.setTabOrder(self.combos[column - 1], combo)
            column_width = max(COLUMN_WIDTH, combo.sizeHint().width() + 6)
            self.field_table.setColumnWidth(column, column_width)
            self.sample_table.setColumnWidth(column, column_width)
        row_height = max(self.combos[0].sizeHint().height() + 4, self.field_table.verticalHeader().defaultSectionSize())
        self.field_table.setRowHeight(0, row_height)
        header_width = max(self.fontMetrics().horizontalAdvance(text) for text in
                           [self.tr("Goes into"), *(str(number) for number, _ in rows)]) + 14
        self.field_table.verticalHeader().setFixedWidth(header_width)
        self.sample_table.verticalHeader().setFixedWidth(header_width)
        self.field_table.setFixedHeight(self.field_table.horizontalHeader().sizeHint().height() + row_height
                                        + 2 * self.field_table.frameWidth())
        QWidget.setTabOrder(self.combos[-1], self.remember)
        self._mapping_changed()

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A column's box reached with Tab is scrolled into sight, with its rows."""
        if new in self.combos:
            self.field_table.scrollTo(self.field_table.model().index(0, self.combos.index(new)))

    def mapping(self) -> dict[int, str]:
        """Column → field as the boxes say (columns left out are not in it)."""
        return {column: combo.currentData() for column, combo in enumerate(self.combos) if combo.currentData()}

    def _mapping_changed(self) -> None:
        """Check the boxes at each change: a field chosen twice, the essential fields still missing."""
        mapping = self.mapping()
        self._grey_skipped(mapping)
        try:
            layout = self.sheet.layout.with_mapping(mapping)
        except UserError as error:
            self.mapped_layout = None
            self._say(self.mapping_status, error.render(self._lang), ERROR_STYLE)
        else:
            self.mapped_layout = layout
            if layout.missing:
                groups = []
                for group in layout.missing:
                    labels = [f"“{self.field_label(name)}”" for name in group.split("|")]
                    text = labels[0]
                    for other in labels[1:]:
                        text = self.tr("{first} or {second}").format(first=text, second=other)
                    groups.append(text)
                self._say(self.mapping_status, self.tr(
                    "Still needed: a column for {fields}. Choose it in the box above that column.").format(
                    fields=", ".join(groups)), ERROR_STYLE)
            else:
                self._say(self.mapping_status, self.tr(
                    "%n column(s) matched; the visit date, the name and the content are there. Columns "
                    "skipped are not imported.", "", len(mapping)), DONE_STYLE)
        self._update_buttons()

    def _grey_skipped(self, mapping: dict[int, str]) -> None:
        """The rows' cells of a column left out are shown grey."""
        grey, normal = QColor(SKIPPED_COLOUR), self.sample_table.palette().text().color()
        for row in range(self.sample_table.rowCount()):
            for column in range(self.sample_table.columnCount()):
                item = self.sample_table.item(row, column)
                if item is not None:
                    item.setForeground(normal if column in mapping else grey)

    def _check_rows(self) -> None:
        """Keep the mapping for next time if asked, then check every row."""
        layout = self.mapped_layout
        if layout is None or not layout.is_logbook:
            return
        if self.remember.isChecked():
            try:
                self.desk.excel_import.save_mapping(layout)
            except UserError as error:
                self._say(self.mapping_status, error.render(self._lang), ERROR_STYLE)
                return
        self._start_plan()

    # -- 4. the row report ---------------------------------------------------------------------------------
    def _start_plan(self) -> None:
        path, layout = self.path, self.mapped_layout
        self.plan = None
        self._show_page(REPORT)
        self.report_intro.setText(self.tr("Sheet “{sheet}” of “{file}”.").format(sheet=layout.sheet,
                                                                                  file=self.preview.file_name))
        for label in self.count_values.values():
            label.setText("–")
        self.outcome_model.set_items([])
        self._set_filter_counts(None)
        self.report_message.clear()
        self.plan_status.setText(self.tr("Reading and checking the rows…"))
        self.plan_progress.show()
        self.stop_button.show()
        self.stop_button.setEnabled(True)
        self._run(PLAN, lambda worker, desk: desk.excel_import.plan(
            path, layout=layout, progress=worker.report_progress, cancelled=lambda: worker.cancelled))

    def _planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        self._end_plan_progress()
        self.plan_status.setText(self.tr("%Ln row(s) read and checked.", "", len(plan.outcomes)))
        for status, label in self.count_values.items():
            label.setText(self.locale().toString(plan.count(status)))
        self._set_filter_counts(plan)
        self.filter_buttons[0].setChecked(True)
        self._apply_filter()
        if plan.to_write:
            self._say(self.report_message, self.tr(
                "Nothing has been written yet. Press Enter (or the Import button) to write the %Ln row(s) to "
                "import into the logbook; rows skipped are left out.", "", plan.to_write), NOTE_STYLE)
        else:
            self._say(self.report_message, self._sentence(UserError(
                "excel_import.nothing_to_import", file=plan.file_name, already=plan.count(RowStatus.ALREADY),
                skipped=plan.count(RowStatus.SKIPPED)).render(self._lang)), DONE_STYLE)
        self._update_buttons()
        self.outcome_table.setFocus()

    def _set_filter_counts(self, plan: ImportPlan | None) -> None:
        texts = (self.tr("All ({count})"), self.tr("With warnings ({count})"), self.tr("Skipped ({count})"))
        for button, text, statuses in zip(self.filter_buttons, texts, FILTERS, strict=True):
            if plan is None:
                count = "–"
            elif statuses is None:
                count = self.locale().toString(len(plan.outcomes))
            else:
                count = self.locale().toString(sum(plan.count(status) for status in statuses))
            button.setText(text.format(count=count))
            button.setEnabled(plan is not None)

    def _apply_filter(self) -> None:
        """The rows the chosen filter keeps: all, those imported with warnings, those skipped."""
        if self.plan is None:
            self.outcome_model.set_items([])
            return
        statuses = FILTERS[max(0, self.filters.checkedId())]
        self.outcome_model.set_items(self.plan.outcomes if statuses is None else
                                     [o for o in self.plan.outcomes if o.status in statuses])

    def _end_plan_progress(self) -> None:
        self.plan_progress.hide()
        self.stop_button.hide()

    def stop(self) -> None:
        """Stop checking the rows (the Stop button): nothing was imported; Next checks them again."""
        if self.running == PLAN:
            self._runner.cancel()
            self.stop_button.setEnabled(False)
            self.plan_status.setText(self.tr("Stopping…"))

    # -- 5. the import -------------------------------------------------------------------------------------
    def _start_import(self) -> None:
        plan = self.plan
        if plan is None or not plan.to_write or self.running:
            return
        self._show_page(IMPORT)
        self.summary.clear()
        self.import_status.setStyleSheet("")
        self.import_status.setText(self.tr("Writing %Ln row(s) into the logbook…", "", plan.to_write))
        self.import_progress.setRange(0, len(plan.records))
        self.import_progress.setValue(0)
        self.import_progress.show()
        self._run(COMMIT, lambda worker, desk: desk.excel_import.commit(plan, progress=worker.report_progress),
                  writes=True)

    def _committed(self, report: ImportReport) -> None:
        self.report = report
        plan = self.plan
        self.import_progress.setValue(self.import_progress.maximum())
        written = report.by_entity()
        visits, citizens, cases = (sum(written.get(entity, {}).get(outcome, 0) for outcome in ("new", "updated"))
                                   for entity in ("visit", "citizen", "case"))
        years = sorted({o.visit_date[:4] for o in plan.outcomes
                        if o.status in (RowStatus.IMPORTED, RowStatus.WARNED) and o.visit_date})
        self._say(self.import_status, self.tr("The old logbook is imported."), DONE_STYLE)
        lines = [self.tr("%Ln visit(s) written into the logbook", "", visits),
                 self.tr("%Ln new citizen(s) (people already in the desk were found and kept)", "", citizens),
                 self.tr("%Ln case(s), recorded as closed on the day of the visit", "", cases)]
        if plan.count(RowStatus.SKIPPED) or plan.count(RowStatus.ALREADY):
            lines.append(self.tr("Rows skipped: {skipped}; rows imported before: {already}").format(
                skipped=plan.count(RowStatus.SKIPPED), already=plan.count(RowStatus.ALREADY)))
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        where = self.tr("The visits are in the logbook under their own dates ({years}).").format(
            years=", ".join(years))
        self.summary.setText(f"<ul>{items}</ul><p>{html.escape(where)}</p>")
        self._update_buttons()
        self.imported.emit(report)

    # -- the worker ------------------------------------------------------------------------------------------
    def _run(self, task: str, call: Callable[[DeskTaskWorker, Desk], Any], *, writes: bool = False) -> None:
        self._task = task
        self._runner.run(call, {INSPECT: self._inspected, PLAN: self._planned, COMMIT: self._committed}[task],
                         self._task_failed, writes=writes, progressed=self._progressed, stopped=self._task_stopped)

    def _progressed(self, count: int) -> None:
        if self._task == PLAN and not self._runner.cancelled:
            self.plan_status.setText(self.tr("Reading and checking the rows… %Ln row(s) read", "", count))
        elif self._task == COMMIT:
            self.import_progress.setValue(min(count, self.import_progress.maximum()))

    def _task_failed(self, error: Exception) -> None:
        if isinstance(error, UserError):
            text = self._sentence(error.render(self._lang))
        else:
            text = self.tr("An unexpected error stopped the import: {reason}").format(
                reason=str(error) or type(error).__name__)
        if self._task == INSPECT:
            self.file_progress.hide()
            self.file_status.clear()
            self._say(self.file_error, text, ERROR_STYLE)
        elif self._task == PLAN:
            self._end_plan_progress()
            self.plan_status.clear()
            self._say(self.report_message, text, ERROR_STYLE)
        elif isinstance(error, UserError) and error.code == "excel_import.nothing_to_import":
            self.import_progress.hide()
            self._say(self.import_status, text, DONE_STYLE)
        else:
            self.import_progress.hide()
            self._say(self.import_status, "\n".join((text, self.tr(
                "Nothing was written: the logbook is as it was."))), ERROR_STYLE)

    def _task_stopped(self) -> None:
        if self._task == PLAN:  # stopped: no row report
            self._end_plan_progress()
            self.plan_status.clear()
            self._say(self.report_message, self._sentence(UserError(
                "excel_import.cancelled", file=self.preview.file_name).render(self._lang)), NOTE_STYLE)

    def _stop_worker(self) -> None:
        """Stop the running read (a write runs to its end)."""
        if not self._runner.busy or self._task == COMMIT:
            return
        self._runner.retire()
        self._end_plan_progress()
        self.file_progress.hide()
        self.file_status.clear()

    def _wait_for_workers(self) -> None:
        """Every worker ended, the one writing included (the dialog and its threads go together)."""
        self._stop_worker()
        self._runner.retire(cancel=False)
        self._runner.wait()

    # -- closing ---------------------------------------------------------------------------------------------
    def reject(self) -> None:
        """Close (Esc): not while the rows are being written; asks first when a row report would be lost."""
        if self.running == COMMIT:
            return
        plan = self.plan
        if self.page == REPORT and plan is not None and plan.to_write:
            answer = QMessageBox.question(
                self, self.tr("Import an old logbook from Excel"),
                self.tr("Close without importing? The row report is lost; nothing has been written."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._wait_for_workers()
        super().reject()

    def accept(self) -> None:
        """Close after the import (Enter on the summary)."""
        self._wait_for_workers()
        super().accept()

    def close_wizard(self) -> None:
        """Close at once, asking nothing (the desk was locked or the screen closes); a write in progress ends
        first."""
        self._wait_for_workers()
        self.done(QDialog.DialogCode.Rejected)

    # -- helpers ---------------------------------------------------------------------------------------------
    @staticmethod
    def _say(label: QLabel, text: str, style: str) -> None:
        show_message(label, text, style)

    @staticmethod
    def _sentence(text: str) -> str:
        """A catalogue message shown alone starts with a capital letter."""
        return text[:1].upper() + text[1:]
