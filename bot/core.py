"""Building the matching core from a knowledge base: explicit wiring, no globals."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.bands import Bands
from bot.kb_loader import load_knowledge
from bot.knowledge import KnowledgeBase
from bot.matcher import Matcher
from bot.normalise import Normaliser
from bot.responder import Responder


@dataclass(frozen=True)
class Core:
    kb: KnowledgeBase
    responder: Responder


def build_core(kb: KnowledgeBase, bands: Bands | None = None) -> Core:
    matcher = Matcher(kb, Normaliser(kb.lexicon))
    return Core(kb, Responder(kb, matcher, bands))


def load_core(path: Path | None = None) -> Core:
    return build_core(load_knowledge(path))
