"""An option typed instead of clicked picks it: "ja", "weet ik niet", "toch niet"."""

PHOTO = "mag ik een foto van de klas op insta zetten?"
CONSENT_STEP = "uitdrukkelijk toestemming gegeven voor déze plaatsing"


def test_a_typed_answer_to_a_check_question_goes_on_with_the_check(world):
    world.say("akaya", PHOTO)
    replies = world.say("akaya", "Ja!")
    assert CONSENT_STEP in replies[0].text


def test_yes_typed_to_the_offer_and_no_thanks_typed_to_the_context_prompt(world):
    world.say("akaya", "ik twijfel of ik deze foto van de klas op insta mag zetten")
    assert "Wil je er nog iets bij vertellen" in world.say("akaya", "ja")[-1].text
    world.say("akaya", "toch niet")
    assert "jdevries" not in world.inbox  # declined: no case, nothing sent


def test_what_a_typed_answer_says_must_be_an_option_of_the_last_replies(world):
    world.say("akaya", PHOTO)
    world.say("akaya", "wat zegt regel ML2?")  # an answer without the check's options
    assert CONSENT_STEP not in world.say("akaya", "ja")[0].text


def test_a_typed_answer_long_after_the_question_is_no_answer_to_it(world):
    world.say("akaya", PHOTO)
    world.clock.advance(minutes=31)
    assert CONSENT_STEP not in world.say("akaya", "ja")[0].text


def test_a_command_with_an_options_words_is_the_command(world):
    world.say("akaya", PHOTO)
    replies = world.command("akaya", "vraag", "stoppen")
    assert "stoppen we hier" not in replies[0].text


def test_other_words_for_an_option_pick_it(world):
    world.say("akaya", PHOTO)
    assert CONSENT_STEP in world.say("akaya", "jazeker")[0].text
    world.say("akaya", "ik twijfel of ik deze foto van de klas op insta mag zetten")
    world.say("akaya", "ja hoor")
    world.say("akaya", "laat maar")  # no "stoppen" on screen: the next word, "toch niet"
    assert "jdevries" not in world.inbox
    assert "zolang je twijfelt" in world.last("akaya").text
