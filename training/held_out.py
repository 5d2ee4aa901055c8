"""Held-out figures for the cleaner as shipped: both of its models trained without the page's site.

    python training/held_out.py --folds 3              # every fold, then the tables
    python training/held_out.py --folds 3 --fold 0     # one fold (run folds side by side) ...
    python training/held_out.py --folds 3 --report     # ... then the tables from their files
    python training/held_out.py --folds 3 --ablate all       # each rule switched off in turn
    python training/held_out.py --folds 3 --ablate RULE+RULE # several switched off together

Sites are hashed into K folds as in ``train_sequence.py`` (a page's site is its address's
domain, a dev page's name without ``-N`` when it has none). For each fold the line
classifier and its headline ranker (``train_cleaner.py``) and the block-sequence model
(``train_sequence.py``, the same seed as its ``--cv``) are trained on the pages of the
other folds' sites only, and the whole cleaner (the two models voting, the structure rules,
the headline) cleans the fold's pages: the dev pastes (human gold), the training pastes
(against the teacher text) and dragnet-2012 (human gold; the line classifier never trains
on it). Each page is cleaned at every setting of :data:`GRID` (the keep threshold and the
line classifier's share of the vote), so a setting is chosen on pages no model saw.
Per-page scores go to ``--out`` (one JSON file per fold); ``--report`` prints the tables.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import train_cleaner  # noqa: E402
import train_sequence  # noqa: E402
from cleaner import Page, Score, is_english, title_matches  # noqa: E402

from summarise.cleaner import (  # noqa: E402
    furniture,
    pipeline,
    rules,
    structure,
    thread_phrases,
)
from summarise.cleaner.sequence import SequenceModel  # noqa: E402

# (the line classifier's share of the vote, the keep threshold); share 1.0 is the
# classifier alone
GRID = [(1.0, 0.45), (0.5, 0.45), (0.5, 0.5), (0.5, 0.55), (0.5, 0.6)]
GRID += [(0.3, 0.45), (0.3, 0.5), (0.3, 0.55), (0.3, 0.6)]
_NEVER = re.compile(r"(?!)")  # a pattern that matches nothing: a phrase table switched off


def _skip(*args: Any, **kwargs: Any) -> None:
    """A structure step switched off."""


def _never(*args: Any, **kwargs: Any) -> bool:
    """A furniture test switched off."""
    return False


def _group(module: Any, names: str, value: Any) -> dict[str, tuple[Any, str, Any]]:
    """Switches for the attributes ``names`` of ``module``, each set to ``value``."""
    prefix = module.__name__.rsplit(".", 1)[-1]
    return {f"{prefix}.{name}": (module, name, value) for name in names.split()}


# Each remaining rule of the cleaner, switched off one at a time (``--ablate NAME``): a
# structure step becomes a no-op, a phrase table a pattern that matches nothing. Only rules
# applied after the models are here: a table that a model's features read needs the model
# retrained without it.
_SWITCHES = {
    **_group(
        structure,
        "veto_furniture _rescue_lead _extend_paragraphs cut_comment_thread cut_related_section "
        "drop_story_lists_above drop_teaser_runs drop_read_more_teasers keep_main_run "
        "_keep_subheadings _continue_lists _fill_gaps drop_related_boxes _trim_edges",
        _skip,
    ),
    **_group(pipeline, "keep_standfirst", _skip),
    **_group(
        furniture,
        "is_breadcrumb _captioned _menu_bar _dateline _posted_by _byline _interface_line "
        "_pointer _consent_notice",
        _never,
    ),
    **_group(
        rules,
        "FURNITURE FURNITURE_SHORT PHOTO_CREDIT CUT_TEASER CAPTION_LABEL SECTION_HEADER READ_MORE",
        _NEVER,
    ),
    **_group(thread_phrases, "COMMENT_HEADER COMMENT_SECTION", _NEVER),
}
_TARGETS = {name: (module, attr) for name, (module, attr, _) in _SWITCHES.items()}
ABLATIONS: dict[str, Callable[[], None]] = {
    name: (lambda m=module, a=attr, v=value: setattr(m, a, v))
    for name, (module, attr, value) in _SWITCHES.items()
}
HEADLINE_WORDS = 20  # a line of the paste at most this long can be the page's headline
SETS = ("dev", "dev English", "dev other languages", "training pages (teacher)", "dragnet-2012")


def _site(corpus: str, name: str, folder: Path) -> str:
    meta_path = folder / f"{name}.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    return train_sequence.site_of(corpus, name, meta)


def _pages(folder: Path, reference: str) -> list[Page]:
    """A corpus's pastes with their reference text (``.gold.txt`` or ``.teacher.txt``)."""
    pages = []
    for path in sorted(folder.glob(f"*{reference}")):
        name = path.name[: -len(reference)]
        paste = folder / f"{name}.txt"
        meta_path = folder / f"{name}.json"
        if paste.exists():
            meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
            text = path.read_text(encoding="utf-8")
            if text.strip():
                pages.append(Page(name, paste.read_text(encoding="utf-8"), "", text, meta))
    return pages


def _held(fold: int, folds: int) -> Callable[[str, str, Path], bool]:
    """Whether a page (corpus, name, folder) is in the fold."""
    return lambda corpus, name, folder: (
        train_sequence.fold_of(_site(corpus, name, folder), folds) == fold
    )


def fold_models(fold: int, folds: int, out: Path) -> tuple[Any, Any, SequenceModel]:
    """The fold's line classifier, headline ranker and sequence model, trained without the
    fold's sites (kept in ``out`` so that rules can be ablated on the same models)."""
    path = out / f"models{fold}of{folds}.pkl"
    if path.exists():
        with path.open("rb") as f:
            return pickle.load(f)
    held = _held(fold, folds)
    started = time.perf_counter()
    corpus = train_cleaner.load_corpus(train_cleaner.TRAIN)
    dev = train_cleaner.load_dev(train_cleaner.DEV)
    seen = [pair for pair in corpus if not held("train", pair[0].name, train_cleaner.TRAIN)]
    seen += [pair for name, pair in dev.items() if not held("dev", name, train_cleaner.DEV)]
    print(f"fold {fold + 1}/{folds}: line classifier on {len(seen)} pages", flush=True)
    classifier = train_cleaner.train(seen)
    titles = train_cleaner.train_title([p for p, _ in seen], classifier)

    data = train_sequence.load_all()
    trainable = [p for c in ("dev", "train", "dragnet", "zh", "clean") for p in data[c]]
    sequences = [p for p in trainable if train_sequence.fold_of(p.site, folds) != fold]
    print(f"fold {fold + 1}/{folds}: sequence model on {len(sequences)} sequences", flush=True)
    sequence = train_sequence.as_model(train_sequence.train(sequences, "gru", 4, seed=fold))
    print(f"  models trained in {time.perf_counter() - started:.0f} s", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        pickle.dump((classifier, titles, sequence), f)
    return classifier, titles, sequence


class _Remembered:
    """A model whose outputs are remembered per page, so that the same page cleaned again
    (at another setting, or with a rule switched off) costs only the rules."""

    def __init__(self, model: Any, method: str) -> None:
        self.model, self.method, self.memo = model, method, {}

    def __call__(self, features: Any, texts: list[str]) -> Any:
        key = tuple(texts)
        if key not in self.memo:
            self.memo[key] = getattr(self.model, self.method)(features, texts)
        return self.memo[key]

    def predict(self, blocks: Any, language: str = "") -> Any:
        key = tuple(b.text for b in blocks)
        if key not in self.memo:
            self.memo[key] = self.model.predict(blocks, language)
        return self.memo[key]


def _variants(ablate: list[str]) -> list[tuple[str, float, float, list[str]]]:
    """(label, classifier share, threshold, rules switched off) of each run over the pages;
    ``a+b`` in ``ablate`` switches several rules off together."""
    if not ablate:
        return [(f"share {w}, threshold {t}", w, t, []) for w, t in GRID]
    shipped = (pipeline.CLASSIFIER_SHARE, pipeline.THRESHOLD)
    groups = [[n] for n in ABLATIONS] if ablate == ["all"] else [a.split("+") for a in ablate]
    unknown = [n for group in groups for n in group if n not in ABLATIONS]
    if unknown:
        raise SystemExit(f"no such rule to ablate: {', '.join(unknown)}; see ABLATIONS.")
    return [("as shipped", *shipped, [])] + [
        (f"without {' + '.join(group)}", *shipped, group) for group in groups
    ]


def run_fold(fold: int, folds: int, out: Path, ablate: list[str]) -> None:
    """Score the fold's pages at every setting (or with each rule switched off), with models
    that never saw their sites."""
    started = time.perf_counter()
    classifier, titles, sequence = fold_models(fold, folds, out)
    remembered_classifier = _Remembered(classifier, "__call__")
    remembered_sequence = _Remembered(sequence, "predict")
    held = _held(fold, folds)
    extra = train_sequence.EXTRA / "dragnet-2012"
    todo = [("dev", p) for p in _pages(train_cleaner.DEV, ".gold.txt")]
    todo += [("train", p) for p in _pages(train_cleaner.TRAIN, ".teacher.txt")]
    todo += [("dragnet", p) for p in _pages(extra, ".gold.txt")]
    folders = {"dev": train_cleaner.DEV, "train": train_cleaner.TRAIN, "dragnet": extra}
    todo = [(c, page) for c, page in todo if held(c, page.name, folders[c])]
    rows = []
    originals = {name: getattr(module, attr) for name, (module, attr) in _TARGETS.items()}
    for label, share, threshold, switched_off in _variants(ablate):
        pipeline.CLASSIFIER_SHARE, pipeline.THRESHOLD = share, threshold
        for rule in switched_off:
            ABLATIONS[rule]()
        furniture.is_furniture.cache_clear()
        for corpus_name, page in todo:
            cleaned = pipeline.clean(
                page.paste,
                classifier=remembered_classifier,  # type: ignore[arg-type]
                title_model=titles,
                sequence=remembered_sequence if share < 1.0 else False,  # type: ignore[arg-type]
            )
            score = Score()
            score.add(page, cleaned.text, cleaned.title, 0.0)
            rows.append(
                {
                    "corpus": corpus_name,
                    "name": page.name,
                    "english": is_english(page) if corpus_name == "dev" else None,
                    "setting": label,
                    "p": score.precisions[0] if score.precisions else None,
                    "r": score.recalls[0],
                    "titles": [score.titles, score.with_title],
                }
            )
        for name, (module, attr) in _TARGETS.items():
            setattr(module, attr, originals[name])
        print(f"  {label}: {time.perf_counter() - started:.0f} s", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "-ablation" if ablate == ["all"] else "-groups" if ablate else ""
    (out / f"fold{fold}of{folds}{suffix}.json").write_text(json.dumps(rows), encoding="utf-8")
    print(f"fold {fold + 1}/{folds} done in {time.perf_counter() - started:.0f} s", flush=True)


def _label(setting: str | list[float]) -> str:
    if isinstance(setting, list):  # (share, threshold), as an earlier run wrote it
        return f"share {setting[0]}, threshold {setting[1]}"
    return setting


def _reachable_titles() -> set[str]:
    """The dev pages whose metadata headline is a line of the paste: a line of at most
    :data:`HEADLINE_WORDS` words that the corpus's title rule accepts and that holds at
    least half of the headline's words (not just the site's name, "Yahoo News")."""
    names = set()
    for page in _pages(train_cleaner.DEV, ".gold.txt"):
        title = page.meta.get("title") or ""
        lines = (line for line in page.paste.split("\n") if line.strip())
        if title and any(
            len(line.split()) <= HEADLINE_WORDS
            and 2 * len(line.split()) >= len(title.split())
            and title_matches(line, title)
            for line in lines
        ):
            names.add(page.name)
    return names


def report(folds: int, out: Path, ablate: list[str]) -> None:
    """The held-out table by set for every setting of the grid (or every ablation)."""
    rows = []
    suffix = "-ablation" if ablate == ["all"] else "-groups" if ablate else ""
    for fold in range(folds):
        path = out / f"fold{fold}of{folds}{suffix}.json"
        if not path.exists():
            raise SystemExit(f"{path} is missing; run --fold {fold} first.")
        rows += json.loads(path.read_text(encoding="utf-8"))
    reachable = _reachable_titles()
    tables: dict[str, dict[str, Score]] = {}
    reached: dict[str, list[int]] = {}
    for row in rows:
        if row["corpus"] == "dev" and row["name"] in reachable:
            counts = reached.setdefault(_label(row["setting"]), [0, 0])
            counts[0] += row["titles"][0]
            counts[1] += 1
        sets = {"dev": ["dev"], "train": [SETS[3]], "dragnet": [SETS[4]]}[row["corpus"]]
        if row["corpus"] == "dev":
            sets.append("dev English" if row["english"] else "dev other languages")
        scores = tables.setdefault(_label(row["setting"]), {name: Score() for name in SETS})
        for name in sets:
            score = scores[name]
            if row["p"] is not None:
                score.precisions.append(row["p"])
            score.recalls.append(row["r"])
            score.titles += row["titles"][0]
            score.with_title += row["titles"][1]
    print(f"| run | {' | '.join(SETS)} | dev titles, of pages whose headline is a line |")
    print("|---|" + "---|" * (len(SETS) + 1))
    for label, scores in tables.items():
        cells = []
        for name in SETS:
            f, p, r = scores[name].means()
            titles = f", titles {scores[name].titles}" if scores[name].with_title else ""
            cells.append(f"{f:.4f} (P {p:.3f}, R {r:.3f}{titles}) n={len(scores[name].recalls)}")
        hits, pages = reached.get(label, [0, 0])
        print(f"| {label} | {' | '.join(cells)} | {hits}/{pages} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--fold", type=int, default=None, help="run only this fold")
    parser.add_argument("--report", action="store_true", help="only the tables, from --out")
    parser.add_argument("--out", type=Path, default=Path("/tmp/held_out"))
    parser.add_argument(
        "--ablate",
        nargs="*",
        default=[],
        help="rules to switch off one at a time, at the shipped setting ('all': every one)",
    )
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    if not args.report:
        for fold in range(args.folds) if args.fold is None else [args.fold]:
            run_fold(fold, args.folds, args.out, args.ablate)
    if args.report or args.fold is None:
        report(args.folds, args.out, args.ablate)


if __name__ == "__main__":
    main()
