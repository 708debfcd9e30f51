"""Measurement: scoring against gold (shared/gold/README.md), shared by tests, `sitrep eval`
and the benchmarks."""
from sitrep.evaluate.compare import distance_km, same_actor, same_place
from sitrep.evaluate.errors import render_worst_cases, worst_cases
from sitrep.evaluate.run import evaluate_file, evaluate_records, run_eval
from sitrep.evaluate.score import (
    EVENT_KEYS, FIELDS, TOPONYM_KEYS, EventReport, Report, ToponymReport, pair_events,
    pair_score, score_events, score_toponyms,
)
from sitrep.evaluate.splits import article_split, country_split, read_gold

__all__ = [
    "EVENT_KEYS", "FIELDS", "TOPONYM_KEYS", "EventReport", "Report", "ToponymReport",
    "article_split", "country_split", "distance_km", "evaluate_file", "evaluate_records",
    "pair_events", "pair_score", "read_gold", "render_worst_cases", "run_eval", "same_actor",
    "same_place", "score_events", "score_toponyms", "worst_cases",
]
