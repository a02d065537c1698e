"""One matter raised in a visit or letter: its type, field and summary (mixed content gives several rows)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from receptiondesk.domain.cases import CaseDraft, ContentType
from receptiondesk.messages import enum_label
from receptiondesk.ui.widgets.compact_combo import compact


class CaseRowWidget(QWidget):
    """Type and field combos and a summary line; rows after the first can be removed."""

    remove_requested = Signal(object)

    def __init__(self, fields: list[dict[str, Any]], lang: str, *, first: bool, parent=None) -> None:
        super().__init__(parent)
        self.content_type = compact(QComboBox(), 8)
        for value in ContentType:
            self.content_type.addItem(enum_label("content_type", value, lang), value.value)
        self.field_code = compact(QComboBox(), 10)
        name_key = "name_vi" if lang == "vi" else "name_en"
        for row in fields:
            self.field_code.addItem(row.get(name_key) or row["name_vi"], row["code"])
        self.summary = QLineEdit()
        self.summary.setPlaceholderText(self.tr("Same as the content above") if first else
                                        self.tr("What this matter is about"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.content_type)
        layout.addWidget(self.field_code)
        layout.addWidget(self.summary, 1)
        self.remove_button = None
        if not first:
            self.remove_button = QToolButton()
            self.remove_button.setText("✕")
            self.remove_button.setToolTip(self.tr("Remove this matter"))
            self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
            layout.addWidget(self.remove_button)

    def draft(self, default_summary: str, respondent: dict[str, str]) -> CaseDraft:
        return CaseDraft(self.content_type.currentData(), self.field_code.currentData() or "",
                         self.summary.text().strip() or default_summary, **respondent)

    def values(self) -> dict[str, str]:
        return {"content_type": self.content_type.currentData(), "field_code": self.field_code.currentData(),
                "summary": self.summary.text()}

    def load(self, values: dict[str, Any]) -> None:
        for combo, key in ((self.content_type, "content_type"), (self.field_code, "field_code")):
            index = combo.findData(values.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        self.summary.setText(values.get("summary") or "")
