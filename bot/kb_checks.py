"""Checks across a loaded knowledge base: what one part says about another."""

from __future__ import annotations

from bot.knowledge import Entry, KnowledgeBase
from bot.normalise import Normaliser
from bot.problems import Problem


def cross_check(kb: KnowledgeBase, has_lexicon: bool) -> list[Problem]:
    """References between entries and checks, and the words entries require or exclude.

    `has_lexicon` is false for a single file checked on its own: it need not
    name the checks an entry of kind `check` will ask.
    """
    return [*_check_references(kb, has_lexicon), *_check_words(kb)]


def _where(entry: Entry) -> tuple[str, int]:
    file, line = entry.source.rsplit(":", 1)
    return file, int(line)


def _check_references(kb: KnowledgeBase, has_lexicon: bool) -> list[Problem]:
    problems = []
    for entry in kb.entries:
        file, line = _where(entry)
        for check_id in entry.checks:
            if check_id not in kb.checks:
                problems.append(
                    Problem(file, line, f"entry '{entry.id}': unknown check '{check_id}'")
                )
        if entry.kind == "check" and not (entry.checks or kb.checks) and has_lexicon:
            problems.append(Problem(file, line, f"entry '{entry.id}': kind check needs checks"))
    for check in kb.checks.values():
        if check.only_if and check.only_if[0] not in kb.checks:
            problems.append(
                Problem("checks", 0, f"check '{check.id}': only_if names unknown check")
            )
    return problems


def _check_words(kb: KnowledgeBase) -> list[Problem]:
    """Each question of an entry must hold one of its `requires` words, or the entry could
    not match its own phrasing, and none of its `excludes` words; `about` is one role word."""
    normaliser = Normaliser(kb.lexicon)
    problems = []
    for entry in kb.entries:
        file, line = _where(entry)
        for message in _question_word_problems(entry, normaliser):
            problems.append(Problem(file, line, message))
        if entry.about and len(normaliser.tokens(entry.about)) != 1:
            message = f"entry '{entry.id}': about must be one role word, not '{entry.about}'"
            problems.append(Problem(file, line, message))
    return problems


def _question_word_problems(entry: Entry, normaliser: Normaliser) -> list[str]:
    """Only entries that require or exclude words have their questions tokenised:
    tokenising every phrasing here doubled the time to load the knowledge base."""
    required = normaliser.token_set(entry.requires)
    excluded = normaliser.token_set(entry.excludes)
    if not (required or excluded):
        return []
    messages = []
    for question in entry.questions:
        tokens = normaliser.tokens(question)
        if required and required.isdisjoint(tokens):
            messages.append(
                f"entry '{entry.id}': question '{question}' has none of its required words"
            )
        if not excluded.isdisjoint(tokens):
            messages.append(f"entry '{entry.id}': question '{question}' holds an excluded word")
    return messages
