"""The escalation on Mattermost, end to end, with button clicks; forged clicks refused."""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING

import aiohttp

from bot import case_texts as ct
from bot import texts
from handlers.mattermost.buttons import ButtonSigner
from handlers.mattermost.config import derive_button_secret

if TYPE_CHECKING:
    from fakes.mattermost_bot import RunningBot, School
    from fakes.mattermost_server import FakeMattermost

pytest_plugins = ["fakes.mattermost_bot"]


def cites(message: str, rule: str) -> bool:
    return re.search(rf"\bregels?\b[^\n]*\b{rule}\b", message) is not None


def buttons(post: dict) -> dict[str, str]:
    """Button label -> action id of a post as clients see it (no integration)."""
    attachments = post.get("props", {}).get("attachments") or []
    actions = [a for attachment in attachments for a in attachment.get("actions") or []]
    for action in actions:
        assert "integration" not in action  # the context (and its signature) stays server-side
    return {a["name"]: a["id"] for a in actions}


async def ask_for_a_decision(fake: FakeMattermost, school: School) -> tuple[dict, dict]:
    """Ayşe asks, is unsure in the check, accepts the offer and adds context.

    Returns the manager's post (with the decision buttons) and the asker's confirmation.
    """
    ayse, bot = school.ayse, school.bot
    dm = fake.direct_channel(ayse, bot)
    await fake.post_as(ayse, dm, "Mag ik een foto van mijn klas op Instagram zetten?")
    check = await fake.next_post(dm.id, by=bot)
    assert cites(check["message"], "ML2")
    assert (await fake.click(ayse, check["id"], buttons(check)[texts.CHECK_DONT_KNOW])).ok

    offer = await fake.next_post(dm.id, by=bot)
    assert "Jan de Vries" in offer["message"] and cites(offer["message"], "M6")
    assert (await fake.click(ayse, offer["id"], buttons(offer)[texts.ESCALATE_YES])).ok

    ask_context = await fake.next_post(dm.id, by=bot)
    assert ct.NO_CONTEXT in buttons(ask_context)
    await fake.post_as(ayse, dm, "Het is de foto van de sportdag, alle kinderen staan erop.")

    manager_dm = fake.direct_channel(school.jan, bot)
    to_manager = await fake.next_post(manager_dm.id, by=bot)
    confirmation = await fake.next_post(dm.id, by=bot)
    return to_manager, confirmation


async def test_mattermost_escalation_with_buttons_end_to_end(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    to_manager, confirmation = await ask_for_a_decision(fake, school)
    assert "Ayşe Kaya" in to_manager["message"] and "sportdag" in to_manager["message"]
    assert list(buttons(to_manager)) == list(ct.DECISION_LABELS.values())
    assert "Jan de Vries" in confirmation["message"] and cites(confirmation["message"], "M6")
    assert list(buttons(confirmation)) == [ct.WITHDRAW]

    akkoord = buttons(to_manager)[ct.DECISION_LABELS["akkoord"]]
    click = await fake.click(school.jan, to_manager["id"], akkoord)
    assert click.ok and "update" in click.response

    edited = await fake.next_edit(to_manager["id"])
    assert edited["message"].startswith(to_manager["message"])  # the question stays readable
    assert "**Akkoord**" in edited["message"]
    assert buttons(edited) == {}  # the buttons are gone

    ayse_dm = fake.direct_channel(school.ayse, school.bot)
    decision = await fake.next_post(ayse_dm.id, by=school.bot)
    expected = ct.TO_ASKER_DECISION["akkoord"].format(name="Jan de Vries", id=1)
    assert decision["message"] == expected

    manager_dm = fake.direct_channel(school.jan, school.bot)
    ask_comment = await fake.next_post(manager_dm.id, by=school.bot)
    assert ct.NO_COMMENT in buttons(ask_comment)
    await fake.post_as(school.jan, manager_dm, "Wel even de namen weglaten.")
    comment = await fake.next_post(ayse_dm.id, by=school.bot)
    assert "namen weglaten" in comment["message"]
    await bot.platform.drain()
    assert bot.app.engine.undelivered() == []


async def test_mattermost_second_click_changes_nothing(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    to_manager, _ = await ask_for_a_decision(fake, school)
    ids = buttons(to_manager)
    with_buttons = copy.deepcopy(fake.posts[to_manager["id"]]["props"])
    assert (await fake.click(school.jan, to_manager["id"], ids[ct.DECISION_LABELS["niet"]])).ok
    await fake.next_edit(to_manager["id"])
    # A second click that raced the update (the old buttons were still on screen).
    fake.posts[to_manager["id"]]["props"] = with_buttons
    assert (await fake.click(school.jan, to_manager["id"], ids[ct.DECISION_LABELS["akkoord"]])).ok
    again = await fake.next_edit(to_manager["id"])
    already = ct.ALREADY["decided"].format(id=1, decision="Niet publiceren", by="Jan de Vries")
    assert again["message"].endswith(already)
    case = bot.app.store.db.execute("SELECT status, decision FROM cases").fetchone()
    assert tuple(case) == ("decided", "niet")


async def post_click(bot: RunningBot, body: dict) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as session, session.post(bot.actions_url, json=body) as r:
        return r.status, await r.json()


def click_body(user, post_id: str, context: dict) -> dict:
    return {
        "user_id": user.id,
        "user_name": user.username,
        "channel_id": "x" * 26,
        "channel_name": "",
        "team_id": "",
        "team_domain": "",
        "post_id": post_id,
        "trigger_id": "t",
        "type": "button",
        "data_source": "",
        "context": context,
    }


async def test_mattermost_forged_button_clicks_are_refused(
    fake: FakeMattermost, school: School, bot: RunningBot
):
    to_manager, _ = await ask_for_a_decision(fake, school)
    jan, ayse = school.jan, school.ayse
    genuine = bot.platform.delivery.signer.context("case:1:akkoord", jan.id)
    other_signer = ButtonSigner(derive_button_secret("another-token"))
    wrong_secret = other_signer.context("case:1:akkoord", jan.id)
    forgeries = [
        {"action": "case:1:akkoord"},  # no signature
        {**genuine, "sig": "0" * 64},  # a made-up signature
        {**genuine, "action": "case:1:niet"},  # the signature of another action
        wrong_secret,  # signed with another secret
        "case:1:akkoord",  # not even an object
    ]
    for context in forgeries:
        status, body = await post_click(bot, click_body(jan, to_manager["id"], context))
        assert status == 200 and body["error"]["message"] and "update" not in body
    # A genuine context, but clicked by someone the button was not sent to.
    status, body = await post_click(bot, click_body(ayse, to_manager["id"], genuine))
    assert "error" in body and "update" not in body

    await bot.platform.drain()
    case = bot.app.store.db.execute("SELECT status FROM cases WHERE id = 1").fetchone()
    assert case["status"] == "open"
    assert fake.posts[to_manager["id"]]["edit_at"] == 0
    assert len(fake.posts_in(fake.direct_channel(ayse, school.bot).id, by=school.bot)) == 4


async def test_mattermost_click_that_is_not_json_is_a_bad_request(bot: RunningBot):
    async with aiohttp.ClientSession() as session:
        response = await session.post(bot.actions_url, data=b"not json")
        assert response.status == 400
