"""Fuzzy matching of a question against the entries' alternate phrasings.

Three signals are combined, because any one alone embarrasses a FAQ bot:

* phrasing overlap: for the entry's best phrasing, how much of the question's
  content (weighted by how specific each word is) it covers, and how much of
  the phrasing the question covers. A question that shares one word with an
  entry but is about something else scores low.
* coverage: the same, against all the entry's words (phrasings and keywords)
  together, which is kinder to questions that mix two phrasings.
* fuzzy: the best rapidfuzz similarity between the question and one of the
  entry's phrasings, word order ignored.

Words are matched to the vocabulary exactly, by typo or as the head of a
Dutch compound (vocabulary.py).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz, process

from bot.knowledge import Entry, KnowledgeBase
from bot.normalise import Normaliser
from bot.roles import Roles
from bot.vocabulary import QueryWord, Vocabulary

OVERLAP_WEIGHT = 0.4
COVERAGE_WEIGHT = 0.35
FUZZY_WEIGHT = 0.25
QUERY_SIDE = 0.6  # in the phrasing overlap: question covered vs phrasing covered
SHORTLIST = 6  # entries compared in full by rapidfuzz
WIDE_SHORTLIST = 12  # entries compared phrasing by phrasing, to choose those
FUZZY_PHRASINGS = 8  # per entry, the phrasings compared in full by rapidfuzz
CANDIDATE_CAP = 1500
GENERIC_ENTRIES = 3
OTHER_ROLE = 0.85  # score factor for an entry about a role the question does not name
CLARIFY_OPTIONS = 3  # the most topics a clarify reply offers


WeightedMatches = tuple[float, tuple[tuple[str, float], ...]]
"""A query word's weight and the vocabulary words it stands for, with their similarity."""


@dataclass(frozen=True)
class Candidate:
    entry: Entry
    score: float
    overlap: float
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


class Reading(NamedTuple):
    """How the question compares with one entry's phrasings."""

    closest: list[int]  # positions of the phrasings for the fuzzy step
    overlap: float


@dataclass(frozen=True)
class Phrasing:
    tokens: frozenset[str]
    weight: float  # sum of its words' weights


class Matcher:
    def __init__(self, kb: KnowledgeBase, normaliser: Normaliser) -> None:
        self.normaliser = normaliser
        self._entries = kb.entries
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._vocab_of: list[frozenset[str]] = []
        self._requires_of = [normaliser.token_set(e.requires) for e in kb.entries]
        self._excludes_of = [normaliser.token_set(e.excludes) for e in kb.entries]
        self._about_of = [" ".join(normaliser.tokens(e.about)) for e in kb.entries]
        self._roles = Roles(kb, normaliser, frozenset(filter(None, self._about_of)))
        tokenised = self._index()
        self._weights = self._token_weights()
        self.vocabulary = Vocabulary(self._weights)
        self._texts_of = [[" ".join(tokens) for tokens in entry] for entry in tokenised]
        self._sorted_texts_of = [
            [_sorted_words(text) for text in entry] for entry in self._texts_of
        ]
        self._phrasings_of = [
            [Phrasing(frozenset(t), sum(self._weights[w] for w in set(t))) for t in entry]
            for entry in tokenised
        ]
        self._phrasings_with = [_word_positions(entry) for entry in tokenised]
        self._query_word = self.vocabulary.query_word

    def _index(self) -> list[list[tuple[str, ...]]]:
        """Tokenise every phrasing; fill the word -> entries postings."""
        tokenised: list[list[tuple[str, ...]]] = []
        for index, entry in enumerate(self._entries):
            phrasings = [t for t in map(self.normaliser.tokens, entry.questions) if t]
            keywords = [self.normaliser.tokens(k) for k in (*entry.keywords, *entry.requires)]
            vocab = dict.fromkeys(w for tokens in (*phrasings, *keywords) for w in tokens)
            for token in vocab:
                self._postings[token].append(index)
            self._vocab_of.append(frozenset(vocab))
            tokenised.append(phrasings)
        return tokenised

    def _token_weights(self) -> dict[str, float]:
        """Specific words weigh more: 0.4 for a word in every entry, 1.0 for one in one."""
        count = max(len(self._entries), 2)
        return {
            token: 0.4 + 0.6 * math.log(count / len(entries)) / math.log(count)
            for token, entries in self._postings.items()
        }

    def is_generic(self, token: str) -> bool:
        """A word shared by several entries says little about which one is meant."""
        return len(self._postings.get(token, ())) >= GENERIC_ENTRIES

    def match(self, text: str) -> MatchResult:
        tokens = self.normaliser.tokens(text)
        if not tokens:
            return MatchResult(tokens, ())
        query = [self._query_word(token) for token in tokens]
        coverage = self._coverage(query)
        readings = self._shortlist(query, coverage)
        fuzzy = self._fuzzy(" ".join(tokens), readings)
        roles = self._roles.of_question(text, query)
        candidates = [
            self._candidate(index, reading.overlap, coverage[index], fuzzy[index], roles)
            for index, reading in readings.items()
        ]
        candidates.sort(key=lambda c: c.score, reverse=True)
        return MatchResult(tokens, tuple(candidates))

    def _shortlist(self, query: list[QueryWord], coverage: dict[int, float]) -> dict[int, Reading]:
        """The entries worth the fuzzy step, with how the question compares to each.

        Coverage alone ties often: an entry whose phrasings hold the question's words
        one here and one there covers it as fully as the entry with a phrasing that
        says it all. So the `WIDE_SHORTLIST` best covered are compared phrasing by
        phrasing, and the `SHORTLIST` best on overlap and coverage together go on.
        """
        total = sum(word.weight for word in query)
        words = [(word.weight, tuple(word.matches.items())) for word in query]
        wide = sorted(coverage, key=coverage.__getitem__, reverse=True)[:WIDE_SHORTLIST]
        readings = {index: self._compare(index, words, total) for index in wide}

        def promise(index: int) -> float:
            return OVERLAP_WEIGHT * readings[index].overlap + COVERAGE_WEIGHT * coverage[index]

        return {
            index: readings[index] for index in sorted(wide, key=promise, reverse=True)[:SHORTLIST]
        }

    def _fuzzy(self, joined: str, readings: dict[int, Reading]) -> dict[int, float]:
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
        sorted_query = _sorted_words(joined)
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

    def _candidates(self, query: list[QueryWord]) -> set[int]:
        """Entries sharing a word with the question, the most specific words first.

        On a large knowledge base a common word ("foto") is shared by thousands
        of entries; those only count when the rarer words leave room.
        """
        postings = sorted((self._postings[v] for w in query for v in w.matches), key=len)
        chosen: set[int] = set()
        for entries in postings:
            if chosen and len(chosen) + len(entries) > CANDIDATE_CAP:
                break
            chosen.update(entries)
        return chosen

    def _coverage(self, query: list[QueryWord]) -> dict[int, float]:
        """Per candidate entry: the weighted share of the question its vocabulary covers."""
        total = sum(word.weight for word in query)
        words = [(word.weight, tuple(word.matches.items())) for word in query]
        coverage: dict[int, float] = {}
        named = {w for word in query for w in word.matches}
        for index in self._candidates(query):
            required = self._requires_of[index]
            if required and required.isdisjoint(named):
                continue
            if not self._excludes_of[index].isdisjoint(named):
                continue
            vocab = self._vocab_of[index]
            covered = 0.0
            for weight, matches in words:
                best = 0.0
                for vocab_word, similarity in matches:
                    if similarity > best and vocab_word in vocab:
                        best = similarity
                covered += weight * best
            coverage[index] = covered / total
        return coverage

    def _compare(self, index: int, words: list[WeightedMatches], total: float) -> Reading:
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
        positions_of = self._phrasings_with[index]
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
        phrasings = self._phrasings_of[index]
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

    def _candidate(
        self,
        index: int,
        overlap: float,
        coverage: float,
        fuzzy: float,
        roles: frozenset[str],
    ) -> Candidate:
        """`roles`: the role the question names first (medewerker, leerling, ouder). An
        entry about another role weighs less: "als docent geschorst" is not about
        suspending a pupil, however many words the two share."""
        score = 100 * (
            OVERLAP_WEIGHT * overlap + COVERAGE_WEIGHT * coverage + FUZZY_WEIGHT * fuzzy / 100
        )
        about = self._about_of[index]
        if about and roles and about not in roles:
            score *= OTHER_ROLE
        return Candidate(self._entries[index], round(score, 1), overlap, coverage, fuzzy)


def _most_shared(shared: dict[int, int]) -> list[int]:
    """The `FUZZY_PHRASINGS` positions sharing the most words, ties to the first, in order."""
    if len(shared) <= FUZZY_PHRASINGS:
        return sorted(shared)
    by_position = sorted(shared)
    by_position.sort(key=shared.__getitem__, reverse=True)  # stable: ties keep order
    return sorted(by_position[:FUZZY_PHRASINGS])


def _sorted_words(text: str) -> str:
    return " ".join(sorted(text.split()))


def _word_positions(phrasings: list[tuple[str, ...]]) -> dict[str, list[int]]:
    """word -> the positions of the phrasings that contain it."""
    positions: dict[str, list[int]] = defaultdict(list)
    for position, tokens in enumerate(phrasings):
        for word in set(tokens):
            positions[word].append(position)
    return positions
