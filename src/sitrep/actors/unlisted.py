"""Named armed groups that aliases.tsv does not list: an acronym with a word for armed members
("RPRC militiamen", "RF militants"), or a full name spelled out beside its acronym ("the
National Liberation Army (ELN)", "EPP (Paraguayan People's Army)"). Reports from a country the
table has not met name their groups this way; ACLED codes them by their own names.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from sitrep.actors.table import Alias, _rows, load_demonyms

DATA = Path(__file__).resolve().parent / "unlisted.tsv"
# lowercase words inside a full name ("Front for the Liberation of ...")
_CONNECTORS = {"of", "the", "for", "and", "de", "del", "des", "du", "la", "al", "el", "in", "-", "'s", "’s"}
# capitalised words for people that may open the phrase before a name ("Members of the ...")
_PEOPLE = {"members", "member", "supporters", "leaders", "leader", "commander", "commanders"}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&-]{1,9}$")
# alias keys of the made-up rows: negative, apart from the table's row numbers
_KEY = -100


@lru_cache(maxsize=2)
def load_unlisted(path: str | None = None) -> tuple[dict[str, int], dict[str, int], frozenset[str]]:
    """(member word -> inter, head word -> inter, acronyms that are never groups)."""
    members: dict[str, int] = {}
    heads: dict[str, int] = {}
    skip: set[str] = set()
    for row in _rows(Path(path) if path else DATA):
        kind, word = row[0], row[1]
        if kind == "member":
            members[word] = int(row[2])
        elif kind == "head":
            heads[word] = int(row[2])
        elif kind == "skip":
            skip.add(word)
    return members, heads, frozenset(skip)


@lru_cache(maxsize=2)
def load_bodies(path: str | None = None) -> dict[str, tuple[int, bool]]:
    """Body word -> (inter, also after an acronym): words for a named group's people that say
    nothing of its kind ("Southern Resistance forces", "members of Ahrar al Sharqiyah")."""
    return {row[1]: (int(row[2]), "names" not in row[3:]) for row in _rows(Path(path) if path else DATA)
            if row[0] == "body"}


@lru_cache(maxsize=2)
def load_offices(path: str | None = None) -> frozenset[str]:
    """Words that make a capitalised name a state body or an institution, never an armed group."""
    return frozenset(row[1].lower() for row in _rows(Path(path) if path else DATA) if row[0] == "office")


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2 and text not in load_unlisted()[2]


def _name_before(doc: Doc, end: int) -> int | None:
    """Start of the capitalised name ending just before token `end`, or None."""
    i, start = end - 1, None
    while i >= 0 and (doc[i].is_title or doc[i].is_upper or doc[i].lower_ in _CONNECTORS):
        if doc[i].is_title or doc[i].is_upper:
            start = i
        i -= 1
    # "Members of the Zamunda Liberation Front (ZLF)": the people are no part of the name
    members = load_unlisted()[0]
    while start is not None and start < end - 1 and (doc[start].lower_ in members or doc[start].lower_ in _PEOPLE
                                                      or doc[start].lower_ in _CONNECTORS):
        start += 1
    return start


def _name_after(doc: Doc, start: int) -> int | None:
    """End of the capitalised name starting at token `start` and closed by ")", or None."""
    i = start
    while i < len(doc) and (doc[i].is_title or doc[i].is_upper or doc[i].lower_ in _CONNECTORS):
        i += 1
    return i if i > start and i < len(doc) and doc[i].text == ")" else None


def _inter(words: list[str], heads: dict[str, int]) -> int | None:
    found = [heads[w] for w in words if w in heads]
    return min(found) if found else None  # a "Liberation Army" is rebels, even if a "Party"


def _definitions(doc: Doc) -> list[tuple[int, int, str, str, int]]:
    """(start, end, acronym, full name, inter) of "Full Name (ACR)" and "ACR (Full Name)"."""
    _, heads, _ = load_unlisted()
    out = []
    for token in doc:
        if token.text != "(" or token.i == 0 or token.i + 2 >= len(doc):
            continue
        i = token.i
        if is_acronym(doc[i + 1].text) and doc[i + 2].text == ")":
            start = _name_before(doc, i)
            if start is not None:
                words = [t.text for t in doc[start:i]]
                inter = _inter(words, heads)
                if inter is not None:
                    out.append((start, i + 3, doc[i + 1].text, doc[start:i].text, inter))
                    continue
        if is_acronym(doc[i - 1].text):
            end = _name_after(doc, i + 1)
            if end is not None:
                inter = _inter([t.text for t in doc[i + 1:end]], heads)
                if inter is not None:
                    out.append((i - 1, end + 1, doc[i - 1].text, doc[i + 1:end].text, inter))
    return out


def unlisted_groups(doc: Doc, taken: set[int]) -> list[tuple[int, int, Alias]]:
    """(start, end, alias) of every mention of a group the table does not list, outside `taken`."""
    members, _, _ = load_unlisted()
    spans: list[tuple[int, int, str, int]] = []
    named: dict[str, tuple[str, int]] = {}
    for start, end, acronym, full, inter in _definitions(doc):
        named.setdefault(acronym, (f"{acronym}: {full}", inter))
        spans.append((start, end, acronym, inter))
    # body words an acronym may take too (unlisted.tsv): none by default, "FARDC forces" and
    # "SSPC members" are as often a state's as a group's
    words = {**{w: inter for w, (inter, acronyms) in load_bodies().items() if acronyms}, **members}
    for token in doc[:-1]:
        after = doc[token.i + 1]
        if is_acronym(token.text) and after.lower_ in words:
            named.setdefault(token.text, (token.text, words[after.lower_]))
            spans.append((token.i, token.i + 2, token.text, words[after.lower_]))
    titled = _titled_groups(doc, members, taken) + _bodies(doc, taken) + _named_heads(doc, taken)
    for start, end, key, name, inter in titled:
        named.setdefault(key, (name, inter))
        spans.append((start, end, key, inter))
    covered = {i for start, end, *_ in spans for i in range(start, end)}
    for token in doc:  # later bare mentions of a group the report introduced
        if token.text in named and token.i not in covered:
            spans.append((token.i, token.i + 1, token.text, named[token.text][1]))
    out = []
    for start, end, acronym, _ in sorted(spans, key=lambda span: (span[0], -span[1])):  # longest first
        if taken & set(range(start, end)) or (out and start < out[-1][1]):
            continue
        name, inter = named[acronym]
        out.append((start, end, Alias(_KEY, doc[start:end].text, name, inter, None, frozenset())))
    return out


# capitalised words before a member word that are no name ("Unknown gunmen", "Suspected militants")
_NOT_NAMES = {"unknown", "unidentified", "suspected", "armed", "local", "rival", "several", "some",
              "two", "three", "many", "other", "alleged", "presumed", "islamist", "islamic", "jihadist",
              "the", "a", "an", "these", "those", "both", "all", "former", "militia", "dozens",
              # kind words: "Tiv and Ichen Ethnic Militias" is find.py's (one militia per name)
              "ethnic", "communal", "tribal", "clan", "caste", "indigenous",
              "government", "state", "security", "opposition", "rebel", "police", "army", "military",
              # a state's units: "Special Forces fighter" is no group called "Special Forces"
              "forces", "force", "guard", "guards", "unit", "units", "troops", "soldiers",
              # whose forces: "Coalition forces", "Allied forces", "Regime forces"
              "gendarmerie", "special", "coalition", "federal", "navy", "regime", "allied", "foreign",
              "international", "enemy", "loyalist", "regular", "paramilitary", "peacekeeping"}
# entity labels that make the name a place (a communal militia) or a people (an ethnic one)
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _titled_groups(doc: Doc, members: dict[str, int], taken: set[int]) -> list[tuple[int, int, str, str, int]]:
    """(start, end, key, name, inter) of "<Name> <member word>": "Dahalo militiamen" is the
    Dahalo Militia, "Okpanam militia" (a place) Okpanam's communal militia, a people's
    militia its ethnic militia."""
    out = []
    for token in doc[1:]:
        if token.lower_ not in members or token.i in taken:
            continue
        start = token.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha \
                and doc[start - 1].lower_ not in _NOT_NAMES and doc[start - 1].i not in taken \
                and not doc[start - 1].is_stop and start > token.i - 3:
            start -= 1
        joined = start - 2 if start >= 2 and doc[start - 1].text == "-" else start - 1
        if start == token.i or (joined >= 0 and joined in taken):
            continue  # "Raia Mutomboki Lukoba militiamen": a faction of a listed group is that group
        words = doc[start:token.i].text
        labels = {t.ent_type_ for t in doc[start:token.i]}
        if labels & _PLACE_LABELS:
            out.append((start, token.i + 1, words, f"{words} Communal Militia ({{country}})", 4))
        elif "NORP" in labels:
            out.append((start, token.i + 1, words, f"{words} Ethnic Militia ({{country}})", 4))
        elif token.lower_.startswith("militia"):
            out.append((start, token.i + 1, words, f"{words} Militia", members[token.lower_]))
        else:
            out.append((start, token.i + 1, words, words, members[token.lower_]))
    return out


def _bodies(doc: Doc, taken: set[int]) -> list[tuple[int, int, str, str, int]]:
    """(start, end, key, name, inter) of "<Name> forces", "members of <Name>": a capitalised name
    that is no place, people, person or state body ("the Southern Resistance forces") names its
    group; "Tigray forces", "Joint Task forces" or "members of the Electoral Commission" are
    left to the tables."""
    bodies = load_bodies()
    out = []
    for token in doc[1:]:
        if token.lower_ not in bodies or token.i in taken:
            continue
        inter = bodies[token.lower_][0]
        after = _name_of(doc, token.i + 1, taken)
        if after is not None:
            words = doc[after[0]:after[1]].text
            out.append((token.i, after[1], words, words, inter))
            continue
        start = token.i
        while start > 0 and start > token.i - 4 and doc[start - 1].is_title and doc[start - 1].is_alpha \
                and not doc[start - 1].is_stop and doc[start - 1].i not in taken:
            start -= 1
        # one word is too often a leader or a people the tagger missed ("Hadi forces")
        if token.i - start < 2 or (start > 0 and start - 1 in taken) or not _a_name(doc[start:token.i]):
            continue
        words = doc[start:token.i].text
        out.append((start, token.i + 1, words, words, inter))
    return out


# entity labels of a name that is no group's: places, peoples, persons (a leader's forces are
# mostly the state's or a faction the tables know), dates ("Tuesday forces ...")
_NO_GROUP_LABELS = _PLACE_LABELS | {"NORP", "PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL"}


def _a_name(words) -> bool:
    """The capitalised words name a group of their own: none is a kind, office or state word."""
    lowered = {t.lower_ for t in words}
    return not (lowered & (_NOT_NAMES | load_offices() | _countries())
                or {t.ent_type_ for t in words} & _NO_GROUP_LABELS)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Country words (demonyms.tsv), lowercased: "forces of Mozambique" when the tagger missed it."""
    return frozenset(word.lower() for word in load_demonyms())


def _name_of(doc: Doc, at: int, taken: set[int]) -> tuple[int, int] | None:
    """(start, end) of the organisation's name in "of (the) Name" from token `at` ("members of
    Ahrar al Sharqiyah"), or None for no name, a place, a people or a state body."""
    if at >= len(doc) or doc[at].lower_ != "of":
        return None
    start = at + 1 + (at + 1 < len(doc) and doc[at + 1].lower_ == "the")
    end = start
    while end < len(doc) and end - start < 5 and end not in taken and (
            (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha
            or (end > start and doc[end].lower_ in ("al", "el", "ad", "as", "ash", "ar", "de"))):
        end += 1
    while end > start and not (doc[end - 1].is_title or doc[end - 1].is_upper):
        end -= 1  # a trailing particle
    if end == start or not _a_name(doc[start:end]):
        return None
    if end - start == 1 and doc[start].is_upper:
        return None  # "members of the SSPC": an unlisted acronym is as often a state agency
    if end < len(doc) and doc[end].text in ("-", "("):
        return None  # "a Chand-led outfit"; "the ... Front (ZLF)" is spelled out, see _definitions
    if end < len(doc) and doc[end].pos_ == "NOUN":
        return None  # "members of the Boor clan": the name only says which clan
    return start, end


# the words that end a group's own name; brigades and battalions are mostly the state's units
_GROUP_HEADS = {"Army", "Front", "Movement"}
# words that alone before "Army" or "Front" name no group ("National Army", "Popular Front")
_PLAIN = {"national", "royal", "popular", "people", "regular", "special", "armed", "federal",
          "republican", "revolutionary", "new", "united", "free", "democratic", "liberation", "islamic"}


def _named_heads(doc: Doc, taken: set[int]) -> list[tuple[int, int, str, str, int]]:
    """(start, end, key, name, inter) of "<Name> Army", "<Name> Front": a capitalised name before a
    group word ("the Sharqiya Army", "the Arakan Army") is a group of that name, not the state's
    army; a country before it ("Afghan National Army") makes it the state's."""
    _, heads, _ = load_unlisted()
    out = []
    for token in doc[1:]:
        if token.text not in _GROUP_HEADS or not token.is_title or token.i in taken:
            continue
        start = token.i
        while start > 0 and start > token.i - 4 and doc[start - 1].is_title and doc[start - 1].is_alpha \
                and not doc[start - 1].is_stop and doc[start - 1].lower_ not in _NOT_NAMES \
                and doc[start - 1].i not in taken:
            start -= 1
        words = [t.lower_ for t in doc[start:token.i]]
        if not words or all(w in _PLAIN for w in words) or (start > 0 and start - 1 in taken):
            continue
        name = doc[start:token.i + 1].text
        inter = _inter([t.text for t in doc[start:token.i + 1]], heads) or heads[token.text]
        out.append((start, token.i + 1, name, name, inter))
    return out
