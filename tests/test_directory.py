"""The directory of people: YAML validation, lookups, CSV import and the CLI commands."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

import pytest

from bot.directory import BUNDLED_DEMO_DIRECTORY, Directory
from bot.directory_cli import add_directory_commands, directory_path
from bot.directory_csv import import_csv
from bot.directory_loader import check_directory, load_directory
from bot.problems import DataError

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
CSV_HEADER = (
    "id;naam;leidinggevende;vervanger;rol;mattermost_gebruikersnaam;"
    "mattermost_user_id;telegram_user_id"
)


def write(tmp_path: Path, text: str, name: str = "directory.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def problems_of(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    path = write(tmp_path, text)
    _, problems = check_directory(path)
    assert all(problem.file == str(path) for problem in problems)
    return [(problem.line, problem.message) for problem in problems]


@pytest.fixture
def demo() -> Directory:
    return load_directory(BUNDLED_DEMO_DIRECTORY)


# --- the bundled files ---


def test_demo_directory_loads(demo: Directory) -> None:
    assert BUNDLED_DEMO_DIRECTORY == DEPLOY / "demo-directory.yaml"
    assert list(demo.people) == [
        "mjansen",
        "jdevries",
        "pbakker",
        "svisser",
        "akaya",
        "lpeters",
        "tbos",
        "ymohamed",
    ]
    assert demo.default_contact_person().name == "Sanne Visser"
    assert demo.manager_of("jdevries").id == "mjansen"
    assert demo.standin_for("jdevries").id == "pbakker"
    assert demo.standin_for("pbakker").id == "jdevries"
    assert {p.id for p in demo.people.values() if p.is_manager} == {
        "mjansen",
        "jdevries",
        "pbakker",
    }


def test_example_directory_is_valid() -> None:
    directory, problems = check_directory(DEPLOY / "directory.example.yaml")
    assert problems == []
    assert directory is not None and directory.default_contact == "svisser"


def test_example_csv_imports_cleanly(tmp_path: Path) -> None:
    text, problems = import_csv(DEPLOY / "directory-import.example.csv")
    assert problems == []
    _, round_trip = check_directory(write(tmp_path, text))
    assert round_trip == []


# --- lookups ---


def test_manager_standin_and_reports(demo: Directory) -> None:
    assert demo.manager_of("akaya").id == "jdevries"
    assert demo.manager_of("mjansen") is None
    assert demo.manager_of("nobody") is None
    assert demo.standin_for("akaya") is None
    assert demo.standin_for("nobody") is None
    assert [p.id for p in demo.reports_of("pbakker")] == ["tbos", "ymohamed"]
    assert [p.id for p in demo.reports_of("mjansen")] == ["jdevries", "pbakker", "svisser"]
    assert demo.reports_of("akaya") == []
    assert demo.get("akaya").name == "Ayşe Kaya"
    assert demo.get("nobody") is None


def test_is_manager_from_role_or_reports(tmp_path: Path) -> None:
    directory = load_directory(
        write(
            tmp_path,
            """
            people:
              - {id: boss, name: Boss, role: medewerker}
              - {id: lead, name: Lead, role: Leidinggevende}
              - {id: worker, name: Worker, manager: boss}
            """,
        )
    )
    assert [p.is_manager for p in directory.people.values()] == [True, True, False]
    assert directory.default_contact_person() is None


@pytest.mark.parametrize(
    ("platform", "user", "expected"),
    [
        ("console", "akaya", "akaya"),
        ("console", " AKAYA ", "akaya"),
        ("console", "nobody", None),
        ("mattermost", "jan.devries", "jdevries"),
        ("mattermost", "@Jan.DeVries", "jdevries"),
        ("mattermost", "8x3kd5t9ha1mq7wz2ncf4ybr6e", "jdevries"),
        ("mattermost", "8X3KD5T9HA1MQ7WZ2NCF4YBR6E", "jdevries"),
        ("mattermost", "petra.bakker", "pbakker"),
        ("mattermost", "akaya", None),
        ("mattermost", "", None),
        ("mattermost", "@", None),
        ("telegram", "420967813", "tbos"),
        ("telegram", " 891245736 ", "akaya"),
        ("telegram", "999", None),
        ("telegram", "tbos", None),
        ("telegram", "", None),
    ],
)
def test_find(demo: Directory, platform: str, user: str, expected: str | None) -> None:
    person = demo.find(platform, user)
    assert (person.id if person else None) == expected


def test_find_unknown_platform(demo: Directory) -> None:
    with pytest.raises(ValueError, match="unknown platform"):
        demo.find("signal", "akaya")


def test_find_mattermost_prefers_user_id(tmp_path: Path) -> None:
    directory = load_directory(
        write(
            tmp_path,
            """
            people:
              - {id: a, name: A, mattermost: {username: b-id}}
              - {id: b, name: B, mattermost: {user_id: b-id}}
            """,
        )
    )
    assert directory.find("mattermost", "b-id").id == "b"


def test_numeric_ids_and_at_sign_are_accepted(tmp_path: Path) -> None:
    directory = load_directory(
        write(
            tmp_path,
            """
            people:
              - {id: 1234, name: Een}
              - {id: '5678', name: Twee, manager: 1234, mattermost: {username: '@twee'}}
              - {id: x, name: X, telegram: {user_id: '42'}}
            """,
        )
    )
    assert directory.manager_of("5678").id == "1234"
    assert directory.get("5678").mattermost_username == "twee"
    assert directory.find("telegram", "42").id == "x"


# --- problems, each with its line ---


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("- id: a\n", 1, "top level must be a mapping, not a list"),
        ("people: []\n", 1, "'people' is empty"),
        ("default_contact: null\n", 1, "missing 'people'"),
        ("people: {id: a}\n", 1, "'people' must be a list, not a mapping"),
        ("people:\n  - {id: a, name: A}\n  - just text\n", 3, "people item 2 must be a mapping"),
        ("peoples: []\npeople:\n  - {id: a, name: A}\n", 1, "unknown field 'peoples'"),
        ("people:\n  - id: a\n    name: A\n    email: a@b.nl\n", 4, "unknown field 'email'"),
        (
            "people:\n  - id: a\n    name: A\n    mattermost: {usr: a, user_id: b}\n",
            4,
            "unknown field 'usr'",
        ),
        ("people:\n  - id: a\n    name: A\n    telegram: {}\n", 4, "missing 'user_id'"),
        ("people:\n  - {id: a, name: A}\n  - name: B\n", 3, "people item 2: missing 'id'"),
        ("people:\n  - {id: a, name: A}\n  - name: B\n    id: ''\n", 4, "'id' is empty"),
        ("people:\n  - id: a\n", 2, "person 'a': missing 'name'"),
        ("people:\n  - id: a\n    name: '  '\n", 3, "person 'a': 'name' is empty"),
        ("people:\n  - id: Jan Vries\n    name: Jan\n", 2, "may only hold lowercase letters"),
        ("people:\n  - {id: a, name: A}\n  - {id: a, name: B}\n", 3, "duplicate id"),
        ("people:\n  - id: a\n    name: A\n    manager: zz\n", 4, "manager 'zz' is not in"),
        ("people:\n  - id: a\n    name: A\n    standin: zz\n", 4, "standin 'zz' is not in"),
        ("default_contact: zz\npeople:\n  - {id: a, name: A}\n", 1, "default_contact 'zz'"),
        ("people:\n  - id: a\n    name: A\n    manager: a\n", 4, "'a': is their own manager"),
        ("people:\n  - id: a\n    name: A\n    standin: a\n", 4, "'a': is their own standin"),
        ("people:\n  - id: a\n    name: A\n    role: baas\n", 4, "role must be one of"),
        ("people:\n  - id: a\n    name: [A]\n", 3, "'name' must be text, not a list"),
        ("people:\n  - id: a\n    name: A\n    manager: {b: 1}\n", 4, "'manager' must be text"),
        ("people:\n  - id: true\n    name: A\n", 2, "'id' must be text, not true/false"),
        ("people:\n  - id: a\n    name: A\n    mattermost: a\n", 4, "must be a mapping"),
        ("people:\n  - id: a\n    name: A\n    mattermost: {}\n", 4, "give a username"),
        ("people:\n  - id: a\n    name: A\n    telegram: 12345\n", 4, "must be a mapping"),
        ("people:\n  - id: a\n    name: A\n    telegram: {user_id: -5}\n", 4, "positive whole"),
        ("people:\n  - id: a\n    name: A\n    telegram: {user_id: 0}\n", 4, "positive whole"),
        ("people:\n  - id: a\n    name: A\n    telegram: {user_id: abc}\n", 4, "positive whole"),
        ("people:\n  - id: a\n    name: A\n    telegram: {user_id: 1.5}\n", 4, "positive whole"),
        ("people:\n  - id: a\n    name: A\n    telegram: {user_id: true}\n", 4, "positive whole"),
        (
            "people:\n  - id: a\n    name: A\n  - id: b\n    id: c\n    name: B\n",
            5,
            "duplicate key",
        ),
        ("people:\n  - id: a\n   name: A\n", 3, "invalid YAML"),
    ],
)
def test_problem_with_line(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    problems = problems_of(tmp_path, text)
    assert len(problems) == 1, problems
    assert problems[0][0] == line
    assert fragment in problems[0][1]


def test_duplicate_id_names_first_line(tmp_path: Path) -> None:
    text = "people:\n  - {id: a, name: A}\n  - {id: b, name: B}\n  - {id: a, name: C}\n"
    assert problems_of(tmp_path, text) == [(4, "person 'a': duplicate id (already at line 2)")]


def test_manager_cycle(tmp_path: Path) -> None:
    text = """
        people:
          - id: top
            name: Top
          - id: a
            name: A
            manager: c
          - id: b
            name: B
            manager: a
          - id: c
            name: C
            manager: b
          - id: d
            name: D
            manager: a
        """
    assert problems_of(tmp_path, text) == [
        (6, "person 'a': the manager chain is a circle: a -> c -> b -> a")
    ]


def test_two_person_cycle(tmp_path: Path) -> None:
    text = "people:\n  - {id: a, name: A, manager: b}\n  - {id: b, name: B, manager: a}\n"
    assert problems_of(tmp_path, text) == [
        (2, "person 'a': the manager chain is a circle: a -> b -> a")
    ]


@pytest.mark.parametrize(
    ("first", "second", "fragment"),
    [
        ("mattermost: {username: Jan}", "mattermost: {username: '@jan'}", "mattermost username"),
        ("mattermost: {user_id: abc}", "mattermost: {user_id: ABC}", "mattermost user_id"),
        ("telegram: {user_id: 123}", "telegram: {user_id: 123}", "telegram user_id '123'"),
    ],
)
def test_shared_handles(tmp_path: Path, first: str, second: str, fragment: str) -> None:
    text = f"people:\n  - id: a\n    name: A\n    {first}\n  - id: b\n    name: B\n    {second}\n"
    problems = problems_of(tmp_path, text)
    assert len(problems) == 1, problems
    line, message = problems[0]
    assert line == 7
    assert message.startswith("person 'b': " + fragment)
    assert "is also used by 'a' (line 4)" in message


def test_every_problem_is_reported_sorted(tmp_path: Path) -> None:
    text = """
        default_contact: ghost
        people:
          - id: a
            name: A
            manager: nobody
          - id: B
            name: B
            telegram: {user_id: x}
        """
    assert [line for line, _ in problems_of(tmp_path, text)] == [1, 5, 6, 8]


def test_missing_and_empty_file(tmp_path: Path) -> None:
    _, problems = check_directory(tmp_path / "nope.yaml")
    assert [str(p) for p in problems] == [f"{tmp_path / 'nope.yaml'}:0: no such file"]
    assert problems_of(tmp_path, "# only a comment\n") == [(1, "file is empty")]


def test_load_directory_raises_data_error(tmp_path: Path) -> None:
    path = write(tmp_path, "people:\n  - id: a\n")
    with pytest.raises(DataError) as caught:
        load_directory(path)
    assert str(caught.value) == f"{path}:2: person 'a': missing 'name'"


# --- CSV import ---


def write_csv(tmp_path: Path, *lines: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "staff.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def csv_problems(tmp_path: Path, *lines: str) -> list[tuple[int, str]]:
    path = write_csv(tmp_path, *lines)
    text, problems = import_csv(path)
    assert problems, "expected problems"
    assert text == ""
    assert all(problem.file == str(path) for problem in problems)
    return [(problem.line, problem.message) for problem in problems]


def test_csv_import_round_trip(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path,
        CSV_HEADER,
        "MJansen;Marieke Jansen;;jdevries;Leidinggevende;@marieke.jansen;4q8w1kz7;512873904",
        "jdevries;Jan de Vries;mjansen;mjansen;;jan.devries;;",
        ";;;;;;;",
        "0042;Yes;JDeVries;;medewerker;;;634190275",
        '"null";"Kaya, Ayşe";jdevries;;;;;',
        encoding="utf-8-sig",
    )
    text, problems = import_csv(path)
    assert problems == []
    assert text.startswith("# Directory of people, generated from staff.csv\n")
    assert "\n# default_contact: <id>\n" in text
    directory = load_directory(write(tmp_path, text))
    assert list(directory.people) == ["mjansen", "jdevries", "0042", "null"]
    mjansen = directory.get("mjansen")
    assert mjansen.is_manager and mjansen.standin == "jdevries" and mjansen.manager is None
    assert mjansen.mattermost_username == "marieke.jansen"
    assert mjansen.mattermost_user_id == "4q8w1kz7"
    assert mjansen.telegram_user_id == 512873904
    assert directory.get("0042").name == "Yes"
    assert directory.get("0042").manager == "jdevries"
    assert directory.get("null").name == "Kaya, Ayşe"
    assert [p.id for p in directory.reports_of("jdevries")] == ["0042", "null"]
    assert directory.default_contact is None


def test_csv_comma_delimiter_any_column_order_and_only_required_columns(tmp_path: Path) -> None:
    path = write_csv(tmp_path, "naam,id", "Jan de Vries,jdevries", '"Bakker; Petra",pbakker')
    text, problems = import_csv(path)
    assert problems == []
    directory = load_directory(write(tmp_path, text))
    assert [(p.id, p.name) for p in directory.people.values()] == [
        ("jdevries", "Jan de Vries"),
        ("pbakker", "Bakker; Petra"),
    ]


def test_csv_line_numbers_count_quoted_newlines(tmp_path: Path) -> None:
    problems = csv_problems(tmp_path, "id,naam", 'a,"A\nwith a second line"', ",B")
    assert problems == [(4, "row: empty id")]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("id;leidinggevende", "a;"), [(1, "the header lacks the required column 'naam'")]),
        (("id;naam;email", "a;A;a@b.nl"), [(1, "unknown column 'email'")]),
        (("id;naam;id", "a;A;a"), [(1, "column 'id' appears twice")]),
        (("id;naam", "a;A", "b"), [(3, "row has 1 cells, the header has 2")]),
        (("id;naam", "a;A;x"), [(2, "row has 3 cells, the header has 2")]),
        (("id;naam", ";Anne"), [(2, "row: empty id")]),
        (("id;naam", "a;"), [(2, "person 'a': empty naam")]),
        (("id;naam", "a;A", "b;B", "a;C"), [(4, "person 'a': duplicate id (already at line 2)")]),
        (("id;naam", "jan vries;Jan"), [(2, "person 'jan vries': id may only hold")]),
        (("id;naam;leidinggevende", "a;A;zz"), [(2, "person 'a': leidinggevende 'zz' is not in")]),
        (("id;naam;vervanger", "a;A;zz"), [(2, "person 'a': vervanger 'zz' is not in")]),
        (("id;naam;leidinggevende", "a;A;a"), [(2, "person 'a': is their own leidinggevende")]),
        (("id;naam;rol", "a;A;baas"), [(2, "person 'a': rol must be one of")]),
        (("id;naam;telegram_user_id", "a;A;-5"), [(2, "telegram_user_id must be a positive")]),
        (("id;naam;telegram_user_id", "a;A;1,2E+08"), [(2, "telegram_user_id must be a")]),
        (("id;naam;telegram_user_id", "a;A;7", "b;B;7"), [(3, "telegram_user_id '7' is also")]),
        (("id;naam",), [(1, "no people below the header row")]),
        (
            ("id;naam;leidinggevende", "a;A;b", "b;B;a"),
            [(2, "person 'a': the leidinggevende chain is a circle: a -> b -> a")],
        ),
        (
            ("id;naam;mattermost_gebruikersnaam", "a;A;jan", "b;B;@JAN"),
            [(3, "person 'b': mattermost_gebruikersnaam 'JAN' is also used by 'a' (line 2)")],
        ),
    ],
)
def test_csv_problem_with_line(
    tmp_path: Path, lines: tuple[str, ...], expected: list[tuple[int, str]]
) -> None:
    problems = csv_problems(tmp_path, *lines)
    assert [line for line, _ in problems] == [line for line, _ in expected]
    for (_, message), (_, fragment) in zip(problems, expected, strict=True):
        assert fragment in message


def test_csv_empty_and_not_utf8(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n", encoding="utf-8")
    assert [(p.line, p.message) for p in import_csv(empty)[1]] == [(1, "no header row")]
    latin = write_csv(tmp_path, "id;naam", "a;A", "b;Zoë", encoding="latin-1")
    assert [p.line for p in import_csv(latin)[1]] == [3]


# --- command line ---


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bot")
    add_directory_commands(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.run(args)


def test_directory_path() -> None:
    assert directory_path({}) == BUNDLED_DEMO_DIRECTORY
    assert directory_path({"BOT_DIRECTORY": " "}) == BUNDLED_DEMO_DIRECTORY
    assert directory_path({"BOT_DIRECTORY": "/srv/people.yaml"}) == Path("/srv/people.yaml")


def test_cli_check_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["directory", "check", str(BUNDLED_DEMO_DIRECTORY)]) == 0
    assert capsys.readouterr().out == "OK: 8 people, 3 leidinggevenden\n"


def test_cli_check_uses_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "people:\n  - {id: a, name: A}\n")
    monkeypatch.setenv("BOT_DIRECTORY", str(path))
    assert run(["directory", "check"]) == 0
    assert capsys.readouterr().out == "OK: 1 people, 0 leidinggevenden\n"
    monkeypatch.delenv("BOT_DIRECTORY")
    assert run(["directory", "check"]) == 0
    assert capsys.readouterr().out.startswith("OK: 8 people")


def test_cli_check_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "people:\n  - id: a\n    name: A\n    manager: zz\n")
    assert run(["directory", "check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{path}:4: person 'a': manager 'zz' is not in the directory"
    assert lines[1:] == ["1 problem(s) found; the directory would be refused."]


def test_cli_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["directory", "list", str(BUNDLED_DEMO_DIRECTORY)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        "mjansen\tMarieke Jansen\t-",
        "jdevries\tJan de Vries\tmjansen",
        "pbakker\tPetra Bakker\tmjansen",
    ]
    assert lines[-1] == "ymohamed\tYoussef Mohamed\tpbakker"
    assert len(lines) == 8


def test_cli_list_refuses_bad_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "people:\n  - id: a\n")
    assert run(["directory", "list", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"{path}:2: person 'a': missing 'name'\n"


def test_cli_import_to_stdout_and_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_path = write_csv(tmp_path, "id,naam,leidinggevende", "a,A,", "b,B,a")
    assert run(["directory", "import", str(csv_path)]) == 0
    printed = capsys.readouterr().out
    out = tmp_path / "out.yaml"
    assert run(["directory", "import", str(csv_path), "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    assert out.read_text(encoding="utf-8") == printed
    assert run(["directory", "list", str(out)]) == 0
    assert capsys.readouterr().out == "a\tA\t-\nb\tB\ta\n"


def test_cli_import_problems_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = write_csv(tmp_path, "id,naam", "a,A", "a,B")
    out = tmp_path / "out.yaml"
    assert run(["directory", "import", str(csv_path), "--output", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{csv_path}:3: person 'a': duplicate id (already at line 2)" in captured.err
    assert not out.exists()


def test_cli_directory_without_subcommand_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["directory"]) == 2
    assert "check" in capsys.readouterr().out
