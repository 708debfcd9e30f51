"""Where a trigger sits in the dependency parse: its head, what it acts on, who did it, its clause.

The events stage reads these to apply a row's target and agent columns and to resolve a sentence.
"""
from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Span, Token

from sitrep.events.lexicon import WordSet

OBJECT_DEPS = {"dobj", "obj", "nsubjpass", "attr", "oprd", "dative"}
TARGET_PREPS = {"on", "against", "at", "upon", "of", "targeting", "into", "toward", "towards", "about"}
PARTY_PREPS = {"by", "between", "with", "among", "amongst"}   # "clashes between X and Y"
CLAUSE_DEPS = {"ROOT", "conj", "advcl", "ccomp", "xcomp", "relcl", "parataxis", "acl", "pcomp"}
MAX_PHRASE = 12  # tokens of an object or subject phrase looked at: its head words, not a clause


def _span_head(span: Span) -> Token:
    """The token of the span whose head lies outside it (the verb of "take control")."""
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            if token.pos_ in ("VERB", "NOUN", "PROPN") or len(span) == 1:
                return token
    return span.root


NOUN_PARTS = {"compound", "amod", "nmod", "poss", "appos", "nummod", "conj", "det", "quantmod"}


def _phrase(token: Token, depth: int = 2) -> list[Token]:
    """A noun phrase's head words: the noun, its modifiers, conjuncts and "of X" (not its clauses)."""
    out = [token]
    if depth == 0:
        return out
    for child in token.children:
        if child.dep_ in NOUN_PARTS:
            out += _phrase(child, depth - 1)
        elif child.dep_ == "prep" and child.lower_ in ("of", "including"):
            out += [t for obj in child.children if obj.dep_ == "pobj" for t in _phrase(obj, depth - 1)]
    return out[:MAX_PHRASE]


def _verb_of(token: Token) -> Token:
    """The verb a noun trigger hangs on ("launched an attack" -> launched), else the token."""
    node = token
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            return node
        if node.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "prep", "compound", "attr", "appos"):
            node = node.head
        else:
            return node
    return node


def _target(head: Token, trigger: Span | None = None) -> list[Token]:
    """What the trigger acts on: its object, passive subject, "on/against X", the noun it modifies.
    `trigger`: the cue's words, whose own object ("fire" of "open fire") is part of the cue."""
    out: list[Token] = []
    nodes = [head]
    if head.dep_ in ("dobj", "attr") and head.head.i != head.i:
        nodes.append(head.head)          # "launched an attack on X": the prep hangs on the verb
    # "opened fire at the police": at whom, since the object is the cue's own word
    has_object = any(child.dep_ in OBJECT_DEPS and not (trigger is not None and trigger.start <= child.i < trigger.end)
                     for child in head.children)
    for node in nodes:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "at" and has_object:
                continue                  # "killed a man at a checkpoint": where, not whom
            if child.dep_ in OBJECT_DEPS and node is head:
                out += _phrase(child)
                if child.like_num:        # "killed 3 IS militants": the parser lost the noun
                    out += list(head.doc[child.i + 1:min(child.i + 4, child.sent.end)])
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                for obj in child.children:
                    # "on 4 May" is when, not whom
                    if obj.dep_ in ("pobj", "pcomp") and obj.ent_type_ not in ("DATE", "TIME"):
                        out += _phrase(obj)
    if not out:                          # "shot and killed a fighter": conjoined verbs share the object
        for other in _conjuncts(head):   # "killing, injuring or capturing 2 militants": the whole chain
            out += [t for c in other.children if c.dep_ in OBJECT_DEPS for t in _phrase(c)]
    # "a man killed in Kirkuk": the noun is the victim; not where the verb has its own object
    # ("the militants who killed a soldier", "IS militants executed a man" misread as a participle)
    if head.dep_ in ("acl", "amod", "relcl") and not any(c.dep_ == "dobj" for c in head.children):
        out += [t for t in head.head.subtree if t.i < head.i][-4:] + [head.head]
    # "a member of the police was found killed", "was reported to have been killed" (not "gunmen
    # attempted to kill", "X is believed to have killed him": the doers)
    if head.dep_ == "xcomp" and (any(c.dep_ == "auxpass" for c in head.children)
                                 or not any(c.dep_ == "aux" for c in head.children)):
        out += [t for c in head.head.children if c.dep_ == "nsubjpass" for t in _phrase(c)]
    return out


def _conjuncts(verb: Token) -> list[Token]:
    """The verbs conjoined with this one, along the whole chain ("killed, injured or captured")."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    chain, todo = [first], [first]
    while todo:
        node = todo.pop()
        for child in node.children:
            if child.dep_ == "conj" and child not in chain:
                chain.append(child)
                todo.append(child)
    return [t for t in chain if t.i != verb.i]


def _conjoined_victims(head: Token) -> list[Token]:
    """What the verbs conjoined with a verb cue act on, and those of the participle that tells its
    outcome: "attacked a toll booth and wounded a gendarme", "opened fire on a car, injuring a
    member of his escort" - the attack met an armed man."""
    if head.pos_ != "VERB":
        return []
    verbs = _conjuncts(head)
    verbs += [c for v in [head] + verbs for c in v.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    if head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.i != head.i:
        verbs.append(head.head)
    return [t for other in verbs for c in other.children if c.dep_ in OBJECT_DEPS for t in _phrase(c)]


def _unarmed(tokens: list[Token], armed: WordSet, modifiers: list[tuple[str, ...]],
             forces: list[tuple[str, ...]], after: list[tuple[str, ...]] = ()) -> list[Token]:
    """The tokens less the armed words told to be no longer or not armed ("a retired police
    officer", "an off-duty soldier", "a civilian guard"): the words of their noun up to it hold
    one of `modifiers` and none of `forces`, the names of armed forces ("the civilian police",
    "the Civilian Joint Task Force"); each a tuple of words, hyphens dropped."""
    out: list[Token] = []
    for token in tokens:
        noun = token
        while noun.dep_ in ("compound", "amod", "nmod") and noun.head.i != noun.i:
            noun = noun.head
        if armed.hits([token]):
            words = tuple(w for t in noun.subtree if t.i <= noun.i for w in t.lower_.replace("-", " ").split())
            if _holds(words, modifiers) and not _holds(words, forces):
                continue
            # "a soldier on leave", "a policeman who was off duty": said after the noun
            later = tuple(w for c in noun.rights if c.dep_ in ("prep", "relcl", "acl", "amod")
                          for t in c.subtree for w in t.lower_.replace("-", " ").split())
            if after and _holds(later, list(after)):
                continue
        out.append(token)
    return out


def _holds(words: tuple[str, ...], phrases: list[tuple[str, ...]]) -> bool:
    return any(words[i:i + len(p)] == p for p in phrases for i in range(len(words)))


def _framing_victims(head: Token) -> list[Token]:
    """Whom the clause around a noun trigger hurt: "2 soldiers were wounded in/during/following an
    attack": the attack's victims are the soldiers."""
    prep = head.head
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return []
    return [t for c in prep.head.children if c.dep_ in ("nsubjpass", "dobj") for t in _phrase(c)]


def _agent(head: Token) -> list[Token]:
    """Who did it: the subject, "by X", or the modifiers of a noun trigger ("Taliban attack")."""
    out: list[Token] = []
    for child in head.children:
        if child.dep_ in ("nsubj", "csubj", "compound", "amod", "poss", "nmod"):
            out += _phrase(child)
            # "residents protesting the lack of food looted a shop": the doers are protesting
            out += [g for g in child.children if child.dep_ == "nsubj" and g.dep_ == "acl" and g.tag_ == "VBG"]
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in PARTY_PREPS):
            out += [t for c in child.children for t in _phrase(c)]
            if child.lower_ in ("between", "among", "amongst"):
                return out               # "reported fights between X and Y": X and Y, not the reporter
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.i != head.i:
        for child in head.head.children:  # "a clash broke out between X and Y"
            if child.dep_ == "prep" and child.lower_ in PARTY_PREPS - {"by"}:
                out += [t for c in child.children for t in _phrase(c)]
    if any(child.dep_ in ("nsubj", "nsubjpass", "csubj", "agent") and child.pos_ != "PRON"
           for child in head.children):
        return out                       # "rallied after a bombing killed 30": its own doer ("they": the one above)
    node = head
    for _ in range(2):                   # shared subject of a conjoined or governing verb
        if node.dep_ not in ("conj", "dobj", "xcomp", "advcl") or node.head.i == node.i:
            break
        node = node.head
        out += [t for c in node.children if c.dep_ in ("nsubj", "agent") for t in _phrase(c)]
    return out


def _symbolic(head: Token, words: WordSet, phrase: WordSet) -> bool:
    """Everything the verb acts on is a symbol ("burned an effigy of the minister", "set fire to
    flags"): the head nouns of its objects and their conjuncts, not their "of X"; `phrase`: objects
    that are part of the verb ("fire" of "set fire to")."""
    if head.pos_ != "VERB":
        return False
    if head.dep_ in ("amod", "acl") and head.head.i != head.i:   # "burning effigies", "a flag burnt"
        return words.hits([head.head])
    objects = [c for c in head.children if c.dep_ in OBJECT_DEPS and not phrase.hits([c])]
    objects += [o for c in head.children if c.dep_ == "prep" and c.lower_ == "to"
                for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    return bool(objects) and all(words.hits([o]) for o in objects)


def _acts_only_on(head: Token, words: WordSet) -> bool:
    """Everything the trigger acts on is one of `words` ("attacked the policy", "an attack on the
    bill"): its objects and "on/against X", with their conjuncts."""
    objects = [c for c in head.children if c.dep_ in ("dobj", "obj", "nsubjpass")] if head.pos_ == "VERB" else []
    objects += [o for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                for o in c.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    return bool(objects) and all(words.hits([o]) for o in objects)


def _after(head: Token, sent: Span) -> Span:
    return sent.doc[head.i + 1:min(sent.end, head.i + 8)]


def _before(head: Token, sent: Span) -> Span:
    return sent.doc[max(sent.start, head.i - 8):head.i]


def _subordinate(head: Token) -> bool:
    """In a relative or adverbial clause ("families whose children were kidnapped protested"):
    context for the sentence's main event, which ACLED codes first."""
    node = head
    while node.head.i != node.i:
        if node.dep_ in ("relcl", "acl", "advcl") and node.pos_ in ("VERB", "AUX") or (
                node.dep_ == "amod" and node.tag_ == "VBN"):   # "..., backed by airstrikes,"
            return not (node.tag_ == "VBG" and node.dep_ == "advcl")  # "..., killing 5": same event
        node = node.head
    return False


def _grievance(head: Token, verbs: AbstractSet[str], causes: frozenset[str] = frozenset()) -> bool:
    """Within a noun that a protest verb acts on ("protested the burning of a church",
    "demonstrated over the looting", "protested the lynching of a man by a mob"): the protest's
    grievance, not its act."""
    for node in (head, *head.ancestors):
        governor = node.head
        if node.dep_ == "pobj" and governor.lower_ in ("against", "over"):
            governor = governor.head
        elif node.dep_ == "pobj" and governor.dep_ == "agent" and governor.head.lemma_ in causes:
            return True                   # "the protest was sparked by the killing of a boy"
        elif node.dep_ != "dobj":
            continue
        if node.pos_ in ("NOUN", "PROPN") and governor.pos_ == "VERB" and governor.lemma_ in verbs:
            return True
    return False


def _others_act(head: Token, speech: set[str], crowd: WordSet, strangers: WordSet) -> bool:
    """Told as someone else's act in a clause under the sentence's protest: what the crowd says
    happened ("protested, saying that a colleague had been assaulted"), or an adverbial or relative
    clause whose doer is not the crowd ("protested after their crops were burnt by unknown people",
    "because thugs had vandalised their shops"). The crowd's own acts ("after they torched a car",
    "protesters who pelted stones") are not."""
    root = head.sent.root
    own = {t.lemma_.lower() for c in root.children if c.dep_ == "nsubj" for t in _phrase(c)}
    node = head
    while node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in speech and node.head.i != root.i:
            return True
        if node.dep_ in ("advcl", "relcl", "acl") and node.pos_ in ("VERB", "AUX"):
            doers = [c for c in node.children if c.dep_ == "nsubj"]
            doers += [t for c in node.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"]
            if doers:
                return not _crowds(doers, crowd, strangers, own)
            return any(c.dep_ == "nsubjpass" for c in node.children)   # "after shops were burnt"
        node = node.head
    return False


def _crowds(doers: list[Token], crowd: WordSet, strangers: WordSet, own: set[str]) -> bool:
    """Doers that are the protest's crowd: "they", "who", a crowd's word ("youths", "residents"),
    or a word of the protest's own subject, unless marked as strangers ("unknown people")."""
    for doer in doers:
        words = _phrase(doer)
        if doer.pos_ == "PRON" or (not strangers.hits(words) and (
                crowd.hits(words) or not own.isdisjoint(t.lemma_.lower() for t in words))):
            return True
    return False


def _told_apart(head: Token, speech: set[str], crowd: WordSet, strangers: WordSet, own: set[str]) -> bool:
    """A sentence after a protest that tells of someone else's violence, not the crowd's: what
    someone says ("They said their crops had been set on fire"), a doer named who is not the crowd
    ("A temple was vandalised by unknown people"), or an act set before it ("Gunmen had set fire to
    a school on Saturday"). "They", "protesters" or the protest's own subject are the crowd."""
    parties = [t for t in _agent(head) if t.dep_ in ("nsubj", "pobj")]   # "Police clashed with the demonstrators"
    if _crowds(parties, crowd, strangers, own):
        return False
    if any(node.dep_ == "ccomp" and node.head.lemma_.lower() in speech for node in (head, *head.ancestors)):
        return True
    doers = [t for t in parties if t.dep_ == "nsubj" or t.head.lower_ == "by"]
    verb = _verb_of(head)
    if any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in verb.children):
        return True                       # "had set fire": before the protest
    return bool(doers)


def _described(head: Token) -> bool:
    """A participle that describes a thing ("a burnt transformer"), not an act told of it."""
    return head.dep_ == "amod" and head.tag_ == "VBN"


def _anaphoric(head: Token) -> bool:
    return head.pos_ == "NOUN" and any(
        (child.dep_ == "det" and child.lower_ in ("the", "this", "that", "these", "those"))
        or child.dep_ == "poss" for child in head.children)


def _clause_head(token: Token) -> Token:
    node = token
    while node.dep_ not in CLAUSE_DEPS and node.head.i != node.i:
        node = node.head
    return node


DATE_NOUNS = {"year", "month", "week", "day", "summer", "winter", "spring", "autumn", "fall", "decade"}


def _dates(year: Token, head: Token) -> bool:
    """Whether a year tells when the trigger's event happened: it hangs on the trigger's clause
    ("killed in 2015", "in May 2015") without a thing of its own between ("attacked the village,
    the worst attack since the ceasefire of 2016" dates the ceasefire), or on a clause that
    describes a noun trigger ("the agreement signed in 2016", "the 1994 massacre"); "since 2015"
    compares ("the deadliest attack since 2015"). A year the trigger hangs on dates it too ("since
    2012 when rebels captured the town")."""
    if any(t.i == year.i for t in head.ancestors):
        return True
    node, path = year, []
    while node.head.i != node.i and node.i != head.i:
        path.append(node)
        node = node.head
    if node.i == head.i:   # inside the trigger's own phrase
        return not any(t.lower_ == "since" for t in path)
    clause = _clause_head(head)
    node = year.head
    while node.i != clause.i and node.head.i != node.i:
        if node.pos_ == "NOUN" and node.lemma_.lower() not in DATE_NOUNS and node.i != head.i:
            return False
        if node.dep_ in CLAUSE_DEPS:
            return False   # another clause
        node = node.head
    return node.i == clause.i


def _own_clause(token: Token) -> bool:
    """A verb joined by "and" that has a subject of its own: "unions called a strike and drivers
    parked their buses in protest" tells of the parking, whatever the first clause plans."""
    return token.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _clause_chars(head: Token, sent: Span, other_heads: set[int]) -> tuple[int, int]:
    """The trigger's clause, less conjoined or subordinate clauses that hold another event."""
    clause = _clause_head(head)
    if clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i:
        clause = _clause_head(clause.head)   # "the neighbourhood it captured": who "it" is lies above
    tokens = set(t.i for t in clause.subtree)
    for child in clause.children:
        if child.dep_ in CLAUSE_DEPS - {"ROOT"} or child.dep_ == "cc":
            sub = {t.i for t in child.subtree}
            if head.i not in sub and sub & other_heads:
                tokens -= sub
    if not tokens:
        return sent.start_char, sent.end_char
    doc = sent.doc
    lo, hi = doc[min(tokens)], doc[max(tokens)]
    return lo.idx, hi.idx + len(hi.text)


def _online(head: Token, places: frozenset[str], modifiers: frozenset[str]) -> bool:
    """"protests on social media", "protested on Twitter", "an online protest campaign": held on a
    network, not in a street. Looks at the trigger, the noun it is a compound of, and the "storm of"
    it fills, not the whole clause ("gathered after calls on social media" stays a protest)."""
    nodes = [head]
    if head.dep_ == "compound" or (head.dep_ == "pobj" and head.head.lower_ == "of"):
        nodes.append(head.head if head.dep_ == "compound" else head.head.head)
    for node in nodes:
        for child in node.children:
            if child.dep_ in ("amod", "advmod", "compound") and child.lower_ in modifiers:
                return True
            if child.dep_ == "prep" and child.lower_ in ("on", "via", "across", "over") and any(
                    o.dep_ == "pobj" and {o.lower_, o.lemma_.lower()} & places for o in child.children):
                return True
    return False


DIVIDED = {"group", "section", "faction"}   # "two groups of the X community": X divided


def _named_identity(doers: list[Token], words: set[str]) -> bool:
    """The doers are a named identity group ("members of the Koli caste", "youths from the Bobo
    community", "a group of Kanuri ethnic individuals"): an identity word (`words`) whose noun has
    a capitalised modifier of its own, the group's name. "Two groups of the Solangi community" are
    one community divided, a feud: not a group acting as one."""
    for doer in doers:
        phrase = _phrase(doer) + [t for prep in doer.children if prep.dep_ == "prep" and prep.lower_ == "from"
                                  for obj in prep.children if obj.dep_ == "pobj" for t in _phrase(obj)]
        for word in phrase:
            if word.lemma_.lower() not in words and word.lower_ not in words:
                continue
            if any(a.lemma_.lower() in DIVIDED and a.tag_ in ("NNS", "NNPS") for a in list(word.ancestors)[:3]):
                continue
            noun = word.head if word.dep_ in ("amod", "compound") and word.head.i != word.i else word
            if any(c.dep_ in ("compound", "amod", "nmod") and c.i != word.i and c.text[:1].isupper()
                   for c in noun.children):
                return True
    return False
