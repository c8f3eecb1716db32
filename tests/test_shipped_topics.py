"""Borders between topics of the shipped knowledge base, with sentences in no labelled set."""

from __future__ import annotations

from engine_support import shared_core


def test_a_video_mocking_the_school_is_a_negative_post_about_the_school():
    answer = shared_core().responder.respond(
        "iemand zet een filmpje online waarin onze school voor gek wordt gezet, bij wie meld ik dat"
    )
    assert answer.entry == "negatief-bericht-over-school" and "M7" in answer.rules
