"""Streamlit's English that CSS cannot reach, said in Russian and Turkmen by components/streamlit_words.py: a data
grid's column menu and its statistics, the names screen readers read, a switch of language, what Streamlit
writes when the server stops, and what a screen reader hears from a cell's list in the data editor."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect
from support import assert_no_exception, editor_env, go_to, open_page, sign_in, stable_box, wait_idle

from actionplan import i18n
from components import streamlit_words

# ru on a laptop, tk on a phone; screenshots of each state go to $WORDS_SHOTS when it is set (to look at them).
SCREENS = {"ru": {"width": 1366, "height": 768}, "tk": {"width": 390, "height": 844}}
MENU = "[data-testid='stDataFrameColumnMenu']"


def _word(lang: str, msgid: str) -> str:
    with i18n.using(lang):
        return i18n._(msgid)


def _shot(tab, name: str) -> None:
    folder = os.environ.get("WORDS_SHOTS")
    if folder:
        tab.screenshot(path=os.path.join(folder, f"{name}.png"))


def _open_column_menu(tab) -> None:
    """Open the column menu of the first table's first column: its menu button is drawn on the grid's canvas at
    the right end of the header cell, so the header is clicked from the left until the menu opens."""
    grid = tab.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    for x in range(40, int(min(box["width"], 360)), 6):
        tab.mouse.click(box["x"] + x, box["y"] + 18)
        if tab.locator(MENU).count():
            return
    raise AssertionError("no column menu opened")


# An item's words: its text without the material icon's name ("arrow_upward") drawn as text before it.
ITEM_WORDS = """item => {
  const walk = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
  const words = [];
  while (walk.nextNode()) {
    if (!walk.currentNode.parentElement.closest("[data-testid='stIconMaterial']")) words.push(walk.currentNode.data);
  }
  return words.join("").trim();
}"""


def _menu_items(tab) -> list[str]:
    return [item.evaluate(ITEM_WORDS) for item in tab.locator(f"{MENU} [role='menuitem']").all()]


@pytest.mark.parametrize("lang", ["ru", "tk"])
def test_streamlits_own_english_is_said_in_the_language(app_server, plan_workbook, page, lang):
    page.set_viewport_size(SCREENS[lang])
    server = app_server(plan_workbook)
    open_page(page, server, "activities", f"lang={lang}")
    assert_no_exception(page)

    # The sidebar's button (open on a laptop, closed on a phone) and a help icon, named in the language.
    sidebar_button = page.locator(
        "[data-testid='stSidebarCollapseButton'] button, [data-testid='stExpandSidebarButton']"
    ).first
    expected = {_word(lang, "Close the sidebar"), _word(lang, "Open the sidebar")}
    assert sidebar_button.get_attribute("aria-label") in expected
    help_for = _word(lang, "Help for {name}").split("{name}")[0]
    helps = [
        h.get_attribute("aria-label") for h in page.locator("[data-testid='stTooltipHoverTarget'] [aria-label]").all()
    ]
    assert helps and all(not name.startswith("Help") for name in helps)
    assert any(name.startswith(help_for) for name in helps)

    # The column menu of the Activities table, and the statistics it opens.
    _open_column_menu(page)
    menu = page.locator(MENU)
    assert menu.locator("[role='menu']").get_attribute("aria-label") == _word(lang, "The column's menu")
    items = _menu_items(page)
    english = set(streamlit_words.COLUMN_MENU)
    assert items and not english & set(items), items
    assert {_word(lang, "Sort ascending"), _word(lang, "Hide the column")} <= set(items)
    menu.get_by_role("menuitem", name=_word(lang, "Statistics")).hover()
    statistics = page.locator("[data-testid='stDataFrameStatisticsMenu']")
    expect(statistics).to_contain_text(_word(lang, "Values"))
    shown = set(statistics.inner_text().splitlines())
    assert not set(streamlit_words.STATISTICS) & shown, shown
    _shot(page, f"column-menu-{lang}")
    page.keyboard.press("Escape")

    # The server stops: the status and the dialog Streamlit writes are in the language.
    server.stop()
    status = page.locator("[data-testid='stConnectionStatus']")
    expect(status).to_have_text(_word(lang, "Connecting"), ignore_case=True, timeout=15_000)
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading")).to_have_text(_word(lang, "No connection"), timeout=60_000)
    expect(dialog).to_contain_text(
        _word(lang, "The dashboard's server is not answering. Is this computer connected to the network?")
    )
    assert dialog.get_by_role("button").first.get_attribute("aria-label") == _word(lang, "Close")
    _shot(page, f"lost-connection-{lang}")


def test_a_switch_of_language_renames_from_the_english(app_server, plan_workbook, page):
    server = app_server(plan_workbook)
    open_page(page, server, "", "lang=ru")
    collapse = page.locator("[data-testid='stSidebarCollapseButton'] button")
    expect(collapse).to_have_attribute("aria-label", _word("ru", "Close the sidebar"))
    for lang in ("tk", "en", "ru"):
        page.locator("[data-testid='stSidebar']").get_by_text(i18n.language_name(lang), exact=True).click()
        wait_idle(page)
        expect(collapse).to_have_attribute(
            "aria-label", _word(lang, "Close the sidebar") if lang != "en" else "Collapse sidebar"
        )
    expect(collapse).to_have_attribute("data-en-aria-label", "Collapse sidebar")


def test_a_cells_list_in_the_data_editor_is_announced_in_the_language(app_server, plan_workbook, page, tmp_path):
    server = app_server(plan_workbook, editor_env(tmp_path))
    open_page(page, server, "", "lang=ru")
    go_to(page, _word("ru", "Data"))
    sign_in(page, lang="ru")
    canvas = page.locator(".st-key-edit_activities [data-testid='data-grid-canvas']")
    canvas.scroll_into_view_if_needed()
    box = stable_box(canvas)
    page.mouse.click(box["x"] + 420, box["y"] + 52)  # the first row's Event, then right to Terms, Start, End, Domain
    for _column in range(4):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    heard = page.locator("#portal [role='log']")
    expect(heard).to_contain_text(_word("ru", "Options: {n}.").split("{n}")[0])
    said = heard.text_content()
    assert "available" not in said and "Use Up and Down" not in said, said
    assert (
        _word(
            "ru",
            "Choose with the Up and Down arrows; Enter chooses, Escape closes the list, Tab chooses and closes it.",
        )
        in said
    )
