"""The Word pack's tables keep every header word whole in Russian and Turkmen: a column too narrow for its longest
word ('Выполнение', 'обновление', 'Мероприятия') takes room from the wide ones, and the table keeps its width."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from actionplan import briefing as pack
from actionplan import i18n, load_plan
from actionplan.briefing import docx_parts as parts
from actionplan.briefing.docx import briefing_docx
from actionplan.briefing.text import header
from actionplan.briefing.widths import fitted, need_cm, word_width_cm

# Bold 8 pt DejaVu Sans (what LibreOffice draws the pack's Calibri with here), measured with Pillow, in cm; a cell
# adds Table Grid's 0.19 cm margin on each side.
MEASURED_CM = {"Выполнение": 2.04, "обновление": 1.94, "Мероприятия": 2.19, "Примечания": 2.02, "täzelenme": 1.66}
CELL_MARGINS_CM = 0.38
TEXT_WIDTH_CM = 17.0
GRID_COLUMNS_OVER = 8  # the quarter grid has a column per quarter: its headings are sized on their own


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    from actionplan.plan.seed import SEED_ACTIVITIES, SEED_FACTS, SEED_LISTS, SEED_MILESTONES, SEED_STEPS
    from actionplan.plan.workbook import write_workbook

    path = tmp_path_factory.mktemp("widths") / "plan.xlsx"
    write_workbook(path, SEED_ACTIVITIES, SEED_STEPS, SEED_MILESTONES, SEED_LISTS, facts=SEED_FACTS)
    return load_plan(path)


def _document(plan, lang: str):
    with i18n.using(lang):
        briefing = pack.build_briefing(plan, pack.session_scope(plan, pack.find_session(plan, "42")))
        return briefing, Document(io.BytesIO(briefing_docx(briefing)))


def _tables(plan, lang: str):
    return [table for table in _document(plan, lang)[1].tables if len(table.columns) <= GRID_COLUMNS_OVER]


@pytest.mark.parametrize("lang", ["ru", "tk"])
def test_no_header_word_is_cut_in_two(plan, lang: str) -> None:
    seen = set()
    for table in _tables(plan, lang):
        for cell in table.rows[0].cells:
            for word in cell.text.split():
                if word in MEASURED_CM:
                    seen.add(word)
                    assert cell.width >= Cm(MEASURED_CM[word] + CELL_MARGINS_CM), (word, cell.width.cm)
    assert seen == ({"Выполнение", "обновление", "Мероприятия", "Примечания"} if lang == "ru" else {"täzelenme"})


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_every_table_keeps_the_text_width(plan, lang: str) -> None:
    for table in _tables(plan, lang):
        widths = [cell.width.cm for cell in table.rows[0].cells]
        assert sum(widths) == pytest.approx(TEXT_WIDTH_CM, abs=0.02), widths


def test_the_estimate_is_on_the_wide_side_of_the_measure() -> None:
    for word, measured in MEASURED_CM.items():
        assert measured <= word_width_cm(word, 8) <= measured * 1.2, word


def test_fitted_widens_a_short_column_from_the_widest_spare_room() -> None:
    widths = (1.7, 3.8, 2.0, 2.3, 1.6, 4.0, 1.6)
    needs = (1.0, 2.0, 1.5, 1.5, 2.5, 1.5, 2.4)
    out = fitted(widths, needs)
    assert sum(out) == pytest.approx(sum(widths))
    assert all(width >= need for width, need in zip(out, needs))
    assert out[0] == 1.7 and out[2] == 2.0  # the narrow columns keep their width: Activity and Notes give
    assert fitted(widths, [0.5] * 7) == widths  # all fit: unchanged
    assert fitted((1.0, 1.0), (1.5, 1.2)) == (1.0, 1.0)  # no room anywhere: unchanged


def test_a_need_counts_the_header_and_the_cells_and_is_capped() -> None:
    assert need_cm("Last update", [], 8) < need_cm("Последнее обновление", [], 8)
    assert need_cm("ID", ["2021-01"], 8) > need_cm("ID", [], 8)
    assert need_cm("Notes", ["https://example.org/" + "x" * 80], 8) <= 3.2


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_grouped_ids_break_between_ids_never_at_a_hyphen(plan, lang: str) -> None:
    """The by-domain and by-convention tables' IDs cells: each line whole IDs that fit the cell unwrapped, the cell
    kept from wrapping, and the IDs' characters as the workbook has them (a copied ID is the ID). Left to wrap,
    LibreOffice broke '2022-04' after its hyphen in Russian."""
    with i18n.using(lang):
        ids_header = header("IDs")
    grouped = [table for table in _tables(plan, lang) if table.rows[0].cells[-1].text == ids_header]
    assert len(grouped) == 2
    broken = 0
    for table in grouped:
        for row in table.rows[1:]:
            cell = row.cells[-1]
            lines = cell.text.split("\n")
            broken += len(lines) > 1
            assert all(re.fullmatch(r"\d{4}-\d{2}(, \d{4}-\d{2})*,?", line) for line in lines), lines
            assert parts.fits(lines, cell.width.cm, parts.TABLE_STYLE, parts.TABLE_GRID_MARGIN_TWIPS), lines
            assert cell._tc.tcPr.find(qn("w:noWrap")) is not None
    assert broken >= 2  # Culture's 15 IDs and Education's 8 take more than one line


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_ids_due_before_the_session_break_between_ids_never_at_a_hyphen(plan, lang: str) -> None:
    """The paragraph naming the activities due before the session (each in full in the annex): lines broken after
    the comma between IDs, each line narrow enough that neither Word nor LibreOffice wraps it again, and the IDs'
    characters as the workbook has them. Left to wrap, LibreOffice broke '2021-04' after its hyphen (en, ru)."""
    briefing, document = _document(plan, lang)
    with i18n.using(lang):
        lead = i18n._("IDs (each in full in the annex): {ids}.").split("{ids}")[0]
    found = [paragraph.text for paragraph in document.paragraphs if paragraph.text.startswith(lead)]
    assert len(found) == 1
    lines = found[0].removeprefix(lead).removesuffix(".").split("\n")
    assert len(lines) >= 3  # 32 IDs
    assert all(re.fullmatch(r"\d{4}-\d{2}(, \d{4}-\d{2})*,?", line) for line in lines), lines
    assert parts.fits([lead + lines[0], *lines[1:]], TEXT_WIDTH_CM, parts.BODY_STYLE, margin_twips=0), lines
    assert ", ".join(lines).replace(",,", ",") == ", ".join(briefing.due_before.table["ID"].astype(str))
