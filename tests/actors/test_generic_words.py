"""Generic words whose actor depends on the report: the political opposition, and a demonym
that qualifies state forces across one descriptive word."""
from __future__ import annotations

from helpers import event_at
from spacy.tokens import Doc

from sitrep.actors.component import ActorsComponent


def two_sentences(nlp, words, heads, deps, lemmas) -> Doc:
    """A Doc parsed by hand whose two roots make two sentences."""
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas, pos=["X"] * len(words))


def run(nlp, text: str, *events: tuple[str, str, str]):
    doc = nlp(text)
    doc._.event_mentions = [event_at(doc, *spec) for spec in events]
    ActorsComponent(nlp)(doc)
    return doc


def test_political_opposition_outside_syria_is_civilians(blank_nlp):
    doc = run(blank_nlp, "Zimbabwean police detained three opposition activists in Harare.",
              ("detained", "Strategic developments", "Arrests"))
    event = doc._.event_mentions[0]
    assert event.actor1.name.startswith("Police Forces of Zimbabwe")
    assert (event.actor2.name, event.actor2.inter) == ("Civilians ({country})", 7)


def test_opposition_in_a_syria_report_is_the_armed_opposition(blank_nlp):
    doc = run(blank_nlp, "The opposition shelled Syrian army positions near Saraqib in Syria.",
              ("shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack"))
    names = [m.name for m in doc._.actor_mentions]
    assert "Opposition Rebels (Syria)" in names and not any(n.startswith("Civilians") for n in names)


def test_armed_opposition_stays_rebels_anywhere(blank_nlp):
    doc = run(blank_nlp, "Opposition fighters attacked a checkpoint in Chad.")
    assert [m.name for m in doc._.actor_mentions] == ["Rebel Group ({country})"]


def test_demonym_reaches_state_forces_across_a_modifier(blank_nlp):
    doc = run(blank_nlp, "Iranian border police fired at smugglers. Kenyan riot police arrived.")
    names = [(m.text, m.name, m.country) for m in doc._.actor_mentions]
    assert ("Iranian border police", "Police Forces of Iran (1989-)", "Iran") in names
    assert ("Kenyan riot police", "Police Forces of Kenya (2013-)", "Kenya") in names


def test_words_that_need_a_country_do_not_bridge(blank_nlp):
    # "forces" counts only beside its demonym: "police forces" stays the police of its demonym,
    # and "Turkish air drones" flown by another side name no Turkish actor
    doc = run(blank_nlp, "Malian police forces seized weapons. Turkish armed drones circled.")
    names = [m.name for m in doc._.actor_mentions]
    assert "Police Forces of Mali" in " ".join(names)
    assert not any(n.startswith("Military Forces of Mali") for n in names)
    assert not any("Turkey" in n for n in names)


def test_people_a_bomb_killed_in_the_next_sentence_are_civilians(blank_nlp):
    words = ["A", "bomb", "exploded", "in", "Jalalabad", ".", "Five", "persons", "were", "killed", "."]
    heads = [1, 2, 2, 2, 3, 2, 7, 9, 9, 9, 9]
    deps = ["det", "nsubj", "ROOT", "prep", "pobj", "punct", "nummod", "nsubjpass", "auxpass", "ROOT", "punct"]
    lemmas = ["a", "bomb", "explode", "in", "Jalalabad", ".", "five", "person", "be", "kill", "."]
    doc = two_sentences(blank_nlp, words, heads, deps, lemmas)
    doc._.event_mentions = [event_at(doc, "exploded", "Explosions/Remote violence",
                                     "Remote explosive/landmine/IED")]
    ActorsComponent(blank_nlp)(doc)
    event = doc._.event_mentions[0]
    assert event.actor1.name == "Unidentified Armed Group ({country})"
    assert event.actor2 is not None and event.actor2.name == "Civilians ({country})"


def test_a_bomb_that_hurt_nobody_has_no_second_side(blank_nlp):
    words = ["A", "bomb", "exploded", "in", "Jalalabad", ".", "Residents", "were", "not", "hurt", "."]
    heads = [1, 2, 2, 2, 3, 2, 9, 9, 9, 9, 9]
    deps = ["det", "nsubj", "ROOT", "prep", "pobj", "punct", "nsubjpass", "auxpass", "neg", "ROOT", "punct"]
    lemmas = ["a", "bomb", "explode", "in", "Jalalabad", ".", "resident", "be", "not", "spare", "."]
    doc = two_sentences(blank_nlp, words, heads, deps, lemmas)
    doc._.event_mentions = [event_at(doc, "exploded", "Explosions/Remote violence",
                                     "Remote explosive/landmine/IED")]
    ActorsComponent(blank_nlp)(doc)
    assert doc._.event_mentions[0].actor2 is None


def test_worshippers_and_bystanders_are_civilians(blank_nlp):
    doc = run(blank_nlp, "Gunmen fired on worshippers and a bystander in Kano.",
              ("fired", "Violence against civilians", "Attack"))
    assert {m.name for m in doc._.actor_mentions if m.inter == 7} == {"Civilians ({country})"}
    assert [m.text for m in doc._.actor_mentions if m.inter == 7] == ["worshippers", "bystander"]


def test_mob_fights_the_police_its_lead_sentence_says_it_attacked(blank_nlp):
    words = ["Traders", "attacked", "police", "officers", ".", "They", "threw", "stones", "."]
    heads = [1, 1, 3, 1, 1, 6, 6, 6, 6]
    deps = ["nsubj", "ROOT", "compound", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"]
    lemmas = ["trader", "attack", "police", "officer", ".", "they", "throw", "stone", "."]
    doc = two_sentences(blank_nlp, words, heads, deps, lemmas)
    doc._.event_mentions = [event_at(doc, "threw", "Riots", "Mob violence")]
    ActorsComponent(blank_nlp)(doc)
    event = doc._.event_mentions[0]
    assert event.actor1.name == "Rioters ({country})"
    assert event.actor2.name == "Police Forces of {country}"


def test_mob_victims_stay_civilians_when_the_police_only_arrested(blank_nlp):
    words = ["Police", "arrested", "a", "thief", ".", "A", "mob", "beat", "him", "."]
    heads = [1, 1, 3, 1, 1, 6, 7, 7, 7, 7]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "det", "nsubj", "ROOT", "dobj", "punct"]
    lemmas = ["police", "arrest", "a", "thief", ".", "a", "mob", "beat", "he", "."]
    doc = two_sentences(blank_nlp, words, heads, deps, lemmas)
    doc._.event_mentions = [event_at(doc, "beat", "Riots", "Mob violence")]
    ActorsComponent(blank_nlp)(doc)
    assert doc._.event_mentions[0].actor2.name == "Civilians ({country})"


def test_state_forces_killed_in_the_next_sentence_are_the_other_side_of_a_clash(blank_nlp):
    words = ["Gunmen", "shot", "the", "mayor", ".", "Two", "police", "agents", "were", "killed", "."]
    heads = [1, 1, 3, 1, 1, 7, 7, 9, 9, 9, 9]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "nummod", "compound", "nsubjpass", "auxpass", "ROOT", "punct"]
    lemmas = ["gunman", "shoot", "the", "mayor", ".", "two", "police", "agent", "be", "kill", "."]
    doc = two_sentences(blank_nlp, words, heads, deps, lemmas)
    doc._.event_mentions = [event_at(doc, "shot", "Battles", "Armed clash")]
    ActorsComponent(blank_nlp)(doc)
    event = doc._.event_mentions[0]
    assert event.actor1.name == "Unidentified Armed Group ({country})"
    assert (event.actor2.name, event.actor2.text) == ("Police Forces of {country}", "police agents")


def test_policewomen_and_constables_are_police(blank_nlp):
    doc = run(blank_nlp, "A policewoman and two constables were hurt.")
    assert [m.name for m in doc._.actor_mentions] == ["Police Forces of {country}"] * 2


def test_herders_of_a_known_group_are_its_identity_militia(blank_nlp):
    doc = run(blank_nlp, "Dinka pastoralists attacked a cattle camp. Fulani herders fought farmers.")
    assert [m.name for m in doc._.actor_mentions][:2] == ["Dinka Ethnic Militia ({country})",
                                                          "Fulani Ethnic Militia ({country})"]


def test_gang_raped_names_no_gang(blank_nlp):
    doc = run(blank_nlp, "Soldiers gang-raped two women in a village.")
    assert [m.name for m in doc._.actor_mentions] == ["Military Forces of {country}", "Civilians ({country})"]


def test_military_style_uniforms_are_no_army(blank_nlp):
    doc = run(blank_nlp, "Gunmen in military-style uniforms robbed a bank.")
    assert [m.name for m in doc._.actor_mentions] == ["Unidentified Armed Group ({country})"]


def test_demonstration_police_two_sentences_on(blank_nlp):
    doc = run(blank_nlp, "Workers blocked the highway over unpaid wages. They burnt tyres and beat a manager. "
                         "Police dispersed the crowd.", ("blocked", "Riots", "Violent demonstration"))
    assert doc._.event_mentions[0].actor2.name == "Police Forces of {country}"


def test_demonstration_police_three_sentences_on_are_no_side(blank_nlp):
    doc = run(blank_nlp, "Workers blocked the highway. They burnt tyres. A manager was beaten. "
                         "Police later opened an inquiry.", ("blocked", "Riots", "Violent demonstration"))
    assert doc._.event_mentions[0].actor2 is None
