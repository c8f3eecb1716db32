"""An entry's phrasings, compared with a question one phrasing at a time.

Two of the matcher's three signals come from here: the overlap with the
entry's closest phrasing, and the word-order-free rapidfuzz similarity to the
phrasings that share the most words with the question.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz, process

QUERY_SIDE = 0.6  # in the phrasing overlap: question covered vs phrasing covered
FUZZY_PHRASINGS = 8  # per entry, the phrasings compared in full by rapidfuzz

WeightedMatches = tuple[float, tuple[tuple[str, float], ...]]
"""A query word's weight and the vocabulary words it stands for, with their similarity."""


class Reading(NamedTuple):
    """How the question compares with one entry's phrasings."""

    closest: list[int]  # positions of the phrasings for the fuzzy step
    overlap: float


@dataclass(frozen=True)
class Phrasing:
    tokens: frozenset[str]
    weight: float  # sum of its words' weights


class PhrasingTable:
    """Every entry's tokenised phrasings, with what comparing them fast needs: each
    phrasing's word weight, the phrasings holding each word, the texts sorted."""

    def __init__(self, tokenised: list[list[tuple[str, ...]]], weights: dict[str, float]) -> None:
        self._weights = weights
        self._texts_of = [[" ".join(tokens) for tokens in entry] for entry in tokenised]
        self._sorted_texts_of = [[sorted_words(text) for text in entry] for entry in self._texts_of]
        self.phrasings_of = [
            [Phrasing(frozenset(t), sum(weights[w] for w in set(t))) for t in entry]
            for entry in tokenised
        ]
        self.positions_of = [_word_positions(entry) for entry in tokenised]

    def compare(self, index: int, words: list[WeightedMatches], total: float) -> Reading:
        """The question against each of the entry's phrasings, in one pass: the weighted
        overlap with the closest phrasing, seen from both sides (the question covered by
        the phrasing, and the phrasing by the question), and the phrasings sharing the
        most words with the question (at most `FUZZY_PHRASINGS`; the closest phrasing
        is among them), for the fuzzy step.

        Worked out from the phrasings that hold each matched word (the entry's
        word positions) rather than by testing every word against every
        phrasing: the innermost loop of matching. A question word usually
        stands for one vocabulary word, which needs no per-phrasing maximum.
        """
        positions_of = self.positions_of[index]
        weights = self._weights
        covered: dict[int, float] = {}
        shared: dict[int, int] = {}
        found_weight: dict[int, float] = {}
        counted: set[str] = set()
        for weight, matches in words:
            if len(matches) == 1:
                vocab_word, similarity = matches[0]
                positions = positions_of.get(vocab_word)
                if positions is None:
                    continue
                gain = weight * similarity
                for position in positions:
                    covered[position] = covered.get(position, 0.0) + gain
                    shared[position] = shared.get(position, 0) + 1
            else:
                best: dict[int, float] = {}
                for vocab_word, similarity in matches:
                    for position in positions_of.get(vocab_word, ()):
                        shared[position] = shared.get(position, 0) + 1
                        if similarity > best.get(position, 0.0):
                            best[position] = similarity
                for position, similarity in best.items():
                    covered[position] = covered.get(position, 0.0) + weight * similarity
            for vocab_word, _ in matches:
                if vocab_word in counted or vocab_word not in positions_of:
                    continue
                counted.add(vocab_word)
                word_weight = weights[vocab_word]
                for position in positions_of[vocab_word]:
                    found_weight[position] = found_weight.get(position, 0.0) + word_weight
        phrasings = self.phrasings_of[index]
        query_share = QUERY_SIDE / total
        overlap = max(
            (
                query_share * covered.get(position, 0.0)
                + (1 - QUERY_SIDE) * found / phrasings[position].weight
                for position, found in found_weight.items()
            ),
            default=0.0,
        )
        return Reading(_most_shared(shared), overlap)

    def fuzzy(self, joined: str, readings: dict[int, Reading]) -> dict[int, float]:
        """Per entry, word-order-free similarity to its closest phrasing (rapidfuzz, in C).

        The mean of token_sort_ratio and token_set_ratio. token_sort_ratio is
        `ratio` of the texts with their words sorted; the phrasings' are
        sorted once, at start, instead of on every question.
        """
        owners: list[int] = []
        texts: list[str] = []
        sorted_texts: list[str] = []
        for index, reading in readings.items():
            own_texts, own_sorted = self._texts_of[index], self._sorted_texts_of[index]
            for position in reading.closest:
                owners.append(index)
                texts.append(own_texts[position])
                sorted_texts.append(own_sorted[position])
        best = dict.fromkeys(readings, 0.0)
        if not owners:
            return best
        by_sort = [0.0] * len(owners)
        sorted_query = sorted_words(joined)
        for _, score, k in process.extract(
            sorted_query, sorted_texts, scorer=fuzz.ratio, limit=None
        ):
            by_sort[k] = score
        for _, score, k in process.extract(joined, texts, scorer=fuzz.token_set_ratio, limit=None):
            combined = (by_sort[k] + score) / 2
            owner = owners[k]
            if combined > best[owner]:
                best[owner] = combined
        return best


def _most_shared(shared: dict[int, int]) -> list[int]:
    """The `FUZZY_PHRASINGS` positions sharing the most words, ties to the first, in order."""
    if len(shared) <= FUZZY_PHRASINGS:
        return sorted(shared)
    by_position = sorted(shared)
    by_position.sort(key=shared.__getitem__, reverse=True)  # stable: ties keep order
    return sorted(by_position[:FUZZY_PHRASINGS])


def sorted_words(text: str) -> str:
    return " ".join(sorted(text.split()))


def _word_positions(phrasings: list[tuple[str, ...]]) -> dict[str, list[int]]:
    """word -> the positions of the phrasings that contain it."""
    positions: dict[str, list[int]] = defaultdict(list)
    for position, tokens in enumerate(phrasings):
        for word in set(tokens):
            positions[word].append(position)
    return positions
