"""The package's zip container, written and read in one canonical layout so that every byte of it is checked.

A package is a standard zip file (ZIP64, every entry stored, no compression, no comment), but only one layout of
it is valid: each entry's local header, the central directory and the end records are exactly the bytes this
module writes for the same names, sizes, CRC-32s and offsets. The reader parses the directory, then regenerates
every header and compares byte for byte; the entries' contents are covered by the manifest's hashes and the
signature. So a single changed byte anywhere in the file is refused, and a reader never has to guess.

Per entry (little-endian, as zip requires)::

    local header   PK\\3\\4, version 45, flags 0, method 0 (stored), time 0, date 1980-01-01, CRC-32,
                   sizes 0xFFFFFFFF, name length, extra length 20, name (ASCII), ZIP64 extra (both sizes)
    data           the entry's bytes
then the central directory (one record per entry, ZIP64 extra with both sizes and the offset), the ZIP64 end of
central directory record, its locator, and the classic end record with every field at its ZIP64 marker.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from receptiondesk.sync.files import Sink

_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_ZIP64_END = struct.Struct("<IQHHIIQQQQ")
_ZIP64_LOCATOR = struct.Struct("<IIQI")
_END = struct.Struct("<IHHHHIIH")
_LOCAL_EXTRA = struct.Struct("<HHQQ")
_CENTRAL_EXTRA = struct.Struct("<HHQQQ")

LOCAL_SIGNATURE = 0x04034B50
CENTRAL_SIGNATURE = 0x02014B50
ZIP64_END_SIGNATURE = 0x06064B50
ZIP64_LOCATOR_SIGNATURE = 0x07064B50
END_SIGNATURE = 0x06054B50
VERSION = 45  # ZIP64
DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01: the file says nothing about when it was made
MARK32 = 0xFFFFFFFF
MARK16 = 0xFFFF
ZIP64_EXTRA_ID = 0x0001
TRAILER_SIZE = _ZIP64_END.size + _ZIP64_LOCATOR.size + _END.size
MAX_NAME = 64
MAX_ENTRIES = 16


class ContainerError(Exception):
    """The file is not a container of this layout; `truncated` says it looks like one cut short."""

    def __init__(self, reason: str, *, truncated: bool = False, ours: bool = True) -> None:
        super().__init__(reason)
        self.truncated = truncated
        self.ours = ours


@dataclass(frozen=True)
class Entry:
    """One entry of a container: where its data lies and what its directory says about it."""

    name: str
    offset: int  # of the local header
    data_offset: int
    size: int
    crc: int


def local_header(name: str, size: int, crc: int) -> bytes:
    encoded = name.encode("ascii")
    extra = _LOCAL_EXTRA.pack(ZIP64_EXTRA_ID, 16, size, size)
    return _LOCAL.pack(LOCAL_SIGNATURE, VERSION, 0, 0, 0, DOS_DATE, crc, MARK32, MARK32, len(encoded),
                       len(extra)) + encoded + extra


def local_header_size(name: str) -> int:
    return _LOCAL.size + len(name.encode("ascii")) + _LOCAL_EXTRA.size


def central_record(entry: Entry) -> bytes:
    encoded = entry.name.encode("ascii")
    extra = _CENTRAL_EXTRA.pack(ZIP64_EXTRA_ID, 24, entry.size, entry.size, entry.offset)
    return _CENTRAL.pack(CENTRAL_SIGNATURE, VERSION, VERSION, 0, 0, 0, DOS_DATE, entry.crc, MARK32, MARK32,
                         len(encoded), len(extra), 0, 0, 0, 0, MARK32) + encoded + extra


def trailer(entries: Sequence[Entry], directory_offset: int, directory_size: int) -> bytes:
    zip64_end_offset = directory_offset + directory_size
    count = len(entries)
    return (_ZIP64_END.pack(ZIP64_END_SIGNATURE, _ZIP64_END.size - 12, VERSION, VERSION, 0, 0, count, count,
                            directory_size, directory_offset)
            + _ZIP64_LOCATOR.pack(ZIP64_LOCATOR_SIGNATURE, 0, zip64_end_offset, 1)
            + _END.pack(END_SIGNATURE, 0, 0, MARK16, MARK16, MARK32, MARK32, 0))


def _check_name(name: str) -> None:
    if not name or len(name) > MAX_NAME or not name.isascii() or not name.isprintable() or "/" in name:
        raise ValueError(f"container entry name not allowed: {name!r}")


class ContainerWriter:
    """Writes entries one after the other into a Sink, streaming each entry's data; `finish` writes the
    directory and end records."""

    def __init__(self, sink: Sink) -> None:
        if sink.position != 0:
            raise ValueError("a container starts at the beginning of its file")
        self._sink = sink
        self._entries: list[Entry] = []
        self._open: tuple[str, int, int] | None = None  # name, header offset, data offset
        self._crc = 0
        self._finished = False

    def begin(self, name: str) -> None:
        _check_name(name)
        if self._open is not None or self._finished:
            raise ValueError("an entry is already open or the container is finished")
        if any(e.name == name for e in self._entries):
            raise ValueError(f"entry {name!r} written twice")
        offset = self._sink.position
        self._sink.write(local_header(name, 0, 0))
        self._open = (name, offset, self._sink.position)
        self._crc = 0

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self._open is None:
            raise ValueError("no entry is open")
        self._crc = zlib.crc32(data, self._crc)
        self._sink.write(data)

    def end(self) -> Entry:
        if self._open is None:
            raise ValueError("no entry is open")
        name, offset, data_offset = self._open
        entry = Entry(name, offset, data_offset, self._sink.position - data_offset, self._crc)
        self._sink.patch(offset, local_header(name, entry.size, entry.crc))
        self._entries.append(entry)
        self._open = None
        return entry

    def add(self, name: str, data: bytes) -> Entry:
        self.begin(name)
        self.write(data)
        return self.end()

    def finish(self) -> list[Entry]:
        if self._open is not None or self._finished:
            raise ValueError("an entry is still open or the container is finished")
        directory_offset = self._sink.position
        directory = b"".join(central_record(entry) for entry in self._entries)
        self._sink.write(directory)
        self._sink.write(trailer(self._entries, directory_offset, len(directory)))
        self._finished = True
        return list(self._entries)


def _read_at(handle: BinaryIO, offset: int, size: int) -> bytes:
    handle.seek(offset)
    data = handle.read(size)
    if len(data) != size:
        raise ContainerError("short read", truncated=True)
    return data


def read_entries(handle: BinaryIO, file_size: int, first_name: str) -> list[Entry]:
    """The entries of a container file, after checking that every byte outside the entries' data is exactly
    what `ContainerWriter` writes for them. `first_name` is the name every container of this kind starts with:
    a file that starts otherwise is not ours; one that starts so but does not end right is truncated."""
    expected_start = local_header(first_name, 0, 0)[:_LOCAL.size + len(first_name) + 4]  # up to the extra's sizes
    start = _read_at(handle, 0, min(file_size, len(expected_start)))
    if not _same_start(start, expected_start):
        raise ContainerError("not a container of this kind", ours=False)
    if file_size < local_header_size(first_name) + TRAILER_SIZE:
        raise ContainerError("too short", truncated=True)
    tail = _read_at(handle, file_size - TRAILER_SIZE, TRAILER_SIZE)
    end = _END.unpack_from(tail, TRAILER_SIZE - _END.size)
    if end[0] != END_SIGNATURE:
        raise ContainerError("no end record", truncated=True)
    zip64_end = _ZIP64_END.unpack_from(tail, 0)
    if zip64_end[0] != ZIP64_END_SIGNATURE:
        raise ContainerError("no ZIP64 end record")
    count, directory_size, directory_offset = zip64_end[6], zip64_end[8], zip64_end[9]
    if not 0 < count <= MAX_ENTRIES or directory_offset + directory_size != file_size - TRAILER_SIZE:
        raise ContainerError("directory out of place")
    if directory_size > count * (_CENTRAL.size + MAX_NAME + _CENTRAL_EXTRA.size):
        raise ContainerError("directory too large")
    directory = _read_at(handle, directory_offset, directory_size)
    entries: list[Entry] = []
    position = 0
    next_offset = 0
    for _ in range(count):
        if position + _CENTRAL.size > len(directory):
            raise ContainerError("directory cut short")
        fields = _CENTRAL.unpack_from(directory, position)
        name_length, extra_length = fields[10], fields[11]
        start_of_extra = position + _CENTRAL.size + name_length
        if fields[0] != CENTRAL_SIGNATURE or not 0 < name_length <= MAX_NAME or \
                extra_length != _CENTRAL_EXTRA.size or start_of_extra + extra_length > len(directory):
            raise ContainerError("bad directory record")
        try:
            name = directory[position + _CENTRAL.size:start_of_extra].decode("ascii")
            _check_name(name)
        except (UnicodeDecodeError, ValueError):
            raise ContainerError("bad entry name") from None
        extra = _CENTRAL_EXTRA.unpack_from(directory, start_of_extra)
        size, offset = extra[2], extra[4]
        if offset != next_offset or any(e.name == name for e in entries):
            raise ContainerError("entries out of place")
        entry = Entry(name, offset, offset + local_header_size(name), size, fields[7])
        if entry.data_offset + size > directory_offset:
            raise ContainerError("entry beyond the directory")
        entries.append(entry)
        next_offset = entry.data_offset + size
        position = start_of_extra + extra_length
    if next_offset != directory_offset or position != len(directory):
        raise ContainerError("gap between entries")
    if directory != b"".join(central_record(e) for e in entries) or \
            tail != trailer(entries, directory_offset, directory_size):
        raise ContainerError("directory not in the canonical layout")
    for entry in entries:
        if _read_at(handle, entry.offset, entry.data_offset - entry.offset) != \
                local_header(entry.name, entry.size, entry.crc):
            raise ContainerError("local header not in the canonical layout")
    return entries


def _same_start(start: bytes, expected: bytes) -> bool:
    """Whether the file's first bytes are a local header for the expected first entry (its CRC and sizes
    aside)."""
    crc_at = 14
    if not start:
        return True  # an empty file: nothing says it is something else; reported as cut short
    return start[:crc_at] == expected[:min(len(start), crc_at)] and \
        start[crc_at + 4:] == expected[crc_at + 4:len(start)]
