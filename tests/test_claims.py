"""Summary verification: normalised facts, generated error cases, extractive summaries,
offsets, the verify command, the escaped web view and batch output."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarise.claims.facts import Inventory, WordUsage, extract
from summarise.claims.verify import Verifier
from summarise.claims.view import claims_html, claims_text
from summarise.document import Document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import verify as bench  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "summarise" / "examples"
ARTICLE = (EXAMPLES / "fisheries_talks.txt").read_text(encoding="utf-8")


def _lexicon(*texts: str) -> WordUsage:
    lexicon = WordUsage()
    lexicon.learn(texts)
    return lexicon


@pytest.mark.parametrize(
    ("claim", "evidence"),
    [
        ("Prices rose 11% last week.", "Prices rose by eleven percent last week."),
        ("Prices rose 11 per cent.", "Prices rose by 11%."),
        ("The U.S. objected.", "The US objected."),
        ("The US objected.", "The U.S. objected."),
        ("Talks start on 4 March 2025.", "Talks start on March 4, 2025."),
        ("Talks start on March 4.", "Talks start on 2025-03-04."),
        ("Talks start on the 4th of March.", "Talks start on 4 March."),
        ("It costs 38000 euros.", "It costs 38,000 euros."),
        ("It costs €2.5bn.", "It costs 2.5 billion euros."),
        ("It costs 1.2 million.", "It costs 1,180,000 in all."),
        ("Three boats sank.", "3 boats sank."),
        ("Twenty-five boats sank.", "25 boats sank."),
        ("The EU wants a cut.", "The European Union wants a cut."),
        ("MARGARETHE LIND spoke.", "Margarethe Lind spoke."),
        ("Lind spoke on Monday.", "The negotiator, Margarethe Lind, spoke on Monday."),
        ('She called it "a fair deal".', "She said it was “a fair deal” for everyone."),
        ("Talks are hosted by Iceland's government.", "The Icelandic government hosts talks."),
    ],
)
def test_normalised_forms_are_supported(claim, evidence):
    lexicon = _lexicon(evidence, "Talks with the negotiator Margarethe Lind.")
    facts = extract(claim, lexicon)
    assert facts, claim
    inventory = Inventory(evidence, lexicon)
    assert all(inventory.has(f) for f in facts), [f.text for f in facts if not inventory.has(f)]


@pytest.mark.parametrize(
    ("claim", "evidence", "wrong"),
    [
        ("Prices rose 12% last week.", "Prices rose by eleven percent last week.", "12%"),
        ("Talks start on 5 March.", "Talks start on March 4, 2025.", "5 March"),
        ("Talks start in April.", "Talks start on March 4, 2025.", "April"),
        ("Talks start on Tuesday.", "Talks start on Monday.", "Tuesday"),
        ("It costs 39,000 euros.", "It costs 38,000 euros.", "39,000 euros"),
        ("Tomas Berg spoke.", "The negotiator, Margarethe Lind, spoke.", "Tomas Berg"),
        ('She called it "a great deal".', "She said it was “a fair deal”.", '"a great deal"'),
        ("Four boats sank.", "Three boats sank.", "Four"),
        ("Anna Andersen spoke.", "Anna Anderson spoke.", "Anna Andersen"),
    ],
)
def test_changed_facts_are_not_supported(claim, evidence, wrong):
    lexicon = _lexicon(evidence, "Tomas Berg and Margarethe Lind.")
    missing = [f.text for f in extract(claim, lexicon) if not Inventory(evidence, lexicon).has(f)]
    assert missing == [wrong]


def test_capitalised_sentence_openers_are_names_only_when_the_article_has_them():
    lexicon = _lexicon(ARTICLE)
    names = [f.text for f in extract("Officials met Einar Solberg in Reykjavik.", lexicon)]
    assert names == ["Einar Solberg", "Reykjavik"]
    assert [f.text for f in extract("Norway sent its minister.", lexicon)] == ["Norway"]


def test_generated_cases_meet_the_targets_without_an_encoder():
    cases = bench.build_cases()
    report = bench.score(cases, None)
    assert report["cases"] >= 200
    assert len({c.article for c in cases}) >= 5
    assert all(report["by_kind"][k].split("/")[1] != "0" for k in bench.KINDS)
    assert report["error_recall"] >= 0.95, report["misses"]
    assert report["clean_flag_rate"] <= 0.05, report["misses"]
    assert report["evidence_found"] >= 0.95


def test_generated_cases_meet_the_targets_with_the_encoder(embedder_dir):
    from summarise.models.embedder import Embedder

    cases = bench.build_cases()
    subset = [c for i, c in enumerate(cases) if c.kind == "clean" or i % 6 == 0]
    report = bench.score(subset, Embedder(str(embedder_dir)), margin=float("inf"))
    assert report["errors"] >= 30 and report["clean_sentences"] >= 60
    assert report["error_recall"] >= 0.95, report["misses"]
    assert report["clean_flag_rate"] <= 0.05, report["misses"]
    assert report["evidence_found"] >= 0.95


def test_a_swapped_name_keeps_the_evidence_of_the_sentence_it_came_from():
    verifier = Verifier(ARTICLE)
    clean = "Norway's fisheries minister Einar Solberg argued for a smaller cut over three seasons."
    wrong = clean.replace("Einar Solberg", "Tomas Berg")
    good, bad = verifier.verify(clean)[0], verifier.verify(wrong)[0]
    assert good.unsupported == [] and good.support > 0.5
    assert [e.text for e in bad.evidence] == [e.text for e in good.evidence]
    assert [(f.text, f.kind, f.in_article) for f in bad.unsupported] == [
        ("Tomas Berg", "name", True)
    ]
    assert bad.support < good.support


@pytest.mark.parametrize("name", ["fisheries_talks", "harbour_bridge", "software_merger"])
def test_extractive_summaries_are_supported_by_their_own_sentences(name):
    doc = Document((EXAMPLES / f"{name}.txt").read_text(encoding="utf-8"), False, False, False)
    summary = doc.summary(length="medium")
    assert summary.method == "extractive" and summary.claims
    for claim in summary.claims:
        assert claim.unsupported == [] and claim.support == 1.0
        assert " ".join(e.text for e in claim.evidence) == claim.text


def test_offsets_point_into_the_summary_the_cleaned_text_and_the_raw_page():
    raw = (EXAMPLES / "fisheries_talks_page.txt").read_text(encoding="utf-8")
    doc = Document(raw, summariser=False, reader=False, embedder=False)
    summary = (
        "Delegations from five nations met in Oslo on Monday over cod stocks. "
        "Dr. Helga Arnadottir chairs the talks, which are hosted by Iceland's government."
    )
    claims = doc.verify(summary)
    assert [summary[c.start : c.end] for c in claims] == [c.text for c in claims]
    flags = [f for c in claims for f in c.unsupported]
    assert [(summary[f.start : f.end], f.in_article) for f in flags] == [("Oslo", False)]
    for claim in claims:
        for evidence in claim.evidence:
            assert doc.text[evidence.start : evidence.end] == evidence.text
            original = raw[evidence.original_start : evidence.original_end]
            assert " ".join(original.split()) == " ".join(evidence.text.split())


def test_verify_has_a_hard_ceiling_with_the_encoder(embedder_dir):
    from summarise.models.embedder import Embedder

    embedder = Embedder(str(embedder_dir))
    embedder.encode(["warm up"])
    began = time.perf_counter()
    bench.timing(embedder, repeats=1, margin=float("inf"))
    assert time.perf_counter() - began < 60  # a hang, not a slow machine


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "summarise", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )


def test_verify_command_exit_codes_and_json(tmp_path):
    article = EXAMPLES / "fisheries_talks.txt"
    good = tmp_path / "good.txt"
    good.write_text("Talks on cod quotas opened in Reykjavik on Monday with five nations.")
    bad = tmp_path / "bad.txt"
    bad.write_text("Talks on cod quotas opened in Reykjavik on Tuesday with five nations.")
    result = _run("verify", str(article), str(good))
    assert result.returncode == 0, result.stderr
    assert "1 of 1 sentence(s) supported" in result.stdout
    result = _run("verify", str(article), str(bad), "--json")
    assert result.returncode == 3, result.stderr
    claims = json.loads(result.stdout)
    assert [f["text"] for f in claims[0]["unsupported"]] == ["Tuesday"]
    evidence = [e["text"] for e in claims[0]["evidence"]]
    assert any(e.startswith("Delegations from five fishing nations") for e in evidence)
    result = _run("summary", str(article), "--json", "--max-words", "40")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["claims"] and all(c["unsupported"] == [] for c in data["claims"])


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def test_web_view_escapes_everything_pasted():
    xss = '<img src=x onerror="window.__xss=1"><script>alert(1)</script>'
    article = ARTICLE.replace("in Reykjavik", f"in Reykjavik {xss}")
    verifier = Verifier(article)
    claims = verifier.verify(f"Delegations met in Reykjavik {xss} on Friday.")
    page = claims_html(article, claims)
    parser = _Tags()
    parser.feed(page)
    assert parser.tags <= {"div", "p", "details", "summary", "span", "mark", "br", "em"}
    assert "&lt;img src=x" in page and "&lt;script&gt;" in page
    assert '<mark class="flag"' in page and '<mark class="evidence">' in page
    assert "Friday" in claims_text(claims)


def test_web_handler_and_batch_output_carry_claims(tmp_path):
    import pyarrow.parquet as pq

    from summarise.apps.batch.job import JobSettings, run_batch
    from summarise.apps.web import handlers
    from summarise.components import ModelSettings

    handlers.configure(summariser=False, reader=False, embedder=False)
    try:
        *_, text, _, view, status = handlers.on_summarise(ARTICLE, "short")
        assert status == "" and "<details" in view and "Reykjavik" in text and "Reykjavik" in view
        assert handlers.api_summarise(ARTICLE, "short")["claims"]
    finally:
        handlers.configure()
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n")
    settings = JobSettings(ModelSettings(summariser=False, reader=False, embedder=False))
    run_batch(source, tmp_path / "out.jsonl", settings)
    row = json.loads((tmp_path / "out.jsonl").read_text())
    assert row["error"] is None and row["claims"]
    assert all(c["unsupported"] == [] for c in row["claims"])
    run_batch(source, tmp_path / "out.parquet", settings)
    [stored] = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert json.loads(stored["claims"]) == row["claims"]
