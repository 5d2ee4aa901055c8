"""Checking a summary against its article: one :class:`~summarise.results.Claim` per
summary sentence.

Each summary sentence is aligned to the article sentence(s) it restates, then
its names, numbers, amounts, dates and quoted phrases (see :mod:`.normalise`)
are looked up in that evidence. Alignment scores the sentence's words *other
than* those facts (idf-weighted overlap), each matching fact counting as one
rare word, blended with the sentence encoder's cosine where the lexical match
is not clear-cut. A name swapped for another person's name from the article
therefore still aligns to the sentence it came from and is flagged there,
rather than pulling in the other person's sentence as its evidence.

More sentences join the evidence only for parts of the claim the best one
lacks: a clause whose words it does not cover (a summary sentence fusing
two), facts stated by a headline's source sentence or a close neighbour, a
phrase whose facts and words another sentence matches better, and the
sentence naming the person a pronoun in the evidence refers to. A fact still
missing is flagged, noting whether the article states it anywhere else.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from summarise.claims.clauses import (
    PHRASE_BREAK,
    clause_break,
    clause_words,
    content,
    spans_between,
)
from summarise.claims.facts import Fact, Inventory, WordUsage, extract, word_keys
from summarise.claims.languages import table
from summarise.language.sentences import sentence_spans
from summarise.models.embedder import Embedder
from summarise.results import Claim, Evidence, Flag

_ENCODER_WEIGHT = 0.45
_MIN_ALIGNMENT = 0.2
_MAX_EVIDENCE = 3
_RUNNER_UP = 0.85
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "»", ")", "“", "«", "」")
_CANDIDATES = 4
_CLEAR_SCORE = 0.6
_CLEAR_MARGIN = 0.25
_FACT_CANDIDATES = 12
_CLAUSE_WORDS = 2
_CLAUSE_COVERAGE = 0.5


@dataclass
class _Draft:
    """A summary sentence being checked: its facts, the words left when they are
    masked, and each article sentence's score before the encoder has its say."""

    text: str
    facts: list[Fact]
    masked: list[tuple[int, int]]
    words: set[str]
    scores: np.ndarray
    exact: list[int]

    def candidates(self, k: int) -> list[int]:
        return [int(i) for i in np.argsort(-self.scores, kind="stable")[:k]]

    def clear(self, margin: float) -> bool:
        """Whether one sentence matches so much better than any other that the
        encoder cannot change the alignment."""
        if self.exact:
            return True
        top = np.sort(self.scores)[-2:]
        second = top[0] if len(top) > 1 else 0.0
        return bool(top[-1] >= _CLEAR_SCORE and top[-1] - second >= margin)


class Verifier:
    """Checks summaries against one article; the article's side is prepared once.

    The encoder is consulted for claims whose lexical alignment is not clear-cut
    (``margin``: how far the best sentence must lead; ``inf`` consults it always),
    and then only on their best few lexical candidates, kept for later calls: the
    cost grows with the summary, not the article. ``language`` is the document's
    language code: its table (:mod:`.languages`) reads the facts; English by default,
    digits, dates in digits and quotations only for a language without a table.
    """

    def __init__(
        self,
        text: str,
        embedder: Embedder | None = None,
        language: str = "en",
        spans: list[tuple[int, int]] | None = None,
        to_original: Callable[[int, int], tuple[int, int]] | None = None,
        margin: float = _CLEAR_MARGIN,
    ) -> None:
        self.text = text
        self.margin = margin
        self.embedder = embedder
        self.code = language
        self.language = table(language)
        self.spans = spans if spans is not None else sentence_spans(text, language)
        self.sentences = [text[s:e] for s, e in self.spans]
        self.to_original = to_original
        self.lexicon = WordUsage(self.language)
        self.lexicon.learn(self.sentences)
        self._inventories: dict[int, Inventory] = {}
        self._vectors: dict[int, np.ndarray] = {}

    @cached_property
    def article(self) -> Inventory:
        """Everything the article states, for telling misplaced facts from invented ones."""
        return Inventory(self.text, self.lexicon)

    @cached_property
    def _bags(self) -> list[set[str]]:
        return [set(content(s, language=self.language)) for s in self.sentences]

    @cached_property
    def _idf(self) -> dict[str, float]:
        frequency: Counter[str] = Counter()
        for bag in self._bags:
            frequency.update(bag)
        n = len(self._bags)
        return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in frequency.items()}

    @cached_property
    def _keyed(self) -> dict[str, int]:
        """Each sentence's normalised words, for spotting claims copied verbatim."""
        keyed: dict[str, int] = {}
        for i, sentence in enumerate(self.sentences):
            keyed.setdefault(" ".join(word_keys(sentence, self.language)), i)
        return keyed

    @cached_property
    def _top_idf(self) -> float:
        return max(self._idf.values(), default=1.0)

    def _inventory(self, i: int) -> Inventory:
        if i not in self._inventories:
            self._inventories[i] = Inventory(self.sentences[i], self.lexicon)
        return self._inventories[i]

    def _weight(self, words: set[str]) -> float:
        return sum(self._idf.get(w, self._top_idf) for w in words)

    def verify(self, summary: str) -> list[Claim]:
        """One claim per sentence of ``summary``, in order."""
        spans = sentence_spans(summary, self.code)
        drafts = [self._draft(summary[s:e]) for s, e in spans]
        similarity = self._similarity(drafts)
        claims = []
        for draft, row, (start, end) in zip(drafts, similarity, spans):
            claim = self._check(draft, row)
            claim.start, claim.end = start, end
            for flag in claim.unsupported:
                flag.start += start
                flag.end += start
            claims.append(claim)
        return claims

    def _draft(self, text: str) -> _Draft:
        facts = extract(text, self.lexicon)
        masked = [(f.start, f.end) for f in facts if f.kind != "quote"]
        checked = [f for f in facts if f.kind != "quote"]  # a quote's words count as words
        words = set(content(text, masked, self.language))
        exact = self._verbatim(text)
        overlap = np.array([self._weight(words & bag) for bag in self._bags])
        found = np.zeros(len(self.sentences))
        if checked and not exact:
            for i in np.argsort(-overlap, kind="stable")[:_FACT_CANDIDATES]:
                found[i] = sum(self._inventory(int(i)).has(f) for f in checked)
        # Each fact weighs as much as the rarest word: enough for three matching facts
        # to beat a headline sharing the words, not for one name to move the evidence.
        total = self._weight(words) + self._top_idf * len(checked)
        scores = (overlap + self._top_idf * found) / total if total else overlap
        return _Draft(text, facts, masked, words, scores, exact)

    def _similarity(self, drafts: list[_Draft]) -> list[np.ndarray | None]:
        """Encoder cosine of each draft with its candidate sentences (0 elsewhere)."""
        todo = [d for d in drafts if not d.clear(self.margin)]
        if self.embedder is None or not todo or not self.sentences:
            return [None] * len(drafts)
        wanted = sorted({i for d in todo for i in d.candidates(_CANDIDATES)})
        missing = [i for i in wanted if i not in self._vectors]
        if missing:
            for i, vector in zip(
                missing, self.embedder.encode([self.sentences[i] for i in missing])
            ):
                self._vectors[i] = vector
        claims = iter(self.embedder.encode([d.text for d in todo]))
        rows: list[np.ndarray | None] = []
        for draft in drafts:
            if draft.clear(self.margin):
                rows.append(None)
                continue
            vector = next(claims)
            row = np.zeros(len(self.sentences))
            for i in draft.candidates(_CANDIDATES):
                row[i] = max(0.0, float(self._vectors[i] @ vector))
            rows.append(row)
        return rows

    def _check(self, draft: _Draft, similarity: np.ndarray | None) -> Claim:
        if draft.exact:
            chosen = [(i, 1.0) for i in draft.exact]
        else:
            chosen = self._align(draft, similarity)
        evidence_text = " ".join(self.sentences[i] for i, _ in chosen)
        inventory = Inventory(evidence_text, self.lexicon) if chosen else None
        missing = [f for f in draft.facts if inventory is None or not inventory.has(f)]
        antecedent = self._antecedent(min(i for i, _ in chosen)) if chosen else None
        # a claim opening with the pronoun itself names no one else by it
        pronouns = self.language.pronouns & set(word_keys(draft.text, self.language)[:3])
        if antecedent is not None and any(f.kind == "name" for f in missing) and not pronouns:
            index, person = antecedent
            resolved = [f for f in missing if f.kind == "name" and person.has(f)]
            if resolved:  # "Her team counted..." restated as "Arnadottir's team counted..."
                missing = [f for f in missing if f not in resolved]
                chosen.append((index, float(similarity[index]) if similarity is not None else 0.0))
        flags = [Flag(f.text, f.kind, f.start, f.end, self.article.has(f)) for f in missing]
        covered: set[str] = set().union(*(self._bags[i] for i, _ in chosen)) if chosen else set()
        total = self._weight(draft.words)
        coverage = self._weight(draft.words & covered) / total if total else 1.0
        if similarity is not None and chosen:
            coverage = 0.5 * coverage + 0.5 * float(similarity[chosen[0][0]])
        support = coverage if chosen else 0.0
        support *= 1 - len(flags) / (len(draft.facts) + 1)
        if flags:  # a sentence stating something unsupported is at most half supported
            support *= 0.5
        evidence = [self._evidence(i, score) for i, score in sorted(chosen)]
        text = draft.text
        return Claim(text, 0, len(text), round(min(1.0, max(0.0, support)), 4), evidence, flags)

    def _align(self, draft: _Draft, similarity: np.ndarray | None) -> list[tuple[int, float]]:
        """The evidence sentences (index, score): the best match for the whole claim,
        plus, for a clause of the claim that it does not cover, that clause's match."""
        if not self.sentences:
            return []
        scores = draft.scores
        if similarity is not None:
            scores = (1 - _ENCODER_WEIGHT) * scores + _ENCODER_WEIGHT * similarity
        best = int(np.argmax(scores))
        if scores[best] < _MIN_ALIGNMENT:
            return []
        chosen = [(best, float(scores[best]))]
        covered = set(self._bags[best])
        for clause in (
            clause_words(draft.text, s, e, draft.masked, self.language)
            for s, e in spans_between(draft.text, clause_break(self.language))
        ):
            weight = self._weight(clause)
            if len(clause) < _CLAUSE_WORDS or self._weight(clause & covered) >= (
                _CLAUSE_COVERAGE * weight
            ):
                continue
            gain, i = max((self._weight(clause & bag), i) for i, bag in enumerate(self._bags))
            if gain >= _CLAUSE_COVERAGE * weight and len(chosen) < _MAX_EVIDENCE:
                chosen.append((i, float(scores[i])))
                covered |= self._bags[i]
        runner = self._runner_up(draft, scores, [i for i, _ in chosen])
        if runner is not None and len(chosen) < _MAX_EVIDENCE:
            chosen.append((runner, float(scores[runner])))
        for i in self._fact_sources(draft, [i for i, _ in chosen]):
            if len(chosen) < _MAX_EVIDENCE:
                chosen.append((i, float(scores[i])))
        return chosen

    def _fact_sources(self, draft: _Draft, chosen: list[int]) -> list[int]:
        """Sentences for phrases of the claim whose facts the evidence lacks: one that
        states more of the phrase's facts and matches its other words at least as well.
        A swapped name alone never qualifies: the phrase's words stay with the evidence."""
        added: list[int] = []
        evidence = Inventory(" ".join(self.sentences[i] for i in chosen), self.lexicon)
        covered = set().union(*(self._bags[i] for i in chosen))
        for start, end in spans_between(draft.text, PHRASE_BREAK):
            facts = [f for f in draft.facts if f.kind != "quote" and start <= f.start < end]
            have = sum(evidence.has(f) for f in facts)
            words = clause_words(draft.text, start, end, draft.masked, self.language)
            if have == len(facts) or len(words) < _CLAUSE_WORDS:
                continue
            floor = max(self._weight(words & covered), _CLAUSE_COVERAGE * self._weight(words))
            overlap = [self._weight(words & bag) for bag in self._bags]
            for i in np.argsort(-np.array(overlap), kind="stable")[:_CANDIDATES]:
                i = int(i)
                if i in chosen or i in added or overlap[i] < floor:
                    continue
                if sum(self._inventory(i).has(f) for f in facts) > have:
                    added.append(i)
                    covered |= self._bags[i]
                    break
        return added

    def _runner_up(self, draft: _Draft, scores: np.ndarray, chosen: list[int]) -> int | None:
        """A second sentence that states facts the evidence lacks, where the claim
        plainly draws on both: the best match is a headline (which carries few
        facts) or the runner-up is its neighbour and matches nearly as well."""
        facts = [f for f in draft.facts if f.kind != "quote"]
        evidence = Inventory(" ".join(self.sentences[i] for i in chosen), self.lexicon)
        missing = [f for f in facts if not evidence.has(f)]
        if not missing:
            return None
        best = chosen[0]
        headline = not self.sentences[best].rstrip().endswith(_SENTENCE_ENDS)
        for i in np.argsort(-scores, kind="stable")[:_CANDIDATES]:
            i = int(i)
            if i in chosen or not any(self._inventory(i).has(f) for f in missing):
                continue
            close = abs(i - best) == 1 and scores[i] >= _RUNNER_UP * scores[best]
            if headline or close:
                return i
        return None

    def _antecedent(self, i: int) -> tuple[int, Inventory] | None:
        """The sentence and name a pronoun opening sentence ``i`` refers to: the last
        name of the sentence before (or the one before that), nothing else."""
        words = self.sentences[i].split()[:3]
        if not any(w.lower().strip(",") in self.language.pronouns for w in words):
            return None
        for j in (i - 1, i - 2):
            names = [f for f in extract(self.sentences[j], self.lexicon) if f.kind == "name"]
            if j >= 0 and names:
                return j, Inventory(names[-1].text, self.lexicon)
        return None

    def _verbatim(self, text: str) -> list[int]:
        """The sentences a claim copies word for word (an extractive summary's own)."""
        target = " ".join(word_keys(text, self.language))
        if not target:
            return []
        if target in self._keyed:
            return [self._keyed[target]]
        found = self.text.find(text.strip())
        if found < 0:
            return []
        end = found + len(text.strip())
        return [i for i, (s, e) in enumerate(self.spans) if s < end and e > found]

    def _evidence(self, i: int, score: float) -> Evidence:
        start, end = self.spans[i]
        evidence = Evidence(self.sentences[i], start, end, round(min(1.0, score), 4))
        if self.to_original is not None:
            evidence.original_start, evidence.original_end = self.to_original(start, end)
        return evidence
