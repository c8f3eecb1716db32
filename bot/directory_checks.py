"""Checking the people of a directory against each other.

Ids, references to managers and stand-ins, manager cycles and chat handles
shared by two people; used for the YAML file and for the CSV import alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.directory import FIELD_LABELS, PersonRecord, valid_id
from bot.problems import Problem


def check_records(
    records: Sequence[PersonRecord],
    file: str,
    default_contact: tuple[str, int] | None = None,
    labels: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Problems between people: ids, references, manager cycles and shared chat handles.

    `default_contact` is the id and its line; `labels` renames fields in the
    messages (the CSV import uses its column names).
    """
    checker = _Checker(records, file, {**FIELD_LABELS, **(labels or {})})
    checker.check_ids()
    checker.check_references(default_contact)
    checker.check_cycles()
    checker.check_handles()
    return checker.problems


class _Checker:
    def __init__(self, records: Sequence[PersonRecord], file: str, labels: dict[str, str]) -> None:
        self.records = [r for r in records if r.id]  # an empty id was reported when read
        self.file = file
        self.labels = labels
        self.problems: list[Problem] = []
        self.by_id: dict[str, PersonRecord] = {}
        for record in self.records:
            self.by_id.setdefault(record.id, record)

    def report(self, record: PersonRecord, name: str, message: str) -> None:
        self.problems.append(
            Problem(self.file, record.line_of(name), f"person '{record.id}': {message}")
        )

    def check_ids(self) -> None:
        for record in self.records:
            if not valid_id(record.id):
                self.report(
                    record,
                    "id",
                    f"{self.labels['id']} may only hold lowercase letters, digits, '.', '_' or '-'",
                )
            first = self.by_id[record.id]
            if first is not record:
                self.report(
                    record,
                    "id",
                    f"duplicate {self.labels['id']} (already at line {first.line_of('id')})",
                )

    def check_references(self, default_contact: tuple[str, int] | None) -> None:
        for record in self.records:
            for name in ("manager", "standin"):
                target = getattr(record, name)
                label = self.labels[name]
                if target == record.id:
                    self.report(record, name, f"is their own {label}")
                elif target is not None and target not in self.by_id:
                    self.report(record, name, f"{label} '{target}' is not in the directory")
        if default_contact and default_contact[0] not in self.by_id:
            person_id, line = default_contact
            self.problems.append(
                Problem(self.file, line, f"default_contact '{person_id}' is not in the directory")
            )

    def check_cycles(self) -> None:
        order = {record.id: index for index, record in enumerate(self.records)}
        for cycle in _manager_cycles(self.by_id):
            start = min(range(len(cycle)), key=lambda i: order[cycle[i]])
            cycle = cycle[start:] + cycle[:start]
            chain = " -> ".join([*cycle, cycle[0]])
            label = self.labels["manager"]
            self.report(self.by_id[cycle[0]], "manager", f"the {label} chain is a circle: {chain}")

    def check_handles(self) -> None:
        for name in ("mattermost_username", "mattermost_user_id", "telegram_user_id"):
            seen: dict[str, PersonRecord] = {}
            for record in self.records:
                value = getattr(record, name)
                if value is None:
                    continue
                other = seen.setdefault(str(value).casefold(), record)
                if other is not record:
                    self.report(
                        record,
                        name,
                        f"{self.labels[name]} '{value}' is also used by '{other.id}' "
                        f"(line {other.line_of(name)})",
                    )


def _manager_cycles(by_id: Mapping[str, PersonRecord]) -> list[list[str]]:
    """Every circle in the manager chains, longer than one (own manager is reported apart)."""
    done: set[str] = set()
    cycles = []
    for start in by_id:
        path: list[str] = []
        node: str | None = start
        while node in by_id and node not in done and node not in path:
            path.append(node)
            node = by_id[node].manager
        if node in path and len(path) - path.index(node) > 1:
            cycles.append(path[path.index(node) :])
        done.update(path)
    return cycles
