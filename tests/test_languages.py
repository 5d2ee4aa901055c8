"""Models by language: German, French and Spanish pages of our own go to a tiny mT5 and a
tiny XLM-RoBERTa trained on the spot for "*", English pages to the English models; the
settings, the environment and the CLI name a model per language; the fallbacks rank
other languages lexically, with their own stop words."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import multilingual
import pytest
import tiny
import torch
from multilingual import PAGES

from summarise import Document, InputError
from summarise import settings as summarise_settings
from summarise.components import Components, ModelSettings
from summarise.language.sentences import sentence_spans
from summarise.language.tokens import tokens
from summarise.models import ct2_engine
from summarise.summary import Summariser

ENGLISH_PAGE = "\n\n".join(
    ["Arctic Fishing Nations Open Emergency Talks on Cod Quotas", tiny.example_paragraphs()[0]]
)


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """Tiny models run faster on one thread on a busy machine (see multilingual.py)."""
    with multilingual.one_thread():
        yield


@pytest.fixture(scope="module")
def mt5_dir(tmp_path_factory) -> Path:
    return multilingual.build_mt5(tmp_path_factory.mktemp("mt5"))


@pytest.fixture(scope="module")
def xlmr_dir(tmp_path_factory) -> Path:
    return multilingual.build_xlmr(tmp_path_factory.mktemp("xlmr"))


@pytest.fixture(scope="module")
def summariser_dir(tmp_path_factory, one_thread) -> Path:
    """The tiny English BART (as conftest's), trained here on one thread."""
    return tiny.build_trained_summariser(tmp_path_factory.mktemp("en-summariser"))


@pytest.fixture(scope="module")
def english_reader_dir(tmp_path_factory) -> Path:
    return tiny.build_qa_model("distilbert", tmp_path_factory.mktemp("en-reader"))  # untrained


@pytest.fixture(scope="module")
def components(mt5_dir, xlmr_dir, summariser_dir, english_reader_dir) -> Components:
    return Components(
        ModelSettings(
            summariser={"en": str(summariser_dir), "*": str(mt5_dir)},
            reader={"en": str(english_reader_dir), "*": str(xlmr_dir)},
            engine="torch",
            max_seq_len=multilingual.WINDOW,
            doc_stride=multilingual.STRIDE,
        )
    )


# --- the setting: a model per language ------------------------------------------------


def test_a_model_per_language_is_read_from_one_value():
    read = summarise_settings.per_language
    assert read("en=a/b, *=c/d") == {"en": "a/b", "*": "c/d"}
    assert read("sshleifer/distilbart-cnn-12-6") == {"*": "sshleifer/distilbart-cnn-12-6"}
    assert read("./models/my=odd") == {"*": "./models/my=odd"}  # no language key: a plain name
    with pytest.raises(InputError, match="'oops' in SUMMARISE_READER is not language=model"):
        read("en=a/b,oops", "SUMMARISE_READER")


def test_the_environment_names_a_model_per_language(monkeypatch, mt5_dir, summariser_dir):
    monkeypatch.setenv("SUMMARISE_SUMMARISER", f"en={summariser_dir},*={mt5_dir}")
    summarise_settings.reload()
    components = Components(ModelSettings(reader=False, engine="torch"))
    assert components.summariser_for("de").name == str(mt5_dir)
    assert components.summariser_for("en").name == str(summariser_dir)
    # a plain value is one model for every language, English included
    monkeypatch.setenv("SUMMARISE_SUMMARISER", str(mt5_dir))
    summarise_settings.reload()
    components = Components(ModelSettings(reader=False, engine="torch"))
    assert components.summariser_for("en").name == str(mt5_dir)
    assert components.key("summariser", "en") == components.key("summariser", "fr") == "*"


def test_a_language_falls_back_to_star_then_to_the_shipped_default():
    settings = ModelSettings(summariser={"de": "x"}, reader="y")
    components = Components(settings)
    assert components.key("summariser", "de") == "de"
    assert components.key("summariser", "fr") == "*"  # the shipped multilingual default
    assert components.key("summariser", "en") == "en"  # the shipped English default
    assert components.key("reader", "en") == components.key("reader", "de") == "*"


# --- routing, memorised outputs and offsets -------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=[p.language for p in PAGES])
def test_a_page_goes_to_the_models_of_its_language(components, page, mt5_dir, xlmr_dir):
    doc = Document(page.raw, components=components)
    assert doc.language == page.language
    assert doc.summariser.name == str(mt5_dir) and doc.reader.name == str(xlmr_dir)
    summary = doc.summary()
    assert (summary.text, summary.method, summary.model) == (
        page.summary,
        "abstractive",
        str(mt5_dir),
    )
    results = doc.ask_many([q for q, _ in page.questions])
    for (_, expected), [answer] in zip(page.questions, results):
        assert (answer.text, answer.method) == (expected, "reader")
        assert doc.text[answer.start : answer.end] == expected
        assert page.raw[answer.original_start : answer.original_end] == expected
        assert answer.original_start > answer.start  # the menu line above was cleaned away


def test_english_pages_still_go_to_the_english_models(
    components, summariser_dir, english_reader_dir
):
    doc = Document(ENGLISH_PAGE, components=components)
    assert doc.language == "en"
    assert doc.summariser.name == str(summariser_dir)
    assert doc.reader.name == str(english_reader_dir)
    assert doc.summary().text == tiny.summary_training_pairs()[0][1]


def test_models_load_only_when_a_page_in_their_language_arrives(mt5_dir, xlmr_dir, summariser_dir):
    components = Components(
        ModelSettings(summariser={"en": str(summariser_dir), "*": str(mt5_dir)}, reader=False)
    )
    Document(ENGLISH_PAGE, components=components).summary()
    assert ("summariser", "*") not in components._built
    german = Document(PAGES[0].raw, components=components)
    assert german.summary().text == PAGES[0].summary
    assert components.summariser_for("fr") is german.summariser  # built once, shared


def test_the_user_can_override_the_detected_language(mt5_dir, summariser_dir):
    components = Components(
        ModelSettings(summariser={"en": str(summariser_dir), "de": str(mt5_dir)}, reader=False)
    )
    doc = Document(PAGES[0].raw, components=components, language="DE")
    assert doc.language == "de" and doc.summariser.name == str(mt5_dir)
    forced = Document(PAGES[0].raw, components=components, language="en")
    assert forced.summariser.name == str(summariser_dir)
    with pytest.raises(InputError, match="'german' is not a language code"):
        Document(PAGES[0].raw, components=components, language="german")


# --- the engines ------------------------------------------------------------------------


def test_mt5_gets_no_prefix_unless_its_config_asks(mt5_dir):
    s = Summariser(str(mt5_dir), engine="torch")
    _, model = s.load()
    assert s.prefix(model) == ""
    model.config.task_specific_params = {"summarization": {"prefix": "summarize: "}}
    assert s.prefix(model) == "summarize: "
    model.config.task_specific_params = None


@pytest.mark.parametrize("quantize", [True, False], ids=["int8", "float32"])
def test_mt5_converts_for_ctranslate2_and_writes_the_same_summaries(mt5_dir, quantize):
    pytest.importorskip("ctranslate2")
    s = Summariser(str(mt5_dir), engine="ctranslate2", quantize=quantize)
    _, model = s.load()
    assert isinstance(model, ct2_engine.Seq2SeqEngine)
    for page in PAGES:
        assert s.summarise(multilingual.cleaned(page)[1]).text == page.summary


def test_mt5_on_ctranslate2_scores_as_torch_does(mt5_dir):
    """The converted mT5 gives the summary's tokens the log-probabilities torch gives them
    (a decoder output scaled as transformers 4 scaled tied T5s would not)."""
    pytest.importorskip("ctranslate2")
    from transformers import AutoModelForSeq2SeqLM

    tokenizer, engine = Summariser(str(mt5_dir), engine="ctranslate2", quantize=False).load()
    body = multilingual.cleaned(PAGES[0])[1]
    source = tokenizer(body)["input_ids"]
    target = tokenizer(PAGES[0].summary)["input_ids"]
    [scored] = engine.translator.score_batch(
        [tokenizer.convert_ids_to_tokens(source)], [tokenizer.convert_ids_to_tokens(target[:-1])]
    )
    model = AutoModelForSeq2SeqLM.from_pretrained(mt5_dir)
    with torch.inference_mode():
        logits = model(input_ids=torch.tensor([source]), labels=torch.tensor([target])).logits
    expected = logits.log_softmax(-1)[0, torch.arange(len(target)), torch.tensor(target)]
    assert scored.log_probs == pytest.approx(expected.tolist(), abs=1e-3)


def test_long_german_text_is_chunked_on_sentence_boundaries(mt5_dir):
    s = Summariser(str(mt5_dir), engine="torch")
    tokenizer, _ = s.load()
    body = multilingual.cleaned(PAGES[0])[1]
    sentences = [body[a:b] for a, b in sentence_spans(body, "de")]
    budget = max(len(tokenizer(x, add_special_tokens=False)["input_ids"]) for x in sentences) + 4
    pieces = s._chunk(tokenizer, body, budget, "de")
    assert len(pieces) > 1 and all(p.endswith(".") and p[0].isupper() for p in pieces)
    chunked = Summariser(str(mt5_dir), engine="torch", max_input_tokens=budget)
    summary = chunked.summarise(body, language="de")
    assert summary.chunks == len(pieces) and summary.text


# --- the fallbacks ----------------------------------------------------------------------


def test_offline_a_german_page_gets_an_extractive_summary_and_says_why(
    isolated_models, embedder_dir, summariser_dir
):
    components = Components(ModelSettings(summariser={"en": str(summariser_dir)}, reader=False))
    doc = Document(PAGES[0].raw, components=components)
    assert components.embedder_for("de") is None  # the English encoder ranks English only
    assert components.embedder_for("en") is not None
    summary = doc.summary(max_words=30)
    assert (summary.method, summary.model) == ("extractive", "lexical")
    assert "languages other than English" in components.reasons["summariser (*)"]
    [answer] = doc.ask("Was sagte Kapitänin Petersen bei der ersten Fahrt?")
    assert answer.method == "passage" and "die Besatzung habe monatelang" in answer.text
    assert PAGES[0].raw[answer.original_start : answer.original_end] == answer.text


def test_lexical_ranking_drops_the_languages_own_stop_words():
    assert tokens("Wo wurde die Fähre gebaut?", content_only=True, language="de") == [
        "fähre",
        "gebaut",
    ]
    assert "die" in tokens("Wo wurde die Fähre gebaut?", content_only=True)  # English list
    assert tokens("Qui dirige la médiathèque ?", content_only=True, language="fr") == [
        "dirige",
        "médiathèque",
    ]


# --- the command line -------------------------------------------------------------------


def test_cli_takes_a_model_per_language_and_a_language(tmp_path, mt5_dir, summariser_dir):
    page = tmp_path / "seite.txt"
    page.write_text(PAGES[0].raw, encoding="utf-8")
    exe = Path(sys.executable).parent / "summarise"
    common = ["--summariser", f"en={summariser_dir},*={mt5_dir}", "--engine", "torch", "--json"]
    result = subprocess.run(
        [str(exe), "summary", str(page), *common],
        capture_output=True,
        text=True,
        env=os.environ,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["text"] == PAGES[0].summary
    forced = subprocess.run(
        [str(exe), "summary", str(page), "--language", "en", *common],
        capture_output=True,
        text=True,
        env=os.environ,
        timeout=300,
    )
    assert forced.returncode == 0, forced.stderr
    assert json.loads(forced.stdout)["model"] == str(summariser_dir)


def test_word_budgets_hold_with_a_sentencepiece_tokenizer(components):
    doc = Document(PAGES[0].raw, components=components)
    full = doc.summary().text
    short = doc.summary(max_words=3).text  # a token budget: may end inside a word
    assert full.startswith(short) and len(short.split()) < len(full.split())


# --- the web app ------------------------------------------------------------------------


def test_the_web_apps_language_selector_picks_the_models(components, mt5_dir, summariser_dir):
    from summarise.apps.web import handlers

    handlers.configure(components=components)
    try:
        detected = handlers.api_summarise(PAGES[1].raw, "short")
        assert (detected["method"], detected["model"]) == ("abstractive", str(mt5_dir))
        forced = handlers.api_summarise(PAGES[1].raw, "short", "en")
        assert forced["model"] == str(summariser_dir)
        [answer] = handlers.api_ask(PAGES[1].raw, PAGES[1].questions[0][0], 1, "auto")
        assert answer["text"] == PAGES[1].questions[0][1]
        meta = handlers.on_summarise(PAGES[1].raw, "short", language="fr")[3]
        assert str(mt5_dir) in meta
    finally:
        handlers.configure()


def test_a_batch_record_may_give_its_language(mt5_dir, summariser_dir):
    from summarise.apps.batch.processing import JobSettings, Processor, Record

    models = ModelSettings(
        summariser={"en": str(summariser_dir), "*": str(mt5_dir)}, reader=False, engine="torch"
    )
    processor = Processor(JobSettings(models=models))
    rows = [
        {"id": "detected", "text": PAGES[2].raw},
        {"id": "given", "text": PAGES[2].raw, "language": "en"},
        {"id": "blank cell", "text": PAGES[2].raw, "language": float("nan")},
    ]
    results = processor.batch([Record.from_dict(row) for row in rows])
    assert [r.summary_model for r in results] == [str(mt5_dir), str(summariser_dir), str(mt5_dir)]
