"""The cases screen at province scale: the list's first page after `refresh()`, sorting by a header click, jumping to
the last row, typing in the filter box while a heartbeat runs, and the memory one pass through the whole list leaves,
each beside a raw baseline measured in the same run.

Qt runs offscreen (QT_QPA_PLATFORM=offscreen unless set otherwise); drafts and QSettings go to a temporary folder.
Run alone on a working copy of a generated file (deleted afterwards; an older file is migrated on the copy):
`python -m benchmarks.cases_screen --visits 20000` (or `--file PATH`).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from benchmarks.dataset import BENCH_NOW, BENCH_PASSWORD, BENCH_USER
from benchmarks.desk_window import _application, _common_name, _private_user_dirs, _WorstCaseFigure
from benchmarks.measure import Figure, timed
from receptiondesk.services.desk import Desk
from receptiondesk.storage import listing
from receptiondesk.storage.cases import CASE_LIST
from receptiondesk.storage.listing import ListRequest

FIRST_PAGE_CALLS = 30
FIRST_PAGE_WARMUPS = 3
#: Each round clicks every sortable column twice: the first click sorts it one way, the second the other.
SORT_ROUNDS = 4
SORT_WARMUPS = 1  # one untimed click on each sortable column
TYPING_RUNS = 10
TYPING_WARMUPS = 1
KEY_INTERVAL_MS = 120
HEARTBEAT_MS = 10
#: How long the loop keeps running (the heartbeat still counting) after the filtered list has loaded.
TAIL_MS = 200
WAIT_TIMEOUT_S = 120.0
PAINT_TIMEOUT_S = 2.0
#: During the pass through the whole list, RSS is read every this many pages.
RSS_EVERY_PAGES = 250
WINDOW_SIZE = (1280, 720)

FIRST_PAGE_TARGET_MS = 100.0
SORT_TARGET_MS = 300.0
JUMP_TARGET_MS = 300.0
LATENESS_TARGET_MS = 50.0
RSS_TARGET_MIB = 300.0


def _now() -> int:
    return time.perf_counter_ns()


def _ms(ns: float) -> str:
    return f"{ns / 1e6:.1f}"


def _median_ms(values: list[int]) -> str:
    return f"{statistics.median(values) / 1e6:.1f} ms" if values else "—"


def _status_kib(field: str) -> int:
    """A memory line of /proc/self/status (VmRSS, VmHWM…) in KiB."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _mib(kib: int) -> float:
    return kib / 1024


class _MemoryFigure(Figure):
    """Resident memory in MiB. The runner's table prints every figure as a time: here its 'ms' columns hold MiB
    (the name says so); the notes print the same values with their unit."""

    @property
    def target(self) -> str:
        return f"≤ {self.max_median_ms:g} MiB"


def _mib_samples(kib: int) -> list[int]:
    """A memory figure's sample, scaled so that the table's `median_ms` reads MiB."""
    return [round(kib / 1024 * 1e6)]


# --- watching the screen ------------------------------------------------------------------------------------

class _Probe:
    """Time stamps of what the screen does, from hooks on its model, the case service and the database's reader
    (instance attributes, removed by `remove`); the baselines call the saved originals."""

    def __init__(self, screen, desk: Desk) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.screen, self.desk = screen, desk
        model, cases, database = screen.model, desk.cases, desk.context.database
        self.original_list = cases.list
        self.original_id_array = cases.id_array
        self._original_reader = database.reader
        self._original_show = model.show_first_page
        self._original_set_ids = model.set_ids
        self._original_fetch = model.fetch_rows
        #: (start, end) of each call; the worker thread's appends are atomic under the GIL.
        self.readers: list[tuple[int, int]] = []
        self.page_reads: list[tuple[int, int]] = []
        self.id_reads: list[tuple[int, int, int]] = []
        self.first_pages: list[tuple[int, int]] = []
        self.loads: list[tuple[int, int, int]] = []
        self.fetches: list[tuple[int, int, int]] = []
        self.paints: list[tuple[int, int]] = []
        #: The id whose page `scrollToBottom` should fetch, and when that fetch returned.
        self.watch_id: int | None = None
        self.watched_at: int | None = None

        def reader():
            started = _now()
            conn = self._original_reader()
            self.readers.append((started, _now()))
            return conn

        def list_page(*args, **kwargs):
            started = _now()
            rows = self.original_list(*args, **kwargs)
            self.page_reads.append((started, _now()))
            return rows

        def id_array(*args, **kwargs):
            started = _now()
            ids = self.original_id_array(*args, **kwargs)
            self.id_reads.append((started, _now(), len(ids)))
            return ids

        def show_first_page(rows):
            started = _now()
            self._original_show(rows)
            self.first_pages.append((started, _now()))

        def set_ids(ids, **kwargs):
            started = _now()
            self._original_set_ids(ids, **kwargs)
            self.loads.append((started, _now(), len(ids)))

        def fetch_rows(ids):
            started = _now()
            rows = self._original_fetch(ids)
            ended = _now()
            self.fetches.append((started, ended, len(ids)))
            if self.watch_id is not None and self.watched_at is None and self.watch_id in ids:
                self.watched_at = ended
            return rows

        database.reader = reader
        cases.list = list_page
        cases.id_array = id_array
        model.show_first_page = show_first_page
        model.set_ids = set_ids
        model.fetch_rows = fetch_rows

        paints = self.paints

        class PaintWatch(QObject):
            """Each paint of the table's viewport: its start, and when the loop next turns (the paint is over)."""

            def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint:
                    started = _now()
                    QTimer.singleShot(0, lambda: paints.append((started, _now())))
                return False

        self._paint_watch = PaintWatch()
        screen.table.viewport().installEventFilter(self._paint_watch)

    def remove(self) -> None:
        self.screen.table.viewport().removeEventFilter(self._paint_watch)
        for owner, name in ((self.desk.context.database, "reader"), (self.desk.cases, "list"),
                            (self.desk.cases, "id_array"), (self.screen.model, "show_first_page"),
                            (self.screen.model, "set_ids"), (self.screen.model, "fetch_rows")):
            if name in vars(owner):
                delattr(owner, name)

    @staticmethod
    def first_after(events: list[tuple], at: int) -> tuple | None:
        return next((e for e in events if e[0] >= at), None)


def _run_until(done: Callable[[], bool], timeout_s: float = WAIT_TIMEOUT_S, *, what: str = "",
               required: bool = True) -> bool:
    """Run the event loop (as the application does, not a busy processEvents loop) until `done()`."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    if done():
        return True
    loop = QEventLoop()
    poll = QTimer(interval=2)
    poll.setTimerType(Qt.TimerType.PreciseTimer)
    poll.timeout.connect(lambda: loop.quit() if done() else None)
    deadline = QTimer(singleShot=True, interval=int(timeout_s * 1000))
    deadline.timeout.connect(loop.quit)
    poll.start()
    deadline.start()
    loop.exec()
    poll.stop()
    deadline.stop()
    if not done():
        if required:
            raise RuntimeError(f"timed out after {timeout_s:g} s waiting for {what or 'the cases screen'}")
        return False
    return True


def _settled(screen) -> bool:
    """No filter change waiting and no read running: the list and every id are in the model."""
    return not screen._timer.isActive() and screen._worker is None


def _settle(screen) -> None:
    _run_until(lambda: _settled(screen), what="the list to load")


def _plan(conn: sqlite3.Connection, sql: str, params) -> str:
    return " / ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, list(params)))


# --- 1. the first page -------------------------------------------------------------------------------------------

def first_page_figure(screen, probe: _Probe) -> Figure:
    """screen.refresh() → the first page's rows in the model (show_first_page returned), beside cases.list alone."""
    samples, baseline = [], []
    parts: dict[str, list[int]] = {k: [] for k in ("refresh", "reader", "page", "handoff", "show", "painted",
                                                   "loaded", "id_read", "set_ids")}
    same = True
    rows_shown = 0
    for call in range(FIRST_PAGE_WARMUPS + FIRST_PAGE_CALLS):
        _settle(screen)
        marked = len(probe.first_pages)
        started = _now()
        screen.refresh()
        returned = _now()
        _run_until(lambda: len(probe.first_pages) > marked, what="the first page")
        shown_start, shown_end = probe.first_pages[marked]
        painted = _run_until(lambda: any(p[0] >= shown_end for p in probe.paints), PAINT_TIMEOUT_S,
                             required=False)
        _settle(screen)
        ns, rows = timed(lambda: probe.original_list(ListRequest(), limit=100))
        if call < FIRST_PAGE_WARMUPS:
            continue
        samples.append(shown_end - started)
        baseline.append(ns)
        reader = probe.first_after(probe.readers, started)
        page = probe.first_after(probe.page_reads, started)
        ids = probe.first_after(probe.id_reads, started)
        load = probe.first_after(probe.loads, shown_end)
        parts["refresh"].append(returned - started)
        parts["reader"].append(reader[1] - started)
        parts["page"].append(page[1] - page[0])
        parts["handoff"].append(shown_start - page[1])
        parts["show"].append(shown_end - shown_start)
        if painted:
            paint = next(p for p in probe.paints if p[0] >= shown_end)
            parts["painted"].append(paint[1] - started)
        parts["loaded"].append(load[1] - started)
        parts["id_read"].append(ids[1] - ids[0])
        parts["set_ids"].append(load[1] - load[0])
        model_ids = list(screen.model.ids()[:100])
        same &= [r["id"] for r in rows] == model_ids
        rows_shown = screen.model.rowCount()
    sql, params = listing.id_query(CASE_LIST, ListRequest())
    conn = probe.desk.database.conn
    notes = [
        f"cases screen, first page: CasesScreen.refresh() (no filter, newest first) until the model's "
        f"show_first_page returned with the page read on the worker; {FIRST_PAGE_CALLS} calls after "
        f"{FIRST_PAGE_WARMUPS} warm-ups, each after the previous read had loaded every id; the baseline "
        f"cases.list(ListRequest(), limit=100) on the desk's connection, alternating; first 100 ids of the model == "
        f"the baseline's: {'yes' if same else 'NO'}; {rows_shown:,} cases listed",
        f"  steps (medians, from refresh()): refresh() returns {_median_ms(parts['refresh'])}, worker's read-only "
        f"connection open {_median_ms(parts['reader'])}, cases.list on the worker {_median_ms(parts['page'])}, "
        f"hand-off to the GUI thread {_median_ms(parts['handoff'])}, show_first_page {_median_ms(parts['show'])}; "
        f"table painted {_median_ms(parts['painted'])} ({len(parts['painted'])}/{len(samples)} seen)",
        f"  then: every id loaded {_median_ms(parts['loaded'])} after refresh() (id_array on the worker "
        f"{_median_ms(parts['id_read'])}, set_ids on the GUI thread {_median_ms(parts['set_ids'])})",
        f"  plan of the page's id query: {_plan(conn, sql + ' LIMIT 100', params)}",
    ]
    return Figure("cases screen: first page shown (refresh → rows in model)", samples,
                  "cases.list(ListRequest(), limit=100) alone", baseline, max_median_ms=FIRST_PAGE_TARGET_MS,
                  notes=notes)


# --- 2. sorting and jumping to the last row ------------------------------------------------------------------

def sort_figures(screen, probe: _Probe, raw: sqlite3.Connection) -> list[Figure]:
    """A click on each sortable column's header → the first page in the new order in the model; once every id has
    loaded, scrollToBottom → the last row's page fetched. Beside the raw id query of the same order on a read-only
    connection."""
    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtTest import QTest

    model, table = screen.model, screen.table
    header = table.horizontalHeader()
    columns = [model.COLUMNS.index(name) for name in model.SORTS]
    by_column: dict[int, dict[str, list[int]]] = {
        c: {k: [] for k in ("first", "loaded", "raw", "jump")} for c in columns}
    sort_names: dict[int, Counter] = {c: Counter() for c in columns}
    jump_ns, jump_painted, lateness, set_ids_ns, id_reads_ns, page_reads_ns, fetched_ns = [], [], [], [], [], [], []
    mismatches: list[str] = []
    counts: set[int] = set()
    ticks: list[int] = []
    heartbeat = QTimer(interval=HEARTBEAT_MS)
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(lambda: ticks.append(_now()))

    def click(column: int, keep: bool) -> None:
        _settle(screen)
        table.scrollToTop()
        before = model.current_sort_name()
        marked = len(probe.first_pages)
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        ticks.clear()
        heartbeat.start()
        ticks.append(_now())
        started = _now()
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(x, header.height() // 2))
        name = model.current_sort_name()
        if name == before or model.current_sort()[0] != column:
            raise RuntimeError(f"the click on column {column} did not sort it (sort {before} → {name})")
        _run_until(lambda: len(probe.first_pages) > marked, what="the sorted first page")
        shown = probe.first_pages[marked][1]
        _settle(screen)
        heartbeat.stop()
        load = probe.first_after(probe.loads, shown)
        # The last row: its page is not cached (show_first_page kept only the first).
        last = model.rowCount() - 1
        probe.watch_id, probe.watched_at = model.row_id(last), None
        jumped = _now()
        table.scrollToBottom()
        _run_until(lambda: probe.watched_at is not None, what="the last row's page")
        fetched_at = probe.watched_at
        probe.watch_id = None
        painted = _run_until(lambda: any(p[1] >= fetched_at for p in probe.paints), PAINT_TIMEOUT_S,
                             required=False)
        if model.row_record(last) is None:
            mismatches.append(f"{name}: the last row has no record after the jump")
        sql, params = listing.id_query(CASE_LIST, ListRequest(sort=name))
        raw_ns, raw_rows = timed(lambda: raw.execute(sql, params).fetchall())
        if model.ids().tolist() != [r[0] for r in raw_rows]:
            mismatches.append(f"{name}: the model's ids differ from the raw query's")
        first_ids = [r["id"] for r in probe.original_list(ListRequest(sort=name), limit=100)]
        if list(model.ids()[:100]) != first_ids:
            mismatches.append(f"{name}: the first page differs from cases.list")
        if not keep:
            return
        counts.add(model.rowCount())
        sort_names[column][name] += 1
        gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        lateness.append(max(gaps) - HEARTBEAT_MS * 1_000_000 if gaps else 0)
        bucket = by_column[column]
        bucket["first"].append(shown - started)
        bucket["loaded"].append(load[1] - started)
        bucket["raw"].append(raw_ns)
        bucket["jump"].append(fetched_at - jumped)
        jump_ns.append(fetched_at - jumped)
        if painted:
            jump_painted.append(next(p for p in probe.paints if p[1] >= fetched_at)[1] - jumped)
        set_ids_ns.append(load[1] - load[0])
        ids = probe.first_after(probe.id_reads, started)
        page = probe.first_after(probe.page_reads, started)
        id_reads_ns.append(ids[1] - ids[0])
        page_reads_ns.append(page[1] - page[0])
        fetch = next(f for f in probe.fetches if f[1] == fetched_at)
        fetched_ns.append(fetch[1] - fetch[0])

    try:
        for _ in range(SORT_WARMUPS):
            for column in columns:
                click(column, keep=False)
        for _ in range(SORT_ROUNDS):
            for column in columns:
                click(column, keep=True)  # one way
                click(column, keep=True)  # and the other
    finally:
        heartbeat.stop()
        probe.watch_id = None
    if mismatches:
        raise RuntimeError("the sorted list is wrong: " + "; ".join(mismatches[:5]))

    def label(column: int) -> str:
        return model.COLUMNS[column]

    worst = max(columns, key=lambda c: statistics.median(by_column[c]["first"]))
    slowest_load = max(columns, key=lambda c: statistics.median(by_column[c]["loaded"]))
    all_raw = [ns for c in columns for ns in by_column[c]["raw"]]
    per_column = "; ".join(
        f"{label(c)} ({'/'.join(sorted(sort_names[c]))}) {_median_ms(by_column[c]['first'])} / "
        f"{_median_ms(by_column[c]['loaded'])} / {_median_ms(by_column[c]['raw'])} / "
        f"{_median_ms(by_column[c]['jump'])}" for c in columns)
    plans = "; ".join(
        f"{name}: {_plan(raw, *listing.id_query(CASE_LIST, ListRequest(sort=name)))}"
        for name in sorted({n for c in columns for n in sort_names[c]}))
    per_click = len(by_column[worst]["first"])
    notes = [
        f"sorting: a mouse click (QTest) on each sortable column's header, {SORT_ROUNDS} rounds of two clicks a "
        f"column (one order, then the other: {per_click} samples a column) after {SORT_WARMUPS} untimed click a "
        f"column; timed from the click to the model's show_first_page returning with the page in the new order; "
        f"each click after the previous list had loaded every id; {'/'.join(f'{n:,}' for n in sorted(counts))} "
        f"cases; every sorted list == the raw id query's, first page == cases.list's: yes",
        f"  per column, medians of click → first page / click → every id loaded / raw id query / jump: "
        f"{per_column}",
        f"  worst column by first page: {label(worst)}; slowest to load every id: {label(slowest_load)} "
        f"({_median_ms(by_column[slowest_load]['loaded'])}); on the worker (medians, all clicks): cases.list "
        f"{_median_ms(page_reads_ns)}, id_array {_median_ms(id_reads_ns)}; set_ids on the GUI thread "
        f"{_median_ms(set_ids_ns)} (max {max(set_ids_ns) / 1e6:.1f} ms)",
        f"  heartbeat ({HEARTBEAT_MS} ms PreciseTimer) from the click until every id had loaded: lateness median "
        f"{_median_ms(lateness)}, worst {max(lateness) / 1e6:.1f} ms",
        f"  jump: after every id loaded, table.scrollToBottom() until the fetch of the last row's page returned "
        f"(during the view's paint); that fetch (cases.rows of 100 ids) {_median_ms(fetched_ns)}; the paint over "
        f"{_median_ms(jump_painted)} after scrollToBottom ({len(jump_painted)}/{len(jump_ns)} seen)",
        f"  raw baseline: listing.id_query's SQL for the sort, fetchall() on one sqlite3 connection opened "
        f"?mode=ro (default pragmas); plans: {plans}",
    ]
    return [
        Figure(f"sort by header click, worst column ({label(worst)}) → first page", by_column[worst]["first"],
               "raw id query of the same sorts, read-only conn", by_column[worst]["raw"],
               max_median_ms=SORT_TARGET_MS, notes=notes),
        Figure(f"sort by header click ({label(slowest_load)}) → every id loaded", by_column[slowest_load]["loaded"],
               "raw id query of the same sorts, read-only conn", by_column[slowest_load]["raw"]),
        Figure("jump to the last row (scrollToBottom → its data)", jump_ns,
               "raw id query (every sort), read-only conn", all_raw, max_median_ms=JUMP_TARGET_MS),
    ]


# --- 3. typing in the filter box ---------------------------------------------------------------------------

def _show_whole_list(screen) -> None:
    """No filter, newest first, every id loaded (what the screen shows when it opens)."""
    from PySide6.QtCore import Qt

    screen.search.blockSignals(True)
    screen.search.clear()
    screen.search.blockSignals(False)
    header = screen.table.horizontalHeader()
    column, order = screen.model.DEFAULT_SORT[0], Qt.SortOrder.DescendingOrder
    header.setSortIndicator(screen.model.COLUMNS.index(column), order)  # sorts the model when it differs
    screen.refresh()
    _settle(screen)
    screen.table.scrollToTop()


def typing_figure(screen, probe: _Probe) -> Figure:
    """The commonest name, folded (as officers type it, without diacritics), typed into the free-text filter as
    QKeyEvents one per 120 ms while a 10 ms heartbeat runs, until the filtered list has loaded; beside the same
    heartbeat over an idle loop of the same length."""
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from receptiondesk.ui.screens.cases_screen import FILTER_DELAY_MS

    _, text, namesakes = _common_name(probe.desk)
    late_ns, idle_ns = [], []
    phases: Counter = Counter()
    steps: dict[str, list[int]] = {k: [] for k in ("first", "loaded", "page", "ids", "set_ids", "show")}
    matches: set[int] = set()
    whole = 0

    def one_run(typing: bool, length_ns: int = 0) -> tuple[int, int]:
        """(max heartbeat lateness, run length) of one run; the whole list is shown when it starts."""
        loop = QEventLoop()
        ticks: list[int] = []
        state: dict[str, int] = {}
        heartbeat = QTimer(interval=HEARTBEAT_MS)
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        keys = QTimer(interval=KEY_INTERVAL_MS)
        keys.setTimerType(Qt.TimerType.PreciseTimer)
        typed = iter(text)

        def tick() -> None:
            now = _now()
            ticks.append(now)
            last = state.get("last_key")
            if last is not None and "done" not in state and probe.loads and probe.loads[-1][0] > last \
                    and _settled(screen):
                state["done"] = now
                QTimer.singleShot(TAIL_MS, loop.quit)

        def next_key() -> None:
            char = next(typed, None)
            if char is None:
                keys.stop()
                return
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(screen.search,
                                       QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
            if screen.search.text() == text:
                state["last_key"] = _now()

        heartbeat.timeout.connect(tick)
        screen.search.setFocus()
        if typing:
            keys.timeout.connect(next_key)
            keys.start()
            QTimer.singleShot(int(KEY_INTERVAL_MS * (len(text) + 1) + WAIT_TIMEOUT_S * 1000), loop.quit)
        else:
            QTimer.singleShot(max(1, round(length_ns / 1e6)), loop.quit)
        heartbeat.start()
        ticks.append(_now())
        loop.exec()
        heartbeat.stop()
        keys.stop()
        gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        worst = max(range(len(gaps)), key=gaps.__getitem__)
        late = gaps[worst] - HEARTBEAT_MS * 1_000_000
        if not typing:
            return late, ticks[-1] - ticks[0]
        last = state.get("last_key")
        if last is None or "done" not in state:
            raise RuntimeError(f"typed {screen.search.text()!r}, meant {text!r}; the filtered list never loaded")
        shown = probe.first_after(probe.first_pages, last)
        load = probe.first_after(probe.loads, last)
        page = probe.first_after(probe.page_reads, last)
        ids = probe.first_after(probe.id_reads, last)
        steps["first"].append(shown[1] - last)
        steps["loaded"].append(load[1] - last)
        steps["page"].append(page[1] - page[0])
        steps["ids"].append(ids[1] - ids[0])
        steps["set_ids"].append(load[1] - load[0])
        steps["show"].append(shown[1] - shown[0])
        ended = ticks[worst + 1]
        phases["while typing" if ended <= last else "debounce" if ended <= page[0]
               else "first page read/shown" if ended <= shown[1] + HEARTBEAT_MS * 1_000_000
               else "ids read/loaded" if ended <= load[1] + HEARTBEAT_MS * 1_000_000 else "after loading"] += 1
        matches.add(screen.model.rowCount())
        expected = len(probe.original_id_array(screen.request()))
        if screen.model.rowCount() != expected:
            raise RuntimeError(f"the filtered list has {screen.model.rowCount()} rows, the query {expected}")
        return late, ticks[-1] - ticks[0]

    for run in range(TYPING_WARMUPS + TYPING_RUNS):
        _show_whole_list(screen)
        whole = screen.model.rowCount()
        late, length = one_run(typing=True)
        _show_whole_list(screen)
        idle, _ = one_run(typing=False, length_ns=length)
        if run < TYPING_WARMUPS:
            for bucket in steps.values():
                bucket.clear()
            phases.clear()
            continue
        late_ns.append(late)
        idle_ns.append(idle)
    _show_whole_list(screen)
    listed = "/".join(f"{n:,}" for n in sorted(matches))
    notes = [
        f"typing in the filter: {text!r} ({len(text)} characters, the commonest folded name, {namesakes:,} citizens "
        f"of it) typed into the free-text box as QKeyEvents one per {KEY_INTERVAL_MS} ms from a QTimer, the whole "
        f"list ({whole:,} cases) shown when typing starts; the screen reads {FILTER_DELAY_MS} ms after the last key; "
        f"each run lasts until the filtered list ({listed} cases) has loaded every id, + {TAIL_MS} ms; "
        f"{TYPING_WARMUPS} warm-up run untimed",
        f"  after the last key (medians): first page shown {_median_ms(steps['first'])}, every id loaded "
        f"{_median_ms(steps['loaded'])}; on the worker cases.list {_median_ms(steps['page'])}, id_array "
        f"{_median_ms(steps['ids'])}; on the GUI thread show_first_page {_median_ms(steps['show'])}, set_ids "
        f"{_median_ms(steps['set_ids'])}",
        f"  heartbeat: a {HEARTBEAT_MS} ms PreciseTimer; lateness = longest gap between ticks − {HEARTBEAT_MS} ms, "
        f"per run; worst typing run {max(late_ns) / 1e6:.1f} ms, worst idle run {max(idle_ns) / 1e6:.1f} ms; the "
        f"longest gap of each typing run ended: "
        + ", ".join(f"{phase} {count}×" for phase, count in phases.most_common()),
    ]
    return _WorstCaseFigure("heartbeat lateness typing in the cases filter (per run)", late_ns,
                            "the same heartbeat, idle loop of equal length", idle_ns,
                            max_median_ms=LATENESS_TARGET_MS, notes=notes)


# --- 4. memory after a pass through the whole list -------------------------------------------------------

def _sqlite_heap() -> Callable[[], int | None]:
    """SQLite's own heap in use (sqlite3_memory_used of the library the sqlite3 module is linked to), or None."""
    import ctypes
    import ctypes.util

    try:
        used = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0").sqlite3_memory_used
    except (OSError, AttributeError):
        return lambda: None
    used.restype = ctypes.c_int64
    return lambda: int(used())


def _memory(heap: Callable[[], int | None]) -> str:
    sqlite = heap()
    return (f"VmRSS {_mib(_status_kib('VmRSS')):.0f} MiB (anon {_mib(_status_kib('RssAnon')):.0f}, file "
            f"{_mib(_status_kib('RssFile')):.0f})" + (f", SQLite heap {sqlite / 2**20:.0f} MiB" if sqlite else ""))


def memory_figure(screen, probe: _Probe, shown_kib: int, stages: dict[str, int]) -> Figure:
    """Right after the screen is shown: scroll the view to every page in turn (each page's first row at the top,
    processEvents so it paints) and ask the model for that row's data as well; VmRSS after the pass, beside VmRSS
    right after the screen was shown. Then the whole list read again once per sort order (no baseline, no check),
    VmRSS after each read, for the notes."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QAbstractItemView

    from receptiondesk.ui.models.paged_id_table_model import MAX_CACHED_PAGES, PAGE_SIZE

    heap = _sqlite_heap()
    shown_memory = _memory(heap)
    model, table = screen.model, screen.table
    rows = model.rowCount()
    pages = (rows + PAGE_SIZE - 1) // PAGE_SIZE
    marked = len(probe.fetches)
    top_kib, top_page = shown_kib, 0
    missing = 0
    started = _now()
    for page in range(pages):
        row = page * PAGE_SIZE
        index = model.index(row, 0)
        table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        QCoreApplication.processEvents()
        if model.data(index) is None:
            missing += 1
        if page % RSS_EVERY_PAGES == 0:
            now_kib = _status_kib("VmRSS")
            if now_kib > top_kib:
                top_kib, top_page = now_kib, page
    table.scrollToBottom()
    QCoreApplication.processEvents()
    elapsed = _now() - started
    after_kib = _status_kib("VmRSS")
    after_memory = _memory(heap)
    top_kib = max(top_kib, after_kib)
    fetched = probe.fetches[marked:]
    cached = model.cached_pages()
    if missing:
        raise RuntimeError(f"{missing} pages had no record for their first row")
    # The whole list read again in each order (a new worker and read-only connection each time), as sorting does.
    header = table.horizontalHeader()
    reads: list[str] = []
    for name in model.SORTS:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            header.setSortIndicator(model.COLUMNS.index(name), order)
            screen.refresh()
            _settle(screen)
            reads.append(f"{_mib(_status_kib('VmRSS')):.0f}")
    reread_memory = _memory(heap)
    _show_whole_list(screen)
    notes = [
        f"memory: this process's resident memory (/proc/self/status) right after the screen was shown with the whole "
        f"list ({rows:,} cases) loaded: {shown_memory}; after scrolling the view to each of its {pages:,} pages in "
        f"turn (each page's first row at the top, painted, its data asked for), the first thing done on the screen: "
        f"{after_memory}; highest VmRSS read during the pass {_mib(top_kib):.0f} MiB (page {top_page:,}; read every "
        f"{RSS_EVERY_PAGES} pages)",
        "  VmRSS on the way to the shown screen: " + ", ".join(f"{stage} {_mib(kib):.0f} MiB"
                                                             for stage, kib in stages.items()),
        f"  the pass: {elapsed / 1e9:.1f} s, {len(fetched):,} page fetches on the desk's connection (cases.rows of up "
        f"to {PAGE_SIZE} ids: median {_median_ms([f[1] - f[0] for f in fetched])}), {cached} pages cached at the end "
        f"(at most {MAX_CACHED_PAGES}); every connection keeps up to 64 MiB of SQLite page cache "
        f"(cache_size=-65536)",
        f"  then the whole list read again in each of the {len(reads)} sort orders (header indicator set, refresh, "
        f"every id loaded; no baseline or check): VmRSS after each {', '.join(reads)} MiB; at the end {reread_memory}",
        f"  the table's median and baseline columns of this row are MiB, not ms: {_mib(after_kib):.1f} MiB after the "
        f"pass, {_mib(shown_kib):.1f} MiB when shown",
    ]
    return _MemoryFigure("resident memory after paging the whole list (MiB)", _mib_samples(after_kib),
                         "VmRSS right after the screen was shown (MiB)", _mib_samples(shown_kib),
                         max_median_ms=RSS_TARGET_MIB, notes=notes)


# --- the module ---------------------------------------------------------------------------------------------

FIGURES = ("memory", "first-page", "sort", "typing")


def run(desk: Desk, only: tuple[str, ...] = FIGURES) -> list[Figure]:
    """The cases screen's figures on the runner's open desk (signed in as the benchmark's officer). The memory pass
    comes first, right after the screen is shown: the later figures' baselines and checks allocate too."""
    stages = {"before sign-in": _status_kib("VmRSS")}
    desk.login(BENCH_USER, BENCH_PASSWORD)
    stages["signed in (Argon2id, 64 MiB)"] = _status_kib("VmRSS")
    with _private_user_dirs():
        _application()
        from PySide6.QtCore import QCoreApplication

        from receptiondesk.ui.screens.cases_screen import CasesScreen

        stages["Qt application"] = _status_kib("VmRSS")
        screen = CasesScreen(desk, "vi")
        screen.resize(*WINDOW_SIZE)
        probe = _Probe(screen, desk)
        raw = sqlite3.connect(f"{desk.database.path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            screen.show()
            screen.refresh()
            _settle(screen)
            _run_until(lambda: bool(probe.paints), PAINT_TIMEOUT_S, required=False)
            QCoreApplication.processEvents()
            shown_kib = _status_kib("VmRSS")
            stages["screen shown, whole list loaded"] = shown_kib
            figures: list[Figure] = []
            later: list[str] = []
            if "memory" in only:
                figures.append(memory_figure(screen, probe, shown_kib, stages))
            if "first-page" in only:
                figures.append(first_page_figure(screen, probe))
                later.append(f"first page {_mib(_status_kib('VmRSS')):.0f}")
            if "sort" in only:
                figures += sort_figures(screen, probe, raw)
                later.append(f"sorting {_mib(_status_kib('VmRSS')):.0f}")
            if "typing" in only:
                figures.append(typing_figure(screen, probe))
                later.append(f"typing {_mib(_status_kib('VmRSS')):.0f}")
            if "memory" in only and later:
                figures[0].notes.append(
                    "  VmRSS after each later figure, in MiB (their baselines and checks included: the raw id query "
                    "fetches every id as a tuple): " + ", ".join(later))
        finally:
            raw.close()
            probe.remove()
            screen.close_screen()
            screen.deleteLater()
            QCoreApplication.processEvents()
    return figures


def main(argv: list[str] | None = None) -> int:
    """Only these figures, on a working copy of a generated file (deleted afterwards, with the copy kept before a
    migration)."""
    from benchmarks import dataset
    from benchmarks.__main__ import DEFAULT_DATA_DIR, _remove_working_copy, _working_copy, print_figures

    parser = argparse.ArgumentParser(prog="python -m benchmarks.cases_screen", description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=dataset.DEFAULT_VISITS)
    parser.add_argument("--file", type=Path, default=None, help="a generated file (default: the one of --visits)")
    parser.add_argument("--only", action="append", choices=FIGURES,
                        help="only this figure (repeatable; default: every figure)")
    args = parser.parse_args(argv)
    source = args.file or DEFAULT_DATA_DIR / dataset.data_file_name(args.visits, dataset.DEFAULT_SEED)
    if not source.exists():
        print(f"{source} does not exist: generate it with `python -m benchmarks.dataset --visits N`", file=sys.stderr)
        return 2
    work = source.with_name("bench-run.sqlite3")
    copy_seconds = _working_copy(source, work)
    schema: list[str] = []
    try:
        started = time.perf_counter()
        with Desk.open(work, clock=lambda: BENCH_NOW) as desk:
            opened = time.perf_counter() - started
            print(f"Working copy {work} made in {copy_seconds:.1f} s, opened in {opened:.1f} s; running the cases "
                  f"screen figures ...", flush=True)
            figures = run(desk, tuple(args.only or FIGURES))
        schema = dataset.check_schema(work)
    finally:
        _remove_working_copy(work)
    print(f"{source} ({source.stat().st_size / 2**20:,.0f} MiB); working copy opened with Desk.open "
          f"(migrated when older); its schema vs a freshly migrated file: "
          + ("same" if not schema else f"{len(schema)} differences: " + "; ".join(schema[:3])))
    print(f"SQLite {sqlite3.sqlite_version}; machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))})")
    print_figures(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
