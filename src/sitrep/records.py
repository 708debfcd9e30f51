"""Doc -> Event records: the only place a Doc becomes a record.

Reads every `doc._` attribute in mentions.py. Merges mentions of one event inside an article
(same sub-type, compatible place, date and actors), reconciles the claims into ACLED's
`fatalities` (most conservative source) and a low/high range, and writes notes and evidence.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterable

from spacy.tokens import Doc

from sitrep.actors.fill import (  # noqa: F401  (disorder_type, interaction: the API of records)
    DEMONSTRATIONS, context_of, disorder_type, event_sides, interaction,
)
from sitrep.geo import distance_km
from sitrep.mentions import ActorMention, ClaimMention, EventMention, PlaceMention, mentions
from sitrep.model import Article, Claim, Event, Evidence
from sitrep.places.countries import country_by_code, country_by_name

def reconcile(claims: Iterable[ClaimMention]) -> tuple[int, int | None, int | None]:
    """(fatalities, low, high) from killed claims.

    Within one source, figures for different victims add up ("50 soldiers and 85 family
    members"); across sources they are alternatives, and ACLED codes the most conservative.
    """
    by_source: dict[str, dict[str, int]] = {}
    for claim in claims:
        if claim.kind != "killed":
            continue
        source = (claim.source or "").strip().lower()
        victims = (claim.who or "").strip().lower() or f"#{claim.value}"
        figures = by_source.setdefault(source, {})
        figures[victims] = max(figures.get(victims, 0), claim.value)
    totals = [sum(figures.values()) for figures in by_source.values()]
    if not totals:
        return 0, None, None
    return min(totals), min(totals), max(totals)


def _named(actor: ActorMention | None) -> bool:
    """An unidentified group is a placeholder a later, named mention may fill."""
    return actor is not None and not actor.name.startswith("Unidentified")


def _actors_compatible(a: EventMention, b: EventMention) -> bool:
    names_a = {m.name for m in (a.actor1, a.actor2) if _named(m)}
    names_b = {m.name for m in (b.actor1, b.actor2) if _named(m)}
    return not names_a or not names_b or bool(names_a & names_b)


# a town and a neighbourhood or village inside it are one event's place, coded to the finer one
NEAR_KM = 15.0
# lower is more specific: a village beats a seat of government, which beats a region or country
_SPECIFICITY = {"PPLC": 2, "PPLA": 2, "PPLA2": 1, "ADM1": 3, "ADM2": 3, "PCLI": 4}


def _specificity(place: PlaceMention) -> int:
    return _SPECIFICITY.get(place.feature_code or "", 0)


def _contains(region: PlaceMention, place: PlaceMention) -> bool:
    """A province or country named for an event holds the town named for it elsewhere."""
    if region.feature_code == "ADM1":
        return bool(region.name) and region.name == place.admin1
    if (region.feature_code or "").startswith("PCL"):
        return bool(region.country_code) and region.country_code == place.country_code
    return False


def _same_place(a: PlaceMention, b: PlaceMention) -> bool:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if (a.name or a.text) == (b.name or b.text):
        return True
    if _contains(a, b) or _contains(b, a):
        return True
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_KM


def _same_event(a: EventMention, b: EventMention) -> bool:
    if a.sub_event_type != b.sub_event_type:
        return False
    if a.place and b.place and not _same_place(a.place, b.place):
        return False
    if a.date and b.date and a.date.date != b.date.date:
        return False
    return _actors_compatible(a, b)


def _absorb(into: EventMention, other: EventMention) -> None:
    """Fill what `into` lacks from `other` and pool the claims."""
    for attr in ("actor1", "actor2", "place", "date"):
        if getattr(into, attr) is None:
            setattr(into, attr, getattr(other, attr))
    for attr in ("actor1", "actor2"):
        if not _named(getattr(into, attr)) and _named(getattr(other, attr)):
            setattr(into, attr, getattr(other, attr))
    if into.place and other.place and _specificity(other.place) < _specificity(into.place):
        into.place = other.place
    if into.date and other.date and other.date.time_precision < into.date.time_precision:
        into.date = other.date
    into.assoc_actor_1 += [m for m in other.assoc_actor_1 if m not in into.assoc_actor_1]
    into.assoc_actor_2 += [m for m in other.assoc_actor_2 if m not in into.assoc_actor_2]
    into.claims += [c for c in other.claims if c not in into.claims]
    into.score = max(into.score, other.score)


def headline_end(text: str) -> int:
    """End of a headline line at the top of a report (0 if there is none).

    A headline is a short first line without closing punctuation, followed by more text.
    """
    first, newline, rest = text.partition("\n")
    line = first.strip()
    if not newline or not rest.strip() or not line or line[-1] in ".!?\"\u201d:" or len(line.split()) > 20:
        return 0
    return len(first)


def merge_mentions(event_mentions: list[EventMention], headline: int = 0) -> list[EventMention]:
    """One mention per distinct event, in order of first appearance (the primary first).

    A headline summarises the body: its event joins the body's event of the same sub-type,
    whose words are more precise, and stands alone only where the body has no such event.
    """
    body = [m for m in event_mentions if m.start >= headline]
    for title in (m for m in event_mentions if m.start < headline):
        twin = next((m for m in body if m.sub_event_type == title.sub_event_type), None)
        if twin is None:
            body.append(title)  # reading order is restored below
        else:
            _absorb(twin, title)
    merged: list[EventMention] = []
    for mention in sorted(body, key=lambda m: m.start):
        for kept in merged:
            if _same_event(kept, mention):
                _absorb(kept, mention)
                break
        else:
            merged.append(mention)
    return merged


def _evidence(doc: Doc, field: str, start: int | None, end: int | None) -> Evidence | None:
    if start is None or end is None or end <= start:
        return None
    return Evidence(field=field, start=start, end=end, text=doc.text[start:end])


def _event_id(iso3: str | None, article_id: str | None, index: int, key: str) -> str:
    digest = hashlib.sha1(f"{article_id}|{index}|{key}".encode()).hexdigest()
    return f"{iso3 or 'XXX'}{int(digest[:8], 16) % 1_000_000}"


@lru_cache(maxsize=1)
def _note_phrases() -> dict[str, str]:
    path = Path(__file__).with_name("notes.json")
    return {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def write_notes(event: Event) -> str:
    """A one or two sentence summary in ACLED's style, with disputed figures kept."""
    when = "On an unknown date"
    if event.event_date:
        day = date.fromisoformat(event.event_date)
        prefix = {1: "On", 2: "Around", 3: "In"}.get(event.time_precision or 1, "On")
        stamp = f"{day:%B %Y}" if event.time_precision == 3 else f"{day.day} {day:%B %Y}"
        when = f"{prefix} {stamp}"
    where = ""
    if event.location:
        parents = ", ".join(p for p in (event.admin2, event.admin1) if p and p != event.location)
        where = f" in {event.location}" + (f" ({parents})" if parents else "")
    phrase = _note_phrases().get(event.sub_event_type, "{actor1}: " + event.sub_event_type.lower() + "{where}")
    body = phrase.format(actor1=event.actor1 or "unidentified actors",
                         actor2=event.actor2 or "unidentified people", where=where)
    text = f"{when}, {body}."
    killed = [c for c in event.claims if c.kind == "killed"]
    if killed:
        figures = sorted({(c.source or "unattributed", c.value) for c in killed})
        text += f" {event.fatalities} fatalities coded"
        if len({value for _, value in figures}) > 1:
            text += " (" + "; ".join(f"{source}: {value}" for source, value in figures) + ")"
        text += "."
    for kind in ("abducted", "arrested"):
        counts = [c.value for c in event.claims if c.kind == kind]
        if counts:
            text += f" At least {min(counts)} {kind}."
    if event.event_type in DEMONSTRATIONS:
        text += " [size=no report]"
    return text


# an event dated this long before the report's newest event is background, not news
BACKGROUND_DAYS = 30


def drop_background(event_mentions: list[EventMention]) -> list[EventMention]:
    """ACLED codes the news of a report, not the history it recalls ("in January, ...")."""
    dated = [m.date.date for m in event_mentions if m.date]
    if not dated:
        return event_mentions
    newest = max(dated)
    return [m for m in event_mentions
            if m.date is None or (newest - m.date.date).days <= BACKGROUND_DAYS]


def doc_to_events(doc: Doc, article: Article | None = None) -> list[Event]:
    """Every event of one parsed article, primary first."""
    events: list[Event] = []
    found = merge_mentions(drop_background(mentions(doc, "event_mentions")), headline=headline_end(doc.text))
    for index, mention in enumerate(found):
        events.append(_mention_to_event(doc, mention, index, article))
    return events


def _mention_to_event(doc: Doc, mention: EventMention, index: int,
                      article: Article | None) -> Event:
    place = mention.place
    # a sea or region shared by several countries (Lake Chad) has none: the article's focus
    country_code = (place.country_code if place else None) or doc._.doc_country
    info = country_by_code(country_code) if country_code else None
    if info is None and place and place.country:
        info = country_by_name(place.country)
    country = info.name if info else (place.country if place else None)
    fatalities, low, high = reconcile(mention.claims)
    sides = event_sides(mention, country, context_of(doc, mention), doc.user_data.get("sitrep_regimes"))
    event_date = mention.date.date.isoformat() if mention.date else None

    evidence = [
        _evidence(doc, "event_type", mention.start, mention.end),
        _evidence(doc, "sub_event_type", mention.start, mention.end),
        _evidence(doc, "actor1", *(mention.actor1.start, mention.actor1.end) if mention.actor1 else (None, None)),
        _evidence(doc, "actor2", *(mention.actor2.start, mention.actor2.end) if mention.actor2 else (None, None)),
        _evidence(doc, "location", *(place.start, place.end) if place else (None, None)),
        _evidence(doc, "event_date", *(mention.date.start, mention.date.end) if mention.date else (None, None)),
    ]
    claims = []
    for claim in mention.claims:
        span = _evidence(doc, "fatalities" if claim.kind == "killed" else claim.kind, claim.start, claim.end)
        evidence.append(span)
        claims.append(Claim(kind=claim.kind, value=claim.value, qualifier=claim.qualifier,
                            source=claim.source, evidence=span))

    article_id = article.id if article else doc._.article_id
    event = Event(
        event_id_cnty=_event_id(info.iso3 if info else None, article_id, index,
                                f"{mention.sub_event_type}|{event_date}|{place.name if place else ''}"),
        event_date=event_date,
        year=mention.date.date.year if mention.date else None,
        time_precision=mention.date.time_precision if mention.date else None,
        disorder_type=sides.disorder_type,
        event_type=mention.event_type,
        sub_event_type=mention.sub_event_type,
        actor1=sides.actor1,
        assoc_actor_1=sides.assoc_actor_1,
        inter1=sides.inter1,
        actor2=sides.actor2,
        assoc_actor_2=sides.assoc_actor_2,
        inter2=sides.inter2,
        interaction=sides.interaction,
        civilian_targeting=sides.civilian_targeting,
        iso=info.isonumeric if info else None,
        region=info.region if info else None,
        country=country,
        admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None,
        location=place.name if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else None,
        where_prec=place.where_prec if place else None,
        source=article.source if article else None,
        fatalities=fatalities,
        fatalities_low=low,
        fatalities_high=high,
        claims=claims,
        evidence=[e for e in evidence if e is not None],
        geonameid=place.geonameid if place else None,
        confidence=round(mention.score, 3),
        article_id=article_id,
        article_ids=[article_id] if article_id else [],
    )
    event.notes = write_notes(event)
    return event
