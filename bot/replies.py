"""Replies built from a topic, once the responder has chosen what to say: a plain
answer, the fallback that points elsewhere, topics to pick, the offer to ask the
leidinggevende."""

from __future__ import annotations

from bot import texts
from bot.knowledge import Entry
from bot.matcher import Candidate
from bot.messages import Answer, Option

DOUBT_RULE = "M6"  # bij twijfel: contact met de leidinggevende


def plain_answer(
    entry: Entry, score: float | None, *notes: str, note_rules: tuple[str, ...] = ()
) -> Answer:
    """The entry's answer, with notes after it; `note_rules`: the rules the notes cite."""
    rules = tuple(dict.fromkeys((*entry.rules, *note_rules)))
    text = "\n\n".join((entry.answer, *notes, texts.source_line(rules)))
    return Answer("answer", text, rules, entry.id, score)


def outside(entry: Entry, score: float | None) -> Answer:
    """A subject the protocol does not cover: a fallback that says where to go."""
    return Answer("fallback", texts.OUTSIDE.format(pointer=entry.answer), (), entry.id, score)


def topics_reply(text: str, entries: list[Entry], score: float | None) -> Answer:
    """A clarify reply: the entries as topics to pick, and "none of these"."""
    options = tuple(Option(e.title, f"topic:{e.id}") for e in entries)
    rules = tuple(dict.fromkeys(r for e in entries for r in e.rules))
    none = Option(texts.CLARIFY_NONE, "topic:none")
    return Answer("clarify", text, rules, None, score, (*options, none))


def escalation_offer(topic: Candidate | None) -> Answer:
    """Doubt or a request for the leidinggevende: rule M6, the topic it is about when
    one matched, and the offer to put the question to them."""
    parts = [texts.ESCALATE]
    rules: tuple[str, ...] = (DOUBT_RULE,)
    entry_id = None
    if topic is not None:
        entry = topic.entry
        rules = tuple(dict.fromkeys((DOUBT_RULE, *entry.rules)))
        entry_id = entry.id
        parts.append(texts.ESCALATE_TOPIC.format(title=entry.title, rules=texts.cite(entry.rules)))
    parts.append(texts.ESCALATE_OFFER)
    score = topic.score if topic else None
    return Answer("escalate", "\n\n".join(parts), rules, entry_id, score, _offer_options(entry_id))


def escalation_offer_after_check(step: Answer, entry: Entry) -> Answer:
    """The check ended in doubt: offer to ask the leidinggevende."""
    text = f"{step.text}\n\n{texts.ESCALATE_OFFER}"
    return Answer("escalate", text, step.rules, entry.id, None, _offer_options(entry.id))


def _offer_options(entry_id: str | None) -> tuple[Option, ...]:
    return (
        Option(texts.ESCALATE_YES, f"esc:yes:{entry_id or '-'}"),
        Option(texts.ESCALATE_NO, "esc:no"),
    )
