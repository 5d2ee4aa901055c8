"""The reference side: transformers 4.57's pipelines, run in the side environment.

A worker: reads one JSON request per line on stdin, answers with one JSON line
on stdout. ``run.py`` starts it with ``benchmarks/.reference/bin/python`` and
keeps it alive, so the two sides can be timed in alternation. Not imported by
the package.
"""

import json
import sys
import time

import torch
import transformers
from transformers import pipeline


class Worker:
    """The pipelines of the English models and, when given, of the multilingual ones
    (``reader_multilingual``, ``summariser_multilingual``); a request's ``models`` picks
    which pair answers it ("en", the default, or "multilingual")."""

    def __init__(self, request):
        torch.set_num_threads(request.get("threads", 2))
        cuda = request.get("device") == "cuda"
        device = 0 if cuda else -1
        dtype = torch.float16 if cuda else torch.float32  # ours is half precision on CUDA

        def pair(reader: str, summariser: str) -> tuple:
            return (
                pipeline("question-answering", model=reader, device=device),
                pipeline("summarization", model=summariser, device=device, torch_dtype=dtype),
            )

        self.pipelines = {"en": pair(request["reader"], request["summariser"])}
        if request.get("reader_multilingual"):
            self.pipelines["multilingual"] = pair(
                request["reader_multilingual"], request["summariser_multilingual"]
            )
        self.qa_settings = request["qa_settings"]

    def _qa(self, request):
        return self.pipelines[request.get("models", "en")][0]

    def _summarizer(self, request):
        return self.pipelines[request.get("models", "en")][1]

    def answers(self, request):
        """Top answer of each (question, context) pair."""
        out = []
        qa = self._qa(request)
        for item in request["items"]:
            answer = qa(question=item["question"], context=item["context"], **self.qa_settings)
            answer = answer[0] if isinstance(answer, list) else answer
            out.append(
                {
                    "text": answer["answer"],
                    "start": answer["start"],
                    "end": answer["end"],
                    "score": float(answer["score"]),
                }
            )
        return {"answers": out}

    def ask(self, request):
        """One pipeline call per question, timed together."""
        began = time.perf_counter()
        qa = self._qa(request)
        for question in request["questions"]:
            qa(question=question, context=request["context"], **self.qa_settings)
        return {"seconds": time.perf_counter() - began}

    def summary(self, request):
        began = time.perf_counter()
        out = self._summarizer(request)(request["context"], truncation=True)
        return {"seconds": time.perf_counter() - began, "text": out[0]["summary_text"]}

    def memory(self, request):
        """Peak resident memory of this process so far, in MB."""
        with open("/proc/self/status") as status:  # VmHWM: this process's own peak
            peak = next(line for line in status if line.startswith("VmHWM:"))
        return {"peak_mb": int(peak.split()[1]) / 1024}


def main():
    worker = None
    for line in sys.stdin:
        request = json.loads(line)
        op = request["op"]
        if op == "load":
            worker = Worker(request)
            reply = {"transformers": transformers.__version__, "torch": torch.__version__}
        else:
            reply = getattr(worker, op)(request)
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
