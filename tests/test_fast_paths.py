"""The shortcuts taken for speed give exactly what the straightforward code gives.

Matching, folding, the publication words, the lexicon's patterns and the log
time each have a faster form than the obvious one; these tests hold them to the
obvious one. Also: the engine's
memory of directory lookups, and the delivery marks written as a group commit.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from engine_support import World, shared_core
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

from bot import intents
from bot.directory import Directory, Person
from bot.knowledge import Lexicon
from bot.logs import SecondCachedTime
from bot.matcher import Matcher
from bot.messages import Incoming
from bot.normalise import Normaliser
from bot.pattern_index import PatternIndex, _first_letters
from bot.phrasings import QUERY_SIDE, sorted_words
from bot.text import _APOSTROPHE, _NON_WORD, _fold
from handlers.runtime import Runtime

HOLDOUT = Path(__file__).resolve().parent / "eval" / "holdout.yaml"


def plain_fold(text: str) -> str:
    """bot.text._fold without its shortcut for ASCII."""
    text = _APOSTROPHE.sub("", text)
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text.lower()).strip()


@given(st.text(alphabet=st.characters(max_codepoint=0x2FFF), max_size=40))
def test_folding_ascii_and_accented_text_alike(text: str):
    assert _fold.__wrapped__(text) == plain_fold(text)


def test_publication_words_at_either_end_of_a_compound():
    lexicon = shared_core().kb.lexicon

    def plain(text: str) -> bool:
        """A listed word, or one of five letters or more (not a verb in -en) at either
        end of a longer word, unless that word is only the listed one with an -e; or a
        listed compound head closing a word at least three letters longer."""
        words = lexicon.publication_words
        ends = [p for p in words if len(p) >= 5 and not p.endswith("en")]
        heads = [h for h in lexicon.compound_heads if h in words]

        def compound(w: str) -> bool:
            adjective = w.endswith("e") and w[:-1] in words
            either_end = any(w.startswith(p) or w.endswith(p) for p in ends)
            head = any(w.endswith(h) and len(w) >= len(h) + 3 for h in heads)
            return (either_end and not adjective) or head

        return any(w in words or compound(w) for w in intents.fold(text).split())

    texts = [case["q"] for case in yaml.safe_load(HOLDOUT.read_text(encoding="utf-8"))]
    texts += [
        f"{prefix}{word}{suffix}"
        for word in sorted(lexicon.publication_words)
        for prefix, suffix in (("", ""), ("podcast", ""), ("", "reeks"), ("x", "y"))
    ]
    assert [intents.mentions_publication(t, lexicon) for t in texts] == [plain(t) for t in texts]


def test_indexed_lexicon_patterns_find_what_one_by_one_finds():
    lexicon = shared_core().kb.lexicon
    texts = [case["q"] for case in yaml.safe_load(HOLDOUT.read_text(encoding="utf-8"))]
    texts += [q for entry in shared_core().kb.entries for q in entry.questions]
    kinds = ("doubt_patterns", "request_patterns", "help_patterns", "offtopic_patterns")
    for kind in kinds:
        patterns = getattr(lexicon, kind)
        joined = [intents.matches_any(patterns, t) for t in texts]
        one_by_one = [any(p.search(intents.fold(t)) for p in patterns) for t in texts]
        assert joined == one_by_one, kind
        assert any(joined), kind  # the texts exercise every kind


def test_phrases_found_at_once_give_the_tokens_of_phrases_tried_one_by_one():
    lexicon = shared_core().kb.lexicon
    texts = [case["q"] for case in yaml.safe_load(HOLDOUT.read_text(encoding="utf-8"))]
    texts += [q for entry in shared_core().kb.entries for q in entry.questions]
    texts += ["ik hou me niet aan het protocol", "die post moet offline gehaald worden"]
    joined, one_by_one = Normaliser(lexicon), Normaliser(lexicon)
    one_by_one._any_phrase = None
    assert [joined.tokens(t) for t in texts] == [one_by_one.tokens(t) for t in texts]
    assert any(joined._any_phrase.search(intents.fold(t)) for t in texts)


def test_a_phrase_referring_back_to_its_group_is_tried_on_its_own():
    other = (re.compile(r"\b(over) de schreef\b"), "overtreding")
    repeated = (re.compile(r"\b(foto) \1\b"), "dubbel")  # joined, \1 would be "over"
    normaliser = Normaliser(Lexicon(phrases=(other, repeated)))
    assert normaliser.tokens("foto foto") == ("dubbel",)


def test_phrases_that_cannot_be_joined_are_tried_one_by_one():
    repeated = (re.compile(r"\b(?P<w>\w+) (?P=w)\b"), "dubbel")
    named_too = (re.compile(r"\b(?P<w>over) de schreef\b"), "overtreding")
    normaliser = Normaliser(Lexicon(phrases=(repeated, named_too)))
    assert normaliser._any_phrase is None  # one group name twice: no joined expression
    assert normaliser.tokens("foto foto over de schreef") == ("dubbel", "overtreding")


@pytest.mark.parametrize(
    ("pattern", "letters"),
    [
        (r"\btwijfel", {"t"}),
        (r"\b(?<!bij )(ik )?(weet|wist) niet", {"i", "w"}),
        (r"\b[a-c]x", {"a", "b", "c"}),
        (r"\b(x )?", None),  # may match nothing
        (r"\bfoo|bar", None),  # the second branch may begin inside a word
        (r"^(?=.*mijn).*post", None),
        (r"\b\w+protocol", None),
    ],
)
def test_the_first_letters_a_pattern_can_begin_with(pattern, letters):
    found = _first_letters(pattern)
    assert (found if found is None else set(found)) == letters


def test_patterns_are_tried_where_they_can_begin_and_keep_their_meaning():
    patterns = [r"\bfoo|bar", r"\bbaz\b", r"[|(]qux", r"\b(?<!niet )twijfel"]
    index = PatternIndex(re.compile(p) for p in patterns)
    cases = {
        "xbar": True,
        "xfoo": False,
        "a baz": True,
        "abaz": False,
        "(qux": True,
        "ik twijfel": True,
        "niet twijfel": False,
        "": False,
    }
    for text, found in cases.items():
        assert index.search(text) is found, text


def test_patterns_with_a_backreference_or_a_global_flag_keep_their_meaning():
    backreference = (re.compile(r"(ja)\1"), re.compile("nee"))
    global_flag = (re.compile("(?i)twijfel"), re.compile("nee"))
    assert intents.matches_any(backreference, "jaja") and not intents.matches_any(
        backreference, "ja"
    )
    assert intents.matches_any(global_flag, "TWIJFEL")
    assert not intents.matches_any((), "alles")


def test_log_time_rendered_once_a_second_reads_as_the_standard_one():
    ours, standard = SecondCachedTime(), logging.Formatter()
    for created in (1764979200.0, 1764979200.999, 1764979201.5, 1764979201.0004, 1764979262.25):
        record = logging.makeLogRecord({"created": created, "msecs": (created % 1) * 1000})
        assert ours.formatTime(record) == standard.formatTime(record)


words = st.lists(st.text(alphabet="abcdeklmnop", min_size=1, max_size=6), max_size=6)


@given(words, words)
def test_token_sort_ratio_is_ratio_ofsorted_words(a: list[str], b: list[str]):
    first, second = " ".join(a), " ".join(b)
    assert fuzz.ratio(sorted_words(first), sorted_words(second)) == fuzz.token_sort_ratio(
        first, second
    )


def plain_overlap(matcher: Matcher, index: int, query, total: float) -> float:
    """The best overlap as first written: every word against every sharing phrasing."""
    table = matcher.phrasings
    phrasings, positions = table.phrasings_of[index], table.positions_of[index]
    sharing = {i for word in query for w in word.matches for i in positions.get(w, ())}
    best = 0.0
    for position in sorted(sharing):
        phrasing = phrasings[position]
        covered = 0.0
        matched: set[str] = set()
        for word in query:
            found = 0.0
            for vocab_word, similarity in word.matches.items():
                if vocab_word in phrasing.tokens:
                    matched.add(vocab_word)
                    found = max(found, similarity)
            covered += word.weight * found
        side = sum(matcher._weights[w] for w in matched) / phrasing.weight
        best = max(best, QUERY_SIDE * covered / total + (1 - QUERY_SIDE) * side)
    return best


def test_best_overlap_is_exactly_the_plain_one():
    matcher = shared_core().responder.matcher
    checked = 0
    for case in yaml.safe_load(HOLDOUT.read_text(encoding="utf-8")):
        query = [matcher._query_word(t) for t in matcher.normaliser.tokens(case["q"])]
        if not query:
            continue
        total = sum(word.weight for word in query)
        words = [(word.weight, tuple(word.matches.items())) for word in query]
        for index in matcher._coverage(query):
            fast = matcher.phrasings.compare(index, words, total).overlap
            plain = plain_overlap(matcher, index, query, total)
            assert fast == pytest.approx(plain, rel=1e-12, abs=0)  # only the order of a sum differs
            checked += 1
    assert checked > 1000


def directory(user_id: str) -> Directory:
    person = Person("akaya", "Ayse Kaya", None, None, "ayse.kaya", user_id, None, False)
    return Directory({"akaya": person})


def test_directory_lookups_are_remembered_until_a_reload(tmp_path):
    world = World(tmp_path)
    engine = world.engine
    first = directory("id-one")
    engine.directory = first
    calls = 0
    find = Directory.find

    def counting(self, platform: str, user: str):
        nonlocal calls
        calls += 1
        return find(self, platform, user)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Directory, "find", counting)
        assert engine.party_of("mattermost", "id-one") == "akaya"
        assert engine.party_of("mattermost", "id-one") == "akaya"
        assert engine.party_of("mattermost", "nobody") == "mattermost:nobody"
        assert engine.party_of("mattermost", "nobody") == "mattermost:nobody"
        assert calls == 2
        engine.reload(engine.core, directory("id-two"))  # a new directory: asked afresh
        assert engine.party_of("mattermost", "id-one") == "mattermost:id-one"
        assert engine.party_of("mattermost", "id-two") == "akaya"
    world.store.close()


async def test_delivery_marks_of_one_loop_turn_share_one_transaction(tmp_path):
    marks: list[str] = []
    world = World(tmp_path)
    world.store.fault = lambda point: marks.append(point)
    runtime = Runtime(world.engine)
    replies = [
        reply
        for person in ("akaya", "tbos", "svisser")
        for reply in runtime.handle(Incoming("console", person, f"console:{person}", "regel ML2"))
    ]
    marks.clear()
    await asyncio.gather(*(runtime.mark_delivered([reply]) for reply in replies))
    assert marks == ["delivered:before-commit", "delivered:after-commit"]  # one commit
    assert world.engine.undelivered() == []
    world.store.close()


async def test_a_cancelled_waiter_does_not_stop_the_others_mark(tmp_path):
    world = World(tmp_path)
    runtime = Runtime(world.engine)
    first, second = (
        runtime.handle(Incoming("console", p, f"console:{p}", "regel M3"))[0]
        for p in ("akaya", "tbos")
    )
    waiting = asyncio.create_task(runtime.mark_delivered([first]))
    other = asyncio.create_task(runtime.mark_delivered([second]))
    await asyncio.sleep(0)  # both joined the batch
    waiting.cancel()
    await other
    assert world.engine.undelivered() == []
    world.store.close()


def test_a_question_is_matched_before_the_database_is_locked(tmp_path):
    """Matching holds no write lock: other workers (BOT_WORKERS) need not wait for it."""
    world = World(tmp_path)
    engine = world.engine
    respond = engine.responder.respond
    locked_while_matching: list[bool] = []

    def spying(text: str):
        locked_while_matching.append(world.store.db.in_transaction)
        return respond(text)

    engine.responder = replace_respond(engine.responder, spying)
    replies = engine.handle(
        Incoming("console", "akaya", "console:akaya", "mag ik deze foto posten")
    )
    assert replies and replies[0].answer is not None and replies[0].answer.action == "check"
    assert locked_while_matching == [False]


def replace_respond(responder, respond):
    """The responder with `respond` swapped, everything else the same."""
    clone = copy.copy(responder)
    clone.respond = respond
    return clone
