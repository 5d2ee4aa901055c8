"""Abstractive summaries on ``AutoModelForSeq2SeqLM``, with long-document chunking.

Generation uses the checkpoint's own defaults (its generation config, updated
with ``task_specific_params["summarization"]`` as the old pipeline did) unless
the caller overrides them. A document longer than the encoder's input is split
on sentence boundaries into token-budgeted chunks, summarised in batches, and
the partial summaries are joined, then summarised again while still too long,
so the tail of a document is never silently cut off. Generation runs on torch
or on the CTranslate2 engine (:mod:`.ct2_engine`), chosen by ``engine``.
"""

from __future__ import annotations

import functools
import inspect
import logging
import math
import time
from collections.abc import Callable
from typing import Any

from summarise.errors import InputError
from summarise.language.sentences import sentence_spans
from summarise.models import ct2_engine, resolution
from summarise.models.checkpoint import Checkpoint
from summarise.results import Summary
from summarise.settings import Deadline

log = logging.getLogger(__name__)

_MAX_ROUNDS = 4


class Summariser(Checkpoint):
    """Summarise text with a seq2seq checkpoint (BART, PEGASUS, T5, LED...).

    ``engine``: ``auto`` (CTranslate2 on the CPU when installed, else torch),
    ``torch`` (the reference path) or ``ctranslate2``; ``None`` reads
    ``SUMMARISE_ENGINE``. ``quantize``: int8 weights on CTranslate2 (the
    default there); ``False`` keeps float32. ``device``: ``cpu``, ``cuda``
    or ``auto`` (CUDA when present); torch runs in half precision on CUDA.
    """

    role = "summariser"
    auto_class = "AutoModelForSeq2SeqLM"
    missing = (
        "No summarisation model is available offline; run `summarise pull summariser` "
        "or pass a local checkpoint folder."
    )

    def __init__(
        self,
        model: str | None = None,
        device: str = "cpu",
        quantize: bool | None = None,
        batch_size: int = 4,
        max_input_tokens: int | None = None,
        engine: str | None = None,
        language: str = "en",
    ) -> None:
        super().__init__(model, device, quantize, language)
        self.engine = engine or ct2_engine.default_engine()
        ct2_engine.check_engine(self.engine, device, quantize)
        self.batch_size = batch_size
        self._max_input_tokens = max_input_tokens

    def load(self) -> tuple[Any, Any]:
        """The (tokenizer, model) pair: the engine's when it runs this model, else torch's."""
        from transformers import AutoModelForSeq2SeqLM

        device = resolution.pick_device(self.device)
        fast = ct2_engine.load(self.resolved, self.engine, device, self.quantize)
        if fast is not None:
            return fast
        return resolution.load(
            "summariser", self.resolved, AutoModelForSeq2SeqLM, device, half=True
        )

    def summarise(
        self,
        text: str,
        min_words: int | None = None,
        max_words: int | None = None,
        num_beams: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        deadline: Deadline | None = None,
        language: str = "en",
    ) -> Summary:
        """Summarise ``text``; word budgets and beams override the checkpoint's defaults.

        ``deadline`` stops the work between batches with a :class:`LimitError`
        once the request's time budget is spent. ``language`` (a code) is the
        text's, for splitting it into sentences where it must be chunked.
        """
        if not text.strip():
            raise InputError("The text is empty; paste an article to summarise.")
        if min_words is not None and max_words is not None and min_words > max_words:
            raise InputError("min_words is larger than max_words; make the minimum smaller.")
        began = time.perf_counter()
        tokenizer, model = self.load()
        settings = self.generation_settings(tokenizer, model, text, min_words, max_words, num_beams)
        budget = self.input_budget(tokenizer, model)
        pieces = self._chunk(tokenizer, text, budget, language)
        chunks = len(pieces)
        if chunks == 1:
            combined = self._generate(tokenizer, model, pieces, settings, progress, deadline)[0]
            return Summary(combined, 1, time.perf_counter() - began, "abstractive", self.name)
        defaults = self.generation_settings(tokenizer, model, text, None, None, num_beams)
        # the rounds that combine partial summaries keep reporting "all chunks done"
        after = None if progress is None else lambda _d, _t: progress(chunks, chunks)
        target = (
            defaults.get("max_length")
            or getattr(model.generation_config, "max_length", None)
            or budget
        )
        combined = self._join(
            self._generate(tokenizer, model, pieces, defaults, progress, deadline)
        )
        for _ in range(_MAX_ROUNDS):
            length = len(tokenizer(combined, add_special_tokens=False, verbose=False)["input_ids"])
            if length > budget:  # the partial summaries still overflow: reduce again
                pieces = self._chunk(tokenizer, combined, budget, language)
                combined = self._join(
                    self._generate(tokenizer, model, pieces, defaults, after, deadline)
                )
                continue
            too_long = length > 1.5 * target or (
                max_words is not None and len(combined.split()) > max_words
            )
            if too_long:
                combined = self._generate(tokenizer, model, [combined], settings, after, deadline)[
                    0
                ]
            break
        return Summary(combined, chunks, time.perf_counter() - began, "abstractive", self.name)

    def workload(
        self,
        text: str,
        min_words: int | None = None,
        max_words: int | None = None,
        num_beams: int | None = None,
    ) -> tuple[int, int]:
        """(tokens the encoder reads, batched decoding steps at most) to summarise ``text``:
        what a GPU is asked for by. Counts chunks as if cut at the token budget exactly, and
        the rounds that combine partial summaries as if each wrote its longest."""
        tokenizer, model = self.load()
        budget = self.input_budget(tokenizer, model)
        read = len(tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"])
        final = _longest(
            self.generation_settings(tokenizer, model, text, min_words, max_words, num_beams),
            model,
        )
        if read <= budget:
            return read, final
        written = _longest(
            self.generation_settings(tokenizer, model, text, None, None, None), model
        )
        total, steps, chunks = read, final, math.ceil(read / budget)
        for _ in range(_MAX_ROUNDS + 1):
            steps += math.ceil(chunks / self.batch_size) * written
            partial = chunks * written
            total += partial
            if partial <= budget:
                break
            chunks = math.ceil(partial / budget)
        return total, steps

    @staticmethod
    def _join(partial: list[str]) -> str:
        return " ".join(p.strip() for p in partial if p.strip())

    @staticmethod
    def prefix(model: Any) -> str:
        """The task prefix the checkpoint's config asks for, as the 4.57 pipeline read it:
        ``task_specific_params["summarization"]["prefix"]``, else ``config.prefix``, else
        none. An mT5 fine-tuned on summaries (XLSum) asks for none; the original T5
        asks for "summarize: "."""
        params = (getattr(model.config, "task_specific_params", None) or {}).get(
            "summarization", {}
        )
        if "prefix" in params:
            return str(params["prefix"] or "")
        return str(getattr(model.config, "prefix", None) or "")

    def input_budget(self, tokenizer: Any, model: Any) -> int:
        """Tokens of document text that fit in one encoder pass."""
        if self._max_input_tokens:
            limit = self._max_input_tokens
        else:
            limit = resolution.input_limit(tokenizer, model)
        prefix_tokens = len(tokenizer(self.prefix(model), add_special_tokens=False)["input_ids"])
        return max(16, limit - tokenizer.num_special_tokens_to_add() - prefix_tokens)

    def generation_settings(
        self,
        tokenizer: Any,
        model: Any,
        text: str,
        min_words: int | None,
        max_words: int | None,
        num_beams: int | None,
    ) -> dict[str, Any]:
        """Generation keyword arguments: checkpoint defaults, then the caller's overrides."""
        params = (getattr(model.config, "task_specific_params", None) or {}).get(
            "summarization", {}
        )
        settings = {k: v for k, v in params.items() if k != "prefix"}
        ratio = _tokens_per_word(tokenizer, text)
        if max_words is not None:
            settings["max_new_tokens"] = max(1, math.ceil(max_words * ratio))
            settings["min_length"] = 0
        if min_words is not None:
            settings["min_new_tokens"] = max(1, math.floor(min_words * ratio))
            settings["min_length"] = 0
            if "max_new_tokens" in settings:
                settings["min_new_tokens"] = min(
                    settings["min_new_tokens"], settings["max_new_tokens"] - 1
                )
        if num_beams is not None:
            settings["num_beams"] = num_beams
        return settings

    def _chunk(self, tokenizer: Any, text: str, budget: int, language: str = "en") -> list[str]:
        """Split ``text`` into sentence-aligned pieces of at most ``budget`` tokens."""
        spans = sentence_spans(text, language) or [(0, len(text))]
        sentences = [text[s:e] for s, e in spans]
        counts = tokenizer(sentences, add_special_tokens=False, verbose=False)["input_ids"]
        pieces: list[str] = []
        group_start: int | None = None
        group_end = 0
        used = 0
        for (s, e), ids in zip(spans, counts):
            n = len(ids) + 1
            if n > budget:  # one sentence longer than the whole budget: cut it by words
                if group_start is not None:
                    pieces.append(text[group_start:group_end])
                    group_start, used = None, 0
                pieces.extend(_split_long(tokenizer, text[s:e], budget))
                continue
            if group_start is not None and used + n > budget:
                pieces.append(text[group_start:group_end])
                group_start, used = None, 0
            if group_start is None:
                group_start = s
            group_end, used = e, used + n
        if group_start is not None:
            pieces.append(text[group_start:group_end])
        return pieces

    def _generate(
        self,
        tokenizer: Any,
        model: Any,
        pieces: list[str],
        settings: dict[str, Any],
        progress: Callable[[int, int], None] | None,
        deadline: Deadline | None = None,
    ) -> list[str]:
        """Summarise each piece, a batch at a time."""
        import torch

        prefix = self.prefix(model)
        budget = self.input_budget(tokenizer, model) + tokenizer.num_special_tokens_to_add()
        max_input = budget + len(tokenizer(prefix, add_special_tokens=False)["input_ids"])
        outputs: list[str] = []
        with torch.inference_mode():
            for b in range(0, len(pieces), self.batch_size):
                if deadline is not None:
                    deadline.check("Summarising")
                batch = [prefix + p for p in pieces[b : b + self.batch_size]]
                tick = None if progress is None else functools.partial(progress, b, len(pieces))
                if isinstance(model, ct2_engine.Seq2SeqEngine):
                    ids = model.generate(tokenizer, batch, settings, max_input, tick)
                else:
                    ids = _torch_generate(tokenizer, model, batch, settings, max_input, tick)
                outputs += [
                    t.strip() for t in tokenizer.batch_decode(ids, skip_special_tokens=True)
                ]
                if progress is not None:
                    progress(min(b + self.batch_size, len(pieces)), len(pieces))
                log.debug(
                    "Summarised %d/%d chunks", min(b + self.batch_size, len(pieces)), len(pieces)
                )
        return outputs


def _torch_generate(
    tokenizer: Any,
    model: Any,
    batch: list[str],
    settings: dict[str, Any],
    max_input: int,
    tick: Callable[[], None] | None = None,
) -> Any:
    """Summary token ids for one batch with the torch model's ``generate``; ``tick`` is
    called about once a second while it runs, between decoding steps."""
    device = next(model.parameters()).device
    inputs = tokenizer(
        batch, return_tensors="pt", padding=True, truncation=True, max_length=max_input
    )
    inputs = {k: v.to(device) for k, v in inputs.items() if k != "token_type_ids"}
    extra = _beam_cache(model, settings)
    if tick is not None:
        extra["stopping_criteria"] = _heartbeat(tick)
    return model.generate(**inputs, **settings, **extra)


def _heartbeat(tick: Callable[[], None]) -> Any:
    """A stopping criterion that never stops generation, only calls ``tick`` once a
    second: the one hook ``generate`` offers at every step, beam search included."""
    import torch
    from transformers import StoppingCriteria, StoppingCriteriaList

    class Heartbeat(StoppingCriteria):
        def __init__(self) -> None:
            self.last = time.monotonic()

        def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
            if time.monotonic() - self.last >= ct2_engine.TICK_SECONDS:
                tick()
                self.last = time.monotonic()
            return torch.zeros(input_ids.shape[0], dtype=torch.bool, device=input_ids.device)

    return StoppingCriteriaList([Heartbeat()])


def _beam_cache(model: Any, settings: dict[str, Any]) -> dict[str, Any]:
    """A cache argument for beam search that leaves the cross-attention cache alone.

    Every step, beam search reorders the cache rows to follow the surviving
    beams; for the cross-attention keys and values that is a copy of the whole
    encoded input (over half the time of a summary on a CPU) that changes
    nothing, as all beams of one input hold the same rows. Only the decoder's
    own cache is reordered here; the output is the same.
    """
    beams = settings.get("num_beams") or getattr(model.generation_config, "num_beams", 1) or 1
    if not model.config.is_encoder_decoder or beams <= 1:
        return {}
    from transformers import DynamicCache

    forward = inspect.signature(type(model).forward).parameters
    name = "cache" if "cache" in forward else "past_key_values"  # renamed during 5.x
    config = model.config.get_text_config(decoder=True)
    return {name: _beam_cache_class()(DynamicCache(config=config), DynamicCache(config=config))}


@functools.cache
def _beam_cache_class() -> type:
    from transformers import EncoderDecoderCache

    class BeamCache(EncoderDecoderCache):
        """Reorders only the self-attention cache between beam-search steps."""

        def reorder_cache(self, beam_idx: Any) -> None:
            self.self_attention_cache.reorder_cache(beam_idx)

    return BeamCache


def _longest(settings: dict[str, Any], model: Any) -> int:
    """The most tokens one generation with ``settings`` writes."""
    if settings.get("max_new_tokens"):
        return int(settings["max_new_tokens"])
    return int(
        settings.get("max_length") or getattr(model.generation_config, "max_length", 0) or 20
    )


def _tokens_per_word(tokenizer: Any, text: str) -> float:
    """How many tokens this tokenizer spends per word of this text (at least 1)."""
    sample = " ".join(text.split()[:400])
    words = max(1, len(sample.split()))
    tokens = len(tokenizer(sample, add_special_tokens=False, verbose=False)["input_ids"])
    return max(1.0, tokens / words)


def _split_long(tokenizer: Any, sentence: str, budget: int) -> list[str]:
    """Cut an over-long sentence into pieces of ``budget`` tokens, by token offsets."""
    offsets = tokenizer(
        sentence, add_special_tokens=False, return_offsets_mapping=True, verbose=False
    )["offset_mapping"]
    return [
        sentence[offsets[i][0] : offsets[min(i + budget, len(offsets)) - 1][1]]
        for i in range(0, len(offsets), budget)
    ]
