"""An analyst's own export, split in time: learn from the coded past, code the news to come.

    python benchmarks/own_export.py --dev    # dev countries: the only group to look at while tuning
    python benchmarks/own_export.py          # test countries: report once, never tune on it
    ... [--before YYYY-MM-DD] [--without-tables]

`sitrep train --holdout date` learns a model directory from the rows of acled-2020's raw export
dated before the cut (2020-05-03; of the group's countries: dev-country rows for --dev, every
country's otherwise, as an analyst trains on everything coded so far), then the notes of the
group's countries dated on or after the cut are scored with the rules alone and with the rules
plus that model (classifier, learned aliases and state regimes, coded places: gazetteer.tsv's
precision-1/2 rows join the places stage). No rule is fitted to the scored
notes: they are later than anything learned. --without-tables adds the model with its
aliases.tsv and states.tsv removed (the classifier alone), to see what the tables add.
Prints markdown rows for BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import GOLD  # noqa: E402

from sitrep.evaluate import evaluate_records  # noqa: E402
from sitrep.evaluate.run import load_records  # noqa: E402
from sitrep.evaluate.score import EventReport  # noqa: E402
from sitrep.evaluate.splits import country_split  # noqa: E402

CUT = "2020-05-03"
COLUMNS = ("type acc", "sub-event wF1", "actor1", "inter1", "actors_any_order", "location_25km",
           "location_161km")
TABLE_FILES = ("aliases.tsv", "states.tsv")


def later_notes(group: str, cut: str) -> list[dict]:
    """Gold notes of the group's countries whose (first) event is dated on or after the cut."""
    return [record for record in load_records(GOLD / "acled-2020.jsonl", group)  # type: ignore[arg-type]
            if (record.get("events") or [{}])[0].get("event_date", "") >= cut]


def group_export(raw: Path, group: str, out: Path) -> Path:
    """The raw export limited to the training group: dev-country rows for "dev", all for "test"."""
    if group == "test":
        return raw
    with open(raw, encoding="utf-8", newline="") as source, open(out, "w", encoding="utf-8", newline="") as sink:
        reader = csv.DictReader(source)
        writer = csv.DictWriter(sink, fieldnames=reader.fieldnames or [])
        writer.writeheader()
        writer.writerows(row for row in reader if country_split(row.get("country", "")) == "dev")
    return out


def figures(report: EventReport) -> list[float]:
    result = report.figures()
    fields = result["fields_on_matched"]
    return [result["primary_event_type_accuracy"], result["primary_sub_event_weighted_f1"],
            fields["actor1"][0], fields["inter1"][0], fields["actors_any_order"][0],
            fields["location_25km"][0], fields["location_161km"][0]]


def table(group: str = "test", before: str = CUT, without_tables: bool = False) -> list[str]:
    """Markdown rows: rules alone and with a model learned from the rows dated before the cut."""
    from sitrep.learn import train_from_acled
    from sitrep.nlp import DEFAULT_MODEL, shared_pipeline

    work = Path(tempfile.mkdtemp(prefix="sitrep-own-export-"))
    try:
        started = time.perf_counter()
        export = group_export(GOLD / "raw" / "acled-2020.csv", group, work / "export.csv")
        manifest = train_from_acled(export, work / "model", holdout="date",
                                    before=date.fromisoformat(before))
        systems: dict[str, str | None] = {"rules": None, "rules + own model": str(work / "model")}
        if without_tables:
            bare = work / "model-classifier-only"
            shutil.copytree(work / "model", bare)
            for name in TABLE_FILES:
                (bare / name).unlink(missing_ok=True)
            systems["rules + own classifier only"] = str(bare)
        records = later_notes(group, before)
        print(f"own export, {group} countries: trained on {manifest.holdout['train_rows']} rows dated "
              f"before {before} ({manifest.tables.get('aliases', 0)} learned aliases, "
              f"{manifest.tables.get('states', 0)} regimes); scored on {len(records)} later notes",
              file=sys.stderr)
        lines = [f"| own export ({group} countries, {len(records)} notes from {before}) | "
                 + " | ".join(COLUMNS) + " |", "|---|" + "---|" * len(COLUMNS)]
        for name, model in systems.items():
            report = evaluate_records(records, nlp=shared_pipeline(DEFAULT_MODEL, model), name=name)
            assert isinstance(report, EventReport)
            lines.append(f"| {name} | " + " | ".join(f"{value:.3f}" for value in figures(report)) + " |")
        print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        return lines
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dev", action="store_true", help="dev countries (tuning); default: test countries")
    parser.add_argument("--before", default=CUT, help=f"the cut, YYYY-MM-DD (default {CUT})")
    parser.add_argument("--without-tables", action="store_true",
                        help="also score the model without its learned aliases and regimes")
    args = parser.parse_args(argv)
    print("\n".join(table("dev" if args.dev else "test", args.before, args.without_tables)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
