"""The extractive reader: trained tiny model end to end, plus decoding on hand-made logits."""

from __future__ import annotations

import math

import numpy as np
import pytest
import tiny
from conftest import READER_MAX_LEN, READER_STRIDE

from summarise import InputError, LimitError
from summarise.qa import Reader
from summarise.qa.reader import WINDOW
from summarise.qa.spans import Window, batches, score_window


@pytest.fixture(scope="module")
def reader(reader_dir) -> Reader:
    return Reader(str(reader_dir), max_seq_len=READER_MAX_LEN, doc_stride=READER_STRIDE)


def test_article_needs_several_windows(reader, article):
    tokenizer, _ = reader.load()
    windows = reader._windows(tokenizer, ["Who?"], article, [[(0, len(article))]])
    assert len(windows) >= 3
    last_window_start = windows[-1].encoding.offsets[windows[-1].encoding.sequence_ids.index(1)][0]
    answers_in_last = [
        q for q in tiny.example_questions() if article.index(q["answers"][0]) > last_window_start
    ]
    assert answers_in_last, "at least one answer must sit in the last window"


def test_default_window_reads_a_passage_that_fits_in_one_go(reader_dir, article):
    auto = Reader(str(reader_dir))
    tokenizer, model = auto.load()
    whole = auto._whole(tokenizer, model)
    assert auto.max_seq_len == WINDOW and whole == 510  # tiny model: 512 positions
    n_tokens = len(tokenizer("Who?", article)["input_ids"])
    assert WINDOW < n_tokens <= whole, "the padded article must fall between the two lengths"
    [window] = auto._windows(tokenizer, ["Who?"], article, [[(0, len(article))]], whole)
    assert len(window.encoding.ids) == n_tokens
    twice = article + "\n\n" + article  # too long for one window: 384-token windows
    windows = auto._windows(tokenizer, ["Who?"], twice, [[(0, len(twice))]], whole)
    assert len(windows) > 2 and max(len(w.encoding.ids) for w in windows) == WINDOW
    explicit = Reader(str(reader_dir), max_seq_len=WINDOW)
    assert explicit._whole(tokenizer, model) == 0  # an explicit length always splits


def test_batches_group_similar_lengths_and_never_pad_much():
    lengths = [384, 218, 384, 380, 120, 384, 125, 384]
    groups = batches(lengths, size=3)
    assert sorted(i for b in groups for i in b) == list(range(len(lengths)))
    assert groups == [[4, 6], [1], [3, 0, 2], [5, 7]]
    for batch in groups:
        assert max(lengths[i] for i in batch) <= 1.1 * min(lengths[i] for i in batch)


def test_trained_reader_returns_exact_spans_and_offsets(reader, article, questions):
    for q in questions:
        [answer] = reader.ask(q["question"], article)
        expected = q["answers"][0]
        assert answer.text == expected
        assert answer.start == article.index(expected)
        assert article[answer.start : answer.end] == answer.text
        assert 0.5 < answer.score <= 1.0
        assert answer.method == "reader"


def test_ask_many_gives_the_same_answers_as_ask(reader, article, questions):
    many = reader.ask_many([q["question"] for q in questions], article, top_k=2)
    for q, answers in zip(questions, many):
        single = reader.ask(q["question"], article, top_k=2)
        assert [(a.text, a.start) for a in answers] == [(a.text, a.start) for a in single]
        for a, b in zip(answers, single):
            assert a.score == pytest.approx(b.score, abs=1e-5)


def test_batch_size_does_not_change_answers(reader_dir, article, questions):
    one = Reader(
        str(reader_dir), max_seq_len=READER_MAX_LEN, doc_stride=READER_STRIDE, batch_size=1
    )
    many = Reader(
        str(reader_dir), max_seq_len=READER_MAX_LEN, doc_stride=READER_STRIDE, batch_size=16
    )
    for q in questions[:3]:
        a, b = one.ask(q["question"], article, top_k=3), many.ask(q["question"], article, top_k=3)
        assert [(x.text, x.start) for x in a] == [(x.text, x.start) for x in b]
        assert [x.score for x in a] == pytest.approx([x.score for x in b], abs=1e-5)


def test_top_k_answers_are_distinct_and_ranked(reader, article):
    answers = reader.ask("Who is the EU chief negotiator?", article, top_k=5)
    assert len(answers) == 5
    texts = [" ".join(a.text.lower().split()) for a in answers]
    assert len(set(texts)) == 5
    assert [a.score for a in answers] == sorted((a.score for a in answers), reverse=True)
    assert sum(a.score for a in answers) <= 1.0 + 1e-6


def test_window_normalisation_scores_each_window_alone(reader, article):
    [global_best] = reader.ask("Who is the EU chief negotiator?", article, normalize="global")
    [window_best] = reader.ask("Who is the EU chief negotiator?", article, normalize="window")
    assert window_best.text == global_best.text == "Margarethe Lind"
    assert 0 < window_best.score <= 1


def test_min_score_lets_the_caller_abstain(reader, article):
    assert reader.ask("Who is the EU chief negotiator?", article, min_score=0.5)
    assert reader.ask("Who is the EU chief negotiator?", article, top_k=3, min_score=0.999999) == []


def test_question_limits_and_empty_input(reader, article):
    with pytest.raises(LimitError, match="over the limit of 64"):
        reader.ask("why " * 100, article)
    with pytest.raises(InputError, match="question is empty"):
        reader.ask("   ", article)
    with pytest.raises(InputError, match="context is empty"):
        reader.ask("Who?", "  ")


def test_wrong_normalize_value_is_refused(reader, article):
    with pytest.raises(InputError, match="normalize"):
        reader.ask("Who?", article, normalize="softmax")


@pytest.mark.parametrize("kind", ["bert", "distilbert", "roberta", "deberta-v2", "albert"])
def test_architectures_answer_with_whole_word_spans(kind, tmp_path):
    folder = tiny.build_qa_model(kind, tmp_path / kind)
    context = tiny.example_article()
    reader = Reader(str(folder), max_seq_len=96, doc_stride=32)
    answers = reader.ask("Who is the EU chief negotiator?", context, top_k=4, max_answer_len=8)
    assert answers
    for a in answers:
        assert context[a.start : a.end] == a.text
        assert a.text == a.text.strip()
        assert a.text[0] not in ".,;:!?" and a.text[-1] not in ",;:"
        assert a.start == 0 or not (context[a.start - 1].isalnum() and a.text[0].isalnum())
        assert a.end == len(context) or not (context[a.end].isalnum() and a.text[-1].isalnum())


def test_token_type_ids_reach_models_that_use_them(tmp_path, monkeypatch):
    folder = tiny.build_qa_model("bert", tmp_path / "bert")
    reader = Reader(str(folder), max_seq_len=64, doc_stride=16)
    _, model = reader.load()
    seen = {}
    original = model.forward

    def spy(*args, **kwargs):
        seen.update(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(model, "forward", spy)
    reader.ask("Who?", tiny.example_article())
    assert "token_type_ids" in seen
    assert int(seen["token_type_ids"].max()) == 1


def test_left_padding_tokenizer_puts_the_context_first(tmp_path):
    folder = tiny.build_qa_model("bert", tmp_path / "left", padding_side="left")
    context = tiny.example_article()
    reader = Reader(str(folder), max_seq_len=64, doc_stride=16)
    tokenizer, _ = reader.load()
    windows = reader._windows(tokenizer, ["Who chairs the talks?"], context, [[(0, len(context))]])
    assert all(w.context_index == 0 for w in windows)
    for a in reader.ask("Who chairs the talks?", context, top_k=3):
        assert context[a.start : a.end] == a.text


# --- span decoding on hand-made logits -------------------------------------------------


def logits(n: int, peaks: dict[int, float]) -> np.ndarray:
    values = np.zeros(n)
    for i, v in peaks.items():
        values[i] = v
    return values


def test_start_after_end_is_never_a_candidate():
    allowed = np.array([True, True, True, True, True])
    start = logits(5, {3: 10.0})
    end = logits(5, {1: 10.0})
    scored = score_window(start, end, allowed, max_answer_len=10, k=50)
    assert all(s <= e for s, e, _, _ in scored.spans)
    assert (3, 1) not in [(s, e) for s, e, _, _ in scored.spans]


def test_spans_longer_than_max_answer_len_are_rejected():
    allowed = np.ones(8, dtype=bool)
    start = logits(8, {1: 10.0})
    end = logits(8, {7: 10.0})
    scored = score_window(start, end, allowed, max_answer_len=3, k=100)
    assert all(e - s < 3 for s, e, _, _ in scored.spans)
    best = scored.spans[0]
    assert (best[0], best[1]) != (1, 7)


def test_answers_are_trimmed_of_stray_punctuation_but_keep_abbreviations():
    from summarise.qa.spans import tidy

    text = "meet for four days. A final talk with the U.S. and Acme Inc. on Jan."
    cases = {
        "four days.": "four days",
        ". A final": "A final",
        "the U.S.": "the U.S.",
        "Acme Inc.": "Acme Inc.",
        "on Jan.": "on Jan.",
        " with the": "with the",
    }
    for raw, expected in cases.items():
        start = text.index(raw)
        s, e = tidy(text, start, start + len(raw))
        assert text[s:e] == expected


def test_only_context_tokens_are_returned_and_cls_is_the_null_answer():
    allowed = np.array([True, False, False, True, True, True, False])  # CLS, question, context, SEP
    start = logits(7, {1: 20.0, 4: 5.0})
    end = logits(7, {2: 20.0, 4: 5.0})
    scored = score_window(start, end, allowed, max_answer_len=5, k=10)
    assert scored.spans[0][:2] == (4, 4)
    assert all(allowed[s] and allowed[e] and s != 0 for s, e, _, _ in scored.spans)
    # the pipeline's window softmax runs over context tokens plus CLS
    z_start = math.exp(0) + 2 * math.exp(0) + math.exp(5)
    expected = (math.exp(5) / z_start) ** 2
    assert scored.spans[0][3] == pytest.approx(expected, rel=1e-9)
    assert scored.null_score == pytest.approx((1 / z_start) ** 2, rel=1e-9)


class _Encoding:
    """Just enough of a tokenizers.Encoding for decoding: one token per word."""

    def __init__(self, words: list[str], question_tokens: int = 1):
        self.sequence_ids = [None] + [0] * question_tokens + [None] + [1] * len(words) + [None]
        self.special_tokens_mask = [1 if s is None else 0 for s in self.sequence_ids]
        self.offsets = [(0, 0)] * (question_tokens + 2)
        pos = 0
        for w in words:
            self.offsets.append((pos, pos + len(w)))
            pos += len(w) + 1
        self.offsets.append((0, 0))
        self.ids = list(range(len(self.sequence_ids)))

    def token_to_word(self, token):
        raise TypeError("no word ids")

    def word_to_chars(self, word, seq):
        raise TypeError


def _stub_reader(monkeypatch, reader_dir, windows_logits, passages):
    """A reader whose windows and logits are hand-made; decoding runs for real."""
    reader = Reader(str(reader_dir))
    windows = [Window(0, offset, text, _Encoding(text.split()), 1) for offset, text in passages]
    monkeypatch.setattr(reader, "_windows", lambda *a, **k: windows)
    monkeypatch.setattr(
        reader,
        "_forward",
        lambda *a, **k: (
            [np.array(s, float) for s, _ in windows_logits],
            [np.array(e, float) for _, e in windows_logits],
        ),
    )
    return reader


def test_global_normalisation_ranks_across_windows(monkeypatch, reader_dir):
    context = "alpha beta gamma delta"
    # window 0 reads "alpha beta", window 1 reads "gamma delta"; tokens: CLS q SEP w w SEP
    w0 = ([0, 0, 0, 4.0, 0, 0], [0, 0, 0, 4.0, 0, 0])
    w1 = ([0, 0, 0, 0, 6.0, 0], [0, 0, 0, 0, 6.0, 0])
    reader = _stub_reader(
        monkeypatch, reader_dir, [w0, w1], [(0, "alpha beta"), (11, "gamma delta")]
    )
    [best, second] = reader.ask("q?", context, top_k=2, handle_impossible=False)
    assert (best.text, best.start) == ("delta", 17)
    assert second.text == "alpha"
    # joint probability over every valid span of both windows
    spans0 = [(3, 3), (3, 4), (4, 4)]
    spans1 = [(3, 3), (3, 4), (4, 4)]
    s0, e0 = w0
    s1, e1 = w1
    mass0 = sum(math.exp(s0[i] + e0[j]) for i, j in spans0)
    mass1 = sum(math.exp(s1[i] + e1[j]) for i, j in spans1)
    assert best.score == pytest.approx(math.exp(12) / (mass0 + mass1), rel=1e-6)
    assert second.score == pytest.approx(math.exp(8) / (mass0 + mass1), rel=1e-6)
    windowed = reader.ask("q?", context, top_k=2, normalize="window", handle_impossible=False)
    assert windowed[0].text == "delta" and windowed[1].text == "alpha"
    assert windowed[1].score > second.score  # per-window scores ignore the other window


def test_window_mode_adds_up_equal_texts_like_the_old_pipeline(monkeypatch, reader_dir):
    context = "alpha beta alpha gamma"
    # tokens: CLS q SEP alpha beta alpha gamma SEP; "alpha" twice, "gamma" alone is the best span
    logits = [0, 0, 0, 2.0, 0, 2.0, 2.2, 0]
    reader = _stub_reader(monkeypatch, reader_dir, [(logits, logits)], [(0, context)])
    z = sum(math.exp(x) for x in [0] + logits[3:7])  # the softmax takes in CLS and the context
    [windowed] = reader.ask("q?", context, normalize="window", handle_impossible=False)
    assert (windowed.text, windowed.start) == ("alpha", 0)  # the first occurrence's offsets
    assert windowed.score == pytest.approx(2 * math.exp(4.0) / z**2, rel=1e-9)
    [best] = reader.ask("q?", context, handle_impossible=False)
    assert (best.text, best.start) == ("gamma", 17)  # global ranking: spans, not texts


def test_null_answer_makes_the_reader_abstain(monkeypatch, reader_dir):
    null_wins = ([9.0, 0, 0, 1.0, 0, 0], [9.0, 0, 0, 1.0, 0, 0])
    reader = _stub_reader(monkeypatch, reader_dir, [null_wins], [(0, "alpha beta")])
    assert reader.ask("q?", "alpha beta") == []
    assert reader.ask("q?", "alpha beta", handle_impossible=False)[0].text == "alpha"


def test_span_seen_by_two_overlapping_windows_adds_up(monkeypatch, reader_dir):
    context = "alpha beta gamma"
    w0 = ([0, 0, 0, 0, 5.0, 0], [0, 0, 0, 0, 5.0, 0])  # "alpha beta": beta
    w1 = ([0, 0, 0, 5.0, 0, 0], [0, 0, 0, 5.0, 0, 0])  # "beta gamma": beta again
    reader = _stub_reader(monkeypatch, reader_dir, [w0, w1], [(0, "alpha beta"), (6, "beta gamma")])
    answers = reader.ask("q?", context, top_k=3, handle_impossible=False)
    assert [a.text for a in answers].count("beta") == 1
    assert answers[0].text == "beta" and answers[0].start == 6
    s0, e0 = w0  # per window, the valid spans (3,3), (3,4), (4,4); two equal windows
    mass = 2 * sum(math.exp(s0[i] + e0[j]) for i, j in [(3, 3), (3, 4), (4, 4)])
    assert answers[0].score == pytest.approx(2 * math.exp(10) / mass, rel=1e-6)
