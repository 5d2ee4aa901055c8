"""A learned block-sequence model for the page cleaner (issue #32).

Each block of a paste is read as a bag of hashed words and character trigrams (so a
site's "Most read" or "Meistgelesen" is learned from data, in any language, rather than
listed) plus a few shape features (length, punctuation, digits, capitals, link-like text,
position, repetition, vocabulary shared with the page's prose). A bidirectional GRU reads
the page's blocks in both directions and gives each block two probabilities: that it is
article text, and that it is the page's headline.

The weights (``sequence_model.npz``, trained by ``training/train_sequence.py``) are loaded
lazily, once, and evaluated with numpy. They are trained on Readability's test pages
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
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from summarise.cleaner.blocks import Block
from summarise.cleaner.fingerprint import check
from summarise.errors import ModelError

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


def input_tables() -> tuple[object, ...]:
    """What the inputs are made of, as it is now: the weights file records its
    fingerprint, and loading refuses weights trained on other inputs."""
    return (
        _TOKEN, _CJK, _TERMINAL, _CLOSERS, _SEPARATORS, _LINKISH, _QUOTES,
        BUCKETS, MAX_WORDS, MAX_CHARS, SHORT_LINE_WORDS, SHAPE_NAMES,
    )  # fmt: skip


class SequenceModel:
    """The block-sequence model evaluated with numpy (no torch, and no thread setting
    shared with the rest of the process); :meth:`load` it once, :meth:`predict` per page.

    Per block: the mean of its words' and of its trigrams' embeddings beside its shape
    features, a ReLU projection, a bidirectional GRU over the page, and a linear head for
    article and headline. ``arrays`` are the trained network's, under torch's names
    (``training/train_sequence.py`` trains it and writes them).
    """

    _loaded: SequenceModel | None = None
    _lock = threading.Lock()

    def __init__(self, arrays: Mapping[str, np.ndarray]):
        a = {key: np.asarray(value, dtype=np.float32) for key, value in arrays.items()}
        self.embed = a["embed.weight"]
        self.project = (a["project.0.weight"].T.copy(), a["project.0.bias"])
        # Both directions step together as one vector [forward, backward], the gates laid
        # out as reset (both), update (both), candidate (both): one product per step.
        directions = ("", "_reverse")
        size = a["gru.weight_hh_l0"].shape[1]
        gate = [slice(k * size, (k + 1) * size) for k in range(3)]
        self.input_weights = [a[f"gru.weight_ih_l0{d}"].T.copy() for d in directions]
        self.input_bias = [a[f"gru.bias_ih_l0{d}"] for d in directions]
        hidden = np.zeros((2 * size, 6 * size), dtype=np.float32)
        bias = np.zeros(6 * size, dtype=np.float32)
        for d, name in enumerate(directions):
            weights, offset = a[f"gru.weight_hh_l0{name}"].T, d * size
            for k in range(3):
                column = slice(2 * k * size + offset, 2 * k * size + offset + size)
                hidden[d * size : (d + 1) * size, column] = weights[:, gate[k]]
                bias[column] = a[f"gru.bias_hh_l0{name}"][gate[k]]
        self.hidden_weights, self.hidden_bias, self.size = hidden, bias, size
        self.head = (a["head.weight"].T.copy(), a["head.bias"])

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
        if not blocks:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32)
        return self.predict_encoded(*encode(blocks))

    def predict_encoded(
        self, ids: np.ndarray, starts: np.ndarray, shape: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`predict` for a page already encoded (:func:`encode`)."""
        n = shape.shape[0]
        if n == 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32)
        inputs = np.hstack([self._bags(ids, starts, n), shape])
        x = np.maximum(inputs @ self.project[0] + self.project[1], 0.0)
        logits = np.hstack([x, self._gru(x)]) @ self.head[0] + self.head[1]
        article = 1.0 / (1.0 + np.exp(-logits[:, 0]))
        headline = np.exp(logits[:, 1] - logits[:, 1].max())
        return article.astype(np.float32), (headline / headline.sum()).astype(np.float32)

    def _bags(self, ids: np.ndarray, starts: np.ndarray, n: int) -> np.ndarray:
        """Each block's two mean embeddings side by side (an empty bag is zeros)."""
        rows = np.vstack([self.embed[ids], np.zeros((1, EMBED), dtype=np.float32)])
        sums = np.add.reduceat(rows, starts, axis=0)
        counts = np.diff(np.append(starts, len(ids)))
        sums[counts == 0] = 0.0
        return (sums / np.maximum(counts, 1)[:, None]).reshape(n, 2 * EMBED)

    def _gru(self, x: np.ndarray) -> np.ndarray:
        """The bidirectional GRU's outputs, forward then backward, for each block."""
        n, size = x.shape[0], self.size
        forward = x @ self.input_weights[0] + self.input_bias[0]
        backward = (x @ self.input_weights[1] + self.input_bias[1])[::-1]
        steps = np.empty((n, 6 * size), dtype=np.float32)  # the gates' layout above
        for k in range(3):
            steps[:, 2 * k * size : (2 * k + 1) * size] = forward[:, k * size : (k + 1) * size]
            steps[:, (2 * k + 1) * size : (2 * k + 2) * size] = backward[
                :, k * size : (k + 1) * size
            ]
        h = np.zeros(2 * size, dtype=np.float32)
        out = np.empty((n, 2 * size), dtype=np.float32)
        for t in range(n):
            gates = h @ self.hidden_weights + self.hidden_bias
            given = steps[t]
            reset_update = 1.0 / (1.0 + np.exp(-(given[: 4 * size] + gates[: 4 * size])))
            candidate = np.tanh(given[4 * size :] + reset_update[: 2 * size] * gates[4 * size :])
            h = candidate + reset_update[2 * size :] * (h - candidate)
            out[t] = h
        return np.hstack([out[:, :size], out[::-1, size:]])


def _read(path: Path) -> dict[str, np.ndarray]:
    with np.load(path) as archive:
        recorded = str(archive["tables"]) if "tables" in archive.files else ""
        check(path, recorded, input_tables(), "training/train_sequence.py")
        if str(archive["encoder"]) != "gru":
            raise ModelError(
                f"{path.name} holds a {archive['encoder']} encoder, and only a GRU one can be "
                "loaded; retrain it with `python training/train_sequence.py --encoder gru`."
            )
        return {key: archive[key] for key in archive.files if key not in ("encoder", "tables")}
