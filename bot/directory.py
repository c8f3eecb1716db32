"""The directory of people: who is whose leidinggevende, stand-ins and chat handles.

The directory is one YAML file (see deploy/directory.example.yaml). Like the
knowledge base, a directory with any problem is refused as a whole, and every
problem is reported as `file:line: ...`.

Reading happens in two steps: each person is read into a `PersonRecord` that
remembers the line of every field, then `check_records` checks the people
against each other (ids, references, manager cycles, shared chat handles).
The CSV import (bot.directory_csv) builds the same records from CSV rows, so
it reports the same problems with CSV line numbers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.fields import FieldReader, type_name
from bot.problems import DataError, Problem
from bot.yamlsource import LineDict, LineList, load_yaml

BUNDLED_DEMO_DIRECTORY = Path(__file__).resolve().parent.parent / "deploy" / "demo-directory.yaml"
ROLES = ("leidinggevende", "medewerker")
PLATFORMS = ("console", "mattermost", "telegram")
TOP_LEVEL_KEYS = ("default_contact", "people")
PERSON_KEYS = ("id", "name", "role", "manager", "standin", "mattermost", "telegram")
# How each PersonRecord field is named in problems about YAML files.
FIELD_LABELS = {
    "id": "id",
    "manager": "manager",
    "standin": "standin",
    "mattermost_username": "mattermost username",
    "mattermost_user_id": "mattermost user_id",
    "telegram_user_id": "telegram user_id",
}
_ID = re.compile(r"^[a-z0-9._-]+$")
_DIGITS = re.compile(r"^[0-9]+$")


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    manager: str | None
    standin: str | None
    mattermost_username: str | None
    mattermost_user_id: str | None
    telegram_user_id: int | None
    is_manager: bool


@dataclass(frozen=True)
class Directory:
    people: dict[str, Person]
    default_contact: str | None = None

    def get(self, person_id: str) -> Person | None:
        return self.people.get(person_id)

    def manager_of(self, person_id: str) -> Person | None:
        person = self.get(person_id)
        return self.get(person.manager) if person and person.manager else None

    def standin_for(self, manager_id: str) -> Person | None:
        manager = self.get(manager_id)
        return self.get(manager.standin) if manager and manager.standin else None

    def reports_of(self, manager_id: str) -> list[Person]:
        """The people whose leidinggevende this is, in file order."""
        return [p for p in self.people.values() if p.manager == manager_id]

    def default_contact_person(self) -> Person | None:
        return self.get(self.default_contact) if self.default_contact else None

    def find(self, platform: str, user: str) -> Person | None:
        """The person behind a chat user, or None when unknown.

        `user` is the person id for "console", the user id or the username
        (any case, `@` optional) for "mattermost", and the numeric user id as
        text for "telegram".
        """
        user = user.strip()
        if platform == "console":
            return self.get(user.lower())
        if platform == "mattermost":
            return self._find_mattermost(user.removeprefix("@").casefold())
        if platform == "telegram":
            user_id = parse_telegram_id(user)
            people = self.people.values()
            return next((p for p in people if user_id and p.telegram_user_id == user_id), None)
        raise ValueError(f"unknown platform '{platform}' (known: {', '.join(PLATFORMS)})")

    def _find_mattermost(self, key: str) -> Person | None:
        # User ids first: a user id is stable, a username can be changed.
        for attribute in ("mattermost_user_id", "mattermost_username"):
            for person in self.people.values():
                value = getattr(person, attribute)
                if key and value and value.casefold() == key:
                    return person
        return None


@dataclass
class PersonRecord:
    """One person as read from a file, before the people are checked against each other."""

    id: str
    name: str
    line: int
    role: str | None = None
    manager: str | None = None
    standin: str | None = None
    mattermost_username: str | None = None
    mattermost_user_id: str | None = None
    telegram_user_id: int | None = None
    lines: dict[str, int] = field(default_factory=dict)  # field name -> line, if not `line`

    def line_of(self, name: str) -> int:
        return self.lines.get(name, self.line)


def parse_telegram_id(value: object) -> int | None:
    """A Telegram user id (a positive whole number, or such a number as text), else None."""
    if isinstance(value, str) and _DIGITS.match(value.strip()):
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return None
    return value


def valid_id(person_id: str) -> bool:
    return bool(_ID.match(person_id))


def load_directory(path: Path) -> Directory:
    """The directory at `path`; DataError when it has any problem."""
    directory, problems = check_directory(path)
    if problems or directory is None:
        raise DataError(problems)
    return directory


def check_directory(path: Path) -> tuple[Directory | None, list[Problem]]:
    """Validate a directory file.

    The directory is None when the file cannot be read as a mapping; with
    other problems it holds whatever could be read.
    """
    name = str(path)
    if not path.is_file():
        return None, [Problem(name, 0, "no such file")]
    data, problems = load_yaml(path, name)
    if data is None:
        return None, problems or [Problem(name, 1, "file is empty")]
    if not isinstance(data, LineDict):
        return None, [
            *problems,
            Problem(name, 1, f"top level must be a mapping, not {type_name(data)}"),
        ]
    top = FieldReader(data, name, "directory", problems)
    top.unknown_keys(TOP_LEVEL_KEYS)
    default = _ident(top, "default_contact")
    records = [_read_person(reader) for reader in _people(top)]
    default_at = (default, top.line("default_contact")) if default else None
    problems += check_records(records, name, default_at)
    return build_directory(records, default), sorted(problems)


def _people(top: FieldReader) -> list[FieldReader]:
    value = top.data.get("people")
    if value is None:
        top.problem("missing 'people'")
        return []
    if not isinstance(value, LineList):
        top.problem(f"'people' must be a list, not {type_name(value)}", "people")
        return []
    if not value:
        top.problem("'people' is empty", "people")
    readers = []
    for index, item in enumerate(value):
        what = f"people item {index + 1}"
        if not isinstance(item, LineDict):
            top.problem(
                f"{what} must be a mapping, not {type_name(item)}", line=value.line_of(index)
            )
            continue
        if isinstance(item.get("id"), str | int) and str(item["id"]).strip():
            what = f"person '{str(item['id']).strip()}'"
        readers.append(FieldReader(item, top.file, what, top.problems))
    return readers


def _read_person(reader: FieldReader) -> PersonRecord:
    reader.unknown_keys(PERSON_KEYS)
    record = PersonRecord(
        id=_ident(reader, "id", required=True) or "",
        name=reader.text("name"),
        line=reader.line(),
        role=_role(reader),
        manager=_ident(reader, "manager"),
        standin=_ident(reader, "standin"),
    )
    record.lines = {key: reader.line(key) for key in ("id", "manager", "standin")}
    _read_mattermost(reader, record)
    _read_telegram(reader, record)
    return record


def _ident(reader: FieldReader, key: str, required: bool = False) -> str | None:
    """An id-like value: text, or a whole number such as an employee number."""
    value = reader.data.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return reader.text(key, required=required) or None


def _role(reader: FieldReader) -> str | None:
    role = reader.text("role", required=False).lower()
    if role and role not in ROLES:
        reader.problem(
            f"{reader.what}: role must be one of {', '.join(ROLES)}, not '{role}'", "role"
        )
        return None
    return role or None


def _handles(reader: FieldReader, key: str, allowed: tuple[str, ...]) -> FieldReader | None:
    handles = reader.mapping(key, required=False)
    if handles is None:
        return None
    sub = FieldReader(handles, reader.file, f"{reader.what}: {key}", reader.problems)
    sub.unknown_keys(allowed)
    return sub


def _read_mattermost(reader: FieldReader, record: PersonRecord) -> None:
    sub = _handles(reader, "mattermost", ("username", "user_id"))
    if sub is None:
        return
    username = (_ident(sub, "username") or "").removeprefix("@")
    record.mattermost_username = username or None
    record.mattermost_user_id = _ident(sub, "user_id")
    record.lines["mattermost_username"] = sub.line("username")
    record.lines["mattermost_user_id"] = sub.line("user_id")
    if not (record.mattermost_username or record.mattermost_user_id):
        sub.problem(f"{sub.what}: give a username, a user_id or both")


def _read_telegram(reader: FieldReader, record: PersonRecord) -> None:
    sub = _handles(reader, "telegram", ("user_id",))
    if sub is None:
        return
    value = sub.data.get("user_id")
    record.lines["telegram_user_id"] = sub.line("user_id")
    if value is None:
        sub.problem(f"{sub.what}: missing 'user_id'")
        return
    record.telegram_user_id = parse_telegram_id(value)
    if record.telegram_user_id is None:
        sub.problem(
            f"{sub.what}: 'user_id' must be a positive whole number, not {value!r}", "user_id"
        )


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


def build_directory(records: Sequence[PersonRecord], default_contact: str | None) -> Directory:
    """The directory of the records; the first record wins when an id is used twice."""
    first: dict[str, PersonRecord] = {}
    for record in records:
        if record.id:
            first.setdefault(record.id, record)
    managers = {r.manager for r in first.values() if r.manager}
    people = {
        person_id: Person(
            id=person_id,
            name=r.name,
            manager=r.manager,
            standin=r.standin,
            mattermost_username=r.mattermost_username,
            mattermost_user_id=r.mattermost_user_id,
            telegram_user_id=r.telegram_user_id,
            is_manager=person_id in managers or r.role == "leidinggevende",
        )
        for person_id, r in first.items()
    }
    return Directory(people=people, default_contact=default_contact)
