"""What the web app does on each event and named endpoint, and the models it uses.

Everything a person typed or uploaded is shown as text, never as HTML: the
chat history is escaped, the evidence goes through ``HighlightedText``, which
renders plain text, and the claims view escapes every piece of text it shows
(see :mod:`summarise.claims.view`). Errors are shown as one sentence in the
page; no traceback ever reaches the browser. :mod:`summarise.apps.web.app` lays these out.
"""

from __future__ import annotations

import functools
import html
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import gradio as gr

from summarise.apps.web import zerogpu
from summarise.cache import TextCache
from summarise.claims.view import claims_html
from summarise.components import Components, ModelSettings
from summarise.document import Document
from summarise.errors import SummariseError
from summarise.ingest.files import read_bytes
from summarise.ingest.url import fetch_url
from summarise.results import NO_ANSWER, Answer
from summarise.settings import Limits

log = logging.getLogger(__name__)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_QUESTIONS = [
    "Who is the EU chief negotiator?",
    "Who chairs the talks?",
    "How long will the negotiations last?",
]
MAX_ALTERNATIVES = 3
R = TypeVar("R")

_STATE: dict[str, Components] = {"components": Components()}  # set by serve or tests
_DOCS: TextCache[Document] = TextCache(16)


def configure(components: Components | None = None, **settings: Any) -> None:
    """Set the models every document uses (``components``, or :class:`ModelSettings`
    fields such as ``reader=``) and drop documents cleaned under the previous ones.
    On ZeroGPU the summariser and reader get their GPU copies (:mod:`.zerogpu`)."""
    _STATE["components"] = zerogpu.components(components or Components(ModelSettings(**settings)))
    _DOCS.clear()


def components() -> Components:
    """The models the app answers with."""
    return _STATE["components"]


def example_article() -> str:
    return (EXAMPLES / "fisheries_talks_page.txt").read_text(encoding="utf-8")


# the language selector's choices: (label, value); "auto" keeps the detected language
LANGUAGES = [
    ("Detect", AUTO_LANGUAGE := "auto"),
    ("English", "en"),
    ("German", "de"),
    ("French", "fr"),
    ("Spanish", "es"),
    ("Italian", "it"),
    ("Portuguese", "pt"),
    ("Dutch", "nl"),
]


def document(text: str, language: str | None = AUTO_LANGUAGE) -> Document:
    """The cleaned document for ``text``, cached so follow-up questions skip cleaning;
    ``language`` (a code) overrides the detected one."""
    if not language or language == AUTO_LANGUAGE:
        return _DOCS.get(text, lambda t: Document(t, components=components()))
    chosen = language
    return _DOCS.get(
        f"{chosen}\0{text}", lambda _: Document(text, components=components(), language=chosen)
    )


def _message(exc: Exception) -> str:
    if isinstance(exc, SummariseError):
        return str(exc)
    log.exception("Unexpected failure")
    return "Something went wrong on our side; please try again, and report it if it persists."


def _status(text: str) -> str:
    return f"⚠️ {html.escape(text)}" if text else ""


def _api(action: Callable[[], R]) -> R:
    """Run an API endpoint's work; a failure reaches the client as one sentence."""
    try:
        return action()
    except Exception as exc:  # noqa: BLE001 - shown as one sentence
        raise gr.Error(_message(exc)) from None


def _shown(failed: Callable[..., R]) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Make a UI handler show a failure as one sentence in the status line;
    ``failed(status, *inputs)`` gives what the handler's outputs become then."""

    def decorate(handler: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(handler)
        def run(*args: Any, **kwargs: Any) -> R:
            try:
                return handler(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - shown as one sentence
                return failed(_status(_message(exc)), *args)

        return run

    return decorate


# --- API functions (named endpoints for gradio_client) ---------------------------------


def api_clean(text: str) -> dict[str, Any]:
    """Clean a pasted page: title, text and the lines removed."""
    doc = _api(lambda: document(text or ""))
    return {"title": doc.title, "text": doc.text, "removed": doc.cleaned.removed}


def api_summarise(
    text: str, length: str = "medium", language: str = AUTO_LANGUAGE
) -> dict[str, Any]:
    """Summarise a pasted page; length is short, medium or long; language is a code
    (de, fr...) or auto (detected)."""
    summary = _api(lambda: document(text or "", language).summary(length=length))
    data = summary.to_dict()
    return {"summary": data.pop("text"), **data}


def api_ask(
    text: str, question: str, top_k: int = 1, language: str = AUTO_LANGUAGE
) -> list[dict[str, Any]]:
    """Answer a question about a pasted page: answers with scores and offsets
    (an empty list: the text does not seem to say); language as for summarise."""
    k = max(1, min(int(top_k), MAX_ALTERNATIVES + 1))
    answers = _api(lambda: document(text or "", language).ask(question or "", top_k=k))
    return [a.to_dict() for a in answers]


# --- UI handlers -----------------------------------------------------------------------


@_shown(lambda status, *_: (gr.update(), status))
def on_upload(data: bytes | None) -> tuple[Any, str]:
    """Put an uploaded file's text in the article box (type decided by content)."""
    if data is None:
        return gr.update(), ""
    return read_bytes(data, "upload", Limits()), ""


@_shown(lambda status, *_: (gr.update(), status))
def on_fetch(url: str) -> tuple[Any, str]:
    """Fetch a public web page into the article box."""
    return fetch_url((url or "").strip()), ""


def _cleaned(doc: Document) -> tuple[str, str]:
    """The cleaned-text and removed-lines panels, filled by every action that cleans."""
    return doc.text, "\n".join(doc.cleaned.removed) or "(nothing)"


@_shown(lambda status, *_: ("", "", status))
def on_clean(text: str) -> tuple[str, str, str]:
    return (*_cleaned(document(text or "")), "")


@_shown(lambda status, *_: ("", "", "", "", "", status))
def on_summarise(
    text: str,
    length: str,
    progress: gr.Progress = gr.Progress(),
    language: str = AUTO_LANGUAGE,
) -> tuple[str, str, str, str, str, str]:
    """Summarise; Gradio fills ``progress`` itself and ``language`` from the third input."""
    began = time.monotonic()

    def report(done: int, total: int) -> None:
        # called at least once a second while the engine works, so the bar never stalls
        seconds = time.monotonic() - began
        progress(done / max(total, 1), desc=f"{done} of {total} chunks done, {seconds:.0f} s")

    doc = document(text or "", language)
    progress(0, desc="summarising")
    with zerogpu.notices() as notices:
        summary = doc.summary(length=length, progress=report)
    label = "abstractive" if summary.method == "abstractive" else "extractive (no summariser model)"
    meta = (
        f"**Method:** {label} · **model:** `{html.escape(summary.model)}` · "
        f"**chunks:** {summary.chunks} · **time:** {summary.seconds:.1f}s"
    )
    claims = claims_html(doc.text, summary.claims)
    return (*_cleaned(doc), summary.text, meta, claims, _status(" ".join(notices)))


@_shown(
    lambda status, text, question, alternatives, history, *_: (
        gr.update(),
        gr.update(),
        list(history or []),
        [],
        status,
        question,
    )
)
def on_ask(
    text: str,
    question: str,
    alternatives: bool,
    history: list[dict[str, str]] | None,
    language: str = AUTO_LANGUAGE,
) -> tuple[Any, ...]:
    history = list(history or [])
    doc = document(text or "", language)
    with zerogpu.notices() as notices:
        answers = doc.ask(question or "", top_k=1 + MAX_ALTERNATIVES if alternatives else 1)
    hint = None if answers else doc.hint(question)
    history.append({"role": "user", "content": html.escape(question.strip())})
    history.append({"role": "assistant", "content": _reply(answers, hint)})
    shown = answers[0] if answers else hint
    status = _status(" ".join(notices))
    return (*_cleaned(doc), history, evidence(doc, shown) if shown else [], status, "")


def _reply(answers: list[Answer], hint: Answer | None = None) -> str:
    if not answers:
        if hint is None:
            return NO_ANSWER
        return (
            f"{NO_ANSWER} The closest passage, only as a hint ({hint.score:.0%} match):"
            f"\n\n> {html.escape(hint.text)}"
        )
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
