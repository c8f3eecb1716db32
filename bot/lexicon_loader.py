"""Reading the lexicon: synonyms, stop words and the patterns read beside the topic."""

from __future__ import annotations

import re

from bot.fields import FieldReader
from bot.knowledge import Lexicon
from bot.pattern_index import PatternList
from bot.text import fold

LEXICON_KEYS = (
    "pattern_words",
    "synonyms",
    "phrases",
    "role_words",
    "stopwords",
    "greetings",
    "help_patterns",
    "doubt_patterns",
    "others_doubt_patterns",
    "conditional_doubt_patterns",
    "request_patterns",
    "offtopic_patterns",
    "vague_patterns",
    "reported_patterns",
    "own_publication_patterns",
    "placed_patterns",
    "general_patterns",
    "about_bot_patterns",
    "overview_patterns",
    "reaction_patterns",
    "opinion_patterns",
    "follow_up_patterns",
    "own_manager_patterns",
    "own_cases_patterns",
    "waiting_cases_patterns",
    "publication_words",
    "channel_words",
    "other_matter_words",
    "posting_words",
    "compound_heads",
    "not_compounds",
    "asker_words",
    "asker_role_patterns",
    "bot_talk_words",
    "thanks_words",
    "typed_answers",
)


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
"""`{leader}` in a pattern: one of the words listed under that name in `pattern_words`.
Letters only, so a repetition such as `{0,4}` is left alone."""


def read_lexicon(reader: FieldReader) -> Lexicon:
    reader.unknown_keys(LEXICON_KEYS)
    words = _pattern_words(reader)

    def patterns(key: str, required: bool = True) -> tuple[re.Pattern[str], ...]:
        return PatternList(
            _compile(reader, key, _expand(reader, key, pattern, line, words), line)
            for pattern, line in reader.text_list(key, required)
        )

    return Lexicon(
        synonyms=_read_word_map(reader, "synonyms"),
        phrases=_read_phrases(reader, words),
        role_words=_read_word_map(reader, "role_words"),
        stopwords=_words(reader, "stopwords"),
        greetings=_words(reader, "greetings"),
        help_patterns=patterns("help_patterns"),
        doubt_patterns=patterns("doubt_patterns"),
        others_doubt_patterns=patterns("others_doubt_patterns", required=False),
        conditional_doubt_patterns=patterns("conditional_doubt_patterns", required=False),
        request_patterns=patterns("request_patterns"),
        offtopic_patterns=patterns("offtopic_patterns"),
        vague_patterns=patterns("vague_patterns"),
        reported_patterns=patterns("reported_patterns"),
        own_publication_patterns=patterns("own_publication_patterns"),
        placed_patterns=patterns("placed_patterns", required=False),
        general_patterns=patterns("general_patterns"),
        about_bot_patterns=patterns("about_bot_patterns", required=False),
        overview_patterns=patterns("overview_patterns", required=False),
        reaction_patterns=patterns("reaction_patterns", required=False),
        opinion_patterns=patterns("opinion_patterns", required=False),
        follow_up_patterns=patterns("follow_up_patterns", required=False),
        own_manager_patterns=patterns("own_manager_patterns", required=False),
        own_cases_patterns=patterns("own_cases_patterns", required=False),
        waiting_cases_patterns=patterns("waiting_cases_patterns", required=False),
        publication_words=_words(reader, "publication_words"),
        channel_words=_words(reader, "channel_words"),
        other_matter_words=_words(reader, "other_matter_words"),
        posting_words=_words(reader, "posting_words"),
        compound_heads=_words(reader, "compound_heads", required=False),
        not_compounds=_words(reader, "not_compounds", required=False),
        asker_words=_words(reader, "asker_words"),
        asker_role_patterns=patterns("asker_role_patterns"),
        bot_talk_words=_words(reader, "bot_talk_words", required=False),
        thanks_words=_words(reader, "thanks_words", required=False),
        typed_answers=_read_typed_answers(reader),
    )


def _words(reader: FieldReader, key: str, required: bool = True) -> frozenset[str]:
    return frozenset(fold(word) for word, _ in reader.text_list(key, required))


def _pattern_words(reader: FieldReader) -> dict[str, str]:
    """Named word lists for patterns (`leader: [leidinggevende, teamleider, ...]`), each
    as a ready alternation, so a list shared by many patterns is kept in one place."""
    table = reader.mapping("pattern_words", required=False)
    if table is None:
        return {}
    named: dict[str, str] = {}
    for name, words in table.items():
        line = table.line_of(name)
        if not _PLACEHOLDER.fullmatch(f"{{{name}}}"):
            reader.problem(f"lexicon: pattern_words: name '{name}' must be letters", line=line)
        elif (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w.strip() for w in words)
        ):
            reader.problem(f"lexicon: pattern_words: '{name}' must list words", line=line)
        else:
            named[name] = "(?:" + "|".join(re.escape(fold(w)) for w in words) + ")"
    return named


def _expand(reader: FieldReader, key: str, pattern: str, line: int, words: dict[str, str]) -> str:
    def replace(found: re.Match[str]) -> str:
        name = found.group(1)
        if name not in words:
            reader.problem(f"lexicon: {key}: '{{{name}}}' is not in pattern_words", line=line)
            return "(?!)"
        return words[name]

    return _PLACEHOLDER.sub(replace, pattern)


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


def _read_typed_answers(reader: FieldReader) -> dict[str, tuple[str, ...]]:
    """`typed_answers`: words typed for an option, to the option's own words, one or a
    list tried in order ("jazeker: ja", "laat maar: [stoppen, toch niet]"); optional."""
    table = reader.mapping("typed_answers", required=False)
    if table is None:
        return {}
    mapped: dict[str, tuple[str, ...]] = {}
    for typed, options in table.items():
        listed = options if isinstance(options, list) else [options]
        folded = tuple(fold(o) for o in listed if isinstance(o, str) and fold(o))
        if not fold(str(typed)) or len(folded) != len(listed) or not folded:
            problem = f"lexicon: typed_answers: '{typed}' must map to text or a list of texts"
            reader.problem(problem, line=table.line_of(typed))
            continue
        mapped[fold(str(typed))] = folded
    return mapped


def _read_phrases(
    reader: FieldReader, words: dict[str, str]
) -> tuple[tuple[re.Pattern[str], str], ...]:
    """`pattern: replacement`; the pattern is matched against the folded question."""
    table = reader.mapping("phrases", required=False)
    if table is None:
        return ()
    phrases: list[tuple[re.Pattern[str], str]] = []
    for pattern, replacement in table.items():
        line = table.line_of(pattern)
        if not isinstance(replacement, str) or not fold(replacement):
            reader.problem(f"lexicon: phrases: '{pattern}' must map to non-empty text", line=line)
            continue
        expanded = _expand(reader, "phrases", str(pattern), line, words)
        phrases.append((_compile(reader, "phrases", expanded, line), fold(replacement)))
    return tuple(phrases)


def _compile(reader: FieldReader, key: str, pattern: str, line: int) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        reader.problem(f"lexicon: {key}: not a valid regular expression: {exc}", line=line)
        return re.compile(r"(?!)")
