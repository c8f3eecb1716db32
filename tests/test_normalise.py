import re

from bot.kb_loader import BUNDLED_KNOWLEDGE, load_knowledge
from bot.knowledge import Lexicon
from bot.normalise import Normaliser, stem
from bot.text import MAX_MATCH_CHARS, fold, sentences


def test_fold_strips_accents_case_punctuation_and_emoji():
    assert fold("Mag ik déze Foto's plaatsen?! 📸") == "mag ik deze fotos plaatsen"


def test_fold_joins_the_short_forms_of_mijn_zijn_and_haar():
    folded = fold("M’n filmpje en z'n foto, d'r post; zo'n ding")
    assert folded == "mn filmpje en zn foto dr post zo n ding"


def test_fold_drops_control_characters():
    assert fold("foto\x00\x07\tplaatsen\r\n") == "foto plaatsen"


def test_fold_caps_very_long_text():
    assert len(fold("a " * 100_000)) <= MAX_MATCH_CHARS


def test_stem_gives_common_forms_one_stem():
    assert stem("plaatsen") == stem("plaats")
    assert stem("leerlingen") == "leerling"
    assert stem("geplaatst") == "plaats"
    assert stem("zetten") == "zet"


def test_a_noun_of_the_participle_shape_keeps_its_stem():
    """ "gezicht" is no participle of "zich": singular and plural share one stem."""
    assert stem("gezicht") == stem("gezichten") == "gezicht"
    assert stem("geluidsfragment") == "geluidsfragment"
    assert stem("gefilmd") == "film"


def test_stem_strips_pje_only_after_an_m():
    """ "boompje" is boom + pje, but "grapje" is grap + je: its p is part of the word."""
    assert stem("boompje") == "boom"
    assert stem("grapje") == "grap" == stem("grapjes")


def test_a_plural_in_es_has_the_stem_of_its_singular_in_e():
    assert stem("vacatures") == stem("vacature")
    assert stem("stagiaires") == stem("stagiaire")


def test_stem_leaves_short_words_and_numbers():
    assert stem("klas") == "klas"
    assert stem("2024") == "2024"


def test_normaliser_maps_chat_spelling_and_drops_stop_words():
    lexicon = Lexicon(
        synonyms={"insta": "instagram", "k": "ik", "filmpje": "film"},
        stopwords=frozenset({"ik", "mag", "een", "op"}),
    )
    tokens = Normaliser(lexicon).tokens("mag k een filmpje op insta zetten")
    assert tokens == ("film", "instagram", "zet")


def test_normaliser_removes_repeated_tokens():
    tokens = Normaliser(Lexicon()).tokens("foto foto FOTO")
    assert tokens == ("foto",)


def test_the_bundled_lexicon_reads_whatsapp_verbs_as_the_app():
    normaliser = Normaliser(load_knowledge(BUNDLED_KNOWLEDGE).lexicon)
    assert normaliser.tokens("whatsappen") == normaliser.tokens("whatsapp") == ("app",)
    assert normaliser.tokens("whatsappt") == ("app",)


def test_a_phrase_is_read_as_the_one_thing_it_says():
    phrase = re.compile(r"\bniet aan (het |de )?(protocol|regels) (houd|houdt|houden)\b")
    lexicon = Lexicon(
        phrases=((phrase, "overtreding"),), stopwords=frozenset({"wat", "als", "ik", "me"})
    )
    normaliser = Normaliser(lexicon)
    assert normaliser.tokens("wat als ik me niet aan de regels houd") == ("overtreding",)
    assert normaliser.tokens("ik houd me aan de regels") == ("houd", "aan", "de", "regel")


def test_sentences_split_at_stops_marks_and_line_breaks():
    text = "Hoi! Ik ben nieuw hier.\nWat doe je allemaal? 🙂"
    assert sentences(text) == ["Hoi", "Ik ben nieuw hier", "Wat doe je allemaal"]
