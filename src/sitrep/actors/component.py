"""The actors stage: actor mentions from the alias table, then the sides of each event.

Reads `doc._.event_mentions` (events stage) and the dependency parse; writes
`doc._.actor_mentions` and fills `actor1`, `actor2`, `assoc_actor_1`, `assoc_actor_2` of every
EventMention. With no parser (a blank pipeline) roles fall back to word order.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.actors.assign import assign_actors
from sitrep.actors.find import Matchers, find_actors, matchers_for
from sitrep.mentions import mentions


class ActorsComponent:
    def __init__(self, nlp: Language) -> None:
        self.matchers: Matchers = matchers_for(nlp)

    def __call__(self, doc: Doc) -> Doc:
        found, _country = find_actors(doc, self.matchers)
        actor_mentions = mentions(doc, "actor_mentions")
        actor_mentions.extend(item.mention for item in found)
        assign_actors(doc, found, mentions(doc, "event_mentions"))
        return doc


@Language.factory(
    "sitrep_actors",
    assigns=["doc._.actor_mentions"],
    requires=["doc._.event_mentions", "token.dep"],
)
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp)
