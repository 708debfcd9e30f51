"""Which actor mentions are the sides of each event.

Dependency roles around the trigger first (subject -> actor1; object, "against X", "at X's
positions" -> actor2; "between X and Y" -> both), then ACLED's rules by sub-event type
(protests are Protesters, violence against civilians hits Civilians, air strikes are flown by
an air force), then the previous sentences when the event's own sentence names nobody.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from sitrep.actors.find import Found
from sitrep.actors.roles import (
    AGENT, ALLY, BETWEEN, PATIENT, clause_depth, dependency_role, governing_verb, is_author,
    preposition, repels, responds, suffered, tells_of_mutual_fight, under_umbrella,
)
from sitrep.actors.table import is_contraband, load_observers
from sitrep.mentions import ActorMention, EventMention

STATE, REBEL, CROWD_6, CROWD_5, CIVILIANS = 1, 2, 6, 5, 7


def _synth(name: str, inter: int, anchor: EventMention, country: str | None = None) -> ActorMention:
    """An actor ACLED codes by rule (Protesters, Civilians) where the text names none."""
    return ActorMention(anchor.start, anchor.end, anchor.text, name, inter, country, None)


def _crowd_state(item: Found) -> ActorMention:
    """State forces facing a crowd: unspecific "security forces" are the police."""
    mention = item.mention
    if "crowd_police" not in item.flags or not mention.name.startswith("Military Forces of"):
        return mention
    return replace(mention, name=mention.name.replace("Military Forces of", "Police Forces of", 1))


def _as(item: Found | None, name: str, inter: int, anchor: EventMention) -> ActorMention:
    """The generic crowd actor, keeping the words and country of a mention when there is one."""
    if item is None:
        return _synth(name, inter, anchor)
    country = item.mention.country
    filled = name.replace("{country}", country) if country else name
    return ActorMention(item.mention.start, item.mention.end, item.mention.text, filled, inter,
                        country, item.mention.key)


class Assigner:
    """Assigns actors for every event mention of one Doc."""

    def __init__(self, doc: Doc, found: list[Found]) -> None:
        self.doc = doc
        # observers and speakers ("police said") are never sides
        self.found = [f for f in found if "observer" not in f.flags and not f.speaker]
        defaults = load_observers()
        self.observer = next((defaults[f.mention.name] for f in found
                              if "observer" in f.flags and f.mention.name in defaults), None)
        # "Saudi shelling was reported on villages": a weapon's forces act, whatever the parse
        self.roles = {id(f): AGENT if "weapon" in f.flags else dependency_role(f.span) for f in self.found}
        # "Turkish forces, operating under OPS, shelled ...": the umbrella is no side of its own
        self.umbrellas = [f for f in self.found if under_umbrella(f)]
        for item in self.umbrellas:
            self.roles[id(item)] = ALLY
        self.depth = {id(f): clause_depth(f.span) for f in self.found}
        # "JNIM claimed responsibility", "the device was likely planted by JNIM", "DAG are the
        # suspected attackers": the author of what the report leaves unidentified
        self.claimant = next((f for f in self.found if is_author(f, self.roles[id(f)])), None)

    def in_range(self, start: int, end: int) -> list[Found]:
        return [f for f in self.found if f.mention.start >= start and f.mention.end <= end]

    def _sentence(self, event: EventMention):
        """The event's sentence as a Span, when the Doc has sentence boundaries."""
        if not self.doc.has_annotation("SENT_START") and not self.doc.has_annotation("DEP"):
            return None
        return self.doc.char_span(event.sent_start, event.sent_end, alignment_mode="expand")

    def rest_of_sentence(self, event: EventMention) -> list[Found]:
        """Actors of the event's sentence outside the event's own clause ("3 soldiers were
        killed ... following an attack by Taliban militants", split into two events)."""
        span = self._sentence(event)
        if span is None:
            return []
        sent = span.sent
        return [f for f in self.in_range(sent.start_char, sent.end_char)
                if f.mention.start < event.sent_start or f.mention.end > event.sent_end]

    def earlier(self, event: EventMention, sentences: int = 2) -> list[Found]:
        """Actors of the sentences before the event's, nearest sentence first, agents first."""
        out: list[Found] = []
        sent = self._sentence(event)
        if sent is None:
            return out
        index = sent.start
        for _ in range(sentences):
            if index <= 0:
                break
            previous = self.doc[index - 1].sent
            items = self.in_range(previous.start_char, previous.end_char)
            items.sort(key=lambda f: (self.roles[id(f)] != AGENT, f.mention.start))
            out += items
            index = previous.start
        return out

    def later(self, event: EventMention, sentences: int = 1) -> list[Found]:
        """Actors of the sentences after the event's, in text order ("Police dispersed them.")."""
        out: list[Found] = []
        sent = self._sentence(event)
        if sent is None:
            return out
        index = sent.end
        for _ in range(sentences):
            if index >= len(self.doc):
                break
            following = self.doc[index].sent
            out += self.in_range(following.start_char, following.end_char)
            index = following.end
        return out

    def assign(self, event: EventMention) -> None:
        items = self.in_range(event.sent_start, event.sent_end)
        if event.event_type == "Protests":
            self._protest(event, items)
        elif event.event_type == "Riots":
            self._riot(event, items)
        elif event.event_type == "Violence against civilians":
            self._civilians(event, items)
        else:
            self._sides(event, items)
        umbrella = next((f for f in self.umbrellas if event.sent_start <= f.mention.start < event.sent_end), None)
        first = event.actor1
        if umbrella is not None and (first is None or first.key is None or (
                first.inter in (1, 2, 3, 8) and not first.name.startswith("Unidentified"))):
            # ACLED codes the operation the forces act under, with them as associates; an actor
            # the rules made up (key None) gives way to it
            name = umbrella.mention.name
            named = [first] if first is not None and first.key is not None else []
            event.assoc_actor_1 = [m for m in (*named, *event.assoc_actor_1) if m.name != name]
            event.actor1 = umbrella.mention
            if event.actor2 is not None and event.actor2.name == name:
                event.actor2 = None
        unidentified = event.actor1 is None or event.actor1.name.startswith("Unidentified Armed Group")
        if unidentified and self.claimant is not None and (
                event.actor2 is None or event.actor2.name != self.claimant.mention.name):
            event.actor1 = self.claimant.mention

    # --- by event type -------------------------------------------------------------------
    def _protest(self, event: EventMention, items: list[Found]) -> None:
        crowd = next((f for f in items if f.mention.inter in (CROWD_6, CIVILIANS)), None)
        event.actor1 = _as(crowd, "Protesters ({country})", CROWD_6, event)
        event.assoc_actor_1 = [f.mention for f in items if f.mention.inter in (3, 4)]
        if event.sub_event_type != "Peaceful protest":
            state = next((f for f in items + self.later(event) if f.mention.inter == STATE), None)
            event.actor2 = _crowd_state(state) if state else _synth("Police Forces of {country}", STATE, event)

    def _riot(self, event: EventMention, items: list[Found]) -> None:
        crowd = next((f for f in items if f.mention.inter in (CROWD_5, CROWD_6)), None)
        event.actor1 = _as(crowd, "Rioters ({country})", CROWD_5, event)
        mob = event.sub_event_type == "Mob violence"
        state = next((f for f in items if f.mention.inter in (STATE, 8) and not _jurisdiction(f)), None)
        if state is None:
            # a mob's victims are civilians: police who came later to rescue them or to arrest
            # the mob are no side ("Police intervened to rescue the victim"), unless attacked
            parsed = self.doc.has_annotation("DEP")
            # a demonstration's police often come two sentences on ("They also burnt tyres.
            # Police dispersed them."); a mob's only when attacked, in the next one
            state = next((f for f in self.later(event, 1 if mob else 2) if f.mention.inter in (STATE, 8)
                          and (not mob or not parsed or self.roles[id(f)] == PATIENT)), None)
        if state is None and mob and self.doc.has_annotation("DEP"):
            # "Residents attacked police officers. ... they began throwing stones": the state's
            # forces the lead sentence says the crowd attacked or fought are the other side
            state = next((f for f in self.earlier(event, 1) if f.mention.inter in (STATE, 8)
                          and not _jurisdiction(f) and (self.roles[id(f)] == PATIENT
                                                        or governing_verb(f.span) in _FIGHT_VERBS)), None)
        if state is not None:
            event.actor2 = _crowd_state(state)
        elif mob:
            victims = next((f for f in items if f.mention.inter == CIVILIANS), None)
            event.actor2 = _as(victims, "Civilians ({country})", CIVILIANS, event)
        event.assoc_actor_1 = [f.mention for f in items if f.mention.inter in (3, 4)]

    def _civilians(self, event: EventMention, items: list[Found]) -> None:
        victims = [f for f in items if f.mention.inter == CIVILIANS]
        armed = [f for f in items if f.mention.inter not in (CIVILIANS, CROWD_5, CROWD_6)]
        first = self._best(armed, event, (AGENT,), avoid=(PATIENT,))
        if first is None:
            first = self._best([f for f in self.earlier(event) if f.mention.inter
                                not in (CIVILIANS, CROWD_5, CROWD_6)], event, (AGENT,), ordered=True)
        event.actor1 = first.mention if first else _synth("Unidentified Armed Group ({country})", 3, event)
        victim = self._best(victims, event, (PATIENT,))
        event.actor2 = _as(victim, "Civilians ({country})", CIVILIANS, event)

    def _sides(self, event: EventMention, items: list[Found]) -> None:
        """Battles, remote violence and strategic developments: two organised sides."""
        armed = [f for f in items if f.mention.inter not in (CIVILIANS, CROWD_5, CROWD_6)]
        if not armed and event.event_type == "Strategic developments":
            armed = items  # "210 Venezuelan migrants returned": civilians can act here
        allies = [f for f in armed if self.roles[id(f)] == ALLY]
        between = [f for f in armed if self.roles[id(f)] == BETWEEN]
        first = second = None
        if event.sub_event_type == "Air/drone strike":
            flyers = [f for f in armed if "air" in f.flags or f.mention.inter == 8]
            first = self._best(flyers, event, (AGENT, ALLY, BETWEEN))
        if first is None and event.event_type == "Strategic developments" and event.sub_event_type != "Agreement":
            # "reinforcements arrived ... as tensions between X and Y grow": who acts, not the
            # background pair (an agreement "between X and Y" is theirs, whoever brokered it)
            first = self._best([f for f in armed if self.roles[id(f)] == AGENT], event, (AGENT,))
        if first is None and len({f.mention.name for f in between}) >= 2:
            first = between[0]
            second = next(f for f in between if f.mention.name != first.mention.name)
        elif first is None and between and event.event_type == "Battles":
            first = second = between[0]  # "clashes between two tribal militias"
        if first is None:
            first = self._best(armed, event, (AGENT,), avoid=(PATIENT, ALLY))
        hidden = event.sub_event_type in _HIDDEN_AUTHOR
        planter = next((f for f in armed if f.span.root.head.lower_ == "by"
                        and governing_verb(f.span) == "plant"), None) if hidden else None
        if planter is not None and first is not None and first is not planter:
            # "an IED planted in a JWS vehicle by an unknown group": who planted it is the author
            second, first = (first if second is None else second), planter
        elif hidden and first is not None and first.mention.inter not in (STATE, 8) \
                and governing_verb(first.span) in _RAN_INTO_VERBS:
            # "an IED exploded when QSD passed by it": the group that ran into it is the target
            second, first = first, None
        elif hidden and first is not None and first.mention.inter in (STATE, 8) and (
                self.roles[id(first)] != AGENT or governing_verb(first.span) in _VICTIM_VERBS):
            # state forces seldom plant bombs: unless the report says they did ("planted by
            # regime forces"), they are the target ("a Malian army vehicle struck an IED")
            target = first
            first = next((f for f in armed if f.mention.inter not in (STATE, 8)
                          and self.roles[id(f)] not in (PATIENT, ALLY)), None)
            if second is None and (first is None or first.mention.name != target.mention.name):
                second = target
        if second is None:
            rest = [f for f in armed if f is not first and f not in allies
                    and (first is None or f.mention.name != first.mention.name)]
            second = self._best(rest, event, (PATIENT, BETWEEN), avoid=(AGENT,) if first else ())
            if second is not None and first is None and hidden and second.mention.inter in (STATE, 8):
                pass  # the target; the unidentified author is filled below
            elif second is not None and first is None and self.roles[id(second)] != PATIENT:
                first, second = second, None
            elif second is not None and first is None:
                # only patients: the side that was killed or hurt is the one acted upon ("a
                # trafficker was killed after exchanging fire with police": police first),
                # else text order
                others = [f for f in rest if f.mention.name != second.mention.name]
                if others:
                    pair = sorted((others[0], second), key=lambda f: f.mention.start)
                    if suffered(pair[0].span) and not suffered(pair[1].span):
                        pair.reverse()
                    first, second = pair
        if second is None and (event.event_type == "Battles" or event.sub_event_type == "Agreement"):
            # "GNA and LNA forces clashed" (or "exchanged prisoners"): coordinated subjects face
            # each other, in text order
            agents = [f for f in armed if self.roles[id(f)] == AGENT and f not in allies]
            if len({f.mention.name for f in agents}) >= 2 and (first is None or first in agents):
                agents.sort(key=lambda f: f.mention.start)
                first = agents[0]
                second = next(f for f in agents if f.mention.name != first.mention.name)
        if first is None and event.event_type == "Battles":
            taken = {f.mention.name for f in (second, *allies) if f is not None}
            first = next((f for f in self.rest_of_sentence(event) if self.roles[id(f)] == AGENT
                          and f.mention.name not in taken and f.mention.inter not in (CROWD_5, CROWD_6, CIVILIANS)),
                         None)
        if first is None or second is None:
            taken = {f.mention.name for f in (first, second, *allies) if f is not None}
            before = [f for f in self.earlier(event) if f.mention.name not in taken
                      and f.mention.inter not in (CROWD_5, CROWD_6, CIVILIANS)]
            if first is None and before:
                first = before.pop(0)
                before = [f for f in before if f.mention.name != first.mention.name]
            if event.sub_event_type == "Non-state actor overtakes territory":
                before = [f for f in before if f.mention.inter == STATE]
            if second is None and before and event.event_type == "Battles" or (
                    second is None and before and allies):
                second = before[0]
        if second is None and first is not None and event.event_type == "Battles":
            # "gunmen shot the mayor dead. His bodyguards, two police agents, were also killed":
            # state forces the next sentence says were hit are the other side
            second = next((f for f in self.later(event) if f.mention.inter in (STATE, 8)
                           and f.mention.name != first.mention.name and suffered(f.span)), None)
        if second is None and event.sub_event_type == "Non-state actor overtakes territory":
            second = None
            event.actor2 = _synth("Military Forces of {country}", STATE, event)
        if second is None and event.sub_event_type == "Looting/property destruction" and (
                first is None or first.mention.inter != CIVILIANS):
            # property destroyed or looted belongs to civilians unless the report names its owner;
            # drugs the state's forces seize or destroy belong to a gang
            victims = next((f for f in items if f.mention.inter == CIVILIANS), None)
            if victims is None and first is not None and first.mention.inter == STATE \
                    and is_contraband(self.doc.text[event.sent_start:event.sent_end]):
                event.actor2 = _synth("Unidentified Gang ({country})", 3, event)
            else:
                event.actor2 = _as(victims, "Civilians ({country})", CIVILIANS, event)
        if event.sub_event_type == "Arrests" and (first is None or first.mention.inter not in (STATE, 8)):
            # only a state's forces (or a power ruling the place) arrest: the state side named
            # anywhere near is the arresting one, the group first read as acting was arrested
            arresting = next((f for f in armed if f.mention.inter in (STATE, 8)), None)
            if arresting is not None:
                first, second = arresting, (first if second is None else second)
        if second is None and event.sub_event_type == "Arrests" and first is not None:
            # the people arrested are civilians unless the report names their group
            victims = next((f for f in items if f.mention.inter == CIVILIANS), None)
            event.actor2 = _as(victims, "Civilians ({country})", CIVILIANS, event)
        if second is None and event.event_type == "Explosions/Remote violence":
            # the people it hit, in its sentence or the next ("Four persons were killed")
            victims = [f for f in items if f.mention.inter == CIVILIANS]
            if victims and self.roles[id(victims[0])] == PATIENT:
                second = victims[0]
            elif not victims:
                second = next((f for f in self.later(event) if f.mention.inter == CIVILIANS
                               and suffered(f.span)), None)
        if (first is not None and second is not None and _same_state(first, second)
                and event.event_type == "Strategic developments"):
            # "police and the CRPF defused two bombs": one state's forces are on one side
            allies = [*allies, second]
            second = next((f for f in armed if f.mention.inter not in (STATE, 8) and f not in allies
                           and f.mention.name != first.mention.name), None)
        if (second is None and first is not None and first.mention.inter == STATE
                and event.sub_event_type == "Disrupted weapons use"):
            # the weapons belonged to the group the report names ("IEDs planted by Maoists",
            # "arms of the KLO"), even as the agent of planting; else to an unnamed one
            second = next((f for f in armed if f.mention.inter not in (STATE, 8, CIVILIANS)
                           and f.mention.name != first.mention.name and f not in allies), None)
            if second is None:
                event.actor2 = _synth("Unidentified Armed Group ({country})", 3, event)
        if (first is not None and second is not None and event.event_type == "Battles"
                and self.roles[id(first)] != AGENT and suffered(first.span)
                and not suffered(second.span)):
            first, second = second, first  # the side killed or hurt was acted upon
        if (event.sub_event_type == "Government regains territory" and second is not None
                and second.mention.inter == STATE and (first is None or first.mention.inter != STATE)):
            first, second = second, first  # the government's forces regain it, by definition
        if (first is not None and second is not None and event.event_type == "Battles"
                and first.mention.name.startswith("Unidentified") and second.mention.inter == STATE
                and _mutual(first, event)):
            # "armed men exchanged fire with police": neither side acted more; ACLED names the
            # state's forces first against an unnamed group
            first, second = second, first
        if (first is not None and event.event_type == "Battles" and self._responded(first, event)
                and (second is None or not self._responded(second, event))):
            # "officers were shot by a man ... the officers returned fire": the side that opened
            # fire comes first, as with a repelled attack
            if second is None:
                event.actor1 = _synth("Unidentified Armed Group ({country})", 3, event)
                event.actor2 = first.mention
                return
            first, second = second, first
        if first is not None and repels(first.span):
            # "Afghan forces repulsed their attack": ACLED puts the attacking side first
            other = second or next((f for f in armed if f.mention.name != first.mention.name
                                    and f not in allies), None)
            if other is not None:
                first, second = other, first
        if (first is None and second is not None and event.sub_event_type == "Disrupted weapons use"
                and second.mention.inter not in (STATE, 8, CIVILIANS)):
            # "landmines they were planting exploded prematurely, killing 2 Taliban militants":
            # no one disrupted the weapon, its own side is the actor
            first, second = second, None
        if first is None and second is None and self.observer is not None:
            (name1, inter1), side2 = self.observer
            event.actor1 = _synth(name1, inter1, event)
            if side2 and event.event_type == "Battles":
                event.actor2 = _synth(side2[0], side2[1], event)
            return
        if first is None and second is None and event.sub_event_type == "Armed clash":
            # a shoot-out between unnamed sides: ACLED codes unidentified groups on both
            event.actor1 = _synth("Unidentified Armed Group ({country})", 3, event)
            event.actor2 = _synth("Unidentified Armed Group ({country})", 3, event)
            return
        if first is None and second is not None and event.sub_event_type == "Armed clash":
            unnamed = _synth("Unidentified Armed Group ({country})", 3, event)
            if self.roles[id(second)] == PATIENT and preposition(second.span) != "with":
                # "officers were shot by a man", "a man attacked a police officer": the unnamed
                # attacker acted on the named side
                event.actor1, event.actor2 = unnamed, second.mention
                return
            # "a man was killed after exchanging fire with police": the named side is actor1,
            # the unnamed one an unidentified group
            event.actor1 = second.mention
            event.actor2 = unnamed
            event.assoc_actor_1 = [f.mention for f in allies if f.mention.name != second.mention.name]
            return
        if first is None and event.sub_event_type in _UNIDENTIFIED_BY_DEFAULT:
            event.actor1 = _synth("Unidentified Armed Group ({country})", 3, event)
        elif first is None and event.sub_event_type == "Arrests":
            # "13 people were detained": no one named, the police arrested them
            event.actor1 = _synth("Police Forces of {country}", STATE, event)
        elif first is None and event.sub_event_type == "Change to group/activity" and event.actor2 is None:
            # curfews, bans, decrees: with no one named, the government acted
            event.actor1 = _synth("Government of {country}", STATE, event)
        else:
            event.actor1 = first.mention if first else None
        if second is not None or event.actor2 is None:
            event.actor2 = second.mention if second else None
        if first is not None:
            event.assoc_actor_1 = [f.mention for f in allies if f.mention.name != first.mention.name
                                   and (second is None or f.mention.name != second.mention.name)]
        if event.actor1 is not None and event.actor2 is None and event.sub_event_type == "Armed clash":
            # a clash has two sides: the one the report does not name is unidentified, or for
            # an unnamed identity militia ("inter-clan clashes") another of its kind
            if event.actor1.inter == 4 and event.actor1.name.startswith("Unidentified"):
                event.actor2 = event.actor1
            else:
                event.actor2 = _synth("Unidentified Armed Group ({country})", 3, event)

    # --- helpers ---------------------------------------------------------------------------
    def _responded(self, item: Found, event: EventMention) -> bool:
        """The actor fired back, in the event's sentence or the next ("The police shot back")."""
        span = self._sentence(event)
        near = (self.in_range(span.sent.start_char, span.sent.end_char) if span is not None else []) \
            + self.later(event, 1)
        return any(f.mention.name == item.mention.name and responds(f.span) for f in near)

    def _best(self, items: list[Found], event: EventMention, prefer: tuple[str, ...],
              avoid: tuple[str, ...] = (), ordered: bool = False) -> Found | None:
        """The preferred-role candidate nearest the trigger, else any candidate not avoided."""
        if not items:
            return None
        def distance(f: Found) -> tuple[int, int, int]:
            near = min(abs(f.mention.start - event.start), abs(f.mention.end - event.end))
            # of coordinated actors ("police and army arrested"), the first named leads
            later_conjunct = int(f.span.root.dep_ == "conj")
            return (0, 0, 0) if ordered else (self.depth[id(f)], later_conjunct, near)
        for role in prefer:
            hits = [f for f in items if self.roles[id(f)] == role]
            if hits:
                return hits[0] if ordered else min(hits, key=distance)
        others = [f for f in items if self.roles[id(f)] not in avoid]
        if not others:
            return None
        # with no role to go on, the side that acted is usually named first
        return others[0]


def _same_state(a: Found, b: Found) -> bool:
    """Two mentions of one state's forces (army and police of the same country), one of them
    unspecific ("police"): named factions of a split state (GNA, LNA) fight each other."""
    return (a.mention.inter == b.mention.inter == STATE and a.alias.is_state and b.alias.is_state
            and ("{country}" in a.alias.name or "{country}" in b.alias.name)
            and (a.mention.country == b.mention.country or None in (a.mention.country, b.mention.country)))


# sub-types whose author hides: state forces named with them are their targets
_HIDDEN_AUTHOR = {"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"}
# a vehicle or patrol that "struck", "hit" or "detonated" a mine is its victim
_VICTIM_VERBS = {"strike", "hit", "run", "step", "drive", "trigger", "detonate", "pass"}
# ... of which those that say a group ran into a device (armed groups do detonate their own)
_RAN_INTO_VERBS = _VICTIM_VERBS - {"detonate", "trigger"}
# sub-types where ACLED codes an unnamed perpetrator as an unidentified armed group
_UNIDENTIFIED_BY_DEFAULT = {"Remote explosive/landmine/IED", "Grenade", "Suicide bomb",
                            "Shelling/artillery/missile attack", "Looting/property destruction"}


def _jurisdiction(item: Found) -> bool:
    """"under Dhing police station", "Hathauri police limits": a place, not the police acting
    (a police station attacked is the police's)."""
    span, doc = item.span, item.span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    under = any(t.lower_ == "under" for t in doc[max(span.start - 3, 0):span.start])
    return after in ("limits", "jurisdiction") or (after == "station" and under)


# verbs by which a crowd and the police it faced fought each other
_FIGHT_VERBS = {"fight", "clash", "scuffle", "brawl"}
# verbs of a fight both sides waged, when the trigger is another word
_MUTUAL_VERBS = {"exchange", "clash", "engage", "battle"}


def _mutual(item: Found, event: EventMention) -> bool:
    """The event is a fight both sides waged, by its trigger or the actor's verb."""
    return tells_of_mutual_fight(event.text) or governing_verb(item.span) in _MUTUAL_VERBS


def assign_actors(doc: Doc, found: list[Found], events: list[EventMention]) -> None:
    """Fill actor1/actor2/assoc on every event mention that lacks them."""
    assigner = Assigner(doc, found)
    for event in events:
        if event.actor1 is None and event.actor2 is None:
            assigner.assign(event)
