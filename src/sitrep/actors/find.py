"""Actor mentions from the alias table: PhraseMatcher spans, demonyms, anaphora, context.

"Syrian forces" is the generic alias "forces" plus the demonym "Syrian"; "forces of Armenia"
takes the country after "of". "The group" takes the last named armed group before it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from sitrep.actors.table import (
    Alias, fill_country, load_contextual, load_demonyms, load_not_actor_halves,
    load_with_learned,
)
from sitrep.mentions import ActorMention

# inter codes of organised armed groups an anaphor ("the group") may point back to
_ARMED = {1, 2, 3, 4, 8}
# "SDF spokesman", "police said": the actor speaks here, it is not a side of the event
_SPEAKER_NOUNS = {"spokesman", "spokesperson", "spokeswoman", "official", "source", "statement",
                  "media", "outlet", "agency", "channel", "website", "sources", "officials"}
_SPEECH_VERBS = {"say", "state", "announce", "report", "tell", "confirm", "add", "note", "quote"}


def is_speaker(span: Span) -> bool:
    root = span.root
    head = root.head
    if root.dep_ in ("compound", "poss", "nmod", "amod") and head.lemma_.lower() in _SPEAKER_NOUNS:
        # "assaulted by a police official": an official who acts is the actor's own member
        acting = (head.dep_ == "pobj" and head.head.lower_ == "by") or (
            head.dep_ == "nsubj" and head.head.pos_ == "VERB" and head.head.lemma_.lower() not in _SPEECH_VERBS)
        return not acting
    return root.dep_ == "nsubj" and head.lemma_.lower() in _SPEECH_VERBS


@dataclass
class Found:
    """One actor mention with what the assignment step needs beyond ActorMention."""

    mention: ActorMention
    span: Span
    alias: Alias
    speaker: bool = False

    @property
    def flags(self) -> frozenset[str]:
        return self.alias.flags


def _cased(phrase: str) -> bool:
    # acronyms like IS, US, NAF collide with words ("is", "us") unless matched in capitals
    letters = phrase.replace(".", "").replace("-", "")
    return phrase.isupper() and len(letters) <= 4


class Matchers:
    """The phrase matchers for one vocabulary, built once per process (see `matchers_for`);
    `model_dir`: a model directory whose learned aliases join the hand table's."""

    def __init__(self, vocab: Vocab, make_doc, model_dir: str | None = None) -> None:
        self.aliases = load_with_learned(model_dir)
        self.demonyms = load_demonyms()
        self.by_id: dict[int, Alias] = {}
        self.country_state = Alias(-1, "", "Military Forces of {country}", 1, None, frozenset({"state"}))
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.orth = PhraseMatcher(vocab, attr="ORTH")
        self.places_lower = PhraseMatcher(vocab, attr="LOWER")
        self.places_orth = PhraseMatcher(vocab, attr="ORTH")
        for index, entry in enumerate(self.aliases):
            label = f"actor{index}"
            self.by_id[vocab.strings.add(label)] = entry
            matcher = self.orth if _cased(entry.alias) else self.lower
            matcher.add(label, [make_doc(entry.alias)])
        for word, country in self.demonyms.items():
            matcher = self.places_orth if _cased(word) else self.places_lower
            matcher.add(country, [make_doc(word)])

    def actor_spans(self, doc: Doc) -> list[tuple[Span, Alias]]:
        spans = []
        for match_id, start, end in list(self.lower(doc)) + list(self.orth(doc)):
            if _in_coalition_with(doc, start, end) or _opposed(doc, start) or _first_half(doc, end):
                continue
            spans.append(Span(doc, start, end, label=match_id))
        # of two aliases with the same words the earlier table row wins: the matchers' own order
        # follows label hashes, which change whenever an analyst inserts a row
        spans.sort(key=lambda span: self.by_id[span.label].key)
        return [(span, self.by_id[span.label]) for span in filter_spans(spans)]

    def country_spans(self, doc: Doc) -> list[Span]:
        spans = [Span(doc, s, e, label=m) for m, s, e in
                 list(self.places_lower(doc)) + list(self.places_orth(doc))]
        return filter_spans(spans)


def _in_coalition_with(doc: Doc, start: int, end: int) -> bool:
    """"APCLS, in coalition with Nyatura": an alliance between named groups, no coalition actor."""
    return (end - start == 1 and doc[start].lower_ == "coalition" and start > 0
            and doc[start - 1].lower_ == "in" and end < len(doc) and doc[end].lower_ == "with")


def _opposed(doc: Doc, start: int) -> bool:
    """"anti-Houthi forces": the words name the side against the actor, never the actor."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "anti"


def _first_half(doc: Doc, end: int) -> bool:
    """"gang-raped", "military-style uniforms": the words describe a deed or a look, no actor
    (not_actor_halves.tsv)."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in load_not_actor_halves()


_CACHE: dict[tuple[int, str | None], Matchers] = {}


def matchers_for(nlp, model_dir: str | None = None) -> Matchers:
    """One Matchers per vocabulary (and model directory) in this process: building them
    parses ~800 phrases."""
    key = (id(nlp.vocab), model_dir)
    if key not in _CACHE:
        _CACHE[key] = Matchers(nlp.vocab, nlp.make_doc, model_dir)
    return _CACHE[key]


def _attached_country(doc: Doc, span: Span, by_start: dict[int, Span], by_end: dict[int, Span],
                      entry_bridges: bool = False) -> tuple[int, int, str | None]:
    """(start, end, country) of the actor span widened over "Syrian ..." or "... of (the) Syria";
    `entry_bridges`: a word may stand between the demonym and the span (named state forces, not
    words like "forces" or "drones" that count only with a country: "Tunisian police forces")."""
    start, end = span.start, span.end
    before = by_end.get(span.start)  # a country span ending where the actor starts
    if before is None and span.start >= 1 and _modifier(doc[span.start - 1]) and entry_bridges:
        before = by_end.get(span.start - 1)  # "Turkish border police", "Kenyan riot police"
    if before is not None:
        return before.start, end, before.label_
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        after = end + 1
        if after < len(doc) and doc[after].lower_ == "the":
            after += 1
        found = by_start.get(after)
        if found is not None:
            return start, found.end, found.label_
    return start, end, None


def _its_country(span: Span, country_spans: list[Span]) -> str | None:
    """"Turkey said its warplanes struck ...": "its" forces are those of the country that is the
    subject of the sentence (the report names no demonym for them)."""
    if span.start == 0 or span.doc[span.start - 1].lower_ != "its":
        return None
    sent = span.sent
    subjects = [c for c in country_spans if sent.start <= c.start < span.start
                and c.root.dep_ == "nsubj" and c.text.lower() == c.label_.lower()]
    return subjects[-1].label_ if subjects else None


def _modifier(token) -> bool:
    """A lowercase word between a demonym and the forces it qualifies ("border", "riot")."""
    return token.is_alpha and token.is_lower and token.lower_ not in ("and", "or", "of", "the")


def _coordinated_country(doc: Doc, start: int, end: int, span: Span, by_start: dict[int, Span],
                         by_end: dict[int, Span]) -> Span | None:
    """The second country of "Burundian and Rwandan soldiers" or "forces of India and Pakistan":
    the same kind of state forces, of another country."""
    if start < span.start and start >= 2 and doc[start - 1].lower_ == "and":
        return by_end.get(start - 1)
    if end > span.end and end + 1 < len(doc) and doc[end].lower_ == "and":
        after = end + 1
        if doc[after].lower_ == "the" and after + 1 < len(doc):
            after += 1
        return by_start.get(after)
    return None


def guess_country(found: list[Found], free_countries: list[str]) -> str | None:
    """The country the report is about, from what the actors stage can see.

    Country words outside actor phrases count most ("in Sumqayit, Azerbaijan"); countries that
    non-state aliases imply ("Houthis" -> Yemen) next; state forces' own country least, since
    foreign forces are often the ones named ("Russian warplanes").
    """
    votes: Counter[str] = Counter()
    for country in free_countries:
        votes[country] += 2.0
    for item in found:
        country = item.mention.country
        if not country:
            continue
        votes[country] += 0.5 if item.alias.is_state else 1.0
    if not votes:
        return None
    (best, score), *rest = votes.most_common()
    if rest and rest[0][1] == score:
        return None
    return best


def find_actors(doc: Doc, matchers: Matchers) -> tuple[list[Found], str | None]:
    """Actor mentions in text order, and the guessed country of the report."""
    # these build on Found, defined here
    from sitrep.actors.coded_as import apply_coded_as
    from sitrep.actors.militias import named_militias
    country_spans = matchers.country_spans(doc)
    by_start = {span.start: span for span in country_spans}
    by_end = {span.end: span for span in country_spans}
    used: set[int] = set()
    raw: list[tuple[int, int, Alias, str | None]] = []
    for span, entry in matchers.actor_spans(doc):
        bridges = entry.is_state and "needs_country" not in entry.flags
        start, end, country = _attached_country(doc, span, by_start, by_end, bridges)
        if country is None and entry.is_state:
            country = _its_country(span, country_spans)
        if country is None and entry.flags & {"needs_country"}:
            continue
        if start < span.start or end > span.end:
            used.update(range(start, end))
        raw.append((start, end, entry, country or entry.country))
        if country is not None and entry.is_state:
            other = _coordinated_country(doc, start, end, span, by_start, by_end)
            if other is not None:
                used.update(range(other.start, other.end))
                raw.append((other.start, other.end, entry, other.label_))
    raw = _with_unlisted(doc, raw, {i for span in country_spans for i in range(span.start, span.end)})
    actor_tokens = {i for start, end, *_ in raw for i in range(start, end)}
    free = [span.label_ for span in country_spans
            if span.start not in actor_tokens and span.start not in used]

    # "Turkey and Russia conducted a joint patrol": a country acting is its state forces
    for span in country_spans:
        if span.start in actor_tokens or span.text.lower() != span.label_.lower():
            continue
        if span.root.dep_ in ("nsubj", "agent") or (span.root.dep_ == "conj" and span.root.head.dep_ == "nsubj"):
            raw.append((span.start, span.end, matchers.country_state, span.label_))
            free.remove(span.label_)
    raw.sort(key=lambda row: row[0])

    found: list[Found] = []
    for start, end, entry, country in raw:
        span = doc[start:end]
        mention = ActorMention(span.start_char, span.end_char, span.text, entry.name,
                               entry.inter, country, str(entry.key))
        found.append(Found(mention, span, entry, is_speaker(span)))
    found = apply_coded_as(named_militias(_drop_generic_heads(_drop_expansions(found))))
    # "@" names vote only with a country of their own ("regime": Syria)
    doc_country = guess_country([f for f in found if not f.mention.name.startswith("@") or f.alias.country], free)
    return _resolve(found, doc_country), doc_country


def _with_unlisted(doc: Doc, raw: list[tuple[int, int, Alias, str | None]],
                   countries: set[int]) -> list[tuple[int, int, Alias, str | None]]:
    """Add groups the table does not list ("RF militants"); they replace the generic word
    they contain ("militants") but never a listed name."""
    from sitrep.actors.unlisted import unlisted_groups
    # generic words, and a state's generic "Army" with no country ("the Sharqiya Army" is a group);
    # a contextual acronym ("AS" in Somalia) is a listed name, not a generic word
    generic = [row for row in raw if row[2].name.startswith("Unidentified") or "coref" in row[2].flags
               or (row[2].name.startswith("@") and not _cased(row[2].alias))
               or (row[2].is_state and row[3] is None and doc[row[0]].is_title)]
    taken = countries | {i for row in raw if row not in generic for i in range(row[0], row[1])}
    extra = unlisted_groups(doc, taken)
    if not extra:
        return raw
    inside = {i for start, end, _ in extra for i in range(start, end)}
    kept = [row for row in raw if row not in generic or not inside & set(range(row[0], row[1]))]
    return kept + [(start, end, alias, None) for start, end, alias in extra]


def _resolve(found: list[Found], doc_country: str | None) -> list[Found]:
    """Fill countries, resolve "@contextual" names and anaphors, set home/abroad inter."""
    contextual = load_contextual()
    resolved: list[Found] = []
    for item in found:
        mention, entry = item.mention, item.alias
        if mention.name == "@group":
            antecedent = next((f for f in reversed(resolved)
                               if f.mention.inter in _ARMED and f.mention.inter != 1
                               and "observer" not in f.flags and not f.speaker), None)
            if antecedent is None:
                continue
            mention.name, mention.inter = antecedent.mention.name, antecedent.mention.inter
            mention.country, mention.key = antecedent.mention.country, antecedent.mention.key
        elif "coref" in entry.flags:
            # "6 militants" after "Taliban militants" are the Taliban's; alone, unidentified
            antecedent = next((f for f in reversed(resolved) if f.mention.inter in (2, 3, 4)
                               and not generic_mention(f) and not f.speaker), None)
            if antecedent is not None:
                mention.name, mention.inter = antecedent.mention.name, antecedent.mention.inter
                mention.country, mention.key = antecedent.mention.country, antecedent.mention.key
        if mention.name.startswith("@") and mention.name != "@group":
            options = contextual.get(mention.name, {})
            present = {f.mention.name.split(" (")[0] for f in resolved}
            by_country = options.get(doc_country or "")
            choice = by_country or next(
                (value for key, value in options.items() if key in present), None) or options.get("*")
            if choice is None:
                continue
            if by_country is None and doc_country and mention.country == entry.country != doc_country:
                # "quarantine regime" in Azerbaijan: the country the alias implies does not hold
                mention.country = None
            mention.name, mention.inter = choice
        if entry.is_state and mention.country and doc_country:
            # ACLED: a state's forces acting abroad are external forces (8)
            mention.inter = 1 if mention.country == doc_country else 8
        mention.name = fill_country(mention.name, mention.country)
        resolved.append(item)
    return _merge_adjacent(resolved)


def _drop_expansions(found: list[Found]) -> list[Found]:
    """"EPP (Paraguayan People's Army)", "the Islamic State (ISIS/ISIL)": a bracketed name right
    after a named actor spells that actor out; it is no second actor ("Paraguayan ... Army")."""
    keep: list[Found] = []
    for item in found:
        doc, start = item.span.doc, item.span.start
        opened = next((i for i in range(start - 1, max(start - 8, -1), -1) if doc[i].text in "()"), None)
        opened = opened if opened is not None and doc[opened].text == "(" else None
        previous = keep[-1] if keep else None
        coded = opened is not None and any(t.lower_ == "coded" for t in doc[opened:start])
        if (opened is not None and previous is not None and not generic_mention(previous)
                and previous.span.end == opened and not coded):  # "(coded as X)": coded_as.py
            continue
        keep.append(item)
    return keep


def generic_mention(item: Found) -> bool:
    """A word for a kind of actor ("militants", "troops"), not a named one ("Islamic State (...)")."""
    name = item.alias.name
    return (" of {country}" in name or name.startswith(("Unidentified", "@rebels", "@militia"))
            or "coref" in item.alias.flags or item.alias.inter in (5, 6, 7))


def _drop_generic_heads(found: list[Found]) -> list[Found]:
    """"Daesh (ISIS) terrorists", "the NAF rebel forces": the generic word is the named group.

    Not across a coordination ("the Islamic State and Syrian forces") and not when the generic
    phrase names its own country.
    """
    named = [f for f in found if not generic_mention(f) and f.alias.name != "@group"]
    keep = []
    for item in found:
        root = item.span.root
        absorbed = False
        if generic_mention(item) and not (item.mention.country and item.alias.is_state):
            for other in named:
                if other.span.end > item.span.start:
                    continue
                between = item.span.doc[other.span.end:item.span.start]
                if any(t.lower_ in ("and", "or", ",", "against", "with") for t in between):
                    continue
                head = other.span.root.head
                if other.span.end == item.span.start or head.i == root.i or (
                        root.dep_ in ("compound", "amod") and root.head.i == head.i):
                    absorbed = True
                    break
        if not absorbed and generic_mention(item) and not item.mention.country:
            absorbed = any(_members_of(item, other) for other in named)
        if not absorbed:
            keep.append(item)
    return keep


def _members_of(item: Found, other: Found) -> bool:
    """"drug traffickers of the Comando Vermelho", "fighters from Al Shabaab": the generic
    word names the members of the group that follows."""
    between = [t.lower_ for t in item.span.doc[item.span.end:other.span.start]]
    return between in (["of"], ["of", "the"], ["from"], ["from", "the"])


def _merge_adjacent(found: list[Found]) -> list[Found]:
    """"Nigerian Army troops" matches twice; keep one mention over both."""
    merged: list[Found] = []
    for item in found:
        last = merged[-1] if merged else None
        if (last is not None and item.span.start <= last.span.end
                and item.mention.inter == last.mention.inter
                and (last.mention.name == item.mention.name or last.alias.name == item.alias.name)):
            doc = item.span.doc
            span = doc[last.span.start:item.span.end]
            last.span = span
            last.mention.start, last.mention.end, last.mention.text = span.start_char, span.end_char, span.text
            if last.mention.country is None and item.mention.country is not None:
                last.mention.name, last.mention.country = item.mention.name, item.mention.country
            continue
        merged.append(item)
    return merged
