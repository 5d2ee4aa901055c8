"""Span scoring for the extractive reader: windows in, ranked answers out.

Pure functions over the model's start/end logits, kept apart from the model
code so they can be tested on hand-made logits. By default the candidates of
all windows are ranked under one normaliser, so scores compare across windows;
``normalize="window"`` scores each window alone as the old pipeline did.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from summarise.results import Answer

NORMALIZE = ("global", "window")


@dataclass(frozen=True)
class AskOptions:
    """How answers are chosen: how many, how long, how sure, how scores are normalised."""

    top_k: int = 1
    max_answer_len: int = 30
    min_score: float = 0.0
    normalize: str = "global"
    handle_impossible: bool = True

    def __post_init__(self) -> None:
        from summarise.errors import InputError

        if self.normalize not in NORMALIZE:
            raise InputError("normalize must be 'global' or 'window'.")
        if self.top_k < 1:
            raise InputError("top_k must be at least 1.")


@dataclass
class Window:
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


def decode(
    windows: list[Window],
    mine: list[int],
    start_logits: list[np.ndarray],
    end_logits: list[np.ndarray],
    context: str,
    options: AskOptions,
    model: str,
) -> list[Answer]:
    """Score spans in the windows ``mine`` of one question, rank them, align them to
    words, dedupe; answers below ``options.min_score`` are dropped."""
    top_k, normalize = options.top_k, options.normalize
    candidates: list[Candidate] = []
    log_masses: list[float] = []
    null_scores: list[float] = []
    # the old pipeline kept top_k * 2 + 10 spans a window; its scores depend on them
    per_window = top_k * 4 + 4 if normalize == "global" else top_k * 2 + 10
    for w in mine:
        allowed = _allowed(windows[w])
        scored = score_window(
            start_logits[w], end_logits[w], allowed, options.max_answer_len, per_window
        )
        log_masses.append(scored.log_mass)
        if scored.null_score is not None:
            null_scores.append(scored.null_score)
        candidates += [Candidate(w, s, e, logit, p) for s, e, logit, p in scored.spans]
    if not candidates:
        return []
    log_z = logsumexp(np.array(log_masses))
    for c in candidates:
        c.score = math.exp(c.logit - log_z) if normalize == "global" else c.window_score
    if options.handle_impossible and null_scores:
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
        answers.append(Answer(text, min(1.0, score), start, end, "reader", model))
        if len(answers) == top_k:
            break
    return [a for a in answers if a.score >= options.min_score]


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
    log_zs = logsumexp(start[softmax_set])
    log_ze = logsumexp(end[softmax_set])
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
    return WindowScores(spans, logsumexp(flat[np.isfinite(flat)]), null)


def batches(lengths: list[int], size: int, slack: float = 0.1) -> list[list[int]]:
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


def _allowed(window: Window) -> np.ndarray:
    """Context tokens of a window, plus the leading CLS token for the null answer."""
    enc = window.encoding
    allowed = np.array([sid == window.context_index for sid in enc.sequence_ids], dtype=bool)
    if enc.special_tokens_mask and enc.special_tokens_mask[0] == 1:
        allowed[0] = True
    return allowed


def _align(window: Window, start_token: int, end_token: int, tidy_edges: bool) -> tuple[int, int]:
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


def logsumexp(values: np.ndarray) -> float:
    if values.size == 0:
        return -math.inf
    top = float(np.max(values))
    if math.isinf(top):
        return top
    return top + math.log(float(np.sum(np.exp(values - top))))
