"""What each ``summarise`` command does, once the parser has read its arguments.

Models come from one :class:`~summarise.components.Components` per command; each
model replaced by its fallback is reported in one line on stderr, with how to get it.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from summarise.errors import InputError
from summarise.results import NO_ANSWER

if TYPE_CHECKING:
    from summarise.components import Components, ModelSettings
    from summarise.document import Document


def read_input(name: str) -> str:
    from summarise.ingest.files import read_bytes, read_path
    from summarise.ingest.url import fetch_url, is_url

    if is_url(name):
        return fetch_url(name)
    if name == "-":
        return read_bytes(sys.stdin.buffer.read(), "stdin")
    return read_path(name)


def model_settings(args: argparse.Namespace) -> ModelSettings:
    """The models the shared model options ask for; an option left out lets the
    default resolve, or its labelled fallback stand in."""
    from summarise.components import ModelSettings
    from summarise.settings import per_language

    def by_language(value: str | None) -> str | dict[str, str] | None:
        """``"en=a,*=b"`` as a mapping; a plain name (or nothing) as it is."""
        if value is None:
            return None
        choices = per_language(value, "the command line")
        return value if list(choices) == ["*"] else choices

    return ModelSettings(
        summariser=by_language(args.summariser),
        reader=by_language(args.reader),
        embedder=args.embedder,
        device=args.device,
        engine=args.summary_engine,
        quantize=None if args.precision is None else args.precision == "int8",
        max_seq_len=args.max_seq_len,
        doc_stride=args.doc_stride,
        passages=args.passages,
    )


def _components(args: argparse.Namespace, **overrides: Any) -> Components:
    from dataclasses import replace

    from summarise.components import Components

    return Components(replace(model_settings(args), **overrides))


def _document(args: argparse.Namespace) -> Document:
    from summarise.document import Document

    return Document(read_input(args.file), components=_components(args), language=args.language)


def _notes(reasons: dict[str, str]) -> None:
    """One line on stderr for each model replaced by its fallback, saying how to get it."""
    for reason in reasons.values():
        print(f"summarise: note: {reason}", file=sys.stderr)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_clean(args: argparse.Namespace) -> None:
    from summarise.cleaner.pipeline import clean

    cleaned = clean(read_input(args.file))
    if args.json:
        _print_json(
            {
                "title": cleaned.title,
                "text": cleaned.text,
                "removed": cleaned.removed,
                "source": cleaned.source,
                "language": cleaned.language,
            }
        )
    else:
        print(cleaned.text)


def cmd_summary(args: argparse.Namespace) -> None:
    from tqdm import tqdm

    doc = _document(args)
    bar = tqdm(total=0, unit="chunk", disable=None, desc="summarising", leave=False)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    summary = doc.summary(args.length, args.min_words, args.max_words, progress=progress)
    bar.close()
    _notes(doc.components.reasons)
    if args.json:
        _print_json({"title": doc.title, **summary.to_dict()})
        return
    flagged = [c for c in summary.claims if c.unsupported]
    if doc.title:
        print(doc.title)
        print()
    print(textwrap.fill(summary.text, width=88))
    print()
    print(
        f"[{summary.method} summary by {summary.model}, {summary.chunks} chunk(s), "
        f"{summary.seconds:.1f}s]"
    )
    if flagged:
        from summarise.claims.view import claims_text

        print(f"\n{len(flagged)} sentence(s) state facts their evidence does not:")
        print(claims_text(flagged))


def cmd_ask(args: argparse.Namespace) -> None:
    doc = _document(args)
    results = doc.ask_many(args.question, top_k=args.top_k)
    _notes(doc.components.reasons)
    if args.json:
        _print_json(
            [
                {"question": q, "answers": [a.to_dict() for a in answers]}
                for q, answers in zip(args.question, results)
            ]
        )
        return
    for question, answers in zip(args.question, results):
        print(f"Q: {question}")
        if not answers:
            _print_no_answer(doc, question)
        for rank, a in enumerate(answers, 1):
            label = "A:" if rank == 1 else f"{rank}."
            kind = "confidence" if a.method == "reader" else "match, evidence passage"
            print(f"{label} {a.text}   [{a.score:.0%} {kind}; {a.model}]")
            if a.method == "reader" and a.evidence_start is not None:
                evidence = doc.text[a.evidence_start : a.evidence_end]
                local = a.start - a.evidence_start
                marked = evidence[:local] + "[" + a.text + "]" + evidence[local + len(a.text) :]
                print(textwrap.indent(textwrap.fill(marked, width=84), "   "))
            print(f"   characters {a.original_start}-{a.original_end} of the input")
        print()


def _print_no_answer(doc: Document, question: str) -> None:
    print(f"A: {NO_ANSWER}")
    hint = doc.hint(question)
    if hint is not None:
        print(f"   closest passage, only a hint ({hint.score:.0%} match): {hint.text}")


def cmd_verify(args: argparse.Namespace) -> int:
    """Check a summary file against the article; exit code 3 when something is flagged."""
    from summarise.claims.view import claims_text
    from summarise.components import Components, ModelSettings
    from summarise.document import Document
    from summarise.ingest.files import read_path

    summary = read_path(args.summary).strip()
    if not summary:
        raise InputError("The summary file is empty; give a file holding the summary text.")
    settings = ModelSettings(
        summariser=False, reader=False, embedder=args.embedder, device=args.device
    )
    doc = Document(read_input(args.file), components=Components(settings))
    claims = doc.verify(summary)
    _notes(doc.components.reasons)
    if args.json:
        _print_json([c.to_dict() for c in claims])
    else:
        print(claims_text(claims))
        flagged = sum(bool(c.unsupported) for c in claims)
        supported = len(claims) - flagged
        print(f"\n{supported} of {len(claims)} sentence(s) supported, {flagged} flagged.")
    return 3 if any(c.unsupported for c in claims) else 0


def cmd_serve(args: argparse.Namespace) -> None:
    from summarise.apps.web.app import launch

    launch(host=args.host, port=args.port)


def cmd_pull(args: argparse.Namespace) -> None:
    from summarise.models import resolution

    unknown = [r for r in args.roles if r not in resolution.ROLES]
    if unknown:
        raise InputError(f"Unknown role '{unknown[0]}'; use summariser, reader or embedder.")
    manifest = resolution.pull(args.roles or None, to=args.to)
    for role, entry in manifest.items():
        print(f"{role:<11} {entry['repo_id']} @ {str(entry['revision'])[:12]}")


def cmd_models(args: argparse.Namespace) -> None:
    from summarise.models import resolution

    rows = resolution.describe()
    if args.json:
        _print_json(rows)
        return
    for row in rows:
        size = f"{row['size_bytes'] / 1e6:.0f} MB" if row.get("size_bytes") else "-"
        where = row.get("path") or row.get("error") or ""
        fallback = {
            "summariser": "extractive summary",
            "reader": "passage answers",
            "embedder": "lexical ranking",
        }[row["role"]]
        name = row.get("name") if row["source"] != "none" else f"none -> {fallback}"
        print(f"{row['role']:<11} {row['language']:<3} {row['source']:<14} {name}")
        print(f"{'':<15} size {size}, licence {row.get('licence') or 'unknown'}  {where}")


def cmd_batch(args: argparse.Namespace) -> None:
    from summarise.apps.batch.job import JobSettings, run_batch

    settings = JobSettings(
        models=model_settings(args),
        length=args.length,
        max_words=args.max_words,
        top_k=args.top_k,
    )
    stats = run_batch(
        args.input, args.output, settings, args.engine, args.batch_size, args.actors, args.address
    )
    _notes(stats.fallbacks)
    print(
        f"{stats.written} written ({stats.failed} with errors), {stats.skipped} already done, "
        f"{stats.seconds:.1f}s, {stats.per_minute:.1f} documents/minute",
        file=sys.stderr,
    )


def cmd_eval(args: argparse.Namespace) -> None:
    from summarise.apps.cli.evaluate import evaluate_qa, evaluate_summaries

    if args.kind == "qa":
        components = _components(args, summariser=False)  # not needed to answer questions
        report = evaluate_qa(args.file, components)
        metrics = ["exact_match", "f1"]
    else:
        components = _components(args, reader=False)
        report = evaluate_summaries(args.file, components)
        metrics = ["rouge1", "rouge2", "rougeL"]
    _notes(components.reasons)
    if args.json:
        _print_json(report)
        return
    for item in report["items"]:
        print(f"{item['id']}: " + ", ".join(f"{m} {item[m]:.3f}" for m in metrics))
    print(
        f"{report['count']} items: "
        + ", ".join(f"{m} {report[m]:.3f}" for m in metrics)
        + f"  [{report['method']}: {report['model']}]"
    )


COMMANDS: dict[str, Callable[[argparse.Namespace], int | None]] = {
    "clean": cmd_clean,
    "summary": cmd_summary,
    "ask": cmd_ask,
    "verify": cmd_verify,
    "serve": cmd_serve,
    "pull": cmd_pull,
    "models": cmd_models,
    "batch": cmd_batch,
    "eval": cmd_eval,
}
