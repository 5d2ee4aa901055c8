"""The web app's handlers, called as Gradio calls them (no browser, no server)."""

from __future__ import annotations

import pytest
import tiny

QUESTION = "Who is the EU chief negotiator?"


@pytest.fixture
def app(isolated_models):
    from summarise.apps.web import handlers

    handlers.configure()
    yield handlers
    handlers.configure()


def page() -> str:
    return (tiny.EXAMPLES / "fisheries_talks_page.txt").read_text(encoding="utf-8")


def test_summarise_and_ask_fill_the_cleaned_text_panel(app):
    expected = tiny.example_article().strip()
    for outputs in (
        app.on_summarise(page(), "short"),
        app.on_ask(page(), QUESTION, False, []),
    ):
        assert any(isinstance(o, str) and o.strip() == expected for o in outputs)


def test_every_event_that_cleans_updates_the_cleaned_text_panel(app):
    from summarise.apps.web.app import build_app

    blocks = build_app()
    [cleaned] = [b for b in blocks.blocks.values() if getattr(b, "elem_id", None) == "cleaned"]
    events = {}
    for fn in blocks.fns.values():
        events.setdefault(getattr(fn.fn, "__name__", ""), []).append(fn)
    for handler in ("on_clean", "on_summarise", "on_ask"):
        assert events.get(handler), handler
        for fn in events[handler]:
            assert cleaned in fn.outputs, handler


def test_a_failure_is_one_sentence_in_the_status_line(app):
    *_, status = app.on_summarise("   ", "short")
    assert status.startswith("⚠️") and "empty" in status
    outputs = app.on_ask("   ", QUESTION, False, [{"role": "user", "content": "earlier"}])
    assert any(isinstance(o, str) and "empty" in o for o in outputs)
    assert [{"role": "user", "content": "earlier"}] in outputs  # the history is kept
