"""CI quality gate: score fixed dev subsets, compare with the floors pinned in floors.json.

    python benchmarks/gate.py            # exit 1 when a figure falls below its floor - epsilon
    python benchmarks/gate.py --update   # pin the floors at the current figures

Lowering a floor is an explicit change: run --update and give the reason in the commit message.
Only dev data is gated: the test split of acled-2020 stays for reporting (benchmarks/run.py).
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, Subset, sha256  # noqa: E402

from sitrep.evaluate import evaluate_file  # noqa: E402

FLOORS = Path(__file__).resolve().parent / "floors.json"
EPSILON = 0.01
TIMEOUT_S = 1200  # the subsets take ~1-2 min on 2 idle cores
SUBSETS: tuple[Subset, ...] = (
    Subset("acled-2020 dev[:300]", "acled-2020.jsonl", "dev", 300),
    Subset("seed", "seed.jsonl"),
    Subset("ucdp-aec-sample", "ucdp-aec-sample.jsonl"),
    Subset("geowebnews[:50]", "geowebnews.jsonl", "all", 50),
    # news-wire style, not ACLED notes: the snippets written for tuning (the held-out set is not gated)
    Subset("news-snippets-dev", "news_snippets_dev.jsonl", folder=DATA),
    # news that reports no event (disasters, courts, figurative battles ...): gated on staying quiet
    Subset("no-event-dev", "no_event_dev.jsonl", folder=DATA),
)
# higher is better for every gated figure; error distances and field accuracies on matched
# events (which may fall when recall rises) are reported by benchmarks/run.py, not gated
GATED_EVENTS = ("event_f1", "event_precision", "event_recall", "detect_recall",
                "primary_sub_event_weighted_f1", "primary_sub_event_accuracy",
                "primary_event_type_accuracy")
GATED_FIELDS = ("event_date", "location_161km", "fatalities_exact", "fatalities_in_low_high",
                "actors_any_order")
GATED_TOPONYMS = ("recall", "precision", "acc161_of_gold", "acc161_of_detected")


def gated_figures(figures: dict) -> dict[str, float]:
    """The headline figures the gate watches for one set."""
    if "recall" in figures and "event_f1" not in figures:
        return {key: float(figures[key]) for key in GATED_TOPONYMS}
    return {key: float(figures[key]) for key in GATED_EVENTS}


def measure(subsets: tuple[Subset, ...] = SUBSETS, console: Console | None = None) -> dict[str, dict[str, float]]:
    """Current gated figures per subset, running the pipeline once per subset."""
    results: dict[str, dict[str, float]] = {}
    for subset in subsets:
        started = time.perf_counter()
        report = evaluate_file(subset.path, split=subset.split, limit=subset.limit)  # type: ignore[arg-type]
        figures = gated_figures(report.figures())
        if report.kind == "events":
            quiet_of = report.n_articles - report.gold_articles
            if quiet_of:
                # not-an-event detection: the share of articles without gold events that gave none
                figures["no_event_quiet"] = 1 - (report.flagged - report.hits) / quiet_of
            if not report.gold_articles:
                figures = {"no_event_quiet": figures["no_event_quiet"]}
            # a figure over no articles (seed has no single-event article, ucdp no types) gates nothing
            if not report.primary_gold:
                figures = {k: v for k, v in figures.items() if not k.startswith("primary_sub_event")}
            if not report.type_gold:
                figures.pop("primary_event_type_accuracy", None)
            # correct fields per gold event with the field: rises with recall and with accuracy
            gold_with = _gold_field_counts(report)
            for name in GATED_FIELDS:
                if gold_with.get(name):
                    figures[f"{name} per gold"] = report.field_counts[name][0] / gold_with[name]
        results[subset.label] = figures
        if console:
            console.print(f"{subset.label}: {report.n_articles} articles in "
                          f"{time.perf_counter() - started:.1f} s", style="dim")
    return results


def _gold_field_counts(report) -> dict[str, int]:
    """How many gold events have each gated field (what a perfect extractor would get right)."""
    from sitrep.evaluate.score import field_hits

    counts: dict[str, int] = {}
    for result in report.articles:
        for event in result.record.get("events") or []:
            for name in field_hits(event, event):  # gold against itself: the fields it has
                counts[name] = counts.get(name, 0) + 1
    return counts


def compare(current: dict[str, dict[str, float]], floors: dict[str, dict[str, float]],
            epsilon: float = EPSILON) -> tuple[list[tuple[str, str, float | None, float | None, str]], bool]:
    """Rows (subset, figure, floor, now, status) and whether every figure holds its floor."""
    rows, ok = [], True
    for label in sorted(set(current) | set(floors)):
        for figure in sorted(set(current.get(label, {})) | set(floors.get(label, {}))):
            floor = floors.get(label, {}).get(figure)
            now = current.get(label, {}).get(figure)
            if floor is None:
                status = "new (no floor)"
            elif now is None:
                status, ok = "MISSING", False
            elif now < floor - epsilon:
                status, ok = "REGRESSION", False
            elif now > floor + epsilon:
                status = "improved: re-pin"
            else:
                status = "ok"
            rows.append((label, figure, floor, now, status))
    return rows, ok


def render(rows: list, console: Console) -> None:
    table = Table(title=f"quality gate (epsilon {EPSILON})")
    for column, justify in (("subset", "left"), ("figure", "left"), ("floor", "right"),
                            ("now", "right"), ("delta", "right"), ("status", "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    styles = {"REGRESSION": "bold red", "MISSING": "bold red", "ok": "green"}
    for label, figure, floor, now, status in rows:
        delta = f"{now - floor:+.3f}" if floor is not None and now is not None else ""
        table.add_row(label, figure, "-" if floor is None else f"{floor:.3f}",
                      "-" if now is None else f"{now:.3f}", delta, status,
                      style=styles.get(status, "yellow"))
    console.print(table)


def write_floors(current: dict[str, dict[str, float]], path: Path = FLOORS) -> None:
    # rounded down so that re-running on the same code never falls below its own floor
    floors = {label: {k: int(v * 10_000) / 10_000 for k, v in sorted(figures.items())}
              for label, figures in current.items()}
    document = {
        "epsilon": EPSILON,
        "subsets": {s.label: {"file": s.file, "split": s.split, "limit": s.limit,
                              "sha256": sha256(s.path)} for s in SUBSETS},
        "floors": floors,
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="pin floors.json at the current figures")
    parser.add_argument("--floors", type=Path, default=FLOORS)
    parser.add_argument("--timeout", type=int, default=TIMEOUT_S,
                        help="fail after this many seconds (a stage that hangs must not eat CI's time)")
    args = parser.parse_args(argv)
    console = Console()
    if args.timeout:
        def expire(*_: object) -> None:
            console.print(f"[bold red]gate failed: no result after {args.timeout} s "
                          "(a pipeline stage hangs or got much slower)[/bold red]")
            os._exit(1)  # from inside the pipeline: no cleanup to wait for

        signal.signal(signal.SIGALRM, expire)
        signal.alarm(args.timeout)
    missing = [s.path for s in SUBSETS if not s.path.is_file()]
    if missing:
        console.print(f"[red]gold files missing: {', '.join(map(str, missing))} (set SITREP_GOLD)[/red]")
        return 2
    current = measure(console=console)
    if args.update:
        write_floors(current, args.floors)
        console.print(f"floors pinned in {args.floors}: give the reason in the commit message")
        return 0
    document = json.loads(args.floors.read_text(encoding="utf-8")) if args.floors.is_file() else {}
    for label, info in document.get("subsets", {}).items():
        subset = next((s for s in SUBSETS if s.label == label), None)
        if subset and info.get("sha256") and info["sha256"] != sha256(subset.path):
            console.print(f"[yellow]{label}: the gold file changed since the floors were pinned[/yellow]")
    rows, ok = compare(current, document.get("floors", {}), document.get("epsilon", EPSILON))
    render(rows, console)
    console.print("[green]gate passed[/green]" if ok else "[bold red]gate failed: a figure fell below its floor[/bold red]")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
