"""The lexicon's signals beside the topic: doubt, asking for the manager, off-topic.

The sentences are not in any labelled set: they test the patterns, not a case.
"""

from __future__ import annotations

import pytest
from engine_support import shared_core


def respond(text: str):
    return shared_core().responder.respond(text)


@pytest.mark.parametrize(
    "text",
    [
        "ik zit een beetje in dubio over deze instapost",
        "ik heb er geen goed gevoel bij om deze foto te delen",
        "voel me niet zo lekker bij dat filmpje posten",
        "wil geen fouten maken met dit bericht op fb",
        "laat de teamleider maar bepalen of deze post kan",
        "ik leg deze tweet liever bij iemand boven mij neer",
        "kan ik dit bericht bij mijn leidinggevende neerleggen?",
        "ik zat gisteren nog te dubben of ik dit filmpje online zou zetten",
        "ik hou mijn hart vast als ik deze tweet verstuur",
        "ik vertrouw dit bericht niet helemaal, kan het zo op fb?",
        "ik weet het echt niet met deze post",
        "ik vind het lastig om te bepalen of deze foto kan",
        "leg deze post maar voor aan iemand",
        "ik wil dit eerst aan de directeur laten zien, gaat dat via jou?",
        "wie kan dit bericht even checken voordat ik het op linkedin zet",
        "ik aarzel nog of ik die klassenfoto op fb zet",
        "wel of niet doen, een filmpje van de kerstviering op mijn insta?",
        "bang dat ik gedonder krijg als ik dit tweet",
        "is dit te persoonlijk voor de ouderapp, een berichtje over mijn scheiding",
        "zou je even willen meelezen met mijn linkedin post",
        "wil eerst groen licht van mijn teamleider voor deze reel",
        "kan iemand van het mt naar mijn blog kijken voor ik hem plaats",
        "k weet nie of ik dit op insta kan zetten",
        "ik weet het even niet meer met deze foto van de klas",
        "mijn maag zegt nee bij dit filmpje van de klas",
        "het zit me dwars of ik die tweet moet plaatsen",
        "doe ik er goed aan om deze foto op fb te zetten",
        "lees je even mee voordat ik dit bericht post",
        "ik wil hierover eerst sparren met mijn teamleider, het gaat om een linkedin post",
        "mijn post is misschien te cynisch, ik zet hem op insta",
    ],
)
def test_doubt_and_handing_the_decision_up_escalate(text):
    answer = respond(text)
    assert answer.action == "escalate" and "M6" in answer.rules


def test_not_knowing_what_to_do_about_another_post_is_a_question_not_doubt():
    answer = respond(
        "een oud-collega wordt op facebook belachelijk gemaakt en ik weet niet wat ik ermee moet"
    )
    assert answer.action == "answer" and "M6" not in answer.rules


@pytest.mark.parametrize(
    "text",
    [
        "hoeveel views had het filmpje van de open dag op tiktok",
        "hoe pin ik een bericht vast op onze facebookpagina",
        "wat is de avg eigenlijk",
        "een collega mailde me een klacht, hoe mail ik netjes terug",
    ],
)
def test_reach_figures_privacy_law_and_mail_fall_back(text):
    assert respond(text).action == "fallback"


def test_mail_about_a_social_media_post_stays_in_scope():
    answer = respond("worden de mails over mijn tiktokfilmpje ergens bewaard")
    assert answer.action == "answer" and "S1" in answer.rules


def test_asking_only_whether_it_is_allowed_gets_the_help():
    assert respond("is dit wel toegestaan dan").action == "help"
    answer = respond("is het toegestaan om in de klassenapp te discussieren met ouders")
    assert answer.action == "answer" and "M3" in answer.rules


def test_distrusting_a_person_is_not_doubt_about_a_post():
    answer = respond("ik vertrouw die ouder niet helemaal, hij filmt steeds op het plein")
    assert answer.action != "escalate"


@pytest.mark.parametrize("text", ["help", "help!", "hoe werkt deze chat?"])
def test_a_call_for_help_gets_the_help(text):
    assert respond(text).action == "help"


def test_helping_someone_is_no_call_for_help():
    assert respond("mag ik een leerling vastpakken als ik hem help met zijn jas").action != "help"


@pytest.mark.parametrize(
    "text",
    [
        "ik twijfel over het cijfer dat ik een leerling gaf",
        "mijn directeur twijfelt altijd over alles",
        "een collega twijfelde niet en zette het meteen op insta",
        "moet de directie een foto goedkeuren voordat hij op de site komt?",
        "de conciërge heeft een filmpje op tiktok gezet, moet ik de directie inlichten",
        "moeten alle posts op het schoolaccount eerst langs de directeur",
        "hoe meld ik me ziek bij mijn teamleider, bellen of appen",
    ],
)
def test_doubt_about_something_else_or_someone_elses_is_not_escalated(text):
    """Doubt goes to the leidinggevende only when it is the asker's, about a publication."""
    assert respond(text).action != "escalate"
