"""The summariser: memorised summaries, the long-document path, generation settings."""

from __future__ import annotations

import pytest
import tiny

from summarise import InputError
from summarise.models import ct2_engine
from summarise.summary import Summariser


@pytest.fixture(scope="module")
def summariser(summariser_dir) -> Summariser:
    return Summariser(str(summariser_dir), engine="torch")


def test_trained_model_reproduces_known_summaries(summariser):
    for paragraph, expected in tiny.summary_training_pairs()[:4]:
        summary = summariser.summarise(paragraph)
        assert summary.text == expected
        assert summary.chunks == 1
        assert summary.method == "abstractive"
        assert summary.seconds > 0


def long_document() -> str:
    return "\n\n".join(tiny.example_paragraphs()[:3])


def budget_for_one_paragraph(summariser) -> int:
    tokenizer, _ = summariser.load()
    paragraphs = tiny.example_paragraphs()[:3]
    lengths = [len(tokenizer(p, add_special_tokens=False)["input_ids"]) for p in paragraphs]
    # room for the longest paragraph (and its sentence separators), not for two
    return max(lengths) + 6 + tokenizer.num_special_tokens_to_add()


def test_long_document_is_chunked_on_sentences_and_combined(summariser_dir, summariser):
    limit = budget_for_one_paragraph(summariser)
    small = Summariser(str(summariser_dir), engine="torch", max_input_tokens=limit)
    tokenizer, model = small.load()
    pieces = small._chunk(tokenizer, long_document(), small.input_budget(tokenizer, model))
    assert pieces == tiny.example_paragraphs()[:3]
    summary = small.summarise(long_document())
    assert summary.chunks == 3
    assert summary.text == " ".join(s for _, s in tiny.SUMMARY_PAIRS[:3])


def test_combined_summary_is_summarised_again_when_over_the_word_budget(summariser_dir, summariser):
    small = Summariser(
        str(summariser_dir), engine="torch", max_input_tokens=budget_for_one_paragraph(summariser)
    )
    summary = small.summarise(long_document(), max_words=20)
    assert summary.chunks == 3
    assert summary.text == tiny.COMBINED_SUMMARY


def test_no_tail_is_lost_when_the_input_overflows(summariser_dir, summariser):
    small = Summariser(
        str(summariser_dir), engine="torch", max_input_tokens=budget_for_one_paragraph(summariser)
    )
    tokenizer, model = small.load()
    text = "\n\n".join(tiny.example_paragraphs())
    pieces = small._chunk(tokenizer, text, small.input_budget(tokenizer, model))
    assert " ".join(" ".join(pieces).split()) == " ".join(text.split())
    assert all(
        len(tokenizer(p, add_special_tokens=False)["input_ids"])
        <= small.input_budget(tokenizer, model)
        for p in pieces
    )


def test_over_long_sentence_is_cut_to_the_budget(summariser):
    tokenizer, model = summariser.load()
    sentence = "cod " * 600
    pieces = summariser._chunk(tokenizer, sentence, 50)
    assert len(pieces) > 1
    assert all(len(tokenizer(p, add_special_tokens=False)["input_ids"]) <= 50 for p in pieces)


def test_generation_settings_follow_the_checkpoint_then_the_caller(summariser):
    tokenizer, model = summariser.load()
    text = tiny.example_paragraphs()[0]
    defaults = summariser.generation_settings(tokenizer, model, text, None, None, None)
    assert defaults == {}  # generate() then uses the checkpoint's generation config
    custom = summariser.generation_settings(tokenizer, model, text, 10, 30, 3)
    assert custom["num_beams"] == 3
    assert custom["min_length"] == 0
    assert 30 <= custom["max_new_tokens"] <= 30 * 4
    assert 1 <= custom["min_new_tokens"] < custom["max_new_tokens"]


def test_max_words_bounds_the_output(summariser):
    summary = summariser.summarise(tiny.example_paragraphs()[0], max_words=3)
    assert 1 <= len(summary.text.split()) <= 3


def test_task_specific_params_update_generation(summariser_dir, tmp_path):
    import json
    import shutil

    folder = tmp_path / "with-params"
    shutil.copytree(summariser_dir, folder)
    config = json.loads((folder / "config.json").read_text())
    config["task_specific_params"] = {"summarization": {"num_beams": 1, "max_length": 12}}
    (folder / "config.json").write_text(json.dumps(config))
    s = Summariser(str(folder), engine="torch")
    tokenizer, model = s.load()
    assert s.generation_settings(tokenizer, model, "x", None, None, None) == {
        "num_beams": 1,
        "max_length": 12,
    }


def test_t5_gets_its_prefix_from_the_config(tmp_path):
    folder = tiny.build_t5(tmp_path / "t5")
    s = Summariser(str(folder), engine="torch")
    _, model = s.load()
    assert s.prefix(model) == "summarize: "
    for paragraph, expected in tiny.summary_training_pairs()[:2]:
        assert s.summarise(paragraph).text == expected


def test_bad_arguments_are_refused(summariser):
    with pytest.raises(InputError, match="empty"):
        summariser.summarise("   ")
    with pytest.raises(InputError, match="min_words is larger"):
        summariser.summarise("Some text here.", min_words=50, max_words=10)


def progress_of_one_chunk_per_batch(summariser_dir, summariser) -> tuple[str, list]:
    """The summary of the three-paragraph document, a chunk per batch, and the
    progress calls made while it was written."""
    small = Summariser(
        str(summariser_dir),
        engine="torch",
        max_input_tokens=budget_for_one_paragraph(summariser),
        batch_size=1,
    )
    seen: list[tuple[int, int]] = []
    summary = small.summarise(
        long_document(), progress=lambda done, total: seen.append((done, total))
    )
    return summary.text, seen


def test_progress_is_reported_chunk_by_chunk(summariser_dir, summariser, monkeypatch):
    monkeypatch.setattr(ct2_engine, "TICK_SECONDS", 1e9)  # no heartbeats in between
    _, seen = progress_of_one_chunk_per_batch(summariser_dir, summariser)
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_torch_generation_reports_between_decoding_steps(summariser_dir, summariser, monkeypatch):
    monkeypatch.setattr(ct2_engine, "TICK_SECONDS", 0.0)  # a heartbeat at every step
    text, seen = progress_of_one_chunk_per_batch(summariser_dir, summariser)
    assert text == " ".join(s for _, s in tiny.SUMMARY_PAIRS[:3])  # nothing stopped
    for done in range(3):  # while chunk done+1 decodes, "done of 3" keeps coming
        assert seen.count((done, 3)) >= 3
    assert seen.index((0, 3)) < seen.index((1, 3)) < seen.index((2, 3)) < seen.index((3, 3))


def test_beam_search_without_cross_attention_reordering_gives_the_same_output(summariser):
    import torch

    from summarise.summary.summariser import _beam_cache

    tokenizer, model = summariser.load()
    texts = [paragraph for paragraph, _ in tiny.summary_training_pairs()[:3]]
    inputs = tokenizer(texts, return_tensors="pt", padding=True)
    settings = dict(num_beams=4, max_length=40, min_length=10, no_repeat_ngram_size=3)
    cache = _beam_cache(model, settings)
    assert len(cache) == 1
    with torch.inference_mode():
        ours = model.generate(**inputs, **settings, **cache)
        stock = model.generate(**inputs, **settings)
    assert torch.equal(ours, stock)
    assert _beam_cache(model, dict(num_beams=1)) == {}  # greedy search: nothing to reorder
