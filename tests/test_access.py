"""Who may edit: password hashing, sign-in refusals, the growing delay after failures, the secrets file."""

from __future__ import annotations

import io
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from actionplan.keeping import access
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[1]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    return access.hash_password(PASSWORD)


def test_hash_is_salted_and_verifies(stored):
    assert stored.startswith("scrypt$") and PASSWORD not in stored
    assert access.hash_password(PASSWORD) != stored  # a fresh salt each time
    assert access.verify_password(PASSWORD, stored)
    assert not access.verify_password(PASSWORD + "!", stored)
    assert not access.verify_password("", stored)


@pytest.mark.parametrize("broken", ["", "plain-text", "scrypt$1$2$3", "pbkdf2$1$2$3$a$b", "scrypt$x$8$1$!!$??"])
def test_a_malformed_hash_never_matches(broken):
    assert not access.verify_password(PASSWORD, broken)


def test_right_password_signs_in_with_the_name(stored):
    editor = access.sign_in_with_password("  Aman   Orazov ", PASSWORD, stored, access.Throttle())
    assert editor.name == "Aman Orazov" and editor.method == "password"
    assert access.require_editor(editor) is editor


@pytest.mark.parametrize(
    "name, password, configured, message",
    [
        ("Aman", "wrong password", True, "Wrong password"),
        ("Aman", PASSWORD, False, "no editor password is configured"),
        ("   ", PASSWORD, True, "give your name"),
    ],
)
def test_sign_in_refusals(stored, name, password, configured, message):
    with pytest.raises(access.SignInRefused, match=message):
        access.sign_in_with_password(name, password, stored if configured else None, access.Throttle())


def test_failures_make_the_next_try_wait_longer_up_to_a_cap(stored):
    clock = FakeClock()
    throttle = access.Throttle(clock=clock)
    delays = []
    for _ in range(8):
        with pytest.raises(access.SignInRefused) as refused:
            access.sign_in_with_password("Aman", "wrong", stored, throttle)
        delays.append(refused.value.wait_seconds)
        clock.now += refused.value.wait_seconds
    assert delays == [2, 4, 8, 16, 32, 60, 60, 60]
    # Within the delay even the right password is refused, without being checked.
    throttle.failed(["name:aman"])
    with pytest.raises(access.SignInRefused, match="Too many failed tries"):
        access.sign_in_with_password("Aman", PASSWORD, stored, throttle)
    clock.now += 61
    assert access.sign_in_with_password("Aman", PASSWORD, stored, throttle).name == "Aman"
    assert throttle.wait(["name:aman"]) == 0


def test_the_delay_also_follows_other_keys_such_as_the_address(stored):
    clock = FakeClock()
    throttle = access.Throttle(clock=clock)
    with pytest.raises(access.SignInRefused):
        access.sign_in_with_password("Aman", "wrong", stored, throttle, keys=["ip:10.0.0.5"])
    with pytest.raises(access.SignInRefused, match="Too many failed tries"):
        access.sign_in_with_password("Someone else", PASSWORD, stored, throttle, keys=["ip:10.0.0.5"])


def test_hash_comes_from_secrets_then_environment():
    env = {access.PASSWORD_HASH_ENV: "scrypt$from-env"}
    assert access.configured_hash({"password_hash": "scrypt$from-secrets"}, env) == "scrypt$from-secrets"
    assert access.configured_hash(None, env) == "scrypt$from-env"
    assert access.configured_hash({}, {}) is None
    assert access.configured_hash({"password_hash": "  "}, {}) is None


def test_single_sign_on_editors_come_from_the_allow_list():
    allowed = access.configured_emails({"emails": ["Editor@Example.org", " "]})
    assert allowed == ("editor@example.org",)
    assert access.editor_for_email("editor@example.ORG", allowed).name == "editor@example.org"
    with pytest.raises(PermissionError):
        access.editor_for_email("viewer@example.org", allowed)
    with pytest.raises(PermissionError):
        access.editor_for_email(None, allowed)


@pytest.mark.parametrize(
    "before",
    [
        "",
        '[auth]\nredirect_uri = "http://localhost:8501/oauth2callback"\ncookie_secret = "abc"\n',
        '# editors\n[editors]\nemails = ["a@b.org"]\npassword_hash = "old"\n\n[other]\nkey = 1\n',
        '[editors]\nemails = ["a@b.org"]\n[other]\npassword_hash = "not ours"\n',
    ],
)
def test_setting_the_hash_keeps_everything_else(before):
    after = tomllib.loads(access.with_password_hash(before, "scrypt$new"))
    assert after["editors"]["password_hash"] == "scrypt$new"
    old = tomllib.loads(before)
    for section, values in old.items():
        for key, value in values.items():
            if (section, key) != ("editors", "password_hash"):
                assert after[section][key] == value


def test_set_password_command_writes_a_hash_that_verifies(tmp_path):
    secrets = tmp_path / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir()
    secrets.write_text('[auth]\ncookie_secret = "keep me"\n')
    result = subprocess.run(
        [sys.executable, "-m", "actionplan", "set-password", "--secrets", str(secrets)],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    written = tomllib.loads(secrets.read_text())
    assert written["auth"]["cookie_secret"] == "keep me"
    assert access.verify_password(PASSWORD, written["editors"]["password_hash"])
    assert secrets.stat().st_mode & 0o077 == 0  # readable by its owner only


def test_a_short_password_is_refused(tmp_path):
    secrets = tmp_path / "secrets.toml"
    assert access.set_password_command(secrets, io.StringIO("short\n"), io.StringIO()) == 1
    assert not secrets.exists()


@pytest.mark.parametrize("broken", ["plain-text", "scrypt$1$2$3", "scrypt$x$8$1$!!$??", "scrypt$16384$8$1$$"])
def test_a_malformed_stored_hash_is_named_as_such_not_as_a_wrong_password(broken):
    assert access.hash_problem(broken)
    with pytest.raises(access.SignInRefused) as refused:
        access.sign_in_with_password("Aman", PASSWORD, broken, access.Throttle())
    message = str(refused.value)
    assert "the stored password hash is not valid" in message and "python -m actionplan set-password" in message
    assert "Wrong password" not in message


def test_a_valid_hash_has_no_problem(stored):
    assert access.hash_problem(stored) is None


def test_secrets_are_written_for_their_owner_only_and_a_stale_readable_copy_goes(tmp_path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[auth]\ncookie_secret = "keep me"\n')
    secrets.chmod(0o644)
    stale = tmp_path / "secrets.toml.tmp"
    stale.write_text('[editors]\npassword_hash = "an old hash"\n')
    stale.chmod(0o644)
    assert set(access.exposed_secrets([secrets])) == {secrets, stale}
    assert "can be read by other users" in access.exposed_secrets_warning([secrets])
    access.write_password_hash(secrets, access.hash_password(PASSWORD))
    assert secrets.stat().st_mode & 0o777 == 0o600
    assert not stale.exists()
    assert access.exposed_secrets([secrets]) == [] and access.exposed_secrets_warning([secrets]) is None
    assert [p.name for p in tmp_path.iterdir()] == ["secrets.toml"]  # no temporary file left either
