"""kill -9 at each step of the escalation flow, with real processes.

Each step of the flow is its own `python -m bot chat` process on one
database. A fault hook (BOT_FAULT) makes the process SIGKILL itself just
before or just after a turn commits. After a restart, every message must have
been shown exactly once: none lost, none twice.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from engine_support import DIRECTORY

STEPS = [
    ("akaya", "Ik twijfel of ik deze foto van mijn klas op insta mag zetten\n"),
    ("akaya", "1\n"),
    ("akaya", "Het is voor de open dag\n"),
    ("jdevries", "1\n"),
    ("akaya", ""),
]
ONCE = {
    "akaya": [
        "Zal ik je vraag voorleggen aan Jan de Vries?",
        "Wil je er nog iets bij vertellen",
        "Ik heb je vraag voorgelegd aan Jan de Vries",
        "geeft **akkoord** op je vraag #1",
    ],
    "jdevries": ["Ayse Kaya vraagt je om een besluit", "Vastgelegd: **Akkoord**"],
}


def chat(tmp: Path, person: str, text: str, fault: str = "") -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "BOT_DIRECTORY": str(tmp / "directory.yaml"),
        "BOT_DB": str(tmp / "bot.db"),
        "BOT_FAULT": fault,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--as", person],
        input=text,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def run_flow(tmp: Path, crash_step: int | None, fault: str) -> dict[str, str]:
    (tmp / "directory.yaml").write_text(DIRECTORY, encoding="utf-8")
    seen = {"akaya": "", "jdevries": ""}
    for number, (person, text) in enumerate(STEPS):
        if number == crash_step:
            crashed = chat(tmp, person, text, fault)
            assert crashed.returncode == -signal.SIGKILL, crashed.stderr
            seen[person] += crashed.stdout
            if fault.endswith("before-commit"):
                # Nothing was stored: the person sees no answer and types it again.
                result = chat(tmp, person, text)
            else:
                # Stored but never shown: the next start shows it.
                result = chat(tmp, person, "")
        else:
            result = chat(tmp, person, text)
        assert result.returncode == 0, result.stderr
        seen[person] += result.stdout
    return seen


def assert_each_message_once(seen: dict[str, str]) -> None:
    for person, messages in ONCE.items():
        for message in messages:
            assert seen[person].count(message) == 1, (person, message, seen[person])


def test_the_flow_works_as_separate_processes(tmp_path):
    assert_each_message_once(run_flow(tmp_path, None, ""))


@pytest.mark.parametrize("step", range(4))
@pytest.mark.parametrize("fault", ["turn:before-commit", "turn:after-commit"])
def test_kill_9_at_any_step_loses_nothing_and_repeats_nothing(tmp_path, step, fault):
    assert_each_message_once(run_flow(tmp_path, step, fault))
