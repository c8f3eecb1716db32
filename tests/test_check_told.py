"""The publication check does not ask what the asker already said."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from engine_support import shared_core

from bot import texts
from bot.checkflow import CheckFlow
from bot.kb_loader import BUNDLED_KNOWLEDGE, check_knowledge
from bot.knowledge import CheckQuestion, Entry, KnowledgeBase, Lexicon, Rule

SEEN = CheckQuestion(
    "herkenbaar",
    "Staat er iemand herkenbaar op?",
    ("ML2",),
    told=(("nee", re.compile(r"\bniemand herkenbaar\b")),),
)
CONSENT = CheckQuestion(
    "toestemming",
    "Heeft iedereen toestemming gegeven?",
    ("ML2",),
    only_if=("herkenbaar", "ja"),
    stop_on="nee",
    stop="Dan niet plaatsen.",
    told=(("nee", re.compile(r"\bzonder toestemming\b")),),
)
SECRET = CheckQuestion(
    "geheim",
    "Is het vertrouwelijk?",
    ("M2",),
    stop_on="ja",
    stop="Vertrouwelijk: niet plaatsen.",
    told=(("ja", re.compile(r"\bnog niet bekend\b")),),
)
LEADER = CheckQuestion(
    "leider",
    "Ben je leidinggevende?",
    ("M4",),
    note_on="ja",
    note="Als leidinggevende vertegenwoordig je altijd de school.",
    told=(("ja", re.compile(r"\bik ben directeur\b")),),
)
PHOTO = Entry("foto", "Foto", "check", ("ML2",), ("foto plaatsen",) * 5, (), "Over foto's.")
FLOW = CheckFlow(
    KnowledgeBase(
        rules={r: Rule(r, "sectie", r) for r in ("ML2", "M2")},
        entries=(PHOTO,),
        checks={c.id: c for c in (SEEN, CONSENT, SECRET, LEADER)},
        lexicon=Lexicon(),
    )
)


def test_words_that_answer_a_stopping_question_make_the_outcome_the_reply():
    reply = FLOW.start(PHOTO, 80.0, "Mag ik een foto plaatsen zonder toestemming?")
    assert reply.action == "answer" and reply.rules == ("ML2",)
    assert reply.text.startswith(texts.CHECK_TOLD) and "Dan niet plaatsen." in reply.text
    assert reply.options == ()


def test_a_told_stop_does_not_hold_when_its_premise_is_denied():
    reply = FLOW.start(PHOTO, 80.0, "zonder toestemming, maar er staat niemand herkenbaar op")
    assert reply.action == "check" and "Is het vertrouwelijk?" in reply.text


def test_told_answers_first_in_order_are_not_asked_again_and_ride_on_the_buttons():
    reply = FLOW.start(PHOTO, 80.0, "er staat niemand herkenbaar op")
    assert "Staat er iemand herkenbaar op?" not in reply.text
    assert "Is het vertrouwelijk?" in reply.text
    yes = reply.options[0].action
    assert yes == "chk:foto:nj"  # herkenbaar: nee (told), geheim: ja (clicked)
    assert FLOW.step(FLOW.decode(yes)).text == "Vertrouwelijk: niet plaatsen."


def test_a_told_answer_with_a_note_gives_the_note_and_its_rule_up_front():
    reply = FLOW.start(PHOTO, 80.0, "ik ben directeur, mag ik deze foto plaatsen")
    assert reply.action == "check" and reply.rules == ("ML2", "M4")
    assert "vertegenwoordig je altijd de school" in reply.text


REACT = Entry(
    "reageren",
    "Reageren",
    "answer",
    ("M3",),
    ("reageren op ouder",) * 5,
    (),
    "Niet in discussie.",
    checks=("leider",),
)
PLAIN = Entry("uitleg", "Uitleg", "answer", ("P",), ("protocol uitleg",) * 5, (), "Het protocol.")


def test_an_answer_entry_adds_the_notes_of_its_checks_the_asker_already_answered():
    reply = FLOW.answer(REACT, 70.0, "ik ben directeur, mag ik reageren op die ouder")
    assert reply.action == "answer" and reply.rules == ("M3", "M4")
    assert reply.text.startswith("Niet in discussie.")
    assert "vertegenwoordig je altijd de school" in reply.text


def test_an_answer_entry_without_told_words_or_checks_is_the_plain_answer():
    assert FLOW.answer(REACT, 70.0, "mag ik reageren op die ouder").rules == ("M3",)
    assert FLOW.answer(PLAIN, 70.0, "ik ben directeur, wat is het protocol").rules == ("P",)


def test_a_leader_who_reacts_hears_of_rule_m4_in_the_shipped_knowledge():
    reply = shared_core().responder.respond(
        "als schoolleider wil ik in de facebookgroep van de wijk reageren op een boze ouder "
        "die over school klaagt, dat doe ik dan als bewoner"
    )
    assert reply.action == "answer" and "M4" in reply.rules and "M3" in reply.rules


def test_without_told_words_the_check_asks_from_the_start():
    reply = FLOW.start(PHOTO, 80.0, "mag ik deze foto plaatsen")
    assert reply.action == "check" and "Staat er iemand herkenbaar op?" in reply.text


def test_news_not_yet_announced_is_confidential_in_the_shipped_checks():
    reply = shared_core().responder.respond(
        "mag ik op linkedin al vertellen dat onze locatie gaat verhuizen? het is nog niet "
        "officieel bekendgemaakt"
    )
    assert reply.action == "answer" and "M2" in reply.rules
    assert texts.CHECK_TOLD in reply.text


def test_a_wrong_told_answer_or_pattern_is_refused_with_file_and_line(tmp_path: Path):
    folder = tmp_path / "kb"
    shutil.copytree(BUNDLED_KNOWLEDGE, folder)
    checks = folder / "checks.yaml"
    text = checks.read_text(encoding="utf-8")
    broken = text.replace(
        "    told:\n      nee:\n        - '\\bzonder",
        "    told:\n      misschien: ['x']\n      nee:\n        - '(\\bzonder",
        1,
    )
    assert broken != text
    checks.write_text(broken, encoding="utf-8")
    _, problems = check_knowledge(folder)
    found = [str(p) for p in problems]
    line = broken.splitlines().index("      misschien: ['x']") + 1
    assert (
        f"{checks}:{line - 1}: check 'toestemming': 'told' answers are ja or nee, not "
        "'misschien'" in found
    )
    assert any(
        m.startswith(f"{checks}:{line + 2}: check 'toestemming': told: not a valid regular")
        for m in found
    )
