"""Deep-link onboarding: `python -m bot directory link PERSON`, then /start <code>."""

import argparse
import asyncio
import re
from datetime import timedelta

import pytest
from telegram_support import (
    AYSE,
    BOT_USERNAME,
    DIRECTORY,
    PETRA,
    TIM,
    labels,
    telegram_world,
)

from bot.directory_loader import load_directory
from bot.engine import utc_now
from bot.store import Store
from handlers.telegram import texts as tg_texts
from handlers.telegram.links import Links, Outcome
from handlers.telegram.links_cli import add_link_command


@pytest.fixture
async def world(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    async with telegram_world(tmp_path) as w:
        yield w


def link_command(world, person: str, **env: str) -> int:
    """The CLI command as `python -m bot directory link` runs it."""
    parser = argparse.ArgumentParser()
    add_link_command(parser.add_subparsers())
    args = parser.parse_args(["link", person, "--db", str(world.settings.db)])
    environment = {"BOT_DIRECTORY": str(world.directory_file), **env}
    return args.run(args, environment)


async def make_link(world, person: str, capsys, **env: str) -> str:
    """Runs the command in a thread: it asks the imitation for the bot's name (getMe)."""
    status = await asyncio.to_thread(link_command, world, person, **env)
    assert status == 0
    printed = capsys.readouterr().out.strip()
    match = re.fullmatch(rf"https://t\.me/{BOT_USERNAME}\?start=([A-Za-z0-9_-]{{1,64}})", printed)
    assert match, printed
    return match.group(1)


async def test_a_deep_link_makes_a_manager_reachable_who_then_decides(world, capsys):
    code = await make_link(world, "pbakker", capsys, **world.env())
    assert world.fake.methods() == ["getMe"], "the command asked Telegram for the bot's name"
    await world.start()
    await world.open_chat(TIM)

    world.fake.say(PETRA, f"/start {code}")
    linked = await world.fake.next_message(PETRA.id, "Gelukt")
    assert linked["text"] == tg_texts.LINKED.format(name="Petra Bakker")

    world.fake.say(TIM, "Ik twijfel of ik deze foto van mijn klas op insta mag zetten")
    offer = await world.fake.next_message(TIM.id, "Zal ik je vraag voorleggen aan Petra Bakker?")
    world.fake.click(TIM, offer, "Ja, leg het voor")
    ask = await world.fake.next_message(TIM.id, "Wil je er nog iets bij vertellen")
    world.fake.click(TIM, ask, "Zonder toelichting")
    to_petra = await world.fake.next_message(PETRA.id, "Tim Bos vraagt je om een besluit")

    world.fake.click(PETRA, to_petra, "Bel me eerst")
    await world.fake.edited(to_petra)
    told = await world.fake.next_message(TIM.id, "Petra Bakker wil eerst even met je overleggen")
    assert labels(told) == []


async def test_a_link_works_once(world, capsys):
    code = await make_link(world, "pbakker", capsys, TELEGRAM_BOT_USERNAME=BOT_USERNAME)
    assert world.fake.methods() == [], "with the name given, Telegram is not asked"
    await world.start()
    world.fake.say(PETRA, f"/start {code}")
    await world.fake.next_message(PETRA.id, "Gelukt")
    world.fake.say(TIM, f"/start {code}")
    refused = await world.fake.next_message(TIM.id, "koppellink")
    assert refused["text"] == tg_texts.LINK_INVALID
    assert world.bot.app.engine.party_of("telegram", str(TIM.id)) == "tbos"


async def test_someone_elses_account_cannot_be_linked(world, capsys):
    code = await make_link(world, "pbakker", capsys, TELEGRAM_BOT_USERNAME=BOT_USERNAME)
    await world.start()
    world.fake.say(AYSE, f"/start {code}")
    refused = await world.fake.next_message(AYSE.id, "iemand anders")
    assert refused["text"] == tg_texts.LINK_TAKEN
    assert world.bot.app.engine.party_of("telegram", str(AYSE.id)) == "akaya"


def test_an_expired_link_is_refused(tmp_path):
    (tmp_path / "directory.yaml").write_text(DIRECTORY, encoding="utf-8")
    store = Store(tmp_path / "bot.db")
    now = [utc_now()]
    directory = load_directory(tmp_path / "directory.yaml")
    links = Links(store, lambda: directory, lambda: now[0])
    code = links.new_code("pbakker", timedelta(days=1))
    now[0] += timedelta(days=1, seconds=1)
    assert links.redeem(code, PETRA.id).outcome is Outcome.INVALID
    now[0] -= timedelta(seconds=2)
    assert links.redeem(code, PETRA.id).outcome is Outcome.LINKED
    assert links.person_of(PETRA.id) == "pbakker"
    store.close()
