"""Escalation of doubt as a floor, on eight corpora of doubt messages and near misses.

Each corpus (tests/eval/doubtN.yaml) lists `doubt`: the asker in doubt about
their own publication, or asking for a leader to look, which must get the
escalation offer; and `not_doubt`: near misses that must not. Written blind by
helpers who saw only the protocol; each was scored blind before it was tuned on, and
doubt4 is unread.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from engine_support import shared_core

EVAL = Path(__file__).resolve().parent / "eval"


def escalated(texts: list[str]) -> float:
    respond = shared_core().responder.respond
    return sum(respond(text).action == "escalate" for text in texts) / len(texts)


@pytest.mark.parametrize(
    ("name", "recall", "false_escalations"),
    [
        ("doubt1.yaml", 0.89, 0.04),  # tuned on: 0.912 / 0.025
        ("doubt2.yaml", 0.85, 0.02),  # blind 0.627 / 0.020, tuned 0.867 / 0.013
        ("doubt3.yaml", 0.70, 0.04),  # blind 0.520 / 0.040, tuned 0.720 / 0.027
        ("doubt4.yaml", 0.72, 0.03),  # blind, unread: 0.707 / 0.020 at its first scoring
        ("doubt5.yaml", 0.97, 0.02),  # blind 0.720 / 0.127 (session start), tuned on
        ("doubt6.yaml", 0.86, 0.02),  # no obvious doubt words; blind 0.593 / 0.027, tuned on
        ("doubt7.yaml", 0.95, 0.10),  # representative; blind 0.973 / 0.127, near misses read
        ("doubt8.yaml", 0.97, 0.02),  # blind 0.927 / 0.040, tuned on
    ],
)
def test_doubt_is_escalated_and_near_misses_are_not(name, recall, false_escalations):
    corpus = yaml.safe_load((EVAL / name).read_text(encoding="utf-8"))
    assert escalated(corpus["doubt"]) >= recall
    assert escalated(corpus["not_doubt"]) <= false_escalations
