"""The command line: the JSON contract scripts depend on, chat, kb check, eval."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from bot.cli import main

CONTRACT = {
    "question": str,
    "action": str,
    "rules": list,
    "entry": (str, type(None)),
    "score": (float, int, type(None)),
    "text": str,
    "options": list,
}
ACTIONS = {"answer", "check", "escalate", "clarify", "help", "fallback"}


def run(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_ask_json_has_the_stable_fields(capsys):
    code, out, _ = run(capsys, "ask", "--json", "Mag ik deze foto plaatsen?")
    assert code == 0
    reply = json.loads(out)
    for key, kind in CONTRACT.items():
        assert isinstance(reply[key], kind), key
    assert reply["action"] in ACTIONS
    assert "ML2" in reply["rules"]
    assert all(set(o) == {"label", "action"} for o in reply["options"])


def test_ask_json_reads_one_question_per_line_in_order(capsys, monkeypatch):
    questions = ["hallo", "Hoe laat vertrekt de bus naar Utrecht?", "regel ML2", ""]
    code, out, _ = run(
        capsys, "ask", "--json", stdin="\n".join(questions) + "\n", monkeypatch=monkeypatch
    )
    replies = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["question"] for r in replies] == questions
    assert [r["action"] for r in replies] == ["help", "fallback", "answer", "help"]
    assert replies[1]["rules"] == [] and replies[1]["entry"] is None
    assert replies[2]["rules"] == ["ML2"]


def test_rule_text_is_shown_verbatim(capsys):
    _, out, _ = run(capsys, "ask", "toon regel ML2")
    assert "niet toegestaan om foto-, film- en geluidsopnamen" in out


def test_ask_prints_options_as_numbered_lines(capsys):
    _, out, _ = run(capsys, "ask", "Mag ik deze foto plaatsen?")
    assert "[1] Ja" in out and "[3] Weet ik niet" in out


def test_chat_with_piped_input_picks_options_by_number(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("BOT_DB", str(tmp_path / "bot.db"))
    monkeypatch.delenv("BOT_DIRECTORY", raising=False)
    script = "Mag ik deze foto plaatsen?\n1\n1\n2\n2\n1\n"
    code, out, _ = run(capsys, "chat", stdin=script, monkeypatch=monkeypatch)
    assert code == 0
    assert "Staan er leerlingen, collega's of ouders herkenbaar op" in out
    assert "Heeft iedereen die herkenbaar is uitdrukkelijk toestemming gegeven" in out
    assert "Op basis van je antwoorden mag het" in out
    assert "Traceback" not in out


def test_chat_question_without_topic_leads_to_the_picked_topic(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("BOT_DB", str(tmp_path / "bot.db"))
    _, out, _ = run(capsys, "chat", stdin="mag dat?\n1\n", monkeypatch=monkeypatch)
    assert "[1] Foto of filmpje plaatsen" in out
    assert "Staan er leerlingen, collega's of ouders herkenbaar op" in out


def test_chat_check_stops_when_consent_is_missing(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("BOT_DB", str(tmp_path / "bot.db"))
    script = "mag ik een foto van mijn klas op insta zetten\n1\n2\n"
    _, out, _ = run(capsys, "chat", stdin=script, monkeypatch=monkeypatch)
    assert "Dan niet plaatsen" in out and "regel ML2" in out


def test_chat_as_unknown_person_is_refused(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("BOT_DB", str(tmp_path / "bot.db"))
    code, _, err = run(capsys, "chat", "--as", "nobody", stdin="", monkeypatch=monkeypatch)
    assert code == 2 and "unknown person 'nobody'" in err


def test_kb_check_bundled_is_fine_with_counts(capsys):
    code, out, _ = run(capsys, "kb", "check")
    assert code == 0
    assert out.startswith("OK:") and "17 of 17 rules covered" in out


def test_kb_check_reports_file_and_line(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - id: x\n    kind: answer\n", encoding="utf-8")
    code, out, _ = run(capsys, "kb", "check", str(bad))
    assert code == 1
    assert f"{bad}:2: entry 'x': missing 'title'" in out


def test_eval_prints_the_figures(capsys, tmp_path):
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        '- q: "hallo"\n  action: [help]\n- q: "Hoeveel verlofdagen heb ik nog?"\n'
        "  action: [fallback]\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "eval", str(cases))
    assert code == 0
    assert "overall accuracy       1.000" in out
    assert "out-of-scope rejection 1.000" in out


def test_bad_settings_are_named_without_traceback(capsys, monkeypatch):
    monkeypatch.setenv("BOT_REMIND_AFTER_HOURS", "soon")
    code, _, err = run(capsys, "chat", stdin="", monkeypatch=monkeypatch)
    assert code == 2
    assert "BOT_REMIND_AFTER_HOURS must be a number of hours" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("db_arg", [True, False])
def test_purge_reports_what_it_deleted(capsys, monkeypatch, tmp_path, db_arg):
    db = tmp_path / "bot.db"
    monkeypatch.setenv("BOT_DB", str(db))
    args = ["purge", "--db", str(db)] if db_arg else ["purge"]
    code, out, _ = run(capsys, *args)
    assert code == 0 and out.startswith("Purged 0 closed case(s)")


def test_a_reader_that_stops_early_ends_the_output_without_a_traceback():
    """`python -m bot ask --json < questions | head -1`: the pipe closes under the bot."""
    command = [sys.executable, "-m", "bot", "ask", "--json"]
    questions = "mag ik deze foto plaatsen?\n" * 400
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as bot:
        bot.stdin.write(questions.encode())
        bot.stdin.close()
        first = bot.stdout.readline()
        bot.stdout.close()
        errors = bot.stderr.read().decode()
        code = bot.wait()
    assert json.loads(first)["action"] == "check"
    assert "Traceback" not in errors
    assert code == 141
