"""What the bot says about escalation cases: to the asker and to the leidinggevende."""

from __future__ import annotations

from bot.cases import Case

OFFER_MANAGER = "Zal ik je vraag voorleggen aan {name}?"
OFFER_DEFAULT = (
    "Ik weet niet wie je leidinggevende is, of ik kan die niet bereiken. Zal ik je vraag "
    "voorleggen aan {name} (aanspreekpunt sociale media)?"
)
OFFER_NOBODY = (
    "Ik weet niet wie je leidinggevende is, en er is geen aanspreekpunt ingesteld. "
    "Neem zelf even contact op met je leidinggevende (regel M6)."
)
ASK_CONTEXT = (
    "Wil je er nog iets bij vertellen voor {name}? Typ het dan in één bericht. Of kies hieronder."
)
NO_CONTEXT = "Zonder toelichting"
CANCEL = "Toch niet"
SUBMITTED = (
    "Ik heb je vraag voorgelegd aan {name} (vraag #{id}). Je hoort het hier zodra er een "
    "besluit is. Tot die tijd: niet publiceren (regel M6)."
)
SUBMITTED_CONTEXT = "Met je toelichting: {context}"
CONTEXT_STILL_OPEN = (
    "Je vraag voor {name} ligt nog klaar. Wil je er iets bij vertellen? Typ het in één "
    "bericht, of kies hieronder."
)
OWN_MANAGER = "Je leidinggevende is **{name}**."
OWN_MANAGER_CONTACT = (
    "Wie je leidinggevende is, staat niet in mijn gegevens. Met een vraag over een publicatie "
    "kun je terecht bij {name} (aanspreekpunt sociale media)."
)
OWN_MANAGER_UNKNOWN = (
    "Wie je leidinggevende is, staat niet in mijn gegevens. Je teamleider of de administratie "
    "van je school weet het."
)
WITHDRAW = "Vraag intrekken"
NO_QUESTION = "(geen vraag meegegeven)"

TO_MANAGER = "📋 **{asker} vraagt je om een besluit** (vraag #{id})"
TO_MANAGER_QUESTION = "Vraag: {question}"
TO_MANAGER_CONTEXT = "Toelichting: {context}"
TO_MANAGER_TOPIC = "Onderwerp: {title} ({rules})"
TO_MANAGER_CHECK = "Uit de check:\n{summary}"
TO_MANAGER_ADVICE = "Tot jouw besluit is het advies: niet publiceren."
REMINDER = "⏰ Herinnering: deze vraag wacht nog op je besluit."
TO_STANDIN = "Je bent vervanger van {manager}, die nog niet heeft gereageerd."

DECISION_LABELS = {"akkoord": "Akkoord", "niet": "Niet publiceren", "bel": "Bel me eerst"}
TO_ASKER_DECISION = {
    "akkoord": "✅ {name} geeft **akkoord** op je vraag #{id}. Je mag het plaatsen. Maak duidelijk "
    "of je namens de school of op persoonlijke titel post (regel M1), en onthoud: wat online "
    "staat, blijft vindbaar (regel ML3).",
    "niet": "⛔ {name} heeft besloten over je vraag #{id}: **niet publiceren**.",
    "bel": "📞 {name} wil eerst even met je overleggen over je vraag #{id}. Tot dan: niet "
    "publiceren.",
}
TO_ASKER_COMMENT = "💬 Toelichting van {name} bij vraag #{id}: {comment}"
WHICH_CASE = "Je besluit geef je bij de vraag zelf: kies hieronder, of typ het nog eens."
DECIDED = "Vastgelegd: **{decision}** voor de vraag van {asker} (#{id}). Ik laat het {asker} weten."
ASK_COMMENT = "Wil je er een toelichting bij geven? Typ die dan nu, of kies hieronder."
NO_COMMENT = "Geen toelichting"
COMMENT_STILL_OPEN = (
    "Je kunt nog een toelichting geven bij je besluit over vraag #{id}. Typ die dan nu, of "
    "kies hieronder."
)
COMMENT_SENT = "Je toelichting is doorgegeven aan {asker}."
COMMENT_SKIPPED = "Prima, geen toelichting."

ALREADY = {
    "decided": "Over deze vraag (#{id}) is al besloten: {decision}, door {by}. Er verandert niets.",
    "withdrawn": "Deze vraag (#{id}) is al ingetrokken. Er hoeft niets meer te gebeuren.",
    "expired": "Deze vraag (#{id}) is verlopen. Er hoeft niets meer te gebeuren.",
}
NOT_YOURS = "Alleen {name} (of de vervanger) kan over vraag #{id} beslissen. Er verandert niets."
NOT_ASKER = "Alleen wie de vraag stelde, kan hem intrekken."
UNKNOWN_CASE = "Die vraag kan ik niet (meer) vinden."
WITHDRAWN = "Je vraag #{id} is ingetrokken."
WITHDRAWN_TO_MANAGER = "{asker} heeft vraag #{id} ingetrokken. Je hoeft niets meer te doen."
EXPIRED_TO_ASKER = (
    "Je vraag #{id} is verlopen zonder besluit. Plaats het dus niet; neem gerust zelf contact "
    "op met {name} (regel M6)."
)
EXPIRED_TO_MANAGER = "Vraag #{id} van {asker} is verlopen zonder besluit."

MINE_NONE = "Je hebt geen open vragen bij je leidinggevende."
MINE_HEADER = "Je open vragen:"
MINE_ITEM = "#{id} bij {name}, sinds {since}: {question}"
WAITING_NONE = "Er wacht niets op je besluit. 👍"
WAITING_HEADER = "Er {phrase} op je besluit:"


def decision_label(case: Case) -> str:
    return DECISION_LABELS.get(case.decision or "", case.decision or "")
