"""The sitrep_learned stage on hand-built Docs: what the rules are sure of stays, the rest is relabelled."""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from sitrep.learn import add_learned_stage
from sitrep.learn.component import USER_DATA_KEY, demonstration_types, has_cue, sentence_spans
from sitrep.mentions import EventMention, register_extensions

PROTEST = "Hundreds of teachers protested peacefully in Kano demanding unpaid salaries."


@Language.component("fake_events_for_learn_tests")
def fake_events(doc):
    """Stands in for sitrep_events: the test puts its mentions in doc.user_data first."""
    doc._.event_mentions = list(doc.user_data.pop("planned", []))
    return doc


def learned_pipeline(small_model, **config) -> Language:  # noqa: ANN001
    """A blank pipeline: sentences, the stand-in events stage, then sitrep_learned with `config`."""
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("fake_events_for_learn_tests", name="sitrep_events")
    add_learned_stage(nlp, small_model[0], **config)
    return nlp


@pytest.fixture()
def pipeline(small_model):
    # a loose threshold: the tiny model is less sure than one trained on a real export
    return learned_pipeline(small_model, relabel_threshold=0.3, primary_threshold=0.3,
                            add_threshold=0.3, cross_type_threshold=0.3)


def run(nlp, text, *planned):
    doc = nlp.make_doc(text)
    doc.user_data["planned"] = list(planned)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def mention(text, trigger, sub, event, score):
    start = text.index(trigger)
    return EventMention(start, start + len(trigger), trigger, 0, len(text), event, sub, score)


def test_stage_sits_after_events(pipeline):
    names = pipeline.pipe_names
    assert names.index("sitrep_learned") == names.index("sitrep_events") + 1
    meta = pipeline.get_pipe_meta("sitrep_learned")
    assert meta.assigns == ["doc._.event_mentions"] and meta.requires == ["doc._.event_mentions"]


def test_low_score_mention_is_relabelled(pipeline):
    doc = run(pipeline, PROTEST, mention(PROTEST, "protested", "Armed clash", "Battles", 0.6))
    (found,) = doc._.event_mentions
    assert (found.sub_event_type, found.event_type) == ("Peaceful protest", "Protests")
    assert doc.user_data[USER_DATA_KEY][0]["action"] == "relabel"


def test_distinctive_cue_is_not_overridden(pipeline):
    text = "Protesters threw a grenade at teachers who protested peacefully demanding unpaid salaries."
    doc = run(pipeline, text, mention(text, "grenade", "Grenade", "Explosions/Remote violence", 0.5))
    (found,) = doc._.event_mentions
    assert found.sub_event_type == "Grenade"
    decision = doc.user_data[USER_DATA_KEY][0]
    assert decision["action"] == "keep: distinctive cue"
    assert decision["learned"] != "Grenade" and decision["probability"] >= 0.3  # would have relabelled


def test_high_score_mention_keeps_a_label_the_classifier_does_not_rule_out(small_model):
    nlp = learned_pipeline(small_model, relabel_threshold=0.3, cue_floor=0.0)
    doc = run(nlp, PROTEST, mention(PROTEST, "protested", "Armed clash", "Battles", 1.0))
    assert doc._.event_mentions[0].sub_event_type == "Armed clash"
    decision = doc.user_data[USER_DATA_KEY][0]
    assert decision["learned"] == "Peaceful protest" and decision["action"] == "keep: distinctive cue"


def test_protected_primary_yields_when_the_classifier_rules_its_label_out(pipeline):
    doc = run(pipeline, PROTEST, mention(PROTEST, "protested", "Armed clash", "Battles", 1.0))
    assert doc._.event_mentions[0].sub_event_type == "Peaceful protest"
    decision = doc.user_data[USER_DATA_KEY][0]
    assert decision["primary"] and decision["rules_probability"] < 0.01
    assert decision["action"].startswith("relabel")


def test_primary_is_judged_in_context_others_in_their_sentence(pipeline):
    first = mention(PROTEST, "protested", "Armed clash", "Battles", 0.6)
    second = mention(PROTEST, "demanding", "Attack", "Violence against civilians", 0.6)
    doc = run(pipeline, PROTEST, first, second)
    # two mentions share the sentence: only the primary (first) one is relabelled
    assert [m.sub_event_type for m in doc._.event_mentions] == ["Peaceful protest", "Attack"]
    assert [d["action"] for d in doc.user_data[USER_DATA_KEY]] == ["relabel", "keep"]


def test_confident_classifier_adds_one_mention_when_rules_found_none(pipeline):
    text = "The weather was fine. " + PROTEST
    doc = run(pipeline, text)
    (added,) = doc._.event_mentions
    assert added.sub_event_type == "Peaceful protest" and added.event_type == "Protests"
    assert text[added.sent_start:added.sent_end].strip() == PROTEST
    assert added.sent_start <= added.start < added.end <= added.sent_end
    assert added.text == text[added.start:added.end]
    assert 0.3 <= added.score <= 1.0


def test_no_event_added_from_a_disaster_or_accident(pipeline):
    # not-an-event texts written for this test: the rules find nothing, nor may the classifier
    for text in ("A flood killed 20 people in Kano on Monday.",
                 "Hundreds of workers were injured in a bus crash near Taiz.",
                 "The earthquake destroyed houses in Mosul."):
        doc = run(pipeline, text)
        assert doc._.event_mentions == [] and doc.user_data[USER_DATA_KEY] == []


def test_nothing_added_below_threshold(small_model):
    register_extensions()
    nlp = spacy.blank("en")
    add_learned_stage(nlp, small_model[0], add_threshold=0.999)  # no events stage: goes last
    assert nlp.pipe_names == ["sitrep_learned"]
    assert nlp("The weather was fine today.")._.event_mentions == []


def test_model_dir_is_required():
    with pytest.raises(ValueError, match="model_dir"):
        spacy.blank("en").add_pipe("sitrep_learned")


def test_cues_and_sentences():
    assert has_cue("Chemical weapon", "shells loaded with chlorine")
    assert has_cue("Suicide bomb", "a suicide bomber blew himself up")
    assert has_cue("Grenade", "a hand grenade") and not has_cue("Grenade", "police fired stun grenades")
    assert has_cue("Disrupted weapons use", "troops seized a cache of weapons")
    assert has_cue("Agreement", "the two sides signed a ceasefire agreement")
    assert has_cue("Non-violent transfer of territory", "the base was handed over to the army")
    assert not has_cue("Armed clash", "grenade")
    assert not has_cue("Grenade", "police fired tear gas grenades at the crowd")
    assert has_cue("Armed clash", "the two sides exchanged fire") and has_cue("Armed clash", "small arms fire")
    assert has_cue("Government regains territory", "the army recaptured the town")
    doc = spacy.blank("en")("First one. Second one! third")
    assert [doc.text[s:e] for s, e in sentence_spans(doc)] == ["First one.", "Second one! third"]


def test_a_protected_primary_never_yields_to_a_label_below_the_primary_threshold(small_model):
    """Protection must never make a relabel easier: ruling the cue's label out is not enough when
    the classifier is less sure of its own label than an unprotected relabel would need."""
    nlp = learned_pipeline(small_model, primary_threshold=0.999, cue_floor=0.5)
    doc = run(nlp, PROTEST, mention(PROTEST, "protested", "Armed clash", "Battles", 1.0))
    decision = doc.user_data[USER_DATA_KEY][0]
    assert decision["learned"] == "Peaceful protest" and decision["probability"] < 0.999
    assert decision["rules_probability"] < 0.5
    assert doc._.event_mentions[0].sub_event_type == "Armed clash"
    assert decision["action"] == "keep: distinctive cue"


def test_no_event_added_from_a_sentence_the_rules_judged_not_an_event(pipeline):
    text = "Hundreds of teachers protested peacefully in Kano demanding unpaid salaries."
    doc = nlp_doc = pipeline.make_doc(text)
    doc.user_data["sitrep_not_events"] = [(0, len(text))]   # as the events stage writes it
    for _, component in pipeline.pipeline:
        nlp_doc = component(nlp_doc)
    assert nlp_doc._.event_mentions == [] and nlp_doc.user_data[USER_DATA_KEY] == []
    assert run(pipeline, text)._.event_mentions   # the same sentence, unjudged, is added


def _strict_across_types(small_model):
    """The stage with loose thresholds except for a relabel into another event type."""
    nlp = learned_pipeline(small_model, relabel_threshold=0.3, primary_threshold=0.3,
                           add_threshold=0.3, cross_type_threshold=0.999)
    return nlp


def test_a_primary_keeps_its_event_type_unless_the_classifier_is_all_but_sure(small_model):
    doc = run(_strict_across_types(small_model), PROTEST,
              mention(PROTEST, "protested", "Armed clash", "Battles", 0.6))
    decision = doc.user_data[USER_DATA_KEY][0]
    # the classifier reads a protest, surely enough for a relabel within one event type
    assert decision["learned"] == "Peaceful protest" and 0.3 <= decision["probability"] < 0.999
    assert decision["action"] == "keep"
    assert (doc._.event_mentions[0].sub_event_type, doc._.event_mentions[0].event_type) == (
        "Armed clash", "Battles")


def test_a_primary_is_refined_within_its_event_type_at_the_primary_threshold(small_model):
    doc = run(_strict_across_types(small_model), PROTEST,
              mention(PROTEST, "protested", "Excessive force against protesters", "Protests", 0.6))
    decision = doc.user_data[USER_DATA_KEY][0]
    assert decision["learned"] == "Peaceful protest" and decision["probability"] < 0.999
    assert decision["action"] == "relabel"
    assert doc._.event_mentions[0].sub_event_type == "Peaceful protest"


@pytest.mark.parametrize("cross_type, expected", [(0.3, "Peaceful protest"), (0.999, "Armed clash")])
def test_a_later_mention_changes_event_type_only_above_the_cross_type_threshold(small_model, cross_type,
                                                                               expected):
    nlp = learned_pipeline(small_model, relabel_threshold=0.3, primary_threshold=0.3,
                           cross_type_threshold=cross_type)
    text = "Hundreds of teachers protested peacefully in Kano. " + PROTEST
    first = mention(text, "protested", "Peaceful protest", "Protests", 0.6)
    later = text.index("protested", first.end)
    second = EventMention(later, later + 9, "protested", text.index(PROTEST), len(text),
                          "Battles", "Armed clash", 0.6)
    doc = run(nlp, text, first, second)
    decision = doc.user_data[USER_DATA_KEY][1]
    assert decision["learned"] == "Peaceful protest" and decision["probability"] >= 0.3
    assert doc._.event_mentions[1].sub_event_type == expected


def test_a_protest_about_a_disease_is_added_but_no_violence_beside_non_event_words(pipeline):
    # the non-event words (rules.json "non_events": a disease, a lockdown) keep a death from
    # being read as political violence; a demonstration about them is still a demonstration
    protest = "Hundreds of teachers protested peacefully in Kano against the coronavirus lockdown."
    (added,) = run(pipeline, protest)._.event_mentions
    assert (added.sub_event_type, added.event_type) == ("Peaceful protest", "Protests")
    clash = "Soldiers clashed with gunmen near Taiz during the coronavirus lockdown; the fighting lasted hours."
    model = pipeline.get_pipe("sitrep_learned").model
    sub, event, prob = model.classifier.choose(model.predict_proba([clash])[0], events_only=False)
    assert event == "Battles" and prob >= 0.3     # the classifier would add a battle ...
    assert run(pipeline, clash)._.event_mentions == []   # ... but not beside non-event words
    plain = "Soldiers clashed with gunmen near Taiz; the fighting lasted hours."
    assert run(pipeline, plain)._.event_mentions[0].event_type == "Battles"


def test_demonstration_types_come_from_the_data_file():
    types = demonstration_types()
    assert {"Protests", "Riots"} <= types
    assert not types & {"Battles", "Violence against civilians", "Explosions/Remote violence"}
