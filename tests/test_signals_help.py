"""Help: greetings, thanks, questions about the bot itself, in short and long messages.

The sentences are not in any labelled set: they test the patterns, not a case.
"""

from __future__ import annotations

import pytest
from engine_support import respond


@pytest.mark.parametrize(
    "text",
    [
        "hoi",
        "hee, mag ik iets vragen",
        "wat kan ik je eigenlijk vragen?",
        "top, bedankt",
        "goedemorgen, ben jij de hulpbot?",
        "klopt het dat jij mijn vragen over social media kunt beantwoorden?",
        "ik snap er niks van, kun je het uitleggen?",
        "hoi, hoe vraag ik jou iets?",
        "wat voor onderwerpen behandel je?",
        "goeiemiddag",
        "wat doet u precies?",
        "ik ben nieuw als meester in groep 5, hoe werkt deze bot eigenlijk?",
        "hoe stel ik hier het beste een vraag?",
    ],
)
def test_a_greeting_or_a_question_about_the_bot_gets_the_help(text):
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


def test_naming_ones_role_is_no_call_for_help():
    assert (
        respond("ik ben directeur van een locatie, mag ik als privépersoon reageren?").action
        != "help"
    )


def test_helping_someone_is_no_call_for_help():
    assert respond("mag ik een leerling vastpakken als ik hem help met zijn jas").action != "help"


def test_asking_what_to_ask_is_help_even_with_two_help_phrases():
    assert respond("welke vragen kan ik aan je stellen?").action == "help"


def test_a_help_phrase_in_a_real_question_does_not_hide_the_answer():
    answer = respond("kun je me helpen, mag ik een foto van mijn klas op insta zetten?")
    assert answer.action in {"check", "answer"} and "ML2" in answer.rules


@pytest.mark.parametrize(
    "text",
    [
        "dank je wel voor de snelle uitleg",
        "daar kan ik wel wat mee, thanks",
        "goedemorgen, met meester Ruben van groep 7",
        "ben je eigenlijk een robot?",
        "mag ik je ook in het engels iets vragen",
        "wat is dit voor een bot?",
        "oké, helder",
        "top, dank je",
        "ik wil graag opnieuw beginnen",
        "dank je wel, dat was duidelijk",
        "hoe start ik opnieuw met een nieuwe vraag?",
        "oké, fijne avond nog!",
        "mag ik je in mijn eigen woorden iets vragen?",
    ],
)
def test_thanks_introductions_and_questions_about_the_bot_get_the_help(text):
    assert respond(text).action == "help"


def test_asking_whether_one_may_bring_a_worry_here_gets_the_help():
    assert respond("hoi! kan ik bij jou ook terecht met twijfels?").action == "help"


def test_asking_whether_english_is_fine_is_about_the_bot():
    assert respond("kan ik je ook vragen stellen in het engels?").action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "hallo, het is de eerste keer dat ik deze bot gebruik",
        "goedemiddag, ik heb wat vragen over sociale media",
        "dank je, ik overleg het straks zelf wel met mijn teamleider",
    ],
)
def test_openings_and_thanks_that_take_it_from_here_get_help(text):
    assert respond(text).action == "help"


def test_thanks_for_thinking_along_gets_help():
    assert respond("top, bedankt voor het meedenken!").action == "help"


def test_thanks_for_a_quick_answer_with_a_filler_gets_help():
    assert respond("super, bedankt voor het snelle antwoord!").action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "super geholpen, dank je",
        "fijne feestdagen alvast!",
        "hoe stel ik mijn vraag eigenlijk aan jou?",
        "kun je een overzicht geven van wat je allemaal kunt?",
        "test test",
        "can I write to you in English?",
    ],
)
def test_wishes_thanks_and_how_to_ask_in_other_words_get_help(text):
    assert respond(text).action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "wat voor bot ben jij eigenlijk?",
        "moet ik een bepaald commando typen of kan ik gewoon vragen stellen?",
        "kun je vertellen waarmee je een nieuwe stagiair kunt helpen?",
    ],
)
def test_questions_about_the_bot_itself_get_help(text):
    assert respond(text).action == "help"


def test_knowing_what_to_do_now_closes_the_talk():
    assert respond("dank je, ik weet nu wat ik moet doen. fijn weekend!").action == "help"


def test_asking_what_one_can_ask_the_bot_gets_help():
    assert respond("hoi, wat kan ik zoal aan jou vragen?").action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "Mijn teamleider stuurde me een link hierheen. Ik snap niet waarvoor het is. Wat doe je?",
        "Hallo! Ik werk sinds maandag op de administratie. Ik weet niet wat je kunt. Wat doe je?",
    ],
)
def test_a_story_that_ends_asking_what_the_bot_does_gets_help(text):
    assert respond(text).action == "help"


def test_a_story_with_a_question_of_its_own_is_answered_not_helped():
    text = "Ik ben sinds kort teamleider. Mag ik op twitter nog als privepersoon mijn mening geven?"
    assert respond(text).action != "help"


def test_a_lone_help_after_a_story_is_a_cry_for_help():
    text = "in de klassenapp worden scheldwoorden en een naaktfoto van een leerling gedeeld. help"
    assert respond(text).action != "help"


@pytest.mark.parametrize(
    "text",
    [
        "hoe stel ik je een vraag, gewoon typen?",
        "hoe kom ik terug naar het menu?",
        "oké, tot de volgende keer!",
    ],
)
def test_how_to_ask_going_back_and_goodbye_get_help(text):
    assert respond(text).action == "help"


def test_a_day_called_morning_is_no_greeting():
    assert respond("is er morgen een studiedag?").action != "help"
