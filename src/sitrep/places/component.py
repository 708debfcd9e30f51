"""The places stage: toponyms of the article, the focus country, and each event's place.

Reads doc.ents (when the model has NER), doc._.event_mentions and doc._.actor_mentions (their
countries vote for the focus); writes doc._.toponyms,
doc._.doc_country and EventMention.place (see mentions.py). The gazetteer is opened once per
process, on the first document; `model_dir` (set with `--model`) layers a `sitrep train`
directory's coded places (gazetteer.tsv) over it (model_places.py).
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.gazetteer import Candidate, Gazetteer, name_key
from sitrep.gazetteer.normalize import bare_area_name
from sitrep.mentions import PlaceMention, mentions
from sitrep.places.assign import assign_places, base_precision, specificity
from sitrep.places.context import Context, contexts
from sitrep.places.countries import country_by_name
from sitrep.places.finder import Span, cues, find_spans
from sitrep.places.model_places import with_model_places
from sitrep.places.relative import apply_offset, where_precision
from sitrep.places.repeats import repeated_mentions
from sitrep.places.resolve import WEAK_CUES, country_name, known_keys, resolve
from sitrep.places.seats import at_seat

# ACLED notes: "in Tafas (Dar'a, Dar'a)" = location (admin2, admin1)
# unresolved NER labels that name a site or settlement, which lies near the last town named
INHERIT_LABELS = {"FAC", "GPE"}
SPELLING_RATIO = 0.6  # how alike a written name must be to the index's to be its spelling
_PAREN = re.compile(r"\s*\(([^()]{2,60})\)")


def _mention(span: Span, cand: Candidate | None, parts: dict) -> PlaceMention:
    place = PlaceMention(start=span.start, end=span.end, text=span.text, explain=dict(parts))
    place.explain["source_" + span.source.replace("-", "_")] = 1.0
    if cand is None:
        return place
    place.geonameid = cand.geonameid
    place.name = cand.name
    place.country_code = cand.country_code
    place.country = country_name(cand.country_code)
    place.admin1 = cand.admin1
    place.admin2 = bare_area_name(cand.admin2) if cand.admin2 else cand.admin2  # ACLED: "Loroum"
    place.latitude = round(cand.latitude, 5)
    place.longitude = round(cand.longitude, 5)
    place.feature_code = cand.feature_code
    place.score = parts.get("total", 0.0)
    if cand.is_demonym:
        place.explain["demonym"] = 1.0
    return place


def actor_countries(doc: Doc) -> list[str]:
    """ISO2 codes of the countries the article's actors belong to (the actors stage ran)."""
    codes = []
    for actor in mentions(doc, "actor_mentions"):
        info = country_by_name(actor.country) if actor.country else None
        if info is not None:
            codes.append(info.iso2)
    return codes


def _mark_admin_hints(text: str, places: list[PlaceMention]) -> None:
    """Fill a place's admin areas from the '(admin2, admin1)' written after it."""
    for place in places:
        match = _PAREN.match(text, place.end)
        if not match:
            continue
        # the hint names the admin areas: fill them when the index had none
        parts = [p.strip() for p in match.group(1).split(",")]
        if len(parts) == 2 and place.latitude is not None:
            place.admin2 = place.admin2 or parts[0]
            place.admin1 = place.admin1 or parts[1]


def written_admin1(places: list[PlaceMention], also: list[PlaceMention] = ()) -> None:
    """Name a first-level area as the text spells it where the text names it ("Idleb" in an
    ACLED note, the index's "Idlib"): the writer's spelling is the one the reader expects.
    The text names it by a mention of the area or of its town of the same name, spelt alike
    (not "Halab" for Aleppo); an abbreviation ("J&K") or a mention that inherited its place
    says nothing of the spelling."""
    spelling: dict[str, str] = {}
    for place in places:
        text = place.text.strip()
        if not place.admin1 or "inherited_from" in place.explain or text.isupper() or len(text) < 4 \
                or not text.replace("-", "").replace("'", "").replace(" ", "").isalpha():
            continue
        similar = SequenceMatcher(None, text.lower(), place.admin1.lower()).ratio() >= SPELLING_RATIO
        if similar and (place.feature_code == "ADM1" or name_key(place.name or "") == name_key(place.admin1)):
            spelling.setdefault(place.admin1, text)
    for place in list(places) + list(also):
        if place.admin1 in spelling:
            place.admin1 = spelling[place.admin1]


def is_site(span: Span) -> bool:
    """A street, building or facility by its words: "Royal Street", "Holy Redeemer Church"."""
    words = span.key.split()
    table = cues()
    return len(words) > 1 and (words[-1] in table["site_nouns"] or words[0] in table["site_prefixes"])


def _copy_place(place: PlaceMention, source: PlaceMention, how: str) -> None:
    for field in ("geonameid", "name", "country", "country_code", "admin1", "admin2",
                  "latitude", "longitude", "feature_code"):
        setattr(place, field, getattr(source, field))
    place.geo_precision = max(2, source.geo_precision)
    place.explain[how] = 1.0
    place.explain["inherited_from"] = float(source.start)


def people_words(doc: Doc) -> set[str]:
    """The words of the article's names of people of more than one word ("Yulia Skripal")."""
    return {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}


def _nameless(text: str, people: set[str]) -> bool:
    """No proper name of a site: lowercase ("veranda"), a date ("March 31"), or a word of a
    person's name named elsewhere ("Yulia" of "Yulia Skripal")."""
    return (not text[:1].isupper() or any(ch.isdigit() for ch in text)
            or (" " not in text and text in people))


def inherit_unresolved(spans: list[Span], by_span: dict[int, PlaceMention],
                       links_of: list[list[Context]], focus: str | None,
                       people: set[str] = frozenset()) -> None:
    """Names the index lacks take the place of the area around them, at precision 2: the
    area the text names ("the Crown Heights neighborhood of Brooklyn"), else, for sites and
    settlements (NER FAC/GPE, not seas or regions), the place they are named after, else the
    last settlement of the focus country named before them."""
    # a name inside a far namesake ("Washington" of a stray "Washington Square") is no
    # settlement the article is about
    strays = [p for p in by_span.values() if p.explain.get("stray")]
    settlements = sorted((p for p in by_span.values() if p.latitude is not None
                          and specificity(p) == 1 and not p.explain.get("demonym")
                          and not any(s.start <= p.start and p.end <= s.end for s in strays)),
                         key=lambda p: p.start)
    for i, place in sorted(by_span.items()):
        if place.latitude is not None:
            continue
        around = [by_span[link.index] for link in links_of[i] if link.index in by_span
                  and by_span[link.index].latitude is not None]
        if around:
            _copy_place(place, around[0], "inherited_context")
            continue
        if spans[i].label not in INHERIT_LABELS and not is_site(spans[i]):
            continue
        inner = [p for p in by_span.values() if p is not place and p.latitude is not None
                 and place.start <= p.start and p.end <= place.end and not p.explain.get("demonym")
                 and not place.explain.get("stray")]  # nor is it named after that name
        if inner:  # "Colorado State University": the place it is named after
            _copy_place(place, inner[0], "inherited_name")
            continue
        before = [p for p in settlements if p.end <= place.start
                  and (focus is None or p.country_code == focus)]
        if before and not _nameless(place.text, people):
            _copy_place(place, before[-1], "inherited_nearby")


class PlacesComponent:
    """spaCy component `sitrep_places`."""

    def __init__(self, gazetteer: Gazetteer | None = None, model_dir: str | None = None):
        self.model_dir = model_dir or None
        self._gazetteer = with_model_places(gazetteer, self.model_dir) if gazetteer else None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = with_model_places(Gazetteer.default(), self.model_dir)
        return self._gazetteer

    def toponyms(self, doc: Doc) -> tuple[list[PlaceMention], str | None]:
        gaz = self.gazetteer
        text = doc.text  # Doc.text joins every token on each access: read it once
        spans = find_spans(doc, known_keys(gaz))
        actors = mentions(doc, "actor_mentions")
        for span in spans:
            # "the Hadi government": a name inside an actor's words is no event location
            if any(a.start < span.end and span.start < a.end for a in actors):
                span.source, span.in_actor = "embedded", True
        people = people_words(doc)
        resolved, focus = resolve(gaz, spans, text, actor_countries(doc), people)
        links_of = contexts(text, spans)
        hint_spans = {link.index for span, (cand, _), links in zip(spans, resolved, links_of)
                      if cand is not None and span.source != "embedded" for link in links}
        places: list[PlaceMention] = []
        by_span: dict[int, PlaceMention] = {}
        for i, (span, (cand, parts)) in enumerate(zip(spans, resolved)):
            if cand is None and span.source != "ner-strong" and not (
                    span.source == "ner-weak" and is_site(span)):
                continue  # weak spans that name no place were people or groups after all
            if span.source == "embedded" and places and places[-1].end > span.start \
                    and places[-1].latitude is not None:
                continue  # the whole organisation name was a place already
            place = _mention(span, cand, parts)
            if i in hint_spans:
                place.explain["admin_hint"] = 1.0
            places.append(place)
            by_span[i] = place
        places = sorted(places + repeated_mentions(doc, text, places), key=lambda p: p.start)
        for place in places:
            if place.latitude is not None:
                place.geo_precision = base_precision(text, place)
                apply_offset(text, place)
        _mark_admin_hints(text, places)
        inherit_unresolved(spans, by_span, links_of, focus, people)
        # an unplaced name that is no proper name ("veranda", "March 31", "Yulia") is no toponym,
        # nor an unplaced single word nothing marks as a place ("Dropbox", "Guhdar said")
        loose = {id(by_span[i]) for i, span in enumerate(spans) if i in by_span
                 and " " not in span.text and not is_site(span) and not span.noun_after
                 and (not span.cue_before or span.cue_before in WEAK_CUES)}
        places = [p for p in places if p.latitude is not None
                  or not (_nameless(p.text, people) or id(p) in loose)]
        for place in places:
            if place.latitude is not None:
                place.where_prec = where_precision(place)
        return places, focus

    def __call__(self, doc: Doc) -> Doc:
        places, focus = self.toponyms(doc)
        doc._.toponyms = places
        doc._.doc_country = focus
        fallback = None
        if focus:
            country = self.gazetteer.country(focus)
            if country is not None:
                fallback = _mention(Span(0, 0, "", "", "fallback"), country, {"fallback": 1.0})
                fallback.where_prec = 6
        events = mentions(doc, "event_mentions")
        assign_places(doc, events, places, fallback)
        for event in events:  # an event known to a province only lies at its capital (ACLED)
            if event.place is not None:
                event.place = at_seat(self.gazetteer, event.place, doc.text)
        written_admin1(places, [e.place for e in events if e.place is not None])
        return doc


@Language.factory(
    "sitrep_places",
    assigns=["doc._.toponyms", "doc._.doc_country"],
    requires=["doc._.event_mentions", "doc._.actor_mentions"],
    default_config={"model_dir": ""},
)
def make_places(nlp: Language, name: str, model_dir: str = "") -> PlacesComponent:
    return PlacesComponent(model_dir=model_dir)
