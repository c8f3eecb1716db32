"""Scoring of labelled cases, as ../shared/eval/README.md defines it."""

from __future__ import annotations

from pathlib import Path

from bot.evaluation import Case, Outcome, load_cases
from bot.messages import Answer


def case(actions: tuple[str, ...], rules: tuple[str, ...] | None) -> Case:
    return Case("vraag", actions, rules, 1)


def test_an_answer_must_cite_a_listed_rule():
    assert Outcome(case(("answer",), ("ML2",)), Answer("answer", "…", ("ML2", "M2"))).correct
    assert not Outcome(case(("answer",), ("ML2",)), Answer("answer", "…", ("M3",))).correct


def test_a_case_without_rules_must_cite_none():
    assert Outcome(case(("help",), None), Answer("help", "…")).correct
    assert not Outcome(case(("fallback",), None), Answer("fallback", "…", ("P",))).correct


def test_an_acceptable_clarify_counts_whatever_rules_its_topics_carry():
    offered = Answer("clarify", "…", ("ML2", "ML1"))
    assert Outcome(case(("clarify", "help"), None), offered).correct
    assert Outcome(case(("clarify", "answer"), ("S3",)), offered).correct
    assert not Outcome(case(("help",), None), offered).correct


def test_an_empty_rules_list_is_read_as_no_rules(tmp_path: Path):
    labelled = tmp_path / "set.yaml"
    labelled.write_text('- q: "hoi"\n  rules: []\n  action: [help]\n', encoding="utf-8")
    (loaded,) = load_cases(labelled)
    assert Outcome(loaded, Answer("help", "…")).correct
