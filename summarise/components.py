"""The models a document is read with, built in one place, each with its labelled fallback.

The web app, the CLI, the batch job and :class:`~summarise.document.Document`
all describe the models they want with :class:`ModelSettings` and get them
from :class:`Components`, which builds each role on first use. A role that
cannot be built (no checkpoint here, a download that failed) and was not asked
for by name becomes ``None``, and the caller uses the fallback: an extractive
summary, passage answers, lexical ranking. ``reasons`` keeps, per role, the one
sentence that says what is missing and how to get it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from summarise.errors import ModelError
from summarise.models.checkpoint import Checkpoint
from summarise.models.embedder import Embedder
from summarise.qa.passages import Retriever
from summarise.qa.reader import Reader
from summarise.summary.summariser import Summariser

log = logging.getLogger(__name__)

ROLES = ("summariser", "reader", "embedder")
FALLBACKS = {
    "summariser": "an extractive summary",
    "reader": "passage answers",
    "embedder": "lexical ranking",
}


@dataclass(frozen=True)
class ModelSettings:
    """Which model plays each role and how the models run.

    Each role takes an instance; a Hub id or folder, or ``True`` for the
    default, each an error if it cannot be loaded; ``None`` for the default if
    one loads and the fallback otherwise; or ``False`` for the fallback.
    """

    summariser: Summariser | str | bool | None = None
    reader: Reader | str | bool | None = None
    embedder: Embedder | str | bool | None = None
    device: str = "auto"  # cpu, cuda, mps or auto (CUDA when present)
    engine: str | None = None  # summariser engine: auto, torch, ctranslate2 (None: environment)
    quantize: bool | None = None  # summariser int8 on the engine (None: the engine's default)
    max_seq_len: int | None = None  # reader window in tokens (None: automatic)
    doc_stride: int = 128  # reader window overlap
    passages: int = 4  # passages a long document is narrowed to (0: all)


class Components:
    """The summariser, reader, embedder and retriever for some settings, built on first use."""

    def __init__(self, settings: ModelSettings | None = None) -> None:
        self.settings = settings or ModelSettings()
        self.reasons: dict[str, str] = {}
        self._built: dict[str, Any] = {}
        self._lock = threading.RLock()

    @property
    def summariser(self) -> Summariser | None:
        """The abstractive summariser, or ``None``: summaries are extractive."""
        return self._get("summariser")

    @property
    def reader(self) -> Reader | None:
        """The extractive reader, or ``None``: answers are evidence passages."""
        return self._get("reader")

    @property
    def embedder(self) -> Embedder | None:
        """The sentence encoder, or ``None``: ranking is lexical."""
        return self._get("embedder")

    @property
    def retriever(self) -> Retriever:
        """Passage ranking for long documents, shared so its index cache is too."""
        with self._lock:
            if "retriever" not in self._built:
                self._built["retriever"] = Retriever(self.embedder, passages=self.settings.passages)
            return self._built["retriever"]

    def load(self) -> Components:
        """Build every role now (servers and batch workers, before the first request)."""
        for role in ROLES:
            self._get(role)
        return self

    def describe(self) -> dict[str, str]:
        """Per role, the model's name or the fallback used instead."""
        return {
            role: model.name if (model := self._get(role)) else f"{FALLBACKS[role]} (fallback)"
            for role in ROLES
        }

    def _get(self, role: str) -> Any:
        with self._lock:
            if role not in self._built:
                self._built[role] = self._build(role)
            return self._built[role]

    def _build(self, role: str) -> Checkpoint | None:
        arg = getattr(self.settings, role)
        if isinstance(arg, Checkpoint):
            return arg
        if arg is False:
            return None
        try:
            component = self._make(role, arg if isinstance(arg, str) else None)
            component.load()
            return component
        except ModelError as exc:
            if arg:
                raise  # asked for by name: the error stands
            reason = f"No {role} model could be loaded, so {FALLBACKS[role]} instead. {exc}"
            self.reasons[role] = reason
            log.warning("%s", reason)
            return None

    def _make(self, role: str, name: str | None) -> Checkpoint:
        s = self.settings
        if role == "summariser":
            return Summariser(name, s.device, s.quantize, engine=s.engine)
        if role == "reader":
            return Reader(name, s.device, False, s.max_seq_len, s.doc_stride)
        return Embedder(name, s.device)
