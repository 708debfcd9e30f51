"""The events stage: finds event mentions clause by clause and writes `doc._.event_mentions`.

Reads token lemmas and the dependency parse (syntax.py: what a trigger acts on, who did it, its
clause); the knowledge is in triggers.tsv (cue words with
their sub-event type, weight and context) and rules.json (what is not an event, and how
competing cues in one sentence resolve). Steps, in one pass over the tokens:

1. every trigger row whose pattern matches, kept where its context/target/agent/block hold,
   retyped by who its sides are (sides.py: armed men fought, civilians were attacked);
   the longest span wins, then the heaviest row at it (distinctive cues beat generic ones);
2. matches that are negated (also "without a shot being fired"), hypothetical, governed by a
   statement or a plan, protests held online, or set in a
   year well before publication are dropped;
3. per sentence: incidental cues give way to strong ones, `suppress` rules drop the other side
   of one event (the killing in an airstrike), and one mention is kept per sub-type;
4. across nearby sentences, `absorb` rules upgrade a protest when the police act on it later.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.events.lexicon import RULES, TRIGGERS, Bag, Rules, Trigger, WordSet, load, token_keys
from sitrep.events.not_events import NotEvents
from sitrep.events.crowds import ProtestBackground, ProtestersHit
from sitrep.events.notes import armed_victim, crowd_default, crowd_subs, crowd_tag, recalled
from sitrep.events.private import doers as _doers, private_crime
from sitrep.events.protests import (
    CrowdsCause, GrievancePhrase, after_protest, called_off, ends_itself, harmless, verbal,
)
from sitrep.events.syntax import (
    _after, _agent, _anaphoric, _before, _clause_chars, _clause_head, _described, _grievance,
    _dates, _online, _others_act, _own_clause, _span_head, _subordinate, _symbolic, _verb_of, _acts_only_on,
)
from sitrep.events.sides import Sides
from sitrep.events.strategic import StrategicReasons
from sitrep.mentions import EventMention, mentions

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "expl"}
YEAR = re.compile(r"^(19|20)\d\d$")
WITHOUT_PATH = {"pobj", "pcomp", "dobj", "nsubjpass", "compound", "det", "amod", "nummod"}
NOT_EVENTS_KEY = "sitrep_not_events"   # doc.user_data: char spans of sentences judged not events


@dataclass
class Candidate:
    start: int          # token offsets of the trigger span
    end: int
    row: Trigger
    head: Token
    sent: int


class EventsComponent:
    """spaCy component `sitrep_events` (see the module docstring)."""

    def __init__(self, triggers: str = "", rules: str = "") -> None:
        # empty paths mean the data files shipped beside this module
        self.index, self.rules = load(triggers or str(TRIGGERS), rules or str(RULES))
        lists = self.rules.raw.get("lists", {})
        self.not_on = {sub: WordSet.parse("|".join(words), lists)
                       for sub, words in self.rules.raw.get("not_on", {}).items()}
        self.reasons_of = set(self.rules.raw.get("reasons_of", []))
        self.grievance_verbs = set(self.rules.raw.get("grievance_verbs", []))
        self.grievance_causes = frozenset(self.rules.raw.get("grievance_causes", []))
        self.grievance_phrase = GrievancePhrase.of(self.rules.raw)
        self.called_off = frozenset(self.rules.raw.get("called_off", ()))
        self.ends_itself = frozenset(self.rules.raw.get("ends_itself", ()))
        self.verbal = frozenset(self.rules.raw.get("verbal", ()))
        self.harmless = self.rules.raw.get("crowd_tag", {}).get("harmless_particles", {})
        online = self.rules.raw.get("online", {})
        self.online_subs = frozenset(online.get("sub_types", ()))
        self.online_places = frozenset(online.get("places", ()))
        self.online_modifiers = frozenset(online.get("modifiers", ()))
        others = self.rules.raw.get("others_acts", {})
        self.others_subs = set(others.get("sub_types", []))
        self.others_speech = set(others.get("speech", []))
        self.others_crowd = WordSet.parse("|".join(others.get("crowd", [])), lists)
        self.others_strangers = WordSet.parse("|".join(others.get("strangers", [])), lists)
        self.others = (self.others_speech, self.others_crowd, self.others_strangers)
        self.crowds_cause = CrowdsCause(self.grievance_phrase, frozenset(self.grievance_verbs), self.grievance_causes,
                                        frozenset(self.rules.raw.get("crowd_tag", {}).get("described_preps", ())),
                                        self.others)
        self.sides = Sides(self.rules, self.not_on)   # one-sided or two-sided (sides.py)
        self.not_by = {sub: WordSet.parse("|".join(words), lists)
                       for sub, words in self.rules.raw.get("not_by", {}).items()}
        figurative = self.rules.raw.get("figurative", {})
        self.figurative_types = set(figurative.get("event_types", []))
        self.figurative = WordSet.parse("|".join(figurative.get("objects", [])))
        symbolic = self.rules.raw.get("symbolic", {})
        self.symbolic_subs = set(symbolic.get("sub_types", []))
        self.symbolic = WordSet.parse("|".join(symbolic.get("words", [])))
        self.symbolic_phrase = WordSet.parse("|".join(symbolic.get("phrase", [])))
        self.not_events = NotEvents(self.rules.raw)   # nature, courts, figures of speech (not_events.py)
        self.strategic = StrategicReasons.of(self.rules.raw)   # violence told as a development's reason
        self.protesters_hit = ProtestersHit.of(self.rules.raw)   # violence done to a protest (crowds.py)
        self.protest_background = ProtestBackground.of(self.rules.raw)   # riots before a protest

    def __call__(self, doc: Doc) -> Doc:
        found = mentions(doc, "event_mentions")
        found.extend(self.find(doc))
        return doc

    # -- step 1 and 2: candidates
    def find(self, doc: Doc) -> list[EventMention]:
        if not len(doc):
            return []
        sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else [doc[:]]
        sent_of = [0] * len(doc)
        for number, sent in enumerate(sents):
            for i in range(sent.start, sent.end):
                sent_of[i] = number
        parsed = doc.has_annotation("DEP")
        ref_year = _reference_year(doc)
        best: dict[tuple[int, int], Candidate] = {}
        keys = [token_keys(token) for token in doc]   # once per token, shared by every lookup
        bags: dict[int, Bag] = {}     # sentence number -> its words, built on first use
        for start, end, row in self.index.spans(doc, keys):
            sent_no = sent_of[start]
            head = _span_head(doc[start:end])
            if not self._applies(row, head, doc[start:end], sents, sent_no, parsed, bags, keys):
                continue
            if parsed and self.sides.frames_civilian_harm(row, head):
                continue
            if parsed:
                row = self.sides.retype(row, head, doc[start:end])
                row = self.protesters_hit(row, head)
            current = best.get((start, end))
            if current is None or row.weight > current.row.weight:
                best[(start, end)] = Candidate(start, end, row, head, sent_no)
        # the longest span wins where spans overlap ("suicide car bomb" over "car bomb")
        kept: list[Candidate] = []
        taken: set[int] = set()
        for cand in sorted(best.values(), key=lambda c: (c.start - c.end, -c.row.weight, c.start)):
            if taken.isdisjoint(range(cand.start, cand.end)):
                kept.append(cand)
                taken.update(range(cand.start, cand.end))
        judged = [(c, self._not_an_event(c, sents[c.sent], parsed, ref_year)) for c in kept]
        kept = [c for c, no in judged if not no]
        dropped = [c for c, no in judged if no]
        # sentences judged not to be events: later stages (the learned one) add none from them
        doc.user_data[NOT_EVENTS_KEY] = sorted({(sents[c.sent].start_char, sents[c.sent].end_char)
                                                for c in dropped})
        kept += self._headings(sents)
        # rows weighted below min_weight are fallbacks: they speak only when nothing else does
        floor = self.rules.min_weight
        main = self._note_level(doc, sents, [c for c in kept if c.row.weight >= floor], keys)
        if not main and kept:
            main = [min(kept, key=lambda c: c.start)]
        return self._resolve(doc, sents, main)

    def _note_level(self, doc: Doc, sents: list[Span], main: list[Candidate],
                    keys: list[set[str]]) -> list[Candidate]:
        """What the whole note says (notes.py): a crowd-size tag, an armed victim."""
        tag = crowd_tag(doc, self.rules)
        parsed = doc.has_annotation("DEP")
        if tag is not None and parsed:   # the crowd's cause ("relatives of a man killed by police") is not its act
            crowd_types = self.rules.raw["crowd_tag"]["types"]
            main = [c for c in main if c.row.sub_event_type in self.grievance_phrase.not_sub_types
                    or not self.crowds_cause(c.head, self.rules.type_of[c.row.sub_event_type] not in crowd_types)]
        if tag is not None and not main:   # the tag alone: a gathering, or a crowd's violence
            span = doc.char_span(tag.start(), tag.end(), alignment_mode="expand")
            # "demonstrated to demand that police who killed a boy be tried": the killing is the
            # grievance (under a blocker such as demand, or in a relative clause), not the crowd's act
            # a symbol burnt ("burnt copies of the bill") is no act of violence either
            acts = set().union(*(keys[t.i] for t in doc if not (parsed and (
                _hypothetical(t, self.rules) or _subordinate(t) or self.crowds_cause(t)
                or _symbolic(t, self.symbolic, self.symbolic_phrase) or harmless(t, self.harmless)))))
            row = Trigger(words=("size",), sub_event_type=crowd_default(self.rules, set().union(*keys), acts),
                          weight=self.rules.min_weight)
            sent_no = next(n for n, sent in enumerate(sents) if sent.start <= span.start < sent.end)
            return [Candidate(span.start, span.end, row, span.root, sent_no)]
        subs: list[str | None] = [c.row.sub_event_type for c in main]
        if tag is not None:
            subs = crowd_subs([c.row.sub_event_type for c in main], self.rules, set().union(*keys))
        elif armed_victim(doc, self.rules):
            retype = self.rules.armed_victims["retype"]
            subs = [retype.get(sub, sub) for sub in subs]
        out: list[Candidate] = []
        for cand, sub in zip(main, subs):
            if sub is not None and sub != cand.row.sub_event_type:
                cand = Candidate(cand.start, cand.end, cand.row.retyped(sub), cand.head, cand.sent)
            if sub is not None:
                out.append(cand)
        return out

    def _applies(self, row: Trigger, head: Token, trigger: Span, sents: list[Span], sent_no: int,
                 parsed: bool, bags: dict[int, Bag], keys: list[set[str]]) -> bool:
        def bag(number: int) -> Bag:
            if number not in bags:
                bags[number] = Bag.of(sents[number], keys)
            return bags[number]

        sent = sents[sent_no]
        if row.block and row.block.hits_bag(bag(sent_no)):
            if not parsed or row.block.hits(_unsaid(sent)):
                return False
        if row.weight < self.rules.strong_weight and self.rules.non_events.hits_bag(bag(sent_no)):
            return False
        if row.context:
            window = range(max(0, sent_no - self.rules.context_window), sent_no + 1)
            if not any(row.context.hits_bag(bag(n)) for n in window):
                return False
        victims = self.sides.victims(head, trigger) if row.target and parsed else []   # read once
        if row.target and not row.target.hits(victims if parsed else _after(head, sent)):
            return False
        if row.agent and not row.agent.hits(_agent(head) if parsed else _before(head, sent)):
            return False
        not_on = self.not_on.get(row.sub_event_type)
        if not_on and row.target and parsed and not_on.hits(victims):
            return False
        if row.sub_event_type in self.symbolic_subs and parsed and _symbolic(head, self.symbolic, self.symbolic_phrase):
            return False
        if (self.rules.type_of[row.sub_event_type] in self.figurative_types and parsed
                and _acts_only_on(head, self.figurative)):
            return False
        if parsed and self.sides.organised(row, head):
            return False
        not_by = self.not_by.get(row.sub_event_type)
        if not_by and row.agent and parsed and head.pos_ == "VERB":
            doers = _doers(head)   # with their modifiers: "an unidentified group", "armed youths"
            # and what they are a group of: "a group of policemen", "the deputy director of the police"
            members = [t for d in doers for p in d.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"
                       for t in (o, *o.children) if t.dep_ in ("pobj", "compound", "amod")]
            if not_by.hits(doers + members + [c for d in doers for c in d.children if c.dep_ in ("amod", "compound")]):
                return False
        return True

    def _not_an_event(self, cand: Candidate, sent: Span, parsed: bool, ref_year: int | None) -> bool:
        if not parsed:
            return False
        head = cand.head
        if cand.row.sub_event_type in self.online_subs and _online(head, self.online_places,
                                                                   self.online_modifiers):
            return True
        return (_negated(head, self.rules.negators) or _hypothetical(head, self.rules)
                or called_off(head, self.called_off) or ends_itself(head, self.ends_itself)
                or verbal(head, self.verbal)
                or _background(head, sent, ref_year) or recalled(head, self.rules)
                or self._private(cand, sent)
                or self.not_events.reason(head, sent, cand.row.sub_event_type) is not None)

    def _private(self, cand: Candidate, sent: Span) -> bool:
        config = self.rules.raw.get("private_crime")
        if not config or cand.row.sub_event_type not in config["sub_types"]:
            return False
        lists = self.rules.raw["lists"]
        return private_crime(cand.head, sent, config, lists["armed"] + lists["nonstate"] + config["armed"])

    def _headings(self, sents: list[Span]) -> list[Candidate]:
        """'Arrests: On 3 May ...': a labelled note names its own sub-type."""
        out: list[Candidate] = []
        headings: dict[str, str] = self.rules.headings
        for number, sent in enumerate(sents):
            colon = next((t for t in sent[:6] if t.text == ":"), None)
            if colon is None or colon.i == sent.start:
                continue
            label = sent.doc[sent.start:colon.i].text.strip().lower()
            if label in headings:
                row = Trigger(words=tuple(label.split()), sub_event_type=headings[label],
                              weight=self.rules.heading_weight)
                out.append(Candidate(sent.start, colon.i, row, sent.doc[sent.start], number))
        return out

    # -- step 3 and 4: resolution
    def _resolve(self, doc: Doc, sents: list[Span], cands: list[Candidate]) -> list[EventMention]:
        strong = self.rules.strong_weight
        by_sent: dict[int, list[Candidate]] = {}
        for cand in cands:
            by_sent.setdefault(cand.sent, []).append(cand)
        chosen: list[Candidate] = []
        tops: dict[tuple[int, str], float] = {}   # (sentence, sub-type) -> its heaviest cue
        for sent_no in sorted(by_sent):
            group = by_sent[sent_no]
            # "protested the lynching of a man": what a protest is about is its grievance, not its act
            if any(c.row.sub_event_type in self.reasons_of for c in group):
                group = [c for c in group if not (_grievance(c.head, self.grievance_verbs, self.grievance_causes)
                                                  or self.grievance_phrase.about(c.row.sub_event_type, c.head))] or group
                # "protested after their crops were burnt by unknown people": another's act, the grievance
                if any(c.row.sub_event_type in self.reasons_of and c.row.sub_event_type not in self.others_subs
                       and not _subordinate(c.head) for c in group):
                    group = [c for c in group if c.row.sub_event_type not in self.others_subs
                             or not _others_act(c.head, *self.others)]
            group = self.strategic.drop_reasons(group, self.rules.type_of)
            if any(c.row.weight >= strong for c in group):
                group = [c for c in group if c.row.weight >= strong]
            # "families whose children were kidnapped protested": the protest's grievance, which
            # must not suppress the protest either (so before the suppress rules)
            # "protested for the replacement of a burnt transformer": a riot word that only describes
            # a thing of the grievance goes too (the crowd's own acts, "who pelted stones", stay)
            if any(c.row.sub_event_type in self.reasons_of and not _subordinate(c.head) for c in group):
                group = [c for c in group if not _subordinate(c.head) or (
                    c.row.sub_event_type in self.reasons_of and not _described(c.head))]
            top: dict[str, float] = {}
            for c in group:
                top[c.row.sub_event_type] = max(top.get(c.row.sub_event_type, 0.0), c.row.weight)
            dropped: set[str] = set()
            for rule in self.rules.suppress:
                firing = {s for s in rule["if"] if s in top and top[s] >= rule.get("min_weight", 0.0)}
                if firing:  # "drop_below": only weaker cues of the dropped sub-types give way
                    below = rule.get("drop_below", float("inf"))
                    dropped.update(s for s in set(rule["drop"]) - firing if top.get(s, 0.0) < below)
            seen: set[str] = set()
            # heading first, then main-clause events, then reading order
            for cand in sorted(group, key=lambda c: (c.row.line != 0, _subordinate(c.head), c.start)):
                sub = cand.row.sub_event_type
                if sub in dropped or sub in seen:
                    continue
                seen.add(sub)
                chosen.append(cand)
            tops.update(((sent_no, sub), weight) for sub, weight in top.items())
        chosen = after_protest(sents, chosen, self.reasons_of, self.others_subs, self.rules.context_window,
                               self.others)
        chosen = self.protest_background(chosen)
        chosen = self._absorb(chosen, tops)
        chosen = self._elaborations(chosen)
        return self._mentions(doc, sents, chosen)

    def _elaborations(self, chosen: list[Candidate]) -> list[Candidate]:
        """A sentence that only counts the dead ("20 fighters were killed") tells more of an
        event already reported above; it does not start a new one."""
        patterns = set(self.rules.raw.get("elaborations", []))
        by_sent: dict[int, list[Candidate]] = {}
        for cand in chosen:
            by_sent.setdefault(cand.sent, []).append(cand)
        first_sent = min(by_sent) if by_sent else 0
        drop = {no for no, group in by_sent.items()
                if no > first_sent and all(c.row.pattern in patterns for c in group)}
        chosen = self._met_by_armed(self._armed_elaboration(chosen, drop))
        kept: list[Candidate] = []
        for cand in chosen:
            if cand.sent in drop:
                continue
            # "the attack", "their attack": a reference back to an event above, not a new one
            if kept and _anaphoric(cand.head) and (
                    cand.row.weight < self.rules.strong_weight
                    or any(k.row.sub_event_type == cand.row.sub_event_type for k in kept)):
                continue
            kept.append(cand)
        return kept

    def _armed_elaboration(self, chosen: list[Candidate], drop: set[int]) -> list[Candidate]:
        """Armed dead counted below make the attack above a clash (Sides.armed_elaboration)."""
        found = self.sides.armed_elaboration([(c.row.sub_event_type, c.sent, c.head) for c in chosen], drop)
        if found is None:
            return chosen
        i, new = found
        return [_retyped(c, new) if k == i else c for k, c in enumerate(chosen)]

    def _met_by_armed(self, chosen: list[Candidate]) -> list[Candidate]:
        """An attack that armed men later routed is one clash (Sides.met_by_armed)."""
        found = self.sides.met_by_armed([(c.row.sub_event_type, c.sent, c.head) for c in chosen])
        if found is None:
            return chosen
        first, response, new = found
        return [_retyped(c, new) if k == first else c for k, c in enumerate(chosen) if k != response]

    def _absorb(self, chosen: list[Candidate], tops: dict[tuple[int, str], float]) -> list[Candidate]:
        subs = [c.row.sub_event_type for c in chosen]
        alive = [True] * len(chosen)
        for j, later in enumerate(chosen):
            for i in range(j):
                if not alive[i]:
                    continue
                rule = next((r for r in self.rules.absorb if r["first"] == subs[i]
                             and r["then"] == subs[j]
                             and r.get("then_min_weight", 0.0) <= tops[later.sent, subs[j]]
                             <= r.get("then_max_weight", float("inf"))
                             and 0 <= later.sent - chosen[i].sent <= r["sentences"]), None)
                if rule:
                    subs[i] = rule.get("result", subs[j])
                    alive[j] = False
                    break
        out: list[Candidate] = []
        seen: set[tuple[int, str]] = set()
        for cand, sub, ok in zip(chosen, subs, alive):
            if ok and (cand.sent, sub) not in seen:
                seen.add((cand.sent, sub))
                if sub != cand.row.sub_event_type:
                    cand = Candidate(cand.start, cand.end, cand.row.retyped(sub), cand.head, cand.sent)
                out.append(cand)
        return out

    def _mentions(self, doc: Doc, sents: list[Span], chosen: list[Candidate]) -> list[EventMention]:
        per_sent: dict[int, int] = {}
        for cand in chosen:
            per_sent[cand.sent] = per_sent.get(cand.sent, 0) + 1
        out: list[EventMention] = []
        heads = {c.head.i for c in chosen}
        for cand in chosen:
            span = doc[cand.start:cand.end]
            sent = sents[cand.sent]
            lo, hi = sent.start_char, sent.end_char
            if per_sent[cand.sent] > 1 and doc.has_annotation("DEP"):
                lo, hi = _clause_chars(cand.head, sent, heads - {cand.head.i})
            sub = cand.row.sub_event_type
            out.append(EventMention(
                start=span.start_char, end=span.end_char, text=span.text, sent_start=lo, sent_end=hi,
                event_type=self.rules.type_of[sub], sub_event_type=sub,
                score=round(min(1.0, cand.row.weight / 4.0), 3),
            ))
        return out


def _retyped(cand: Candidate, sub: str) -> Candidate:
    return Candidate(cand.start, cand.end, cand.row.retyped(sub), cand.head, cand.sent)


def _negated(head: Token, negators: WordSet) -> bool:
    for node in {head, _verb_of(head)}:
        for child in node.children:
            if child.dep_ == "neg" or (child.dep_ in ("det", "advmod", "preconj") and negators.hits([child])):
                return True
            # "no device was found": the trigger verb's passive subject denied (not "no one was hurt
            # in the attack", where the attack stands)
            if node is head and head.pos_ == "VERB" and child.dep_ == "nsubjpass" and any(
                    d.dep_ == "det" and negators.hits([d]) for d in child.children):
                return True
    return _under_without(head)


def _under_without(token: Token) -> bool:
    """"without a fight", "without a shot being fired", "without firing a shot": the phrase says the
    thing did not happen (the walk stops at a clause of its own). "without clashes being reported"
    denies the clashes too: an event the report does not tell of is not coded."""
    node = token
    while node.head.i != node.i and node.dep_ in WITHOUT_PATH:
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "without":
            return True
        node = node.head
    return False


def _unsaid(sent: Span) -> list[Token]:
    """The sentence less its "without ..." phrases: a withdrawal "without any fighting" mentions no
    fighting that would block it."""
    return [t for t in sent if not (t.lower_ != "without" and _under_without(t))]


def _hypothetical(head: Token, rules: Rules) -> bool:
    """Future, conditional, or the object of a plan, threat, statement or denial."""
    verb = _verb_of(head)
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and rules.modals.hits([child]):
            return True
    child, node = head, head.head
    while node.i != child.i and not _own_clause(child):
        if rules.blockers.hits([node]) and child.dep_ not in SUBJECT_DEPS and not _lifted(node, rules):
            return True
        child, node = node, node.head
    return False


def _lifted(blocker: Token, rules: Rules) -> bool:
    """"demanded a ransom": the demand is the captors', the abduction real (rules.json blocker_lifted_by)."""
    words = rules.raw.get("blocker_lifted_by", {}).get(blocker.lemma_.lower())
    return bool(words) and any(c.dep_ in ("dobj", "obj", "attr") and c.lemma_.lower() in words
                               for c in blocker.children)


def _background(head: Token, sent: Span, ref_year: int | None) -> bool:
    """Set in a year well before publication ("since 2012 when rebels captured the town")."""
    if ref_year is None:
        return False
    old = [t for t in sent if YEAR.match(t.text) and int(t.text) < ref_year - 1 and not _count(t)]
    if not old:
        return False
    return any(_dates(year, head) for year in old)


def _count(token: Token) -> bool:
    """"more than 2000 workers": a number of things, not a year ("the 1994 massacre": a DATE)."""
    return token.ent_type_ in ("CARDINAL", "QUANTITY", "MONEY") or (
        token.dep_ == "nummod" and token.head.pos_ == "NOUN" and token.ent_type_ != "DATE")


def _reference_year(doc: Doc) -> int | None:
    published = getattr(doc._, "published", None)
    if isinstance(published, date):
        return published.year
    years = [int(t.text) for t in doc if YEAR.match(t.text)]
    return max(years) if years else None


@Language.factory(
    "sitrep_events",
    assigns=["doc._.event_mentions"],
    requires=["token.dep", "token.lemma"],
    default_config={"triggers": "", "rules": ""},
)
def make_events(nlp: Language, name: str, triggers: str, rules: str) -> EventsComponent:
    return EventsComponent(triggers=triggers, rules=rules)
