"""Signals read beside the topic: a rule asked for by id, doubt, greetings, help."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.knowledge import RULE_IDS, Lexicon
from bot.pattern_index import PatternList
from bot.text import fold, folded_words

_RULE_REQUEST = re.compile(r"\b(?:regel|artikel|rule|bepaling)\s*(ml\s?\d|m\s?\d+|s\s?\d+|p)\b")
_BARE_RULE = re.compile(r"^(?:toon\s+|laat\s+)?(ml\s?\d|m\s?\d+|s\s?\d+|p)(?:\s+zien)?$")
_RULE_MENTION = re.compile(r"\b(ml[1-3]|m[1-7]|s[1-6])\b")
_THANKS_FOR = re.compile(
    r"\b(dank|bedankt|thanks|thx|merci)( je| jullie| u)?( wel)? voor (het|je|jullie|uw)\b"
)
_QUESTION_WORDS = frozenset({"wat", "hoe", "waarom", "wie", "welke"})
_ASKING_WORDS = _QUESTION_WORDS | {"help", "hulp", "uitleg", "menu"}
"""In thanks, a word that asks for more: "bedankt, wat kun je nog meer?" wants the help."""
_STILL_ASKING = _QUESTION_WORDS | {"maar", "mag", "kan", "kun", "moet", "wil", "zou"}
"""After thanks for what was done, a word that asks again: "bedankt voor het antwoord,
maar mag ik dan wel ..." is a question ("bedankt voor je hulp" still thanks)."""
RULE_MENTION_WORDS = 6
"""A short message naming a rule ("wat betekent M4", "uitleg over ML3") asks for that
rule; in a longer one the id is part of a story about a topic."""


def requested_rule(text: str) -> str | None:
    """'toon regel ML2', 'regel m3', 'ML2', 'wat zegt ML2' -> the id asked for (maybe
    unknown)."""
    folded = fold(text)
    found = _RULE_REQUEST.search(folded) or _BARE_RULE.match(folded)
    if not found and len(folded.split()) <= RULE_MENTION_WORDS:
        found = _RULE_MENTION.search(folded)
    if not found:
        return None
    return found.group(1).replace(" ", "").upper()


def is_known_rule(rule_id: str) -> bool:
    return rule_id in RULE_IDS


def matches_any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    """Whether one of the lexicon's pattern lists matches the folded text. Signals read
    in one place only (bot/meta.py) call it on their list; no function of their own.
    A list read by the lexicon loader searches through its index (`PatternList`)."""
    folded = fold(text)
    if isinstance(patterns, PatternList):
        return patterns.search(folded)
    return any(pattern.search(folded) for pattern in patterns)


OWN_DOUBT = "own"
CONDITIONAL_DOUBT = "conditional"


def doubt_in(text: str, lexicon: Lexicon) -> str | None:
    """Whose doubt a text shows, about whatever topic: the asker's own ("ik twijfel",
    "weet niet zeker of het mag"), one in a condition ("wat doe je als je niet zeker
    weet": a question about what to do then), or none. Someone else's ("mijn stagiair
    weet niet zeker", "hij is er onzeker over") is none of the asker's."""
    if not matches_any(lexicon.doubt_patterns, text):
        return None
    folded = fold(text)
    kinds = {
        _doubt_kind(folded[: found.start()], lexicon)
        for pattern in lexicon.doubt_patterns
        for found in pattern.finditer(folded)
    }
    return next((kind for kind in (OWN_DOUBT, CONDITIONAL_DOUBT) if kind in kinds), None)


def _doubt_kind(before: str, lexicon: Lexicon) -> str | None:
    """The kind of one doubt pattern's match, from the text before it."""
    if lexicon.others_doubt_patterns and matches_any(lexicon.others_doubt_patterns, before):
        return None
    if lexicon.conditional_doubt_patterns and matches_any(
        lexicon.conditional_doubt_patterns, before
    ):
        return CONDITIONAL_DOUBT
    return OWN_DOUBT


def without_doubt(text: str, lexicon: Lexicon) -> str:
    """The folded text with its words of doubt and of asking the leidinggevende cut
    out: what is left says what the doubt is about ("ik twijfel of ik | een filmpje
    van het schoolreisje mag posten")."""
    folded = fold(text)
    for pattern in (*lexicon.doubt_patterns, *lexicon.request_patterns):
        folded = pattern.sub(" ", folded)
    return folded


def asks_for_manager(text: str, lexicon: Lexicon) -> bool:
    """'kun je het aan mijn leidinggevende vragen': always an escalation. Not thanks
    for what was done ("top, dank voor het doorsturen naar mijn teamleider!")."""
    return not thanks_for_done(text) and matches_any(lexicon.request_patterns, text)


def thanks_for_done(text: str) -> bool:
    """'top, dank voor het doorsturen naar mijn teamleider!': thanks for what the bot
    did, asking nothing (no question mark), however many words of a topic it holds."""
    if "?" in text or _THANKS_FOR.search(fold(text)) is None:
        return False
    return _STILL_ASKING.isdisjoint(folded_words(text))


def is_offtopic(text: str, lexicon: Lexicon) -> bool:
    """A practical or technical question (accounts, rosters, leave)."""
    return matches_any(lexicon.offtopic_patterns, text)


def opens_vaguely(text: str, lexicon: Lexicon) -> bool:
    """'iets met ...', 'vraagje over ...', 'hoe zit het met ...': a subject, not yet a question."""
    return matches_any(lexicon.vague_patterns, text)


def reports_others_publication(text: str, lexicon: Lexicon) -> bool:
    """'een collega heeft ... op insta gezet': someone else published it, and the
    asker does not ask about a post of their own ("mag ik ...")."""
    return matches_any(lexicon.reported_patterns, text) and not asks_about_own_publication(
        text, lexicon
    )


def asks_about_own_publication(text: str, lexicon: Lexicon) -> bool:
    """'mag ik ...', 'ik wil ... plaatsen': the asker is about to publish something."""
    return matches_any(lexicon.own_publication_patterns, text)


def placed_own_post(text: str, lexicon: Lexicon) -> bool:
    """'ik heb gisteren een foto van de klas op insta gezet': the asker's post is
    online already, and the question is not about placing another."""
    return matches_any(lexicon.placed_patterns, text) and not asks_about_own_publication(
        text, lexicon
    )


def asks_in_general(text: str, lexicon: Lexicon) -> bool:
    """'moet bij elk bericht ...', 'wat mag ik wel en niet delen': about posts in general,
    not about one post of the asker's own."""
    return matches_any(lexicon.general_patterns, text)


def mentions_publication(text: str, lexicon: Lexicon) -> bool:
    """A publication word, alone or at either end of a compound ("podcastaflevering")."""
    return _mentions(text, lexicon.publication_words, lexicon)


def mentions_other_matter(text: str, lexicon: Lexicon) -> bool:
    """A matter a leidinggevende decides that is no publication: a roster, leave, a grade."""
    return _mentions(text, lexicon.other_matter_words, lexicon)


def asks_to_post(text: str, lexicon: Lexicon) -> bool:
    """'mag ik ... delen', 'ik wil ... op tiktok zetten': the asker means to put
    something online. The verb comes with or after "mag ik": in "mijn buurman zet
    zijn container voor mijn oprit, wat kan ik daaraan doen" nothing is put online."""
    folded = fold(text)
    for pattern in lexicon.own_publication_patterns:
        match = pattern.search(folded)
        if match and not lexicon.posting_words.isdisjoint(folded[match.start() :].split()):
            return True
    return False


def speaks_of_asker(text: str, lexicon: Lexicon) -> bool:
    """'ik', 'mijn', 'je': the question speaks of the one who asks."""
    return not lexicon.asker_words.isdisjoint(folded_words(text))


def asker_is_sanctioned(text: str, lexicon: Lexicon) -> bool:
    """'kan ik geschorst worden voor een foto van een leerling': the sanction falls
    on the asker, though a pupil is named first."""
    return matches_any(lexicon.asker_role_patterns, text)


def mentions_channel(text: str, lexicon: Lexicon) -> bool:
    """A social medium or being online: "insta", "fb-groep", "linkedinpost", "comments"."""
    return _mentions(text, lexicon.channel_words, lexicon)


def _mentions(text: str, words: frozenset[str], lexicon: Lexicon) -> bool:
    return any(
        w in words or (w not in lexicon.not_compounds and _in_compound_word(w, words, lexicon))
        for w in folded_words(text)
    )


def _in_compound_word(word: str, words: frozenset[str], lexicon: Lexicon) -> bool:
    return _in_compound(word, words) or _ends_in_head(word, words, lexicon.compound_heads)


def _in_compound(word: str, words: frozenset[str]) -> bool:
    """ "fbgroep", "linkedinpost", "tiktoks": a listed word inside a longer one, but not
    with only an adjective's -e ("sociale" is not a form of "social")."""
    ends = _compound_ends(words)
    adjective = word.endswith("e") and word[:-1] in words
    return (word.startswith(ends) or word.endswith(ends)) and not adjective


def _ends_in_head(word: str, words: frozenset[str], heads: frozenset[str]) -> bool:
    """ "instapost", "kampfoto": a listed word too short for `_compound_ends`, closing a
    compound. Only the lexicon's compound heads: many words end in four letters that are
    no such word ("geregeld", "beoordeel", "structureel")."""
    return any(word.endswith(h) and len(word) >= len(h) + 3 for h in heads if h in words)


@lru_cache(maxsize=8)
def _compound_ends(words: frozenset[str]) -> tuple[str, ...]:
    """The words long enough to be recognised inside a compound. Not those ending in
    -en: a verb inside a longer word is another verb ("verzetten", "meedelen")."""
    return tuple(p for p in words if len(p) >= 5 and not p.endswith("en"))


def asks_for_help(text: str, lexicon: Lexicon) -> bool:
    return matches_any(lexicon.help_patterns, text)


def without_help_request(text: str, lexicon: Lexicon) -> str | None:
    """The text with every help request in it cut out, or None when there is none."""
    if not asks_for_help(text, lexicon):
        return None
    folded, found = fold(text), 0
    for pattern in lexicon.help_patterns:
        folded, count = pattern.subn(" ", folded)
        found += count
    return folded if found else None


def greets(text: str, lexicon: Lexicon) -> bool:
    """A greeting or thanks anywhere in the text ("hoi", "top, bedankt")."""
    return not lexicon.greetings.isdisjoint(folded_words(text))


def opens_with_greeting(text: str, lexicon: Lexicon) -> bool:
    """'hoi, foto's?': a greeting first. Not "is er morgen een studiedag", where the
    greeting word is a day."""
    return not lexicon.greetings.isdisjoint(folded_words(text)[:1])


def thanks_without_asking(text: str, lexicon: Lexicon) -> bool:
    """'bedankt!', 'top, dat was duidelijk': thanks or an acknowledgement that asks
    nothing more (no question mark, no word that asks)."""
    said = folded_words(text)
    if "?" in text or lexicon.thanks_words.isdisjoint(said):
        return False
    return _ASKING_WORDS.isdisjoint(said)


def is_small_talk(text: str, lexicon: Lexicon) -> bool:
    """Only greetings, thanks and filler words ("top, dank je wel"): nothing to match."""
    said = folded_words(text)
    filler = _filler(lexicon)
    return bool(said) and all(w in filler for w in said)


def only_talks_to_bot(text: str, lexicon: Lexicon) -> bool:
    """Only words about the bot and its use, beside greetings and fillers ("wat moet
    ik intypen om te beginnen?", "dankjewel, dit helpt echt"): a question about the
    bot however it is put, where a list of patterns keeps missing new wordings."""
    filler = _filler(lexicon)
    talk = [word for word in folded_words(text) if word not in filler]
    return bool(talk) and all(word in lexicon.bot_talk_words for word in talk)


def _filler(lexicon: Lexicon) -> frozenset[str]:
    """Words that carry no question: greetings and thanks, stop words, "ik" and "je"."""
    return lexicon.greetings | lexicon.stopwords | lexicon.asker_words
