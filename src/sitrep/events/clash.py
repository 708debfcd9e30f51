"""Remote weapons inside ground fighting (ACLED codebook: remote violence that supports a ground
attack is part of the armed clash; the remote types are for when the weapon is the event).

"An operation by special forces, backed by airstrikes, killed 18 militants", "the army, along with
the helicopters of a private military group, attacked militants", "troops attacked with the
support of warplanes": the air or artillery cue names how the ground side fought, so it is the
clash. The words are in rules.json "remote_support".
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

MODIFIER_DEPS = ("compound", "amod", "nmod", "conj", "appos")


@dataclass(frozen=True)
class RemoteSupport:
    sub_types: frozenset[str]     # cues that can be support: air strikes, shelling
    verbs: frozenset[str]         # "backed by", "supported by", "assisted by"
    nouns: frozenset[str]         # "with the support of", "with the cover of"
    along: frozenset[str]         # "along with", "together with", "alongside"
    remote: frozenset[str]        # what the supported side must not itself be (air on air is no ground fight)
    becomes: str = "Armed clash"

    @classmethod
    def of(cls, raw: dict) -> RemoteSupport:
        rule = raw.get("remote_support", {})
        return cls(*(frozenset(rule.get(key, ())) for key in ("sub_types", "verbs", "nouns", "along", "remote")),
                   becomes=rule.get("becomes", "Armed clash"))

    def supports(self, sub_type: str, head: Token) -> bool:
        """The cue names the support of a ground side, not an event of its own."""
        if sub_type not in self.sub_types:
            return False
        supported = self._supported(head)
        return supported is not None and supported.lemma_.lower() not in self.remote

    def _supported(self, head: Token) -> Token | None:
        """Whom the cue's phrase supports, or None where it is no support phrase."""
        node = head
        while node.dep_ in MODIFIER_DEPS and node.head.i != node.i:
            node = node.head
        if node.dep_ != "pobj":
            return None
        prep = node.head
        governor = prep.head
        if prep.lower_ == "by" and governor.lemma_.lower() in self.verbs:
            # "forces, backed by airstrikes": the noun the participle hangs on; "the incursion
            # was backed by airstrikes": its passive subject
            if governor.dep_ in ("acl", "relcl", "advcl") and governor.head.i != governor.i:
                return governor.head
            return next((c for c in governor.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if prep.lower_ == "with" and governor.lower_ in self.along:    # "along with helicopters"
            return governor.head
        if prep.lower_ in self.along:     # "alongside helicopters"
            return governor
        if prep.lower_ == "of" and governor.lemma_.lower() in self.nouns and governor.dep_ == "pobj":
            outer = governor.head      # "with the support of warplanes"
            if outer.lower_ == "with":
                return outer.head
        return None
