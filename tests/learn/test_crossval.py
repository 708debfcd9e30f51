"""Choosing the learned stage's figures on dev without trusting the dev-tuned rules too much."""
from __future__ import annotations

import numpy as np
import pytest

from sitrep.learn.classifier import SubEventClassifier
from sitrep.learn.component import LearnedComponent
from sitrep.learn.crossval import PROXY_NOTES, Note, figures, one_se_choice
from sitrep.learn.model import LearnedModel
from sitrep.mentions import EventMention


def _figs(proxy: float, notes: int = 300) -> dict:
    return {"type_accuracy": 0.9, "sub_event_weighted_f1": 0.9, "proxy_type_accuracy": proxy,
            "proxy_notes": notes}


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
    # within one event type (cross_type_threshold out of the way): 0.6 sure of a protest, the
    # rules' label at 0.05 (< 0.1 x 0.6): relabelled by default
    within = {"cross_type_threshold": 0.6}
    assert _judged(0.05, **within) == "Peaceful protest"
    # the rules' label at 0.07 (> 0.06) stays, and so does one the classifier is under 0.6 against
    assert _judged(0.07, **within) == "Armed clash"
    assert _judged(0.01, sure=0.55, **within) == "Armed clash"
    # the former defaults (0.95 sure, under 0.02 x) kept it
    assert _judged(0.05, primary_threshold=0.95, keep_ratio=0.02, cue_floor=0.01, **within) == "Armed clash"


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
