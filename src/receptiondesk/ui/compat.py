"""A work-around for a reference-count bug of PySide6 6.12.0 on CPython 3.11, applied once when the GUI loads.

Measured: each `Signal.emit()` called from Python releases one reference to True it never took, and each Python
override that Qt calls and that returns None (`data`, `headerData`, `QThread.run`...) releases one to None, so a
long session ends with "deallocating None" or "deallocating True or False". CPython 3.12 made these singletons
immortal, which hides the bug; on 3.11 we give them the same immortality: a reference count so large that the
lost references can never bring it to zero. They are never freed in any case, so nothing else changes.
(PySide6_Pdf, which the preview needs, exists only for 6.12.0; PySide6 6.11.3 does not have the bug.)
"""

from __future__ import annotations

import ctypes
import sys

#: Added to each singleton's count: at a million lost references a second, 35 years to use it up.
IMMORTAL_REFERENCES = 1 << 50
_protected = False


def protect_singletons() -> bool:
    """Make None, True and False effectively immortal on CPython < 3.12 (once per process); True if it did."""
    global _protected
    if _protected or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += IMMORTAL_REFERENCES
    _protected = True
    return True
