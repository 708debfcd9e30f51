"""What an analyst's own coded export adds to the gazetteer (`gazetteer build --from-acled`).

Time split, so no note is scored against its own coding: the locations of the export's rows
dated before CUTOFF build the index; notes dated CUTOFF or later are scored, with and without
it. Run over all countries (`--split all`, the default) or one split of evaluate.splits.

    python benchmarks/acled_gazetteer.py [--split dev|test|all] [--cutoff 2020-05-03]

Prints markdown rows for BENCHMARKS.md / issue notes. About 3 minutes.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import GOLD, ROOT  # noqa: E402

from sitrep.evaluate.splits import country_split  # noqa: E402


def _earlier_rows(cutoff: str, split: str, out: Path) -> int:
    """Write the export's rows dated before `cutoff` (of `split`'s countries) to `out`."""
    with open(GOLD / "raw" / "acled-2020.csv", newline="", encoding="utf-8") as src, \
            open(out, "w", newline="", encoding="utf-8") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=reader.fieldnames or [])
        writer.writeheader()
        n = 0
        for row in reader:
            if _iso(row["event_date"]) < cutoff and (split == "all" or country_split(row["country"]) == split):
                writer.writerow(row)
                n += 1
    return n


def _iso(date: str) -> str:
    """ACLED's export dates ('9-May-20', '09 May 2020') as ISO; ISO dates pass through."""
    if date[:4].isdigit():
        return date[:10]
    for layout in ("%d-%b-%y", "%d %B %Y", "%d/%m/%Y"):
        try:
            return time.strftime("%Y-%m-%d", time.strptime(date.strip(), layout))
        except ValueError:
            continue
    raise ValueError(f"unreadable event_date {date!r}")


def _later_notes(cutoff: str, split: str, out: Path) -> int:
    n = 0
    with open(GOLD / "acled-2020.jsonl", encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            record = json.loads(line)
            events = record.get("events") or []
            if not events or min(e["event_date"] for e in events) < cutoff:
                continue
            if split != "all" and country_split(events[0]["country"]) != split:
                continue
            dst.write(line)
            n += 1
    return n


def _score(gold: Path, gazetteer: Path | None) -> dict:
    env = dict(os.environ)
    env.pop("SITREP_GAZETTEER", None)
    if gazetteer is not None:
        env["SITREP_GAZETTEER"] = str(gazetteer)
    done = subprocess.run([sys.executable, "-m", "sitrep.cli", "eval", str(gold), "--json"],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    return json.loads(done.stdout)


def table(cutoff: str = "2020-05-03", split: str = "all") -> tuple[str, list[str]]:
    """(a sentence saying what was measured, markdown rows)."""
    work = Path(tempfile.mkdtemp(prefix="sitrep-acled-gaz-"))
    rows = _earlier_rows(cutoff, split, work / "earlier.csv")
    notes = _later_notes(cutoff, split, work / "later.jsonl")
    index = work / "places.sqlite"
    subprocess.run([sys.executable, "-m", "sitrep.cli", "gazetteer", "build", "--from-acled",
                    str(work / "earlier.csv"), "--out", str(index)], check=True, cwd=ROOT,
                   capture_output=True, text=True)
    said = (f"Index built from the {rows:,} coded rows dated before {cutoff}; scored on the "
            f"{notes:,} notes dated {cutoff} or later ({split} countries).")
    lines = ["| gazetteer | notes | event F1 | location 25 km | location 161 km | country |",
             "|---|---|---|---|---|---|"]
    for label, gazetteer in (("embedded", None), (f"embedded + export rows before {cutoff}", index)):
        figures = _score(work / "later.jsonl", gazetteer)
        fields = figures["fields_on_matched"]
        lines.append(f"| {label} | {notes} | {figures['event_f1']:.3f} | {fields['location_25km'][0]:.3f} | "
                     f"{fields['location_161km'][0]:.3f} | {fields['country'][0]:.3f} |")
    return said, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--cutoff", default="2020-05-03")
    args = parser.parse_args(argv)
    said, lines = table(args.cutoff, args.split)
    print(said, file=sys.stderr)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
