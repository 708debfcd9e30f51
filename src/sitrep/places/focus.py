"""The document's focus country: which country the article's names vote for.

Every name votes (`span_votes`), a place inside the areas the text names around it votes for
the country where that chain of names fits (`chain_votes`), and each country the article's
actors belong to adds a vote. `resolve.py` scores each candidate with the winner; the score
weights of both live here in WEIGHTS so the table stays one.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from sitrep.gazetteer import Candidate
from sitrep.gazetteer.build import KIND_ALT
from sitrep.places.context import Context, regions
from sitrep.places.finder import DATA, Span, cues

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
    "in_context": 2.5,      # inside the areas the text names around it: "Miango (Bassa, Plateau)"
    "actor_country": 1.0,   # focus vote of each country the article's actors belong to
    "natural": 3.0,         # "Atlantic": the ocean, not Atlantic, Iowa
    "admin_named": 1.0,     # an admin area where the text names the areas around a place
    "chain": 2.0,           # focus vote of a place that lies inside the areas named around it
    "coded": 1.0,           # the place a model's export coded under this name (--model)
    "country_noun": 1.0,    # focus vote of an area word one country uses: "LGA", "upazila", "barangay"
    "alternate_name": 0.5,  # share of a name's focus vote for a place it is only an alternate name of
}


def span_votes(span: Span, options: Sequence[Candidate], as_context: bool = False) -> Counter:
    """One name's focus votes: a country's own name 3, a demonym 1, "X province" 1; any other
    name shares one vote among the countries that have a place so called. `as_context`: the
    name stands as the area around another place ("Abr Badr area (Tuban, Lahij)"), which says
    place as plainly as NER being sure does, so a small town's name votes too."""
    votes: Counter = Counter()
    if not options:
        return votes
    countries = [c for c in options if c.is_country]
    if countries and span.in_actor and countries[0].is_demonym:
        return votes  # "Saudi-led coalition": the actor's adjective, the actors stage counts it
    if countries and span.source != "matcher":
        votes[countries[0].country_code] += 1.0 if countries[0].is_demonym else 3.0
        return votes
    admin = [c for c in options if c.is_admin1]
    if admin and span.noun_after in cues()["admin_nouns"]:
        # "Al Jawf governorate": Yemen's and Saudi Arabia's share the vote
        codes = {c.country_code for c in admin if c.country_code}
        for code in codes:
            votes[code] += 1.0 / len(codes)
        return votes
    if span.source == "embedded" or (span.source == "ner-weak" and not as_context
                                     and options[0].population < 50_000):
        return votes
    # shared by the countries with a place so called, each by the size of its largest one
    # (Dundalk: Ireland's town and Maryland's, not the Ontario hamlet)
    # (Ponce: Puerto Rico's town, not a Havana district that has it among its alternate names)
    weight: dict[str, float] = {}
    for c in options[:20]:
        if c.country_code:
            size = math.sqrt(c.population + 1) * (WEIGHTS["alternate_name"] if c.kind == KIND_ALT else 1.0)
            weight[c.country_code] = max(weight.get(c.country_code, 0.0), size)
    total = sum(weight.values())
    for code, w in weight.items():
        votes[code] += w / total
    return votes


@lru_cache(maxsize=1)
def _country_nouns() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    table = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))["country_nouns"]
    return tuple((re.compile(rf"(?<![\w-])(?:{re.escape(noun)}|{re.escape(noun.upper())})(?![\w-])"),
                  tuple(codes)) for noun, codes in table.items())


def noun_votes(text: str) -> Counter:
    """Focus votes of the area words that only one country (or a few) uses (cues.json
    country_nouns), in lower case or capitals: "Borgu LGA" says Nigeria whatever else is named."""
    votes: Counter = Counter()
    for pattern, codes in _country_nouns():
        if pattern.search(text):
            for code in codes:
                votes[code] += WEIGHTS["country_noun"] / len(codes)
    return votes


def chain_votes(spans: Sequence[Span], cands: Sequence[list[Candidate]],
                links_of: Sequence[Sequence[Context]]) -> Counter:
    """"Mukayras (Mukayras, Al Bayda)": the countries where a place lies inside the areas the
    text names around it. A chain of names that fit together in one country is better evidence
    than any of its names alone (Al Bayda is also a Libyan city; Mukayras is only Yemen's)."""
    votes: Counter = Counter()
    for i, region in enumerate(regions(spans, cands, None, links_of)):
        if region is None:
            continue
        # "Colon (Colon)": a town beside its own name fits only by the admin area's name
        least = 1.0 if all(spans[link.index].key == spans[i].key for link in links_of[i]) else 0.0
        fit: dict[str, float] = {}
        for cand in cands[i][:60]:
            if cand.is_country or not cand.country_code or cand.fuzzy:
                continue
            inside = region.holds(cand)
            if inside and inside >= least:
                fit[cand.country_code] = max(fit.get(cand.country_code, 0.0), inside)
        for code, inside in fit.items():
            votes[code] += WEIGHTS["chain"] * inside / len(fit)
    return votes


def focus_country(spans: Sequence[Span], cands: Sequence[list[Candidate]],
                  actor_countries: Sequence[str] = (),
                  links_of: Sequence[Sequence[Context]] = (), text: str = "",
                  ) -> tuple[str | None, Counter]:
    """Votes of every name (span_votes; co-occurrence settles ambiguity), of each place inside
    the areas named around it (chain_votes), one of each country the article's actors belong to
    (GNA: Libya, Houthis: Yemen), and of the area words in `text` one country uses (noun_votes)."""
    votes: Counter = noun_votes(text) if text else Counter()
    if links_of:
        votes.update(chain_votes(spans, cands, links_of))
    for code in set(actor_countries):
        votes[code] += WEIGHTS["actor_country"]
    context = {link.index for links in links_of for link in links if link.kind == "paren"}
    for i, (span, options) in enumerate(zip(spans, cands)):
        votes.update(span_votes(span, options, i in context))
    ranked = votes.most_common(2)
    focus = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    if focus is None and ranked:  # a tie: the country of the most populous candidate among them
        tied = {code for code, v in votes.items() if v == ranked[0][1]}
        best = max((c for options in cands for c in options if c.country_code in tied),
                   key=lambda c: c.population, default=None)
        focus = best.country_code if best else None
    return focus, votes
