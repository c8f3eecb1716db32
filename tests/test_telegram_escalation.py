"""Escalations through Telegram: to a manager on Telegram, on another platform, the
default contact, and across a restart."""

import re

import pytest
from telegram_support import AYSE, JAN, SANNE, TIM, StubPlatform, labels, telegram_world

from bot.messages import Incoming

DOUBT = "Ik twijfel of ik deze foto van mijn klas op insta mag zetten"


@pytest.fixture
async def world(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    async with telegram_world(tmp_path) as w:
        yield w


async def escalate(world, person, manager_name: str, context: str = "Voor de open dag") -> int:
    """`person` doubts, accepts the offer and adds context; returns the case number."""
    world.fake.say(person, DOUBT)
    offer = await world.fake.next_message(person.id, "Zal ik je vraag voorleggen")
    assert manager_name in offer["text"]
    world.fake.click(person, offer, "Ja, leg het voor")
    ask = await world.fake.next_message(person.id, "Wil je er nog iets bij vertellen")
    assert labels(ask) == ["Zonder toelichting", "Toch niet"]
    world.fake.say(person, context)
    submitted = await world.fake.next_message(person.id, "Ik heb je vraag voorgelegd")
    assert manager_name in submitted["text"]
    return int(re.search(r"vraag #(\d+)", submitted["text"]).group(1))


async def test_a_manager_on_telegram_decides_with_one_click(world):
    await world.start()
    await world.open_chat(AYSE)
    await world.open_chat(JAN)
    case = await escalate(world, AYSE, "Jan de Vries")

    to_jan = await world.fake.next_message(JAN.id, "vraagt je om een besluit")
    assert f"#{case}" in to_jan["text"] and "Voor de open dag" in to_jan["text"]
    assert labels(to_jan) == ["Akkoord", "Niet publiceren", "Bel me eerst"]

    query = world.fake.click(JAN, to_jan, "Akkoord")
    await world.fake.answered(query)
    decided = await world.fake.edited(to_jan)
    assert "reply_markup" not in decided, "the decision takes the buttons away"
    assert "vraagt je om een besluit" in decided["text"]
    assert "Vastgelegd: Akkoord" in decided["text"]
    told = await world.fake.next_message(AYSE.id, "akkoord")
    assert "Jan de Vries" in told["text"] and f"#{case}" in told["text"]
    comment = await world.fake.next_message(JAN.id, "toelichting")
    assert labels(comment) == ["Geen toelichting"]


async def test_a_manager_only_on_another_platform_gets_it_there(world):
    other = StubPlatform({"pbakker"})
    bot = await world.start(others=[other])
    await world.open_chat(TIM)
    case = await escalate(world, TIM, "Petra Bakker")

    to_petra = await other.next()
    assert to_petra.to == "pbakker" and f"#{case}" in to_petra.text
    assert [o.label for o in to_petra.options] == ["Akkoord", "Niet publiceren", "Bel me eerst"]

    # Petra decides on the other platform, which hands it to the same runtime
    click = Incoming("mattermost", "petra.bakker", "mattermost:dm", action=f"case:{case}:niet")
    replies = bot.runtime.handle(click)
    _here, elsewhere = bot.runtime.split(click, replies)
    await bot.runtime.deliver(elsewhere)
    told = await world.fake.next_message(TIM.id, "niet publiceren")
    assert "Petra Bakker" in told["text"]


async def test_a_manager_nobody_can_reach_is_passed_over_for_the_default_contact(world):
    await world.start()
    await world.open_chat(TIM)
    await world.open_chat(SANNE)
    await escalate(world, TIM, "Sanne Visser")
    to_sanne = await world.fake.next_message(SANNE.id, "Tim Bos vraagt je om een besluit")
    assert labels(to_sanne) == ["Akkoord", "Niet publiceren", "Bel me eerst"]


async def test_a_manager_who_blocked_the_bot_is_forgotten(world):
    await world.start()
    for person in (AYSE, JAN, SANNE):
        await world.open_chat(person)
    world.fake.block(JAN)
    await escalate(world, AYSE, "Jan de Vries")  # the bot cannot know before it tries
    assert "jdevries" in {r.to for r in world.bot.app.engine.undelivered()}, "it waits"

    world.fake.say(AYSE, DOUBT)
    offer = await world.fake.next_message(AYSE.id, "Zal ik je vraag voorleggen")
    assert "Sanne Visser" in offer["text"], "Jan is no longer taken as reachable"


async def test_a_restart_in_the_middle_of_an_escalation_loses_nothing(world):
    await world.start()
    await world.open_chat(AYSE)
    await world.open_chat(JAN)
    world.fake.say(AYSE, DOUBT)
    offer = await world.fake.next_message(AYSE.id, "Zal ik je vraag voorleggen")
    world.fake.click(AYSE, offer, "Ja, leg het voor")
    await world.fake.next_message(AYSE.id, "Wil je er nog iets bij vertellen")

    await world.restart()  # waiting for Ayşe's context
    world.fake.say(AYSE, "Voor de open dag")
    await world.fake.next_message(AYSE.id, "Ik heb je vraag voorgelegd")
    to_jan = await world.fake.next_message(JAN.id, "vraagt je om een besluit")

    await world.restart()  # waiting for Jan's decision
    query = world.fake.click(JAN, to_jan, "Niet publiceren")
    await world.fake.answered(query)
    decided = await world.fake.edited(to_jan)
    assert "Vastgelegd: Niet publiceren" in decided["text"] and "reply_markup" not in decided
    await world.fake.next_message(AYSE.id, "niet publiceren")

    assert sent_count(world, AYSE, "Ik heb je vraag voorgelegd") == 1, "nothing twice"
    assert sent_count(world, JAN, "vraagt je om een besluit") == 1


def sent_count(world, person, fragment: str) -> int:
    return sum(fragment in m["text"] for m in world.fake.sent_to(person.id))
