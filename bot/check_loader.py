"""Reading one deciding question of the publication check (`checks:` in the YAML).

Besides what to ask, a question may say which wordings of a staff member's own
question already answer it (`told`), so that the check does not ask again what
the asker just said ("het is nog niet officieel bekend").
"""

from __future__ import annotations

import re

from bot.fields import FieldReader
from bot.knowledge import CHECK_ANSWERS, RULE_IDS, CheckQuestion
from bot.yamlsource import LineDict

CHECK_KEYS = ("id", "ask", "rules", "only_if", "stop_on", "stop", "note_on", "note", "told")


def read_check(reader: FieldReader) -> CheckQuestion:
    reader.unknown_keys(CHECK_KEYS)
    stop_on = _answer_value(reader, "stop_on")
    note_on = _answer_value(reader, "note_on")
    return CheckQuestion(
        id=reader.text("id"),
        ask=reader.text("ask"),
        rules=read_rule_ids(reader),
        only_if=_only_if(reader),
        stop_on=stop_on,
        stop=reader.text("stop", required=stop_on is not None),
        note_on=note_on,
        note=reader.text("note", required=note_on is not None),
        told=_told(reader),
    )


def read_rule_ids(reader: FieldReader, key: str = "rules") -> tuple[str, ...]:
    """A non-empty list of the protocol's rule ids."""
    ids = []
    for rule_id, line in reader.text_list(key, min_items=1):
        if rule_id not in RULE_IDS:
            reader.problem(f"{reader.what}: unknown rule id '{rule_id}'", line=line)
        else:
            ids.append(rule_id)
    return tuple(ids)


def _only_if(reader: FieldReader) -> tuple[str, str] | None:
    condition = reader.mapping("only_if", required=False)
    if condition is None:
        return None
    if len(condition) != 1:
        reader.problem(f"{reader.what}: 'only_if' names exactly one earlier check", "only_if")
        return None
    ((earlier, answer),) = condition.items()
    return (str(earlier), str(_yes_no(answer)))


def _answer_value(reader: FieldReader, key: str) -> str | None:
    value = reader.data.get(key)
    if value is None:
        return None
    value = _yes_no(value)
    if value not in CHECK_ANSWERS:
        reader.problem(f"{reader.what}: '{key}' must be ja or nee, not '{value}'", key)
        return None
    return value


def _yes_no(value: object) -> object:
    """YAML reads an unquoted yes/no as true/false: those mean ja and nee."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return value


def _told(reader: FieldReader) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """`told: {ja: [pattern, ...], nee: [...]}`: patterns over the folded question."""
    table = reader.mapping("told", required=False)
    if table is None:
        return ()
    told: list[tuple[str, re.Pattern[str]]] = []
    for answer in table:
        value = _yes_no(answer)
        if value not in CHECK_ANSWERS:
            reader.problem(f"{reader.what}: 'told' answers are ja or nee, not '{answer}'", "told")
            continue
        told += [(value, _compile(reader, p, line)) for p, line in _patterns(reader, table, answer)]
    return tuple(told)


def _patterns(reader: FieldReader, table: LineDict, answer: object) -> list[tuple[str, int]]:
    inner = FieldReader(table, reader.file, f"{reader.what}: told: {answer}", reader.problems)
    return inner.text_list(str(answer)) if isinstance(answer, str) else []


def _compile(reader: FieldReader, pattern: str, line: int) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        reader.problem(f"{reader.what}: told: not a valid regular expression: {exc}", line=line)
        return re.compile(r"(?!)")
