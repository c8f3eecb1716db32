"""The clock of open cases: a reminder to the leidinggevende, then the stand-in, then
expiry, each once, as `Engine.tick` finds them due (times in `Settings`)."""

from __future__ import annotations

from datetime import datetime

from bot import case_texts as ct
from bot.cases import Case
from bot.escalation import Escalations
from bot.turn import Turn


def tick_cases(escalations: Escalations, turn: Turn) -> None:
    for case in turn.cases.all_open():
        _tick_case(escalations, turn, case, turn.now)


def _tick_case(escalations: Escalations, turn: Turn, case: Case, now: datetime) -> None:
    age = now - case.created_at
    settings = escalations.settings
    if age >= settings.expire_after:
        _expire(escalations, turn, case, now)
        return
    if age >= settings.standin_after and case.standin_at is None:
        standin = escalations.directory.standin_for(case.manager)
        standin_id = standin.id if standin and standin.id != case.asker else None
        turn.cases.add_standin(case, standin_id, now)
        if standin_id:
            preface = ct.TO_STANDIN.format(manager=escalations.name_of(case.manager))
            message = escalations.case_message(case, preface)
            turn.tell(standin_id, message, escalations.decision_options(case))
    if age >= settings.remind_after and case.reminded_at is None:
        turn.cases.mark_reminded(case, now)
        message = escalations.case_message(case, ct.REMINDER)
        turn.tell(case.manager, message, escalations.decision_options(case))


def _expire(escalations: Escalations, turn: Turn, case: Case, now: datetime) -> None:
    turn.cases.close(case, "expired", now)
    name = escalations.name_of(case.manager)
    turn.tell(case.asker, ct.EXPIRED_TO_ASKER.format(id=case.id, name=name))
    for decider in filter(None, (case.manager, case.standin)):
        turn.tell(decider, ct.EXPIRED_TO_MANAGER.format(id=case.id, asker=case.asker_name))
