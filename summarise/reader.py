"""Extractive question answering on ``AutoModelForQuestionAnswering``.

What the removed transformers pipeline did right, kept: overlapping windows
over long contexts, span search restricted to context tokens with
``start <= end < start + max_answer_len``, answers widened to whole words, a
null (CLS) answer for SQuAD 2.0 style models. What it did not: by default the
candidates of all windows are ranked under one normaliser, so scores compare
across windows; answers are distinct; windows are padded per batch, not to the
maximum; several questions share batched forward passes.
"""

from __future__ import annotations

import inspect
import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from . import models
from .errors import InputError, LimitError, ModelError
from .limits import Deadline

if TYPE_CHECKING:
    from .retrieval import Retriever

log = logging.getLogger(__name__)


@dataclass
class Answer:
    """One answer: a span of the context (``context[start:end] == text``).

    ``method`` is "reader" for an extracted span and "passage" for a fallback
    evidence sentence; ``original_*`` are offsets into the raw input and
    ``evidence_*`` the sentence(s) around the answer, both set by ``Document``.
    """

    text: str
    score: float
    start: int
    end: int
    method: str = "reader"
    model: str = ""
    original_start: int | None = None
    original_end: int | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None


@dataclass
class _Window:
    """One tokenised window of one (question, passage) pair."""

    question: int
    offset: int
    passage: str
    encoding: Any
    context_index: int


@dataclass
class Candidate:
    """A scored span inside one window, before alignment and ranking."""

    window: int
    start_token: int
    end_token: int
    logit: float
    window_score: float
    score: float = 0.0


WINDOW = 384  # tokens per window: what SQuAD readers are fine-tuned on
WHOLE = 512  # a passage up to this long (and the model's limit) is read in one window


class Reader:
    """Answer questions with spans of a context, like txtai's ``Questions``.

    ``max_seq_len=None`` (the default) reads a passage that fits the model in
    one window of up to 512 tokens and splits longer ones into 384-token
    windows overlapping by ``doc_stride``: one window instead of two costs
    less and lets the model see the whole passage. An explicit ``max_seq_len``
    always splits at that length, exactly as the old pipeline did.
    """

    def __init__(
        self,
        model: str | None = None,
        device: str = "cpu",
        quantize: bool = False,
        max_seq_len: int | None = None,
        doc_stride: int = 128,
        max_question_len: int = 64,
        batch_size: int = 8,
        retriever: Retriever | None = None,
        passages: int = 4,
    ) -> None:
        self.resolved = models.resolve("reader", model)
        if not self.resolved.available:
            raise ModelError(
                "No question-answering model is available offline; run `summarise pull reader` "
                "or pass a local checkpoint folder."
            )
        if quantize:
            raise ModelError(
                "The reader has no int8 mode (torch's dynamic quantisation is deprecated and "
                "was dropped); leave quantize off for the reader."
            )
        self.device = device
        self.quantize = quantize
        self.fit_whole = max_seq_len is None
        self.max_seq_len = WINDOW if max_seq_len is None else max_seq_len
        self.doc_stride = doc_stride
        self.max_question_len = max_question_len
        self.batch_size = batch_size
        self.retriever = retriever
        self.passages = passages

    @property
    def name(self) -> str:
        return self.resolved.name

    def load(self) -> tuple[Any, Any]:
        """The (tokenizer, model) pair, loaded on first use and shared afterwards."""
        from transformers import AutoModelForQuestionAnswering

        tokenizer, model = models.load(
            "reader", self.resolved, AutoModelForQuestionAnswering, self.device
        )
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
        passages: int | None = None,
    ) -> list[Answer]:
        """Return up to ``top_k`` distinct answers to ``question``, best first.

        An empty list means the model abstained (null answer or ``min_score``).
        ``normalize="window"`` scores each window on its own and adds up the
        scores of equal answer texts, as the old pipeline did; ``"global"``
        ranks all windows together.
        """
        return self.ask_many(
            [question],
            context,
            top_k=top_k,
            max_answer_len=max_answer_len,
            min_score=min_score,
            normalize=normalize,
            handle_impossible=handle_impossible,
            passages=passages,
        )[0]

    def ask_many(
        self,
        questions: Sequence[str],
        context: str,
        top_k: int = 1,
        max_answer_len: int = 30,
        min_score: float = 0.0,
        normalize: str = "global",
        handle_impossible: bool = True,
        passages: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        deadline: Deadline | None = None,
    ) -> list[list[Answer]]:
        """Answer several questions about one context in shared, batched passes."""
        if normalize not in {"global", "window"}:
            raise InputError("normalize must be 'global' or 'window'.")
        if top_k < 1:
            raise InputError("top_k must be at least 1.")
        if not context.strip():
            raise InputError("The context is empty; give the reader some text to search.")
        tokenizer, model = self.load()
        for question in questions:
            self._check_question(tokenizer, question)
        spans = self._passages_for(questions, context, passages)
        windows = self._windows(tokenizer, questions, context, spans, self._whole(tokenizer, model))
        start_logits, end_logits = self._forward(tokenizer, model, windows, progress, deadline)
        results = []
        for qi in range(len(questions)):
            mine = [w for w in range(len(windows)) if windows[w].question == qi]
            answers = self._decode(
                windows,
                mine,
                start_logits,
                end_logits,
                context,
                top_k,
                max_answer_len,
                normalize,
                handle_impossible,
            )
            results.append([a for a in answers if a.score >= min_score])
        return results

    def _check_question(self, tokenizer: Any, question: str) -> None:
        if not question.strip():
            raise InputError("The question is empty; type a question about the text.")
        n = len(tokenizer(question, add_special_tokens=False)["input_ids"])
        if n > self.max_question_len:
            raise LimitError(
                f"The question is {n} tokens long, over the limit of {self.max_question_len}; "
                "shorten it."
            )

    def _passages_for(
        self, questions: Sequence[str], context: str, passages: int | None
    ) -> list[list[tuple[int, int]]]:
        """Per question, the spans of ``context`` to read (all of it unless retrieving)."""
        k = self.passages if passages is None else passages
        whole = [[(0, len(context))] for _ in questions]
        if self.retriever is None or k == 0:
            return whole
        if len(context.split()) <= 3 * self.max_seq_len * 0.6:  # a few windows: read it all
            return whole
        return [self.retriever.spans(q, context, k) for q in questions]

    def _whole(self, tokenizer: Any, model: Any) -> int:
        """The longest window a passage that fits is read in (0: always split)."""
        # two positions short of the limit: RoBERTa-style models start positions at 2
        return min(WHOLE, models.input_limit(tokenizer, model) - 2) if self.fit_whole else 0

    def _windows(
        self,
        tokenizer: Any,
        questions: Sequence[str],
        context: str,
        spans: list[list[tuple[int, int]]],
        whole: int = 0,
    ) -> list[_Window]:
        """Tokenise every (question, passage) pair into overlapping windows.

        A passage that fits in ``whole`` tokens gets one window of its own.
        """
        question_first = tokenizer.padding_side == "right"
        windows: list[_Window] = []
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
                    _Window(qi, start, passage, e, 1 if question_first else 0) for e in encodings
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
        windows: list[_Window],
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
        batches = _batches([len(w.encoding.ids) for w in windows], self.batch_size)
        done = 0
        with torch.inference_mode():
            for chunk in batches:
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

    def _decode(
        self,
        windows: list[_Window],
        mine: list[int],
        start_logits: list[np.ndarray],
        end_logits: list[np.ndarray],
        context: str,
        top_k: int,
        max_answer_len: int,
        normalize: str,
        handle_impossible: bool,
    ) -> list[Answer]:
        """Score spans in each window, rank them, align them to words, dedupe."""
        candidates: list[Candidate] = []
        log_masses: list[float] = []
        null_scores: list[float] = []
        # the old pipeline kept top_k * 2 + 10 spans a window; its scores depend on them
        per_window = top_k * 4 + 4 if normalize == "global" else top_k * 2 + 10
        for w in mine:
            allowed = _allowed(windows[w])
            scored = score_window(
                start_logits[w], end_logits[w], allowed, max_answer_len, per_window
            )
            log_masses.append(scored.log_mass)
            if scored.null_score is not None:
                null_scores.append(scored.null_score)
            candidates += [Candidate(w, s, e, logit, p) for s, e, logit, p in scored.spans]
        if not candidates:
            return []
        log_z = _logsumexp(np.array(log_masses))
        for c in candidates:
            c.score = math.exp(c.logit - log_z) if normalize == "global" else c.window_score
        if handle_impossible and null_scores:
            if min(null_scores) > max(c.window_score for c in candidates):
                return []
        spans: dict[tuple[int, int], float] = {}
        first_at: dict[str, tuple[int, int]] = {}
        for c in candidates:
            window = windows[c.window]
            start, end = _align(window, c.start_token, c.end_token, normalize == "global")
            key = (start + window.offset, end + window.offset)
            if normalize == "window":  # as the old pipeline: the same text, anywhere, adds up
                key = first_at.setdefault(context[key[0] : key[1]].lower(), key)
            spans[key] = spans.get(key, 0.0) + c.score  # global: overlapping windows add up
        answers: list[Answer] = []
        seen_text: set[str] = set()
        for (start, end), score in sorted(spans.items(), key=lambda kv: kv[1], reverse=True):
            text = context[start:end]
            key_text = " ".join(text.lower().split())
            if not key_text or key_text in seen_text:
                continue
            seen_text.add(key_text)
            answers.append(Answer(text, min(1.0, score), start, end, "reader", self.name))
            if len(answers) == top_k:
                break
        return answers


@dataclass
class WindowScores:
    """Span candidates of one window: (start, end, log joint, window probability)."""

    spans: list[tuple[int, int, float, float]]
    log_mass: float
    null_score: float | None


def score_window(
    start: np.ndarray,
    end: np.ndarray,
    allowed: np.ndarray,
    max_answer_len: int,
    k: int,
) -> WindowScores:
    """Score the best ``k`` spans of one window from its start/end logits.

    ``allowed`` marks the context tokens; index 0, when allowed, is the CLS
    (null) token, which takes part in the softmax, as in the old pipeline, but
    is never returned as a span. ``log_mass`` is the log of the summed
    ``exp(start + end)`` over every valid span of the window: adding it up over
    all windows gives the joint normaliser that makes scores comparable across
    windows (the probability of a span among all candidate spans of the text).
    """
    start = start.astype(np.float64)
    end = end.astype(np.float64)
    softmax_set = allowed.copy()
    null_allowed = bool(allowed[0])
    span_set = allowed.copy()
    span_set[0] = False
    if not span_set.any():
        return WindowScores([], -math.inf, None)
    log_zs = _logsumexp(start[softmax_set])
    log_ze = _logsumexp(end[softmax_set])
    idx = np.flatnonzero(span_set)
    joint = start[idx][:, None] + end[idx][None, :]
    distance = idx[None, :] - idx[:, None]
    valid = (distance >= 0) & (distance < max_answer_len)
    joint = np.where(valid, joint, -np.inf)
    flat = joint.ravel()
    k = min(k, int(valid.sum()))
    if k <= 0:
        return WindowScores([], -math.inf, None)
    top = np.argpartition(-flat, k - 1)[:k]
    top = top[np.argsort(-flat[top], kind="stable")]
    spans = []
    for t in top:
        i, j = divmod(int(t), len(idx))
        logit = float(flat[t])
        spans.append((int(idx[i]), int(idx[j]), logit, math.exp(logit - log_zs - log_ze)))
    null = math.exp(start[0] + end[0] - log_zs - log_ze) if null_allowed else None
    return WindowScores(spans, _logsumexp(flat[np.isfinite(flat)]), null)


def _batches(lengths: list[int], size: int, slack: float = 0.1) -> list[list[int]]:
    """Indices grouped shortest first into batches of at most ``size`` similar lengths.

    On a CPU padding is paid in full, while batching gains little: a window
    joins a batch only if the batch's shortest is within ``slack`` of it.
    """
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    for i in order:
        if (
            batches
            and len(batches[-1]) < size
            and lengths[i] <= lengths[batches[-1][0]] * (1 + slack)
        ):
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


def _allowed(window: _Window) -> np.ndarray:
    """Context tokens of a window, plus the leading CLS token for the null answer."""
    enc = window.encoding
    allowed = np.array([sid == window.context_index for sid in enc.sequence_ids], dtype=bool)
    if enc.special_tokens_mask and enc.special_tokens_mask[0] == 1:
        allowed[0] = True
    return allowed


def _align(window: _Window, start_token: int, end_token: int, tidy_edges: bool) -> tuple[int, int]:
    """Character span in the passage, widened to whole words (as the pipeline did).

    With ``tidy_edges`` stray punctuation is trimmed too; the window mode leaves
    spans exactly as the old pipeline returned them, for parity checks.
    """
    enc = window.encoding
    seq = window.context_index
    try:
        start_word = enc.token_to_word(start_token)
        end_word = enc.token_to_word(end_token)
        start = enc.word_to_chars(start_word, seq)[0]
        end = enc.word_to_chars(end_word, seq)[1]
    except Exception:  # noqa: BLE001 - tokenizers without word ids
        start, end = enc.offsets[start_token][0], enc.offsets[end_token][1]
    if not tidy_edges:
        return start, end
    return tidy(window.passage, start, end)


_LEADING_JUNK = set(".,;:!?)]}»”’-–—")
_TRAILING_JUNK = set(",;:!?([{«“‘-–—")


def tidy(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and stray punctuation from the edges of an answer span.

    Byte-level BPE offsets include the leading space, and word alignment can
    start an answer on a full stop (". A final"). A final full stop goes only
    after a lower-case word of four letters or more, so "U.S." and "Jan." stay.
    """
    original = (start, end)
    while start < end and (text[start] in _LEADING_JUNK or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _TRAILING_JUNK or text[end - 1].isspace()):
        end -= 1
    if end - start > 1 and text[end - 1] == ".":
        word = text[start : end - 1].split()[-1] if text[start : end - 1].split() else ""
        if len(word) >= 4 and word[-1].islower() and "." not in word:
            end -= 1
    return (start, end) if end > start else original


def _logsumexp(values: np.ndarray) -> float:
    if values.size == 0:
        return -math.inf
    top = float(np.max(values))
    if math.isinf(top):
        return top
    return top + math.log(float(np.sum(np.exp(values - top))))
