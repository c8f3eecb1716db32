"""YAML loading that remembers line numbers, so validation can say `file:line`.

PyYAML drops positions after construction. This loader builds mappings and
sequences as `LineDict` / `LineList`, which carry the line of the node and of
each key's value or each item. Duplicate keys (which PyYAML silently
overwrites) are recorded so they can be reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.problems import Problem


class LineDict(dict):
    line: int = 0
    key_lines: dict[Any, int]
    duplicate_keys: list[tuple[Any, int]]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader (libyaml's C parser when installed) building line-aware values."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    result.duplicate_keys = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            key = str(key)
        line = key_node.start_mark.line + 1
        if key in result:
            result.duplicate_keys.append((key, line))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path, label: str | None = None) -> tuple[Any, list[Problem]]:
    """Parse one YAML file. Returns the data (None on failure) and the problems."""
    name = label or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(name, 1, f"cannot read file: {exc.__class__.__name__}")]
    try:
        data = yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(name, line, f"invalid YAML: {exc.problem or exc.context}")]
    except yaml.YAMLError as exc:
        return None, [Problem(name, 1, f"invalid YAML: {exc}")]
    return data, duplicate_key_problems(data, name)


def duplicate_key_problems(data: Any, name: str) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(data, LineDict):
        problems += [Problem(name, ln, f"duplicate key '{k}'") for k, ln in data.duplicate_keys]
        for value in data.values():
            problems += duplicate_key_problems(value, name)
    elif isinstance(data, LineList):
        for value in data:
            problems += duplicate_key_problems(value, name)
    return problems


def yaml_files(path: Path) -> list[Path]:
    """A YAML file itself, or every YAML file below a folder, in a stable order."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]
