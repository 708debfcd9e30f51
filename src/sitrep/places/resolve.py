"""Pick one gazetteer candidate per toponym, given the document's focus country (focus.py).

Score of a candidate (weights in focus.WEIGHTS, each term kept in PlaceMention.explain):
  population (log scale) + feature class prior (country, capital, admin1 when the text says
  "province") + how the name matched (main name, variant, skeleton) + document focus country
  + admin areas named nearby ("Al-Bab, located in Aleppo province", "Tafas (Dar'a, Dar'a)")
  + closeness to the other places of the article.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from collections import Counter
from collections.abc import Collection, Sequence
from difflib import SequenceMatcher

from sitrep.gazetteer import Candidate, Gazetteer, name_key
from sitrep.gazetteer.normalize import area_key, fold
from sitrep.geo import distance_km
from sitrep.places.abbreviations import abbreviations, expand
from sitrep.places.admin_names import admin_candidates, admin_names
from sitrep.places.context import contexts, regions
from sitrep.places.countries import country_by_code
from sitrep.places.demonyms import area_candidates, area_demonyms
from sitrep.places.finder import DATA, Span, cues
from sitrep.places.focus import WEIGHTS, focus_country, span_votes
from sitrep.places.model_places import coded_ids
from sitrep.places.repeats import one_sense

FUZZY_RATIO = 0.75          # name similarity a consonant-skeleton match needs
_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez)[-‑‐\s]", re.I)
_GENERIC = {"county", "city", "town", "village", "district", "municipality", "parish", "borough",
            "township", "area", "camp"}
# location cues too common to vouch for a name on their own
WEAK_CUES = {"of", "to", "and", "from", "through", "via"}


def plausible(cand: Candidate, focus: str | None, votes: Counter, span: Span | None = None) -> bool:
    """A small place abroad that nothing else in the article points to is a false friend
    (Ali in India for the Mirza-Ali village of an Afghan note); so is an admin1 abroad inside an
    organisation's name ("Federal Ministry" of a Nigerian article is not Brazil's Federal District)."""
    if span is not None and span.source == "embedded" and cand.is_admin1 and focus \
            and cand.country_code != focus and votes.get(cand.country_code, 0) < 1.0:
        return False
    if not focus or cand.country_code == focus or cand.is_country or not cand.country_code:
        return True
    return cand.population >= 20_000 or votes.get(cand.country_code, 0) >= 1.0


def accept(span: Span, cand: Candidate, chained: bool = False, parts: dict | None = None) -> bool:
    """Whether a span keeps its best candidate. NER GPE/LOC/FAC always do; PERSON/ORG/NORP
    spans and matcher hits need a location cue, an analyst's variant or a large place.
    `chained`: the span names areas around another place, or has its own ("Marawi, Lanao del
    Sur"), which is as good a cue as "in"."""
    if span.text.isupper() and len(span.text) <= 5 and cand.kind == 1 and not (
            cand.is_country or cand.is_admin1):
        return False  # GNA is not Guna: an acronym only by a place's own name or a variant
    if cand.is_demonym and span.role:
        # "Kurdish militia", "Danish developer" name a country; "the Irish", "in English" do not
        return span.role == "modifier"
    if span.label == "ADJ":  # an adjective the matcher took only in case it was a demonym
        return False
    if span.source == "ner-strong":
        return True
    if span.source == "embedded":  # only names that stand out inside an organisation's name
        # ("The Allendale Woman's Club" of a New Jersey article: the Allendale nearby)
        near = parts is not None and "focus" in parts and "near_other" in parts
        return (cand.is_country or cand.is_admin1 or cand.feature_code == "CONT" or cand.is_demonym
                or (cand.kind == 0 and (cand.population >= 100_000 or near))
                or cand.population >= 1_000_000)  # "The New York Times": New York City
    cue = (span.cue_before and span.cue_before not in WEAK_CUES) or bool(span.noun_after) or chained
    if cand.kind == 2 and not cand.fuzzy:
        return True
    if span.source == "ner-weak":
        if cand.is_demonym:
            return span.label == "NORP"
        if span.possessive:  # a person's or a firm's ("Denny's"), unless a big place's
            return cand.kind == 0 and cand.population >= 100_000
        near = parts is not None and "focus" in parts and "near_other" in parts
        return cue or (cand.kind == 0 and (cand.population >= 100_000 or near))
    # matcher: capitalised words NER did not tag; a demonym NER did not tag NORP is more often
    # a language or a team ("in English", "English football") than a place
    if cand.is_demonym:
        return False
    near = parts is not None and "focus" in parts and "near_other" in parts
    return (cue and cand.population >= 1_000) or (cand.kind == 0 and (
        cand.population >= 200_000 or (near and cand.population >= 1_000)))


def _pop(cand: Candidate) -> float:
    return math.log10(cand.population + 1) / 7.0


FEATURE_ID = -1_000_000_000  # ids of features.tsv rows count down from here (ADM1 rows use -1...)


@lru_cache(maxsize=1)
def natural_features() -> dict[str, list[Candidate]]:
    """Name key -> seas, deserts, ranges and regions of data/features.tsv (not in the index)."""
    table: dict[str, list[Candidate]] = {}
    rows = (DATA / "features.tsv").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(rows, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 6)[:6]
        name, variants, lat, lon, code, country = (c.strip() for c in cells)
        for kind, label in [(0, name)] + [(2, v) for v in variants.split("|") if v.strip()]:
            cand = Candidate(FEATURE_ID - number, name, float(lat), float(lon), country, None, None, 0, code, kind)
            table.setdefault(name_key(label), []).append(cand)
    return table


def known_keys(gaz: Gazetteer):
    """The index's known_keys, plus the names of natural features, abbreviations and area
    demonyms, and of second-level areas."""
    extra = (natural_features().keys() | abbreviations().keys() | area_demonyms().keys()
             | admin_names().keys())
    admin2 = gaz.admin2_keys()  # the areas the index knows only through its towns ("Loroum")
    return lambda keys: gaz.known_keys(keys) | {k for k in keys if k in extra or k in admin2}


def candidates_for(gaz: Gazetteer, span: Span) -> list[Candidate]:
    areas = area_candidates(gaz, span.key)  # "English": England, not the United Kingdom
    if areas:
        return areas
    found = list(gaz.lookup_key(span.key)) + natural_features().get(span.key, [])
    found += [c for c in admin_candidates(gaz, span.key) if c.geonameid not in {f.geonameid for f in found}]
    words = span.key.split()
    county = cues()["county_nouns"]
    if span.noun_after in county or (len(words) > 1 and words[-1] in county):
        # "Morris County": the county among its towns, not a town called Morris
        written = span.text.split()
        base = span.text if span.noun_after in county else " ".join(written[:-1])
        full = f"{span.text} {span.noun_after}" if span.noun_after in county else span.text
        # a GeoNames index has ADM2 rows; the embedded one knows areas by their towns
        areas = [c for c in gaz.lookup_key(name_key(base)) + gaz.lookup_key(name_key(full))
                 if c.feature_code == "ADM2"] or list(gaz.admin2_areas(base) + gaz.admin2_areas(full))
        if areas:
            return areas
    if len(words) > 1 and words[-1] in _GENERIC:
        # "Morris County" -> Morris; "Hays city" of a Yemeni note is Yemen's Hays, not only
        # the Kansas town the index also calls "Hays City": the bare name's towns of other
        # countries compete too (in its own country the town called "X City" is meant)
        named = {c.country_code for c in found}
        found += [c for c in gaz.lookup_key(" ".join(words[:-1])) if not found or (
            c.country_code not in named and c.feature_code.startswith("PPL") and not c.fuzzy)]
    directions = cues()["direction_adjectives"] | cues()["direction_words"]
    lead = 0
    while lead < len(words) - 1 and words[lead] in directions:
        lead += 1
    if not found and lead:
        # "Northern Iraq", "north west London": the area itself (base_precision reads the words)
        found = [c for c in gaz.lookup_key(" ".join(words[lead:]))
                 if c.is_country or c.is_admin1 or (c.kind == 0 and c.population >= 100_000)]
    if not found and len(words) > 1 and words[0] in cues()["demonym_prefixes"]:
        # "ex-Russian", "All-American", "pro-Turkish": the demonym or country after the prefix
        found = [c for c in gaz.lookup_key(" ".join(words[1:])) if c.is_demonym or c.is_country]
    if not found and span.source == "ner-strong" and len(words) > 1 and span.text.split()[-1].islower():
        # "the eastern Pacific equatorial region": the name before lowercase words the
        # index does not know, when it is a well-known place
        for cut in range(len(words) - 1, 0, -1):
            head = " ".join(words[:cut])
            found = [c for c in list(gaz.lookup_key(head)) + natural_features().get(head, [])
                     if c.kind != 1 and (c.is_country or c.is_admin1 or c.geonameid <= FEATURE_ID
                                         or c.population >= 100_000)]
            if found:
                break
    if _ARABIC_ARTICLE.match(span.text) and found:
        # "Al-Ba'ath", "el-Fasher": a name with the Arabic article is not an English town
        found = [c for c in found if c.country_code in cues()["arabic_article_countries"]
                 or c.is_country or c.geonameid <= FEATURE_ID]
    if not found and span.source in ("ner-strong", "ner-weak", "matcher"):
        # "Zaragoza, Nueva Ecija": a district or county the index knows only as its towns' admin2
        found = list(gaz.admin2_areas(span.text))
    if span.source == "ner-weak" and found:
        # PERSON/ORG/NORP spans: only names a place is really called (no alternates-only hits)
        # ("in Matias Romero, Oaxaca": after "in", an alternate name of a town will do)
        # ("Poonch district": a place noun after the name says place as plainly)
        strong = span.cue_before in ("in", "near", "at") or span.noun_after in cues()["place_nouns"]
        found = [c for c in found if c.kind != 1 or c.population >= 50_000 or strong]
    return found


def score_candidate(cand: Candidate, span: Span, focus: str | None, votes: Counter,
                    admin_hints: set[str], others: list[tuple[float, float]],
                    city_rival: bool = False, prominent: bool = False) -> dict[str, float]:
    table = cues()
    parts = {"population": WEIGHTS["population"] * _pop(cand)}
    if prominent:
        parts["prominent"] = WEIGHTS["prominent"]
    if cand.geonameid <= FEATURE_ID:  # a sea or region of features.tsv: population unknown
        parts["natural"] = WEIGHTS["natural"]
    elif cand.is_country or cand.feature_code in ("CONT", "RGN"):
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
        hinted = {area_key(a) for a in (cand.admin1, cand.admin2) if a}
        if hinted & admin_hints:
            parts["admin_context"] = WEIGHTS["admin_context"]
    if others and not cand.is_country:
        if any(distance_km(cand.latitude, cand.longitude, la, lo) < 150 for la, lo in others):
            parts["near_other"] = WEIGHTS["near_other"]
    return parts


def guess_focus(gaz: Gazetteer, spans: Sequence[Span], cands: Sequence[list[Candidate]],
                votes: Counter) -> tuple[str | None, Counter]:
    """No name voted: names NER is sure of but the index spells otherwise ("Nassriya",
    "Quamishli") vote by their consonant skeleton, which places they may be, among every country."""
    votes = Counter(votes)
    for span, options in zip(spans, cands):
        if options or span.source != "ner-strong":
            continue
        guesses = [c for c in gaz.lookup_fuzzy(span.text)[:20] if _similar(span, c)]
        votes.update(span_votes(span, guesses))
    ranked = votes.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0], votes
    return None, votes


def admin_hints(spans: Sequence[Span], cands: Sequence[list[Candidate]], focus: str | None) -> set[str]:
    """Name keys of admin areas the article names (ADM1s, and cities that name an admin1)."""
    hints: set[str] = set()
    for span, options in zip(spans, cands):
        for cand in options:
            if cand.is_admin1 and not cand.fuzzy and (not focus or cand.country_code == focus):
                hints.add(span.key)
                hints.add(name_key(cand.name))
    return hints


STRAY_KM = 300             # a small place this far from all the article's other places
STRONG_STRAY_POP = 20_000  # how small a stray place NER is sure of must be to be dropped


def _stray(span: Span, cand: Candidate, others: list[tuple[float, float]], parts: dict) -> bool:
    """A small namesake far from every other place of the article, on a weak span: the "Vale
    Verde neighborhood" of Volta Redonda is not the Vale Verde 1,000 km south."""
    small = STRONG_STRAY_POP if span.source == "ner-strong" else 50_000
    if not others or cand.population >= small or cand.is_country or cand.is_admin1 \
            or cand.geonameid <= FEATURE_ID or cand.feature_code in ("CONT", "RGN") \
            or "in_context" in parts:
        return False
    return all(distance_km(cand.latitude, cand.longitude, la, lo) > STRAY_KM for la, lo in others)


def _persons_name(span: Span, cand: Candidate, people: Collection[str]) -> bool:
    """'the next Salah' of an article about Mohamed Salah: a one-word name that is a word of a
    person named in the article is the person, unless a cue says place or it is a country."""
    return (span.text in people and " " not in span.text and not (cand.is_country or cand.is_admin1)
            and not span.noun_after and span.cue_before in ("",) + tuple(WEAK_CUES))


def prominence(options: Sequence[Candidate], text: str = "") -> tuple[Candidate | None, float]:
    """The town a bare name most likely means abroad, and how much (0-1): Rome (Italy) is 64
    times bigger than any Rome elsewhere, Brent (London) 15 times; a ratio of 3 counts nothing.
    A town is famous under its own spelling: "Morro" (a hill, in Brazil) shares a key with Moro
    (Pakistan) only once doubled letters are folded, so with `text` the spellings must agree."""
    towns = [c for c in options if c.kind == 0 and c.feature_code.startswith("PPL") and not c.fuzzy]
    if not towns:
        return None, 0.0
    top = max(towns, key=lambda c: c.population)
    if text and _spelling(top.name) != _spelling(text):
        return None, 0.0
    rivals = [c.population for c in towns if c.country_code != top.country_code]
    if top.population < 100_000 or not rivals:
        return None, 0.0
    ratio = top.population / max(max(rivals), 1)
    return top, min(1.0, max(0.0, math.log10(ratio) - 0.5))


def _spelling(name: str) -> str:
    """A name's letters as written (folded, doubled letters kept): "morro" is not "moro"."""
    return " ".join(_LETTERS.findall(fold(name)))


_LETTERS = re.compile(r"[a-z0-9]+")


def _nested(key: str, other: str) -> bool:
    """Whether one name's words are the other's, or a run of them: "washington" in
    "washington square"."""
    return f" {key} " in f" {other} " or f" {other} " in f" {key} "


def _similar(span: Span, cand: Candidate) -> bool:
    """A skeleton match must still look like the name: Kwadon is not Kaduna."""
    return SequenceMatcher(None, span.key, name_key(cand.name)).ratio() >= FUZZY_RATIO


def resolve(gaz: Gazetteer, spans: Sequence[Span], text: str = "",
            actor_countries: Sequence[str] = (), people: Collection[str] = (),
            ) -> tuple[list[tuple[Candidate | None, dict]], str | None]:
    """Best candidate (or None) with its score parts for each span, and the focus country.

    `text` lets the admin areas named around a place constrain it; `actor_countries` (ISO2 of
    the article's actors) vote for the focus country.
    """
    cands = [candidates_for(gaz, span) for span in spans]
    for i, span in enumerate(spans):  # "Haymarket, Va.": Virginia, not a Belgian Waha
        expanded = expand(gaz, span, text)
        if expanded:
            cands[i] = expanded
    # "South Africans", "Syrians": people, not places, but they say which country the story is in
    peoples = [c.country_code for span, options in zip(spans, cands) if not options
               and span.key.endswith("s") for c in gaz.lookup_key(span.key[:-1])[:1] if c.is_demonym]
    links_of = contexts(text, spans) if text else [[] for _ in spans]
    focus, votes = focus_country(spans, cands, list(actor_countries) + peoples, links_of, text)
    if focus is None:
        focus, votes = guess_focus(gaz, spans, cands, votes)
    # names NER is sure of with no place in the focus country: an area of the focus country
    # its towns name as their admin2 ("Laguna" of a Philippine article: the province, not
    # Laguna, California; "Essex", "Hampshire": the English counties)
    for i, span in enumerate(spans):
        # admin2_keys first: most such names are no town's admin2 anywhere, and reading a
        # large country's towns is the stage's dearest query
        if focus and span.source == "ner-strong" and span.key in gaz.admin2_keys() and not any(
                c.country_code == focus or c.is_country for c in cands[i]):
            cands[i] = list(gaz.country_admin2(focus).get(span.key, ())[:1]) + cands[i]
    # names NER is sure of but the index lacks: try the consonant skeleton inside the focus
    for i, span in enumerate(spans):
        if not cands[i] and span.source == "ner-strong" and focus:
            cands[i] = [c for c in gaz.lookup_fuzzy(span.text, focus)[:10] if _similar(span, c)]
    hints = admin_hints(spans, cands, focus)
    # a place abroad needs support from the rest of the article, not only from its own name
    own_votes = [span_votes(span, options) for span, options in zip(spans, cands)]
    chained = {i for i, links in enumerate(links_of) if links}
    chained |= {link.index for links in links_of for link in links}
    areas = regions(spans, cands, focus, links_of)
    as_context = {link.index for links in links_of for link in links if link.kind != "comma"}
    # first pass without distances, second with the places the first pass found
    anchors: list[tuple[float, float] | None] = []
    results: list[tuple[Candidate | None, dict]] = []
    for _ in range(2):
        # "in Žilina, Nitra, Prešov and Košice": items of a list whose first item is a place
        found = {span.start for span, (cand, _) in zip(spans, results) if cand is not None}
        listed = {i for i, span in enumerate(spans) if span.list_head in found}
        results = []
        for i, (span, options) in enumerate(zip(spans, cands)):
            best, best_parts, best_total = None, {}, -1e9
            # the same name again, or a name inside this one ("Washington" of "Washington
            # Square"), is no independent evidence of where the name lies
            others = [a for j, a in enumerate(anchors) if a is not None
                      and not _nested(spans[j].key, span.key)]
            # "Aleppo" alone is the city, "Texas" alone the state: a same-name city must be big
            # ("New York" is an alternate name of New York City, which is the likelier)
            rival_codes = {c.country_code for c in options if c.feature_code.startswith("PPL") and (
                (c.kind == 0 and c.population >= 50_000) or c.population >= 1_000_000)}
            pops = sorted((c.population for c in options if not c.is_country), reverse=True)
            big = pops[0] if pops and pops[0] >= 1_000_000 and (
                len(pops) == 1 or pops[0] >= 20 * pops[1]) else None
            if big is not None and all(c.kind == 1 for c in options if c.population == big):
                big = None  # "Salisbury" is an old name of Harare: no more likely than Salisbury, England
            eminent, eminence = prominence(options, span.text)
            area = areas[i]
            # "(Salh, Taizz)": where a town shares the province's name, the town is meant
            town_codes = rival_codes | {c.country_code for c in options
                                        if c.kind == 0 and c.feature_code.startswith("PPL")}
            outside = 0
            coded = coded_ids(gaz, span.key)
            for cand in options[:60]:
                inside = None if area is None or cand.is_country else area.holds(cand)
                if inside == 0.0 and cand.geonameid in coded:
                    inside = None  # the export coded it under this name: the areas' names may differ
                if inside == 0.0:
                    outside += 1
                    continue  # "Bohdanivka, Donetsk": the Bohdanivka of another oblast is not it
                parts = score_candidate(cand, span, focus, votes, hints - {span.key}, others,
                                        cand.country_code in rival_codes,
                                        big is not None and cand.population == big)
                if cand.geonameid in coded:
                    parts["coded"] = WEIGHTS["coded"]
                if cand is eminent and "prominent" not in parts:
                    parts["prominent"] = round(WEIGHTS["prominent"] * eminence, 3)
                if inside:
                    parts["in_context"] = WEIGHTS["in_context"] * inside
                if i in as_context and cand.is_admin1 and cand.country_code not in town_codes:
                    parts["admin_named"] = WEIGHTS["admin_named"]  # "Mukayras district (Al Bayda)"
                total = sum(parts.values())
                if cand.fuzzy and "near_other" not in parts and "admin_context" not in parts \
                        and "in_context" not in parts:
                    continue  # a skeleton match far from everything else is a guess
                if total > best_total:
                    best, best_parts, best_total = cand, parts, total
            if best is not None and not (accept(span, best, i in chained or i in listed, best_parts)
                                         and plausible(best, focus, votes - own_votes[i], span)):
                best = None
            elif best is not None and _stray(span, best, others, best_parts):
                best, best_parts["stray"] = None, 1.0
            elif best is not None and _persons_name(span, best, people):
                best, best_parts["person_name"] = None, 1.0
            best_parts = {k: round(v, 3) for k, v in best_parts.items()}
            best_parts["total"] = round(best_total, 3) if best else 0.0
            if best is None and outside:
                best_parts["outside_context"] = float(outside)
            results.append((best, best_parts))
        anchors = [(c.latitude, c.longitude) if c and not c.is_country else None for c, _ in results]
    return one_sense(spans, results), focus


def country_name(code: str | None) -> str | None:
    info = country_by_code(code) if code else None
    return info.name if info else None
