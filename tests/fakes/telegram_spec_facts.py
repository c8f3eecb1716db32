"""Write `telegram_api_facts.json`: the facts of the Bot API description the fake checks by.

The description (../shared/telegram-spec/api-botapi-10.0.json, MIT, from
PaulSonOfLars/telegram-bot-api-spec) is kept outside this repository. The
loopback Bot API needs only its facts: per method and type the fields with
their types and whether they are required, the results, the subtypes of a
union, and the constant tag of a union member ("type" is always "private").
This keeps those, without the documentation prose, so the tests run on a
clean checkout. Run again when the spec is updated:

    .venv/bin/python tests/fakes/telegram_spec_facts.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

SOURCE = Path(__file__).resolve().parents[3] / "shared" / "telegram-spec" / "api-botapi-10.0.json"
FACTS = Path(__file__).resolve().parent / "telegram_api_facts.json"
_CONSTANT = re.compile(r'(?:must be|always) "?([a-z_]+)"?\s*$', re.IGNORECASE)
_ALWAYS_NUMBER = re.compile(r"^Always (\d+)\.")


def constant(field: dict[str, Any]) -> str | int | None:
    """The fixed value of a union member's tag (`type`, `status`, `source`), or `Always 0`."""
    description = field.get("description", "")
    if field["types"] == ["Integer"]:
        number = _ALWAYS_NUMBER.match(description)
        return int(number.group(1)) if number else None
    if field["name"] in ("type", "status", "source") and field["types"] == ["String"]:
        match = _CONSTANT.search(description)
        return match.group(1) if match else None
    return None


def _field(field: dict[str, Any]) -> dict[str, Any]:
    fact = {"name": field["name"], "types": field["types"], "required": field["required"]}
    value = constant(field)
    if value is not None:
        fact["constant"] = value
    return fact


def facts(spec: dict[str, Any]) -> dict[str, Any]:
    methods = {
        name: {"returns": m["returns"], "fields": [_field(f) for f in m.get("fields", [])]}
        for name, m in spec["methods"].items()
    }
    types = {
        name: {
            "fields": [_field(f) for f in t.get("fields", [])],
            "subtypes": t.get("subtypes", []),
        }
        for name, t in spec["types"].items()
    }
    return {"version": spec["version"], "methods": methods, "types": types}


if __name__ == "__main__":
    data = facts(json.loads(SOURCE.read_text(encoding="utf-8")))
    FACTS.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {FACTS} ({len(data['methods'])} methods, {len(data['types'])} types)")
