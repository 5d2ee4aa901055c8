"""The GPU path: the tiny trained models give on CUDA what they give on the CPU.

Skipped where torch sees no GPU. The summariser runs on torch in half precision there.
"""

from __future__ import annotations

import pytest
import tiny
import torch

from summarise.components import Components, ModelSettings
from summarise.qa.reader import Reader
from summarise.summary.summariser import Summariser

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU here")


def test_the_summariser_writes_the_same_summaries_on_cuda_in_half_precision(summariser_dir):
    gpu = Summariser(str(summariser_dir), "cuda", engine="torch")
    _, model = gpu.load()
    assert next(model.parameters()).dtype == torch.float16
    for paragraph, expected in tiny.summary_training_pairs()[:4]:
        assert gpu.summarise(paragraph).text == expected


def test_the_reader_gives_the_same_answers_on_cuda(reader_dir, article, questions):
    cpu, gpu = Reader(str(reader_dir)), Reader(str(reader_dir), "cuda")
    for q in questions:
        [on_cpu], [on_gpu] = cpu.ask(q["question"], article), gpu.ask(q["question"], article)
        assert (on_gpu.text, on_gpu.start, on_gpu.end) == (on_cpu.text, on_cpu.start, on_cpu.end)
        assert on_gpu.score == pytest.approx(on_cpu.score, abs=1e-4)


def test_auto_puts_every_model_on_cuda(summariser_dir, reader_dir):
    """What the batch job, the CLI and the app get by default where a GPU is present."""
    models = Components(ModelSettings(str(summariser_dir), str(reader_dir), False))
    assert ModelSettings().device == "auto"
    for checkpoint in (models.summariser, models.reader):
        assert checkpoint is not None
        _, model = checkpoint.load()
        assert next(model.parameters()).device.type == "cuda"
