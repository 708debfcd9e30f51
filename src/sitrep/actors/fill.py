"""The actor columns of one record: names with their country, inter codes, interaction,
civilian targeting and disorder type (records.py calls `event_sides`).

The actors stage names the sides from the words of the report; here the event's country is
known (places stage), so country-dependent generic names (generics.tsv) and the home/abroad
inter code of state forces are settled with it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.actors.roles import tells_of_mutual_fight
from sitrep.actors.table import DATA, _rows, fill_country, load_abroad, load_state_homes
from sitrep.mentions import ActorMention, EventMention
from sitrep.places.countries import country_by_name

STATE, EXTERNAL, PROTESTERS, CIVILIANS = 1, 8, 6, 7
POLITICAL_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
DEMONSTRATIONS = {"Protests", "Riots"}
_STATE_PREFIXES = ("Military Forces of", "Police Forces of", "Government of")
# organised armed groups: with them a demonstration is also political violence
_ARMED_GROUPS = {2, 3, 4, EXTERNAL}


@dataclass(frozen=True)
class Generic:
    generic: str
    country: str
    cues: re.Pattern | None   # None: any report
    name: str
    inter: int | None = None  # the inter code that goes with the name, when it is another


@lru_cache(maxsize=4)
def load_generics(path: str | None = None) -> tuple[Generic, ...]:
    rows = []
    for row in _rows(Path(path) if path else DATA / "generics.tsv"):
        generic, country, cues, name, inter = (row + [""] * 5)[:5]
        pattern = None
        if cues != "*":
            words = sorted((w.strip() for w in cues.split("|") if w.strip()), key=len, reverse=True)
            # whole words ("anti-gang" is no gang, nor "gang-raped"; "gang-related" is)
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)(?!-rap)", re.I)
        rows.append(Generic(generic, country, pattern, name, int(inter) if inter else None))
    return tuple(rows)


def generic_row(name: str, country: str | None, context: str) -> Generic | None:
    """The generics.tsv row naming this unnamed actor in this country and report, if any."""
    base = name.split(" (")[0]
    for row in load_generics():
        if row.generic != base or row.country not in ("*", country or ""):
            continue
        if row.cues is None or row.cues.search(context):
            return row
    return None


def generic_name(name: str, country: str | None, context: str) -> str:
    """The country's own generic name for an unnamed actor, where generics.tsv has one."""
    row = generic_row(name, country, context)
    return row.name if row else name


def generic_inter(actor: ActorMention | None, country: str | None, context: str) -> int | None:
    """The inter code generics.tsv gives the actor's generic name ("clan militia": 4), if any."""
    if actor is None or not actor.name.startswith("Unidentified"):
        return None
    row = generic_row(actor.name, actor.country or country, context)
    return row.inter if row else None


def fill_actor(actor: ActorMention | None, country: str | None, context: str = "",
               states: dict[str, str] | None = None) -> str | None:
    """The actor's name with its own country, else the event's ("Civilians (Syria)"); `states`:
    learned regime years that come before the hand table's."""
    if actor is None:
        return None
    own = actor.country or country
    name = generic_name(actor.name, own, context) if actor.name.startswith("Unidentified") else actor.name
    if _forces_abroad_as_police(actor, name, country):
        name = name.replace("Police Forces of", "Military Forces of", 1)
    if not own and " of {country}" in name:
        # no country known: "Police Forces", not a state called "Unknown"
        return name.replace(" of {country}", "")
    return fill_country(name, own or "Unknown", states)


def _forces_abroad_as_police(actor: ActorMention, name: str, country: str | None) -> bool:
    """"Israeli forces fired tear gas at protesters" in the West Bank: unspecific forces facing
    a crowd are the police only at home; a state's forces abroad are its army."""
    return (name.startswith("Police Forces of") and bool(actor.country) and bool(country)
            and actor.text.lower().endswith("forces") and not at_home(actor.country, country))  # type: ignore[arg-type]


def as_coded_in(name: str | None, country: str | None) -> tuple[str, int] | None:
    """The name (and inter) ACLED gives these forces in the event's country, where abroad.tsv
    has one ("Military Forces of the United States" in Syria: the Global Coalition)."""
    if not name or not country:
        return None
    return load_abroad().get((name.split(" (")[0], country))


def is_state(actor: ActorMention | None, name: str | None) -> bool:
    return (actor is not None and actor.inter in (STATE, EXTERNAL) and bool(actor.country)
            and bool(name) and name.startswith(_STATE_PREFIXES))


def same_country(a: str, b: str) -> bool:
    """One country under two spellings ("Democratic Republic of Congo", ACLED's, and "... of the
    Congo", the gazetteer's)."""
    if a == b:
        return True
    info_a, info_b = country_by_name(a), country_by_name(b)
    return info_a is not None and info_b is not None and info_a.iso3 == info_b.iso3


def at_home(actor_country: str, country: str) -> bool:
    homes = (actor_country, *load_state_homes().get(actor_country, ()))
    return any(same_country(home, country) for home in homes)


def state_inters(sides: list[tuple[ActorMention | None, str | None]], country: str | None) -> list[int | None]:
    """Inter codes of the sides, state forces settled against the event's country.

    A state's forces in their own country (or a place states.tsv counts as home) are state
    forces (1), anywhere else external forces (8), as ACLED codes Turkish forces in Syria or
    French forces in Mali. Without a country the actors stage's reading of the report stands.
    """
    inters = [actor.inter if actor else None for actor, _ in sides]
    if not country:
        return inters
    states = [i for i, (actor, name) in enumerate(sides) if is_state(actor, name)]
    homes = {i for i in states if at_home(sides[i][0].country, country)}  # type: ignore[union-attr]
    for i in states:
        inters[i] = STATE if i in homes else EXTERNAL
    return inters


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two inter codes, lower digit first; X0 when one-sided."""
    if not inter1 and not inter2:
        return None
    codes = sorted(code for code in (inter1, inter2) if code)
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def disorder_type(event_type: str, sub_event_type: str | None = None,
                  inters: tuple[int | None, ...] = ()) -> str:
    """ACLED's disorder type. Violence used against a demonstration ("Excessive force against
    protesters"), or a riot fought alongside an organised armed group, is both."""
    if event_type in POLITICAL_VIOLENCE:
        return "Political violence"
    if event_type in DEMONSTRATIONS:
        if sub_event_type == "Excessive force against protesters":
            return "Political violence; Demonstrations"
        if event_type == "Riots" and any(code in _ARMED_GROUPS for code in inters if code):
            return "Political violence; Demonstrations"
        return "Demonstrations"
    return "Strategic developments"


@dataclass
class Sides:
    actor1: str | None
    assoc_actor_1: str | None
    inter1: int | None
    actor2: str | None
    assoc_actor_2: str | None
    inter2: int
    interaction: int | None
    civilian_targeting: str | None
    disorder_type: str


def event_sides(mention: EventMention, country: str | None, context: str = "",
                states: dict[str, str] | None = None) -> Sides:
    """Every actor column of the record of one event mention in `country`; `states`: a model
    directory's learned regime years (doc.user_data["sitrep_regimes"])."""
    actor1 = fill_actor(mention.actor1, country, context, states)
    actor2 = fill_actor(mention.actor2, country, context, states)
    assoc1 = [fill_actor(a, country, context, states) or "" for a in mention.assoc_actor_1]
    assoc2 = [fill_actor(a, country, context, states) or "" for a in mention.assoc_actor_2]
    first, second = mention.actor1, mention.actor2
    if mention.event_type == "Battles" and _home_second(mention, actor1, actor2, country, context):
        # "forces of India and Pakistan exchanged fire" in Pakistan: in a fight both states
        # waged, ACLED names the forces at home first
        first, second, actor1, actor2, assoc1, assoc2 = second, first, actor2, actor1, assoc2, assoc1
    inter1, inter2 = state_inters([(first, actor1), (second, actor2)], country)
    inter1 = generic_inter(first, country, context) or inter1
    inter2 = generic_inter(second, country, context) or inter2
    coded1, coded2 = as_coded_in(actor1, country), as_coded_in(actor2, country)
    if coded1:
        actor1, inter1 = coded1
    if coded2:
        actor2, inter2 = coded2
    assoc1 = [(as_coded_in(a, country) or (a, 0))[0] for a in assoc1]
    assoc2 = [(as_coded_in(a, country) or (a, 0))[0] for a in assoc2]
    if actor2 is not None and actor2 == actor1:  # one side named twice is one side
        actor2, inter2 = None, None
    assoc_inters = tuple(a.inter for a in (*mention.assoc_actor_1, *mention.assoc_actor_2))
    targeted = (inter2 == CIVILIANS and mention.event_type in POLITICAL_VIOLENCE)
    return Sides(
        actor1=actor1,
        assoc_actor_1="; ".join(assoc1) or None,
        inter1=inter1,
        actor2=actor2,
        assoc_actor_2="; ".join(assoc2) or None,
        inter2=inter2 if actor2 else 0,
        interaction=interaction(inter1, inter2 if actor2 else None),
        civilian_targeting="Civilian targeting" if targeted else None,
        disorder_type=disorder_type(mention.event_type, mention.sub_event_type,
                                    (inter1, inter2, *assoc_inters)),
    )


def _home_second(mention: EventMention, actor1: str | None, actor2: str | None, country: str | None,
                 context: str) -> bool:
    """Two states' forces fought each other, neither acting more (by the words of the event's
    sentence), and only the second side is at home in the event's country."""
    a, b = mention.actor1, mention.actor2
    if not country or not is_state(a, actor1) or not is_state(b, actor2):
        return False
    sentence = context[:max(mention.sent_end - mention.sent_start, 0)] or mention.text
    return (not at_home(a.country, country) and at_home(b.country, country)  # type: ignore[union-attr]
            and tells_of_mutual_fight(sentence))


def context_of(doc, mention: EventMention, following: int = 2) -> str:
    """The event's sentence and the `following` sentences after it: where a report says who
    the unnamed perpetrators were ("police believe in gang rivalry")."""
    text = doc.text
    end = mention.sent_end
    span = doc.char_span(mention.sent_start, mention.sent_end, alignment_mode="expand")
    if span is not None and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        sent = span[-1].sent
        for _ in range(following):
            if sent.end >= len(doc):
                break
            sent = doc[sent.end].sent
        end = max(end, sent.end_char)
    return text[mention.sent_start:end]
