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



def recovery_sheet_text(unit_name: str, username: str, recovery_key: str) -> str:
    return "\n".join([
        QCoreApplication.translate("RecoverySheetDialog", "RECOVERY SHEET — CITIZEN RECEPTION DESK"),
        "",
        QCoreApplication.translate("RecoverySheetDialog", "Unit: {unit}").format(unit=unit_name),
        QCoreApplication.translate("RecoverySheetDialog", "Administrator account: {user}").format(user=username),
        "",
        QCoreApplication.translate("RecoverySheetDialog", "Recovery key: {key}").format(key=recovery_key),
        "",
        QCoreApplication.translate("RecoverySheetDialog",
                                   "Use this key to set a new password if it is forgotten. Without this key and the "
                                   "password, protected data cannot be read. Keep this sheet in a safe place, not "
                                   "next to the computer."),
    ])


class RecoverySheetDialog(QDialog):
    """Closes only after the user confirms having kept the key."""

    def __init__(self, unit_name: str, username: str, recovery_key: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery sheet"))
        self.setMinimumWidth(560)
        self._text = recovery_sheet_text(unit_name, username, recovery_key)
        explanation = QLabel(self.tr("This is the reception desk's recovery key. It is shown only once: save it or "
                                     "copy it down and keep it safe."))
        explanation.setWordWrap(True)
        self.key_label = QLabel(recovery_key)
        font = QFont("monospace")
        font.setPointSize(16)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        save = QPushButton(self.tr("Save the sheet to a file…"))
        save.clicked.connect(self._save)
        self.confirmed = QCheckBox(self.tr("I have saved or copied down the recovery key"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Done"))
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
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recovery sheet"), "phieu-khoi-phuc.txt",
                                              self.tr("Text files (*.txt)"))
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(self._text + "\n")

    def reject(self) -> None:  # Esc must not lose the only display of the key
        if self.confirmed.isChecked():
            super().reject()
