"""The `summarise` console script, through its real entry point (subprocesses)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tiny

EXE = shutil.which("summarise", path=str(Path(sys.executable).parent)) or "summarise"


def run(*args: str, stdin: str | None = None, env: dict | None = None, cwd=None, drop=()):
    environment = {k: v for k, v in {**os.environ, **(env or {})}.items() if k not in drop}
    return subprocess.run(
        [EXE, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        timeout=300,
    )


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "page.txt"
    path.write_text((tiny.EXAMPLES / "fisheries_talks_page.txt").read_text(encoding="utf-8"))
    return path


def test_help_for_every_subcommand():
    for command in ["clean", "summary", "ask", "serve", "pull", "models", "batch", "eval"]:
        result = run(command, "--help")
        assert result.returncode == 0, command
        assert "examples:" in result.stdout


def test_clean_file_and_stdin(page_file):
    from_file = run("clean", str(page_file))
    assert from_file.returncode == 0
    assert from_file.stdout.strip() == tiny.example_article().strip()
    from_stdin = run("clean", "-", "--json", stdin=page_file.read_text())
    data = json.loads(from_stdin.stdout)
    assert data["title"] == "Arctic Fishing Nations Open Emergency Talks on Cod Quotas"
    assert "Facebook" in data["removed"]


def test_ask_with_a_trained_reader_json(page_file, reader_dir):
    result = run(
        "ask",
        str(page_file),
        "-q",
        "Who is the EU chief negotiator?",
        "--json",
        "--reader",
        str(reader_dir),
        "--passages",
        "0",
        "--max-seq-len",
        "128",
        "--doc-stride",
        "48",
    )
    assert result.returncode == 0, result.stderr
    [item] = json.loads(result.stdout)
    [answer] = item["answers"]
    raw = page_file.read_text()
    assert (answer["method"], answer["text"]) == ("reader", "Margarethe Lind")
    assert raw[answer["original_start"] : answer["original_end"]] == answer["text"]
    assert set(answer) >= {"text", "score", "start", "end", "original_start", "evidence_start"}


def test_ask_plain_output_offline_fallback(page_file):
    result = run(
        "ask", str(page_file), "-q", "Who chairs the talks?", "-q", "When is the final statement?"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Q: ") == 2
    assert "passage" in result.stdout and "Helga Arnadottir" in result.stdout


def test_summary_with_a_trained_summariser(tmp_path, summariser_dir):
    paragraph, expected = tiny.summary_training_pairs()[0]
    path = tmp_path / "one.md"
    path.write_text(paragraph)
    result = run("summary", str(path), "--summariser", str(summariser_dir), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["text"], data["method"], data["chunks"]) == (expected, "abstractive", 1)


def test_bad_input_exits_2_with_one_line(tmp_path):
    missing = run("clean", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "No such file" in missing.stderr
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = run("summary", str(binary))
    assert result.returncode == 2 and "binary" in result.stderr
    empty = run("ask", "-", "-q", "Who?", stdin="   ")
    assert empty.returncode == 2 and "empty" in empty.stderr
    usage = run("ask", "x.txt")
    assert usage.returncode == 2 and "-q" in usage.stderr
    wrong_model = run("ask", str(tmp_path / "x.txt"), "-q", "Who?", "--reader", str(tmp_path))
    assert wrong_model.returncode == 2


def test_models_lists_each_role_and_fallback():
    result = run("models")
    assert result.returncode == 0
    assert "summariser" in result.stdout and "extractive summary" in result.stdout
    rows = json.loads(run("models", "--json").stdout)
    assert [(r["role"], r["language"]) for r in rows] == [
        ("summariser", "en"),
        ("summariser", "*"),
        ("reader", "en"),
        ("reader", "*"),
        ("embedder", "en"),
    ]


def test_pull_offline_fails_cleanly(tmp_path):
    result = run("pull", "reader", "--to", str(tmp_path))
    assert result.returncode == 2
    assert "Could not download" in result.stderr
    assert run("pull", "weights").returncode == 2


def test_eval_qa_and_summary_match_hand_computed_metrics(
    tmp_path, reader_dir, summariser_dir, article
):
    context = article
    squad = {
        "data": [
            {
                "paragraphs": [
                    {
                        "context": context,
                        "qas": [
                            {
                                "id": "a",
                                "question": "Who is the EU chief negotiator?",
                                "answers": [{"text": "Margarethe Lind"}],
                            },
                            {
                                "id": "b",
                                "question": "Who chairs the talks?",
                                "answers": [{"text": "Helga Arnadottir"}],
                            },
                            {
                                "id": "c",
                                "question": "By how much did cod prices rise?",
                                "answers": [{"text": "eleven per cent"}],
                            },
                        ],
                    }
                ]
            }
        ]
    }
    path = tmp_path / "squad.json"
    path.write_text(json.dumps(squad))
    result = run(
        "eval",
        "qa",
        str(path),
        "--json",
        "--reader",
        str(reader_dir),
        "--max-seq-len",
        "128",
        "--doc-stride",
        "48",
        "--passages",
        "0",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    items = {i["id"]: i for i in report["items"]}
    # a: exact. b: "Dr. Helga Arnadottir" vs "Helga Arnadottir": EM 0, F1 2*(2/3*1)/(2/3+1)=0.8.
    # c: "eleven percent" vs "eleven per cent": EM 0, F1 2*(1/2*1/3)/(1/2+1/3)=0.4.
    assert items["a"]["exact_match"] == 1 and items["a"]["f1"] == 1
    assert items["b"]["prediction"] == "Dr. Helga Arnadottir"
    assert items["b"]["exact_match"] == 0 and items["b"]["f1"] == pytest.approx(0.8)
    assert items["c"]["prediction"] == "eleven percent", items["c"]
    assert items["c"]["f1"] == pytest.approx(0.4)
    assert report["exact_match"] == pytest.approx(1 / 3)
    assert report["f1"] == pytest.approx((1 + 0.8 + 0.4) / 3)
    assert report["method"] == "reader"

    paragraph, expected = tiny.summary_training_pairs()[1]
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps({"id": "p", "text": paragraph, "reference": expected})
        + "\n"
        + json.dumps({"id": "q", "text": paragraph, "reference": "The EU wants a cut."})
        + "\n"
    )
    result = run("eval", "summary", str(pairs), "--json", "--summariser", str(summariser_dir))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    first, second = report["items"]
    assert first["rouge1"] == first["rouge2"] == first["rougeL"] == 1.0
    # 10-word summary vs 5-word reference, 5 unigrams shared ("the eu wants a cut"):
    # P=5/10, R=5/5, F=2*0.5*1/1.5
    assert second["rouge1"] == pytest.approx(2 * 0.5 / 1.5, abs=1e-6)


def test_ask_says_when_the_text_does_not_seem_to_say(page_file):
    result = run("ask", str(page_file), "-q", "What is the capital of France?")
    assert result.returncode == 0, result.stderr
    assert "does not seem to say" in result.stdout
    assert "hint" in result.stdout and "% match" in result.stdout
    [item] = json.loads(run("ask", str(page_file), "-q", "Who wrote Hamlet?", "--json").stdout)
    assert item["answers"] == []


@pytest.fixture
def no_network(tmp_path) -> dict:
    """A machine without network that never set HF_HUB_OFFLINE: the Hub endpoint is a
    closed local port, so every download fails at once, and nothing is cached."""
    return {
        "HF_ENDPOINT": "http://127.0.0.1:9",
        "HF_HUB_CACHE": str(tmp_path / "hf-cache"),
        "SUMMARISE_MODELS_DIR": str(tmp_path / "models"),
    }


def test_without_network_the_cli_falls_back_and_says_so(page_file, tmp_path, no_network):
    asked = run(
        "ask",
        str(page_file),
        "-q",
        "Who chairs the talks?",
        env=no_network,
        drop={"HF_HUB_OFFLINE"},
    )
    assert asked.returncode == 0, asked.stderr
    assert "Helga Arnadottir" in asked.stdout and "passage" in asked.stdout
    [note] = asked.stderr.strip().splitlines()
    assert "reader" in note and "summarise pull" in note
    summary = run("summary", str(page_file), env=no_network, drop={"HF_HUB_OFFLINE"})
    assert summary.returncode == 0, summary.stderr
    assert "extractive summary" in summary.stdout
    [note] = summary.stderr.strip().splitlines()
    assert "summariser" in note and "summarise pull" in note
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": page_file.read_text()}) + "\n")
    batch = run(
        "batch", str(source), str(tmp_path / "out.jsonl"), env=no_network, drop={"HF_HUB_OFFLINE"}
    )
    assert batch.returncode == 0, batch.stderr
    assert json.loads((tmp_path / "out.jsonl").read_text())["summary_method"] == "extractive"
    assert "summarise pull" in batch.stderr


def test_without_network_a_model_named_explicitly_is_an_error(page_file, no_network):
    named = "distilbert/distilbert-base-cased-distilled-squad"
    result = run(
        "ask",
        str(page_file),
        "-q",
        "Who?",
        "--reader",
        named,
        env=no_network,
        drop={"HF_HUB_OFFLINE"},
    )
    assert result.returncode == 2
    assert "Could not download" in result.stderr and named in result.stderr
