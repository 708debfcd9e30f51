"""What a protest is about, beyond its verb's object (rules.json grievance_phrase).

"held a demonstration in rejection of the burning of a bank", "protested in repudiation of the
violence", "gathered to protest ... during the previous night's riots": a riot word inside a
prepositional phrase of a protest word names the grievance or the occasion, not the crowd's act.
The crowd's own means stay acts: "protested with burning tyres", "a march marked by looting".
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.events.lexicon import WordSet
from sitrep.events.syntax import _grievance, _others_act, _told_apart

# links inside a noun phrase and its prepositional phrases; a clause (relcl, advcl, ccomp) stops the walk
PHRASE_DEPS = {"pobj", "prep", "conj", "poss", "compound", "nmod", "appos", "npadvmod", "amod"}


@dataclass(frozen=True)
class GrievancePhrase:
    """rules.json grievance_phrase: the protest words, the verbs that stage one ("held a
    demonstration"), and the prepositions that bring the crowd's own means ("with burning tyres")."""

    protest_words: frozenset[str]
    staging_verbs: frozenset[str]
    means_preps: frozenset[str]
    not_sub_types: frozenset[str]

    @classmethod
    def of(cls, raw: dict) -> GrievancePhrase:
        rule = raw.get("grievance_phrase", {})
        return cls(frozenset(rule.get("protest_words", ())), frozenset(rule.get("staging_verbs", ())),
                   frozenset(rule.get("means_preps", ())), frozenset(rule.get("not_sub_types", ())))

    def _protest(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        if lemma in self.protest_words:
            return True
        return lemma in self.staging_verbs and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in self.protest_words for c in token.children)

    def about(self, sub_event_type: str, head: Token) -> bool:
        """A cue of `sub_event_type` at `head` is what a protest is about, not an act."""
        return sub_event_type not in self.not_sub_types and self.holds(head)

    def holds(self, head: Token) -> bool:
        """The cue sits in a prepositional phrase of a protest word, not one of its means."""
        node = head
        while node.head.i != node.i and (node.dep_ in PHRASE_DEPS or node.dep_ == "pcomp" and node.pos_ == "ADP"):
            governor = node.head
            if node.dep_ == "prep" and self._protest(governor):
                # "with burning tyres" is the crowd's means; "in solidarity with the victims of the
                # clashes" is not (the cue lies deeper than the preposition's own object)
                direct = any(c.i == head.i or (c.dep_ == "pobj" and head in c.conjuncts)
                             for c in node.children)
                return not (node.lower_ in self.means_preps and direct)
            node = governor
        return False


def describes_named(head: Token, preps: frozenset[str]) -> bool:
    """A participle that only says who a person named in a prepositional phrase is: "relatives of
    a young man killed by police", "supporters of a detained activist", "justice for a murdered
    journalist". The person is the crowd's cause, the act is not the crowd's."""
    for node in (head, *head.ancestors):   # "by gunmen" in "a family killed by gunmen" too
        if node.dep_ in ("amod", "acl", "relcl") and node.pos_ in ("VERB", "ADJ"):
            named = node.head
            return named.dep_ == "pobj" and named.head.lower_ in preps
        if node.dep_ in ("ROOT", "conj", "advcl", "ccomp", "xcomp", "parataxis"):
            return False
    return False


def after_protest(sents: list[Span], chosen: list, reasons_of: set[str], others_subs: set[str],
                  window: int, others: tuple[set[str], WordSet, WordSet]) -> list:
    """A riot cue in a sentence after a protest's, in a sentence of no protest cue of its own,
    that tells of someone else's violence is the protest's background, not its act.
    `chosen`: the stage's candidates (component.Candidate); `others`: rules.json others_acts
    speech verbs, crowd and stranger words."""
    protest = [c for c in chosen if c.row.sub_event_type in reasons_of
               and c.row.sub_event_type not in others_subs]
    out = []
    for cand in chosen:
        before = [p for p in protest if 0 < cand.sent - p.sent <= window]
        if (cand.row.sub_event_type in others_subs and before
                and not any(p.sent == cand.sent for p in protest)):
            root = sents[before[0].sent].root
            own = {t.lemma_.lower() for c in root.children if c.dep_ == "nsubj" for t in c.subtree}
            if _told_apart(cand.head, *others, own):
                continue
        out.append(cand)
    return out


def called_off(head: Token, verbs: frozenset[str]) -> bool:
    """"The planned demonstration was postponed", "doctors suspended their strike": the passive
    subject or the object of a verb that cancels it is no event. Not a blocker: a blocker's whole
    clause would go, and with it "police suspended two officers after they beat protesters"."""
    verb = head.head
    if head.dep_ not in ("nsubjpass", "dobj", "obj") or verb.lemma_.lower() not in verbs:
        return False
    # "call" cancels only as "call off": "unions called a strike" holds one
    return verb.lemma_.lower() != "call" or any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)


def ends_itself(head: Token, verbs: frozenset[str]) -> bool:
    """"the protesters dispersed peacefully", "..., dispersing after an hour": a crowd that breaks
    up by itself (no object, not passive) has met no intervention."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in verbs:
        return False
    return not any(c.dep_ in ("dobj", "obj", "nsubjpass", "auxpass", "agent") for c in head.children)


@dataclass(frozen=True)
class CrowdsCause:
    """In a crowd-tagged note, what the crowd gathered about: a person described by what was done
    to them ("relatives of a man killed by police"), someone else's act in a clause of its own
    ("two days after a student was shot by police"), a protest's object or prepositional phrase
    ("marched because of the murder of a woman"). `others`: rules.json others_acts speech verbs,
    crowd and stranger words."""

    phrase: GrievancePhrase
    verbs: frozenset[str]
    causes: frozenset[str]
    preps: frozenset[str]
    others: tuple[set[str], WordSet, WordSet]

    def __call__(self, head: Token, own_acts: bool = True) -> bool:
        """`own_acts` False: only a person described or a protest's phrase (a crowd's own riot word
        in a clause or as an object is often its act: "gathered ... and pelted stones")."""
        if describes_named(head, self.preps) or self.phrase.holds(head):
            return True
        return own_acts and (_others_act(head, *self.others) or _grievance(head, self.verbs, self.causes))


def harmless(token: Token, particles: dict[str, list[str]]) -> bool:
    """"set up tents", "set off fireworks": a violence word that its particle makes harmless."""
    allowed = particles.get(token.lemma_.lower())
    return bool(allowed) and any(c.dep_ == "prt" and c.lower_ in allowed for c in token.children)


def verbal(head: Token, modifiers: frozenset[str]) -> bool:
    """"clashed verbally with supporters", "a verbal clash": words, not violence."""
    return any(c.dep_ in ("advmod", "amod") and c.lower_ in modifiers for c in head.children)
