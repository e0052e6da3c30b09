"""The Word pack's quarter grid headings in every language: two short lines that fit their column ('Q3' over '23',
'III кв.' over '2023', '3Ç' over '2023'); where the columns are too narrow for that, one line turned upright in a
row tall enough for it. English keeps its headings."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from actionplan import briefing as pack
from actionplan import i18n, load_plan
from actionplan.briefing import docx_parts
from actionplan.briefing.docx import GRID_CELL_MARGIN_TWIPS, briefing_docx


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    from actionplan.plan.seed import SEED_ACTIVITIES, SEED_FACTS, SEED_LISTS, SEED_MILESTONES, SEED_STEPS
    from actionplan.plan.workbook import write_workbook

    path = tmp_path_factory.mktemp("grid") / "plan.xlsx"
    write_workbook(path, SEED_ACTIVITIES, SEED_STEPS, SEED_MILESTONES, SEED_LISTS, facts=SEED_FACTS)
    return load_plan(path)


def grid_header(plan, lang: str, session: str):
    """The quarter cells of the grid's header row, and the row."""
    with i18n.using(lang):
        briefing = pack.build_briefing(plan, pack.session_scope(plan, pack.find_session(plan, session)))
        document = Document(io.BytesIO(briefing_docx(briefing)))
        grid = next(
            table for table in document.tables if table.rows[0].cells[0].text in ("Activity", "Мероприятие", "Çäre")
        )
    return grid.rows[0].cells[1:], grid.rows[0]


def turned(cell) -> bool:
    direction = cell._tc.tcPr.find(qn("w:textDirection"))
    return direction is not None and direction.get(qn("w:val")) == "btLr"


@pytest.mark.parametrize(
    ("lang", "first", "last"),
    [("en", "Q1\n21", "Q4\n23"), ("ru", "I кв.\n2021", "IV кв.\n2023"), ("tk", "1Ç\n2021", "4Ç\n2023")],
)
def test_twelve_quarters_are_headed_upright_on_two_lines_that_fit(plan, lang, first, last):
    cells, _row = grid_header(plan, lang, "42")
    assert len(cells) == 12
    assert (cells[0].text, cells[-1].text) == (first, last)
    assert not any(turned(cell) for cell in cells)
    width_cm = cells[0].width.cm
    assert docx_parts.fits([cell.text for cell in cells], width_cm, docx_parts.GRID_STYLE, GRID_CELL_MARGIN_TWIPS)


@pytest.mark.parametrize(("lang", "first"), [("ru", "I кв. 2021"), ("tk", "1Ç 2021")])
def test_twenty_quarters_too_narrow_for_two_lines_are_turned_in_a_tall_enough_row(plan, lang, first):
    cells, row = grid_header(plan, lang, "43")
    assert len(cells) == 20 and cells[0].text == first and cells[-1].text.endswith("2025")
    assert all(turned(cell) for cell in cells)
    assert not turned(row.cells[0])  # "Activity" stays level
    longest = max(docx_parts.line_cm(cell.text, docx_parts.GRID_STYLE) for cell in cells)
    assert row.height is not None and row.height.cm >= longest


def test_english_keeps_short_upright_headings_at_twenty_quarters(plan):
    cells, row = grid_header(plan, "en", "43")
    assert [cell.text for cell in cells[:4]] == ["Q1\n21", "Q2\n21", "Q3\n21", "Q4\n21"]
    assert not any(turned(cell) for cell in cells) and row.height is None
