"""Record a leader's session as held: who attended, which cases on its list were heard, and the leader's
conclusion on each (resolve now, assign with an assignee, a task and a deadline, or pending). Ctrl+S saves the
whole session at once through `SessionService.hold`; a problem is shown in red and the cursor goes to it."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.domain.sessions import ConclusionKind, HeardCase
from receptiondesk.errors import UserError
from receptiondesk.messages import enum_label
from receptiondesk.services.desk import Desk
from receptiondesk.services.sessions import MAX_WORKING_DAYS, HeldSession
from receptiondesk.ui.widgets.compact_combo import compact

DEFAULT_WORKING_DAYS = 10
IN_DAYS, ON_DATE = "days", "date"
SUMMARY_CHARACTERS = 140


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


class HeardCaseEditor(QFrame):
    """One case on the session's list: heard or not, and the conclusion on it."""

    def __init__(self, number: int, case: dict[str, Any], session_date: date, dialog: HoldSessionDialog) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.case_uuid = case["uuid"]
        self._session_date = session_date
        self._dialog = dialog
        lang = dialog._lang
        summary = " ".join((case["summary"] or "").split())
        short = summary if len(summary) <= SUMMARY_CHARACTERS else summary[:SUMMARY_CHARACTERS - 1] + "…"
        who = case.get("citizen_name") or ""
        self.heard = QCheckBox(QCoreApplication.translate("HoldSessionDialog", "Heard"))
        text = enum_label("content_type", case["content_type"], lang) + (f" — {who}" if who else "") + f": {short}"
        self.description = QLabel(f"<b>{number}.</b> {html.escape(text)}")
        self.description.setTextFormat(Qt.TextFormat.RichText)
        self.description.setWordWrap(True)
        self.description.setToolTip(summary)
        if case.get("voided"):  # a void case stays on the list but cannot be concluded
            void = QCoreApplication.translate("HoldSessionDialog", "[void] ")
            self.description.setText(void + self.description.text())
            self.heard.setEnabled(False)
        self.kind = compact(QComboBox(), 12)
        for value in ConclusionKind:
            self.kind.addItem(enum_label("conclusion_kind", value, lang), value.value)
        self.text = QLineEdit()
        self.text.setPlaceholderText(QCoreApplication.translate("HoldSessionDialog", "The leader's conclusion"))
        self.assignee = QLineEdit()
        self.assignee.setPlaceholderText(QCoreApplication.translate("HoldSessionDialog", "Agency or person assigned"))
        self.task = QLineEdit()
        self.task.setPlaceholderText(QCoreApplication.translate("HoldSessionDialog", "Task (blank: the conclusion)"))
        self.deadline_mode = compact(QComboBox(), 9)
        self.deadline_mode.addItem(QCoreApplication.translate("HoldSessionDialog", "Within"), IN_DAYS)
        self.deadline_mode.addItem(QCoreApplication.translate("HoldSessionDialog", "By date"), ON_DATE)
        self.days = QSpinBox()
        self.days.setRange(1, MAX_WORKING_DAYS)
        self.days.setValue(DEFAULT_WORKING_DAYS)
        self.days.setSuffix(QCoreApplication.translate("HoldSessionDialog", " working days"))
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd/MM/yyyy")
        self.deadline.setDate(QDate(session_date.year, session_date.month, session_date.day))
        self.result = QLabel()

        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.heard, 0, 0)
        grid.addWidget(self.description, 0, 1, 1, 5)
        grid.addWidget(self.kind, 1, 0)
        grid.addWidget(self.text, 1, 1, 1, 5)
        self.assign_row = [self.assignee, self.task, self.deadline_mode, self.days, self.deadline, self.result]
        # (the deadline box is built below and shown with the row)
        grid.addWidget(self.assignee, 2, 0, 1, 2)
        grid.addWidget(self.task, 2, 2)
        grid.addWidget(self.deadline_mode, 2, 3)
        self.deadline_box = QWidget()  # one width whichever way the deadline is given, so rows line up
        deadline = QHBoxLayout(self.deadline_box)
        deadline.setContentsMargins(0, 0, 0, 0)
        deadline.addWidget(self.days)
        deadline.addWidget(self.deadline)
        deadline.addWidget(self.result)
        deadline.addStretch(1)
        self.deadline_box.setFixedWidth(self.days.sizeHint().width() + self.result.fontMetrics()
                                        .horizontalAdvance("→ 00/00/00000") + 8)
        grid.addWidget(self.deadline_box, 2, 4, 1, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)

        self.heard.toggled.connect(self.apply)
        self.kind.currentIndexChanged.connect(self.apply)
        self.kind.currentIndexChanged.connect(self._mark_heard)
        self.deadline_mode.currentIndexChanged.connect(self.apply)
        self.days.valueChanged.connect(self._show_result)
        self.text.textEdited.connect(self._mark_heard)  # giving a conclusion means the case was heard
        self.apply()

    def widgets(self) -> list[QWidget]:
        """In tab order."""
        return [self.heard, self.kind, self.text, self.assignee, self.task, self.deadline_mode, self.days,
                self.deadline]

    def _mark_heard(self) -> None:
        if self.heard.isEnabled() and not self.heard.isChecked():
            self.heard.setChecked(True)

    def apply(self) -> None:
        """The assignment's fields show for an "assign" conclusion; a row not ticked "heard" is greyed."""
        assign = self.kind.currentData() == ConclusionKind.ASSIGN
        for widget in self.assign_row:
            widget.setVisible(assign)
        self.deadline_box.setVisible(assign)
        self.description.setStyleSheet("" if self.heard.isChecked() else "color: #757575;")
        in_days = self.deadline_mode.currentData() == IN_DAYS
        self.days.setVisible(assign and in_days)
        self.result.setVisible(assign and in_days)
        self.deadline.setVisible(assign and not in_days)
        self._show_result()

    def _show_result(self) -> None:
        """The date the working days lead to, on the desk's calendar (holidays skipped)."""
        deadline = self._dialog.desk.context.calendar.add_working_days(self._session_date, self.days.value())
        self.result.setText("→ " + _day(deadline))

    def heard_case(self) -> HeardCase | None:
        if not self.heard.isChecked():
            return None
        kind = self.kind.currentData()
        if kind != ConclusionKind.ASSIGN:
            return HeardCase(self.case_uuid, kind, self.text.text())
        if self.deadline_mode.currentData() == IN_DAYS:
            return HeardCase(self.case_uuid, kind, self.text.text(), self.assignee.text(), self.task.text(),
                             working_days=self.days.value())
        chosen = date.fromisoformat(self.deadline.date().toString(Qt.DateFormat.ISODate))
        return HeardCase(self.case_uuid, kind, self.text.text(), self.assignee.text(), self.task.text(),
                         deadline=chosen)

    def widget_for(self, field: str | None) -> QWidget | None:
        if field == "deadline":
            return self.days if self.deadline_mode.currentData() == IN_DAYS else self.deadline
        return {"case": self.heard, "heard_cases": self.heard, "conclusion_kind": self.kind,
                "conclusion": self.text, "assignee": self.assignee, "task": self.task}.get(field or "")


class HoldSessionDialog(QDialog):
    """Attendance on the left, the session's cases on the right, one editor per case."""

    def __init__(self, desk: Desk, session_uuid: str, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.session_uuid = session_uuid
        self.held: HeldSession | None = None
        session = desk.sessions.get(session_uuid)
        self.session_date = date.fromisoformat(session["session_date"])
        self.setWindowTitle(self.tr("Hold the session of {date}").format(date=_day(self.session_date)))
        self._build(session)
        first = self.editors[0].heard if self.editors else self.attendees
        first.setFocus()

    def _build(self, session: dict[str, Any]) -> None:
        lang = self._lang
        presiding = session["leader_name"]
        if session["delegated"]:
            presiding = self.tr("{deputy} (delegated by {leader})").format(deputy=session["delegate_name"] or "",
                                                                           leader=session["leader_name"])
        heading = QLabel(self.tr("Session of {date} ({kind}), presided by {leader}{place}").format(
            kind=enum_label("session_kind", session["kind"], lang).lower(), date=_day(self.session_date),
            leader=presiding, place=f" — {session['location']}" if session["location"] else ""))
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")

        self.attendees = QPlainTextEdit()
        self.attendees.setTabChangesFocus(True)
        self.attendees.setPlainText("\n".join(self.desk.sessions.attendees(self.session_uuid)))
        self.attendees.setPlaceholderText(self.tr("One person per line"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Attendees (one per line)")))
        left_layout.addWidget(self.attendees)

        cases = self.desk.sessions.cases_heard(self.session_uuid)
        self.editors: list[HeardCaseEditor] = []
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        for number, case in enumerate(cases, start=1):
            editor = HeardCaseEditor(number, case, self.session_date, self)
            self.editors.append(editor)
            column.addWidget(editor)
        self.empty = QLabel(self.tr("No case is on this session's list yet: add cases from the queue on the "
                                    "sessions screen first."))
        self.empty.setWordWrap(True)
        self.empty.setVisible(not cases)
        column.addWidget(self.empty)
        column.addStretch(1)
        inner = QWidget()
        inner.setLayout(column)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(inner)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Cases on the list: tick those heard, then give the conclusion")))
        right_layout.addWidget(self.scroll)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 730])
        splitter.setChildrenCollapsible(False)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("Record as held (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Close (Esc)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(1000, 540)

        self._tab_order: list[QWidget] = [self.attendees]
        for editor in self.editors:
            self._tab_order += editor.widgets()
        self._tab_order += [self.save_button, self.cancel_button]
        for first, second in zip(self._tab_order, self._tab_order[1:]):
            QWidget.setTabOrder(first, second)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def editor_for(self, case_uuid: str | None) -> HeardCaseEditor | None:
        return next((e for e in self.editors if e.case_uuid == case_uuid), None)

    def heard(self) -> list[HeardCase]:
        return [h for h in (e.heard_case() for e in self.editors) if h is not None]

    def save(self) -> bool:
        """Hold the session through the service, whole or not at all."""
        names = self.attendees.toPlainText().splitlines()
        try:
            self.held = self.desk.sessions.hold(self.session_uuid, names, self.heard())
        except UserError as error:
            self._show_problems(error)
            return False
        self.accept()
        return True

    def _widget_of(self, problem) -> QWidget | None:
        if problem.field == "attendees":
            return self.attendees
        editor = self.editor_for(problem.params.get("case"))
        if editor is None and problem.field == "heard_cases" and self.editors:
            editor = self.editors[0]
        widget = editor.widget_for(problem.field) if editor is not None else None
        return widget if widget is not None and widget.isVisibleTo(self) else None

    def _show_problems(self, error: UserError) -> None:
        def position(problem) -> int:
            widget = self._widget_of(problem)
            return self._tab_order.index(widget) if widget in self._tab_order else -1

        problems = sorted(error.problems, key=position)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText("\n".join(p.render(self._lang) for p in problems))
        widget = next((w for w in (self._widget_of(p) for p in problems) if w is not None), None)
        if widget is not None:
            widget.setFocus()
            self.scroll.ensureWidgetVisible(widget)
            if isinstance(widget, QLineEdit):
                widget.selectAll()
