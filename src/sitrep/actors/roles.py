"""How an actor phrase relates to the clause it sits in, read off the dependency parse: its
role (agent, patient, ally, one side of "between"), how deep its clause lies, and what the
verbs around it say (it repelled an attack, was killed, planted a device, acts under an
operation).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.actors.find import Found

AGENT, PATIENT, BETWEEN, ALLY = "agent", "patient", "between", "ally"

# verbs whose object (or, for "receive help", whose subject) fights on the acting side
_HELP_VERBS = {"help", "support", "back", "assist", "aid", "reinforce", "accompany", "escort"}
_RECEIVE_VERBS = {"receive", "get", "obtain", "request"}
# verbs whose subject undergoes the violence ("forces suffered casualties")
_UNDERGO_VERBS = {"suffer", "sustain", "incur", "endure", "undergo"}
_HELP_NOUNS = {"help", "support", "backing", "assistance", "cover", "reinforcement", "reinforcements"}
# "in coalition with X", "in cooperation with X": X fights on the acting side
_ALLIANCE_NOUNS = {"coalition", "cooperation", "collaboration", "conjunction", "coordination",
                   "alliance", "partnership", "concert"}
_PATIENT_PREPS = {"against", "on", "at", "upon", "with", "towards", "toward", "into", "targeting",
                  "inside", "near"}
_CLIMB = {"compound", "amod", "nmod", "poss", "appos", "nummod", "det", "npadvmod", "conj",
          "acl", "relcl", "punct", "cc", "prep", "case", "quantmod", "advmod"}
_SUBJECTS = {"nsubj", "csubj", "expl"}
_OBJECTS = {"dobj", "nsubjpass", "attr", "oprd", "dative", "obj", "iobj"}


def clause_depth(span: Span) -> int:
    """How deep the actor's clause sits below the sentence root: main-clause actors win."""
    token, depth = span.root, 0
    for _ in range(50):  # tokens are fresh objects: compare indices, and bound the walk
        if token.head.i == token.i:
            break
        if token.pos_ in ("VERB", "AUX") or token.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp"):
            depth += 1
        token = token.head
    return depth


def dependency_role(span: Span) -> str | None:
    """How the actor phrase relates to the clause it sits in, read off the parse."""
    token: Token = span.root
    doc, before = span.doc, span.start - 1
    if before > 0 and doc[before].lower_ in ("the", "a", "an"):
        before -= 1
    if before > 0 and doc[before].lower_ == "with" and doc[before - 1].lemma_.lower() in _ALLIANCE_NOUNS:
        return ALLY  # "in coalition with X", whatever the parse makes of X
    passed_help_noun = False
    for _ in range(12):
        dep = token.dep_
        if token.lemma_.lower() in _HELP_NOUNS and token not in span:
            passed_help_noun = True
        if dep in _SUBJECTS:
            if token.head.lemma_.lower() in _RECEIVE_VERBS:
                return ALLY
            if token.head.lemma_.lower() in _UNDERGO_VERBS:
                return PATIENT
            return AGENT
        if dep in _OBJECTS:
            if dep != "nsubjpass" and token.head.lemma_.lower() in _HELP_VERBS:
                return ALLY
            if passed_help_noun:
                return ALLY
            return PATIENT
        if dep == "pobj":
            prep = token.head
            word = prep.lower_
            if word == "by" or prep.dep_ == "agent":
                # "SNA troops backed by AMISOM forces": the helper's, not the act's, agent
                return ALLY if prep.head.lemma_.lower() in _HELP_VERBS else AGENT
            if word == "between":
                return BETWEEN
            if word == "from" and passed_help_noun:
                return AGENT
            if word == "with" and prep.head.lemma_.lower() in _ALLIANCE_NOUNS:
                return ALLY  # "APCLS, in coalition with Nyatura combatants"
            if word in _PATIENT_PREPS:
                return ALLY if passed_help_noun else PATIENT
            token = prep.head
            continue
        if dep == "ROOT" or token.head.i == token.i:
            return None
        if dep in _CLIMB or dep:
            token = token.head
    return None


_REPEL_VERBS = {"repel", "repulse", "thwart", "foil", "rebuff", "repell", "repulsed", "repelled"}
# verbs whose passive subject (or, for "die", subject) suffered the violence
_HARM_VERBS = {"kill", "injure", "wound", "hurt", "shoot", "die", "capture", "arrest"}


def suffered(span: Span) -> bool:
    """"Two soldiers were killed", "five members died": the phrase is what the violence hit."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and after.dep_ == "auxpass" and after.head.lemma_.lower() in _HARM_VERBS:
        return True  # "..., a drug trafficker was killed" misparsed as an apposition
    root = span.root
    for _ in range(4):  # "ISGS fighters", "in Mato Grosso, a trafficker": up to the noun phrase
        if root.dep_ not in ("appos", "conj", "compound", "amod", "nmod") or root.head.i == root.i:
            break
        root = root.head
    head = root.head
    if root.dep_ == "nsubjpass" or (root.dep_ == "nsubj" and head.lemma_.lower() == "die"):
        return head.lemma_.lower() in _HARM_VERBS
    return False


# words that make an armed group named in a report the suspected author of its attack
_AUTHOR_WORDS = ("suspected attacker", "suspected perpetrator", "suspected of", "believed to be behind",
                 "blamed", "attributed")


_SUSPECT_WORDS = {"suspected", "believed", "presumed", "presumably", "allegedly", "likely"}


def is_author(item: Found, role: str | None) -> bool:
    """An armed group the report names as the author: it claimed the attack, planted the device,
    or is the suspected attacker."""
    if item.mention.inter not in (2, 3, 4, 8) or item.speaker:
        return False
    sentence = item.span.sent.text.lower()
    verb = governing_verb(item.span)
    if role == AGENT and verb == "claim" and "responsib" in sentence:
        return True
    if role == AGENT and verb == "plant":
        return True
    # "militants (suspected TTP)", "gunmen believed to belong to IS"
    before = item.span.doc[max(item.span.sent.start, item.span.start - 4):item.span.start]
    if any(token.lower_ in _SUSPECT_WORDS for token in before) and not item.mention.name.startswith("Unidentified"):
        return True
    return any(words in sentence for words in _AUTHOR_WORDS)


def under_umbrella(item: Found) -> bool:
    """An operation or coalition named after "under" ("rebels under OPS"), not "under X control"."""
    doc, start, end = item.span.doc, item.span.start, item.span.end
    if "umbrella" not in item.flags:
        return False
    before = start - 1 - (start >= 2 and doc[start - 1].lower_ == "the")
    following = doc[end].lower_ if end < len(doc) else ""
    return before >= 0 and doc[before].lower_ == "under" and following not in ("control", "-", "rule")


def repels(span: Span) -> bool:
    """The actor repelled an attack: its verb is one of repelling, or is coordinated with one
    ("the military engaged in a fire fight and repelled an attack of Boko Haram")."""
    token = span.root
    for _ in range(12):
        if token.pos_ == "VERB":
            return token.lemma_.lower() in _REPEL_VERBS or any(
                child.dep_ == "conj" and child.lemma_.lower() in _REPEL_VERBS for child in token.children)
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _response(verb: Token) -> bool:
    lemma, children = verb.lemma_.lower(), {child.lower_ for child in verb.children}
    answered = {grand.lower_ for child in verb.children if child.lower_ == "to" for grand in child.children}
    return (lemma == "retaliate" or (lemma == "return" and "fire" in children)
            or (lemma in ("shoot", "fire") and "back" in children)
            or (lemma == "respond" and bool(answered & {"fire", "attack", "attacks", "shooting"})))


def responds(span: Span) -> bool:
    """The actor fired in response ("the police shot back", "officers returned fire", "forces
    responded to the fire"): the other side opened fire first."""
    token = span.root
    for _ in range(12):
        if token.pos_ == "VERB":
            return _response(token) or any(child.dep_ == "conj" and _response(child) for child in token.children)
        if token.head.i == token.i:
            return False
        token = token.head
    return False


# words of a fight both sides waged ("exchanged fire with", "clashed with", "a shoot-out")
MUTUAL_WORDS = ("exchang", "clash", "shoot-out", "shootout", "firefight", "fire fight", "gunfight",
                "gun battle", "gunbattle")


def tells_of_mutual_fight(text: str) -> bool:
    """The words say both sides fought, neither acting more than the other."""
    lowered = text.lower()
    return any(word in lowered for word in MUTUAL_WORDS)


def preposition(span: Span) -> str | None:
    """The preposition the actor phrase hangs from ("with" in "exchanged fire with police")."""
    token = span.root
    for _ in range(6):
        if token.dep_ == "pobj":
            return token.head.lower_
        if token.dep_ not in ("compound", "amod", "conj", "appos", "nmod") or token.head.i == token.i:
            return None
        token = token.head
    return None


def governing_verb(span: Span) -> str | None:
    """Lemma of the nearest verb above the actor phrase."""
    token = span.root
    for _ in range(12):
        if token.pos_ == "VERB":
            return token.lemma_.lower()
        if token.head.i == token.i:
            return None
        token = token.head
    return None
