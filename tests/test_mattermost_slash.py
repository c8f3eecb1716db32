"""The /protocol slash command: token checks, ephemeral answers, commands."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot import case_texts as ct
from bot import texts as bot_texts
from handlers.mattermost import texts
from handlers.mattermost.slash import parse_command, token_ok

if TYPE_CHECKING:
    from fakes.mattermost_bot import RunningBot, School
    from fakes.mattermost_server import FakeMattermost

pytest_plugins = ["fakes.mattermost_bot"]


def cites(message: str, rule: str) -> bool:
    return re.search(rf"\bregels?\b[^\n]*\b{rule}\b", message) is not None


async def slash(fake: FakeMattermost, school: School, bot: RunningBot, text: str, **tokens):
    channel = fake.add_channel("team-noord", [school.ayse, school.jan, school.bot])
    tokens.setdefault("token", bot.slash_token)
    return await fake.slash(school.ayse, channel, text, url=bot.command_url, **tokens)


@pytest.mark.parametrize(
    "tokens",
    [
        {"token": "wrong"},
        {"token": "wrong", "header_token": "wrong"},
        {"header_token": "wrong"},  # right form field, wrong header
        {"token": ""},
    ],
    ids=["form", "both", "header", "empty"],
)
async def test_mattermost_slash_command_with_a_wrong_token_is_refused(
    fake: FakeMattermost, school: School, bot: RunningBot, tokens: dict
):
    result = await slash(fake, school, bot, "mag ik een foto plaatsen?", **tokens)
    assert result.status == 401 and result.text == ""
    await bot.platform.drain()
    assert fake.ephemerals_for(school.ayse) == []
    assert [p for p in fake.posts.values() if p["user_id"] == school.bot.id] == []
    assert bot.app.store.db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0


async def test_mattermost_slash_question_is_answered_ephemerally(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    result = await slash(
        fake, school, bot, "Een ouder reageert boos op mijn bericht, moet ik terugschrijven?"
    )
    assert result.status == 200
    assert result.response["response_type"] == "ephemeral"
    assert cites(result.text, "M3")
    assert fake.ephemerals_for(school.ayse)[0]["message"] == result.text
    assert bot.app.engine.undelivered() == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("help", bot_texts.HELP),
        ("", bot_texts.HELP),
        ("regel ML2", bot_texts.RULE_HEADER.split(" ")[0] + " ML2"),
        ("mijn", ct.MINE_NONE),
        ("escalaties", ct.WAITING_NONE),
        ("vraag wat is regel M3?", bot_texts.RULE_HEADER.split(" ")[0] + " M3"),
    ],
)
async def test_mattermost_slash_commands(
    fake: FakeMattermost, school: School, bot: RunningBot, text: str, expected: str
):
    result = await slash(fake, school, bot, text)
    assert result.status == 200 and expected in result.text


async def test_mattermost_slash_reply_with_buttons_goes_to_the_dm(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    result = await slash(fake, school, bot, "mag ik een foto van mijn klas op Instagram zetten?")
    assert result.text == texts.POINTER
    check = await fake.next_post(fake.direct_channel(school.ayse, school.bot).id)
    assert cites(check["message"], "ML2") and check["props"]["attachments"]
    await bot.platform.drain()
    assert bot.app.engine.undelivered() == []


def test_mattermost_slash_parsing_and_token_check():
    assert parse_command("  REGEL ml2 ") == ("regel", "ml2")
    assert parse_command("mag ik dit posten?") == ("vraag", "mag ik dit posten?")
    assert parse_command("") == ("help", "")
    one, two = ("abc",), ("abc", "xyz")
    assert token_ok(one, "abc", None) and token_ok(one, "abc", "Token abc")
    assert token_ok(one, "abc", "Bearer oauth-token")  # an OAuth header is not ours to check
    assert not token_ok(one, "abc", "Token abd")
    assert not token_ok(one, "ab", None) and not token_ok((), "", None)
    assert token_ok(two, "xyz", "Token xyz") and not token_ok(two, "abc", "Token xyz")
