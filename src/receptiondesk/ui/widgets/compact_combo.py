"""Combo boxes sized by their field, not by their longest item, so that forms fit a 1366×768 screen."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def compact(combo: QComboBox, characters: int = 10) -> QComboBox:
    """Make `combo` as narrow as `characters` allow; its list still shows whole items."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo
