"""The composition root: arguments, paths, logging, the database, the services; then the GUI or the CLI.

Qt is imported only on the paths that start the GUI and the self-test (which shows the window offscreen).
"""

from __future__ import annotations

import sys
from pathlib import Path

from receptiondesk import cli, paths
from receptiondesk.errors import UserError
from receptiondesk.log import setup_logging
from receptiondesk.services.desk import Desk


def main(argv: list[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    chosen_lang, args.lang = args.lang, args.lang or "vi"  # the GUI falls back to the language set in Settings
    if args.self_test:  # a temporary desk of its own: the data directory is not touched
        from receptiondesk.ui.self_test_window import run_self_test_with_window

        return run_self_test_with_window(args.lang)
    data_dir: Path = args.data_dir or paths.default_data_dir()
    if args.command is not None:
        if data_dir.is_dir():
            setup_logging(data_dir)
        return cli.run(args)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        log_file = setup_logging(data_dir)
    except OSError as exc:
        error = UserError("storage.dir_not_writable", path=str(data_dir), reason=exc.strerror or str(exc))
        print(error.render(args.lang), file=sys.stderr)
        return cli.EXIT_REFUSED
    from receptiondesk.ui.gui import run_gui

    from receptiondesk.demo.demo_desk import open_demo_desk

    return run_gui(lambda: Desk.open(data_dir / paths.DATABASE_FILE), lang=chosen_lang, log_file=log_file,
                   open_demo=lambda: open_demo_desk(data_dir))
