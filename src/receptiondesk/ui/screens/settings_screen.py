"""The administrator's settings screen: the unit, signers, villages, fields, working-day calendar,
legal time limits (read-only) and the program's language, one tab each."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.domain.calendar import HOLIDAY, WORKING
from receptiondesk.domain.report_periods import MAX_CUTOFF_DAY
from receptiondesk.domain.units import DeskSettings
from receptiondesk.errors import UserError
from receptiondesk.messages import field_label
from receptiondesk.services.consolidation import upper_unit_name
from receptiondesk.services.desk import Desk
from receptiondesk.services.setup import SignerDraft
from receptiondesk.ui.look import ERROR_STYLE, NOTE_STYLE, scrolled
from receptiondesk.ui.look import DONE_STYLE as STATUS_STYLE, local_shortcut
from receptiondesk.ui.models.calendar_day_table_model import CalendarDayTableModel
from receptiondesk.ui.models.field_table_model import FieldTableModel
from receptiondesk.ui.models.signer_table_model import SignerTableModel
from receptiondesk.ui.models.time_limit_table_model import TimeLimitTableModel

#: Where the program's language is kept (per Windows user, outside the desk file), read at start-up.
SETTINGS_ORGANISATION = "ReceptionDesk"
SETTINGS_APPLICATION = "ReceptionDesk"
LANGUAGE_KEY = "language"
LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each language named in itself: data, not translated

MAX_AUTO_LOCK_MINUTES = 240
YEAR_RANGE = (2000, 2100)
SIGNER_COLUMN_WIDTHS = (240, 260)
FIELD_COLUMN_WIDTHS = (190, 260, 240)
CALENDAR_COLUMN_WIDTHS = (100, 110, 170)
TIME_LIMIT_COLUMN_WIDTHS = (210, 120, 170, 125)


def language_settings() -> QSettings:
    """The per-user settings holding the program's language (the same store as the window layout)."""
    return QSettings(SETTINGS_ORGANISATION, SETTINGS_APPLICATION)


class SettingsScreen(QWidget):
    """Seven tabs over `desk.setup` and the desk's context; shown to administrators only.

    Every change goes through one service call, so a refused change leaves nothing half-saved; the
    service's message is shown in red and the focus moves to the field it names. Ctrl+S saves (or
    adds) what the current tab holds. `consolidation_requested` asks the window for the consolidation
    screen (where an administrator of the upper level turns that mode on).
    """

    consolidation_requested = Signal()

    def __init__(self, desk: Desk, lang: str = "vi", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.signer_model = SignerTableModel(self)
        self.field_model = FieldTableModel(self)
        self.calendar_model = CalendarDayTableModel(lang, self)
        self.time_limit_model = TimeLimitTableModel(self)
        self.unit_page = self._add_tab(self._build_unit_tab(), self.tr("Unit"))
        self.signers_page = self._add_tab(self._build_signers_tab(), self.tr("Signers"))
        self.villages_page = self._add_tab(self._build_villages_tab(), self.tr("Villages"))
        self.fields_page = self._add_tab(self._build_fields_tab(), self.tr("Fields"))
        self.calendar_page = self._add_tab(self._build_calendar_tab(), self.tr("Calendar"))
        self.time_limits_page = self._add_tab(self._build_time_limits_tab(), self.tr("Time limits"))
        self.language_page = self._add_tab(self._build_language_tab(), self.tr("Language"))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(STATUS_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self._problem_widgets: dict[str, QWidget] = {
            "commune_code": self.commune_code,
            "officer_name": self.officer_name,
            "upper_level_name": self.upper_level_name,
            "upper_level_code": self.upper_level_code,
            "delegation_threshold": self.threshold,
            "remote_area": self.remote_area,
            "auto_lock_minutes": self.auto_lock,
            "cutoff_day": self.report_cutoff,
            "villages": self.village_list,
            "signer_name": self.signer_name,
            "signer_title": self.signer_title,
            "signer_role": self.signer_role,
            "field_code_new": self.field_code,
            "field_name": self.field_name_vi,
            "field_code": self.field_table,
            "calendar_day": self.day_edit,
            "calendar_kind": self.day_kind,
        }
        self.save_shortcut = local_shortcut(self, QKeySequence.StandardKey.Save, self.save_current)
        self.tabs.currentChanged.connect(self._clear_messages)
        self.setFocusProxy(self.tabs)  # the main window focuses the screen: the tab bar takes it (arrows, Ctrl+S)

    def _add_tab(self, page: QWidget, title: str) -> QWidget:
        """Each tab scrolls, so nothing is clipped on a small screen (1366×768 at 125%)."""
        self.tabs.addTab(scrolled(page), title)
        return page

    @staticmethod
    def _note(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(NOTE_STYLE)
        return label

    @staticmethod
    def _table(model: QAbstractItemModel, widths: tuple[int, ...]) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)
        return table

    # -- building the tabs -------------------------------------------------------------------
    def _build_unit_tab(self) -> QWidget:
        page = QWidget()
        self.commune_name = QLineEdit()
        self.commune_code = QLineEdit()
        self.province = QLineEdit()
        for edit in (self.commune_name, self.commune_code, self.province):
            edit.setReadOnly(True)
            edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.commune_code.setMaximumWidth(120)
        self.officer_name = QLineEdit()
        self.upper_level_name = QLineEdit()
        self.upper_level_name.setPlaceholderText(self.tr("The office that collects the commune's data files"))
        self.upper_level_code = QLineEdit()
        self.upper_level_code.setMaximumWidth(120)
        self.threshold = QSpinBox()
        self.threshold.setRange(2, 100)
        self.threshold.setSuffix(self.tr(" persons"))
        self.threshold.setMaximumWidth(140)
        self.remote_area = QCheckBox(self.tr("The commune is a remote or disadvantaged area"))
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, MAX_AUTO_LOCK_MINUTES)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setMaximumWidth(140)
        self.report_cutoff = QSpinBox()
        self.report_cutoff.setRange(0, MAX_CUTOFF_DAY)
        self.report_cutoff.setSpecialValueText(self.tr("Calendar months"))
        self.report_cutoff.setMaximumWidth(180)
        self.save_unit_button = QPushButton(self.tr("Save"))
        self.save_unit_button.setToolTip(self.tr("Save the unit's settings (Ctrl+S)"))
        self.save_unit_button.clicked.connect(self.save_unit)
        # Reached with Tab but not taken by a click: a click must not first "correct" a half-typed number.
        self.save_unit_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        fixed = QGroupBox(self.tr("Unit (fixed after set-up)"))
        fixed_form = QFormLayout(fixed)
        code_row = QHBoxLayout()
        code_row.addWidget(self.commune_name, 1)
        code_row.addWidget(QLabel(f"{field_label('commune_code', self._lang)}:"))
        code_row.addWidget(self.commune_code)
        fixed_form.addRow(self.tr("Commune:"), code_row)
        fixed_form.addRow(self.tr("Province:"), self.province)
        self.desk_role = QLabel()
        self.desk_role.setWordWrap(True)
        self.consolidation_button = QPushButton(self.tr("Upper-level consolidation…"))
        self.consolidation_button.setToolTip(self.tr("For the upper level's office only: what the mode is and how to "
                                                     "turn it on"))
        self.consolidation_button.clicked.connect(lambda: self.consolidation_requested.emit())
        role_row = QHBoxLayout()
        role_row.addWidget(self.desk_role, 1)
        role_row.addWidget(self.consolidation_button)
        fixed_form.addRow(self.tr("Role of this desk:"), role_row)

        desk_box = QGroupBox(self.tr("Desk"))
        form = QFormLayout(desk_box)
        form.addRow(self.tr("Reception officer:"), self.officer_name)
        upper_row = QHBoxLayout()
        upper_row.addWidget(self.upper_level_name, 1)
        upper_row.addWidget(QLabel(self.tr("Code:")))
        upper_row.addWidget(self.upper_level_code)
        form.addRow(self.tr("Upper level:"), upper_row)
        form.addRow(f"{field_label('delegation_threshold', self._lang)}:", self.threshold)
        remote_box = QVBoxLayout()
        remote_box.setSpacing(2)
        remote_box.addWidget(self.remote_area)
        remote_box.addWidget(self._note(self.tr("Remote areas have longer legal time limits "
                                                "(a first complaint decision: 45 days instead of 30).")))
        form.addRow(self.tr("Remote area:"), remote_box)
        lock_row = QHBoxLayout()
        lock_row.addWidget(self.auto_lock)
        lock_row.addWidget(self._note(self.tr("Sign out after this long without use (0 = never).")), 1)
        form.addRow(self.tr("Automatic lock:"), lock_row)
        cutoff_row = QHBoxLayout()
        cutoff_row.addWidget(self.report_cutoff)
        cutoff_row.addWidget(self._note(self.tr("0 = calendar months; day N: a report month runs from day N+1 of "
                                                "the month before to day N.")), 1)
        form.addRow(self.tr("Reports' data cut-off day:"), cutoff_row)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_unit_button)
        layout = QVBoxLayout(page)
        layout.addWidget(fixed)
        layout.addWidget(desk_box)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def _build_signers_tab(self) -> QWidget:
        page = QWidget()
        self.signer_table = self._table(self.signer_model, SIGNER_COLUMN_WIDTHS)
        self.signer_name = QLineEdit()
        self.signer_title = QLineEdit()
        self.signer_title.setPlaceholderText(self.tr("As printed under the signature"))
        self.signer_role = QComboBox()
        for role, label in self.signer_model.role_labels().items():
            self.signer_role.addItem(label, role)
        self.add_signer_button = QPushButton(self.tr("Add signer"))
        self.add_signer_button.clicked.connect(self.add_signer)
        self.signer_name.returnPressed.connect(self.signer_title.setFocus)
        self.signer_title.returnPressed.connect(self.add_signer)
        box = QGroupBox(self.tr("New signer"))
        grid = QGridLayout(box)
        grid.addWidget(QLabel(f"{field_label('signer_name', self._lang)}:"), 0, 0)
        grid.addWidget(self.signer_name, 0, 1)
        grid.addWidget(QLabel(f"{field_label('signer_title', self._lang)}:"), 0, 2)
        grid.addWidget(self.signer_title, 0, 3)
        grid.addWidget(QLabel(f"{field_label('signer_role', self._lang)}:"), 1, 0)
        grid.addWidget(self.signer_role, 1, 1)
        grid.addWidget(self.add_signer_button, 1, 3, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self._note(self.tr("The people who sign the desk's notices and reports.")))
        layout.addWidget(self.signer_table, 1)
        layout.addWidget(box)
        return page

    def _build_villages_tab(self) -> QWidget:
        page = QWidget()
        self.village_list = QListWidget()
        self.village_list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                          | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.new_village = QLineEdit()
        self.new_village.setPlaceholderText(self.tr("Name of a village or residential group"))
        self.new_village.returnPressed.connect(self.add_village)
        self.add_village_button = QPushButton(self.tr("Add"))
        self.add_village_button.clicked.connect(self.add_village)
        self.rename_village_button = QPushButton(self.tr("Rename"))
        self.rename_village_button.setToolTip(self.tr("Edit the selected line (F2)"))
        self.rename_village_button.clicked.connect(self.rename_village)
        self.remove_village_button = QPushButton(self.tr("Remove"))
        self.remove_village_button.clicked.connect(self.remove_village)
        self.move_up_button = QPushButton(self.tr("Move up"))
        self.move_up_button.clicked.connect(lambda: self._move_village(-1))
        self.move_down_button = QPushButton(self.tr("Move down"))
        self.move_down_button.clicked.connect(lambda: self._move_village(1))
        self.save_villages_button = QPushButton(self.tr("Save villages"))
        self.save_villages_button.setToolTip(self.tr("Save the list (Ctrl+S)"))
        self.save_villages_button.clicked.connect(self.save_villages)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_village, 1)
        add_row.addWidget(self.add_village_button)
        side = QVBoxLayout()
        for button in (self.rename_village_button, self.remove_village_button, self.move_up_button,
                       self.move_down_button):
            side.addWidget(button)
        side.addStretch(1)
        side.addWidget(self.save_villages_button)
        body = QHBoxLayout()
        body.addWidget(self.village_list, 1)
        body.addLayout(side)
        layout = QVBoxLayout(page)
        layout.addWidget(self._note(self.tr("Villages and residential groups offered when an address is typed. "
                                            "Changes are kept when you save the list.")))
        layout.addLayout(add_row)
        layout.addLayout(body, 1)
        return page

    def _build_fields_tab(self) -> QWidget:
        page = QWidget()
        self.field_table = self._table(self.field_model, FIELD_COLUMN_WIDTHS)
        self.field_table.selectionModel().currentRowChanged.connect(self._field_selected)
        self.toggle_field_button = QPushButton(self.tr("Retire the selected field"))
        self.toggle_field_button.setEnabled(False)
        self.toggle_field_button.clicked.connect(self.toggle_field)
        self.field_code = QLineEdit()
        self.field_code.setPlaceholderText(self.tr("e.g. water_supply"))
        self.field_name_vi = QLineEdit()
        self.field_name_en = QLineEdit()
        self.add_field_button = QPushButton(self.tr("Add field"))
        self.add_field_button.clicked.connect(self.add_field)
        self.field_code.returnPressed.connect(self.field_name_vi.setFocus)
        self.field_name_vi.returnPressed.connect(self.field_name_en.setFocus)
        self.field_name_en.returnPressed.connect(self.add_field)
        toggle_row = QHBoxLayout()
        toggle_row.addWidget(self._note(self.tr("Fields are retired, never deleted: old cases keep theirs.")), 1)
        toggle_row.addWidget(self.toggle_field_button)
        box = QGroupBox(self.tr("New field"))
        grid = QGridLayout(box)
        grid.addWidget(QLabel(f"{field_label('field_code_new', self._lang)}:"), 0, 0)
        grid.addWidget(self.field_code, 0, 1)
        grid.addWidget(QLabel(self.tr("Vietnamese name:")), 0, 2)
        grid.addWidget(self.field_name_vi, 0, 3)
        grid.addWidget(QLabel(self.tr("English name:")), 1, 2)
        grid.addWidget(self.field_name_en, 1, 3)
        grid.addWidget(self.add_field_button, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)
        layout = QVBoxLayout(page)
        layout.addWidget(self.field_table, 1)
        layout.addLayout(toggle_row)
        layout.addWidget(box)
        return page

    def _build_calendar_tab(self) -> QWidget:
        page = QWidget()
        today = self.desk.context.today()
        self.year = QSpinBox()
        self.year.setRange(*YEAR_RANGE)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self._load_calendar)
        self.calendar_count = QLabel()
        self.calendar_table = self._table(self.calendar_model, CALENDAR_COLUMN_WIDTHS)
        self.calendar_table.selectionModel().currentRowChanged.connect(self._calendar_day_selected)
        self.day_edit = QDateEdit()
        self.day_edit.setDisplayFormat("dd/MM/yyyy")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.day_kind = QComboBox()
        for kind in (HOLIDAY, WORKING):
            self.day_kind.addItem(self.calendar_model.kind_labels()[kind], kind)
        self.day_name = QLineEdit()
        self.day_name.setPlaceholderText(self.tr("e.g. the holiday's name"))
        self.day_name.returnPressed.connect(self.set_calendar_day)
        self.set_day_button = QPushButton(self.tr("Add or change"))
        self.set_day_button.clicked.connect(self.set_calendar_day)
        self.set_day_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # as the Unit tab's Save button
        self.remove_day_button = QPushButton(self.tr("Remove the selected day"))
        self.remove_day_button.clicked.connect(self.remove_calendar_day)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addWidget(self.calendar_count, 1)
        top.addWidget(self.remove_day_button)
        box = QGroupBox(self.tr("Day off or make-up working day"))
        grid = QGridLayout(box)
        grid.addWidget(QLabel(f"{field_label('calendar_day', self._lang)}:"), 0, 0)
        grid.addWidget(self.day_edit, 0, 1)
        grid.addWidget(QLabel(f"{field_label('calendar_kind', self._lang)}:"), 0, 2)
        grid.addWidget(self.day_kind, 0, 3)
        grid.addWidget(QLabel(self.tr("Name:")), 1, 0)
        grid.addWidget(self.day_name, 1, 1, 1, 3)
        grid.addWidget(self.set_day_button, 1, 4)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.calendar_table, 1)
        layout.addWidget(self._note(self.tr("Enter the official schedule each year, with its make-up working "
                                            "Saturdays. Open cases' due dates are recomputed on every change.")))
        layout.addWidget(box)
        for first, second in ((self.year, self.remove_day_button), (self.remove_day_button, self.calendar_table),
                              (self.calendar_table, self.day_edit), (self.day_edit, self.day_kind),
                              (self.day_kind, self.day_name), (self.day_name, self.set_day_button)):
            QWidget.setTabOrder(first, second)
        return page

    def _build_time_limits_tab(self) -> QWidget:
        page = QWidget()
        self.time_limit_table = self._table(self.time_limit_model, TIME_LIMIT_COLUMN_WIDTHS)
        self.time_limit_table.setWordWrap(True)
        self.time_limit_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.time_limit_table.selectionModel().currentRowChanged.connect(self._time_limit_selected)
        self.remote_note = self._note("")
        self.time_limit_note = self._note("")
        self.time_limit_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(self._note(self.tr("The legal time limits (read-only). A case follows the version in "
                                            "force on the day it was received; versions in force today are bold.")))
        layout.addWidget(self.remote_note)
        layout.addWidget(self.time_limit_table, 1)
        layout.addWidget(self.time_limit_note)
        return page

    def _build_language_tab(self) -> QWidget:
        page = QWidget()
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setMaximumWidth(240)
        self.language.activated.connect(self.save_language)
        form = QFormLayout()
        form.addRow(self.tr("Language of the program:"), self.language)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self._note(self.tr("The choice is kept for this Windows user and takes effect when the "
                                            "program is next opened.")))
        layout.addStretch(1)
        return page

    # -- the screen's life -------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Settings")

    def refresh(self) -> None:
        """Reload every tab from the services (unsaved edits on the screen are dropped)."""
        self._clear_messages()
        self._load_unit(self.desk.context.settings)
        self._load_signers()
        self._load_fields()
        self._load_calendar()
        self._load_time_limits()
        self._load_language()

    def clear(self) -> None:
        """Empty every widget: the desk was locked."""
        self._clear_messages()
        self.desk_role.clear()
        for edit in (self.commune_name, self.commune_code, self.province, self.officer_name,
                     self.upper_level_name, self.upper_level_code, self.new_village, self.signer_name,
                     self.signer_title, self.field_code, self.field_name_vi, self.field_name_en, self.day_name):
            edit.clear()
        self.threshold.setValue(self.threshold.minimum())
        self.remote_area.setChecked(False)
        self.auto_lock.setValue(0)
        self.report_cutoff.setValue(0)
        self.village_list.clear()
        self.signer_model.set_rows([])
        self.field_model.set_rows([])
        self.calendar_model.set_days([])
        self.calendar_count.clear()
        self.time_limit_model.clear()
        self.remote_note.clear()
        self.time_limit_note.clear()
        self.toggle_field_button.setEnabled(False)

    def save_current(self) -> None:
        """Ctrl+S: save (or add) what the current tab holds."""
        page = self.tabs.currentWidget()
        actions = {self.unit_page: self.save_unit, self.signers_page: self.add_signer,
                   self.villages_page: self.save_villages, self.fields_page: self.add_field,
                   self.calendar_page: self.set_calendar_day, self.language_page: self.save_language}
        for content, action in actions.items():
            if page is not None and page.isAncestorOf(content):
                action()
                return

    # -- messages ----------------------------------------------------------------------------
    def _clear_messages(self) -> None:
        self.error.clear()
        self.status.clear()

    def _done(self, text: str) -> None:
        self.error.clear()
        self.status.setText(text)

    def _fail(self, text: str, widget: QWidget | None = None) -> None:
        if widget is not None:
            self._focus(widget)  # may switch tabs, which clears the messages: show the error after
        self.status.clear()
        self.error.setText(text)

    def _show_error(self, error: UserError) -> None:
        """The service's message, and the focus on the first problem's field where there is one."""
        widget = next((self._problem_widgets[p.field] for p in error.problems if p.field in self._problem_widgets),
                      None)
        self._fail(error.render(self._lang), widget)

    def _focus(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).isAncestorOf(widget):
                self.tabs.setCurrentIndex(index)
                break
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QSpinBox):
            widget.selectAll()

    # -- 1. unit -----------------------------------------------------------------------------
    def _load_unit(self, settings: DeskSettings) -> None:
        commune = settings.commune
        self.commune_name.setText(commune.commune_name if commune else "")
        self.commune_code.setText(settings.commune_code)
        self.province.setText(commune.province_name if commune else "")
        upper = self.desk.consolidation.is_upper()
        self.desk_role.setText(self.tr("Also the upper level's consolidation desk ({name}, code {code})").format(
            name=upper_unit_name(commune.province_name), code=commune.province_code) if upper and commune else
            self.tr("A commune's reception desk"))
        self.consolidation_button.setVisible(not upper)
        self.officer_name.setText(settings.officer_name)
        self.upper_level_name.setText(settings.upper_level_name)
        self.upper_level_code.setText(settings.upper_level_code)
        self.threshold.setValue(settings.delegation_threshold)
        self.remote_area.setChecked(settings.remote_area)
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.report_cutoff.setValue(settings.report_cutoff_day)
        self.village_list.clear()
        for village in settings.villages:
            self._append_village(village)

    def save_unit(self) -> bool:
        """One update_settings call with everything on the Unit tab."""
        before = self.desk.context.settings
        try:
            updated = self.desk.setup.update_settings(
                officer_name=self.officer_name.text(),
                upper_level_name=self.upper_level_name.text(),
                upper_level_code=self.upper_level_code.text(),
                delegation_threshold=self.threshold.cleanText().strip(),  # the typed text: the service checks it
                remote_area=self.remote_area.isChecked(),
                auto_lock_minutes=self.auto_lock.value(),
                report_cutoff_day=self._typed_cutoff(),  # as typed: the service checks it
            )
        except UserError as error:
            self._show_error(error)
            return False
        self._load_unit(updated)
        self._load_time_limits()
        message = self.tr("Settings saved.")
        if updated.remote_area != before.remote_area:
            message += " " + self.tr("Open cases' due dates were recomputed for the remote-area change.")
        if updated.auto_lock_minutes != before.auto_lock_minutes:
            message += " " + self.tr("The new automatic lock applies from the next start of the program.")
        if updated.report_cutoff_day != before.report_cutoff_day:
            message += " " + self.tr("The Reports screen now proposes report months by the new cut-off day.")
        self._done(message)
        return True

    def _typed_cutoff(self) -> str:
        """The reports' cut-off day as typed; "0" while the box shows "Calendar months" (an empty box is 0 too)."""
        spin = self.report_cutoff
        return "0" if spin.text() == spin.specialValueText() else spin.cleanText().strip()

    # -- 2. signers --------------------------------------------------------------------------
    def _load_signers(self) -> None:
        self.signer_model.set_rows(self.desk.setup.signers())

    def add_signer(self) -> bool:
        draft = SignerDraft(self.signer_name.text(), self.signer_title.text(), self.signer_role.currentData())
        try:
            uuid = self.desk.setup.add_signer(draft)
        except UserError as error:
            self._show_error(error)
            return False
        self._load_signers()
        row = next((r for r in range(self.signer_model.rowCount()) if self.signer_model.row_uuid(r) == uuid), -1)
        if row >= 0:
            self.signer_table.selectRow(row)
        self.signer_name.clear()
        self.signer_title.clear()
        self.signer_name.setFocus()
        self._done(self.tr("Signer added."))
        return True

    # -- 3. villages -------------------------------------------------------------------------
    def _append_village(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.village_list.addItem(item)
        return item

    def villages(self) -> list[str]:
        """The lines of the list as shown (not yet saved)."""
        return [self.village_list.item(i).text() for i in range(self.village_list.count())]

    def add_village(self) -> None:
        name = " ".join(self.new_village.text().split())
        if not name:
            self._fail(self.tr("Type the village's name first."), self.new_village)
            return
        if name.casefold() in (v.casefold() for v in self.villages()):
            self._fail(self.tr("This village is already in the list."), self.new_village)
            return
        item = self._append_village(name)
        self.village_list.setCurrentItem(item)
        self.new_village.clear()
        self.new_village.setFocus()
        self._done(self.tr("Added to the list; save the list to keep it."))

    def rename_village(self) -> None:
        item = self.village_list.currentItem()
        if item is None:
            self._fail(self.tr("Select a village in the list first."), self.village_list)
            return
        self.village_list.setFocus()
        self.village_list.editItem(item)

    def remove_village(self) -> None:
        row = self.village_list.currentRow()
        if row < 0:
            self._fail(self.tr("Select a village in the list first."), self.village_list)
            return
        self.village_list.takeItem(row)
        self._done(self.tr("Removed from the list; save the list to keep the change."))

    def _move_village(self, step: int) -> None:
        row = self.village_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.village_list.count():
            return
        item = self.village_list.takeItem(row)
        self.village_list.insertItem(target, item)
        self.village_list.setCurrentRow(target)

    def save_villages(self) -> bool:
        try:
            updated = self.desk.setup.update_settings(villages=self.villages())
        except UserError as error:
            self._show_error(error)
            return False
        self.village_list.clear()
        for village in updated.villages:
            self._append_village(village)
        self._done(self.tr("Villages saved: %n line(s).", "", len(updated.villages)))
        return True

    # -- 4. fields ---------------------------------------------------------------------------
    def _load_fields(self, select: str | None = None) -> None:
        self.field_model.set_rows(self.desk.setup.fields(include_inactive=True))
        row = self.field_model.row_of(select) if select else -1
        if row >= 0:
            self.field_table.selectionModel().setCurrentIndex(
                self.field_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        else:
            self._field_selected()

    def _field_selected(self, *_: object) -> None:
        row = self.field_table.currentIndex().row()
        self.toggle_field_button.setEnabled(row >= 0)
        if row >= 0 and not self.field_model.row_active(row):
            self.toggle_field_button.setText(self.tr("Use the selected field again"))
        else:
            self.toggle_field_button.setText(self.tr("Retire the selected field"))

    def add_field(self) -> bool:
        code = self.field_code.text()
        try:
            self.desk.setup.add_field(code, self.field_name_vi.text(), self.field_name_en.text())
        except UserError as error:
            self._show_error(error)
            return False
        stored = code.strip().lower().replace(" ", "_")
        self._load_fields(select=stored)
        for edit in (self.field_code, self.field_name_vi, self.field_name_en):
            edit.clear()
        self.field_code.setFocus()
        self._done(self.tr("Field added."))
        return True

    def toggle_field(self) -> bool:
        row = self.field_table.currentIndex().row()
        code = self.field_model.row_code(row)
        if code is None:
            self._fail(self.tr("Select a field in the table first."), self.field_table)
            return False
        active = not self.field_model.row_active(row)
        try:
            self.desk.setup.set_field_active(code, active)
        except UserError as error:
            self._show_error(error)
            return False
        self._load_fields(select=code)
        self._done(self.tr("The field is in use again.") if active
                   else self.tr("The field is retired: it is no longer offered for new cases."))
        return True

    # -- 5. calendar -------------------------------------------------------------------------
    def _load_calendar(self, *_: object, select: date | None = None) -> None:
        days = self.desk.setup.calendar_days(self.year.value())
        self.calendar_model.set_days(days)
        holidays = sum(1 for d in days if d.kind == HOLIDAY)
        self.calendar_count.setText(self.tr("%n holiday(s)", "", holidays) + ", "
                                    + self.tr("%n make-up working day(s)", "", len(days) - holidays))
        row = self.calendar_model.row_of(select) if select else -1
        if row >= 0:
            index = self.calendar_model.index(row, 0)
            self.calendar_table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.calendar_table.scrollTo(index)

    def _calendar_day_selected(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        entry = self.calendar_model.day_at(current.row())
        if entry is None:
            return
        self.day_edit.setDate(QDate(entry.day.year, entry.day.month, entry.day.day))
        self.day_kind.setCurrentIndex(self.day_kind.findData(entry.kind))
        self.day_name.setText(entry.name)

    def set_calendar_day(self) -> bool:
        day: date = self.day_edit.date().toPython()
        try:
            moved = self.desk.setup.set_calendar_day(day, self.day_kind.currentData(), self.day_name.text())
        except UserError as error:
            self._show_error(error)
            return False
        if self.year.value() != day.year:
            self.year.blockSignals(True)
            self.year.setValue(day.year)
            self.year.blockSignals(False)
        self._load_calendar(select=day)
        message = self.tr("Calendar saved.")
        if moved:
            message += " " + self.tr("%n open case(s) got a new due date.", "", moved)
        self._done(message)
        return True

    def remove_calendar_day(self) -> bool:
        entry = self.calendar_model.day_at(self.calendar_table.currentIndex().row())
        if entry is None:
            self._fail(self.tr("Select a day in the table first."), self.calendar_table)
            return False
        try:
            moved = self.desk.setup.remove_calendar_day(entry.day)
        except UserError as error:
            self._show_error(error)
            return False
        self._load_calendar()
        message = self.tr("Day removed from the calendar.")
        if moved:
            message += " " + self.tr("%n open case(s) got a new due date.", "", moved)
        self._done(message)
        return True

    # -- 6. time limits ----------------------------------------------------------------------
    def _load_time_limits(self) -> None:
        context = self.desk.context
        self.time_limit_model.set_rules(context.rules, context.today())
        self.remote_note.setText(
            self.tr("This desk is set as a remote area: the remote-area limits apply to its cases.")
            if context.settings.remote_area else
            self.tr("This desk is not set as a remote area (see the Unit tab)."))
        self.time_limit_note.clear()

    def _time_limit_selected(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        limit = self.time_limit_model.limit_at(current.row())
        if limit is None:
            self.time_limit_note.clear()
            return
        self.time_limit_note.setText(f"{self.time_limit_model.rule_name(limit.code)} — {limit.source}"
                                     + (f": {limit.note}" if limit.note else ""))

    # -- 7. language -------------------------------------------------------------------------
    def _load_language(self) -> None:
        stored = language_settings().value(LANGUAGE_KEY, self._lang)
        index = self.language.findData(stored if stored in dict(LANGUAGES) else self._lang)
        self.language.setCurrentIndex(max(index, 0))

    def save_language(self, *_: object) -> None:
        code = self.language.currentData()
        settings = language_settings()
        settings.setValue(LANGUAGE_KEY, code)
        settings.sync()
        self._done(self.tr("Language saved. It takes effect when the program is next opened."))
