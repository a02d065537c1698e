"""The recovery sheet: the recovery key, shown once, to print or save and keep somewhere safe."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecoverySheetDialog", text)


def recovery_sheet_text(unit_name: str, username: str, recovery_key: str) -> str:
    return "\n".join([
        _tr("PHIẾU KHÔI PHỤC — BÀN TIẾP CÔNG DÂN"),
        "",
        _tr("Đơn vị: {unit}").format(unit=unit_name),
        _tr("Tài khoản quản trị: {user}").format(user=username),
        "",
        _tr("Mã khôi phục: {key}").format(key=recovery_key),
        "",
        _tr("Dùng mã này để đặt lại mật khẩu khi quên. Không có mã này và mật khẩu, dữ liệu được bảo vệ "
            "không thể đọc được. Cất giữ phiếu ở nơi an toàn, không để cạnh máy tính."),
    ])


class RecoverySheetDialog(QDialog):
    """Closes only after the user confirms having kept the key."""

    def __init__(self, unit_name: str, username: str, recovery_key: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Phiếu khôi phục"))
        self.setMinimumWidth(560)
        self._text = recovery_sheet_text(unit_name, username, recovery_key)
        explanation = QLabel(_tr("Đây là mã khôi phục của bàn tiếp công dân. Mã chỉ hiện một lần: hãy lưu hoặc "
                                 "chép lại và cất giữ an toàn."))
        explanation.setWordWrap(True)
        self.key_label = QLabel(recovery_key)
        font = QFont("monospace")
        font.setPointSize(16)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        save = QPushButton(_tr("Lưu phiếu ra tệp…"))
        save.clicked.connect(self._save)
        self.confirmed = QCheckBox(_tr("Tôi đã lưu hoặc chép lại mã khôi phục"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Xong"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.confirmed.toggled.connect(self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.key_label)
        layout.addWidget(save)
        layout.addWidget(self.confirmed)
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, _tr("Lưu phiếu khôi phục"), "phieu-khoi-phuc.txt",
                                              _tr("Tệp văn bản (*.txt)"))
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(self._text + "\n")

    def reject(self) -> None:  # Esc must not lose the only display of the key
        if self.confirmed.isChecked():
            super().reject()
