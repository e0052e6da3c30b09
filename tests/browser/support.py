"""Helpers for browser tests: a running `streamlit run app.py`, waiting for Streamlit to settle, signing in."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from actionplan import i18n
from actionplan.keeping import access

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
EDITOR_PASSWORD = "browser test password"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """A running `streamlit run app.py` against one workbook."""

    def __init__(self, workbook: Path, extra_env: dict[str, str] | None = None) -> None:
        self.workbook = workbook
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PLAN_WORKBOOK": str(workbook), **(extra_env or {})}
        self.log = workbook.parent / f"streamlit-{self.port}.log"
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log_file.close()


def wait_idle(tab, timeout: float = 60_000) -> None:
    """Wait until Streamlit has finished running the script (and give the front end a moment to draw)."""
    tab.wait_for_selector(IDLE, timeout=timeout)
    tab.wait_for_timeout(300)
    tab.wait_for_selector(IDLE, timeout=timeout)


def open_page(tab, server: AppServer, path: str = "", query: str = "") -> None:
    """Go to a page of the app (`""` for Overview, else its url path such as "timeline") and wait for it."""
    tab.goto(f"{server.url}/{path}{('?' + query) if query else ''}")
    wait_idle(tab)


def editor_env(tmp_path: Path) -> dict[str, str]:
    """Server environment for tests that edit: the editor password is EDITOR_PASSWORD, and the secrets file is one
    that does not exist (never the secrets of this machine). Use as `app_server(workbook, editor_env(tmp_path))`."""
    return {
        access.PASSWORD_HASH_ENV: access.hash_password(EDITOR_PASSWORD),
        "STREAMLIT_SECRETS_FILES": str(tmp_path / "no-secrets.toml"),
    }


def go_to(tab, title: str) -> None:
    """Follow a link of the sidebar navigation (e.g. "Data") and wait for the page."""
    tab.locator("[data-testid='stSidebarNav']").get_by_role("link", name=title).click()
    wait_idle(tab)


def sign_in(tab, name: str = "Browser Editor", *, lang: str = "en") -> None:
    """On the Data page, shown in `lang`: open its Edit tab and sign in with EDITOR_PASSWORD; then expect the Edit
    tab to be showing "Signed in as" (in `lang`)."""
    with i18n.using(lang):
        edit, your_name, password, button = (
            i18n._(text) for text in ("Edit", "Your name", "Editor password", "Sign in")
        )
        signed_in = i18n._("Signed in as **{name}** — your changes are recorded under this name in the change log.")
    tab.get_by_role("tab", name=edit).click()
    tab.get_by_role("textbox", name=your_name).fill(name)
    tab.get_by_role("textbox", name=password).fill(EDITOR_PASSWORD)
    tab.get_by_role("button", name=button).click()
    wait_idle(tab)
    expect(tab.get_by_text(signed_in.split("**")[0].strip())).to_be_visible()


def open_editor(tab, server: AppServer, name: str = "Browser Editor") -> None:
    """Open the app (so app.py frames the pages), follow the navigation to Data and sign in there as `name`."""
    open_page(tab, server)
    go_to(tab, "Data")
    sign_in(tab, name)


def stable_box(locator, settle_ms: int = 250, tries: int = 20) -> dict[str, float]:
    """The element's box once it has stopped moving (scrolling and late layout shift it for a moment)."""
    box = locator.bounding_box()
    for _ in range(tries):
        locator.page.wait_for_timeout(settle_ms)
        again = locator.bounding_box()
        if again == box and box is not None:
            return box
        box = again
    raise AssertionError(f"{locator} kept moving: last box {box}")


def open_grid_cell_editor(tab, canvas, x: float, y: float, attempts: int = 3):
    """Select the data-grid cell at (x, y) inside `canvas` and press Enter: returns the text editor that opens.

    The grid is drawn on a canvas, so the cell is found by position. A click that lands while the grid is still
    being drawn selects nothing; it is tried again, a few times, before the test fails.
    """
    editor = tab.locator("#portal textarea")
    for attempt in range(1, attempts + 1):
        canvas.scroll_into_view_if_needed()
        box = stable_box(canvas)
        tab.mouse.click(box["x"] + x, box["y"] + y)
        tab.keyboard.press("Enter")
        try:
            editor.wait_for(state="visible", timeout=3_000)
            return editor
        except PlaywrightTimeout:
            if attempt == attempts:
                raise
            tab.keyboard.press("Escape")
            wait_idle(tab)


def assert_no_exception(tab) -> None:
    """No Streamlit exception box on the page."""
    assert tab.locator("[data-testid='stException']").count() == 0, tab.locator(
        "[data-testid='stException']"
    ).first.inner_text()
