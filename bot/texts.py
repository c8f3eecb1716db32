"""Every sentence the bot says, in one place, so the voice stays one voice."""

from __future__ import annotations

HELP = (
    "Hoi! Ik help je met het **Protocol Sociale Media** van SVO|PL. Vraag me gewoon wat je wilt "
    "weten, bijvoorbeeld:\n"
    "• Mag ik deze foto van mijn klas op Instagram zetten?\n"
    "• Een ouder reageert boos op mijn bericht, moet ik terugschrijven?\n"
    "• Wat gebeurt er als ik me niet aan het protocol houd?\n"
    "• `regel ML2` laat de tekst van een regel zien.\n"
    "Twijfel je over een publicatie? Dan leg ik je vraag voor aan je leidinggevende (regel M6)."
)

THANKS = "Graag gedaan! Heb je nog een vraag over sociale media, stel hem gerust."

ABOUT = (
    "Mijn antwoorden komen uit het **Protocol Sociale Media** van SVO|PL; bij elk antwoord noem "
    "ik de regel. Ik houd geen lijst bij van wat jij vraagt: alleen je laatste vraag onthoud ik, "
    "om je verder te helpen, en ook die wis ik na een tijd. Een vraag die je aan je "
    "leidinggevende voorlegt, bewaar ik voor die leidinggevende (of een vervanger) tot die "
    "beslist heeft, en daarna nog een tijd. In een teamkanaal ziet alleen jij mijn antwoorden."
)

NOT_CLEAR = (
    "Sorry, dan heb ik je nog niet goed geholpen. Vertel gerust wat meer over je situatie, in "
    "je eigen woorden, dan probeer ik het opnieuw. Kom je er niet uit? Vraag het je "
    "leidinggevende."
)

OPINION = (
    "Een eigen mening heb ik niet: ik ken alleen het protocol sociale media van SVO|PL. Wil je "
    "weten wat daarin staat over iets wat je wilt plaatsen of online tegenkomt? Vraag het "
    "gerust, bijvoorbeeld: mag ik een filmpje van mijn klas op TikTok zetten? Voor andere "
    "vragen kun je bij je leidinggevende terecht."
)

CASES_HINT = (
    "In de chat zie je met `/mijn` je vragen aan je leidinggevende en hoe het ermee staat. "
    "Ben je leidinggevende? Met `/escalaties` zie je wat er op je wacht."
)

OVERVIEW_INTRO = "Dit zijn de regels van het protocol:"
OVERVIEW_LINE = "• **{id}**: {gist}"
OVERVIEW_END = "Typ `regel M2` (of een andere regel) om de hele tekst te zien."

EMPTY = "Ik zie geen vraag. Typ gerust wat je wilt weten, bijvoorbeeld: mag ik deze foto plaatsen?"

FALLBACK = (
    "Daar gaat het protocol sociale media niet over, dus daar kan ik je niet goed mee helpen. "
    "Vraag het je leidinggevende, of kijk bij de gewone kanalen van je school (zoals de "
    "administratie of de ICT-helpdesk). Heb je een vraag over sociale media? Stel hem gerust!"
)

OUTSIDE = (
    "Daar gaat het protocol sociale media niet over, dus daar kan ik je niet goed mee helpen. "
    "{pointer}\n\nHeb je een vraag over sociale media? Stel hem gerust!"
)

CLARIFY = "Ik weet niet zeker wat je bedoelt. Gaat het over een van deze onderwerpen?"
CLARIFY_BROAD = (
    "Vertel me iets meer, dan help ik je verder. Gaat het over een van deze onderwerpen? "
    "Je mag je vraag ook in je eigen woorden stellen."
)
CLARIFY_NONE = "Geen van deze"
CLARIFY_NONE_REPLY = (
    "Jammer, dan begrijp ik je vraag nog niet. Probeer hem eens anders te stellen, "
    "of typ 'help' om te zien waar ik je mee kan helpen."
)

ESCALATE = (
    "Twijfel je? Dan is de afspraak: overleg met je leidinggevende voordat je iets plaatst "
    "(regel M6). Tot die tijd: niet publiceren."
)
ESCALATE_TOPIC = "Het gaat over **{title}** ({rules})."
ESCALATE_OFFER = "Zal ik je vraag voorleggen aan je leidinggevende?"
ESCALATE_YES = "Ja, leg het voor"
ESCALATE_NO = "Nee, hoeft niet"
ESCALATE_DECLINED = (
    "Prima. Bedenk wel: zolang je twijfelt, plaats je het niet (regel M6). "
    "Je kunt me altijd opnieuw vragen om het voor te leggen."
)

CHECK_INTRO = "Een paar vragen, dan weet je het."
CHECK_TOLD = "Wat je vertelt, geeft eigenlijk al het antwoord."
CHECK_YES = "Ja"
CHECK_NO = "Nee"
CHECK_DONT_KNOW = "Weet ik niet"
CHECK_STOP = "Stoppen"
CHECK_STOPPED = "Goed, dan stoppen we hier. Vraag gerust opnieuw als je wilt."
CHECK_OK = "Op basis van je antwoorden mag het. Let nog op:"
CHECK_OK_CONDITIONS = (  # (rule, condition): a check note on the same rule replaces it
    ("M1", "Maak duidelijk of je namens de school of op persoonlijke titel plaatst (regel M1)."),
    ("M5", "Je bent zelf verantwoordelijk voor wat je publiceert (regel M5)."),
    ("ML3", "Wat online staat, blijft vindbaar, ook als je het verwijdert (regel ML3)."),
)
REPORTED = (
    "Heeft iemand anders het al geplaatst? Spreek diegene er gerust op aan, of bespreek het "
    "met je leidinggevende."
)
PLACED = (
    "Staat het er al en twijfel je? Haal het dan offline en overleg met je leidinggevende "
    "(regel M6). Weet wel dat het ook na verwijderen vindbaar kan blijven (regel ML3)."
)
PLACED_RULES = ("M6", "ML3")
CHECK_DOUBT = "Weet je het niet zeker? Dan is het advies: nog niet plaatsen (regel M6)."

RULE_HEADER = "**Regel {id}** ({section}):"
RULE_UNKNOWN = "Regel {id} ken ik niet. Het protocol heeft de regels {known}."

OPTION_EXPIRED = "Die keuze is niet meer geldig. Stel je vraag gerust opnieuw."
ATTACHMENT = (
    "Ik bekijk geen foto's of bestanden en stuur ze ook niet door: beelden van leerlingen "
    "horen niet rond te gaan (regel ML2). Beschrijf in een zin wat erop staat, "
    "dan help ik je verder."
)


KNOWN_RULES = "P, M1–M7, ML1–ML3 en S1–S6"


def cite(rules: tuple[str, ...]) -> str:
    """'regel ML2' or 'regels M3 en M7'."""
    if not rules:
        return ""
    if len(rules) == 1:
        return f"regel {rules[0]}"
    return "regels " + ", ".join(rules[:-1]) + " en " + rules[-1]


def source_line(rules: tuple[str, ...]) -> str:
    return f"_Protocol Sociale Media, {cite(rules)}_"


RELOAD_NOT_ALLOWED = "Herladen mag alleen een beheerder van de bot."
RELOAD_UNAVAILABLE = "Herladen kan hier niet: de bot draait niet als dienst."
