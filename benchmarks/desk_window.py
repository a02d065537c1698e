"""The desk's window at province scale: starting the program, signing in to the main window, saving a visit from
the intake form, and the returning-visitor suggestions while a name is typed, each beside a raw baseline measured
in the same run.

Qt runs offscreen (QT_QPA_PLATFORM=offscreen unless set otherwise). Drafts and the window's remembered layout go to
a temporary folder, never the user's own profile.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks.core_store import _visit_drafts
from benchmarks.dataset import BENCH_PASSWORD, BENCH_USER
from benchmarks.measure import Figure, timed
from receptiondesk.domain.visits import VisitDraft
from receptiondesk.services.desk import Desk

STARTUP_RUNS = 7
STARTUP_WARMUPS = 1
STARTUP_TIMEOUT_S = 120
WINDOW_RUNS = 7
WINDOW_WARMUPS = 1
SAVE_CALLS = 30
SAVE_WARMUPS = 3
TYPING_RUNS = 10
TYPING_WARMUPS = 1
KEY_INTERVAL_MS = 120
HEARTBEAT_MS = 10
#: How long the loop keeps running after the suggestions came (the heartbeat still counts), and how long it waits
#: for them at most.
TAIL_MS = 200
SUGGESTION_TIMEOUT_MS = 5000
DIRECT_LOOKUPS_PER_RUN = 3

# --- the child processes of the start-up figure ------------------------------------------------------------

#: Both children end alike: the dialog shown, the first paint stamped, then quit and print the stamps.
SHOW_UNTIL_PAINTED = r"""
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "painted" not in stamps:
            stamps["painted"] = time.monotonic_ns()
            QTimer.singleShot(0, app.quit)
        return False

first_paint = FirstPaint()
app.installEventFilter(first_paint)
dialog.show()
stamps["shown"] = time.monotonic_ns()
QTimer.singleShot(60000, app.quit)
app.exec()
print(json.dumps(stamps), flush=True)
"""

#: Imports the program as its entry point does, then goes the way run_gui goes up to the login dialog: the Qt
#: application (font, translations), the desk file, the dialog; prints CLOCK_MONOTONIC stamps (the parent's
#: clock too) of each step and of the first paint of the dialog, then quits.
APP_CHILD = r"""
import time
stamps = {"python": time.monotonic_ns()}
import json, sys
from pathlib import Path
import receptiondesk.app
from PySide6.QtCore import QEvent, QObject, QTimer
from receptiondesk.services.desk import Desk
from receptiondesk.ui.dialogs.login_dialog import LoginDialog
from receptiondesk.ui.gui import start_application
stamps["imported"] = time.monotonic_ns()
app, lang = start_application("vi")
stamps["application"] = time.monotonic_ns()
desk = Desk.open(Path(sys.argv[1]))
stamps["desk_open"] = time.monotonic_ns()
dialog = LoginDialog(desk, lang)
stamps["dialog_built"] = time.monotonic_ns()
""" + SHOW_UNTIL_PAINTED + "desk.close()\n"

#: The raw baseline: Python, PySide6.QtWidgets and an empty dialog shown until its first paint.
BARE_CHILD = r"""
import time
stamps = {"python": time.monotonic_ns()}
import json
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog
stamps["imported"] = time.monotonic_ns()
app = QApplication([])
stamps["application"] = time.monotonic_ns()
dialog = QDialog()
""" + SHOW_UNTIL_PAINTED


@contextlib.contextmanager
def _private_user_dirs() -> Iterator[Path]:
    """Drafts, QSettings and (for the child processes) Python's bytecode cache in a temporary folder."""
    from PySide6.QtCore import QSettings

    saved = {k: os.environ.get(k) for k in ("RECEPTIONDESK_DRAFTS", "XDG_CONFIG_HOME")}
    with tempfile.TemporaryDirectory(prefix="bench-desk-window-") as folder:
        root = Path(folder)
        os.environ["RECEPTIONDESK_DRAFTS"] = str(root / "drafts")
        os.environ["XDG_CONFIG_HOME"] = str(root / "config")
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(root / "config"))
        try:
            yield root
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
            default = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
            QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, default)


def _run_child(code: str, args: list[str], env: dict[str, str]) -> tuple[int, dict[str, int]]:
    """(ns from just before the process was started to the dialog's first paint, the child's stamps)."""
    started = time.monotonic_ns()
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
                          timeout=STARTUP_TIMEOUT_S, cwd=Path(__file__).resolve().parents[1])
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"start-up child failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    stamps = json.loads(lines[-1])
    if "painted" not in stamps:
        raise RuntimeError(f"the dialog was never painted: {stamps}")
    return stamps["painted"] - started, {k: v - started for k, v in stamps.items()}


def startup_figure(work: Path) -> Figure:
    """Process start to the login dialog's first paint, over the working copy; run before the runner opens it (each
    child opens and locks the file itself)."""
    with _private_user_dirs() as root:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "PYTHONPYCACHEPREFIX": str(root / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program has its bytecode: the warm-up writes it
        for _ in range(STARTUP_WARMUPS):
            _run_child(APP_CHILD, [str(work)], env)
            _run_child(BARE_CHILD, [], env)
        samples, baseline = [], []
        app_stamps: list[dict[str, int]] = []
        bare_stamps: list[dict[str, int]] = []
        for _ in range(STARTUP_RUNS):
            ns, stamps = _run_child(APP_CHILD, [str(work)], env)
            samples.append(ns)
            app_stamps.append(stamps)
            ns, stamps = _run_child(BARE_CHILD, [], env)
            baseline.append(ns)
            bare_stamps.append(stamps)
        # One start without bytecode, as this machine's environment runs Python (PYTHONDONTWRITEBYTECODE, no cache).
        cold_env = {**env, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(root / "empty-pycache")}
        no_bytecode_ns, _ = _run_child(APP_CHILD, [str(work)], cold_env)

    def step_medians(stamps: list[dict[str, int]], steps: list[str]) -> str:
        parts, previous = [], None
        for step in steps:
            values = [s[step] - (s[previous] if previous else 0) for s in stamps]
            parts.append(f"{step} +{statistics.median(values) / 1e6:.0f} ms")
            previous = step
        return ", ".join(parts)

    return Figure(
        "start to login dialog painted (new process)", samples,
        "python + PySide6.QtWidgets + empty QDialog painted", baseline, max_median_ms=1500.0,
        notes=["start-up: a new `python -c` process imports receptiondesk.app and the GUI, start_application('vi') "
               "(font, translations), Desk.open on the working copy, LoginDialog shown; timed from just before the "
               "process is started to the dialog's first Paint event (CLOCK_MONOTONIC in both processes); bytecode "
               f"cached as an installed program has it ({STARTUP_WARMUPS} untimed warm-up start each side)",
               "  steps (medians, from process start): " + step_medians(
                   app_stamps, ["python", "imported", "application", "desk_open", "dialog_built", "shown",
                                "painted"]),
               "  baseline steps: " + step_medians(bare_stamps, ["python", "imported", "application", "shown",
                                                                  "painted"]),
               f"  one start without any bytecode cache (how this machine's environment runs Python, "
               f"PYTHONDONTWRITEBYTECODE=1): {no_bytecode_ns / 1e6:.0f} ms"])


# --- in-process figures ------------------------------------------------------------------------------------

#: What the offscreen platform says each time a window is shown; nothing to do with the desk.
QUIET_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def _application():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler

    from receptiondesk.ui.gui import start_application

    def handler(kind, context, message) -> None:
        if message not in QUIET_MESSAGES:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)
    app, _ = start_application("vi")
    return app


class _FirstPaint:
    """Records when `widget` (or the widget given) is next painted."""

    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        outer = self
        self.at: int | None = None
        self.armed = True

        class Filter(QObject):
            def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
                if outer.armed and outer.at is None and event.type() == QEvent.Type.Paint:
                    outer.at = time.perf_counter_ns()
                return False

        self._filter = Filter()
        self._widget = widget
        widget.installEventFilter(self._filter)

    def remove(self) -> None:
        self._widget.removeEventFilter(self._filter)


def _process_until(app, done: Callable[[], bool], timeout_s: float = 10.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise RuntimeError("timed out waiting for the window")
        app.processEvents()


def window_figures(desk: Desk) -> list[Figure]:
    """desk.login through MainWindow constructed (its home dashboard filled), shown and painted."""
    from receptiondesk.ui.main_window import MainWindow

    app = _application()
    dashboard = desk.dashboard
    original_summary = dashboard.summary
    summary_calls: list[int] = []

    def counted_summary(*args, **kwargs):
        ns, result = timed(lambda: original_summary(*args, **kwargs))
        summary_calls.append(ns)
        return result

    steps: dict[str, list[int]] = {"login": [], "constructed": [], "painted": []}
    summaries_in_window: list[tuple[int, int]] = []
    filled: list[bool] = []

    def open_window() -> None:
        started = time.perf_counter_ns()
        desk.login(BENCH_USER, BENCH_PASSWORD)
        logged_in = time.perf_counter_ns()
        summary_calls.clear()
        dashboard.summary = counted_summary
        try:
            window = MainWindow(desk, "vi")
        finally:
            del dashboard.summary
        constructed = time.perf_counter_ns()
        summaries_in_window.append((len(summary_calls), sum(summary_calls)))
        paint = _FirstPaint(window.home)
        window.show()
        _process_until(app, lambda: paint.at is not None)
        steps["login"].append(logged_in - started)
        steps["constructed"].append(constructed - logged_in)
        steps["painted"].append(paint.at - constructed)
        filled.append(window.home.summary is not None and window.stack.currentWidget() is window.home)
        paint.remove()
        window.close()
        window.deleteLater()
        app.processEvents()

    results = {}

    def login_alone() -> None:
        desk.logout()
        desk.login(BENCH_USER, BENCH_PASSWORD)

    def summary_alone() -> None:
        results["summary"] = dashboard.summary()

    calls = (open_window, login_alone, summary_alone)
    for _ in range(WINDOW_WARMUPS):
        for call in calls:
            if call is open_window:
                desk.logout()
            call()
    for key in steps:
        steps[key].clear()
    summaries_in_window.clear()
    filled.clear()
    login_ns, summary_ns = [], []
    for _ in range(WINDOW_RUNS):  # in turn; open_window keeps its own steps (the clean-up after the paint is not timed)
        desk.logout()
        open_window()
        login_ns.append(timed(login_alone)[0])
        summary_ns.append(timed(summary_alone)[0])
    summary = results["summary"]
    window_ns = [a + b + c for a, b, c in zip(steps["login"], steps["constructed"], steps["painted"])]
    counts = sorted({n for n, _ in summaries_in_window})
    in_window_ms = statistics.median(ns for _, ns in summaries_in_window) / 1e6
    notes = [
        "login → main window: desk.login (Argon2id at production parameters, key unwrap, audit row), "
        "MainWindow(desk, 'vi') (every screen built, home dashboard refreshed, status bar), shown, processed until "
        "the home screen's first Paint event",
        f"  steps (medians): login {statistics.median(steps['login']) / 1e6:.0f} ms, MainWindow() "
        f"{statistics.median(steps['constructed']) / 1e6:.0f} ms (of which dashboard.summary() called "
        f"{'/'.join(map(str, counts))}× for {in_window_ms:.0f} ms), show → first paint "
        f"{statistics.median(steps['painted']) / 1e6:.0f} ms; home dashboard filled and current: "
        f"{'yes' if all(filled) else 'NO'}",
        f"  dashboard on {summary.today}: {summary.today_visits} visits today, {summary.month_visits:,} this month, "
        f"overdue cases {summary.overdue_cases_total:,}, overdue assignments {summary.overdue_assignments_total:,}, "
        f"{len(summary.upcoming_sessions)} sessions ahead"]
    return [
        Figure("login to main window with dashboard painted", window_ns, "desk.login alone (Argon2id + key unwrap)",
               login_ns, max_median_ms=1000.0, notes=notes),
        Figure("login to main window (same samples)", window_ns, "dashboard.summary() alone", summary_ns),
    ]


def _fill_form(screen, draft: VisitDraft) -> None:
    """Put a draft into the intake form the way the officer leaves it before Ctrl+S (no key events)."""
    from receptiondesk.ui.screens.intake_screen import VISIT, _select

    citizen, case, direction = draft.citizen, draft.new_cases[0], draft.direction
    _select(screen.mode, VISIT)
    _select(screen.id_type, citizen.id_type)
    screen.id_number.setText(citizen.id_number or "")
    screen.full_name.setText(citizen.full_name)
    screen.birth_year.setText(str(citizen.birth_year or ""))
    _select(screen.gender, citizen.gender)
    screen.address.setText(citizen.address)
    screen.phone.setText(citizen.phone or "")
    screen.summary.setPlainText(draft.summary)
    screen.respondent_name.setText(case.respondent_name)
    screen.respondent_position.setText(case.respondent_position)
    screen.respondent_body.setText(case.respondent_body)
    row = screen.case_rows[0]
    _select(row.content_type, case.content_type)
    _select(row.field_code, case.field_code)
    screen.in_competence.setChecked(direction.in_competence)
    _select(screen.direction, direction.direction)
    screen.direction_body.setText(direction.direction_body)


def _intake_screen(desk: Desk):
    from receptiondesk.ui.screens.intake_screen import IntakeScreen

    app = _application()
    screen = IntakeScreen(desk, "vi")
    screen.resize(1280, 720)
    screen.show()
    screen.refresh()
    app.processEvents()
    return app, screen


def save_figure(desk: Desk, screen, app, seed: int) -> Figure:
    """screen.save() of a filled form (register, clear the form, refresh today's list) beside
    desk.intake.register_visit of a draft made alike."""
    conn = desk.database.conn
    drafts = iter(_visit_drafts(desk, 2 * (SAVE_CALLS + SAVE_WARMUPS), seed + 1))
    before = conn.execute("SELECT count(*) FROM visits").fetchone()[0]
    saved_ids: list[str] = []
    repaint_ns: list[int] = []
    failures: list[str] = []

    def through_form() -> int:
        draft = next(drafts)
        _fill_form(screen, draft)
        app.processEvents()
        ns, ok = timed(screen.save)
        if not ok:
            failures.append(screen.message.text())
        saved_ids.append(draft.citizen.id_number)
        repaint_ns.append(timed(app.processEvents)[0])
        return ns

    def direct() -> int:
        return timed(lambda: desk.intake.register_visit(next(drafts)))[0]

    for _ in range(SAVE_WARMUPS):
        through_form()
        direct()
    samples, baseline = [], []
    for _ in range(SAVE_CALLS):
        samples.append(through_form())
        baseline.append(direct())
    if failures:
        raise RuntimeError(f"the form refused a visit: {failures[0]}")
    after = conn.execute("SELECT count(*) FROM visits").fetchone()[0]
    identities = desk.context.require_session().identities  # a denunciation's citizen is sealed: by blind index
    found = sum(conn.execute("SELECT count(*) FROM citizens WHERE id_number = ? OR blind_id = ?",
                             (n, identities.blind("id", n))).fetchone()[0] == 1 for n in saved_ids)
    today = screen.today_model.rowCount()
    return Figure(
        "save a visit from the intake form (save())", samples, "intake.register_visit of a draft made alike",
        baseline, max_median_ms=50.0,
        notes=[f"save from the form: new citizen, one case, guided with a body, typed in by setText (untimed); "
               f"save() registers, clears the form and refreshes today's list ({today:,} visits on "
               f"{desk.context.today()}); {after - before} visits written, each form citizen found once by ID "
               f"(or its blind index): {found}/{len(saved_ids)}; {SAVE_WARMUPS} warm-up pairs untimed",
               f"  the repaint that follows save() (processEvents, not in the figure): median "
               f"{statistics.median(repaint_ns) / 1e6:.1f} ms, max {max(repaint_ns) / 1e6:.1f} ms"])


class _WorstCaseFigure(Figure):
    """A figure held to its worst sample (`max_median_ms` is then a bound on every sample)."""

    @property
    def target(self) -> str:
        return f"max ≤ {self.max_median_ms:g} ms"

    @property
    def passed(self) -> bool | None:
        return max(self.samples_ns) / 1e6 <= self.max_median_ms


def _common_name(desk: Desk) -> tuple[str, str, int]:
    """(full name as typed, folded name, citizens of that name): the commonest folded name of a person who is not
    protected."""
    conn = desk.database.conn
    folded, count = conn.execute(
        "SELECT name_folded, count(*) AS n FROM citizens WHERE voided = 0 AND protected = 0 AND kind = 'person' "
        "AND name_folded != '' GROUP BY name_folded ORDER BY n DESC LIMIT 1").fetchone()
    full_name = conn.execute("SELECT full_name FROM citizens WHERE name_folded = ? AND protected = 0 LIMIT 1",
                             (folded,)).fetchone()[0]
    return full_name, folded, count


def typing_figures(desk: Desk, screen, app) -> list[Figure]:
    """A common name typed key by key into the full-name field at one key per 120 ms, through the event loop; the
    suggestions' delay after the last key, and a 10 ms heartbeat's lateness meanwhile."""
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from receptiondesk.ui.screens.intake_screen import LOOKUP_DELAY_MS

    full_name, folded, namesakes = _common_name(desk)
    panel = screen.returning
    original_show = panel.show_matches
    state: dict[str, object] = {}

    def hooked_show(rows):
        ns, _ = timed(lambda: original_show(rows))
        if state.get("last_key") is not None and state.get("items") is None and panel.matches.count():
            show_ns.append(ns)
            state["items"] = time.perf_counter_ns()
            shown_counts.append(panel.matches.count())
            state["paint_armed"] = True
            QTimer.singleShot(TAIL_MS, state["loop"].quit)

    paint = _FirstPaint(panel.matches.viewport())
    shown_counts: list[int] = []
    show_ns: list[int] = []
    lookups: list[int] = []
    full_lookups: list[int] = []
    original_find = desk.intake.find_returning

    def timed_find(**kwargs):
        ns, rows = timed(lambda: original_find(**kwargs))
        lookups.append(ns)
        if kwargs.get("name") == full_name:
            full_lookups.append(ns)
        return rows

    def heartbeat_run(typing: bool) -> tuple[int, int | None, int | None, int]:
        """(max heartbeat lateness, ns last key → items, ns last key → painted, ticks) of one run."""
        screen.full_name.clear()
        panel.clear()
        app.processEvents()
        screen.full_name.setFocus()
        loop = QEventLoop()
        state.clear()
        state["loop"] = loop
        paint.at = None
        paint.armed = False
        ticks: list[int] = []
        heartbeat = QTimer(interval=HEARTBEAT_MS)
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter_ns()))
        keys = QTimer(interval=KEY_INTERVAL_MS)
        keys.setTimerType(Qt.TimerType.PreciseTimer)
        typed = iter(enumerate(full_name, start=1))

        def next_key() -> None:
            position, char = next(typed, (0, None))
            if char is None:
                keys.stop()
                return
            last = position == len(full_name)
            if last:
                state["last_key"] = time.perf_counter_ns()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(screen.full_name,
                                       QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
            if last:
                paint.armed = True  # the next paint of the list after the items came

        if typing:
            keys.timeout.connect(next_key)
            keys.start()
            QTimer.singleShot(KEY_INTERVAL_MS * (len(full_name) + 1) + SUGGESTION_TIMEOUT_MS, loop.quit)
        else:
            QTimer.singleShot(KEY_INTERVAL_MS * (len(full_name) + 1) + TAIL_MS, loop.quit)
        heartbeat.start()
        ticks.append(time.perf_counter_ns())
        loop.exec()
        heartbeat.stop()
        keys.stop()
        gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        late = max(gaps) - HEARTBEAT_MS * 1_000_000
        if not typing:
            return late, None, None, len(ticks)
        if screen.full_name.text() != full_name:
            raise RuntimeError(f"typed {screen.full_name.text()!r}, meant {full_name!r}")
        items = state.get("items")
        if items is None:
            raise RuntimeError(f"no suggestion was shown for {full_name!r}")
        painted = paint.at - state["last_key"] if paint.at is not None and paint.at >= items else None
        return late, items - state["last_key"], painted, len(ticks)

    panel.show_matches = hooked_show
    desk.intake.find_returning = timed_find
    direct_ns: list[int] = []
    direct_rows: list[int] = []
    suggestion_ns, painted_ns, lateness_ns, idle_lateness_ns = [], [], [], []
    try:
        for run in range(TYPING_WARMUPS + TYPING_RUNS):
            late, items, painted, _ = heartbeat_run(typing=True)
            idle_late, *_ = heartbeat_run(typing=False)
            direct = [timed(lambda: original_find(name=full_name)) for _ in range(DIRECT_LOOKUPS_PER_RUN)]
            if run < TYPING_WARMUPS:
                for bucket in (lookups, full_lookups, show_ns):
                    bucket.clear()
                continue
            suggestion_ns.append(items)
            if painted is not None:
                painted_ns.append(painted)
            lateness_ns.append(late)
            idle_lateness_ns.append(idle_late)
            direct_ns.extend(ns for ns, _ in direct)
            direct_rows.append(len(direct[-1][1]))
    finally:
        del panel.show_matches
        del desk.intake.find_returning
        paint.remove()
    lookups_sorted = sorted(lookups)
    listed = "/".join(map(str, sorted(set(shown_counts))))
    notes = [
        f"typing: {full_name!r} ({len(full_name)} characters; folded {folded!r}, {namesakes:,} citizens of that "
        f"name, {listed} suggestions listed) typed into full_name as QKeyEvents one per {KEY_INTERVAL_MS} ms from "
        f"a QTimer; the screen looks up {LOOKUP_DELAY_MS} ms after the last key (its debounce, part of the "
        f"figure); {TYPING_WARMUPS} warm-up run untimed",
        f"  after the last key (medians): debounce {LOOKUP_DELAY_MS} ms, find_returning of the full name "
        f"{statistics.median(full_lookups) / 1e6:.2f} ms (max {max(full_lookups) / 1e6:.2f}), show_matches "
        f"{statistics.median(show_ns) / 1e6:.2f} ms; list painted "
        + (f"{statistics.median(painted_ns) / 1e6:.1f} ms after the last key (max {max(painted_ns) / 1e6:.1f}, "
           f"{len(painted_ns)} runs)" if painted_ns else "— no paint seen"),
        f"  every find_returning while typing ({len(lookups)}, prefixes included): median "
        f"{statistics.median(lookups) / 1e6:.2f} ms, max {lookups_sorted[-1] / 1e6:.2f} ms",
        f"  heartbeat: a {HEARTBEAT_MS} ms PreciseTimer; lateness = longest gap between ticks − {HEARTBEAT_MS} ms, "
        f"per run from the first key to {TAIL_MS} ms after the suggestions; worst typing run "
        f"{max(lateness_ns) / 1e6:.1f} ms, worst idle run {max(idle_lateness_ns) / 1e6:.1f} ms"]
    return [
        Figure("suggestions after the last key (common name)", suggestion_ns,
               "intake.find_returning(name=…) called directly", direct_ns, max_median_ms=100.0, notes=notes),
        _WorstCaseFigure("heartbeat lateness while typing (per run)", lateness_ns,
                         "the same heartbeat, idle loop of equal length", idle_lateness_ns, max_median_ms=50.0),
    ]


def run(desk: Desk, *, seed: int) -> list[Figure]:
    """The in-process window figures on the runner's open desk (signed in again at the end)."""
    with _private_user_dirs():
        figures = window_figures(desk)
        desk.login(BENCH_USER, BENCH_PASSWORD)
        app, screen = _intake_screen(desk)
        try:
            figures.append(save_figure(desk, screen, app, seed))
            figures += typing_figures(desk, screen, app)
        finally:
            screen.close_screen()
            screen.deleteLater()
            app.processEvents()
    return figures
