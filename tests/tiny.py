"""Tiny models built and trained on the spot, saved like Hub checkpoints.

Tokenizers are trained here with ``tokenizers`` (WordPiece, byte-level BPE) and
``sentencepiece`` (T5-style unigram); models are built from small configs and
trained for a few seconds until they have memorised known answers or summaries.
Everything is written to a folder that the package loads through the same code
path as a downloaded checkpoint.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import torch
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
from transformers import PreTrainedTokenizerFast

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


def wordpiece_tokenizer(corpus: list[str], lowercase: bool = False, vocab_size: int = 1500) -> Tokenizer:
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=lowercase)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(
        vocab_size=vocab_size, special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    )
    tok.train_from_iterator(corpus, trainer)
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)],
    )
    tok.decoder = decoders.WordPiece()
    return tok


def save_wordpiece(tok: Tokenizer, folder: Path, with_type_ids: bool, padding_side: str = "right") -> None:
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


def sentencepiece_t5_tokenizer(corpus: list[str], folder: Path, vocab_size: int = 600) -> None:
    """Train a unigram sentencepiece model and save it as a T5 tokenizer."""
    import sentencepiece as spm
    from transformers import T5Tokenizer

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
    )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "spiece.model").write_bytes(buffer.getvalue())
    tok = T5Tokenizer(vocab_file=str(folder / "spiece.model"), extra_ids=0, legacy=False)
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
        loss_value = float(loss)
    model.eval()
    return loss_value


def qa_features(tokenizer, items: list[tuple[str, str, int]], max_len: int, stride: int, question_first=True):
    """Windows and target token positions for (question, context, answer_char_start, answer_text)."""
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
                if a <= start_char < b or (s_tok is None and a >= start_char and b <= end_char and a < end_char):
                    s_tok = t if s_tok is None else s_tok
                if a < end_char <= b:
                    e_tok = t
            cls = enc["input_ids"][i].index(tokenizer.cls_token_id) if tokenizer.cls_token_id in enc["input_ids"][i] else 0
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
