"""Streamlit's own widgets in Russian and Turkmen: no English word of Streamlit's on any page (visible text and
generated content), with a dropdown open, a table's toolbar tooltip shown, a file dragged over the uploader and a
text field being typed in; the date field without its English calendar."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from support import assert_no_exception, go_to, open_page, sign_in, wait_idle

from actionplan import i18n

LANGS = ("ru", "tk")
PAGES = ("", "timeline", "domains", "conventions", "activities", "activities?id=2021-04", "briefing", "data")
# Streamlit's English, as its widgets write it (streamlit 1.67): a page in another language shows none of it.
STREAMLIT_ENGLISH = (
    "Drag and drop",
    "per file",
    "Upload",
    "Select all",
    "No results",
    "Choose an option",
    "Choose date",
    "Previous month",
    "Show/hide columns",
    "Download as CSV",
    "Fullscreen",
    "Search",
    "Zoom in",
    "Zoom out",
    "Autoscale",
    "Reset axes",
    "Download plot as a PNG",
    "Skip to main content",
    "Press Enter",
    "Press Ctrl+Enter",
    "Made with Streamlit",
    "Record screen",
    "Print",
    "Running...",
)
# Every visible text node and every drawn ::before/::after content (how the app says Streamlit's words instead).
SHOWN_TEXT = """() => {
  const shown = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const parent = walk.currentNode.parentElement;
    if (parent && parent.checkVisibility() && getComputedStyle(parent).fontSize !== "0px") {
      shown.push(walk.currentNode.textContent.trim());
    }
  }
  for (const element of document.body.querySelectorAll("*")) {
    if (!element.checkVisibility()) continue;
    for (const pseudo of ["::before", "::after"]) {
      const content = getComputedStyle(element, pseudo).content;
      if (content && content.startsWith('"')) shown.push(content.slice(1, -1));
    }
  }
  return shown.filter(Boolean);
}"""


def _english(tab) -> list[str]:
    """Streamlit's English words among what the page shows."""
    shown = tab.evaluate(SHOWN_TEXT)
    return sorted({text for text in shown for word in STREAMLIT_ENGLISH if word in text})


def _word(lang: str, msgid: str) -> str:
    with i18n.using(lang):
        return i18n._(msgid)


def _open_dropdown_with_no_match(tab) -> None:
    box = tab.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect'] input").first
    box.click(force=True)
    box.press_sequentially("zzzz")
    tab.locator("[data-testid='stMultiSelectDropdown']").wait_for(state="visible")


def _hover_toolbar_download(tab, word: str) -> None:
    """Hover the first table's "Download as CSV" button until its tooltip shows `word` (a hover while the grid is
    still being drawn may open no tooltip: tried a few times)."""
    grid = tab.locator("[data-testid='stDataFrame']").first
    # The button is named in the language too (components/streamlit_words.py), its English kept beside.
    button = tab.locator(f"[data-testid='stElementToolbar'] button[aria-label='{word}']").first
    tip = tab.locator("[data-testid='stTooltipContent']").last
    shown = ""
    for _attempt in range(5):
        grid.scroll_into_view_if_needed()
        grid.hover()
        button.hover()
        try:
            tip.wait_for(state="visible", timeout=3_000)
            shown = tip.evaluate("tip => getComputedStyle(tip, '::after').content")
        except PlaywrightTimeout:
            shown = ""
        if word in shown:
            return
        tab.mouse.move(0, 0)
    raise AssertionError(f"the toolbar's tooltip shows {shown!r}, not {word!r}")


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_shows_streamlits_english(app_server, plan_workbook, page, lang):
    server = app_server(plan_workbook)
    for path in PAGES:
        open_page(page, server, path.split("?")[0], "&".join(filter(None, [path.partition("?")[2], f"lang={lang}"])))
        assert_no_exception(page)
        assert _english(page) == [], path
        if page.locator("[data-testid='stDateInput']").count():  # the field stays, its English calendar does not
            assert page.locator("[data-testid='stDateInput'] [role='spinbutton']").first.is_visible()
            assert not page.locator("[data-testid='stDateInputCalendarButton']").first.is_visible()
    open_page(page, server, "", f"lang={lang}")
    assert (
        page.locator("[data-testid='stToolbar']").count()
        and not page.locator("[data-testid='stMainMenu']").is_visible()
    )
    _open_dropdown_with_no_match(page)
    assert _english(page) == [], "an open list with no match"
    page.keyboard.press("Escape")
    search = page.locator("[data-testid='stSidebar'] [data-testid='stTextInput'] input").first
    search.press_sequentially("ab")
    page.locator("[data-testid='InputInstructions']").first.wait_for(state="visible")
    assert _english(page) == [], "a text field being typed in"
    open_page(page, server, "activities", f"lang={lang}")
    _hover_toolbar_download(page, _word(lang, "Download as CSV"))
    assert _english(page) == [], "a table's toolbar tooltip"


@pytest.mark.parametrize("lang", LANGS)
def test_the_uploader_speaks_the_language_even_while_a_file_is_dragged(app_server, plan_workbook, page, lang):
    from support import editor_env

    server = app_server(plan_workbook, editor_env(plan_workbook.parent))
    open_page(page, server)
    go_to(page, "Data")
    sign_in(page)
    page.locator("[data-testid='stSidebar']").get_by_text(i18n.language_name(lang), exact=True).click()
    wait_idle(page)
    page.get_by_role("tab", name=_word(lang, "Upload & backups")).click()
    zone = page.locator("[data-testid='stFileUploaderDropzone']").first
    zone.wait_for(state="visible")
    assert _english(page) == []
    note = page.locator("[data-testid='stFileUploaderDropzoneInstructions'] span").first
    assert "XLSX" in note.evaluate("line => getComputedStyle(line, '::after').content")
    dragged = page.evaluate_handle(
        "() => { const t = new DataTransfer(); t.items.add(new File(['x'], 'plan.xlsx')); return t; }"
    )
    zone.dispatch_event("dragenter", {"dataTransfer": dragged})
    page.locator("[data-testid='stFileUploaderDropzone'] > div:not([data-testid])").wait_for(state="visible")
    assert _word(lang, "Drop the file here") in " ".join(page.evaluate(SHOWN_TEXT))
    assert _english(page) == [], "a file dragged over the uploader"
