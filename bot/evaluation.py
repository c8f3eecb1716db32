"""Scoring a labelled question set (the format of ../shared/eval/)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.knowledge import RULE_IDS
from bot.messages import Answer
from bot.problems import DataError, Problem
from bot.yamlsource import LineDict, LineList, load_yaml

ACTIONS = ("answer", "check", "escalate", "clarify", "help", "fallback")


@dataclass(frozen=True)
class Case:
    question: str
    actions: tuple[str, ...]
    rules: tuple[str, ...] | None
    line: int


@dataclass(frozen=True)
class Outcome:
    case: Case
    answer: Answer

    @property
    def correct(self) -> bool:
        """The scoring of ../shared/eval/README.md: an acceptable action, citing one of
        the listed rules, or none when none are listed. An acceptable clarify counts
        whatever rules its offered topics carry."""
        if self.answer.action not in self.case.actions:
            return False
        if self.answer.action == "clarify":
            return True
        if self.case.rules is None:
            return not self.answer.rules
        return bool(set(self.case.rules) & set(self.answer.rules))


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def _share(self, selected: list[Outcome], test) -> float:
        return sum(1 for o in selected if test(o)) / len(selected) if selected else 1.0

    @property
    def accuracy(self) -> float:
        return self._share(self.outcomes, lambda o: o.correct)

    def accuracy_for(self, action: str) -> tuple[float, int]:
        selected = [o for o in self.outcomes if o.case.actions[0] == action]
        return self._share(selected, lambda o: o.correct), len(selected)

    @property
    def escalation_recall(self) -> float:
        selected = [o for o in self.outcomes if o.case.actions == ("escalate",)]
        return self._share(selected, lambda o: o.answer.action == "escalate")

    @property
    def false_escalation_rate(self) -> float:
        selected = [o for o in self.outcomes if "escalate" not in o.case.actions]
        return self._share(selected, lambda o: o.answer.action == "escalate")

    @property
    def out_of_scope_rejection(self) -> float:
        selected = [o for o in self.outcomes if o.case.actions == ("fallback",)]
        return self._share(selected, lambda o: o.answer.action == "fallback")

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct]


def load_cases(path: Path) -> list[Case]:
    data, problems = load_yaml(path)
    cases: list[Case] = []
    if data is not None and not isinstance(data, LineList):
        problems.append(Problem(str(path), 1, "top level must be a list of cases"))
    for index, item in enumerate(data if isinstance(data, LineList) else []):
        line = data.line_of(index)
        case = _case(item, line, str(path), problems)
        if case is not None:
            cases.append(case)
    if problems:
        raise DataError(problems)
    return cases


def _case(item: object, line: int, file: str, problems: list[Problem]) -> Case | None:
    if not isinstance(item, LineDict) or not isinstance(item.get("q"), str):
        problems.append(Problem(file, line, "a case needs 'q' (text)"))
        return None
    actions = item.get("action")
    if not isinstance(actions, list) or not actions or any(a not in ACTIONS for a in actions):
        problems.append(Problem(file, line, f"'action' must be a list of {', '.join(ACTIONS)}"))
        return None
    rules = item.get("rules")
    if rules is not None and (not isinstance(rules, list) or any(r not in RULE_IDS for r in rules)):
        problems.append(Problem(file, line, "'rules' must be a list of known rule ids"))
        return None
    # `rules: []` lists no rules, as leaving it out does: the reply must cite none
    return Case(item["q"], tuple(actions), tuple(rules) if rules else None, line)


def evaluate(cases: list[Case], respond) -> Report:
    return Report([Outcome(case, respond(case.question)) for case in cases])


def format_report(report: Report) -> str:
    lines = [f"cases: {len(report.outcomes)}"]
    for outcome in report.misses:
        case, answer = outcome.case, outcome.answer
        expected = "/".join(case.actions) + (f" {case.rules}" if case.rules else " (no rules)")
        got = f"{answer.action} {list(answer.rules)} entry={answer.entry} score={answer.score}"
        lines.append(
            f"MISS line {case.line}: {case.question!r}\n  expected {expected}\n  got      {got}"
        )
    counts = Counter(o.case.actions[0] for o in report.outcomes)
    for action in ACTIONS:
        if counts[action]:
            share, total = report.accuracy_for(action)
            lines.append(f"accuracy {action:<9} {share:.3f} ({total})")
    lines.append(f"escalation recall      {report.escalation_recall:.3f}")
    lines.append(f"false escalation rate  {report.false_escalation_rate:.3f}")
    lines.append(f"out-of-scope rejection {report.out_of_scope_rejection:.3f}")
    lines.append(f"overall accuracy       {report.accuracy:.3f}")
    return "\n".join(lines)
