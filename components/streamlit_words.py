"""Streamlit's own English that CSS cannot reach, said in the reader's language by a script in the page: the names
only screen readers read (aria-label, title, placeholder), the menu of a data grid's column header, the data
editor's cell pop-ups and what Streamlit writes on a lost connection.

Streamlit 1.67 writes these in English whatever the page's language, with no option for them. `st.html(...,
unsafe_allow_javascript=True)` runs a script in the page itself: it installs one MutationObserver per browser window
that rewrites Streamlit's English to the reader's words as Streamlit draws it, from a table of our own words sent
at every run (json, never workbook text). Only whole strings from the table are rewritten (or a name that starts
with one of Streamlit's prefixes, "Help for …"), and text only inside Streamlit's own containers named below by
data-testid or role, so neither workbook content nor our own text is ever touched. The English original is kept (in
a `data-en-<attribute>` attribute, and in a WeakMap for text), so a switch of language rewrites from the English and
nothing is rewritten twice; in English the table is empty and the originals come back. What CSS already rewrites
(components/widget_words.py) stays there; its toolbar rules also match the kept English name. Checked by
tests/test_streamlit_words.py and tests/browser/test_streamlit_words_browser.py.
"""

from __future__ import annotations

import json

import streamlit as st

from actionplan import i18n
from actionplan.i18n import N_, _

from . import a11y
from .widget_words import PLOTLY_WORDS, STOP, TOOLBAR_WORDS

# The names Streamlit gives its own controls (aria-label, title, placeholder), wherever they are: each whole name.
NAMES = {
    **TOOLBAR_WORDS,
    **PLOTLY_WORDS,
    "App pages": N_("The app's pages"),
    "Sidebar": N_("Sidebar"),
    "Collapse sidebar": N_("Close the sidebar"),
    "Expand sidebar": N_("Open the sidebar"),
    "Main menu": N_("Main menu"),
    "Running...": N_("The page is being computed…"),
    "Stop": STOP,
    "Close": N_("Close"),
    "Help": N_("Help"),
    "Link to heading": N_("Link to this heading"),
    "Open": N_("Open the list"),
    "Clear value": N_("Clear the value"),
    "Clear all": N_("Clear all"),
    "Clear entry": N_("Clear the field"),
    "Show password": N_("Show the password"),
    "Hide password": N_("Hide the password"),
    "Increment": N_("Increase"),
    "Decrement": N_("Decrease"),
    "Choose date": N_("Choose a date"),
    "Clear date": N_("Clear the date"),
    "Choose an option": N_("Choose an option"),
    "Selected values": N_("Chosen values"),
    "Scroll tabs left": N_("Scroll the tabs left"),
    "Scroll tabs right": N_("Scroll the tabs right"),
    "Dataframe column menu": N_("The column's menu"),
    "Copy column name": N_("Copy the column's name"),
    "Close Search": N_("Close the search"),
    "Next Result": N_("Next match"),
    "Previous Result": N_("Previous match"),
    "Select...": N_("Choose…"),
}
# Names that start with Streamlit's words and end with ours (a field's label): the start rewritten, the rest kept.
NAME_STARTS = {
    "Help for ": N_("Help for {name}"),
    "Remove ": N_("Remove {name}"),
    "day, ": N_("day, {name}"),
    "month, ": N_("month, {name}"),
    "year, ": N_("year, {name}"),
}
# A data grid's column menu (st.dataframe, st.data_editor): its items, the kind of the column (the title of the
# icon before its name), the formats and the statistics each opens.
COLUMN_MENU = {
    "Sort ascending": N_("Sort ascending"),
    "Sort descending": N_("Sort descending"),
    "Statistics": N_("Statistics"),
    "Format": N_("Format"),
    "Autosize": N_("Fit the width to the content"),
    "Pin column": N_("Pin the column"),
    "Unpin column": N_("Unpin the column"),
    "Hide column": N_("Hide the column"),
}
COLUMN_KINDS = {
    "text": N_("text"),
    "number": N_("number"),
    "date": N_("date"),
    "datetime": N_("date and time"),
    "time": N_("time"),
    "checkbox": N_("yes or no"),
    "selectbox": N_("choice from a list"),
    "link": N_("link"),
    "list": N_("list"),
    "progress": N_("progress"),
}
FORMATS = {
    "Automatic": N_("Automatic"),
    "Localized": N_("As in the browser's language"),
    "Plain": N_("Plain"),
    "Compact": N_("Compact"),
    "Dollar": N_("Dollar"),
    "Euro": N_("Euro"),
    "Yen": N_("Yen"),
    "Percent": N_("Percent"),
    "Scientific": N_("Scientific"),
    "Accounting": N_("Accounting"),
    "Duration": N_("Duration"),
    "Distance": N_("Time from now"),
    "Calendar": N_("Calendar"),
}
STATISTICS = {
    "Values": N_("Values"),
    "Empty": N_("Empty"),
    "Distinct": N_("Distinct"),
    "Minimum": N_("Minimum"),
    "Maximum": N_("Maximum"),
    "Average": N_("Average"),
    "Median": N_("Median"),
    "Standard deviation": N_("Standard deviation"),
    "Sum": N_("Sum"),
    "25th percentile": N_("25th percentile"),
    "75th percentile": N_("75th percentile"),
    "Minimum length": N_("Minimum length"),
    "Maximum length": N_("Maximum length"),
    "Average length": N_("Average length"),
    "No data": N_("No data"),
    "Based on sample": N_("From a sample of the rows"),
    "Distribution histogram": N_("Histogram of the values"),
    "Top values frequency chart": N_("The most frequent values"),
    "True/false distribution chart": N_("Yes and no values"),
}
# The data editor's pop-ups: a cell's list, and the messages of a cell whose value does not fit its column.
CELL_WORDS = {
    "No options": N_("Nothing to choose"),
    # What a screen reader hears while a cell's list is used ({n}, {name}: Streamlit's count and the value, kept).
    "{n} results available.": N_("Options: {n}."),
    "{n} result available.": N_("Options: {n}."),
    "{n} results available for search term {name}.": N_("Options for “{name}”: {n}."),
    "{n} result available for search term {name}.": N_("Options for “{name}”: {n}."),
    "option {name}, selected.": N_("Chosen: {name}."),
    "Use Up and Down to choose options, press Enter to select the currently focused option, press Escape to exit"
    " the menu, press Tab to select the option and exit the menu.": N_(
        "Choose with the Up and Down arrows; Enter chooses, Escape closes the list, Tab chooses and closes it."
    ),
    "Incompatible value": N_("The value does not fit the column"),
    "The value is not part of the allowed options.": N_("The value is not one of the allowed ones."),
    "The value cannot be interpreted as a number.": N_("The value is not a number."),
    "The value cannot be interpreted as a datetime object.": N_("The value is not a date."),
    "The value cannot be interpreted as boolean.": N_("The value is not yes or no."),
}
# What Streamlit writes when the page loses its server: the status in the top corner, its tooltip, the dialog.
CONNECTION = {
    "Connecting": N_("Connecting"),
    "Error": N_("Error"),
    "Connecting to Streamlit server": N_("Connecting to the dashboard's server"),
    "Unable to connect to Streamlit server": N_("Cannot reach the dashboard's server"),
    "Connection error": N_("No connection"),
    "Streamlit server is not responding. Are you connected to the internet?": N_(
        "The dashboard's server is not answering. Is this computer connected to the network?"
    ),
    "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:": N_(
        "The dashboard's server has stopped. Start it again in a terminal:"
    ),
    "Connection timed out.": N_("The server took too long to answer."),
}
# Where Streamlit writes the words above as text (CSS selectors of its own containers), and their words there. A
# dialog with a block of elements in it is the app's own (st.dialog); Streamlit's connection dialog has none.
PLACES = (
    ("[data-testid='stDataFrameColumnMenu'] [role='menu']", COLUMN_MENU),
    ("[data-testid='stDataFrameColumnMenu'] [role='menu'] > :first-child > :first-child", COLUMN_KINDS),
    ("[data-testid='stDataFrameColumnFormattingMenu']", FORMATS),
    ("[data-testid='stDataFrameStatisticsMenu']", STATISTICS),
    ("#portal", CELL_WORDS),
    ("[data-testid='stDataFrameTooltipContent']", CELL_WORDS),
    ("[data-testid='stTooltipContent']", {**CELL_WORDS, **CONNECTION}),
    ("[data-testid='stStatusWidget']", CONNECTION),
    ("[role='dialog']:not(:has([data-testid='stVerticalBlock']))", CONNECTION),
)

# Streamlit's elements whose names are the workbook's or ours, never rewritten whatever they say: a grid's column
# names (the show/hide list's checkboxes, the name atop the column menu), the values charted in its statistics, and
# anything written in Markdown.
KEPT = (
    "[data-testid='stDataFrameColumnVisibilityMenu'] input,"
    "[data-testid='stDataFrameColumnMenu'] [role='menu'] > :first-child > :last-child,"
    "[data-testid='stDataFrameStatisticsChart'] *,"
    "[data-testid='stMarkdownContainer'] *"
)
DRAWN = "streamlit_words_drawn"  # session state: the script was drawn in this session (its window watches)

STREAMLIT_WORDS_JS = r"""
window.actionplanWords = %s;
if (!window.actionplanWordsWatched) {
  window.actionplanWordsWatched = true;
  const ATTRIBUTES = ["aria-label", "title", "placeholder"];
  const KEPT = %s;
  const englishOf = new WeakMap();  // a text node -> Streamlit's English it held
  const wordOf = new WeakMap();     // a text node -> the word written in its place
  const named = new WeakMap();      // an element -> {attribute: the word written in its place}
  const rewritten = new Set();      // the text nodes written, brought back to English when its table is empty
  const nameFor = (english, words) => {
    if (Object.hasOwn(words.names, english)) return words.names[english];
    for (const [start, word] of words.starts) {
      if (english.startsWith(start)) return word.split("{name}").join(english.slice(start.length));
    }
    return null;
  };
  // Our word for Streamlit's `english` at `element`: in one of the places it is inside, else as a control's name.
  // A word whose English has {placeholders} ("{n} results available.") matches any text of that shape; what the
  // placeholders matched is written into our word as it was.
  const shapes = new Map();
  const shape = english => {
    if (!shapes.has(english)) {
      const escaped = english.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, "(?<$1>.+?)");
      shapes.set(english, new RegExp("^" + escaped + "$"));
    }
    return shapes.get(english);
  };
  const placed = (element, english, words) => {
    for (const [where, said] of words.places) {
      if (!element.closest(where)) continue;
      if (Object.hasOwn(said, english)) return said[english];
      for (const [key, word] of Object.entries(said)) {
        const found = key.includes("{") && english.match(shape(key));
        if (found) return word.replace(/\{(\w+)\}/g, (all, name) => found.groups[name] ?? all);
      }
    }
    return null;
  };
  const rename = (element, words) => {
    if (element.matches(KEPT)) return;
    for (const attribute of ATTRIBUTES) {
      const now = element.getAttribute(attribute);
      if (now === null) continue;
      const kept = "data-en-" + attribute;
      const written = named.get(element)?.[attribute];
      // Streamlit may have set a new English name since (Show password -> Hide password): it becomes the original.
      const english = written !== undefined && now === written ? element.getAttribute(kept) : now;
      const word = placed(element, english, words) ?? nameFor(english, words);
      if (word === null && written === undefined) continue;
      const shown = word ?? english;
      if (element.getAttribute(kept) !== english) element.setAttribute(kept, english);
      if (!named.has(element)) named.set(element, {});
      named.get(element)[attribute] = shown;
      if (shown !== now) element.setAttribute(attribute, shown);
    }
  };
  const reword = (node, words) => {
    const inside = node.parentElement;
    if (!inside || inside.closest(KEPT)) return;
    const text = node.data.trim();
    const english = wordOf.has(node) && text === wordOf.get(node) ? englishOf.get(node) : text;
    const word = placed(inside, english, words);
    if (word === null && !englishOf.has(node)) return;
    const shown = word ?? english;
    englishOf.set(node, english);
    wordOf.set(node, shown);
    rewritten.add(node);
    if (shown !== text) node.data = node.data.replace(text, shown);
  };
  const within = (root, words) => {
    if (root.nodeType === Node.TEXT_NODE) return reword(root, words);
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    if (root.matches("[aria-label],[title],[placeholder]")) rename(root, words);
    root.querySelectorAll("[aria-label],[title],[placeholder]").forEach(element => rename(element, words));
    const where = words.places.map(([selector]) => selector).join(",");
    if (!where) return;
    const containers = root.closest(where) ? [root] : root.querySelectorAll(where);
    for (const container of containers) {
      const walk = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      while (walk.nextNode()) reword(walk.currentNode, words);
    }
  };
  const watch = new MutationObserver(records => {
    const words = window.actionplanWords;
    for (const record of records) {
      if (record.type === "childList") record.addedNodes.forEach(node => within(node, words));
      else if (record.type === "characterData") reword(record.target, words);
      else if (record.target.nodeType === Node.ELEMENT_NODE) rename(record.target, words);
    }
  });
  watch.observe(document.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES,
  });
  window.actionplanWordsAgain = () => {
    rewritten.forEach(node => node.isConnected ? reword(node, window.actionplanWords) : rewritten.delete(node));
    within(document.body, window.actionplanWords);
  };
}
window.actionplanWordsAgain();
"""


def table(lang: str) -> dict[str, object]:
    """Our words for Streamlit's English in `lang` (empty in English: Streamlit's own words stay)."""
    if lang == i18n.DEFAULT:
        return {"names": {}, "starts": [], "places": []}
    with i18n.using(lang):
        return {
            "names": {english: _(word) for english, word in NAMES.items()},
            "starts": [[english, _(word)] for english, word in NAME_STARTS.items()],
            "places": [[where, {english: _(word) for english, word in words.items()}] for where, words in PLACES],
        }


def script_json(value: object) -> str:
    """`value` as JSON that cannot end the <script> it is written in (nor open a comment or an entity)."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script(lang: str) -> str:
    """The script that says Streamlit's English in `lang` (the watch installed once per window, its words set)."""
    words = STREAMLIT_WORDS_JS % (script_json(table(lang)), script_json(KEPT))
    return a11y.unseen_script(words)


def frame(lang: str) -> None:
    """Draw the script in the reader's language; in English only once another language was drawn in this session
    (its browser window keeps the watch), to bring Streamlit's English back."""
    if lang == i18n.DEFAULT and not st.session_state.get(DRAWN):
        return
    st.session_state[DRAWN] = True
    st.html(script(lang), unsafe_allow_javascript=True)
