"""Many lexicon patterns searched at once, trying at each word only those that can
begin with its first letter.

Python's regular expressions try every branch of an alternation at every place they
may start. With more than a hundred doubt patterns, joining them under one shared
`\\b` still cost a tenth of a millisecond per question. Nearly every pattern begins
a word with one of a few letters ("twijfel", "(weet|wist)", "(ik )?ben"), so each
letter keeps the patterns that can begin with it, and each word of the text tries only
those.

The first letters are read from the parsed pattern (`re._parser`, the parser of
the standard library's own compiler). Where that is not possible (a pattern that
may begin with any character, or a Python without that module), the pattern is
searched the plain way, so the result never differs from searching one by one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

try:  # the standard library's regular-expression parser; absent is no error, only slower
    from re import _constants as _sre
    from re import _parser as _parse
except ImportError:  # pragma: no cover - depends on the Python version
    _parse = None

_WORD_START = re.compile(r"\b\w")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_ANY = None  # a first-letter set that could be anything


class PatternIndex:
    """`search(text)`: does any of the patterns occur in the (folded) text?

    Each letter keeps the patterns that can begin with it. They are tried one by
    one, already compiled: joining them into larger expressions makes each try
    cheaper, but compiling those cost more at start-up than it saved."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        by_letter: dict[str, list[re.Pattern[str]]] = defaultdict(list)
        anywhere: list[re.Pattern[str]] = []
        for pattern in patterns:
            # a global flag such as (?i) changes which letters a match can begin with
            flagged = pattern.flags & ~re.UNICODE
            letters = _ANY if flagged else _first_letters(pattern.pattern)
            if letters is _ANY:
                anywhere.append(pattern)
            else:
                for letter in letters:
                    by_letter[letter].append(pattern)
        self._by_letter = {letter: tuple(found) for letter, found in by_letter.items()}
        self._anywhere = tuple(anywhere)

    def search(self, text: str) -> bool:
        if any(pattern.search(text) for pattern in self._anywhere):
            return True
        by_letter = self._by_letter
        for start in _WORD_START.finditer(text):
            at = start.start()
            for pattern in by_letter.get(start.group(), ()):
                if pattern.match(text, at):
                    return True
        return False


class PatternList(tuple):
    """One of the lexicon's pattern lists, indexed once when it is read.

    A tuple still, so code that walks the patterns one by one keeps working; its
    `search` uses the index. Built per lexicon, so a reload brings its own."""

    def __new__(cls, patterns: Iterable[re.Pattern[str]]) -> PatternList:
        listed = super().__new__(cls, patterns)
        listed._index = PatternIndex(listed)
        return listed

    def search(self, text: str) -> bool:
        return self._index.search(text)


def _first_letters(pattern: str) -> frozenset[str] | None:
    """The letters a match can begin with, for a pattern that begins at a word
    (`\\b...`) and then with a letter or digit; otherwise `_ANY`."""
    if _parse is None:
        return _ANY
    try:
        parsed = list(_parse.parse(pattern))
    except re.error:
        return _ANY
    if not parsed or parsed[0] != (_sre.AT, _sre.AT_BOUNDARY):
        return _ANY  # also "\\bfoo|bar": its second branch may begin inside a word
    letters, nullable = _first(parsed)
    if letters is _ANY or nullable or not letters <= _WORD_CHARS:
        return _ANY
    return frozenset(letters)


def _first(items: list) -> tuple[set[str] | None, bool]:
    """(the characters a sequence can begin with, whether it can match nothing)."""
    found: set[str] = set()
    for op, value in items:
        letters, nullable = _first_of(op, value)
        if letters is _ANY:
            return _ANY, False
        found |= letters
        if not nullable:
            return found, False
    return found, True


def _first_of(op, value) -> tuple[set[str] | None, bool]:
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return set(), True  # takes no characters
    if op is _sre.LITERAL:
        return {chr(value)}, False
    if op is _sre.IN:
        return _class_letters(value), False
    if op is _sre.SUBPATTERN:
        return _first(list(value[-1]))
    if op is _sre.BRANCH:
        return _branches(value[1])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, _, item = value
        letters, nullable = _first(list(item))
        return letters, nullable or low == 0
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _first(list(value))
    return _ANY, False


def _branches(branches) -> tuple[set[str] | None, bool]:
    found: set[str] = set()
    nullable = False
    for branch in branches:
        letters, empty = _first(list(branch))
        if letters is _ANY:
            return _ANY, False
        found |= letters
        nullable = nullable or empty
    return found, nullable


def _class_letters(items) -> set[str] | None:
    """[abc], [a-z]: their characters; a category (\\w) or a negated class: `_ANY`."""
    found: set[str] = set()
    for op, value in items:
        if op is _sre.LITERAL:
            found.add(chr(value))
        elif op is _sre.RANGE:
            found.update(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return _ANY
    return found
