"""Writing on a stick that refuses: read-only, full, pulled out midway, faulty. Each is a clear UserError naming
the folder, and no file (final or temporary) is left behind. The OS functions are patched, since the tests may
run as root (for whom a read-only folder is writable)."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from receptiondesk.errors import UserError
from receptiondesk.sync.ack import Ack, write_ack
from receptiondesk.sync.package import read_package, write_package
from tests.sync.conftest import UNIT, UPPER, UPPER_NAME, fields, rendered, small_records


class Disk:
    """Patches os.open/os.write/os.fsync so that files opened under `folder` misbehave as told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
        self.folder = str(folder)
        self.fds: set[int] = set()
        self.written = 0
        self.real_open, self.real_write, self.real_fsync = os.open, os.write, os.fsync
        self.on_open: Callable[[str, int], None] | None = None
        self.on_write: Callable[[int], None] | None = None
        self.on_fsync: Callable[[int], None] | None = None
        monkeypatch.setattr(os, "open", self._open)
        monkeypatch.setattr(os, "write", self._write)
        monkeypatch.setattr(os, "fsync", self._fsync)

    def _open(self, path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        ours = str(path).startswith(self.folder) and flags & os.O_CREAT
        if ours and self.on_open:
            self.on_open(str(path), flags)
        fd = self.real_open(path, flags, mode, **kwargs)
        if ours:
            self.fds.add(fd)
        return fd

    def _write(self, fd: int, data: Any) -> int:
        if fd in self.fds and self.on_write:
            self.on_write(len(data))
        written = self.real_write(fd, data)
        if fd in self.fds:
            self.written += written
        return written

    def _fsync(self, fd: int) -> None:
        if fd in self.fds and self.on_fsync:
            self.on_fsync(fd)
        self.real_fsync(fd)


def _ack() -> Ack:
    return Ack(UPPER, UPPER_NAME, UNIT, 3, "5b" * 32, True, "2026-03-12T14:30:00+07:00")


def _writers(commune_keys, upper_keys, records: Any = None) -> dict[str, Callable[[Path], object]]:
    return {
        "package": lambda path: write_package(path, fields(), records if records is not None else small_records(500),
                                              documents=[("a.pdf", os.urandom(200_000))], signing_key=commune_keys,
                                              upper_keys=upper_keys.public()),
        "ack": lambda path: write_ack(path, _ack(), signing_key=upper_keys),
        "key file": lambda path: upper_keys.public().write(path),
    }


@pytest.mark.parametrize("kind", ["package", "ack", "key file"])
def test_read_only_folder(monkeypatch, folder, commune_keys, upper_keys, kind):
    disk = Disk(monkeypatch, folder)

    def refuse(path: str, flags: int) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", path)

    disk.on_open = refuse
    with pytest.raises(UserError) as caught:
        _writers(commune_keys, upper_keys)[kind](folder / "out.file")
    assert caught.value.code == "sync.folder_read_only"
    assert str(folder) in rendered(caught.value) and "chỉ cho đọc" in rendered(caught.value)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("kind", ["package", "ack", "key file"])
def test_disk_full(monkeypatch, folder, commune_keys, upper_keys, kind):
    disk = Disk(monkeypatch, folder)

    def fill(size: int) -> None:
        if disk.written + size > 100:  # the first bytes fit, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")

    disk.on_write = fill
    with pytest.raises(UserError) as caught:
        _writers(commune_keys, upper_keys)[kind](folder / "out.file")
    assert caught.value.code == "sync.disk_full"
    assert str(folder) in rendered(caught.value) and "Không đủ chỗ trống" in rendered(caught.value)
    assert list(folder.iterdir()) == []


def test_disk_full_in_the_middle_of_a_large_package(monkeypatch, folder, commune_keys, upper_keys,
                                                    generated_records):
    disk = Disk(monkeypatch, folder)

    def fill(size: int) -> None:
        if disk.written + size > 2_000_000:
            raise OSError(errno.ENOSPC, "No space left on device")

    disk.on_write = fill
    with pytest.raises(UserError) as caught:
        write_package(folder / "p.rdsync", fields(), generated_records * 3, documents=[("a", os.urandom(4 << 20))],
                      signing_key=commune_keys, upper_keys=upper_keys.public(), segment_size=4096)
    assert caught.value.code == "sync.disk_full" and disk.written > 0
    assert list(folder.iterdir()) == []


def test_folder_removed_while_the_records_are_written(folder, commune_keys, upper_keys):
    def records() -> Iterator[dict[str, Any]]:
        yield from small_records(100)
        shutil.rmtree(folder)  # the stick is pulled out
        yield from small_records(100)

    with pytest.raises(UserError) as caught:
        write_package(folder / "p.rdsync", fields(), records(), signing_key=commune_keys,
                      upper_keys=upper_keys.public())
    assert caught.value.code == "sync.folder_missing"
    assert str(folder) in rendered(caught.value) and "USB" in rendered(caught.value)
    assert not folder.exists()


@pytest.mark.parametrize("kind", ["package", "ack", "key file"])
def test_folder_removed_before_the_rename(monkeypatch, folder, commune_keys, upper_keys, kind):
    disk = Disk(monkeypatch, folder)
    disk.on_fsync = lambda fd: shutil.rmtree(folder)
    with pytest.raises(UserError) as caught:
        _writers(commune_keys, upper_keys)[kind](folder / "out.file")
    assert caught.value.code == "sync.folder_missing"
    assert not folder.exists()


def test_stick_pulled_out_gives_io_errors(monkeypatch, folder, commune_keys, upper_keys):
    disk = Disk(monkeypatch, folder)

    def pulled(size: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    disk.on_write = pulled
    with pytest.raises(UserError) as caught:
        _writers(commune_keys, upper_keys)["package"](folder / "p.rdsync")
    assert caught.value.code == "sync.folder_missing"
    assert list(folder.iterdir()) == []


def test_other_os_errors_name_the_folder_and_the_reason(monkeypatch, folder, commune_keys, upper_keys):
    disk = Disk(monkeypatch, folder)

    def odd(size: int) -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    disk.on_write = odd
    with pytest.raises(UserError) as caught:
        _writers(commune_keys, upper_keys)["package"](folder / "p.rdsync")
    assert caught.value.code == "sync.write_failed"
    assert str(folder) in rendered(caught.value) and "Invalid argument" in rendered(caught.value)
    assert list(folder.iterdir()) == []


def test_a_faulty_stick_that_reads_back_other_bytes(monkeypatch, folder, commune_keys, upper_keys):
    disk = Disk(monkeypatch, folder)

    def corrupt(fd: int) -> None:
        os.pwrite(fd, b"\xde\xad\xbe\xef", os.fstat(fd).st_size // 2)

    disk.on_fsync = corrupt
    for kind, writer in _writers(commune_keys, upper_keys).items():
        with pytest.raises(UserError) as caught:
            writer(folder / "out.file")
        assert caught.value.code == "sync.readback_failed", kind
        assert str(folder) in rendered(caught.value)
        assert list(folder.iterdir()) == []


def test_missing_folder_existing_target_and_a_failing_record_source(folder, commune_keys, upper_keys):
    with pytest.raises(UserError) as caught:
        write_package(folder / "nowhere" / "p.rdsync", fields(), small_records(), signing_key=commune_keys,
                      upper_keys=upper_keys.public())
    assert caught.value.code == "sync.folder_missing"

    first = write_package(folder / "p.rdsync", fields(), small_records(), signing_key=commune_keys,
                          upper_keys=upper_keys.public())
    with pytest.raises(UserError) as caught:
        write_package(folder / "p.rdsync", fields(), small_records(1), signing_key=commune_keys,
                      upper_keys=upper_keys.public())
    assert caught.value.code == "sync.file_exists"
    assert read_package(first.path, commune_public_key=commune_keys.public(),
                        upper_private_keys=upper_keys).sha256 == first.sha256

    def broken() -> Iterator[dict[str, Any]]:
        yield from small_records(10)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        write_package(folder / "q.rdsync", fields(), broken(), signing_key=commune_keys,
                      upper_keys=upper_keys.public())
    assert sorted(p.name for p in folder.iterdir()) == ["p.rdsync"]
