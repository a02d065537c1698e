"""Logging to a rotating file in the data directory; log lines never carry citizens' identities."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "receptiondesk.log"


def setup_logging(data_dir: Path) -> Path:
    """Log to <data dir>/logs/receptiondesk.log (1 MB × 5 files); returns the file's path."""
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    return path
