"""Side-by-side benchmark against the transformers 4.57 pipelines, in one run.

    python benchmarks/run.py            # default-size random-weight models (~20 min)
    python benchmarks/run.py --tiny     # tiny models: a smoke check, no timing claims
    python benchmarks/run.py --summary-only   # the summary rows and memory alone
    python benchmarks/run.py --no-multilingual   # the English defaults alone
    python benchmarks/run.py --multilingual-only # the multilingual defaults alone
    python benchmarks/run.py --device cuda    # both sides on the GPU (results-cuda.md)

The summariser is timed on torch (the exact reference path) and on the
CTranslate2 engine in float32 and in int8 (the default engine). The multilingual
defaults (mT5 summariser, XLM-RoBERTa reader) get the same parity checks, on
our German, French and Spanish pages and the English texts, and their own rows. With
``--device cuda`` both sides run on the GPU: ours is the torch summariser in half
precision (as on a ZeroGPU Space) and the reader, against the pipelines with the
summarizer in float16 too; passage retrieval stays on the CPU, as in the app.

Creates ``benchmarks/.reference`` (transformers 4.57, with this environment's own
CPU torch made importable there rather than downloaded again) when missing,
builds the models once under ``benchmarks/.cache``, checks parity (same
answers, offsets and scores; same summaries), then times both sides on the
same inputs. The reference runs in a worker process that stays alive, and the
sides take turns round by round, so a slow spell of the machine hits both;
each figure is the best of its rounds. Writes ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402
import transformers  # noqa: E402
from articles import long_article_with_questions, mission, report_excerpt  # noqa: E402
from build import CACHE, build  # noqa: E402

from summarise.qa import Reader  # noqa: E402
from summarise.qa.passages import Retriever  # noqa: E402
from summarise.summary import Summariser  # noqa: E402

REFERENCE = ROOT / ".reference"
EXAMPLES = ROOT.parent / "summarise" / "examples"
QA = {"top_k": 1, "max_seq_len": 384, "doc_stride": 128, "max_answer_len": 15}


def reference_python() -> Path:
    """The side environment's interpreter, made on first use: transformers 4.57 installed
    there, then this environment's site-packages appended to its path (a ``.pth``
    file) so it runs the very same torch; its own packages come first."""
    python = REFERENCE / "bin" / "python"
    if not python.exists():
        print("creating the reference environment (transformers 4.57)…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(REFERENCE)], check=True)
        pip = [str(REFERENCE / "bin" / "pip"), "install", "-q"]
        packages = ["transformers>=4.57,<4.58", "sentencepiece", "numpy", "protobuf"]
        subprocess.run(pip + packages, check=True)
        own = subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        shared = Path(torch.__file__).resolve().parent.parent
        (Path(own) / "zz_shared_torch.pth").write_text(f"{shared}\n", encoding="utf-8")
    return python


class Reference:
    """The reference worker (``reference.py``): one JSON request and reply per line."""

    def __init__(self, paths: dict[str, str], threads: int = 2, device: str = "cpu") -> None:
        self.log = CACHE / "reference.log"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [str(reference_python()), str(ROOT / "reference.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log.open("w"),
            text=True,
        )
        settings = {**QA, "handle_impossible_answer": False}
        self.versions = self.call(
            "load", qa_settings=settings, threads=threads, device=device, **paths
        )

    def call(self, op: str, **request: Any) -> dict[str, Any]:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(json.dumps({"op": op, **request}) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            sys.exit(f"reference failed:\n{self.log.read_text()[-3000:]}")
        return json.loads(line)

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)


def seconds(fn: Callable[[], object]) -> float:
    began = time.perf_counter()
    fn()
    return time.perf_counter() - began


def summary_race(
    reference: Reference,
    summarisers: dict[str, Summariser],
    context: str,
    rounds: int,
    models: str = "en",
) -> dict[str, float]:
    """Seconds to summarise ``context``: the reference pipeline of ``models`` against each
    of our summarisers, taking turns (:func:`race`)."""
    sides: dict[str, Callable[[], float]] = {
        "reference": lambda: reference.call("summary", context=context, models=models)["seconds"]
    }
    for name, s in summarisers.items():
        sides[name] = lambda s=s: seconds(lambda: s.summarise(context))
    return race(sides, rounds)


def race(sides: dict[str, Callable[[], float]], rounds: int) -> dict[str, float]:
    """Best of ``rounds`` timings per side, the sides taking turns within each round."""
    best = {name: math.inf for name in sides}
    for _ in range(rounds):
        for name, run in sides.items():
            best[name] = min(best[name], run())
    return best


def inputs() -> tuple[dict[str, str], list[dict[str, Any]], str, list[str]]:
    """(texts by name, questions with their text's name, the short article's name, ten
    questions on it): the mission article when ``../shared`` has it, else our example."""
    long_text, long_questions = long_article_with_questions()
    excerpt, excerpt_questions = report_excerpt()
    example = (EXAMPLES / "fisheries_talks.txt").read_text(encoding="utf-8")
    example_questions = json.loads((EXAMPLES / "questions.json").read_text())["questions"]
    contexts = {"long": long_text, "excerpt": excerpt, "example": example}
    questions = (
        [{"context": "excerpt", **q} for q in excerpt_questions]
        + [{"context": "example", **q} for q in example_questions]
        + [{"context": "long", **q} for q in long_questions[:4]]
    )
    found = mission()
    if found:
        contexts["mission"], mission_questions = found
        questions += [{"context": "mission", **q} for q in mission_questions]
    short = "mission" if found else "example"
    short_questions = [q["question"] for q in questions if q["context"] == short][:10]
    while len(short_questions) < 10:
        short_questions += short_questions[: 10 - len(short_questions)]
    return contexts, questions, short, short_questions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiny", action="store_true", help="tiny models: a quick smoke run")
    parser.add_argument("--output", help="default: results.md, or results-cuda.md on CUDA")
    parser.add_argument(
        "--no-long-summary",
        action="store_true",
        help="skip summarising the 10,000-word report (the slowest rows)",
    )
    parser.add_argument("--threads", type=int, default=2, help="torch threads per side (default 2)")
    parser.add_argument(
        "--no-multilingual",
        action="store_true",
        help="skip the multilingual defaults (mT5 summariser, XLM-RoBERTa reader)",
    )
    parser.add_argument(
        "--multilingual-only",
        action="store_true",
        help="only the multilingual defaults: their own section of the results file",
    )
    parser.add_argument(
        "--device",
        choices=["cpu", "cuda"],
        default="cpu",
        help="cuda: both sides on the GPU, ours in half precision (writes results-cuda.md)",
    )
    parser.add_argument(
        "--summary-only",
        action="store_true",
        help="only the summary rows and memory: no reader parity or question rows",
    )
    args = parser.parse_args()
    if args.device == "cuda" and not torch.cuda.is_available():
        sys.exit(
            "--device cuda needs a GPU, and torch sees none here (or is a CPU build); "
            "run on a machine with an NVIDIA GPU and CUDA torch, or leave out --device."
        )
    cuda = args.device == "cuda"
    output = Path(args.output or ROOT / ("results-cuda.md" if cuda else "results.md"))
    torch.set_num_threads(args.threads)
    began = time.perf_counter()
    multilingual = not args.no_multilingual
    paths = {k: str(v) for k, v in build(args.tiny, multilingual).items()}
    if args.multilingual_only:
        multilingual_section(args, paths, output, began)
        return
    contexts, questions, short, short_questions = inputs()
    long_text = contexts["long"]
    long_questions = [q for q in questions if q["context"] == "long"]

    print("starting the reference worker…", file=sys.stderr)
    reference = Reference(paths, args.threads, args.device)
    parity = []
    if not args.summary_only:
        print("checking parity…", file=sys.stderr)
        parity = check_parity(reference, paths, questions, contexts, args.device)
    summariser = Summariser(paths["summariser"], args.device, engine="torch")
    ours_summary = summariser.summarise(contexts[short]).text
    theirs_summary = reference.call("summary", context=contexts[short])["text"]

    print("timing…", file=sys.stderr)
    rounds = 1 if args.tiny else 3
    embedder = _embedder()
    readers = {}
    if not args.summary_only:
        readers = {"ours": (Reader(paths["reader"], args.device), Retriever(embedder))}
    summarisers = {"ours": summariser}
    if not cuda:  # CTranslate2 is the CPU engine
        summarisers["ct2 fp32"] = Summariser(
            paths["summariser"], engine="ctranslate2", quantize=False
        )
        summarisers["ct2 int8"] = Summariser(
            paths["summariser"], engine="ctranslate2", quantize=True
        )
    for reader, retriever in readers.values():  # load, warm up, and index the long article
        read(reader, retriever, short_questions[:1], contexts[short])
        read(reader, retriever, [long_questions[1]["question"]], long_text)
    for s in summarisers.values():  # load (converting the first time) and warm up
        s.summarise(contexts[short])

    def qa(context: str, qs: list[str], n: int, cold: bool = False) -> dict[str, float]:
        """``cold``: a fresh retriever each time, so the document's index is built anew."""
        sides: dict[str, Callable[[], float]] = {
            "reference": lambda: reference.call("ask", context=context, questions=qs)["seconds"]
        }
        for name, (reader, retriever) in readers.items():
            if cold:
                retriever = Retriever(embedder)
            sides[name] = lambda r=reader, p=retriever: seconds(lambda: read(r, p, qs, context))
        return race(sides, n)

    def summary(context: str, n: int) -> dict[str, float]:
        return summary_race(reference, summarisers, context, n)

    timings = {}
    if not args.summary_only:
        timings = {
            f"1 question, {short} article": qa(contexts[short], short_questions[:1], 2 * rounds),
            f"10 questions, {short} article (ask_many vs 10 calls)": qa(
                contexts[short], short_questions, rounds
            ),
            "1st question, 10,000-word article (ours: builds the index, reads 4 passages; "
            "reference: reads all)": qa(long_text, [long_questions[0]["question"]], 1, cold=True),
            "next question, same article (ours: index built; reference: reads all)": qa(
                long_text, [long_questions[2]["question"]], 1
            ),
        }
    timings[f"summary, {short} article"] = summary(contexts[short], 1 if args.tiny else 2)
    if not args.no_long_summary:
        timings[
            "summary, 10,000-word article (ours: every chunk; reference: first 1,024 tokens)"
        ] = summary(long_text, 1)
    multilingual_parity: list[str] = []
    if multilingual:
        print("multilingual: parity and timing…", file=sys.stderr)
        multilingual_parity = check_multilingual_parity(
            reference, paths, questions, contexts, args.summary_only
        )
        timings.update(
            multilingual_timings(reference, paths, contexts, short, short_questions, args)
        )
    reference_peak = reference.call("memory")["peak_mb"]
    reference.close()
    both_memory = None
    if not cuda:
        memory, startup = _process_figures(paths, "auto")
        torch_memory, _ = _process_figures(paths, "torch")
        both_memory = _both_languages_memory(paths) if multilingual else None

    lines = [
        "# Benchmark results ("
        + ("tiny smoke run" if args.tiny else "default-size random-weight models")
        + (f", CUDA: {torch.cuda.get_device_name()}" if cuda else "")
        + ")",
        "",
        f"- date: {datetime.date.today().isoformat()}",
        f"- machine: {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}, {torch.get_num_threads()} torch threads per side",
        f"- ours: torch {torch.__version__}, transformers {transformers.__version__}",
        f"- reference: torch {reference.versions['torch']}, "
        f"transformers {reference.versions['transformers']}",
        f"- whole run: {(time.perf_counter() - began) / 60:.1f} minutes",
        "",
        "## Parity",
        "",
        *parity,
        f"- summariser (torch engine) vs the summarization pipeline, {short} article: "
        + ("identical output" if ours_summary == theirs_summary.strip() else "DIFFERENT output")
        + " (compared after stripping the space byte-level BPE decodes in front; we strip it)",
        *multilingual_parity,
        "",
        "## Speed",
        "",
        "Seconds, best of the rounds, the sides taking turns; each ratio is to the reference. "
        + (
            "Both sides on the GPU; ours: torch, float16 (as on ZeroGPU), the reference's "
            "summarizer in float16 too; the reader in float32 on both."
            if cuda
            else "ours: torch, float32 (the exact reference path); ct2: the CTranslate2 "
            "engine, float32 and int8 (int8 is the default engine)."
        ),
        "",
        f"| task | reference | ours torch {'fp16' if cuda else 'fp32'} | ct2 fp32 "
        "| ct2 int8 (default) |",
        "|---|---|---|---|---|",
    ]
    for label, t in timings.items():
        cells = [
            f"{t[side]:.2f} ({t[side] / t['reference']:.2f}×)" if side in t else "–"
            for side in ("ours", "ct2 fp32", "ct2 int8")
        ]
        lines.append(f"| {label} | {t['reference']:.2f} | " + " | ".join(cells) + " |")
    if cuda:
        lines += [
            "",
            f"- peak GPU memory, ours: {torch.cuda.max_memory_allocated() / 2**20:.0f} MB",
        ]
    else:
        lines += [
            "",
            f"- peak resident memory, both models and the embedder loaded and used once: "
            f"{memory:.0f} MB with the default engine, {torch_memory:.0f} MB with torch "
            f"(reference worker, both pipelines, after all its runs: {reference_peak:.0f} MB)",
            f"- process start to first answer (reader + retrieval, fp32): {startup:.1f} s",
        ]
    if both_memory is not None:
        lines.append(
            f"- peak resident memory with the English and the multilingual models loaded and "
            f"used (an English and a German page, default engine): {both_memory:.0f} MB "
            "(target: 3,000 MB)"
        )
    if not args.tiny and not cuda:
        lines.append(_yardstick(paths["summariser"], ours_summary))
    text = "\n".join(lines) + "\n"
    output.write_text(text + _other_sections(output), encoding="utf-8")
    print(text)


def _other_sections(output: Path) -> str:
    """The sections of ``output`` that other benchmarks wrote (from its second top-level
    heading on), kept when this run rewrites its own."""
    if not output.exists():
        return ""
    _, found, rest = output.read_text(encoding="utf-8").partition("\n# ")
    return "\n# " + rest if found else ""


def _yardstick(folder: str, summary: str) -> str:
    """The decoder's memory-bandwidth floor: each generated token reads every decoder
    weight once, so the summary's steps times those bytes over the measured bandwidth
    bound the engine's time from below."""
    import numpy as np
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    model = AutoModelForSeq2SeqLM.from_pretrained(folder)
    decoder = model.get_decoder()
    tables = {
        id(p)
        for m in decoder.modules()
        if isinstance(m, torch.nn.Embedding)
        for p in m.parameters()
    }
    # an embedding reads one row a step, the output projection reads all of itself
    weights = sum(p.numel() for p in decoder.parameters() if id(p) not in tables)
    weights += model.lm_head.weight.numel()
    steps = len(AutoTokenizer.from_pretrained(folder)(summary)["input_ids"])
    block = np.ones(64 * 2**20, dtype=np.float32)
    copy = np.empty_like(block)
    best = min(seconds(lambda: np.copyto(copy, block)) for _ in range(5))
    bandwidth = 2 * block.nbytes / best  # read one copy, write the other
    floor = {bits: steps * weights * bits / 8 / bandwidth for bits in (32, 8)}
    return (
        f"- yardstick: one decoder step reads about {weights / 1e6:.0f} M weights "
        f"({weights * 4 / 1e6:.0f} MB in fp32, {weights / 1e6:.0f} MB in int8); at the "
        f"{bandwidth / 1e9:.1f} GB/s measured now (a 256 MB copy), the {steps} steps of the "
        f"short summary cost at least {floor[32]:.1f} s in fp32 and {floor[8]:.1f} s in int8"
    )


def read(reader: Reader, retriever: Retriever, qs: list[str], context: str) -> list:
    """Answer as a Document does: a long context is narrowed to its best passages first."""
    spans = None if reader.fits(context) else retriever.select(qs, context)
    return reader.answer(qs, context, spans=spans)


ANSWER_ONE = dict(top_k=1, max_answer_len=QA["max_answer_len"], handle_impossible=False)


def window_parity(
    reader: Reader, items: list[dict[str, str]], theirs_all: list[dict[str, Any]]
) -> tuple[int, float, list[str]]:
    """(answers identical in text and offsets, the largest score difference among them, a
    line for each other one): our window mode against the pipeline's answers."""
    same, worst, mismatches = 0, 0.0, []
    for item, theirs in zip(items, theirs_all):
        [ours] = reader.ask(item["question"], item["context"], normalize="window", **ANSWER_ONE)
        if (ours.text, ours.start, ours.end) == (theirs["text"], theirs["start"], theirs["end"]):
            same += 1
            worst = max(worst, abs(ours.score - theirs["score"]))
        else:
            mismatches.append(
                f"  - {item['question']!r}: ours {ours.text!r} at {ours.start} "
                f"({ours.score:.6f}), reference {theirs['text']!r} at {theirs['start']} "
                f"({theirs['score']:.6f})"
            )
    return same, worst, mismatches


def check_parity(
    reference: Reference,
    paths: dict[str, str],
    questions: list[dict[str, Any]],
    contexts: dict[str, str],
    device: str = "cpu",
) -> list[str]:
    """Our window mode against the pipeline: same answers, offsets and scores."""
    items = [{"question": q["question"], "context": contexts[q["context"]]} for q in questions]
    theirs_all = reference.call("answers", items=items)["answers"]
    reader = Reader(
        paths["reader"], device, max_seq_len=QA["max_seq_len"], doc_stride=QA["doc_stride"]
    )
    same, worst, mismatches = window_parity(reader, items, theirs_all)
    global_differs = 0
    for item, theirs in zip(items, theirs_all):
        [best] = reader.ask(item["question"], item["context"], **ANSWER_ONE)
        global_differs += (best.start, best.end) != (theirs["start"], theirs["end"])
    n = len(items)
    return [
        f'- reader, `normalize="window"` vs the QA pipeline: {same}/{n} identical answers and '
        f"offsets ({100 * same / n:.1f}%), largest score difference among them {worst:.1e}",
        *mismatches,
        f"- reader, default global ranking (same windows): differs from the reference on "
        f"{global_differs}/{n} questions",
    ]


def multilingual_items(
    questions: list[dict[str, Any]], contexts: dict[str, str]
) -> tuple[list[dict[str, str]], list[str]]:
    """(question, context) pairs and texts to summarise for the multilingual models: our
    German, French and Spanish pages (cleaned, as a Document reads them) and the English
    texts (the long report: many windows)."""
    from multilingual import PAGES, cleaned

    items, texts = [], []
    for page in PAGES:
        text, body = cleaned(page)
        items += [{"question": q, "context": text} for q, _ in page.questions]
        texts.append(body)
    items += [{"question": q["question"], "context": contexts[q["context"]]} for q in questions]
    return items, texts


def check_multilingual_parity(
    reference: Reference,
    paths: dict[str, str],
    questions: list[dict[str, Any]],
    contexts: dict[str, str],
    summary_only: bool,
) -> list[str]:
    """The XLM-RoBERTa reader and the mT5 summariser (torch engine) against the 4.57
    pipelines: every answer (text, offsets) and every summary identical."""
    items, texts = multilingual_items(questions, contexts)
    lines = []
    if not summary_only:
        theirs_all = reference.call("answers", items=items, models="multilingual")["answers"]
        reader = Reader(
            paths["reader_multilingual"],
            max_seq_len=QA["max_seq_len"],
            doc_stride=QA["doc_stride"],
            language="*",
        )
        same, worst, mismatches = window_parity(reader, items, theirs_all)
        lines += [
            f'- multilingual reader (XLM-RoBERTa), `normalize="window"` vs the QA pipeline: '
            f"{same}/{len(items)} identical answers and offsets (German, French, Spanish "
            f"pages and the English texts), largest score difference among them {worst:.1e}",
            *mismatches,
        ]
    summariser = Summariser(paths["summariser_multilingual"], engine="torch", language="*")
    same_summaries = 0
    for text in texts:
        ours = summariser.summarise(text).text
        theirs = reference.call("summary", context=text, models="multilingual")["text"]
        same_summaries += ours == theirs.strip()
    lines.append(
        f"- multilingual summariser (mT5, torch engine) vs the summarization pipeline: "
        f"{same_summaries}/{len(texts)} identical summaries (German, French, Spanish pages)"
    )
    return lines


def multilingual_timings(
    reference: Reference,
    paths: dict[str, str],
    contexts: dict[str, str],
    short: str,
    short_questions: list[str],
    args: argparse.Namespace,
) -> dict[str, dict[str, float]]:
    """The multilingual defaults' rows, ours against the 4.57 pipelines: a summary of the
    short article (ours reads all of it, in chunks where it is longer than the model's
    input; the pipeline reads what fits), of its first chunk alone (the same text and one
    generation on both sides), of the 10,000-word article (int8 only: the torch engine
    would take most of an hour), and one question."""
    folder = paths["summariser_multilingual"]
    summarisers = {
        "ours": Summariser(folder, engine="torch", language="*"),
        "ct2 int8": Summariser(folder, engine="ctranslate2", quantize=True, language="*"),
    }
    for s in summarisers.values():  # load (converting the first time) and warm up
        s.summarise(contexts[short])
    tokenizer, model = summarisers["ours"].load()
    budget = summarisers["ours"].input_budget(tokenizer, model)
    first = summarisers["ours"]._chunk(tokenizer, contexts[short], budget)[0]

    def summary(context: str, n: int, sides: tuple[str, ...]) -> dict[str, float]:
        ours = {name: summarisers[name] for name in sides}
        return summary_race(reference, ours, context, n, models="multilingual")

    rounds = 1 if args.tiny else 2
    both = ("ours", "ct2 int8")
    timings = {
        f"multilingual: summary, {short} article ({len(contexts[short].split())} words; ours: "
        f"every chunk, reference: the first {budget} tokens)": summary(
            contexts[short], rounds, both
        ),
        f"multilingual: summary, the first {budget}-token chunk of the {short} article "
        f"({len(first.split())} words; one generation on each side)": summary(first, rounds, both),
    }
    if not args.no_long_summary:
        timings[
            "multilingual: summary, 10,000-word article (ours: every chunk; reference: first "
            f"{budget} tokens)"
        ] = summary(contexts["long"], 1, ("ct2 int8",))
    if not args.summary_only:
        reader = Reader(paths["reader_multilingual"], language="*")
        retriever = Retriever(None)  # other languages rank lexically (see README, Languages)
        question = short_questions[:1]
        read(reader, retriever, question, contexts[short])
        timings[f"multilingual: 1 question, {short} article"] = race(
            {
                "reference": lambda: reference.call(
                    "ask", context=contexts[short], questions=question, models="multilingual"
                )["seconds"],
                "ours": lambda: seconds(lambda: read(reader, retriever, question, contexts[short])),
            },
            2 * rounds,
        )
    return timings


def multilingual_section(
    args: argparse.Namespace, paths: dict[str, str], output: Path, began: float
) -> None:
    """``--multilingual-only``: parity, speed and memory of the multilingual defaults,
    written over this section of ``output`` (the rest of the file is kept)."""
    contexts, questions, short, short_questions = inputs()
    print("starting the reference worker…", file=sys.stderr)
    reference = Reference(paths, args.threads, args.device)
    print("multilingual: parity…", file=sys.stderr)
    parity = check_multilingual_parity(reference, paths, questions, contexts, args.summary_only)
    print("multilingual: timing…", file=sys.stderr)
    timings = multilingual_timings(reference, paths, contexts, short, short_questions, args)
    reference.close()
    memory = _both_languages_memory(paths)
    heading = "# Multilingual defaults"
    lines = [
        f"{heading} ({'tiny smoke run' if args.tiny else 'default-size random-weight models'}, "
        "`python benchmarks/run.py --multilingual-only`)",
        "",
        f"- date: {datetime.date.today().isoformat()}; {os.cpu_count()} cores, "
        f"{torch.get_num_threads()} torch threads per side; whole run "
        f"{(time.perf_counter() - began) / 60:.1f} minutes",
        "- models: random weights in the defaults' exact shapes, built by `benchmarks/build.py` "
        "(mT5-base as csebuetnlp/mT5_multilingual_XLSum, with its own output layer and its "
        "model card's generation settings; XLM-RoBERTa-base as deepset/xlm-roberta-base-squad2)",
        "",
        "## Parity",
        "",
        *parity,
        "",
        "## Speed",
        "",
        "Seconds, best of the rounds, the sides taking turns; ratios to the reference.",
        "",
        "| task | reference | ours torch fp32 | ct2 int8 (default) |",
        "|---|---|---|---|",
    ]
    for label, t in timings.items():
        cells = [
            f"{t[side]:.2f} ({t[side] / t['reference']:.2f}×)" if side in t else "–"
            for side in ("ours", "ct2 int8")
        ]
        lines.append(f"| {label} | {t['reference']:.2f} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "- The first-chunk row is the like-for-like one: the same text, within the model's "
        "input, one generation on each side. In the other summary rows ours reads the whole "
        "article (each chunk summarised, then the joined partial summaries summarised again "
        "when they are too long), while the pipeline reads its first tokens only. Random "
        "weights never emit the end of a summary, so every generation runs to its longest.",
        f"- peak resident memory with the English and the multilingual models loaded and used "
        f"(an English and a German page, default engine): {memory:.0f} MB (target: 3,000 MB)",
    ]
    section = "\n".join(lines) + "\n"
    text = output.read_text(encoding="utf-8") if output.exists() else ""
    before, found, after = text.partition(f"\n{heading}")
    rest = after.partition("\n# ")[2] if found else ""
    output.write_text(
        before.rstrip("\n") + "\n\n" + section + ("\n# " + rest if rest else ""),
        encoding="utf-8",
    )
    print(section)


def _both_languages_memory(paths: dict[str, str]) -> float:
    """Peak RSS of a process that reads an English and a German page, each with its
    language's models (default engine), so both pairs are loaded at once."""
    from multilingual import PAGES

    code = (
        "from summarise import Document\n"
        "from summarise.components import Components, ModelSettings\n"
        f"c = Components(ModelSettings(summariser={{'en': {paths['summariser']!r}, "
        f"'*': {paths['summariser_multilingual']!r}}}, reader={{'en': {paths['reader']!r}, "
        f"'*': {paths['reader_multilingual']!r}}}))\n"
        f"en = Document(open({str(EXAMPLES / 'fisheries_talks_page.txt')!r}).read(), "
        "components=c)\n"
        "en.summary(); en.ask('Who is the EU chief negotiator?')\n"
        f"de = Document({PAGES[0].raw!r}, components=c)\n"
        f"de.summary(); de.ask({PAGES[0].questions[0][0]!r})\n"
        "assert de.summariser is not en.summariser\n"
        "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
        "print(int(peak.split()[1]) / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[-1])


def _embedder():
    from summarise.errors import ModelError
    from summarise.models import Embedder

    try:
        return Embedder()
    except ModelError:
        return None


def _process_figures(paths: dict[str, str], engine: str) -> tuple[float, float]:
    """Peak RSS with both models loaded and used, and time from start to first answer.

    The peak is VmHWM, this process's own high-water mark: ``ru_maxrss`` would
    count the parent's memory too, carried over through fork and exec.
    """
    code = (
        "import time; t=time.perf_counter()\n"
        "from summarise import Document\n"
        "from summarise.qa import Reader\n"
        "from summarise.summary import Summariser\n"
        f"d = Document(open({str(EXAMPLES / 'fisheries_talks_page.txt')!r}).read(),"
        f" reader=Reader({paths['reader']!r}),"
        f" summariser=Summariser({paths['summariser']!r}, engine={engine!r}))\n"
        "d.ask('Who is the EU chief negotiator?'); first = time.perf_counter() - t\n"
        "d.summary()\n"
        "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
        "print(first, int(peak.split()[1]) / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, rss = out.stdout.split()[-2:]
    return float(rss), float(first)


if __name__ == "__main__":
    main()
