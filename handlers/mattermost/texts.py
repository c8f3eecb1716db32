"""What the Mattermost adapter itself says (the core says the rest; see bot/texts.py)."""

POINTER = "Ik heb je een privébericht gestuurd. 📬"
SORRY = "Sorry, er ging iets mis aan mijn kant. Probeer het zo nog eens."
CLICK_REFUSED = "Deze knop kan ik niet verwerken. Er is niets veranderd."
