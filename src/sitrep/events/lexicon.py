"""The events stage's knowledge: trigger rows (triggers.tsv) and sentence rules (rules.json).

Both are data so an analyst can extend them without Python; this module only loads them and
finds trigger spans in one pass over the tokens.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

HERE = Path(__file__).resolve().parent
TRIGGERS = HERE / "triggers.tsv"
RULES = HERE / "rules.json"
GAP = "..."   # pattern word: up to MAX_GAP tokens in between
MAX_GAP = 3
NUMBER = "#num"  # in a word list: any number ("arrested 12")
PERSON = "#person"  # in a word list: a person's name or age ("killed Juan Perez", "killed a 24-year-old")


@dataclass(frozen=True)
class WordSet:
    """Lemmas ("kill") and lemma/POS pairs ("force/VERB") to look for among tokens."""

    lemmas: frozenset[str] = frozenset()
    tagged: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def parse(cls, text: str, lists: dict[str, list[str]] | None = None) -> WordSet:
        """'a|b|force/VERB'; '@name' stands for the word list `name` of rules.json."""
        lemmas, tagged = set(), set()
        words: list[str] = []
        for word in (w.strip().lower() for w in text.split("|")):
            if word.startswith("@"):
                if not lists or word[1:] not in lists:
                    raise ValueError(f"unknown word list {word!r}")
                words += [w.lower() for w in lists[word[1:]]]
            else:
                words.append(word)
        for word in words:
            if not word or word == "-":
                continue
            if "/" in word and not word.startswith("/"):
                lemma, pos = word.rsplit("/", 1)
                tagged.add((lemma, pos.upper()))
            else:
                lemmas.add(word)
        return cls(frozenset(lemmas), frozenset(tagged))

    def __bool__(self) -> bool:
        return bool(self.lemmas or self.tagged)

    def hits(self, tokens: Sequence[Token]) -> bool:
        return self.hits_bag(Bag.of(tokens))

    def hits_bag(self, bag: Bag) -> bool:
        if (bag.number and NUMBER in self.lemmas) or (bag.person and PERSON in self.lemmas):
            return True
        return not self.lemmas.isdisjoint(bag.keys) or not self.tagged.isdisjoint(bag.tagged)


@dataclass
class Bag:
    """The words of a stretch of text as a WordSet looks them up: built once, tested often."""

    keys: set[str] = field(default_factory=set)
    tagged: set[tuple[str, str]] = field(default_factory=set)
    number: bool = False
    person: bool = False

    @classmethod
    def of(cls, tokens: Sequence[Token], doc_keys: Sequence[set[str]] | None = None) -> Bag:
        bag = cls()
        for token in tokens:
            keys = doc_keys[token.i] if doc_keys is not None else token_keys(token)
            bag.keys |= keys
            bag.tagged |= {(key, token.pos_) for key in keys}
            bag.number = bag.number or token.like_num
            bag.person = bag.person or _person(token)
        return bag

    def __or__(self, other: Bag) -> Bag:
        return Bag(self.keys | other.keys, self.tagged | other.tagged, self.number or other.number,
                   self.person or other.person)


def _person(token: Token) -> bool:
    """A person named in full ("Juan Perez": a one-word PERSON, or one in brackets like "(Musawa LGA,
    Katsina)", is often a place the tagger did not know), or by age: "a 24-year-old" (the parser
    makes "old" the noun)."""
    if token.ent_type_ == "PERSON":
        doc = token.doc
        return any(ent.start <= token.i < ent.end and len(ent) > 1
                   and (ent.start == 0 or doc[ent.start - 1].text != "(") for ent in doc.ents)
    return (token.lower_ == "old" and token.dep_ not in ("amod", "acomp")
        and any(child.lower_ == "year" for child in token.children))


@dataclass(frozen=True)
class Trigger:
    """One row of triggers.tsv."""

    words: tuple[str, ...]
    sub_event_type: str
    weight: float
    context: WordSet = field(default_factory=WordSet)
    target: WordSet = field(default_factory=WordSet)
    agent: WordSet = field(default_factory=WordSet)
    block: WordSet = field(default_factory=WordSet)
    line: int = 0

    @property
    def pattern(self) -> str:
        return " ".join(self.words)

    def retyped(self, sub_event_type: str) -> Trigger:
        """The same words and weight read as another sub-type (its conditions already met)."""
        return Trigger(words=self.words, sub_event_type=sub_event_type, weight=self.weight, line=self.line)


MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"})
MONTH_KEY = "#month"  # what a month of a date stands for: no trigger or context word


def token_keys(token: Token) -> set[str]:
    """What a pattern word may equal: the lemma (when the model set one) or the lowercase form."""
    # "On 4 March 2021" or "since March": a month, not a march of protesters
    if token.lower_ in MONTHS and token.is_title and (token.ent_type_ == "DATE" or _beside_number(token)):
        return {MONTH_KEY}
    keys = {token.lower_}
    if token.lemma_:
        keys.add(token.lemma_.lower())
    # capitalised plurals ("Grad Missiles") are proper nouns to the tagger and keep their "s"
    if token.is_title and token.lower_.endswith("s") and not token.lower_.endswith("ss"):
        keys.add(token.lower_[:-1])
    return keys


def _beside_number(token: Token) -> bool:
    doc, i = token.doc, token.i
    return (i > 0 and doc[i - 1].like_num) or (i + 1 < len(doc) and doc[i + 1].like_num)


def read_triggers(path: Path = TRIGGERS, lists: dict[str, list[str]] | None = None) -> list[Trigger]:
    rows: list[Trigger] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if any(cell.strip() for cell in cells[7:]):
            raise ValueError(f"{path.name}:{number}: more than 7 tab-separated columns")
        cells += [""] * 7
        pattern, sub_type, weight = cells[0].strip().lower(), cells[1].strip(), cells[2].strip()
        if not pattern or not sub_type:
            raise ValueError(f"{path.name}:{number}: needs a pattern and a sub-event type")
        rows.append(Trigger(
            words=tuple(pattern.split()), sub_event_type=sub_type,
            weight=float(weight or 1.0), context=WordSet.parse(cells[3], lists),
            target=WordSet.parse(cells[4], lists), agent=WordSet.parse(cells[5], lists),
            block=WordSet.parse(cells[6], lists), line=number,
        ))
    return rows


@dataclass
class Rules:
    """rules.json, with the lookups the component needs."""

    raw: dict
    type_of: dict[str, str]

    def __getattr__(self, name: str):
        try:
            return self.raw[name]
        except KeyError as error:
            raise AttributeError(name) from error


def read_rules(path: Path = RULES) -> Rules:
    raw = json.loads(path.read_text(encoding="utf-8"))
    type_of = {sub: event_type for event_type, subs in raw["taxonomy"].items() for sub in subs}
    for key in ("modals", "blockers", "negators", "non_events"):
        raw[key] = WordSet.parse("|".join(raw[key]))
    return Rules(raw=raw, type_of=type_of)


class TriggerIndex:
    """Trigger rows indexed by their first word: one pass over the tokens finds every span."""

    def __init__(self, rows: Sequence[Trigger]) -> None:
        self.by_first: dict[str, list[Trigger]] = {}
        for row in rows:
            self.by_first.setdefault(row.words[0], []).append(row)

    def spans(self, doc: Doc, keys: list[set[str]] | None = None) -> Iterator[tuple[int, int, Trigger]]:
        """(start token, end token, row) for every row whose pattern matches."""
        keys = keys if keys is not None else [token_keys(token) for token in doc]
        for i, first in enumerate(keys):
            for word in first:
                for row in self.by_first.get(word, ()):
                    end = _match(keys, i + 1, row.words[1:])
                    if end is not None:
                        yield i, end, row


def _match(keys: list[set[str]], i: int, words: Sequence[str]) -> int | None:
    """The end token of `words` matched from token i (GAP skips up to MAX_GAP tokens)."""
    if not words:
        return i
    word, rest = words[0], words[1:]
    if word == GAP:
        for skip in range(MAX_GAP + 1):
            end = _match(keys, i + skip, rest)
            if end is not None:
                return end
        return None
    if i < len(keys) and word in keys[i]:
        return _match(keys, i + 1, rest)
    return None


@lru_cache(maxsize=4)
def load(triggers: str = str(TRIGGERS), rules: str = str(RULES)) -> tuple[TriggerIndex, Rules]:
    """Both data files, read once per process; unknown sub-types are an error, not a silent miss."""
    parsed = read_rules(Path(rules))
    rows = read_triggers(Path(triggers), parsed.raw.get("lists", {}))
    for row in rows:
        if row.sub_event_type not in parsed.type_of:
            raise ValueError(f"triggers.tsv:{row.line}: unknown sub-event type {row.sub_event_type!r}")
    return TriggerIndex(rows), parsed
