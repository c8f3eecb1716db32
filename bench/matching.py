"""Matching benchmark: latency per question, start-up time and peak memory.

Prints p50/p99 per question on the shipped knowledge base and on one scaled
to 10,000 generated entries, next to bare `rapidfuzz.process.extractOne`
over the same phrasings in the same run; start-up time to the first answer
(a fresh process); and peak memory. Run: `make bench`.
"""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core import build_core  # noqa: E402
from bot.kb_loader import load_knowledge  # noqa: E402
from bot.knowledge import KnowledgeBase  # noqa: E402

SCALED_ENTRIES = 10_000
QUESTIONS = 2_000
SEED = 20261125


def percentiles(samples_ms: list[float]) -> str:
    ordered = sorted(samples_ms)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {p50:6.3f} ms   p99 {p99:6.3f} ms"


def typo(text: str, rng: random.Random) -> str:
    """One dropped or swapped letter now and then, the way people type."""
    if len(text) < 6 or rng.random() < 0.5:
        return text
    i = rng.randrange(1, len(text) - 1)
    return text[:i] + text[i + 1 :] if rng.random() < 0.5 else text[:i] + text[i + 1] + text[i]


def question_set(kb: KnowledgeBase, rng: random.Random) -> list[str]:
    phrasings = [q for e in kb.entries for q in e.questions]
    extra = [
        "Wanneer is de kerstvakantie?",
        "hoe groot mag een foto zijn voor de nieuwsbrief",
        "ik twijfel of ik dit mag posten",
        "hallo",
        "regel ML2",
    ]
    pool = phrasings + extra
    return [typo(rng.choice(pool), rng) for _ in range(QUESTIONS)]


def time_calls(function, questions: list[str]) -> list[float]:
    samples = []
    for question in questions:
        start = time.perf_counter()
        function(question)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def scaled(kb: KnowledgeBase, size: int, rng: random.Random) -> KnowledgeBase:
    """Entries cloned from the real ones, each with words swapped for made-up ones."""
    invented = [f"{rng.choice('bdfgklmnprstvwz')}{rng.choice('aeiou')}{i:x}" for i in range(20_000)]
    entries = []
    for number in range(size):
        base = kb.entries[number % len(kb.entries)]
        questions = tuple(_mutate(q, invented, rng) + f" {number:x}" for q in base.questions)
        entries.append(replace(base, id=f"{base.id}-{number}", questions=questions))
    return replace(kb, entries=tuple(entries))


def _mutate(question: str, invented: list[str], rng: random.Random) -> str:
    words = question.split()
    for _ in range(2):
        words[rng.randrange(len(words))] = rng.choice(invented)
    return " ".join(words)


def bench_kb(label: str, kb: KnowledgeBase, questions: list[str], bare_count: int) -> None:
    start = time.perf_counter()
    core = build_core(kb)
    built = (time.perf_counter() - start) * 1000
    phrasings = [q.lower() for e in kb.entries for q in e.questions]
    core.responder.respond(questions[0])
    ours = time_calls(core.responder.respond, questions)
    bare = time_calls(
        lambda q: process.extractOne(q.lower(), phrasings, scorer=fuzz.WRatio),
        questions[:bare_count],
    )
    print(f"{label}: {len(kb.entries)} entries, {len(phrasings)} phrasings, index {built:.0f} ms")
    print(f"  bot respond()            {percentiles(ours)}")
    print(f"  bare extractOne (WRatio) {percentiles(bare)}   ({len(bare)} questions)")


def startup_to_first_answer() -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bot", "ask", "Mag ik deze foto plaatsen?"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    return (time.perf_counter() - start) * 1000


def main() -> None:
    rng = random.Random(SEED)
    kb = load_knowledge()
    questions = question_set(kb, rng)
    bench_kb("shipped", kb, questions, bare_count=len(questions))
    print(f"peak memory after the shipped knowledge base: {peak_mb():.0f} MB")
    bench_kb("scaled", scaled(kb, SCALED_ENTRIES, rng), questions[:1000], bare_count=100)
    runs = sorted(startup_to_first_answer() for _ in range(5))
    print(f"start-up to first answer (new process): median {runs[2]:.0f} ms, max {runs[-1]:.0f} ms")
    print(f"peak memory after the 10,000-entry knowledge base too: {peak_mb():.0f} MB")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
