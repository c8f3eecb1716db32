"""Reading the directory YAML file, with every problem as `file:line: ...`.

Reading happens in two steps: each person is read into a `PersonRecord` that
remembers the line of every field, then `check_records` checks the people
against each other (ids, references, manager cycles, shared chat handles).
The CSV import (bot.directory_csv) builds the same records from CSV rows, so
it reports the same problems with CSV line numbers.
"""

from __future__ import annotations

from pathlib import Path

from bot.directory import (
    PERSON_KEYS,
    ROLES,
    TOP_LEVEL_KEYS,
    Directory,
    PersonRecord,
    build_directory,
    parse_telegram_id,
)
from bot.directory_checks import check_records
from bot.fields import FieldReader, type_name
from bot.problems import DataError, Problem
from bot.yamlsource import LineDict, LineList, load_yaml


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
