"""Ordinary crime: violence between private people is not political violence (rules.json
"private_crime"). ACLED codes attacks by armed men, mobs and groups, and killings of public
figures; it does not code "a man stabbed his neighbour" or "a woman was killed by her husband".

A violent match is private when every one who did it is one private person ("a man", "her
husband", "his neighbour": a singular noun of `persons`, not armed, not a group), or when
nobody is named as the doer and the sentence names a household motive (`motives`: domestic,
dowry, love affair); and in both cases no victim is a public figure (`public`: a chief, a journalist).
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from sitrep.events.lexicon import WordSet

PLURAL_TAGS = {"NNS", "NNPS"}


@lru_cache(maxsize=8)
def _sets(persons: tuple[str, ...], motives: tuple[str, ...], public: tuple[str, ...],
          armed: tuple[str, ...]) -> tuple[WordSet, WordSet, WordSet, WordSet]:
    return tuple(WordSet.parse("|".join(words)) for words in (persons, motives, public, armed))


def doers(head: Token) -> list[Token]:
    """Head nouns of who did it: the subject of the trigger's verb, or its "by X"."""
    verb = head   # "carried out an attack": the verb whose object the trigger is
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "obj") and head.head.i != head.i:
        verb = head.head
    doers: list[Token] = []
    for node in (verb, head) if verb is not head else (verb,):
        for child in node.children:
            if child.dep_ in ("nsubj", "csubj"):
                doers.append(child)
            elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                doers += [c for c in child.children if c.dep_ == "pobj"]
            elif node is head and child.dep_ == "poss" and head.pos_ == "NOUN":
                doers.append(child)   # "her husband's attack"
    for _ in range(2):   # "beat and stabbed"; "attacked a family, killing three": the clause's doers
        if doers or verb.head.i == verb.i or not (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")):
            break
        verb = verb.head
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
    return [d for d in doers if d.pos_ in ("NOUN", "PROPN", "PRON")]


def lone_person(noun: Token, persons: WordSet, armed: WordSet) -> bool:
    if noun.tag_ in PLURAL_TAGS or noun.pos_ == "PRON" or not persons.hits([noun]):
        return False
    parts = [c for c in noun.children if c.dep_ in ("amod", "compound", "nummod", "conj", "appos")]
    if any(c.dep_ == "conj" for c in parts) or any(c.like_num and c.lower_ not in ("one", "1") for c in parts):
        return False
    return not armed.hits(parts + [noun])


def victims_of(head: Token) -> list[Token]:
    out: list[Token] = []
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass"):
            out += list(child.subtree)[:8]
    return out


def private_crime(head: Token, sent: Span, config: dict, armed_words: list[str]) -> bool:
    """`armed_words`: what makes a doer not a private person, and a victim a public one."""
    persons, motives, public, armed = _sets(
        tuple(config["persons"]), tuple(config["motives"]), tuple(config["public"]), tuple(armed_words))
    victims = victims_of(head)
    if public.hits(victims) or armed.hits(victims):
        return False
    who = doers(head)
    if who and all(lone_person(d, persons, armed) for d in who):
        return True
    return not who and motives.hits(sent)
