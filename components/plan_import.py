"""Import a plan document on the Data page: upload the signed plan (Word, text export or HTML), read the import
report and a preview, download the new workbook, and (editors) start it as the current workbook, with the same
confirmation, checks and backup as any upload."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd
import streamlit as st

from actionplan import i18n, words
from actionplan.i18n import N_, _, n_
from actionplan.importing import REPORT_SHEET, SUFFIXES, SUGGESTED_COLUMN, ReportKind, import_plan, workbook_bytes
from actionplan.keeping import access, save
from actionplan.plan.export import XLSX_MIME
from components import editor as editor_panel
from components import replace_preview, widget_words

DOCUMENT = "_plan_import_document"  # (file name, bytes) of the document being imported
UPLOAD_KEY = "plan_import_upload"
CONFIRM_KEY = "plan_import_confirm"
REPLACE_KEY = "plan_import_replace"
PREVIEW_COLUMNS = ("ID", "Year", "No.", "Event", "Terms", "Domain", "Convention", "Programme", SUGGESTED_COLUMN)
DOCUMENT_TYPES = sorted({suffix.lstrip(".") for suffix in SUFFIXES if suffix})


FACT_LABELS = (N_("Country"), N_("Period"), N_("Parties"), N_("Issuing body"))
REPORT_HEADERS = (N_("Kind"), N_("Where"), N_("Source"), N_("Became"), N_("Note"))  # and Activity ID, Column


@st.cache_data(max_entries=4, show_spinner=False)
def _imported(name: str, content: bytes, lang: str) -> tuple[dict, bytes]:
    """The import's figures, report and preview, and the new workbook's bytes (cached on the document, and on the
    language its report is worded in)."""
    del lang  # part of the cache key only
    result = import_plan(content, name)
    lines = [line.as_record() for line in result.report.ordered()]
    model = {
        "title": result.facts.title,
        "facts": {
            "Country": result.facts.country,
            "Period": result.facts.period,
            "Parties": "; ".join(result.facts.parties),
            "Issuing body": result.facts.issuing_body,
        },
        "years": dict(result.years),  # {year: activities}
        "counts": (len(result.activities), len(result.steps)),
        "suggested": dict(Counter(line.column for line in result.report.of(ReportKind.SUGGESTED))),
        # Blank cells shown blank (not "None").
        "activities": [{column: _shown(a.get(column)) for column in PREVIEW_COLUMNS} for a in result.activities],
        "steps": [{column: _shown(value) for column, value in step.items()} for step in result.steps],
        "report": lines,
        "look": [line for line in lines if ReportKind.of(line["Kind"]).needs_look],
    }
    return model, workbook_bytes(result)


def _shown(value: object) -> object:
    return "" if value is None else value


def panel(editor: access.Editor | None, path: Path) -> None:
    """The import: upload, report, preview, download; replace the current workbook only for editors, confirmed."""
    st.caption(
        _(
            "Start a workbook from a plan's signed document: a Word table (.docx), a text export (.txt) or an HTML "
            "table. Nothing changes until you choose to; the current workbook is backed up first."
        )
    )
    if editor is None:
        st.caption(_("Sign in on the Edit tab to import a plan document."))
        return
    upload = widget_words.uploader(
        _("The plan document (at most {limit} MB)").format(limit=editor_panel.MAX_UPLOAD_MB),
        types=DOCUMENT_TYPES,
        limit_mb=editor_panel.MAX_UPLOAD_MB,
        key=UPLOAD_KEY,
    )
    if upload is not None:
        content = upload.getvalue()
        if len(content) > save.MAX_UPLOAD_BYTES:
            st.error(
                _("{name} is larger than {limit} MB.").format(
                    name=words.md_text(upload.name), limit=editor_panel.MAX_UPLOAD_MB
                )
            )
            return
        st.session_state[DOCUMENT] = (Path(upload.name).name, content)
    document = st.session_state.get(DOCUMENT)
    if document is None:
        return
    name, content = document
    try:
        with st.spinner(_("Reading the plan document…")):
            model, workbook = _imported(name, content, i18n.current().lang)
    except Exception as problem:  # a damaged document: say so and keep the page  # noqa: BLE001
        st.error(
            _("{name} cannot be read as a plan ({problem}).").format(
                name=words.md_text(name), problem=words.md_text(problem)
            ),
            icon=":material/block:",
        )
        return
    _show(model, name)
    stem = Path(name).stem or "plan"
    st.download_button(
        _("Download the new workbook"),
        workbook,
        file_name=f"{stem}.xlsx",
        mime=XLSX_MIME,
        icon=":material/download:",
        key="plan_import_download",
    )
    _replace(editor, path, workbook, f"{stem}.xlsx")


def _show(model: dict, name: str) -> None:
    st.markdown(f"**{words.md_text(model['title'] or name)}**")
    facts = " · ".join(f"{_(label)}: {words.md_text(value)}" for label, value in model["facts"].items() if value)
    if facts:
        st.caption(facts)
    st.markdown("  \n".join(words.md_text(line) for line in _summary(model)))
    if model["look"]:
        st.warning(
            n_(
                "{n} line of the import report to look at: rows not placed, terms not read, classification left "
                "blank, readings assumed.",
                "{n} lines of the import report to look at: rows not placed, terms not read, classification left "
                "blank, readings assumed.",
                len(model["look"]),
            ).format(n=len(model["look"])),
            icon=":material/warning:",
        )
        _report_table(model["look"])
    st.header(_("Preview: activities"))
    st.dataframe(pd.DataFrame(model["activities"]), hide_index=True)
    with st.expander(_("Steps ({n})").format(n=len(model["steps"]))):
        st.dataframe(pd.DataFrame(model["steps"]), hide_index=True)
    whole = n_(
        "The whole import report ({n} line, also the sheet '{sheet}')",
        "The whole import report ({n} lines, also the sheet '{sheet}')",
        len(model["report"]),
    ).format(n=len(model["report"]), sheet=REPORT_SHEET)
    with st.expander(whole):
        _report_table(model["report"])


def _summary(model: dict) -> list[str]:
    """What was read, in two lines: `7 activities (3 for 2025, ...), 9 steps; ...` and the suggested classification."""
    activities, steps = model["counts"]
    per_year = ", ".join(_("{n} for {year}").format(n=n, year=year) for year, n in model["years"].items())
    suggested = model["suggested"]
    shown = ", ".join(f"{column} {suggested[column]}" for column in sorted(suggested)) or _("none")
    return [
        _("{activities} ({per_year}), {steps}; Status left blank (Not reported)").format(
            activities=words.activities(activities),
            per_year=per_year or _("none"),
            steps=n_("{n} step", "{n} steps", steps).format(n=steps),
        ),
        _("Suggested classification (for staff to confirm): {shown}").format(shown=shown),
    ]


def _report_table(lines: list[dict]) -> None:
    """Lines of the import report, their kind and headers in the reader's language (the details are the
    document's)."""
    table = pd.DataFrame(lines)
    if "Kind" in table.columns:
        table["Kind"] = table["Kind"].map(lambda kind: _(str(kind)))
    st.dataframe(table, hide_index=True, column_config=replace_preview.headers(table.columns))


def _replace(editor: access.Editor, path: Path, workbook: bytes, filename: str) -> None:
    """Start the imported workbook as the current one: confirmed, checked, the current version backed up."""
    confirmed = st.checkbox(
        _(
            "I have read the import report; replace the current workbook with {name} (the current one is kept as a "
            "backup)"
        ).format(name=words.md_text(filename)),
        key=CONFIRM_KEY,
    )
    if not st.button(
        _("Start this workbook as the current plan"),
        type="primary",
        disabled=not confirmed,
        icon=":material/upload_file:",
        key=REPLACE_KEY,
    ):
        return
    try:
        saved = save.replace_workbook(editor, path, workbook, filename)
    except save.SaveRefused as refused:
        st.error(words.md_text(refused), icon=":material/block:")
        return
    st.session_state.pop(DOCUMENT, None)
    st.session_state.pop(CONFIRM_KEY, None)
    editor_panel.start_again()
    editor_panel.notify(_("Started the workbook imported from {name}.").format(name=filename), saved)
    st.rerun()
