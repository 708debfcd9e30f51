"""Helpers for stage tests on hand-built Docs (tests/ is on sys.path beside conftest.py)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from sitrep.mentions import EventMention


def event_at(doc: Doc, trigger: str, event_type: str = "Battles",
             sub_event_type: str = "Armed clash") -> EventMention:
    """An event mention at the trigger's first occurrence, spanning the trigger's sentence."""
    start = doc.text.index(trigger)
    sent = doc.char_span(start, start + len(trigger), alignment_mode="expand").sent
    return EventMention(start, start + len(trigger), trigger, sent.start_char, sent.end_char,
                        event_type, sub_event_type)


def sub_events(nlp, text: str, lemmas: dict[str, str], events=None) -> list[str]:  # noqa: ANN001
    """Sub-event types the events stage finds in `text`, on a blank pipeline whose lemmas are the
    given ones (other words: their lowercase form)."""
    from sitrep.events.component import EventsComponent
    from sitrep.mentions import mentions

    doc = nlp(text)
    for token in doc:
        token.lemma_ = lemmas.get(token.text, token.lower_)
    return [m.sub_event_type for m in mentions((events or EventsComponent())(doc), "event_mentions")]


def parsed_doc(nlp, words, heads, deps, lemmas, pos=None) -> Doc:
    """A Doc with a dependency parse written by hand (heads are absolute token indices)."""
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas,
              pos=pos or ["X"] * len(words), sent_starts=[True] + [False] * (len(words) - 1))
    return doc


def first_sub_event(nlp, text: str, published: date = date(2020, 5, 4)) -> str:  # noqa: ANN001
    """The sub-event type of the first event mention in reading order (the one records.py makes
    the primary event) that a real pipeline finds in `text`, or "NONE"."""
    from sitrep.mentions import mentions
    from sitrep.model import Article
    from sitrep.nlp import make_doc

    found = mentions(nlp(make_doc(nlp, Article(id="t", text=text, published=published))), "event_mentions")
    return min(found, key=lambda m: m.start).sub_event_type if found else "NONE"


def doc_with_ents(nlp, text: str, ents: list[tuple[str, str]]) -> Doc:
    """A Doc whose entities are the given (words, label) pairs, first occurrences in order."""
    doc = nlp(text)
    spans, pos = [], 0
    for words, label in ents:
        start = text.index(words, pos)
        spans.append(doc.char_span(start, start + len(words), label=label))
        pos = start + len(words)
    doc.ents = spans
    return doc


# --- a tiny gazetteer built from a handful of hand-written rows (seconds, not a minute) ---
def _city(gid, name, lat, lon, cc, pop, admin1code, alts=()):
    return {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon,
            "countrycode": cc, "population": pop, "admin1code": admin1code,
            "alternatenames": list(alts)}


CITIES = [
    _city(170063, "Aleppo", 36.20124, 37.16117, "SY", 2098210, "09", ["Halab", "Alep", "ALP"]),
    _city(174018, "Al Bāb", 36.37051, 37.5157, "SY", 130745, "09", ["Al-Bab", "al-Bāb"]),
    _city(167357, "Manbij", 36.52815, 37.95495, "SY", 99497, "09"),
    _city(170794, "Deir ez-Zor", 35.33588, 40.14084, "SY", 271800, "07", ["Dayr az-Zawr"]),
    _city(170654, "Damascus", 33.5102, 36.29128, "SY", 1569394, "13"),
    _city(163345, "Ţafas", 32.73739, 36.06731, "SY", 31249, "12", ["Tafas"]),
    _city(170592, "Dar‘ā", 32.61889, 36.10213, "SY", 97969, "12", ["Daraa", "Dar'a"]),
    _city(323786, "Ankara", 39.91987, 32.85427, "TR", 3517182, "68"),
    _city(2988507, "Paris", 48.85341, 2.3488, "FR", 2138551, "11"),
    _city(4717560, "Paris", 33.66094, -95.55551, "US", 24782, "TX"),
    _city(3061241, "Báb", 48.30995, 17.86665, "SK", 1133, "02"),
]
COUNTRIES = {
    "SY": {"geonameid": 163843, "name": "Syria", "iso": "SY", "iso3": "SYR", "isonumeric": 760,
           "capital": "Damascus", "population": 22198110},
    "TR": {"geonameid": 298795, "name": "Turkey", "iso": "TR", "iso3": "TUR", "isonumeric": 792,
           "capital": "Ankara", "population": 82319724},
    "FR": {"geonameid": 3017382, "name": "France", "iso": "FR", "iso3": "FRA", "isonumeric": 250,
           "capital": "Paris", "population": 66987244},
    "US": {"geonameid": 6252001, "name": "United States", "iso": "US", "iso3": "USA",
           "isonumeric": 840, "capital": "Washington", "population": 327167434},
    "SK": {"geonameid": 3057568, "name": "Slovakia", "iso": "SK", "iso3": "SVK",
           "isonumeric": 703, "capital": "Bratislava", "population": 5447011},
}


def stress_rows(path: Path) -> list[tuple[str, str, str]]:
    """(kind, gold sub-event type or NONE, text) of a hand-written stress set (tests/events/data)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, gold, text = line.split("\t")
            out.append((kind, gold, text))
    return out


def stress_misses(rows: list[tuple[str, str, str]], code) -> tuple[float, str]:  # noqa: ANN001
    """The share of a stress set's rows that `code(text)` gets right, and its misses, one a line."""
    wrong = [(gold, got, text) for _, gold, text in rows if (got := code(text)) != gold]
    return 1 - len(wrong) / len(rows), "\n".join(f"{gold} -> {got}: {text}" for gold, got, text in wrong)
