"""The directory of people: who is whose leidinggevende, stand-ins and chat handles.

The directory is one YAML file (see deploy/directory.example.yaml), read and
validated by bot.directory_loader; the people are checked against each other
by bot.directory_checks. This module holds the values themselves.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

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
