"""Sign-in: username and password; a forgotten password is reset with the recovery key."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from receptiondesk.errors import UserError
from receptiondesk.services.desk import Desk



def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class LoginDialog(QDialog):
    """Two pages: sign in, or set a new password with the recovery key."""

    def __init__(self, desk: Desk, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._lang = lang
        self.setWindowTitle(self.tr("Sign in — Citizen reception desk"))
        self.setMinimumWidth(460)
        self.username = QLineEdit()
        self.password = _password_field()
        self.recovery_key = QLineEdit()
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.recovery_user = QLineEdit()
        self.new_password = _password_field()
        self.new_repeat = _password_field()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        sign_in = QWidget()
        sign_in_form = QFormLayout(sign_in)
        sign_in_form.addRow(self.tr("Username:"), self.username)
        sign_in_form.addRow(self.tr("Password:"), self.password)
        forgot = QPushButton(self.tr("Forgot the password? Use the recovery key"))
        forgot.setFlat(True)
        forgot.clicked.connect(lambda: self._show(1))
        sign_in_form.addRow(forgot)
        recover = QWidget()
        recover_form = QFormLayout(recover)
        recover_form.addRow(self.tr("Recovery key:"), self.recovery_key)
        recover_form.addRow(self.tr("Username:"), self.recovery_user)
        recover_form.addRow(self.tr("New password:"), self.new_password)
        recover_form.addRow(self.tr("Repeat the new password:"), self.new_repeat)
        self.pages = QStackedWidget()
        self.pages.addWidget(sign_in)
        self.pages.addWidget(recover)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _show(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.error.clear()

    def _submit(self) -> None:
        try:
            if self.pages.currentIndex() == 0:
                self._desk.login(self.username.text(), self.password.text())
            else:
                session = self._desk.accounts.recover(self.recovery_key.text(), self.recovery_user.text(),
                                                      self.new_password.text(), self.new_repeat.text())
                self._desk.sign_in(session)
        except UserError as error:
            self.error.setText(error.render(self._lang))
            self.password.clear()
            return
        self.accept()
