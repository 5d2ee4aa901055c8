"""The Gradio web app: paste or upload, clean, summarise, ask.

Everything a person typed or uploaded is shown as text, never as HTML: the
chat history is escaped and the evidence goes through ``HighlightedText``,
which renders plain text. Errors are shown as one sentence in the page; no
traceback ever reaches the browser. Models load once, at start-up, and all
calls go through Gradio's queue with a concurrency limit sized for 2 cores.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

import gradio as gr

from .document import LENGTHS, Document
from .errors import SummariseError
from .fetch import fetch_url
from .limits import Limits
from .reader import Answer
from .sources import read_bytes

log = logging.getLogger(__name__)

EXAMPLES = Path(__file__).resolve().parent / "examples"
EXAMPLE_QUESTIONS = [
    "Who is the EU chief negotiator?",
    "Who chairs the talks?",
    "How long will the negotiations last?",
]
MAX_ALTERNATIVES = 3
CONCURRENCY = int(os.environ.get("SUMMARISE_CONCURRENCY", "1"))

DOCUMENT_OPTIONS: dict[str, Any] = {}  # models for every Document (set by serve or tests)
_DOCS: OrderedDict[str, Document] = OrderedDict()
_DOCS_LOCK = threading.Lock()
_DOCS_KEPT = 16


def configure(**options: Any) -> None:
    """Set the models every Document uses (``reader=``, ``summariser=``, ...) and drop
    documents cleaned under the previous settings."""
    with _DOCS_LOCK:
        DOCUMENT_OPTIONS.clear()
        DOCUMENT_OPTIONS.update(options)
        _DOCS.clear()


def example_article() -> str:
    return (EXAMPLES / "fisheries_talks_page.txt").read_text(encoding="utf-8")


def document(text: str) -> Document:
    """The cleaned document for ``text``, cached so follow-up questions skip cleaning."""
    key = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    with _DOCS_LOCK:
        if key in _DOCS:
            _DOCS.move_to_end(key)
            return _DOCS[key]
    doc = Document(text, **DOCUMENT_OPTIONS)
    with _DOCS_LOCK:
        _DOCS[key] = doc
        while len(_DOCS) > _DOCS_KEPT:
            _DOCS.popitem(last=False)
    return doc


def _message(exc: Exception) -> str:
    if isinstance(exc, SummariseError):
        return str(exc)
    log.exception("Unexpected failure")
    return "Something went wrong on our side; please try again, and report it if it persists."


def _status(text: str) -> str:
    return f"⚠️ {html.escape(text)}" if text else ""


# --- API functions (named endpoints for gradio_client) ---------------------------------


def api_clean(text: str) -> dict[str, Any]:
    """Clean a pasted page: title, text and the lines removed."""
    try:
        doc = document(text or "")
    except Exception as exc:  # noqa: BLE001 - shown as one sentence
        raise gr.Error(_message(exc)) from None
    return {"title": doc.title, "text": doc.text, "removed": doc.cleaned.removed}


def api_summarise(text: str, length: str = "medium") -> dict[str, Any]:
    """Summarise a pasted page; length is short, medium or long."""
    try:
        summary = document(text or "").summary(length=length)
    except Exception as exc:  # noqa: BLE001 - shown as one sentence
        raise gr.Error(_message(exc)) from None
    return {
        "summary": summary.text,
        "method": summary.method,
        "model": summary.model,
        "chunks": summary.chunks,
        "seconds": round(summary.seconds, 3),
    }


def api_ask(text: str, question: str, top_k: int = 1) -> list[dict[str, Any]]:
    """Answer a question about a pasted page: answers with scores and offsets."""
    try:
        doc = document(text or "")
        answers = doc.ask(question or "", top_k=max(1, min(int(top_k), MAX_ALTERNATIVES + 1)))
    except Exception as exc:  # noqa: BLE001 - shown as one sentence
        raise gr.Error(_message(exc)) from None
    return [
        {
            "text": a.text,
            "score": round(a.score, 6),
            "start": a.start,
            "end": a.end,
            "original_start": a.original_start,
            "original_end": a.original_end,
            "method": a.method,
            "model": a.model,
        }
        for a in answers
    ]


# --- UI handlers -----------------------------------------------------------------------


def on_upload(data: bytes | None) -> tuple[str, str]:
    """Put an uploaded file's text in the article box (type decided by content)."""
    if data is None:
        return gr.update(), ""
    try:
        return read_bytes(data, "upload", Limits()), ""
    except Exception as exc:  # noqa: BLE001 - shown as one sentence
        return gr.update(), _status(_message(exc))


def on_fetch(url: str) -> tuple[str, str]:
    """Fetch a public web page into the article box."""
    try:
        return fetch_url((url or "").strip()), ""
    except Exception as exc:  # noqa: BLE001 - shown as one sentence
        return gr.update(), _status(_message(exc))


def on_clean(text: str) -> tuple[str, str, str]:
    try:
        doc = document(text or "")
    except Exception as exc:  # noqa: BLE001 - shown as one sentence
        return "", "", _status(_message(exc))
    removed = "\n".join(doc.cleaned.removed) or "(nothing)"
    return doc.text, removed, ""


def on_summarise(
    text: str, length: str, progress: gr.Progress = gr.Progress()
) -> tuple[str, str, str]:
    began = time.monotonic()

    def report(done: int, total: int) -> None:
        # called at least once a second while the engine works, so the bar never stalls
        seconds = time.monotonic() - began
        progress(done / max(total, 1), desc=f"{done} of {total} chunks done, {seconds:.0f} s")

    try:
        doc = document(text or "")
        progress(0, desc="summarising")
        summary = doc.summary(length=length, progress=report)
    except Exception as exc:  # noqa: BLE001 - shown as one sentence
        return "", "", _status(_message(exc))
    label = "abstractive" if summary.method == "abstractive" else "extractive (no summariser model)"
    meta = (
        f"**Method:** {label} · **model:** `{html.escape(summary.model)}` · "
        f"**chunks:** {summary.chunks} · **time:** {summary.seconds:.1f}s"
    )
    return summary.text, meta, ""


def on_ask(
    text: str, question: str, alternatives: bool, history: list[dict[str, str]] | None
) -> tuple[list[dict[str, str]], list[tuple[str, str | None]], str, str]:
    history = list(history or [])
    try:
        doc = document(text or "")
        answers = doc.ask(question or "", top_k=1 + MAX_ALTERNATIVES if alternatives else 1)
    except Exception as exc:  # noqa: BLE001 - shown as one sentence
        return history, [], _status(_message(exc)), question
    history.append({"role": "user", "content": html.escape(question.strip())})
    history.append({"role": "assistant", "content": _reply(answers)})
    return history, evidence(doc, answers[0]) if answers else [], "", ""


def _reply(answers: list[Answer]) -> str:
    if not answers:
        return "I could not find an answer to that in the text."
    best, rest = answers[0], answers[1:]
    if best.method == "passage":
        lines = [
            f"No question-answering model is installed, so here is the best-matching passage "
            f"({best.score:.0%} match):",
            f"> {html.escape(best.text)}",
        ]
    else:
        lines = [f"**{html.escape(best.text)}** — {best.score:.0%} confidence"]
    if rest:
        lines.append(
            "Alternatives: " + "; ".join(f"{html.escape(a.text)} ({a.score:.0%})" for a in rest)
        )
    return "\n\n".join(lines)


def evidence(doc: Document, answer: Answer) -> list[tuple[str, str | None]]:
    """The sentence(s) around the answer, with the answer highlighted."""
    start = answer.evidence_start if answer.evidence_start is not None else answer.start
    end = answer.evidence_end if answer.evidence_end is not None else answer.end
    text = doc.text
    label = "answer" if answer.method == "reader" else "evidence"
    return [
        (text[start : answer.start], None),
        (text[answer.start : answer.end], label),
        (text[answer.end : end], None),
    ]


def on_example() -> tuple[str, str]:
    return example_article(), EXAMPLE_QUESTIONS[0]


def build_app() -> gr.Blocks:
    """Build the Blocks app (no model is loaded here; see :func:`warm_up`)."""
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

        private = {"api_visibility": "private"}
        upload.upload(on_upload, upload, [article, status], **private)
        fetch.click(on_fetch, url, [article, status], **private)
        example.click(on_example, None, [article, question], **private)
        clean_button.click(on_clean, article, [cleaned, removed, status], **private)
        summarise_button.click(on_clean, article, [cleaned, removed, status], **private).then(
            on_summarise, [article, length], [summary, summary_meta, status], **private
        )
        ask_inputs = [article, question, alternatives, chat]
        ask_outputs = [chat, proof, status, question]
        ask_button.click(on_ask, ask_inputs, ask_outputs, **private)
        question.submit(on_ask, ask_inputs, ask_outputs, **private)
        gr.api(api_clean, api_name="clean")
        gr.api(api_summarise, api_name="summarise")
        gr.api(api_ask, api_name="ask")
    app.queue(default_concurrency_limit=CONCURRENCY, max_size=64)
    return app


def warm_up() -> None:
    """Load every model once, before the first visitor, with a tiny example."""
    doc = Document(example_article(), **DOCUMENT_OPTIONS)
    doc.summary(length="short")
    doc.ask(EXAMPLE_QUESTIONS[0])
    log.info(
        "Warm: summariser %s, reader %s, embedder %s",
        doc.summariser.name if doc.summariser else "extractive fallback",
        doc.reader.name if doc.reader else "passage fallback",
        doc.embedder.name if doc.embedder else "lexical fallback",
    )


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
    env_port = os.environ.get("GRADIO_SERVER_PORT")
    _, url, _ = app.launch(
        server_name=host or os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
        server_port=port or (int(env_port) if env_port else None),
        share=False,
        max_file_size=Limits().max_file_bytes,
        show_error=False,
        footer_links=["api"],
        prevent_thread_lock=not block,
        quiet=not block,
    )
    return str(url)
