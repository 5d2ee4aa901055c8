"""Random-weight models with the default checkpoints' exact architectures (and tiny ones).

Speed does not depend on the weights' values, so a model with
distilbert-base-cased-distilled-squad's or distilbart-cnn-12-6's exact config,
generation settings and vocabulary sizes costs the same FLOPs as the real one.
The same holds for the multilingual defaults: mT5-base as in
csebuetnlp/mT5_multilingual_XLSum (its model card's generation settings) and
XLM-RoBERTa-base as in deepset/xlm-roberta-base-squad2, with SentencePiece
unigram tokenizers trained on our texts (English, German, French, Spanish).
Tokenizers are built here with the real vocabulary sizes: words from our own
texts, padded with placeholder pieces. Saved once under ``benchmarks/.cache``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors
from transformers import (
    BartConfig,
    BartForConditionalGeneration,
    DistilBertConfig,
    DistilBertForQuestionAnswering,
    GenerationConfig,
)

ROOT = Path(__file__).resolve().parent
CACHE = ROOT / ".cache"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "tests"))  # the toy tokenizers the tests use too

from toy_tokenizers import (  # noqa: E402
    bpe_tokenizer,
    save_bpe,
    save_wordpiece,
    unigram_pieces,
    wordpiece_tokenizer,
)

READER_VOCAB = 28996  # distilbert-base-cased
SUMMARISER_VOCAB = 50264  # distilbart-cnn-12-6
XLMR_VOCAB = 250002  # xlm-roberta-base
MT5_VOCAB = 250112  # mt5-base


def corpus() -> list[str]:
    from articles import long_article

    texts = [long_article()]
    for path in (ROOT.parent / "summarise" / "examples").glob("*.txt"):
        texts.append(path.read_text(encoding="utf-8"))
    mission = ROOT.parent.parent / "shared" / "mission" / "article.txt"
    if mission.exists():
        texts.append(mission.read_text(encoding="utf-8"))
    return texts


def byte_bpe(texts: list[str], size: int) -> tuple[Tokenizer, int]:
    """Byte-level BPE trained on our texts, padded with placeholders to ``size`` pieces.

    Trained merges make every word of the texts one or a few pieces, as
    BART's tokenizer does for English news (about 1.3 tokens a word). Returns
    the tokenizer and the number of trained (not placeholder) pieces.
    """
    trained = json.loads(bpe_tokenizer(texts, vocab_size=size).to_str())
    vocab = trained["model"]["vocab"]
    merges = [
        tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in trained["model"]["merges"]
    ]
    trained_pieces = len(vocab)
    while len(vocab) < size:
        vocab[f"<unused{len(vocab)}>"] = len(vocab)
    tok = Tokenizer(models.BPE(vocab=vocab, merges=merges))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", 0), ("</s>", 2)],
    )
    return tok, trained_pieces


def portable(folder: Path, input_names: list[str] | None = None) -> None:
    """Name a tokenizer class that transformers 4.57 knows as well as 5.x (and, for a
    model without segment embeddings, the inputs its own class would give it)."""
    path = folder / "tokenizer_config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    config["tokenizer_class"] = "PreTrainedTokenizerFast"
    if input_names:
        config["model_input_names"] = input_names
    if not config.get("extra_special_tokens"):  # 5.x writes [], which 4.57 cannot read
        config.pop("extra_special_tokens", None)
    path.write_text(json.dumps(config, indent=2), encoding="utf-8")


def build_reader(folder: Path, tiny: bool) -> Path:
    if (folder / "model.safetensors").exists():
        return folder
    tok = wordpiece_tokenizer(corpus(), size=1000 if tiny else READER_VOCAB)
    save_wordpiece(tok, folder, with_type_ids=False)
    portable(folder)
    size = dict(dim=64, n_layers=2, n_heads=2, hidden_dim=128) if tiny else {}
    config = DistilBertConfig(
        vocab_size=tok.get_vocab_size(),
        max_position_embeddings=512,
        architectures=["DistilBertForQuestionAnswering"],
        **size,
    )
    torch.manual_seed(0)
    model = DistilBertForQuestionAnswering(config)
    # a wider QA head gives peaked start/end logits, as a trained model has, so parity is
    # decided by the computation and not by float noise between near-equal random scores
    model.qa_outputs.weight.data.normal_(0.0, 0.2)
    model.save_pretrained(folder)
    return folder


def build_summariser(folder: Path, tiny: bool) -> Path:
    if (folder / "model.safetensors").exists():
        return folder
    tok, trained_pieces = byte_bpe(corpus(), 2000 if tiny else SUMMARISER_VOCAB)
    save_bpe(tok, folder, max_length=1024)
    portable(folder)
    size = (
        dict(
            d_model=64,
            encoder_layers=2,
            decoder_layers=2,
            encoder_attention_heads=2,
            decoder_attention_heads=2,
            encoder_ffn_dim=128,
            decoder_ffn_dim=128,
        )
        if tiny
        else dict(
            d_model=1024,
            encoder_layers=12,
            decoder_layers=6,
            encoder_attention_heads=16,
            decoder_attention_heads=16,
            encoder_ffn_dim=4096,
            decoder_ffn_dim=4096,
        )
    )
    params = dict(
        length_penalty=2.0,
        max_length=142,
        min_length=56,
        no_repeat_ngram_size=3,
        num_beams=4,
        early_stopping=True,
    )
    config = BartConfig(
        vocab_size=tok.get_vocab_size(),
        max_position_embeddings=1024,
        activation_function="gelu",
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
        scale_embedding=False,
        architectures=["BartForConditionalGeneration"],
        task_specific_params={"summarization": params},
        **size,
    )
    torch.manual_seed(0)
    model = BartForConditionalGeneration(config)
    # never generate placeholders: a random model then writes words of the texts, which
    # tokenise again one to one, as a real summary does when partial summaries are combined
    model.final_logits_bias.data[:, trained_pieces:] = -1e4
    model.generation_config = GenerationConfig(
        bos_token_id=0,
        eos_token_id=2,
        pad_token_id=1,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
        forced_eos_token_id=2,
        **params,
    )
    model.save_pretrained(folder)
    return folder


def multilingual_corpus() -> list[str]:
    from multilingual import PAGES

    return corpus() + [page.raw for page in PAGES]


def padded_unigram_pieces(texts: list[str], size: int, trained: int) -> list[tuple[str, float]]:
    """Pieces of a SentencePiece unigram model trained on ``texts`` (``trained`` pieces),
    padded with never-chosen placeholders to ``size`` pieces."""
    lines = [t for text in texts for t in text.split("\n") if t.strip()]
    pieces = unigram_pieces(lines, trained)
    return pieces + [(f"<unused{i}>", -1e4) for i in range(size - len(pieces))]


def build_xlmr_reader(folder: Path, tiny: bool) -> Path:
    """XLM-RoBERTa-base for extractive QA (deepset/xlm-roberta-base-squad2's shape)."""
    from transformers import XLMRobertaConfig, XLMRobertaForQuestionAnswering, XLMRobertaTokenizer

    if (folder / "model.safetensors").exists():
        return folder
    size = 2000 if tiny else XLMR_VOCAB
    pieces = padded_unigram_pieces(
        multilingual_corpus(), size=size - 5, trained=1500 if tiny else 8000
    )
    skip = {"<pad>", "</s>", "<unk>"}
    specials = [("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)]
    vocab = specials + [p for p in pieces if p[0] not in skip] + [("<mask>", 0.0)]
    tok = XLMRobertaTokenizer(vocab=vocab)
    tok.model_max_length = 512
    tok.save_pretrained(folder)
    portable(folder, ["input_ids", "attention_mask"])
    shape = (
        dict(hidden_size=64, num_hidden_layers=2, num_attention_heads=2, intermediate_size=128)
        if tiny
        else dict(
            hidden_size=768, num_hidden_layers=12, num_attention_heads=12, intermediate_size=3072
        )
    )
    config = XLMRobertaConfig(
        vocab_size=len(tok),
        max_position_embeddings=514,
        type_vocab_size=1,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        architectures=["XLMRobertaForQuestionAnswering"],
        **shape,
    )
    torch.manual_seed(0)
    model = XLMRobertaForQuestionAnswering(config)
    model.qa_outputs.weight.data.normal_(0.0, 0.2)  # peaked logits, as for the DistilBERT
    model.save_pretrained(folder)
    return folder


def build_mt5_summariser(folder: Path, tiny: bool) -> Path:
    """mT5-base as fine-tuned for csebuetnlp/mT5_multilingual_XLSum: no task prefix, the
    model card's generation settings (4 beams, at most 84 tokens, no repeated bigram)."""
    from transformers import MT5Config, MT5ForConditionalGeneration, T5Tokenizer

    if (folder / "model.safetensors").exists():
        return folder
    size = 2000 if tiny else MT5_VOCAB
    tok = T5Tokenizer(
        vocab=padded_unigram_pieces(
            multilingual_corpus(), size=size, trained=1500 if tiny else 8000
        ),
        extra_ids=0,
    )
    tok.model_max_length = 512
    tok.save_pretrained(folder)
    portable(folder, ["input_ids", "attention_mask"])
    shape = (
        dict(d_model=64, d_kv=16, d_ff=128, num_layers=2, num_decoder_layers=2, num_heads=4)
        if tiny
        else dict(
            d_model=768, d_kv=64, d_ff=2048, num_layers=12, num_decoder_layers=12, num_heads=12
        )
    )
    params = dict(max_length=84, no_repeat_ngram_size=2, num_beams=4)
    config = MT5Config(
        vocab_size=len(tok),
        feed_forward_proj="gated-gelu",
        tie_word_embeddings=False,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
        architectures=["MT5ForConditionalGeneration"],
        **shape,
    )
    torch.manual_seed(0)
    model = MT5ForConditionalGeneration(config)
    # mT5 checkpoints keep an output layer of their own (tie_word_embeddings false in their
    # config); transformers 5 ties it by default, so it is untied here, and the config
    # written as theirs is, for transformers 4.57 to read it the same way
    model.lm_head.weight = torch.nn.Parameter(torch.randn(len(tok), shape["d_model"]))
    model.generation_config = GenerationConfig(
        pad_token_id=0, eos_token_id=1, decoder_start_token_id=0, **params
    )
    model.save_pretrained(folder)
    path = folder / "config.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    saved["tie_word_embeddings"] = False
    path.write_text(json.dumps(saved, indent=2), encoding="utf-8")
    return folder


def build(tiny: bool, multilingual: bool = False) -> dict[str, Path]:
    """The model folders (English; with ``multilingual``, the multilingual defaults' too);
    a change to the texts or to this file builds new ones."""
    digest = hashlib.sha256("\n".join(corpus()).encode() + Path(__file__).read_bytes())
    base = CACHE / f"{'tiny' if tiny else 'full'}-{digest.hexdigest()[:10]}"
    paths = {
        "reader": build_reader(base / "reader", tiny),
        "summariser": build_summariser(base / "summariser", tiny),
    }
    if multilingual:
        paths["reader_multilingual"] = build_xlmr_reader(base / "reader-multilingual", tiny)
        paths["summariser_multilingual"] = build_mt5_summariser(
            base / "summariser-multilingual", tiny
        )
    return paths


if __name__ == "__main__":
    print(build(tiny="--tiny" in sys.argv, multilingual="--multilingual" in sys.argv))
