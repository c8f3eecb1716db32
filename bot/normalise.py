"""Dutch normalisation for matching: fold, synonyms, stop words, stemming."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.knowledge import Lexicon
from bot.text import fold

_VOWELS = "aeiouy"
_DIMINUTIVES = ("tjes", "pjes", "etjes", "tje", "pje", "jes", "je")
_NOUN_ENDS = ("cht", "ment")
"""Words of the past-participle shape ge...t that are nouns: "gezicht" is no form of
"zich", "geluidsfragment" none of "luidsfragmen"."""


def _undouble(word: str) -> str:
    """zett -> zet, plaatss stays: only a doubled final consonant is undone."""
    if len(word) >= 3 and word[-1] == word[-2] and word[-1] not in _VOWELS:
        return word[:-1]
    return word


def stem(word: str) -> str:
    """A light Dutch stemmer: the same word in its common forms gets one stem.

    It is not linguistics, only consistency: query and knowledge base pass
    through the same rules, and the fuzzy scorer absorbs what is left.
    """
    if len(word) <= 4 or word.isdigit():
        return word
    if (
        word.startswith("ge")
        and len(word) >= 7
        and word[-1] in "td"
        and not word.endswith(_NOUN_ENDS)
    ):
        return word[2:-1]
    for suffix in _DIMINUTIVES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix.startswith("p") and word[-len(suffix) - 1] != "m":
                continue  # -pje follows an m ("boompje"); "grapje" is grap + je
            return _undouble(word[: -len(suffix)])
    if word.endswith("heden"):
        return word[:-5] + "heid"
    if word.endswith("en") and len(word) >= 5:
        return _undouble(word[:-2])
    if word.endswith("e") and len(word) >= 5:
        return _undouble(word[:-1])
    if word.endswith("es") and len(word) >= 6:
        return _undouble(word[:-2])  # "vacatures" is "vacature" + s: both give "vacatur"
    if word.endswith("s") and word[-2] in _VOWELS + "lr" and len(word) >= 5:
        return word[:-1]
    return word


class Normaliser:
    """Turns text into content tokens, using the knowledge base's lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._synonyms = lexicon.synonyms
        self._phrases = lexicon.phrases
        self._any_phrase = _any_of(lexicon.phrases)
        self._stopwords = lexicon.stopwords
        self.tokens = lru_cache(maxsize=4096)(self._tokens)

    def canonical_words(self, text: str) -> list[str]:
        """Folded words with chat spelling and synonyms mapped; stop words kept."""
        result: list[str] = []
        folded = fold(text)
        if self._any_phrase is None or self._any_phrase.search(folded):
            for pattern, replacement in self._phrases:
                folded = pattern.sub(f" {replacement} ", folded)
        for word in folded.split():
            mapped = self._synonyms.get(word, word)
            result.extend(mapped.split())
        return result

    def token_set(self, words: Iterable[str]) -> frozenset[str]:
        """The tokens of a list of words (an entry's `requires`, `excludes`)."""
        return frozenset(token for word in words for token in self.tokens(word))

    def _tokens(self, text: str) -> tuple[str, ...]:
        """Content tokens in order, without stop words or repeats, stemmed."""
        seen: dict[str, None] = {}
        for word in self.canonical_words(text):
            if word in self._stopwords:
                continue
            token = stem(word)
            if token and token not in self._stopwords:
                seen.setdefault(token, None)
        return tuple(seen)


def _any_of(phrases: tuple[tuple[re.Pattern[str], str], ...]) -> re.Pattern[str] | None:
    """One expression that finds any of the phrases. Nearly no text holds one, and
    searching once instead of substituting each phrase in turn made tokenising,
    at start-up and for every question, about four times faster.

    None, and each phrase tried as before, when one refers back to a group (in
    the joined expression its group would have another number) or when the
    phrases do not join (a group name used twice)."""
    if not phrases or any(_BACK_REFERENCE.search(p.pattern) for p, _ in phrases):
        return None
    try:
        return re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in phrases))
    except re.error:
        return None


_BACK_REFERENCE = re.compile(r"\\[1-9]|\\g<|\(\?P=")
