"""A knowledge base with mistakes is refused, every problem reported as file:line."""

import shutil
from pathlib import Path

import pytest

from bot.kb_loader import BUNDLED_KNOWLEDGE, check_knowledge, load_knowledge
from bot.problems import DataError

GOOD_ENTRY = """\
  - id: {id}
    title: Een onderwerp
    kind: answer
    rules: [ML2]
    questions:
      - {q} een
      - {q} twee
      - {q} drie
      - {q} vier
      - {q} vijf
    answer: Een antwoord.
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    _, problems = check_knowledge(path)
    return [str(p) for p in problems]


def test_bundled_knowledge_base_is_valid():
    kb = load_knowledge(BUNDLED_KNOWLEDGE)
    covered = {rule for entry in kb.entries for rule in entry.rules}
    assert covered == set(kb.rules)
    assert all(len(entry.questions) >= 5 for entry in kb.entries)


def test_valid_single_file(tmp_path):
    path = write(tmp_path, "e.yaml", "entries:\n" + GOOD_ENTRY.format(id="a", q="vraag"))
    assert messages(path) == []


def test_unknown_rule_id_names_file_and_line(tmp_path):
    text = "entries:\n" + GOOD_ENTRY.format(id="a", q="vraag").replace("[ML2]", "[ML2, M9]")
    path = write(tmp_path, "e.yaml", text)
    assert messages(path) == [f"{path}:5: entry 'a': unknown rule id 'M9'"]


def test_a_rule_summary_longer_than_a_line_is_named(tmp_path):
    summary = "lang " * 25
    rule = f"  - id: M5\n    section: Medewerkers\n    summary: {summary}\n    text: De regel.\n"
    text = "rules:\n" + rule
    path = write(tmp_path, "p.yaml", text)
    assert messages(path) == [
        f"{path}:4: rule 'M5': 'summary' is {len(summary.strip())} characters, at most 100"
    ]


def test_a_file_outside_the_working_folder_is_named_by_its_full_path(tmp_path, monkeypatch):
    """Wherever the repository is cloned: a file beside it is no "../" path."""
    text = "entries:\n" + GOOD_ENTRY.format(id="a", q="vraag").replace("[ML2]", "[M9]")
    (tmp_path / "kb").mkdir()
    (tmp_path / "work").mkdir()
    path = write(tmp_path / "kb", "e.yaml", text)
    monkeypatch.chdir(tmp_path / "work")
    assert messages(path) == [f"{path}:5: entry 'a': unknown rule id 'M9'"]
    monkeypatch.chdir(tmp_path)
    assert messages(path) == ["kb/e.yaml:5: entry 'a': unknown rule id 'M9'"]


def test_duplicate_entry_id_reports_both_places(tmp_path):
    text = "entries:\n" + GOOD_ENTRY.format(id="a", q="een") + GOOD_ENTRY.format(id="a", q="twee")
    found = messages(write(tmp_path, "e.yaml", text))
    assert len(found) == 1
    assert ":13: duplicate entry id 'a' (already at " in found[0]
    assert found[0].endswith("e.yaml:2)")


def test_same_question_in_two_entries(tmp_path):
    first = GOOD_ENTRY.format(id="a", q="vraag")
    second = GOOD_ENTRY.format(id="b", q="andere").replace("andere een", "Vraag één!")
    found = messages(write(tmp_path, "e.yaml", "entries:\n" + first + second))
    assert len(found) == 1
    assert ":18: entry 'b': question 'Vraag één!' appears twice (already at " in found[0]


def test_empty_answer_and_wrong_types(tmp_path):
    text = "entries:\n" + GOOD_ENTRY.format(id="a", q="vraag")
    text = text.replace("answer: Een antwoord.", "answer: ''").replace("kind: answer", "kind: 3")
    found = messages(write(tmp_path, "e.yaml", text))
    assert any(":12: entry 'a': 'answer' is empty" in m for m in found)
    assert any(":4: entry 'a': 'kind' must be text, not a number" in m for m in found)


def test_too_few_questions_and_unknown_field(tmp_path):
    text = """\
entries:
  - id: a
    title: T
    kind: answer
    rules: [P]
    questions: [een, twee]
    answer: A
    colour: blue
"""
    found = messages(write(tmp_path, "e.yaml", text))
    assert any(":6: entry 'a': 'questions' has 2 items, at least 5" in m for m in found)
    assert any(":8: entry 'a': unknown field 'colour'" in m for m in found)


def test_invalid_yaml_reports_its_line(tmp_path):
    found = messages(write(tmp_path, "e.yaml", "entries:\n  - id: a\n    title: [unclosed\n"))
    assert len(found) == 1 and "invalid YAML" in found[0]


def test_folder_must_be_complete(tmp_path):
    write(tmp_path, "e.yaml", "entries:\n" + GOOD_ENTRY.format(id="a", q="vraag"))
    found = messages(tmp_path)
    assert any("the protocol text lacks rules: P, M1" in m for m in found)
    assert any("no 'lexicon' found" in m for m in found)


def test_load_refuses_with_every_problem(tmp_path):
    text = "entries:\n" + GOOD_ENTRY.format(id="A B", q="vraag").replace("[ML2]", "[X]")
    path = write(tmp_path, "e.yaml", text)
    with pytest.raises(DataError) as refused:
        load_knowledge(path)
    assert len(refused.value.problems) == 2


def test_outside_entry_needs_no_rules_and_may_cite_none(tmp_path):
    outside = GOOD_ENTRY.format(id="b", q="verlof").replace("kind: answer", "kind: outside")
    fine = write(tmp_path, "ok.yaml", "entries:\n" + outside.replace("    rules: [ML2]\n", ""))
    assert messages(fine) == []
    wrong = write(tmp_path, "bad.yaml", "entries:\n" + outside)
    assert messages(wrong) == [f"{wrong}:5: entry 'b': an outside entry cites no rules"]


def test_a_phrasing_without_a_required_word_is_named(tmp_path):
    entry = GOOD_ENTRY.format(id="c", q="ontslag").replace(
        "      - ontslag vijf\n", "      - iets heel anders\n"
    )
    text = "entries:\n" + entry + "    requires: [ontslag]\n"
    path = write(tmp_path, "e.yaml", text)
    assert messages(path) == [
        f"{path}:2: entry 'c': question 'iets heel anders' has none of its required words"
    ]


def test_about_names_one_role(tmp_path):
    entry = GOOD_ENTRY.format(id="d", q="straf")
    fine = write(tmp_path, "ok.yaml", "entries:\n" + entry + "    about: leerling\n")
    assert messages(fine) == []
    wrong = write(tmp_path, "bad.yaml", "entries:\n" + entry + "    about: leerling en ouder\n")
    assert messages(wrong) == [
        f"{wrong}:2: entry 'd': about must be one role word, not 'leerling en ouder'"
    ]


def test_broad_is_true_or_false(tmp_path):
    entry = GOOD_ENTRY.format(id="e", q="foto")
    fine = write(tmp_path, "ok.yaml", "entries:\n" + entry + "    broad: true\n")
    assert messages(fine) == []
    wrong = write(tmp_path, "bad.yaml", "entries:\n" + entry + "    broad: ja\n")
    assert messages(wrong) == [f"{wrong}:13: entry 'e': 'broad' must be true or false, not str"]


def test_a_phrasing_with_an_excluded_word_is_named(tmp_path):
    entry = GOOD_ENTRY.format(id="e", q="voor wie").replace(
        "      - voor wie vijf\n", "      - straf voor wie\n"
    )
    path = write(tmp_path, "e.yaml", "entries:\n" + entry + "    excludes: [straf]\n")
    assert messages(path) == [
        f"{path}:2: entry 'e': question 'straf voor wie' holds an excluded word"
    ]


@pytest.mark.parametrize(
    ("key", "entries"),
    [
        ("reported_patterns", "    - '\\bcollega heeft'\n    - '(unclosed'\n"),
        ("phrases", "    '\\bover de schreef\\b': overtreding\n    '(unclosed': x\n"),
    ],
)
def test_a_broken_pattern_is_named_with_its_list_and_line(tmp_path, key, entries):
    found = messages(write(tmp_path, "lexicon.yaml", f"lexicon:\n  {key}:\n{entries}"))
    broken = [m for m in found if "regular expression" in m]
    assert len(broken) == 1
    assert broken[0].startswith(f"{tmp_path / 'lexicon.yaml'}:4: lexicon: {key}:")


def test_a_named_word_list_stands_in_for_its_placeholder(tmp_path):
    folder = tmp_path / "kb"
    shutil.copytree(BUNDLED_KNOWLEDGE, folder)
    lexicon = (folder / "lexicon.yaml").read_text(encoding="utf-8")
    added = "  request_patterns:\n    - '\\bvraag (\\w+ ){0,2}aan mijn {leader}\\b'\n"
    write(folder, "lexicon.yaml", lexicon.replace("  request_patterns:\n", added))
    kb, problems = check_knowledge(folder)
    assert problems == [] and kb is not None
    pattern = kb.lexicon.request_patterns[0]
    assert pattern.search("vraag het even aan mijn teamleider")
    assert not pattern.search("vraag het aan mijn collega")


def test_an_unknown_placeholder_is_named_with_its_list_and_line(tmp_path):
    text = "lexicon:\n  doubt_patterns:\n    - 'twijfel'\n    - 'vraag {baas}'\n"
    path = write(tmp_path, "lexicon.yaml", text)
    assert f"{path}:4: lexicon: doubt_patterns: '{{baas}}' is not in pattern_words" in messages(
        path
    )


def test_a_typed_answer_without_an_option_to_stand_for_is_named(tmp_path):
    text = "lexicon:\n  typed_answers:\n    jazeker: ja\n    laat maar: [stoppen, 3]\n"
    path = write(tmp_path, "lexicon.yaml", text)
    expected = f"{path}:4: lexicon: typed_answers: 'laat maar' must map to text or a list of texts"
    assert expected in messages(path)
