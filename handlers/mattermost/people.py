"""Who is who: Mattermost user ids and usernames beside the directory's people.

The directory may know a person by user id, by username, or both. Events
carry user ids (and usually the username), so the adapter asks `key_for()`
which of the two to give the engine; replies are addressed to a person id or
`mattermost:<user_id>`, and `user_id_of()` finds the user id to message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.directory import Directory, Person
from handlers.mattermost.events import PLATFORM
from handlers.mattermost.rest import MattermostRest, NotFound, RestError

log = logging.getLogger(__name__)
PREFIX = f"{PLATFORM}:"


class UnknownUser(Exception):
    """A party that has no Mattermost account (or no longer has one)."""


class People:
    def __init__(
        self,
        directory: Callable[[], Directory],
        rest: MattermostRest,
        find: Callable[[str, str], Person | None] | None = None,
    ) -> None:
        """`find` is the directory's `find()`, or one that remembers (the engine's)."""
        self._directory = directory  # the engine's current one: a reload swaps it
        self._find = find or (lambda platform, user: self.directory.find(platform, user))
        self.rest = rest
        self._names: dict[str, str] = {}  # user id -> username
        self._ids: dict[str, str] = {}  # username (casefolded) -> user id

    @property
    def directory(self) -> Directory:
        return self._directory()

    def remember(self, user_id: str, username: str | None) -> None:
        if user_id and username:
            self._names[user_id] = username
            self._ids[username.casefold()] = user_id

    async def warm(self) -> None:
        """Look up, in one call, the user ids of people the directory knows by name only."""
        wanted = [
            p.mattermost_username
            for p in self.directory.people.values()
            if p.mattermost_username and not p.mattermost_user_id
        ]
        if not wanted:
            return
        try:
            users = await self.rest.users_by_usernames(wanted)
        except RestError as exc:
            log.warning("username lookup failed at start: %s", exc)
            return
        for user in users:
            self.remember(user.get("id", ""), user.get("username"))
        missing = [p.id for p in self.directory.people.values() if self._unresolved(p)]
        if missing:
            log.warning("no Mattermost account for people=%s", ",".join(missing))

    def _unresolved(self, person: Person) -> bool:
        name = person.mattermost_username
        return bool(name) and not person.mattermost_user_id and name.casefold() not in self._ids

    async def key_for(self, user_id: str, username: str | None = None) -> str:
        """What to put in `Incoming.user`: the user id, unless the directory knows the name only."""
        self.remember(user_id, username)
        if self._find(PLATFORM, user_id) is not None:
            return user_id
        name = self._names.get(user_id)
        if name is None and self._directory_has_names_only():
            name = await self._fetch_username(user_id)
        if name and self._find(PLATFORM, name) is not None:
            return name
        return user_id

    def _directory_has_names_only(self) -> bool:
        people = self.directory.people.values()
        return any(p.mattermost_username and not p.mattermost_user_id for p in people)

    async def _fetch_username(self, user_id: str) -> str | None:
        try:
            user = await self.rest.user(user_id)
        except RestError as exc:
            log.warning("user lookup failed user=%s: %s", user_id, exc)
            return None
        self.remember(user_id, user.get("username"))
        return user.get("username")

    def reachable(self, party: str | None) -> bool:
        """Whether a party could have a Mattermost account: a user id, or a person with a handle."""
        if not party:
            return False
        if party.startswith(PREFIX):
            return len(party) > len(PREFIX)
        person = self.directory.get(party)
        return person is not None and bool(person.mattermost_user_id or person.mattermost_username)

    async def user_id_of(self, party: str) -> str:
        """The Mattermost user id of a party; UnknownUser when it has none."""
        if party.startswith(PREFIX):
            return party.removeprefix(PREFIX)
        person = self.directory.get(party)
        if person is None:
            raise UnknownUser(f"{party} is not in the directory")
        if person.mattermost_user_id:
            return person.mattermost_user_id
        name = person.mattermost_username
        if not name:
            raise UnknownUser(f"{party} has no Mattermost handle")
        if name.casefold() not in self._ids:
            await self._fetch_user_id(name)
        if name.casefold() not in self._ids:
            raise UnknownUser(f"{party}: no Mattermost user with that username")
        return self._ids[name.casefold()]

    async def _fetch_user_id(self, username: str) -> None:
        try:
            users = await self.rest.users_by_usernames([username])
        except NotFound:
            return
        for user in users:
            self.remember(user.get("id", ""), user.get("username"))
