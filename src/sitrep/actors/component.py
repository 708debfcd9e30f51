"""The actors stage: actor mentions from the alias table, then the sides of each event.

Reads `doc._.event_mentions` (events stage) and the dependency parse; writes
`doc._.actor_mentions` and fills `actor1`, `actor2`, `assoc_actor_1`, `assoc_actor_2` of every
EventMention. With no parser (a blank pipeline) roles fall back to word order.
`model_dir` (set with `--model`): a directory from `sitrep train` whose learned aliases and
state regimes (aliases.tsv, states.tsv) extend the hand tables, which stay the fallback.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.actors.assign import assign_actors
from sitrep.actors.find import Matchers, find_actors, matchers_for
from sitrep.actors.table import load_learned_states, with_regime
from sitrep.mentions import ActorMention, mentions


class ActorsComponent:
    def __init__(self, nlp: Language, model_dir: str | None = None) -> None:
        self.matchers: Matchers = matchers_for(nlp, model_dir or None)
        self.states = load_learned_states(model_dir or None)

    def __call__(self, doc: Doc) -> Doc:
        found, _country = find_actors(doc, self.matchers)
        actor_mentions = mentions(doc, "actor_mentions")
        actor_mentions.extend(item.mention for item in found)
        events = mentions(doc, "event_mentions")
        assign_actors(doc, found, events)
        if self.states:
            # records.py fills "{country}" names from the event's place after this stage
            doc.user_data["sitrep_regimes"] = self.states
            for actor in self._actors(actor_mentions, events):
                actor.name = with_regime(actor.name, self.states)
        return doc

    @staticmethod
    def _actors(actor_mentions: list, events: list) -> list[ActorMention]:
        # the events' sides may be mentions of their own (built by the assignment rules)
        sides = [a for e in events for a in (e.actor1, e.actor2, *e.assoc_actor_1, *e.assoc_actor_2) if a]
        return list({id(a): a for a in [*actor_mentions, *sides]}.values())


@Language.factory(
    "sitrep_actors",
    assigns=["doc._.actor_mentions"],
    requires=["doc._.event_mentions", "token.dep"],
    default_config={"model_dir": ""},
)
def make_actors(nlp: Language, name: str, model_dir: str = "") -> ActorsComponent:
    return ActorsComponent(nlp, model_dir)
