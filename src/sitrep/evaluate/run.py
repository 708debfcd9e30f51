"""Run the pipeline (or any extractor) over a gold file and score it; `sitrep eval` calls `run_eval`."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from sitrep.evaluate.score import (
    EventReport, Report, ToponymReport, score_events, score_toponyms, set_kind,
)
from sitrep.evaluate.splits import Split, read_gold
from sitrep.model import Article

# an extractor maps articles to one list of events (or toponyms) per article, in order
Extractor = Callable[[list[Article]], Iterable[Sequence[Any]]]


def article_of(record: dict) -> Article:
    """The pipeline's input built from a gold line: id, text and publication date only."""
    return Article(id=record["id"], text=record["text"], published=record.get("published") or None)


def pipeline_extractor(kind: str, nlp: Any = None, n_process: int = 1) -> Extractor:
    """sitrep itself: `extract_batch` for event sets, `geoparse_batch` for toponym sets."""
    from sitrep import api

    def run(articles: list[Article]) -> Iterable[Sequence[Any]]:
        if kind == "toponyms":
            return (items for _, items in api.geoparse_batch(articles, nlp=nlp))
        return (items for _, items in api.extract_batch(articles, nlp=nlp, n_process=n_process))

    return run


def load_records(path: str | Path, split: Split = "all", limit: int | None = None) -> list[dict]:
    return list(islice(read_gold(path, split), limit))


def evaluate_records(records: Sequence[dict], extractor: Extractor | None = None, nlp: Any = None,
                     name: str = "", n_process: int = 1) -> Report:
    """Score an extractor (sitrep's pipeline by default) on gold records; set kind from the records."""
    kind = set_kind(records)
    extractor = extractor or pipeline_extractor(kind, nlp=nlp, n_process=n_process)
    outputs = list(extractor([article_of(r) for r in records]))
    if len(outputs) != len(records):
        raise RuntimeError(f"extractor returned {len(outputs)} results for {len(records)} articles")
    scorer = score_toponyms if kind == "toponyms" else score_events
    return scorer(zip(records, outputs), name=name)


def evaluate_file(path: str | Path, split: Split = "all", limit: int | None = None, nlp: Any = None,
                  extractor: Extractor | None = None, n_process: int = 1) -> Report:
    """Run the pipeline over a gold file (first `limit` articles of `split`) and score it."""
    records = load_records(path, split, limit)
    name = Path(path).stem + ("" if split == "all" else f" ({split})")
    return evaluate_records(records, extractor=extractor, nlp=nlp, name=name, n_process=n_process)


def rounded(figures: dict[str, Any], digits: int = 4) -> dict[str, Any]:
    def r(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, digits)
        if isinstance(value, list):
            return [r(v) for v in value]
        if isinstance(value, dict):
            return {k: r(v) for k, v in value.items()}
        return value
    return r(figures)


def figures_table(report: Report) -> Table:
    """The figures of one report as a rich table."""
    table = Table(title=f"{report.name or 'gold'}: {report.n_articles} articles, "
                        f"{report.n_gold} gold, {report.n_pred} extracted {report.kind}")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("n", justify="right")
    for key, value in report.figures().items():
        if key == "fields_on_matched":
            for name, (acc, n) in value.items():
                table.add_row(f"  {name}", f"{acc:.3f}" if n else "-", str(n))
        else:
            table.add_row(key, "-" if value is None else f"{value:.3f}", "")
    return table


def confusion_table(report: EventReport, top: int = 15) -> Table:
    """Primary sub-event types, gold vs extracted: per-class support, correct and F1, and the
    most frequent confusions."""
    confusion = report.confusion()
    table = Table(title="primary sub-event type per class (single-event articles)")
    for column in ("gold sub-event type", "support", "correct", "extracted as (top 2 wrong)"):
        table.add_column(column)
    support: dict[str, int] = {}
    for (gold, _), n in confusion.items():
        support[gold] = support.get(gold, 0) + n
    for gold, n in sorted(support.items(), key=lambda kv: -kv[1])[:top]:
        wrong = sorted(((m, p) for (g, p), m in confusion.items() if g == gold and p != gold), reverse=True)
        table.add_row(gold, str(n), str(confusion.get((gold, gold), 0)),
                      "; ".join(f"{p} ({m})" for m, p in wrong[:2]))
    return table


def run_eval(gold_path: str, json_out: bool = False, errors: int = 0, split: str = "all",
             limit: int | None = None, model: str | None = None) -> int:
    """`sitrep eval GOLD.jsonl [--json] [--errors N] [--split dev|test|all] [--limit N]
    [--model DIR]` (DIR: a model `sitrep train` wrote, added after the rules).

    Prints the figures (JSON or tables) and the N worst articles; returns the exit code.
    """
    console = Console()
    if not Path(gold_path).is_file():
        Console(stderr=True).print(f"[red]no gold file at {gold_path}[/red]")
        return 2
    if split not in ("dev", "test", "all"):
        Console(stderr=True).print("[red]--split must be dev, test or all[/red]")
        return 2
    nlp = None
    if model:
        from sitrep.nlp import DEFAULT_MODEL, shared_pipeline

        if not Path(model).is_dir():
            Console(stderr=True).print(f"[red]no model directory at {model}[/red]")
            return 2
        nlp = shared_pipeline(DEFAULT_MODEL, model)
    report = evaluate_file(gold_path, split=split, limit=limit, nlp=nlp)  # type: ignore[arg-type]
    if json_out:
        sys.stdout.write(json.dumps(rounded(report.figures()), indent=2) + "\n")
    else:
        console.print(figures_table(report))
        if isinstance(report, EventReport) and report.primary_gold:
            console.print(confusion_table(report))
    if errors:
        from sitrep.evaluate.errors import render_worst_cases

        # with --json, stdout stays parseable: the error report goes to stderr
        render_worst_cases(report, errors, Console(stderr=True) if json_out else console)
    return 0


__all__ = [
    "EventReport", "ToponymReport", "Report", "evaluate_file", "evaluate_records", "run_eval",
    "article_of", "load_records", "pipeline_extractor", "figures_table", "confusion_table",
]
