"""The models a document is read with, built in one place, each with its labelled fallback.

The web app, the CLI, the batch job and :class:`~summarise.document.Document`
all describe the models they want with :class:`ModelSettings` and get them
from :class:`Components`, which builds each role on first use. A role that
cannot be built (no checkpoint here, a download that failed) and was not asked
for by name becomes ``None``, and the caller uses the fallback: an extractive
summary, passage answers, lexical ranking. ``reasons`` keeps, per role, the one
sentence that says what is missing and how to get it.

The summariser and the reader are chosen per language: each takes one choice
for every language, or a mapping from language codes to choices, with ``*``
for every language not listed (``{"en": "sshleifer/distilbart-cnn-12-6", "*":
"csebuetnlp/mT5_multilingual_XLSum"}``). A language gets its own entry, else
``*``'s, else the shipped default for it (English models for ``en``,
multilingual ones for the rest). Each model is built once, when the first
document it serves arrives. The English sentence encoder ranks English text
only, unless one is named: other languages rank lexically (see README,
Languages).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from summarise import settings as environment
from summarise.errors import ModelError
from summarise.models import resolution
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


SummariserChoice = Summariser | str | bool | None
ReaderChoice = Reader | str | bool | None
PER_ROLE = ("summariser", "reader")  # the roles chosen per language


@dataclass(frozen=True)
class ModelSettings:
    """Which model plays each role and how the models run.

    Each role takes an instance; a Hub id or folder, or ``True`` for the
    default, each an error if it cannot be loaded; ``None`` for the default if
    one loads and the fallback otherwise; or ``False`` for the fallback. The
    summariser and the reader also take a mapping of such choices by language
    code, ``*`` standing for every language not listed.
    """

    summariser: SummariserChoice | Mapping[str, SummariserChoice] = None
    reader: ReaderChoice | Mapping[str, ReaderChoice] = None
    embedder: Embedder | str | bool | None = None
    device: str = "auto"  # cpu, cuda, mps or auto (CUDA when present)
    engine: str | None = None  # summariser engine: auto, torch, ctranslate2 (None: environment)
    quantize: bool | None = None  # summariser int8 on the engine (None: the engine's default)
    max_seq_len: int | None = None  # reader window in tokens (None: automatic)
    doc_stride: int = 128  # reader window overlap
    passages: int = 4  # passages a long document is narrowed to (0: all)


class Components:
    """The summariser, reader, embedder and retriever for some settings, built on first use.

    The summariser and reader properties are the English ones; :meth:`summariser_for`
    and :meth:`reader_for` pick by language.
    """

    def __init__(self, settings: ModelSettings | None = None) -> None:
        self.settings = settings or ModelSettings()
        self.reasons: dict[str, str] = {}
        self._built: dict[tuple[str, str], Any] = {}
        self._lock = threading.RLock()

    @property
    def summariser(self) -> Summariser | None:
        """The English abstractive summariser, or ``None``: summaries are extractive."""
        return self.summariser_for(resolution.ENGLISH)

    @property
    def reader(self) -> Reader | None:
        """The English extractive reader, or ``None``: answers are evidence passages."""
        return self.reader_for(resolution.ENGLISH)

    @property
    def embedder(self) -> Embedder | None:
        """The sentence encoder, or ``None``: ranking is lexical."""
        return self._get("embedder", resolution.ENGLISH)

    @property
    def retriever(self) -> Retriever:
        """Passage ranking for English documents (see :meth:`retriever_for`)."""
        return self.retriever_for(resolution.ENGLISH)

    def summariser_for(self, language: str) -> Summariser | None:
        """The summariser of documents in ``language`` (a code), or ``None``: extractive."""
        return self._get("summariser", self.key("summariser", language))

    def reader_for(self, language: str) -> Reader | None:
        """The reader of documents in ``language`` (a code), or ``None``: passage answers."""
        return self._get("reader", self.key("reader", language))

    def embedder_for(self, language: str) -> Embedder | None:
        """The encoder that ranks text in ``language``: the shipped English encoder for
        English only (it has not been measured to help elsewhere), a named one for all."""
        named = self.settings.embedder or environment.current().checkpoints.get("embedder")
        if language != resolution.ENGLISH and not named:
            return None
        return self.embedder

    def retriever_for(self, language: str) -> Retriever:
        """Passage ranking for documents in ``language``, shared so its index cache is too."""
        with self._lock:
            if ("retriever", language) not in self._built:
                self._built[("retriever", language)] = Retriever(
                    self.embedder_for(language), passages=self.settings.passages, language=language
                )
            return self._built[("retriever", language)]

    def key(self, role: str, language: str) -> str:
        """The language key whose model serves ``language`` for ``role``: the language's
        own entry, else ``*``'s, else the shipped default's key."""
        asked = self._asked(role)
        if language in asked:
            return language
        if "*" in asked:
            return "*"
        return language if language in resolution.DEFAULTS[role] else "*"

    def load(self, languages: tuple[str, ...] = (resolution.ENGLISH,)) -> Components:
        """Build every role for ``languages`` now (servers and batch workers, before the
        first request); other languages' models still load when first needed."""
        self.embedder  # noqa: B018 - built for its side effect
        for language in languages:
            self.summariser_for(language)
            self.reader_for(language)
        return self

    def describe(self) -> dict[str, str]:
        """Per role (and per language key beyond English), the model's name or the
        fallback used instead; only what has been built or asked for so far."""
        self.load()
        described = {}
        with self._lock:
            built = dict(self._built)
        for (role, key), model in built.items():
            if role not in ROLES:
                continue
            label = role if key == resolution.ENGLISH else f"{role} ({key})"
            described[label] = model.name if model else f"{FALLBACKS[role]} (fallback)"
        return described

    def _asked(self, role: str) -> dict[str, Any]:
        """The choices for ``role`` by language key: the settings' over the environment's;
        a single choice (not a mapping) stands for every language."""
        arg = getattr(self.settings, role)
        env = dict(environment.current().checkpoints.get(role, {}))
        if isinstance(arg, Mapping):
            return {**env, **{str(k).lower(): v for k, v in arg.items()}}
        if arg is not None:
            return {"*": arg}
        return env

    def _get(self, role: str, key: str) -> Any:
        with self._lock:
            if (role, key) not in self._built:
                self._built[(role, key)] = self._build(role, key)
            return self._built[(role, key)]

    def _build(self, role: str, key: str) -> Checkpoint | None:
        arg = self._asked(role).get(key) if role in PER_ROLE else self.settings.embedder
        if isinstance(arg, Checkpoint):
            return arg
        if arg is False:
            return None
        try:
            component = self._make(role, arg if isinstance(arg, str) else None, key)
            component.load()
            return component
        except ModelError as exc:
            if arg:
                raise  # asked for by name: the error stands
            where = "" if key == resolution.ENGLISH else f" for {_languages(key)}"
            reason = f"No {role} model{where} could be loaded, so {FALLBACKS[role]} instead. {exc}"
            self.reasons[role if key == resolution.ENGLISH else f"{role} ({key})"] = reason
            log.warning("%s", reason)
            return None

    def _make(self, role: str, name: str | None, key: str) -> Checkpoint:
        s = self.settings
        if role == "summariser":
            return Summariser(name, s.device, s.quantize, engine=s.engine, language=key)
        if role == "reader":
            return Reader(name, s.device, False, s.max_seq_len, s.doc_stride, language=key)
        return Embedder(name, s.device)


def _languages(key: str) -> str:
    return "languages other than English" if key == "*" else f"language '{key}'"
