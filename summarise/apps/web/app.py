"""The Gradio web app: paste or upload, clean, summarise, ask.

The page's layout and wiring, the warm-up and the server; what each event does
is in :mod:`summarise.apps.web.handlers`. Models load once, at start-up, and all calls go
through Gradio's queue with a concurrency limit sized for 2 cores. On a ZeroGPU Space the
summariser and reader run on a lent GPU (:mod:`summarise.apps.web.zerogpu`).
"""

from __future__ import annotations

import logging

import gradio as gr

from summarise import settings
from summarise.apps.web import zerogpu
from summarise.apps.web.handlers import (
    AUTO_LANGUAGE,
    EXAMPLE_QUESTIONS,
    LANGUAGES,
    MAX_ALTERNATIVES,
    api_ask,
    api_clean,
    api_summarise,
    components,
    configure,
    example_article,
    on_ask,
    on_clean,
    on_example,
    on_fetch,
    on_summarise,
    on_upload,
)
from summarise.claims.view import CSS
from summarise.document import LENGTHS, Document

__all__ = ["build_app", "configure", "example_article", "launch", "warm_up"]

log = logging.getLogger(__name__)

QUEUE_SIZE = 64  # requests waiting at most; more are told the queue is full


def build_app() -> gr.Blocks:
    """Build the Blocks app (no model is loaded here; see :func:`warm_up`).

    On ZeroGPU, the GPU functions are registered first, as ZeroGPU requires.
    """
    if zerogpu.install():
        configure(components())
    with gr.Blocks(title="summarise: clean, summarise, ask") as app:
        gr.Markdown(
            "# summarise\nPaste a news article or web page as you copied it, menus and all, "
            "or upload a file. Get a clean text, a summary, and answers taken from the text."
        )
        status = gr.Markdown(elem_id="status")
        with gr.Row():
            with gr.Column():
                article = gr.Textbox(
                    label="Article",
                    lines=12,
                    max_lines=24,
                    placeholder="Paste the page here…",
                    elem_id="article",
                )
                upload = gr.File(
                    label="…or upload .txt, .md, .html or .pdf",
                    file_types=[".txt", ".md", ".html", ".htm", ".pdf"],
                    type="binary",
                    elem_id="upload",
                )
                with gr.Row():
                    url = gr.Textbox(
                        label="…or a web address",
                        placeholder="https://…",
                        scale=4,
                        elem_id="url",
                    )
                    fetch = gr.Button("Fetch", scale=1, elem_id="fetch")
                with gr.Row():
                    example = gr.Button("Load example article", elem_id="example")
                    clean_button = gr.Button("Clean", elem_id="clean")
                language = gr.Dropdown(
                    LANGUAGES,
                    value=AUTO_LANGUAGE,
                    label="Language (picks the models; Detect reads it from the text)",
                    elem_id="language",
                )
            with gr.Column():
                cleaned = gr.Textbox(
                    label="Cleaned text",
                    lines=12,
                    max_lines=24,
                    interactive=False,
                    elem_id="cleaned",
                )
                with gr.Accordion("Removed by the cleaner", open=False):
                    removed = gr.Textbox(
                        show_label=False, lines=6, interactive=False, elem_id="removed"
                    )
        with gr.Tab("Summary"):
            with gr.Row():
                length = gr.Radio(list(LENGTHS), value="medium", label="Length", elem_id="length")
                summarise_button = gr.Button("Summarise", variant="primary", elem_id="summarise")
            summary = gr.Textbox(label="Summary", lines=6, interactive=False, elem_id="summary")
            summary_meta = gr.Markdown(elem_id="summary-meta")
            claims = gr.HTML(elem_id="claims", css_template=CSS)
        with gr.Tab("Questions"):
            chat = gr.Chatbot(label="Questions and answers", height=320, elem_id="chat")
            with gr.Row():
                question = gr.Textbox(
                    label="Question", placeholder=EXAMPLE_QUESTIONS[0], scale=4, elem_id="question"
                )
                ask_button = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
            alternatives = gr.Checkbox(label=f"Show up to {MAX_ALTERNATIVES} alternative answers")
            proof = gr.HighlightedText(
                label="Evidence (answer highlighted)",
                color_map={"answer": "yellow", "evidence": "lightblue"},
                elem_id="evidence",
            )

        private = "private"
        upload.upload(on_upload, upload, [article, status], api_visibility=private)
        fetch.click(on_fetch, url, [article, status], api_visibility=private)
        example.click(on_example, None, [article, question], api_visibility=private)
        panels = [cleaned, removed]
        clean_button.click(on_clean, article, [*panels, status], api_visibility=private)
        summarise_button.click(
            on_summarise,
            [article, length, language],
            [*panels, summary, summary_meta, claims, status],
            api_visibility=private,
        )
        ask_inputs = [article, question, alternatives, chat, language]
        ask_outputs = [*panels, chat, proof, status, question]
        ask_button.click(on_ask, ask_inputs, ask_outputs, api_visibility=private)
        question.submit(on_ask, ask_inputs, ask_outputs, api_visibility=private)
        gr.api(api_clean, api_name="clean")
        gr.api(api_summarise, api_name="summarise")
        gr.api(api_ask, api_name="ask")
    app.queue(default_concurrency_limit=settings.current().concurrency, max_size=QUEUE_SIZE)
    return app


def warm_up() -> None:
    """Load every model once, before the first visitor, with a tiny example (on the CPU:
    on ZeroGPU no GPU is lent before launch; the GPU copies are loaded all the same)."""
    doc = Document(example_article(), components=components().load())
    with zerogpu.on_cpu():
        doc.summary(length="short")
        doc.ask(EXAMPLE_QUESTIONS[0])
    log.info("Warm: %s", components().describe())


def launch(
    app: gr.Blocks | None = None,
    host: str | None = None,
    port: int | None = None,
    block: bool = True,
) -> str:
    """Warm the models, then serve on 127.0.0.1 unless told otherwise (Spaces set their own).

    Returns the local URL once the server is up; ``block=False`` returns at
    once instead of serving until interrupted (load tests, notebooks).
    """
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    warm_up()
    app = app or build_app()
    configured = settings.current()
    _, url, _ = app.launch(
        server_name=host or configured.server_name,
        server_port=port or configured.server_port,
        share=False,
        max_file_size=configured.limits.max_file_bytes,
        show_error=False,
        footer_links=["api"],
        prevent_thread_lock=not block,
        quiet=not block,
    )
    return str(url)
