"""Small typed readers for YAML mappings that collect problems instead of raising."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.problems import Problem
from bot.yamlsource import LineDict, LineList


class FieldReader:
    """Reads the fields of one YAML mapping, recording every problem with its line."""

    def __init__(self, data: LineDict, file: str, what: str, problems: list[Problem]) -> None:
        self.data = data
        self.file = file
        self.what = what
        self.problems = problems

    def line(self, key: str | None = None) -> int:
        return self.data.line_of(key) if key is not None else self.data.line

    def problem(self, message: str, key: str | None = None, line: int | None = None) -> None:
        self.problems.append(Problem(self.file, line or self.line(key), message))

    def unknown_keys(self, allowed: Iterable[str]) -> None:
        allowed = set(allowed)
        for key in self.data:
            if key not in allowed:
                self.problem(f"{self.what}: unknown field '{key}'", key)

    def text(self, key: str, required: bool = True, max_len: int | None = None) -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(f"{self.what}: missing '{key}'")
            return ""
        if not isinstance(value, str):
            self.problem(f"{self.what}: '{key}' must be text, not {type_name(value)}", key)
            return ""
        if required and not value.strip():
            self.problem(f"{self.what}: '{key}' is empty", key)
        if max_len is not None and len(value) > max_len:
            self.problem(f"{self.what}: '{key}' is {len(value)} characters, at most {max_len}", key)
        return value.strip()

    def text_list(
        self, key: str, required: bool = True, min_items: int = 0
    ) -> list[tuple[str, int]]:
        """A list of non-empty strings, each with its line."""
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(f"{self.what}: missing '{key}'")
            return []
        if not isinstance(value, LineList):
            self.problem(f"{self.what}: '{key}' must be a list, not {type_name(value)}", key)
            return []
        items: list[tuple[str, int]] = []
        for index, item in enumerate(value):
            line = value.line_of(index)
            if not isinstance(item, str) or not item.strip():
                self.problem(
                    f"{self.what}: '{key}' item {index + 1} must be non-empty text", line=line
                )
                continue
            items.append((item.strip(), line))
        if len(value) < min_items:
            self.problem(f"{self.what}: '{key}' has {len(value)} items, at least {min_items}", key)
        return items

    def flag(self, key: str) -> bool:
        """An optional true/false field; absent is false."""
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.problem(f"{self.what}: '{key}' must be true or false, not {type_name(value)}", key)
            return False
        return value

    def mapping(self, key: str, required: bool = True) -> LineDict | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(f"{self.what}: missing '{key}'")
            return None
        if not isinstance(value, LineDict):
            self.problem(f"{self.what}: '{key}' must be a mapping, not {type_name(value)}", key)
            return None
        return value


def type_name(value: Any) -> str:
    if isinstance(value, LineDict):
        return "a mapping"
    if isinstance(value, LineList):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if value is None:
        return "nothing"
    return type(value).__name__
