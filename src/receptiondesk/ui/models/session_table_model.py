"""The month's leaders' sessions as a small read-only Qt table model (a month holds a handful of rows)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from receptiondesk.messages import enum_label
from receptiondesk.ui.models.list_table_model import ListTableModel

HELD_COLOUR = QColor("#1b5e20")
CANCELLED_COLOUR = QColor("#757575")
LATE_COLOUR = QColor("#b00020")  # planned, its day has passed, not recorded yet


class SessionTableModel(ListTableModel):
    """One row per session from `SessionService.month()`: date, who presides, kind, status and cases."""

    COLUMNS = ("session_date", "leader", "kind", "status", "cases")

    def __init__(self, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._today: date | None = None
        self._headers = (self.tr("Date"), self.tr("Presiding"), self.tr("Kind"), self.tr("Status"), self.tr("Cases"))

    def set_rows(self, rows: list[dict[str, Any]], today: date | None = None) -> None:
        self._today = today
        self.set_items(dict(r) for r in rows)

    def row(self, row: int) -> dict[str, Any] | None:
        return self.item(row)

    def row_uuid(self, row: int) -> str | None:
        record = self.row(row)
        return record["uuid"] if record else None

    def row_of(self, uuid: str | None) -> int:
        return self.find_row(lambda r: r["uuid"] == uuid)

    def first_row_on(self, day: date) -> int:
        return self.find_row(lambda r: r["session_date"] == day.isoformat())

    def is_late(self, record: dict[str, Any]) -> bool:
        return (record["status"] == "planned" and self._today is not None
                and record["session_date"] < self._today.isoformat())

    # -- Qt model API ----------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.item(index.row()) if index.isValid() else None
        if record is None:
            return None
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(record, column, tooltip=role == Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.ForegroundRole and column in ("status", "session_date"):
            if record["status"] == "held":
                return HELD_COLOUR
            if record["status"] == "cancelled":
                return CANCELLED_COLOUR
            if self.is_late(record):
                return LATE_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "cases":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, record: dict[str, Any], column: str, tooltip: bool) -> str:
        if column == "session_date":
            return date.fromisoformat(record["session_date"]).strftime("%d/%m/%Y")
        if column == "leader":
            role = enum_label("leader_role", record["leader_role"], self._lang)
            if record["delegated"]:
                text = self.tr("{deputy} (delegated)").format(deputy=record["delegate_name"] or "")
                if tooltip:
                    text = self.tr("{deputy} (delegated by {leader})").format(
                        deputy=record["delegate_name"] or "", leader=record["leader_name"])
            else:
                text = record["leader_name"]
            if tooltip:
                extra = [role, record["location"], record["subject"]]
                return "\n".join([text, *[e for e in extra if e]])
            return text
        if column == "kind":
            kind = enum_label("session_kind", record["kind"], self._lang)
            sector = enum_label("sector", record["sector"], self._lang)
            return f"{kind} · {sector}"
        if column == "status":
            status = enum_label("session_status", record["status"], self._lang)
            return self.tr("{status}, not recorded yet").format(status=status) if self.is_late(record) else status
        if column == "cases":
            if record["status"] == "held":
                return f"{record['concluded_count']}/{record['case_count']}"
            return str(record["case_count"])
        return ""
