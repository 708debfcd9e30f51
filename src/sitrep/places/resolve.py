"""Pick one gazetteer candidate per toponym, and the document's focus country.

Score of a candidate (weights in WEIGHTS, each term kept in PlaceMention.explain):
  population (log scale) + feature class prior (country, capital, admin1 when the text says
  "province") + how the name matched (main name, variant, skeleton) + document focus country
  + admin areas named nearby ("Al-Bab, located in Aleppo province", "Tafas (Dar'a, Dar'a)")
  + closeness to the other places of the article.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from sitrep.gazetteer import Candidate, Gazetteer, name_key
from sitrep.geo import distance_km
from sitrep.places.countries import country_by_code
from sitrep.places.finder import Span, cues

WEIGHTS = {
    "population": 1.0,      # times log10(pop)/7, 0..~1
    "country": 1.2,         # a country named by its own name
    "capital": 0.3,
    "admin1": -1.0,         # a big city of the same name is likelier, unless "province" follows
    "admin_cue": 1.5,       # ADM1 candidate and "province" after the name
    "main_name": 0.8,       # the place's own name, not one of its alternates
    "variant": 0.6,
    "fuzzy": -0.8,
    "focus": 1.6,           # candidate lies in the document's focus country
    "doc_country": 0.7,     # in another country the document names
    "admin_context": 1.2,   # its admin1/admin2 is named nearby
    "near_other": 0.5,      # within 150 km of another place of the article
    "prominent": 2.0,       # London, Paris: 20 times bigger than any namesake
}
_GENERIC = {"county", "city", "town", "village", "district", "municipality", "parish", "borough"}
# location cues too common to vouch for a name on their own
_WEAK_CUES = {"of", "to", "and", "from", "through", "via"}


def plausible(cand: Candidate, focus: str | None, votes: Counter) -> bool:
    """A small place abroad that nothing else in the article points to is a false friend
    (Ali in India for the Mirza-Ali village of an Afghan note)."""
    if not focus or cand.country_code == focus or cand.is_country or not cand.country_code:
        return True
    return cand.population >= 20_000 or votes.get(cand.country_code, 0) >= 1.0


def accept(span: Span, cand: Candidate) -> bool:
    """Whether a span keeps its best candidate. NER GPE/LOC/FAC always do; PERSON/ORG/NORP
    spans and matcher hits need a location cue, an analyst's variant or a large place."""
    if span.source == "ner-strong":
        return True
    if span.source == "embedded":  # only names that stand out inside an organisation's name
        return (cand.is_country or cand.is_admin1 or cand.feature_code == "CONT"
                or (cand.kind == 0 and cand.population >= 100_000))
    cue = (span.cue_before and span.cue_before not in _WEAK_CUES) or bool(span.noun_after)
    if cand.kind == 2 and not cand.fuzzy:
        return True
    if span.source == "ner-weak":
        if cand.is_demonym:
            return span.label == "NORP"
        return cue or (cand.kind == 0 and cand.population >= 100_000)
    # matcher: capitalised words NER did not tag
    if cand.is_demonym:
        return False
    return (cue and cand.population >= 1_000) or (cand.kind == 0 and cand.population >= 200_000)


def _pop(cand: Candidate) -> float:
    return math.log10(cand.population + 1) / 7.0


def candidates_for(gaz: Gazetteer, span: Span) -> list[Candidate]:
    found = list(gaz.lookup_key(span.key))
    words = span.key.split()
    if not found and len(words) > 1 and words[-1] in _GENERIC:
        found = list(gaz.lookup_key(" ".join(words[:-1])))  # "Morris County" -> Morris
    if span.source == "ner-weak" and found:
        # PERSON/ORG/NORP spans: only names a place is really called (no alternates-only hits)
        found = [c for c in found if c.kind != 1 or c.population >= 50_000]
    return found


def focus_country(spans: Sequence[Span], cands: Sequence[list[Candidate]]) -> tuple[str | None, Counter]:
    """Votes: a country's own name 3, a demonym 1, "X province" 1; any other name shares one
    vote among the countries that have a place so called (co-occurrence settles ambiguity)."""
    votes: Counter = Counter()
    for span, options in zip(spans, cands):
        if not options:
            continue
        countries = [c for c in options if c.is_country]
        if countries and span.source != "matcher":
            votes[countries[0].country_code] += 1.0 if countries[0].is_demonym else 3.0
            continue
        admin = [c for c in options if c.is_admin1]
        if admin and span.noun_after in cues()["admin_nouns"]:
            votes[admin[0].country_code] += 1.0
            continue
        if span.source == "embedded" or (span.source == "ner-weak" and options[0].population < 50_000):
            continue
        codes = {c.country_code for c in options[:20] if c.country_code}
        for code in codes:
            votes[code] += 1.0 / len(codes)
    ranked = votes.most_common(2)
    focus = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    if focus is None and ranked:  # a tie: the country of the most populous candidate among them
        tied = {code for code, v in votes.items() if v == ranked[0][1]}
        best = max((c for options in cands for c in options if c.country_code in tied),
                   key=lambda c: c.population, default=None)
        focus = best.country_code if best else None
    return focus, votes


def score_candidate(cand: Candidate, span: Span, focus: str | None, votes: Counter,
                    admin_hints: set[str], others: list[tuple[float, float]],
                    city_rival: bool = False, prominent: bool = False) -> dict[str, float]:
    table = cues()
    parts = {"population": WEIGHTS["population"] * _pop(cand)}
    if prominent:
        parts["prominent"] = WEIGHTS["prominent"]
    if cand.is_country or cand.feature_code in ("CONT", "RGN"):
        parts["country"] = WEIGHTS["country"]
    elif cand.feature_code == "PPLC":
        parts["capital"] = WEIGHTS["capital"]
    elif cand.is_admin1:
        if city_rival:
            parts["admin1"] = WEIGHTS["admin1"]
        if span.noun_after in table["admin_nouns"]:
            parts["admin_cue"] = WEIGHTS["admin_cue"]
    if cand.fuzzy:
        parts["fuzzy"] = WEIGHTS["fuzzy"]
    elif cand.kind == 0:
        parts["main_name"] = WEIGHTS["main_name"]
    elif cand.kind == 2:
        parts["variant"] = WEIGHTS["variant"]
    if focus and cand.country_code == focus:
        parts["focus"] = WEIGHTS["focus"]
    elif votes.get(cand.country_code, 0) >= 1.0:
        parts["doc_country"] = WEIGHTS["doc_country"]
    if not cand.is_country and not cand.is_admin1:
        hinted = {name_key(a) for a in (cand.admin1, cand.admin2) if a}
        if hinted & admin_hints:
            parts["admin_context"] = WEIGHTS["admin_context"]
    if others and not cand.is_country:
        if any(distance_km(cand.latitude, cand.longitude, la, lo) < 150 for la, lo in others):
            parts["near_other"] = WEIGHTS["near_other"]
    return parts


def admin_hints(spans: Sequence[Span], cands: Sequence[list[Candidate]], focus: str | None) -> set[str]:
    """Name keys of admin areas the article names (ADM1s, and cities that name an admin1)."""
    hints: set[str] = set()
    for span, options in zip(spans, cands):
        for cand in options:
            if cand.is_admin1 and (not focus or cand.country_code == focus):
                hints.add(span.key)
                hints.add(name_key(cand.name))
    return hints


def resolve(gaz: Gazetteer, spans: Sequence[Span]) -> tuple[list[tuple[Candidate | None, dict]], str | None]:
    """Best candidate (or None) with its score parts for each span, and the focus country."""
    cands = [candidates_for(gaz, span) for span in spans]
    focus, votes = focus_country(spans, cands)
    # names NER is sure of but the index lacks: try the consonant skeleton inside the focus
    for i, span in enumerate(spans):
        if not cands[i] and span.source == "ner-strong" and focus:
            cands[i] = gaz.lookup_fuzzy(span.text, focus)[:10]
    hints = admin_hints(spans, cands, focus)
    # first pass without distances, second with the places the first pass found
    anchors: list[tuple[float, float]] = []
    for _ in range(2):
        results: list[tuple[Candidate | None, dict]] = []
        for i, (span, options) in enumerate(zip(spans, cands)):
            best, best_parts, best_total = None, {}, -1e9
            others = [a for j, a in enumerate(anchors) if j != i and a is not None]
            # "Aleppo" alone is the city, "Texas" alone the state: a same-name city must be big
            rival_codes = {c.country_code for c in options if c.kind == 0
                           and c.feature_code.startswith("PPL") and c.population >= 50_000}
            pops = sorted((c.population for c in options if not c.is_country), reverse=True)
            big = pops[0] if pops and pops[0] >= 1_000_000 and (
                len(pops) == 1 or pops[0] >= 20 * pops[1]) else None
            for cand in options[:60]:
                parts = score_candidate(cand, span, focus, votes, hints - {span.key}, others,
                                        cand.country_code in rival_codes,
                                        big is not None and cand.population == big)
                total = sum(parts.values())
                if cand.fuzzy and "near_other" not in parts and "admin_context" not in parts:
                    continue  # a skeleton match far from everything else is a guess
                if total > best_total:
                    best, best_parts, best_total = cand, parts, total
            if best is not None and not (accept(span, best) and plausible(best, focus, votes)):
                best = None
            best_parts = {k: round(v, 3) for k, v in best_parts.items()}
            best_parts["total"] = round(best_total, 3) if best else 0.0
            results.append((best, best_parts))
        anchors = [(c.latitude, c.longitude) if c and not c.is_country else None for c, _ in results]
    return results, focus


def country_name(code: str | None) -> str | None:
    info = country_by_code(code) if code else None
    return info.name if info else None
