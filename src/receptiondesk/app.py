"""The composition root: arguments, paths, logging, the database, the services; then the GUI.

Qt is imported only on the path that starts the GUI.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from receptiondesk import paths
from receptiondesk.errors import UserError
from receptiondesk.log import setup_logging
from receptiondesk.messages import LANGUAGES
from receptiondesk.services.desk import Desk

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_BUG = 70


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="receptiondesk", description="Bàn tiếp công dân — ReceptionDesk")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="data directory (default: the user data directory)")
    parser.add_argument("--lang", choices=LANGUAGES, default="vi", help="language of the interface")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    data_dir: Path = args.data_dir or paths.default_data_dir()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        log_file = setup_logging(data_dir)
    except OSError as exc:
        error = UserError("storage.dir_not_writable", path=str(data_dir), reason=exc.strerror or str(exc))
        print(error.render(args.lang), file=sys.stderr)
        return EXIT_USER_ERROR
    from receptiondesk.ui.gui import run_gui

    return run_gui(lambda: Desk.open(data_dir / paths.DATABASE_FILE), lang=args.lang, log_file=log_file)
