"""One-sided or two-sided violence: who the sides of a cue are decides its sub-type (ACLED codebook).

An armed group against another is a clash even when one side was caught unawares; against unarmed
civilians it is an attack; an organised group (a named caste, clan or gang) is no mob. The
knowledge is in rules.json: unarmed, civilian_targets, organised_identity, responders
and armed_targets; the events component (component.py) asks this class about each cue.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.events.clash import RemoteSupport
from sitrep.events.lexicon import Rules, Trigger, WordSet
from sitrep.events.notes import armed_target
from sitrep.events.private import doers as _doers
from sitrep.events.syntax import (
    _agent, _conjoined_victims, _framing_victims, _named_identity, _target, _unarmed,
)
from sitrep.events.violence import by_phrase, party_affiliates, relatives_not_armed


def _phrases(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(w.replace("-", " ").split()) for w in words]


class Sides:
    """The sides of each cue, read from the parse with rules.json's word lists."""

    def __init__(self, rules: Rules, not_on: dict[str, WordSet]) -> None:
        raw, lists = rules.raw, rules.raw.get("lists", {})
        self.rules, self.not_on = rules, not_on
        self.armed_targets: dict[str, str] = raw.get("armed_targets", {})
        unarmed = raw.get("unarmed", {})
        armed = unarmed.get("words", []) + [w for words in raw.get("not_on", {}).values() for w in words]
        self.armed = WordSet.parse("|".join(armed), lists)
        self.unarmed_modifiers = _phrases(unarmed.get("modifiers", []))
        self.armed_names = _phrases(unarmed.get("forces", []))
        self.unarmed_after = _phrases(unarmed.get("after", []))
        self.kin = WordSet.parse("|".join(unarmed.get("kin", [])), lists)
        civilian = raw.get("civilian_targets", {})
        self.civilian_retype: dict[str, str] = civilian.get("retype", {})
        self.civilians = WordSet.parse("|".join(civilian.get("words", [])), lists)
        self.civilian_not = WordSet.parse("|".join(civilian.get("armed", [])), lists)
        self.two_sided = frozenset(civilian.get("two_sided", ()))
        identity = raw.get("organised_identity", {})
        self.identity_subs = frozenset(identity.get("sub_types", ()))
        self.identity_words = set(identity.get("words", ()))
        party = raw.get("party_affiliates", {})
        self.party_members = WordSet.parse("|".join(party.get("members", [])), lists)
        self.parties = WordSet.parse("|".join(party.get("parties", [])), lists)
        self.party_acts = frozenset(party.get("acts", ()))
        self.not_by = {sub: WordSet.parse("|".join(words), lists) for sub, words in raw.get("not_by", {}).items()}
        self.responders = set(raw.get("responders", ()))
        self.remote_support = RemoteSupport.of(raw)

    # -- one cue
    def victims(self, head: Token, trigger: Span | None = None) -> list[Token]:
        """What the cue acts on, less the armed words of people no longer armed ("a retired
        soldier": a civilian; rules.json unarmed)."""
        return self.unarmed(_target(head, trigger))

    def unarmed(self, tokens: list[Token]) -> list[Token]:
        tokens = relatives_not_armed(tokens, self.armed, self.kin)
        return _unarmed(tokens, self.armed, self.unarmed_modifiers, self.armed_names, self.unarmed_after)

    def retype(self, row: Trigger, head: Token, trigger: Span) -> Trigger:
        """The cue's sub-type by whom it acts on: civilians make one-sided cues an attack, armed
        men (its own victims, those of the clause it frames, of its conjoined verbs) a clash."""
        if self.remote_support.supports(row.sub_event_type, head):   # "backed by airstrikes": the ground fight
            return row.retyped(self.remote_support.becomes)
        not_on = self.not_on.get(row.sub_event_type)
        own = self.victims(head, trigger)
        row = self.civilian_target(row, own)
        row = armed_target(row, own + _framing_victims(head), self.rules, not_on)
        # "attacked a village and confronted a militia": the attack met armed men
        return armed_target(row, self.unarmed(_conjoined_victims(head)), self.rules, not_on, any_row=True)

    def civilian_target(self, row: Trigger, victims: list[Token]) -> Trigger:
        """A row without target and agent columns, and of no two-sided word ("clash"), whose own
        victims are civilians and none armed takes the sub-type of rules.json civilian_targets:
        'fired shots at a former MLA' is an attack."""
        new = self.civilian_retype.get(row.sub_event_type)
        if (new and not row.target and not row.agent and self.two_sided.isdisjoint(row.words)
                and self.civilians.hits(victims) and not self.armed.hits(victims)
                and not self.civilian_not.hits(victims)):
            return row.retyped(new)
        return row

    def frames_civilian_harm(self, row: Trigger, head: Token) -> bool:
        """"killed 3 civilians during an incursion": a one-sided cue (as in civilian_target) that
        only frames the harm done to civilians is that attack seen whole, not a clash of its own."""
        if head.pos_ != "NOUN" or row.sub_event_type not in self.civilian_retype:
            return False
        return self.civilian_target(row, self.unarmed(_framing_victims(head))) is not row

    def organised(self, row: Trigger, head: Token) -> bool:
        """"members of the Koli caste attacked a family", "a clash between the TCP and CV groups":
        a named group is organised, so a row of organised_identity's sub-types (a mob's) fails."""
        if row.sub_event_type not in self.identity_subs:
            return False
        doers = _doers(head) + _agent(head)
        not_by = self.not_by.get(row.sub_event_type)
        if not_by and head.pos_ == "NOUN" and not_by.hits(by_phrase(head)):
            return True   # "an attack by suspected cattle rustlers": armed doers of a noun cue too (not_by)
        # a party's people who harm others (not who fight each other, nor burn: a brawl or a riot is a mob's)
        return _named_identity(doers, self.identity_words) or (
            row.words[0] in self.party_acts and party_affiliates(doers, self.party_members, self.parties))

    # -- across sentences: (sub-type, sentence, head) of each chosen cue, in order
    def armed_elaboration(self, cues: list[tuple[str, int, Token]], drop: set[int]) -> tuple[int, str] | None:
        """An elaboration that counts armed dead ("his bodyguards, two policemen, were also
        killed": a clash by armed_targets) tells who the event above met: its first cue of an
        armed_targets sub-type takes the mapped one, where that is not already reported.
        Returns (the cue's index, its new sub-type)."""
        told = {sub for sub, sent, _ in cues if sent in drop}
        subs = {sub for sub, sent, _ in cues if sent not in drop}
        for i, (sub, sent, _) in enumerate(cues):
            new = self.armed_targets.get(sub)
            if sent not in drop and new in told and new not in subs:
                return i, new
        return None

    def met_by_armed(self, cues: list[tuple[str, int, Token]]) -> tuple[int, int, str] | None:
        """"Militiamen attacked the village. Local militiamen routed the assailants.": a later clash
        cue acting on the attackers (rules.json responders) tells that the attack above met armed
        men. Returns (the attack's index, the response's index, the attack's new sub-type)."""
        for j, (sub, sent, head) in enumerate(cues):
            if sub not in self.armed_targets.values() or not any(
                    t.lemma_.lower() in self.responders for t in _target(head)):
                continue
            earlier = [i for i, (_, s, _) in enumerate(cues[:j]) if s < sent]
            if any(cues[i][0] == sub for i in earlier):
                continue
            first = next((i for i in earlier if self.armed_targets.get(cues[i][0]) == sub), None)
            if first is not None:
                return first, j, sub
        return None
