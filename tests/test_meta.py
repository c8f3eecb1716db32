"""Questions about the bot and the protocol as a whole: what the bot keeps, where its
answers come from, all the rules at once, a rule named in a short question, and a
reaction to the last answer.

The sentences are not in any labelled set: they test the patterns, not a case.
"""

from __future__ import annotations

import pytest
from engine_support import respond, shared_core

from bot import texts
from bot.meta import rule_overview


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("wordt mijn vraag ergens opgeslagen?", texts.ABOUT),
        ("bewaar je mijn vragen?", texts.ABOUT),
        ("leest mijn leidinggevende mee met wat ik jou vraag?", texts.ABOUT),
        ("wie leest er mee?", texts.ABOUT),
        ("kan mijn teamleider zien wat ik hier vraag?", texts.ABOUT),
        ("is dit gesprek privé?", texts.ABOUT),
        ("blijft dit tussen ons?", texts.ABOUT),
        ("kan ik anoniem een vraag stellen", texts.ABOUT),
        ("waar haal je je antwoorden vandaan", texts.ABOUT),
        ("waar komt jouw informatie vandaan?", texts.ABOUT),
        ("wie heeft jou gemaakt?", texts.ABOUT),
        ("hoe actueel is jouw informatie", texts.ABOUT),
        ("ben je wel betrouwbaar?", texts.ABOUT),
        # a reaction to the last answer invites the question again
        ("ik snap je antwoord niet", texts.NOT_CLEAR),
        ("dat klopt niet wat je zegt", texts.NOT_CLEAR),
        ("kun je het korter uitleggen?", texts.NOT_CLEAR),
        ("daar heb ik niks aan", texts.NOT_CLEAR),
        ("nee, dat bedoel ik niet", texts.NOT_CLEAR),
    ],
)
def test_a_message_about_the_conversation_gets_its_own_reply(text, reply):
    """What the bot keeps and where its answers come from; or, after "ik snap je
    antwoord niet", an invitation to ask again."""
    answer = respond(text)
    assert (answer.action, answer.text) == ("help", reply)


@pytest.mark.parametrize(
    "text",
    [
        "wat vind jij van tiktok?",
        "hoe vind je instagram eigenlijk",
        "wat is jouw mening over linkedin",
        "ben je voor of tegen sociale media in de klas?",
        "wat vindt u van het protocol?",
    ],
)
def test_the_bots_own_opinion_asked_gets_a_plain_no_opinion(text):
    """The bot has no opinion, only the protocol: not an answer on consent that
    happened to share the word "tiktok"."""
    answer = respond(text)
    assert (answer.action, answer.text, answer.rules) == ("fallback", texts.OPINION, ())


def test_an_opinion_asked_about_a_post_of_ones_own_gets_the_answer():
    answer = respond("wat vind jij van deze foto van de klas, mag ik die op insta zetten?")
    assert answer.action in {"answer", "check"} and "ML2" in answer.rules


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a post, not the conversation with the bot: findability (ML3)
        ("wordt mijn bericht ergens bewaard als ik het verwijder?", "ML3"),
        # a parent reading along in a group: the protocol's business
        ("een ouder leest mee in de klassenapp, mag ik daar nog foto's delen?", "ML2"),
    ],
)
def test_a_post_kept_or_read_is_no_question_about_the_bot(text, rule):
    answer = respond(text)
    assert answer.text != texts.ABOUT
    assert rule in answer.rules


@pytest.mark.parametrize(
    "text",
    [
        "welke regels zijn er?",
        "welke regels staan er in het protocol?",
        "geef me een lijstje van de regels",
        "overzicht van de regels",
        "laat het hele protocol zien",
        "kun je de hele protocoltekst laten zien",
        "kan ik het protocol ergens lezen?",
        "welke regels ken je allemaal",
    ],
)
def test_a_request_for_all_rules_gets_the_overview(text):
    answer = respond(text)
    assert answer.action == "answer"
    assert answer.text.startswith(texts.OVERVIEW_INTRO)


def test_the_overview_lists_every_rule_under_its_section():
    kb = shared_core().responder.kb
    text = rule_overview(kb).text
    for rule in kb.rules.values():
        assert f"**{rule.id}**: {rule.summary}" in text
    assert text.index("**Medewerkers**") < text.index("**M1**") < text.index("**ML1**")


def test_rules_for_one_topic_are_no_request_for_the_overview():
    answer = respond("welke regels zijn er voor leidinggevenden?")
    assert not answer.text.startswith(texts.OVERVIEW_INTRO)
    assert "M4" in answer.rules


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("wat betekent M4 eigenlijk", "M4"),
        ("wat zegt ML2", "ML2"),
        ("uitleg over ml3", "ML3"),
        ("geldt S4 ook voor opa's?", "S4"),
    ],
)
def test_a_rule_named_in_a_short_question_is_shown(text, rule):
    answer = respond(text)
    assert answer.rules == (rule,)
    assert answer.text.startswith(f"**Regel {rule}**")


def test_a_rule_named_in_a_long_story_does_not_replace_the_answer():
    text = "ik heb M2 gelezen maar mag ik nu wel of niet een foto van mijn klas op insta zetten"
    assert not respond(text).text.startswith("**Regel M2**")


@pytest.mark.parametrize(
    "text",
    [
        "jij bent echt handig!",
        "top, dat was precies wat ik zocht",
        "hoe kan ik een regel opvragen?",
    ],
)
def test_praise_and_how_to_see_a_rule_get_the_help(text):
    assert respond(text).action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "heeft mijn leidinggevende al gereageerd?",
        "hoe staat het met mijn vraag aan mijn teamleider?",
        "waar vind ik mijn eerdere vragen?",
        "welke vragen wachten er op mij?",
        "wat moet ik nog beoordelen?",
        "zijn er nog vragen van mijn team die op mij wachten",
    ],
)
def test_how_a_question_to_the_leidinggevende_stands_is_no_new_escalation(text):
    """In a chat the engine shows the list itself; the bare reply names the commands."""
    answer = respond(text)
    assert (answer.action, answer.text) == ("help", texts.CASES_HINT)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("wie is nou mijn leidinggevende?", "M6"),
        ("wie bedoelt het protocol eigenlijk met leidinggevende?", "M6"),
        ("wat zegt het protocol over leidinggevenden die iets posten?", "M4"),
    ],
)
def test_who_ones_leidinggevende_is_gets_rule_m6(text, rule):
    answer = respond(text)
    assert answer.action == "answer" and answer.rules[0] == rule


def test_someone_elses_leidinggevende_is_no_question_about_ones_own():
    assert respond("wie is de leidinggevende van de sectie aardrijkskunde?").rules == ()
