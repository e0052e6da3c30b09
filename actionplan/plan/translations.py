"""Workbook text in the reader's language, where staff wrote it: translated columns beside the original.

The Activities sheet may carry `Event (ru)`, `Event (tk)`, `Notes (ru)`, ... (any text column followed by a
language code in brackets; headers matched ignoring case and spaces, like every header). Where such a cell is
filled, a reader of that language sees it; where it is blank, the original. The Lists sheet may carry translated
names the same way (`Domain (ru)`, `Convention (tk)`, `Convention title (ru)`, `Programme (tk)`): the value itself
stays the key (filters, URLs and the workbook keep it); only what a reader sees changes. The Milestones sheet may
carry `Name (ru)`, `Place (tk)`, ...: the Place is replaced, but the Name stays the key (the Messages sheet's Session
and `briefing --session 42` match on it), its translation going to a column of its own that `milestone_name` reads.

Translated columns are staff-added columns: loaded, kept on save and exported like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from .. import words
from ..i18n import DEFAULT, LANGUAGES
from . import contract
from .contract import ActivityColumn as A
from .contract import MilestoneColumn as M
from .contract import StepColumn as S

if TYPE_CHECKING:
    from .cells import Sheet
    from .lists import Lists

# Text an activity row shows that a translation may replace; list-backed values (Domain, Convention, Programme,
# Status) are keys and keep their value, their names come from the Lists sheet (`ListLabels`).
ACTIVITY_TEXT: tuple[str, ...] = (A.EVENT, A.TERMS, A.COUNTERPART, A.LEAD, A.LOCATIONS, A.NOTES)
STEP_TEXT: tuple[str, ...] = (S.DESCRIPTION, S.TERMS)
MILESTONE_TEXT: tuple[str, ...] = (M.PLACE,)  # the Name is a key: its translation is `Derived.SHOWN_NAME`
LIST_NAMES: tuple[str, ...] = (
    contract.LIST_DOMAIN,
    contract.LIST_CONVENTION,
    contract.LIST_CONVENTION_TITLE,
    contract.LIST_PROGRAMME,
)


def translation_column(columns: Iterable[object], column: str, lang: str) -> str | None:
    """The column holding `column` in `lang` ('Event (ru)', 'event(RU)', 'EVENT ( ru )'), or None (always None for
    English, the language the workbook is written in)."""
    if lang == DEFAULT:
        return None
    wanted = contract.header_key(f"{column} ({lang})")
    return next((str(name) for name in columns if contract.header_key(name) == wanted), None)


def translated(frame: pd.DataFrame, column: str, lang: str) -> pd.Series:
    """The column as a reader of `lang` sees it: the translated cell where it is filled, else the original."""
    source = translation_column(frame.columns, column, lang)
    if source is None:
        return frame[column]
    mine = frame[source].astype(object)
    return mine.where(~mine.map(words.is_blank), frame[column].astype(object))


def in_language(frame: pd.DataFrame, lang: str, columns: tuple[str, ...] = ACTIVITY_TEXT) -> pd.DataFrame:
    """The frame with each of `columns` as `translated` gives it; the same frame (not a copy) when it has no
    translation for `lang`, so a workbook without translated columns costs nothing."""
    present = [column for column in columns if column in frame.columns]
    chosen = {c: translated(frame, c, lang) for c in present if translation_column(frame.columns, c, lang)}
    return frame.assign(**chosen) if chosen else frame


def milestones_in_language(milestones: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The Milestones table as a reader of `lang` sees it: the Place translated, the Name kept (a key) with the
    translated name beside it in `Derived.SHOWN_NAME`; the same frame when the sheet has no translation."""
    shown = in_language(milestones, lang, MILESTONE_TEXT)
    if translation_column(milestones.columns, M.NAME, lang) is None:
        return shown
    return shown.assign(**{contract.Derived.SHOWN_NAME: translated(milestones, M.NAME, lang)})


def milestone_name(milestone: pd.Series | Mapping[str, object]) -> str:
    """The name of a milestone (a row of the Milestones table) as its reader sees it: `Name (ru)` where the table
    was taken through `milestones_in_language` and the cell is filled, else the Name. Plain text: through
    `words.md_text` before Markdown."""
    return words.cell_text(milestone.get(contract.Derived.SHOWN_NAME)) or words.cell_text(milestone.get(M.NAME))


@dataclass(frozen=True)
class ListLabels:
    """The names the Lists sheet gives its values in other languages: (list column, language, value, name)."""

    names: tuple[tuple[str, str, str, str], ...] = ()

    def label(self, column: str, value: object, lang: str) -> str:
        """How a reader of `lang` sees a Domain, Convention, Convention title or Programme value; for a Convention
        title, `value` is the convention's short name. The value itself where the sheet gives no name."""
        key = words.cell_text(value)
        for named_column, named_lang, named_value, name in self.names:
            if (named_column, named_lang, named_value) == (column, lang, key):
                return name
        return key

    def name(self, value: object, lang: str) -> str:
        """A Domain, Convention or Programme value as a reader of `lang` sees it (a filter's option, a heading)."""
        key = words.cell_text(value)
        for column in (contract.LIST_DOMAIN, contract.LIST_CONVENTION, contract.LIST_PROGRAMME):
            named = self.label(column, key, lang)
            if named != key:
                return named
        return key

    def title(self, lists: Lists, convention: str, lang: str) -> str:
        """A convention's full title in `lang` (`Convention title (ru)`), else as Lists gives it, else its name."""
        named = self.label(contract.LIST_CONVENTION_TITLE, convention, lang)
        return named if named != words.cell_text(convention) else lists.title(convention)

    @classmethod
    def of(cls, sheet: Sheet | None) -> ListLabels:
        """The translated names in a read Lists sheet (its staff-added columns `Domain (ru)`, ...)."""
        if sheet is None:
            return cls()
        names: list[tuple[str, str, str, str]] = []
        for lang in LANGUAGES:
            for column in LIST_NAMES:
                source = translation_column(sheet.columns, column, lang)
                if source is None:
                    continue
                keyed_by = contract.LIST_CONVENTION if column == contract.LIST_CONVENTION_TITLE else column
                for _row, record in sheet.records:
                    value, name = words.cell_text(record.get(keyed_by)), words.cell_text(record.get(source))
                    if value and name:
                        names.append((str(column), lang, value, name))
        return cls(tuple(names))
