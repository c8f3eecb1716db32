"""Help: greetings, thanks, questions about the bot itself, in short and long messages.

The sentences are not in any labelled set: they test the patterns, not a case.
"""

from __future__ import annotations

import pytest
from engine_support import respond

from bot import texts


@pytest.mark.parametrize(
    "text",
    [
        "hoi",
        "goeiemiddag",
        "hee, mag ik iets vragen",
        "goedemorgen, ben jij de hulpbot?",
        "goedemorgen, met meester Ruben van groep 7",
        "klopt het dat jij mijn vragen over social media kunt beantwoorden?",
        "ik snap er niks van, kun je het uitleggen?",
        "wat doet u precies?",
        "ik ben nieuw als meester in groep 5, hoe werkt deze bot eigenlijk?",
        "ben je eigenlijk een robot?",
        "wat is dit voor een bot?",
        "wat voor bot ben jij eigenlijk?",
        "kun je vertellen waarmee je een nieuwe stagiair kunt helpen?",
        "kun je een overzicht geven van wat je allemaal kunt?",
        "test test",
        "ben je er?",
        "hallo, werkt dit?",
        "spreek je ook engels?",
        "thanks, dat heeft me echt op weg geholpen",
        "heb je ook een menu?",
        "ik vroeg me af waar deze chat eigenlijk voor bedoeld is",
        "ben jij de bot over sociale media? hoe vraag ik je iets?",
    ],
)
def test_a_greeting_or_a_question_about_the_bot_gets_the_help(text):
    assert respond(text).action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "wat kan ik je eigenlijk vragen?",
        "wat voor onderwerpen behandel je?",
        "hoi, wat kan ik zoal aan jou vragen?",
        "welke vragen kan ik aan je stellen?",  # two help phrases
        "hoi, hoe vraag ik jou iets?",
        "hoe stel ik hier het beste een vraag?",
        "hoe stel ik je een vraag, gewoon typen?",
        "hoe stel ik mijn vraag eigenlijk aan jou?",
        "moet ik een bepaald commando typen of kan ik gewoon vragen stellen?",
        "mag ik je in mijn eigen woorden iets vragen?",
        "hoi! kan ik bij jou ook terecht met twijfels?",
        "mag ik je ook in het engels iets vragen",
        "kan ik je ook vragen stellen in het engels?",
        "can I write to you in English?",
        "ik wil graag opnieuw beginnen",
        "hoe start ik opnieuw met een nieuwe vraag?",
        "hoe kom ik terug naar het menu?",
    ],
)
def test_what_and_how_to_ask_and_starting_over_get_the_help(text):
    assert respond(text).action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "help",
        "help!",
        "hoe werkt deze chat?",
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
        "goedemiddag, waarmee kunt u mij van dienst zijn?",
        "ik ben pas begonnen op deze school en snap niet wat je doet",
        "Goedendag, waarmee kunt u mij helpen?",
        "welke soorten vragen kunt u beantwoorden?",
        "zijn er ook commando's?",
        "kunt u nog eens zeggen waarmee ik bij u terecht kan?",
        "kunt u mij daarmee helpen?",
        "hoi, ik ben nieuw als conciërge. hoe werkt deze chat?",
        "Hoi! Ik ben de nieuwe juf van groep 3. Waarmee kun je me helpen?",
        "hey hoe werkt da hier",
        "hello, what can you do?",
    ],
)
def test_a_call_for_help_gets_the_help(text):
    assert respond(text).action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "top, bedankt",
        "top, dank je",
        "oké, helder",
        "dank je wel, dat was duidelijk",
        "dank je wel voor de snelle uitleg",
        "top, bedankt voor het meedenken!",
        "super, bedankt voor het snelle antwoord!",
        "super geholpen, dank je",
        "daar kan ik wel wat mee, thanks",
        "dank je, ik overleg het straks zelf wel met mijn teamleider",
        "dank je, ik weet nu wat ik moet doen. fijn weekend!",
        "oké, fijne avond nog!",
        "fijne feestdagen alvast!",
        "oké, tot de volgende keer!",
        "hallo, het is de eerste keer dat ik deze bot gebruik",
        "goedemiddag, ik heb wat vragen over sociale media",
    ],
)
def test_thanks_wishes_openings_and_goodbyes_get_the_help(text):
    """Nothing to match besides the greeting, thanks or wish: even fillers that are also
    words of a topic ("snelle", "antwoord", "teamleider") ask for no answer."""
    assert respond(text).action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "wat moet ik eigenlijk intypen om te starten?",
        "kom ik straks via het startmenu weer terug?",
        "kan ik jou ook in telegram vragen stellen?",
        "welke soorten dingen weet jij?",
        "dank je, dat helpt echt",
        "top thanx",
    ],
)
def test_talk_about_the_bot_in_any_wording_gets_the_help(text):
    """No help pattern lists these wordings: only words about the bot and its use."""
    assert respond(text).action == "help"


@pytest.mark.parametrize(
    "text",
    ["moet ik antwoorden?", "kan ik later nog een vraag stellen over een foto van de klas?"],
)
def test_a_protocol_word_beside_the_bot_talk_is_no_help(text):
    assert respond(text).action != "help"


@pytest.mark.parametrize(
    "text",
    [
        "Mijn teamleider stuurde me een link hierheen. Ik snap niet waarvoor het is. Wat doe je?",
        "Hallo! Ik werk sinds maandag op de administratie. Ik weet niet wat je kunt. Wat doe je?",
    ],
)
def test_a_story_that_ends_asking_what_the_bot_does_gets_help(text):
    assert respond(text).action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "ik ben directeur van een locatie, mag ik als privépersoon reageren?",  # a role named
        "mag ik een leerling vastpakken als ik hem help met zijn jas",  # helping someone
        "is er morgen een studiedag?",  # a day called morning
        # a story with a question of its own
        "Ik ben sinds kort teamleider. Mag ik op twitter nog als privepersoon mijn mening geven?",
        # a lone "help" after a story is a cry for help with it
        "in de klassenapp worden scheldwoorden en een naaktfoto van een leerling gedeeld. help",
    ],
)
def test_help_words_inside_a_real_question_get_no_help(text):
    assert respond(text).action != "help"


def test_a_help_phrase_in_a_real_question_does_not_hide_the_answer():
    answer = respond("kun je me helpen, mag ik een foto van mijn klas op insta zetten?")
    assert answer.action in {"check", "answer"} and "ML2" in answer.rules


@pytest.mark.parametrize(
    "text",
    ["bedankt!", "top, dankjewel", "helder, dank je", "super, dat was duidelijk", "thx"],
)
def test_thanks_that_ask_nothing_more_get_a_short_reply_not_the_whole_help(text):
    answer = respond(text)
    assert answer.action == "help" and answer.text == texts.THANKS


@pytest.mark.parametrize(
    "text",
    ["hoi", "help", "bedankt, wat kun je nog meer?", "thanks, hoe werkt dit?", "goedemorgen"],
)
def test_a_greeting_or_thanks_that_ask_for_more_get_the_whole_help(text):
    assert respond(text).text == texts.HELP


@pytest.mark.parametrize(
    "text",
    [
        "top, dank voor het doorsturen naar mijn teamleider!",
        "bedankt voor je hulp, ik plaats de foto niet",
    ],
)
def test_thanks_for_what_was_done_is_thanks_not_a_new_question(text):
    """Before, thanking for the forwarding to the teamleider offered to forward again."""
    assert respond(text).text == texts.THANKS


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("dank je, wil je het doorsturen naar mijn teamleider", "escalate"),
        ("bedankt voor het antwoord, maar mag ik dan een foto zonder gezichten plaatsen", "check"),
    ],
)
def test_thanks_followed_by_a_request_or_question_keeps_it(text, action):
    assert respond(text).action == action
