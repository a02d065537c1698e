"""First run: choose the desk's unit (province, then commune) and the officer's name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from receptiondesk.domain.units import communes
from receptiondesk.errors import UserError
from receptiondesk.services.setup import SetupService


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnitSetupDialog", text)


class UnitSetupDialog(QDialog):
    """Asks only for the unit; everything else has defaults that can be changed later in the settings."""

    def __init__(self, setup: SetupService, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._setup = setup
        self._lang = lang
        self.setWindowTitle(_tr("Thiết lập bàn tiếp công dân"))
        self.setMinimumWidth(520)
        intro = QLabel(_tr("Chọn đơn vị hành chính (xã, phường, đặc khu) của bàn tiếp công dân này."))
        intro.setWordWrap(True)
        self.province = QComboBox()
        self.commune = QComboBox()
        self.officer = QLineEdit()
        self.officer.setPlaceholderText(_tr("Họ tên cán bộ tiếp công dân"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        provinces = sorted({(c.province_code, c.province_name) for c in communes().values()})
        for code, name in provinces:
            self.province.addItem(name, code)
        self.province.currentIndexChanged.connect(self._fill_communes)
        form = QFormLayout()
        form.addRow(_tr("Tỉnh, thành phố:"), self.province)
        form.addRow(_tr("Xã, phường, đặc khu:"), self.commune)
        form.addRow(_tr("Cán bộ tiếp công dân:"), self.officer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Bắt đầu"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Thoát"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill_communes()

    def _fill_communes(self) -> None:
        province_code = self.province.currentData()
        self.commune.clear()
        for commune in sorted((c for c in communes().values() if c.province_code == province_code),
                              key=lambda c: c.commune_name):
            self.commune.addItem(commune.commune_name, commune.commune_code)

    def _save(self) -> None:
        try:
            self._setup.initialise(self.commune.currentData() or "", self.officer.text())
        except UserError as error:
            self.error.setText(error.render(self._lang))
            return
        self.accept()
