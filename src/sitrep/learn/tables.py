"""Tables an analyst can read and edit, learned from coded rows: actors and places.

Both are tab-separated with a commented header, most frequent first, so the top of the file
is what matters most and a spreadsheet opens them as they are.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from sitrep.learn.acled import AcledRow

ACTORS_FILE = "actors.tsv"
PLACES_FILE = "gazetteer.tsv"

INTER_LABELS = {1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia",
                5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces"}

ACTORS_HEADER = """\
# Actors as ACLED's coders named them in the training export; edit freely.
# Columns (tab-separated):
#   name        ACLED actor name
#   inter       most frequent inter code (1-8) where the actor is a main side; empty if only associated
#   inter_label the code's meaning
#   country     the country of most of its events
#   count       events naming it (actor1, actor2 or associated)
#   as_actor1, as_actor2, as_assoc   where it was named
#   inter_counts  every inter code seen, "code:count" separated by ","
"""

PLACES_HEADER = """\
# Places coded in the training export (gazetteer additions); edit freely.
# Columns (tab-separated): location, admin1, admin2, admin3, country, iso3, latitude, longitude,
#   geo_precision (most frequent, ACLED 1-3), count (events), precision_counts ("precision:count")
"""


def one_line(value: str) -> str:
    """Whitespace runs as one space: a tab or newline in a name would break a table."""
    return " ".join(value.split())


def _format_counts(counter: Counter) -> str:
    return ",".join(f"{key}:{count}" for key, count in sorted(counter.items()))


def actor_table(rows: Iterable[AcledRow]) -> list[dict]:
    roles: dict[str, Counter] = defaultdict(Counter)
    inters: dict[str, Counter] = defaultdict(Counter)
    countries: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        named: list[tuple[str, str, int | None]] = [
            (row.actor1, "as_actor1", row.inter1), (row.actor2, "as_actor2", row.inter2)]
        named += [(name, "as_assoc", None) for name in row.assoc_actor_1 + row.assoc_actor_2]
        for name, role, inter in named:
            name = one_line(name)
            if not name:
                continue
            roles[name][role] += 1
            if inter:
                inters[name][inter] += 1
            if row.country:
                countries[name][row.country] += 1
    table = []
    for name, counter in roles.items():
        inter = inters[name].most_common(1)[0][0] if inters[name] else None
        table.append({
            "name": name,
            "inter": inter or "",
            "inter_label": INTER_LABELS.get(inter, "") if inter else "",
            "country": countries[name].most_common(1)[0][0] if countries[name] else "",
            "count": sum(counter.values()),
            "as_actor1": counter["as_actor1"],
            "as_actor2": counter["as_actor2"],
            "as_assoc": counter["as_assoc"],
            "inter_counts": _format_counts(inters[name]),
        })
    table.sort(key=lambda entry: (-entry["count"], entry["name"]))
    return table


def place_table(rows: Iterable[AcledRow]) -> list[dict]:
    counts: Counter = Counter()
    precisions: dict[tuple, Counter] = defaultdict(Counter)
    for row in rows:
        if not row.location or row.latitude is None or row.longitude is None:
            continue
        names = (row.location, row.admin1, row.admin2, row.admin3, row.country)
        key = (*map(one_line, names), row.iso3, round(row.latitude, 4), round(row.longitude, 4))
        counts[key] += 1
        if row.geo_precision:
            precisions[key][row.geo_precision] += 1
    table = []
    for key, count in counts.items():
        location, admin1, admin2, admin3, country, iso3, latitude, longitude = key
        table.append({
            "location": location, "admin1": admin1, "admin2": admin2, "admin3": admin3,
            "country": country, "iso3": iso3, "latitude": latitude, "longitude": longitude,
            "geo_precision": precisions[key].most_common(1)[0][0] if precisions[key] else "",
            "count": count, "precision_counts": _format_counts(precisions[key]),
        })
    table.sort(key=lambda entry: (-entry["count"], entry["country"], entry["location"]))
    return table


def write_tsv(path: str | Path, header: str, table: list[dict], columns: list[str]) -> None:
    lines = [header.rstrip("\n"), "\t".join(columns)]
    lines += ["\t".join(str(entry[column]) for column in columns) for entry in table]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_tsv(path: str | Path) -> list[dict[str, str]]:
    """Rows of a table written by `write_tsv` (comment lines skipped, first line the columns)."""
    lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    if not lines:
        return []
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t"))) for line in lines[1:]]


ACTOR_COLUMNS = ["name", "inter", "inter_label", "country", "count", "as_actor1", "as_actor2",
                 "as_assoc", "inter_counts"]
PLACE_COLUMNS = ["location", "admin1", "admin2", "admin3", "country", "iso3", "latitude",
                 "longitude", "geo_precision", "count", "precision_counts"]


def write_tables(rows: list[AcledRow], directory: str | Path) -> dict[str, int]:
    """Write actors.tsv and gazetteer.tsv into `directory`; returns their row counts."""
    directory = Path(directory)
    actors, places = actor_table(rows), place_table(rows)
    write_tsv(directory / ACTORS_FILE, ACTORS_HEADER, actors, ACTOR_COLUMNS)
    write_tsv(directory / PLACES_FILE, PLACES_HEADER, places, PLACE_COLUMNS)
    return {"actors": len(actors), "places": len(places)}
