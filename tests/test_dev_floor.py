"""The labelled development questions as a floor: the figures must not drop."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_support import shared_core

from bot.evaluation import evaluate, load_cases

SHARED_DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.yaml"
EVAL = Path(__file__).resolve().parent / "eval"


@pytest.mark.skipif(not SHARED_DEV.exists(), reason="../shared/eval/dev.yaml not present")
def test_dev_set_meets_the_targets():
    report = evaluate(load_cases(SHARED_DEV), shared_core().responder.respond)
    assert report.accuracy >= 0.95
    assert report.escalation_recall == 1.0
    assert report.false_escalation_rate <= 0.02
    assert report.out_of_scope_rejection >= 0.95


@pytest.mark.parametrize(
    ("name", "floor", "recall", "rejection"),
    [
        ("holdout.yaml", 0.92, 0.95, 0.90),
        ("holdout2.yaml", 0.92, 0.95, 0.90),
        ("holdout3.yaml", 0.92, 0.95, 0.90),
        ("holdout4.yaml", 0.83, 0.93, 0.90),  # blind until committed: 0.853 then
        ("holdout5.yaml", 0.84, 0.95, 0.90),
        ("holdout6.yaml", 0.88, 0.95, 0.82),  # blind until scored: 0.836 then
        ("holdout7.yaml", 0.86, 0.95, 0.95),  # blind: 0.755 first run, 0.800 later
        ("holdout8.yaml", 0.87, 0.95, 0.85),  # blind until scored: 0.846 then
        ("holdout9.yaml", 0.87, 0.95, 0.85),  # blind until scored: 0.866 then
        ("holdout10.yaml", 0.89, 0.95, 0.95),  # blind until scored: 0.854 then
        ("holdout11.yaml", 0.86, 0.95, 0.95),  # blind until scored: 0.826 then
        ("holdout12.yaml", 0.88, 0.75, 0.85),  # blind, scored at the end of the round: 0.895
    ],
)
def test_holdout_sets_do_not_regress(name, floor, recall, rejection):
    """Written without seeing the knowledge base: guards for generalisation."""
    report = evaluate(load_cases(EVAL / name), shared_core().responder.respond)
    assert report.accuracy >= floor
    assert report.escalation_recall >= recall
    assert report.false_escalation_rate <= 0.02
    assert report.out_of_scope_rejection >= rejection


def test_asking_what_to_ask_is_help_even_with_two_help_phrases():
    respond = shared_core().responder.respond
    assert respond("welke vragen kan ik aan je stellen?").action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "hallo bot",
        "wat kan ik met jou?",
        "waarvoor ben jij?",
        "waar ben je voor bedoeld",
        "hoe gebruik ik deze bot",
        "ik snap niet hoe dit werkt",
        "kun je me helpen?",
        "is dit de protocolbot?",
        "Waar kan ik je allemaal over vragen?",
        "hallo, ben nieuw hier. hoe werkt dit ding?",
        "welke commando's heb je",
    ],
)
def test_asking_what_the_bot_is_for_gets_the_help(text):
    assert shared_core().responder.respond(text).action == "help"


def test_a_help_phrase_in_a_real_question_does_not_hide_the_answer():
    answer = shared_core().responder.respond(
        "kun je me helpen, mag ik een foto van mijn klas op insta zetten?"
    )
    assert answer.action in {"check", "answer"} and "ML2" in answer.rules


@pytest.mark.parametrize(
    "text",
    [
        "een collega heeft een foto van mijn klas op haar insta gezet, mag dat?",
        "een leerling heeft een foto van mij op zijn story gezet zonder te vragen, mag dat?",
        "collega zet steeds fotos van haar klas op fb, kinderen herkenbaar. moet ik daar iets mee?",
        "mogen ouders foto's van het schoolreisje in de klassenapp delen?",
    ],
)
def test_a_post_someone_else_placed_gets_the_rule_not_the_check(text):
    reported = shared_core().responder.respond(text)
    assert reported.action == "answer" and "ML2" in reported.rules


def test_a_report_answer_says_what_to_do_about_another_post():
    reported = shared_core().responder.respond("collega heeft een foto van mijn klas op fb gezet")
    assert reported.action == "answer" and "al geplaatst" in reported.text


def test_asking_about_a_post_of_ones_own_keeps_the_check():
    respond = shared_core().responder.respond
    own = respond("een collega heeft een foto van mijn klas gemaakt, mag ik die op insta zetten?")
    assert own.action == "check"


def test_asking_whether_to_ask_the_manager_first_is_an_escalation():
    answer = shared_core().responder.respond(
        "moet ik dit eerst aan mijn teamleider vragen? ik wil iets kritisch posten"
    )
    assert answer.action == "escalate" and "M6" in answer.rules


def test_someone_elses_doubt_is_not_the_askers():
    answer = shared_core().responder.respond(
        "wat is de regel voor leidinggevenden die twijfelen of ze iets mogen posten?"
    )
    assert answer.action == "answer"


@pytest.mark.parametrize(
    "text",
    [
        "wat is het hoofdluisprotocol in groep 2",
        "wat staat er in de cao over schorsing van een docent?",
    ],
)
def test_another_protocol_or_the_cao_by_name_falls_back(text):
    assert shared_core().responder.respond(text).action == "fallback"


def test_the_social_media_protocol_by_name_is_in_scope():
    answer = shared_core().responder.respond("voor wie geldt het socialemediaprotocol?")
    assert answer.action == "answer" and "P" in answer.rules


def test_a_vague_opening_with_little_substance_offers_topics():
    respond = shared_core().responder.respond
    assert respond("iets met ouders op fb").action == "clarify"
    assert respond("vraagje over collega's en linkedin").action == "clarify"
    assert respond("vraagje over iets").action == "help"
    assert respond("hoe zit het met foto's van leerlingen op insta").action == "check"


@pytest.mark.parametrize(
    "text",
    [
        "ik wil graag dat mijn teamleider er eerst naar kijkt",
        "kan ik via jou een vraag aan mijn leidinggevende stellen?",
        "ik durf die foto eigenlijk niet te posten",
        "mijn directeur vindt dit vast prima, maar kun je het hem vragen?",
        "zou mijn leidinggevende het goed vinden als ik dit tweet?",
    ],
)
def test_more_ways_of_asking_for_the_manager_or_doubting_escalate(text):
    answer = shared_core().responder.respond(text)
    assert answer.action == "escalate" and "M6" in answer.rules
