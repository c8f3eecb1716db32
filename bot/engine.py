"""The conversation engine: values in, values out.

`handle(incoming)` turns what a person typed or clicked into replies. Option
clicks carry short action ids:

* `topic:<entry>` / `topic:none`: a topic picked from a clarify reply;
* `chk:<entry>:<answers>` / `chk:stop`: a step of the publication check;
* `esc:yes:<entry>` / `esc:no`: the answer to the escalation offer.
"""

from __future__ import annotations

from bot import texts
from bot.core import Core
from bot.messages import Answer, Incoming, Option, Reply


class Engine:
    def __init__(self, core: Core) -> None:
        self.core = core
        self.responder = core.responder

    def handle(self, incoming: Incoming) -> list[Reply]:
        if incoming.attachments:
            return [Reply(texts.ATTACHMENT)]
        if incoming.action is not None:
            answer = self.pick(incoming.action)
        else:
            answer = self.responder.respond(incoming.text)
        return [Reply(answer.text, answer.options, answer=answer)]

    def pick(self, action: str) -> Answer:
        kind, _, rest = action.partition(":")
        if kind == "topic":
            return self._topic(rest)
        if kind == "chk":
            return self._check_step(action)
        if kind == "esc":
            return self._escalation(rest)
        return Answer("info", texts.OPTION_EXPIRED)

    def _topic(self, entry_id: str) -> Answer:
        if entry_id == "none":
            return Answer("info", texts.CLARIFY_NONE_REPLY)
        entry = self.core.kb.entry(entry_id)
        if entry is None:
            return Answer("info", texts.OPTION_EXPIRED)
        return self.responder.answer_entry(entry)

    def _check_step(self, action: str) -> Answer:
        checks = self.responder.checks
        if action == "chk:stop":
            return Answer("info", texts.CHECK_STOPPED)
        state = checks.decode(action)
        if state is None:
            return Answer("info", texts.OPTION_EXPIRED)
        step = checks.step(state)
        if step.action != "doubt":
            return step
        offer = (
            Option(texts.ESCALATE_YES, f"esc:yes:{state.entry.id}"),
            Option(texts.ESCALATE_NO, "esc:no"),
        )
        text = f"{step.text}\n\n{texts.ESCALATE_OFFER}"
        return Answer("escalate", text, step.rules, state.entry.id, None, offer)

    def _escalation(self, rest: str) -> Answer:
        if rest == "no":
            return Answer("info", texts.ESCALATE_DECLINED, ("M6",))
        return Answer("info", texts.ESCALATE_MANUAL, ("M6",))
