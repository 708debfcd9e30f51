"""The phrase matcher of places/finder.py on hand-built Docs."""
from __future__ import annotations

from sitrep.places.finder import find_spans


def _known(*keys: str):
    return lambda asked: {k for k in asked if k in keys}


def test_a_lone_name_particle_is_no_place(blank_nlp):
    # "Al" alone is a Norwegian town (Ål) by its key, but here it is the Arabic article
    doc = blank_nlp("Aircraft hit a bus near Nasmah in Al Jabal Al Gharbi on Friday.")
    spans = find_spans(doc, _known("al", "nasmah"))
    assert [s.text for s in spans] == ["Nasmah"]


def test_a_capitalised_particle_inside_a_known_name_still_matches(blank_nlp):
    doc = blank_nlp("Shelling was reported in Al Bab on Friday.")
    spans = find_spans(doc, _known("al", "bab"))
    assert [s.text for s in spans] == ["Al Bab"]


def test_a_name_ner_cut_before_its_particle_is_taken_whole_when_known(blank_nlp):
    from helpers import doc_with_ents

    text = "Police seized a truck in Sidrolandia, Mato Grosso do Sul, on Friday."
    doc = doc_with_ents(blank_nlp, text, [("Sidrolandia", "GPE"), ("Mato Grosso", "GPE")])
    spans = find_spans(doc, _known("sidrolandia", "mato groso", "mato groso do sul"))
    assert [s.text for s in spans] == ["Sidrolandia", "Mato Grosso do Sul"]
    # a longer run the index does not know leaves NER's name as it was
    doc = doc_with_ents(blank_nlp, text, [("Sidrolandia", "GPE"), ("Mato Grosso", "GPE")])
    spans = find_spans(doc, _known("sidrolandia", "mato groso"))
    assert [s.text for s in spans] == ["Sidrolandia", "Mato Grosso"]


def test_two_entities_joined_by_a_particle_are_one_name_when_known(blank_nlp):
    from helpers import doc_with_ents

    text = "A man was shot in Port of Spain on Monday; fighting hit Syria and Iraq."
    ents = [("Port", "GPE"), ("Spain", "GPE"), ("Syria", "GPE"), ("Iraq", "GPE")]
    known = _known("port", "spain", "port of spain", "syria", "iraq")
    spans = find_spans(doc_with_ents(blank_nlp, text, ents), known)
    assert [s.text for s in spans] == ["Port of Spain", "Syria", "Iraq"]
    # unknown as one name: NER's two names stay
    spans = find_spans(doc_with_ents(blank_nlp, text, ents), _known("port", "spain", "syria", "iraq"))
    assert [s.text for s in spans] == ["Port", "Spain", "Syria", "Iraq"]


def test_a_possessive_inside_a_known_name_does_not_split_it(blank_nlp):
    from helpers import doc_with_ents

    text = "Troops of the Democratic People's Republic of Korea fired; Burma's Sagaing burned."
    ents = [("the Democratic People's Republic of Korea", "ORG"), ("Burma's Sagaing", "GPE")]
    known = _known("democratic peoples republic of korea", "republic of korea", "burma", "sagaing")
    spans = find_spans(doc_with_ents(blank_nlp, text, ents), known)
    assert [s.text for s in spans] == ["Democratic People's Republic of Korea", "Burma", "Sagaing"]
    # unknown as a whole, the name is cut at its possessive as before
    spans = find_spans(doc_with_ents(blank_nlp, text, ents), _known("republic of korea"))
    assert "Republic of Korea" in [s.text for s in spans]


def test_a_name_ner_began_at_its_article_takes_the_words_before_it_when_known(blank_nlp):
    from helpers import doc_with_ents

    text = "Villages were torched in Kuajiena county (Western Bahr el Ghazal state)."
    doc = doc_with_ents(blank_nlp, text, [("Kuajiena", "GPE"), ("el Ghazal", "GPE")])
    spans = find_spans(doc, _known("kuajiena", "ghazal", "western bahr ghazal"))
    assert [s.text for s in spans] == ["Kuajiena", "Western Bahr el Ghazal"]
    doc = doc_with_ents(blank_nlp, text, [("Kuajiena", "GPE"), ("el Ghazal", "GPE")])
    spans = find_spans(doc, _known("kuajiena", "ghazal"))  # unknown whole: NER's name stays
    assert [s.text for s in spans] == ["Kuajiena", "el Ghazal"]


def test_an_organisation_name_before_clan_is_a_people_not_a_place(blank_nlp):
    from helpers import doc_with_ents

    text = "The raiders were presumed to be of the Boor clan, from near Wau."
    doc = doc_with_ents(blank_nlp, text, [("Boor", "ORG"), ("Wau", "GPE")])
    assert [s.text for s in find_spans(doc, _known("bor", "wau"))] == ["Wau"]
    # a nationality before "militia" is a demonym and stays ("Syrian militia forces")
    text = "Turkey and allied Syrian militia forces advanced."
    doc = doc_with_ents(blank_nlp, text, [("Turkey", "GPE"), ("Syrian", "NORP")])
    assert "Syrian" in [s.text for s in find_spans(doc, _known("turkey", "syrian"))]
    # after a place word it is a place ("in the Boor area" has no people noun to stop it)
    text = "Fighting was reported in Boor village."
    doc = doc_with_ents(blank_nlp, text, [("Boor", "ORG")])
    assert [s.text for s in find_spans(doc, _known("bor"))] == ["Boor"]
