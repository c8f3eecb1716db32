"""The knowledge base as plain frozen values: rules, entries, checks and lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

RULE_IDS: tuple[str, ...] = (
    "P",
    *(f"M{i}" for i in range(1, 8)),
    *(f"ML{i}" for i in range(1, 4)),
    *(f"S{i}" for i in range(1, 7)),
)

ENTRY_KINDS = ("answer", "check", "outside")
"""`outside`: a subject staff ask about that the protocol does not cover (phone rules
in class, sick leave, ...). Matching it means a fallback, with the entry's answer
saying where to go instead; it cites no rules."""
CHECK_ANSWERS = ("ja", "nee")


@dataclass(frozen=True)
class Rule:
    id: str
    section: str
    text: str
    summary: str = ""
    """A line of the knowledge base's own, for the overview of all rules."""


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    kind: str
    rules: tuple[str, ...]
    questions: tuple[str, ...]
    keywords: tuple[str, ...]
    answer: str
    checks: tuple[str, ...] = ()
    source: str = ""
    requires: tuple[str, ...] = ()
    """Words of which a question must hold one for this entry to match: an entry
    about consequences ("ontslag", "straf") is not the answer to a question
    that only describes the situation."""
    excludes: tuple[str, ...] = ()
    """Words that rule this entry out: "welke straffen krijgen leerlingen die zich niet
    aan het protocol houden" is not a question about whom the protocol applies to."""
    broad: bool = False
    """Offered when a question names no topic at all ("mag dat?"): one of the few
    subjects most questions are about."""
    about: str = ""
    """The role the entry is about (medewerker, leerling, ouder), for entries that
    differ mainly by role, like the consequences for staff, pupils and parents."""

    @property
    def in_scope(self) -> bool:
        return self.kind != "outside"


@dataclass(frozen=True)
class CheckQuestion:
    """One deciding question of the publication check.

    `only_if` names an earlier check and the answer it must have had for this
    question to be asked. `stop_on` is the answer that means "niet plaatsen";
    `note_on` is the answer that adds `note` to the conditions of a yes.
    `told` pairs an answer with a pattern over the folded question that gives
    it ("nog niet officieel bekend" answers "vertrouwelijk?" with ja).
    """

    id: str
    ask: str
    rules: tuple[str, ...]
    only_if: tuple[str, str] | None = None
    stop_on: str | None = None
    stop: str = ""
    note_on: str | None = None
    note: str = ""
    told: tuple[tuple[str, re.Pattern[str]], ...] = ()

    def told_answer(self, folded_question: str) -> str | None:
        """The answer the asker's own words already give, if any."""
        return next((a for a, p in self.told if p.search(folded_question)), None)


@dataclass(frozen=True)
class Lexicon:
    synonyms: dict[str, str] = field(default_factory=dict)
    role_words: dict[str, str] = field(default_factory=dict)
    """Words that name a role an entry can be `about` without being a synonym for it
    ("collega" is its own word for matching, but a medewerker as a role)."""
    phrases: tuple[tuple[re.Pattern[str], str], ...] = ()
    """Several words that say one thing ("zich niet aan het protocol houden"): each
    pattern's match is read as its replacement before the words are matched."""
    stopwords: frozenset[str] = frozenset()
    greetings: frozenset[str] = frozenset()
    help_patterns: tuple[re.Pattern[str], ...] = ()
    doubt_patterns: tuple[re.Pattern[str], ...] = ()
    others_doubt_patterns: tuple[re.Pattern[str], ...] = ()
    """Someone else as the one in doubt: each is tried on the text before a doubt
    pattern's match, and ends there ("mijn collega zit te | twijfelen")."""
    conditional_doubt_patterns: tuple[re.Pattern[str], ...] = ()
    """Doubt in a condition, tried like `others_doubt_patterns` ("wat doe je als je |
    niet zeker weet"): a question about what to do then, answered with rule M6."""
    request_patterns: tuple[re.Pattern[str], ...] = ()
    offtopic_patterns: tuple[re.Pattern[str], ...] = ()
    vague_patterns: tuple[re.Pattern[str], ...] = ()
    reported_patterns: tuple[re.Pattern[str], ...] = ()
    own_publication_patterns: tuple[re.Pattern[str], ...] = ()
    placed_patterns: tuple[re.Pattern[str], ...] = ()
    """The asker's own post is online already ("ik heb gisteren ... gezet"): the answer
    adds what to do now."""
    general_patterns: tuple[re.Pattern[str], ...] = ()
    about_bot_patterns: tuple[re.Pattern[str], ...] = ()
    """A question about the bot itself: where its answers come from, what it keeps."""
    overview_patterns: tuple[re.Pattern[str], ...] = ()
    """A request for all the rules at once."""
    reaction_patterns: tuple[re.Pattern[str], ...] = ()
    """A reaction to the last answer ("ik snap je antwoord niet")."""
    opinion_patterns: tuple[re.Pattern[str], ...] = ()
    """The bot's own opinion asked ("wat vind jij van tiktok?")."""
    follow_up_patterns: tuple[re.Pattern[str], ...] = ()
    """A message that follows up on the question before it ("en op facebook?",
    "geldt dat ook voor filmpjes?"): read with that question when alone it names no
    topic."""
    own_manager_patterns: tuple[re.Pattern[str], ...] = ()
    """Who the asker's leidinggevende is ("wie is mijn leidinggevende?"): the answer on
    rule M6, with the name from the directory in a chat."""
    own_cases_patterns: tuple[re.Pattern[str], ...] = ()
    """How a question put to the leidinggevende stands ("heeft mijn leidinggevende al
    gereageerd?")."""
    waiting_cases_patterns: tuple[re.Pattern[str], ...] = ()
    """What waits for a leidinggevende ("welke vragen wachten op mij?")."""
    publication_words: frozenset[str] = frozenset()
    channel_words: frozenset[str] = frozenset()
    other_matter_words: frozenset[str] = frozenset()
    compound_heads: frozenset[str] = frozenset()
    """Short listed words that also count closing a longer word ("instapost",
    "schoolkamp"), in `publication_words`, `channel_words` and `other_matter_words`."""
    not_compounds: frozenset[str] = frozenset()
    """Words that begin or end with a listed word but are no compound of it
    ("mediatheek" is a library, not a medium)."""
    posting_words: frozenset[str] = frozenset()
    """Verbs of putting something online ("delen", "posten", "zetten"): with "mag ik"
    they make a question about a post of the asker's own."""
    asker_words: frozenset[str] = frozenset()
    """How the asker names themself ("ik", "je"): a question naming no other role is
    then about a medewerker."""
    asker_role_patterns: tuple[re.Pattern[str], ...] = ()
    """The asker as the one a sanction falls on ("kan ik geschorst worden", "kreeg ik
    een berisping"): the question is about a medewerker, whatever role it names."""
    bot_talk_words: frozenset[str] = frozenset()
    """Words of talk about the bot and how to use it ("intypen", "beginmenu",
    "terugkomen"): a message of only these, greetings and fillers asks for help."""
    thanks_words: frozenset[str] = frozenset()
    """Thanks and acknowledgements ("bedankt", "top", "helder"): a help reply to a
    message with one that asks nothing more is a short "graag gedaan"."""
    typed_answers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Words typed for an option, to the option's own words, tried in order
    ("jazeker" -> "ja"; "laat maar" -> "stoppen", "toch niet")."""


@dataclass(frozen=True)
class KnowledgeBase:
    rules: dict[str, Rule]
    entries: tuple[Entry, ...]
    checks: dict[str, CheckQuestion]
    lexicon: Lexicon
    intro: str = ""

    def entry(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def entry_for_rule(self, rule_id: str) -> Entry | None:
        """The first topic that answers with this rule first."""
        return next((e for e in self.entries if e.in_scope and e.rules[:1] == (rule_id,)), None)

    def broad_entries(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.broad)

    def checks_for(self, entry: Entry) -> tuple[CheckQuestion, ...]:
        ids = entry.checks or tuple(self.checks)
        return tuple(self.checks[i] for i in ids if i in self.checks)
