"""Follow-ups in a chat, read with the question before them: "en op facebook?",
"ik twijfel toch". Sentences in no labelled set."""

import pytest
from engine_support import respond, shared_core, to

from bot.follow_up import with_role_swapped

PHOTO = "mag ik een foto van de schoolreis op insta zetten?"


def test_a_follow_up_naming_no_topic_is_read_with_the_question_before(world):
    assert respond("en op facebook?").action == "clarify"  # alone, it names no topic
    world.say("akaya", PHOTO)
    answer = world.say("akaya", "en op facebook?")[0].answer
    assert answer.action in {"check", "answer"} and "ML2" in answer.rules


def test_a_follow_up_naming_its_own_topic_is_answered_on_its_own(world):
    world.say("akaya", PHOTO)
    answer = world.say("akaya", "en als een ouder daar boos onder reageert?")[0].answer
    assert "M3" in answer.rules and "ML2" not in answer.rules


def test_a_follow_up_long_after_the_question_starts_afresh(world):
    world.say("akaya", PHOTO)
    world.clock.advance(minutes=31)
    assert world.say("akaya", "en op facebook?")[0].answer.action == "clarify"


def test_a_follow_up_after_a_greeting_has_no_question_to_follow(world):
    world.say("akaya", PHOTO)
    world.say("akaya", "hoi")
    assert world.say("akaya", "en op facebook?")[0].answer.action == "clarify"


def test_doubt_after_a_question_puts_that_question_to_the_leidinggevende(world):
    assert respond("kan mijn leidinggevende even meekijken?").entry == "leidinggevende-raadplegen"
    world.say("akaya", PHOTO)
    offer = world.say("akaya", "kan mijn leidinggevende even meekijken?")[0]
    assert offer.answer.action == "escalate" and "ML2" in offer.answer.rules
    world.click("akaya", "Ja, leg het voor")
    world.click("akaya", "Zonder toelichting")
    to_manager = world.last("jdevries").text
    assert f"Vraag: {PHOTO} kan mijn leidinggevende even meekijken?\n" in to_manager
    assert "Foto of filmpje plaatsen" in to_manager


def test_doubt_about_a_subject_of_its_own_is_not_joined_to_the_question_before(world):
    world.say("akaya", PHOTO)
    replies = world.say("akaya", "ik twijfel of ik een boze reactie van een ouder mag verwijderen")
    world.click("akaya", "Ja, leg het voor")
    world.click("akaya", "Zonder toelichting")
    assert "schoolreis" not in world.last("jdevries").text
    assert to(replies, "akaya")[0].answer.action == "escalate"


SANCTION = "welke straf krijgt een leerling die het protocol overtreedt?"


def test_a_follow_up_naming_another_role_puts_it_in_the_first_ones_place(world):
    """Joined to the question instead, the pupil named first would keep deciding it."""
    assert "S3" in world.say("akaya", SANCTION)[0].answer.rules
    parent = world.say("akaya", "en een ouder?")[0].answer
    assert "S4" in parent.rules and "S3" not in parent.rules
    colleague = world.say("akaya", "en als het een collega is?")[0].answer
    assert set(colleague.rules) & {"S1", "S2"} and "S4" not in colleague.rules


@pytest.mark.parametrize(
    ("previous", "follow_up"),
    [
        ("een ouder klaagt online over een leerling, wat doe ik?", "en een collega?"),
        ("welke straf krijgt een leerling?", "en als het een leerling uit de brugklas is?"),
        ("welke straf krijgt een leerling?", "en op facebook?"),
        ("mag ik een foto op insta zetten?", "en een ouder?"),
    ],
    ids=["two roles before", "same role", "no role named", "none before"],
)
def test_a_role_is_swapped_only_for_one_other_role(previous, follow_up):
    assert with_role_swapped(shared_core().responder, previous, follow_up) is None


def test_the_swapped_question_keeps_its_own_words():
    swapped = with_role_swapped(
        shared_core().responder, "Welke straf krijgt een vader?", "en een leerling?"
    )
    assert swapped == "Welke straf krijgt een leerling?"
