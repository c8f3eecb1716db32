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
Dutch compound (vocabulary.py); the phrasing-by-phrasing signals are worked
out in phrasings.py.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from bot.knowledge import Entry, KnowledgeBase
from bot.normalise import Normaliser, stem
from bot.phrasings import PhrasingTable, Reading
from bot.roles import Roles
from bot.vocabulary import QueryWord, Vocabulary

OVERLAP_WEIGHT = 0.4
COVERAGE_WEIGHT = 0.35
FUZZY_WEIGHT = 0.25
SHORTLIST = 6  # entries compared in full by rapidfuzz
# entries compared phrasing by phrasing, to choose those. Words most entries share
# ("foto", "school", "plaatsen") cover a short question fully for twenty entries
# and more; a narrower cut would drop some of those by their order alone.
WIDE_SHORTLIST = 30
CANDIDATE_CAP = 1500
GENERIC_ENTRIES = 3
BROAD_SHARE = 0.4  # a word in at least this share of the entries names no topic of its own
OTHER_ROLE = 0.85  # score factor for an entry about a role the question does not name
CLARIFY_OPTIONS = 3  # the most topics a clarify reply offers


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


class Matcher:
    def __init__(self, kb: KnowledgeBase, normaliser: Normaliser) -> None:
        self.normaliser = normaliser
        self._entries = kb.entries
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._vocab_of: list[frozenset[str]] = []
        self._requires_of = [normaliser.token_set(e.requires) for e in kb.entries]
        self._excludes_of = [normaliser.token_set(e.excludes) for e in kb.entries]
        self._about_of = [" ".join(normaliser.tokens(e.about)) for e in kb.entries]
        self.roles = Roles(kb, normaliser, frozenset(filter(None, self._about_of)))
        tokenised = self._index()
        self._weights = self._token_weights()
        self.vocabulary = Vocabulary(self._weights, self._synonym_tokens(kb))
        self.phrasings = PhrasingTable(tokenised, self._weights)
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

    def _synonym_tokens(self, kb: KnowledgeBase) -> dict[str, str]:
        """Each one-word synonym as a token, with the token it stands for."""
        aliases = {}
        for word in kb.lexicon.synonyms:
            canonical = self.normaliser.tokens(word)
            if len(canonical) == 1 and stem(word) != canonical[0]:
                aliases[stem(word)] = canonical[0]
        return aliases

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

    def is_broad(self, token: str) -> bool:
        """A word most topics share ("leerling", "insta"): alone it names a subject."""
        return len(self._postings.get(token, ())) >= BROAD_SHARE * len(self._entries)

    def match(self, text: str) -> MatchResult:
        tokens = self.normaliser.tokens(text)
        if not tokens:
            return MatchResult(tokens, ())
        query = [self._query_word(token) for token in tokens]
        coverage = self._coverage(query)
        readings = self._shortlist(query, coverage)
        fuzzy = self.phrasings.fuzzy(" ".join(tokens), readings)
        roles = self.roles.of_question(text, query)
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
        readings = {index: self.phrasings.compare(index, words, total) for index in wide}

        def promise(index: int) -> float:
            return OVERLAP_WEIGHT * readings[index].overlap + COVERAGE_WEIGHT * coverage[index]

        return {
            index: readings[index] for index in sorted(wide, key=promise, reverse=True)[:SHORTLIST]
        }

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
        named = {w for word in query for w in (word.token, *word.matches)}
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
