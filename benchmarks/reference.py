"""The reference side: transformers 4.57's pipelines, run in the side environment.

Reads a job (JSON) on stdin, prints results (JSON) on stdout. Not imported by
the package; ``run.py`` starts it with ``benchmarks/.reference/bin/python``.
"""

import json
import sys
import time

import torch
import transformers
from transformers import pipeline


def timed(fn, repeat, warm=True):
    if warm:
        fn()  # warm-up
    began = time.perf_counter()
    for _ in range(repeat):
        out = fn()
    return out, (time.perf_counter() - began) / repeat


def main():
    job = json.load(sys.stdin)
    torch.set_num_threads(job.get("threads", 2))
    result = {"transformers": transformers.__version__, "torch": torch.__version__}
    qa = pipeline("question-answering", model=job["reader"], device=-1)
    settings = job["qa_settings"]
    answers = []
    for item in job["questions"]:
        out = qa(question=item["question"], context=job["contexts"][item["context"]], **settings)
        out = out[0] if isinstance(out, list) else out
        answers.append(
            {
                "text": out["answer"],
                "start": out["start"],
                "end": out["end"],
                "score": float(out["score"]),
            }
        )
    result["answers"] = answers
    timings = {}
    for name, spec in job["qa_timings"].items():
        context = job["contexts"][spec["context"]]
        questions = spec["questions"]
        _, seconds = timed(
            lambda c=context, qs=questions: [qa(question=q, context=c, **settings) for q in qs],
            spec.get("repeat", 1),
        )
        timings[name] = seconds
    summarizer = pipeline("summarization", model=job["summariser"], device=-1)
    summaries = {}
    for name, spec in job["summaries"].items():
        text = job["contexts"][spec["context"]]
        out, seconds = timed(
            lambda text=text: summarizer(text, truncation=True),
            spec.get("repeat", 1),
            warm=name == "sum_short",  # the long one runs after it, on a warm model
        )
        summaries[name] = out[0]["summary_text"]
        timings[name] = seconds
    result["summaries"] = summaries
    result["timings"] = timings
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
