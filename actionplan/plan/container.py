"""The .xlsx container, checked before anything is parsed: what kind of file it is, the zip directory, every
part's real size, compression and XML prolog, and each sheet's used range, all bounded.

`open_container(name, content)` returns a `Container` (the checked parts, the sheets in workbook order, the date
system) or findings that say why the file cannot be read. Nothing here trusts a size the file declares: parts are
inflated in bounded chunks and refused past a cap, and a sheet's extent is taken from its cell references, scanned
as bytes, so that a value typed in XFD1048576 is refused here instead of making the sheet reader allocate a grid of
17 billion cells.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

from ..i18n import N_
from .findings import ERROR, Finding
from .repack import Deflated, repacked
from .sheet_xml import SheetRef, SheetScan, contains_any, scan_sheet, workbook_sheets

MAX_WORKBOOK_BYTES = 100 * 2**20  # the file itself; a plan workbook is well under 1 MB
MAX_UNCOMPRESSED_BYTES = 200 * 2**20  # all parts unpacked; stops a zip bomb
MAX_PARTS = 2_000  # a workbook has a few dozen parts
MAX_DIRECTORY_BYTES = 1 * 2**20  # the zip's central directory
SUPPORTED_COMPRESSION = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
COMPRESSION_NAMES = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "xz", 98: "PPMd", 99: "AES"}
_CHUNK = 64 * 1024
_OUT_CHUNK = 1024 * 1024
_PROLOG_CHARS = 4096  # the XML declaration is at the very start of a part

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and every password-protected .xlsx
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument"
_ASCII_ENCODINGS = {"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252"}


class Refused(Exception):
    """The file cannot be read safely: the message and hint of the finding that says so."""

    def __init__(self, message: str, hint: str, /, **values: object) -> None:
        super().__init__(message)
        self.message, self.hint, self.values = message, hint, values


@dataclass
class Container:
    """A checked workbook: its parts as unpacked bytes, its sheets in workbook order, its date system, and the
    compressed stream each deflated part was inflated from."""

    parts: dict[str, bytes]
    sheets: list[SheetRef]
    date1904: bool
    deflated: dict[str, Deflated] = field(default_factory=dict)

    def sheet_bytes(self) -> bytes:
        """The checked parts as a fresh zip (repack.py): the sheet reader sees exactly what was checked, whatever
        else the original zip's local headers might claim."""
        return repacked(self.parts, self.deflated)

    def scan(self, sheet: SheetRef) -> SheetScan:
        """The extent, error cells and unsaved formulas of one sheet, from its XML."""
        return scan_sheet(self.parts.get(sheet.part or "", b""))


def _refuse(message: str, hint: str, /, **values: object) -> list[Finding]:
    """The error saying why the file cannot be read; `message` and `hint` are ids marked with N_."""
    return [Finding.of(ERROR, None, None, None, message, hint, **values)]


def open_container(name: str, content: bytes) -> tuple[Container | None, list[Finding]]:
    """The checked workbook, or None and the errors that say why this file cannot be read."""
    problem = _file_kind(name, content)
    if problem:
        return None, problem
    try:
        return _unpack(name, content), []
    except Refused as refused:
        return None, _refuse(refused.message, refused.hint, **refused.values)


def _file_kind(name: str, content: bytes) -> list[Finding]:
    """Errors for a file that is not an .xlsx at all, told in the words of what it is instead."""
    if name.startswith("~$"):
        return _refuse(
            N_("{name} is Excel's lock file, not the workbook"),
            N_("open {workbook} instead; the lock file disappears when Excel closes it"),
            name=name,
            workbook=name[2:],
        )
    if not name.lower().endswith(".xlsx"):
        return _refuse(N_("{name} is not an .xlsx file"), N_("save the workbook as Excel Workbook (*.xlsx)"), name=name)
    save_as = N_("open it in Excel and save it as Excel Workbook (*.xlsx)")
    if not content:
        return _refuse(
            N_("{name} is empty (0 bytes)"), N_("wait for Excel to finish saving, or restore a backup"), name=name
        )
    if len(content) > MAX_WORKBOOK_BYTES:
        return _refuse(
            N_("{name} is {size} MB, more than the {limit} MB a plan workbook may have"),
            N_("check that this is the right file; a plan workbook is far smaller"),
            name=name,
            size=len(content) // 2**20,
            limit=MAX_WORKBOOK_BYTES // 2**20,
        )
    if content.startswith(OLE2_MAGIC):
        if _ENCRYPTED_STREAM in content:
            return _refuse(
                N_("{name} is protected with a password, so it cannot be read"),
                N_(
                    "open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, "
                    "clear it) and save"
                ),
                name=name,
            )
        return _refuse(N_("{name} is an old Excel 97-2003 workbook (.xls), not an .xlsx"), save_as, name=name)
    if not content.startswith(b"PK"):
        if not content.strip(b"\x00"):
            return _refuse(
                N_("{name} holds only zero bytes (it may be half-written)"),
                N_("wait for Excel to finish saving, or restore a backup"),
                name=name,
            )
        if _looks_like_text(content[:4096]):
            return _refuse(N_("{name} is not an Excel workbook: it holds plain text (such as CSV)"), save_as, name=name)
        return _refuse(
            N_("{name} is not an Excel workbook"),
            N_("check that this is the right file, or open it in Excel and save it as Excel Workbook (*.xlsx)"),
            name=name,
        )
    return []


def _looks_like_text(head: bytes) -> bool:
    for codec in ("utf-8", "utf-16"):
        try:
            text = head.decode(codec)
        except UnicodeDecodeError:
            continue
        printable = sum(character.isprintable() or character in "\t\r\n" for character in text)
        if text and printable / len(text) > 0.95:
            return True
    return False


def _check_directory(name: str, content: bytes) -> None:
    """Bound the number of parts and the directory's size from the end-of-directory records, before the zip
    module reads the directory into memory."""
    incomplete = Refused(
        N_("{name} is not a complete Excel workbook (it may be half-written or damaged)"),
        N_("wait for Excel to finish saving, or save it again as Excel Workbook (*.xlsx)"),
        name=name,
    )
    tail_start = max(0, len(content) - 22 - 0xFFFF)
    end = content.rfind(b"PK\x05\x06", tail_start)
    if end < 0 or len(content) < end + 22:
        raise incomplete
    counts = [struct.unpack_from("<H", content, end + 10)[0]]
    sizes = [struct.unpack_from("<I", content, end + 12)[0]]
    locator = end - 20
    if locator >= 0 and content[locator : locator + 4] == b"PK\x06\x07":
        record = struct.unpack_from("<Q", content, locator + 8)[0]
        if record + 56 > len(content) or content[record : record + 4] != b"PK\x06\x06":
            raise incomplete
        counts.append(struct.unpack_from("<Q", content, record + 32)[0])
        sizes.append(struct.unpack_from("<Q", content, record + 40)[0])
    if max(counts) > MAX_PARTS or max(sizes) > MAX_DIRECTORY_BYTES:
        raise Refused(
            N_("{name} has more than {limit} parts; a workbook has a few dozen"),
            N_("check that this is the right file; open it in Excel and save it again"),
            name=name,
            limit=MAX_PARTS,
        )


def _unpack(name: str, content: bytes) -> Container:
    _check_directory(name, content)
    damaged = N_("open it in Excel and save it again, or restore a backup")
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except NotImplementedError as exc:  # "zip file version 8.1": a newer zip than any reader here understands
        raise Refused(
            N_("{name} was not saved by Excel ({problem})"),
            N_("open it in Excel and save it again as Excel Workbook (*.xlsx)"),
            name=name,
            problem=str(exc),
        ) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, struct.error, OSError) as exc:
        raise Refused(
            N_("{name} is not a complete Excel workbook (it may be half-written or damaged: {problem})"),
            N_("wait for Excel to finish saving, or save it again as Excel Workbook (*.xlsx)"),
            name=name,
            problem=str(exc),
        ) from None
    names = [member.filename for member in members]
    if "mimetype" in names and _ODS_MIMETYPE in content[:200]:
        raise Refused(
            N_("{name} is an OpenDocument spreadsheet (.ods), not an Excel workbook"),
            N_("open it in LibreOffice Calc or Excel and save it as Excel Workbook (*.xlsx)"),
            name=name,
        )
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise Refused(
            N_("{name} is a zip file but not an Excel workbook"),
            N_("save it from Excel as Excel Workbook (*.xlsx)"),
            name=name,
        )
    if len(set(names)) != len(names):
        repeated = next(part for part in names if names.count(part) > 1)
        raise Refused(N_("{name} is damaged: the part {part} appears twice"), damaged, name=name, part=_short(repeated))
    if sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES:
        raise _too_big(name)
    parts: dict[str, bytes] = {}
    deflated: dict[str, Deflated] = {}
    budget = MAX_UNCOMPRESSED_BYTES
    for member in members:
        if member.is_dir():
            continue
        payload, stream = _inflate(name, content, member, budget)
        budget -= len(payload)
        _check_xml(name, member.filename, payload)
        parts[member.filename] = payload
        if stream is not None:
            deflated[member.filename] = stream
    sheets, date1904 = workbook_sheets(parts)
    return Container(parts, sheets, date1904, deflated)


def _too_big(name: str) -> Refused:
    return Refused(
        N_("{name} unpacks to more than {limit} MB"),
        N_("a plan workbook is far smaller; check that this is the right file"),
        name=name,
        limit=MAX_UNCOMPRESSED_BYTES // 2**20,
    )


def _short(part: str) -> str:
    return part if len(part) <= 80 else part[:77] + "..."


def _inflate(name: str, content: bytes, member: zipfile.ZipInfo, budget: int) -> tuple[bytes, Deflated | None]:
    """A part's real bytes, inflated in bounded chunks; refused past the budget or when they are not what the zip
    directory says (size, CRC), whatever sizes the file declares. With them, the compressed stream they came from
    when it is exactly a deflate stream (None for a stored part, or a stream with bytes after its end)."""
    part = _short(member.filename)
    damaged = Refused(
        N_("{name} is damaged or incomplete (the part {part} is broken)"),
        N_("wait for Excel to finish saving, or open it in Excel and save it again, or restore a backup"),
        name=name,
        part=part,
    )
    if member.flag_bits & 0x1:
        raise Refused(
            N_("{name} is protected with a password (the part {part} is encrypted)"),
            N_("open it in Excel, remove the password and save"),
            name=name,
            part=part,
        )
    if member.compress_type not in SUPPORTED_COMPRESSION:
        method = COMPRESSION_NAMES.get(member.compress_type, f"method {member.compress_type}")
        raise Refused(
            N_("{name} was not saved by Excel: the part {part} is compressed with {method}, which Excel does not use"),
            N_("open it in Excel and save it again as Excel Workbook (*.xlsx)"),
            name=name,
            part=part,
            method=method,
        )
    start = member.header_offset
    if start < 0 or start + 30 > len(content) or content[start : start + 4] != b"PK\x03\x04":
        raise damaged
    name_length, extra_length = struct.unpack_from("<HH", content, start + 26)
    begin = start + 30 + name_length + extra_length
    raw = memoryview(content)[begin : begin + member.compress_size]
    if len(raw) != member.compress_size:
        raise damaged
    exact = False
    if member.compress_type == zipfile.ZIP_STORED:
        if len(raw) > budget:
            raise _too_big(name)
        payload = bytes(raw)
    else:
        payload, exact = _bounded_inflate(raw, budget, name, damaged)
    if len(payload) != member.file_size or zlib.crc32(payload) != member.CRC:
        raise damaged
    return payload, Deflated(bytes(raw), member.CRC) if exact else None


def _bounded_inflate(raw: memoryview, budget: int, name: str, damaged: Refused) -> tuple[bytes, bool]:
    """The inflated bytes, and whether the stream ended exactly at the end of `raw`."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    pieces: list[bytes] = []
    size = 0
    position = 0
    try:
        for position in range(0, len(raw), _CHUNK):
            pending: bytes | memoryview = raw[position : position + _CHUNK]
            while pending and not inflater.eof:
                piece = inflater.decompress(pending, _OUT_CHUNK)
                size += len(piece)
                if size > budget:
                    raise _too_big(name)
                pieces.append(piece)
                pending = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:
        raise damaged from None
    if not inflater.eof:
        raise damaged
    exact = position + _CHUNK >= len(raw) and not inflater.unused_data and not inflater.unconsumed_tail
    return b"".join(pieces), exact


# ---------------------------------------------------------------------------------------------------------------
# XML parts: no DTD, no entity, in whichever encoding the part is written

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_DECLARED = re.compile(r"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
_MARKUP_DECLARATIONS = ("<!DOCTYPE", "<!ENTITY", "<!ELEMENT", "<!ATTLIST")


def _encoding_of(payload: bytes) -> str:
    """The encoding a part is written in, from its byte order mark or the zero bytes of its first characters."""
    for bom, codec in _BOMS:
        if payload.startswith(bom):
            return codec
    head = payload[:4]
    if len(head) == 4 and head[:3] == b"\x00\x00\x00":
        return "utf-32-be"
    if len(head) == 4 and head[1:] == b"\x00\x00\x00":
        return "utf-32-le"
    if head[:1] == b"\x00":
        return "utf-16-be"
    if head[1:2] == b"\x00":
        return "utf-16-le"
    return "utf-8"


def _check_xml(name: str, part: str, payload: bytes) -> None:
    """Refuse a part that declares a DTD, an entity, or an encoding other than the one it is written in."""
    codec = _encoding_of(payload)
    head = payload[: _PROLOG_CHARS * 4].decode(codec, errors="replace").lstrip("\ufeff")
    if not head.lstrip().startswith("<") and not part.lower().endswith((".xml", ".rels", ".vml")):
        return  # not XML: an image or another binary part
    unsafe = Refused(
        N_("{name} contains unsafe XML (the part {part} declares a DTD or an entity)"),
        N_("the file was not made by Excel as expected; open it in Excel and save it again, or use a backup"),
        name=name,
        part=_short(part),
    )
    declared = _DECLARED.match(head)
    if declared:
        encoding = declared.group(1).strip().lower()
        same_family = encoding.startswith(codec[:6]) if codec != "utf-8" else encoding in _ASCII_ENCODINGS
        if not same_family:
            raise Refused(
                N_("{name} contains unsafe XML (the part {part} says it is in {encoding} but is written in {codec})"),
                N_("the file was not made by Excel as expected; open it in Excel and save it again, or use a backup"),
                name=name,
                part=_short(part),
                encoding=encoding[:20],
                codec=codec,
            )
    # every declaration starts with "<!": one search of a sheet of many megabytes usually settles it
    if contains_any(payload, ("<!".encode(codec),)) and any(
        marker.encode(codec) in payload for marker in _MARKUP_DECLARATIONS
    ):
        raise unsafe
