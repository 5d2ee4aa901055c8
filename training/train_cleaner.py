"""Train the cleaner's line classifier and headline ranker; write their weights.

    python training/train_cleaner.py            # train on both corpora, write the weights
    python training/train_cleaner.py --cv 4     # held-out figures on the dev pages first
    python training/train_cleaner.py --cv-train 4   # ... and on training pages held out

Data: ``../shared/cleaner-train/`` (see training/README.md for its source and licence):
for each page, what a select-all paste gives, a DOM-aware teacher extraction of the
same page and human-marked snippets to keep and to remove. Labels are distant: a
paste block is article text when it aligns with the teacher (most of its word
trigrams occur there; a short block must equal a teacher line), overridden by the
human snippets. Each teacher text is also fed as a clean paste whose blocks are all
article, so a paste without page furniture keeps everything.

The dev pages (``../shared/cleaner-dev``, Readability's test pages with a human gold
that leaves out comments and teasers) are trained on too, with the gold as labels and
eight times the weight. ``--cv K`` first trains K models, each without one K-th of the dev
pages, and scores the full cleaner on the pages it did not see: those are the figures
to quote. Training is deterministic (fixed seeds, one thread) and takes a few minutes.

The headline ranker learns from the dev pages' metadata titles and from the training
pages' addresses (the headline spells the URL's slug); see training/README.md.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarise.cleaner.blocks import Block, blocks_from_paste  # noqa: E402
from summarise.cleaner.classifier import (  # noqa: E402
    WEIGHTS,
    Averaged,
    LineClassifier,
    Network,
    stage_two_inputs,
)
from summarise.cleaner.features import block_features, detect_language  # noqa: E402
from summarise.cleaner.lexicon import Lexicon, lexicon_features  # noqa: E402
from summarise.cleaner.pipeline import THRESHOLD  # noqa: E402
from summarise.cleaner.title import WEIGHTS as TITLE_WEIGHTS  # noqa: E402
from summarise.cleaner.title import candidates, save_title_model, title_features  # noqa: E402

TRAIN = ROOT.parent / "shared" / "cleaner-train"
DEV = ROOT.parent / "shared" / "cleaner-dev"
DEV_WEIGHT = 8.0  # a dev block against a teacher block: the human gold is the better label
DEV_TITLE_WEIGHT = 2.0  # a dev page's headline against one read off an address
_WORDS = re.compile(r"\w+")
HIDDEN = (48, 24)
MEMBERS = 5  # models averaged in the shipped classifier
TITLE_MEMBERS = 5  # and in the headline ranker
LEXICON_DROPOUT = 7  # one page in this many is trained as if in a language the lexicon lacks


@dataclass
class PageData:
    """One page's features, labels and weights (weight 0: the label is unsure)."""

    features: np.ndarray
    labels: np.ndarray
    weights: np.ndarray
    blocks: list[Block] = field(default_factory=list)
    url: str = ""
    title: str = ""  # the headline as the page's metadata gives it (dev pages)
    name: str = ""  # the page's file name in its corpus


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def _spaced_words(block: Block) -> int:
    return len(block.text.split())


def label_blocks(
    blocks: list[Block],
    teacher: str,
    keep: list[str],
    drop: list[str],
    words_of: Callable[[str], list[str]] = _words,
    size: Callable[[Block], int] = _spaced_words,
):
    """Distant labels and weights for a paste's blocks from the teacher text and snippets.

    ``words_of`` splits a text into the words whose trigrams are matched, ``size`` is a
    block's weight in words (the sequence model's training counts CJK characters in both).
    """
    words = words_of(teacher)
    trigrams = {tuple(words[i : i + 3]) for i in range(len(words) - 2)}
    lines = {" ".join(words_of(line)) for line in teacher.splitlines() if line.strip()}
    keep_norm = [" ".join(words_of(s)) for s in keep]
    drop_norm = [" ".join(words_of(s)) for s in drop]
    labels, weights = [], []
    total = sum(size(b) for b in blocks) or 1
    for block in blocks:
        w = words_of(block.text)
        norm = " ".join(w)
        if len(w) >= 4:
            grams = [tuple(w[i : i + 3]) for i in range(len(w) - 2)]
            share = sum(1 for g in grams if g in trigrams) / len(grams)
            label, sure = share >= 0.5, not 0.25 < share < 0.6
        else:
            label, sure = norm in lines, True
        if any(s and s in norm and len(s) >= 0.5 * len(norm) for s in drop_norm):
            label, sure = False, True
        elif any(s and s in norm for s in keep_norm):
            label, sure = True, True
        labels.append(float(label))
        weights.append((size(block) + 3) / total if sure else 0.0)
    return np.array(labels, dtype=np.float32), np.array(weights, dtype=np.float32)


def page_data(paste: str, teacher: str, keep: list[str], drop: list[str]) -> PageData | None:
    blocks = blocks_from_paste(paste)
    if not blocks:
        return None
    language = detect_language([b.text for b in blocks])
    labels, weights = label_blocks(blocks, teacher, keep, drop)
    return PageData(block_features(blocks, language), labels, weights, blocks)


def load_dev(folder: Path) -> dict[str, tuple[PageData, PageData | None]]:
    """The dev pages by name, labelled by their human gold (no clean-paste copy)."""
    pages: dict[str, tuple[PageData, PageData | None]] = {}
    for gold_path in sorted(folder.glob("*.gold.txt")):
        name = gold_path.name[: -len(".gold.txt")]
        paste = (folder / f"{name}.txt").read_text(encoding="utf-8")
        data = page_data(paste, gold_path.read_text(encoding="utf-8"), [], [])
        if data is not None:
            data.weights *= DEV_WEIGHT
            meta = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
            data.title = meta.get("title") or ""
            pages[name] = (data, None)
    return pages


def load_corpus(folder: Path) -> list[tuple[PageData, PageData | None]]:
    """Each page as (its paste, its teacher text as a clean paste)."""
    pages: list[tuple[PageData, PageData | None]] = []
    for meta_path in sorted(folder.glob("*.json")):
        name = meta_path.name[: -len(".json")]
        paste = (folder / f"{name}.txt").read_text(encoding="utf-8")
        teacher = (folder / f"{name}.teacher.txt").read_text(encoding="utf-8")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if not teacher.strip():
            continue
        pasted = page_data(paste, teacher, meta.get("with", []), meta.get("without", []))
        if pasted is None:
            continue
        pasted.url = meta.get("url", "")
        pasted.name = name
        clean_blocks = blocks_from_paste(teacher)
        clean = PageData(
            block_features(clean_blocks, detect_language([b.text for b in clean_blocks])),
            np.ones(len(clean_blocks), dtype=np.float32),
            np.full(len(clean_blocks), 0.3 / max(1, len(clean_blocks)), dtype=np.float32),
            clean_blocks,
        )
        pages.append((pasted, clean))
    return pages


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, seed: int, epochs: int = 20) -> Network:
    """Train one network by weighted logistic loss (Adam, full determinism)."""
    torch.manual_seed(seed)
    mean = x.mean(axis=0)
    std = x.std(axis=0) + 1e-6
    xt = torch.from_numpy((x - mean) / std)
    yt = torch.from_numpy(y)
    wt = torch.from_numpy(w / w.mean())
    sizes = [x.shape[1], *HIDDEN, 1]
    layers: list[torch.nn.Module] = []
    for k in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[k], sizes[k + 1]))
        if k < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers)
    opt = torch.optim.Adam(net.parameters(), lr=3e-3, weight_decay=1e-5)
    generator = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        order = torch.randperm(len(xt), generator=generator)
        for start in range(0, len(order), 512):
            idx = order[start : start + 512]
            logits = net(xt[idx])[:, 0]
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, yt[idx], weight=wt[idx]
            )
            opt.zero_grad()
            loss.backward()
            opt.step()
    linear = [m for m in net if isinstance(m, torch.nn.Linear)]
    return Network(
        mean.astype(np.float32),
        std.astype(np.float32),
        [(m.weight.detach().numpy().T.copy(), m.bias.detach().numpy().copy()) for m in linear],
    )


def _stack(pages: list[PageData]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (
        np.vstack([p.features for p in pages]),
        np.concatenate([p.labels for p in pages]),
        np.concatenate([p.weights for p in pages]),
    )


def train(
    corpus: list[tuple[PageData, PageData | None]], members: int = MEMBERS, folds: int = 3
) -> LineClassifier:
    """``members`` two-stage models from different seeds: stage one on all pages, stage
    two on stage one's out-of-fold scores."""
    lexicon = learn_lexicon(corpus)
    # each page's lexicon columns come from a lexicon learned without it, as a new page's do
    lexicons = [
        learn_lexicon([pair for i, pair in enumerate(corpus) if i % folds != fold])
        for fold in range(folds)
    ]
    corpus = [
        (
            with_lexicon(pasted, lexicons[i % folds], i),
            clean and with_lexicon(clean, lexicons[i % folds], i),
        )
        for i, (pasted, clean) in enumerate(corpus)
    ]
    pages = [p for pair in corpus for p in pair if p is not None]
    out = []
    for m in range(members):
        seed = 100 * m
        first = fit(*_stack(pages), seed=seed)
        second_inputs: list[PageData] = []
        for fold in range(folds):
            held = [pair for i, pair in enumerate(corpus) if i % folds == fold]
            rest = [p for i, pair in enumerate(corpus) if i % folds != fold for p in pair if p]
            net = fit(*_stack(rest), seed=seed + fold + 1)
            for pair in held:
                for p in pair:
                    if p is not None and len(p.labels):
                        x2 = stage_two_inputs(p.features, net(p.features))
                        second_inputs.append(PageData(x2, p.labels, p.weights))
        out.append((first, fit(*_stack(second_inputs), seed=seed + 99)))
    return LineClassifier(out, lexicon)


def learn_lexicon(corpus: list[tuple[PageData, PageData | None]]) -> Lexicon:
    """The lexicon of the pastes' labelled lines (a teacher text, all article, would
    count every word as article)."""
    return Lexicon.learn(
        (
            [b.text for b, w in zip(p.blocks, p.weights) if w > 0],
            [bool(y) for y, w in zip(p.labels, p.weights) if w > 0],
        )
        for p, _ in corpus
    )


def with_lexicon(page: PageData, lexicon: Lexicon, index: int) -> PageData:
    """The page with the lexicon's columns added to its features; every
    ``LEXICON_DROPOUT``-th page as if the lexicon knew none of its words, as on a page
    in a language it never saw."""
    columns = lexicon_features([b.text for b in page.blocks], lexicon)
    if index % LEXICON_DROPOUT == 0:
        columns[:] = 0.0
    return replace(page, features=np.hstack([page.features, columns]))


_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _ascii_words(text: str) -> list[str]:
    """Lower-case words folded to ASCII the way URL slugs spell them."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLITERATION))
    return re.findall(r"[a-z0-9]+", folded.encode("ascii", "ignore").decode())


def slug_words(url: str) -> set[str]:
    """The words of a page address's last path segment (ids and short words left out)."""
    path = unquote(urlparse(url).path).rstrip("/")
    segment = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return {w for w in _ascii_words(segment) if len(w) >= 3 and not w.isdigit()}


def title_labels(page: PageData, indices: list[int]) -> np.ndarray | None:
    """1 for candidates that are the headline, ``None`` when no candidate is.

    The headline is the page's metadata title where it has one (dev pages), else
    the line that spells the address's slug (training pages)."""
    if page.title:
        want = " ".join(_words(page.title))
        labels = [
            float(_same_headline(" ".join(_words(page.blocks[i].text)), want)) for i in indices
        ]
        return np.array(labels, dtype=np.float32) if any(labels) else None
    slug = slug_words(page.url)
    if len(slug) < 3:
        return None
    labels = []
    for i in indices:
        words = {w for w in _ascii_words(page.blocks[i].text) if len(w) >= 3}
        shared = len(words & slug)
        labels.append(
            float(bool(words) and shared >= 0.6 * len(words) and shared >= 0.5 * len(slug))
        )
    return np.array(labels, dtype=np.float32) if any(labels) else None


def _same_headline(line: str, title: str) -> bool:
    """The line is the title, or holds it (a site name added), or most of it."""
    if not line or not title:
        return False
    if line == title or (title in line and len(title) >= 0.5 * len(line)):
        return True
    return line in title and len(line) >= 0.6 * len(title)


def train_title(pages: list[PageData], model: LineClassifier) -> Averaged:
    """The title networks, on the pages whose headline is known (metadata or address)."""
    xs, ys, ws = [], [], []
    for page in pages:
        scores = model(page.features, [b.text for b in page.blocks])
        keep = (scores >= THRESHOLD).tolist()
        indices = candidates(page.blocks, keep)
        labels = title_labels(page, indices) if indices else None
        if labels is None:
            continue
        xs.append(title_features(page.blocks, page.features, scores, keep, indices))
        ys.append(labels)
        ws.append(np.full(len(labels), DEV_TITLE_WEIGHT if page.title else 1.0, dtype=np.float32))
    x, y = np.vstack(xs), np.concatenate(ys)
    print(f"title networks: {len(xs)} pages with a known headline, {len(y)} candidates")
    w = np.concatenate(ws)
    return Averaged([fit(x, y, w, seed=7 + k) for k in range(TITLE_MEMBERS)])


def cross_validate(
    corpus: list[tuple[PageData, PageData | None]],
    dev: dict[str, tuple[PageData, PageData | None]],
    folds: int,
) -> None:
    """Score the cleaner on each dev fold with a model trained without that fold."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from cleaner import Score, is_english, load_pages

    from summarise.cleaner.pipeline import clean

    pages = load_pages(DEV)
    scores = {"all": Score(), "English": Score(), "other languages": Score()}
    names = sorted(dev)
    for fold in range(folds):
        held = set(names[fold::folds])
        seen = [dev[n] for n in names if n not in held]
        model = train(corpus + seen)
        titles = train_title([p for p, _ in corpus + seen], model)
        for page in pages:
            if page.name not in held:
                continue
            cleaned = clean(page.paste, classifier=model, title_model=titles, sequence=False)
            for key in ("all", "English" if is_english(page) else "other languages"):
                scores[key].add(page, cleaned.text, cleaned.title, 0.0)
        print(f"fold {fold + 1}/{folds} done", flush=True)
    print("| held-out dev pastes | n | F1 | P | R | titles | - | - | - |")
    for key, score in scores.items():
        print(score.line(key))


def _spaced(text: str) -> str:
    """The text's words, lower-cased, one space between and around them: a snippet
    stands in a text when its spaced form is a substring of the text's."""
    return f" {' '.join(_words(text))} "


def cross_validate_training(
    corpus: list[tuple[PageData, PageData | None]],
    dev: dict[str, tuple[PageData, PageData | None]],
    folds: int,
    data: Path,
) -> None:
    """Score the cleaner on training pages it did not see, a second held-out check on
    news and blog pages that no setting was chosen on: against the teacher text (not a
    human gold) and the human snippets the page must keep and must leave out."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from cleaner import Page, Score

    from summarise.cleaner.pipeline import clean

    names = ["summarise", "the raw paste (doing nothing)", "the teacher itself"]
    scores = {name: Score() for name in names}
    kept = {name: [0, 0] for name in names}  # keep snippets kept, of all
    left_out = {name: [0, 0] for name in names}  # remove snippets left out, of all
    for fold in range(folds):
        held = range(fold, len(corpus), folds)
        rest = [pair for i, pair in enumerate(corpus) if i % folds != fold]
        model = train(rest + list(dev.values()))
        titles = train_title([p for p, _ in rest + list(dev.values())], model)
        for i in held:
            name = corpus[i][0].name
            paste = (data / f"{name}.txt").read_text(encoding="utf-8")
            teacher = (data / f"{name}.teacher.txt").read_text(encoding="utf-8")
            meta = json.loads((data / f"{name}.json").read_text(encoding="utf-8"))
            page = Page(name, paste, "", teacher, {})
            outputs = {
                names[0]: clean(paste, classifier=model, title_model=titles, sequence=False).text,
                names[1]: paste,
                names[2]: teacher,
            }
            pasted = _spaced(paste)
            keeps = [w for w in map(_spaced, meta.get("with", [])) if w.strip() and w in pasted]
            drops = [w for w in map(_spaced, meta.get("without", [])) if w.strip() and w in pasted]
            for key, text in outputs.items():
                scores[key].add(page, text, None, 0.0)
                spaced = _spaced(text)
                kept[key][0] += sum(1 for w in keeps if w in spaced)
                kept[key][1] += len(keeps)
                left_out[key][0] += sum(1 for w in drops if w not in spaced)
                left_out[key][1] += len(drops)
        print(f"fold {fold + 1}/{folds} done", flush=True)
    print(
        "| held-out training pages | n | F1 | P | R | keep snippets kept | remove snippets left out"
    )
    print("|---|---|---|---|---|---|---")
    for key, score in scores.items():
        f, p, r = score.means()
        share_kept = kept[key][0] / max(1, kept[key][1])
        share_left_out = left_out[key][0] / max(1, left_out[key][1])
        print(
            f"| {key} | {len(score.recalls)} | {f:.3f} | {p:.3f} | {r:.3f} "
            f"| {share_kept:.1%} | {share_left_out:.1%}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=TRAIN)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--title-out", type=Path, default=TITLE_WEIGHTS)
    parser.add_argument("--cv", type=int, default=0, help="held-out figures on K dev folds")
    parser.add_argument(
        "--cv-train", type=int, default=0, help="held-out figures on K folds of the training pages"
    )
    parser.add_argument("--no-dev", action="store_true", help="train on the training corpus only")
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"No training pages at {args.data}; see training/README.md.")
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    corpus = load_corpus(args.data)
    dev = {} if args.no_dev or not DEV.is_dir() else load_dev(DEV)
    print(f"{len(corpus)} training pages, {len(dev)} dev pages")
    model = train(corpus + list(dev.values()))
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")
    save_title_model(
        train_title([p for p, _ in corpus + list(dev.values())], model), args.title_out
    )
    print(f"wrote {args.title_out} ({args.title_out.stat().st_size / 1024:.0f} KiB)")
    if args.cv and dev:
        cross_validate(corpus, dev, args.cv)
    if args.cv_train:
        cross_validate_training(corpus, dev, args.cv_train, args.data)


if __name__ == "__main__":
    main()
