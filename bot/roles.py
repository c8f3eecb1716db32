"""Which role a question is about: medewerker, leerling or ouder.

Entries that differ mainly by role (the consequences for staff, pupils and
parents) say so with `about`; the matcher weighs an entry down when the
question is about another role.
"""

from __future__ import annotations

from bot.intents import asker_is_sanctioned, speaks_of_asker
from bot.knowledge import KnowledgeBase, Lexicon
from bot.normalise import Normaliser
from bot.vocabulary import QueryWord

ASKER_ROLE = "medewerker"  # who asks this bot: the role "ik" and "je" name
MIN_CLOSING_ROLE = 5
"""A role word closes a compound from five letters ("mentorleerling", "pleegouder")."""


class Roles:
    def __init__(self, kb: KnowledgeBase, normaliser: Normaliser, roles: frozenset[str]) -> None:
        """`roles`: the roles entries are `about`, as tokens."""
        self._lexicon: Lexicon = kb.lexicon
        self._role_of = _role_words(kb, normaliser, roles)

    def of_question(self, text: str, query: list[QueryWord]) -> frozenset[str]:
        """The asker's role when a sanction falls on the asker; else the role the
        question names first, or else the asker's."""
        if ASKER_ROLE in self._role_of and asker_is_sanctioned(text, self._lexicon):
            return frozenset({ASKER_ROLE})
        return self._first_role(query) or self._asker_role(text)

    def of_word(self, token: str) -> str | None:
        """The role one normalised word names ("vader" is read as "ouder"), if exactly one."""
        if token in self._role_of:
            return self._role_of[token]
        closing = self._closing_role(token)
        return next(iter(closing)) if len(closing) == 1 else None

    def _first_role(self, query: list[QueryWord]) -> frozenset[str]:
        """The role named first is the one the question is about: in "welke straf krijgt
        een leerling die een docent filmt" the docent is only part of the story."""
        for word in query:
            named = {self._role_of[w] for w in (word.token, *word.matches) if w in self._role_of}
            named = named or self._closing_role(word.token)
            if named:
                return frozenset(named)
        return frozenset()

    def _closing_role(self, token: str) -> set[str]:
        """The role of a compound a role word closes: a "mentorleerling" is a leerling."""
        return {
            role
            for word, role in self._role_of.items()
            if len(word) >= MIN_CLOSING_ROLE and len(token) > len(word) and token.endswith(word)
        }

    def _asker_role(self, text: str) -> frozenset[str]:
        """A question that names no role but speaks of "ik" or "je" is about the asker:
        staff ask, so "kan ik geschorst worden" is about suspending a medewerker."""
        if ASKER_ROLE in self._role_of and speaks_of_asker(text, self._lexicon):
            return frozenset({ASKER_ROLE})
        return frozenset()


def _role_words(kb: KnowledgeBase, normaliser: Normaliser, roles: frozenset[str]) -> dict[str, str]:
    """Each word that names a role entries are `about`: the role itself, and the
    lexicon's `role_words` for it."""
    role_of = {role: role for role in roles}
    for word, role in kb.lexicon.role_words.items():
        tokens, target = normaliser.tokens(word), " ".join(normaliser.tokens(role))
        if len(tokens) == 1 and target in roles:
            role_of[tokens[0]] = target
    return role_of
