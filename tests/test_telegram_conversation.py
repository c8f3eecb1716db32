"""Telegram conversations: commands, answers with their rule, the check, groups, photos."""

import pytest
from telegram_support import AYSE, BOT_USERNAME, TIM, labels, telegram_world

from bot import texts
from bot.messages import Reply
from handlers.telegram import texts as tg_texts

GROUP = -1001234567890
SANCTIONS = "Wat gebeurt er als ik me niet aan het protocol houd?"
PHOTO = "Mag ik een foto van mijn klas op Instagram zetten?"


@pytest.fixture
async def world(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    async with telegram_world(tmp_path) as w:
        await w.start()
        yield w


async def test_commands_are_registered_in_dutch(world):
    commands = {c["command"]: c["description"] for c in world.fake.commands}
    assert list(commands) == ["start", "help", "vraag", "regel", "escalaties", "mijn"]
    assert "leidinggevende" in commands["mijn"]
    assert "deleteWebhook" in world.fake.methods()  # polling mode


async def test_a_question_gets_the_answer_with_its_rule(world):
    await world.open_chat(AYSE)
    expected = world.bot.app.core.responder.respond(SANCTIONS)
    assert expected.action == "answer" and expected.rules

    world.fake.say(AYSE, SANCTIONS)
    answer = await world.fake.next_message(AYSE.id)

    citation = f"Protocol Sociale Media, {texts.cite(expected.rules)}"
    assert citation in answer["text"]
    assert "**" not in answer["text"] and "_Protocol" not in answer["text"]
    italic = [e for e in answer["entities"] if e["type"] == "italic"]
    assert any(e["length"] == len(citation) for e in italic), "the source line is italic"


async def test_rule_command_shows_the_rule(world):
    await world.open_chat(AYSE)
    world.fake.say(AYSE, "/regel ml2")
    rule = await world.fake.next_message(AYSE.id)
    assert rule["text"].startswith("Regel ML2")
    assert rule["entities"][0] == {"type": "bold", "offset": 0, "length": len("Regel ML2")}


async def test_publication_check_runs_on_inline_buttons(world):
    await world.open_chat(AYSE)
    world.fake.say(AYSE, PHOTO)
    step = await world.fake.next_message(AYSE.id, "Een paar vragen")
    assert labels(step) == ["Ja", "Nee", "Weet ik niet", "Stoppen"]
    data = [b["callback_data"] for row in step["reply_markup"]["inline_keyboard"] for b in row]
    assert all(d.startswith("chk:") for d in data[:3])

    answers = iter(["Ja", "Ja", *["Nee"] * 6])  # recognisable, permission given, then no risks
    while "reply_markup" in step:
        query = world.fake.click(AYSE, step, next(answers))
        await world.fake.answered(query)
        step = await world.fake.next_message(AYSE.id)
    assert step["text"].startswith("Op basis van je antwoorden mag het")
    assert "reply_markup" not in step


async def test_in_a_group_only_mentions_commands_and_replies_are_answered(world):
    await world.open_chat(AYSE)
    group = world.fake.group(GROUP, "Team onderbouw")
    world.fake.say(AYSE, "Goedemorgen allemaal, wie heeft de sleutel?", chat=group)
    world.fake.say(AYSE, "/regel@another_bot ML2", chat=group)
    asked = world.fake.say(AYSE, f"@{BOT_USERNAME} {SANCTIONS}", chat=group)
    answer = await world.fake.next_message(AYSE.id)  # for the asker alone
    assert "S1" in answer["text"]
    note = await world.fake.next_message(GROUP)
    assert note["text"] == tg_texts.GONE_PRIVATE
    assert note["reply_to_message"]["message_id"] == asked["message_id"]

    world.fake.say(AYSE, f"/regel@{BOT_USERNAME} ML2", chat=group)
    rule = await world.fake.next_message(AYSE.id)
    assert rule["text"].startswith("Regel ML2")
    await world.fake.next_message(GROUP)

    follow_up = world.fake.say(AYSE, "En als een collega dat doet?", reply_to=note, chat=group)
    await world.fake.next_message(AYSE.id)
    again = await world.fake.next_message(GROUP)
    assert again["reply_to_message"]["message_id"] == follow_up["message_id"]
    in_group = world.fake.sent_to(GROUP)
    assert [m["text"] for m in in_group] == [tg_texts.GONE_PRIVATE] * 3, (
        "only notes in the group; chatter and another bot's command are ignored"
    )


async def test_a_personal_turn_in_a_group_moves_to_the_private_chat(world):
    await world.open_chat(AYSE)
    world.fake.group(GROUP, "Team onderbouw")
    asked = world.fake.say(AYSE, f"/vraag {PHOTO}", chat=world.fake.chats[GROUP])

    step = await world.fake.next_message(AYSE.id, "Een paar vragen")
    assert labels(step) == ["Ja", "Nee", "Weet ik niet", "Stoppen"]
    note = await world.fake.next_message(GROUP)
    assert note["text"] == tg_texts.GONE_PRIVATE
    assert note["reply_to_message"]["message_id"] == asked["message_id"]
    assert all("reply_markup" not in m for m in world.fake.sent_to(GROUP)), "no buttons there"


async def test_someone_who_never_started_the_bot_gets_a_start_link_first(world):
    world.fake.group(GROUP, "Team bovenbouw")
    world.fake.say(TIM, f"@{BOT_USERNAME} {PHOTO}", chat=world.fake.chats[GROUP])

    note = await world.fake.next_message(GROUP)
    assert note["text"] == tg_texts.START_PRIVATE_FIRST
    button = note["reply_markup"]["inline_keyboard"][0][0]
    assert button["url"] == f"https://t.me/{BOT_USERNAME}"
    assert TIM.id not in world.fake.outbox

    world.fake.say(TIM, "/start")
    step = await world.fake.next_message(TIM.id, "Een paar vragen")
    assert labels(step)[0] == "Ja", "the waiting check arrives once Tim started the bot"


async def test_a_plain_answer_waits_for_the_private_chat_and_never_goes_to_the_group(world):
    world.fake.group(GROUP, "Team bovenbouw")
    world.fake.say(TIM, f"@{BOT_USERNAME} {SANCTIONS}", chat=world.fake.chats[GROUP])
    note = await world.fake.next_message(GROUP)
    assert note["text"] == tg_texts.START_PRIVATE_FIRST
    await world.bot.runtime.flush()  # a retry finds no private chat yet: it keeps waiting
    assert [m["text"] for m in world.fake.sent_to(GROUP)] == [tg_texts.START_PRIVATE_FIRST]

    world.fake.say(TIM, "/start")
    answer = await world.fake.next_message(TIM.id, "Handel je als medewerker")
    assert "S1" in answer["text"]


async def test_photos_are_never_fetched_and_a_description_is_asked(world):
    await world.open_chat(AYSE)
    world.fake.say(AYSE, photo=True)
    reply = await world.fake.next_message(AYSE.id)
    assert reply["text"] == texts.ATTACHMENT.replace("**", "")

    world.fake.say(AYSE, SANCTIONS, document=True)
    await world.fake.next_message(AYSE.id, "Ik bekijk geen foto's")
    answer = await world.fake.next_message(AYSE.id)
    assert "S1" in answer["text"], "the caption is answered as a question"
    assert not {"getFile", "forwardMessage", "copyMessage"} & set(world.fake.methods())


async def test_markup_telegram_refuses_is_sent_as_plain_text(world):
    await world.open_chat(AYSE)
    crossing = "Vraag: mag ik **foto _van** de klas_ plaatsen?"  # quoted from a person
    sent = await world.bot.telegram.sender.send(AYSE.id, Reply(crossing))
    assert sent.text == "Vraag: mag ik foto van de klas plaatsen?"
    assert world.fake.methods()[-2:] == ["sendMessage", "sendMessage"], "HTML first, then plain"


async def test_polling_survives_a_bad_moment_at_telegram(world):
    world.fake.fail_next("getUpdates", 502, "Bad Gateway")
    await world.fake.wait_until(lambda: world.fake.failed, "the failed poll")
    world.fake.say(AYSE, "/start")  # fetched by the next poll, after the bot noted the failure
    await world.fake.next_message(AYSE.id, "Hoi!")
    assert world.bot.runtime.metrics.reconnects["telegram"] == 1


async def test_an_answer_typed_instead_of_tapped_goes_on_with_the_check(world):
    await world.open_chat(AYSE)
    world.fake.say(AYSE, PHOTO)
    await world.fake.next_message(AYSE.id, "Een paar vragen")
    world.fake.say(AYSE, "ja")
    step = await world.fake.next_message(AYSE.id, "uitdrukkelijk toestemming")
    assert labels(step) == ["Ja", "Nee", "Weet ik niet", "Stoppen"]
