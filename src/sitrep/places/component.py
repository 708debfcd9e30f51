"""The places stage: toponyms of the article, the focus country, and each event's place.

Reads doc.ents (when the model has NER) and doc._.event_mentions; writes doc._.toponyms,
doc._.doc_country and EventMention.place (see mentions.py). The gazetteer is opened once per
process, on the first document.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.gazetteer import Candidate, Gazetteer
from sitrep.mentions import PlaceMention, mentions
from sitrep.places.assign import assign_places, base_precision
from sitrep.places.finder import Span, find_spans
from sitrep.places.resolve import country_name, resolve

# ACLED notes: "in Tafas (Dar'a, Dar'a)" = location (admin2, admin1)
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
    place.admin2 = cand.admin2
    place.latitude = round(cand.latitude, 5)
    place.longitude = round(cand.longitude, 5)
    place.feature_code = cand.feature_code
    place.score = parts.get("total", 0.0)
    if cand.is_demonym:
        place.explain["demonym"] = 1.0
    return place


def _mark_admin_hints(text: str, places: list[PlaceMention]) -> None:
    """Places inside '(admin2, admin1)' after another place are context, not locations."""
    for place in places:
        match = _PAREN.match(text, place.end)
        if not match:
            continue
        for other in places:
            if match.start(1) <= other.start < match.end(1) and other is not place:
                other.explain["admin_hint"] = 1.0
        # the hint names the admin areas: fill them when the index had none
        parts = [p.strip() for p in match.group(1).split(",")]
        if len(parts) == 2 and place.latitude is not None:
            place.admin2 = place.admin2 or parts[0]
            place.admin1 = place.admin1 or parts[1]


class PlacesComponent:
    """spaCy component `sitrep_places`."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    def toponyms(self, doc: Doc) -> tuple[list[PlaceMention], str | None]:
        gaz = self.gazetteer
        spans = find_spans(doc, gaz.known_keys)
        resolved, focus = resolve(gaz, spans)
        places: list[PlaceMention] = []
        for span, (cand, parts) in zip(spans, resolved):
            if cand is None and span.source != "ner-strong":
                continue  # weak spans that name no place were people or groups after all
            if span.source == "embedded" and places and places[-1].end > span.start:
                continue  # the whole organisation name was a place already
            places.append(_mention(span, cand, parts))
        text = doc.text  # Doc.text joins every token on each access: read it once
        for place in places:
            if place.latitude is not None:
                place.geo_precision = base_precision(text, place)
        _mark_admin_hints(text, places)
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
        assign_places(doc, mentions(doc, "event_mentions"), places, fallback)
        return doc


@Language.factory(
    "sitrep_places",
    assigns=["doc._.toponyms", "doc._.doc_country"],
    requires=["doc._.event_mentions"],
)
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent()
