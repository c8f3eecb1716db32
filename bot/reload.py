"""Reloading the knowledge base and the directory without a restart.

A reload that finds any problem keeps the running version and reports every
problem (file:line); only a fully valid pair is swapped in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.core import build_core
from bot.directory import BUNDLED_DEMO_DIRECTORY
from bot.directory_loader import check_directory
from bot.engine import Engine
from bot.kb_loader import BUNDLED_KNOWLEDGE, check_knowledge
from bot.settings import Settings

log = logging.getLogger(__name__)

FAILED = "Herladen is niet gelukt; de vorige versie blijft actief. Problemen:"
DONE = "Herladen gelukt: {entries} onderwerpen, {people} mensen."


def make_reloader(engine: Engine, settings: Settings) -> Callable[[], str]:
    def reload() -> str:
        kb, kb_problems = check_knowledge(settings.knowledge or BUNDLED_KNOWLEDGE)
        directory_path = settings.directory or BUNDLED_DEMO_DIRECTORY
        directory, directory_problems = check_directory(directory_path)
        problems = [str(p) for p in (*kb_problems, *directory_problems)]
        if problems or kb is None or directory is None:
            for problem in problems:
                log.error("reload refused: %s", problem)
            return "\n".join([FAILED, *problems])
        engine.reload(build_core(kb), directory)
        log.info("reloaded entries=%d people=%d", len(kb.entries), len(directory.people))
        return DONE.format(entries=len(kb.entries), people=len(directory.people))

    return reload
