"""Signals read beside the topic: a rule asked for by id, doubt, greetings, help."""

from __future__ import annotations

import re

from bot.knowledge import RULE_IDS, Lexicon
from bot.text import fold

_RULE_REQUEST = re.compile(r"\b(?:regel|artikel|rule|bepaling)\s*(ml\s?\d|m\s?\d+|s\s?\d+|p)\b")
_BARE_RULE = re.compile(r"^(?:toon\s+|laat\s+)?(ml\s?\d|m\s?\d+|s\s?\d+|p)(?:\s+zien)?$")


def requested_rule(text: str) -> str | None:
    """'toon regel ML2', 'regel m3', 'ML2' -> the id asked for (maybe unknown)."""
    folded = fold(text)
    found = _RULE_REQUEST.search(folded) or _BARE_RULE.match(folded)
    if not found:
        return None
    return found.group(1).replace(" ", "").upper()


def is_known_rule(rule_id: str) -> bool:
    return rule_id in RULE_IDS


def shows_doubt(text: str, lexicon: Lexicon) -> bool:
    folded = fold(text)
    return any(pattern.search(folded) for pattern in lexicon.doubt_patterns)


def asks_for_help(text: str, lexicon: Lexicon) -> bool:
    folded = f" {fold(text)} "
    return any(f" {phrase} " in folded for phrase in lexicon.help_phrases)


def is_small_talk(text: str, lexicon: Lexicon) -> bool:
    """Only greetings, thanks and filler words: nothing to match."""
    words = fold(text).split()
    return bool(words) and all(w in lexicon.greetings or w in lexicon.stopwords for w in words)
