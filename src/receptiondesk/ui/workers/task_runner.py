"""Runs its owner's desk tasks on DeskTaskWorkers, one at a time: each outcome goes to the callbacks given with the
task, a task superseded or retired is no longer heard, and every worker is kept until it has ended (a QThread
destroyed while it runs brings the program down)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from receptiondesk.services.desk import Desk
from receptiondesk.ui.workers.desk_task_worker import DeskTaskWorker


class TaskRunner(QObject):
    """`run` starts a task over the desk on a worker of its own; the task running is the current one.

    `busy_changed` says when a current task starts (True) and when it is over (False: done, failed, ended without
    a word, or retired), before its callback runs; `ended` is emitted whenever a worker has ended (the current one
    or one retired), once forgotten. `retire()` stops listening to the current task (cancelled, left to end on its
    own: `ending` is True meanwhile); `cancel()` asks it to stop while still listening; `wait()` waits for every
    worker. Everything is called and emitted on the GUI thread."""

    busy_changed = Signal(bool)
    ended = Signal()

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._current: DeskTaskWorker | None = None
        #: What to do with the current task's outcome: with its result, its error, its progress, and when it ended
        #: without either (cancelled).
        self._callbacks: tuple[Callable[[Any], None], Callable[[Exception], None],
                               Callable[[int], None] | None, Callable[[], None] | None] | None = None
        self._workers: set[DeskTaskWorker] = set()  # every worker started and not yet ended
        self._retired: set[DeskTaskWorker] = set()  # retired while running, still ending

    @property
    def busy(self) -> bool:
        """A task runs whose outcome is awaited."""
        return self._current is not None

    @property
    def ending(self) -> bool:
        """A task retired while it ran has not ended yet (a package being written is finished, not cut)."""
        return any(worker.isRunning() for worker in self._retired)

    @property
    def cancelled(self) -> bool:
        """The current task was asked to stop."""
        return self._current is not None and self._current.cancelled

    def run(self, task: Callable[[DeskTaskWorker, Desk], Any], then: Callable[[Any], None],
            failed: Callable[[Exception], None], *, writes: bool = False,
            progressed: Callable[[int], None] | None = None, stopped: Callable[[], None] | None = None) -> None:
        """Run `task(worker, desk)` over a desk of its own (writable with `writes`), retiring any task still
        running; on the GUI thread, `then(result)` when it is done, `failed(error)` when it failed (a UserError or
        the unexpected exception), `progressed(count)` with what it reports, `stopped()` when it ended without
        either (cancelled)."""
        self._retire(cancel=True, quiet=True)
        worker = DeskTaskWorker(self._desk, lambda desk: task(worker, desk), self, writes=writes)
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)
        worker.progressed.connect(self._progressed)
        worker.finished.connect(self._finished)
        self._workers.add(worker)
        was_busy = self.busy
        self._current, self._callbacks = worker, (then, failed, progressed, stopped)
        if not was_busy:
            self.busy_changed.emit(True)
        worker.start()

    def cancel(self) -> None:
        """Ask the current task to stop at its next check; its outcome (or `stopped`) is still delivered."""
        if self._current is not None:
            self._current.cancel()

    def retire(self, *, cancel: bool = True) -> None:
        """Stop listening to the current task without waiting for it, asking it to stop unless `cancel` is False
        (a write left to finish); anything it still sends is ignored."""
        self._retire(cancel=cancel, quiet=False)

    def wait(self) -> None:
        """Wait until every worker has ended (the current one too: retire it first not to hear from it)."""
        for worker in list(self._workers):
            worker.wait()

    def _retire(self, *, cancel: bool, quiet: bool) -> None:
        worker, self._current, self._callbacks = self._current, None, None
        if worker is None:
            return
        if worker.isRunning():
            if cancel:
                worker.cancel()
            self._retired.add(worker)
        if not quiet:
            self.busy_changed.emit(False)

    def _over(self) -> tuple | None:
        """The callbacks of the sender if it is the current task, which is then over; None for any other."""
        if self.sender() is not self._current or self._current is None:
            return None
        callbacks, self._current, self._callbacks = self._callbacks, None, None
        self.busy_changed.emit(False)
        return callbacks

    def _done(self, result: Any) -> None:
        callbacks = self._over()
        if callbacks is not None:
            callbacks[0](result)

    def _failed(self, error: Exception) -> None:
        callbacks = self._over()
        if callbacks is not None:
            callbacks[1](error)

    def _progressed(self, count: int) -> None:
        if self.sender() is self._current and self._callbacks[2] is not None:
            self._callbacks[2](count)

    def _finished(self) -> None:
        worker = self.sender()
        if worker is self._current:  # ended without a word (cancelled): nothing more to wait for
            stopped = self._over()[3]
            if stopped is not None:
                stopped()
        self._workers.discard(worker)
        self._retired.discard(worker)
        if worker is not None:
            worker.deleteLater()
        self.ended.emit()
