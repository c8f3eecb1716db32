"""Command line: `python -m bot ask|chat|eval|serve|report|purge|config|kb|directory ...`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

from bot.core import load_core
from bot.directory_cli import add_directory_commands
from bot.evaluation import evaluate, format_report, load_cases
from bot.faults import fault_from_env
from bot.kb_loader import BUNDLED_KNOWLEDGE, check_knowledge
from bot.messages import Answer
from bot.problems import DataError
from bot.settings import Settings, SettingsError, merged_environment
from handlers.telegram.links_cli import add_link_command


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except DataError as exc:
        print("A data file was refused:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except SettingsError as exc:
        print("The settings are not usable:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`... | head`): stop quietly, and keep Python's
        # final flush of stdout from raising the same error again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.add_argument("--knowledge", type=Path, help="knowledge base folder (default: bundled)")
    commands = parser.add_subparsers(title="commands")

    ask = commands.add_parser("ask", help="answer one question (or one per stdin line with --json)")
    ask.add_argument("question", nargs="?")
    ask.add_argument("--json", action="store_true", help="print JSON objects")
    ask.set_defaults(run=_ask)

    chat = commands.add_parser("chat", help="interactive console conversation")
    chat.add_argument("--as", dest="person", help="play this person of the directory")
    chat.add_argument("--db", type=Path, help="SQLite database (default: BOT_DB)")
    chat.set_defaults(run=_chat)

    serve = commands.add_parser("serve", help="serve on chat platforms")
    serve.add_argument(
        "--platform",
        action="append",
        required=True,
        help="mattermost or telegram; repeat to serve both in one process",
    )
    serve.add_argument("--db", type=Path, help="SQLite database (default: BOT_DB)")
    # set by worker 0 on the processes it starts for BOT_WORKERS (handlers/workers.py)
    serve.add_argument("--worker", type=int, default=0, help=argparse.SUPPRESS)
    serve.set_defaults(run=_serve)

    report = commands.add_parser("report", help="what people asked that the bot answered badly")
    report.add_argument("--since", type=int, default=30, metavar="DAYS")
    report.add_argument("--html", type=Path, metavar="FILE", help="also write an HTML page")
    report.add_argument("--db", type=Path, help="SQLite database (default: BOT_DB)")
    report.set_defaults(run=_report)

    config = commands.add_parser("config", help="settings tools")
    config_commands = config.add_subparsers(title="config commands")
    config_check = config_commands.add_parser("check", help="print the effective settings")
    config_check.add_argument("--platform", action="append", default=[])
    config_check.set_defaults(run=_config_check)

    purge = commands.add_parser("purge", help="delete closed cases past the retention period")
    purge.add_argument("--db", type=Path, help="SQLite database (default: BOT_DB)")
    purge.set_defaults(run=_purge)

    ev = commands.add_parser("eval", help="score a labelled question set")
    ev.add_argument("file", type=Path)
    ev.set_defaults(run=_eval)

    directory_commands = add_directory_commands(commands)
    add_link_command(directory_commands)

    kb = commands.add_parser("kb", help="knowledge base tools")
    kb_commands = kb.add_subparsers(title="kb commands")
    check = kb_commands.add_parser("check", help="validate a knowledge base file or folder")
    check.add_argument(
        "path", nargs="?", type=Path, help="default: BOT_KNOWLEDGE or the bundled one"
    )
    check.set_defaults(run=_kb_check)
    return parser


def render(answer: Answer) -> str:
    """An answer as plain text, options as `[n] label` lines."""
    lines = [answer.text]
    lines += [f"[{n}] {option.label}" for n, option in enumerate(answer.options, 1)]
    return "\n".join(lines)


def _ask(args: argparse.Namespace) -> int:
    core = load_core(args.knowledge)
    if args.question is None and not args.json:
        print(
            "Give a question, or use --json to read questions from standard input.", file=sys.stderr
        )
        return 2
    questions = [args.question] if args.question is not None else _stdin_lines()
    for question in questions:
        answer = core.responder.respond(question)
        if args.json:
            print(json.dumps(answer.as_dict(question), ensure_ascii=False), flush=True)
        else:
            print(render(answer))
    return 0


def _stdin_lines():
    for line in sys.stdin:
        yield line.rstrip("\r\n")


def _environment() -> dict[str, str]:
    return merged_environment(os.environ)


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env(_environment())
    if getattr(args, "db", None):
        settings = replace(settings, db=args.db)
    if args.knowledge:
        settings = replace(settings, knowledge=args.knowledge)
    return settings


def _chat(args: argparse.Namespace) -> int:
    from bot.app import build_app
    from handlers.console import run_console

    app = build_app(_settings(args), fault=fault_from_env(_environment()))
    try:
        user = args.person or "console"
        if args.person and app.directory.get(args.person) is None:
            print(
                f"unknown person '{args.person}': see `python -m bot directory list`",
                file=sys.stderr,
            )
            return 2
        return run_console(app.engine, sys.stdin, sys.stdout, user)
    finally:
        app.close()


def _serve(args: argparse.Namespace) -> int:
    import asyncio

    from bot.logs import setup_logging
    from handlers.serve import serve

    settings = _settings(args)
    worker = args.worker if settings.workers > 1 else None
    setup_logging(settings.log_format, settings.log_level, worker)
    return asyncio.run(serve(settings, args.platform, _environment(), args.worker))


def _report(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from bot import upkeep
    from bot.engine import utc_now
    from bot.store import Store

    settings = _settings(args)
    store = Store(settings.db)
    try:
        weaknesses = upkeep.report(store.db, utc_now() - timedelta(days=args.since))
    finally:
        store.close()
    print(upkeep.format_text(weaknesses, args.since))
    if args.html:
        args.html.write_text(upkeep.format_html(weaknesses, args.since), encoding="utf-8")
        print(f"Wrote {args.html}")
    return 0


def _config_check(args: argparse.Namespace) -> int:
    from handlers.config_check import check_config

    lines, problems = check_config(_environment(), args.platform)
    print("\n".join(lines))
    for problem in problems:
        print(f"problem: {problem}")
    print("Settings are usable." if not problems else f"{len(problems)} problem(s) found.")
    return 1 if problems else 0


def _purge(args: argparse.Namespace) -> int:
    from bot.app import build_app

    app = build_app(_settings(args))
    try:
        cases, messages = app.engine.purge()
    finally:
        app.close()
    days = app.settings.retention.days
    print(
        f"Purged {cases} closed case(s) and {messages} delivered message(s) older than {days} days."
    )
    return 0


def _eval(args: argparse.Namespace) -> int:
    core = load_core(args.knowledge)
    report = evaluate(load_cases(args.file), core.responder.respond)
    print(format_report(report))
    return 0


def _kb_check(args: argparse.Namespace) -> int:
    path = args.path or args.knowledge or _settings(args).knowledge or BUNDLED_KNOWLEDGE
    kb, problems = check_knowledge(path)
    if problems or kb is None:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s) found; the knowledge base would be refused.")
        return 1
    covered = {rule for entry in kb.entries for rule in entry.rules}
    questions = sum(len(entry.questions) for entry in kb.entries)
    print(
        f"OK: {len(kb.entries)} entries, {questions} questions, "
        f"{len(covered)} of {len(kb.rules) or len(covered)} rules covered."
    )
    return 0
