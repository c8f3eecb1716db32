"""Fuzzy matching of a question against the entries' alternate phrasings.

Two signals are combined, because either alone embarrasses a FAQ bot:

* coverage: how much of the question's content (weighted by how specific each
  word is) the entry's vocabulary covers. A question that shares one word with
  an entry but is about something else gets low coverage.
* fuzzy: the best rapidfuzz similarity between the question and one of the
  entry's phrasings, word order ignored.

Words are matched to the vocabulary exactly, by typo (rapidfuzz ratio) or as
the head of a Dutch compound ("sportdagfoto" -> "foto").
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.knowledge import Entry, KnowledgeBase
from bot.normalise import Normaliser

COVERAGE_WEIGHT = 0.6
TYPO_CUTOFF = 80.0
MIN_TYPO_LEN = 4
MIN_COMPOUND_HEAD = 4
COMPOUND_SIMILARITY = 0.8
UNKNOWN_WORD_WEIGHT = 1.0
SHORTLIST = 25


@dataclass(frozen=True)
class Candidate:
    entry: Entry
    score: float
    coverage: float
    fuzzy: float


@dataclass(frozen=True)
class MatchResult:
    tokens: tuple[str, ...]
    candidates: tuple[Candidate, ...]

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    def runner_up(self) -> Candidate | None:
        return self.candidates[1] if len(self.candidates) > 1 else None


class Matcher:
    def __init__(self, kb: KnowledgeBase, normaliser: Normaliser) -> None:
        self.normaliser = normaliser
        self._entries = kb.entries
        self._phrasings: list[str] = []
        self._phrasings_of: list[list[int]] = [[] for _ in kb.entries]
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._build()
        self._vocab = list(self._postings)
        self._weights = self._token_weights()

    def _build(self) -> None:
        for index, entry in enumerate(self._entries):
            vocab: dict[str, None] = {}
            for text in (*entry.questions, *entry.keywords):
                tokens = self.normaliser.tokens(text)
                vocab.update(dict.fromkeys(tokens))
                if text in entry.questions and tokens:
                    self._phrasings_of[index].append(len(self._phrasings))
                    self._phrasings.append(" ".join(tokens))
            for token in vocab:
                self._postings[token].append(index)

    def _token_weights(self) -> dict[str, float]:
        """Specific words weigh more: 0.4 for a word in every entry, 1.0 for one in one."""
        count = max(len(self._entries), 2)
        return {
            token: 0.4 + 0.6 * math.log(count / len(entries)) / math.log(count)
            for token, entries in self._postings.items()
        }

    def resolve(self, token: str) -> list[tuple[str, float]]:
        """Vocabulary words this query word stands for, with a similarity in 0..1."""
        if token in self._weights:
            return [(token, 1.0)]
        if len(token) >= MIN_TYPO_LEN:
            hits = process.extract(
                token, self._vocab, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF, limit=3
            )
            if hits:
                return [(word, score / 100) for word, score, _ in hits]
        for start in range(3, len(token) - MIN_COMPOUND_HEAD + 1):
            head = token[start:]
            if head in self._weights:
                return [(head, COMPOUND_SIMILARITY)]
        return []

    def match(self, text: str) -> MatchResult:
        tokens = self.normaliser.tokens(text)
        if not tokens:
            return MatchResult(tokens, ())
        coverage = self._coverage(tokens)
        shortlist = sorted(coverage, key=coverage.__getitem__, reverse=True)[:SHORTLIST]
        query = " ".join(tokens)
        candidates = [self._candidate(index, query, coverage[index]) for index in shortlist]
        candidates.sort(key=lambda c: c.score, reverse=True)
        return MatchResult(tokens, tuple(candidates))

    def _coverage(self, tokens: tuple[str, ...]) -> dict[int, float]:
        covered: dict[int, float] = defaultdict(float)
        total = 0.0
        for token in tokens:
            resolved = self.resolve(token)
            weight = max((self._weights[w] for w, _ in resolved), default=UNKNOWN_WORD_WEIGHT)
            total += weight
            best_per_entry: dict[int, float] = {}
            for word, similarity in resolved:
                for index in self._postings[word]:
                    if similarity > best_per_entry.get(index, 0.0):
                        best_per_entry[index] = similarity
            for index, similarity in best_per_entry.items():
                covered[index] += weight * similarity
        return {index: value / total for index, value in covered.items()}

    def _candidate(self, index: int, query: str, coverage: float) -> Candidate:
        fuzzy = max(
            (_similarity(query, self._phrasings[p]) for p in self._phrasings_of[index]),
            default=0.0,
        )
        score = 100 * (COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * fuzzy / 100)
        return Candidate(self._entries[index], round(score, 1), coverage, fuzzy)


def _similarity(query: str, phrasing: str) -> float:
    return (fuzz.token_sort_ratio(query, phrasing) + fuzz.token_set_ratio(query, phrasing)) / 2
