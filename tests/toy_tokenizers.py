"""Tokenizers built on the spot from a corpus, saved as a checkpoint's tokenizer files.

For the tests' tiny models and the benchmarks' random-weight ones: both load
through the same code path as a downloaded checkpoint, and both need the same
WordPiece (DistilBERT-style) and byte-level BPE (BART-style) tokenizers. Kept
in the package so either imports it without path tricks; the package itself
never imports this module.
"""

from __future__ import annotations

from pathlib import Path

from tokenizers import (
    Tokenizer,
    decoders,
    models,
    normalizers,
    pre_tokenizers,
    processors,
    trainers,
)
from transformers import PreTrainedTokenizerFast


def wordpiece_tokenizer(corpus: list[str], lowercase: bool = False, size: int = 0) -> Tokenizer:
    """A WordPiece tokenizer whose vocabulary is every word and character of ``corpus``.

    Built directly rather than with the WordPiece trainer, whose choice of
    pieces varies from run to run; a fixed vocabulary keeps the tests
    reproducible. Unknown words fall back to single-character pieces. ``size``
    pads the vocabulary with placeholder pieces to a real checkpoint's size.
    """
    normalizer = normalizers.BertNormalizer(lowercase=lowercase)
    pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    words: set[str] = set()
    for text in corpus:
        words.update(w for w, _ in pre_tokenizer.pre_tokenize_str(normalizer.normalize_str(text)))
    chars = {c for w in words for c in w}
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    pieces = specials + sorted(words) + sorted(chars - words) + sorted("##" + c for c in chars)
    pieces += [f"[unused{i}]" for i in range(size - len(pieces))]
    tok = Tokenizer(models.WordPiece(vocab={p: i for i, p in enumerate(pieces)}, unk_token="[UNK]"))
    tok.normalizer = normalizer
    tok.pre_tokenizer = pre_tokenizer
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)],
    )
    tok.decoder = decoders.WordPiece()
    return tok


def save_wordpiece(
    tok: Tokenizer, folder: Path, with_type_ids: bool, padding_side: str = "right"
) -> None:
    names = ["input_ids", "attention_mask"] + (["token_type_ids"] if with_type_ids else [])
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        pad_token="[PAD]",
        mask_token="[MASK]",
        model_max_length=512,
        padding_side=padding_side,
        model_input_names=names,
    )
    fast.save_pretrained(folder)


def bpe_tokenizer(corpus: list[str], vocab_size: int = 1200) -> Tokenizer:
    """Byte-level BPE with BART's special tokens and template."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    )
    tok.train_from_iterator(corpus, trainer)
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", 0), ("</s>", 2)],
    )
    return tok


def save_bpe(tok: Tokenizer, folder: Path, max_length: int = 1024) -> None:
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        pad_token="<pad>",
        mask_token="<mask>",
        model_max_length=max_length,
        model_input_names=["input_ids", "attention_mask"],
    )
    fast.save_pretrained(folder)


def unigram_model(corpus: list[str], vocab_size: int) -> bytes:
    """A SentencePiece unigram model trained on ``corpus`` (T5's special-token ids)."""
    import io

    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus),
        model_writer=buffer,
        vocab_size=vocab_size,
        model_type="unigram",
        pad_id=0,
        eos_id=1,
        unk_id=2,
        bos_id=-1,
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    return buffer.getvalue()


def pieces_of(model: bytes) -> list[tuple[str, float]]:
    """A unigram model's pieces and scores (what ``T5Tokenizer(vocab=...)`` takes)."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=model)
    return [(processor.id_to_piece(i), processor.get_score(i)) for i in range(len(processor))]


def unigram_pieces(corpus: list[str], vocab_size: int) -> list[tuple[str, float]]:
    """The pieces and scores of a unigram model trained on ``corpus``."""
    return pieces_of(unigram_model(corpus, vocab_size))
