"""Casualties stage: every reported figure as a claim, attributed, and attached to its event.

Reads `doc._.event_mentions`; writes `doc._.claims` (every figure, in text order) and
`EventMention.claims` (the figures that count for that event).

- Figures (`figures.py`) and their sources (`attribution.py`) are read sentence by sentence; a
  sentence with no attribution inherits the source of the one before ("The terrorist group lost
  42 militants." after a SOHR sentence is SOHR's).
- A claim goes to the event whose type fits it best, nearest first: killed civilians to an Attack,
  killed fighters to a battle, abducted to an Abduction; same sentence, then earlier, then later.
- `records.reconcile` adds figures of one source with different `who` and takes the minimum
  across sources. So that repeats are not added up, claims of one source about the same kind of
  event share a `who` unless they name different victims ("50 soldiers ... and 85 family
  members"); a coder's total ("Fatalities coded as 10") or a source's death toll supersedes the
  parts it sums up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.casualties.attribution import SourceTracker, clause_of, find_attributions
from sitrep.casualties.figures import compiled, find_figures, is_background, victim_class
from sitrep.mentions import ClaimMention, EventMention, mentions
from sitrep.records import reconcile

UNSPECIFIED = "unspecified"
_GENERIC_HEADS = {"people", "persons", "person", "others", "victims", "them", "individuals"}

# how well an event type fits a claim: (kind, victim class) -> {event_type or sub_event_type: weight}
# a peaceful protest, an arrest or an agreement has no deaths of its own: a death it mentions is
# another event's (or its cause), so weight 0 means "never attach"; other strategic developments
# (a landmine going off while planted) keep the default weight
_NO_DEATHS = {sub: 0.0 for sub in ("Peaceful protest", "Protest with intervention", "Arrests", "Agreement",
                                   "Change to group/activity", "Headquarters or base established",
                                   "Non-violent transfer of territory")}
_FIT: dict[tuple[str, str], dict[str, float]] = {
    ("killed", "civilian"): {**_NO_DEATHS, "Attack": 3, "Excessive force against protesters": 3, "Mob violence": 2.5,
                             "Explosions/Remote violence": 2.5, "Riots": 2, "Battles": 1,
                             "Violence against civilians": 1.5, "Protests": 1.5},
    ("killed", "combatant"): {**_NO_DEATHS, "Battles": 3, "Explosions/Remote violence": 2.2, "Attack": 1,
                              "Riots": 1.5, "Violence against civilians": 1, "Protests": 1},
    ("killed", "unknown"): {**_NO_DEATHS, "Battles": 3, "Attack": 3, "Explosions/Remote violence": 3, "Riots": 2.5,
                            "Excessive force against protesters": 3, "Protests": 2,
                            "Violence against civilians": 1.5},
    ("abducted", ""): {"Abduction/forced disappearance": 3, "Arrests": 2, "Violence against civilians": 1.5},
    ("arrested", ""): {"Arrests": 3, "Protest with intervention": 3, "Abduction/forced disappearance": 2,
                       "Protests": 1.5, "Riots": 1.5},
}
_BACK_PENALTY, _FORWARD_PENALTY = 0.3, 0.45
_REPEAT_BONUS = 1.5  # a figure a source already gave for an event is the same event's figure
_APPOSITION = re.compile(r"[\s,]*(?:mainly|mostly|most of them|many of them|including|among them|all)\b"
                         r"([^.;]{1,60})", re.IGNORECASE)


@dataclass
class _Meta:
    """What the stage knows about a claim beyond the contract's fields."""

    sentence: int
    victims: str         # civilian | combatant | unknown
    total: str | None
    subset: bool
    background: bool = False


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        # a line break ends a sentence too (headlines, bylines carry no full stop)
        spans = []
        for sent in doc.sents:
            start = sent.start_char
            for m in re.finditer(r"\n+", sent.text):
                if sent.start_char + m.start() > start:
                    spans.append((start, sent.start_char + m.start()))
                start = sent.start_char + m.end()
            if sent.end_char > start:
                spans.append((start, sent.end_char))
        return spans
    # no parser or sentencizer ran: split on sentence punctuation
    bounds, start = [], 0
    text = doc.text
    for m in re.finditer(r"(?<=[.!?”\"])\s+(?=[“\"A-Z0-9])|\n+", text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if e > s]


def fit(claim: ClaimMention, victims: str, event: EventMention) -> float:
    kind = "killed" if claim.kind == "injured" else claim.kind
    table = _FIT.get((kind, victims if kind == "killed" else ""), {})
    for key in (event.sub_event_type, event.event_type):
        if key in table:
            return table[key]
    return 0.3


def _claims_of_sentence(full: str, start: int, end: int, tracker: SourceTracker, index: int,
                        meta: dict[int, _Meta]) -> list[ClaimMention]:
    text = full[start:end]
    attributions = find_attributions(text)
    resolved = [(a, tracker.resolve(a)) for a in attributions]
    carried = tracker.last
    background = is_background(text)
    claims: list[ClaimMention] = []
    for fig in find_figures(text):
        source, src_span = carried, (None, None)
        if fig.total != "acled" and resolved:
            lo, hi = clause_of(text, fig.anchor)
            in_clause = [(a, n) for a, n in resolved if lo <= a.start < hi]
            pool = in_clause or resolved
            a, source = min(pool, key=lambda p: abs(p[0].start - fig.anchor))
            src_span = (start + a.start, start + a.end)
        elif fig.total == "acled":
            source = None  # the coder's own figure
        claim = ClaimMention(start=start + fig.start, end=start + fig.end,
                             text=full[start + fig.start:start + fig.end], kind=fig.kind,
                             value=fig.value, qualifier=fig.qualifier, source=source,
                             source_start=src_span[0], source_end=src_span[1], who=fig.who)
        victims = victim_class(fig.who)
        if victims == "unknown":
            # "300 people, mainly the elderly, females, and children"
            after = _APPOSITION.match(text, fig.end)
            victims = victim_class(after.group(1)) if after else victims
        meta[id(claim)] = _Meta(index, victims, fig.total, fig.subset, background or fig.background)
        claims.append(claim)
    for a, name in resolved:
        tracker.note(name, a.anaphoric and name == a.name)
    return claims


def _attach(claim: ClaimMention, info: _Meta, events: list[tuple[EventMention, int]],
            attached: dict[int, list[ClaimMention]]) -> EventMention | None:
    """The best-fitting event, nearest first (same sentence, then before, then after)."""
    best, best_score = None, float("-inf")
    for event, sentence in events:
        repeat = any(c.kind == claim.kind and c.value == claim.value and c.source == claim.source
                     for c in attached.get(id(event), []))
        distance = info.sentence - sentence
        penalty = _BACK_PENALTY * distance if distance >= 0 else _FORWARD_PENALTY * -distance + 0.3
        gap = min(abs(claim.start - event.end), abs(event.start - claim.end)) / 10_000
        weight = fit(claim, info.victims, event)
        if weight <= 0:
            continue
        score = weight - penalty - gap + (_REPEAT_BONUS if repeat else 0.0)
        if score > best_score:
            best, best_score = event, score
    return best


def _head(who: str | None) -> str:
    """The victims' head word: the first person word ("family members of security forces" ->
    family), else the last word."""
    words = [w for w in re.findall(r"[a-z]+", (who or "").lower()) if w not in ("of", "the")]
    person = compiled().person
    return next((w for w in words if w in person), words[-1] if words else "")


def _norm(who: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (who or "").lower()))


def _home(claim: ClaimMention, group: list[ClaimMention], buckets: list[list[ClaimMention]],
          buckets_of: dict[int, list[ClaimMention]], meta: dict[int, _Meta]) -> list[ClaimMention] | None:
    """The bucket of victims a claim re-counts, or None when it counts new victims."""
    info = meta[id(claim)]
    if info.subset:
        # "five personnel including one policeman": part of the figure just before it
        before = [c for c in group if meta[id(c)].sentence == info.sentence and c.start < claim.start
                  and not meta[id(c)].subset and id(c) in buckets_of]
        if before:
            return buckets_of[id(before[-1])]
    head = _head(claim.who)
    new_victims = bool(re.search(r"\b(?:other|another|more|additional|further)\b", claim.who or "", re.I))
    for bucket in buckets:
        if new_victims:
            break  # "2 other policemen were killed": more victims, not a repeat
        other_sentence = all(meta[id(c)].sentence != info.sentence for c in bucket)
        if other_sentence and claim.value in {c.value for c in bucket}:
            return bucket  # the same figure again
        if _norm(claim.who) and _norm(claim.who) in {_norm(c.who) for c in bucket}:
            return bucket  # the same victims again
        if other_sentence and (not head or head in _GENERIC_HEADS):
            return bucket  # "people", restated later: the same toll
    return None


def _settle(claims: list[ClaimMention], meta: dict[int, _Meta]) -> list[ClaimMention]:
    """Claims of one kind of event: totals supersede parts; repeats share a `who`."""
    killed = [c for c in claims if c.kind == "killed"]
    splits = [c for c in killed if meta[id(c)].total == "split"]
    if splits:
        # "Fatalities coded across 2 events": this event's share of the figure the rest give
        parts = splits[-1].value
        rest = [c for c in killed if meta[id(c)].total != "split"]
        killed = rest + splits[-1:]
        toll = reconcile(_settle(rest, meta))[0]
        splits[-1].value = int(toll / max(1, parts) + 0.5)
        meta[id(splits[-1])].total = "acled"
    coded = [c for c in killed if meta[id(c)].total == "acled"]
    if coded:
        # the coder's figure is the event's figure: other killed claims stay in doc._.claims only
        return [c for c in claims if c.kind != "killed"] + coded[-1:]
    kept = [c for c in claims if c.kind != "killed"]
    by_source: dict[str | None, list[ClaimMention]] = {}
    for claim in killed:
        by_source.setdefault((claim.source or "").lower(), []).append(claim)
    for group in by_source.values():
        tolls = [c for c in group if meta[id(c)].total == "toll"]
        if tolls:
            group = [max(tolls, key=lambda c: c.value)]
        buckets: list[list[ClaimMention]] = []
        for claim in group:
            buckets_of = {id(c): b for b in buckets for c in b}
            home = _home(claim, group, buckets, buckets_of, meta)
            if home is None:
                buckets.append([claim])
            else:
                home.append(claim)
        for bucket in buckets:
            label = next((c.who for c in bucket if c.who and _head(c.who) not in _GENERIC_HEADS), None)
            label = label or next((c.who for c in bucket if c.who), None) or UNSPECIFIED
            for claim in bucket:
                claim.who = label
        kept.extend(group)
    return kept


class CasualtiesComponent:
    def __call__(self, doc: Doc) -> Doc:
        sentences = _sentences(doc)
        tracker = SourceTracker()
        meta: dict[int, _Meta] = {}
        claims: list[ClaimMention] = []
        full = doc.text  # built from the tokens on every access: read it once
        for index, (start, end) in enumerate(sentences):
            claims.extend(_claims_of_sentence(full, start, end, tracker, index, meta))
        doc._.claims = claims
        events = mentions(doc, "event_mentions")
        if not events or not claims:
            return doc
        starts = [s for s, _ in sentences]
        located = [(e, max(0, sum(1 for s in starts if s <= e.start) - 1)) for e in events]
        attached: dict[int, list[ClaimMention]] = {}
        for claim in claims:
            info = meta[id(claim)]
            if info.background:
                continue  # kept in doc._.claims, counted for no event
            event = _attach(claim, info, located, attached)
            if event is not None:
                attached.setdefault(id(event), []).append(claim)
        # mentions of one sub-event type may be merged into one event by records.py: settle
        # repeats across all of them, then hand each mention its own share
        by_type: dict[str, list[ClaimMention]] = {}
        for event in events:
            by_type.setdefault(event.sub_event_type, []).extend(attached.get(id(event), []))
        keep = {id(c) for group in by_type.values() for c in _settle(group, meta)}
        for event in events:
            event.claims.extend(c for c in attached.get(id(event), []) if id(c) in keep)
        return doc


@Language.factory(
    "sitrep_casualties",
    assigns=["doc._.claims"],
    requires=["doc._.event_mentions"],
)
def make_casualties(nlp: Language, name: str) -> CasualtiesComponent:
    return CasualtiesComponent()
