"""Questions about the bot and about the protocol as a whole, not about one topic;
and one rule shown word for word.

"Wordt mijn vraag opgeslagen?", "waar haal je je antwoorden vandaan?" and "welke
regels zijn er?" share words with topics ("opslaan", "regels", "antwoorden"), so
the matcher alone would answer them with a topic that happens to share those
words. They are recognised by the lexicon's patterns before any topic is sought.
"""

from __future__ import annotations

from bot import texts
from bot.intents import asks_to_post, is_known_rule, matches_any
from bot.knowledge import KnowledgeBase, Lexicon
from bot.messages import Answer

OWN_CASES = "mijn"  # the engine's command that lists the asker's questions to the leidinggevende
WAITING_CASES = "escalaties"  # the engine's command that lists what waits for a leidinggevende
OWN_MANAGER = "leidinggevende"  # the asker's own leidinggevende, named by the engine
OVERVIEW_RULE = "P"  # the introduction, which says the protocol exists and why
OVERVIEW_GIST = 70  # characters of a rule's text shown in the overview


def about_conversation(text: str, kb: KnowledgeBase) -> Answer | None:
    """The reply to a question about the bot or the whole protocol; None for any
    other question."""
    lexicon = kb.lexicon
    if matches_any(lexicon.about_bot_patterns, text):
        return Answer("help", texts.ABOUT)
    if matches_any(lexicon.overview_patterns, text):
        return rule_overview(kb)
    if matches_any(lexicon.reaction_patterns, text):
        return Answer("help", texts.NOT_CLEAR)
    if matches_any(lexicon.opinion_patterns, text) and not asks_to_post(text, lexicon):
        return Answer("fallback", texts.OPINION)
    return None


def case_list_request(text: str, lexicon: Lexicon) -> str | None:
    """The command whose list answers the question: "heeft mijn leidinggevende al
    gereageerd?" asks for the asker's open questions (`mijn`), "welke vragen wachten
    op mij?" for what waits for a leidinggevende (`escalaties`). In a chat the engine
    shows that list; without one (`ask`) the reply names the command."""
    if matches_any(lexicon.own_cases_patterns, text):
        return OWN_CASES
    if matches_any(lexicon.waiting_cases_patterns, text):
        return WAITING_CASES
    return None


def asks_who_own_manager(text: str, lexicon: Lexicon) -> bool:
    """Whether the text asks who one's own leidinggevende is ("wie is mijn
    leidinggevende?"): answered with rule M6, and in a chat with the name."""
    return matches_any(lexicon.own_manager_patterns, text)


def show_rule(kb: KnowledgeBase, rule_id: str) -> Answer:
    """One rule word for word ("regel ML2"), or which rules there are for an unknown id."""
    rule = kb.rules.get(rule_id)
    if rule is None or not is_known_rule(rule_id):
        return Answer("help", texts.RULE_UNKNOWN.format(id=rule_id, known=texts.KNOWN_RULES))
    header = texts.RULE_HEADER.format(id=rule.id, section=rule.section)
    return Answer("answer", f"{header}\n> {rule.text}", (rule.id,), None, 100.0)


def rule_overview(kb: KnowledgeBase) -> Answer:
    """Every rule with its summary (else the start of its text), grouped by the
    protocol's sections."""
    lines = [texts.OVERVIEW_INTRO]
    section = None
    for rule in kb.rules.values():
        if rule.section != section:
            section = rule.section
            lines.append(f"\n**{section}**")
        lines.append(texts.OVERVIEW_LINE.format(id=rule.id, gist=rule.summary or _gist(rule.text)))
    lines.append(f"\n{texts.OVERVIEW_END}")
    return Answer("answer", "\n".join(lines), (OVERVIEW_RULE,))


def _gist(text: str) -> str:
    """The first words of a rule, cut at a word boundary."""
    if len(text) <= OVERVIEW_GIST:
        return text
    return text[:OVERVIEW_GIST].rsplit(" ", 1)[0] + " …"
