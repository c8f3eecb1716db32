"""Chat users found in the directory, remembered per directory."""

from __future__ import annotations

from bot.directory import Directory, Person


class FoundPeople:
    """`Directory.find`, remembered for the directory it was asked of.

    Finding a chat user goes through every person (for Mattermost twice: by
    user id, then by username), and one message asks it two or three times
    (the platform adapter, then the turn). A directory does not change once
    loaded; a reload brings a new one, and with it an empty memory.
    """

    LIMIT = 10_000  # chat users remembered (unknown ones too) before starting afresh

    def __init__(self) -> None:
        self._directory: Directory | None = None
        self._found: dict[tuple[str, str], Person | None] = {}

    def find(self, directory: Directory, platform: str, user: str) -> Person | None:
        if directory is not self._directory or len(self._found) >= self.LIMIT:
            self._directory, self._found = directory, {}
        key = (platform, user)
        if key not in self._found:
            self._found[key] = directory.find(platform, user)
        return self._found[key]
