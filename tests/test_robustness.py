"""Any text gets a sensible reply and never an exception."""

from __future__ import annotations

from engine_support import World, shared_core
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.evaluation import ACTIONS

RESPONDER = shared_core().responder


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_gets_a_reply(text):
    answer = RESPONDER.respond(text)
    assert answer.action in ACTIONS
    assert answer.text.strip()


def test_awkward_inputs_get_sensible_replies():
    awkward = {
        "": "help",
        "   \n\t ": "help",
        "📸🤳😀🎉": "help",
        "\x00\x01\x02\x07": "help",
    }
    for text, action in awkward.items():
        assert RESPONDER.respond(text).action == action, repr(text)
    assert RESPONDER.respond("\x1b[31m\x1b[0m").action in ("help", "fallback")


def test_huge_and_binary_looking_input():
    huge = "mag ik deze foto plaatsen " * 4000  # about 100 KB
    assert len(huge) > 100_000
    assert RESPONDER.respond(huge).action in ACTIONS
    garbage = bytes(range(256)).decode("latin-1") * 50
    assert RESPONDER.respond(garbage).action in ACTIONS


def test_fallback_cites_no_rule_and_says_where_to_go():
    answer = RESPONDER.respond("Wanneer is de kerstvakantie?")
    assert answer.action == "fallback" and answer.rules == ()
    assert "leidinggevende" in answer.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.sampled_from(["en ", "ik twijfel ", "", "ja"]))
def test_any_text_in_a_conversation_gets_a_reply(tmp_path_factory, text, opening):
    """After a question with a check on screen, as a follow-up, doubt or typed option."""
    world = World(tmp_path_factory.mktemp("conversation"))
    try:
        world.say("akaya", "mag ik een foto van de klas op insta zetten?")
        replies = world.say("akaya", opening + text)
        assert replies and all(reply.text.strip() for reply in replies)
    finally:
        world.store.close()
