"""The ``summarise`` command line: clean, summary, ask, serve, pull, models, batch, eval.

Exit codes: 0 success, 2 bad usage or bad input (one line on stderr), 1 an
unexpected failure. ``--json`` gives machine-readable output on stdout;
progress bars go to stderr and only when it is a terminal.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import textwrap
from dataclasses import asdict
from typing import Any

from .errors import InputError, SummariseError

log = logging.getLogger("summarise")

EXAMPLES = {
    "clean": "summarise clean page.html\n  pbpaste | summarise clean - --json",
    "summary": "summarise summary article.txt --length short\n"
    "  summarise summary report.pdf --max-words 120 --engine torch",
    "ask": 'summarise ask article.txt -q "Who is the chief negotiator?" -q "When do talks start?"\n'
    '  summarise ask article.txt -q "Who?" --top-k 3 --json',
    "serve": "summarise serve --port 7860\n"
    "  summarise serve --host 0.0.0.0   # reachable from other machines",
    "pull": "summarise pull\n  summarise pull reader --to /mnt/usb/models",
    "models": "summarise models\n  summarise models --json",
    "batch": "summarise batch articles.jsonl results.jsonl\n"
    "  summarise batch docs/ results.parquet --engine ray --actors 4",
    "eval": "summarise eval qa dev-v1.1.json --json\n  summarise eval summary pairs.jsonl",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarise",
        description="Clean a pasted web page, summarise it and answer questions about it.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  " + "\n  ".join(e.split("\n")[0] for e in EXAMPLES.values()),
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog="examples:\n  " + EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    def models_options(p: argparse.ArgumentParser, engine_flag: str = "--engine") -> None:
        p.add_argument("--summariser", help="summariser model: Hub id or folder")
        p.add_argument("--reader", help="question-answering model: Hub id or folder")
        p.add_argument("--embedder", help="sentence encoder: Hub id or folder")
        p.add_argument(
            engine_flag,
            dest="summary_engine",
            choices=["auto", "torch", "ctranslate2"],
            help="summariser engine (default: ctranslate2 when installed, else torch)",
        )
        p.add_argument(
            "--precision",
            choices=["int8", "float32"],
            help="summariser weights on the ctranslate2 engine (default int8)",
        )
        p.add_argument("--device", default="cpu", help="cpu (default), cuda or mps")
        p.add_argument(
            "--max-seq-len", type=int, help="reader window in tokens (default: automatic)"
        )
        p.add_argument("--doc-stride", type=int, default=128, help="reader window overlap")
        p.add_argument(
            "--passages", type=int, default=4, help="passages read on long documents (0: all)"
        )

    p = command("clean", "Print the cleaned article.")
    p.add_argument("file", help="a .txt, .md, .html or .pdf file, or - for stdin")
    p.add_argument("--json", action="store_true", help="title, text and removed lines as JSON")

    p = command("summary", "Summarise a document.")
    p.add_argument("file", help="a .txt, .md, .html or .pdf file, an http(s) URL, or -")
    p.add_argument("--length", choices=["short", "medium", "long"], help="summary length")
    p.add_argument("--max-words", type=int, help="at most this many words")
    p.add_argument("--min-words", type=int, help="at least this many words")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    models_options(p)

    p = command("ask", "Answer questions about a document.")
    p.add_argument("file", help="a .txt, .md, .html or .pdf file, or - for stdin")
    p.add_argument("-q", "--question", action="append", required=True, help="repeat for more")
    p.add_argument("--top-k", type=int, default=1, help="answers per question (default 1)")
    p.add_argument("--json", action="store_true", help="answers with scores and offsets")
    models_options(p)

    p = command("serve", "Run the web app.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")

    p = command("pull", "Download checkpoints into models/ for offline use.")
    p.add_argument(
        "roles",
        nargs="*",
        metavar="ROLE",
        help="summariser, reader and/or embedder (default: all)",
    )
    p.add_argument("--to", help="target folder (default: ./models or $SUMMARISE_MODELS_DIR)")

    p = command("models", "Show which model each role resolves to, and from where.")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = command("batch", "Summarise (and question) many documents, resumably.")
    p.add_argument("input", help="JSONL, CSV or Parquet file (id, text, questions) or a folder")
    p.add_argument("output", help="results .jsonl or .parquet (re-running resumes)")
    p.add_argument("--engine", choices=["local", "ray"], default="local")
    p.add_argument("--actors", type=int, default=1, help="Ray actors, one model copy each")
    p.add_argument("--address", help="Ray cluster address (default: start Ray locally)")
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--length", choices=["short", "medium", "long"])
    p.add_argument("--max-words", type=int)
    p.add_argument("--top-k", type=int, default=1)
    models_options(p, "--summary-engine")

    p = command("eval", "Evaluate: SQuAD EM/F1 or ROUGE.")
    p.add_argument("kind", choices=["qa", "summary"])
    p.add_argument("file", help="SQuAD JSON (qa) or JSONL of text/reference (summary)")
    p.add_argument("--json", action="store_true", help="per-item results as JSON")
    models_options(p)
    return parser


def _read_input(name: str) -> str:
    from .fetch import fetch_url, is_url
    from .sources import read_bytes, read_path

    if is_url(name):
        return fetch_url(name)
    if name == "-":
        return read_bytes(sys.stdin.buffer.read(), "stdin")
    return read_path(name)


def model_options(args: argparse.Namespace) -> dict[str, Any]:
    """Document keyword arguments from the shared model options."""
    from .errors import ModelError
    from .reader import Reader

    reader: Any = args.reader
    try:
        reader = Reader(
            args.reader,
            args.device,
            False,
            args.max_seq_len,
            args.doc_stride,
            passages=args.passages,
        )
    except ModelError:
        if args.reader:
            raise
        reader = None  # no reader anywhere: the document falls back to passages
    return dict(
        summariser=args.summariser,
        reader=reader,
        embedder=args.embedder,
        device=args.device,
        quantize=_quantize(args),
        engine=args.summary_engine,
    )


def _quantize(args: argparse.Namespace) -> bool | None:
    """``--precision`` as the summariser's ``quantize`` (``None``: the engine's default)."""
    return None if args.precision is None else args.precision == "int8"


def _document(args: argparse.Namespace):
    from .document import Document

    return Document(_read_input(args.file), **model_options(args))


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _cmd_clean(args: argparse.Namespace) -> None:
    from .clean import clean

    cleaned = clean(_read_input(args.file))
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


def _cmd_summary(args: argparse.Namespace) -> None:
    from tqdm import tqdm

    doc = _document(args)
    bar = tqdm(total=0, unit="chunk", disable=None, desc="summarising", leave=False)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    summary = doc.summary(args.length, args.min_words, args.max_words, progress=progress)
    bar.close()
    if args.json:
        _print_json({"title": doc.title, **asdict(summary)})
        return
    if doc.title:
        print(doc.title)
        print()
    print(textwrap.fill(summary.text, width=88))
    print()
    print(
        f"[{summary.method} summary by {summary.model}, {summary.chunks} chunk(s), "
        f"{summary.seconds:.1f}s]"
    )


def _cmd_ask(args: argparse.Namespace) -> None:
    doc = _document(args)
    results = doc.ask_many(args.question, top_k=args.top_k)
    if args.json:
        _print_json(
            [
                {"question": q, "answers": [asdict(a) for a in answers]}
                for q, answers in zip(args.question, results)
            ]
        )
        return
    for question, answers in zip(args.question, results):
        print(f"Q: {question}")
        if not answers:
            print("A: (no answer found in the text)")
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


def _cmd_serve(args: argparse.Namespace) -> None:
    from .ui import launch

    launch(host=args.host, port=args.port)


def _cmd_pull(args: argparse.Namespace) -> None:
    from . import models

    unknown = [r for r in args.roles if r not in models.ROLES]
    if unknown:
        raise InputError(f"Unknown role '{unknown[0]}'; use summariser, reader or embedder.")
    manifest = models.pull(args.roles or None, to=args.to)
    for role, entry in manifest.items():
        print(f"{role:<11} {entry['repo_id']} @ {str(entry['revision'])[:12]}")


def _cmd_models(args: argparse.Namespace) -> None:
    from . import models

    rows = models.describe()
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
        print(f"{row['role']:<11} {row['source']:<14} {name}")
        print(f"{'':<11} size {size}, licence {row.get('licence') or 'unknown'}  {where}")


def _cmd_batch(args: argparse.Namespace) -> None:
    from .batch import Settings, run_batch

    settings = Settings(
        summariser=args.summariser,
        reader=args.reader,
        embedder=args.embedder,
        length=args.length,
        max_words=args.max_words,
        top_k=args.top_k,
        quantize=_quantize(args),
        engine=args.summary_engine,
    )
    stats = run_batch(
        args.input, args.output, settings, args.engine, args.batch_size, args.actors, args.address
    )
    print(
        f"{stats.written} written ({stats.failed} with errors), {stats.skipped} already done, "
        f"{stats.seconds:.1f}s, {stats.per_minute:.1f} documents/minute",
        file=sys.stderr,
    )


def _cmd_eval(args: argparse.Namespace) -> None:
    from .evaluate import evaluate_qa, evaluate_summaries

    options = model_options(args)
    if args.kind == "qa":
        options["summariser"] = False  # not needed to answer questions
        report = evaluate_qa(args.file, **options)
        metrics = ["exact_match", "f1"]
    else:
        options["reader"] = False
        report = evaluate_summaries(args.file, **options)
        metrics = ["rouge1", "rouge2", "rougeL"]
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


COMMANDS = {
    "clean": _cmd_clean,
    "summary": _cmd_summary,
    "ask": _cmd_ask,
    "serve": _cmd_serve,
    "pull": _cmd_pull,
    "models": _cmd_models,
    "batch": _cmd_batch,
    "eval": _cmd_eval,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    try:
        COMMANDS[args.command](args)
    except SummariseError as exc:
        print(f"summarise: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("summarise: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one line unless --debug
        if args.debug:
            raise
        print(
            f"summarise: unexpected error: {type(exc).__name__}: {exc} "
            "(run with --debug for details)",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
