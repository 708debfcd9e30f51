"""The "no event" class: learned from no_event.txt, never a relabel, the gate of the add path."""
from __future__ import annotations

import numpy as np
import pytest
import spacy

from sitrep.learn import LearnedModel, add_learned_stage, train_from_acled
from sitrep.learn.classifier import NO_EVENT, SubEventClassifier
from sitrep.learn.train import no_event_sentences
from sitrep.mentions import register_extensions

# ordinary news written for this test (not in no_event.txt): nothing to add from them
ORDINARY = ("The finance ministry said inflation eased to 6 percent in April.",
            "The national football team won its qualifying match 3-0 on Saturday.")
CONFLICT = "Gunmen kidnapped a trader on the road to Kano and demanded a ransom."


def bare(classes: list[str], event_type_of: dict[str, str]) -> SubEventClassifier:
    """A classifier with no vectorizers: enough for choose(), which reads only a row."""
    return SubEventClassifier(classes, event_type_of, None, None, np.zeros((len(classes), 1)),
                              np.zeros(len(classes)))


def test_choose_leaves_no_event_out_unless_asked():
    model = bare(["Armed clash", NO_EVENT, "Peaceful protest"],
                 {"Armed clash": "Battles", NO_EVENT: NO_EVENT, "Peaceful protest": "Protests"})
    row = np.array([0.3, 0.6, 0.1])
    sub, event, prob = model.choose(row)
    assert (sub, event) == ("Armed clash", "Battles") and prob == pytest.approx(0.75)
    assert model.choose(row, events_only=False) == (NO_EVENT, NO_EVENT, pytest.approx(0.6))
    assert model.event_probabilities(row) == pytest.approx([0.75, 0.0, 0.25])


def test_choose_without_the_class_is_unchanged():
    model = bare(["Armed clash", "Peaceful protest"], {"Armed clash": "Battles", "Peaceful protest": "Protests"})
    row = np.array([0.3, 0.7])
    assert model.choose(row) == model.choose(row, events_only=False) == (
        "Peaceful protest", "Protests", pytest.approx(0.7))
    assert model.event_probabilities(row) is row


def test_the_sentences_are_read_without_comments():
    sentences = no_event_sentences()
    assert len(sentences) >= 100
    assert not any(s.startswith("#") or not s.strip() for s in sentences)


@pytest.fixture(scope="module")
def models(tmp_path_factory, csv_2020):
    """The small export learned with and without the no-event sentences (and without the rare
    reports, whose extra classes would spread the probabilities this compares)."""
    out = {}
    for flag in (True, False):
        directory = tmp_path_factory.mktemp("model") / f"no-event-{flag}"
        manifest = train_from_acled(csv_2020, directory, no_event=flag, rare_events=False)
        out[flag] = (directory, manifest)
    return out


def test_training_learns_the_class_and_says_so(models):
    directory, manifest = models[True]
    assert NO_EVENT in manifest.classifier["classes"]
    assert manifest.classifier["no_event_sentences"] == len(no_event_sentences())
    assert NO_EVENT not in models[False][1].classifier["classes"]
    # predict() answers among events only: the held-out scores stay comparable
    assert all(p[0] != NO_EVENT for p in LearnedModel.load(directory).predict(list(ORDINARY)))


def _added(directory, text: str) -> list:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    add_learned_stage(nlp, directory, add_threshold=0.2)
    return nlp(text)._.event_mentions


def test_ordinary_news_gets_no_event_only_with_the_class(models):
    for text in ORDINARY:
        assert _added(models[True][0], text) == []
    # without the class the same loose threshold adds an event to ordinary news
    assert any(_added(models[False][0], text) for text in ORDINARY)


def test_conflict_text_is_still_added_with_the_class(models):
    (added,) = _added(models[True][0], CONFLICT)
    assert added.sub_event_type == "Abduction/forced disappearance"


class ScriptedModel(LearnedModel):
    """Probabilities set by the test: a row per text, by the first key the text contains."""

    def __init__(self, classifier: SubEventClassifier, rows: dict[str, list[float]], default: list[float]):
        super().__init__(None, classifier, None)
        self.rows, self.default = rows, default

    def predict_proba(self, texts):
        return np.array([next((row for key, row in self.rows.items() if key in text), self.default)
                         for text in texts])


LEAD = "Armed men entered the village at night. They left two bodies behind."


def _stage(rows: dict[str, list[float]], **config):
    from sitrep.learn.component import LearnedComponent

    classes = ["Armed clash", "Attack", NO_EVENT]
    classifier = bare(classes, {"Armed clash": "Battles", "Attack": "Violence against civilians",
                                NO_EVENT: NO_EVENT})
    classifier.cue_words = lambda text, label, top=3: []  # no vocabulary: the whole sentence
    model = ScriptedModel(classifier, rows, default=[0.1, 0.1, 0.8])
    return LearnedComponent(model, relabel_threshold=0.85, add_threshold=0.7, protect_score=1.0,
                            max_added=1, **config)


def _doc(text: str):
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    doc._.event_mentions = []
    return doc


def test_the_lead_read_whole_adds_what_no_sentence_alone_is_sure_of():
    # each sentence alone: unsure; the two together: an attack
    rows = {"night. They left": [0.05, 0.9, 0.05], "entered": [0.45, 0.25, 0.3], "bodies": [0.2, 0.5, 0.3]}
    doc = _stage(rows)(_doc(LEAD))
    (added,) = doc._.event_mentions
    assert (added.sub_event_type, added.event_type) == ("Attack", "Violence against civilians")
    assert added.score == pytest.approx(0.9)
    # placed in the first lead sentence read alone as an attack
    assert LEAD[added.sent_start:added.sent_end].strip() == "They left two bodies behind."
    assert _stage(rows, add_from_lead=False)(_doc(LEAD))._.event_mentions == []


def test_the_lead_read_as_no_event_adds_nothing():
    rows = {"night. They left": [0.02, 0.2, 0.78], "entered": [0.45, 0.25, 0.3], "bodies": [0.2, 0.5, 0.3]}
    assert _stage(rows)(_doc(LEAD))._.event_mentions == []


def test_a_caption_or_byline_is_never_added():
    from sitrep.learn.component import reads_as_a_report

    assert not reads_as_a_report("(Zen Trinidad/PNA)")
    assert not reads_as_a_report("ISBN: International Standard Book Number.")
    assert reads_as_a_report("Gunmen shot dead a trader on the road.")
    # the classifier all but sure of an attack in both: only the report is added
    rows = {"ISBN": [0.05, 0.9, 0.05], "Gunmen": [0.05, 0.9, 0.05]}
    assert _stage(rows)(_doc("ISBN: International Standard Book Number."))._.event_mentions == []
    (added,) = _stage(rows)(_doc("Gunmen shot dead a trader on the road."))._.event_mentions
    assert added.sub_event_type == "Attack"
