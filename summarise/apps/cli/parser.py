"""The ``summarise`` command line: clean, summary, ask, verify, serve, pull, models, batch, eval.

Exit codes: 0 success, 2 bad usage or bad input (one line on stderr), 1 an
unexpected failure, 3 when ``verify`` flags something the article does not
support. ``--json`` gives machine-readable output on stdout; progress bars go
to stderr and only when it is a terminal.
"""

from __future__ import annotations

import argparse
import logging
import sys

from summarise.apps.cli.commands import COMMANDS
from summarise.errors import SummariseError

log = logging.getLogger("summarise")

EXAMPLES = {
    "clean": "summarise clean page.html\n  pbpaste | summarise clean - --json",
    "summary": "summarise summary article.txt --length short\n"
    "  summarise summary report.pdf --max-words 120 --engine torch\n"
    "  summarise summary artikel.txt --language de --summariser 'de=./models/mt5-de,*=./mt5'",
    "ask": 'summarise ask article.txt -q "Who is the chief negotiator?" -q "When do talks start?"\n'
    '  summarise ask article.txt -q "Who?" --top-k 3 --json',
    "verify": "summarise verify article.txt summary.txt\n"
    "  summarise verify page.html summary.txt --json",
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
        p.add_argument(
            "--summariser",
            help="summariser model: Hub id or folder, or one per language "
            "('en=sshleifer/distilbart-cnn-12-6,*=csebuetnlp/mT5_multilingual_XLSum')",
        )
        p.add_argument(
            "--reader",
            help="question-answering model: Hub id or folder, or one per language as --summariser",
        )
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
        p.add_argument(
            "--device", default="auto", help="auto (default: CUDA when present), cpu, cuda or mps"
        )
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
    p.add_argument("--language", help="the text's language code (default: detected), e.g. de")
    models_options(p)

    p = command("ask", "Answer questions about a document.")
    p.add_argument("file", help="a .txt, .md, .html or .pdf file, or - for stdin")
    p.add_argument("-q", "--question", action="append", required=True, help="repeat for more")
    p.add_argument("--top-k", type=int, default=1, help="answers per question (default 1)")
    p.add_argument("--json", action="store_true", help="answers with scores and offsets")
    p.add_argument("--language", help="the text's language code (default: detected), e.g. de")
    models_options(p)

    p = command("verify", "Check a summary against its article: evidence and unsupported facts.")
    p.add_argument("file", help="the article: a .txt, .md, .html or .pdf file, a URL, or -")
    p.add_argument("summary", help="a text file holding the summary to check")
    p.add_argument("--embedder", help="sentence encoder: Hub id or folder")
    p.add_argument(
        "--device", default="auto", help="auto (default: CUDA when present), cpu, cuda or mps"
    )
    p.add_argument("--json", action="store_true", help="claims with evidence and offsets")

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
    models_options(p, "--summary-engine")  # --engine picks local or Ray here

    p = command("eval", "Evaluate: SQuAD EM/F1 or ROUGE.")
    p.add_argument("kind", choices=["qa", "summary"])
    p.add_argument("file", help="SQuAD JSON (qa) or JSONL of text/reference (summary)")
    p.add_argument("--json", action="store_true", help="per-item results as JSON")
    models_options(p)
    return parser


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
        code = COMMANDS[args.command](args)
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
    return code or 0


if __name__ == "__main__":
    sys.exit(main())
