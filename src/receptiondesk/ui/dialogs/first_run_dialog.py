"""First run: the desk's unit (province, then commune) and its administrator, who is usually the officer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from receptiondesk.domain.units import communes, communes_of_province
from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk



class FirstRunDialog(QDialog):
    """Asks for the unit and the administrator's account; everything else has defaults changed later."""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._lang = lang
        self.recovery_key: str | None = None
        self.setWindowTitle(self.tr("Set up the citizen reception desk"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr("Choose the administrative unit (commune, ward or special zone) of this reception "
                               "desk and create the administrator account (usually the reception officer)."))
        intro.setWordWrap(True)
        self.province = QComboBox()
        self.commune = QComboBox()
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("Full name of the reception officer"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("for example: canbo"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        for code, name in sorted({(c.province_code, c.province_name) for c in communes().values()}):
            self.province.addItem(name, code)
        self.province.currentIndexChanged.connect(self._fill_communes)
        form = QFormLayout()
        form.addRow(self.tr("Province or city:"), self.province)
        form.addRow(self.tr("Commune, ward or special zone:"), self.commune)
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Username:"), self.username)
        form.addRow(self.tr("Password (at least 8 characters):"), self.password)
        form.addRow(self.tr("Repeat the password:"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
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
        for commune in sorted(communes_of_province(province_code), key=lambda c: c.commune_name):
            self.commune.addItem(commune.commune_name, commune.commune_code)

    def _save(self) -> None:
        try:
            self.recovery_key = self._desk.first_run(self.commune.currentData() or "", self.username.text(),
                                                     self.full_name.text(), self.password.text(), self.repeat.text())
        except UserError as error:
            self.error.setText(error.render(self._lang))
            return
        self.accept()
