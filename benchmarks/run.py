"""Side-by-side benchmark against the transformers 4.57 pipelines, in one run.

    python benchmarks/run.py            # default-size random-weight models (~15-25 min)
    python benchmarks/run.py --tiny     # tiny models: a smoke check, no timing claims

Creates ``benchmarks/.reference`` (transformers 4.57 + the same CPU torch) when
missing, builds the models once under ``benchmarks/.cache``, checks parity (same
answers, offsets and scores; same summaries), times both sides on the same
inputs, and writes ``benchmarks/results.md``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402
import transformers  # noqa: E402
from articles import long_article_with_questions, mission, report_excerpt  # noqa: E402
from build import build  # noqa: E402

from summarise import Reader, Summariser  # noqa: E402
from summarise.retrieval import Retriever  # noqa: E402

REFERENCE = ROOT / ".reference"
EXAMPLE_PAGE = ROOT.parent / "summarise" / "examples" / "fisheries_talks_page.txt"
QA = {"top_k": 1, "max_seq_len": 384, "doc_stride": 128, "max_answer_len": 15}


def reference_python() -> Path:
    python = REFERENCE / "bin" / "python"
    if not python.exists():
        print("creating the reference environment (transformers 4.57)…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(REFERENCE)], check=True)
        pip = [str(REFERENCE / "bin" / "pip"), "install", "-q"]
        subprocess.run(pip + ["torch==2.13.0"], check=True)
        subprocess.run(pip + ["transformers>=4.57,<4.58", "sentencepiece", "numpy"], check=True)
    return python


def timed(fn, repeat: int = 1, warm: bool = True) -> tuple[object, float]:
    """Mean seconds per call; a warm-up call first unless the models are warm already."""
    if warm:
        fn()
    began = time.perf_counter()
    for _ in range(repeat):
        out = fn()
    return out, (time.perf_counter() - began) / repeat


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiny", action="store_true", help="tiny models: a quick smoke run")
    parser.add_argument("--output", default=str(ROOT / "results.md"))
    parser.add_argument(
        "--no-long-summary",
        action="store_true",
        help="skip summarising the 10,000-word report (the slowest rows)",
    )
    args = parser.parse_args()
    torch.set_num_threads(2)
    paths = {k: str(v) for k, v in build(args.tiny).items()}
    long_text, long_questions = long_article_with_questions()
    excerpt, excerpt_questions = report_excerpt()
    example = (EXAMPLE_PAGE.parent / "fisheries_talks.txt").read_text(encoding="utf-8")
    example_questions = json.loads((EXAMPLE_PAGE.parent / "questions.json").read_text())
    contexts = {"long": long_text, "excerpt": excerpt, "example": example}
    questions = (
        [{"context": "excerpt", **q} for q in excerpt_questions]
        + [{"context": "example", **q} for q in example_questions["questions"]]
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
    job = {
        "reader": paths["reader"],
        "summariser": paths["summariser"],
        "contexts": contexts,
        "questions": questions,
        "qa_settings": {**QA, "handle_impossible_answer": False},
        "qa_timings": {
            "qa_one": {"context": short, "questions": short_questions[:1], "repeat": 3},
            "qa_ten": {"context": short, "questions": short_questions},
            "qa_long": {"context": "long", "questions": [long_questions[0]["question"]]},
        },
        "summaries": {"sum_short": {"context": short}}
        | ({} if args.no_long_summary else {"sum_long": {"context": "long"}}),
    }
    print("running the reference pipelines…", file=sys.stderr)
    ref = subprocess.run(
        [str(reference_python()), str(ROOT / "reference.py")],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        check=False,
    )
    if ref.returncode != 0:
        sys.exit(f"reference failed:\n{ref.stderr[-3000:]}")
    reference = json.loads(ref.stdout)

    print("running summarise…", file=sys.stderr)
    rows: list[tuple[str, float | None, float | None, str]] = []
    lines: list[str] = []
    reader = Reader(paths["reader"], passages=0)
    same = same_text = global_differs = 0
    worst = 0.0
    mismatches = []
    for item, theirs in zip(questions, reference["answers"]):
        context = contexts[item["context"]]
        kwargs = dict(top_k=1, max_answer_len=QA["max_answer_len"], handle_impossible=False)
        [ours] = reader.ask(item["question"], context, normalize="window", **kwargs) or [None]
        if ours and (ours.text, ours.start, ours.end) == (
            theirs["text"],
            theirs["start"],
            theirs["end"],
        ):
            same += 1
            worst = max(worst, abs(ours.score - theirs["score"]))
        else:
            same_text += bool(ours) and ours.text == theirs["text"]
            mismatches.append((item["question"], ours and ours.text, theirs["text"]))
        [best] = reader.ask(item["question"], context, **kwargs) or [None]
        global_differs += bool(best) and (best.start, best.end) != (theirs["start"], theirs["end"])
    summariser = Summariser(paths["summariser"])
    summary_same = {}
    for name, spec in job["summaries"].items():
        if name == "sum_short":
            ours_summary = summariser.summarise(contexts[spec["context"]]).text
            summary_same[name] = ours_summary == reference["summaries"][name]

    def our_qa(fast: bool) -> dict[str, float]:
        r = Reader(paths["reader"], quantize=fast, passages=0)
        t = {}
        _, t["qa_one"] = timed(lambda: r.ask(short_questions[0], contexts[short]), 3)
        _, t["qa_ten"] = timed(lambda: r.ask_many(short_questions, contexts[short]))
        retrieving = Reader(paths["reader"], quantize=fast, retriever=Retriever(_embedder()))
        q = long_questions[0]["question"]
        _, t["qa_long"] = timed(lambda: retrieving.ask(q, contexts["long"]))
        return t

    def our_summaries(fast: bool) -> dict[str, float]:
        s = Summariser(paths["summariser"], quantize=fast)
        t = {}
        _, t["sum_short"] = timed(lambda: s.summarise(contexts[short]))
        if not args.no_long_summary:
            _, t["sum_long"] = timed(lambda: s.summarise(contexts["long"]), warm=False)
        return t

    ours32 = {**our_qa(False), **our_summaries(False)}
    ours8 = {**our_qa(True), **our_summaries(True)}
    labels = {
        "qa_one": f"1 question, {short} article",
        "qa_ten": f"10 questions, {short} article (ask_many vs 10 calls)",
        "qa_long": "1 question, 10,000-word article (ours: retrieval; reference: reads all)",
        "sum_short": f"summary, {short} article",
        "sum_long": "summary, 10,000-word article (reference truncates at 1,024 tokens)",
    }
    for key, label in labels.items():
        if key not in ours32:
            continue
        theirs = reference["timings"][key]
        rows.append(
            (
                label,
                ours32[key],
                theirs,
                f"{ours8[key]:.2f}s ({ours8[key] / ours32[key]:.2f}× fp32)",
            )
        )

    memory, startup = _process_figures(paths)
    lines += [
        "# Benchmark results ("
        + ("tiny smoke run" if args.tiny else "default-size random-weight models")
        + ")",
        "",
        f"- date: {datetime.date.today().isoformat()}",
        f"- machine: {os.cpu_count()} cores, {platform.machine()}, "
        f"Python {platform.python_version()}",
        f"- ours: torch {torch.__version__}, transformers {transformers.__version__}",
        f"- reference: torch {reference['torch']}, transformers {reference['transformers']}",
        "",
        "## Parity",
        "",
        f'- reader, `normalize="window"` vs the QA pipeline: {same}/{len(questions)} identical '
        f"answers and offsets ({100 * same / len(questions):.1f}%), "
        f"largest score difference {worst:.2e}; {same_text} more with the same text at "
        "another offset (the same words repeated elsewhere, scores tied to float noise)",
        f"- reader, default global ranking: differs from the reference on {global_differs}/"
        f"{len(questions)} questions",
        f"- summariser vs the summarization pipeline, {short} article: "
        f"{'identical output' if summary_same.get('sum_short') else 'DIFFERENT output'}",
        "",
        "## Speed (seconds; ratio = ours / reference)",
        "",
        "| task | ours fp32 | reference | ratio | ours int8 (fast) |",
        "|---|---|---|---|---|",
    ]
    for label, ours, theirs, fast in rows:
        lines.append(f"| {label} | {ours:.2f} | {theirs:.2f} | {ours / theirs:.2f}× | {fast} |")
    lines += [
        "",
        f"- peak resident memory, both models loaded and used once: {memory:.0f} MB",
        f"- process start to first answer (reader + retrieval, fp32): {startup:.1f} s",
    ]
    if mismatches:
        lines += ["", "### Reader mismatches", ""]
        lines += [f"- {q!r}: ours {o!r}, reference {t!r}" for q, o, t in mismatches[:20]]
    text = "\n".join(lines) + "\n"
    Path(args.output).write_text(text, encoding="utf-8")
    print(text)


def _embedder():
    from summarise import Embedder
    from summarise.errors import ModelError

    try:
        return Embedder()
    except ModelError:
        return None


def _process_figures(paths: dict[str, str]) -> tuple[float, float]:
    """Peak RSS with both models loaded and used, and time from start to first answer."""
    code = (
        "import time, resource; t=time.perf_counter()\n"
        "from summarise import Document, Reader, Summariser\n"
        f"d = Document(open({str(EXAMPLE_PAGE)!r}).read(),"
        f" reader=Reader({paths['reader']!r}), summariser=Summariser({paths['summariser']!r}))\n"
        "d.ask('Who is the EU chief negotiator?'); first = time.perf_counter() - t\n"
        "d.summary()\n"
        "print(first, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, rss = out.stdout.split()[-2:]
    return float(rss), float(first)


if __name__ == "__main__":
    main()
