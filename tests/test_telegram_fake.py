"""The loopback Bot API holds the bot to the Bot API description: proof that it can refuse."""

import json

import httpx
import pytest
from fakes.telegram_html import EntityError, parse_html
from fakes.telegram_server import FakeTelegram
from fakes.telegram_spec import SpecError, load_spec
from telegram_support import AYSE, TOKEN


@pytest.fixture
async def fake(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = FakeTelegram(TOKEN)
    await server.start()
    yield server
    await server.close()


async def call(fake: FakeTelegram, method: str, **params) -> httpx.Response:
    form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
    async with httpx.AsyncClient() as client:
        return await client.post(f"{fake.url}/bot{TOKEN}/{method}", data=form)


async def test_unknown_and_missing_parameters_are_refused_and_recorded(fake):
    fake.say(AYSE, "/start")
    unknown = await call(fake, "sendMessage", chat_id=AYSE.id, text="hoi", bogus_param=1)
    missing = await call(fake, "sendMessage", chat_id=AYSE.id)
    wrong_type = await call(fake, "editMessageText", text="x", chat_id=AYSE.id, message_id="één")
    assert (unknown.status_code, missing.status_code, wrong_type.status_code) == (400, 400, 400)
    assert "unknown parameter 'bogus_param'" in fake.problems[0]
    assert "missing required parameter 'text'" in fake.problems[1]
    assert "parameter 'message_id'" in fake.problems[2]


async def test_telegram_rules_are_imitated(fake):
    never_started = await call(fake, "sendMessage", chat_id=AYSE.id, text="hoi")
    assert never_started.status_code == 403
    fake.say(AYSE, "/start")
    keyboard = {"inline_keyboard": [[{"text": "Te lang", "callback_data": "x" * 65}]]}
    too_long = await call(fake, "sendMessage", chat_id=AYSE.id, text="a", reply_markup=keyboard)
    assert too_long.json()["description"] == "Bad Request: BUTTON_DATA_INVALID"
    broken = await call(fake, "sendMessage", chat_id=AYSE.id, text="<b>a", parse_mode="HTML")
    assert "can't parse entities" in broken.json()["description"]
    sent = await call(
        fake, "sendMessage", chat_id=AYSE.id, text="<b>é</b> 👍 <i>x</i>", parse_mode="HTML"
    )
    assert sent.json()["result"]["entities"][1] == {"type": "italic", "offset": 5, "length": 1}
    assert fake.problems == []


def test_results_are_checked_against_their_types():
    spec = load_spec()
    message = {"message_id": 1, "chat": {"id": 1, "type": "private"}, "date": 0}
    spec.check(message, "Message", "m")
    with pytest.raises(SpecError, match="lacks required 'date'"):
        spec.check({"message_id": 1, "chat": {"id": 1, "type": "private"}}, "Message", "m")
    with pytest.raises(SpecError, match="unknown field 'colour'"):
        spec.check(message | {"colour": "red"}, "Message", "m")
    with pytest.raises(SpecError, match="must be 'default'"):
        spec.check({"type": "chat"}, "BotCommandScopeDefault", "scope")


def test_html_is_parsed_as_telegram_does():
    assert parse_html("a &lt;b&gt; <b>c</b>") == (
        "a <b> c",
        [{"type": "bold", "offset": 6, "length": 1}],
    )
    with pytest.raises(EntityError):
        parse_html("<b><i>x</b></i>")
    with pytest.raises(EntityError):
        parse_html("<p>x</p>")
