"""Score summary verification on the generated cases (see ``claim_cases``).

Clean summaries must come out fully supported; each injected error must be
flagged at the word that was changed. Also times ``verify`` on a paraphrased
10-sentence summary of a 2,000-word article.

    python benchmarks/verify.py                  # with the sentence encoder
    python benchmarks/verify.py --lexical        # without one
    python benchmarks/verify.py --always-encode  # the encoder on every sentence
    python benchmarks/verify.py --timing --threads 1
    python benchmarks/verify.py --lexical --language all  # English, German, French, Spanish
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from articles import long_article  # noqa: E402
from claim_cases import (  # noqa: E402
    KINDS,
    LANGUAGES,
    Case,
    articles,
    build_cases,
    paraphrase,
    shared_articles,
)

from summarise.claims.facts import WordUsage  # noqa: E402
from summarise.claims.verify import Verifier  # noqa: E402
from summarise.language.sentences import sentence_spans  # noqa: E402

__all__ = ["KINDS", "LANGUAGES", "Case", "build_cases", "score", "timing"]


def score(
    cases: list[Case],
    embedder=None,
    margin: float = 0.25,
    sources: list[tuple[str, str]] | None = None,
    language: str = "en",
) -> dict:
    """Share of injected errors flagged at the right word, and of clean sentences flagged."""
    texts = sources or articles(language)
    verifiers = {
        name: Verifier(text, embedder, language=language, margin=margin) for name, text in texts
    }
    clean = flagged_clean = aligned = 0
    by_kind = {k: [0, 0] for k in KINDS}
    misses = []
    for case in cases:
        claims = verifiers[case.article].verify(case.summary)
        if case.error is None:
            clean += len(claims)
            flagged_clean += sum(bool(c.unsupported) for c in claims)
            spans = verifiers[case.article].spans
            for claim, sources in zip(claims, case.sources or []):
                found = {spans.index((ev.start, ev.end)) for ev in claim.evidence}
                aligned += set(sources) <= found
            misses += [
                ("false flag", c.text, [f.text for f in c.unsupported])
                for c in claims
                if c.unsupported
            ]
            continue
        s, e = case.error
        hit = any(f.start < e and f.end > s for c in claims for f in c.unsupported)
        by_kind[case.kind][0] += hit
        by_kind[case.kind][1] += 1
        if not hit:
            misses.append((case.kind, case.summary[s:e], case.summary))
    errors = sum(n for _, n in by_kind.values())
    return {
        "cases": errors + clean,
        "errors": errors,
        "clean_sentences": clean,
        "error_recall": sum(h for h, _ in by_kind.values()) / max(1, errors),
        "clean_flag_rate": flagged_clean / max(1, clean),
        "evidence_found": aligned / max(1, clean),
        "by_kind": {k: f"{h}/{n}" for k, (h, n) in by_kind.items()},
        "misses": misses,
    }


def timing(embedder=None, repeats: int = 3, margin: float = 0.25) -> tuple[float, float]:
    """Best wall and CPU seconds to verify a paraphrased 10-sentence summary of a
    2,000-word article (our examples, then generated town paragraphs), the
    article's side prepared from scratch each time."""
    text = "\n\n".join(t for _, t in articles()[:-1])
    text += "\n\n" + long_article(2000 - len(text.split())).split("\n\n", 1)[1]
    spans = sentence_spans(text)
    lexicon = WordUsage()
    lexicon.learn(text[s:e] for s, e in spans)
    rng = random.Random(0)
    step = len(spans) // 10
    summary = " ".join(paraphrase(text[s:e], lexicon, rng) for s, e in spans[1::step][:10])
    wall = cpu = float("inf")
    for _ in range(repeats):
        began, began_cpu = time.perf_counter(), time.process_time()
        claims = Verifier(text, embedder, margin=margin).verify(summary)
        wall = min(wall, time.perf_counter() - began)
        cpu = min(cpu, time.process_time() - began_cpu)
    assert len(claims) == 10 and len(text.split()) >= 2000, (len(claims), len(text.split()))
    return wall, cpu


def by_language(languages: list[str], embedder, margin: float, misses: bool) -> None:
    """One table row per language: cases, caught at the right word, clean sentences flagged."""
    print(f"aligner: {embedder.name if embedder else 'lexical'}")
    print("| language | cases | injected errors | clean sentences | caught | false flags |")
    print("|---|---:|---:|---:|---:|---:|")
    missed = []
    for language in languages:
        report = score(build_cases(language=language), embedder, margin, language=language)
        print(
            f"| {language} | {report['cases']} | {report['errors']} | "
            f"{report['clean_sentences']} | {report['error_recall']:.1%} | "
            f"{report['clean_flag_rate']:.1%} |"
        )
        missed += [(language, *m) for m in report["misses"]]
    if misses:
        for miss in missed:
            print(" -", miss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lexical", action="store_true", help="no sentence encoder")
    parser.add_argument("--misses", action="store_true", help="list what was missed")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--timing", action="store_true", help="only time verify")
    parser.add_argument(
        "--always-encode", action="store_true", help="consult the encoder on every sentence"
    )
    parser.add_argument(
        "--shared", action="store_true", help="real pages from ../shared instead of our examples"
    )
    parser.add_argument("--threads", type=int, default=2, help="torch threads (default 2)")
    parser.add_argument(
        "--language",
        default="en",
        choices=[*LANGUAGES, "all"],
        help="cases in this language, or a table of every language (default en)",
    )
    args = parser.parse_args()
    embedder = None
    if not args.lexical:
        import torch

        from summarise.models.embedder import Embedder

        torch.set_num_threads(args.threads)
        embedder = Embedder()
        embedder.encode(["warm up"])
    margin = float("inf") if args.always_encode else 0.25
    if args.language != "en" and not args.timing:
        languages = LANGUAGES if args.language == "all" else [args.language]
        by_language(languages, embedder, margin, args.misses)
        return
    sources = shared_articles() if args.shared else None
    if args.shared and not sources:
        sys.exit("../shared is not here; run without --shared.")
    cases = [] if args.timing else build_cases(sources=sources)
    report = {} if args.timing else score(cases, embedder, margin, sources)
    wall, cpu = timing(embedder)
    report["seconds_10_sentences_2000_words"] = round(wall, 3)
    report["cpu_seconds_10_sentences_2000_words"] = round(cpu, 3)
    report["aligner"] = embedder.name if embedder else "lexical"
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"aligner: {report['aligner']}")
    if args.timing:
        print(f"verify: {wall:.2f}s wall, {cpu:.2f}s CPU")
        wall, cpu = timing(embedder, margin=float("inf"))
        print(f"verify, encoder on every sentence: {wall:.2f}s wall, {cpu:.2f}s CPU")
        return
    print(
        f"cases: {report['cases']} ({report['errors']} injected errors, "
        f"{report['clean_sentences']} clean sentences)"
    )
    print(f"errors flagged at the right word: {report['error_recall']:.1%}  {report['by_kind']}")
    print(f"clean sentences flagged: {report['clean_flag_rate']:.1%}")
    print(f"clean sentences whose evidence holds their source: {report['evidence_found']:.1%}")
    print(
        f"verify, 10 sentences of a 2,000-word article: "
        f"{report['seconds_10_sentences_2000_words']:.2f}s wall, "
        f"{report['cpu_seconds_10_sentences_2000_words']:.2f}s CPU"
    )
    if args.misses:
        for miss in report["misses"]:
            print(" -", miss)


if __name__ == "__main__":
    main()
