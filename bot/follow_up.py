"""A short follow-up read with the question before it: "en op facebook?" after
"mag ik een foto van mijn klas op insta zetten?", or "ik twijfel toch".

Alone, such a message names no topic: the bot would offer topics to pick from,
say the protocol does not cover it, or put "ik twijfel toch" to the leidinggevende
as the question. Read after the question before it, it is that question again
with one thing changed, and staff type it that way in a chat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.intents import asks_for_manager, doubt_in, matches_any
from bot.knowledge import Lexicon
from bot.messages import Answer
from bot.replies import DOUBT_RULE
from bot.responder import Responder

FOLLOW_FOR = timedelta(minutes=30)
"""A follow-up comes soon after its question; later, "en op facebook?" starts afresh."""
UNSURE = ("clarify", "fallback")  # replies that say the message alone names no topic
ANSWERED = ("answer", "check")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Reading:
    answer: Answer
    question: str
    """What the answer is for: the message, or the question before it with the message."""


def read_follow_up(
    responder: Responder, text: str, answer: Answer, state: dict[str, Any], now: datetime
) -> Reading:
    """`answer` is the reply to `text` alone. When `text` follows up on the question
    before it (`state`) and alone names no topic, the reply to both together, if
    that one answers."""
    previous = _previous_question(state, now)
    if previous is None:
        return Reading(answer, text)
    lexicon = responder.kb.lexicon
    if answer.action in UNSURE and matches_any(lexicon.follow_up_patterns, text):
        swapped = with_role_swapped(responder, previous, text)
        if swapped is not None:
            again = responder.respond(swapped)
            if again.action in ANSWERED:
                return Reading(again, swapped)
        wanted = ANSWERED
    elif _doubt_without_subject(text, answer, lexicon):
        wanted = ("escalate",)
    else:
        return Reading(answer, text)
    again = responder.respond(f"{previous}\n{text}")
    if again.action not in wanted:
        return Reading(answer, text)
    return Reading(again, f"{previous} {text.strip()}")  # one line in lists of cases


def with_role_swapped(responder: Responder, previous: str, text: str) -> str | None:
    """'en als het een leerling is?' after a question about a parent: that question
    with the pupil in the parent's place. Read together with the follow-up instead,
    the parent, named first, would still decide the topic. None when the follow-up
    names no role, or the question names none, two, or the same one."""
    named = _roles_named(responder, text)
    if not named:
        return None
    new_word, new_role = named[0]
    before = _roles_named(responder, previous)
    if len({role for _, role in before}) != 1 or before[0][1] == new_role:
        return None
    old_words = {word for word, _ in before}
    return _WORD.sub(lambda m: new_word if m.group() in old_words else m.group(), previous)


def _roles_named(responder: Responder, text: str) -> list[tuple[str, str]]:
    """Each word of `text` that names a role (leerling, ouder, medewerker), with it."""
    tokens_of, role_of = responder.matcher.normaliser.tokens, responder.matcher.roles.of_word
    named = []
    for word in _WORD.findall(text):
        tokens = tokens_of(word)
        role = role_of(tokens[0]) if len(tokens) == 1 else None
        if role is not None:
            named.append((word, role))
    return named


def _doubt_without_subject(text: str, answer: Answer, lexicon: Lexicon) -> bool:
    """'ik twijfel toch', 'kan mijn leidinggevende meekijken?': doubt, or a request
    for the leidinggevende, that names no topic of its own (none, or the one on
    asking the leidinggevende). It is about the question before it, and that
    question is what the leidinggevende needs to see."""
    if doubt_in(text, lexicon) is None and not asks_for_manager(text, lexicon):
        return False
    return answer.entry is None or answer.rules == (DOUBT_RULE,)


def remember_question(state: dict[str, Any], question: str, now: datetime) -> None:
    state["question"] = question.strip()[:1000]
    state["asked_at"] = now.isoformat()


def _previous_question(state: dict[str, Any], now: datetime) -> str | None:
    question, asked_at = state.get("question"), state.get("asked_at")
    if not question or not asked_at:
        return None
    if datetime.fromisoformat(asked_at) + FOLLOW_FOR < now:
        return None
    return question
