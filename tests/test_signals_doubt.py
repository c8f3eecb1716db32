"""Doubt and requests for the leidinggevende: whose doubt, about what, and which
wishes for a second look are a request.

The sentences are not in any labelled set: they test the patterns, not a case.
"""

from __future__ import annotations

import pytest
from engine_support import respond, shared_core

from bot.intents import CONDITIONAL_DOUBT, OWN_DOUBT, doubt_in


@pytest.mark.parametrize(
    "text",
    [
        "ik zit een beetje in dubio over deze instapost",
        "ik heb er geen goed gevoel bij om deze foto te delen",
        "ik voel me er niet comfortabel bij om dit filmpje te posten",
        "ik denk dat het mag, maar zeker weten doe ik het niet: een foto op linkedin",
        "via parro wil ik iets over een overlijden vertellen, ik weet niet hoe ver ik mag gaan",
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
        "moet ik dit eerst aan mijn teamleider vragen? ik wil iets kritisch posten",
        "ik wil graag dat mijn teamleider er eerst naar kijkt",
        "kan ik via jou een vraag aan mijn leidinggevende stellen?",
        "ik durf die foto eigenlijk niet te posten",
        "mijn directeur vindt dit vast prima, maar kun je het hem vragen?",
        "zou mijn leidinggevende het goed vinden als ik dit tweet?",
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
        "kan mijn teamleider naar mijn post over het nieuwe rooster kijken?",
        "kun je dit aan mijn leidinggevende voorleggen?",
        "ik heb een naar voorgevoel bij mijn tweet over de staking",
        "ik begeef me op glad ijs met deze post over de cao",
        "zit in tweestrijd over mijn reel van het schoolkamp",
        "kan die foto van de klas zo de deur uit?",
        "wat vind jij, kan mijn filmpje van de sportdag zo online?",
        "kan deze tekst voor fb voorgelegd worden aan mijn teamleider?",
        "kan ik deze post laten nalezen door mijn teamleider?",
        "ik weet niet zo goed of ik dat filmpje kan delen",
        "ik durf mijn blogje over de eerste schoolweek eigenlijk niet te plaatsen",
        "ik lig er wakker van, die foto van de klas op mijn insta",
        "weet niet goed wat wijsheid is met deze tweet over de staking",
        "ik neem liever het zekere voor het onzekere, kan dit filmpje online?",
        "is dit bericht te gevoelig voor facebook?",
        "wat zou jij doen met deze foto van het kamp?",
        "kan iemand van de leiding meedenken over mijn linkedin post?",
        "niet 100% zeker of mijn reel van de klas ok is",
        "zou de teamleider over mijn tweet mee kunnen denken?",
        "ik wil dat mijn teamleider mijn vlog eerst bekijkt",
        "ik zou graag willen dat mijn teamleider meekijkt naar mijn post",
        "ik heb liever dat de directie eerst naar mijn filmpje kijkt",
        "twijfelachtig bericht voor fb, graag check door mijn teamleider",
        "ik leg deze post liever bij degene boven mij",
        "ik begin me af te vragen of die tweet van gisteren wel handig was",
        "is deze story van de klas ok zo?",
        "bij nader inzien vind ik mijn reactie onder die fb post te fel, weghalen?",
        "ik wil geen olie op het vuur gooien met mijn post over de ophef",
        "ik heb cold feet over mijn vlog die morgen online gaat",
        "kan mijn teamleider haar zegen geven over deze linkedin post?",
        "zou de directie naar mijn blog willen kijken voor ik hem deel?",
        "zou mijn leidinggevende deze tweet gepast vinden?",
        "zet dit even door naar mijn teamleider aub: mag mijn reel zo online?",
        "vraag aan mijn teamleider aub: mag mijn filmpje van de sportdag online?",
        "de directeur moet maar even naar mijn linkedin post kijken",
        "ik wil de mening van mijn teamleider over deze post",
        "can you ask my manager if my post is ok?",
        "ben niet 100% over mijn tiktok van de klas",
        "ik wil deze tweet eerst laten beoordelen voor ik hem plaats",
        "ik heb het gevoel dat mijn post over de staking verkeerd kan vallen",
        "kun je mn vraag over deze post bij de dir neerleggen",
        "doorzetten naar mijn TL graag, gaat om een post over de klas",
        "is het mogelijk dat mijn teamleider deze tweet checkt voor ik hem plaats",
        "ik wil het even voorleggen, die reel van de klas",
        "ik zit al de hele ochtend te twijfelen over mijn tiktok",
        "graag dat de teamleider even naar mijn post kijkt voor ik hem plaats",
        "kan mijn direct leidinggevende mijn blog lezen voordat ik hem post?",
        "ik wacht eerst op het akkoord van mijn teamleider voor ik de foto post",
        "could my boss read my linkedin post first?",
        "kan er een echt persoon naar mijn facebookbericht kijken",
        "ik weet niet zo goed waar de grens ligt met mijn insta over de klas",
        "kun je me doorverbinden met mijn teamleider? gaat om een blog",
        "wil dit graag even met iemand overleggen, het gaat om een tiktok van de klas",
        "concept instagrambericht door de directeur laten checken",
        "mag ik mijn teamleider vragen mee te kijken naar mijn blog?",
        "verzoek om overleg met mijn leidinggevende over een post op x",
        "die reel van de klas, had dat eigenlijk wel gekund?",
        "mijn blog over de ouderavond leg ik liever eerst aan de teamleider voor",
        "mijn stuk voor linkedin, leg dat maar bij de teamleider neer",
        "ik zit ermee of ik die foto van de excursie wel kan posten",
        "kan mijn teamleider me even bellen over een post die ik wil plaatsen",
        "kan de directrice even naar mijn post kijken voor ik hem plaats",
        "ik zet de foto van het schoolreisje op mijn insta, of moet ik het eerst even navragen",
        "kan ik deze blog over de klas zonder overleg plaatsen of niet",
        "wie moet er ja zeggen op mijn filmpje voor de schoolsite",
        "voordat ik op verzenden druk, kan dit bericht zo in de klassenapp",
        "snij ik mezelf in de vingers met deze tweet over de fusie?",
        "ben een beetje bang dat ouders boos worden als ik deze foto deel",
        "wat als ik hier problemen door krijg, ik wil een tweet over de staking plaatsen",
        "ik begin er spijt van te krijgen dat ik die reel van de klas heb gepost",
        # doubt about a compound closed by a short publication word escalates
        "ik weet niet zeker of mijn afscheidspost zo kan",
        "ik twijfel over die kampfoto",
        # asking to involve the leader in other words escalates
        "ik wil even mijn teamleider spreken over deze facebookpost",
        "graag het oordeel van mijn directeur over deze tweet",
        "kun je me doorverbinden met mijn leidinggevende over een instagrampost",
        "laat mijn teamleider weten dat mijn bericht voor de site klaarstaat",
        "mijn teamleider moet hier maar iets van vinden, het gaat om een filmpje",
        "wil graag dat de directeur meeleest voor ik dit blog publiceer",
        "zou mijn teamleider hier even naar willen kijken? het gaat om een foto voor de site",
        "teamleider graag even inschakelen, ik wil de musical livestreamen op youtube",
        "ik wil het via mijn directeur zeker weten: een tiktok met leerlingen erin",
        "stuur mijn vraag over dit filmpje maar door naar de leiding",
        "ik zou graag het oordeel van mijn teamleider hebben voor ik dit blog plaats",
        "mijn directeur moet deze tekst eerst zien voor ik hem op linkedin zet",
        "ik wil wel dat iemand even kijkt naar de foto die ik op insta wil zetten",
        "kan er iemand van de leiding naar mijn post kijken",
        "ik wil dat mijn teamleider meebeslist over mijn vlog over school",
        "ik wil dat mijn leidinggevende ervan weet voordat ik op die post reageer",
        "help, er staat een foto klaar. kan iemand van de leiding me terugbellen?",
        "een instapost over onze nieuwe leerling. mag ik dat eerst even voorleggen?",
        "is dit iets om eerst aan mijn teamleider voor te leggen? een reactie in de oudergroep",
        "moet dit filmpje niet eerst even langs de directie?",
        "een blog over toetsing, misschien even aan mijn directeur vragen?",
        "ik wil eerst dat de teamleider ernaar kijkt, een reactie op fb",
        "kan ik mijn conceptpost ergens laten controleren?",
        "moet de directeur daar niet eerst van weten? ik wil op een tweet reageren",
        "iemand van boven moet hier even naar kijken, een post namens school",
        "kunt u deze vraag doorzetten naar iemand die erover gaat? het gaat om een tiktok",
        "ik plaats deze foto liever niet voordat iemand ernaar gekeken heeft",
        "ik wil mijn teamleider erbij hebben voor die instapost",
        "zou mijn directeur hiermee akkoord gaan? een screenshot op twitter",
        # doubt after a role or a full stop is still the asker's
        "als teamleider twijfel ik of ik deze post moet plaatsen",
        "het is niet zeker of deze foto mag, ik wil hem op insta zetten",
        "mooie foto van leerlingen. twijfel of ik hem kan posten",
        "kan iemand mij geruststellen over deze instapost",
        # wishing the manager would look first is a request
        "ik zou het fijn vinden als de teamleider hier nog even naar kijkt voor het online gaat",
        # implicit wishes for a second look escalate
        "is dit wel slim? een foto van de brugklas bij de kerstboom op mijn eigen insta",
        "het schuurt een beetje, ik wil op linkedin iets kritisch schrijven over ons rooster",
        "ik hou de video nog even vast tot iemand van de directie ernaar heeft gekeken",
        "zou de teamleider even naar deze tekst willen kijken voor hij op de schoolpagina komt?",
        "ik laat de collage eerst aan de locatieleider zien voor hij op facebook gaat",
        "moet er niet eerst iemand naar kijken? het is een post met namen van leerlingen",
        "wie kan er naar mijn post over de excursie kijken voordat die online gaat?",
        # reviews are publications and involving the manager is a request
        "weet niet zeker of mijn reactie op die recensie te fel is, ik check het eerst bij iemand",
        "ik wil graag mijn teamleider betrekken bij een review waarin mijn naam staat",
        # asking whether someone can look first is a request
        "is er op school iemand die mijn berichten kan nalezen voordat ik ze post?",
        # getting the manager involved here is a request
        "hoe krijg ik mijn teamleider hierbij? het gaat over iets wat ik gepost heb",
        # wanting to speak to the manager about a post is a request
        "ik zou graag mijn afdelingsleider spreken over een instagrampost die ik wil maken",
        # separable verbs with "te", and a longer subject before "door naar"
        "is het mogelijk om mijn vraag over deze reel voor te leggen aan de teamleider?",
        "zet mijn vraag over de foto's van de excursie naar het museum in Utrecht maar door"
        " naar de teamleider",
        "ik wil het graag even voorleggen, een post over de sportdag",
        # the leidinggevende named beside a word of involving them
        "mag mijn teamleider even contact met me opnemen over een filmpje voor de schoolpagina",
        "voor ik het plaats wil ik me even indekken bij de directeur",
        "eerst mijn locatieleider erbij hebben voordat deze linkedinpost online gaat",
        "hoe regel ik via deze chat dat mijn teamleider naar mijn post kijkt?",
        # "mijn vraag naar de teamleider", a talk asked for, not knowing any more
        "mag mijn vraag naar de teamleider? het gaat om een reel van de sportdag",
        "ik wil graag een gesprek met mijn teamleider over een filmpje dat ik wil plaatsen",
        "ik weet echt niet meer of ik deze foto mag posten",
        # the question handed on, talked over or recorded with the leidinggevende
        "kan deze vraag over de foto's van het kamp naar mijn teamleider?",
        "ik bespreek deze reel liever met mijn teamleider",
        "mijn directeur moet hier eigenlijk bij betrokken worden, het gaat om een post",
        "deze vraag is meer iets voor mijn teamleider, het gaat om een filmpje",
        "is het mogelijk dit met mijn teamleider op te nemen? het gaat om een linkedin post",
    ],
)
def test_doubt_and_handing_the_decision_up_escalate(text):
    answer = respond(text)
    assert answer.action == "escalate" and "M6" in answer.rules


def test_asking_what_the_protocol_says_about_the_leader_is_no_request():
    answer = respond("wat staat er in het protocol over sparren met mijn teamleider?")
    assert answer.action == "answer" and "M6" in answer.rules


def test_not_knowing_what_to_do_about_another_post_is_a_question_not_doubt():
    answer = respond(
        "een oud-collega wordt op facebook belachelijk gemaakt en ik weet niet wat ik ermee moet"
    )
    assert answer.action == "answer" and "M6" not in answer.rules


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
        "kan mijn teamleider ff naar mijn lesrooster kijken?",
        "kun je mijn leidinggevende vragen of ik vrijdag vrij kan krijgen",
        "ik wil dat de directeur mijn verslag van de vergadering leest",
        "mijn collega weet niet of hij zijn tiktok mag laten staan, wat zegt de regel",
        "ik zit niet te twijfelen, ik post die foto niet. waarom mag het niet?",
        "wat moet een directeur doen als ze niet zeker weet of een post kan",
        "moet ik elk bericht laten goedkeuren door mijn leidinggevende?",
        "iemand heeft mijn story doorgestuurd naar de directie, mag dat",
        "mijn directeur had mijn post al gezien voor hij online ging",
        "als een collega iets plaatst dat niet door de beugel kan, wie is verantwoordelijk?",
        "mijn teamleider vroeg me haar linkedin post te checken, waar let ik op?",
        "moet ik al mijn posts eerst door de teamleider laten checken?",
        "kan ik in de problemen komen als ik me niet aan de regels voor socials hou?",
        "ik twijfel of ik de gymles moet verzetten naar dinsdag",
        "ik twijfel er niet aan dat het mag, maar waar staat dat over foto's?",
        "geen twijfel hoor, welke regel gaat over foto's van leerlingen?",
        "kun je de directie vragen of mijn cursus vergoed wordt?",
        "ik wil met het mt overleggen over de taakverdeling",
        "een vader zet me voor schut in de comments, moet ik reageren?",
        "ik wil een klacht indienen over een collega, hoe werkt dat",
        "kun je mijn teamleider vragen of ik vrij kan krijgen?",
        "ik wil ouders op facebook geruststellen na de brand, mag ik daarover posten?",
        "wat vind jij van instagram als lesmiddel?",
        "kun je de locatieleider vragen of er geld is voor nieuwe laptops?",
        "moet ik me zorgen maken over oude tweets van jaren geleden?",
        "wie is verantwoordelijk als mijn post verkeerd valt?",
        "mag mijn teamleider op haar eigen linkedin zeggen wat ze van de fusie vindt?",
        "mijn directeur plaatst op linkedin wat hij vindt van de cao, mag dat zomaar?",
        "die vader scheldt onder onze facebookpost, reageer ik daar wel of niet op?",
        "is het verstandig om als school te reageren op een boze tweet?",
        "ik twijfel helemaal niet over mijn post, waar staat de regel?",
        "mijn collega heeft haar twijfels over een post, wat raad ik haar aan?",
        "ik wil met mijn teamleider praten over mijn taakbeleid",
        "moet ik echt alles eerst aan mijn teamleider voorleggen?",
        "wanneer gaat dat te ver, als leerlingen in hun podcast grappen maken over een docent?",
        "mijn collega zit ermee dat ze een foto van de excursie heeft gepost, wat raad je aan",
        "bij wie moet ik zijn als ik straks twijfel of een foto van de sportdag online kan",
        "als mijn teamleider mijn blog goedkeurt, is zij dan verantwoordelijk als het fout gaat?",
        "een vader scheldt op fb over de school, direct reageren of eerst overleggen",
        # distrusting a person is not doubt about a post
        "ik vertrouw die ouder niet helemaal, hij filmt steeds op het plein",
        # doing it oneself or another matter is no request
        "ik leg deze post morgen zelf wel aan mijn teamleider voor",
        "ik wil mijn leidinggevende spreken over mijn werkdruk",
        "ik wil mijn directeur om een hogere schaal vragen, hoe doe ik dat",
        # doubt of someone named before its verb is not the asker's
        "mijn stagiaire weet niet zeker of ze dit filmpje mag posten, wat zeg ik haar",
        "een collega zit te twijfelen over een blog over de klas, wat adviseer ik",
        "een moeder wil foto's van het kamp posten maar is er niet gerust op",
        "over die tweet van mijn buurvrouw: hij is er onzeker over",
        "als een docent met twijfel over een post bij mij komt, wat doe ik als teamleider",
        "een collega klopt bij me aan met twijfels over een foto, wat zeg ik haar",
        # questions about doubt, and others' doubt, get no offer
        "is het verplicht om bij twijfel je teamleider te raadplegen?",
        "staat er in het protocol iets over vooraf overleggen met de schoolleiding?",
        "stel je twijfelt over een post: moet je dan wachten tot je leidinggevende reageert?",
        "mijn duo heeft een raar gevoel bij een foto van de klas, ik vind hem prima",
        "een docent komt bij mij met een twijfelgeval over een post, waar let ik op?",
        "een collega van me weet niet of ze de foto's van het kamp mag delen, wat raad ik aan?",
        "een moeder weet niet of ze foto's van de musical in de klassenapp mag zetten",
        # a pupil of one's class in doubt is not the asker's doubt
        "een leerling uit mijn mentorklas weet niet of hij de klassenfoto op tiktok mag zetten",
        # asking whether to rebut a pupil is about responding, not doubt
        "is het slim om een leerling publiekelijk terug te wijzen als hij onzin over me post?",
        # forwarding evidence oneself is no request to forward
        "mag ik het filmpje van mij zelf doorsturen naar mijn teamleider als bewijs?",
        # doubt about letting go or about the rule is no escalation
        "ik weet niet of ik die post van een oud-collega moet laten gaan, hij is best gemeen",
        "een leerling plaatst foto's van de klas, ik weet niet wat de regel is",
        "ik schaam me, een leerling heeft mij gefilmd en dat staat nu op snapchat",
        # a post that was too sharp is past, not doubt
        "ik was een beetje te fel op facebook over ouders, kan ik daar problemen mee krijgen?",
        # a manager deciding with the team is no request for a manager
        "ik ben teamleider en we moeten beslissen wat we doen met een haatpagina van leerlingen",
        # past posts, general questions and permission to forward get no offer
        "ik was gisteren een beetje te fel op facebook over een ouder, kan dat gevolgen hebben?",
        "moet ik nou altijd eerst mijn teamleider vragen voordat ik iets over school post?",
        "mag ik screenshots uit de klassenapp doorsturen naar mijn teamleider?",
        "ik word teamleider, verandert er iets aan wat ik online wel of niet kan zeggen?",
        # doubt about a lesson, groups or a rumour is no publication doubt
        "ik twijfel hoe ik mijn les over mediawijsheid moet opbouwen",
        "twijfel over de indeling van de groepjes, kan iemand meedenken?",
        "ik weet niet of het klopt dat de directeur foto's van het uitje op haar insta zet",
        # a manager who wants to speak to you is no request
        "ik heb iets geretweet over de cao en nu wil mijn teamleider me spreken, wat nu?",
        # how to reach the manager, or quoting the rule, is no request
        "hoe kom ik in contact met de directeur van een andere locatie?",
        "staat er ergens dat je bij twijfel contact zoekt met je leidinggevende?",
        "hoe geef ik mijn verlof door bij mn baas, via de app of per mail?",
        "mijn teamleider wil een gesprek over mijn tweet, wordt dat vastgelegd?",
    ],
)
def test_doubt_about_something_else_or_someone_elses_is_not_escalated(text):
    """Doubt and requests go to the leidinggevende only about a publication: a roster or
    leave is for the leidinggevende directly."""
    assert respond(text).action != "escalate"


def test_doubt_in_a_condition_asks_for_the_rule():
    answer = respond("als ik twijfel of ik iets mag posten, wat moet ik dan doen?")
    assert answer.action == "answer" and answer.rules == ("M6",)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("wie is bij ons de leidinggevende waar ik heen moet met twijfels over socials?", "M6"),
        ("is het verstandig om terug te schrijven als een ouder boos reageert op insta?", "M3"),
        (
            "met wie bespreek ik een negatieve post over school, mijn teamleider of de directeur?",
            "M7",
        ),
        (
            "boze post over school gezien op fb, doorsturen naar de directie, is dat de bedoeling?",
            "M7",
        ),
    ],
)
def test_asking_where_to_go_whom_to_involve_or_whether_to_write_back_gets_the_rule(text, rule):
    """Questions about the way to go, not doubt about a post nor a request to pass it on."""
    answer = respond(text)
    assert answer.action == "answer" and rule in answer.rules


def test_someone_elses_doubt_is_not_the_askers():
    answer = respond("wat is de regel voor leidinggevenden die twijfelen of ze iets mogen posten?")
    assert answer.action == "answer"


def test_whether_the_leader_approves_all_ones_posts_is_a_question_not_a_request():
    answer = respond("moet de directie mijn berichten goedkeuren voor ik ze post?")
    assert answer.action == "answer" and "M6" in answer.rules


def test_doubt_is_the_askers_own_in_a_condition_or_someone_elses():
    lexicon = shared_core().kb.lexicon
    assert doubt_in("ik weet niet zeker of deze foto mag", lexicon) == OWN_DOUBT
    assert doubt_in("wat doe je als je niet zeker weet of iets mag", lexicon) == CONDITIONAL_DOUBT
    assert doubt_in("mijn stagiair weet niet zeker of het mag", lexicon) is None
    assert doubt_in("hoe laat begint de les", lexicon) is None


@pytest.mark.parametrize(
    "text",
    [
        "wat moet ik doen als ik niet zeker weet of een foto online mag?",
        "bij wie moet je zijn als je niet weet of een post kan",
    ],
)
def test_doubt_in_a_condition_gets_rule_m6_and_no_offer(text):
    answer = respond(text)
    assert answer.action == "answer" and answer.rules[0] == "M6"


def test_doubt_of_the_asker_in_a_role_is_still_their_own():
    text = "als teamleider twijfel ik of ik mijn mening over de staking op fb moet zetten"
    answer = respond(text)
    assert answer.action == "escalate"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("ik twijfel of ik die video van de musical op youtube mag zetten", "foto-plaatsen"),
        (
            "ik weet niet zeker of ik het adres van een leerling in de ouderapp mag zetten",
            "leerlinginformatie-delen",
        ),
        (
            "kan mijn teamleider meekijken of ik als juf mijn mening over de nieuwe "
            "schooltijden op twitter mag geven?",
            "persoonlijke-titel-of-namens-school",
        ),
    ],
)
def test_the_offer_names_what_the_doubt_is_about_not_the_doubt(text, topic):
    """The words of doubt alone draw the topic on asking the leidinggevende (M6);
    the leidinggevende needs the subject of the post."""
    answer = respond(text)
    assert answer.action == "escalate" and answer.entry == topic
    assert answer.rules[0] == "M6"


def test_doubt_about_a_bare_this_keeps_the_topic_of_the_whole_text():
    answer = respond("mag ik dit delen? ik twijfel een beetje")
    assert answer.action == "escalate" and answer.entry == "leidinggevende-raadplegen"
