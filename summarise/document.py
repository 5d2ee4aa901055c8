"""A cleaned document with its summary and answers: the package's main API.

``Document(raw)`` cleans once; ``summary()`` and ``ask()`` then use the best
models that can be resolved here and fall back, clearly labelled, when none
can: an extractive summary instead of an abstractive one, evidence sentences
instead of extracted answers, lexical ranking when there is no encoder.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any

from .clean import Cleaned, clean
from .embedder import Embedder
from .errors import InputError, ModelError
from .extractive import extractive_summary, passage_answers
from .limits import Limits
from .reader import Answer, Reader
from .retrieval import Retriever
from .sentences import sentence_spans
from .summariser import Summariser, Summary

log = logging.getLogger(__name__)

LENGTHS: dict[str, tuple[int, int]] = {"short": (15, 45), "medium": (40, 90), "long": (80, 170)}


def _name(arg: object) -> str | None:
    """A model name or folder from a constructor argument (``None``/``True``: resolve)."""
    return arg if isinstance(arg, str) else None


class Document:
    """A pasted page, cleaned once, that can be summarised and questioned.

    Each model argument takes an instance, a Hub id or folder, ``None`` to
    resolve the default, or ``False`` to use the labelled fallback directly.
    ``engine`` and ``quantize`` choose how a summariser made here generates
    (see :class:`Summariser`).
    """

    def __init__(
        self,
        raw: str,
        summariser: Summariser | str | bool | None = None,
        reader: Reader | str | bool | None = None,
        embedder: Embedder | str | bool | None = None,
        device: str = "cpu",
        quantize: bool | None = None,
        limits: Limits | None = None,
        engine: str | None = None,
    ) -> None:
        self.limits = limits or Limits()
        self.limits.check_text(raw)
        if not raw.strip():
            raise InputError("The text is empty; paste an article or upload a file.")
        self.raw = raw
        self.cleaned: Cleaned = clean(raw)
        if not self.cleaned.text.strip():
            raise InputError(
                "No article text was found: the input looks like page furniture only; "
                "paste the article's paragraphs."
            )
        self.device = device
        self.quantize = quantize
        self.engine = engine
        self._summariser_arg = summariser
        self._reader_arg = reader
        self._embedder_arg = embedder
        self._summaries: dict[tuple[int | None, int | None, int | None], Summary] = {}

    @property
    def text(self) -> str:
        return self.cleaned.text

    @property
    def title(self) -> str:
        return self.cleaned.title

    def _optional(
        self, arg: Any, kind: type, what: str, fallback: str, *args: Any, **kwargs: Any
    ) -> Any:
        """An instance of ``kind`` for ``arg``, or ``None`` (the fallback) when no
        checkpoint resolves and none was asked for by name."""
        if isinstance(arg, kind) or arg is False:
            return arg or None
        try:
            component = kind(_name(arg), *args, **kwargs)
            component.load()
            return component
        except ModelError as exc:
            if arg:
                raise
            log.warning("No %s (%s); %s.", what, exc, fallback)
            return None

    @cached_property
    def embedder(self) -> Embedder | None:
        """The sentence encoder, or ``None`` (lexical ranking) when none resolves."""
        return self._optional(
            self._embedder_arg, Embedder, "sentence encoder", "using lexical ranking", self.device
        )

    @cached_property
    def summariser(self) -> Summariser | None:
        """The abstractive summariser, or ``None`` when no checkpoint resolves."""
        return self._optional(
            self._summariser_arg,
            Summariser,
            "summariser checkpoint",
            "using an extractive summary",
            self.device,
            self.quantize,
            engine=self.engine,
        )

    @cached_property
    def reader(self) -> Reader | None:
        """The extractive reader, or ``None`` when no checkpoint resolves."""
        reader = self._optional(
            self._reader_arg,
            Reader,
            "reader checkpoint",
            "answering with passages",
            self.device,
        )
        if reader is not None and reader.retriever is None:
            reader.retriever = Retriever(self.embedder)
        return reader

    def summary(
        self,
        length: str | None = None,
        min_words: int | None = None,
        max_words: int | None = None,
        num_beams: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Summary:
        """Summarise the cleaned body; ``length`` is short, medium or long."""
        if length is not None:
            if length not in LENGTHS:
                raise InputError(f"Unknown length '{length}'; use short, medium or long.")
            min_words, max_words = LENGTHS[length]
        key = (min_words, max_words, num_beams)
        if key in self._summaries:  # the same settings again: the same summary, at once
            return self._summaries[key]
        body = self.cleaned.body or self.cleaned.text
        if self.summariser is None:
            summary = extractive_summary(body, self.embedder, max_words, min_words)
        else:
            summary = self.summariser.summarise(
                body, min_words, max_words, num_beams, progress, self.limits.deadline()
            )
        self._summaries[key] = summary
        return summary

    def ask(
        self,
        question: str,
        top_k: int = 1,
        min_score: float = 0.0,
        passages: int | None = None,
    ) -> list[Answer]:
        """Answer ``question`` from the cleaned text; ``[]`` means no answer found."""
        return self.ask_many([question], top_k, min_score, passages)[0]

    def ask_many(
        self,
        questions: Sequence[str],
        top_k: int = 1,
        min_score: float = 0.0,
        passages: int | None = None,
    ) -> list[list[Answer]]:
        """Answer several questions in batched passes; offsets into cleaned and raw text."""
        questions = [q.strip() for q in questions]
        self.limits.check_questions(questions)
        if any(not q for q in questions):
            raise InputError("A question is empty; type a question about the text.")
        if self.reader is None:
            results = [passage_answers(q, self.text, self.embedder, top_k) for q in questions]
        else:
            results = self.reader.ask_many(
                questions,
                self.text,
                top_k=top_k,
                min_score=min_score,
                passages=passages,
                deadline=self.limits.deadline(),
            )
        for answers in results:
            for answer in answers:
                self._locate(answer)
        return results

    @cached_property
    def _sentences(self) -> list[tuple[int, int]]:
        return sentence_spans(self.text, self.cleaned.language)

    def _locate(self, answer: Answer) -> None:
        """Fill the answer's raw-input offsets and its evidence sentence(s)."""
        answer.original_start, answer.original_end = self.cleaned.to_original(
            answer.start, answer.end
        )
        spans = self._sentences
        starts = [s for s, _ in spans]
        first = max(0, bisect.bisect_right(starts, answer.start) - 1)
        last = max(first, bisect.bisect_right(starts, max(answer.start, answer.end - 1)) - 1)
        if spans:
            answer.evidence_start = min(spans[first][0], answer.start)
            answer.evidence_end = max(spans[last][1], answer.end)
        else:
            answer.evidence_start, answer.evidence_end = answer.start, answer.end
