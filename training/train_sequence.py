"""Train the cleaner's block-sequence model (summarise/cleaner/sequence.py); measure it held out.

    python training/train_sequence.py              # train on all allowed data, write the weights
    python training/train_sequence.py --cv 4       # held-out figures: 4 folds grouped by site
    python training/train_sequence.py --eval-only  # score the shipped weights on l3s-gn1, big9

Data and licences (none is copied into the repository; all are read from ``../shared/``):

- ``cleaner-dev/``: 129 pages of Mozilla Readability's test suite (Apache-2.0), with
  Readability's output as gold and the page's metadata title.
- ``cleaner-train/``: 845 pages of trafilatura's evaluation set (Apache-2.0 repository; the
  pages belong to their sites), labelled by a teacher extraction (trafilatura) and
  human keep/remove snippets.
- ``cleaner-extra/dragnet-2012/``: 1,369 English news and blog pages of Dragnet's data
  (seomoz/dragnet_data, collected by Moz for Dragnet, 2012), licensed **AGPLv3**; the shipped
  weights are trained on it.
- ``cleaner-extra/zh-cwced/``: 69 Chinese pages of immortal-autumn/Chinese-Web-Content-
  Extraction-Dataset, **MIT**, Copyright (c) 2022 Elwin.
- ``cleaner-extra/l3s-gn1/`` and ``cleaner-extra/big9-chaos/``: evaluation only (research-use
  licences); never trained on.

Labels: a paste block is article text when at least half of its word trigrams occur in the
reference (the gold, or the teacher for cleaner-train; a Chinese or Japanese character counts
as a word); between a quarter and 60% it is unsure and weighs nothing; a block under four
words is article when it equals a line of the reference; cleaner-train's human snippets
override (as in ``train_cleaner.py``). A block weighs its share of the page's words (plus
three). The headline is the line that matches the page's metadata title (dev pages) or spells
its address's slug (other pages with an address).

Evaluation is held out by site: a page's site is the domain of its address, else its name
(a dev page's name without a trailing ``-N``); sites are hashed into K folds. Training is
deterministic (fixed seeds, one thread).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import re
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from train_cleaner import _ascii_words, _same_headline, slug_words  # noqa: E402
from train_cleaner import label_blocks as cleaner_labels  # noqa: E402

from summarise.cleaner.blocks import Block, blocks_from_paste  # noqa: E402
from summarise.cleaner.fingerprint import fingerprint  # noqa: E402
from summarise.cleaner.sequence import (  # noqa: E402
    BUCKETS,
    EMBED,
    SHAPE_NAMES,
    WEIGHTS,
    SequenceModel,
    encode,
    input_tables,
    tokens,
)

SHARED = ROOT.parent / "shared"
DEV = SHARED / "cleaner-dev"
TRAIN = SHARED / "cleaner-train"
EXTRA = SHARED / "cleaner-extra"
TRAIN_SETS = {  # folder, reference file suffix, weight of its labels
    "dev": (DEV, ".gold.txt", 4.0),
    "train": (TRAIN, ".teacher.txt", 1.0),
    "dragnet": (EXTRA / "dragnet-2012", ".gold.txt", 1.0),
    "zh": (EXTRA / "zh-cwced", ".gold.txt", 2.0),
}
EVAL_SETS = {"l3s": EXTRA / "l3s-gn1", "big9": EXTRA / "big9-chaos"}
CLEAN_PASTE_WEIGHT = 0.3  # a teacher text fed as a paste of its own, all article
HEADLINE_WEIGHT = 0.5
MAX_TRAIN_BLOCKS = 1500
BATCH = 8
THRESHOLD = 0.5
CACHE = Path("/tmp/train_sequence_cache.pkl")


@dataclass
class Page:
    """One page's model inputs, labels and what scoring it needs."""

    name: str
    corpus: str
    site: str
    ids: np.ndarray
    starts: np.ndarray
    shape: np.ndarray
    labels: np.ndarray
    weights: np.ndarray
    headline: int  # the headline block's index, -1 when unknown
    reference: str = ""
    title: str = ""
    lang: str = ""
    texts: list[str] | None = None


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


def save(net: BlockSequenceNet, path: Path = WEIGHTS) -> None:
    """Write the weights (the embedding table in half precision) as a numpy archive."""
    state = {}
    for key, value in net.state_dict().items():
        array = value.detach().cpu().numpy()
        state[key] = array.astype(np.float16) if key == "embed.weight" else array
    tables = np.array(fingerprint(input_tables()))
    np.savez_compressed(path, encoder=np.array(net.encoder_kind), tables=tables, **state)


def as_model(net: BlockSequenceNet) -> SequenceModel:
    """The package's numpy model with ``net``'s weights (for scoring fold models)."""
    return SequenceModel({k: v.detach().cpu().numpy() for k, v in net.state_dict().items()})


def _score_module():
    spec = importlib.util.spec_from_file_location("score", DEV / "score.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def label_blocks(
    blocks: list[Block], reference: str, keep: list[str], drop: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Distant labels and weights of a paste's blocks (``train_cleaner.label_blocks``, with
    a Chinese or Japanese character counted as a word)."""
    return cleaner_labels(blocks, reference, keep, drop, words_of=tokens, size=_block_words)


def _block_words(block: Block) -> int:
    return block.words


def headline_index(blocks: list[Block], title: str, url: str) -> int:
    """The block that is the page's headline: its metadata title, else its address's slug."""
    limit = min(len(blocks), 400)
    if title:
        want = " ".join(tokens(title))
        best, best_share = -1, 0.0
        for i in range(limit):
            got = " ".join(tokens(blocks[i].text))
            if not got or not (_same_headline(got, want) or got in want or want in got):
                continue
            share = min(len(got), len(want)) / max(len(got), len(want))
            if share > best_share and (share >= 0.4 or _same_headline(got, want)):
                best, best_share = i, share
        return best
    slug = slug_words(url) if url else set()
    if len(slug) < 3:
        return -1
    for i in range(limit):
        if blocks[i].words > 30:
            continue
        found = {w for w in _ascii_words(blocks[i].text) if len(w) >= 3}
        shared = len(found & slug)
        if found and shared >= 0.6 * len(found) and shared >= 0.5 * len(slug):
            return i
    return -1


def site_of(corpus: str, name: str, meta: dict) -> str:
    """The page's site: its address's domain, else its name (a dev page's without ``-N``)."""
    url = meta.get("url") or ""
    host = urlparse(url).netloc.lower().split(":")[0] if url else ""
    if host:
        return host[4:] if host.startswith("www.") else host
    if corpus == "dev":
        return re.sub(r"-\d+$", "", name)
    return f"{corpus}:{name}"


def make_page(corpus: str, name: str, paste: str, reference: str, meta: dict, weight: float):
    blocks = blocks_from_paste(paste)
    if not blocks:
        return None
    labels, weights = label_blocks(blocks, reference, meta.get("with", []), meta.get("without", []))
    ids, starts, shape = encode(blocks)
    title = meta.get("title") or ""
    return Page(
        name,
        corpus,
        site_of(corpus, name, meta),
        ids,
        starts,
        shape,
        labels,
        weights * weight,
        headline_index(blocks, title, meta.get("url") or ""),
        reference,
        title,
        (meta.get("lang") or "").lower(),
        [b.text for b in blocks],
    )


def load_folder(corpus: str, folder: Path, suffix: str, weight: float) -> list[Page]:
    pages = []
    for ref_path in sorted(folder.glob(f"*{suffix}")):
        name = ref_path.name[: -len(suffix)]
        paste_path = folder / f"{name}.txt"
        if not paste_path.exists():
            continue
        meta_path = folder / f"{name}.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        reference = ref_path.read_text(encoding="utf-8")
        if not reference.strip():
            continue
        page = make_page(
            corpus, name, paste_path.read_text(encoding="utf-8"), reference, meta, weight
        )
        if page is not None:
            pages.append(page)
    return pages


def clean_paste(page: Page) -> Page | None:
    """A teacher text fed as a paste of its own: every block article."""
    blocks = blocks_from_paste(page.reference)
    if not blocks:
        return None
    ids, starts, shape = encode(blocks)
    weights = np.full(len(blocks), CLEAN_PASTE_WEIGHT / len(blocks), dtype=np.float32)
    ones = np.ones(len(blocks), dtype=np.float32)
    return Page(page.name, "clean", page.site, ids, starts, shape, ones, weights, -1)


def load_all() -> dict[str, list[Page]]:
    """Every corpus's pages (cached in /tmp between runs)."""
    if CACHE.exists():
        with CACHE.open("rb") as f:
            return pickle.load(f)
    data: dict[str, list[Page]] = {}
    for corpus, (folder, suffix, weight) in TRAIN_SETS.items():
        data[corpus] = load_folder(corpus, folder, suffix, weight)
        print(f"{corpus}: {len(data[corpus])} pages", flush=True)
    data["clean"] = [p for p in map(clean_paste, data["train"]) if p is not None]
    for corpus, folder in EVAL_SETS.items():
        data[corpus] = load_folder(corpus, folder, ".gold.txt", 1.0)
        print(f"{corpus}: {len(data[corpus])} pages", flush=True)
    with CACHE.open("wb") as f:
        pickle.dump(data, f)
    return data


def _batch(net: BlockSequenceNet, pages: list[Page]):
    """Padded block vectors, lengths, labels, weights and headline targets of a batch."""
    vectors, lengths = [], []
    for p in pages:
        n = min(len(p.labels), MAX_TRAIN_BLOCKS)
        cut = p.starts[2 * n] if 2 * n < len(p.starts) else len(p.ids)
        v = net.blocks(
            torch.from_numpy(p.ids[:cut]),
            torch.from_numpy(p.starts[: 2 * n]),
            torch.from_numpy(p.shape[:n]),
        )
        vectors.append(v)
        lengths.append(n)
    x = torch.nn.utils.rnn.pad_sequence(vectors, batch_first=True)
    longest = x.shape[1]
    y = torch.zeros(len(pages), longest)
    w = torch.zeros(len(pages), longest)
    for k, p in enumerate(pages):
        n = lengths[k]
        y[k, :n] = torch.from_numpy(p.labels[:n])
        w[k, :n] = torch.from_numpy(p.weights[:n])
    return x, torch.tensor(lengths), y, w


def train(
    pages: list[Page], encoder: str = "gru", epochs: int = 8, seed: int = 0, log: bool = True
) -> BlockSequenceNet:
    """One network on ``pages`` (weighted article loss plus the headline's softmax loss)."""
    torch.manual_seed(seed)
    net = BlockSequenceNet(encoder)
    optimiser = torch.optim.Adam(net.parameters(), lr=2e-3)
    generator = torch.Generator().manual_seed(seed)
    steps = epochs * ((len(pages) + BATCH - 1) // BATCH)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=3e-3, total_steps=steps)
    net.train()
    for epoch in range(epochs):
        started, total = time.perf_counter(), 0.0
        order = torch.randperm(len(pages), generator=generator).tolist()
        for b in range(0, len(order), BATCH):
            batch = [pages[i] for i in order[b : b + BATCH]]
            x, lengths, y, w = _batch(net, batch)
            logits = net(x, lengths)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits[:, :, 0], y, weight=w, reduction="sum"
            )
            for k, p in enumerate(batch):
                if 0 <= p.headline < lengths[k]:
                    scores = logits[k, : lengths[k], 1]
                    loss = loss + HEADLINE_WEIGHT * torch.nn.functional.cross_entropy(
                        scores[None], torch.tensor([p.headline])
                    )
            loss = loss / len(batch)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += loss.item() * len(batch)
        if log:
            print(
                f"  epoch {epoch + 1}/{epochs}: loss {total / len(pages):.4f} "
                f"({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
    return net.eval()


def predict(net: BlockSequenceNet, page: Page) -> tuple[np.ndarray, np.ndarray]:
    with torch.inference_mode():
        x = net.blocks(
            torch.from_numpy(page.ids), torch.from_numpy(page.starts), torch.from_numpy(page.shape)
        )
        logits = net(x[None])[0]
    return torch.sigmoid(logits[:, 0]).numpy(), torch.softmax(logits[:, 1], dim=0).numpy()


def fold_of(site: str, folds: int) -> int:
    return zlib.crc32(site.encode()) % folds


class Tally:
    """Pages' scores by the score.py metric: P averaged over pages with output, R over all."""

    def __init__(self) -> None:
        self.ps: list[float] = []
        self.rs: list[float] = []
        self.titles = [0, 0]
        self.rows: list[tuple[float, str, float, float]] = []

    def add(self, name: str, out: str, reference: str, p_title: str | None, title: str) -> None:
        gs, pr = SCORE.shingles(reference), SCORE.shingles(out)
        m = sum((gs & pr).values())
        p = m / sum(pr.values()) if pr else None
        r = m / sum(gs.values()) if gs else 1.0
        if p is not None:
            self.ps.append(p)
        self.rs.append(r)
        f = 2 * (p or 0) * r / ((p or 0) + r) if (p or 0) + r else 0.0
        self.rows.append((f, name, p if p is not None else -1.0, r))
        if title:
            got, want = SCORE.words(p_title or ""), SCORE.words(title)
            self.titles[1] += 1
            self.titles[0] += bool(got) and (got == want or got in want or want in got)

    def line(self, label: str) -> str:
        p = float(np.mean(self.ps)) if self.ps else 0.0
        r = float(np.mean(self.rs)) if self.rs else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        titles = f"{self.titles[0]}/{self.titles[1]}" if self.titles[1] else "-"
        return f"| {label} | {len(self.rs)} | {f:.3f} | {p:.3f} | {r:.3f} | {titles} |"


def select(
    page: Page, article: np.ndarray, headline: np.ndarray, rules: bool, threshold: float
) -> tuple[str, str]:
    """The cleaned text and title of a page from the model's probabilities: the blocks at
    or over the threshold (the likeliest half-maximum when none is), the headline the
    likeliest block; with ``rules``, the existing structure rules correct the choice."""
    texts = page.texts or []
    keep = article >= threshold
    if not keep.any() and len(article):
        keep = article >= 0.5 * article.max()
    title_index = int(np.argmax(headline)) if len(headline) else None
    if rules:
        from summarise.cleaner.blocks import blocks_from_lines
        from summarise.cleaner.structure import apply_structure, keep_standfirst

        blocks = blocks_from_lines("\n".join(texts))
        if len(blocks) == len(texts):
            scores = article.astype(np.float64)
            apply_structure(blocks, keep, scores)
            keep_standfirst(blocks, keep, scores, title_index)
    out = "\n\n".join(t for t, k in zip(texts, keep) if k)
    return out, texts[title_index] if title_index is not None else ""


MODES = {"model": False, "model + rules": True}


def evaluate(tallies: dict, key: str, page: Page, article, headline, threshold: float) -> None:
    for mode, rules in MODES.items():
        out, title = select(page, article, headline, rules, threshold)
        tallies.setdefault((mode, key), Tally()).add(
            page.name, out, page.reference, title, page.title
        )


def set_keys(page: Page) -> list[str]:
    if page.corpus == "dev":
        english = (page.lang or "en").startswith("en")  # as benchmarks/cleaner.py
        return ["dev all", "dev English" if english else "dev non-English"]
    return {"train": ["cleaner-train vs teacher"], "dragnet": ["dragnet-2012"]}.get(
        page.corpus, [page.corpus]
    )


def print_table(tallies: dict, title: str) -> None:
    print(f"\n{title}\n| set | pages | F1 | P | R | titles |\n|---|---|---|---|---|---|")
    for (mode, key), tally in sorted(tallies.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        print(tally.line(f"{key} ({mode})"))


def worst(tallies: dict, key: tuple[str, str], count: int = 8) -> None:
    for f, name, p, r in sorted(tallies[key].rows)[:count]:
        print(f"  F1 {f:.2f}  P {p:.2f}  R {r:.2f}  {name}")


def cross_validate(
    data: dict[str, list[Page]], folds: int, encoder: str, epochs: int, only: int | None = None
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Held-out predictions of every trainable page, each from a model that never saw its
    site (``only``: just that fold's pages)."""
    trainable = [p for c in ("dev", "train", "dragnet", "zh", "clean") for p in data[c]]
    predictions: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for fold in range(folds):
        if only is not None and fold != only:
            continue
        started = time.perf_counter()
        seen = [p for p in trainable if fold_of(p.site, folds) != fold]
        held = [p for p in trainable if fold_of(p.site, folds) == fold and p.corpus != "clean"]
        print(f"fold {fold + 1}/{folds}: {len(seen)} training sequences, {len(held)} held out")
        net = train(seen, encoder, epochs, seed=fold)
        for page in held:
            predictions[f"{page.corpus}/{page.name}"] = predict(net, page)
        print(f"  fold done in {time.perf_counter() - started:.0f} s", flush=True)
    return predictions


def report(
    data: dict[str, list[Page]],
    predictions: dict[str, tuple[np.ndarray, np.ndarray]],
    label: str,
    threshold: float = THRESHOLD,
    sweep: bool = True,
) -> None:
    """The table of scores of ``predictions`` by set, both modes; a threshold sweep."""
    pages = [p for corpus in data for p in data[corpus] if f"{p.corpus}/{p.name}" in predictions]
    tallies: dict = {}
    for page in pages:
        article, headline = predictions[f"{page.corpus}/{page.name}"]
        for key in set_keys(page):
            evaluate(tallies, key, page, article, headline, threshold)
    print_table(tallies, f"{label}, threshold {threshold}")
    for key in [("model", k) for k in ("dev all", "dragnet-2012", "zh", "l3s", "big9")]:
        if key in tallies:
            print(f"worst of {key}:")
            worst(tallies, key)
    if not sweep:
        return
    print("\nthreshold sweep (model alone; F1 P R per set)")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        sweep_tallies: dict = {}
        for page in pages:
            article, headline = predictions[f"{page.corpus}/{page.name}"]
            out, title = select(page, article, headline, False, t)
            for key in set_keys(page):
                sweep_tallies.setdefault(key, Tally()).add(
                    page.name, out, page.reference, title, page.title
                )
        cells = [tally.line(key)[2:-2] for key, tally in sorted(sweep_tallies.items())]
        print(f"t={t}: " + " ; ".join(cells))


def unseen_predictions(
    data: dict[str, list[Page]], model: SequenceModel
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Predictions on the evaluation-only sets (never trained on)."""
    return {
        f"{p.corpus}/{p.name}": model.predict_encoded(p.ids, p.starts, p.shape)
        for c in EVAL_SETS
        for p in data[c]
    }


def timing(path: Path) -> None:
    """Seconds per dev paste: splitting it into blocks, encoding them and the model's pass;
    wall-clock time and this process's CPU time (the cost on an idle core)."""
    model = SequenceModel.load(path)
    walls, cpus = [], []
    for paste in sorted(DEV.glob("*.txt")):
        if paste.name.endswith(".gold.txt"):
            continue
        raw = paste.read_text(encoding="utf-8")
        wall, cpu = time.perf_counter(), time.process_time()
        model.predict(blocks_from_paste(raw), "")
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    for label, times in (("wall", walls), ("CPU", cpus)):
        times.sort()
        print(
            f"inference on {len(times)} dev pastes ({label}): "
            f"p50 {times[len(times) // 2] * 1000:.1f} ms, "
            f"p95 {times[int(len(times) * 0.95)] * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms"
        )


SCORE = _score_module()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", type=int, default=0, help="held-out figures on K site folds")
    parser.add_argument("--encoder", choices=["gru", "transformer"], default="gru")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--eval-only", action="store_true", help="score the shipped weights")
    parser.add_argument("--no-train", action="store_true", help="only the --cv figures")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--timing", action="store_true", help="time the shipped weights")
    parser.add_argument("--fold", type=int, default=None, help="run only this --cv fold")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    started = time.perf_counter()
    data = load_all()
    print(f"data loaded in {time.perf_counter() - started:.0f} s", flush=True)
    if args.cv:
        predictions = cross_validate(data, args.cv, args.encoder, args.epochs, args.fold)
        with open(f"/tmp/cv_{args.encoder}_{args.fold}.pkl", "wb") as f:
            pickle.dump(predictions, f)
        label = f"held out by site, {args.cv} folds, {args.encoder}, {args.epochs} epochs"
        report(data, predictions, label, args.threshold)
    if args.timing:
        timing(args.out)
        return
    if args.eval_only:
        predictions = unseen_predictions(data, SequenceModel.load(args.out))
        report(data, predictions, "never trained on (shipped weights)", args.threshold)
        return
    if args.no_train:
        return
    started = time.perf_counter()
    trainable = [p for c in ("dev", "train", "dragnet", "zh", "clean") for p in data[c]]
    net = train(trainable, args.encoder, args.epochs, seed=1234)
    save(net, args.out)
    print(
        f"trained in {time.perf_counter() - started:.0f} s; wrote {args.out} "
        f"({args.out.stat().st_size / 1e6:.2f} MB)"
    )
    predictions = unseen_predictions(data, as_model(net))
    report(data, predictions, "never trained on (model on all allowed data)", args.threshold)


if __name__ == "__main__":
    main()
