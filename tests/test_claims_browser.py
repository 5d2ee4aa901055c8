"""The sentence-by-sentence summary view in headless Chromium: evidence opens, flagged
words are marked, and markup pasted into the article stays text."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
XSS = '<img src=x onerror="window.__xss=1">'

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def server():
    """The app with the offline fallbacks only: an extractive summary, lexical ranking."""
    from summarise.apps.web import app as ui

    ui.configure(summariser=False, reader=False, embedder=False)
    app = ui.build_app()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    app.close()
    ui.configure()


def test_summary_sentences_open_to_their_evidence_and_markup_stays_text(server):
    from playwright.sync_api import sync_playwright

    from summarise.apps.web import app as ui

    article = ui.example_article() + "\n\nCod prices in Bergen rose " + XSS + " last week."
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1400})
        page.goto(server)
        page.wait_for_selector("#article textarea", timeout=60_000)
        page.fill("#article textarea", article)
        page.click("#summarise")
        deadline = time.time() + 90
        while time.time() < deadline and page.locator("#claims details").count() == 0:
            page.wait_for_timeout(250)
        details = page.locator("#claims details")
        assert details.count() >= 2
        assert "Underlined in red" in page.locator("#claims").inner_text()
        evidence = details.first.locator("mark.evidence")
        assert not evidence.is_visible()
        details.first.locator("summary").click()
        assert evidence.is_visible() and evidence.inner_text().strip()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "claims.png"), full_page=True)
        assert page.evaluate("window.__xss === undefined")
        assert page.locator("#claims img").count() == 0
        browser.close()
