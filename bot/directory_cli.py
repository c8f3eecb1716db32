"""`python -m bot directory check|list|import`: tools for the directory of people."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from bot.directory import BUNDLED_DEMO_DIRECTORY, Directory
from bot.directory_csv import import_csv
from bot.directory_loader import check_directory
from bot.problems import Problem
from bot.settings import merged_environment


def directory_path(environ: Mapping[str, str]) -> Path:
    """The configured directory file: BOT_DIRECTORY, else the bundled demo."""
    value = environ.get("BOT_DIRECTORY", "").strip()
    return Path(value) if value else BUNDLED_DEMO_DIRECTORY


def add_directory_commands(subparsers: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """Add the `directory` command and its subcommands; returns them for more to be added."""
    directory = subparsers.add_parser("directory", help="directory of people and their managers")
    directory.set_defaults(run=lambda _args: _usage(directory))
    commands = directory.add_subparsers(title="directory commands")
    path_help = "directory file (default: $BOT_DIRECTORY, else the demo directory)"

    check = commands.add_parser("check", help="validate a directory file")
    check.add_argument("path", nargs="?", type=Path, help=path_help)
    check.set_defaults(run=run_check)

    listing = commands.add_parser("list", help="print id, name and leidinggevende per person")
    listing.add_argument("path", nargs="?", type=Path, help=path_help)
    listing.set_defaults(run=run_list)

    imports = commands.add_parser("import", help="make a directory file from a CSV export")
    imports.add_argument(
        "file", type=Path, help="CSV file (see deploy/directory-import.example.csv)"
    )
    imports.add_argument("-o", "--output", type=Path, help="YAML file to write (default: stdout)")
    imports.set_defaults(run=run_import)
    return commands


def run_check(args: argparse.Namespace) -> int:
    directory, problems = check_directory(_path(args))
    if problems or directory is None:
        _print_problems(problems, sys.stdout)
        print(f"{len(problems)} problem(s) found; the directory would be refused.")
        return 1
    managers = sum(person.is_manager for person in directory.people.values())
    print(f"OK: {len(directory.people)} people, {managers} leidinggevenden")
    return 0


def run_list(args: argparse.Namespace) -> int:
    directory = _load_or_report(_path(args))
    if directory is None:
        return 1
    for person in directory.people.values():
        print(f"{person.id}\t{person.name}\t{person.manager or '-'}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    text, problems = import_csv(args.file)
    if problems:
        _print_problems(problems, sys.stderr)
        print(f"{len(problems)} problem(s) found; nothing written.", file=sys.stderr)
        return 1
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


def _path(args: argparse.Namespace) -> Path:
    return args.path or directory_path(merged_environment(os.environ))


def _load_or_report(path: Path) -> Directory | None:
    """The directory, or None after printing its problems to stderr."""
    directory, problems = check_directory(path)
    if problems or directory is None:
        _print_problems(problems, sys.stderr)
        return None
    return directory


def _print_problems(problems: list[Problem], stream: TextIO) -> None:
    for problem in problems:
        print(problem, file=stream)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2
