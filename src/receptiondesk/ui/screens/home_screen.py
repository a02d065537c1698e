"""The home dashboard: today's visits, this month's figures, what is overdue and the leaders' sessions ahead."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.domain.cases import ContentType
from receptiondesk.messages import enum_label
from receptiondesk.services.dashboard import DashboardSummary
from receptiondesk.services.desk import Desk


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


class HomeScreen(QWidget):
    """Figures in boxes across the top; overdue cases, overdue assignments and upcoming sessions as lists."""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._lang = lang
        self.summary: DashboardSummary | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.figures: dict[str, QLabel] = {}
        figures = QHBoxLayout()
        figures.addWidget(self._figure_box(self.tr("Today"), [("today_visits", self.tr("visits")),
                                                              ("today_persons", self.tr("people"))]))
        figures.addWidget(self._figure_box(self.tr("This month"), [("month_visits", self.tr("visits")),
                                                                   ("month_persons", self.tr("people"))]))
        figures.addWidget(self._figure_box(self.tr("Cases this month"), [
            (value.value, enum_label("content_type", value, lang)) for value in ContentType]))
        self.overdue_cases = QListWidget()
        self.overdue_assignments = QListWidget()
        self.sessions = QListWidget()
        self.overdue_cases_box = self._list_box(self.overdue_cases)
        self.overdue_assignments_box = self._list_box(self.overdue_assignments)
        self.sessions_box = self._list_box(self.sessions)
        lists = QHBoxLayout()
        for box in (self.overdue_cases_box, self.overdue_assignments_box, self.sessions_box):
            lists.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(figures)
        layout.addLayout(lists, 1)

    def title(self) -> str:
        return self.tr("Home")

    def _figure_box(self, title: str, items: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        grid = QGridLayout(box)
        for row, (key, label) in enumerate(items):
            number = QLabel("—")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            number.setStyleSheet("font-size: 13pt; font-weight: bold;")
            self.figures[key] = number
            grid.addWidget(number, row, 0)
            grid.addWidget(QLabel(label), row, 1)
        return box

    def _list_box(self, widget: QListWidget) -> QGroupBox:
        box = QGroupBox()
        inner = QVBoxLayout(box)
        inner.addWidget(widget)
        widget.setWordWrap(True)
        return box

    def refresh(self) -> None:
        if self.desk.context.session is None:
            return
        summary = self.summary = self.desk.dashboard.summary()
        self.heading.setText(self.tr("Today is {day}").format(day=_day(summary.today)))
        values = {"today_visits": summary.today_visits, "today_persons": summary.today_persons,
                  "month_visits": summary.month_visits, "month_persons": summary.month_persons,
                  **summary.month_cases_by_type}
        for key, label in self.figures.items():
            label.setText(f"{values.get(key, 0):n}")
        self.overdue_cases_box.setTitle(self.tr("Overdue cases: %n", "", summary.overdue_cases_total))
        self.overdue_cases.clear()
        for case in summary.overdue_cases:
            kind = enum_label("content_type", case.content_type, self._lang)
            self.overdue_cases.addItem(self.tr("{days} day(s) late — {kind}: {name} — {summary}").format(
                days=case.days_overdue, kind=kind, name=case.citizen_name or "…", summary=case.summary))
        self.overdue_assignments_box.setTitle(
            self.tr("Overdue assignments: %n", "", summary.overdue_assignments_total))
        self.overdue_assignments.clear()
        for task in summary.overdue_assignments:
            self.overdue_assignments.addItem(self.tr("{days} day(s) late — {assignee}: {task}").format(
                days=task.days_overdue, assignee=task.assignee, task=task.task))
        self.sessions_box.setTitle(self.tr("Leaders' sessions ahead: %n", "", len(summary.upcoming_sessions)))
        self.sessions.clear()
        for session in summary.upcoming_sessions:
            self.sessions.addItem(self.tr("{day} — {leader} ({role}), {cases} case(s) — {place}").format(
                day=_day(session.session_date), leader=session.leader_name, role=enum_label("leader_role", session.leader_role, self._lang),
                cases=session.case_count, place=session.location or "…"))
        for widget, empty in ((self.overdue_cases, self.tr("Nothing overdue")),
                              (self.overdue_assignments, self.tr("Nothing overdue")),
                              (self.sessions, self.tr("No session planned"))):
            if not widget.count():
                widget.addItem(empty)

    def clear(self) -> None:
        self.summary = None
        self.heading.clear()
        for label in self.figures.values():
            label.setText("—")
        for widget in (self.overdue_cases, self.overdue_assignments, self.sessions):
            widget.clear()
