"""ZeroGPU: the summariser's generation and the reader's forward passes on a lent GPU.

On a Hugging Face ZeroGPU Space (``SPACES_ZERO_GPU``) a GPU is lent per call,
only to functions decorated with ``spaces.GPU`` before the app launches, for
the seconds each call asks for, charged to the visitor's daily quota. So only
the model calls that gain from a GPU are decorated, each asking for a duration
computed from its input (:func:`summary_seconds`, :func:`answer_seconds`);
Gradio's wrapping of every event is switched off, so cleaning, claim checking
and passage retrieval stay on the CPU. The decorated functions run in a
forked worker: they take and return plain values and use the CUDA copies of
the models loaded at start-up, inherited through the fork. When no GPU can be
had (quota spent, queue full, worker failure), the CPU models answer and the
status line says so in one sentence. Without ZeroGPU nothing here is used.
"""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import replace
from typing import Any, TypeVar

from summarise import settings
from summarise.components import Components
from summarise.errors import SummariseError
from summarise.models.checkpoint import Checkpoint
from summarise.qa.reader import Reader, Spans
from summarise.qa.spans import AskOptions
from summarise.results import Answer, Summary
from summarise.settings import Deadline
from summarise.summary.summariser import Summariser

log = logging.getLogger(__name__)

NOTICE = "No GPU could be had just now, so this ran on the CPU, more slowly; try again later."
# Seconds asked for: a worker's start (weights moved to the GPU) and the model's pace on
# a ZeroGPU slice (distilbart-cnn-12-6 in float16, beam search over batches of 4;
# distilbert reading windows), with room to spare. Estimates to check on a real Space.
START_SECONDS = 3.0
READ_TOKENS_PER_SECOND = 20_000
STEPS_PER_SECOND = 25
MAX_SECONDS = 120  # longer work is cut short by ZeroGPU; the CPU answers instead
R = TypeVar("R")

_RUN: dict[str, Callable[..., Any]] = {}  # the decorated functions, set by install()
_TWINS: dict[int, Checkpoint] = {}  # the CUDA copies, by id: the worker inherits them
_NOTICES: ContextVar[list[str] | None] = ContextVar("zerogpu_notices", default=None)
_CPU_ONLY: ContextVar[bool] = ContextVar("zerogpu_cpu_only", default=False)


def enabled() -> bool:
    """Whether this process runs on a ZeroGPU Space."""
    return settings.current().zero_gpu


def install() -> bool:
    """On ZeroGPU, register the GPU functions and stop Gradio wrapping every event;
    call before the app's events are defined. Elsewhere does nothing; says which."""
    if not enabled():
        return False
    import spaces

    spaces.disable_gradio_auto_wrap()
    _RUN["summarise"] = spaces.GPU(duration=summary_seconds)(_summarise_on_gpu)
    _RUN["answer"] = spaces.GPU(duration=answer_seconds)(_answer_on_gpu)
    return True


def components(cpu: Components) -> Components:
    """On ZeroGPU, ``cpu``'s models kept on the CPU, the summariser and reader each
    with a CUDA copy that writes when a GPU is lent; elsewhere ``cpu`` as it is."""
    if not enabled() or isinstance(cpu, ZeroGpuComponents):
        return cpu
    return ZeroGpuComponents(replace(cpu.settings, device="cpu"))


class ZeroGpuComponents(Components):
    """Components whose summariser and reader run on the lent GPU, the CPU otherwise."""

    def _build(self, role: str, key: str) -> Checkpoint | None:
        built = super()._build(role, key)
        if isinstance(built, Summariser) and not isinstance(built, GpuSummariser):
            built = GpuSummariser(built)
        elif isinstance(built, Reader) and not isinstance(built, GpuReader):
            built = GpuReader(built)
        if isinstance(built, GpuSummariser | GpuReader):
            built.load()  # before launch, so ZeroGPU packs the weights for its workers
        return built


class GpuSummariser(Summariser):
    """The summariser's CUDA copy (torch, half precision); ``cpu`` writes without a GPU."""

    def __init__(self, cpu: Summariser) -> None:
        # "auto" is CUDA on ZeroGPU (whose torch says a GPU is present) and the CPU elsewhere
        super().__init__(
            cpu.resolved.path or cpu.name,
            "auto",
            batch_size=cpu.batch_size,
            max_input_tokens=cpu._max_input_tokens,
            engine="torch",
        )
        self.cpu = cpu
        _TWINS[id(self)] = self

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
        """The summary written on the GPU, or on the CPU when none can be had."""
        return _on_gpu(
            "summarise",
            (id(self), text, min_words, max_words, num_beams, deadline, language),
            lambda: self.cpu.summarise(
                text, min_words, max_words, num_beams, progress, deadline, language
            ),
        )


class GpuReader(Reader):
    """The reader's CUDA copy; ``cpu`` reads without a GPU."""

    def __init__(self, cpu: Reader) -> None:
        super().__init__(
            cpu.resolved.path or cpu.name,
            "auto",
            max_seq_len=None if cpu.fit_whole else cpu.max_seq_len,
            doc_stride=cpu.doc_stride,
            max_question_len=cpu.max_question_len,
            batch_size=cpu.batch_size,
        )
        self.cpu = cpu
        _TWINS[id(self)] = self

    def answer(
        self,
        questions: Sequence[str],
        context: str,
        options: AskOptions | None = None,
        spans: Spans | None = None,
        progress: Callable[[int, int], None] | None = None,
        deadline: Deadline | None = None,
    ) -> list[list[Answer]]:
        """The answers read on the GPU, or on the CPU when none can be had."""
        questions = list(questions)
        plain = None if spans is None else [list(s) for s in spans]
        return _on_gpu(
            "answer",
            (id(self), questions, context, options, plain, deadline),
            lambda: self.cpu.answer(questions, context, options, spans, progress, deadline),
        )


@contextlib.contextmanager
def notices() -> Iterator[list[str]]:
    """Collect, for one request, the notices of work the GPU was refused for."""
    collected: list[str] = []
    token = _NOTICES.set(collected)
    try:
        yield collected
    finally:
        _NOTICES.reset(token)


@contextlib.contextmanager
def on_cpu() -> Iterator[None]:
    """Run the models on the CPU, never asking for a GPU (the warm-up before launch)."""
    token = _CPU_ONLY.set(True)
    try:
        yield
    finally:
        _CPU_ONLY.reset(token)


def _on_gpu(task: str, args: tuple[Any, ...], cpu: Callable[[], R]) -> R:
    """``task`` run by its GPU function; ``cpu()`` when it is not registered or is refused.

    An error of ours comes back as a value (ZeroGPU passes on only an exception's
    class name) and is raised here; any other failure means no GPU was had.
    """
    run = _RUN.get(task)
    if run is None or _CPU_ONLY.get():
        return cpu()
    try:
        outcome = run(*args)
    except SummariseError:
        raise  # the input's fault, found while sizing the request: the CPU would refuse it too
    except Exception as exc:  # noqa: BLE001 - quota, queue or worker: the CPU answers
        log.warning("No GPU for %s (%s: %s); running on the CPU.", task, type(exc).__name__, exc)
        collected = _NOTICES.get()
        if collected is not None and NOTICE not in collected:
            collected.append(NOTICE)
        return cpu()
    if isinstance(outcome, SummariseError):
        raise outcome
    return outcome


def _summarise_on_gpu(
    twin: int,
    text: str,
    min_words: int | None,
    max_words: int | None,
    num_beams: int | None,
    deadline: Deadline | None,
    language: str = "en",
) -> Summary | SummariseError:
    """In the GPU worker: the summary written by the CUDA copy ``twin``."""
    summariser = _TWINS[twin]
    assert isinstance(summariser, Summariser)
    try:
        return Summariser.summarise(
            summariser, text, min_words, max_words, num_beams, None, deadline, language
        )
    except SummariseError as exc:
        return exc


def _answer_on_gpu(
    twin: int,
    questions: list[str],
    context: str,
    options: AskOptions | None,
    spans: Spans | None,
    deadline: Deadline | None,
) -> list[list[Answer]] | SummariseError:
    """In the GPU worker: the answers read by the CUDA copy ``twin``."""
    reader = _TWINS[twin]
    assert isinstance(reader, Reader)
    try:
        return Reader.answer(reader, questions, context, options, spans, None, deadline)
    except SummariseError as exc:
        return exc


def summary_seconds(
    twin: int,
    text: str,
    min_words: int | None = None,
    max_words: int | None = None,
    num_beams: int | None = None,
    deadline: Deadline | None = None,
    language: str = "en",
) -> int:
    """The GPU seconds to ask for a summary of ``text``: tokens to read and to write."""
    summariser = _TWINS[twin]
    assert isinstance(summariser, GpuSummariser)
    read, steps = summariser.cpu.workload(text, min_words, max_words, num_beams)
    return _seconds(read / READ_TOKENS_PER_SECOND + steps / STEPS_PER_SECOND)


def answer_seconds(
    twin: int,
    questions: list[str],
    context: str,
    options: AskOptions | None = None,
    spans: Spans | None = None,
    deadline: Deadline | None = None,
) -> int:
    """The GPU seconds to ask for reading ``questions``' passages: tokens to read."""
    reader = _TWINS[twin]
    assert isinstance(reader, GpuReader)
    return _seconds(reader.cpu.workload(questions, context, spans) / READ_TOKENS_PER_SECOND)


def _seconds(work: float) -> int:
    return min(MAX_SECONDS, math.ceil(START_SECONDS + work))
