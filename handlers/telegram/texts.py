"""What the Telegram adapter itself says; everything else comes from the core (bot.texts)."""

from __future__ import annotations

COMMANDS = (
    ("start", "Begin hier: wat ik voor je kan doen"),
    ("help", "Uitleg en voorbeelden van vragen"),
    ("vraag", "Stel een vraag over het protocol sociale media"),
    ("regel", "Lees een regel van het protocol, bijvoorbeeld /regel ML2"),
    ("escalaties", "Vragen die op jouw besluit wachten"),
    ("mijn", "Jouw open vragen bij je leidinggevende"),
)

SORRY = "Er ging aan mijn kant iets mis. Probeer het zo nog eens, dan kijk ik opnieuw."

GONE_PRIVATE = "Ik heb je privé geantwoord, dan blijft het tussen ons."
START_PRIVATE_FIRST = (
    "Mijn antwoorden zijn alleen voor jou. Open eerst een chat met mij en tik op Start, "
    "dan ga ik daar met je verder."
)
OPEN_PRIVATE_CHAT = "Open chat met de protocolbot"

LINKED = (
    "Gelukt, {name}! Je Telegram-account is nu gekoppeld. Vragen die op jouw besluit "
    "wachten, krijg je voortaan hier."
)
LINK_INVALID = (
    "Deze koppellink werkt niet (meer): hij is verlopen of al gebruikt. Vraag een nieuwe "
    "link aan bij wie de bot beheert."
)
LINK_TAKEN = (
    "Dit Telegram-account hoort al bij iemand anders. Vraag wie de bot beheert om het na te kijken."
)
