"""The protocol's border: practical and school matters fall back, questions about
publishing do not.

The sentences are not in any labelled set: they test the patterns, not a case.
"""

from __future__ import annotations

import pytest
from engine_support import respond, shared_core

from bot.intents import is_offtopic


@pytest.mark.parametrize(
    "text",
    [
        "hoeveel views had het filmpje van de open dag op tiktok",
        "welke opdrachten kan ik geven in de projectweek over water?",
        "wat kun je doen tegen hoofdluis in de klas",
        "waar vind ik de filmpjes van de musical op de netwerkschijf",
        "hoe pin ik een bericht vast op onze facebookpagina",
        "wat is de avg eigenlijk",
        "een collega mailde me een klacht, hoe mail ik netjes terug",
        "wat is het hoofdluisprotocol in groep 2",
        "wat staat er in de cao over schorsing van een docent?",
        "wanneer is de studiedag over sociale veiligheid?",
        "hoe laat begint de kerstmarkt vrijdag?",
        "wanneer is de sportdag dit jaar",
        "hoe voer ik de absenties in?",
        "hoe krijg ik meer volgers op de schoolinsta?",
        "welke app is handig om filmpjes te monteren?",
        "wie wordt onze nieuwe teamleider?",
        "welke apps mogen de leerlingen op hun laptop gebruiken?",
        "welke methode voor rekenen raden jullie aan?",
        "kun je een tekst voor mijn insta over mijn vakantie schrijven?",
        "waar vind ik de schorsing van een leerling in magister",
        "kun je een leuke tekst bedenken voor mijn kerstpost?",
        "wanneer beginnen de centrale examens?",
        "hoe bereik ik mijn teamleider in de vakantie?",
        "kun je een instagrambericht voor me schrijven over de sportdag?",
        "hoeveel uur moet ik als invaller op school zijn?",
        "wanneer moeten de rapporten af?",
        "hoe zet ik een filter op mijn tiktok filmpje",
        "een kind wordt onwel in de gymles, wat moet ik doen?",
        "hoe haal ik iemand uit de appgroep van de klas",
        "tips voor een goede linkedin profielfoto?",
        "mag ik een foto van mijn hond op insta? heeft niks met school te maken",
        "mijn neefje wordt online gepest, hij zit niet bij ons op school. wat kan ik doen?",
        "weet je het telefoonnummer van de administratie?",
        "juf is ziek, wie geeft morgen les aan groep 5?",
        "wanneer is de kerstvoorstelling van de onderbouw?",
        "foto's van de klas in een presentatie voor ouders",
        "waar staat het protocol voor schoolverzuim",
        "ik kan de knop voor berichten niet vinden in de app",
        "welke hashtags zijn goed voor de schoolpagina?",
        # publication words without putting something online still fall back
        "mag ik de website van de school aanpassen",
        "mag ik een film in de les laten zien",
        # writing a vacancy text is outside the protocol
        "kun je me helpen een vacaturetekst te maken en te schrijven",
        # how to delete one's own account is outside the protocol
        "ik wil mijn tiktokaccount definitief verwijderen, hoe moet ik dat doen",
        "mijn oude twitteraccount wil ik verwijderen, hoe kan ik dat",
        # a leader's address or a pupil repeating a year is outside the protocol
        "wat is het mailadres van onze teamleider?",
        "ik twijfel of een leerling moet doubleren, kan ik dat met mijn teamleider bespreken",
        # platform algorithms and phishing are outside the protocol
        "hoe werkt het algoritme van tiktok eigenlijk",
        "ik heb op een link in een phishingmail geklikt, help",
        # leave, illness and hosting are outside the protocol
        "ik weet niet of ik me vandaag ziek moet melden, hoe gaat dat?",
        "mijn verlofaanvraag ligt al een maand bij de directeur, wat nu?",
        "bij welke partij wordt de website van school gehost?",
        # school matters sharing words with media stay outside
        "mag ik met mijn klas een middag in de mediatheek werken?",
        "mag ik een leerling de les uit sturen als hij blijft appen onder de les?",
        "de beamer in lokaal 12 doet het niet, kan iemand daarnaar kijken?",
        "kun je uitleggen hoe ik in teams een vergadering inplan?",
        # school systems and neighbours are outside the protocol
        "mijn outlook account doet raar sinds gisteren",
        "wie maakt er een account aan voor de nieuwe invaller?",
        "ik heb nog geen account voor somtoday",
        "mijn buurman zet zijn kliko steeds voor onze oprit",
        # insurance and film licences are outside the protocol
        "is mijn klas verzekerd als we op excursie gaan?",
        "hebben we een licentie nodig om een speelfilm in de klas te laten zien?",
        # how to close an account is outside the protocol
        "hoe kan ik mijn instagramaccount helemaal verwijderen?",
        # practical matters stay outside
        "hoe regel ik een invaller voor morgen?",
        "wat is de kledingvoorschrift voor de gymles?",
        # first aid, detention and grade complaints are outside
        "wat moet ik doen als een leerling in de gymzaal flauwvalt?",
        "mag ik een leerling laten nablijven omdat hij zijn boeken steeds vergeet?",
        "een vader wil bezwaar maken tegen het cijfer van zijn dochter, hoe gaat dat?",
        # how to report an account to the platform is outside
        "hoe rapporteer ik een nepaccount bij tiktok?",
        # making lesson material is not what the bot is for
        "kun je een werkblad over breuken voor groep 6 maken?",
        "kun je me helpen met een lesplan over breuken?",
    ],
)
def test_subjects_beside_the_protocol_fall_back(text):
    assert respond(text).action == "fallback"


@pytest.mark.parametrize(
    "text",
    [
        "hoe regel ik toestemmig voor beeldmateriaal van de sportdag voor onze socials?",
        "ik maak een vlog over een dag op school, hoe regel ik dat netjes met wie in beeld komt?",
        "geldt persoonlijke titel ook voor mijn hockeyclub? dat heeft niks met school te maken",
        "een collega maakt in een open groep grapjes over de kleding van een leerling, mag dat?",
        "kan de teamfoto op de website als niet iedereen op mijn mail om toestemming reageerde?",
    ],
)
def test_questions_about_publishing_are_not_taken_for_practical_matters(text):
    assert respond(text).action != "fallback"


def test_a_hacked_account_with_a_new_password_is_no_practical_matter():
    text = "mijn insta is gehackt en er stond iets over school op, nieuw wachtwoord ingesteld"
    assert not is_offtopic(text, shared_core().responder.kb.lexicon)
