"""Loading and validating the knowledge base from YAML files.

A knowledge base is a folder of YAML files (or one file). Each file is a
mapping whose top-level keys are any of: `intro`, `rules` (the protocol
text), `entries`, `checks` (the deciding questions of the publication check)
and `lexicon`. Every problem is collected and reported as `file:line: ...`;
a knowledge base with any problem is refused as a whole.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from bot.check_loader import read_check, read_rule_ids
from bot.fields import FieldReader, type_name
from bot.kb_checks import cross_check
from bot.knowledge import (
    ENTRY_KINDS,
    RULE_IDS,
    CheckQuestion,
    Entry,
    KnowledgeBase,
    Lexicon,
    Rule,
)
from bot.lexicon_loader import read_lexicon
from bot.problems import DataError, Problem
from bot.text import fold
from bot.yamlsource import LineDict, LineList, load_yaml, yaml_files

BUNDLED_KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
TOP_LEVEL_KEYS = ("intro", "rules", "entries", "checks", "lexicon")
MIN_QUESTIONS = 5
MAX_TITLE = 40
_SINGULAR = {"rules": "rule", "entries": "entry", "checks": "check"}
_ENTRY_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

RULE_SUMMARY_MAX = 100  # a rule's summary is one line of the overview


@dataclass
class _Parts:
    intro: str = ""
    rules: dict[str, Rule] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    checks: dict[str, CheckQuestion] = field(default_factory=dict)
    lexicon: Lexicon | None = None
    seen: dict[str, str] = field(default_factory=dict)  # id or question -> "file:line"


def load_knowledge(path: Path | None = None) -> KnowledgeBase:
    """The knowledge base at `path` (default: the bundled one); DataError if refused."""
    kb, problems = check_knowledge(path or BUNDLED_KNOWLEDGE)
    if problems or kb is None:
        raise DataError(problems)
    return kb


def check_knowledge(path: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Validate a knowledge base folder or a single file of one.

    A folder must be complete (all rules, a lexicon); a single file is
    checked on its own.
    """
    if not path.exists():
        return None, [Problem(_label(path), 0, "no such file or folder")]
    files = yaml_files(path)
    if not files:
        return None, [Problem(_label(path), 0, "no YAML files found")]
    parts = _Parts()
    problems: list[Problem] = []
    for file in files:
        _read_file(file, parts, problems)
    if path.is_dir():
        _check_complete(parts, _label(path), problems)
    kb = KnowledgeBase(
        rules=parts.rules,
        entries=tuple(parts.entries),
        checks=parts.checks,
        lexicon=parts.lexicon or Lexicon(),
        intro=parts.intro,
    )
    problems += cross_check(kb, has_lexicon=parts.lexicon is not None)
    return kb, sorted(problems)


def _label(path: Path) -> str:
    """A file as problems name it: relative to the working folder when it is inside
    it, else absolute. (Relative paths that climb out of it depended on where the
    repository and the file happened to sit.)"""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return relative if not relative.startswith("..") else str(path)


def _read_file(file: Path, parts: _Parts, problems: list[Problem]) -> None:
    name = _label(file)
    data, found = load_yaml(file, name)
    problems += found
    if data is None and not found:
        problems.append(Problem(name, 1, "file is empty"))
        return
    if data is None:
        return
    if not isinstance(data, LineDict):
        problems.append(Problem(name, 1, f"top level must be a mapping, not {type_name(data)}"))
        return
    top = FieldReader(data, name, "file", problems)
    top.unknown_keys(TOP_LEVEL_KEYS)
    if "intro" in data:
        parts.intro = top.text("intro")
    for key, reader in (
        ("rules", _read_rule),
        ("entries", _read_entry),
        ("checks", _read_check),
    ):
        if key in data:
            for item_reader in _items(top, key):
                reader(item_reader, parts)
    if "lexicon" in data:
        lexicon_data = top.mapping("lexicon")
        if lexicon_data is not None:
            parts.lexicon = read_lexicon(FieldReader(lexicon_data, name, "lexicon", problems))


def _items(top: FieldReader, key: str) -> list[FieldReader]:
    value = top.data[key]
    if not isinstance(value, LineList):
        top.problem(f"'{key}' must be a list, not {type_name(value)}", key)
        return []
    readers = []
    for index, item in enumerate(value):
        what = f"{key} item {index + 1}"
        if not isinstance(item, LineDict):
            top.problem(
                f"{what} must be a mapping, not {type_name(item)}", line=value.line_of(index)
            )
            continue
        if isinstance(item.get("id"), str):
            what = f"{_SINGULAR[key]} '{item['id']}'"
        readers.append(FieldReader(item, top.file, what, top.problems))
    return readers


def _claim(parts: _Parts, reader: FieldReader, key: str, what: str, line: int) -> bool:
    """Record that `key` is defined here; report it when defined before."""
    here = f"{reader.file}:{line}"
    if key in parts.seen:
        reader.problem(f"{what} (already at {parts.seen[key]})", line=line)
        return False
    parts.seen[key] = here
    return True


def _entry_rules(reader: FieldReader, kind: str) -> tuple[str, ...]:
    """An entry rests on at least one rule; an `outside` entry on none."""
    if kind != "outside":
        return read_rule_ids(reader)
    if reader.data.get("rules"):
        reader.problem(f"{reader.what}: an outside entry cites no rules", "rules")
    return ()


def _read_rule(reader: FieldReader, parts: _Parts) -> None:
    reader.unknown_keys(("id", "section", "text", "summary"))
    rule_id = reader.text("id")
    if rule_id and rule_id not in RULE_IDS:
        reader.problem(f"unknown rule id '{rule_id}' (known: {', '.join(RULE_IDS)})", "id")
        return
    summary = reader.text("summary", required=False, max_len=RULE_SUMMARY_MAX)
    rule = Rule(rule_id, reader.text("section"), reader.text("text"), summary)
    if rule_id and _claim(
        parts, reader, f"rule:{rule_id}", f"duplicate rule '{rule_id}'", reader.line("id")
    ):
        parts.rules[rule_id] = rule


def _read_entry(reader: FieldReader, parts: _Parts) -> None:
    reader.unknown_keys(
        (
            "id",
            "title",
            "kind",
            "rules",
            "questions",
            "keywords",
            "requires",
            "excludes",
            "about",
            "answer",
            "checks",
            "broad",
        )
    )
    entry_id = reader.text("id")
    if entry_id and not _ENTRY_ID.match(entry_id):
        reader.problem(f"entry id '{entry_id}' must be lowercase words joined by '-'", "id")
    kind = reader.text("kind")
    if kind and kind not in ENTRY_KINDS:
        reader.problem(
            f"{reader.what}: kind must be one of {', '.join(ENTRY_KINDS)}, not '{kind}'", "kind"
        )
    questions = reader.text_list("questions", min_items=MIN_QUESTIONS)
    for question, line in questions:
        key = "question:" + " ".join(fold(question).split())
        _claim(parts, reader, key, f"{reader.what}: question '{question}' appears twice", line)
    entry = Entry(
        id=entry_id,
        title=reader.text("title", max_len=MAX_TITLE),
        kind=kind,
        rules=_entry_rules(reader, kind),
        questions=tuple(q for q, _ in questions),
        keywords=tuple(k for k, _ in reader.text_list("keywords", required=False)),
        requires=tuple(k for k, _ in reader.text_list("requires", required=False)),
        excludes=tuple(k for k, _ in reader.text_list("excludes", required=False)),
        about=reader.text("about", required=False),
        answer=reader.text("answer"),
        checks=tuple(c for c, _ in reader.text_list("checks", required=False)),
        broad=reader.flag("broad"),
        source=f"{reader.file}:{reader.line()}",
    )
    if entry_id and _claim(
        parts, reader, f"entry:{entry_id}", f"duplicate entry id '{entry_id}'", reader.line("id")
    ):
        parts.entries.append(entry)


def _read_check(reader: FieldReader, parts: _Parts) -> None:
    check = read_check(reader)
    if check.id and _claim(
        parts, reader, f"check:{check.id}", f"duplicate check '{check.id}'", reader.line("id")
    ):
        parts.checks[check.id] = check


def _check_complete(parts: _Parts, folder: str, problems: list[Problem]) -> None:
    missing = [r for r in RULE_IDS if r not in parts.rules]
    if missing:
        problems.append(Problem(folder, 0, f"the protocol text lacks rules: {', '.join(missing)}"))
    if parts.lexicon is None:
        problems.append(Problem(folder, 0, "no 'lexicon' found"))
    if not parts.entries:
        problems.append(Problem(folder, 0, "no entries found"))
