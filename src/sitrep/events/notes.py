"""Who the event involved, beyond what one cue says (rules.json crowd_tag, armed_victims, armed_targets).

ACLED notes tag a protest or riot with its crowd size, and describe a victim after the killing
("The victim had charges against him for drug trafficking"); a cue's own victims may be armed
("two soldiers were stabbed"): each retypes the cues found.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from sitrep.events.lexicon import Rules, Trigger, WordSet

CLAUSE_CHILDREN = {"conj", "relcl", "advcl", "ccomp", "acl", "parataxis"}  # another statement


def armed_target(row: Trigger, victims: list[Token], rules: Rules, not_on: WordSet | None,
                 any_row: bool = False) -> Trigger:
    """A row without a target column (any row, with `any_row`: for the victims of the verbs
    conjoined with the cue) whose victims hold a not_on word (armed actors) takes the sub-type of
    rules.json armed_targets: 'two soldiers were shot to death' is a clash."""
    new = rules.raw.get("armed_targets", {}).get(row.sub_event_type)
    if new and not_on and (any_row or not row.target) and not_on.hits(victims):
        return row.retyped(new)
    return row


def crowd_tag(doc: Doc, rules: Rules) -> re.Match | None:
    rule = rules.raw.get("crowd_tag")
    return re.search(rule["tag"], doc.text) if rule else None


def crowd_default(rules: Rules, lemmas: set[str], acts: set[str] | None = None) -> str:
    """The sub-type of a crowd-tagged note where no cue was found: a gathering, unless the note
    tells of violence ('violence' words among `acts`, the words told as done rather than protested
    about: mob violence, or a violent demonstration where it demands)."""
    rule = rules.raw["crowd_tag"]
    if set(rule["violence"]).isdisjoint(lemmas if acts is None else acts):
        return rule["default"]
    sub = rule["violent_default"]
    return rule["demanding"].get(sub, sub) if not set(rule["demands"]).isdisjoint(lemmas) else sub


def crowd_subs(subs: list[str], rules: Rules, lemmas: set[str]) -> list[str | None]:
    """The sub-type each cue of a crowd-tagged note takes (None: dropped).

    Cues of the crowd's own types win; else each cue is the crowd's act ('retype', 'by_type',
    'default'); a crowd making demands is demonstrating ('demanding')."""
    rule = rules.raw["crowd_tag"]
    crowd = [rules.type_of[sub] in rule["types"] for sub in subs]
    demands = not set(rule["demands"]).isdisjoint(lemmas)
    out: list[str | None] = []
    for sub, own in zip(subs, crowd):
        if any(crowd) and not own:
            out.append(None)
            continue
        if not own:
            sub = rule["retype"].get(sub) or rule["by_type"].get(rules.type_of[sub], rule["default"])
        out.append(rule["demanding"].get(sub, sub) if demands else sub)
    return out


def armed_victim(doc: Doc, rules: Rules) -> bool:
    """A sentence whose subject is the victim and which ties it to an armed group ("The victim was
    involved in a gang"), not negated and not in a clause of its own."""
    rule = rules.raw.get("armed_victims")
    if not rule or not doc.has_annotation("DEP"):
        return False
    subjects, words = set(rule["subjects"]), set(rule["words"])
    for token in doc:
        if token.dep_ in ("nsubj", "nsubjpass") and token.lemma_.lower() in subjects:
            verb = token.head
            if any(child.dep_ == "neg" for child in verb.children):
                continue
            if not words.isdisjoint(t.lemma_.lower() for t in _statement(verb)):
                return True
    return False


def _statement(verb: Token) -> list[Token]:
    """The verb's own clause: its subtree less conjoined and subordinate clauses."""
    out = [verb]
    for child in verb.children:
        if child.dep_ not in CLAUSE_CHILDREN:
            out += [t for t in child.subtree if not _negated(t)]
    return out


def _negated(token: Token) -> bool:
    return any(child.dep_ == "neg" or child.lower_ in ("no", "any") for child in token.children)


def recalled(head: Token, rules: Rules) -> bool:
    """A cue the note recalls as context, not reports: 'the recent fighting', 'in the context of
    the clashes' (rules.json recalled: its modifiers and its framing nouns)."""
    rule = rules.raw.get("recalled")
    if not rule:
        return False
    if any(child.dep_ in ("amod", "advmod") and _said(child) & set(rule["modifiers"])
           for child in head.children):
        return True
    # "last year's bombing": owned by a past stretch of time
    if any(child.dep_ == "poss" and child.lemma_.lower() in rule.get("periods", [])
           and any(_said(m) & set(rule["modifiers"] + ["last"]) for m in child.children)
           for child in head.children):
        return True
    frame = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else None
    if frame is not None and frame.lemma_.lower() in rule["frames"]:
        return True
    # "police had clashed with farmers at an earlier rally": set at an occasion of the past
    past = set(rule.get("occasion_modifiers", []))
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in rule.get("occasion_preps", [])):
        for occasion in (c for c in prep.children if c.dep_ == "pobj"):
            if any(m.dep_ in ("amod", "advmod") and _said(m) & past for m in occasion.children):
                return True
    return False



def _said(token: Token) -> set[str]:
    """The word as written and its lemma: the tagger reads "earlier" as "early"."""
    return {token.lower_, token.lemma_.lower()}
