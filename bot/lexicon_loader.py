"""Reading the lexicon: synonyms, stop words and the patterns read beside the topic."""

from __future__ import annotations

import re

from bot.fields import FieldReader
from bot.knowledge import Lexicon
from bot.text import fold

LEXICON_KEYS = (
    "synonyms",
    "role_words",
    "stopwords",
    "greetings",
    "help_patterns",
    "doubt_patterns",
    "request_patterns",
    "offtopic_patterns",
    "vague_patterns",
    "reported_patterns",
    "own_publication_patterns",
    "publication_words",
    "channel_words",
)


def read_lexicon(reader: FieldReader) -> Lexicon:
    reader.unknown_keys(LEXICON_KEYS)
    return Lexicon(
        synonyms=_read_word_map(reader, "synonyms"),
        role_words=_read_word_map(reader, "role_words"),
        stopwords=_words(reader, "stopwords"),
        greetings=_words(reader, "greetings"),
        help_patterns=_patterns(reader, "help_patterns"),
        doubt_patterns=_patterns(reader, "doubt_patterns"),
        request_patterns=_patterns(reader, "request_patterns"),
        offtopic_patterns=_patterns(reader, "offtopic_patterns"),
        vague_patterns=_patterns(reader, "vague_patterns"),
        reported_patterns=_patterns(reader, "reported_patterns"),
        own_publication_patterns=_patterns(reader, "own_publication_patterns"),
        publication_words=_words(reader, "publication_words"),
        channel_words=_words(reader, "channel_words"),
    )


def _words(reader: FieldReader, key: str) -> frozenset[str]:
    return frozenset(fold(word) for word, _ in reader.text_list(key))


def _patterns(reader: FieldReader, key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(_compile(reader, key, pattern, line) for pattern, line in reader.text_list(key))


def _read_word_map(reader: FieldReader, key: str) -> dict[str, str]:
    """A mapping of one word to a non-empty text (`synonyms`, `role_words`)."""
    table = reader.mapping(key)
    if table is None:
        return {}
    mapped: dict[str, str] = {}
    for word, target in table.items():
        line = table.line_of(word)
        if not isinstance(target, str) or not fold(target):
            reader.problem(f"lexicon: {key}: '{word}' must map to non-empty text", line=line)
            continue
        if len(fold(str(word)).split()) != 1:
            reader.problem(f"lexicon: {key}: key '{word}' must be one word", line=line)
            continue
        mapped[fold(str(word))] = fold(target)
    return mapped


def _compile(reader: FieldReader, key: str, pattern: str, line: int) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        reader.problem(f"lexicon: {key}: not a valid regular expression: {exc}", line=line)
        return re.compile(r"(?!)")
