"""The leaders' sessions screen: a month calendar with the session days marked, the month's sessions, the leaders'
minimum reception days for the month (green when met, red when missed), and the queue of cases waiting for a
leader; from here sessions are scheduled, corrected, given cases, cancelled and recorded as held, and the month's
sessions export to Excel or CSV."""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QFrame,
    QGroupBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.domain.accounts import Permission
from receptiondesk.domain.sessions import ComplianceReport, Period, PeriodStatus, RuleCompliance, SessionStatus
from receptiondesk.errors import UserError
from receptiondesk.messages import enum_label
from receptiondesk.services.desk import Desk
from receptiondesk.storage.listing import MAX_PAGE, ListRequest
from receptiondesk.ui.dialogs.document_dialog import DocumentDialog
from receptiondesk.ui.dialogs.hold_session_dialog import HoldSessionDialog
from receptiondesk.ui.dialogs.session_dialog import SessionDialog
from receptiondesk.ui.look import local_shortcut, shape_table
from receptiondesk.ui.models.session_queue_model import SessionQueueModel
from receptiondesk.ui.models.session_table_model import SessionTableModel
from receptiondesk.ui.widgets.export_button import STYLES, ExportButton

QUEUE_LIMIT = 200
#: Text and background of a compliance line by the state of its rule.
STATUS_STYLE = {
    PeriodStatus.MET: ("#1b5e20", "#e8f5e9"),
    PeriodStatus.MISSED: ("#b00020", "#fdecea"),
    PeriodStatus.OPEN: ("#6d4c00", "#fff8e1"),
    PeriodStatus.EXEMPT: ("#424242", "#eeeeee"),
}
#: Colours of the session days on the calendar, by the session's status.
DAY_COLOURS = {"planned": "#0b57d0", "held": "#1b5e20", "cancelled": "#9e9e9e"}
DAY_BACKGROUND = "#e3f2fd"
HOLIDAY_COLOUR = "#c62828"
SESSION_COLUMN_WIDTHS = (86, 180, 170, 110, 50)
QUEUE_COLUMN_WIDTHS = (86, 86, 150, 86, 300)
#: The month's sessions are listed (and exported) oldest first.
LIST_SORT = "oldest"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _short(value: date) -> str:
    return value.strftime("%d/%m")


class SessionsScreen(QWidget):
    """Calendar and compliance on the left; the month's sessions and the waiting queue on the right."""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.dialog: SessionDialog | HoldSessionDialog | None = None
        self.report: ComplianceReport | None = None
        self._marked: list[QDate] = []
        self._shown_today = False
        self._shown: ListRequest | None = None  # the request of the month's sessions shown
        self._build()
        self._connect()

    def title(self) -> str:
        return self.tr("Leaders' sessions")

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setMaximumHeight(210)
        self.compliance_box = QGroupBox(self.tr("Leaders' reception days this month"))
        compliance_layout = QVBoxLayout(self.compliance_box)
        compliance_layout.setContentsMargins(6, 4, 6, 4)
        self.compliance_labels: dict[str, QLabel] = {}
        for sector in ("state", "party"):
            label = QLabel()
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setMargin(4)
            self.compliance_labels[sector] = label
            compliance_layout.addWidget(label)
        self.details_box = QGroupBox(self.tr("Selected session"))
        details_layout = QVBoxLayout(self.details_box)
        details_layout.setContentsMargins(6, 4, 6, 4)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details_scroll = QScrollArea()  # a long list of attendees scrolls rather than being cut off
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        details_scroll.setWidgetResizable(True)
        details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        details_scroll.setWidget(self.details)
        details_scroll.viewport().setAutoFillBackground(False)
        self.details.setAutoFillBackground(False)
        details_layout.addWidget(details_scroll, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.calendar)
        left_layout.addWidget(self.compliance_box)
        left_layout.addWidget(self.details_box, 1)

        self.sessions_label = QLabel()
        self.sessions_model = SessionTableModel(self._lang, self)
        self.sessions_table = self._table(self.sessions_model, SESSION_COLUMN_WIDTHS, stretch=1)
        self.sessions_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.schedule_button = QPushButton(self.tr("Schedule… (Ctrl+L)"))
        self.edit_button = QPushButton(self.tr("Correct… (Ctrl+E)"))
        self.hold_button = QPushButton(self.tr("Hold session… (Ctrl+H)"))
        self.cancel_button = QPushButton(self.tr("Cancel session"))
        self.notice_button = QPushButton(self.tr("Issue the notice… (Ctrl+I)"))
        self.export_button = ExportButton(self.desk, "sessions", lambda: self._shown, self._lang, parent=self,
                                          expected_rows=lambda: self.sessions_model.rowCount(),
                                          file_suffix=lambda: self.month().strftime("%Y-%m"),
                                          hint=self.tr("Write the sessions of the month shown to an Excel or CSV "
                                                       "file"))
        self.export_button.set_available(False)  # until a month is shown
        self.export_button.reported.connect(self._exported)
        session_buttons = QGridLayout()  # two rows: one would be wider than a 1366×768 screen at 125%
        for position, button in enumerate((self.schedule_button, self.edit_button, self.cancel_button,
                                           self.hold_button, self.notice_button, self.export_button)):
            session_buttons.addWidget(button, position // 3, position % 3)
        session_buttons.setColumnStretch(3, 1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.sessions_label)
        upper_layout.addWidget(self.sessions_table, 1)
        upper_layout.addLayout(session_buttons)

        self.queue_label = QLabel()
        self.queue_model = SessionQueueModel(self._lang, self)
        self.queue_table = self._table(self.queue_model, QUEUE_COLUMN_WIDTHS, stretch=4)
        self.queue_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton(self.tr("Add to the selected session (Ctrl+D)"))
        queue_buttons = QHBoxLayout()
        queue_buttons.addWidget(self.add_button)
        queue_buttons.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.queue_label)
        lower_layout.addWidget(self.queue_table, 1)
        lower_layout.addLayout(queue_buttons)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(upper)
        right.addWidget(lower)
        right.setChildrenCollapsible(False)
        right.setSizes([260, 240])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([290, 640])
        self.splitter.setChildrenCollapsible(False)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        order = [self.calendar, self.sessions_table, self.schedule_button, self.edit_button, self.hold_button,
                 self.cancel_button, self.notice_button, self.export_button, self.queue_table, self.add_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def _table(self, model, widths: tuple[int, ...], stretch: int) -> QTableView:
        """A read-only table, one line a row; column `stretch` takes the room left, so nothing scrolls sideways."""
        table = QTableView()
        table.setModel(model)
        shape_table(table, widths, single=False)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    def _connect(self) -> None:
        self.calendar.currentPageChanged.connect(lambda *_: self.refresh_month())
        self.calendar.selectionChanged.connect(self._select_day)
        self.calendar.activated.connect(lambda day: self.schedule(_pydate(day)))
        self.sessions_table.selectionModel().selectionChanged.connect(self._apply_selection)
        self.sessions_table.activated.connect(lambda *_: self.edit())
        self.queue_table.selectionModel().selectionChanged.connect(self._apply_selection)
        self.schedule_button.clicked.connect(lambda: self.schedule())
        self.edit_button.clicked.connect(self.edit)
        self.hold_button.clicked.connect(self.hold)
        self.cancel_button.clicked.connect(self.cancel)
        self.notice_button.clicked.connect(self.issue_notice)
        self.add_button.clicked.connect(self.add_cases)
        for keys, slot in (("Ctrl+L", self.schedule), ("Ctrl+E", self.edit), ("Ctrl+H", self.hold),
                           ("Ctrl+D", self.add_cases), ("Ctrl+I", self.issue_notice)):
            local_shortcut(self, keys, slot)

    # -- screen API ----------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.desk.context.session is None:
            return
        if not self._shown_today:  # the desk's today (its clock), not the PC's
            self._shown_today = True
            self.calendar.setSelectedDate(_qdate(self.desk.context.today()))
        self.export_button.apply_permissions()
        self.refresh_month()
        self.refresh_queue()

    def clear(self) -> None:
        """The desk was locked: show nothing; a running export stops."""
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.export_button.stop()
        self._shown = None
        self.export_button.set_available(False)
        self.sessions_model.set_rows([])
        self.queue_model.set_rows([])
        self._mark_days([])
        for label in self.compliance_labels.values():
            label.clear()
        self.details.clear()
        self.sessions_label.clear()
        self.queue_label.clear()
        self.message.clear()
        self.report = None
        self._shown_today = False

    def close_screen(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        self.export_button.stop(wait=True)
        self.close()

    # -- the month -----------------------------------------------------------------------------
    def month(self) -> date:
        return date(self.calendar.yearShown(), self.calendar.monthShown(), 1)

    def request(self) -> ListRequest:
        """The sessions of the month shown (cancelled ones included), oldest first."""
        first = self.month()
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return ListRequest(filters={"date_from": first.isoformat(), "date_to": last.isoformat()}, sort=LIST_SORT)

    def refresh_month(self) -> None:
        if self.desk.context.session is None:
            return
        month = self.month()
        today = self.desk.context.today()
        selected = self.selected_session()
        request = self.request()
        rows = self.desk.sessions.list(request, limit=MAX_PAGE)
        self._shown = request
        self.export_button.set_available(True)
        self.sessions_model.set_rows(rows, today)
        self.sessions_label.setText(self.tr("Sessions in {month}: %n", "", len(rows)).format(
            month=month.strftime("%m/%Y")))
        self._mark_days(rows)
        self.report = self.desk.sessions.compliance(month)
        for rule in self.report.rules:
            self._show_compliance(rule)
        self._select_session(selected)
        self._apply_selection()

    def _mark_days(self, rows: list[dict]) -> None:
        """Session days bold in their status colour on a light background; holidays in red."""
        for day in self._marked:
            self.calendar.setDateTextFormat(day, QTextCharFormat())
        self._marked = []
        if self.desk.context.session is None:
            return
        month = self.month()
        for holiday, name in self.desk.context.calendar.holidays.items():
            if (holiday.year, holiday.month) == (month.year, month.month):
                style = QTextCharFormat()
                style.setForeground(QColor(HOLIDAY_COLOUR))
                style.setToolTip(name)
                self.calendar.setDateTextFormat(_qdate(holiday), style)
                self._marked.append(_qdate(holiday))
        by_day: dict[str, list[dict]] = {}
        for row in rows:
            by_day.setdefault(row["session_date"], []).append(row)
        for day, sessions in by_day.items():
            statuses = [s["status"] for s in sessions]
            status = next((s for s in ("held", "planned", "cancelled") if s in statuses), "planned")
            style = QTextCharFormat()
            style.setFontWeight(QFont.Weight.Bold)
            style.setForeground(QColor(DAY_COLOURS[status]))
            style.setBackground(QColor(DAY_BACKGROUND))
            if status == "cancelled":
                style.setFontStrikeOut(True)
            style.setToolTip("\n".join(
                f"{s['leader_name']} — {enum_label('session_status', s['status'], self._lang)}" for s in sessions))
            qday = _qdate(date.fromisoformat(day))
            self.calendar.setDateTextFormat(qday, style)
            self._marked.append(qday)

    def _show_compliance(self, rule: RuleCompliance) -> None:
        label = self.compliance_labels[rule.rule.sector]
        role = self.tr("Chairman") if rule.rule.sector == "state" else self.tr("Party secretary")
        colour, background = STATUS_STYLE[rule.status]
        if not rule.periods:
            label.setStyleSheet("")
            label.setText(self.tr("{role}: no minimum in force this month").format(role=role))
            return
        if rule.rule.period is Period.WEEK:
            met = rule.count(PeriodStatus.MET)
            counted = [p for p in rule.periods if p.status is not PeriodStatus.EXEMPT]
            headline = self.tr("{role}: {met}/{weeks} weeks met (at least {required} day a week)").format(
                role=role, met=met, weeks=len(counted), required=rule.required)
            marks = {PeriodStatus.MET: "✔", PeriodStatus.MISSED: "✘", PeriodStatus.OPEN: "…",
                     PeriodStatus.EXEMPT: "–"}
            details = " · ".join(  # no break inside one week's figures
                f"{_short(p.start)}–{_short(p.end)}:\u00a0{p.counted}/{p.required}\u00a0{marks[p.status]}"
                for p in rule.periods)
        else:
            period = rule.periods[0]
            headline = self.tr("{role}: {counted}/{required} days this month").format(
                role=role, counted=period.counted, required=period.required)
            days = ", ".join(_short(d) for d in period.counted_days)
            planned = ", ".join(_short(d) for d in period.planned_days)
            details = self.tr("Received on: {days}").format(days=days or "—")
            if planned:
                details += " · " + self.tr("planned: {days}").format(days=planned)
        state = {PeriodStatus.MET: self.tr("met"), PeriodStatus.MISSED: self.tr("missed"),
                 PeriodStatus.OPEN: self.tr("in progress"), PeriodStatus.EXEMPT: self.tr("no working day")}
        extra = []
        if rule.delegated:
            extra.append(self.tr("delegated, not counted: %n", "", len(rule.delegated)))
        if rule.dialogues:
            extra.append(self.tr("dialogues: %n", "", len(rule.dialogues)))
        label.setStyleSheet(f"color: {colour}; background: {background}; border-radius: 3px;")
        label.setText(f"<b>{headline}</b> — {state[rule.status]}<br>{details}"
                      + (f"<br><i>{'; '.join(extra)}</i>" if extra else ""))
        label.setToolTip(rule.source)

    # -- selection -----------------------------------------------------------------------------
    def selected_session(self) -> dict | None:
        rows = self.sessions_table.selectionModel().selectedRows()
        return self.sessions_model.row(rows[0].row()) if rows else None

    def _select_session(self, session: dict | str | None) -> None:
        """That session if it is shown; else the one on the calendar's day, else the next planned one."""
        uuid = session["uuid"] if isinstance(session, dict) else session
        model = self.sessions_model
        row = model.row_of(uuid)
        if row < 0:
            row = model.first_row_on(_pydate(self.calendar.selectedDate()))
        if row < 0:
            today = self.desk.context.today().isoformat()
            row = next((i for i in range(model.rowCount()) if model.row(i)["status"] == SessionStatus.PLANNED
                        and model.row(i)["session_date"] >= today), -1)
        if row >= 0:
            self.sessions_table.selectRow(row)
        else:
            self.sessions_table.clearSelection()

    def _select_day(self) -> None:
        row = self.sessions_model.first_row_on(_pydate(self.calendar.selectedDate()))
        if row >= 0:
            self.sessions_table.selectRow(row)

    def _apply_selection(self, *_args) -> None:
        session = self.selected_session()
        may_record = self._may_record()
        planned = session is not None and session["status"] == SessionStatus.PLANNED
        due = planned and session["session_date"] <= self.desk.context.today().isoformat()
        self.schedule_button.setEnabled(may_record)
        self.edit_button.setEnabled(may_record and planned)
        self.cancel_button.setEnabled(may_record and planned)
        self.hold_button.setEnabled(may_record and due)
        self.notice_button.setEnabled(session is not None and session["status"] == SessionStatus.HELD
                                      and self.desk.context.session is not None
                                      and self.desk.context.session.user.may(Permission.PRINT))
        self.add_button.setEnabled(may_record and planned and bool(self.queue_table.selectionModel().selectedRows()))
        self._show_details(session)

    def _show_details(self, session: dict | None) -> None:
        if session is None:
            self.details.setText(self.tr("No session selected."))
            return
        lang = self._lang
        day = date.fromisoformat(session["session_date"]).strftime("%d/%m/%Y")
        kind = enum_label("session_kind", session["kind"], lang)
        sector = enum_label("sector", session["sector"], lang)
        lines = [f"<b>{day}</b> — {kind} · {sector} — {enum_label('session_status', session['status'], lang)}"]
        role = enum_label("leader_role", session["leader_role"], lang)
        lines.append(self.tr("Leader: {name} ({role})").format(name=session["leader_name"], role=role))
        if session["delegated"]:
            deputy = ", ".join(v for v in (session["delegate_name"], session["delegate_role"]) if v)
            lines.append(self.tr("Delegated to: {deputy}").format(deputy=deputy))
        if session["location"]:
            lines.append(self.tr("Place: {place}").format(place=session["location"]))
        if session["subject"]:
            lines.append(self.tr("Subject: {subject}").format(subject=session["subject"]))
        lines.append(self.tr("Cases on the list: {cases}, concluded: {concluded}").format(
            cases=session["case_count"], concluded=session["concluded_count"]))
        attendees = [a for a in (session["attendees"] or "").split("\n") if a]
        if attendees:
            lines.append(self.tr("Attendees: {names}").format(names="; ".join(attendees)))
        self.details.setText("<br>".join(html.escape(line) if i else line for i, line in enumerate(lines)))

    def _may_record(self) -> bool:
        session = self.desk.context.session
        return session is not None and session.user.may(Permission.RECORD)

    # -- the queue -----------------------------------------------------------------------------
    def refresh_queue(self) -> None:
        if self.desk.context.session is None:
            return
        rows = self.desk.sessions.waiting_cases(QUEUE_LIMIT)
        total = self.desk.sessions.waiting_count()
        self.queue_model.set_rows(rows, self.desk.context.today())
        text = self.tr("Cases waiting for a leader: %n", "", total)
        if total > len(rows):
            text += " " + self.tr("(the first {shown} shown)").format(shown=len(rows))
        self.queue_label.setText(text)
        self._apply_selection()

    # -- actions -------------------------------------------------------------------------------
    def _exported(self, outcome: str, text: str) -> None:
        self.message.setStyleSheet(STYLES[outcome])
        self.message.setText(text)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)

    def _fail(self, error: UserError) -> None:
        self._say(error.render(self._lang), error=True)

    def schedule(self, on: date | None = None) -> None:
        """A new session on the day chosen in the calendar (Ctrl+L, or Enter on a day)."""
        if not self._may_record() or self.dialog is not None:
            return
        day = on or _pydate(self.calendar.selectedDate())
        dialog = SessionDialog(self.desk, self._lang, on_date=day, parent=self)
        self._open(dialog, self._scheduled)

    def edit(self) -> None:
        session = self.selected_session()
        if session is None or session["status"] != SessionStatus.PLANNED or not self._may_record() \
                or self.dialog is not None:
            return
        dialog = SessionDialog(self.desk, self._lang, session_uuid=session["uuid"], parent=self)
        self._open(dialog, self._scheduled)

    def hold(self) -> None:
        """Record the selected planned session as held (Ctrl+H): the hold dialog."""
        session = self.selected_session()
        if session is None or not self.hold_button.isEnabled() or self.dialog is not None:
            return
        try:
            dialog = HoldSessionDialog(self.desk, session["uuid"], self._lang, parent=self)
        except UserError as error:
            self._fail(error)
            return
        self._open(dialog, self._held)

    def issue_notice(self) -> None:
        """The conclusion notice of the selected held session (Ctrl+I): edit, issue, print."""
        session = self.selected_session()
        if session is None or not self.notice_button.isEnabled() or self.dialog is not None:
            return
        try:
            dialog = DocumentDialog(self.desk, self.desk.paperwork.conclusion_notice(session["uuid"]), self._lang,
                                    parent=self)
        except UserError as error:
            self._fail(error)
            return
        self._open(dialog, lambda _dialog: None)

    def _open(self, dialog, done) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: done(dialog))
        dialog.finished.connect(lambda *_: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.sessions_table.setFocus()

    def _scheduled(self, dialog: SessionDialog) -> None:
        saved = dialog.saved
        day = date.fromisoformat(dialog.session_date.date().toString(Qt.DateFormat.ISODate))
        self.calendar.setSelectedDate(_qdate(day))  # shows its month (and refreshes it)
        self.refresh_month()
        self._select_session(saved.uuid)
        warnings = "\n".join(p.render(self._lang) for p in saved.warnings)
        self._say(self.tr("Session of {date} saved.").format(date=day.strftime("%d/%m/%Y"))
                  + (f"\n{warnings}" if warnings else ""))

    def _held(self, dialog: HoldSessionDialog) -> None:
        held = dialog.held
        self.refresh()
        self._select_session(held.uuid)
        text = self.tr("Session of {date} recorded as held: %n case(s) heard", "", len(dialog.heard())).format(
            date=dialog.session_date.strftime("%d/%m/%Y"))
        text += "; " + self.tr("%n assignment(s) given.", "", len(held.assignment_uuids))
        warnings = "\n".join(p.render(self._lang) for p in held.warnings)
        self._say(text + (f"\n{warnings}" if warnings else ""))

    def add_cases(self) -> None:
        """Put the cases selected in the queue on the selected planned session (Ctrl+D)."""
        session = self.selected_session()
        rows = sorted(index.row() for index in self.queue_table.selectionModel().selectedRows())
        if session is None or not rows or not self.add_button.isEnabled():
            return
        uuids = [self.queue_model.row_uuid(row) for row in rows]
        try:
            for uuid in uuids:
                self.desk.sessions.add_case(session["uuid"], uuid)
        except UserError as error:
            self._fail(error)
        else:
            self._say(self.tr("%n case(s) added to the session of {date}.", "", len(uuids)).format(
                date=date.fromisoformat(session["session_date"]).strftime("%d/%m/%Y")))
        self.refresh()
        self._select_session(session["uuid"])

    def cancel(self) -> None:
        """Cancel the selected planned session, once confirmed."""
        session = self.selected_session()
        if session is None or not self.cancel_button.isEnabled():
            return
        day = date.fromisoformat(session["session_date"]).strftime("%d/%m/%Y")
        if not self.confirm(self.tr("Cancel the session of {date}? This cannot be undone.").format(date=day)):
            return
        try:
            self.desk.sessions.cancel(session["uuid"])
        except UserError as error:
            self._fail(error)
            return
        self.refresh()
        self._select_session(session["uuid"])
        self._say(self.tr("The session of {date} was cancelled.").format(date=day))

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.title(), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
