"""Hostile workbooks made from the shipped one: parts replaced, cells rewritten in the sheet XML, zip headers patched.

Each maker takes the shipped workbook's bytes and returns the bytes of a damaged or hostile variant, so the same
cases serve the table-driven suite, the CLI tests in a child process, and the fuzz test.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
import zipfile
from collections.abc import Callable

from tests.conftest import SHIPPED_WORKBOOK

ACTIVITIES_PART = "xl/worksheets/sheet1.xml"
MILESTONES_PART = "xl/worksheets/sheet3.xml"


def shipped() -> bytes:
    return SHIPPED_WORKBOOK.read_bytes()


def rezip(content: bytes, change: Callable[[str, bytes], bytes | None], extra: dict[str, bytes] | None = None) -> bytes:
    """The workbook with each part passed through `change(name, payload)` (None drops the part), plus `extra`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            payload = change(item.filename, source.read(item))
            if payload is not None:
                target.writestr(item.filename, payload)
        for name, payload in (extra or {}).items():
            target.writestr(name, payload)
    return out.getvalue()


def with_part(part: str, edit: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    return lambda content: rezip(content, lambda name, payload: edit(payload) if name == part else payload)


def set_cell(reference: str, inner: str, attributes: str = "", part: str = ACTIVITIES_PART) -> Callable[[bytes], bytes]:
    """Replace one cell of the sheet XML (creating its row at the end if the sheet has none such)."""

    def edit(xml: bytes) -> bytes:
        cell = f'<c r="{reference}"{attributes}>{inner}</c>'.encode()
        pattern = re.compile(rf'<c r="{reference}"[^>]*?(?:/>|>.*?</c>)'.encode(), re.DOTALL)
        if pattern.search(xml):
            return pattern.sub(lambda _: cell, xml, count=1)
        row = re.sub(r"[A-Z]", "", reference)
        return xml.replace(b"</sheetData>", f'<row r="{row}">'.encode() + cell + b"</row></sheetData>")

    return with_part(part, edit)


def text_cell(reference: str, text: str) -> Callable[[bytes], bytes]:
    return set_cell(reference, f"<is><t>{text}</t></is>", ' t="inlineStr"')


def _patch_headers(content: bytes, part: str, central: dict[int, bytes], local: dict[int, bytes]) -> bytes:
    """Overwrite fields of one part's central directory record and local header (offsets from each signature)."""
    data = bytearray(content)
    encoded = part.encode()
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + name_length] == encoded:
            header = struct.unpack_from("<I", data, position + 42)[0]
            for offset, value in central.items():
                data[position + offset : position + offset + len(value)] = value
            for offset, value in local.items():
                data[header + offset : header + offset + len(value)] = value
            return bytes(data)
        position = data.find(b"PK\x01\x02", position + 4)
    raise KeyError(part)


def lying_size(content: bytes, part: str = ACTIVITIES_PART) -> bytes:
    """The part's declared unpacked size says 100 bytes; the data is far longer."""
    size = struct.pack("<I", 100)
    return _patch_headers(content, part, {24: size}, {22: size})


def compression(method: int, part: str = ACTIVITIES_PART) -> Callable[[bytes], bytes]:
    value = struct.pack("<H", method)
    return lambda content: _patch_headers(content, part, {10: value}, {8: value})


def zip_version(version: int, part: str = ACTIVITIES_PART) -> Callable[[bytes], bytes]:
    value = struct.pack("<H", version)
    return lambda content: _patch_headers(content, part, {6: value}, {4: value})


def bomb(part: str, megabytes: int) -> Callable[[bytes], bytes]:
    """The part replaced by `megabytes` MB of spaces (a few hundred KB compressed), written in chunks."""

    def make(content: bytes) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                if item.filename != part:
                    target.writestr(item.filename, source.read(item))
                    continue
                with target.open(part, "w", force_zip64=True) as stream:
                    stream.write(b"<?xml version='1.0'?>")
                    chunk = b" " * 2**20
                    for _ in range(megabytes):
                        stream.write(chunk)
        return out.getvalue()

    return make


def flip_byte(part: str, offset: int) -> Callable[[bytes], bytes]:
    """One byte of the part's compressed data inverted, `offset` bytes into it."""

    def make(content: bytes) -> bytes:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            item = archive.getinfo(part)
        data = bytearray(content)
        data[item.header_offset + 30 + len(item.filename.encode()) + len(item.extra) + offset] ^= 0xFF
        return bytes(data)

    return make


def many_parts(count: int) -> Callable[[bytes], bytes]:
    return lambda content: rezip(content, lambda _, payload: payload, {f"xl/extra/{i}.bin": b"" for i in range(count)})


def utf16_dtd(content: bytes) -> bytes:
    """workbook.xml in UTF-16 with a BOM, declaring an entity: the DTD is invisible to a check on UTF-8 bytes."""

    def edit(xml: bytes) -> bytes:
        text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + xml.decode()
        return text.encode("utf-16")

    return with_part("xl/workbook.xml", edit)(content)


def declared_encoding(encoding: str) -> Callable[[bytes], bytes]:
    return with_part("xl/workbook.xml", lambda xml: f'<?xml version="1.0" encoding="{encoding}"?>'.encode() + xml)


def ods(_: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def ole2(stream_name: str) -> Callable[[bytes], bytes]:
    """The start of a compound file (what .xls and password-protected .xlsx files are), naming one stream."""
    return lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + stream_name.encode("utf-16-le") + bytes(64)


def duplicate_part(content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Duplicate name": the point of this case
            target.writestr(ACTIVITIES_PART, source.read(ACTIVITIES_PART))
    return out.getvalue()
