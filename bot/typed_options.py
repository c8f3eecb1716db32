"""An option typed instead of clicked: "ja", "nee", "weet ik niet", "toch niet".

Buttons are easy to miss on a phone, and some staff answer in words. Without this,
"ja" to "Staan er leerlingen herkenbaar op?" was a new question, and the check
was lost. A message that says what an option of the bot's last replies says, or
its words before a comma ("ja" for "Ja, leg het voor"), picks that option.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from bot.messages import Option, Reply
from bot.text import fold

STATE_KEY = "typed_options"
VALID_FOR = timedelta(minutes=30)
"""Typed hours later, "ja" is no answer to a question the asker has forgotten."""


def remember_typed_options(
    state: dict[str, Any], party: str, replies: list[Reply], now: datetime
) -> None:
    """The options of this turn's replies to `party`, by what typing them would say.
    A turn that answered without options forgets the earlier ones."""
    own = [reply for reply in replies if reply.to == party]
    if not own:
        return
    by_words: dict[str, str] = {}
    ambiguous: set[str] = set()
    for option in _options(own):
        for words in _wordings(option):
            if by_words.setdefault(words, option.action) != option.action:
                ambiguous.add(words)  # "akkoord" under two questions: only a click says which
    by_words = {words: action for words, action in by_words.items() if words not in ambiguous}
    if by_words:
        state[STATE_KEY] = {"until": (now + VALID_FOR).isoformat(), "options": by_words}
    else:
        state.pop(STATE_KEY, None)


def typed_option(
    text: str, state: dict[str, Any], now: datetime, answers: dict[str, tuple[str, ...]]
) -> str | None:
    """The action of the option `text` says, if it says one of the remembered ones.
    `answers` maps other words for an option to its own, tried in order ("jazeker" to
    "ja"; "laat maar" to "stoppen" in a check, "toch niet" at the context prompt)."""
    remembered = state.get(STATE_KEY)
    if not remembered or datetime.fromisoformat(remembered["until"]) < now:
        return None
    said = fold(text)
    options = remembered["options"]
    return next((options[w] for w in (said, *answers.get(said, ())) if w in options), None)


def _options(replies: list[Reply]) -> list[Option]:
    return [option for reply in replies for option in reply.options]


def _wordings(option: Option) -> set[str]:
    """What typing an option says: its label, and its words before a comma ("ja" for
    "Ja, leg het voor"); an emoji-only label ("👍") says nothing."""
    whole, before_comma = fold(option.label), fold(option.label.split(",")[0])
    return {words for words in (whole, before_comma) if words}
