"""Scoring of extracted events and toponyms against gold records (shared/gold/README.md).

Pure functions: gold records are dicts as read from the JSONL files, predictions are `Event` /
`Toponym` models or dicts with the same field names. Nothing here runs the pipeline.
"""
from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitrep.evaluate.compare import distance_km, same_actor, same_place

FIELDS: tuple[str, ...] = (
    "event_type", "sub_event_type", "fatalities_exact", "fatalities_in_low_high", "event_date",
    "country", "admin1", "location_25km", "location_161km", "location_name", "actor1",
    "actors_any_order", "inter1", "geo_precision", "time_precision",
)
EVENT_KEYS: tuple[str, ...] = (
    "event_precision", "event_recall", "event_f1", "detect_precision", "detect_recall",
    "primary_sub_event_weighted_f1", "primary_sub_event_accuracy", "primary_event_type_accuracy",
    "fields_on_matched",
)
TOPONYM_KEYS: tuple[str, ...] = (
    "recall", "precision", "acc161_of_gold", "acc161_of_detected", "acc25_of_detected",
    "median_error_km", "mean_error_km",
)
NONE_LABEL = "NONE"
PAIR_KM = 50.0


def get(item: Any, key: str) -> Any:
    """A field of a dict or a model; '' counts as absent (a data set that does not code it)."""
    value = item.get(key) if isinstance(item, dict) else getattr(item, key, None)
    return None if value == "" else value


def coords(item: Any) -> tuple[float, float] | None:
    lat, lon = get(item, "latitude"), get(item, "longitude")
    if lat is None or lon is None:
        return None
    return float(lat), float(lon)


def ratio(num: float, den: float) -> float:
    """num/den, 0.0 when there is nothing to divide by (sklearn's zero_division=0)."""
    return num / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- events ---------------------------------------------------------------------------------

def pair_score(gold: Any, pred: Any) -> float:
    """The README's pairing score of one gold and one extracted event."""
    g_type, p_type = get(gold, "event_type"), get(pred, "event_type")
    if g_type is not None and p_type is not None and g_type != p_type:
        return -1.0
    score = 2.0 if g_type is not None else 0.0
    g_sub = get(gold, "sub_event_type")
    if g_sub is not None and g_sub == get(pred, "sub_event_type"):
        score += 1
    g_date = get(gold, "event_date")
    if g_date is not None and str(g_date) == str(get(pred, "event_date")):
        score += 1
    g_xy, p_xy = coords(gold), coords(pred)
    if g_xy and p_xy:
        if distance_km(*g_xy, *p_xy) <= PAIR_KM:
            score += 1
    elif same_place(get(gold, "location"), get(pred, "location")):
        score += 1
    g_actors = [get(gold, "actor1"), get(gold, "actor2")]
    p_actors = [get(pred, "actor1"), get(pred, "actor2")]
    if any(same_actor(a, b) for a in g_actors for b in p_actors):
        score += 0.5
    return score


def pair_events(gold: Sequence[Any], pred: Sequence[Any]) -> list[tuple[int, int]]:
    """Greedy pairing: highest score first, ties by lower gold then lower extracted index."""
    candidates = sorted(
        (-pair_score(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for neg_score, gi, pi in candidates:
        if neg_score > 0 or gi in used_gold or pi in used_pred:
            continue  # negative scores never pair
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def field_hits(gold: Any, pred: Any) -> dict[str, bool]:
    """Field name -> correct, for the fields this gold event has."""
    hits: dict[str, bool] = {}
    for name in ("event_type", "sub_event_type", "event_date"):
        if get(gold, name) is not None:
            hits[name] = str(get(gold, name)) == str(get(pred, name))
    p_dead = _as_int(get(pred, "fatalities"))
    if get(gold, "fatalities") is not None:
        hits["fatalities_exact"] = p_dead is not None and p_dead == int(get(gold, "fatalities"))
    low, high = get(gold, "fatalities_low"), get(gold, "fatalities_high")
    if low is not None and high is not None:
        hits["fatalities_in_low_high"] = p_dead is not None and int(low) <= p_dead <= int(high)
    for name in ("country", "admin1"):
        if get(gold, name) is not None:
            hits[name] = same_place(get(gold, name), get(pred, name))
    g_xy, p_xy = coords(gold), coords(pred)
    if g_xy:
        km = distance_km(*g_xy, *p_xy) if p_xy else None
        hits["location_25km"] = km is not None and km <= 25
        hits["location_161km"] = km is not None and km <= 161
    elif get(gold, "location") is not None:
        hits["location_name"] = same_place(get(gold, "location"), get(pred, "location"))
    if get(gold, "actor1") is not None:
        hits["actor1"] = same_actor(get(gold, "actor1"), get(pred, "actor1"))
    g_actors = [a for a in (get(gold, "actor1"), get(gold, "actor2")) if a is not None]
    if g_actors:
        p_actors = [get(pred, "actor1"), get(pred, "actor2")]
        hits["actors_any_order"] = all(any(same_actor(a, b) for b in p_actors) for a in g_actors)
    for name in ("inter1", "geo_precision", "time_precision"):
        if get(gold, name) is not None:
            hits[name] = _as_int(get(pred, name)) == _as_int(get(gold, name))
    return hits


def weighted_f1(gold_labels: Sequence[str], pred_labels: Sequence[str]) -> float:
    """F1 per gold label, weighted by its support (sklearn's average='weighted')."""
    support = Counter(gold_labels)
    predicted = Counter(pred_labels)
    correct = Counter(g for g, p in zip(gold_labels, pred_labels) if g == p)
    total = sum(support.values())
    return ratio(sum(n * f1(ratio(correct[label], predicted[label]), ratio(correct[label], n))
                     for label, n in support.items()), total)


@dataclass
class ArticleResult:
    """One article's gold, output and what was wrong: the material of the error report."""

    record: dict
    predicted: list[Any]
    pairs: list[tuple[int, int]] = field(default_factory=list)
    misses: int = 0  # field misses on paired events, or far toponyms

    @property
    def badness(self) -> tuple[float, ...]:
        if "toponyms" in self.record and not self.record.get("events"):
            n_gold = len(self.record.get("toponyms") or [])
        else:
            n_gold = len(self.record.get("events") or [])
        unmatched = (n_gold - len(self.pairs)) + (len(self.predicted) - len(self.pairs))
        return (unmatched, self.misses)


@dataclass
class EventReport:
    """Counts over an event gold set; the figures are properties over them."""

    name: str = ""
    n_articles: int = 0
    n_gold: int = 0
    n_pred: int = 0
    n_pairs: int = 0
    gold_articles: int = 0  # with at least one gold event
    flagged: int = 0  # with anything extracted
    hits: int = 0  # with gold events and something extracted
    primary_gold: list[str] = field(default_factory=list)
    primary_pred: list[str] = field(default_factory=list)
    type_gold: list[str] = field(default_factory=list)
    type_pred: list[str] = field(default_factory=list)
    field_counts: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})
    articles: list[ArticleResult] = field(default_factory=list)
    kind: str = "events"

    def add(self, record: dict, predicted: Sequence[Any]) -> ArticleResult:
        gold = list(record.get("events") or [])
        predicted = list(predicted)
        pairs = pair_events(gold, predicted)
        self.n_articles += 1
        self.n_gold += len(gold)
        self.n_pred += len(predicted)
        self.n_pairs += len(pairs)
        self.gold_articles += bool(gold)
        self.flagged += bool(predicted)
        self.hits += bool(gold) and bool(predicted)
        misses = 0
        for gi, pi in pairs:
            for name, hit in field_hits(gold[gi], predicted[pi]).items():
                self.field_counts[name][0] += hit
                self.field_counts[name][1] += 1
                misses += not hit
        if len(gold) == 1:
            first = predicted[0] if predicted else None
            if get(gold[0], "sub_event_type") is not None:
                self.primary_gold.append(get(gold[0], "sub_event_type"))
                self.primary_pred.append((first is not None and get(first, "sub_event_type")) or NONE_LABEL)
            if get(gold[0], "event_type") is not None:
                self.type_gold.append(get(gold[0], "event_type"))
                self.type_pred.append((first is not None and get(first, "event_type")) or NONE_LABEL)
        result = ArticleResult(record, predicted, pairs, misses)
        self.articles.append(result)
        return result

    @property
    def event_precision(self) -> float:
        return ratio(self.n_pairs, self.n_pred)

    @property
    def event_recall(self) -> float:
        return ratio(self.n_pairs, self.n_gold)

    def figures(self) -> dict[str, Any]:
        """The `--json` figures, keys exactly as documented."""
        return {
            "event_precision": self.event_precision,
            "event_recall": self.event_recall,
            "event_f1": f1(self.event_precision, self.event_recall),
            "detect_precision": ratio(self.hits, self.flagged),
            "detect_recall": ratio(self.hits, self.gold_articles),
            "primary_sub_event_weighted_f1": weighted_f1(self.primary_gold, self.primary_pred),
            "primary_sub_event_accuracy": ratio(
                sum(g == p for g, p in zip(self.primary_gold, self.primary_pred)), len(self.primary_gold)),
            "primary_event_type_accuracy": ratio(
                sum(g == p for g, p in zip(self.type_gold, self.type_pred)), len(self.type_gold)),
            "fields_on_matched": {name: [ratio(hit, n), n] for name, (hit, n) in self.field_counts.items()},
        }

    def confusion(self) -> Counter[tuple[str, str]]:
        """(gold sub-event type, primary extracted sub-event type) -> articles."""
        return Counter(zip(self.primary_gold, self.primary_pred))


def score_events(items: Iterable[tuple[dict, Sequence[Any]]], name: str = "") -> EventReport:
    """Score (gold record, extracted events) pairs of an event gold set."""
    report = EventReport(name=name)
    for record, predicted in items:
        report.add(record, predicted)
    return report


# --- toponyms -------------------------------------------------------------------------------

def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Half-open spans [start, end) share at least one character."""
    return a_start < b_end and b_start < a_end


@dataclass
class ToponymReport:
    name: str = ""
    n_articles: int = 0
    n_gold: int = 0
    n_pred: int = 0
    n_pred_overlapping: int = 0
    errors_km: list[float] = field(default_factory=list)  # one per found gold toponym
    articles: list[ArticleResult] = field(default_factory=list)
    kind: str = "toponyms"

    def add(self, record: dict, predicted: Sequence[Any]) -> ArticleResult:
        gold = list(record.get("toponyms") or [])
        predicted = list(predicted)
        self.n_articles += 1
        self.n_gold += len(gold)
        self.n_pred += len(predicted)
        spans = [(int(get(g, "start")), int(get(g, "end"))) for g in gold]
        self.n_pred_overlapping += sum(
            any(overlaps(int(get(p, "start")), int(get(p, "end")), s, e) for s, e in spans)
            for p in predicted)
        pairs, far = [], 0
        for gi, g in enumerate(gold):
            g_xy = coords(g)
            for pi, p in enumerate(predicted):  # the first overlapping one in output order
                p_xy = coords(p)
                if p_xy and overlaps(int(get(p, "start")), int(get(p, "end")), *spans[gi]):
                    km = distance_km(*g_xy, *p_xy) if g_xy else float("inf")
                    self.errors_km.append(km)
                    pairs.append((gi, pi))
                    far += km > 161
                    break
        result = ArticleResult(record, predicted, pairs, far)
        self.articles.append(result)
        return result

    def figures(self) -> dict[str, Any]:
        found = len(self.errors_km)
        near161 = sum(km <= 161 for km in self.errors_km)
        finite = [km for km in self.errors_km if km != float("inf")]
        return {
            "recall": ratio(found, self.n_gold),
            "precision": ratio(self.n_pred_overlapping, self.n_pred),
            "acc161_of_gold": ratio(near161, self.n_gold),
            "acc161_of_detected": ratio(near161, found),
            "acc25_of_detected": ratio(sum(km <= 25 for km in self.errors_km), found),
            # no distance is not a zero error: None when nothing was found
            "median_error_km": statistics.median(finite) if finite else None,
            "mean_error_km": statistics.fmean(finite) if finite else None,
        }


def score_toponyms(items: Iterable[tuple[dict, Sequence[Any]]], name: str = "") -> ToponymReport:
    """Score (gold record, extracted toponyms) pairs of a toponym gold set."""
    report = ToponymReport(name=name)
    for record, predicted in items:
        report.add(record, predicted)
    return report


Report = EventReport | ToponymReport


def set_kind(records: Sequence[dict]) -> str:
    """'events' or 'toponyms', from what the gold records code."""
    if any(r.get("events") for r in records):
        return "events"
    if any("toponyms" in r for r in records):
        return "toponyms"
    return "events"
