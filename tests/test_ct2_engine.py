"""The CTranslate2 engine: same memorised summaries as torch, settings carried over,
conversion cached atomically, and a clear fallback to torch."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import tiny
import torch

from summarise import ModelError
from summarise import settings as summarise_settings
from summarise.models import ct2_engine
from summarise.summary import Summariser

QUANTIZE = {"float32": False, "int8": True}


@pytest.fixture
def ct2():
    return pytest.importorskip("ctranslate2")


@pytest.fixture(params=list(QUANTIZE))
def quantization(request, ct2) -> str:
    return request.param


def engine_summariser(folder: Path, quantization: str, **kwargs) -> Summariser:
    return Summariser(str(folder), engine="ctranslate2", quantize=QUANTIZE[quantization], **kwargs)


def one_paragraph_budget(summariser: Summariser) -> int:
    tokenizer, _ = summariser.load()
    lengths = [
        len(tokenizer(p, add_special_tokens=False)["input_ids"])
        for p in tiny.example_paragraphs()[:3]
    ]
    return max(lengths) + 6 + tokenizer.num_special_tokens_to_add()


# --- correctness: the memorised summaries, short and long ----------------------------


def test_engine_reproduces_the_memorised_summaries(summariser_dir, quantization):
    s = engine_summariser(summariser_dir, quantization)
    _, model = s.load()
    assert isinstance(model, ct2_engine.Seq2SeqEngine)
    assert model.quantization == quantization
    for paragraph, expected in tiny.summary_training_pairs():
        assert s.summarise(paragraph).text == expected


def test_engine_long_document_path_matches_torch(summariser_dir, quantization):
    budget = one_paragraph_budget(Summariser(str(summariser_dir), engine="torch"))
    s = engine_summariser(summariser_dir, quantization, max_input_tokens=budget, batch_size=2)
    long_document = "\n\n".join(tiny.example_paragraphs()[:3])
    seen: list[tuple[int, int]] = []
    summary = s.summarise(long_document, progress=lambda d, t: seen.append((d, t)))
    assert summary.chunks == 3
    assert summary.text == " ".join(text for _, text in tiny.SUMMARY_PAIRS[:3])
    assert seen[-1] == (3, 3) and (2, 3) in seen
    again = s.summarise(long_document, max_words=20)  # the combined summary summarised again
    assert again.text == tiny.COMBINED_SUMMARY


def test_engine_runs_t5_with_its_prefix(tmp_path, quantization):
    folder = tiny.build_t5(tmp_path / "t5")
    s = engine_summariser(folder, quantization)
    _, model = s.load()
    assert isinstance(model, ct2_engine.Seq2SeqEngine)
    assert s.prefix(model) == "summarize: "
    for paragraph, expected in tiny.summary_training_pairs()[:2]:
        assert s.summarise(paragraph).text == expected


def test_engine_converts_pegasus(tmp_path, ct2):
    folder = tiny.build_pegasus(tmp_path / "pegasus")
    torch_side = Summariser(str(folder), engine="torch")
    engine = engine_summariser(folder, "float32")
    assert isinstance(engine.load()[1], ct2_engine.Seq2SeqEngine)
    for paragraph, expected in tiny.summary_training_pairs()[:2]:
        assert torch_side.summarise(paragraph).text == expected
        assert engine.summarise(paragraph).text == expected


# --- each generation setting is honoured ----------------------------------------------


@pytest.fixture(scope="module")
def pair(summariser_dir):
    """The torch model and the float32 engine of the tiny BART, and one input."""
    pytest.importorskip("ctranslate2")
    tokenizer, model = Summariser(str(summariser_dir), engine="torch").load()
    _, engine = engine_summariser(summariser_dir, "float32").load()
    return tokenizer, model, engine, tiny.example_paragraphs()[0]


def both(pair, **settings) -> tuple[list[int], list[int]]:
    """Greedy token ids from torch and from the engine, without the decoder start
    token, end token or padding, for the same settings."""
    tokenizer, model, engine, text = pair
    settings = {"num_beams": 1, **settings}
    with torch.inference_mode():
        ids = model.generate(**tokenizer([text], return_tensors="pt"), **settings)[0].tolist()
    special = {tokenizer.eos_token_id, tokenizer.pad_token_id}
    theirs = [i for i in ids[1:] if i not in special]
    ours = engine.generate(tokenizer, [text], settings, 512)[0]
    return [i for i in ours if i not in special], theirs


def repeats(ids: list[int], n: int) -> bool:
    grams = [tuple(ids[i : i + n]) for i in range(len(ids) - n + 1)]
    return len(grams) != len(set(grams))


def test_minimum_length_is_honoured(pair):
    free, _ = both(pair)
    ours, theirs = both(pair, min_length=25, max_length=60)
    assert ours == theirs
    assert len(ours) == 24  # min_length counts the start token; the end token comes next
    assert len(free) < 20  # without the setting the memorised summary stops sooner
    ours, theirs = both(pair, min_new_tokens=30, max_new_tokens=60, min_length=0)
    assert ours == theirs and len(ours) == 30


def test_maximum_length_is_honoured(pair):
    ours, theirs = both(pair, max_length=6)
    assert ours == theirs and len(ours) == 4  # start token and forced end token leave 4
    ours, theirs = both(pair, max_new_tokens=5)
    assert ours == theirs and len(ours) == 4


def test_no_repeat_ngram_size_is_honoured(pair):
    loose, _ = both(pair, min_length=35, max_length=60)
    assert repeats(loose, 2)  # forced to go on, the model repeats itself...
    ours, theirs = both(pair, min_length=35, max_length=60, no_repeat_ngram_size=2)
    assert ours == theirs
    assert not repeats(ours, 2)  # ...unless told not to


def test_forced_first_token_is_honoured(pair):
    tokenizer = pair[0]
    natural, _ = both(pair)
    assert natural[0] == tokenizer.bos_token_id  # the checkpoint forces <s>
    other = tokenizer.convert_tokens_to_ids("Norway")
    ours, theirs = both(pair, forced_bos_token_id=other)
    assert ours == theirs
    assert ours[0] == other != natural[0]


def test_beam_settings_carry_over(summariser_dir, ct2):
    tokenizer, _ = Summariser(str(summariser_dir), engine="torch").load()
    _, engine = engine_summariser(summariser_dir, "int8").load()
    settings = {"num_beams": 4, "length_penalty": 2.0, "no_repeat_ngram_size": 3, "min_length": 9}
    options, prefix = ct2_engine.decoding_options(tokenizer, engine.generation_config, settings)
    assert prefix == ["<s>"]
    assert options["beam_size"] == 4
    assert options["length_penalty"] == 2.0
    assert options["no_repeat_ngram_size"] == 3
    assert options["min_decoding_length"] == 8
    assert options["max_decoding_length"] == 38  # max_length 40: no start, no forced end


# --- conversion: cached, atomic, refreshed, and a fallback to torch --------------------


def test_conversion_is_cached_beside_the_checkpoint(tmp_path, summariser_dir, ct2, monkeypatch):
    import shutil

    folder = tmp_path / "model"
    shutil.copytree(summariser_dir, folder, ignore=shutil.ignore_patterns("ct2-*"))
    target = ct2_engine.convert(folder, "int8")
    assert target == folder / "ct2-int8"
    assert (target / "model.bin").exists()
    stamp = json.loads((target / "source.json").read_text())
    assert stamp["quantization"] == "int8"

    def refuse(*args, **kwargs):
        raise AssertionError("converted again")

    monkeypatch.setattr(ct2.converters.TransformersConverter, "convert", refuse)
    assert ct2_engine.convert(folder, "int8") == target  # up to date: used as it is
    config = folder / "config.json"
    config.write_text(config.read_text())  # the checkpoint changed: convert again
    with pytest.raises(AssertionError, match="converted again"):
        ct2_engine.convert(folder, "int8")
    assert (target / "model.bin").exists()  # the old copy stays until a new one is complete


def test_a_failed_conversion_leaves_nothing_and_falls_back_to_torch(
    tmp_path, summariser_dir, ct2, monkeypatch, caplog
):
    import shutil

    folder = tmp_path / "model"
    shutil.copytree(summariser_dir, folder, ignore=shutil.ignore_patterns("ct2-*"))

    def half_written(self, output_dir, **kwargs):
        Path(output_dir).mkdir(parents=True)
        (Path(output_dir) / "model.bin").write_bytes(b"partial")
        raise RuntimeError("disk full")

    monkeypatch.setattr(ct2.converters.TransformersConverter, "convert", half_written)
    monkeypatch.setattr(ct2_engine, "_CACHE", {})
    with caplog.at_level(logging.WARNING, logger="summarise.models.ct2_engine"):
        s = Summariser(str(folder), engine="auto")
        _, model = s.load()
        s.load()
    assert isinstance(model, torch.nn.Module)
    assert [r.getMessage() for r in caplog.records if "cannot convert" in r.getMessage()] == [
        f"The ctranslate2 engine cannot convert the summariser {folder} (disk full); using torch."
    ]
    assert [p.name for p in folder.iterdir() if p.name.startswith((".ct2", "ct2"))] == []
    assert s.summarise(tiny.summary_training_pairs()[0][0]).text == tiny.SUMMARY_PAIRS[0][1]


def test_a_model_the_engine_cannot_convert_runs_on_torch(tmp_path, ct2, caplog, monkeypatch):
    from transformers import AutoTokenizer, LEDConfig, LEDForConditionalGeneration

    folder = tmp_path / "led"
    tiny.save_bpe(tiny.bpe_tokenizer([tiny.example_article()], vocab_size=400), folder)
    vocab = len(AutoTokenizer.from_pretrained(folder))
    small = dict(d_model=32, encoder_layers=1, decoder_layers=1, encoder_ffn_dim=64)
    config = LEDConfig(
        vocab_size=vocab,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        decoder_ffn_dim=64,
        attention_window=[16],
        architectures=["LEDForConditionalGeneration"],
        **small,
    )
    LEDForConditionalGeneration(config).save_pretrained(folder)
    monkeypatch.setattr(ct2_engine, "_CACHE", {})
    with caplog.at_level(logging.WARNING, logger="summarise.models.ct2_engine"):
        _, model = Summariser(str(folder)).load()
    assert isinstance(model, torch.nn.Module)
    [record] = caplog.records
    assert "cannot convert" in record.getMessage() and "LEDConfig" in record.getMessage()


# --- engine choice ----------------------------------------------------------------------


def test_auto_falls_back_to_torch_with_one_log_line_when_ctranslate2_is_missing(
    summariser_dir, monkeypatch, caplog
):
    monkeypatch.setattr(ct2_engine, "installed", lambda: False)
    monkeypatch.setattr(ct2_engine, "_CACHE", {})
    with caplog.at_level(logging.INFO, logger="summarise.models.ct2_engine"):
        s = Summariser(str(summariser_dir), engine="auto")
        _, model = s.load()
        summary = s.summarise(tiny.summary_training_pairs()[0][0])
    assert isinstance(model, torch.nn.Module)
    assert summary.text == tiny.SUMMARY_PAIRS[0][1]
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert "ctranslate2 is not installed" in record.getMessage()
    with pytest.raises(ModelError, match="not installed; pip install 'summarise\\[fast\\]'"):
        Summariser(str(summariser_dir), engine="ctranslate2").load()


def test_engine_choice_is_checked(summariser_dir, monkeypatch):
    with pytest.raises(ModelError, match="Unknown engine 'onnx'"):
        Summariser(str(summariser_dir), engine="onnx")
    with pytest.raises(ModelError, match="int8 weights run on the ctranslate2 engine only"):
        Summariser(str(summariser_dir), engine="torch", quantize=True)
    monkeypatch.setenv("SUMMARISE_ENGINE", "torch")
    summarise_settings.reload()
    assert Summariser(str(summariser_dir)).engine == "torch"


def test_engine_keeps_reporting_progress_while_a_batch_runs(monkeypatch):
    """A batch that takes a while still calls ``tick`` (the web app's progress) often."""
    from transformers import GenerationConfig

    class Slow:  # an asynchronous result that finishes after a few polls
        def __init__(self) -> None:
            self.polls = 0

        def done(self) -> bool:
            self.polls += 1
            return self.polls > 5

        def result(self):
            return type("R", (), {"hypotheses": [["<s>", "cod"]]})()

    class Translator:
        def translate_batch(self, source, **options):
            assert options["asynchronous"] is True
            return [Slow() for _ in source]

    class Tokenizer:
        def __call__(self, texts, **kwargs):
            return {"input_ids": [[0, 5, 2] for _ in texts]}

        def convert_ids_to_tokens(self, ids):
            return [str(i) for i in ids] if isinstance(ids, list) else str(ids)

        def convert_tokens_to_ids(self, tokens):
            return [len(t) for t in tokens]

    monkeypatch.setattr(ct2_engine, "TICK_SECONDS", 0.0)
    engine = ct2_engine.Seq2SeqEngine(Translator(), None, GenerationConfig(), "int8", Path("."))
    ticks: list[int] = []
    out = engine.generate(Tokenizer(), ["a", "b"], {}, 16, lambda: ticks.append(1))
    assert out == [[3, 3], [3, 3]]
    assert len(ticks) >= 4


def test_web_app_progress_names_the_chunks(summariser_dir, ct2):
    from summarise.apps.web import handlers

    budget = one_paragraph_budget(Summariser(str(summariser_dir), engine="torch"))
    s = engine_summariser(summariser_dir, "int8", max_input_tokens=budget, batch_size=1)
    calls: list[tuple[float, str]] = []
    handlers.configure(summariser=s, reader=False, embedder=False)
    try:
        text = "\n\n".join(tiny.example_paragraphs()[:3])
        *_, summary, _, _, status = handlers.on_summarise(
            text, "medium", lambda f, desc: calls.append((f, desc))
        )
    finally:
        handlers.configure()
    assert status == "" and summary
    labels = [desc.split(",")[0] for _, desc in calls[1:]]
    labels = [label for label in dict.fromkeys(labels) if not label.startswith("0 of")]
    assert labels == ["1 of 3 chunks done", "2 of 3 chunks done", "3 of 3 chunks done"]
    assert calls[-1][0] == 1.0
