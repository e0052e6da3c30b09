"""What every page does for its readers' access (WCAG 2.2 AA) beyond the charts' words: readable captions, a visible
keyboard focus, and the page's language named for screen readers.

Drawn once per run by the frame. Checked in the browser by tests/browser/test_accessibility.py (axe-core, the
keyboard, reflow at 320 px).
"""

from __future__ import annotations

import json

import streamlit as st

from actionplan import i18n
from actionplan.i18n import _

# Streamlit draws captions and quotes faded (text colour at 60% opacity, down to 2.6:1 on white, under the 4.5:1 of
# WCAG 1.4.3); an opaque darker grey keeps them quieter than body text and readable on white and on the sidebar's
# background. A table's cells wrap, so a chart's table fits its column rather than scrolling sideways inside a box
# the keyboard cannot reach.
# Every focusable element gets an outline when focused from the keyboard (WCAG 2.4.7), on top of Streamlit's own
# rings, which some widgets draw faintly or only as a colour change. A segmented control's options wrap onto a second
# line on a narrow screen (WCAG 1.4.10 reflow at 320 px) instead of hiding behind a scroll of their own. Headings go
# in order, none skipped (WCAG 1.3.1): h1 the page's title, h2 its sections, h3 (and h4) within them. A page's
# sections are drawn at the size of Streamlit's third level (smaller on a phone, so the Overview's headline leaves
# room for the cards), the headings inside a tab smaller still (the tab's own label heads them), and the sidebar's
# "Filters" (an h2, before the page's h1 in the document) at the size it had as an h3. A page's name in the
# navigation and a toggle's label wrap instead of ending in "…" (text enlarged to 200%, WCAG 1.4.4, cut
# "Conventions & programmes" and the Timeline's "Dated steps" short). A collapsed sidebar (a
# phone's first view) is hidden, not only slid off the screen: its links and filters left the Tab order, where the
# focus went unseen through twenty of them (WCAG 2.4.7, 2.4.11); the button that opens it brings them back.
CAPTION_COLOUR = "#5A6068"
FOCUS_COLOUR = "#1F4E79"  # colours.ACCENT: 8.8:1 on white
ACCESS_CSS = (
    "<style>"
    f"[data-testid='stCaptionContainer'],[data-testid='stMarkdownContainer'] blockquote"
    f"{{color:{CAPTION_COLOUR};opacity:1}}"
    "[data-testid='stTable'] :is(th,td){white-space:normal}"
    f":focus-visible{{outline:2px solid {FOCUS_COLOUR} !important;outline-offset:2px}}"
    "[data-testid='stButtonGroup'] [role='radiogroup']{flex-wrap:wrap}"
    "[data-testid='stMain'] h2{font-size:1.75rem}"
    "@media (max-width:640px){[data-testid='stMain'] h2{font-size:1.4rem}}"
    "[data-testid='stMain'] [data-testid='stTabs'] :is(h2,h3,h4){font-size:1.25rem}"
    "[data-testid='stSidebar'] h2{font-size:1.125rem}"
    "[data-testid='stSidebarNavLink'] [data-testid='stMarkdownContainer'] :is(*,p),"
    "[data-testid='stMain'] label :is(.stMarkdownEllipsis,.stMarkdownEllipsis p)"
    "{white-space:normal;overflow:visible;text-overflow:clip}"
    "[data-testid='stSidebar'][data-collapsed='true'] :is(*,*::before){visibility:hidden !important}"
    "[data-testid='stSidebar'][data-collapsed='true']{visibility:hidden}"
    "</style>"
)


# One watch of the page for every script below that fixes what Streamlit draws: `actionplanOnChange(fix)` runs `fix`
# now and after each change to the page's elements (one MutationObserver, not one per fix, each scanning the page).
WATCH_JS = """
if (!window.actionplanOnChange) {
  const fixes = [];
  new MutationObserver(() => fixes.forEach(fix => fix())).observe(document.body, {childList: true, subtree: true});
  window.actionplanOnChange = fix => { fixes.push(fix); fix(); };
}
"""


# A table wider than its column scrolls inside its own box, which Streamlit does not make focusable: a keyboard user
# could not scroll it (WCAG 2.1.1; axe's scrollable-region-focusable). Such a box joins the Tab order, named by the
# table's own accessible name; the watch is installed once per page and follows Streamlit's redraws and resizes.
SCROLLABLE_TABLES_JS = """
if (!window.actionplanTablesWatched) {
  window.actionplanTablesWatched = true;
  const reachable = () => document.querySelectorAll("[data-testid='stTable'] > div").forEach(box => {
    if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", box.querySelector("table")?.getAttribute("aria-label") || "table");
    }
  });
  window.actionplanOnChange(reachable);
  window.addEventListener("resize", reachable);
}
"""


# Opening the sidebar removes the button that opened it, and closing it hides the button that closed it: the focus
# fell to the start of the page, and the next Tab skipped the sidebar just opened (WCAG 2.4.3). The focus moves to
# the sidebar's close button when it opens, and back to the open button when it closes, only when it was lost.
SIDEBAR_FOCUS_JS = """
if (!window.actionplanSidebarFocus) {
  window.actionplanSidebarFocus = true;
  new MutationObserver(records => records.forEach(record => setTimeout(() => {
    if (document.activeElement && document.activeElement !== document.body) return;
    const sidebar = record.target;
    const target = sidebar.dataset.collapsed === "true"
      ? document.querySelector("[data-testid='stExpandSidebarButton']")
      : sidebar.querySelector("[data-testid='stSidebarCollapseButton'] button");
    target?.focus({preventScroll: true});
  }, 50))).observe(document.body, {attributes: true, subtree: true, attributeFilter: ["data-collapsed"]});
}
"""


# An icon written in Markdown (":material/description: Workbook …") is a span Streamlit names "description icon" in
# English, which a screen reader reads before the words that say the same. Each is decorative: hidden from it.
QUIET_ICONS_JS = """
if (!window.actionplanIconsQuiet) {
  window.actionplanIconsQuiet = true;
  const quiet = () => document.querySelectorAll(
    "[data-testid='stMarkdownContainer'] span[role='img'][aria-label$=' icon']:not([aria-hidden])"
  ).forEach(icon => icon.setAttribute("aria-hidden", "true"));
  window.actionplanOnChange(quiet);
}
"""


# Streamlit writes its file uploader's button word ('Upload') in English whatever the page's language, with no
# option to change it: in another language a rule hides it and shows the word in the reader's language instead. The
# button is also named with that word (aria-label): not every assistive technology, nor axe-core, counts generated
# content in a name, and with the English word hidden the button would have none (axe's button-name). The line
# under it ('10MB per file • XLSX') stays: its size and types differ per uploader, in one piece of text a page-wide
# rule cannot rebuild.
UPLOAD_WORD = "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer']"
UPLOAD_BUTTON = "[data-testid='stFileUploaderDropzone'] button"
UPLOAD_NAME_JS = """
window.actionplanUploadWord = %s;
if (!window.actionplanUploadsNamed) {
  window.actionplanUploadsNamed = true;
  const name = () => document.querySelectorAll(%s).forEach(button => {
    const word = window.actionplanUploadWord;
    if (word && button.getAttribute("aria-label") !== word) button.setAttribute("aria-label", word);
    if (!word && button.hasAttribute("aria-label")) button.removeAttribute("aria-label");
  });
  window.actionplanOnChange(name);
}
"""


def css_string(text: str) -> str:
    """`text` as a double-quoted CSS string: every character but letters, digits and spaces as a CSS escape (each
    ended by a space, which CSS takes as part of the escape, so a space written after it is kept)."""
    return '"' + "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):06x} " for ch in text) + '"'


def uploader_css(lang: str) -> str:
    """The file uploader's button word in `lang` (nothing for English, Streamlit's own)."""
    word = upload_word(lang)
    if word is None:
        return ""
    return f"<style>{UPLOAD_WORD} p{{display:none}}{UPLOAD_WORD}::after{{content:{css_string(word)}}}</style>"


def upload_word(lang: str) -> str | None:
    """The file uploader's button word in `lang`, or None for English (Streamlit's own word names it)."""
    if lang == i18n.DEFAULT:
        return None
    with i18n.using(lang):
        return _("Upload")


def uploader_name_js(lang: str) -> str:
    """A script naming every file uploader's button with its word in `lang` (aria-label; none in English), also the
    uploaders drawn later (through the page's one watch, `WATCH_JS`; the word updated at each language)."""
    return UPLOAD_NAME_JS % (json.dumps(upload_word(lang)), json.dumps(UPLOAD_BUTTON))


# A script's element takes no room: an element holding a script alone still took the column's gap (16 px) above the
# page's title. Every script the app draws goes in `unseen_script`.
UNSEEN = "actionplan-unseen"
UNSEEN_CSS = f"[data-testid='stElementContainer']:has(> [data-testid='stHtml'] > script.{UNSEEN}){{display:none}}"


def unseen_script(js: str) -> str:
    """`js` as an st.html body (unsafe_allow_javascript=True) whose element takes no room on the page."""
    return f"<style>{UNSEEN_CSS}</style><script class='{UNSEEN}'>{js}</script>"


def frame(lang: str) -> None:
    """The captions' colour, the focus outline, reachable tables, the uploader's button word and `<html lang>` in
    the reader's language."""
    st.html(ACCESS_CSS)
    if lang != i18n.DEFAULT:
        st.html(uploader_css(lang))
    # Streamlit's page says lang="en" whatever the reader chose (WCAG 3.1.1); only a script can change it.
    st.html(
        unseen_script(
            f"document.documentElement.lang = {json.dumps(lang)};{WATCH_JS}{SCROLLABLE_TABLES_JS}{SIDEBAR_FOCUS_JS}"
            f"{QUIET_ICONS_JS}{uploader_name_js(lang)}"
        ),
        unsafe_allow_javascript=True,
    )
