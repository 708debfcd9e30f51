"""The actors stage with a model directory's learned tables (aliases.tsv, states.tsv) beside
the hand tables, on hand-built Docs (spacy.blank) and a tiny hand-written model directory."""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from sitrep.actors.component import ActorsComponent
from sitrep.actors.find import matchers_for
from sitrep.actors.table import load_aliases, load_with_learned, with_regime
from sitrep.mentions import EventMention


def model_dir(tmp_path: Path, aliases: list[str], states: list[str] = ()) -> str:
    directory = tmp_path / "model"
    directory.mkdir()
    (directory / "aliases.tsv").write_text("# learned\n" + "".join(line + "\n" for line in aliases))
    (directory / "states.tsv").write_text("# learned\n" + "".join(line + "\n" for line in states))
    return str(directory)


def run(nlp: Language, text: str, directory: str | None = None, trigger: str = "attacked"):
    doc = nlp(text)
    start = text.index(trigger)
    doc._.event_mentions = [EventMention(start, start + len(trigger), trigger, 0, len(text),
                                         "Battles", "Armed clash")]
    ActorsComponent(nlp, directory)(doc)
    return doc


ZLF = ["Zorbanian Liberation Front\tZLF: Zorbanian Liberation Front\t2\tZorbania\t",
       "ZLF\tZLF: Zorbanian Liberation Front\t2\tZorbania\t"]


def test_a_learned_alias_names_the_actor_as_the_export_does(blank_nlp, tmp_path):
    text = "Zorbanian Liberation Front fighters attacked an army post."
    without = run(blank_nlp, text)
    assert "ZLF: Zorbanian Liberation Front" not in [m.name for m in without._.actor_mentions]
    doc = run(blank_nlp, text, model_dir(tmp_path, ZLF))
    zlf = next(m for m in doc._.actor_mentions if m.name == "ZLF: Zorbanian Liberation Front")
    assert zlf.inter == 2 and zlf.country == "Zorbania"
    assert doc._.event_mentions[0].actor1.name == "ZLF: Zorbanian Liberation Front"


def test_learned_acronyms_match_in_capitals_only(blank_nlp, tmp_path):
    directory = model_dir(tmp_path, ZLF)
    assert [m.text for m in run(blank_nlp, "ZLF attacked the town.", directory)._.actor_mentions] == ["ZLF"]
    assert run(blank_nlp, "zlf attacked the town.", directory)._.actor_mentions == []


def test_the_hand_row_wins_where_both_know_an_alias(tmp_path):
    directory = model_dir(tmp_path, ["army\tArmy of Someone\t3\t\t", "Kestrel Brigade\tKestrel Brigade\t3\t\t"])
    table = load_with_learned(directory)
    hand = load_aliases()
    assert table[:len(hand)] == hand
    armies = [entry for entry in table if entry.alias.lower() == "army"]
    assert [entry.name for entry in armies] == ["Military Forces of {country}"]
    kestrel = next(entry for entry in table if entry.alias == "Kestrel Brigade")
    assert kestrel.key >= len(hand)  # after every hand row: a same-words tie goes to the hand row
    assert load_with_learned(None) == hand


def test_no_learned_file_leaves_the_hand_table(tmp_path):
    assert load_with_learned(str(tmp_path)) == load_aliases()


def test_learned_regime_years_replace_the_hand_ones(blank_nlp, tmp_path):
    text = "Nigerian army troops attacked a camp."
    assert run(blank_nlp, text)._.event_mentions[0].actor1.name == "Military Forces of Nigeria (2015-)"
    directory = model_dir(tmp_path, [], ["Nigeria\t2023"])
    doc = run(blank_nlp, text, directory)
    assert doc._.event_mentions[0].actor1.name == "Military Forces of Nigeria (2023-)"
    assert [m.name for m in doc._.actor_mentions] == ["Military Forces of Nigeria (2023-)"]


def test_with_regime_touches_plain_state_names_only():
    states = {"United States": "2021", "Yemen": "2012", "Zorbania": "1999"}
    assert with_regime("Military Forces of the United States (2017-)", states) == \
        "Military Forces of the United States (2021-)"
    assert with_regime("Police Forces of Zorbania", states) == "Police Forces of Zorbania (1999-)"
    # a faction keeps the year it was learned with; other names and countries are left alone
    assert with_regime("Military Forces of Yemen (2016-) Supreme Political Council", states) == \
        "Military Forces of Yemen (2016-) Supreme Political Council"
    assert with_regime("Military Forces of Kenya (2013-)", states) == "Military Forces of Kenya (2013-)"
    assert with_regime("Protesters (Yemen)", states) == "Protesters (Yemen)"


def test_matchers_are_kept_apart_per_model_directory(blank_nlp, tmp_path):
    directory = model_dir(tmp_path, ZLF)
    plain, learned = matchers_for(blank_nlp), matchers_for(blank_nlp, directory)
    assert plain is not learned and matchers_for(blank_nlp, directory) is learned
    assert len(learned.aliases) == len(plain.aliases) + 2


def test_the_factory_takes_the_model_directory(blank_nlp, tmp_path):
    directory = model_dir(tmp_path, ZLF)
    blank_nlp.add_pipe("sitrep_actors", config={"model_dir": directory})
    assert blank_nlp.get_pipe("sitrep_actors").matchers is matchers_for(blank_nlp, directory)
    assert Language.get_factory_meta("sitrep_actors").default_config == {"model_dir": ""}


def test_extra_columns_of_a_learned_row_are_ignored(tmp_path):
    # sitrep train adds how the export bore the alias out (notes, precision) after the flags
    line = "ZLF\tZLF: Zorbanian Liberation Front\t2\tZorbania\t\t4\t0.75"
    entry = load_with_learned(model_dir(tmp_path, [line]))[-1]
    assert (entry.alias, entry.name, entry.inter, entry.country, entry.flags) == \
        ("ZLF", "ZLF: Zorbanian Liberation Front", 2, "Zorbania", frozenset())


def test_learned_regime_years_reach_names_filled_from_the_events_place():
    # "police" has no country of its own: records.py fills it from the event's place, after the
    # actors stage; the learned regime year must reach it there too, before the hand table's
    from sitrep.actors.fill import event_sides
    from sitrep.mentions import ActorMention

    police = ActorMention(0, 6, "police", "Police Forces of {country}", 1)
    mention = EventMention(7, 15, "arrested", 0, 30, "Strategic developments", "Arrests", actor1=police)
    assert event_sides(mention, "Kenya").actor1 == "Police Forces of Kenya (2013-)"
    learned = event_sides(mention, "Kenya", states={"Kenya": "2022"})
    assert learned.actor1 == "Police Forces of Kenya (2022-)"
    assert event_sides(mention, "Chad", states={"Kenya": "2022"}).actor1.startswith("Police Forces of Chad")
