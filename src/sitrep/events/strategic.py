"""Violence told as the reason or background of a strategic development (rules.json strategic_reasons).

"The army deployed 600 soldiers to Aguililla after clashes between rival cartels", "Thai rangers
increased patrols following a series of bombings", "two gangs that had been fighting for the region
announced they were joining forces": the sentence reports forces moved or a group changed; the
clashes, bombings or fighting are why (a noun in an 'after/following/amid X' phrase) or who the
group is (a relative clause of the doer). A clause with its own doers ("after gunmen killed three
soldiers") stays an event. ACLED codes the development; the violence, told as cause,
is no second event of the sentence and must not suppress the development (rules.json suppress).
"""
from __future__ import annotations

from dataclasses import dataclass
from spacy.tokens import Token

# a token on the way up from a cue that opens a phrase or clause of reason or time
REASON_DEPS = {"prep", "mark", "advmod", "pcomp", "agent", "advcl"}   # "following" is often parsed a verb
# a clause that describes a noun ("gangs that had been fighting")
DESCRIBING_DEPS = {"relcl", "acl"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True)
class StrategicReasons:
    """rules.json strategic_reasons: the developments ('sub_types'), the event types whose cues
    can be their reason ('reason_types'), the words that open a reason ('preps') and the nouns of
    'in response to X' ('nouns')."""

    sub_types: frozenset[str]
    reason_types: frozenset[str]
    preps: frozenset[str]
    nouns: frozenset[str]

    @classmethod
    def of(cls, raw: dict) -> StrategicReasons:
        rule = raw.get("strategic_reasons", {})
        return cls(*(frozenset(rule.get(key, ())) for key in ("sub_types", "reason_types", "preps", "nouns")))

    def drop_reasons(self, group: list, type_of: dict[str, str]) -> list:   # component.Candidate
        """The cues of one sentence, less violence told as the reason of a development in its
        main clause (the development itself not told as a reason of anything)."""
        developments = [c for c in group if c.row.sub_event_type in self.sub_types
                        and not self._reason(c.head) and not self._describing(c.head)]
        if not developments:
            return group
        # only violence named by a noun ("after clashes"): a clause with its own doers ("after gunmen
        # killed three soldiers") reports an event of its own, which ACLED codes first
        return [c for c in group if type_of.get(c.row.sub_event_type) not in self.reason_types
                or not (c.head.pos_ in ("NOUN", "PROPN") and self._reason(c.head) or self._describing(c.head))]

    def _reason(self, head: Token) -> bool:
        """Inside an 'after/following/amid ...' phrase or clause: the cue or one of its heads
        opens it, or is governed by a word that does."""
        node = head
        while True:
            if (node.dep_ in REASON_DEPS and node.lower_ in self.preps
                    or node.dep_ == "pobj" and node.lower_ in self.nouns):
                return True
            if any(child.dep_ in ("mark", "prep") and child.lower_ in self.preps and child.i < node.i
                   and node.dep_ == "advcl" for child in node.children):
                return True
            if node.head.i == node.i:
                return False
            node = node.head

    @staticmethod
    def _describing(head: Token) -> bool:
        """In a relative clause of a sentence's doer ('gangs that had been fighting ... announced')."""
        node = head
        while node.head.i != node.i:
            if node.dep_ in DESCRIBING_DEPS and node.pos_ in ("VERB", "AUX"):
                return node.head.dep_ in SUBJECT_DEPS
            node = node.head
        return False
