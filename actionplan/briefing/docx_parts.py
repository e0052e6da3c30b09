"""The Word pieces both briefing documents are made of: A4 page, styles, footer with page N of M, and tables
with fixed widths, a dark header row that repeats on every page, and rows that do not split. All text passes
through `text.printable`, so no control character from a cell can make Word refuse the file."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from ..i18n import _, current
from .text import header, printable
from .widths import fitted, need_cm

# A4 portrait; landscape is never used, so the quarter grid is sized to fit the 17 cm text width.
PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGIN_CM = 2.0
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM

# One neutral shade family for the whole document (the dashboard's domain colours stay in the Streamlit layer).
HEADER_FILL = "1F4E79"  # header rows: white bold text on dark blue
SCHEDULED_FILL = "2E75B6"  # a quarter the activity's dates fall in
SESSION_FILL = "DEEAF6"  # the session's quarter, where the activity is not scheduled
TABLE_FONT_PT = 8
GRID_FONT_PT = 7
BODY_FONT_PT = 10
FOOTER_FONT_PT = 8

# The document's language (w:lang), so that Word checks spelling and hyphenates in the pack's language.
LANGUAGE_TAGS: dict[str, str] = {"en": "en-GB", "ru": "ru-RU", "tk": "tk-TM"}

TABLE_STYLE = "Table Text"
GRID_STYLE = "Grid Text"
BODY_STYLE = "Normal"
_STYLE_IDS: dict[str, str] = {TABLE_STYLE: "TableText", GRID_STYLE: "GridText"}  # python-docx's ids for them
_STYLE_SIZES: dict[str, float] = {TABLE_STYLE: TABLE_FONT_PT, GRID_STYLE: GRID_FONT_PT, BODY_STYLE: BODY_FONT_PT}
CM_PER_INCH, TWIPS_PER_INCH = 2.54, 1440
TABLE_GRID_MARGIN_TWIPS = 108  # Table Grid's left and right cell margins (0.19 cm)
NARROW_CHARACTERS = frozenset("Iijlrtf.,:;'’ -()")  # for line_cm's estimate of a line's width

# Children of w:tcPr and w:tblPr must come in the schema's order, or Word reports the file as damaged.
TC_PR_ORDER: tuple[str, ...] = (
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
)
TBL_PR_ORDER: tuple[str, ...] = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
)
TR_PR_ORDER: tuple[str, ...] = (
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
)


# ---------------------------------------------------------------------------------------------------------------
# Page and styles


def page_setup(document) -> None:
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
        section.left_margin = section.right_margin = Cm(MARGIN_CM)
        section.top_margin, section.bottom_margin = Cm(MARGIN_CM), Cm(MARGIN_CM)
        section.header_distance = section.footer_distance = Cm(1.0)


def styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(BODY_FONT_PT)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in ((TABLE_STYLE, TABLE_FONT_PT), (GRID_STYLE, GRID_FONT_PT)):
        # Cell text gets its own paragraph style so the paragraph mark, which sets the line height, is small too.
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        assert style.style_id == _STYLE_IDS[name]
        style.base_style = normal
        style.font.size = Pt(size)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.line_spacing = 1.0
    for name, size in (("Heading 1", 15), ("Heading 2", 12)):
        style = document.styles[name]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 9)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True


def language(document) -> str:
    """Set the document's language to that of the work under way (w:lang in the defaults of every run, and the
    file's Language property); returns its tag, e.g. 'ru-RU'."""
    tag = LANGUAGE_TAGS.get(current().lang, LANGUAGE_TAGS["en"])
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        document.styles.element.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)  # w:lang comes after the fonts and sizes a default run's properties hold
    lang.set(qn("w:val"), tag)
    document.core_properties.language = tag
    return tag


def footer(document, text: str) -> None:
    """'<text> · page N of M' in every page's footer, in the reader's language (Word fills in the fields)."""
    paragraph = document.sections[0].footer.paragraphs[0]
    template = _("{text} \u00b7 page {page} of {pages}")
    for piece in re.split(r"(\{\w+\})", template):
        if piece == "{text}":
            paragraph.add_run(text)
        elif piece in ("{page}", "{pages}"):
            _field(paragraph, "PAGE" if piece == "{page}" else "NUMPAGES")
        elif piece:
            paragraph.add_run(piece)
    for run in paragraph.runs:
        run.font.size = Pt(FOOTER_FONT_PT)
        run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def _field(paragraph, code: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(2 * FOOTER_FONT_PT))
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


# ---------------------------------------------------------------------------------------------------------------
# Tables


def table(document, frame: pd.DataFrame, widths_cm: Sequence[float], *, bold_last: bool = False) -> Table:
    """A table with a repeating dark header row, fixed column widths, rows that do not split across pages."""
    table = document.add_table(rows=1 + len(frame), cols=len(frame.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    needs = [
        need_cm(header(column), map(_text, frame.iloc[:, i]), TABLE_FONT_PT) for i, column in enumerate(frame.columns)
    ]
    fixed_layout(table, fitted(widths_cm, needs))  # no word cut in two, in any language
    for cell, column in zip(table.rows[0].cells, frame.columns):
        write(cell, header(column), TABLE_STYLE, bold=True, colour="FFFFFF")  # the frame's keys stay English
        shade(cell, HEADER_FILL)
    repeat_header(table)
    for row_index, record in enumerate(frame.itertuples(index=False), start=1):
        row = table.rows[row_index]
        cant_split(row)
        last = bold_last and row_index == len(frame)
        for cell, value in zip(row.cells, record):
            write(cell, _text(value), TABLE_STYLE, bold=last)
    return table


def unbroken_list(cell, items: Sequence[str], style: str, margin_twips: int = TABLE_GRID_MARGIN_TWIPS) -> None:
    """A list in a cell ('2021-02, 2021-03, …') in lines broken only between its items (`unbroken`), and the cell
    kept from wrapping (w:noWrap) in case a line is wider than estimated."""
    paragraph = cell.paragraphs[0]
    for run in paragraph.runs:
        paragraph._p.remove(run._r)
    room = cell.width.cm - 2 * margin_twips / TWIPS_PER_INCH * CM_PER_INCH
    write(cell, unbroken(items, room, style), style)
    _insert_in_order(cell._tc.get_or_add_tcPr(), OxmlElement("w:noWrap"), TC_PR_ORDER)


def unbroken(items: Sequence[str], room_cm: float, style: str, lead: str = "") -> str:
    """The items joined by ', ', with a line break after the comma wherever the next item would not fit the line
    (line_cm errs wide), so that no line is left for Word or LibreOffice to wrap: both break an ID such as 2022-04
    at its hyphen. The items keep their characters (no non-breaking hyphen), so a reader who copies one gets the ID
    as the workbook has it. `lead` is the text before the items on the first line."""
    text, line = "", lead
    for item in items:
        joiner = ", " if text else ""
        if line.strip() and line_cm(f"{line}{joiner}{item},", style) > room_cm:
            joiner, line = (",\n" if text else "\n"), item
        else:
            line = f"{line}{joiner}{item}"
        text += joiner + item
    return text


def fixed_layout(table: Table, widths_cm: Sequence[float]) -> None:
    """Fixed widths, set on the grid and on every cell, as Word and LibreOffice each read one of them."""
    table.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/>
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)


def cell_margins(table: Table, twips: int) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _insert_in_order(table._tbl.tblPr, margins, TBL_PR_ORDER)


def repeat_header(table: Table) -> None:
    """The first row repeats at the top of every page the table runs onto (and is never split)."""
    cant_split(table.rows[0])
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    _insert_in_order(table.rows[0]._tr.get_or_add_trPr(), header, TR_PR_ORDER)


def cant_split(row) -> None:
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    _insert_in_order(row._tr.get_or_add_trPr(), element, TR_PR_ORDER)


def shade(cell, fill: str) -> None:
    """Fill a cell with a solid colour (w:shd)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    _insert_in_order(cell._tc.get_or_add_tcPr(), shading, TC_PR_ORDER)


def left_border(cell) -> None:
    """A stronger line before each Q1, so the years read apart."""
    borders = OxmlElement("w:tcBorders")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:color", "404040"), ("w:space", "0")):
        left.set(qn(key), value)
    borders.append(left)
    _insert_in_order(cell._tc.get_or_add_tcPr(), borders, TC_PR_ORDER)


def line_cm(line: str, style: str) -> float:
    """About how wide a line of bold text is in a style, erring wide: a character is 0.35 of the font size when
    narrow, 0.72 when a digit or a capital, else 0.62 (DejaVu Sans Bold, LibreOffice's stand-in for Calibri, which
    is narrower)."""
    ems = sum(0.35 if c in NARROW_CHARACTERS else 0.72 if c.isdigit() or c.isupper() else 0.62 for c in line)
    return ems * _STYLE_SIZES[style] / 72 * CM_PER_INCH


def fits(texts: Sequence[str], width_cm: float, style: str, margin_twips: int) -> bool:
    """Whether every line of these texts fits a cell this wide (its left and right margins taken off) unwrapped."""
    room = width_cm - 2 * margin_twips / TWIPS_PER_INCH * CM_PER_INCH
    return all(line_cm(line, style) <= room for text in texts for line in text.split("\n"))


def turn_upward(row, cells: Sequence, texts: Sequence[str], style: str) -> None:
    """These cells of the row read from bottom to top (headings too wide for their columns), the row as tall as the
    longest of these texts needs: neither Word nor LibreOffice grows a row for turned text."""
    for cell in cells:
        direction = OxmlElement("w:textDirection")
        direction.set(qn("w:val"), "btLr")
        _insert_in_order(cell._tc.get_or_add_tcPr(), direction, TC_PR_ORDER)
    row.height = Cm(max(line_cm(text, style) for text in texts) + 0.3)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _insert_in_order(parent, element, order: tuple[str, ...]) -> None:
    """Put `element` among `parent`'s children where the schema's `order` wants it, replacing one of its kind."""
    name = element.tag.rsplit("}", 1)[-1]
    for existing in parent.findall(qn(f"w:{name}")):
        parent.remove(existing)
    later = set(order[order.index(name) + 1 :])
    for child in parent:
        if child.tag.rsplit("}", 1)[-1] in later:
            child.addprevious(element)
            return
    parent.append(element)


def write(cell, text: str, style: str, *, bold: bool = False, colour: str | None = None, centre: bool = False) -> None:
    """Replace the cell's text; newlines become separate lines within the cell."""
    paragraph = cell.paragraphs[0]
    paragraph._p.get_or_add_pPr().style = _STYLE_IDS[style]  # by id: setting .style by name is slow per cell
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lines = printable(text).split("\n")
    for position, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.font.size = Pt(_STYLE_SIZES[style])  # explicit too: LibreOffice lets table styles win over the style
        if bold:
            run.bold = True
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour)
        if position < len(lines) - 1:
            run.add_break()
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER if centre else WD_CELL_VERTICAL_ALIGNMENT.TOP


def _text(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return printable(str(value))
