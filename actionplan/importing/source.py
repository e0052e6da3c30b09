"""Reading a plan document into rows of cells: a Word table (.docx), a text export (tab-separated, HTML inside
cells) or an HTML table, each cell a tuple of paragraphs, each row knowing where it came from.

    a .docx table row  | 4. | Implementation of the UNESCO | <w:p>1. UNESCO's ...</w:p> | 2021 |
    a text export line  4.<TAB>Implementation of the UNESCO<TAB><p>1. UNESCO's ...</p> <p>2. ...</p><TAB>2021
        -> SourceRow(where="line 12", cells=(SourceCell(("4.",)), SourceCell(("Implementation of the UNESCO",)),
                                             SourceCell(("1. UNESCO's ...", "2. ...")), SourceCell(("2021",))))

Paragraphs before the first table (the document's heading) and after the last are kept apart for the plan's facts.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..i18n import N_, _

WHITESPACE = re.compile(r"\s+")

# Formats the importer reads, by file suffix.
DOCX_SUFFIXES = (".docx",)
HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt", ".tsv", ".text", "")
SUFFIXES = DOCX_SUFFIXES + HTML_SUFFIXES + TEXT_SUFFIXES


def clean(text: str) -> str:
    """Whitespace normalised: runs of spaces, tabs and line breaks become one space; the ends trimmed."""
    return WHITESPACE.sub(" ", text.replace("\u00a0", " ")).strip()


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a cell. `item` is True when the document numbers or bullets it by its format (a Word list,
    an HTML <li>), so its number is not in its text."""

    text: str
    item: bool = False


@dataclass(frozen=True)
class SourceCell:
    """One grid column of a row. `spanned` marks the second and later columns of a horizontally merged cell (they
    repeat its paragraphs); `merged_above` marks a vertically merged cell continued from the row above (its
    paragraphs are those of the cell where the merge starts)."""

    paragraphs: tuple[Paragraph, ...] = ()
    spanned: bool = False
    merged_above: bool = False

    @property
    def text(self) -> str:
        return clean(" ".join(paragraph.text for paragraph in self.paragraphs))


@dataclass(frozen=True)
class SourceRow:
    """One row of the plan's table (or one line of a text export) and where it is in the document."""

    where: str
    cells: tuple[SourceCell, ...]

    def cell(self, index: int | None) -> SourceCell:
        if index is None or index >= len(self.cells):
            return SourceCell()
        return self.cells[index]

    def distinct_texts(self) -> list[str]:
        """The texts of the row's own cells: merged copies (spanned, or continued from above) left out."""
        return [c.text for c in self.cells if c.text and not c.spanned and not c.merged_above]

    def shown(self) -> str:
        """The row as one line for the report: its cells' texts separated by ' | '."""
        parts = []
        for cell in self.cells:
            if cell.spanned:
                continue
            text = " / ".join(clean(p.text) for p in cell.paragraphs if clean(p.text))
            parts.append(f"(merged) {text}" if cell.merged_above and text else text)
        return " | ".join(parts).strip()


@dataclass(frozen=True)
class SourceDocument:
    """A plan document as rows: the heading above the table, the table's rows, the text below it."""

    name: str
    kind: str  # "Word table", "text export", "HTML table"
    heading: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    trailing: tuple[str, ...] = ()


# ------------------------------------------------------------------------------------------------ HTML fragments
_BLOCK_TAGS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "table", "td", "th"}


class _FragmentParser(HTMLParser):
    """HTML inside a cell -> paragraphs: <p>, <div>, <li> and <br> end a paragraph; <li> marks an item."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[Paragraph] = []
        self._text: list[str] = []
        self._item = False

    def _flush(self) -> None:
        text = clean("".join(self._text))
        if text:
            self.paragraphs.append(Paragraph(text, self._item))
        self._text = []
        self._item = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "br" or tag in _BLOCK_TAGS:
            self._flush()
        if tag == "li":
            self._item = True

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "br" or tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def fragment_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """A cell's text, which may hold HTML (<p>, <ol>/<li>, <br>), as its paragraphs."""
    if not _TAG.search(text):
        plain = clean(html.unescape(text))
        return (Paragraph(plain),) if plain else ()
    parser = _FragmentParser()
    parser.feed(text)
    parser.close()
    return tuple(parser.paragraphs)


# ------------------------------------------------------------------------------------------------ text export
def read_text(text: str, name: str = "plan.txt") -> SourceDocument:
    """A text export: one table row a line, cells separated by tabs; lines without a tab before the first tabbed
    line are the heading (blank lines are skipped: exports leave one at every page break)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    heading: list[str] = []
    rows: list[SourceRow] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if "\t" not in line and not rows:
            heading.extend(p.text for p in fragment_paragraphs(line))
            continue
        cells = tuple(SourceCell(fragment_paragraphs(part)) for part in line.split("\t"))
        rows.append(SourceRow(_("line {number}").format(number=number), cells))
    return SourceDocument(name, N_("text export"), tuple(heading), tuple(rows))


def decode(content: bytes) -> str:
    """Text in UTF-8 (with or without a byte-order mark), else UTF-16 with a mark, else Windows-1252."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


# ------------------------------------------------------------------------------------------------ HTML table
class _TableParser(HTMLParser):
    """A whole HTML page: paragraphs outside tables, and every <tr> as a row of cells with colspan/rowspan."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.outside: list[str] = []
        self.rows: list[list[tuple[str, int, int]]] = []  # (inner html, colspan, rowspan)
        self._depth = 0
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._text: list[str] = []
        self.before_table: list[str] = []
        self.seen_table = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._depth += 1
            self.seen_table = True
            self._flush_outside()
        elif self._depth == 1 and tag == "tr":
            self.rows.append([])
        elif self._depth == 1 and tag in ("td", "th"):
            values = dict(attrs)
            self._span = (_int(values.get("colspan")), _int(values.get("rowspan")))
            self._cell = []
        elif self._cell is not None:
            self._cell.append(self.get_starttag_text() or "")
        elif self._depth == 0 and (tag in _BLOCK_TAGS or tag == "br"):
            self._flush_outside()

    def handle_endtag(self, tag):
        if tag == "table":
            self._depth -= 1
        elif self._depth == 1 and tag in ("td", "th") and self._cell is not None:
            if self.rows:
                self.rows[-1].append(("".join(self._cell), *self._span))
            self._cell = None
        elif self._cell is not None:
            self._cell.append(f"</{tag}>")
        elif self._depth == 0 and tag in _BLOCK_TAGS:
            self._flush_outside()

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(html.escape(data, quote=False))
        elif self._depth == 0:
            self._text.append(data)

    def _flush_outside(self):
        text = clean("".join(self._text))
        if text:
            (self.outside if self.seen_table else self.before_table).append(text)
        self._text = []


def _int(value: object) -> int:
    try:
        return max(1, int(str(value)))
    except (TypeError, ValueError):
        return 1


def read_html(text: str, name: str = "plan.html") -> SourceDocument:
    """An HTML page with the plan's table; colspan and rowspan are laid out on a grid like Word's merges."""
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    parser._flush_outside()
    rows: list[SourceRow] = []
    carried: dict[int, tuple[tuple[Paragraph, ...], int]] = {}  # grid column -> (paragraphs, rows still to cover)
    for number, raw in enumerate(parser.rows, start=1):
        cells: dict[int, SourceCell] = {}
        column = 0
        queue = list(raw)
        while queue or any(c >= column for c in carried):
            if column in carried:
                paragraphs, left = carried[column]
                cells[column] = SourceCell(paragraphs, merged_above=True)
                carried = {k: v for k, v in carried.items() if k != column}
                if left > 1:
                    carried[column] = (paragraphs, left - 1)
                column += 1
                continue
            if not queue:
                column += 1
                continue
            inner, colspan, rowspan = queue.pop(0)
            paragraphs = fragment_paragraphs(inner)
            for offset in range(colspan):
                cells[column + offset] = SourceCell(paragraphs, spanned=offset > 0)
                if rowspan > 1:
                    carried[column + offset] = (paragraphs, rowspan - 1)
            column += colspan
        width = max(cells, default=-1) + 1
        rows.append(
            SourceRow(
                _("table row {number}").format(number=number), tuple(cells.get(i, SourceCell()) for i in range(width))
            )
        )
    return SourceDocument(name, N_("HTML table"), tuple(parser.before_table), tuple(rows), tuple(parser.outside))


# ------------------------------------------------------------------------------------------------ Word
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Where a paragraph's text is: runs' text, tabs and breaks (as spaces); hyperlinks' and fields' runs included.
_T = f"{_W}t"
_TEXT_TAGS = frozenset({_T, f"{_W}tab", f"{_W}br", f"{_W}cr"})


def _list_styles(document) -> frozenset[str]:
    """The ids of the paragraph styles that number or bullet their paragraphs (List Number, List Bullet, and any
    style carrying numbering), looked up once per document: asking each paragraph its style is slow."""
    ids = set()
    for style in document.styles:
        element = style.element
        numbered = element.pPr is not None and element.pPr.numPr is not None
        if numbered or (style.name or "").startswith(("List Number", "List Bullet")):
            ids.add(style.style_id)
    return frozenset(ids)


def _docx_paragraph(p, list_styles: frozenset[str]) -> Paragraph:
    """A Word paragraph; numbered or bulleted by Word (numbering properties, or a list style) makes it an item."""
    text = "".join((node.text or "") if node.tag == _T else " " for node in p.iter() if node.tag in _TEXT_TAGS)
    pPr = p.pPr
    numbered = pPr is not None and (pPr.numPr is not None or (pPr.pStyle is not None and pPr.pStyle.val in list_styles))
    return Paragraph(clean(text), numbered)


def read_docx(content: bytes, name: str = "plan.docx") -> SourceDocument:
    """A Word document: the paragraphs before its first table are the heading; the rows of every top-level table
    follow one another (a plan split into one table per year reads as one table)."""
    import docx  # python-docx, only when a Word document is read
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(content))
    list_styles = _list_styles(document)
    heading: list[str] = []
    trailing: list[str] = []
    rows: list[SourceRow] = []
    table_number = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = _docx_paragraph(child, list_styles).text
            if text:
                (trailing if table_number else heading).append(text)
        elif child.tag == qn("w:tbl"):
            table_number += 1
            trailing.clear()  # text between two tables is a caption, kept with the rows below
            rows.extend(_docx_rows(child, list_styles, table_number, qn))
    return SourceDocument(name, N_("Word table"), tuple(heading), tuple(rows), tuple(trailing))


def _docx_rows(table, list_styles: frozenset[str], table_number: int, qn) -> list[SourceRow]:
    """A Word table's rows on its grid: gridSpan repeats a cell to the right, vMerge continues it downwards."""
    rows: list[SourceRow] = []
    started: dict[int, tuple[Paragraph, ...]] = {}  # grid column -> paragraphs of the cell where a merge starts
    for number, tr in enumerate(table.findall(qn("w:tr")), start=1):
        cells: list[SourceCell] = []
        before = tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
        if before is not None:
            cells.extend(SourceCell() for _gap in range(_int(before.get(qn("w:val")))))
        for tc in tr.findall(qn("w:tc")):
            paragraphs = tuple(
                paragraph
                for paragraph in (_docx_paragraph(p, list_styles) for p in tc.findall(qn("w:p")))
                if paragraph.text
            )
            span = tc.grid_span
            column = len(cells)
            merge = tc.vMerge  # None, "restart" or "continue"
            if merge == "continue":
                origin = started.get(column, ())
                cell = SourceCell(origin, merged_above=True)
            else:
                cell = SourceCell(paragraphs)
                started[column] = paragraphs
            cells.append(cell)
            cells.extend(
                SourceCell(cell.paragraphs, spanned=True, merged_above=cell.merged_above)
                for _spanned in range(span - 1)
            )
        where = _("table {table} row {number}").format(table=table_number, number=number)
        rows.append(SourceRow(where, tuple(cells)))
    return rows


# ------------------------------------------------------------------------------------------------ any
def read_source_bytes(content: bytes, name: str) -> SourceDocument:
    """The document from its bytes and file name: .docx as Word, .html as HTML, anything else as a text export
    (which may itself be HTML, recognised by a <table>)."""
    suffix = Path(name).suffix.lower()
    if suffix in DOCX_SUFFIXES or content[:2] == b"PK":
        return read_docx(content, name)
    text = decode(content)
    if suffix in HTML_SUFFIXES or (re.search(r"<table\b", text, re.IGNORECASE) and "\t" not in text):
        return read_html(text, name)
    return read_text(text, name)


def read_source(path: str | Path) -> SourceDocument:
    """The document at `path`."""
    path = Path(path)
    return read_source_bytes(path.read_bytes(), path.name)
