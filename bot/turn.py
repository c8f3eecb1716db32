"""One turn of a conversation: who acts, their state, and the replies gathered."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.cases import CaseBook
from bot.messages import Answer, Incoming, Option, Reply

EXPECT_FOR = timedelta(minutes=30)


@dataclass
class Turn:
    party: str
    name: str
    incoming: Incoming
    state: dict[str, Any]
    now: datetime
    cases: CaseBook
    replies: list[Reply] = field(default_factory=list)
    prepared: dict[str, Answer] = field(default_factory=dict)  # text -> the responder's answer

    def expect(self, what: str) -> None:
        """The person's next message is `what` (context, comment), for a while."""
        self.state["await"] = what
        self.state["await_until"] = (self.now + EXPECT_FOR).isoformat()

    def stop_expecting(self) -> None:
        self.state.pop("await", None)
        self.state.pop("await_until", None)

    def expecting(self) -> str | None:
        """What the next message is expected to be; None once that has lapsed.

        A prompt left unanswered must not swallow a question asked hours later.
        """
        until = self.state.get("await_until")
        if until and datetime.fromisoformat(until) < self.now:
            self.stop_expecting()
        return self.state.get("await")

    def say(
        self,
        text: str,
        options: tuple[Option, ...] = (),
        answer: Answer | None = None,
        replaces_clicked: bool = False,
    ) -> None:
        """A reply to the acting party, in the conversation they wrote in."""
        self.replies.append(
            Reply(
                text,
                options,
                to=self.party,
                conversation=self.incoming.conversation,
                ephemeral=not self.incoming.private,
                replaces_clicked=replaces_clicked,
                answer=answer,
            )
        )

    def answer(self, answer: Answer) -> None:
        self.say(answer.text, answer.options, answer)

    def tell(self, party: str, text: str, options: tuple[Option, ...] = ()) -> None:
        """A message to another party, in their private chat."""
        self.replies.append(Reply(text, options, to=party))
