"""The publication check: the deciding questions for a `check` entry.

The flow is stateless: each button's action id carries the entry and the
answers given so far ("chk:foto-plaatsen:jn"), so a click still works after
a restart and on any platform. "Weet ik niet" ends the check in doubt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot import texts
from bot.knowledge import CheckQuestion, Entry, KnowledgeBase
from bot.messages import Answer, Option
from bot.replies import plain_answer
from bot.text import fold

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

    def start(self, entry: Entry, score: float | None = None, question: str = "") -> Answer:
        """The first deciding question the asker's own words leave open. When those
        words already give an answer that means "niet plaatsen" ("het is nog niet
        officieel bekend"), the outcome is the reply, without asking what was said."""
        told = self._told(entry, fold(question))
        stop = next((q for q in self.kb.checks_for(entry) if _told_stop(q, told)), None)
        if stop is not None:
            return self._told_outcome(entry, Answer("stop", stop.stop, stop.rules), score)
        step = self._next_step(CheckState(entry, self._told_in_order(entry, told)))
        if step.action != "question":
            return self._told_outcome(entry, step, score)
        noted = _noted(self.kb.checks_for(entry), told)
        rules = tuple(dict.fromkeys((*entry.rules, *(r for q in noted for r in q.rules))))
        answer = "\n\n".join((entry.answer, *(q.note for q in noted)))
        intro = f"{answer}\n\n{texts.source_line(rules)}\n\n{texts.CHECK_INTRO}"
        return Answer("check", f"{intro}\n{step.text}", rules, entry.id, score, step.options)

    def answer(self, entry: Entry, score: float | None = None, question: str = "") -> Answer:
        """The plain answer of an entry of kind `answer`, with the notes of its checks
        the asker's words already answer: "als teamleider wil ik reageren op ..." gets
        the answer on reacting and the note that a leader always represents the school."""
        if not entry.checks:
            return plain_answer(entry, score)
        noted = _noted(self.kb.checks_for(entry), self._told(entry, fold(question)))
        rules = tuple(r for q in noted for r in q.rules)
        return plain_answer(entry, score, *(q.note for q in noted), note_rules=rules)

    def _told(self, entry: Entry, folded_question: str) -> dict[str, str]:
        """The deciding questions the asker's words answer, with those answers."""
        told = {}
        for check in self.kb.checks_for(entry):
            answer = check.told_answer(folded_question)
            if answer is not None:
                told[check.id] = answer
        return told

    def _told_in_order(self, entry: Entry, told: dict[str, str]) -> dict[str, str]:
        """The told answers that come first in asking order: the buttons carry the
        answers in that order, so a later one is asked again rather than skipped."""
        answers: dict[str, str] = {}
        while (check := self._next_question(entry, answers)) is not None and check.id in told:
            answers[check.id] = told[check.id]
        return answers

    @staticmethod
    def _told_outcome(entry: Entry, step: Answer, score: float | None) -> Answer:
        text = f"{texts.CHECK_TOLD}\n\n{step.text}\n\n{texts.source_line(step.rules)}"
        return Answer("answer", text, step.rules, entry.id, score)

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
        noted = _noted((self.kb.checks[q] for q in state.answers), state.answers)
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


def _noted(checks: Iterable[CheckQuestion], answers: dict[str, str]) -> list[CheckQuestion]:
    """The questions whose answer adds their note to the reply."""
    return [q for q in checks if q.note_on is not None and answers.get(q.id) == q.note_on]


def _told_stop(check: CheckQuestion, told: dict[str, str]) -> bool:
    """A told answer that stops the check, unless the words also deny the premise
    of its question ("zonder toestemming, maar niemand is herkenbaar")."""
    if check.stop_on is None or told.get(check.id) != check.stop_on:
        return False
    return check.only_if is None or told.get(check.only_if[0], check.only_if[1]) == check.only_if[1]
