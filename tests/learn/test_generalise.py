"""What helps the classifier carry over to countries it never saw: masked specifics, class
weights, and hand-written reports of the sub-event types coded notes rarely show."""
from __future__ import annotations

import pytest

from sitrep.learn import LearnedModel, train_from_acled
from sitrep.learn.classifier import SubEventClassifier, _class_weights, mask_specifics
from sitrep.learn.train import rare_event_reports


def test_numbers_and_names_inside_a_sentence_are_masked():
    text = "Police said 12 protesters were held in Mosul on 3 May. Troops left Al Qaim."
    assert mask_specifics(text) == "Police said 0 protesters were held in Name on 0 Name. Troops left Name Name."
    # the word opening a sentence keeps its spelling (it is usually no name); acronyms stay
    assert mask_specifics("Gunmen fired at an IED team.") == "Gunmen fired at an IED team."
    assert mask_specifics("Clashes in Idlib left 3 dead.", names=False) == "Clashes in Idlib left 0 dead."


def test_sqrt_class_weights_lie_between_none_and_balanced():
    labels = ["Armed clash"] * 9 + ["Agreement"]
    weights = _class_weights("sqrt", labels)
    assert weights["Agreement"] == pytest.approx((10 / 2) ** 0.5)
    assert weights["Armed clash"] == pytest.approx((10 / 18) ** 0.5)
    assert _class_weights("balanced", labels) == "balanced" and _class_weights(None, labels) is None


def test_masked_settings_survive_save_and_load(tmp_path):
    texts = ["Soldiers clashed with gunmen in Kano.", "Protesters marched in Patna.",
             "Troops fought militants near Mosul.", "Teachers rallied in Recife."] * 3
    labels = ["Armed clash", "Peaceful protest", "Armed clash", "Peaceful protest"] * 3
    types = {"Armed clash": "Battles", "Peaceful protest": "Protests"}
    model = SubEventClassifier.fit(texts, labels, types, {"mask": "names", "class_weight": "sqrt", "min_df": 1})
    assert "name" in model.word.vocabulary_ and "kano" not in model.word.vocabulary_
    model.save(tmp_path)
    loaded = SubEventClassifier.load(tmp_path)
    probe = ["Soldiers clashed with gunmen in Taiz."]
    assert loaded.predict_proba(probe) == pytest.approx(model.predict_proba(probe), abs=1e-6)
    assert loaded.predict(probe)[0][:2] == ("Armed clash", "Battles")


def test_rare_reports_name_a_sub_event_and_its_event_type():
    reports = rare_event_reports()
    assert len(reports) >= 40
    assert {"Chemical weapon", "Suicide bomb", "Agreement", "Non-violent transfer of territory"} <= {
        sub for _, sub, _ in reports}
    assert all(sentence and sub and event for sentence, sub, event in reports)


def test_training_learns_a_type_only_the_reports_show(tmp_path, csv_2020):
    with_reports = train_from_acled(csv_2020, tmp_path / "with")
    without = train_from_acled(csv_2020, tmp_path / "without", rare_events=False)
    assert "Chemical weapon" in with_reports.classifier["classes"]
    assert "Chemical weapon" not in without.classifier["classes"]
    assert with_reports.classifier["rare_event_reports"] == len(rare_event_reports())
    # written for this test, not in rare_events.tsv
    text = "Residents choked on sarin gas after shells fell on the district."
    assert LearnedModel.load(tmp_path / "with").predict([text])[0][:2] == (
        "Chemical weapon", "Explosions/Remote violence")
