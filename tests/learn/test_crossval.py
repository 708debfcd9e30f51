"""Choosing the learned stage's figures on dev without trusting the dev-tuned rules too much."""
from __future__ import annotations

import numpy as np
import pytest

from sitrep.learn.classifier import SubEventClassifier
from sitrep.learn.component import LearnedComponent
from sitrep.learn.crossval import PROXY_NOTES, Note, figures, one_se_choice, primary_labels, type_relabels
from sitrep.learn.model import LearnedModel
from sitrep.mentions import EventMention


def _figs(proxy: float, notes: int = 300, proxy_f1: float = 0.9) -> dict:
    return {"type_accuracy": 0.9, "sub_event_weighted_f1": 0.9, "proxy_type_accuracy": proxy,
            "proxy_sub_event_weighted_f1": proxy_f1, "proxy_notes": notes}


def test_one_se_choice_relabels_most_within_one_standard_error_of_the_best():
    results = [({}, _figs(0.90), 0), ({"t": 0.9}, _figs(0.91), 10),
               ({"t": 0.6}, _figs(0.895), 50), ({"t": 0.5}, _figs(0.85), 80)]
    # se = sqrt(0.91 * 0.09 / 300) = 0.0165: 0.895 is within, 0.85 is not
    assert one_se_choice(results) == {"t": 0.6}
    # with many more proxy notes the standard error shrinks and the best stands alone
    assert one_se_choice([(c, _figs(f["proxy_type_accuracy"], 30000), r) for c, f, r in results]) == {"t": 0.9}


def test_figures_count_the_proxy_countries_only_where_they_have_few_notes():
    big = [Note("Big", "Armed clash", "Battles", "", None)] * PROXY_NOTES
    small = [Note("Small", "Peaceful protest", "Protests", "", None)] * 2
    types = {"Armed clash": "Battles", "Peaceful protest": "Protests"}
    figs = figures(big + small, ["Armed clash"] * len(big) + ["Armed clash", "Peaceful protest"], types)
    assert figs["proxy_notes"] == 2 and figs["proxy_type_accuracy"] == pytest.approx(0.5)
    assert figs["type_accuracy"] == pytest.approx((PROXY_NOTES + 1) / (PROXY_NOTES + 2))


class _Fixed(LearnedModel):
    def __init__(self, classifier, row):
        super().__init__(None, classifier, None)
        self.row = row


def _judged(rules_probability: float, sure: float = 0.6, text: str = "", **config) -> str:
    """The primary's label after the stage, the classifier `sure` of a protest and giving the
    rules' label (an armed clash) `rules_probability`."""
    classes = ["Armed clash", "Peaceful protest", "Attack"]
    types = {"Armed clash": "Battles", "Peaceful protest": "Protests", "Attack": "Violence against civilians"}
    classifier = SubEventClassifier(classes, types, None, None, np.zeros((3, 1)), np.zeros(3))
    row = np.array([rules_probability, sure, 1.0 - sure - rules_probability])
    stage = LearnedComponent(_Fixed(classifier, row), 0.85, 0.7, 1.0, 1, **config)
    text = text or "Hundreds of teachers marched in the capital demanding unpaid salaries."
    mention = EventMention(0, 8, text[:8], 0, len(text), "Battles", "Armed clash", 0.6)
    stage._judge_primary(mention, text, row)
    return mention.sub_event_type


def test_the_default_primary_figures_trust_a_classifier_that_all_but_rules_the_rules_out():
    # within one event type (cross_type_threshold out of the way): 0.8 sure of a protest, the
    # rules' label at 0.03 (< 0.05 x 0.8): relabelled by default
    within = {"cross_type_threshold": 0.6}
    assert _judged(0.03, sure=0.8, **within) == "Peaceful protest"
    # the rules' label at 0.05 (> 0.04) stays, and so does one the classifier is under 0.8 against
    assert _judged(0.05, sure=0.8, **within) == "Armed clash"
    assert _judged(0.01, sure=0.75, **within) == "Armed clash"
    # the former defaults (0.6 sure, under 0.1 x) took the protest at 0.75
    assert _judged(0.01, sure=0.75, primary_threshold=0.6, keep_ratio=0.1, **within) == "Peaceful protest"


def test_a_primary_changes_event_type_only_when_the_classifier_is_all_but_sure():
    # the clash is a battle, the protest not: by default 0.95 is needed, not 0.6
    assert _judged(0.05) == "Armed clash"
    assert _judged(0.01, sure=0.9) == "Armed clash"
    assert _judged(0.01, sure=0.96) == "Peaceful protest"


def test_a_distinctive_cue_yields_only_to_an_all_but_certain_classifier():
    text = "Small arms fire was heard as teachers marched in the capital demanding unpaid salaries."
    assert _judged(0.01, sure=0.9, text=text) == "Armed clash"      # a cue of Armed clash
    assert _judged(0.01, sure=0.97, text=text) == "Peaceful protest"
    assert _judged(0.01, sure=0.97, text=text, cue_threshold=0.99) == "Armed clash"


def test_one_se_choice_breaks_a_flat_grid_by_sub_event_f1_not_by_sub_type_relabels():
    # every setting changes the same event types (the proxy cannot tell them apart): the one
    # whose sub-type changes help the proxy's weighted F1 wins, not the one changing most
    results = [({}, _figs(0.92, proxy_f1=0.90), 0), ({"t": 0.5}, _figs(0.92, proxy_f1=0.88), 7),
               ({"t": 0.6}, _figs(0.92, proxy_f1=0.91), 7), ({"t": 0.9}, _figs(0.92, proxy_f1=0.95), 5)]
    assert one_se_choice(results) == {"t": 0.6}


def test_relabels_count_changes_of_event_type_only():
    types = {"Armed clash": "Battles", "Government regains territory": "Battles", "Attack": "VAC",
             "NONE": "NONE"}
    rules = ["Armed clash", "Armed clash", "NONE", "Attack"]
    assert type_relabels(["Government regains territory", "Attack", "Attack", "Attack"], rules, types) == 2


def _add_path_note() -> tuple[Note, np.ndarray]:
    """A note the rules found nothing in: a sentence of ordinary news, then one the classifier
    reads as an attack; the rows are the probabilities of each sentence and of the lead."""
    text = "The minister opened a new school in the town. Gunmen shot dead a trader at the market."
    spans = [(0, 45), (46, len(text))]
    note = Note("Small", "Attack", "Violence against civilians", text, None,
                add_spans=spans, add_lead=spans, add_texts=[text[:45], text[46:], text])
    rows = np.array([[0.9, 0.05, 0.05], [0.1, 0.1, 0.8], [0.5, 0.1, 0.4]])
    return note, rows


def test_crossval_adds_as_the_stage_does_where_the_rules_found_nothing():
    classes = ["NONE", "Armed clash", "Attack"]
    types = {"NONE": "NONE", "Armed clash": "Battles", "Attack": "Violence against civilians"}
    classifier = SubEventClassifier(classes, types, None, None, np.zeros((3, 1)), np.zeros(3))
    note, rows = _add_path_note()
    # the whole note reads as no event (0.5), its second sentence as an attack (0.8): the stage
    # adds the attack, and so must the cross-validation
    stage = LearnedComponent(LearnedModel(None, classifier, None), 0.85, 0.7, 1.0, 1)
    assert [pair[0][0] for pair in stage.additions(note.add_spans, note.add_lead, rows)] == ["Attack"]
    assert primary_labels([note], [0], {0: classifier}, np.zeros((1, 3)), [rows]) == ["Attack"]
    # below the add threshold nothing is added
    assert primary_labels([note], [0], {0: classifier}, np.zeros((1, 3)), [rows], add_threshold=0.85) == ["NONE"]


def test_a_sentence_with_non_event_words_yields_a_demonstration_only():
    classes = ["NONE", "Peaceful protest", "Attack"]
    types = {"NONE": "NONE", "Peaceful protest": "Protests", "Attack": "Violence against civilians"}
    classifier = SubEventClassifier(classes, types, None, None, np.zeros((3, 1)), np.zeros(3))
    stage = LearnedComponent(LearnedModel(None, classifier, None), 0.85, 0.7, 1.0, 1)
    note, _ = _add_path_note()
    attack = np.array([[0.9, 0.05, 0.05], [0.1, 0.1, 0.8], [0.2, 0.1, 0.7]])
    protest = np.array([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.2, 0.7, 0.1]])
    second = note.add_spans[1]
    # the attack's sentence holds non-event words: neither it nor the lead around it is added
    assert stage.additions(note.add_spans, note.add_lead, attack, [second]) == []
    assert [p[0][0] for p in stage.additions(note.add_spans, note.add_lead, attack)] == ["Attack"]
    # a protest is added from the same sentence
    assert [p[0][0] for p in stage.additions(note.add_spans, note.add_lead, protest, [second])] == [
        "Peaceful protest"]
    # and crossval passes the restriction on as the stage does
    note.add_restricted = [second]
    assert primary_labels([note], [0], {0: classifier}, np.zeros((1, 3)), [attack]) == ["NONE"]
    assert primary_labels([note], [0], {0: classifier}, np.zeros((1, 3)), [protest]) == ["Peaceful protest"]
