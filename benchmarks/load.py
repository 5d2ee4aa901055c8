"""Load test: concurrent gradio_client users against the app on loopback.

    python benchmarks/load.py --users 32 --seconds 60           # tiny models
    python benchmarks/load.py --users 8 --seconds 120 --full    # default-size models

The app runs in a process of its own. Each user first calls each endpoint once
(the warm-up), then alternates summarise and ask calls, each on a page of its
own so that no cache spares the models, until the time is up
(bounded in time and count, loopback only). Prints throughput, latency
percentiles, errors and the server's resident memory with the models loaded,
after the warm-up and at the end.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

MAX_CALLS_PER_USER = 10_000


SERVER = """
import sys
sys.path.insert(0, {root!r})
from build import build
from summarise.apps.web import app as ui
from summarise.qa import Reader
from summarise.summary import Summariser
paths = build(tiny={tiny})
ui.configure(reader=Reader(str(paths["reader"])), summariser=Summariser(str(paths["summariser"])))
print("serving at", ui.launch(host="127.0.0.1", block=False), flush=True)
sys.stdin.read()  # serve until the load test stops us
"""


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start_server(full: bool) -> tuple[subprocess.Popen, str]:
    """The app in a process of its own, so its memory is measured without the clients'."""
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER.format(root=str(ROOT), tiny=not full)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    for line in server.stdout:  # model building may print first (tokenizer trainers do)
        if line.startswith("serving at "):
            return server, line.split()[-1]
    server.kill()
    raise RuntimeError("the app did not start; its messages are above")


def run(users: int, seconds: float, full: bool = False) -> dict:
    from gradio_client import Client

    from summarise.apps.web import app as ui

    server, url = start_server(full)
    page = ui.example_article()
    models_loaded = rss_mb(server.pid)
    clients = [Client(url, verbose=False) for _ in range(users)]
    for n, client in enumerate(clients):  # warm-up: each user calls each endpoint once
        client.predict(page, "short", api_name="/summarise")
        client.predict(page, ui.EXAMPLE_QUESTIONS[n % 3], 1, api_name="/ask")
    warm = rss_mb(server.pid)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.time() + seconds

    def user(n: int) -> None:
        client = clients[n]
        for i in range(MAX_CALLS_PER_USER):
            if time.time() >= deadline:
                return
            # a page of its own for every request, so no cache answers for the models
            text = f"{page}\n\nCorrection {n}.{i}: an earlier version gave the wrong date."
            began = time.perf_counter()
            try:
                if (i + n) % 2:
                    client.predict(text, "short", api_name="/summarise")
                else:
                    client.predict(text, ui.EXAMPLE_QUESTIONS[i % 3], 1, api_name="/ask")
                with lock:
                    latencies.append(time.perf_counter() - began)
            except Exception as exc:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}"[:200])

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    end = rss_mb(server.pid)
    server.terminate()
    server.wait(timeout=60)
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else 0.0

    return {
        "users": users,
        "seconds": round(elapsed, 1),
        "requests": len(latencies),
        "throughput_per_s": round(len(latencies) / elapsed, 2),
        "p50_s": round(pct(0.50), 3),
        "p95_s": round(pct(0.95), 3),
        "p99_s": round(pct(0.99), 3),
        "mean_s": round(statistics.mean(ordered), 3) if ordered else 0.0,
        "errors": len(errors),
        "first_errors": errors[:3],
        "rss_models_loaded_mb": round(models_loaded),
        "rss_after_warmup_mb": round(warm),
        "rss_end_mb": round(end),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--full", action="store_true", help="default-size random-weight models")
    args = parser.parse_args()
    print(json.dumps(run(args.users, args.seconds, args.full), indent=2))


if __name__ == "__main__":
    main()
