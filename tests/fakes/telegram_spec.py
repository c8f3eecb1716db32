"""The Bot API's facts (telegram_api_facts.json, drawn from ../shared/telegram-spec/ by
telegram_spec_facts.py) as a checker for the loopback imitation.

Requests: every parameter decoded by its declared types (python-telegram-bot
sends strings raw and everything else JSON-encoded), missing required and
unknown parameters reported. Results and updates: checked recursively
against the declared types (required fields present, no unknown fields, the
constant `type` of a union member, Integer/String/Boolean/Float kinds).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SPEC_FILE = Path(__file__).resolve().parent / "telegram_api_facts.json"
_ARRAY = "Array of "


class SpecError(Exception):
    """A request or result that the Bot API description does not allow."""


@cache
def load_spec(path: Path = SPEC_FILE) -> Spec:
    return Spec(json.loads(path.read_text(encoding="utf-8")))


class Spec:
    def __init__(self, data: dict[str, Any]) -> None:
        self.version: str = data["version"]
        self.methods: dict[str, Any] = data["methods"]
        self.types: dict[str, Any] = data["types"]

    # requests

    def decode_params(self, method: str, raw: dict[str, str]) -> dict[str, Any]:
        """The parameters of a call, each decoded and checked; SpecError naming every problem."""
        if method not in self.methods:
            raise SpecError(f"unknown method {method!r}")
        fields = {f["name"]: f for f in self.methods[method].get("fields", [])}
        problems = [f"unknown parameter {name!r}" for name in raw if name not in fields]
        problems += [
            f"missing required parameter {name!r}"
            for name, f in fields.items()
            if f["required"] and name not in raw
        ]
        decoded = {}
        for name, value in raw.items():
            if name in fields:
                try:
                    decoded[name] = self._decode(value, fields[name]["types"])
                except SpecError as exc:
                    problems.append(f"parameter {name!r}: {exc}")
        if problems:
            raise SpecError(f"{method}: " + "; ".join(problems))
        return decoded

    def _decode(self, raw: str, types: list[str]) -> Any:
        problems = []
        for kind in types:
            if kind == "String":
                return raw
            try:
                value = raw if kind == "InputFile" else json.loads(raw)
            except ValueError:
                problems.append(f"{raw[:40]!r} is no JSON for {kind}")
                continue
            found = self.problems(value, [kind], "")
            if not found:
                return value
            problems += found
        raise SpecError("; ".join(problems))

    # results

    def check_result(self, method: str, value: Any) -> None:
        problems = self.problems(value, self.methods[method]["returns"], f"{method} result")
        if problems:
            raise SpecError("; ".join(problems))

    def check(self, value: Any, kind: str, where: str) -> None:
        problems = self.problems(value, [kind], where)
        if problems:
            raise SpecError("; ".join(problems))

    def problems(self, value: Any, types: list[str], where: str) -> list[str]:
        """Nothing when `value` fits one of `types`, else what is wrong (for the closest)."""
        attempts = []
        for kind in types:
            found = self._problems_one(value, kind, where)
            if not found:
                return []
            attempts.append(found)
        return min(attempts, key=len)

    def _problems_one(self, value: Any, kind: str, where: str) -> list[str]:
        if kind.startswith(_ARRAY):
            if not isinstance(value, list):
                return [f"{where}: expected {kind}, got {type(value).__name__}"]
            inner = kind.removeprefix(_ARRAY)
            return [
                p for i, v in enumerate(value) for p in self.problems(v, [inner], f"{where}[{i}]")
            ]
        if kind in _PRIMITIVES:
            return [] if _PRIMITIVES[kind](value) else [f"{where}: {value!r} is not {kind}"]
        spec = self.types.get(kind)
        if spec is None:
            return [f"{where}: unknown type {kind}"]
        if spec.get("subtypes"):
            return self.problems(value, spec["subtypes"], where)
        return self._object_problems(value, kind, spec, where)

    def _object_problems(self, value: Any, kind: str, spec: dict, where: str) -> list[str]:
        if not isinstance(value, dict):
            return [f"{where}: expected {kind} object, got {type(value).__name__}"]
        fields = {f["name"]: f for f in spec.get("fields", [])}
        problems = [f"{where}: {kind} has unknown field {k!r}" for k in value if k not in fields]
        for name, field in fields.items():
            if name not in value:
                if field["required"]:
                    problems.append(f"{where}: {kind} lacks required {name!r}")
                continue
            problems += self.problems(value[name], field["types"], f"{where}.{name}")
            constant = field.get("constant")
            if constant is not None and value[name] != constant:
                problems.append(f"{where}.{name}: must be {constant!r} in {kind}")
        return problems


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_PRIMITIVES = {
    "Integer": _is_int,
    "Float": lambda v: _is_int(v) or isinstance(v, float),
    "String": lambda v: isinstance(v, str),
    "Boolean": lambda v: isinstance(v, bool),
    "True": lambda v: v is True,
    "InputFile": lambda v: isinstance(v, str),
}
