"""Text from the workbook shown as itself in Markdown: no accidental emphasis, links, HTML, icons or emoji."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~$:-])")


def markdown(text: str) -> str:
    """Backslash-escape every character Markdown (or Streamlit's :icon: shortcodes) would act on."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
