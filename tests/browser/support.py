"""Helpers for browser tests: a running `streamlit run app.py`, waiting for Streamlit to settle."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


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
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=ROOT, env=env, stdout=self._log_file, stderr=subprocess.STDOUT,
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


def assert_no_exception(tab) -> None:
    """No Streamlit exception box on the page."""
    assert tab.locator("[data-testid='stException']").count() == 0, tab.locator("[data-testid='stException']").first.inner_text()
