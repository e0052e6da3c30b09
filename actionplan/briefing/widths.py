"""Column widths for the Word tables that keep every word whole in the reader's language: a column too narrow
for its longest word ('Выполнение', 'обновление', 'täzelenme') takes the room it needs from the columns with room
to spare, so a header wraps between words only and the table keeps its width."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

# A character's advance in ems, by class, from DejaVu Sans Bold: what LibreOffice draws the pack's Calibri with
# where Calibri is missing. Calibri is narrower, so a width that fits here fits in Word too. Each class takes a
# little over its members' mean; the rest (a, e, o, к, н, ä, ö, ý...) take DEFAULT_EM.
_EM_BY_CLASS: tuple[tuple[str, float], ...] = (
    ("fijlIJ.,:;-/' ", 0.4),
    ("crstzгзстэçşž!?()«»", 0.58),
    ("0123456789", 0.7),
    ("DGHNOQUдмДИЙКЛНОПЧŇÖÜ", 0.87),
    ("mwMWжфшщыюЖМФЦШЩЪЫЮ%", 1.05),
)
DEFAULT_EM = 0.74
REGULAR_SHARE = 0.93  # a regular character against its bold one
CM_PER_POINT = 2.54 / 72
CELL_PADDING_CM = 0.45  # Table Grid's 0.19 cm each side, and a little room for rounding
WIDEST_NEED_CM = 3.2  # a longer word (a link, a long name) may break rather than squeeze its neighbours
STEP_CM = 0.05


def _em(character: str) -> float:
    for members, em in _EM_BY_CLASS:
        if character in members:
            return em
    return DEFAULT_EM


def word_width_cm(word: str, points: float, *, bold: bool = True) -> float:
    """How wide a word is drawn at this size, in cm (an estimate on the wide side)."""
    ems = sum(_em(character) for character in word)
    return ems * points * CM_PER_POINT * (1.0 if bold else REGULAR_SHARE)


def need_cm(header: str, cells: Iterable[str], points: float) -> float:
    """The width a column needs so that no word of its bold header or its cells is cut: the widest word, padded."""
    widest = max((word_width_cm(word, points) for word in header.split()), default=0.0)
    for text in cells:
        widest = max(widest, *(word_width_cm(word, points, bold=False) for word in text.split()), 0.0)
    return min(widest + CELL_PADDING_CM, WIDEST_NEED_CM)


def fitted(widths_cm: Sequence[float], needs_cm: Sequence[float]) -> tuple[float, ...]:
    """The widths, each at least its need where the table can give it; the extra comes from the columns with the
    most room to spare (their spare room levelled down from the top), so the total stays the same. Unchanged where
    every column already fits."""
    short = sum(max(need - width, 0.0) for width, need in zip(widths_cm, needs_cm))
    spare = [max(width - need, 0.0) for width, need in zip(widths_cm, needs_cm)]
    if short <= 0 or short > sum(spare):
        return tuple(widths_cm)
    level = max(spare)  # lower the level until the room above it covers what is short
    ordered = sorted(spare, reverse=True) + [0.0]
    for count in range(1, len(ordered)):
        above = sum(ordered[:count]) - count * ordered[count]
        if above >= short:
            level = (sum(ordered[:count]) - short) / count
            break
    widths = [
        need if width < need else width - max(room - level, 0.0)
        for width, need, room in zip(widths_cm, needs_cm, spare)
    ]
    rounded = [
        (math.ceil(new / STEP_CM - 1e-9) if old < need else round(new / STEP_CM)) * STEP_CM
        for new, old, need in zip(widths, widths_cm, needs_cm)
    ]
    rounded[spare.index(max(spare))] += sum(widths_cm) - sum(rounded)  # keep the total
    return tuple(round(width, 2) for width in rounded)
