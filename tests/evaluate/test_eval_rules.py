"""The tricky rules of shared/gold/README.md, one at a time."""
from __future__ import annotations

import pytest

from sitrep.evaluate import distance_km, pair_events, pair_score, same_actor, same_place
from sitrep.evaluate.compare import place_key
from sitrep.evaluate.score import score_events, score_toponyms, weighted_f1
from sitrep.model import Event, Toponym

BATTLE = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2020-05-01",
          "location": "Sirwah", "latitude": 15.45, "longitude": 45.0,
          "actor1": "Military Forces of Yemen (2016-) Supreme Political Council", "actor2": None}


def event(**fields) -> Event:
    base = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    return Event(**{**base, **fields})


@pytest.mark.parametrize("a, b", [
    ("Al-Baghaliyeh", "Baghaliyeh"), ("al Jawf", "Jawf"), ("Ash-Sharqiyah", "Sharqiyah"),
    ("Deir ez-Zor Governorate", "Deir ez-Zor"), ("Marib Governorate", "Ma'rib"),
    ("Paletwa town", "Paletwa"), ("Chin state", "Chin"), ("Muhafazat Halab", "Halab"),
    ("Bghailiye", "Baghailiye"), ("São Paulo", "Sao Paulo"), ("El Fasher", "Fasher"),
])
def test_same_place(a, b):
    assert same_place(a, b)


@pytest.mark.parametrize("a, b", [
    ("Aleppo", "Idlib"), ("", ""), (None, None), ("Governorate", "Governorate"), ("Al-", "Al-"),
    ("Kabul", None),
])
def test_not_same_place(a, b):
    assert not same_place(a, b)


def test_article_only_at_word_start_and_before_hyphen_or_space():
    assert place_key("Alamein") == "alamein"  # no "-" or space after "al"
    assert place_key("Basra") == "basra"  # "as" inside a word stays
    assert place_key("Ras al-Ain") == "rasain"
    assert place_key("Tel al-Abyad District") == "telabyad"
    assert place_key("an-Nabk") == "nabk"


def test_place_ratio_threshold():
    # ratio >= 0.85 matches; a one-letter difference in a short name does not
    assert same_place("Baghaliyeh", "Bghaliyeh")
    assert not same_place("Homs", "Hama")


def test_same_actor_drops_brackets_and_stopwords():
    assert same_actor("Military Forces of Syria (2000-)", "the military of syria")
    assert same_actor("Protesters (Israel)", "Protesters (India)")  # brackets dropped: same words
    assert same_actor("Islamic State (Syria)", "ISLAMIC STATE")
    assert same_actor("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Boko Haram")
    assert not same_actor("Military Forces of Syria", "Military Forces of Russia")
    # {police, mexico} vs {mexico, teachers, union}: 1 shared of min(2, 3) = 0.5 < 0.6
    assert not same_actor("Police Forces of Mexico", "Mexico Teachers Union")
    # empty word sets never match, not even each other
    assert not same_actor("Militia (Pro-Government)", "Militia (Pro-Government)")
    assert not same_actor(None, "Taliban")


def test_distance_uses_the_readme_diameter():
    # a quarter of the meridian: pi/2 * 6371 km
    assert distance_km(0, 0, 90, 0) == pytest.approx(3.141592653589793 / 2 * 6371.0)
    assert distance_km(15, 45, 15, 45) == 0


def test_pair_score_parts():
    p = event(event_date="2020-05-01", latitude=15.45, longitude=45.3, actor1="Supreme Political Council")
    assert pair_score(BATTLE, p) == 2 + 1 + 1 + 1 + 0.5  # 0.3 degrees of longitude ~ 32 km
    far = event(latitude=15.45, longitude=46.0)  # ~107 km, and no name fallback with coordinates
    assert pair_score(BATTLE, far.model_copy(update={"location": "Sirwah"})) == 3
    named = event(location="Al-Sirwah")  # p has no coordinates: the names decide
    assert pair_score(BATTLE, named) == 4
    assert pair_score(BATTLE, event(event_type="Protests", sub_event_type="Peaceful protest")) == -1


def test_gold_without_event_type_never_scores_minus_one():
    ucdp = {"event_date": "2022-05-26", "location": "Paletwa town", "actor1": "Government of Myanmar (Burma)"}
    assert pair_score(ucdp, event(event_type="Protests", sub_event_type="Peaceful protest")) == 0
    report = score_events([({"events": [ucdp]}, [event(event_type="Riots", sub_event_type="Mob violence")])])
    assert report.n_pairs == 1  # score 0 is not negative: it pairs


def test_negative_scores_never_pair():
    report = score_events([({"events": [BATTLE]}, [event(event_type="Protests", sub_event_type="Peaceful protest")])])
    figures = report.figures()
    assert report.n_pairs == 0 and figures["event_precision"] == 0 and figures["event_recall"] == 0
    assert figures["detect_recall"] == 1.0  # detection only asks whether anything was extracted


def test_greedy_pairing_highest_score_first():
    g0 = {**BATTLE, "event_date": "2020-05-01"}
    g1 = {**BATTLE, "event_date": "2020-05-02"}
    p0 = event(event_date="2020-05-02")  # fits g1 better
    p1 = event(event_date="2020-05-01")
    assert pair_events([g0, g1], [p0, p1]) == [(0, 1), (1, 0)]


def test_ties_lower_gold_then_lower_extracted_index():
    g = {"event_type": "Battles"}
    assert pair_events([g, g], [event(), event()]) == [(0, 0), (1, 1)]
    # one extracted, two equal gold: the lower gold index takes it
    assert pair_events([g, g], [event()]) == [(0, 0)]
    # one gold, two equal extracted: the lower extracted index
    assert pair_events([g], [event(), event()]) == [(0, 0)]


def test_fields_counted_only_where_gold_has_them():
    gold = {"event_type": "Battles", "actor1": "Taliban", "fatalities_low": 2, "fatalities_high": 5}
    report = score_events([({"events": [gold]}, [event(actor1="Taliban", fatalities=3)])])
    counts = {k: n for k, (_, n) in report.figures()["fields_on_matched"].items()}
    assert counts["fatalities_in_low_high"] == 1 and counts["fatalities_exact"] == 0
    assert counts["event_date"] == 0 and counts["location_25km"] == 0 and counts["location_name"] == 0
    assert report.figures()["fields_on_matched"]["fatalities_in_low_high"][0] == 1.0


def test_location_fields_by_gold_coordinates():
    report = score_events([({"events": [BATTLE]}, [event(location="Sirwah")])])
    fields = report.figures()["fields_on_matched"]
    assert fields["location_161km"] == [0.0, 1]  # p without coordinates is a miss
    assert fields["location_name"] == [0.0, 0]  # not scored where gold has coordinates


def test_actors_any_order():
    gold = {"event_type": "Battles", "actor1": "Taliban", "actor2": "Military Forces of Afghanistan"}
    swapped = event(actor1="Military Forces of Afghanistan (2014-)", actor2="Taliban")
    fields = score_events([({"events": [gold]}, [swapped])]).figures()["fields_on_matched"]
    assert fields["actor1"] == [0.0, 1] and fields["actors_any_order"] == [1.0, 1]


def test_primary_sub_event_uses_first_extracted_and_none():
    one = lambda sub: {"events": [{"event_type": "Battles", "sub_event_type": sub}]}  # noqa: E731
    report = score_events([
        (one("Armed clash"), [event(), event(sub_event_type="Government regains territory")]),
        (one("Armed clash"), []),
        (one("Government regains territory"), [event()]),
        ({"events": [BATTLE, BATTLE]}, [event()]),  # two gold events: not a primary case
    ])
    assert report.primary_gold == ["Armed clash", "Armed clash", "Government regains territory"]
    assert report.primary_pred == ["Armed clash", "NONE", "Armed clash"]
    figures = report.figures()
    assert figures["primary_sub_event_accuracy"] == pytest.approx(1 / 3)
    # Armed clash: P 1/2, R 1/2, F1 1/2, support 2; Gov. regains: F1 0, support 1
    assert figures["primary_sub_event_weighted_f1"] == pytest.approx(2 / 3 * 0.5)


def test_weighted_f1_matches_sklearn():
    sklearn = pytest.importorskip("sklearn.metrics")
    gold = ["a", "a", "b", "c", "c", "c"]
    pred = ["a", "NONE", "a", "c", "b", "c"]
    assert weighted_f1(gold, pred) == pytest.approx(
        sklearn.f1_score(gold, pred, average="weighted", labels=sorted(set(gold)), zero_division=0))


def test_toponym_overlap_start_inclusive_end_exclusive():
    record = {"toponyms": [{"start": 10, "end": 15, "text": "Aleppo", "latitude": 36.2, "longitude": 37.15}]}

    def figures(*spans, xy=(36.2, 37.15)):
        return score_toponyms([(record, [Toponym(start=s, end=e, text="x", latitude=xy[0], longitude=xy[1])
                                         for s, e in spans])]).figures()

    assert figures((15, 20))["recall"] == 0  # starts at gold end: outside
    assert figures((5, 10))["recall"] == 0  # ends at gold start: outside
    assert figures((14, 20))["recall"] == 1
    assert figures((5, 11))["recall"] == 1
    assert figures((5, 11), (15, 20))["precision"] == 0.5
    assert figures((10, 15), xy=(None, None))["recall"] == 0  # no coordinates: not found
    assert figures((10, 15), xy=(None, None))["precision"] == 1  # but it overlaps


def test_first_overlapping_toponym_in_output_order_gives_the_error():
    record = {"toponyms": [{"start": 0, "end": 6, "text": "Aleppo", "latitude": 36.2, "longitude": 37.15}]}
    far = Toponym(start=0, end=6, text="Aleppo", latitude=0.0, longitude=0.0)
    near = Toponym(start=0, end=6, text="Aleppo", latitude=36.2, longitude=37.15)
    figures = score_toponyms([(record, [far, near])]).figures()
    assert figures["acc161_of_gold"] == 0 and figures["recall"] == 1
    assert figures["median_error_km"] > 4000
    figures = score_toponyms([(record, [near, far])]).figures()
    assert figures["acc161_of_detected"] == 1 and figures["median_error_km"] == 0


def test_nothing_found_has_no_error_distance():
    record = {"toponyms": [{"start": 0, "end": 6, "text": "Aleppo", "latitude": 36.2, "longitude": 37.15}]}
    figures = score_toponyms([(record, [])]).figures()
    assert figures["median_error_km"] is None and figures["recall"] == 0 and figures["precision"] == 0
