"""Import the directory of people from a CSV export of the staff administration.

Column layout (a header row is required; columns in any order; `;` or `,`
between cells, detected from the header; UTF-8 with or without BOM):

    id,naam,leidinggevende,vervanger,rol,mattermost_gebruikersnaam,mattermost_user_id,telegram_user_id

Only `id` and `naam` are required columns; an empty cell means none. Ids and
the ids in `leidinggevende` and `vervanger` are lowercased; `rol` is
`leidinggevende` or `medewerker`. Rows whose cells are all empty are skipped.
Unknown columns are reported rather than ignored, so a misspelt column name
does not silently lose data.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.directory import ROLES, PersonRecord, parse_telegram_id
from bot.directory_checks import check_records
from bot.problems import Problem

COLUMNS = (
    "id",
    "naam",
    "leidinggevende",
    "vervanger",
    "rol",
    "mattermost_gebruikersnaam",
    "mattermost_user_id",
    "telegram_user_id",
)
REQUIRED_COLUMNS = ("id", "naam")
# How PersonRecord fields are named in problems: by their column.
LABELS = {
    "id": "id",
    "manager": "leidinggevende",
    "standin": "vervanger",
    "mattermost_username": "mattermost_gebruikersnaam",
    "mattermost_user_id": "mattermost_user_id",
    "telegram_user_id": "telegram_user_id",
}
HEADER = """\
# Directory of people, generated from {source}
# by `python -m bot directory import`. Check it with `python -m bot directory check FILE`.
# When the staff administration changes, import the new export again rather than
# editing this file by hand.

# Who is contacted when someone has no known leidinggevende, e.g. the communication
# officer. Remove the '#' and fill in their id:
# default_contact: <id>

"""


@dataclass(frozen=True)
class _Header:
    columns: dict[str, int]  # column name -> cell index
    width: int


def import_csv(path: Path) -> tuple[str, list[Problem]]:
    """The directory YAML for a CSV export, and the problems (`file:line` of the CSV).

    The text is empty when there are problems.
    """
    name = str(path)
    problems: list[Problem] = []
    text = _read_text(path, name, problems)
    rows = _rows(text, name, problems) if text is not None else []
    if text is not None and not rows:
        problems.append(Problem(name, 1, "no header row"))
    if not rows:
        return "", problems
    (header_line, header), *body = rows
    columns = _columns(header, name, header_line, problems)
    if columns is None:
        return "", sorted(problems)
    layout = _Header(columns, len(header))
    records = [_record(cells, layout, line, name, problems) for line, cells in body]
    people = [record for record in records if record is not None]
    if not body:
        problems.append(Problem(name, header_line, "no people below the header row"))
    problems += check_records(people, name, labels=LABELS)
    if problems:
        return "", sorted(problems)
    return directory_yaml(people, path.name), []


def _read_text(path: Path, name: str, problems: list[Problem]) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, 0, f"cannot read file: {exc.__class__.__name__}"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(name, line, "not UTF-8 text; export the CSV as UTF-8"))
        return None


def _rows(text: str, name: str, problems: list[Problem]) -> list[tuple[int, list[str]]]:
    """The non-empty rows, each with the line it starts on."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        problems.append(Problem(name, reader.line_num, f"invalid CSV: {exc}"))
    return rows


def _columns(
    header: list[str], name: str, line: int, problems: list[Problem]
) -> dict[str, int] | None:
    """Column name -> cell index; None when a required column is missing."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        column = cell.strip().lower()
        if column not in COLUMNS:
            known = ", ".join(COLUMNS)
            problems.append(
                Problem(name, line, f"unknown column '{cell.strip()}' (known: {known})")
            )
        elif column in columns:
            problems.append(Problem(name, line, f"column '{column}' appears twice"))
        else:
            columns[column] = index
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    for column in missing:
        problems.append(Problem(name, line, f"the header lacks the required column '{column}'"))
    return None if missing else columns


def _record(
    cells: list[str], header: _Header, line: int, name: str, problems: list[Problem]
) -> PersonRecord | None:
    """The person on one row, or None when the row cannot be read."""
    if len(cells) != header.width:
        problems.append(
            Problem(name, line, f"row has {len(cells)} cells, the header has {header.width}")
        )
        return None
    values = {column: cells[index].strip() for column, index in header.columns.items()}
    person_id = values["id"].lower()
    what = f"person '{person_id}'" if person_id else "row"
    messages = _row_messages(values, what)
    problems += [Problem(name, line, message) for message in messages]
    if not person_id:
        return None
    role = values.get("rol", "").lower()
    return PersonRecord(
        id=person_id,
        name=values["naam"],
        line=line,
        role=role if role in ROLES else None,
        manager=values.get("leidinggevende", "").lower() or None,
        standin=values.get("vervanger", "").lower() or None,
        mattermost_username=values.get("mattermost_gebruikersnaam", "").removeprefix("@") or None,
        mattermost_user_id=values.get("mattermost_user_id") or None,
        telegram_user_id=parse_telegram_id(values.get("telegram_user_id", "")),
    )


def _row_messages(values: dict[str, str], what: str) -> list[str]:
    """What is wrong with the cells of one row on their own."""
    messages = []
    if not values["id"]:
        messages.append("row: empty id")
    if not values["naam"]:
        messages.append(f"{what}: empty naam")
    role = values.get("rol", "")
    if role and role.lower() not in ROLES:
        messages.append(f"{what}: rol must be one of {', '.join(ROLES)}, not '{role}'")
    telegram = values.get("telegram_user_id", "")
    if telegram and parse_telegram_id(telegram) is None:
        messages.append(
            f"{what}: telegram_user_id must be a positive whole number, not '{telegram}'"
        )
    return messages


class _IndentedDumper(yaml.SafeDumper):
    """Indents list items under their key (`people:\\n  - id: ...`), as people write YAML."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def directory_yaml(records: Sequence[PersonRecord], source: str) -> str:
    """The YAML text of a directory of these people, with a header comment."""
    people = [_as_yaml(record) for record in records]
    body = yaml.dump(
        {"people": people},
        Dumper=_IndentedDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
    )
    return HEADER.format(source=source) + body


def _as_yaml(record: PersonRecord) -> dict[str, object]:
    person: dict[str, object] = {"id": record.id, "name": record.name}
    for key in ("role", "manager", "standin"):
        if getattr(record, key):
            person[key] = getattr(record, key)
    mattermost = {
        key: value
        for key, value in (
            ("username", record.mattermost_username),
            ("user_id", record.mattermost_user_id),
        )
        if value
    }
    if mattermost:
        person["mattermost"] = mattermost
    if record.telegram_user_id is not None:
        person["telegram"] = {"user_id": record.telegram_user_id}
    return person
