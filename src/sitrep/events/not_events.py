"""Not an event: news that uses the words of violence for something ACLED does not code (issue 5).

The events stage asks `NotEvents.reason` about each cue it found; a cue with a reason is dropped
(and its sentence marked, so the learned stage adds nothing there). The knowledge is in rules.json
"not_events" (see its "_doc"); the checks read the dependency parse:

- nature or an accident did it: the doer of "killed" is a flood, a disease, a gas cylinder's
  explosion ("non_events" and "not_events.natural"), or the deaths came "when a tanker overturned";
- a court tells of it: the attack is the charge ("went on trial for their role in the attack"),
  or the arrest is the past of a release ("released on bail a journalist who had been detained");
- figurative: "a battle against dengue", "came under fire from lawmakers";
- an aggregate of the past: "between January and June", "in the first six months", or a book
  that "recounts how rebels seized the town";
- ordinary crime: an arrest "for running a lottery scam", a death the police put down to a robbery
  with no armed man named, the "fight" in which a teenager stabbed a classmate;
- a measure ended ("lifted the curfew").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.events.lexicon import WordSet
from sitrep.events.private import doers, lone_person, private_crime, victims_of

SUBJECTS = ("nsubj", "nsubjpass")
MODIFIERS = ("compound", "amod", "nmod", "poss")


def _words(config: dict, key: str) -> WordSet:
    return WordSet.parse("|".join(config.get(key, [])))


class NotEvents:
    """Built once from rules.json; `reason(head, sent, sub_type)` says why a cue is no event."""

    def __init__(self, raw: dict) -> None:
        config = raw.get("not_events", {})
        lists = raw.get("lists", {})
        natural = _words(config, "natural")
        non_events = raw.get("non_events", WordSet())   # read into a WordSet by lexicon.load
        if not isinstance(non_events, WordSet):
            non_events = WordSet.parse("|".join(non_events))
        self.natural = WordSet(natural.lemmas | non_events.lemmas, natural.tagged | non_events.tagged)
        self.weapons = WordSet.parse("|".join(config.get("weapons", [])), lists)
        self.accident_verbs = _words(config, "accident_verbs")
        self.accident_marks = set(config.get("accident_marks", []))
        self.accident_adverbs = _words(config, "accident_adverbs")
        self.court_nouns = _words(config, "court_nouns")
        self.court_verbs: dict[str, list[str]] = config.get("court_verbs", {})
        self.court_preps = set(config.get("court_preps", []))
        self.release_verbs = _words(config, "release_verbs")
        self.struggles = _words(config, "struggles")
        self.foes = _words(config, "foes")
        self.critics = _words(config, "critics")
        self.censure = _words(config, "censure")
        self.months = set(config.get("months", []))
        self.periods = _words(config, "periods")
        self.period_modifiers = set(config.get("period_modifiers", []))
        self.stretch_preps = set(config.get("stretch_preps", []))
        self.retelling = _words(config, "retelling_verbs")
        self.counting = _words(config, "counting_verbs")
        self.since = set(config.get("since", []))
        self.recent = _words(config, "recent")
        self.commemorations = _words(config, "commemorations")
        self.whole_periods = _words(config, "whole_periods")
        self.whole_modifiers = set(config.get("whole_modifiers", []))
        self.works = _words(config, "works")
        self.offences = _words(config, "ordinary_offences")
        self.speech_crimes = _words(config, "speech_crimes")
        self.deed_preps = set(config.get("deed_preps", []))
        self.thefts = _words(config, "thefts")
        self.speech = _words(config, "speech_verbs")
        self.theft_armed = WordSet.parse("|".join(config.get("theft_armed", [])), lists)
        self.ended_subs = set(config.get("ended_sub_types", []))
        self.ending_verbs = _words(config, "ending_verbs")
        self.measures = _words(config, "measures")
        private = raw.get("private_crime", {})
        self.private = private
        self.type_of = {sub: kind for kind, subs in raw.get("taxonomy", {}).items() for sub in subs}
        self.crowd_types = set(config.get("not_for_types", []))
        self.armed_words = lists.get("armed", []) + lists.get("nonstate", []) + private.get("armed", [])
        self.armed = WordSet.parse("|".join(self.armed_words))
        self.persons = _words(private, "persons")
        self.public = _words(private, "public")

    def reason(self, head: Token, sent: Span, sub_type: str) -> str | None:
        crowd = self.type_of.get(sub_type) in self.crowd_types
        # a crowd gathers whatever the weather, "protesters from unions" are people, and protests
        # "since March" go on today: only the court and crime checks apply to protests
        checks = (   # in order, and lazily: the first that holds is the reason
            ("natural", lambda: not crowd and self.natural_cause(head)),
            ("court", lambda: self.court_case(head)),
            ("figurative", lambda: not crowd and self.figurative(head)),
            ("aggregate", lambda: not crowd and self.aggregate(head)),
            ("ordinary crime", lambda: self.ordinary_crime(head, sent, sub_type)),
            ("routine", lambda: self.routine_measure(head, sub_type)),
        )
        return next((name for name, holds in checks if holds()), None)

    # -- nature and accidents
    def natural_cause(self, head: Token) -> bool:
        """"the coronavirus has killed", "a gas cylinder explosion ..., killing five", "were killed
        when a tanker overturned": a natural doer or an accident, whatever the cue's weight."""
        verb = _own_verb(head)
        for doer in _doers_up(verb):
            if self._natural(doer):
                return True
        # "a ferry capsized, leaving 30 dead": the clause the participle hangs on is the accident
        if any(self.accident_verbs.hits([v]) for v in _chain_up(verb)[1:]):
            return True
        # "a hunter accidentally shot dead his friend" (soldiers who do so are still coded)
        if any(c.dep_ == "advmod" and self.accident_adverbs.hits([c]) for c in verb.children) and not any(
                self.armed.hits(_with_modifiers(d)) for d in _doers_up(verb)):
            return True
        clauses = [c for c in verb.children if c.dep_ == "advcl"]
        clauses += [c for p in verb.children if p.dep_ == "prep" and p.lower_ in self.accident_marks
                    for c in p.children if c.dep_ == "pcomp"]   # "exploded after colliding with a bus"
        for clause in clauses:
            marks = {m.lower_ for m in clause.children if m.dep_ in ("mark", "advmod")}
            if clause.dep_ == "pcomp":
                marks.add(clause.head.lower_)
            if not marks & self.accident_marks:
                continue
            verbs = [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            subjects = [s for v in verbs for s in v.children if s.dep_ in SUBJECTS]
            if self.accident_verbs.hits(verbs) or any(self._natural(s) for s in subjects):
                return True
        return False

    def _natural(self, noun: Token) -> bool:
        """"a gas cylinder explosion", not "a suicide tanker bomb"."""
        words = _with_modifiers(noun)   # and where or of what: "an explosion at a fireworks warehouse"
        words += [w for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "at", "in")
                  for o in p.children if o.dep_ == "pobj" for w in _with_modifiers(o)]
        return self.natural.hits(words) and not self.weapons.hits(words)

    # -- courts
    def court_case(self, head: Token) -> bool:
        """The attack is what someone is tried, charged or sentenced for, or the arrest the past of
        someone a court releases."""
        child, node = head, head.head
        while node.i != child.i:
            if child.dep_ == "prep" and (child.lower_ in self.court_verbs.get(node.lemma_.lower(), ()) or (
                    child.lower_ in self.court_preps and _on_trial(node, self.court_nouns))):
                return True
            child, node = node, node.head
        # "released on bail a journalist who had been detained"
        clause = _own_verb(head)
        if clause.dep_ == "relcl" and any(c.lower_ == "had" for c in clause.children if c.dep_ == "aux"):
            antecedent = clause.head
            if antecedent.dep_ in ("dobj", "nsubjpass") and self.release_verbs.hits([antecedent.head]):
                return True
        return False

    # -- figurative
    def figurative(self, head: Token) -> bool:
        """"fighting a losing battle against dengue", "came under fire (attacks) from lawmakers"."""
        nodes = [head] + [c for c in head.children if c.dep_ in ("dobj", "obj")]
        for node in nodes:
            if not self.struggles.hits([node]):
                continue
            foes = [o for p in node.children if p.dep_ == "prep" and p.lower_ in ("against", "on")
                    for o in p.children if o.dep_ == "pobj"]
            if foes and all(self.foes.hits(_with_modifiers(o)) for o in foes):
                return True
        verb = _own_verb(head)
        sources = [o for node in {head, verb} for p in node.children if p.dep_ == "prep" and p.lower_ == "from"
                   for o in p.children if o.dep_ == "pobj"]
        said = [head, *(c for c in head.children if c.dep_ in ("dobj", "pobj"))]
        said += [o for p in head.children if p.dep_ == "prep" and p.lower_ != "from" for o in p.children if o.dep_ == "pobj"]
        attacked = self.censure.hits(said)   # "came under fire", "faced attacks"
        return attacked and bool(sources) and all(self.critics.hits(_with_modifiers(o)) for o in sources)

    # -- aggregates of the past
    def aggregate(self, head: Token) -> bool:
        """Many events over months ("between January and June", "in the first six months"), or a
        book that "recounts how rebels seized the town"."""
        verb = _own_verb(head)
        if _perfect(verb) and any(c.lower_ in self.since and not self.recent.hits(list(c.subtree))
                                  for c in verb.children if c.dep_ in ("prep", "advmod", "advcl")):
            return True   # "have been killed since March", "has killed 312 so far" (not "since Monday")
        if any(c.dep_ == "mark" and c.lower_ in self.since for a in verb.children if a.dep_ == "advcl"
               for c in a.children) and _perfect(verb):
            return True
        if head.dep_ in ("dobj", "obj") and self.counting.hits([head.head]) and any(
                c.dep_ == "nummod" for c in head.children):
            return True   # "recorded more than 34,000 murders"
        described = False   # "a memorial for the worshippers killed in the shootings"
        for node in [head, *head.ancestors]:
            if any(c.dep_ == "npadvmod" and self._whole_period(c) for c in node.children):
                return True
            if described and any(c.dep_ in SUBJECTS and self.commemorations.hits(_with_modifiers(c))
                                 for c in node.children):
                return True
            described = described or node.dep_ in ("acl", "relcl")
            # "since the protests began": when a toll started, not an event
            if node.dep_ == "advcl" and _perfect(node.head) and any(
                    c.dep_ == "mark" and c.lower_ in self.since for c in node.children):
                return True   # (not the causal "since he had been attacked")
            if node.pos_ == "VERB" and (self.retelling.hits([node]) or any(
                    c.dep_ == "nsubj" and self.works.hits([c]) for c in node.children)) and node is not head:
                return True
            for prep in (c for c in node.children if c.dep_ == "prep"):
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    if self._span_of_months(prep, obj) or (prep.lower_ in self.stretch_preps and (
                            self._stretch(obj) or self._whole_period(obj) or (_bare_year(obj) and _toll(head)))):
                        return True
        return False

    def _span_of_months(self, prep: Token, obj: Token) -> bool:
        """"between January and June" with no day: a stretch, not a date."""
        if prep.lower_ not in ("between", "from") or obj.lower_ not in self.months:
            return False
        ends = [obj] + [c for c in obj.children if c.dep_ == "conj"]
        return len(ends) > 1 and all(e.lower_ in self.months for e in ends) and not any(
            c.like_num for e in ends for c in e.children)

    def _whole_period(self, noun: Token) -> bool:
        """"last year", "this year": a whole year's toll, not a day's event ("last week" may be one)."""
        return self.whole_periods.hits([noun]) and any(
            c.dep_ in ("det", "amod") and c.lower_ in self.whole_modifiers for c in noun.children)

    def _stretch(self, obj: Token) -> bool:
        """"in the first six months", "over the past three weeks": a period, counted."""
        if not self.periods.hits([obj]) or obj.tag_ not in ("NNS", "NNPS"):
            return False
        mods = [c for c in obj.children if c.dep_ in ("amod", "nummod", "advmod")]
        return any(m.lower_ in self.period_modifiers for m in mods) and any(m.like_num for m in mods)

    # -- ordinary crime
    def ordinary_crime(self, head: Token, sent: Span, sub_type: str) -> bool:
        if sub_type == "Arrests":
            verb = _own_verb(head)   # "arrested a pharmacist for selling fakes": "for" may hang on the object
            held = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
            reasons = [t for node in held for p in node.children if p.dep_ == "prep" and p.lower_ in ("for", "over")
                       for t in p.subtree]
            # not "a journalist for fake news": speech and public figures make an arrest political
            arrested = [t for node in held[1:] for t in _with_modifiers(node)]
            if (self.offences.hits(reasons) and not self.armed.hits(reasons) and not self.speech_crimes.hits(reasons)
                    and not self.public.hits(arrested)):
                return True
            # "detained after knifing a schoolmate": the arrest of someone for a private act
            deeds = [c for p in verb.children if p.dep_ == "prep" and p.lower_ in self.deed_preps
                     for c in p.children if c.dep_ == "pcomp"]
            return bool(deeds) and all(self._private_act(d, sent) for d in deeds)
        if sub_type not in self.private.get("sub_types", []):
            return False
        if self._private_act(head, sent):
            return True
        # "was raped and killed by her ex-boyfriend": the doer named on the other conjoined act
        verb = _own_verb(head)
        partners = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        partners += [verb.head] if verb.dep_ == "conj" and verb.head.pos_ == "VERB" else []
        if not doers(verb) and any(doers(p) and self._private_act(p, sent) for p in partners):
            return True
        # "in a fight over a phone": the setting of a private act is private too
        if head.dep_ == "pobj" and head.head.lower_ in ("in", "during") and head.head.head.i != head.head.i:
            outer = head.head.head
            if outer.pos_ == "VERB" and self._private_act(outer, sent):
                return True
        # "found dead ... they suspected a robbery": a theft, and no armed man anywhere
        # (who tells of it, "police said they suspected", is not who did it)
        told = [t for t in sent if not (t.dep_ == "nsubj" and self.speech.hits([t.head]))]
        return not _doers_up(verb) and self.thefts.hits(told) and not self.theft_armed.hits(told)

    def _private_act(self, head: Token, sent: Span) -> bool:
        if private_crime(head, sent, self.private, self.armed_words):
            return True
        # "was arrested after stabbing a classmate": the doer is the subject of the verb above
        if (head.dep_ in ("pcomp", "advcl") and head.head.lower_ in self.deed_preps and not doers(head)
                and not self.armed.hits(list(head.subtree))):
            verb = head.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:   # "after stabbing"
                verb = verb.head
            above = [c for c in verb.children if c.dep_ in SUBJECTS]
            victims = victims_of(head)
            return (bool(above) and all(lone_person(d, self.persons, self.armed) for d in above)
                    and not self.public.hits(victims) and not self.armed.hits(victims))
        return False

    # -- measures
    def routine_measure(self, head: Token, sub_type: str) -> bool:
        """"lifted the nationwide curfew": a measure ended (one extended is still coded)."""
        if sub_type not in self.ended_subs:
            return False
        return (head.dep_ in ("dobj", "nsubjpass") and self.ending_verbs.hits([head.head])
                and self.measures.hits(_with_modifiers(head)))


def _perfect(verb: Token) -> bool:
    """"has killed", "have been killed": a toll up to now."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _bare_year(token: Token) -> bool:
    """"in 2019": a year with no day or month."""
    return len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("19", "20") and not any(
        token.children)


def _toll(head: Token) -> bool:
    """"1,500 civilians were killed": a count in the hundreds or more is a toll of many events
    ("rebels captured the town in 2016" is one)."""
    verb = _own_verb(head)
    for noun in (c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj")):
        for num in (c for c in noun.subtree if c.like_num or c.lower_ in ("hundreds", "thousands")):
            digits = num.text.replace(",", "")
            if num.lower_ in ("hundreds", "thousands") or (digits.isdigit() and int(digits) >= 100):
                return True
    return False


def _chain_up(verb: Token) -> list[Token]:
    """The verb and the clauses it hangs on as a participle or a conjunct ("capsized, leaving")."""
    chain = [verb]
    while len(chain) < 3 and chain[-1].dep_ in ("advcl", "conj", "xcomp") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _own_verb(token: Token) -> Token:
    """The verb a cue belongs to: itself, or the verb whose object it is."""
    node = token
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        if node.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "compound", "attr"):
            node = node.head
        else:
            return node
    return node


def _doers_up(verb: Token) -> list[Token]:
    """Who did it; for a participle with no subject ("..., killing five"), the clause above's."""
    found = doers(verb)
    for _ in range(2):   # "..., killing five and injuring 20": up from the conjunct too
        if found or verb.dep_ not in ("advcl", "xcomp", "conj", "acl") or verb.head.i == verb.i:
            break
        verb = verb.head
        found = doers(verb)
    return found


def _with_modifiers(noun: Token) -> list[Token]:
    """A noun and its compounds and modifiers, all the way down ("gas cylinder explosion")."""
    out = [noun]
    for child in noun.children:
        if child.dep_ in MODIFIERS:
            out += _with_modifiers(child)
    return out


def _on_trial(verb: Token, nouns: WordSet) -> bool:
    """"went on trial", "appeared in court", "stood trial"."""
    objects = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "in", "before")
               for o in p.children if o.dep_ == "pobj"]
    objects += [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return nouns.hits(objects)
