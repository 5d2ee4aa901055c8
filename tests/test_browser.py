"""The web app in a real headless Chromium, driven by Playwright, with tiny models.

Screenshots are written to ``test-artifacts/`` at the repository root.
"""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest
from conftest import READER_MAX_LEN, READER_STRIDE

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
XSS = '<img src=x onerror="window.__xss=1">'

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    if os.environ.get("REQUIRE_BROWSER"):
        raise RuntimeError("REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(reader_dir, summariser_dir):
    from summarise.apps.web import app as ui
    from summarise.qa import Reader
    from summarise.summary import Summariser

    ui.configure(
        reader=Reader(str(reader_dir), max_seq_len=READER_MAX_LEN, doc_stride=READER_STRIDE),
        summariser=Summariser(str(summariser_dir)),
        passages=0,
    )
    ui.warm_up()
    app = ui.build_app()
    port = free_port()
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    app.close()
    ui.configure()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 1100})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(server)
    page.wait_for_selector("#article textarea", timeout=60_000)
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")


def _wait(page, selector: str, needle: str, read, timeout: float) -> str:
    """Poll ``read(locator)`` until it contains ``needle``; fail with what was there."""
    deadline = time.time() + timeout
    seen = ""
    while time.time() < deadline:
        seen = read(page.locator(selector))
        if needle in seen:
            return seen
        page.wait_for_timeout(250)
    raise AssertionError(f"{needle!r} did not appear in {selector}; last seen: {seen[:300]!r}")


def wait_text(page, selector: str, needle: str, timeout: float = 60) -> str:
    return _wait(page, selector, needle, lambda loc: loc.inner_text(), timeout)


def wait_value(page, selector: str, needle: str, timeout: float = 60) -> str:
    return _wait(page, selector, needle, lambda loc: loc.input_value(), timeout)


def test_paste_summarise_and_ask(page):
    from summarise.apps.web import app as ui

    page.click("#example")
    wait_value(page, "#article textarea", "Arctic Fishing Nations")
    page.click("#summarise")
    summary = wait_value(page, "#summary textarea", ".")
    assert len(summary.split()) >= 5
    meta = wait_text(page, "#summary-meta", "abstractive")
    assert "chunks" in meta
    cleaned = page.locator("#cleaned textarea").input_value()
    assert cleaned.startswith("Arctic Fishing Nations Open Emergency Talks on Cod Quotas")
    assert "Skip to main content" not in cleaned
    shot(page, "1-summary")

    page.get_by_role("tab", name="Questions").click()
    page.fill("#question textarea", ui.EXAMPLE_QUESTIONS[0])
    page.click("#ask")
    wait_text(page, "#chat", "Margarethe Lind")
    assert "confidence" in page.locator("#chat").inner_text()
    highlighted = wait_text(page, "#evidence", "Margarethe Lind")
    assert "chief negotiator" in highlighted
    marks = page.locator("#evidence .token.highlighted .text")
    assert marks.all_inner_texts() == ["Margarethe Lind"]

    page.fill("#question textarea", "Who chairs the talks?")
    page.press("#question textarea", "Enter")
    wait_text(page, "#chat", "Helga Arnadottir")
    chat = page.locator("#chat").inner_text()
    assert chat.index("Margarethe Lind") < chat.index("Helga Arnadottir")  # a conversation
    shot(page, "2-answers")


def test_upload_txt(page, tmp_path):
    from summarise.apps.web import app as ui

    text_file = tmp_path / "article.txt"
    text_file.write_text(ui.example_article(), encoding="utf-8")
    page.set_input_files("#upload input[type=file]", str(text_file))
    wait_value(page, "#article textarea", "Margarethe Lind")
    page.click("#clean")
    cleaned = wait_value(page, "#cleaned textarea", "Margarethe Lind")
    assert "Facebook" not in cleaned
    page.get_by_text("Removed by the cleaner").click()
    removed = wait_value(page, "#removed textarea", "Facebook")
    assert "Facebook" in removed


def test_upload_html(page, tmp_path):
    from summarise.apps.web import handlers

    plain = (handlers.EXAMPLES / "fisheries_talks.txt").read_text(encoding="utf-8")
    body = "".join(f"<p>{p}</p>" for p in plain.split("\n\n")[1:])
    html_file = tmp_path / "page.html"
    html_file.write_text(
        "<!doctype html><html><head><title>Cod talks</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article>" + body + "</article>"
        "<script>document.title='pwned'</script></body></html>",
        encoding="utf-8",
    )
    page.set_input_files("#upload input[type=file]", str(html_file))
    wait_value(page, "#article textarea", "<article>")
    page.click("#clean")
    cleaned = wait_value(page, "#cleaned textarea", "Margarethe Lind")
    assert "<p>" not in cleaned and "pwned" not in cleaned
    shot(page, "3-upload-html")


def test_empty_input_and_binary_upload_show_a_message(page, tmp_path):
    page.click("#summarise")
    status = wait_text(page, "#status", "The text is empty")
    assert "Traceback" not in status
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    page.set_input_files("#upload input[type=file]", str(binary))
    wait_text(page, "#status", "is binary, not text")
    shot(page, "4-errors")


def test_markup_in_article_and_question_stays_inert(page):
    from summarise.apps.web import app as ui

    page.fill("#article textarea", ui.example_article() + "\n\n" + XSS)
    page.get_by_role("tab", name="Questions").click()
    page.fill("#question textarea", ui.EXAMPLE_QUESTIONS[0])
    page.click("#ask")
    wait_text(page, "#chat", "Margarethe Lind")
    page.fill("#question textarea", "What does " + XSS + " mean?")
    page.click("#ask")
    wait_text(page, "#chat", "<img")  # shown as text, not rendered
    page.click("#clean")
    wait_value(page, "#cleaned textarea", "Margarethe Lind")
    assert page.evaluate("window.__xss === undefined")
    assert page.locator("#chat img[src=x]").count() == 0
    assert page.dialogs == []
    shot(page, "5-inert-markup")
