"""The conversation engine: values in, values out.

`handle(incoming)` turns what a person typed, commanded or clicked into
replies; `tick(now)` does the time-driven work (reminders, stand-ins,
expiry). Each call is one transaction: conversation state, cases and every
reply (stored in the outbox) change together or not at all. Platforms send
the replies and then call `delivered()`; `undelivered()` gives what a
crash left unsent.

Option action ids:
  topic:<entry> / topic:none   a topic picked from a clarify reply
  chk:<entry>:<answers>        a step of the publication check (see checkflow)
  esc:..., case:..., cmt:...   the escalation (see escalation)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from bot import texts, upkeep
from bot.case_clock import tick_cases
from bot.cases import CaseBook
from bot.core import Core
from bot.directory import Directory, Person
from bot.escalation import Escalations
from bot.feedback import Feedback
from bot.follow_up import read_follow_up, remember_question
from bot.found_people import FoundPeople
from bot.messages import Answer, Incoming, Option, Reply
from bot.meta import OWN_CASES, OWN_MANAGER, WAITING_CASES, show_rule
from bot.replies import escalation_offer_after_check
from bot.settings import Settings
from bot.store import Store
from bot.turn import Turn
from bot.typed_options import remember_typed_options, typed_option

Clock = Callable[[], datetime]
COMMANDS = ("help", "start", "mijn", "escalaties", "vraag", "regel", "reload")


def utc_now() -> datetime:
    return datetime.now(UTC)


class Engine:
    def __init__(
        self,
        core: Core,
        store: Store,
        directory: Directory,
        settings: Settings,
        clock: Clock = utc_now,
    ) -> None:
        self.core = core
        self.responder = core.responder
        self.store = store
        self.directory = directory
        self.settings = settings
        self.clock = clock
        self.escalations = Escalations(core.kb, directory, settings, core.responder.checks)
        self.feedback = Feedback(settings, core.responder.bands.answer)
        self.reloader: Callable[[], str] | None = None
        self.linked: Callable[[str, str], str | None] = lambda _platform, _user: None
        self._found = FoundPeople()

    def set_reachability(self, reachable: Callable[[str], bool]) -> None:
        """Tell the engine who the serving platforms can reach (default: everyone)."""
        self.escalations.reachable = reachable

    # identity

    def set_linked_accounts(self, linked: Callable[[str, str], str | None]) -> None:
        """Accounts linked to a person while running (a Telegram deep link), after the directory."""
        self.linked = linked

    def find(self, platform: str, user: str) -> Person | None:
        """The directory's `find()`, remembered until the directory is reloaded."""
        return self._found.find(self.directory, platform, user)

    def party_of(self, platform: str, user: str) -> str:
        """The directory person id, or `platform:user` for someone not in the directory."""
        person = self.find(platform, user) or self.directory.get(self.linked(platform, user) or "")
        return person.id if person is not None else f"{platform}:{user}"

    # entry points

    def handle(self, incoming: Incoming) -> list[Reply]:
        party = self.party_of(incoming.platform, incoming.user)
        now = self.clock()
        prepared = self._prepare(incoming)
        with self.store.transaction("turn") as db:
            turn = Turn(
                party,
                self.escalations.name_of(party),
                incoming,
                self.store.conversation_state(party),
                now,
                CaseBook(db),
                prepared=prepared,
            )
            self._dispatch(turn)
            remember_typed_options(turn.state, party, turn.replies, now)
            self.store.set_conversation_state(party, turn.state, now)
            return self._store_replies(turn)

    def tick(self, now: datetime | None = None) -> list[Reply]:
        now = now or self.clock()
        with self.store.transaction("tick") as db:
            turn = Turn("", "", Incoming("system", "", ""), {}, now, CaseBook(db))
            tick_cases(self.escalations, turn)
            return self._store_replies(turn)

    def undelivered(self, party: str | None = None) -> list[Reply]:
        return [Reply.from_outbox(row) for row in self.store.undelivered(party)]

    def delivered(self, replies: list[Reply]) -> None:
        ids = [r.outbox_id for r in replies if r.outbox_id is not None]
        self.store.mark_delivered(ids, self.clock())

    def remember_options(self, party: str, options: list[Option]) -> None:
        """For platforms without buttons: the numbered options last shown to a party."""
        with self.store.transaction("options"):
            state = self.store.conversation_state(party)
            state["shown_options"] = [[o.label, o.action] for o in options]
            self.store.set_conversation_state(party, state, self.clock())

    def remembered_options(self, party: str) -> list[Option]:
        shown = self.store.conversation_state(party).get("shown_options", [])
        return [Option(label, action) for label, action in shown]

    def purge(self, now: datetime | None = None) -> tuple[int, int]:
        """Delete what is past retention: closed cases, sent messages, old question logs."""
        now = now or self.clock()
        with self.store.transaction("purge-log") as db:
            upkeep.forget_expired_texts(db, now)
            upkeep.purge(db, now - self.settings.retention)
        return self.store.purge(now - self.settings.retention)

    def reload(self, core: Core, directory: Directory) -> None:
        """Swap in a new knowledge base and directory; conversations and cases stay."""
        reachable = self.escalations.reachable
        self.core, self.responder, self.directory = core, core.responder, directory
        self.escalations = Escalations(core.kb, directory, self.settings, core.responder.checks)
        self.escalations.reachable = reachable
        self.feedback = Feedback(self.settings, core.responder.bands.answer)

    def _store_replies(self, turn: Turn) -> list[Reply]:
        stored = []
        for reply in turn.replies:
            reply = replace(reply, to=reply.to or turn.party)
            outbox_id = self.store.enqueue(reply.to, reply.payload(), turn.now, reply.conversation)
            stored.append(_with_outbox_id(reply, outbox_id))
        return stored

    # dispatch

    def _dispatch(self, turn: Turn) -> None:
        incoming = turn.incoming
        if incoming.attachments:
            turn.say(texts.ATTACHMENT)
            if not incoming.text.strip():
                return
        typed = None
        if incoming.action is None and incoming.command is None:
            answers = self.responder.kb.lexicon.typed_answers
            typed = typed_option(incoming.text, turn.state, turn.now, answers)
        if incoming.action is not None or typed is not None:
            self._pick(turn, incoming.action or typed)
        elif incoming.command is not None:
            self._command(turn, incoming.command, incoming.text)
            self.escalations.remind_prompt(turn)
        elif turn.expecting() == "context":
            self.escalations.submit(turn, incoming.text)
        elif turn.expecting() == "comment":
            self.escalations.comment(turn, incoming.text)
        elif not self.escalations.typed_decision(turn, incoming.text):
            self._question(turn, incoming.text)

    def _prepare(self, incoming: Incoming) -> dict[str, Answer]:
        """The reply to typed text, worked out before the turn's transaction.

        Matching is the slow part of a turn and needs no stored state; done
        inside the transaction it would hold the database's write lock, which
        the other workers (BOT_WORKERS) wait for. Unused when the text turns
        out to answer a prompt (context, comment) instead.
        """
        if incoming.action is not None or incoming.command is not None or not incoming.text:
            return {}
        return {incoming.text: self.responder.respond(incoming.text)}

    def _question(self, turn: Turn, text: str) -> None:
        alone = turn.prepared.get(text) or self.responder.respond(text)
        if alone.request in (OWN_CASES, WAITING_CASES):
            self._command(turn, alone.request, "")
            return
        reading = read_follow_up(self.responder, text, alone, turn.state, turn.now)
        answer = reading.answer
        turn.state = {k: v for k, v in turn.state.items() if k == "shown_options"}
        if answer.action != "help":
            remember_question(turn.state, reading.question, turn.now)
        if answer.entry:
            turn.state["entry"] = answer.entry
        if answer.action == "escalate":
            answer = self.escalations.personalise_offer(turn, answer)
        elif answer.request == OWN_MANAGER:
            answer = self.escalations.name_own_manager(turn.party, answer)
        turn.answer(self.feedback.note(turn, answer, text))

    def _command(self, turn: Turn, command: str, text: str) -> None:
        if command in ("help", "start"):
            turn.answer(Answer("help", texts.HELP))
        elif command == "mijn":
            self.escalations.list_mine(turn)
        elif command == "escalaties":
            self.escalations.list_waiting(turn)
        elif command == "regel":
            turn.answer(show_rule(self.responder.kb, text.strip().upper()))
        elif command == "reload":
            self._reload(turn)
        else:
            self._question(turn, text)

    def _pick(self, turn: Turn, action: str) -> None:
        kind, _, rest = action.partition(":")
        if kind == "topic":
            self._topic(turn, rest)
        elif kind == "chk":
            self._check_step(turn, action)
        elif kind == "esc":
            self._escalation_choice(turn, rest)
        elif kind == "case":
            case_id, _, verb = rest.partition(":")
            self.escalations.act_on_case(turn, case_id, verb)
        elif kind == "fb":
            self.feedback.rated(turn, rest)
        elif kind == "cmt" and turn.expecting() == "comment":
            self.escalations.comment(turn, None)
        else:
            turn.say(texts.OPTION_EXPIRED)

    def _reload(self, turn: Turn) -> None:
        if turn.party not in self.settings.admins:
            turn.say(texts.RELOAD_NOT_ALLOWED)
        elif self.reloader is None:
            turn.say(texts.RELOAD_UNAVAILABLE)
        else:
            turn.say(self.reloader())

    def _topic(self, turn: Turn, entry_id: str) -> None:
        entry = self.core.kb.entry(entry_id)
        if entry_id == "none" or entry is None:
            text = texts.CLARIFY_NONE_REPLY if entry_id == "none" else texts.OPTION_EXPIRED
            turn.say(text)
            return
        turn.state["entry"] = entry.id
        turn.answer(self.responder.answer_entry(entry))

    def _check_step(self, turn: Turn, action: str) -> None:
        checks = self.responder.checks
        state = checks.decode(action) if action != "chk:stop" else None
        if state is None:
            turn.say(texts.CHECK_STOPPED if action == "chk:stop" else texts.OPTION_EXPIRED)
            return
        step = checks.step(state)
        if step.action != "doubt":
            turn.answer(step)
            return
        turn.state.update(entry=state.entry.id, check=action)
        offer = escalation_offer_after_check(step, state.entry)
        turn.answer(self.escalations.personalise_offer(turn, offer))

    def _escalation_choice(self, turn: Turn, rest: str) -> None:
        if rest.startswith("yes"):
            self.escalations.accept_offer(turn, rest.partition(":")[2] or "-")
        elif rest == "send" and turn.expecting() == "context":
            self.escalations.submit(turn, "")
        elif rest == "no":
            self.escalations.decline(turn)
        else:
            turn.say(texts.OPTION_EXPIRED)


def _with_outbox_id(reply: Reply, outbox_id: int) -> Reply:
    return replace(reply, outbox_id=outbox_id)
