"""The follow-up screen: what leaders assigned and what the desk still owes the citizens — overdue first, then
due soon, then the rest — with the result, the telling of the citizen and the closing of a case a key away, and the
list as filtered exported to Excel or CSV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import SIGNAL, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.domain.accounts import Permission
from receptiondesk.errors import UserError
from receptiondesk.messages import enum_label
from receptiondesk.services.desk import Desk
from receptiondesk.services.followup import CASE, FollowupRequest, FollowupState, FollowupView
from receptiondesk.storage.listing import ListRequest
from receptiondesk.ui.dialogs.citizen_told_dialog import CitizenToldDialog
from receptiondesk.ui.dialogs.close_case_dialog import CloseCaseDialog
from receptiondesk.ui.dialogs.record_result_dialog import RecordResultDialog
from receptiondesk.ui.look import local_shortcut
from receptiondesk.ui.models.followup_table_model import FollowupTableModel
from receptiondesk.ui.widgets.compact_combo import compact
from receptiondesk.ui.widgets.export_button import STYLES, ExportButton

FILTER_DELAY_MS = 250
STATE_WIDTH = 150
MAX_STATE_WIDTH = 240
ICON_ROOM = 40  # the marker and the cell's margins
CITIZEN_WIDTH = 130
ASSIGNEE_WIDTH = 150
ERROR_STYLE = "color: #b00020;"
DONE_STYLE = "color: #1b5e20;"


def _day(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else "—"


def _html(text: str | None) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


class FollowupScreen(QWidget):
    """Filters over the follow-up table, the counts, the actions, and the selected row's case below."""

    #: "Open the case" (Enter): the case's UUID, for a window that has a case screen to show it.
    case_requested = Signal(str)

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self._applied_dates = ("", "")
        self._shown: FollowupRequest | None = None  # the request of the list shown (None: nothing is)
        self.dialog: QDialog | None = None  # the action's dialog while it is open
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._connect()
        self._update_actions()

    def title(self) -> str:
        return self.tr("Follow-up")

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.view = compact(QComboBox(), 14)
        for view, label in ((FollowupView.PENDING, self.tr("Everything pending")),
                            (FollowupView.OVERDUE, self.tr("Overdue only")),
                            (FollowupView.DUE_SOON, self.tr("Due soon")),
                            (FollowupView.WAITING_RESULT, self.tr("Waiting for the result")),
                            (FollowupView.WAITING_TELL, self.tr("Waiting to tell the citizen")),
                            (FollowupView.ALL, self.tr("All, with results"))):
            self.view.addItem(label, view.value)
        self.assignee = QLineEdit()
        self.assignee.setClearButtonEnabled(True)
        self.assignee.setPlaceholderText(self.tr("Part of the name, diacritics optional"))
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for field in (self.date_from, self.date_to):
            field.setPlaceholderText(self.tr("dd/mm/yyyy"))
            field.setMaxLength(10)
            field.setFixedWidth(field.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        view_label = QLabel(self.tr("&Show"))
        view_label.setBuddy(self.view)
        assignee_label = QLabel(self.tr("&Assigned to"))
        assignee_label.setBuddy(self.assignee)
        from_label = QLabel(self.tr("Due &from"))
        from_label.setBuddy(self.date_from)
        to_label = QLabel(self.tr("t&o"))
        to_label.setBuddy(self.date_to)
        filters = QHBoxLayout()
        filters.addWidget(view_label)
        filters.addWidget(self.view)
        filters.addSpacing(8)
        filters.addWidget(assignee_label)
        filters.addWidget(self.assignee, 1)
        filters.addSpacing(8)
        filters.addWidget(from_label)
        filters.addWidget(self.date_from)
        filters.addWidget(to_label)
        filters.addWidget(self.date_to)

        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.RichText)

        self.model = FollowupTableModel(self.desk.followup, self._lang, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        bold = self.table.font()
        bold.setBold(True)
        texts = self.model.sample_state_texts()
        state_width = max([QFontMetrics(bold).horizontalAdvance(texts[0])]
                          + [metrics.horizontalAdvance(t) for t in texts[1:]]) + ICON_ROOM
        widths = {"state": min(max(STATE_WIDTH, state_width), MAX_STATE_WIDTH),
                  "date": metrics.horizontalAdvance("00/00/0000") + 16,
                  "citizen_name": CITIZEN_WIDTH, "assignee": ASSIGNEE_WIDTH}
        for column, name in enumerate(self.model.COLUMNS):
            if name in widths:
                self.table.setColumnWidth(column, widths[name])
            else:  # the case and the task share what is left
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                             | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.details.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details.setMinimumHeight(40)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 90])
        self.splitter.setCollapsible(0, False)

        self.result_button = QPushButton(self.tr("Record the result (Ctrl+R)"))
        self.told_button = QPushButton(self.tr("Citizen told (Ctrl+T)"))
        self.close_button = QPushButton(self.tr("Close the case (Ctrl+E)"))
        self.open_button = QPushButton(self.tr("Open the case (Enter)"))
        self.export_button = ExportButton(self.desk, "followup", lambda: self._shown, self._lang, parent=self,
                                          expected_rows=self.model.rowCount)
        self.export_button.set_available(False)  # until the list is read
        self.export_button.reported.connect(self._exported)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions = QHBoxLayout()
        for button in (self.result_button, self.told_button, self.close_button, self.open_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.counts)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        order = [self.view, self.assignee, self.date_from, self.date_to, self.table, self.result_button,
                 self.told_button, self.close_button, self.open_button, self.export_button, self.details]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.view.currentIndexChanged.connect(self.refresh)
        self.assignee.textChanged.connect(self._timer.start)
        for field in (self.date_from, self.date_to):
            field.editingFinished.connect(self._dates_edited)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(self.open_case)
        self.result_button.clicked.connect(self.record_result)
        self.told_button.clicked.connect(self.record_citizen_told)
        self.close_button.clicked.connect(self.close_case)
        self.open_button.clicked.connect(self.open_case)
        for key, slot in ((QKeySequence("Ctrl+R"), self.record_result), (QKeySequence("Ctrl+T"),
                          self.record_citizen_told), (QKeySequence("Ctrl+E"), self.close_case),
                          (QKeySequence("Ctrl+O"), self.open_case), (QKeySequence(Qt.Key.Key_F5), self.refresh)):
            local_shortcut(self, key, slot)

    # -- screen API ----------------------------------------------------------------------------
    def request(self) -> FollowupRequest:
        """The filters as typed."""
        return FollowupRequest(view=self.view.currentData(), assignee=self.assignee.text(),
                               date_from=self.date_from.text().strip() or None,
                               date_to=self.date_to.text().strip() or None)

    def refresh(self) -> None:
        """Re-read the list with the filters; the selected row stays selected while it is still listed."""
        self._timer.stop()
        if self.desk.context.session is None:
            return
        current = self.current_record()
        keep = current["key"] if current else None
        row = max(self.table.currentIndex().row(), 0)
        request = self.request()
        self._applied_dates = (self.date_from.text(), self.date_to.text())
        self.export_button.apply_permissions()
        try:
            keys = self.desk.followup.keys(request)
            counts = self.desk.followup.counts(request)
        except UserError as error:
            self._shown = None
            self.export_button.set_available(False)
            self._show_error(error)
            return
        if self.message.styleSheet() == ERROR_STYLE:
            self.message.clear()
        self.model.set_keys(keys, request)
        self._shown = request
        self.export_button.set_available(True)
        parts = [self.tr("%n overdue", "", counts.overdue), self.tr("%n due soon", "", counts.due_soon),
                 self.tr("%n waiting for a result", "", counts.waiting_result),
                 self.tr("%n to tell the citizen", "", counts.waiting_tell)]
        if counts.overdue:
            parts[0] = f'<b style="{ERROR_STYLE}">{parts[0]}</b>'
        shown = self.tr("%n row(s) shown", "", len(keys))
        self.counts.setText(" · ".join(parts) + f"  —  {shown}")
        if keys:
            found = self.model.row_of_key(keep) if keep is not None else -1
            self._select(found if found >= 0 else min(row, len(keys) - 1))
        else:
            self._row_changed()

    def clear(self) -> None:
        """Forget what is shown (the desk was locked); an open dialog is closed unsaved."""
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.reject()
        self.export_button.stop()
        self._shown = None
        self.export_button.set_available(False)
        self.model.set_keys([])
        self.counts.clear()
        self.details.clear()
        self.message.clear()
        self._update_actions()

    def close_screen(self) -> None:
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.reject()
        self.export_button.stop(wait=True)
        self.close()

    # -- selection -----------------------------------------------------------------------------
    def current_record(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _select(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self._row_changed()

    def _row_changed(self, *_: object) -> None:
        self._update_actions()
        self._show_details(self.current_record())

    def _may_record(self) -> bool:
        session = self.desk.context.session
        return session is not None and session.user.may(Permission.RECORD)

    def _update_actions(self) -> None:
        record = self.current_record()
        writer = self._may_record()
        is_assignment = record is not None and record["kind"] != CASE
        self.result_button.setEnabled(writer and is_assignment)
        self.told_button.setEnabled(writer and record is not None and (
            record["state"] == FollowupState.RESULT_IN or (record["kind"] == CASE and record["ready_to_tell"])))
        self.close_button.setEnabled(writer and record is not None and record["case_status"] != "closed")
        self.open_button.setEnabled(record is not None)

    def _show_details(self, record: dict[str, Any] | None) -> None:
        """The selected row's case: summary, citizen, status and dates, and every assignment of it."""
        if record is None:
            self.details.clear()
            return
        try:
            case = self.desk.cases.get(record["case_uuid"])
            assignments = self.desk.followup.list(ListRequest(filters={"case": record["case_uuid"]}), limit=100)
        except UserError as error:
            self.details.setText(_html(error.render(self._lang)))
            return
        lines = [self.tr("<b>Case</b> received {received} — {status}, due {due}; citizen: {citizen}").format(
            received=_day(case["received_on"]), status=enum_label("case_status", case["status"], self._lang),
            due=_day(case["due_date"]), citizen=_html(case["citizen_name"] or "—")),
            _html(case["summary"])]
        for item in assignments:
            if item["citizen_told_on"]:
                where = self.tr("result {result_on}, citizen told {told_on} ({how})").format(
                    result_on=_day(item["result_on"]), told_on=_day(item["citizen_told_on"]),
                    how=enum_label("told_how", item["citizen_told_how"], self._lang))
            elif item["result_on"]:
                where = self.tr("result {result_on}, citizen not told").format(result_on=_day(item["result_on"]))
            else:
                where = self.tr("no result yet")
            lines.append(self.tr("• <b>{assignee}</b>, deadline {deadline}: {state}").format(
                assignee=_html(item["assignee"]), deadline=_day(item["deadline"]), state=where))
        self.details.setText("<br>".join(lines))

    # -- actions -------------------------------------------------------------------------------
    def record_result(self) -> None:
        """Ctrl+R: the result of the selected assignment."""
        record = self.current_record()
        if record is None or record["kind"] == CASE or not self.result_button.isEnabled():
            return
        self._run(lambda: RecordResultDialog(self.desk, record["uuid"], self._lang, self),
                  self.tr("Result recorded."))

    def record_citizen_told(self) -> None:
        """Ctrl+T: the citizen was told the selected assignment's result, or every result of the selected case."""
        record = self.current_record()
        if record is None or not self.told_button.isEnabled():
            return
        target = {"case_uuid": record["uuid"]} if record["kind"] == CASE else {"assignment_uuid": record["uuid"]}
        self._run(lambda: CitizenToldDialog(self.desk, lang=self._lang, parent=self, **target),
                  self.tr("Recorded that the citizen was told."))

    def close_case(self) -> None:
        """Ctrl+E: close the selected row's case."""
        record = self.current_record()
        if record is None or not self.close_button.isEnabled():
            return
        self._run(lambda: CloseCaseDialog(self.desk, record["case_uuid"], self._lang, self), self.tr("Case closed."))

    def open_case(self, *_: object) -> None:
        """Enter: ask the window to show the case; without a case screen, the case's details take the focus."""
        record = self.current_record()
        if record is None:
            return
        if self.receivers(SIGNAL("case_requested(QString)")) > 0:
            self.case_requested.emit(record["case_uuid"])
        else:
            self.details.setFocus(Qt.FocusReason.OtherFocusReason)

    def _run(self, make_dialog: Callable[[], QDialog], done: str) -> None:
        """Open the dialog (window-modal); once it saved, say so and re-read the list (the row may move or leave)."""
        if self.dialog is not None:
            return
        try:
            dialog = make_dialog()
        except UserError as error:  # the record went away meanwhile (voided, or the desk was locked)
            self._show_error(error)
            return
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(done))
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _exported(self, outcome: str, text: str) -> None:
        self.message.setStyleSheet(STYLES[outcome])
        self.message.setText(text)

    def _saved(self, done: str) -> None:
        self.message.setStyleSheet(DONE_STYLE)
        self.message.setText(done)
        self.refresh()

    def _dialog_closed(self, *_: object) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.window().activateWindow()  # back to the list, keyboard ready for the next row
        self.table.setFocus()

    def _dates_edited(self) -> None:
        """Enter in a date, or leaving it: re-read the list if a date changed."""
        if (self.date_from.text(), self.date_to.text()) != self._applied_dates:
            self.refresh()

    def _show_error(self, error: UserError) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error.render(self._lang))
        widgets = {"followup_from": self.date_from, "followup_to": self.date_to, "followup_view": self.view}
        widget = next((widgets[p.field] for p in error.problems if p.field in widgets), None)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()
