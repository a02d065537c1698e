"""Earlier visitors matching what is typed: their earlier visits and open cases, ready to attach to."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from receptiondesk.messages import enum_label
from receptiondesk.services.desk import Desk
from receptiondesk.storage.listing import ListRequest

EARLIER_VISITS_SHOWN = 5


def _day(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


class ReturningPanel(QWidget):
    """Matches first; choosing one (Enter) lists their earlier visits and open cases, which Space ticks."""

    citizen_chosen = Signal(dict)

    def __init__(self, desk: Desk, lang: str, parent=None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._lang = lang
        self.heading = QLabel(self.tr("Earlier visitors"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.matches = QListWidget()
        self.matches.setObjectName("returning_matches")
        self.matches.itemActivated.connect(self._choose)
        self.visits_label = QLabel(self.tr("Earlier visits"))
        self.visits = QListWidget()
        self.visits.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cases_label = QLabel(self.tr("Open cases (Space attaches this visit)"))
        self.cases_label.setWordWrap(True)
        self.cases = QListWidget()
        self.cases.setObjectName("open_cases")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.matches, self.visits_label, self.visits, self.cases_label, self.cases):
            layout.addWidget(widget)
        self.show_matches([])

    # -- matches -------------------------------------------------------------------------------
    def show_matches(self, rows: list[dict[str, Any]]) -> None:
        self.matches.clear()
        for row in rows:
            paper = row["id_number"] or row["phone"] or ""
            line = f"{row['full_name']}  {row['birth_year'] or ''}  {paper}".strip()
            detail = self.tr("%n visit(s), last on {day}", "", row["visit_count"] or 0).format(
                day=_day(row["last_visit"])) if row["visit_count"] else self.tr("no visit yet")
            item = QListWidgetItem(f"{line}\n{row['address'] or ''} — {detail}")
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.matches.addItem(item)
        self.heading.setText(self.tr("Earlier visitors: %n found", "", len(rows)) if rows
                             else self.tr("Earlier visitors: none found"))
        self._show_citizen(None)

    def _choose(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.ItemDataRole.UserRole)
        self._show_citizen(row)
        self.citizen_chosen.emit(row)
        if self.cases.count():
            self.cases.setFocus()
            self.cases.setCurrentRow(0)

    def choose_first(self) -> bool:
        """Enter in the ID field with a single match chooses it at once."""
        if self.matches.count() == 1:
            self.matches.setCurrentRow(0)
            self._choose(self.matches.item(0))
            return True
        if self.matches.count():
            self.matches.setFocus()
            self.matches.setCurrentRow(0)
        return False

    # -- the chosen citizen --------------------------------------------------------------------
    def _show_citizen(self, row: dict[str, Any] | None) -> None:
        self.visits.clear()
        self.cases.clear()
        visible = row is not None
        for widget in (self.visits_label, self.visits, self.cases_label, self.cases):
            widget.setVisible(visible)
        if row is None:
            return
        request = ListRequest(filters={"citizen": row["uuid"]})
        for visit in self._desk.logbook.visits(request, limit=EARLIER_VISITS_SHOWN):
            self.visits.addItem(f"{_day(visit['visit_date'])} — {visit['logbook_no']}/{visit['year']}: "
                                f"{(visit['summary'] or '').splitlines()[0] if visit['summary'] else ''}")
        for case in self._desk.intake.open_cases_of(row["uuid"]):
            kind = enum_label("content_type", case["content_type"], self._lang)
            status = enum_label("case_status", case["status"], self._lang)
            item = QListWidgetItem(f"{kind} ({_day(case['received_on'])}, {status}): {case['summary']}")
            item.setData(Qt.ItemDataRole.UserRole, case["uuid"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.cases.addItem(item)
        if not self.cases.count():
            self.cases_label.setText(self.tr("No open case"))
        else:
            self.cases_label.setText(self.tr("Open cases (Space attaches this visit)"))

    def attached_cases(self) -> list[str]:
        return [self.cases.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.cases.count())
                if self.cases.item(i).checkState() == Qt.CheckState.Checked]

    def set_attached(self, case_uuids: list[str]) -> None:
        for i in range(self.cases.count()):
            item = self.cases.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in case_uuids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def clear(self) -> None:
        self.show_matches([])
