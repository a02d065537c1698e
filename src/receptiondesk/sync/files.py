"""Writing a sync file safely: into a temporary file beside the target, flushed, fsynced, read back and checked,
then renamed into place; on any failure the target does not exist and the temporary file is gone.

Writes go through `os.write` from a small buffer (`Sink`), so that a full disk, a read-only folder or a removed
USB stick surfaces as an `OSError` at once; `os_problem` turns it into a `UserError` naming the folder.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from receptiondesk.errors import UserError

T = TypeVar("T")

#: Bytes gathered before one `os.write`; larger writes go straight through.
BUFFER_BYTES = 1 << 20
#: Temporary files are named `.<target name>.<8 hex digits>.part` in the target's folder.
PART_SUFFIX = ".part"

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_GONE = {errno.ENOENT, errno.ENOTDIR, errno.ENODEV, errno.ENXIO, errno.EIO}


def os_problem(exc: OSError, folder: Path) -> UserError:
    """A clear message for a folder the disk refuses: full, read-only, gone, or another failure."""
    where = str(folder)
    if exc.errno in _DISK_FULL:
        return UserError("sync.disk_full", path=where)
    if exc.errno in _GONE or not folder.is_dir():
        return UserError("sync.folder_missing", path=where)
    if exc.errno in _READ_ONLY:
        return UserError("sync.folder_read_only", path=where)
    return UserError("sync.write_failed", path=where, reason=exc.strerror or str(exc))


class Sink:
    """Sequential writes to a file descriptor through a bounded buffer, with back-patching of earlier bytes."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._buffer = bytearray()
        self._position = 0

    @property
    def position(self) -> int:
        """The offset the next byte will be written at."""
        return self._position

    def write(self, data: bytes | bytearray | memoryview) -> None:
        size = len(data)
        if not size:
            return
        if self._buffer and len(self._buffer) + size > BUFFER_BYTES:
            self.flush()
        if size >= BUFFER_BYTES:
            self._write_all(data)
        else:
            self._buffer += data
        self._position += size

    def patch(self, offset: int, data: bytes) -> None:
        """Overwrite bytes already written (a header whose sizes are known only afterwards)."""
        if offset + len(data) > self._position:
            raise ValueError("patch beyond the bytes written")
        self.flush()
        os.lseek(self._fd, offset, os.SEEK_SET)
        self._write_all(data)
        os.lseek(self._fd, self._position, os.SEEK_SET)

    def flush(self) -> None:
        if self._buffer:
            self._write_all(self._buffer)
            self._buffer = bytearray()

    def _write_all(self, data: bytes | bytearray | memoryview) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows (POSIX); elsewhere the file's own fsync is what there is."""
    if os.name != "posix":
        return
    try:
        fd = os.open(str(folder), os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_small_file(path: Path, limit: int, codes: str) -> bytes:
    """A sync file that is at most `limit` bytes (a key file, an acknowledgement), read whole. Refusals use the
    message codes `<codes>_not_found`, `<codes>_not_ours` (a folder, or too big to be one) and `<codes>_unreadable`."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise UserError(f"{codes}_not_found", path=str(path)) from None
    except IsADirectoryError:
        raise UserError(f"{codes}_not_ours", path=str(path)) from None
    except OSError as exc:
        raise UserError(f"{codes}_unreadable", path=str(path), reason=exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise UserError(f"{codes}_not_ours", path=str(path))
    return data


def write_atomically(target: Path, produce: Callable[[Sink], T], verify: Callable[[Path, T], None]) -> T:
    """Write `target` through `produce`, then fsync, `verify` the file read back, and rename it into place.

    `verify` raises a UserError when the bytes read back are not what was written (reported as a faulty drive).
    An existing `target` is never overwritten. Every failure leaves no target and no temporary file behind.
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise UserError("sync.folder_missing", path=str(folder))
    if target.exists():
        raise UserError("sync.file_exists", path=str(target))
    temporary = folder / f".{target.name}.{secrets.token_hex(4)}{PART_SUFFIX}"
    fd: int | None = None
    try:
        fd = os.open(str(temporary), os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        sink = Sink(fd)
        result = produce(sink)
        sink.flush()
        os.fsync(fd)
        _drop_cache(fd)
        os.close(fd)
        fd = None
        try:
            verify(temporary, result)
        except UserError as exc:
            raise UserError("sync.readback_failed", path=str(folder)) from exc
        if target.exists():
            raise UserError("sync.file_exists", path=str(target))
        os.replace(temporary, target)
    except OSError as exc:
        _discard(fd, temporary)
        raise os_problem(exc, folder) from exc
    except BaseException:
        _discard(fd, temporary)
        raise
    _sync_folder(folder)
    return result


def _drop_cache(fd: int) -> None:
    """Ask the OS to forget the cached pages (Linux), so that reading back reads the device, not memory."""
    if hasattr(os, "posix_fadvise"):
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass


def _discard(fd: int | None, temporary: Path) -> None:
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass
    try:
        os.unlink(temporary)
    except OSError:
        pass
