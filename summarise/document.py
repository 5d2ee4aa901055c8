"""A cleaned document with its summary and answers: the package's main API.

``Document(raw)`` cleans once; ``summary()`` and ``ask()`` then use the best
models that can be resolved here (see :mod:`summarise.components`) and fall
back, clearly labelled, when none can: an extractive summary instead of an
abstractive one, evidence sentences instead of extracted answers, lexical
ranking when there is no encoder.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Sequence
from functools import cached_property

from summarise.claims.verify import Claim, Verifier
from summarise.cleaner.pipeline import Cleaned, clean
from summarise.components import Components, ModelSettings
from summarise.errors import InputError
from summarise.language.sentences import sentence_spans
from summarise.models.embedder import Embedder
from summarise.qa.evidence import passage_answers, passage_threshold
from summarise.qa.reader import Reader
from summarise.qa.spans import AskOptions
from summarise.results import Answer, Summary
from summarise.settings import Limits
from summarise.summary.extractive import extractive_summary
from summarise.summary.summariser import Summariser

log = logging.getLogger(__name__)

LENGTHS: dict[str, tuple[int, int]] = {"short": (15, 45), "medium": (40, 90), "long": (80, 170)}


class Document:
    """A pasted page, cleaned once, that can be summarised and questioned.

    The models come from ``components`` (shared between documents by the web
    app, the CLI and the batch job) or, without it, from the model arguments,
    read as :class:`~summarise.components.ModelSettings` reads them: an
    instance, a Hub id or folder, ``None`` to resolve the default, or
    ``False`` to use the labelled fallback directly. ``engine`` and
    ``quantize`` choose how a summariser made here generates (see
    :class:`Summariser`). ``language`` (a code such as ``de``) overrides the
    detected language, which picks the models (see
    :class:`~summarise.components.ModelSettings`), the sentence rules and the
    stop words.
    """

    def __init__(
        self,
        raw: str,
        summariser: Summariser | str | bool | None = None,
        reader: Reader | str | bool | None = None,
        embedder: Embedder | str | bool | None = None,
        device: str = "auto",
        quantize: bool | None = None,
        limits: Limits | None = None,
        components: Components | None = None,
        engine: str | None = None,
        language: str | None = None,
    ) -> None:
        self.limits = limits or Limits()
        self.limits.check_text(raw)
        if not raw.strip():
            raise InputError("The text is empty; paste an article or upload a file.")
        self.raw = raw
        self.cleaned: Cleaned = clean(raw, deadline=self.limits.deadline())
        if not self.cleaned.text.strip():
            raise InputError(
                "No article text was found: the input looks like page furniture only; "
                "paste the article's paragraphs."
            )
        self.language = _language(language) if language else self.cleaned.language
        self.components = components or Components(
            ModelSettings(summariser, reader, embedder, device, engine=engine, quantize=quantize)
        )
        self._summaries: dict[tuple[int | None, int | None, int | None], Summary] = {}

    @property
    def text(self) -> str:
        return self.cleaned.text

    @property
    def title(self) -> str:
        return self.cleaned.title

    @property
    def embedder(self) -> Embedder | None:
        """The sentence encoder for the document's language, or ``None`` (lexical ranking)."""
        return self.components.embedder_for(self.language)

    @property
    def summariser(self) -> Summariser | None:
        """The document's language's summariser, or ``None`` when no checkpoint resolves."""
        return self.components.summariser_for(self.language)

    @property
    def reader(self) -> Reader | None:
        """The document's language's reader, or ``None`` when no checkpoint resolves."""
        return self.components.reader_for(self.language)

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
            summary = extractive_summary(
                body, self.embedder, max_words, min_words, language=self.language
            )
        else:
            summary = self.summariser.summarise(
                body,
                min_words,
                max_words,
                num_beams,
                progress,
                self.limits.deadline(),
                language=self.language,
            )
        summary.claims = self.verify(summary.text)
        self._summaries[key] = summary
        return summary

    @cached_property
    def _verifier(self) -> Verifier:
        return Verifier(
            self.text,
            self.embedder,
            language=self.language,
            spans=self._sentences,
            to_original=self.cleaned.to_original,
        )

    def verify(self, summary_text: str) -> list[Claim]:
        """Check each sentence of a summary against the article: its evidence
        sentences (offsets into cleaned and raw text) and the names, numbers, dates,
        amounts and quotes the evidence does not state (offsets in the summary)."""
        self.limits.check_text(summary_text)
        return self._verifier.verify(summary_text)

    def ask(
        self,
        question: str,
        top_k: int = 1,
        min_score: float = 0.0,
        passages: int | None = None,
    ) -> list[Answer]:
        """Answer ``question`` from the cleaned text; ``[]``: the text does not seem to say."""
        return self.ask_many([question], top_k, min_score, passages)[0]

    def ask_many(
        self,
        questions: Sequence[str],
        top_k: int = 1,
        min_score: float = 0.0,
        passages: int | None = None,
    ) -> list[list[Answer]]:
        """Answer several questions in batched passes; offsets into cleaned and raw text.

        Without a reader, the best-matching sentences answer, but only those
        scoring at least :func:`~summarise.qa.evidence.passage_threshold`: below
        it the text does not seem to say (see :meth:`hint`). ``passages``
        narrows a long document to its best passages (default: the
        components' setting; 0 reads everything).
        """
        questions = self._checked(questions)
        if self.reader is None:
            floor = max(min_score, passage_threshold(self.embedder))
            results = [[a for a in self._passages(q, top_k) if a.score >= floor] for q in questions]
        else:
            options = AskOptions(top_k=top_k, min_score=min_score)
            spans = None
            if not self.reader.fits(self.text):
                retriever = self.components.retriever_for(self.language)
                spans = retriever.select(questions, self.text, passages)
            results = self.reader.answer(
                questions, self.text, options, spans, deadline=self.limits.deadline()
            )
        return [[self._locate(a) for a in answers] for answers in results]

    def hint(self, question: str) -> Answer | None:
        """The sentence that best matches ``question``, however weakly: what to show,
        labelled as a hint, when :meth:`ask` finds no answer."""
        [question] = self._checked([question])
        best = self._passages(question, 1)
        return self._locate(best[0]) if best else None

    def _passages(self, question: str, top_k: int) -> list[Answer]:
        return passage_answers(question, self.text, self.embedder, top_k, language=self.language)

    def _checked(self, questions: Sequence[str]) -> list[str]:
        questions = [q.strip() for q in questions]
        self.limits.check_questions(questions)
        if any(not q for q in questions):
            raise InputError("A question is empty; type a question about the text.")
        return questions

    @cached_property
    def _sentences(self) -> list[tuple[int, int]]:
        return sentence_spans(self.text, self.language)

    def _locate(self, answer: Answer) -> Answer:
        """The answer with its raw-input offsets and its evidence sentence(s)."""
        original = self.cleaned.to_original(answer.start, answer.end)
        spans = self._sentences
        starts = [s for s, _ in spans]
        first = max(0, bisect.bisect_right(starts, answer.start) - 1)
        last = max(first, bisect.bisect_right(starts, max(answer.start, answer.end - 1)) - 1)
        if spans:
            evidence = (min(spans[first][0], answer.start), max(spans[last][1], answer.end))
        else:
            evidence = (answer.start, answer.end)
        return answer.located(original, evidence)


def _language(code: str) -> str:
    """A language code as given by a user ("de", "FR"), checked and lower-cased."""
    language = code.strip().lower()
    if not re.fullmatch(r"[a-z]{2,3}", language):
        raise InputError(
            f"'{code}' is not a language code; give two or three letters such as de, fr or es."
        )
    return language
