"""Who was hurt, read more closely than the bare words of the victim's phrase (ACLED codebook:
violence against unarmed people is an attack, whoever they are related to).

"Gunmen shot dead the wife of a police commander", "killed the son of a soldier", "an intelligence
official's brother": the armed word names whom the victim belongs to, not the victim. The victim
is the head noun, a relative (rules.json unarmed "kin"); an armed word only inside its "of X" or
possessive is no armed target.
"""
from __future__ import annotations

from spacy.tokens import Token

from sitrep.events.lexicon import WordSet
from sitrep.events.syntax import _phrase

MAX_CLIMB = 4   # a victim's phrase is short: "the son of the local police commander"


def _owner_of_kin(token: Token, kin: WordSet) -> bool:
    """The token sits in the "of X" or possessive of a relative: "the wife [of a police
    commander]", "[a soldier]'s son"."""
    node = token
    for _ in range(MAX_CLIMB):
        if node.head.i == node.i:
            return False
        if node.dep_ == "poss" and kin.hits(_with_compounds(node.head)):
            return True
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ == "of":
            owner = node.head.head
            if kin.hits([t for noun in _conjoined(owner) for t in _with_compounds(noun)]):
                return True
            node = owner
            continue
        if node.dep_ not in ("compound", "amod", "nmod", "poss", "conj", "appos"):
            return False
        node = node.head
    return False


def _with_compounds(noun: Token) -> list[Token]:
    """The noun and its compounds: "family members of pro-regime fighters" are relatives too."""
    return [noun, *(c for c in noun.children if c.dep_ == "compound")]


def _conjoined(noun: Token) -> list[Token]:
    """The noun and the nouns of its list: "women, children and family members of fighters" are
    all the fighters' relatives, wherever the parser hangs "of fighters"."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    out, todo = [first], [first]
    while todo:
        for child in todo.pop().children:
            if child.dep_ == "conj" and child not in out:
                out.append(child)
                todo.append(child)
    return out


def relatives_not_armed(tokens: list[Token], armed: WordSet, kin: WordSet) -> list[Token]:
    """The victim's tokens less the armed words that only say whose relative the victim is."""
    if not kin:
        return tokens
    return [t for t in tokens if not (armed.hits([t]) and _owner_of_kin(t, kin))]


def party_affiliates(doers: list[Token], members: WordSet, parties: WordSet) -> bool:
    """The doers are a party's people: a member word ("workers", "activists", "supporters") named
    by the party ("BJP workers", "Awami League activists") or "of" one ("supporters of the ruling
    party"). ACLED codes their one-sided violence as a political militia's attack, not a mob's."""
    for doer in doers:
        for word in _phrase(doer):
            if not members.hits([word]):
                continue
            named = any(c.dep_ in ("compound", "amod", "nmod") and c.text[:1].isupper() and not c.is_sent_start
                        for c in word.children)
            if named or parties.hits(_phrase(word)):
                return True
    return False


def by_phrase(noun: Token) -> list[Token]:
    """Who a noun cue says did it, in its own "by X" ("an attack by suspected cattle rustlers"), not
    the noun's modifiers ("unknown rioters": the noun is the doer)."""
    return [t for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "by"
            for obj in prep.children if obj.dep_ == "pobj" for t in _phrase(obj)]
