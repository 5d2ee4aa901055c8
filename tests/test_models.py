"""Model resolution, folder checks, `pull` against a fake hub, the embedded encoder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from summarise import ModelError
from summarise import settings as summarise_settings
from summarise.models import Embedder
from summarise.models import resolution as models
from summarise.qa import Reader
from summarise.summary import Summariser


def copy_model(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def test_explicit_argument_beats_environment_and_models_folder(
    isolated_models, reader_dir, monkeypatch, tmp_path
):
    copy_model(reader_dir, isolated_models / "reader")
    env_copy = copy_model(reader_dir, tmp_path / "env-reader")
    arg_copy = copy_model(reader_dir, tmp_path / "arg-reader")
    monkeypatch.setenv("SUMMARISE_READER", str(env_copy))
    summarise_settings.reload()
    assert models.resolve("reader", str(arg_copy)).source == "argument"
    assert models.resolve("reader").source == "environment"
    monkeypatch.delenv("SUMMARISE_READER")
    summarise_settings.reload()
    resolved = models.resolve("reader")
    assert resolved.source == "models folder"
    assert resolved.path == str(isolated_models / "reader")
    assert resolved.size_bytes and resolved.size_bytes > 10_000


def test_hf_cache_is_used_when_there_is_no_models_folder(isolated_models, monkeypatch, reader_dir):
    calls = []

    def fake_snapshot(repo_id, local_files_only=False, **kwargs):
        calls.append((repo_id, local_files_only))
        if not local_files_only:
            raise AssertionError("must not download")
        return str(reader_dir)

    monkeypatch.setattr(models, "snapshot_download", fake_snapshot)
    resolved = models.resolve("reader")
    assert resolved.source == "HF cache"
    assert resolved.name == models.ROLES["reader"]["default"]
    assert calls == [(models.ROLES["reader"]["default"], True)]


def test_offline_with_nothing_local_resolves_to_none(isolated_models):
    assert models.resolve("reader").source == "none"
    assert models.resolve("summariser").source == "none"
    with pytest.raises(ModelError, match="summarise pull reader"):
        Reader()


def test_hub_is_the_last_resort_when_online(isolated_models, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    summarise_settings.reload()
    resolved = models.resolve("summariser")
    assert (resolved.source, resolved.name) == ("hub", "sshleifer/distilbart-cnn-12-6")


def test_named_hub_model_offline_gives_one_clear_error(isolated_models):
    with pytest.raises(ModelError) as info:
        Reader("someone/not-downloaded-squad")
    message = str(info.value)
    assert "someone/not-downloaded-squad" in message and "HF_HUB_OFFLINE" in message
    assert "\n" not in message


def test_hub_download_failure_is_one_sentence(isolated_models, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    summarise_settings.reload()

    def fail(repo_id, **kwargs):
        if kwargs.get("local_files_only"):
            raise FileNotFoundError(repo_id)
        raise ConnectionError("no route to host")

    monkeypatch.setattr(models, "snapshot_download", fail)
    reader = Reader()
    with pytest.raises(ModelError, match="Could not download model 'distilbert/"):
        reader.load()


@pytest.mark.parametrize(
    "damage, message",
    [
        ("empty", "is empty"),
        ("no-config", "no config.json"),
        ("no-weights", "no weights"),
        ("pickle-only", "pickle checkpoint"),
        ("no-tokenizer", "no tokenizer files"),
        ("missing-shard", "missing shard"),
    ],
)
def test_damaged_models_folder_is_reported(isolated_models, reader_dir, damage, message):
    folder = isolated_models / "reader"
    if damage == "empty":
        folder.mkdir(parents=True)
    else:
        copy_model(reader_dir, folder)
    if damage == "no-config":
        (folder / "config.json").unlink()
    if damage in {"no-weights", "pickle-only"}:
        (folder / "model.safetensors").unlink()
    if damage == "pickle-only":
        (folder / "pytorch_model.bin").write_bytes(b"not really a pickle")
    if damage == "no-tokenizer":
        for name in ("tokenizer.json", "tokenizer_config.json"):
            (folder / name).unlink()
    if damage == "missing-shard":
        (folder / "model.safetensors.index.json").write_text(
            json.dumps({"weight_map": {"a": "model-00001-of-00002.safetensors"}})
        )
    with pytest.raises(ModelError, match=message) as info:
        models.resolve("reader")
    assert str(folder) in str(info.value)


def test_wrong_task_checkpoint_is_refused(isolated_models, summariser_dir, reader_dir):
    copy_model(summariser_dir, isolated_models / "reader")
    with pytest.raises(ModelError, match="not an extractive question-answering model"):
        Reader()
    with pytest.raises(ModelError, match="not a sequence-to-sequence model"):
        Summariser(str(reader_dir))


def test_corrupted_manifest_is_reported(isolated_models, reader_dir):
    copy_model(reader_dir, isolated_models / "reader")
    (isolated_models / "manifest.json").write_text("{not json")
    with pytest.raises(ModelError, match="manifest.json' is not valid JSON"):
        models.resolve("reader")


class FakeInfo:
    sha = "0123456789abcdef0123456789abcdef01234567"
    card_data = {"license": "apache-2.0"}


def test_pull_downloads_safetensors_and_records_the_revision(
    isolated_models, monkeypatch, reader_dir, summariser_dir
):
    sources = {
        models.DEFAULTS["reader"]["en"]: reader_dir,
        models.DEFAULTS["reader"]["*"]: reader_dir,
        models.DEFAULTS["summariser"]["en"]: summariser_dir,
        models.DEFAULTS["summariser"]["*"]: summariser_dir,
    }
    calls = []

    def fake_snapshot(repo_id, revision=None, local_dir=None, allow_patterns=None, **kwargs):
        calls.append((repo_id, revision, allow_patterns))
        shutil.copytree(sources[repo_id], local_dir)
        return local_dir

    class FakeApi:
        def model_info(self, repo_id):
            return FakeInfo()

    monkeypatch.setattr(models, "snapshot_download", fake_snapshot)
    monkeypatch.setattr(models, "HfApi", FakeApi)
    manifest = models.pull(["reader", "summariser"], to=isolated_models)
    assert [c[0] for c in calls] == list(sources)
    assert all(c[1] == FakeInfo.sha for c in calls)
    assert all("*.safetensors" in c[2] and "*.bin" not in c[2] for c in calls)
    written = json.loads((isolated_models / "manifest.json").read_text())
    assert written == manifest
    assert written["reader"] == {
        "repo_id": models.ROLES["reader"]["default"],
        "revision": FakeInfo.sha,
        "license": "apache-2.0",
    }
    assert written["reader-multilingual"]["repo_id"] == "deepset/xlm-roberta-base-squad2"
    for key in ("en", "*"):  # each language's model in its own folder, found there
        resolved = models.resolve("reader", key=key)
        assert (resolved.source, resolved.revision, resolved.licence) == (
            "models folder",
            FakeInfo.sha,
            "apache-2.0",
        )
    assert models.resolve("reader", key="*").path.endswith("reader-multilingual")


def test_pull_failure_is_one_clear_error(isolated_models, monkeypatch):
    class DownApi:
        def model_info(self, repo_id):
            raise ConnectionError("offline")

    monkeypatch.setattr(models, "HfApi", DownApi)
    with pytest.raises(ModelError, match="Could not download 'sshleifer/distilbart-cnn-12-6'"):
        models.pull(["summariser"], to=isolated_models)


def test_describe_lists_every_role_and_language(isolated_models, reader_dir):
    copy_model(reader_dir, isolated_models / "reader-multilingual")
    rows = {(row["role"], row["language"]): row for row in models.describe()}
    assert list(rows) == [
        ("summariser", "en"),
        ("summariser", "*"),
        ("reader", "en"),
        ("reader", "*"),
        ("embedder", "en"),
    ]
    assert rows[("reader", "*")]["source"] == "models folder"
    assert rows[("reader", "en")]["source"] == "none"
    assert rows[("summariser", "*")]["name"] == "csebuetnlp/mT5_multilingual_XLSum"
    assert rows[("embedder", "en")]["source"] in {"package", "none"}


def test_embedded_encoder_loads_from_the_package_and_ranks_meaning(isolated_models, embedder_dir):
    embedder = Embedder()
    assert embedder.resolved.source == "package"
    assert embedder.resolved.path == str(embedder_dir)
    vectors = embedder.encode(
        [
            "Who leads the negotiations for the European Union?",
            "Margarethe Lind is the EU's chief negotiator at the talks.",
            "Cafes were busy as visitors arrived.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_models_load_once_and_are_shared(reader_dir):
    a, b = Reader(str(reader_dir)), Reader(str(reader_dir))
    assert a.load()[1] is b.load()[1]


def test_reader_refuses_int8(reader_dir):
    with pytest.raises(ModelError, match="The reader has no int8 mode"):
        Reader(str(reader_dir), quantize=True)
