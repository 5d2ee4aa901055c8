"""A learned block-sequence model for the page cleaner (issue #32).

Each block of a paste is read as a bag of hashed words and character trigrams (so a
site's "Most read" or "Meistgelesen" is learned from data, in any language, rather than
listed) plus a few shape features (length, punctuation, digits, capitals, link-like text,
position, repetition, vocabulary shared with the page's prose). A bidirectional GRU reads
the page's blocks in both directions and gives each block two probabilities: that it is
article text, and that it is the page's headline.

The weights (``sequence_model.npz``, trained by ``training/train_sequence.py``) are loaded
lazily, once. Inference is torch on one thread. They are trained on Readability's test pages
(Apache-2.0), trafilatura's evaluation pages (Apache-2.0 repository), Dragnet's 2012 data
(seomoz/dragnet_data, by Moz, AGPLv3) and the Chinese Web Content Extraction Dataset
(immortal-autumn, MIT, Copyright (c) 2022 Elwin); see the training script's docstring.
"""

from __future__ import annotations

import math
import re
import string
import threading
import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn

from summarise.cleaner.blocks import Block
from summarise.cleaner.fingerprint import check, fingerprint

WEIGHTS = Path(__file__).with_name("sequence_model.npz")
BUCKETS = 1 << 16  # hashed vocabulary of words, whole short lines and character trigrams
EMBED = 24
MAX_WORDS = 40  # words of a block read into its bag
MAX_CHARS = 100  # characters of a block whose trigrams are read
SHORT_LINE_WORDS = 6  # a line this short is also read as one token ("most read")
_TOKEN = re.compile(
    r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]+|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")
_TERMINAL = ".!?…。！？।؟"
_CLOSERS = "\"'”’»)]"
_SEPARATORS = "|·•›»/–—"
_LINKISH = re.compile(r"https?://|www\.|\.(?:com|org|net|de|uk)\b|@\w")
_QUOTES = '"“”«»„'
SHAPE_NAMES = [
    "log_chars", "log_words", "terminal", "colon", "comma_rate", "digit_share", "upper_share",
    "letter_share", "punct_share", "title_case", "bullet", "separators", "linkish", "position",
    "char_position", "repeated", "cjk_share", "question", "quote", "paragraph", "prose",
    "topic_overlap", "page_blocks", "len_vs_max", "one_word", "prose_distance",
]  # fmt: skip
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_DIGITS = string.digits.encode()
_ASCII_UPPER = string.ascii_uppercase.encode()
_WORD_MEMO: dict[str, int] = {}
_MEMO_LIMIT = 500_000
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(64 - 16)


def tokens(text: str) -> list[str]:
    """Lower-cased words; a Chinese or Japanese character is a word of its own."""
    return _TOKEN.findall(text.lower())


def _word_id(token: str) -> int:
    """A token's bucket (crc32: stable across processes, unlike ``hash``)."""
    bucket = _WORD_MEMO.get(token)
    if bucket is None:
        bucket = zlib.crc32(token.encode("utf-8", "replace")) & (BUCKETS - 1)
        if len(_WORD_MEMO) < _MEMO_LIMIT:
            _WORD_MEMO[token] = bucket
    return bucket


def _trigram_ids(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """The trigram buckets of each text (vectorised over the page) and where each ends."""
    joined = "\x00".join(texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < 3:
        return np.zeros(0, dtype=np.int64), np.zeros(len(texts), dtype=np.int64)
    h = (codes[:-2] * np.uint64(1_000_003) + codes[1:-1]) * np.uint64(1_000_033) + codes[2:]
    ids = ((h * _MIX) >> _SHIFT).astype(np.int64) & (BUCKETS - 1)
    bounds = np.cumsum([len(t) + 1 for t in texts])  # each text's end plus its separator
    valid = np.ones(len(ids), dtype=bool)
    for end in bounds[:-1]:  # trigrams that span a separator
        valid[max(0, end - 3) : end] = False
    positions = np.flatnonzero(valid)
    ends = np.searchsorted(positions, bounds - 3, side="left")
    return ids[positions], ends


def encode(blocks: Sequence[Block]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A page's model inputs: flat bucket ids, each bag's start (two bags per block:
    words, then trigrams) and the ``(len(blocks), len(SHAPE_NAMES))`` shape matrix."""
    n = len(blocks)
    lowered = [_DIGIT.sub("0", b.text[: MAX_CHARS * 4].lower()) for b in blocks]
    words = [_TOKEN.findall(t) for t in lowered]
    chars = [f" {t[:MAX_CHARS]} " for t in lowered]
    trigram_ids, trigram_ends = _trigram_ids(chars)
    flat: list[np.ndarray] = []
    starts = np.zeros(2 * n, dtype=np.int64)
    total, previous = 0, 0
    for i in range(n):
        ws = [_word_id(w) for w in words[i][:MAX_WORDS]]
        if 0 < len(words[i]) <= SHORT_LINE_WORDS:
            ws.append(_word_id("\x01" + " ".join(words[i])))
        starts[2 * i] = total
        flat.append(np.array(ws, dtype=np.int64))
        total += len(ws)
        grams = trigram_ids[previous : trigram_ends[i]]
        previous = trigram_ends[i]
        starts[2 * i + 1] = total
        flat.append(grams)
        total += len(grams)
    ids = np.concatenate(flat) if flat else np.zeros(0, dtype=np.int64)
    return ids, starts, shape_features(blocks, words)


def shape_features(blocks: Sequence[Block], words: Sequence[Sequence[str]]) -> np.ndarray:
    """Shape of each block and its place on the page; no phrase lists."""
    n = len(blocks)
    out = np.zeros((n, len(SHAPE_NAMES)), dtype=np.float32)
    if n == 0:
        return out
    counts = Counter(b.text for b in blocks)
    lengths = np.array([len(b.text) for b in blocks], dtype=np.float64)
    for i, b in enumerate(blocks):
        text = b.text[:400]
        stripped = text.rstrip(_CLOSERS + " ")
        chars = max(1, len(text))
        letters, digits, upper = _counts(text)
        spaces = text.count(" ")
        cjk = len(_CJK.findall(text)) if not text.isascii() else 0
        split = text.split()
        cased = [w for w in split if w[:1].isalpha()]
        out[i, :21] = (
            math.log1p(len(b.text)) / 6,
            math.log1p(b.words) / 5,
            float(stripped[-1:] in _TERMINAL and stripped != ""),
            float(text.endswith(":")),
            min(1.0, text.count(",") / max(1, len(split))),
            digits / chars,
            upper / max(1, letters),
            letters / chars,
            (chars - letters - digits - spaces) / chars,
            sum(1 for w in cased if w[0].isupper()) / max(1, len(cased)),
            float(not text[:1].isalnum() and text[:1] not in _QUOTES),
            min(1.0, sum(text.count(s) for s in _SEPARATORS) / 3),
            float(_LINKISH.search(text) is not None),
            i / max(1, n - 1),
            0.0,
            math.log(counts[b.text]),
            cjk / chars,
            float(stripped.endswith(("?", "？"))),
            float(any(q in text for q in _QUOTES)),
            float(b.paragraph),
            float(b.prose),
        )
    out[:, 14] = (np.cumsum(lengths) - lengths) / max(1.0, lengths.sum())
    prose = np.array([b.paragraph for b in blocks])
    vocab: Counter[str] = Counter()
    content = [{w for w in ws[:200] if len(w) >= 4 or _CJK.match(w)} for ws in words]
    for k in np.flatnonzero(prose).tolist():
        vocab.update(content[k])
    for k, mine in enumerate(content):
        if mine:
            own = 1 if prose[k] else 0
            out[k, 21] = sum(1 for t in mine if vocab[t] - own > 0) / len(mine)
    out[:, 22] = math.log1p(n) / 8
    log_len = np.log1p(lengths)
    out[:, 23] = (log_len - log_len.max()) / 6
    out[:, 24] = [float(b.words <= 1) for b in blocks]
    idx = np.flatnonzero(prose)
    positions = np.arange(n)
    if len(idx):
        after = np.minimum(np.searchsorted(idx, positions), len(idx) - 1)
        before = np.maximum(after - 1, 0)
        near = np.minimum(np.abs(positions - idx[after]), np.abs(positions - idx[before]))
    else:
        near = np.full(n, n)
    out[:, 25] = np.log1p(near) / 5
    return out


def _counts(text: str) -> tuple[int, int, int]:
    """Letters, digits and capitals in ``text`` (ASCII by byte deletion, else per character)."""
    if text.isascii():
        data = text.encode("ascii")
        size = len(data)
        return (
            size - len(data.translate(None, _ASCII_LETTERS)),
            size - len(data.translate(None, _ASCII_DIGITS)),
            size - len(data.translate(None, _ASCII_UPPER)),
        )
    return sum(map(str.isalpha, text)), sum(map(str.isdigit, text)), sum(map(str.isupper, text))


class BlockSequenceNet(nn.Module):
    """Bag embeddings and shape features per block, a page-wide encoder, two heads."""

    def __init__(self, encoder: str = "gru", hidden: int = 64):
        super().__init__()
        self.encoder_kind = encoder
        self.embed = nn.EmbeddingBag(BUCKETS, EMBED, mode="mean")
        width = 2 * EMBED + len(SHAPE_NAMES)
        self.project = nn.Sequential(nn.Linear(width, 2 * hidden), nn.ReLU())
        if encoder == "gru":
            self.gru = nn.GRU(2 * hidden, hidden, batch_first=True, bidirectional=True)
        else:
            self.conv = nn.Conv1d(2 * hidden, 2 * hidden, kernel_size=5, padding=2)
            layer = nn.TransformerEncoderLayer(
                2 * hidden, nhead=4, dim_feedforward=4 * hidden, dropout=0.1, batch_first=True
            )
            self.transformer = nn.TransformerEncoder(
                layer, num_layers=2, enable_nested_tensor=False
            )
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(4 * hidden, 2)

    def blocks(self, ids: torch.Tensor, starts: torch.Tensor, shape: torch.Tensor) -> torch.Tensor:
        """Each block's vector: ``(n_blocks, 2 * hidden)``."""
        bags = self.embed(ids, starts).view(shape.shape[0], 2 * EMBED)
        return self.project(torch.cat([bags, shape], dim=1))

    def forward(self, x: torch.Tensor, lengths: torch.Tensor | None = None) -> torch.Tensor:
        """Logits ``(batch, blocks, 2)`` (article, headline) of padded block vectors."""
        x = self.dropout(x)
        if self.encoder_kind == "gru":
            if lengths is not None:
                packed = nn.utils.rnn.pack_padded_sequence(
                    x, lengths, batch_first=True, enforce_sorted=False
                )
                h, _ = self.gru(packed)
                h, _ = nn.utils.rnn.pad_packed_sequence(
                    h, batch_first=True, total_length=x.shape[1]
                )
            else:
                h, _ = self.gru(x)
        else:
            local = torch.relu(self.conv(x.transpose(1, 2))).transpose(1, 2)
            mask = None
            if lengths is not None:
                mask = torch.arange(x.shape[1])[None, :] >= lengths[:, None]
            h = self.transformer(local, src_key_padding_mask=mask)
        return self.head(self.dropout(torch.cat([x, h], dim=2)))


def input_tables() -> tuple[object, ...]:
    """What the inputs are made of, as it is now: the weights file records its
    fingerprint, and loading refuses weights trained on other inputs."""
    return (
        _TOKEN, _CJK, _TERMINAL, _CLOSERS, _SEPARATORS, _LINKISH, _QUOTES,
        BUCKETS, MAX_WORDS, MAX_CHARS, SHORT_LINE_WORDS, SHAPE_NAMES,
    )  # fmt: skip


def save(net: BlockSequenceNet, path: Path = WEIGHTS) -> None:
    """Write the weights (the embedding table in half precision) as a numpy archive."""
    state = {}
    for key, value in net.state_dict().items():
        array = value.detach().cpu().numpy()
        state[key] = array.astype(np.float16) if key == "embed.weight" else array
    tables = np.array(fingerprint(input_tables()))
    np.savez_compressed(path, encoder=np.array(net.encoder_kind), tables=tables, **state)


class SequenceModel:
    """The shipped block-sequence model; :meth:`load` it once, :meth:`predict` per page."""

    _loaded: SequenceModel | None = None
    _lock = threading.Lock()

    def __init__(self, net: BlockSequenceNet):
        self.net = net.eval()

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> SequenceModel:
        """The model from ``path``; the shipped one is read once and shared."""
        if path != WEIGHTS:
            return cls(_read(path))
        with cls._lock:
            if cls._loaded is None:
                cls._loaded = cls(_read(path))
            return cls._loaded

    def predict(self, blocks: Sequence[Block], language: str = "") -> tuple[np.ndarray, np.ndarray]:
        """Per block: the probability it is article text, and that it is the headline
        (a distribution over the page's blocks). ``language`` is accepted for the
        cleaner's call; the model reads every language the same way."""
        n = len(blocks)
        if n == 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32)
        ids, starts, shape = encode(blocks)
        # one thread: faster for these small matrices (dev pastes p95 59 ms against 81 ms
        # on two). The setting is the process's, so other torch work runs on one thread for
        # the few milliseconds this takes.
        previous = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            with torch.inference_mode():
                x = self.net.blocks(
                    torch.from_numpy(ids), torch.from_numpy(starts), torch.from_numpy(shape)
                )
                logits = self.net(x[None])[0]
        finally:
            torch.set_num_threads(previous)
        article = torch.sigmoid(logits[:, 0]).numpy()
        headline = torch.softmax(logits[:, 1], dim=0).numpy()
        return article.astype(np.float32), headline.astype(np.float32)


def _read(path: Path) -> BlockSequenceNet:
    with np.load(path) as archive:
        recorded = str(archive["tables"]) if "tables" in archive.files else ""
        check(path, recorded, input_tables(), "training/train_sequence.py")
        net = BlockSequenceNet(str(archive["encoder"]))
        state = {
            key: torch.from_numpy(archive[key].astype(np.float32))
            for key in archive.files
            if key not in ("encoder", "tables")
        }
    net.load_state_dict(state)
    return net
