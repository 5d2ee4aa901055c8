"""The trained line classifier: a small two-stage network evaluated with numpy.

Stage one scores each block from its features and its words' weights in a learned
lexicon; stage two rescores it with the first stage's scores of its neighbours
added (a page's article is one run of blocks, so a line between two article lines
is likely article too) and with where it stands against the page's likely article
(how much of it lies above, how far the nearest confident block is). A few such
models, trained from different seeds, are averaged. The lexicon and the weights are
trained by ``training/train_cleaner.py`` and shipped as ``line_model.npz``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from summarise.cleaner.features import NAMES as FEATURE_NAMES
from summarise.cleaner.features import feature_tables
from summarise.cleaner.fingerprint import check, fingerprint
from summarise.cleaner.lexicon import NAMES as LEXICON_NAMES
from summarise.cleaner.lexicon import Lexicon, lexicon_features
from summarise.errors import ModelError

WEIGHTS = Path(__file__).with_name("line_model.npz")
CONTEXT_OFFSETS = (-3, -2, -1, 1, 2, 3)
LONG_PAGE_BLOCKS = 10_000  # six times the longest of the 974 real pages (1,595 blocks)
NAMES = FEATURE_NAMES + LEXICON_NAMES  # what the first stage reads
STAGE_TWO_NAMES = [
    "first",
    *[f"first@{o:+d}" for o in CONTEXT_OFFSETS],
    "first_window",
    "article_above",
    "confident_distance",
]
_LOG_LEN = FEATURE_NAMES.index("log_len")


def stage_two_inputs(features: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Stage two's input (:data:`STAGE_TWO_NAMES` after the features): the block's own
    first score, its neighbours', their mean over eleven blocks, and where the block
    stands against the page's likely article: the share of it above the block (each
    block's characters weighted by its first score) and how many blocks away the
    nearest confident block is. A story stream or a next article far below keeps a
    high local score but sits outside the article's mass."""
    n = len(first)
    padded = np.concatenate([np.full(3, -1.0), first, np.full(3, -1.0)])
    shifted = [padded[3 + o : 3 + o + n] for o in CONTEXT_OFFSETS]
    window = np.convolve(np.pad(first, 5, mode="edge"), np.ones(11) / 11, mode="valid")
    mass = first * np.expm1(features[:, _LOG_LEN])
    above = (np.cumsum(mass) - mass) / max(float(mass.sum()), 1e-6)
    return np.column_stack(
        [features, first, *shifted, window, above, _confident_distance(first)]
    ).astype(np.float32)


def _confident_distance(first: np.ndarray) -> np.ndarray:
    """log(1 + blocks to the nearest block scored at least one half)."""
    n = len(first)
    confident = np.flatnonzero(first >= 0.5)
    if len(confident) == 0:
        return np.full(n, np.log1p(n))
    index = np.arange(n)
    after = np.searchsorted(confident, index)
    below = confident[np.minimum(after, len(confident) - 1)]
    above = confident[np.maximum(after - 1, 0)]
    return np.log1p(np.minimum(np.abs(below - index), np.abs(index - above)))


class Network:
    """A multilayer perceptron (ReLU hidden layers, logistic output) with input scaling."""

    def __init__(
        self, mean: np.ndarray, std: np.ndarray, layers: list[tuple[np.ndarray, np.ndarray]]
    ):
        self.mean = mean
        self.std = std
        self.layers = layers
        # the input scaling folded into the first layer: one pass less over a page's rows
        w, b = layers[0]
        scaled = w / std[:, None]
        self._first = (scaled.astype(np.float32), (b - mean @ scaled).astype(np.float32))

    def __call__(self, x: np.ndarray) -> np.ndarray:
        for k, (w, b) in enumerate([self._first, *self.layers[1:]]):
            x = x @ w
            x += b
            if k < len(self.layers) - 1:
                np.maximum(x, 0.0, out=x)
        return 1.0 / (1.0 + np.exp(-np.clip(x[:, 0], -50.0, 50.0)))

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The network as named arrays, for saving beside the others of a model."""
        out = {f"{prefix}mean": self.mean, f"{prefix}std": self.std}
        for k, (w, b) in enumerate(self.layers):
            out[f"{prefix}w{k}"] = w
            out[f"{prefix}b{k}"] = b
        return out

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> Network:
        layers = []
        k = 0
        while f"{prefix}w{k}" in arrays:
            layers.append((arrays[f"{prefix}w{k}"], arrays[f"{prefix}b{k}"]))
            k += 1
        return cls(arrays[f"{prefix}mean"], arrays[f"{prefix}std"], layers)


class Averaged:
    """The mean output of a few networks trained alike from different seeds."""

    def __init__(self, networks: list[Network]):
        self.networks = networks

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return np.mean([network(x) for network in self.networks], axis=0)

    def arrays(self) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        for k, network in enumerate(self.networks):
            out.update(network.arrays(f"m{k}_"))
        return out

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> Averaged:
        networks: list[Network] = []
        while f"m{len(networks)}_mean" in arrays:
            networks.append(Network.from_arrays(arrays, f"m{len(networks)}_"))
        return cls(networks)


class LineClassifier:
    """Probability that each block is article text, from its features and its words'
    weights in the lexicon: the mean of a few two-stage models trained alike from
    different seeds (one model's quirks on a page unlike its training pages average out)."""

    def __init__(self, members: list[tuple[Network, Network]], lexicon: Lexicon):
        self.members = members
        self.lexicon = lexicon

    def __call__(self, features: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """Scores of the blocks with these :func:`block_features` and texts."""
        if len(features) == 0:
            return np.zeros(0)
        features = np.hstack([features, lexicon_features(texts, self.lexicon)])
        # a paste longer than any real page (a log, a dump) is scored by one member: five
        # would cost five times as long, and a page has a second to be cleaned in
        members = self.members if len(features) <= LONG_PAGE_BLOCKS else self.members[:1]
        scores = [second(stage_two_inputs(features, first(features))) for first, second in members]
        return np.mean(scores, axis=0)

    def save(self, path: Path) -> None:
        arrays = self.lexicon.arrays()
        for m, (first, second) in enumerate(self.members):
            arrays.update(first.arrays(f"m{m}_first_"))
            arrays.update(second.arrays(f"m{m}_second_"))
        save_weights(path, NAMES + STAGE_TWO_NAMES, arrays)

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> LineClassifier:
        arrays = load_weights(path, NAMES + STAGE_TWO_NAMES)
        members: list[tuple[Network, Network]] = []
        while f"m{len(members)}_first_mean" in arrays:
            m = len(members)
            members.append(
                (
                    Network.from_arrays(arrays, f"m{m}_first_"),
                    Network.from_arrays(arrays, f"m{m}_second_"),
                )
            )
        return cls(members, Lexicon.from_arrays(arrays))


def save_weights(path: Path, names: list[str], arrays: dict[str, np.ndarray]) -> None:
    """Write networks' arrays with the names of the features they were trained on and
    the fingerprint of the phrase tables those features read."""
    np.savez_compressed(
        path,
        names=np.array(names),
        tables=np.array(fingerprint(feature_tables())),
        **arrays,  # type: ignore[arg-type]
    )


def load_weights(path: Path, names: list[str]) -> dict[str, np.ndarray]:
    """A weights file's arrays, refused when it was trained on other features or on
    other phrase tables."""
    with np.load(path, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    if list(arrays["names"]) != names:
        raise ModelError(
            f"{path.name} was trained on other features; "
            "retrain it with `python training/train_cleaner.py`."
        )
    recorded = str(arrays["tables"]) if "tables" in arrays else ""
    check(path, recorded, feature_tables(), "training/train_cleaner.py")
    return arrays


@lru_cache(maxsize=1)
def line_classifier() -> LineClassifier:
    """The shipped classifier, loaded once."""
    return LineClassifier.load()
