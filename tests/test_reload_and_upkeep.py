"""Reload keeps the old version on errors; weak answers and 👎 are recorded for upkeep."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from engine_support import World

from bot import upkeep
from bot.kb_loader import BUNDLED_KNOWLEDGE
from bot.reload import make_reloader


def with_settings(world: World, **changes) -> None:
    world.settings = replace(world.settings, **changes)
    world.restart()


def reloadable(world: World, tmp_path) -> Path:
    """A copy of the knowledge base the world reloads from; mjansen may reload."""
    knowledge = tmp_path / "kb"
    shutil.copytree(BUNDLED_KNOWLEDGE, knowledge)
    with_settings(
        world, knowledge=knowledge, directory=tmp_path / "directory.yaml", admins={"mjansen"}
    )
    world.engine.reloader = make_reloader(world.engine, world.settings)
    return knowledge


def test_reload_swaps_in_a_valid_knowledge_base(world, tmp_path):
    reloadable(world, tmp_path)
    result = world.command("mjansen", "reload")
    assert result[0].text.startswith("Herladen gelukt:")


def test_failed_reload_keeps_the_old_version_and_lists_problems(world, tmp_path):
    knowledge = reloadable(world, tmp_path)
    broken = knowledge / "entries" / "broken.yaml"
    broken.write_text("entries:\n  - id: x\n    rules: [Q9]\n", encoding="utf-8")
    result = world.command("mjansen", "reload")[0].text
    assert result.startswith("Herladen is niet gelukt; de vorige versie blijft actief.")
    assert "broken.yaml:3: entry 'x': unknown rule id 'Q9'" in result
    assert world.say("akaya", "regel ML2")[0].answer.rules == ("ML2",)


def test_only_administrators_may_reload(world):
    world.engine.reloader = lambda: "should not run"
    assert "alleen een beheerder" in world.command("akaya", "reload")[0].text


def test_fallbacks_are_recorded_without_text_by_default(world):
    world.say("akaya", "Hoe laat vertrekt de bus naar Utrecht?")
    world.say("akaya", "Hoeveel vakantiedagen heb ik nog?")  # a subject outside the protocol
    rows = world.store.db.execute("SELECT reason, entry, text FROM question_log").fetchall()
    assert [tuple(r) for r in rows] == [
        ("fallback", None, None),
        ("fallback", "buiten-personeelszaken", None),
    ]


def test_question_text_is_kept_only_when_enabled_and_expires(world):
    with_settings(world, log_question_text=True, question_text_retention=timedelta(days=1))
    world.say("akaya", "Wanneer is de kerstvakantie?")
    assert world.store.db.execute("SELECT text FROM question_log").fetchone()[0] == (
        "wanneer is de kerstvakantie"
    )
    world.clock.advance(days=2)
    world.engine.purge()
    assert world.store.db.execute("SELECT text FROM question_log").fetchone()[0] is None


def test_thumbs_down_is_recorded_and_reported(world):
    answer = world.say("akaya", "Als ik een bericht verwijder, is het dan weg?")[0]
    assert [o.label for o in answer.options][-2:] == ["👍", "👎"]
    world.click("akaya", "👎")
    weaknesses = upkeep.report(world.store.db, world.clock.now - timedelta(days=1))
    reasons = {(w.reason, w.entry) for w in weaknesses}
    assert ("thumbs-down", answer.answer.entry) in reasons
    assert "Dank je" in world.last("akaya").text


def test_report_groups_most_frequent_first(world):
    for _ in range(3):
        world.say("akaya", "Wanneer is de kerstvakantie?")
    world.say("akaya", "regels?")
    weaknesses = upkeep.report(world.store.db, world.clock.now - timedelta(days=1))
    assert weaknesses[0].reason == "fallback" and weaknesses[0].count == 3
    page = upkeep.format_html(weaknesses, 7)
    assert page.startswith("<!doctype html>") and "<td>3</td>" in page
