"""Serving the app in a thread and driving Debian's chromium: for the browser tests and the
README's screenshots, which must run offline.

`playwright install` downloads browsers, so it is never used: the system's chromium
(`apt-get install chromium`) is launched with flags that keep it from calling home.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the browser tests need the playwright package: pip install -e '.[test,web]'"
    if not CHROMIUM.is_file():
        return f"the browser tests need Debian's chromium at {CHROMIUM}: apt-get install chromium"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(db_path: str | Path, **options: Any) -> Iterator[str]:
    """Run the app over `db_path` on a free localhost port in a thread; yield its base URL."""
    import uvicorn

    from rasad.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db_path, **options), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the web app did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless chromium browser (Playwright's `Browser`) that touches no network but ours."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
