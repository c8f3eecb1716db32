"""Direct messages and channel mentions on Mattermost, with the real client code."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import pytest

from bot import texts as bot_texts
from bot.directory_loader import load_directory
from handlers.mattermost import texts

if TYPE_CHECKING:
    from fakes.mattermost_bot import RunningBot, School
    from fakes.mattermost_model import Channel
    from fakes.mattermost_server import FakeMattermost

pytest_plugins = ["fakes.mattermost_bot"]

ANGRY_PARENT = "Een ouder reageert boos op mijn bericht, moet ik terugschrijven?"


def cites(message: str, rule: str) -> bool:
    return re.search(rf"\bregels?\b[^\n]*\b{rule}\b", message) is not None


def team_channel(fake: FakeMattermost, school: School) -> Channel:
    return fake.add_channel("team-noord", [school.ayse, school.jan, school.bot])


async def test_mattermost_direct_message_gets_the_answer_with_its_rule(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    dm = fake.direct_channel(school.ayse, school.bot)
    await fake.post_as(school.ayse, dm, ANGRY_PARENT)
    reply = await fake.next_post(dm.id, by=school.bot)
    assert cites(reply["message"], "M3")
    assert reply["root_id"] == ""
    assert fake.ephemerals_for(school.ayse) == []


@pytest.mark.parametrize("ephemeral", [True, False], ids=["ephemeral", "dm-and-pointer"])
async def test_mattermost_channel_mention_is_answered_for_the_asker_alone(
    fake: FakeMattermost, school: School, bot: RunningBot, ephemeral: bool
):
    fake.allow_ephemeral = ephemeral
    channel = team_channel(fake, school)
    question = await fake.post_as(school.ayse, channel, f"@protocolbot {ANGRY_PARENT}")
    dm = fake.direct_channel(school.ayse, school.bot)
    if ephemeral:
        answer = await fake.next_ephemeral(school.ayse)
        assert answer["channel_id"] == channel.id and answer["root_id"] == question["id"]
        assert "attachments" not in answer["props"]  # optional 👍/👎 are left off
    else:
        answer = await fake.next_post(dm.id)
        pointer = await fake.next_post(channel.id, by=school.bot)
        assert pointer["message"] == texts.POINTER and pointer["root_id"] == question["id"]
    assert cites(answer["message"], "M3")
    await bot.platform.drain()
    public = fake.posts_in(channel.id, by=school.bot)
    assert [p["message"] for p in public] == ([] if ephemeral else [texts.POINTER])
    assert len(fake.posts_in(dm.id)) == (0 if ephemeral else 1)


async def test_mattermost_channel_question_with_buttons_continues_in_the_dm(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    channel = team_channel(fake, school)
    question = "@protocolbot mag ik een foto van mijn klas op Instagram zetten?"
    await fake.post_as(school.ayse, channel, question)
    check = await fake.next_post(fake.direct_channel(school.ayse, school.bot).id)
    assert cites(check["message"], "ML2")
    assert check["props"]["attachments"][0]["actions"][0]["name"] == bot_texts.CHECK_YES
    pointer = await fake.next_ephemeral(school.ayse)
    assert pointer["message"] == texts.POINTER
    await bot.platform.drain()
    assert fake.posts_in(channel.id, by=school.bot) == []


async def test_mattermost_ignores_what_is_not_for_the_bot(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    channel = team_channel(fake, school)
    other_bot = fake.add_user("roosterbot", bot=True)
    channel.members.append(other_bot.id)
    await fake.post_as(school.ayse, channel, ANGRY_PARENT)  # no mention
    await fake.post_as(other_bot, channel, f"@protocolbot {ANGRY_PARENT}")  # a bot
    await fake.post_as(school.jan, channel, "@protocolbot joined", kind="system_join_channel")
    await fake.post_as(other_bot, fake.direct_channel(other_bot, school.bot), ANGRY_PARENT)
    # A direct message last: once it is answered, every earlier event has been read.
    dm = fake.direct_channel(school.ayse, school.bot)
    await fake.post_as(school.ayse, dm, ANGRY_PARENT)
    await fake.next_post(dm.id, by=school.bot)
    await bot.platform.drain()
    answers = [p for p in fake.posts.values() if p["user_id"] == school.bot.id]
    assert [p["channel_id"] for p in answers] == [dm.id]
    assert fake.ephemerals_for(school.ayse) == fake.ephemerals_for(school.jan) == []


async def test_mattermost_files_are_counted_not_fetched(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    dm = fake.direct_channel(school.ayse, school.bot)
    await fake.post_as(school.ayse, dm, "", file_ids=("f1f1f1f1f1f1f1f1f1f1f1f1f1",))
    reply = await fake.next_post(dm.id, by=school.bot)
    assert bot_texts.ATTACHMENT in reply["message"]
    assert not [r for r in fake.requests if "/files" in r]


async def test_mattermost_replayed_event_is_answered_once(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    fake.duplicate_events = True
    dm = fake.direct_channel(school.ayse, school.bot)
    await fake.post_as(school.ayse, dm, ANGRY_PARENT)
    await fake.next_post(dm.id, by=school.bot)
    await fake.post_as(school.ayse, dm, "help")
    await fake.next_post(dm.id, by=school.bot)
    await bot.platform.drain()
    assert len(fake.posts_in(dm.id, by=school.bot)) == 2


async def test_mattermost_escalation_skips_a_manager_without_an_account(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    dm = fake.direct_channel(school.lotte, school.bot)
    doubt = "Ik twijfel of ik deze foto van de klas op Instagram mag zetten"
    await fake.post_as(school.lotte, dm, doubt)
    offer = await fake.next_post(dm.id, by=school.bot)
    assert "Sanne Visser" in offer["message"] and "Petra" not in offer["message"]


async def test_mattermost_person_known_by_username_only_is_recognised(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    dm = fake.direct_channel(school.ayse, school.bot)
    doubt = "Ik twijfel of ik deze foto van de klas op Instagram mag zetten"
    await fake.post_as(school.ayse, dm, doubt)
    offer = await fake.next_post(dm.id, by=school.bot)
    assert "Jan de Vries" in offer["message"]


async def test_mattermost_sees_a_reloaded_directory(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    text = school.directory.read_text(encoding="utf-8")
    added = "  - id: gvries\n    name: Gerda Vries\n    manager: jdevries\n"
    school.directory.write_text(text + added + "    mattermost: {username: gast}\n")
    engine = bot.app.engine
    engine.reload(engine.core, load_directory(school.directory))
    dm = fake.direct_channel(school.guest, school.bot)
    doubt = "Ik twijfel of ik deze foto van de klas op Instagram mag zetten"
    await fake.post_as(school.guest, dm, doubt)
    offer = await fake.next_post(dm.id, by=school.bot)
    assert "Jan de Vries" in offer["message"]  # Gerda's manager, not the default contact


async def test_mattermost_logs_carry_ids_not_message_text_or_secrets(
    fake: FakeMattermost, school: School, launch, caplog
):
    caplog.set_level(logging.DEBUG)  # even at DEBUG
    bot = await launch()
    dm = fake.direct_channel(school.ayse, school.bot)
    secret_question = "Een ouder van de Zonnebloemschool reageert boos, moet ik terugschrijven?"
    question = await fake.post_as(school.ayse, dm, secret_question)
    await fake.next_post(dm.id, by=school.bot)
    channel = team_channel(fake, school)
    result = await fake.slash(
        school.ayse, channel, "Zonnebloemschool regel ML2", url=bot.command_url, token="forged-987"
    )
    assert result.status == 401
    await bot.platform.drain()
    logged = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records)
    assert question["id"] in logged  # ids are logged
    for secret in ("Zonnebloem", school.bot.token, bot.slash_token, "forged-987"):
        assert secret not in logged


async def test_mattermost_follow_up_in_a_direct_message_is_read_with_the_question(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    dm = fake.direct_channel(school.ayse, school.bot)
    await fake.post_as(school.ayse, dm, "Mag ik een foto van de sportdag op Instagram zetten?")
    await fake.next_post(dm.id, by=school.bot)
    await fake.post_as(school.ayse, dm, "en op facebook?")
    reply = await fake.next_post(dm.id, by=school.bot)
    while "toestemming" not in reply["message"]:  # the check's steps follow its answer
        reply = await fake.next_post(dm.id, by=school.bot)
    assert cites(reply["message"], "ML2")
