"""Transcripts of the escalation: ask, doubt, confirm, manager decides, asker told."""

from engine_support import World, to


def escalate(world: World, person: str = "akaya", context: str = "Voor de open dag") -> int:
    offer = world.say(person, "Ik twijfel of ik deze foto van mijn klas op insta mag zetten")
    assert offer[0].answer.action == "escalate"
    assert "Zal ik je vraag voorleggen aan Jan de Vries?" in offer[0].text
    world.click(person, "Ja, leg het voor")
    replies = world.say(person, context)
    submitted = to(replies, person)[0].text
    assert "Ik heb je vraag voorgelegd aan Jan de Vries" in submitted
    return int(submitted.split("vraag #")[1].split(")")[0])


def test_whole_flow_reaches_the_asker_with_the_decision(world):
    escalate(world)
    to_manager = world.last("jdevries")
    assert "Ayse Kaya vraagt je om een besluit" in to_manager.text
    assert "Voor de open dag" in to_manager.text
    assert [o.label for o in to_manager.options] == ["Akkoord", "Niet publiceren", "Bel me eerst"]

    replies = world.click("jdevries", "Akkoord")
    assert any(r.replaces_clicked and "Vastgelegd: **Akkoord**" in r.text for r in replies)
    decision = to(replies, "akaya")[0]
    assert "**akkoord**" in decision.text and "Jan de Vries" in decision.text

    world.say("jdevries", "Let op dat de namen er niet bij staan")
    assert "Toelichting van Jan de Vries" in world.last("akaya").text
    assert "namen er niet bij" in world.last("akaya").text


def test_declining_the_offer_creates_no_case(world):
    world.say("akaya", "ik twijfel of ik dit bericht mag posten")
    world.click("akaya", "Nee, hoeft niet")
    assert "jdevries" not in world.inbox
    assert world.command("jdevries", "escalaties")[-1].text.startswith("Er wacht niets")


def test_without_context_the_case_is_sent_at_once(world):
    world.say("akaya", "weet niet zeker of ik dit filmpje mag delen")
    world.click("akaya", "Ja, leg het voor")
    world.click("akaya", "Zonder toelichting")
    assert "Toelichting" not in world.last("jdevries").text
    assert world.last("jdevries").options


def test_only_the_manager_or_standin_can_decide(world):
    escalate(world)
    case_option = world.last("jdevries").options[0]
    refused = world.say("tbos", "", action=case_option.action)
    assert "Alleen Jan de Vries (of de vervanger)" in refused[0].text
    refused = world.say("akaya", "", action=case_option.action)
    assert "Alleen Jan de Vries" in refused[0].text
    assert world.command("jdevries", "escalaties")[0].text.startswith("Er wacht 1 vraag")


def test_a_second_click_changes_nothing_and_says_why(world):
    escalate(world)
    world.click("jdevries", "Niet publiceren")
    replies = world.click("jdevries", "Akkoord")
    assert "al besloten: Niet publiceren, door Jan de Vries" in replies[0].text
    decisions = [t for t in world.texts("akaya") if "besloten" in t or "akkoord" in t]
    assert len(decisions) == 1 and "niet publiceren" in decisions[0]


def test_asker_lists_and_withdraws_open_questions(world):
    case_id = escalate(world)
    listing = world.command("akaya", "mijn")
    assert listing[0].text == "Je open vragen:"
    assert listing[1].text.startswith(f"#{case_id} bij Jan de Vries")
    world.click("akaya", "Vraag intrekken")
    assert world.last("akaya").text == f"Je vraag #{case_id} is ingetrokken."
    assert "ingetrokken" in world.last("jdevries").text
    assert world.command("akaya", "mijn")[0].text.startswith("Je hebt geen open vragen")
    late = world.click("jdevries", "Akkoord")
    assert "al ingetrokken" in late[0].text


def test_manager_sees_what_waits(world):
    escalate(world)
    escalate(world, "akaya", "Tweede vraag")
    waiting = world.command("jdevries", "escalaties")
    assert waiting[0].text == "Er wachten 2 vragen op je besluit:"
    assert len(waiting) == 3 and all(r.options for r in waiting[1:])


def test_asking_in_words_shows_the_same_lists_and_starts_no_case(world):
    case_id = escalate(world)
    mine = world.say("akaya", "hoe staat het met mijn vraag aan mijn leidinggevende?")
    assert mine[0].text == "Je open vragen:"
    assert mine[1].text.startswith(f"#{case_id} bij Jan de Vries")
    waiting = world.say("jdevries", "welke vragen wachten er nog op mij?")
    assert waiting[0].text == "Er wacht 1 vraag op je besluit:"
    assert world.command("akaya", "mijn")[1].text.startswith(f"#{case_id} ")
    assert len(world.command("akaya", "mijn")) == 2  # still the one case


def test_reminder_standin_and_expiry_follow_the_clock(world):
    escalate(world)
    assert world.tick(hours=23) == []
    reminder = world.tick(hours=1)
    assert [r.to for r in reminder] == ["jdevries"] and "Herinnering" in reminder[0].text
    assert world.tick(hours=1) == []
    standin = world.tick(hours=23)
    assert [r.to for r in standin] == ["pbakker"]
    assert "vervanger van Jan de Vries" in standin[0].text
    world.click("pbakker", "Bel me eerst")
    assert "wil eerst even met je overleggen" in world.last("akaya").text
    assert "al besloten" in world.last("jdevries").text


def test_unanswered_case_expires_with_a_message_to_the_asker(world):
    escalate(world)
    world.tick(days=6)
    expired = world.tick(days=1)
    assert "verlopen zonder besluit" in to(expired, "akaya")[0].text
    assert world.tick(days=1) == []
    late = world.click("jdevries", "Akkoord")
    assert "verlopen" in late[0].text


def test_decision_reaches_the_asker_within_one_turn(world):
    escalate(world)
    replies = world.click("jdevries", "Akkoord")
    assert to(replies, "akaya"), "the decision is in the same batch of replies"


def test_someone_not_in_the_directory_is_offered_the_default_contact(world):
    offer = world.say("stranger", "ik twijfel of ik deze foto mag plaatsen")
    assert "Sanne Visser (aanspreekpunt sociale media)" in offer[0].text
    world.click("stranger", "Ja, leg het voor")
    world.click("stranger", "Zonder toelichting")
    assert "vraagt je om een besluit" in world.last("svisser").text
    world.click("svisser", "Niet publiceren")
    assert "niet publiceren" in world.last("stranger").text


def test_unreachable_manager_falls_back_to_the_default_contact(world):
    world.engine.set_reachability(lambda party: party != "jdevries")
    offer = world.say("akaya", "ik twijfel of ik deze foto mag plaatsen")
    assert "Sanne Visser" in offer[0].text


def test_state_survives_a_restart_between_steps(world):
    world.say("akaya", "ik twijfel of ik deze foto mag plaatsen")
    world.restart()
    world.click("akaya", "Ja, leg het voor")
    world.restart()
    world.say("akaya", "Het is voor de nieuwsbrief")
    world.restart()
    world.click("jdevries", "Akkoord")
    assert "akkoord" in world.last("akaya").text


def test_attachments_are_not_stored(world):
    replies = world.say("akaya", "", attachments=1)
    assert "Beschrijf in een zin wat erop staat" in replies[0].text
    rows = world.store.db.execute("SELECT * FROM conversations").fetchall()
    assert rows == []
    payloads = [r[0] for r in world.store.db.execute("SELECT payload FROM outbox")]
    assert all("ML2" in p for p in payloads)


def test_an_unanswered_context_prompt_lapses(world):
    world.say("akaya", "ik twijfel of ik deze foto mag plaatsen")
    world.click("akaya", "Ja, leg het voor")
    world.clock.advance(hours=2)
    replies = world.say("akaya", "regel ML2")
    assert replies[0].answer.rules == ("ML2",)
    assert "jdevries" not in world.inbox
    late = world.click("akaya", "Zonder toelichting")
    assert "niet meer geldig" in late[0].text


def test_a_command_while_the_context_prompt_waits_asks_for_it_again(world):
    world.say("akaya", "ik twijfel of ik deze foto mag plaatsen")
    world.click("akaya", "Ja, leg het voor")
    replies = world.command("akaya", "mijn")
    assert "geen open vragen" in replies[0].text
    assert "ligt nog klaar" in replies[-1].text
    assert [o.label for o in replies[-1].options] == ["Zonder toelichting", "Toch niet"]
    submitted = to(world.say("akaya", "Het is voor de nieuwsbrief"), "akaya")[0].text
    assert "Met je toelichting: Het is voor de nieuwsbrief" in submitted
    assert "Het is voor de nieuwsbrief" in world.last("jdevries").text


def test_a_command_while_the_comment_prompt_waits_asks_for_it_again(world):
    case_id = escalate(world)
    world.click("jdevries", "Niet publiceren")
    replies = world.command("jdevries", "escalaties")
    assert f"besluit over vraag #{case_id}" in replies[-1].text
    world.say("jdevries", "Liever zonder namen")
    assert "Liever zonder namen" in world.last("akaya").text


def test_without_a_prompt_a_command_gets_no_reminder(world):
    replies = world.command("akaya", "mijn")
    assert len(replies) == 1


def test_who_is_my_leidinggevende_names_them_from_the_directory(world):
    reply = world.say("akaya", "wie is eigenlijk mijn leidinggevende?")[0]
    assert reply.text.startswith("Je leidinggevende is **Jan de Vries**.")
    assert reply.answer.rules == ("M6",)
    stranger = world.say("onbekend", "wie is mijn leidinggevende?")[0]
    assert "staat niet in mijn gegevens" in stranger.text and "Sanne Visser" in stranger.text


def test_a_decision_typed_by_the_leidinggevende_shows_the_question_then_decides(world):
    escalate(world)
    shown = world.say("jdevries", "Akkoord!")
    assert shown[0].text.startswith("Je besluit geef je bij de vraag zelf")
    assert [o.label for o in shown[-1].options] == ["Akkoord", "Niet publiceren", "Bel me eerst"]
    assert "heeft besloten" not in world.last("akaya").text  # "akkoord" alone decides nothing
    world.say("jdevries", "akkoord")
    assert "**akkoord**" in world.last("akaya").text


def test_with_several_questions_waiting_a_typed_decision_needs_a_click(world):
    escalate(world)
    escalate(world, context="Voor de nieuwsbrief")
    replies = world.say("jdevries", "niet publiceren")
    assert len([r for r in replies if r.options]) == 2  # each question with its buttons
    world.say("jdevries", "niet publiceren")  # under both questions: which one is unsaid
    assert "heeft besloten" not in world.last("akaya").text


def test_a_decision_word_from_someone_nothing_waits_for_is_a_question(world):
    replies = world.say("tbos", "akkoord")
    assert replies[0].to == world.party("tbos") and "Vastgelegd" not in replies[0].text
