"""Who may change the workbook: the editor password (salted scrypt hash), sign-in with a growing delay after
failed tries, an e-mail allow-list for single sign-on, and the `Editor` token that every writing function demands.

Viewing is open to everyone. Saving, uploading and restoring take an `Editor`, which only the sign-in functions
here create; anything else (None, a name, a forged object) is refused with PermissionError by `require_editor`.

Where the hash lives, first found wins:
  .streamlit/secrets.toml  [editors]
                           password_hash = "scrypt$16384$8$1$<salt>$<key>"  # `python -m actionplan set-password`
                           emails = ["someone@example.org"]  # optional: editors signing in with st.login ([auth])
  environment              ACTIONPLAN_EDITOR_PASSWORD_HASH=<the same hash>  # for servers and browser tests
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import hmac
import math
import os
import re
import secrets
import sys
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TextIO

from ..i18n import N_, _, n_
from .files import write_atomically
from .throttle import FAIL_DELAY_BASE, FAIL_DELAY_CAP, OVERALL, Throttle, Throttling  # noqa: F401 (named here for callers)

PASSWORD_HASH_ENV = "ACTIONPLAN_EDITOR_PASSWORD_HASH"
SECRETS_SECTION = "editors"
SECRETS_HASH_KEY = "password_hash"
SECRETS_EMAILS_KEY = "emails"
DEFAULT_SECRETS_PATH = Path(".streamlit/secrets.toml")
MIN_PASSWORD_LENGTH = 8

# scrypt parameters: about 16 MB and 50 ms per try, far beyond what guessing can afford at scale.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
SCHEME = "scrypt"
MAX_SCRYPT_MEMORY = 2**26  # a hash asking for more is refused rather than allowed to exhaust the server

_SEAL = object()  # only this module holds it, so only this module makes an Editor


# ---------------------------------------------------------------------------------------------------------------
# Hashing


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """A salted scrypt hash of the password, as one string: `scrypt$N$r$p$<salt b64>$<key b64>`."""
    if not password:
        raise ValueError("the password is empty")
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=KEY_BYTES)
    encode = lambda raw: base64.b64encode(raw).decode("ascii")  # noqa: E731
    return f"{SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${encode(salt)}${encode(key)}"


def hash_problem(stored: str) -> str | None:
    """What is wrong with a stored hash (not the scrypt$N$r$p$salt$key form this app writes), or None when usable."""
    parts = stored.strip().split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return f"it is not of the form {SCHEME}$N$r$p$<salt>$<key>"
    try:
        n, r, p = (int(part) for part in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return "its numbers or its salt and key are not valid"
    if n < 2 or n & (n - 1) or r < 1 or p < 1 or 128 * r * n > MAX_SCRYPT_MEMORY or not salt or len(key) < 16:
        return "its scrypt parameters are out of range"
    return None


def verify_password(password: str, stored: str) -> bool:
    """True when the password matches the stored hash; compared in constant time. A malformed hash never matches."""
    try:
        scheme, n, r, p, salt, key = stored.strip().split("$")
        if scheme != SCHEME:
            return False
        expected = base64.b64decode(key, validate=True)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt, validate=True),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=MAX_SCRYPT_MEMORY,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def configured_hash(section: Mapping[str, object] | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The editor password hash: `[editors] password_hash` from the secrets, else $ACTIONPLAN_EDITOR_PASSWORD_HASH."""
    value = str((section or {}).get(SECRETS_HASH_KEY) or environ.get(PASSWORD_HASH_ENV) or "").strip()
    return value or None


def configured_emails(section: Mapping[str, object] | None) -> tuple[str, ...]:
    """The allow-list of editor e-mails (`[editors] emails`), lower-cased."""
    emails = (section or {}).get(SECRETS_EMAILS_KEY) or ()
    if isinstance(emails, str):
        emails = [emails]
    if not isinstance(emails, (list, tuple)):
        return ()
    return tuple(str(email).strip().casefold() for email in emails if str(email).strip())


# ---------------------------------------------------------------------------------------------------------------
# The editor role


@dataclass(frozen=True)
class Editor:
    """A signed-in editor, made only by `sign_in_with_password` or `editor_for_email`; its name goes in the log."""

    name: str
    method: str
    signed_in_at: datetime = field(default_factory=datetime.now)
    _seal: object = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self._seal is not _SEAL:
            raise PermissionError("an Editor is made only by signing in")


def on_behalf(editor: Editor, who: str, source: str = "") -> Editor:
    """The signed-in editor recording someone else's words (a lead's returned form): the change log names `who`;
    how the editor signed in, their own name and where the words came from stay beside it."""
    require_editor(editor)
    method = f"{editor.method}; taken by {editor.name}" + (f" from {source}" if source else "")
    return replace(editor, name=who, method=method)


def require_editor(who: object) -> Editor:
    """The editor, or PermissionError for anyone else: every function that writes the workbook calls this first."""
    if not isinstance(who, Editor) or who._seal is not _SEAL:
        raise PermissionError(_("Only a signed-in editor may change the workbook."))
    return who


class SignInRefused(PermissionError):
    """Sign-in failed; `wait_seconds` says how long before the next try is accepted."""

    def __init__(self, message: str, wait_seconds: float = 0.0) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


MALFORMED_HASH = N_(
    "Editing cannot be turned on: the stored password hash is not valid. Whoever runs the server should run "
    "python -m actionplan set-password to set the password again."
)


def sign_in_with_password(
    name: str, password: str, stored_hash: str | None, throttle: Throttling, keys: Iterable[str] = ()
) -> Editor:
    """An Editor when the password matches; SignInRefused otherwise (no password configured, a malformed hash, a
    name missing, a wrong password, or a try while the throttle makes this name, session or everyone wait). The
    name is kept for the audit log."""
    if not stored_hash:
        raise SignInRefused(_("Editing is off: no editor password is configured."))
    if hash_problem(stored_hash):
        raise SignInRefused(_(MALFORMED_HASH))
    name = " ".join(name.split())
    if not name:
        raise SignInRefused(_("Please give your name; it is recorded with every change you make."))
    own = (*keys, f"name:{name.casefold()}")
    wait = throttle.wait((*own, OVERALL))
    if wait > 0:
        raise SignInRefused(
            _("Too many failed tries. Please wait {wait} and try again.").format(wait=_seconds(wait)), wait
        )
    if not verify_password(password, stored_hash):
        delay = throttle.failed((*own, OVERALL))
        raise SignInRefused(_("Wrong password. You can try again in {wait}.").format(wait=_seconds(delay)), delay)
    throttle.succeeded(own)  # everyone's count (OVERALL) is kept: one right password does not excuse guessing
    return Editor(name, "password", _seal=_SEAL)


def _seconds(wait: float) -> str:
    """A wait as the countdown says it: whole seconds, rounded up, so it never says "0 s" while still waiting."""
    return _("{n} s").format(n=max(1, math.ceil(wait)))


def editor_for_email(email: str | None, allowed: Iterable[str]) -> Editor:
    """An Editor for a person signed in with single sign-on whose e-mail is on the allow-list; else PermissionError."""
    address = (email or "").strip().casefold()
    if not address or address not in {item.casefold() for item in allowed}:
        raise PermissionError(_("{account} is not on the list of editors.").format(account=email or _("This account")))
    return Editor(address, "single sign-on", _seal=_SEAL)


# ---------------------------------------------------------------------------------------------------------------
# `python -m actionplan set-password`

_SECTION_HEADER = re.compile(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$")
_HASH_LINE = re.compile(rf"^\s*{SECRETS_HASH_KEY}\s*=")


def with_password_hash(toml_text: str, password_hash: str) -> str:
    """The secrets file text with `[editors] password_hash` set, every other line left as it was."""
    line = f'{SECRETS_HASH_KEY} = "{password_hash}"'
    lines = toml_text.splitlines()
    section_at = next(
        (
            i
            for i, text in enumerate(lines)
            if (m := _SECTION_HEADER.match(text)) and m.group(1).strip() == SECRETS_SECTION
        ),
        None,
    )
    if section_at is None:
        body = "\n".join(lines).rstrip("\n")
        result = (body + "\n\n" if body else "") + f"[{SECRETS_SECTION}]\n{line}\n"
    else:
        end = next((i for i in range(section_at + 1, len(lines)) if _SECTION_HEADER.match(lines[i])), len(lines))
        existing = next((i for i in range(section_at + 1, end) if _HASH_LINE.match(lines[i])), None)
        if existing is None:
            lines.insert(section_at + 1, line)
        else:
            lines[existing] = line
        result = "\n".join(lines) + "\n"
    tomllib.loads(result)  # never write a file Streamlit cannot read
    return result


def write_password_hash(secrets_path: Path, password_hash: str) -> None:
    """Set the hash in the secrets file (created if absent, readable by its owner only), replacing it atomically."""
    secrets_path = Path(secrets_path)
    secrets_path.parent.mkdir(parents=True, exist_ok=True)
    before = secrets_path.read_text(encoding="utf-8") if secrets_path.exists() else ""
    text = with_password_hash(before, password_hash)
    write_atomically(secrets_path, text.encode("utf-8"), mode=0o600)
    # Earlier versions wrote through a fixed `secrets.toml.tmp`; one left behind may hold a hash readable by all.
    secrets_path.with_name(secrets_path.name + ".tmp").unlink(missing_ok=True)


SECRETS_PATHS: tuple[Path, ...] = (Path.home() / ".streamlit" / "secrets.toml", DEFAULT_SECRETS_PATH)


def exposed_secrets(paths: Iterable[Path] = SECRETS_PATHS) -> list[Path]:
    """The secrets files (and stale temporary copies of them) that other users of the server may read."""
    exposed = []
    for path in paths:
        for candidate in (Path(path), Path(path).with_name(Path(path).name + ".tmp")):
            try:
                if candidate.stat().st_mode & 0o077:
                    exposed.append(candidate)
            except OSError:
                continue
    return exposed


def exposed_secrets_warning(paths: Iterable[Path] = SECRETS_PATHS) -> str | None:
    """A warning for editors when a secrets file is readable by others, saying how to fix it."""
    exposed = exposed_secrets(paths)
    if not exposed:
        return None
    names = ", ".join(str(path) for path in exposed)
    return _(
        "The secrets file {names} can be read by other users of the server. Run `chmod 600 {first}` (or "
        "`python -m actionplan set-password`, which writes it readable by its owner only) and delete any stale "
        "`.tmp` copy."
    ).format(names=names, first=exposed[0])


def read_new_password(stdin: TextIO = sys.stdin, prompt: Callable[[str], str] = getpass.getpass) -> str:
    """The new password: asked twice without echo at a terminal, else the first line of standard input."""
    if stdin.isatty():
        first = prompt(_("New editor password: "))
        if prompt(_("Once more: ")) != first:
            raise ValueError(_("the two passwords differ"))
        password = first
    else:
        password = stdin.readline().rstrip("\r\n")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(
            n_("use at least {n} character", "use at least {n} characters", MIN_PASSWORD_LENGTH).format(
                n=MIN_PASSWORD_LENGTH
            )
        )
    return password


def set_password_command(
    secrets_path: Path = DEFAULT_SECRETS_PATH, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout
) -> int:
    """Ask for a password and store its hash in the secrets file; returns the exit code."""
    try:
        password = read_new_password(stdin)
    except ValueError as exc:
        print(_("Password not changed: {reason}.").format(reason=exc), file=sys.stderr)
        return 1
    write_password_hash(secrets_path, hash_password(password))
    for exposed in exposed_secrets([secrets_path]):
        warning = _("Warning: {path} can be read by other users of this machine: chmod 600 {path}")
        print(warning.format(path=exposed), file=sys.stderr)
    done = _("Editor password set in {path} ([{section}] {key}). Restart the app if it is running.")
    print(done.format(path=secrets_path, section=SECRETS_SECTION, key=SECRETS_HASH_KEY), file=out)
    return 0
