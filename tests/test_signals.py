"""The lexicon's signals beside the topic: whose post it is, posts in general,
channels and publication words, and how words are read.

The sentences are not in any labelled set: they test the patterns, not a case.
"""

from __future__ import annotations

import pytest
from engine_support import respond, shared_core

from bot.intents import (
    mentions_channel,
    mentions_other_matter,
    mentions_publication,
)


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


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # 'hoe laat ik zien' is no question about the time
        ("hoe laat ik op insta zien dat ik op persoonlijke titel post?", "M1"),
        # mail about a social media post stays in scope
        ("worden de mails over mijn tiktokfilmpje ergens bewaard", "S1"),
        # asking only whether it is allowed in a topic gets its answer
        ("is het toegestaan om in de klassenapp te discussieren met ouders", "M3"),
        # asking what to state with a post gets the rule, not the check
        (
            "ik zet vanavond een bericht over de musical op linkedin. "
            "moet ik dan vermelden dat het niet namens school is?",
            "M1",
        ),
        # whether everything on the school account is on its behalf is a general question
        ("is alles wat ik op het schoolaccount zet automatisch namens de school?", "M1"),
        # the social media protocol by name is in scope
        ("voor wie geldt het socialemediaprotocol?", "P"),
        # how to show one speaks for the school is answered, not checked
        ("ik beheer de insta van school, hoe maak ik duidelijk wanneer ik als mezelf post?", "M1"),
        # a podcast is online
        ("ik ben een podcast over mijn vak begonnen, moet er een disclaimer bij?", "M1"),
        # where it must say on behalf of the school is answered
        (
            "ik doe de fb van onze locatie, "
            "moet er ergens duidelijk staan dat het namens school is?",
            "M1",
        ),
        # how to show a post is private is about speaking for oneself
        ("hoe laat ik zien dat een bericht van mij privé is en niet van school?", "M1"),
        # mean memes among pupils are about decency
        ("leerlingen maken gemene memes van elkaar in de klassenchat, mag dat?", "ML1"),
        # talking back under one's own tiktok is about responding
        ("leerlingen kraken mijn lessen af onder mijn tiktok, mag ik terugpraten?", "M3"),
    ],
)
def test_a_question_is_answered_from_its_rule(text, rule):
    answer = respond(text)
    assert answer.action == "answer" and rule in answer.rules


@pytest.mark.parametrize(
    "text",
    [
        "mag ik een grappige meme over ouders die te laat komen in mijn story zetten?",
        "in onze telegramgroep een screenshot van een mail van een ouder zetten, mag dat?",
    ],
)
def test_a_post_about_lateness_or_a_mail_stays_in_scope(text):
    assert respond(text).action in ("answer", "check")


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


def test_a_short_question_about_ones_own_post_still_gets_the_check():
    assert respond("mag ik fotos plaatsen?").action == "check"


@pytest.mark.parametrize(
    "text",
    ["foto van mijn klas op insta?", "ik heb gisteren een foto van mijn klas op insta gezet"],
)
def test_a_subject_or_a_post_placed_already_gets_the_rule_without_questions(text):
    """Only "mag ik ...", "ik wil ... zetten" put a post of one's own in view."""
    answer = respond(text)
    assert answer.action == "answer" and "ML2" in answer.rules and not answer.options


def test_a_post_of_ones_own_online_already_hears_what_to_do_now():
    placed = respond("ik heb gisteren een foto van mijn klas op insta gezet, kan dat kwaad?")
    subject = respond("foto van mijn klas op insta?")
    assert placed.rules == ("ML2", "M2", "M6", "ML3") and "offline" in placed.text
    assert subject.rules == ("ML2", "M2") and "offline" not in subject.text


def test_a_post_of_ones_own_still_gets_the_check():
    assert respond("mag ik deze foto van mijn klas op insta zetten?").action == "check"


def test_a_report_answer_says_what_to_do_about_another_post():
    # a photo someone else placed gets the answer on consent (ML2), a text post this note
    reported = respond("collega heeft een stukje over mijn klas op fb gezet")
    assert reported.action == "answer" and "al geplaatst" in reported.text


def test_asking_about_a_post_of_ones_own_keeps_the_check():
    own = respond("een collega heeft een foto van mijn klas gemaakt, mag ik die op insta zetten?")
    assert own.action == "check"


def test_a_vague_opening_with_little_substance_offers_topics():
    assert respond("iets met ouders op fb").action == "clarify"
    assert respond("vraagje over collega's en linkedin").action == "clarify"
    photos = respond("hoe zit het met foto's van leerlingen op insta")
    assert photos.action == "answer" and "ML2" in photos.rules  # about photos in general
    assert respond("het gaat over een ouder en facebook").action == "clarify"
    assert respond("en wat als het fout gaat?").action == "clarify"
    assert respond("probleem met een ouder op insta").action == "clarify"


@pytest.mark.parametrize(
    "text",
    [
        "ik heb iets gezien op facebook",
        "zag iets op tiktok",
        "er ging iets mis online",
        "iets raars op insta",
    ],
)
def test_something_seen_or_gone_wrong_without_what_offers_topics(text):
    assert respond(text).action == "clarify"


def test_something_gone_wrong_with_what_it_is_gets_its_answer():
    answer = respond("er is iets misgegaan: ik heb per ongeluk een foto van een leerling gepost")
    assert answer.action == "answer" and answer.rules


def test_a_post_of_ones_own_with_unknown_words_gets_a_check_not_the_fallback():
    answer = respond("ik wil de uitslag van de sponsorloop delen")
    assert answer.action == "check" and answer.options


def test_making_an_account_for_the_class_is_in_scope():
    answer = respond("mag ik een tiktokaccount voor mijn klas aanmaken?")
    assert answer.action in {"check", "answer"} and "M1" in answer.rules


def test_something_nasty_said_about_the_school_online_is_a_negative_post():
    answer = respond("wat als iemand iets naars over onze school post")
    assert answer.entry == "negatief-bericht-over-school" and "M7" in answer.rules


def test_only_the_listed_short_words_close_a_compound():
    lexicon = shared_core().kb.lexicon
    assert mentions_publication("de instapost en de klassenfoto", lexicon)
    assert mentions_other_matter("het werkweekkamp", lexicon)
    assert not mentions_publication("dat is structureel, beoordeel het zelf", lexicon)
    assert not mentions_other_matter("is dat al geregeld", lexicon)


def test_a_mail_kept_in_the_personnel_file_is_in_scope():
    answer = respond("komen de mails hierover in mijn personeelsdossier terecht")
    assert answer.action == "answer"
    assert "S1" in answer.rules


def test_a_page_online_is_a_channel():
    answer = respond("mag een foto van de winnaars van de voorleeswedstrijd op de schoolpagina?")
    assert answer.action in ("answer", "check") and "ML2" in answer.rules


def test_what_one_may_share_about_work_at_all_is_a_general_question():
    assert respond("wat mag ik over mijn werk hier eigenlijk wel online delen").action == "answer"


def test_gossip_in_a_neighbourhood_app_is_online():
    answer = respond("in de buurtapp wordt geroddeld over een collega, wat is wijsheid?")
    assert answer.action == "answer" and answer.entry is not None


def test_asking_whose_fault_it_is_is_about_responsibility():
    answer = respond("als er iets misgaat met een post, ligt dat dan bij mij of bij school?")
    assert "M5" in answer.rules


def test_a_library_is_no_medium():
    assert not mentions_channel("ik zit in de mediatheek", shared_core().responder.kb.lexicon)


def test_closing_an_account_asks_whether_posts_are_gone():
    answer = respond("als ik mijn account opzeg, zijn mijn oude berichten over school dan weg?")
    assert "ML3" in answer.rules


def test_an_account_is_online():
    answer = respond(
        "de sectie heeft een account, een collega zette er iets raars op. wie is verantwoordelijk?"
    )
    assert "M5" in answer.rules


def test_a_doubled_o_in_photos_still_means_photos():
    assert respond("fotoos??").action == "clarify"


def test_photos_of_school_on_ones_own_account_start_the_photo_check():
    answer = respond("mag ik foto's van school op mijn insta posten?")
    assert answer.action == "check" and answer.entry == "foto-plaatsen"


def test_a_timeline_is_online():
    assert mentions_channel("op mijn tijdlijn", shared_core().responder.kb.lexicon)


def test_whether_a_warning_comes_first_is_about_sanctions():
    answer = respond("krijg je altijd eerst een waarschuwing of kan het meteen zwaarder?")
    assert "S2" in answer.rules


def test_sharing_a_screenshot_of_a_mail_is_about_sharing_what_others_wrote():
    answer = respond("mag ik een screenshot van een mail van de directie op x zetten?")
    assert "M2" in answer.rules or "M5" in answer.rules


def test_privacy_alone_asks_which_privacy_is_meant():
    assert respond("privacy?").action == "clarify"


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


def test_a_hyphenated_whatsapp_group_is_an_app_group():
    normaliser = shared_core().responder.matcher.normaliser
    assert "appgroep" in normaliser.tokens("in de whatsapp-groep")


def test_whether_a_coordinator_counts_as_a_leader_is_about_the_rule_for_leaders():
    answer = respond("ben ik als coördinator bovenbouw ook leidinggevende volgens het protocol?")
    assert "M4" in answer.rules


@pytest.mark.parametrize(
    "text",
    [
        "ik heb iets van een collega gedeeld wat onzin bleek, ben ik daar dan op aan te spreken?",
        "communicatie heeft mijn tekst al goedgekeurd, dus ik ben niet meer verantwoordelijk toch?",
    ],
)
def test_being_held_to_account_for_a_post_is_about_responsibility(text):
    assert "M5" in respond(text).rules


def test_the_school_logo_on_ones_own_profile_is_about_speaking_for_the_school():
    assert "M1" in respond("mag ik het logo van school op mijn eigen profiel zetten?").rules
