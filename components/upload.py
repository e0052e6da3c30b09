"""Upload a replacement workbook: bounded before it is read, checked like any workbook, its changes shown, then
replaced with a backup, for signed-in editors only."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from actionplan import words
from actionplan.i18n import _, n_
from actionplan.keeping import access, save
from components import replace_preview, widget_words

from .editor import MAX_UPLOAD_MB, findings_list, notify, start_again

_UPLOADS = "_upload_generation"


def upload_bytes(upload: UploadedFile) -> bytes | str:
    """The uploaded file's bytes, or why they are refused: the size is checked first, so an oversized file is
    never copied or handed to the loader."""
    if upload.size > save.MAX_UPLOAD_BYTES:
        return _(
            "{name} is {size} MB, larger than {limit} MB; a plan workbook is far smaller: check that this is the "
            "right file."
        ).format(name=words.md_text(upload.name), size=f"{upload.size / 2**20:.1f}", limit=MAX_UPLOAD_MB)
    return upload.getvalue()


def upload_panel(editor: access.Editor, path: Path) -> None:
    """Replace the workbook with an uploaded one, after the same checks the dashboard applies when reading."""
    generation = st.session_state.setdefault(_UPLOADS, 0)
    upload = widget_words.uploader(
        _("Replace the workbook with an .xlsx file (at most {limit} MB)").format(limit=MAX_UPLOAD_MB),
        types=["xlsx"],
        limit_mb=MAX_UPLOAD_MB,
        key=f"upload_{generation}",
    )
    if upload is None:
        st.caption(_("The file is checked before anything is replaced, and the current version is kept as a backup."))
        return
    content = upload_bytes(upload)
    if isinstance(content, str):
        st.error(content, icon=":material/block:")
        return
    result = save.check(content, Path(Path(upload.name).name))
    if result.errors:
        st.error(
            _("{name} cannot replace the workbook:").format(name=words.md_text(upload.name))
            + f"\n{findings_list(result.errors)}",
            icon=":material/block:",
        )
        return
    counts = (
        words.activities(len(result.activities)),
        n_("{n} step", "{n} steps", len(result.steps)).format(n=len(result.steps)),
        n_("{n} warning", "{n} warnings", len(result.warnings)).format(n=len(result.warnings)),
    )
    st.success(
        _("{name} can be used: {counts}.").format(name=words.md_text(upload.name), counts=", ".join(counts)),
        icon=":material/task_alt:",
    )
    replace_preview.show(path, content, replace_preview.FILE, names=True, key="upload")
    if st.button(
        _("Replace the workbook with {name}").format(name=upload.name),
        type="primary",
        icon=":material/upload_file:",
        key="upload_replace",
    ):
        try:
            saved = save.replace_workbook(editor, path, content, upload.name)
        except save.SaveFailed as failed:
            st.error(
                f"{failed} " + _("The file is still selected: press Replace again once this is fixed."),
                icon=":material/error:",
            )
            return
        except save.SaveRefused as refused:
            st.error(str(refused), icon=":material/block:")
            return
        st.session_state[_UPLOADS] = generation + 1
        start_again()
        notify(_("Replaced the workbook with {name}.").format(name=upload.name), saved)
        st.rerun()
