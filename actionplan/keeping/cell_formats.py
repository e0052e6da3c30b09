"""The cell formats of a workbook (xl/styles.xml) as a patched save needs them: the format of a cell with Excel's
quote prefix set or cleared, or with a date format, found among the workbook's formats or added at their end."""

from __future__ import annotations

import re

from ..plan.workbook import DATE_FORMAT
from .faults import Unpatchable

_CELL_XFS = re.compile(rb"<cellXfs\b[^>]*>(.*?)</cellXfs>", re.DOTALL)
_XF = re.compile(rb"<xf\b[^>]*?/>|<xf\b[^>]*?>.*?</xf>", re.DOTALL)
_COUNT = re.compile(rb'\bcount="[0-9]+"')
_NUMBER_FORMATS = re.compile(rb"<numFmts\b[^>]*>(.*?)</numFmts>", re.DOTALL)
_NUMBER_FORMAT = re.compile(rb'<numFmt\b[^>]*\bnumFmtId="([0-9]+)"[^>]*\bformatCode="([^"]*)"')
_STYLESHEET = re.compile(rb"<styleSheet\b[^>]*>")


class CellFormats:
    """The workbook's cell formats (xl/styles.xml), with the formats a patched cell needs added at the end."""

    def __init__(self, xml: bytes | None) -> None:
        self.xml = xml or b""
        self.changed = False
        self._xfs: list[bytes] | None = None

    def _cell_formats(self) -> list[bytes]:
        if self._xfs is None:
            found = _CELL_XFS.search(self.xml)
            if found is None:
                raise Unpatchable("the workbook's cell formats are not where expected")
            self._xfs = _XF.findall(found.group(1))
        return self._xfs

    def derived(self, style: int, *, quote: bool | None = None, date: bool = False) -> int:
        """The format like `style` with the quote prefix set (True), cleared (False) or kept (None), and a date
        format if `date` and it has none (General): an existing one where it matches, else one added."""
        xfs = self._cell_formats()
        if style >= len(xfs):
            raise Unpatchable("a cell's format is not in the workbook")
        xf = xfs[style]
        new = xf
        quoted = bool(re.search(rb'\bquotePrefix="(?:1|true)"', xf))
        if quote is True and not quoted:
            new = _set_attribute(new, b"quotePrefix", b"1")
        elif quote is False and quoted:
            new = re.sub(rb'\s+quotePrefix="[^"]*"', b"", new)
        if date:
            number_format = re.search(rb'\bnumFmtId="([0-9]+)"', xf)
            if number_format is None or number_format.group(1) == b"0":
                new = _set_attribute(new, b"numFmtId", str(self._date_format()).encode())
                new = _set_attribute(new, b"applyNumberFormat", b"1")
        if new == xf:
            return style
        if new in xfs:
            return xfs.index(new)
        xfs.append(new)
        self._write_cell_formats()
        return len(xfs) - 1

    def _write_cell_formats(self) -> None:
        found = _CELL_XFS.search(self.xml)
        assert found is not None and self._xfs is not None
        opening = self.xml[found.start() : found.start(1)]
        opening = _COUNT.sub(f'count="{len(self._xfs)}"'.encode(), opening, count=1)
        section = opening + b"".join(self._xfs) + b"</cellXfs>"
        self.xml = self.xml[: found.start()] + section + self.xml[found.end() :]
        self.changed = True

    def _date_format(self) -> int:
        """The id of the number format DATE_FORMAT, added to the workbook's formats if it has none."""
        found = _NUMBER_FORMATS.search(self.xml)
        formats = _NUMBER_FORMAT.findall(found.group(1)) if found else []
        for number, code in formats:
            if code.decode("utf-8", "replace") == DATE_FORMAT:
                return int(number)
        number = max([163, *(int(number) for number, _ in formats)]) + 1
        element = f'<numFmt numFmtId="{number}" formatCode="{DATE_FORMAT}"/>'.encode()
        if found:
            opening = self.xml[found.start() : found.start(1)]
            opening = _COUNT.sub(f'count="{len(formats) + 1}"'.encode(), opening, count=1)
            self.xml = self.xml[: found.start()] + opening + found.group(1) + element + self.xml[found.end(1) :]
        else:
            root = _STYLESHEET.search(self.xml)
            if root is None:
                raise Unpatchable("the workbook's styles are not where expected")
            numbers = b'<numFmts count="1">' + element + b"</numFmts>"
            self.xml = self.xml[: root.end()] + numbers + self.xml[root.end() :]
        self.changed = True
        return number


def _set_attribute(tag: bytes, name: bytes, value: bytes) -> bytes:
    """An <xf> start tag with the attribute set (replaced if present, else added after the element name)."""
    pattern = re.compile(rb"\b" + name + rb'="[^"]*"')
    if pattern.search(tag):
        return pattern.sub(name + b'="' + value + b'"', tag, count=1)
    return tag[:3] + b" " + name + b'="' + value + b'"' + tag[3:]
