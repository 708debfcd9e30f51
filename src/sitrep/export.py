"""Events out: JSONL, flat CSV, ACLED CSV, GeoJSON, and a table for the terminal.

Every writer streams: events are written as they come, so a store of any size exports in
constant memory.

- jsonl: one full Event a line (claims, evidence, article_ids included): lossless.
- csv: every scalar field, ACLED columns first in ACLED's order; `article_ids` joined by ";".
- acled-csv: exactly ACLED_COLUMNS in order, nothing else, so it loads where ACLED data does.
- geojson: a FeatureCollection of Points ([longitude, latitude]). An event without
  coordinates keeps its feature with `"geometry": null` (RFC 7946 §3.2 allows it) rather
  than vanishing from the export; pass `located_only=True` to drop such events instead.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import IO, Any, get_args

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sitrep.model import ACLED_COLUMNS, Claim, Event

FORMATS = ("jsonl", "csv", "acled-csv", "geojson")


def _is_list(annotation: Any) -> bool:
    return getattr(annotation, "__origin__", None) is list or any(
        getattr(arg, "__origin__", None) is list for arg in get_args(annotation))


# scalar fields of Event: ACLED's first, then sitrep's own, in model order
CSV_COLUMNS: tuple[str, ...] = (
    *ACLED_COLUMNS,
    *(name for name, field in Event.model_fields.items()
      if name not in ACLED_COLUMNS and not _is_list(field.annotation)),
    "article_ids",
)


def write_events(events: Iterable[Event], fmt: str, out: IO[str], *,
                 located_only: bool = False) -> int:
    """Write `events` to the text stream `out` in `fmt`; returns how many were written."""
    if fmt == "jsonl":
        return _write_jsonl(events, out)
    if fmt == "csv":
        return _write_csv(events, out, CSV_COLUMNS, _flat_row)
    if fmt == "acled-csv":
        return _write_csv(events, out, ACLED_COLUMNS, lambda event: event.acled_row())
    if fmt == "geojson":
        return _write_geojson(events, out, located_only)
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")


def _write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    count = 0
    for event in events:
        out.write(event.model_dump_json() + "\n")
        count += 1
    return count


def _flat_row(event: Event) -> dict[str, object]:
    data = event.model_dump(include=set(CSV_COLUMNS) - {"article_ids"})
    data["article_ids"] = ";".join(event.article_ids)
    return data


def _write_csv(events: Iterable[Event], out: IO[str], columns: tuple[str, ...],
               row: Callable[[Event], dict[str, object]]) -> int:
    # None becomes an empty cell, as in ACLED's own CSV files
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(row(event))
        count += 1
    return count


def feature(event: Event) -> dict[str, object] | None:
    """One GeoJSON Feature; geometry is None when the event has no coordinates."""
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    return {"type": "Feature", "geometry": geometry, "properties": event.model_dump(mode="json")}


def _write_geojson(events: Iterable[Event], out: IO[str], located_only: bool) -> int:
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for event in events:
        item = feature(event)
        if located_only and item["geometry"] is None:  # type: ignore[index]
            continue
        out.write(("," if count else "") + "\n" + json.dumps(item, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


# --- terminal -----------------------------------------------------------------------------

_QUALIFIER = {"exact": "", "at_least": "≥", "more_than": ">", "about": "~", "up_to": "≤"}


def claims_summary(claims: Iterable[Claim]) -> str:
    """Who said how many, e.g. "SOHR: 85; SANA: 300; ? 12 injured" (killed is the default)."""
    parts = []
    for claim in claims:
        figure = _QUALIFIER[claim.qualifier] + str(claim.value)
        if claim.kind != "killed":
            figure += f" {claim.kind}"
        parts.append(f"{claim.source}: {figure}" if claim.source else f"? {figure}")
    return "; ".join(parts)


def _place(event: Event) -> str:
    parts = [event.location, event.admin1, event.country]
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(part)
    return ", ".join(seen)


def _fatalities(event: Event) -> str:
    low, high = event.fatalities_low, event.fatalities_high
    if low is not None and high is not None and low != high:
        return f"{event.fatalities} ({low}-{high})"
    return str(event.fatalities)


def render_table(events: Iterable[Event], console: Console, title: str | None = None) -> int:
    """Print events as a table: date, sub-event type, actors, place, fatalities, claims."""
    table = Table(title=title, show_lines=False, header_style="bold")
    for name, options in (("date", {"no_wrap": True}), ("sub-event type", {}), ("actor1", {}),
                          ("actor2", {}), ("location", {}),
                          ("fatalities", {"justify": "right", "no_wrap": True}), ("claims", {})):
        table.add_column(name, **options)
    count = 0
    for event in events:
        # Text cells: article words such as "[regime forces]" must not be read as rich markup
        cells = (event.event_date, event.sub_event_type, event.actor1, event.actor2,
                 _place(event), _fatalities(event), claims_summary(event.claims))
        table.add_row(*(Text(cell or "") for cell in cells))
        count += 1
    if count:
        console.print(table)
    else:
        console.print("no events", style="dim")
    return count
