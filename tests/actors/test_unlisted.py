"""Named armed groups the alias table does not list (unlisted.py, unlisted.tsv)."""
from __future__ import annotations

from helpers import event_at

from sitrep.actors.component import ActorsComponent
from sitrep.actors.unlisted import is_acronym, unlisted_groups


def sides(nlp, text: str, trigger: str, event_type: str = "Battles", sub_event_type: str = "Armed clash"):
    doc = nlp(text)
    doc._.event_mentions = [event_at(doc, trigger, event_type, sub_event_type)]
    ActorsComponent(nlp)(doc)
    event = doc._.event_mentions[0]
    return event.actor1, event.actor2


def test_acronyms_need_two_capitals_and_skip_listed_words():
    assert is_acronym("RPRC") and is_acronym("JaS") and is_acronym("B-18") is False
    assert not is_acronym("Taliban") and not is_acronym("IDPs") and not is_acronym("UN")


def test_acronym_with_member_word_is_a_group(blank_nlp):
    first, _ = sides(blank_nlp, "XYZF militants attacked a police post in the town.", "attacked")
    assert first.name == "XYZF" and first.inter == 2 and first.text == "XYZF militants"


def test_militiamen_make_a_political_militia(blank_nlp):
    first, _ = sides(blank_nlp, "QRZ militiamen attacked a police post in the town.", "attacked")
    assert (first.name, first.inter) == ("QRZ", 3)


def test_spelled_out_name_gives_acronym_and_full_name(blank_nlp):
    first, _ = sides(blank_nlp, "Members of the Zamunda Liberation Front (ZLF) attacked a police post.", "attacked")
    assert first.name == "ZLF: Zamunda Liberation Front" and first.inter == 2


def test_acronym_before_its_bracketed_name(blank_nlp):
    doc = blank_nlp("The ZPA (Zamundan People's Army) kidnapped farmers. ZPA denied it.")
    found = unlisted_groups(doc, set())
    assert [alias.name for *_, alias in found] == ["ZPA: Zamundan People's Army"] * 2


def test_bracketed_place_is_no_group(blank_nlp):
    # "Tripoli Airport Road (Tripoli)", "Nameless Hills (Tartar Region)": no acronym, no head word
    doc = blank_nlp("Clashes in Tripoli Airport Road (Tripoli) and near Nameless Hills (TR).")
    assert unlisted_groups(doc, set()) == []


def test_listed_names_win(blank_nlp):
    # NPA is in aliases.tsv: the table's name, not the bare acronym
    first, _ = sides(blank_nlp, "NPA militants attacked an army patrol in Samar.", "attacked")
    assert first.name == "NPA: New People's Army"


def test_capitalised_name_with_militia_word_is_a_named_militia(blank_nlp):
    first, _ = sides(blank_nlp, "Dahalo militiamen raided cattle from farmers near the river.", "raided",
                     "Riots", "Mob violence")
    doc = blank_nlp("Dahalo militiamen raided cattle from farmers near the river.")
    found = unlisted_groups(doc, set())
    assert [(alias.name, alias.inter) for *_, alias in found] == [("Dahalo Militia", 3)]


def test_place_name_with_militia_word_is_its_communal_militia(blank_nlp):
    from helpers import doc_with_ents
    doc = doc_with_ents(blank_nlp, "Lukoba fighters attacked the village.", [("Lukoba", "GPE")])
    found = unlisted_groups(doc, set())
    assert [(alias.name, alias.inter) for *_, alias in found] == [("Lukoba Communal Militia ({country})", 4)]


def test_descriptive_capitals_are_no_name(blank_nlp):
    doc = blank_nlp("Yesterday, Unknown gunmen attacked the village. Suspected militants fled.")
    assert unlisted_groups(doc, set()) == []


def test_faction_of_a_listed_group_is_that_group(blank_nlp):
    first, _ = sides(blank_nlp, "Yesterday, Raia Mutomboki-Lukoba cadres attacked the village.", "attacked")
    assert first.name.startswith("Mayi Mayi Militia (Raia Mutomboki")


def test_coded_as_renames_an_unlisted_group(blank_nlp):
    first, _ = sides(blank_nlp, "Yesterday, Hazamiyah Resistance fighters (coded as Southern Resistance) "
                                "attacked Houthi sites.", "attacked")
    assert first.name == "Southern Resistance"


def test_name_before_army_is_a_group_not_the_state(blank_nlp):
    first, _ = sides(blank_nlp, "Yesterday, the Zamunda Army attacked a police post near the river.", "attacked")
    assert (first.name, first.inter) == ("Zamunda Army", 2)


def test_country_before_army_keeps_the_states_army(blank_nlp):
    first, _ = sides(blank_nlp, "Yesterday, the Nigerian Army attacked a camp near the river.", "attacked")
    assert first.name == "Military Forces of Nigeria (2015-)"


def test_plain_words_before_army_name_no_group(blank_nlp):
    doc = blank_nlp("Yesterday, the National Army and the Popular Front met.")
    assert unlisted_groups(doc, set()) == []


def test_a_political_movement_is_a_militia_unless_it_fights_for_liberation(blank_nlp):
    doc = blank_nlp("Yesterday, the Zamunda Tahafuz Movement and the Zamunda Liberation Movement met.")
    assert [(alias.name, alias.inter) for *_, alias in unlisted_groups(doc, set())] == [
        ("Zamunda Tahafuz Movement", 3), ("Zamunda Liberation Movement", 2)]


def test_state_units_are_no_named_group(blank_nlp):
    doc = blank_nlp("Yesterday, a Special Forces fighter was killed.")
    assert unlisted_groups(doc, set()) == []


def _named(nlp, text: str) -> list[tuple[str, int]]:
    return [(alias.name, alias.inter) for *_, alias in unlisted_groups(nlp(text), set())]


def test_a_name_before_forces_or_members_is_its_group(blank_nlp):
    assert _named(blank_nlp, "Yesterday, the Southern Resistance forces shelled a village.") == [("Southern Resistance", 3)]
    assert _named(blank_nlp, "Yesterday, members of Ahrar al Sharqiyah assaulted a trader.") == [("Ahrar al Sharqiyah", 3)]
    first, _ = sides(blank_nlp, "Yesterday, Southern Resistance forces attacked a police post.", "attacked")
    assert first.name == "Southern Resistance"


def test_state_bodies_before_forces_or_after_members_of_are_no_group(blank_nlp):
    # office words (unlisted.tsv) make the name a state body or an institution
    assert _named(blank_nlp, "Yesterday, Joint Task forces and Rapid Action forces raided a house.") == []
    assert _named(blank_nlp, "Yesterday, members of the Electoral Commission were beaten.") == []
    assert _named(blank_nlp, "Yesterday, Security Belt forces raided a house.") == []
    assert _named(blank_nlp, "Yesterday, members of the Secretariat of Public Security arrested a man.") == []
    # an unlisted acronym with "forces" or "members" is as often a state's forces or agency
    assert _named(blank_nlp, "Yesterday, FARDC forces raided a house. SSPC members arrested a man.") == []
    assert _named(blank_nlp, "Yesterday, members of the SSPC arrested a man.") == []


def test_one_word_before_forces_or_a_kind_after_the_name_is_no_group(blank_nlp):
    # a leader's forces, a people the tagger missed
    assert _named(blank_nlp, "Yesterday, Hadi forces raided a house.") == []
    # "members of the Boor clan": the name says which clan
    doc = blank_nlp("Yesterday, members of the Boor clan raided a house.")
    doc[6].pos_ = "NOUN"
    assert unlisted_groups(doc, set()) == []
    assert _named(blank_nlp, "Yesterday, members of Chand-led outfit assaulted a trader.") == []


def test_places_peoples_and_persons_before_forces_name_no_group(blank_nlp):
    from helpers import doc_with_ents
    doc = doc_with_ents(blank_nlp, "Yesterday, Upper Tigray forces and Omar Bashir forces met.",
                        [("Upper Tigray", "GPE"), ("Omar Bashir", "PERSON")])
    assert unlisted_groups(doc, set()) == []
    assert _named(blank_nlp, "Yesterday, Coalition Allied forces met.") == []


def test_a_country_or_a_people_after_members_of_is_no_group(blank_nlp):
    # a country the tagger missed is the state's (demonyms.tsv); indigenous peoples are a kind
    assert _named(blank_nlp, "Yesterday, the Forces of Mozambique raided a house.") == []
    assert _named(blank_nlp, "Yesterday, members of the Yekuna Indigenous Group were beaten.") == []
