"""The desk's signers (people who sign its documents) as a small read-only Qt table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from receptiondesk.ui.models.list_table_model import ListTableModel


class SignerTableModel(ListTableModel):
    """One row per signer from `SetupService.signers()`: full name, title and role."""

    COLUMNS = ("full_name", "title", "role")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers = (self.tr("Full name"), self.tr("Title"), self.tr("Role"))
        self._roles = {
            "chairman": self.tr("Chairman of the People's Committee"),
            "vice_chairman": self.tr("Vice-chairman of the People's Committee"),
            "party_secretary": self.tr("Party secretary"),
            "deputy_party_secretary": self.tr("Deputy Party secretary"),
            "office_chief": self.tr("Chief of the office"),
            "other": self.tr("Other"),
        }

    def role_labels(self) -> dict[str, str]:
        """Every signer role the services accept, with its label, in the services' order."""
        return dict(self._roles)

    def role_label(self, role: str) -> str:
        return self._roles.get(role, role)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.set_items(dict(r) for r in rows)

    def row_uuid(self, row: int) -> str | None:
        item = self.item(row)
        return item["uuid"] if item else None

    # -- Qt model API ----------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self._items[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "role":
            return self.role_label(record["role"])
        return record[column]
