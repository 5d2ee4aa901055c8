"""Extractive question answering on ``AutoModelForQuestionAnswering``.

What the removed transformers pipeline did right, kept: overlapping windows
over long contexts, span search restricted to context tokens with
``start <= end < start + max_answer_len``, answers widened to whole words, a
null (CLS) answer for SQuAD 2.0 style resolution. What it did not: windows are
padded per batch, not to the maximum, and several questions share batched
forward passes. Span scoring and ranking live in :mod:`summarise.qa.spans`.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from summarise.errors import InputError, LimitError, ModelError
from summarise.models import resolution
from summarise.models.checkpoint import Checkpoint
from summarise.qa.spans import AskOptions, Window, batches, decode
from summarise.results import Answer
from summarise.settings import Deadline

log = logging.getLogger(__name__)

WINDOW = 384  # tokens per window: what SQuAD readers are fine-tuned on
WHOLE = 512  # a passage up to this long (and the model's limit) is read in one window
Spans = Sequence[Sequence[tuple[int, int]]]


class Reader(Checkpoint):
    """Answer questions with spans of a context, like txtai's ``Questions``.

    ``max_seq_len=None`` (the default) reads a passage that fits the model in
    one window of up to 512 tokens and splits longer ones into 384-token
    windows overlapping by ``doc_stride``: one window instead of two costs
    less and lets the model see the whole passage. An explicit ``max_seq_len``
    always splits at that length, exactly as the old pipeline did.
    """

    role = "reader"
    auto_class = "AutoModelForQuestionAnswering"
    missing = (
        "No question-answering model is available offline; run `summarise pull reader` "
        "or pass a local checkpoint folder."
    )

    def __init__(
        self,
        model: str | None = None,
        device: str = "cpu",
        quantize: bool = False,
        max_seq_len: int | None = None,
        doc_stride: int = 128,
        max_question_len: int = 64,
        batch_size: int = 8,
        language: str = "en",
    ) -> None:
        if quantize:
            raise ModelError(
                "The reader has no int8 mode (torch's dynamic quantisation is deprecated and "
                "was dropped); leave quantize off for the reader."
            )
        super().__init__(model, device, quantize, language)
        self.fit_whole = max_seq_len is None
        self.max_seq_len = WINDOW if max_seq_len is None else max_seq_len
        self.doc_stride = doc_stride
        self.max_question_len = max_question_len
        self.batch_size = batch_size

    def load(self) -> tuple[Any, Any]:
        """The (tokenizer, model) pair; a reader needs a fast tokenizer for offsets."""
        tokenizer, model = super().load()
        if not getattr(tokenizer, "is_fast", False):
            raise ModelError(
                f"Reader model '{self.name}' has no fast tokenizer, which answer offsets need; "
                "use a checkpoint that ships tokenizer.json."
            )
        return tokenizer, model

    def ask(
        self,
        question: str,
        context: str,
        top_k: int = 1,
        max_answer_len: int = 30,
        min_score: float = 0.0,
        normalize: str = "global",
        handle_impossible: bool = True,
    ) -> list[Answer]:
        """Return up to ``top_k`` distinct answers to ``question``, best first.

        An empty list means the model abstained (null answer or ``min_score``).
        ``normalize="window"`` scores each window on its own and adds up the
        scores of equal answer texts, as the old pipeline did; ``"global"``
        ranks all windows together.
        """
        options = AskOptions(top_k, max_answer_len, min_score, normalize, handle_impossible)
        return self.answer([question], context, options)[0]

    def ask_many(
        self,
        questions: Sequence[str],
        context: str,
        top_k: int = 1,
        max_answer_len: int = 30,
        min_score: float = 0.0,
        normalize: str = "global",
        handle_impossible: bool = True,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[list[Answer]]:
        """Answer several questions about one context in shared, batched passes."""
        options = AskOptions(top_k, max_answer_len, min_score, normalize, handle_impossible)
        return self.answer(questions, context, options, progress=progress)

    def answer(
        self,
        questions: Sequence[str],
        context: str,
        options: AskOptions | None = None,
        spans: Spans | None = None,
        progress: Callable[[int, int], None] | None = None,
        deadline: Deadline | None = None,
    ) -> list[list[Answer]]:
        """Answer each question from its ``spans`` of ``context`` (default: all of it)."""
        options = options or AskOptions()
        if not context.strip():
            raise InputError("The context is empty; give the reader some text to search.")
        tokenizer, model = self.load()
        windows = self._question_windows(tokenizer, model, questions, context, spans)
        start_logits, end_logits = self._forward(tokenizer, model, windows, progress, deadline)
        results = []
        for qi in range(len(questions)):
            mine = [w for w in range(len(windows)) if windows[w].question == qi]
            results.append(
                decode(windows, mine, start_logits, end_logits, context, options, self.name)
            )
        return results

    def workload(self, questions: Sequence[str], context: str, spans: Spans | None = None) -> int:
        """Tokens the model reads to answer ``questions`` from their ``spans`` of ``context``
        (default: all of it), every window counted: what a GPU is asked for by."""
        tokenizer, model = self.load()
        windows = self._question_windows(tokenizer, model, questions, context, spans)
        return sum(len(w.encoding.ids) for w in windows)

    def _question_windows(
        self,
        tokenizer: Any,
        model: Any,
        questions: Sequence[str],
        context: str,
        spans: Spans | None,
    ) -> list[Window]:
        """The windows the model reads: each question checked, then paired with its
        ``spans`` of ``context`` (default: all of it)."""
        for question in questions:
            self._check_question(tokenizer, question)
        if spans is None:
            spans = [[(0, len(context))] for _ in questions]
        return self._windows(tokenizer, questions, context, spans, self._whole(tokenizer, model))

    def fits(self, text: str) -> bool:
        """Whether ``text`` is short enough (a few windows) to read whole, without retrieval."""
        return len(text.split()) <= 3 * self.max_seq_len * 0.6

    def _check_question(self, tokenizer: Any, question: str) -> None:
        if not question.strip():
            raise InputError("The question is empty; type a question about the text.")
        n = len(tokenizer(question, add_special_tokens=False)["input_ids"])
        if n > self.max_question_len:
            raise LimitError(
                f"The question is {n} tokens long, over the limit of {self.max_question_len}; "
                "shorten it."
            )

    def _whole(self, tokenizer: Any, model: Any) -> int:
        """The longest window a passage that fits is read in (0: always split)."""
        # two positions short of the limit: RoBERTa-style models start positions at 2
        return min(WHOLE, resolution.input_limit(tokenizer, model) - 2) if self.fit_whole else 0

    def _windows(
        self,
        tokenizer: Any,
        questions: Sequence[str],
        context: str,
        spans: Spans,
        whole: int = 0,
    ) -> list[Window]:
        """Tokenise every (question, passage) pair into overlapping windows.

        A passage that fits in ``whole`` tokens gets one window of its own.
        """
        question_first = tokenizer.padding_side == "right"
        windows: list[Window] = []
        for qi, question in enumerate(questions):
            q_len = len(tokenizer(question, add_special_tokens=False)["input_ids"])
            room = self.max_seq_len - q_len - tokenizer.num_special_tokens_to_add(pair=True)
            stride = max(0, min(self.doc_stride, room // 2))
            for start, end in spans[qi]:
                passage = context[start:end]
                pair = (question, passage) if question_first else (passage, question)
                encodings = None
                if whole > self.max_seq_len:
                    encodings = self._split(tokenizer, pair, question_first, whole, 0)
                    if len(encodings) > 1:
                        encodings = None
                if encodings is None:
                    encodings = self._split(
                        tokenizer, pair, question_first, self.max_seq_len, stride
                    )
                windows += [
                    Window(qi, start, passage, e, 1 if question_first else 0) for e in encodings
                ]
        return windows

    @staticmethod
    def _split(
        tokenizer: Any, pair: tuple[str, str], question_first: bool, length: int, stride: int
    ) -> list[Any]:
        """The encodings of one (question, passage) pair cut into ``length``-token windows."""
        batch = tokenizer(
            *pair,
            truncation="only_second" if question_first else "only_first",
            max_length=length,
            stride=stride,
            return_overflowing_tokens=True,
            return_offsets_mapping=True,
            padding=False,
        )
        return list(batch.encodings)

    def _forward(
        self,
        tokenizer: Any,
        model: Any,
        windows: list[Window],
        progress: Callable[[int, int], None] | None,
        deadline: Deadline | None = None,
    ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Run the model over all windows in batches of similar length."""
        import torch

        accepted = inspect.signature(type(model).forward).parameters
        names = {"input_ids", "attention_mask"}
        if "token_type_ids" in tokenizer.model_input_names and "token_type_ids" in accepted:
            names.add("token_type_ids")
        starts: list[np.ndarray] = [np.empty(0)] * len(windows)
        ends: list[np.ndarray] = [np.empty(0)] * len(windows)
        device = next(model.parameters()).device
        groups = batches([len(w.encoding.ids) for w in windows], self.batch_size)
        done = 0
        with torch.inference_mode():
            for chunk in groups:
                if deadline is not None:
                    deadline.check("Answering")
                features = [
                    {
                        "input_ids": windows[i].encoding.ids,
                        "attention_mask": windows[i].encoding.attention_mask,
                        "token_type_ids": windows[i].encoding.type_ids,
                    }
                    for i in chunk
                ]
                padded = tokenizer.pad(features, return_tensors="pt")
                inputs = {k: v.to(device) for k, v in padded.items() if k in names}
                out = model(**inputs)
                for row, i in enumerate(chunk):
                    n = len(windows[i].encoding.ids)
                    mask = padded["attention_mask"][row].bool()
                    starts[i] = out.start_logits[row][mask].float().cpu().numpy()[:n]
                    ends[i] = out.end_logits[row][mask].float().cpu().numpy()[:n]
                done += len(chunk)
                if progress is not None:
                    progress(done, len(windows))
        return starts, ends
