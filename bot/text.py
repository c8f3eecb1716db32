"""Folding raw chat text into plain lowercase ASCII words."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_MATCH_CHARS = 1000
"""Only the start of a very long message is matched: a question is short, and
this keeps a 100 KB paste as cheap as a normal question."""

_APOSTROPHE = re.compile(r"(?<=\w)['’‘`´](?=s\b)|(?<=\b[mzdMZD])['’‘`´](?=[nrNR]\b)")
"""Apostrophes that join: "foto's" is fotos, "m'n" and "z'n" are mn and zn (as they
are also typed), "d'r" is dr."""
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SENTENCE_END = re.compile(r"[.!?\n]+")


def fold(text: str) -> str:
    """Lowercase, strip accents, drop punctuation, emoji and control characters.

    "Foto's plaatsen op Insta? 📸" becomes "fotos plaatsen op insta".
    """
    return _fold(text[:MAX_MATCH_CHARS])


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Memoised: one message is folded by several readers (intents, matcher)."""
    text = _APOSTROPHE.sub("", text)
    if not text.isascii():  # plain ASCII has no accents to strip: most messages
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text.lower()).strip()


def folded_words(text: str) -> list[str]:
    """The words of a text as the lexicon's word lists hold them."""
    return fold(text).split()


def sentences(text: str) -> list[str]:
    """The sentences of a message, by its full stops, question and exclamation
    marks and line breaks; those with no words left out."""
    parts = _SENTENCE_END.split(text[:MAX_MATCH_CHARS])
    return [part.strip() for part in parts if fold(part)]
