"""Pure parts of the Telegram adapter: markup, long texts, commands."""

import pytest

from handlers.telegram.markup import pieces, to_html, to_plain
from handlers.telegram.updates import split_command, without_mention


def test_markdown_becomes_telegram_html_with_everything_else_escaped():
    text = "**Regel ML2** <script> & _Protocol Sociale Media, regel M6_ `regel M1` foto_klas_2"
    assert to_html(text) == (
        "<b>Regel ML2</b> &lt;script&gt; &amp; <i>Protocol Sociale Media, regel M6</i> "
        "<code>regel M1</code> foto_klas_2"
    )
    assert to_plain(text) == (
        "Regel ML2 <script> & Protocol Sociale Media, regel M6 regel M1 foto_klas_2"
    )


def test_long_texts_are_cut_at_line_ends_within_the_limit():
    text = "\n".join(f"regel {n}: " + "x" * 40 for n in range(300))
    parts = pieces(text, limit=1000)
    assert len(parts) > 1 and all(len(p) <= 1000 for p in parts)
    assert "\n".join(parts) == text
    assert pieces("y" * 2500, limit=1000) == ["y" * 1000, "y" * 1000, "y" * 500]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/vraag mag ik dit posten?", ("vraag", "mag ik dit posten?")),
        ("/Regel@SVOPL_protocolbot ml2", ("regel", "ml2")),
        ("/vraag\nop twee regels", ("vraag", "op twee regels")),
        ("/regel@another_bot ML2", None),
        ("/weer morgen", None),
        ("geen commando", None),
    ],
)
def test_commands_for_this_bot_are_recognised(text, expected):
    assert split_command(text, "svopl_protocolbot") == expected


def test_the_mention_is_taken_out_of_the_question():
    assert without_mention("@SVOPL_protocolbot mag dit?", "svopl_protocolbot") == "mag dit?"
