"""Putting a doubtful question to the asker's leidinggevende, and what follows.

Option action ids:
  esc:yes:<entry|->  the asker accepts the offer; the bot asks for context
  esc:send / esc:no  send without context / do not escalate
  case:<id>:<akkoord|niet|bel|intrekken>  a decision, or the asker withdrawing
  cmt:skip           the decider gives no comment
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import case_texts as ct
from bot import texts
from bot.cases import Case, NewCase
from bot.checkflow import CheckFlow
from bot.directory import Directory
from bot.knowledge import KnowledgeBase
from bot.messages import Answer, Option
from bot.settings import Settings
from bot.text import fold
from bot.turn import Turn

DECIDE_ACTIONS = ("akkoord", "niet", "bel")
_TYPED_DECISIONS = {fold(label): verb for verb, label in ct.DECISION_LABELS.items()}
_CONTEXT_OPTIONS = (Option(ct.NO_CONTEXT, "esc:send"), Option(ct.CANCEL, "esc:no"))
_COMMENT_OPTIONS = (Option(ct.NO_COMMENT, "cmt:skip"),)


class Escalations:
    def __init__(
        self,
        kb: KnowledgeBase,
        directory: Directory,
        settings: Settings,
        checks: CheckFlow,
        reachable: Callable[[str], bool] = lambda _party: True,
    ) -> None:
        self.kb = kb
        self.directory = directory
        self.settings = settings
        self.checks = checks
        self.reachable = reachable
        self.zone = local_zone(settings.timezone)

    # who decides

    def decider_for(self, party: str) -> str | None:
        """The asker's leidinggevende, else the default contact; None when neither is known.

        Someone no platform can reach is passed over: a question must not wait
        for a manager who will never see it.
        """
        manager = self.directory.manager_of(party)
        if manager is not None and manager.id != party and self.reachable(manager.id):
            return manager.id
        contact = self._default_contact(party)
        if contact is not None and self.reachable(contact):
            return contact
        return None

    def _default_contact(self, party: str) -> str | None:
        """The default contact (settings first, then the directory), if in the directory
        and not the asker themself."""
        contact = self.settings.default_contact or self.directory.default_contact
        if contact and self.directory.get(contact) and contact != party:
            return contact
        return None

    def name_of(self, party: str) -> str:
        person = self.directory.get(party)
        if person is not None:
            return person.name
        return "een collega" if ":" in party else party

    def name_own_manager(self, party: str, answer: Answer) -> Answer:
        """The answer to "wie is mijn leidinggevende?" with who that is for this person,
        from the directory; else who to go to instead."""
        manager = self.directory.manager_of(party)
        contact = self._default_contact(party)
        if manager is not None and manager.id != party:
            line = ct.OWN_MANAGER.format(name=manager.name)
        elif contact is not None:
            line = ct.OWN_MANAGER_CONTACT.format(name=self.name_of(contact))
        else:
            line = ct.OWN_MANAGER_UNKNOWN
        return replace(answer, text=f"{line}\n\n{answer.text}")

    # the offer

    def personalise_offer(self, turn: Turn, answer: Answer) -> Answer:
        """Name who the question would go to, or say there is nobody."""
        decider = self.decider_for(turn.party)
        if decider is None:
            text = answer.text.replace(texts.ESCALATE_OFFER, ct.OFFER_NOBODY)
            return Answer(answer.action, text, answer.rules, answer.entry, answer.score)
        own_manager = self.directory.manager_of(turn.party)
        template = (
            ct.OFFER_MANAGER if own_manager and own_manager.id == decider else ct.OFFER_DEFAULT
        )
        offer = template.format(name=self.name_of(decider))
        text = answer.text.replace(texts.ESCALATE_OFFER, offer)
        return Answer(answer.action, text, answer.rules, answer.entry, answer.score, answer.options)

    def accept_offer(self, turn: Turn, entry_id: str) -> None:
        decider = self.decider_for(turn.party)
        if decider is None:
            turn.say(ct.OFFER_NOBODY)
            return
        turn.expect("context")
        if entry_id != "-":
            turn.state["entry"] = entry_id
        turn.say(ct.ASK_CONTEXT.format(name=self.name_of(decider)), _CONTEXT_OPTIONS)

    def decline(self, turn: Turn) -> None:
        _forget_draft(turn)
        turn.say(texts.ESCALATE_DECLINED)

    # the case

    def submit(self, turn: Turn, context: str) -> None:
        decider = self.decider_for(turn.party)
        if decider is None:
            _forget_draft(turn)
            turn.say(ct.OFFER_NOBODY)
            return
        entry = self.kb.entry(turn.state.get("entry") or "")
        check = self.checks.decode(turn.state.get("check", "")) if turn.state.get("check") else None
        new = NewCase(
            asker=turn.party,
            asker_name=turn.name,
            manager=decider,
            entry=entry.id if entry else None,
            rules=tuple(dict.fromkeys(("M6", *(entry.rules if entry else ())))),
            question=turn.state.get("question") or ct.NO_QUESTION,
            check_summary=self.checks.summary(check) if check else "",
            context=context.strip()[:1000],
        )
        case = turn.cases.open_case(new, turn.now)
        _forget_draft(turn)
        turn.tell(decider, self.case_message(case), self.decision_options(case))
        withdraw = (Option(ct.WITHDRAW, f"case:{case.id}:intrekken"),)
        submitted = ct.SUBMITTED.format(name=self.name_of(decider), id=case.id)
        if case.context:
            submitted += "\n" + ct.SUBMITTED_CONTEXT.format(context=case.context)
        turn.say(submitted, withdraw)

    def remind_prompt(self, turn: Turn) -> None:
        """A command answered while a prompt waits (the context for a new case, the
        comment on a decision): the prompt is asked again, so that the next message
        typed is not taken for its answer with the prompt out of sight."""
        waiting = turn.expecting()
        if waiting == "context":
            decider = self.decider_for(turn.party)
            if decider is not None:
                text = ct.CONTEXT_STILL_OPEN.format(name=self.name_of(decider))
                turn.say(text, _CONTEXT_OPTIONS)
        elif waiting == "comment":
            text = ct.COMMENT_STILL_OPEN.format(id=turn.state.get("case", "?"))
            turn.say(text, _COMMENT_OPTIONS)

    def case_message(self, case: Case, preface: str = "") -> str:
        parts = [preface] if preface else []
        parts.append(ct.TO_MANAGER.format(asker=case.asker_name, id=case.id))
        parts.append(ct.TO_MANAGER_QUESTION.format(question=case.question))
        if case.context:
            parts.append(ct.TO_MANAGER_CONTEXT.format(context=case.context))
        entry = self.kb.entry(case.entry or "")
        if entry is not None:
            parts.append(
                ct.TO_MANAGER_TOPIC.format(title=entry.title, rules=texts.cite(entry.rules))
            )
        if case.check_summary:
            parts.append(ct.TO_MANAGER_CHECK.format(summary=case.check_summary))
        parts.append(ct.TO_MANAGER_ADVICE)
        return "\n".join(parts)

    @staticmethod
    def decision_options(case: Case) -> tuple[Option, ...]:
        return tuple(Option(ct.DECISION_LABELS[d], f"case:{case.id}:{d}") for d in DECIDE_ACTIONS)

    def act_on_case(self, turn: Turn, case_id: str, verb: str) -> None:
        case = turn.cases.get(int(case_id)) if case_id.isdigit() else None
        if case is None:
            turn.say(ct.UNKNOWN_CASE)
        elif verb == "intrekken":
            self._withdraw(turn, case)
        elif verb not in DECIDE_ACTIONS:
            turn.say(texts.OPTION_EXPIRED)
        elif not case.may_decide(turn.party):
            turn.say(ct.NOT_YOURS.format(name=self.name_of(case.manager), id=case.id))
        elif not case.is_open:
            turn.say(self._already(case), replaces_clicked=True)
        else:
            self._decide(turn, case, verb)

    def typed_decision(self, turn: Turn, text: str) -> bool:
        """A decision ("akkoord") typed by someone a question waits for: the waiting
        questions are shown with their buttons, to choose by a click or by typing the
        decision again.
        Not decided at once: "akkoord" may also be a reply to the bot's last answer.
        False when the text is no decision or nothing waits for this person."""
        if fold(text) not in _TYPED_DECISIONS or not turn.cases.waiting_for(turn.party):
            return False
        turn.say(ct.WHICH_CASE)
        self.list_waiting(turn)
        return True

    def _already(self, case: Case) -> str:
        template = ct.ALREADY.get(case.status, ct.ALREADY["expired"])
        by = self.name_of(case.decided_by or "")
        return template.format(id=case.id, decision=ct.decision_label(case), by=by)

    def _decide(self, turn: Turn, case: Case, decision: str) -> None:
        case = turn.cases.decide(case, decision, turn.party, turn.now)
        name = self.name_of(turn.party)
        turn.tell(case.asker, ct.TO_ASKER_DECISION[decision].format(name=name, id=case.id))
        other = case.standin if turn.party == case.manager else case.manager
        label = ct.decision_label(case)
        if other:
            turn.tell(other, ct.ALREADY["decided"].format(id=case.id, decision=label, by=name))
        turn.say(
            ct.DECIDED.format(decision=label, asker=case.asker_name, id=case.id),
            replaces_clicked=True,
        )
        turn.expect("comment")
        turn.state["case"] = case.id
        turn.say(ct.ASK_COMMENT, _COMMENT_OPTIONS)

    def _withdraw(self, turn: Turn, case: Case) -> None:
        if case.asker != turn.party:
            turn.say(ct.NOT_ASKER)
            return
        if not case.is_open:
            turn.say(self._already(case))
            return
        case = turn.cases.close(case, "withdrawn", turn.now)
        for decider in filter(None, (case.manager, case.standin)):
            turn.tell(decider, ct.WITHDRAWN_TO_MANAGER.format(asker=case.asker_name, id=case.id))
        turn.say(ct.WITHDRAWN.format(id=case.id), replaces_clicked=True)

    def comment(self, turn: Turn, text: str | None) -> None:
        case = turn.cases.get(int(turn.state.pop("case", 0)))
        turn.stop_expecting()
        if case is None or text is None or not text.strip():
            turn.say(ct.COMMENT_SKIPPED)
            return
        comment = text.strip()[:1000]
        turn.cases.add_comment(case, comment)
        name = self.name_of(turn.party)
        turn.tell(case.asker, ct.TO_ASKER_COMMENT.format(name=name, id=case.id, comment=comment))
        turn.say(ct.COMMENT_SENT.format(asker=case.asker_name))

    # lists

    def list_mine(self, turn: Turn) -> None:
        cases = turn.cases.asked_by(turn.party)
        if not cases:
            turn.say(ct.MINE_NONE)
            return
        turn.say(ct.MINE_HEADER)
        for case in cases:
            line = ct.MINE_ITEM.format(
                id=case.id,
                name=self.name_of(case.manager),
                since=case.created_at.astimezone(self.zone).strftime("%d-%m %H:%M"),
                question=case.question,
            )
            turn.say(line, (Option(ct.WITHDRAW, f"case:{case.id}:intrekken"),))

    def list_waiting(self, turn: Turn) -> None:
        cases = turn.cases.waiting_for(turn.party)
        if not cases:
            turn.say(ct.WAITING_NONE)
            return
        phrase = "wacht 1 vraag" if len(cases) == 1 else f"wachten {len(cases)} vragen"
        turn.say(ct.WAITING_HEADER.format(phrase=phrase))
        for case in cases:
            turn.say(self.case_message(case), self.decision_options(case))


def local_zone(name: str) -> tzinfo:
    """The school's time zone for display; UTC when the system lacks zone data."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _forget_draft(turn: Turn) -> None:
    turn.stop_expecting()
    for key in ("entry", "check"):
        turn.state.pop(key, None)
