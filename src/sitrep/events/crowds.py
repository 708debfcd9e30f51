"""Protesters on the receiving end (rules.json protesters_hit).

"Ruling party youths attacked opposition supporters who were holding a peaceful rally", "soldiers
shot dead two men during a peaceful protest": the violence is done to a demonstration, not by it.
ACLED codes it as the protest's intervention (dispersed, beaten, no serious harm: Protest with
intervention, also when armed groups or rioters intervene) or, with lethal weapons, as Excessive
force against protesters. The victims are protesting when a clause says so ("who were
protesting", "residents protesting the lack of water"); a cue set "during a protest" counts only
when armed men did it (protesters attacking police during a protest are rioting).

Riots the note sets before its protest (rules.json protest_background) are the protest's
background, not its act: "The protest comes a day after clashes ...", "In March, protesters
vandalised ...".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from sitrep.events.lexicon import MONTHS, Trigger, WordSet

OBJECTS = ("dobj", "obj", "nsubjpass")
DAY_MONTH = re.compile(r"(?:\b(\d{1,2})(?:st|nd|rd|th)?\s+)?\b(" + "|".join(sorted(MONTHS)) + r")\b(?:\s+(\d{1,2})\b)?", re.I)


@dataclass(frozen=True)
class ProtestersHit:
    """rules.json protesters_hit: which sub-types turn into which when their victims protest."""

    retype: dict[str, str]            # a cue's sub-type -> the one when it hits protesters
    lethal: dict[str, str]            # the same for a cue of a lethal word (kill, shoot)
    lethal_words: frozenset[str]
    serious: frozenset[str]           # "seriously injured"
    protest_words: frozenset[str]     # "who were protesting", "marching"
    staging_verbs: frozenset[str]     # "who were holding a rally"
    victim_preps: frozenset[str]      # "opened fire on residents protesting"
    occasion_preps: frozenset[str]    # "during a protest"
    armed: WordSet                    # who may hit a protest they are not part of

    @classmethod
    def of(cls, raw: dict) -> ProtestersHit:
        rule = raw.get("protesters_hit", {})
        lists = raw.get("lists", {})
        return cls(dict(rule.get("retype", {})), dict(rule.get("lethal", {})),
                   frozenset(rule.get("lethal_words", ())), frozenset(rule.get("serious", ())),
                   frozenset(rule.get("protest_words", ())),
                   frozenset(rule.get("staging_verbs", ())), frozenset(rule.get("victim_preps", ())),
                   frozenset(rule.get("occasion_preps", ())),
                   WordSet.parse("|".join(rule.get("armed", [])), lists))

    def __call__(self, row: Trigger, head: Token) -> Trigger:
        new = (self.lethal if self._lethal(row, head) else self.retype).get(row.sub_event_type)
        if new and (any(self._protesting(v) for v in _victims(head, self.victim_preps))
                    or self._at_protest(head)):
            return row.retyped(new)
        return row

    def _lethal(self, row: Trigger, head: Token) -> bool:
        """A lethal word in the cue or a verb conjoined with it ("shot and injured"), or a serious
        harm ("seriously injured")."""
        words = set(row.words) | {v.lemma_.lower() for v in head.conjuncts}
        return not self.lethal_words.isdisjoint(words) or any(
            c.dep_ == "advmod" and c.lower_ in self.serious for c in head.children)

    def _protest(self, token: Token) -> bool:
        return token.lemma_.lower() in self.protest_words

    def _protesting(self, victim: Token) -> bool:
        """"residents protesting", "supporters who were holding a peaceful rally"."""
        # an "acl" is a participle ("residents protesting"); "relatives protested after ..." is a misparse
        clauses = [c for c in victim.children if c.pos_ in ("VERB", "AUX")
                   and (c.dep_ == "relcl" or c.dep_ == "acl" and c.tag_ == "VBG")]
        for clause in clauses:
            if self._protest(clause):
                return True
            if clause.lemma_.lower() in self.staging_verbs and any(
                    c.dep_ in OBJECTS and self._protest(c) for c in clause.children):
                return True
            if self._at(clause):          # "people taking part in a peaceful march"
                return True
        return False

    def _at(self, verb: Token) -> bool:
        """The verb is set at a protest: "during a protest", "in a peaceful march"."""
        return any(p.dep_ == "prep" and p.lower_ in self.occasion_preps
                   and any(o.dep_ == "pobj" and self._protest(o) for o in p.children) for p in verb.children)

    def _at_protest(self, head: Token) -> bool:
        """"soldiers shot dead two men during a peaceful protest": armed doers at a protest."""
        verbs = [head, *head.conjuncts]   # "police shot and wounded a student at a demonstration"
        if not any(self._at(v) for v in verbs):
            return False
        doers = [t for v in verbs for c in v.children if c.dep_ in ("nsubj", "agent") for t in c.subtree]
        return self.armed.hits(doers)


def _victims(head: Token, preps: frozenset[str]) -> list[Token]:
    """The cue's objects, its passive subject, "on/at X"; those of its conjoined verbs too
    ("beat and chased away residents who were protesting")."""
    verbs = [head, *head.conjuncts]
    out = [c for v in verbs for c in v.children if c.dep_ in OBJECTS]
    out += [o for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"]
    return out + [c for o in out for c in o.conjuncts]


@dataclass(frozen=True)
class ProtestBackground:
    """rules.json protest_background: a riot cue the note sets before its protest is background.

    "Protesters gathered in Tripoli. The protest comes a day after clashes with the army, during
    which protesters set fire to banks", "Protests in the city have turned violent in recent days":
    the note's event is the gathering; the violence came earlier. A cue under "after"/"following"
    (a preposition or a clause's mark), or set in a past stretch of time ("the previous night", "in
    recent days"), does not make the protest a riot. Only where the note holds a protest told as
    its own act (not itself set before)."""

    sub_types: frozenset[str]     # what may be background
    protest_subs: frozenset[str]
    after_words: frozenset[str]
    past_modifiers: frozenset[str]
    periods: frozenset[str]

    @classmethod
    def of(cls, raw: dict) -> ProtestBackground:
        rule = raw.get("protest_background", {})
        return cls(*(frozenset(rule.get(key, ())) for key in
                     ("sub_types", "protest_subs", "after_words", "past_modifiers", "periods")))

    def __call__(self, chosen: list) -> list:
        """`chosen`: the stage's candidates (component.Candidate), less the riots set before a protest."""
        protest = [c.sent for c in chosen if c.row.sub_event_type in self.protest_subs and not self.before(c.head)]
        if not protest:
            return chosen
        return [c for c in chosen if not (c.row.sub_event_type in self.sub_types and c.sent >= min(protest)
                                          and self.before(c.head))]

    def before(self, head: Token) -> bool:
        for node in (head, *head.ancestors):
            if node.dep_ == "prep" and node.lower_ in self.after_words:
                return True
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.after_words for c in node.children):
                return True
            if node.pos_ in ("VERB", "AUX") and (self._past(node) or _another_day(node)):
                return True
            if node.dep_ in ("ROOT", "ccomp", "parataxis"):
                return False
        return False

    def _past(self, verb: Token) -> bool:
        """"in recent days", "the previous night", "last week", "over the past month"."""
        times = [c for c in verb.children if c.dep_ in ("npadvmod", "tmod")]
        times += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "over", "during", "on")
                  for o in p.children if o.dep_ == "pobj"]
        return any(t.lemma_.lower() in self.periods
                   and any(m.lower_ in self.past_modifiers for m in t.children) for t in times)


def _day_month(text: str) -> tuple[str | None, str] | None:
    found = DAY_MONTH.search(text)
    return (found.group(1) or found.group(3), found.group(2).lower()) if found else None


def _another_day(verb: Token) -> bool:
    """The verb is dated to a day other than the note's own (its first date): "Clashes killed one
    protester on 27 April" in a note "On 1 May 2020, protesters marched ...", "In March, ..."."""
    note = next((_day_month(e.text) for e in verb.doc.ents if e.label_ == "DATE" and _day_month(e.text)), None)
    if note is None:
        return False
    times = [c for c in verb.children if c.dep_ in ("npadvmod", "tmod")]
    times += [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    for time in times:
        if time.ent_type_ != "DATE" or (own := _day_month(_entity(time))) is None:
            continue
        if own[1] != note[1] or (own[0] and note[0] and int(own[0]) != int(note[0])):
            return True
    return False


def _entity(token: Token) -> str:
    return next((e.text for e in token.doc.ents if e.start <= token.i < e.end), token.text)
