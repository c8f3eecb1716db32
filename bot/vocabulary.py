"""What a word of a question stands for in the knowledge base's vocabulary.

Exactly the same word; else a typo of one (rapidfuzz ratio >= 80, words of
four letters or more); else the head of a Dutch compound ("sportdagfoto" ->
"foto"), also where the head is a synonym ("kampvideo" -> "video" -> "film").
A word the vocabulary does not know still weighs in: a question full of
unknown words is probably about something else.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

TYPO_CUTOFF = 80.0
MIN_TYPO_LEN = 4
MIN_COMPOUND_HEAD = 4
COMPOUND_SIMILARITY = 0.8
MIN_ALIAS_HEAD = 5
"""A synonym at the end of a compound counts from five letters: shorter ones are
often a common word that happens to end another ("winnaar" is no "naar")."""
UNKNOWN_WORD_WEIGHT = 0.8
UNKNOWN_NUMBER_WEIGHT = 0.2
"""A number the knowledge base does not use ("3 havo", "groep 8", "om 9 uur") is
a detail of the story, not a sign that the question is about something else."""
QUERY_WORD_CACHE = 8192
"""Query words remembered with what they resolve to: staff use the same few thousand
words, and an unknown one costs a typo search over the vocabulary each time."""


@dataclass(frozen=True)
class QueryWord:
    token: str
    weight: float
    matches: dict[str, float]  # vocabulary word -> similarity 0..1


class Vocabulary:
    def __init__(self, weights: dict[str, float], aliases: dict[str, str] | None = None) -> None:
        """`weights`: every word of the knowledge base, with how specific it is.
        `aliases`: words the normaliser replaces by one of them (synonyms), which
        the vocabulary never holds but a compound may end with."""
        self._weights = weights
        self._aliases = aliases or {}
        self._length_bands: dict[int, list[str]] = {}
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for word in weights:
            self._by_length[len(word)].append(word)
        self.query_word = lru_cache(maxsize=QUERY_WORD_CACHE)(self._new_query_word)

    def resolve(self, token: str) -> list[tuple[str, float]]:
        """Vocabulary words this query word stands for, with a similarity in 0..1."""
        if token in self._weights:
            return [(token, 1.0)]
        if len(token) >= MIN_TYPO_LEN:
            hits = process.extract(
                token,
                self._similar_length(len(token)),
                scorer=fuzz.ratio,
                score_cutoff=TYPO_CUTOFF,
                limit=3,
            )
            if hits:
                return [(word, score / 100) for word, score, _ in hits]
        for start in range(3, len(token) - MIN_COMPOUND_HEAD + 1):
            head = token[start:]
            if head not in self._weights and len(head) >= MIN_ALIAS_HEAD:
                head = self._aliases.get(head, "")
            if head in self._weights:
                return [(head, COMPOUND_SIMILARITY)]
        return []

    def _similar_length(self, length: int) -> list[str]:
        """Vocabulary words that could reach the typo cut-off: ratio >= 80 needs
        the shorter word to be at least two thirds of the longer."""
        if length not in self._length_bands:
            low, high = math.ceil(length * 2 / 3), math.floor(length * 3 / 2)
            band = [w for n in range(low, high + 1) for w in self._by_length.get(n, ())]
            self._length_bands[length] = band
        return self._length_bands[length]

    def _new_query_word(self, token: str) -> QueryWord:
        """A query word and what it resolves to (memoised per token in `query_word`)."""
        resolved = dict(self.resolve(token))
        unknown = UNKNOWN_NUMBER_WEIGHT if token.isdigit() else UNKNOWN_WORD_WEIGHT
        weight = max((self._weights[w] for w in resolved), default=unknown)
        return QueryWord(token, weight, resolved)
