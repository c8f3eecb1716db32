"""The console chat: the embedded default platform, for trying the bot in a terminal.

Options are printed as `[n] label`; typing `n` picks option n. Works the same
with piped standard input and ends at the end of input.
"""

from __future__ import annotations

from typing import TextIO

from bot.engine import Engine
from bot.messages import Incoming, Option, Reply

WELCOME = "Protocolbot SVO|PL. Stel je vraag (typ 'help' voor uitleg, Ctrl-D om te stoppen)."
PROMPT = "> "


class ConsoleChat:
    def __init__(self, engine: Engine, out: TextIO, user: str = "console") -> None:
        self.engine = engine
        self.out = out
        self.user = user
        self.options: tuple[Option, ...] = ()

    def incoming(self, line: str) -> Incoming:
        text = line.strip()
        conversation = f"console:{self.user}"
        if text.isdigit() and 1 <= int(text) <= len(self.options):
            action = self.options[int(text) - 1].action
            return Incoming("console", self.user, conversation, text, action=action)
        return Incoming("console", self.user, conversation, text)

    def show(self, replies: list[Reply]) -> None:
        for reply in replies:
            prefix = f"→ {reply.to}: " if reply.to and reply.to != self.user else ""
            print(prefix + reply.text, file=self.out)
            for number, option in enumerate(reply.options, 1):
                print(f"[{number}] {option.label}", file=self.out)
            if not prefix:
                self.options = reply.options
        self.out.flush()

    def say(self, line: str) -> None:
        self.show(self.engine.handle(self.incoming(line)))


def run_console(core, stdin: TextIO, out: TextIO) -> int:
    chat = ConsoleChat(Engine(core), out)
    interactive = stdin.isatty()
    print(WELCOME, file=out)
    while True:
        if interactive:
            print(PROMPT, end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            return 0
        chat.say(line)
