"""The follow-up list as a Qt table model: the ordered row keys from the services (an assignment's id, or minus
a case's id) and a bounded cache of row pages; overdue and due-soon rows are coloured and marked."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from receptiondesk.messages import enum_label
from receptiondesk.services.followup import CASE, FollowupRequest, FollowupService, FollowupState
from receptiondesk.ui.models.list_table_model import ListTableModel

PAGE_SIZE = 100
MAX_CACHED_PAGES = 20

#: The row's state as a plain string (FollowupState), for the screen and the tests.
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The whole row record (a dict).
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

#: Marker (a coloured square in the first column), text and background colours per state.
MARKER = {FollowupState.OVERDUE: "#b00020", FollowupState.DUE_SOON: "#e37400", FollowupState.WAITING_TELL: "#0b57d0",
          FollowupState.RESULT_IN: "#0b57d0"}
FOREGROUND = {FollowupState.OVERDUE: "#8c0018", FollowupState.DUE_SOON: "#7a4100"}
BACKGROUND = {FollowupState.OVERDUE: "#fde8ea", FollowupState.DUE_SOON: "#fff3d6"}


def _day(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""


class FollowupTableModel(ListTableModel):
    """The list's items are the row keys; rows are fetched a page at a time by key; the order (urgency first) comes
    from the service."""

    COLUMNS = ("state", "date", "case_summary", "citizen_name", "assignee", "task")

    def __init__(self, followup: FollowupService, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._followup = followup
        self._lang = lang
        self._request = FollowupRequest()
        self._today: date | None = None
        self._pages: OrderedDict[int, dict[int, dict[str, Any]]] = OrderedDict()
        self._headers = (self.tr("Status"), self.tr("Due"), self.tr("Case"), self.tr("Citizen"),
                         self.tr("Assigned to"), self.tr("Task"))
        self._bold = QFont()
        self._bold.setBold(True)

    # -- loading ---------------------------------------------------------------------------
    def set_keys(self, keys: list[int], request: FollowupRequest | None = None, today: date | None = None) -> None:
        """Show these rows (from `FollowupService.keys` with the same request and day)."""
        self._request = request or FollowupRequest()
        self._today = today
        self._pages.clear()
        self.set_items(keys)

    def keys(self) -> list[int]:
        return list(self._items)

    def row_of_key(self, key: int) -> int:
        return self.find_row(lambda k: k == key)

    def record(self, row: int) -> dict[str, Any] | None:
        """The service's row record shown in `row`, or None."""
        if not 0 <= row < len(self._items):
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            keys = self._items[page_no * PAGE_SIZE:(page_no + 1) * PAGE_SIZE]
            page = {r["key"]: r for r in self._followup.rows(keys, self._request, self._today)}
            self._pages[page_no] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._items[row])

    # -- texts -----------------------------------------------------------------------------
    def state_text(self, record: dict[str, Any]) -> str:
        state = FollowupState(record["state"])
        if state is FollowupState.OVERDUE:
            return self.tr("Overdue %n day(s)", "", record["days_late"])
        if state is FollowupState.DUE_SOON:
            left = record["working_days_left"] or 0
            return self.tr("Due today") if left <= 0 else self.tr("Due in %n working day(s)", "", left)
        if state is FollowupState.WAITING_RESULT:
            return self.tr("Waiting for the result")
        if state is FollowupState.WAITING_TELL:
            return self.tr("Results in: tell the citizen")
        if state is FollowupState.RESULT_IN:
            return self.tr("Result in, citizen not told")
        return self.tr("Citizen told ({how})").format(how=enum_label("told_how", record["told_how"], self._lang))

    def sample_state_texts(self) -> list[str]:
        """The widest texts the state column shows (the bold overdue one first), for sizing the column."""
        return [self.tr("Overdue %n day(s)", "", 999), self.tr("Due in %n working day(s)", "", 2),
                self.tr("Due today"), self.tr("Waiting for the result"), self.tr("Results in: tell the citizen")]

    def _task_text(self, record: dict[str, Any]) -> str:
        if record["kind"] != CASE:
            return (record["task"] or "").replace("\n", " ")
        if record["ready_to_tell"]:
            return self.tr("Case: %n result(s) to tell the citizen", "", record["untold"])
        return self.tr("Case past due ({status})").format(
            status=enum_label("case_status", record["case_status"], self._lang))

    def _date_tip(self, record: dict[str, Any]) -> str:
        if record["kind"] == CASE:
            if record["state"] == FollowupState.OVERDUE:
                return self.tr("The case's due date")
            return self.tr("The day the last result came in")
        return self.tr("Deadline of the assignment")

    # -- Qt model API ----------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.record(index.row())
        if record is None:
            return None
        column = self.COLUMNS[index.column()]
        state = FollowupState(record["state"])
        if role == STATE_ROLE:
            return record["state"]
        if role == RECORD_ROLE:
            return dict(record)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(MARKER[state]) if column == "state" and state in MARKER else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(BACKGROUND[state]) if state in BACKGROUND else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(FOREGROUND[state]) if state in FOREGROUND else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if column == "state" and state is FollowupState.OVERDUE else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "date":
                return self._date_tip(record)
            if column == "task" and record["result_on"] and record["kind"] != CASE:
                return self.tr("{task}\nResult of {day}: {result}").format(
                    task=record["task"], day=_day(record["result_on"]), result=record["result"])
        elif role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "state":
            return self.state_text(record)
        if column == "date":
            return _day(record["date"])
        if column == "task":
            return self._task_text(record)
        value = record.get(column) or ""
        return value.replace("\n", " ") if isinstance(value, str) else value
