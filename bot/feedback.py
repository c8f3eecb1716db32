"""👍/👎 under answers, and recording what the bot could not answer well.

Feedback buttons carry what they rate: `fb:up:<entry>:<score>` and
`fb:down:<entry>:<score>`, so a click needs no stored state and still works
after a restart.
"""

from __future__ import annotations

from dataclasses import replace

from bot import upkeep
from bot.messages import Answer, Option
from bot.settings import Settings
from bot.text import fold
from bot.turn import Turn

UP = "👍"
DOWN = "👎"
THANKS_UP = "Fijn dat je er iets aan had!"
THANKS_DOWN = (
    "Dank je, dat helpt om de antwoorden beter te maken. Twijfel je nog? "
    "Vraag het dan aan je leidinggevende (regel M6)."
)
LOW_CONFIDENCE_MARGIN = 10.0
"""An answer scoring less than this above the answer band counts as low confidence."""


class Feedback:
    def __init__(self, settings: Settings, answer_band: float) -> None:
        self.settings = settings
        self.low_score = answer_band + LOW_CONFIDENCE_MARGIN

    def note(self, turn: Turn, answer: Answer, question: str) -> Answer:
        """Record a weak first reply; give plain answers their 👍/👎 buttons."""
        reason = upkeep.reason_for(answer, self.low_score)
        if reason is not None:
            self._record(turn, reason, answer.entry, answer.score, question)
        if answer.action != "answer" or answer.entry is None:
            return answer
        score = int(answer.score or 0)
        buttons = (
            Option(UP, f"fb:up:{answer.entry}:{score}"),
            Option(DOWN, f"fb:down:{answer.entry}:{score}"),
        )
        return replace(answer, options=(*answer.options, *buttons))

    def rated(self, turn: Turn, rest: str) -> None:
        verdict, _, target = rest.partition(":")
        entry, _, score = target.rpartition(":")
        if verdict == "down":
            question = turn.state.get("question", "")
            value = float(score) if score.isdigit() else None
            self._record(turn, "thumbs-down", entry or None, value, question)
        turn.say(THANKS_DOWN if verdict == "down" else THANKS_UP, replaces_clicked=True)

    def _record(
        self, turn: Turn, reason: str, entry: str | None, score: float | None, question: str
    ) -> None:
        text = fold(question) if self.settings.log_question_text and question else None
        retention = self.settings.question_text_retention
        upkeep.record(turn.cases.db, turn.now, reason, entry, score, text, retention)
