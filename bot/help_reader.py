"""Whether a message asks for the help: a help request, thanks, or talk about the bot.

Read before the weaker bands of matching, so that "hoi, wat kun je?" or "top, bedankt
voor het snelle antwoord" get the help rather than topics that share a word.
"""

from __future__ import annotations

from bot import texts
from bot.bands import Bands
from bot.intents import (
    asks_for_help,
    greets,
    is_small_talk,
    only_talks_to_bot,
    thanks_for_done,
    thanks_without_asking,
    without_help_request,
)
from bot.knowledge import Lexicon
from bot.matcher import Matcher
from bot.messages import Answer
from bot.text import sentences


class HelpReader:
    def __init__(self, lexicon: Lexicon, matcher: Matcher, bands: Bands) -> None:
        self.lexicon = lexicon
        self.matcher = matcher
        self.bands = bands

    def reply(self, text: str) -> Answer:
        """The help; or, for thanks that ask nothing more ("top, bedankt!"), a short
        "graag gedaan": staff thank after most answers, and the whole help each time
        is noise."""
        if thanks_without_asking(text, self.lexicon) or thanks_for_done(text):
            return Answer("help", texts.THANKS)
        return Answer("help", texts.HELP)

    def wanted(self, text: str) -> bool:
        """Help asked for, thanks, or talk about the bot only: nothing to match."""
        if self._only_help_request(text) or self._only_thanks(text) or thanks_for_done(text):
            return True
        return self._help_in_story(text) or only_talks_to_bot(text, self.lexicon)

    def _only_thanks(self, text: str) -> bool:
        """A greeting or thanks with filler words only ("dankjewel, dat was duidelijk"):
        no question, even where a filler is also a word of a topic."""
        return greets(text, self.lexicon) and is_small_talk(text, self.lexicon)

    def _only_help_request(self, text: str) -> bool:
        """A help request or thanks with nothing else but greetings and fillers: "top,
        bedankt voor het snelle antwoord"."""
        rest = without_help_request(text, self.lexicon)
        if rest is None:
            return False
        return not self.matcher.normaliser.tokens(rest) or is_small_talk(rest, self.lexicon)

    def _help_in_story(self, text: str) -> bool:
        """'Ik kreeg een link naar deze chat. Wat doe je allemaal?': the message ends
        asking what the bot does, and none of its other sentences is a question the
        bot could answer on its own. A lone "help" after a story is a cry for help
        with that story, not a question about the bot."""
        parts = sentences(text)
        if len(parts) < 2 or not asks_for_help(text, self.lexicon):
            return False
        asks = [part for part in parts if len(part.split()) > 1 and self._only_help_request(part)]
        if parts[-1] not in asks:
            return False
        return not any(self._answerable(part) for part in parts if part not in asks)

    def _answerable(self, sentence: str) -> bool:
        best = self.matcher.match(sentence).best
        return best is not None and best.entry.in_scope and best.score >= self.bands.story_topic
