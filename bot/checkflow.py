"""The publication check: the deciding questions for a `check` entry.

The flow is stateless: each button's action id carries the entry and the
answers given so far ("chk:foto-plaatsen:jn"), so a click still works after
a restart and on any platform. "Weet ik niet" ends the check in doubt.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot import texts
from bot.knowledge import CheckQuestion, Entry, KnowledgeBase
from bot.messages import Answer, Option

PREFIX = "chk"
DOUBT = "?"
STOP = "chk:stop"
_LETTER = {"ja": "j", "nee": "n"}
_WORD = {"j": "ja", "n": "nee"}


@dataclass(frozen=True)
class CheckState:
    entry: Entry
    answers: dict[str, str]  # check id -> "ja" / "nee", in the order asked
    doubt: bool = False


class CheckFlow:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def start(self, entry: Entry, score: float | None = None) -> Answer:
        intro = f"{entry.answer}\n\n{texts.source_line(entry.rules)}\n\n{texts.CHECK_INTRO}"
        step = self._next_step(CheckState(entry, {}))
        return Answer("check", f"{intro}\n{step.text}", entry.rules, entry.id, score, step.options)

    def decode(self, action: str) -> CheckState | None:
        """The state an action id stands for, or None when it is not valid (any more)."""
        parts = action.split(":")
        if len(parts) != 3 or parts[0] != PREFIX:
            return None
        entry = self.kb.entry(parts[1])
        if entry is None or entry.kind != "check":
            return None
        letters = parts[2]
        doubt = letters.endswith(DOUBT)
        letters = letters.removesuffix(DOUBT)
        answers: dict[str, str] = {}
        for letter in letters:
            question = self._next_question(entry, answers)
            if question is None or letter not in _WORD:
                return None
            answers[question.id] = _WORD[letter]
        return CheckState(entry, answers, doubt)

    def step(self, state: CheckState) -> Answer:
        """What follows the answers in `state`: a question, a stop, or a yes."""
        return self._next_step(state)

    def _next_question(self, entry: Entry, answers: dict[str, str]) -> CheckQuestion | None:
        for question in self.kb.checks_for(entry):
            if question.id in answers:
                continue
            if question.only_if and answers.get(question.only_if[0]) != question.only_if[1]:
                continue
            return question
        return None

    def _next_step(self, state: CheckState) -> Answer:
        entry = state.entry
        if state.doubt:
            return Answer("doubt", texts.CHECK_DOUBT, ("M6", *entry.rules), entry.id)
        for question_id, answer in state.answers.items():
            question = self.kb.checks[question_id]
            if question.stop_on == answer:
                return Answer("stop", question.stop, question.rules, entry.id)
        question = self._next_question(entry, state.answers)
        if question is None:
            return self._approval(state)
        return Answer(
            "question", question.ask, question.rules, entry.id, None, self._options(state)
        )

    def _options(self, state: CheckState) -> tuple[Option, ...]:
        base = f"{PREFIX}:{state.entry.id}:" + "".join(_LETTER[a] for a in state.answers.values())
        return (
            Option(texts.CHECK_YES, base + "j"),
            Option(texts.CHECK_NO, base + "n"),
            Option(texts.CHECK_DONT_KNOW, base + DOUBT),
            Option(texts.CHECK_STOP, STOP),
        )

    def _approval(self, state: CheckState) -> Answer:
        noted = [
            self.kb.checks[q] for q, a in state.answers.items() if self.kb.checks[q].note_on == a
        ]
        covered = {rule for question in noted for rule in question.rules}
        general = [text for rule, text in texts.CHECK_OK_CONDITIONS if rule not in covered]
        lines = [texts.CHECK_OK, *(f"• {line}" for line in (*general, *(q.note for q in noted)))]
        return Answer("approved", "\n".join(lines), ("M1", "M5", "ML3"), state.entry.id)

    def summary(self, state: CheckState) -> str:
        """What the check learned, for the leidinggevende: one line per question."""
        lines = []
        for question_id, answer in state.answers.items():
            lines.append(f"• {self.kb.checks[question_id].ask} **{answer}**")
        return "\n".join(lines)
