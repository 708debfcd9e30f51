"""Why a toponym resolved as it did: the chosen gazetteer place and the score terms
(PlaceMention.explain, written by sitrep.places) shown as a table (`--explain` in the CLI)."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table

from sitrep.mentions import PlaceMention, mentions
from sitrep.model import Toponym


@dataclass(frozen=True)
class ExplainRow:
    article_id: str
    label: str            # the toponym's text, or the event ("Armed clash @ Tafas")
    place: PlaceMention | None


def format_terms(explain: dict[str, float]) -> str:
    """Score terms, largest effect first: 'focus +1.60, population +0.85, fuzzy -0.80'."""
    # "total" repeats the score column
    terms = sorted(((k, v) for k, v in explain.items() if k != "total"),
                   key=lambda kv: (-abs(kv[1]), kv[0]))
    return ", ".join(f"{name} {value:+.2f}" for name, value in terms)


def toponyms(article_id: str, doc) -> list[Toponym]:
    """The Doc's toponyms as `sitrep geoparse` prints them (as sitrep.api.geoparse_batch)."""
    return [Toponym(article_id=article_id, start=m.start, end=m.end, text=m.text,
                    geonameid=m.geonameid, name=m.name, country=m.country, admin1=m.admin1,
                    admin2=m.admin2, latitude=m.latitude, longitude=m.longitude,
                    feature_code=m.feature_code)
            for m in mentions(doc, "toponyms")]


def toponym_rows(article_id: str, doc) -> list[ExplainRow]:
    """One row per toponym of a processed Doc."""
    return [ExplainRow(article_id, m.text, m) for m in mentions(doc, "toponyms")]


def event_rows(article_id: str, doc, events: Sequence) -> list[ExplainRow]:
    """One row per event: the place it was coded to, found by its location evidence span."""
    places: dict[tuple[int, int], PlaceMention] = {}
    for mention in mentions(doc, "event_mentions"):
        if mention.place is not None:
            places.setdefault((mention.place.start, mention.place.end), mention.place)
    for place in mentions(doc, "toponyms"):
        places[(place.start, place.end)] = place
    rows = []
    for number, event in enumerate(events, 1):
        span = next(((e.start, e.end) for e in event.evidence if e.field == "location"), None)
        place = places.get(span) if span else None
        where = event.location or "no place"
        rows.append(ExplainRow(article_id, f"{number}. {event.sub_event_type} @ {where}", place))
    return rows


def render(rows: Iterable[ExplainRow], console: Console, title: str) -> None:
    if not console.is_terminal:  # a log file: keep each row on one line
        console = Console(file=console.file, width=240, no_color=True)
    table = Table(title=title, title_justify="left", expand=False)
    for column in ("mention", "chosen place", "cc", "feature", "prec", "score"):
        table.add_column(column, no_wrap=True)
    table.add_column("score terms", overflow="fold")
    for row in rows:
        place = row.place
        if place is None or place.name is None:
            table.add_row(row.label, "unresolved", "", "", "", "",
                          format_terms(place.explain) if place else "")
            continue
        chosen = f"{place.name} ({place.geonameid})" if place.geonameid else place.name
        table.add_row(row.label, chosen, place.country_code or "", place.feature_code or "",
                      str(place.geo_precision), f"{place.score:.2f}", format_terms(place.explain))
    console.print(table)
