"""Editor sign-in on the Data page: a shared editor password (hash in secrets or the environment), or single
sign-on (st.login) for e-mails on an allow-list. Viewing never needs a sign-in.

The `Editor` made here is kept in this browser session only; the writing functions in `actionplan.keeping.save` check it
themselves, so a page that forgot to ask could still not write.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import streamlit as st

from actionplan import words
from actionplan.i18n import N_, _
from actionplan.keeping import access
from actionplan.keeping.throttle import StoreThrottle
from components import app_store, draft_panel, lang

_EDITOR = "_signin_editor"
_SESSION = "_signin_session"
_MESSAGE = "_signin_message"
NAME_KEY = "signin_name"
PASSWORD_KEY = "signin_password"

EDITING_OFF = N_(
    "**Editing is off** — no editor password is set, so this dashboard is view-only. To turn editing on, run "
    "`python -m actionplan set-password` on the server (it stores a salted hash in `.streamlit/secrets.toml`), "
    "or set the environment variable `{variable}` to such a hash, and restart the app. "
    "Viewing, downloads and the validation report need no sign-in."
)


@dataclass(frozen=True)
class Methods:
    """Which sign-in methods this server offers."""

    password_hash: str | None
    single_sign_on: bool
    emails: tuple[str, ...]

    @property
    def any(self) -> bool:
        return bool(self.password_hash) or self.single_sign_on


def _secrets_section(name: str) -> dict | None:
    try:
        return dict(st.secrets[name]) if name in st.secrets else None
    except FileNotFoundError:  # no secrets.toml at all
        return None


def methods() -> Methods:
    """The configured methods: `[editors] password_hash` (or the environment variable), `[auth]` + `emails`."""
    editors = _secrets_section(access.SECRETS_SECTION)
    emails = access.configured_emails(editors)
    return Methods(access.configured_hash(editors), _secrets_section("auth") is not None and bool(emails), emails)


def _throttle() -> StoreThrottle:
    """Failed tries kept in the store beside the workbook: a new browser tab, another server process or a
    restart does not reset the delay."""
    return StoreThrottle(app_store.current())


def _throttle_keys() -> list[str]:
    session = st.session_state.setdefault(_SESSION, secrets.token_hex(8))
    keys = [f"session:{session}"]
    address = st.context.ip_address
    if address:
        keys.append(f"address:{address}")
    return keys


def current_editor() -> access.Editor | None:
    """The editor signed in in this session, if any (single sign-on users on the allow-list count)."""
    editor = st.session_state.get(_EDITOR)
    if editor is not None:
        return editor
    offered = methods()
    if offered.single_sign_on and st.user.is_logged_in:
        try:
            email = st.user.get("email")
            editor = access.editor_for_email(email if isinstance(email, str) else None, offered.emails)
        except PermissionError:
            return None
        st.session_state[_EDITOR] = editor
    return editor


def _sign_in() -> None:
    """The Sign in button: check the password; the password field is emptied either way. A callback runs before
    the page, so it speaks the reader's language itself (the refusal is kept to show below the form)."""
    lang.activate()
    state = st.session_state
    try:
        state[_EDITOR] = access.sign_in_with_password(
            state.get(NAME_KEY) or "",
            state.get(PASSWORD_KEY) or "",
            methods().password_hash,
            _throttle(),
            _throttle_keys(),
        )
        state[_MESSAGE] = None
    except access.SignInRefused as refused:
        state[_MESSAGE] = str(refused)
    state[PASSWORD_KEY] = ""


def _sign_out() -> None:
    st.session_state.pop(_EDITOR, None)
    draft_panel.clear_session()  # the draft stays in the store, offered at the next sign-in


def panel() -> access.Editor | None:
    """Who is signed in (with Sign out), else the sign-in box, else how to turn editing on. Returns the editor."""
    editor = current_editor()
    if editor is not None:
        who, leave = st.columns([5, 1], vertical_alignment="center")
        who.markdown(
            ":material/verified_user: "
            + _("Signed in as **{name}** — your changes are recorded under this name in the change log.").format(
                name=words.md_text(editor.name)
            )
        )
        if editor.method == "single sign-on":
            leave.button(_("Sign out"), on_click=st.logout, key="signout_sso")
        else:
            leave.button(_("Sign out"), on_click=_sign_out, key="signout")
        exposed = access.exposed_secrets_warning()
        if exposed:
            st.warning(exposed, icon=":material/lock_open:")
        return editor
    offered = methods()
    if not offered.any:
        st.info(_(EDITING_OFF).format(variable=access.PASSWORD_HASH_ENV), icon=":material/lock:")
        return None
    with st.container(border=True):
        st.markdown(_("**Sign in to edit.** Viewing needs no sign-in; editing, uploading and restoring a backup do."))
        if offered.password_hash:
            with st.form("signin_form", border=False, enter_to_submit=True):
                name, password = st.columns(2)
                name.text_input(
                    _("Your name"), key=NAME_KEY, help=_("Recorded with every change you save"), autocomplete="name"
                )
                password.text_input(
                    _("Editor password"), type="password", key=PASSWORD_KEY, autocomplete="current-password"
                )
                st.form_submit_button(_("Sign in"), type="primary", on_click=_sign_in, icon=":material/login:")
            if st.session_state.get(_MESSAGE):
                st.error(st.session_state[_MESSAGE], icon=":material/block:")
        if offered.single_sign_on:
            if st.user.is_logged_in:
                st.warning(
                    _("{account} is not on the list of editors.").format(account=st.user.get("email")),
                    icon=":material/person_off:",
                )
                st.button(_("Sign out"), on_click=st.logout, key="signout_other")
            else:
                st.button(_("Sign in with your organisation account"), on_click=st.login, icon=":material/badge:")
    return None
