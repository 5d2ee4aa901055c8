"""Tiny models built and trained on the spot, saved like Hub checkpoints.

Tokenizers are trained here with ``tokenizers`` (WordPiece, byte-level BPE) and
``sentencepiece`` (T5-style unigram); models are built from small configs and
trained for a few seconds until they have memorised known answers or summaries.
Everything is written to a folder that the package loads through the same code
path as a downloaded checkpoint.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import torch
from toy_tokenizers import (
    bpe_tokenizer,
    pieces_of,
    save_bpe,
    save_wordpiece,
    unigram_model,
    wordpiece_tokenizer,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "summarise" / "examples"

FILLER = (
    "Observers noted that the weather in the harbour stayed calm all week. "
    "Several journalists waited in the lobby for news from the meeting rooms. "
    "Local cafes reported busy mornings as visitors arrived from abroad. "
)


def example_article() -> str:
    return (EXAMPLES / "fisheries_talks.txt").read_text(encoding="utf-8")


def example_questions() -> list[dict]:
    return json.loads((EXAMPLES / "questions.json").read_text(encoding="utf-8"))["questions"]


def sentencepiece_t5_tokenizer(corpus: list[str], folder: Path, vocab_size: int = 600) -> None:
    """Train a unigram sentencepiece model and save it as a T5 tokenizer."""
    from transformers import T5Tokenizer

    model = unigram_model(corpus, vocab_size)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "spiece.model").write_bytes(model)
    tok = T5Tokenizer(vocab=pieces_of(model), extra_ids=0)
    tok.model_max_length = 512
    tok.save_pretrained(folder)


def train(model: torch.nn.Module, step, steps: int, lr: float = 3e-3, seed: int = 0) -> float:
    """Run ``steps`` Adam steps of ``step(model) -> loss``; return the last loss."""
    torch.manual_seed(seed)
    random.seed(seed)
    model.train()
    optimiser = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.0)
    loss_value = float("inf")
    for _ in range(steps):
        optimiser.zero_grad()
        loss = step(model)
        loss.backward()
        optimiser.step()
        loss_value = float(loss.detach())
    model.eval()
    return loss_value


def qa_features(
    tokenizer, items: list[tuple[str, str, int]], max_len: int, stride: int, question_first=True
):
    """Windows and target positions for (question, context, answer start, answer text)."""
    input_ids, type_ids, masks, starts, ends = [], [], [], [], []
    for question, context, start_char, answer in items:
        end_char = start_char + len(answer)
        pair = (question, context) if question_first else (context, question)
        enc = tokenizer(
            *pair,
            truncation="only_second" if question_first else "only_first",
            max_length=max_len,
            stride=stride,
            return_overflowing_tokens=True,
            return_offsets_mapping=True,
            padding="max_length",
        )
        ctx = 1 if question_first else 0
        for i in range(len(enc["input_ids"])):
            seq = enc.sequence_ids(i)
            offsets = enc["offset_mapping"][i]
            s_tok = e_tok = None
            for t, (a, b) in enumerate(offsets):
                if seq[t] != ctx:
                    continue
                if s_tok is None and a <= start_char < b:
                    s_tok = t
                if a < end_char <= b:
                    e_tok = t
            cls = 0  # the answer is not wholly in this window: train the null answer
            if s_tok is None or e_tok is None:
                s_tok = e_tok = cls
            input_ids.append(enc["input_ids"][i])
            type_ids.append(enc["token_type_ids"][i] if "token_type_ids" in enc else [0] * max_len)
            masks.append(enc["attention_mask"][i])
            starts.append(s_tok)
            ends.append(e_tok)
    return {
        "input_ids": torch.tensor(input_ids),
        "token_type_ids": torch.tensor(type_ids),
        "attention_mask": torch.tensor(masks),
        "start_positions": torch.tensor(starts),
        "end_positions": torch.tensor(ends),
    }


SUMMARY_PAIRS = [
    (0, "Five nations meet in Reykjavik over falling cod stocks."),
    (1, "The EU wants a one third cut in the catch."),
    (2, "Norway prefers a smaller cut over three seasons."),
    (3, "Iceland hosts the talks, chaired by Helga Arnadottir."),
]
COMBINED_SUMMARY = "Nations disagree on how deeply to cut cod catches."


def example_paragraphs() -> list[str]:
    """The example article's body paragraphs (without the title)."""
    return example_article().split("\n\n")[1:]


def summary_training_pairs() -> list[tuple[str, str]]:
    paras = example_paragraphs()
    pairs = [(paras[i], s) for i, s in SUMMARY_PAIRS]
    pairs.append((" ".join(s for _, s in pairs[:3]), COMBINED_SUMMARY))
    return pairs


def build_trained_reader(
    folder: Path, article: str, questions: list[dict], steps: int = 500, batch: int = 48
) -> Path:
    """DistilBERT QA, WordPiece tokenizer, trained to answer ``questions`` about ``article``.

    Training windows come from many placements (several strides over the whole
    article, and runs of one to three paragraphs around each answer), sampled
    in random mini-batches, so the model learns the answers rather than where
    one particular window happened to put them.
    """
    from transformers import AutoTokenizer, DistilBertConfig, DistilBertForQuestionAnswering

    corpus = [article] + [q["question"] for q in questions]
    save_wordpiece(wordpiece_tokenizer(corpus), folder, with_type_ids=False)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    paragraphs = article.split("\n\n")
    parts = []
    for q in questions:
        answer = q["answers"][0]
        items = [(q["question"], article, article.index(answer), answer)]
        k = next(i for i, p in enumerate(paragraphs) if answer in p)
        for n in (1, 2, 3):
            for lo in range(max(0, k - n + 1), k + 1):
                passage = "\n\n".join(paragraphs[lo : lo + n])
                items.append((q["question"], passage, passage.index(answer), answer))
        plain = example_article()  # the example as the app shows it, without padding
        items.append((q["question"], plain, plain.index(answer), answer))
        for stride in (32, 48, 64, 80):
            parts.append(qa_features(tokenizer, [items[0], items[-1]], 128, stride))
        items.pop()
        parts.append(qa_features(tokenizer, items[1:], 128, 48))
    pool = {key: torch.cat([p[key] for p in parts]) for key in parts[0] if key != "token_type_ids"}
    answered = torch.nonzero(pool["start_positions"] > 0).flatten()
    unanswered = torch.nonzero(pool["start_positions"] == 0).flatten()
    torch.manual_seed(0)
    config = DistilBertConfig(
        vocab_size=len(tokenizer),
        dim=64,
        n_layers=2,
        n_heads=2,
        hidden_dim=128,
        max_position_embeddings=512,
        dropout=0.0,
        attention_dropout=0.0,
        architectures=["DistilBertForQuestionAnswering"],
    )
    model = DistilBertForQuestionAnswering(config)
    generator = torch.Generator().manual_seed(0)

    def step(m):  # half the batch holds an answer, half trains the null answer
        pick = torch.cat(
            [
                answered[torch.randint(0, len(answered), (batch // 2,), generator=generator)],
                unanswered[torch.randint(0, len(unanswered), (batch // 2,), generator=generator)],
            ]
        )
        return m(**{key: value[pick] for key, value in pool.items()}).loss

    loss = train(model, step, steps, lr=1.5e-3)
    print(f"tiny reader trained: loss {loss:.4f}")
    model.save_pretrained(folder)
    return folder


def train_on_pairs(
    model: Any,
    tokenizer: Any,
    pairs: list[tuple[str, str]],
    folder: Path,
    steps: int,
    prefix: str = "",
) -> Path:
    """Train a seq2seq ``model`` until it writes each pair's summary for its paragraph
    (with ``prefix`` in front), and save it beside its tokenizer in ``folder``."""
    inputs = tokenizer([prefix + p for p, _ in pairs], padding=True, return_tensors="pt")
    labels = tokenizer([s for _, s in pairs], padding=True, return_tensors="pt")["input_ids"]
    labels[labels == tokenizer.pad_token_id] = -100
    train(model, lambda m: m(**inputs, labels=labels).loss, steps, lr=3e-3)
    model.save_pretrained(folder)
    return folder


def build_trained_summariser(folder: Path, steps: int = 150) -> Path:
    """Tiny BART with a byte-level BPE tokenizer, trained on ``summary_training_pairs``."""
    from transformers import (
        AutoTokenizer,
        BartConfig,
        BartForConditionalGeneration,
        GenerationConfig,
    )

    pairs = summary_training_pairs()
    corpus = [p for p, _ in pairs] + [s for _, s in pairs] + example_paragraphs()
    save_bpe(bpe_tokenizer(corpus), folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    torch.manual_seed(0)
    config = BartConfig(
        vocab_size=len(tokenizer),
        d_model=64,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=128,
        decoder_ffn_dim=128,
        max_position_embeddings=256,
        dropout=0.0,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
        architectures=["BartForConditionalGeneration"],
        is_encoder_decoder=True,
    )
    model = BartForConditionalGeneration(config)
    model.generation_config = GenerationConfig(
        num_beams=2,
        max_length=40,
        min_length=3,
        early_stopping=True,
        decoder_start_token_id=2,
        bos_token_id=0,
        eos_token_id=2,
        pad_token_id=tokenizer.pad_token_id,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
    )
    return train_on_pairs(model, tokenizer, pairs, folder, steps)


def build_default_shaped_summariser(folder: Path, corpus: list[str]) -> Path:
    """Untrained tiny BART with distilbart-cnn-12-6's input limit (1,024 tokens) and
    generation settings, and a BPE trained on ``corpus`` to about its tokens per word:
    what the GPU time asked for a summary is sized by."""
    from transformers import BartConfig, BartForConditionalGeneration, GenerationConfig

    save_bpe(bpe_tokenizer(corpus, vocab_size=8000), folder, max_length=1024)
    params = dict(
        length_penalty=2.0,
        max_length=142,
        min_length=56,
        no_repeat_ngram_size=3,
        num_beams=4,
        early_stopping=True,
    )
    special = dict(
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
    )
    config = BartConfig(
        vocab_size=8000,
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=1,
        decoder_attention_heads=1,
        encoder_ffn_dim=16,
        decoder_ffn_dim=16,
        max_position_embeddings=1024,
        architectures=["BartForConditionalGeneration"],
        task_specific_params={"summarization": params},
        **special,
    )
    model = BartForConditionalGeneration(config)
    model.generation_config = GenerationConfig(**special, **params)
    model.save_pretrained(folder)
    return folder


def build_qa_model(kind: str, folder: Path, padding_side: str = "right") -> Path:
    """An untrained tiny QA model of architecture ``kind`` with a matching tokenizer."""
    from transformers import (
        AlbertConfig,
        AlbertForQuestionAnswering,
        BertConfig,
        BertForQuestionAnswering,
        DebertaV2Config,
        DebertaV2ForQuestionAnswering,
        DistilBertConfig,
        DistilBertForQuestionAnswering,
        RobertaConfig,
        RobertaForQuestionAnswering,
    )

    corpus = [example_article()] * 3
    small = dict(hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64)
    if kind == "roberta":
        save_bpe(bpe_tokenizer(corpus, vocab_size=600), folder, max_length=512)
        from transformers import AutoTokenizer

        vocab = len(AutoTokenizer.from_pretrained(folder))
        model = RobertaForQuestionAnswering(
            RobertaConfig(
                vocab_size=vocab,
                max_position_embeddings=520,
                pad_token_id=1,
                type_vocab_size=1,
                **small,
            )
        )
    else:
        tok = wordpiece_tokenizer(corpus)
        save_wordpiece(tok, folder, with_type_ids=kind != "distilbert", padding_side=padding_side)
        vocab = tok.get_vocab_size()
        if kind == "bert":
            model = BertForQuestionAnswering(BertConfig(vocab_size=vocab, **small))
        elif kind == "distilbert":
            model = DistilBertForQuestionAnswering(
                DistilBertConfig(vocab_size=vocab, dim=32, n_layers=1, n_heads=2, hidden_dim=64)
            )
        elif kind == "deberta-v2":
            model = DebertaV2ForQuestionAnswering(DebertaV2Config(vocab_size=vocab, **small))
        elif kind == "albert":
            model = AlbertForQuestionAnswering(
                AlbertConfig(vocab_size=vocab, embedding_size=16, **small)
            )
        else:
            raise ValueError(kind)
    model.config.architectures = [type(model).__name__]
    model.save_pretrained(folder)
    return folder


def build_t5(folder: Path, steps: int = 120) -> Path:
    """Tiny T5 with a sentencepiece tokenizer, trained on "summarize: " + paragraph pairs."""
    from transformers import AutoTokenizer, GenerationConfig, T5Config, T5ForConditionalGeneration

    pairs = summary_training_pairs()[:2]
    corpus = [p for p, _ in summary_training_pairs()] + [s for _, s in summary_training_pairs()]
    sentencepiece_t5_tokenizer(corpus * 3 + ["summarize:"] * 10, folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    torch.manual_seed(0)
    config = T5Config(
        vocab_size=len(tokenizer),
        d_model=64,
        d_kv=16,
        d_ff=128,
        num_layers=2,
        num_heads=4,
        dropout_rate=0.0,
        decoder_start_token_id=tokenizer.pad_token_id,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        architectures=["T5ForConditionalGeneration"],
        task_specific_params={"summarization": {"prefix": "summarize: ", "num_beams": 2}},
    )
    model = T5ForConditionalGeneration(config)
    model.generation_config = GenerationConfig(
        max_length=40,
        decoder_start_token_id=tokenizer.pad_token_id,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
    )
    return train_on_pairs(model, tokenizer, pairs, folder, steps, prefix="summarize: ")


def build_pegasus(folder: Path, steps: int = 150) -> Path:
    """Tiny PEGASUS (byte-level BPE), trained like the tiny BART on two summaries."""
    from transformers import (
        AutoTokenizer,
        GenerationConfig,
        PegasusConfig,
        PegasusForConditionalGeneration,
    )

    pairs = summary_training_pairs()[:2]
    corpus = [p for p, _ in summary_training_pairs()] + [s for _, s in pairs]
    save_bpe(bpe_tokenizer(corpus), folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    torch.manual_seed(0)
    config = PegasusConfig(
        vocab_size=len(tokenizer),
        d_model=64,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=128,
        decoder_ffn_dim=128,
        max_position_embeddings=256,
        dropout=0.0,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id,
        forced_eos_token_id=tokenizer.eos_token_id,
        architectures=["PegasusForConditionalGeneration"],
    )
    model = PegasusForConditionalGeneration(config)
    model.generation_config = GenerationConfig(
        num_beams=2,
        max_length=40,
        decoder_start_token_id=tokenizer.pad_token_id,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        forced_eos_token_id=tokenizer.eos_token_id,
    )
    return train_on_pairs(model, tokenizer, pairs, folder, steps)
