"""The console chat: the embedded default platform, for trying the bot in a terminal.

Options are printed as `[n] label`, numbered across one batch of output;
typing `n` picks option n. Lines starting with `/` are commands (`/mijn`,
`/escalaties`, `/help`, `/regel ML2`). Replies meant for someone else are
shown as `→ PERSON-ID: …` and wait in the outbox until that person opens a
chat. Works the same with piped standard input and ends at end of input.
"""

from __future__ import annotations

from typing import TextIO

from bot.engine import COMMANDS, Engine
from bot.messages import Incoming, Option, Reply

PLATFORM = "console"
WELCOME = "Protocolbot SVO|PL. Stel je vraag (typ 'help' voor uitleg, Ctrl-D om te stoppen)."
PROMPT = "> "


class ConsoleChat:
    def __init__(self, engine: Engine, out: TextIO, user: str = "console") -> None:
        self.engine = engine
        self.out = out
        self.user = user
        self.party = engine.party_of(PLATFORM, user)
        self.options: list[Option] = engine.remembered_options(self.party)

    def incoming(self, line: str) -> Incoming:
        text = line.strip()
        conversation = f"{PLATFORM}:{self.user}"
        if text.isdigit() and 1 <= int(text) <= len(self.options):
            action = self.options[int(text) - 1].action
            return Incoming(PLATFORM, self.user, conversation, text, action=action)
        if text.startswith("/"):
            command, _, rest = text[1:].partition(" ")
            if command.lower() in COMMANDS:
                return Incoming(PLATFORM, self.user, conversation, rest, command=command.lower())
        return Incoming(PLATFORM, self.user, conversation, text)

    def show(self, replies: list[Reply]) -> None:
        """Print a batch of replies; mark the ones for this person as delivered."""
        mine = [r for r in replies if r.to == self.party]
        if mine:
            self.options = []
        for reply in replies:
            if reply.to != self.party:
                for line in reply.text.splitlines() or [""]:
                    print(f"→ {reply.to}: {line}", file=self.out)
                continue
            print(reply.text, file=self.out)
            for option in reply.options:
                self.options.append(option)
                print(f"[{len(self.options)}] {option.label}", file=self.out)
        self.out.flush()
        self.engine.delivered(mine)
        if mine:
            self.engine.remember_options(self.party, self.options)

    def catch_up(self) -> None:
        """Time-driven work, then whatever waits for this person."""
        self.show(self.engine.tick())
        waiting = self.engine.undelivered(self.party)
        if waiting:
            self.show(waiting)

    def say(self, line: str) -> None:
        self.show(self.engine.handle(self.incoming(line)))


def run_console(engine: Engine, stdin: TextIO, out: TextIO, user: str = "console") -> int:
    chat = ConsoleChat(engine, out, user)
    interactive = stdin.isatty()
    print(WELCOME, file=out)
    chat.catch_up()
    while True:
        if interactive:
            print(PROMPT, end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            return 0
        chat.catch_up()
        chat.say(line)
