"""The lexicon's signals beside the topic: doubt, asking for the manager, help, vague
openings, reports of another's post, off-topic.

The sentences are not in any labelled set: they test the patterns, not a case.
"""

from __future__ import annotations

import pytest
from engine_support import shared_core

from bot.intents import (
    CONDITIONAL_DOUBT,
    OWN_DOUBT,
    doubt_in,
    is_offtopic,
    mentions_channel,
    mentions_other_matter,
    mentions_publication,
)


def respond(text: str):
    return shared_core().responder.respond(text)


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
    ],
)
def test_subjects_beside_the_protocol_fall_back(text):
    assert respond(text).action == "fallback"


@pytest.mark.parametrize(
    ("text", "online"),
    [
        ("sociale veiligheid", False),
        ("sociale vaardigheden", False),
        ("op sociale media", True),
        ("in een linkedinpost", True),
        ("zat te facebooken", True),
        ("twee tiktoks", True),
    ],
)
def test_an_inflection_is_no_compound_of_a_social_medium(text, online):
    assert mentions_channel(text, shared_core().responder.kb.lexicon) is online


def test_how_to_show_something_is_no_question_about_the_time():
    answer = respond("hoe laat ik op insta zien dat ik op persoonlijke titel post?")
    assert answer.action == "answer" and "M1" in answer.rules


@pytest.mark.parametrize(
    "text",
    [
        "mag ik een grappige meme over ouders die te laat komen in mijn story zetten?",
        "in onze telegramgroep een screenshot van een mail van een ouder zetten, mag dat?",
    ],
)
def test_a_post_about_lateness_or_a_mail_stays_in_scope(text):
    assert respond(text).action in ("answer", "check")


def test_mail_about_a_social_media_post_stays_in_scope():
    answer = respond("worden de mails over mijn tiktokfilmpje ergens bewaard")
    assert answer.action == "answer" and "S1" in answer.rules


BROAD_TOPICS = [
    "topic:foto-plaatsen",
    "topic:bericht-over-werk-plaatsen",
    "topic:discussie-met-ouder",
]


@pytest.mark.parametrize(
    "text",
    [
        "mag dat?",
        "is dit wel toegestaan dan",
        "wat mag wel en wat niet eigenlijk",
        "hoe zit het nou met die regels",
        "vraagje over iets",
        "social media?",
        "hoe zat dat nou alweer",
    ],
)
def test_a_question_that_names_no_topic_offers_the_broad_topics(text):
    answer = respond(text)
    assert answer.action == "clarify"
    assert [o.action for o in answer.options] == [*BROAD_TOPICS, "topic:none"]


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


def test_asking_only_whether_it_is_allowed_in_a_topic_gets_its_answer():
    answer = respond("is het toegestaan om in de klassenapp te discussieren met ouders")
    assert answer.action == "answer" and "M3" in answer.rules


def test_distrusting_a_person_is_not_doubt_about_a_post():
    answer = respond("ik vertrouw die ouder niet helemaal, hij filmt steeds op het plein")
    assert answer.action != "escalate"


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
    ],
)
def test_doubt_about_something_else_or_someone_elses_is_not_escalated(text):
    """Doubt and requests go to the leidinggevende only about a publication: a roster or
    leave is for the leidinggevende directly."""
    assert respond(text).action != "escalate"


def test_asking_what_to_ask_is_help_even_with_two_help_phrases():
    assert respond("welke vragen kan ik aan je stellen?").action == "help"


def test_a_help_phrase_in_a_real_question_does_not_hide_the_answer():
    answer = respond("kun je me helpen, mag ik een foto van mijn klas op insta zetten?")
    assert answer.action in {"check", "answer"} and "ML2" in answer.rules


@pytest.mark.parametrize(
    "text",
    [
        "een collega heeft een foto van mijn klas op haar insta gezet, mag dat?",
        "een leerling heeft een foto van mij op zijn story gezet zonder te vragen, mag dat?",
        "collega zet steeds fotos van haar klas op fb, kinderen herkenbaar. moet ik daar iets mee?",
        "mogen ouders foto's van het schoolreisje in de klassenapp delen?",
        "een klassenouder heeft fotos van de excursie in haar story gezet, kan dat zomaar?",
    ],
)
def test_a_post_someone_else_placed_gets_the_rule_not_the_check(text):
    reported = respond(text)
    assert reported.action == "answer" and "ML2" in reported.rules


def test_a_question_about_posts_in_general_gets_the_plain_answer():
    answer = respond("moet bij elke post op de schoolpagina staan dat het namens school is?")
    assert (answer.action, answer.entry) == ("answer", "plaatsen-namens-school")
    assert not answer.options


def test_asking_what_to_state_with_a_post_gets_the_rule_not_the_check():
    answer = respond(
        "ik zet vanavond een bericht over de musical op linkedin. moet ik dan vermelden dat "
        "het niet namens school is?"
    )
    assert answer.action == "answer" and "M1" in answer.rules


def test_whether_everything_on_the_school_account_is_on_its_behalf_is_a_general_question():
    answer = respond("is alles wat ik op het schoolaccount zet automatisch namens de school?")
    assert answer.action == "answer" and "M1" in answer.rules


def test_what_one_may_do_as_staff_is_a_general_question_not_ones_own_post():
    general = respond("mag je als leerkracht wel wat over je school op facebook zetten")
    own = respond("mag ik als leerkracht wat over mijn school op facebook zetten")
    assert (general.action, own.action) == ("answer", "check")
    assert general.entry == own.entry


@pytest.mark.parametrize("text", ["fotootjes kleuters", "de kerstmusical", "leerling en insta"])
def test_a_bare_subject_gets_the_plain_answer_not_the_check(text):
    """Nothing says the asker is about to publish, so there is no post to check yet;
    words most topics share ("leerling en insta") get those topics to pick from."""
    answer = respond(text)
    assert answer.action in ("answer", "clarify") and "ML2" in answer.rules


@pytest.mark.parametrize(
    "text",
    [
        "zet de mediaclub namens school iets op het schoolaccount als zij het beheren?",
        "een geluidsopname van de open dag online delen, mag dat",
        "ik post voor de school op fb, waar moet ik allemaal op letten?",
        "wat mag ik eigenlijk wel posten over mijn lessen?",
        "geldt de regel over foto's ook voor mijn whatsapp status",
    ],
)
def test_a_question_with_no_post_of_the_askers_own_in_view_gets_the_plain_answer(text):
    """The deciding questions are for the one about to place a post: here the question is
    about others, or about posts in general."""
    answer = respond(text)
    assert answer.action == "answer" and not answer.options


@pytest.mark.parametrize("text", ["mag ik fotos plaatsen?", "foto van mijn klas op insta?"])
def test_a_short_question_about_ones_own_post_still_gets_the_check(text):
    assert respond(text).action == "check"


def test_a_post_of_ones_own_still_gets_the_check():
    assert respond("mag ik deze foto van mijn klas op insta zetten?").action == "check"


def test_a_report_answer_says_what_to_do_about_another_post():
    reported = respond("collega heeft een foto van mijn klas op fb gezet")
    assert reported.action == "answer" and "al geplaatst" in reported.text


def test_asking_about_a_post_of_ones_own_keeps_the_check():
    own = respond("een collega heeft een foto van mijn klas gemaakt, mag ik die op insta zetten?")
    assert own.action == "check"


def test_doubt_in_a_condition_asks_for_the_rule():
    answer = respond("als ik twijfel of ik iets mag posten, wat moet ik dan doen?")
    assert answer.action == "answer" and answer.rules == ("M6",)


def test_someone_elses_doubt_is_not_the_askers():
    answer = respond("wat is de regel voor leidinggevenden die twijfelen of ze iets mogen posten?")
    assert answer.action == "answer"


def test_the_social_media_protocol_by_name_is_in_scope():
    answer = respond("voor wie geldt het socialemediaprotocol?")
    assert answer.action == "answer" and "P" in answer.rules


def test_a_vague_opening_with_little_substance_offers_topics():
    assert respond("iets met ouders op fb").action == "clarify"
    assert respond("vraagje over collega's en linkedin").action == "clarify"
    photos = respond("hoe zit het met foto's van leerlingen op insta")
    assert photos.action == "answer" and "ML2" in photos.rules  # about photos in general
    assert respond("het gaat over een ouder en facebook").action == "clarify"
    assert respond("en wat als het fout gaat?").action == "clarify"
    assert respond("probleem met een ouder op insta").action == "clarify"


def test_a_post_of_ones_own_with_unknown_words_gets_a_check_not_the_fallback():
    answer = respond("ik wil de uitslag van de sponsorloop delen")
    assert answer.action == "check" and answer.options


@pytest.mark.parametrize(
    "text",
    ["mag ik de website van de school aanpassen", "mag ik een film in de les laten zien"],
)
def test_publication_words_without_putting_something_online_still_fall_back(text):
    assert respond(text).action == "fallback"


def test_making_an_account_for_the_class_is_in_scope():
    answer = respond("mag ik een tiktokaccount voor mijn klas aanmaken?")
    assert answer.action in {"check", "answer"} and "M1" in answer.rules


def test_something_nasty_said_about_the_school_online_is_a_negative_post():
    answer = respond("wat als iemand iets naars over onze school post")
    assert answer.entry == "negatief-bericht-over-school" and "M7" in answer.rules


@pytest.mark.parametrize(
    "text", ["ik weet niet zeker of mijn afscheidspost zo kan", "ik twijfel over die kampfoto"]
)
def test_doubt_about_a_compound_closed_by_a_short_publication_word_escalates(text):
    assert respond(text).action == "escalate"


def test_only_the_listed_short_words_close_a_compound():
    lexicon = shared_core().kb.lexicon
    assert mentions_publication("de instapost en de klassenfoto", lexicon)
    assert mentions_other_matter("het werkweekkamp", lexicon)
    assert not mentions_publication("dat is structureel, beoordeel het zelf", lexicon)
    assert not mentions_other_matter("is dat al geregeld", lexicon)


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


@pytest.mark.parametrize(
    "text",
    [
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
    ],
)
def test_asking_to_involve_the_leader_in_other_words_escalates(text):
    assert respond(text).action == "escalate"


@pytest.mark.parametrize(
    "text",
    [
        "ik leg deze post morgen zelf wel aan mijn teamleider voor",
        "ik wil mijn leidinggevende spreken over mijn werkdruk",
        "ik wil mijn directeur om een hogere schaal vragen, hoe doe ik dat",
    ],
)
def test_doing_it_oneself_or_another_matter_is_no_request(text):
    assert respond(text).action != "escalate"


def test_a_mail_kept_in_the_personnel_file_is_in_scope():
    answer = respond("komen de mails hierover in mijn personeelsdossier terecht")
    assert answer.action == "answer"
    assert "S1" in answer.rules


def test_writing_a_vacancy_text_is_outside_the_protocol():
    assert (
        respond("kun je me helpen een vacaturetekst te maken en te schrijven").action == "fallback"
    )


@pytest.mark.parametrize(
    "text",
    [
        "mijn stagiaire weet niet zeker of ze dit filmpje mag posten, wat zeg ik haar",
        "een collega zit te twijfelen over een blog over de klas, wat adviseer ik",
        "een moeder wil foto's van het kamp posten maar is er niet gerust op",
        "over die tweet van mijn buurvrouw: hij is er onzeker over",
        "als een docent met twijfel over een post bij mij komt, wat doe ik als teamleider",
        "een collega klopt bij me aan met twijfels over een foto, wat zeg ik haar",
    ],
)
def test_doubt_of_someone_named_before_its_verb_is_not_the_askers(text):
    assert respond(text).action != "escalate"


@pytest.mark.parametrize(
    "text",
    [
        "als teamleider twijfel ik of ik deze post moet plaatsen",
        "het is niet zeker of deze foto mag, ik wil hem op insta zetten",
        "mooie foto van leerlingen. twijfel of ik hem kan posten",
        "kan iemand mij geruststellen over deze instapost",
    ],
)
def test_doubt_after_a_role_or_a_full_stop_is_still_the_askers(text):
    assert respond(text).action == "escalate"


def test_whether_the_leader_approves_all_ones_posts_is_a_question_not_a_request():
    answer = respond("moet de directie mijn berichten goedkeuren voor ik ze post?")
    assert answer.action == "answer" and "M6" in answer.rules


def test_asking_whether_one_may_bring_a_worry_here_gets_the_help():
    assert respond("hoi! kan ik bij jou ook terecht met twijfels?").action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "ik wil mijn tiktokaccount definitief verwijderen, hoe moet ik dat doen",
        "mijn oude twitteraccount wil ik verwijderen, hoe kan ik dat",
    ],
)
def test_how_to_delete_ones_own_account_is_outside_the_protocol(text):
    assert respond(text).action == "fallback"


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


@pytest.mark.parametrize(
    "text",
    [
        "wat is het mailadres van onze teamleider?",
        "ik twijfel of een leerling moet doubleren, kan ik dat met mijn teamleider bespreken",
    ],
)
def test_a_leaders_address_or_a_pupil_repeating_a_year_is_outside_the_protocol(text):
    assert respond(text).action == "fallback"


@pytest.mark.parametrize(
    "text",
    [
        "hoe werkt het algoritme van tiktok eigenlijk",
        "ik heb op een link in een phishingmail geklikt, help",
    ],
)
def test_platform_algorithms_and_phishing_are_outside_the_protocol(text):
    assert respond(text).action == "fallback"


def test_a_page_online_is_a_channel():
    answer = respond("mag een foto van de winnaars van de voorleeswedstrijd op de schoolpagina?")
    assert answer.action in ("answer", "check") and "ML2" in answer.rules


def test_what_one_may_share_about_work_at_all_is_a_general_question():
    assert respond("wat mag ik over mijn werk hier eigenlijk wel online delen").action == "answer"


@pytest.mark.parametrize(
    "text",
    [
        "is het verplicht om bij twijfel je teamleider te raadplegen?",
        "staat er in het protocol iets over vooraf overleggen met de schoolleiding?",
        "stel je twijfelt over een post: moet je dan wachten tot je leidinggevende reageert?",
        "mijn duo heeft een raar gevoel bij een foto van de klas, ik vind hem prima",
        "een docent komt bij mij met een twijfelgeval over een post, waar let ik op?",
        "een collega van me weet niet of ze de foto's van het kamp mag delen, wat raad ik aan?",
        "een moeder weet niet of ze foto's van de musical in de klassenapp mag zetten",
    ],
)
def test_questions_about_doubt_and_others_doubt_get_no_offer(text):
    assert respond(text).action != "escalate"


def test_doubt_of_the_asker_in_a_role_is_still_their_own():
    text = "als teamleider twijfel ik of ik mijn mening over de staking op fb moet zetten"
    answer = respond(text)
    assert answer.action == "escalate"


def test_wishing_the_manager_would_look_first_is_a_request():
    text = "ik zou het fijn vinden als de teamleider hier nog even naar kijkt voor het online gaat"
    assert respond(text).action == "escalate"


def test_asking_whether_english_is_fine_is_about_the_bot():
    assert respond("kan ik je ook vragen stellen in het engels?").action == "help"


@pytest.mark.parametrize(
    "text",
    [
        "is dit wel slim? een foto van de brugklas bij de kerstboom op mijn eigen insta",
        "het schuurt een beetje, ik wil op linkedin iets kritisch schrijven over ons rooster",
        "ik hou de video nog even vast tot iemand van de directie ernaar heeft gekeken",
        "zou de teamleider even naar deze tekst willen kijken voor hij op de schoolpagina komt?",
        "ik laat de collage eerst aan de locatieleider zien voor hij op facebook gaat",
        "moet er niet eerst iemand naar kijken? het is een post met namen van leerlingen",
        "wie kan er naar mijn post over de excursie kijken voordat die online gaat?",
    ],
)
def test_implicit_wishes_for_a_second_look_escalate(text):
    assert respond(text).action == "escalate"


def test_a_pupil_of_ones_class_in_doubt_is_not_the_askers_doubt():
    text = "een leerling uit mijn mentorklas weet niet of hij de klassenfoto op tiktok mag zetten"
    assert respond(text).action != "escalate"


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


@pytest.mark.parametrize(
    "text",
    [
        "ik weet niet of ik me vandaag ziek moet melden, hoe gaat dat?",
        "mijn verlofaanvraag ligt al een maand bij de directeur, wat nu?",
        "bij welke partij wordt de website van school gehost?",
    ],
)
def test_leave_illness_and_hosting_are_outside_the_protocol(text):
    assert respond(text).action == "fallback"


def test_gossip_in_a_neighbourhood_app_is_online():
    answer = respond("in de buurtapp wordt geroddeld over een collega, wat is wijsheid?")
    assert answer.action == "answer" and answer.entry is not None


def test_asking_whose_fault_it_is_is_about_responsibility():
    answer = respond("als er iets misgaat met een post, ligt dat dan bij mij of bij school?")
    assert "M5" in answer.rules


@pytest.mark.parametrize(
    "text",
    [
        "mag ik met mijn klas een middag in de mediatheek werken?",
        "mag ik een leerling de les uit sturen als hij blijft appen onder de les?",
        "de beamer in lokaal 12 doet het niet, kan iemand daarnaar kijken?",
        "kun je uitleggen hoe ik in teams een vergadering inplan?",
    ],
)
def test_school_matters_sharing_words_with_media_stay_outside(text):
    assert respond(text).action == "fallback"


def test_a_library_is_no_medium():
    assert not mentions_channel("ik zit in de mediatheek", shared_core().responder.kb.lexicon)


def test_thanks_for_thinking_along_gets_help():
    assert respond("top, bedankt voor het meedenken!").action == "help"


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


def test_how_to_show_one_speaks_for_the_school_is_answered_not_checked():
    text = "ik beheer de insta van school, hoe maak ik duidelijk wanneer ik als mezelf post?"
    answer = respond(text)
    assert answer.action == "answer" and "M1" in answer.rules


def test_closing_an_account_asks_whether_posts_are_gone():
    answer = respond("als ik mijn account opzeg, zijn mijn oude berichten over school dan weg?")
    assert "ML3" in answer.rules


def test_a_podcast_is_online():
    answer = respond("ik ben een podcast over mijn vak begonnen, moet er een disclaimer bij?")
    assert answer.action == "answer" and "M1" in answer.rules


def test_where_it_must_say_on_behalf_of_the_school_is_answered():
    answer = respond(
        "ik doe de fb van onze locatie, moet er ergens duidelijk staan dat het namens school is?"
    )
    assert answer.action == "answer" and "M1" in answer.rules


@pytest.mark.parametrize(
    "text",
    [
        "mijn outlook account doet raar sinds gisteren",
        "wie maakt er een account aan voor de nieuwe invaller?",
        "ik heb nog geen account voor somtoday",
        "mijn buurman zet zijn kliko steeds voor onze oprit",
    ],
)
def test_school_systems_and_neighbours_are_outside_the_protocol(text):
    assert respond(text).action == "fallback"


def test_an_account_is_online():
    answer = respond(
        "de sectie heeft een account, een collega zette er iets raars op. wie is verantwoordelijk?"
    )
    assert "M5" in answer.rules


def test_a_doubled_o_in_photos_still_means_photos():
    assert respond("fotoos??").action == "clarify"


@pytest.mark.parametrize(
    "text",
    [
        "weet niet zeker of mijn reactie op die recensie te fel is, ik check het eerst bij iemand",
        "ik wil graag mijn teamleider betrekken bij een review waarin mijn naam staat",
    ],
)
def test_reviews_are_publications_and_involving_the_manager_is_a_request(text):
    assert respond(text).action == "escalate"


def test_asking_whether_to_rebut_a_pupil_is_about_responding_not_doubt():
    text = "is het slim om een leerling publiekelijk terug te wijzen als hij onzin over me post?"
    assert respond(text).action != "escalate"


def test_forwarding_evidence_oneself_is_no_request_to_forward():
    text = "mag ik het filmpje van mij zelf doorsturen naar mijn teamleider als bewijs?"
    assert respond(text).action != "escalate"


@pytest.mark.parametrize(
    "text",
    [
        "ik weet niet of ik die post van een oud-collega moet laten gaan, hij is best gemeen",
        "een leerling plaatst foto's van de klas, ik weet niet wat de regel is",
        "ik schaam me, een leerling heeft mij gefilmd en dat staat nu op snapchat",
    ],
)
def test_doubt_about_letting_go_or_about_the_rule_is_no_escalation(text):
    assert respond(text).action != "escalate"


def test_asking_whether_someone_can_look_first_is_a_request():
    text = "is er op school iemand die mijn berichten kan nalezen voordat ik ze post?"
    assert respond(text).action == "escalate"


def test_knowing_what_to_do_now_closes_the_talk():
    assert respond("dank je, ik weet nu wat ik moet doen. fijn weekend!").action == "help"


def test_photos_of_school_on_ones_own_account_start_the_photo_check():
    answer = respond("mag ik foto's van school op mijn insta posten?")
    assert answer.action == "check" and answer.entry == "foto-plaatsen"


@pytest.mark.parametrize(
    "text",
    [
        "is mijn klas verzekerd als we op excursie gaan?",
        "hebben we een licentie nodig om een speelfilm in de klas te laten zien?",
    ],
)
def test_insurance_and_film_licences_are_outside_the_protocol(text):
    assert respond(text).action == "fallback"


def test_getting_the_manager_involved_here_is_a_request():
    text = "hoe krijg ik mijn teamleider hierbij? het gaat over iets wat ik gepost heb"
    assert respond(text).action == "escalate"


def test_asking_what_one_can_ask_the_bot_gets_help():
    assert respond("hoi, wat kan ik zoal aan jou vragen?").action == "help"


def test_how_to_close_an_account_is_outside_the_protocol():
    assert respond("hoe kan ik mijn instagramaccount helemaal verwijderen?").action == "fallback"


def test_a_timeline_is_online():
    assert mentions_channel("op mijn tijdlijn", shared_core().responder.kb.lexicon)


def test_how_to_show_a_post_is_private_is_about_speaking_for_oneself():
    answer = respond("hoe laat ik zien dat een bericht van mij privé is en niet van school?")
    assert answer.action == "answer" and "M1" in answer.rules


def test_mean_memes_among_pupils_are_about_decency():
    answer = respond("leerlingen maken gemene memes van elkaar in de klassenchat, mag dat?")
    assert answer.action == "answer" and "ML1" in answer.rules


def test_whether_a_warning_comes_first_is_about_sanctions():
    answer = respond("krijg je altijd eerst een waarschuwing of kan het meteen zwaarder?")
    assert "S2" in answer.rules


def test_a_post_that_was_too_sharp_is_past_not_doubt():
    text = "ik was een beetje te fel op facebook over ouders, kan ik daar problemen mee krijgen?"
    assert respond(text).action != "escalate"


def test_a_manager_deciding_with_the_team_is_no_request_for_a_manager():
    text = "ik ben teamleider en we moeten beslissen wat we doen met een haatpagina van leerlingen"
    assert respond(text).action != "escalate"


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


def test_sharing_a_screenshot_of_a_mail_is_about_sharing_what_others_wrote():
    answer = respond("mag ik een screenshot van een mail van de directie op x zetten?")
    assert "M2" in answer.rules or "M5" in answer.rules


def test_talking_back_under_ones_own_tiktok_is_about_responding():
    answer = respond("leerlingen kraken mijn lessen af onder mijn tiktok, mag ik terugpraten?")
    assert answer.action == "answer" and "M3" in answer.rules


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


@pytest.mark.parametrize(
    "text",
    ["hoe regel ik een invaller voor morgen?", "wat is de kledingvoorschrift voor de gymles?"],
)
def test_practical_matters_stay_outside(text):
    assert respond(text).action == "fallback"


def test_a_hacked_account_with_a_new_password_is_no_practical_matter():
    text = "mijn insta is gehackt en er stond iets over school op, nieuw wachtwoord ingesteld"
    assert not is_offtopic(text, shared_core().responder.kb.lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "wat moet ik doen als een leerling in de gymzaal flauwvalt?",
        "mag ik een leerling laten nablijven omdat hij zijn boeken steeds vergeet?",
        "een vader wil bezwaar maken tegen het cijfer van zijn dochter, hoe gaat dat?",
    ],
)
def test_first_aid_detention_and_grade_complaints_are_outside(text):
    assert respond(text).action == "fallback"


def test_privacy_alone_asks_which_privacy_is_meant():
    assert respond("privacy?").action == "clarify"


@pytest.mark.parametrize(
    "text",
    [
        "ik was gisteren een beetje te fel op facebook over een ouder, kan dat gevolgen hebben?",
        "moet ik nou altijd eerst mijn teamleider vragen voordat ik iets over school post?",
        "mag ik screenshots uit de klassenapp doorsturen naar mijn teamleider?",
        "ik word teamleider, verandert er iets aan wat ik online wel of niet kan zeggen?",
    ],
)
def test_past_posts_general_questions_and_permission_to_forward_get_no_offer(text):
    assert respond(text).action != "escalate"


@pytest.mark.parametrize(
    "text",
    [
        "ik wil een reel maken van de kerstmarkt op het plein, kan dat?",
        "mijn stagiaire wil haar les in groep 5 op youtube zetten voor haar opleiding, mag dat?",
    ],
)
def test_making_a_reel_or_putting_lessons_on_youtube_is_a_publication(text):
    answer = respond(text)
    assert answer.action in ("check", "answer") and "ML2" in answer.rules


def test_clips_of_lessons_for_ones_own_channel_are_no_film_shown_in_class():
    answer = respond("ik wil stukjes van mijn lessen gebruiken voor mijn eigen youtube kanaal")
    assert answer.entry != "buiten-media-in-de-les"


@pytest.mark.parametrize(
    "text",
    [
        "ik twijfel hoe ik mijn les over mediawijsheid moet opbouwen",
        "twijfel over de indeling van de groepjes, kan iemand meedenken?",
        "ik weet niet of het klopt dat de directeur foto's van het uitje op haar insta zet",
    ],
)
def test_doubt_about_a_lesson_groups_or_a_rumour_is_no_publication_doubt(text):
    assert respond(text).action != "escalate"


def test_how_to_report_an_account_to_the_platform_is_outside():
    assert respond("hoe rapporteer ik een nepaccount bij tiktok?").action == "fallback"


def test_a_hyphenated_whatsapp_group_is_an_app_group():
    normaliser = shared_core().responder.matcher.normaliser
    assert "appgroep" in normaliser.tokens("in de whatsapp-groep")
