"""A workbook's zip written again with some parts replaced: every other part is copied exactly as it was stored
(its local header and compressed bytes, not inflated and compressed again), so a save that changes one sheet costs
the compression of that sheet alone and leaves the rest of the file as it was."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib


class ZipTooLarge(Exception):
    """The workbook needs the zip64 format (over 4 GB, or 65,535 parts), which this does not write."""


def with_parts(content: bytes, members: list[zipfile.ZipInfo], changed: dict[str, bytes]) -> bytes:
    """The workbook's zip again, member by member in the same order: an unchanged part copied as it was stored (its
    local header and compressed bytes), a changed one compressed anew; then the central directory."""
    out = bytearray()
    directory = bytearray()
    if len(members) >= 0xFFFF or len(content) >= 0xFFFFFFFF:
        raise ZipTooLarge
    for member in members:
        offset = len(out)
        name = member.orig_filename.encode("utf-8" if member.flag_bits & _UTF8 else "cp437")
        flags = member.flag_bits & _UTF8
        time, day = _dos_time(member.date_time)
        if member.filename in changed or member.flag_bits & _DATA_DESCRIPTOR or member.compress_type not in _METHODS:
            payload = changed[member.filename] if member.filename in changed else _read(content, member)
            method = member.compress_type if member.compress_type in _METHODS else zipfile.ZIP_DEFLATED
            data = _deflate(payload) if method == zipfile.ZIP_DEFLATED else payload
            crc, size, compressed, extra = zlib.crc32(payload), len(payload), len(data), b""
            out += struct.pack(_LOCAL, b"PK\x03\x04", 20, flags, method, time, day, crc, len(data), size, len(name), 0)
            out += name + data
        else:  # as it was: the local header and the compressed bytes
            start = member.header_offset
            name_length, extra_length = struct.unpack_from("<2H", content, start + 26)
            out += content[start : start + 30 + name_length + extra_length + member.compress_size]
            method, crc, size, extra = member.compress_type, member.CRC, member.file_size, member.extra
            compressed, flags = member.compress_size, member.flag_bits
        directory += struct.pack(
            _CENTRAL,
            b"PK\x01\x02",
            member.create_version | member.create_system << 8,
            max(member.extract_version, 20),
            flags,
            method,
            time,
            day,
            crc,
            compressed,
            size,
            len(name),
            len(extra),
            len(member.comment),
            0,
            member.internal_attr,
            member.external_attr,
            offset,
        )
        directory += name + extra + member.comment
    end = struct.pack(_END, b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(out), 0)
    if len(out) >= 0xFFFFFFFF:
        raise ZipTooLarge
    return bytes(out + directory + end)


_UTF8, _DATA_DESCRIPTOR = 0x800, 0x08
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_LOCAL = "<4s5H3L2H"
_CENTRAL = "<4s6H3L5H2L"
_END = "<4s4H2LH"


def _dos_time(moment: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    year, month, day, hour, minute, second = moment
    return hour << 11 | minute << 5 | second // 2, max(year - 1980, 0) << 9 | month << 5 | day


def _deflate(payload: bytes) -> bytes:
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(payload) + compressor.flush()


def _read(content: bytes, member: zipfile.ZipInfo) -> bytes:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read(member.filename)
