"""ZeroGPU support, with a stand-in ``spaces`` module (the real package's decorator API).

The stand-in lends its "GPU" the way ZeroGPU does, as far as the app can tell:
only to functions decorated with ``spaces.GPU`` before launch, after asking the
decorated function's ``duration`` for the seconds wanted, with the arguments
and the result crossing a process boundary (pickled), or it refuses the way a
spent quota does (a ``gr.Error``).
"""

from __future__ import annotations

import functools
import pickle
import sys
import types
from collections.abc import Callable
from typing import Any

import gradio as gr
import pytest
import tiny
from conftest import mission_or_skip

from summarise import settings


class StandInSpaces:
    """What the app uses of ``spaces``: ``GPU`` (bare or with ``duration=``) and
    ``disable_gradio_auto_wrap``; it records what was decorated and each call."""

    def __init__(self) -> None:
        self.decorated: dict[str, Callable[..., Any]] = {}
        self.calls: list[tuple[str, int]] = []
        self.refuse = False
        self.auto_wrap = True
        self.launched = False

    def GPU(
        self, task: Callable[..., Any] | None = None, *, duration: Any = None, size: Any = None
    ):  # noqa: N802
        if task is None:
            return functools.partial(self.GPU, duration=duration, size=size)
        assert not self.launched, "ZeroGPU functions must be decorated before launch"

        @functools.wraps(task)
        def lent(*args: Any, **kwargs: Any) -> Any:
            seconds = duration(*args, **kwargs) if callable(duration) else (duration or 60)
            self.calls.append((task.__name__, seconds))
            if self.refuse:
                raise gr.Error(
                    "You have exceeded your free ZeroGPU quota (30s requested vs. 0s left)."
                )
            args, kwargs = pickle.loads(pickle.dumps((args, kwargs)))  # into the worker
            return pickle.loads(pickle.dumps(task(*args, **kwargs)))  # and back

        self.decorated[task.__name__] = lent
        return lent

    def disable_gradio_auto_wrap(self) -> None:
        self.auto_wrap = False

    def module(self) -> types.ModuleType:
        module = types.ModuleType("spaces")
        module.GPU = self.GPU  # type: ignore[attr-defined]
        module.disable_gradio_auto_wrap = self.disable_gradio_auto_wrap  # type: ignore[attr-defined]
        return module


@pytest.fixture
def zero_gpu(monkeypatch, summariser_dir, reader_dir):
    """A ZeroGPU Space: ``SPACES_ZERO_GPU=true``, the stand-in ``spaces``, the tiny models."""
    from summarise.apps.web import handlers, zerogpu

    spaces = StandInSpaces()
    monkeypatch.setitem(sys.modules, "spaces", spaces.module())
    monkeypatch.setenv("SPACES_ZERO_GPU", "true")
    settings.reload()
    handlers.configure(summariser=str(summariser_dir), reader=str(reader_dir), embedder=False)
    yield spaces
    monkeypatch.delenv("SPACES_ZERO_GPU")
    settings.reload()
    zerogpu._RUN.clear()
    handlers.configure()


def page() -> str:
    return (tiny.EXAMPLES / "fisheries_talks_page.txt").read_text(encoding="utf-8")


def test_summarise_and_ask_run_in_gpu_functions_registered_before_launch(zero_gpu):
    from summarise.apps.web import handlers
    from summarise.apps.web.app import QUEUE_SIZE, build_app

    app = build_app()
    zero_gpu.launched = True
    assert set(zero_gpu.decorated) == {"_summarise_on_gpu", "_answer_on_gpu"}
    assert zero_gpu.auto_wrap is False  # cleaning and claims never ask for the GPU
    assert app._queue.max_size == QUEUE_SIZE  # explicit: ZeroGPU's default would be 1

    *_, summary, _meta, _claims, status = handlers.on_summarise(page(), "short")
    assert [name for name, _ in zero_gpu.calls] == ["_summarise_on_gpu"]
    assert summary.strip() and status == ""

    question = tiny.example_questions()[0]
    outputs = handlers.on_ask(page(), question["question"], False, [])
    assert [name for name, _ in zero_gpu.calls][1:] == ["_answer_on_gpu"]
    assert question["answers"][0] in outputs[2][-1]["content"] and outputs[4] == ""


def test_the_gpu_copies_give_what_the_cpu_models_give(zero_gpu):
    from summarise.apps.web import handlers
    from summarise.apps.web.app import build_app

    build_app()
    models = handlers.components()
    body = tiny.example_paragraphs()[0]
    on_gpu = models.summariser.summarise(body)
    assert on_gpu.text == models.summariser.cpu.summarise(body).text
    question = tiny.example_questions()[0]["question"]
    context = tiny.example_article()
    assert [a.text for a in models.reader.ask(question, context)] == [
        a.text for a in models.reader.cpu.ask(question, context)
    ]
    assert len(zero_gpu.calls) == 2


def test_a_refused_gpu_falls_back_to_the_cpu_with_a_notice(zero_gpu):
    from summarise.apps.web import handlers, zerogpu
    from summarise.apps.web.app import build_app

    build_app()
    zero_gpu.refuse = True
    *_, summary, _meta, _claims, status = handlers.on_summarise(page(), "short")
    assert summary.strip() and zero_gpu.calls[-1][0] == "_summarise_on_gpu"
    assert status == f"⚠️ {zerogpu.NOTICE}"
    question = tiny.example_questions()[0]
    outputs = handlers.on_ask(page(), question["question"], False, [])
    assert question["answers"][0] in outputs[2][-1]["content"]
    assert outputs[4] == f"⚠️ {zerogpu.NOTICE}"


def test_an_error_of_ours_on_the_gpu_is_raised_as_itself(zero_gpu):
    from summarise.apps.web import handlers
    from summarise.apps.web.app import build_app
    from summarise.errors import InputError

    build_app()
    with pytest.raises(InputError, match="min_words is larger than max_words"):
        handlers.components().summariser.summarise(tiny.example_article(), 50, 10)
    assert [name for name, _ in zero_gpu.calls] == ["_summarise_on_gpu"]


def test_the_duration_grows_with_the_input(zero_gpu):
    from summarise.apps.web import handlers, zerogpu
    from summarise.apps.web.app import build_app
    from summarise.document import LENGTHS

    build_app()
    twin = id(handlers.components().summariser)
    body = tiny.example_article()
    short = zerogpu.summary_seconds(twin, body, *LENGTHS["short"])
    longer = zerogpu.summary_seconds(twin, "\n\n".join([body] * 8), *LENGTHS["short"])
    assert 0 < short < longer <= zerogpu.MAX_SECONDS
    reader = id(handlers.components().reader)
    question = ["Who chairs the talks?"]
    assert zerogpu.answer_seconds(reader, question, body) <= zerogpu.answer_seconds(
        reader, question, "\n\n".join([body] * 8)
    )


def test_the_mission_article_asks_for_20_seconds_at_most(tmp_path):
    """Sized as for the default summariser (its input limit, generation settings and
    tokens per word), at every length."""
    from summarise import clean
    from summarise.apps.web import zerogpu
    from summarise.document import LENGTHS
    from summarise.summary.summariser import Summariser

    mission = (mission_or_skip() / "article.txt").read_text(encoding="utf-8")
    body = clean(mission).body
    folder = tiny.build_default_shaped_summariser(tmp_path, [body, tiny.example_article()])
    twin = zerogpu.GpuSummariser(Summariser(str(folder), engine="torch"))
    seconds = [zerogpu.summary_seconds(id(twin), body, *LENGTHS[n]) for n in LENGTHS]
    assert seconds == sorted(seconds) and seconds[-1] <= 20


def test_without_zerogpu_nothing_is_decorated_and_the_models_stay_as_they_are(
    monkeypatch, summariser_dir
):
    from summarise.apps.web import handlers, zerogpu
    from summarise.apps.web.app import build_app
    from summarise.summary.summariser import Summariser

    spaces = StandInSpaces()
    monkeypatch.setitem(sys.modules, "spaces", spaces.module())
    handlers.configure(summariser=str(summariser_dir), reader=False, embedder=False)
    try:
        build_app()
        assert spaces.decorated == {} and spaces.auto_wrap and not zerogpu.enabled()
        assert type(handlers.components().summariser) is Summariser
    finally:
        handlers.configure()


def test_auto_is_cuda_only_where_torch_sees_a_gpu(monkeypatch):
    import torch

    from summarise.models.resolution import pick_device

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert pick_device("auto") == "cpu"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert pick_device("auto") == "cuda" and pick_device("cpu") == "cpu"
