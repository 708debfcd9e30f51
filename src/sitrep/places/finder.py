"""Find toponym spans: spaCy NER plus a gazetteer phrase matcher for names NER misses.

The small English model labels villages as PERSON and Aleppo as NORP, so those labels are kept
as weak spans that must match the gazetteer well; capitalised word runs that NER missed are
kept when they name a place and a cue ("in", "village of", "province") or a proper-noun tag
supports them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from sitrep.gazetteer.normalize import name_key

DATA = Path(__file__).parent / "data"


def data_rows(name: str, width: int) -> list[list[str]]:
    """The rows of a tab-separated file in data/ (blank and '#' lines skipped), each padded
    with empty cells to `width` columns and stripped."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in (line.split("\t") + [""] * width)[:width]])
    return rows

STRONG_LABELS = {"GPE", "LOC", "FAC"}
WEAK_LABELS = {"PERSON", "NORP", "ORG"}
EMBEDDING_LABELS = {"ORG", "FAC"}
MAX_WORDS = 5
# lowercase words allowed inside a name (Deir ez-Zor, Bosnia and Herzegovina, Rio de Janeiro)
_INNER = {"al", "el", "ez", "es", "ed", "ad", "ar", "as", "ash", "at", "az", "an", "de", "del",
          "da", "do", "dos", "das", "di", "du", "la", "le", "les", "los", "of", "and", "bin",
          "ibn", "abu", "um", "umm", "-", "'", "’", "sur", "upon", "on"}


@dataclass
class Span:
    """A candidate toponym, in character offsets."""

    start: int
    end: int
    text: str
    key: str
    source: str                 # ner-strong | ner-weak | matcher | embedded
    label: str = ""
    cue_before: str = ""        # lowercase word before the name, when a location cue
    noun_after: str = ""        # "province", "village", ... right after the name
    possessive: bool = False    # "'s" follows: "the Denny's family restaurant"
    role: str = ""              # "modifier" ("Kurdish militia") or "noun"; "" when unparsed
    list_head: int = -1         # a list item's first item, as a character offset: "Žilina, Nitra"
    in_actor: bool = False      # inside an actor's words: "Saudi-led coalition", "the Hadi government"


@lru_cache(maxsize=1)
def cues() -> dict[str, set[str]]:
    table = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    return {k: set(v) for k, v in table.items() if not k.startswith("_")}


def _is_cap(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


def _context(doc: Doc, start_tok: int, end_tok: int) -> tuple[str, str]:
    """(cue word before, place noun after) around tokens [start_tok, end_tok)."""
    table = cues()
    before = ""
    i = start_tok - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 0:
        word = doc[i].lower_
        if word == "of" and i > 0 and doc[i - 1].lower_ in table["place_nouns"]:
            before = doc[i - 1].lower_ + " of"
        elif word in table["before"]:
            before = word
    after = ""
    if end_tok < len(doc) and doc[end_tok].lower_ in table["place_nouns"]:
        after = doc[end_tok].lower_
    return before, after


def _role(doc: Doc, end_tok: int) -> str:
    """Whether the name ending before `end_tok` modifies a noun ("Danish developer", "German,
    Irish and other immigrants") or stands as a noun ("the Irish", "in English")."""
    if not doc.has_annotation("DEP"):
        return ""
    token = doc[end_tok - 1]
    modifiers = cues()["modifier_deps"]
    if token.dep_ == "conj":
        token = token.head
    return "modifier" if token.dep_ in modifiers else "noun"


def _list_head(doc: Doc, end_tok: int) -> int:
    """Start of the first item of the list the name ending before `end_tok` belongs to
    ("Žilina, Nitra, Prešov and Košice": Žilina for each), or -1."""
    if not doc.has_annotation("DEP"):
        return -1
    token = doc[end_tok - 1]
    if token.dep_ != "conj":
        return -1
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.idx


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the' and a trailing possessive or place noun from an entity."""
    table = cues()
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’")
                           or doc[end - 1].lower_ in table["admin_nouns"]):
        end -= 1
    return start, end


_POSSESSIVES = ("'s", "’s")
_SEPARATORS = (",", "(", ")", ";")


def _segments(doc: Doc, first: int, last: int, cuts: tuple[str, ...]):
    """(start, end) token ranges of tokens `first`..`last` (exclusive) between those in `cuts`."""
    start = first
    for i in range(first, last + 1):
        if i == last or doc[i].text in cuts:
            if i > start:
                yield start, i
            start = i + 1


def _place_ents(doc: Doc):
    return [ent for ent in doc.ents if ent.label_ in STRONG_LABELS or ent.label_ in WEAK_LABELS]


def _possessive_names(doc: Doc) -> dict[tuple[int, int], str]:
    """Name keys of the entity pieces that hold a possessive, keyed by their (start, end) tokens
    with a leading article trimmed: "Democratic People's Republic of Korea" may be one name."""
    pieces = {}
    for ent in _place_ents(doc):
        for start, end in _segments(doc, ent.start, ent.end, _SEPARATORS):
            if any(t.text in _POSSESSIVES for t in doc[start:end]):
                pieces[(start, end)] = name_key(doc[slice(*_trim(doc, start, end))].text)
    return pieces


def _parts(doc: Doc, whole: frozenset[tuple[int, int]] = frozenset()):
    """(entity, start, end) token ranges of place-like entities, split at commas, brackets and
    possessives: NER reads "Nis, Serbia", "Bamako (Bamako" and "Burma's Sagaing" as one name.
    A piece in `whole` (one the index knows with its possessive) is not split at it."""
    for ent in _place_ents(doc):
        for start, end in _segments(doc, ent.start, ent.end, _SEPARATORS):
            if (start, end) in whole:
                yield ent, start, end
                continue
            # "Burma's Sagaing Region": a possessive ends a name as a comma does
            for s_tok, e_tok in _segments(doc, start, end, _POSSESSIVES):
                yield ent, s_tok, e_tok


def _longer(doc: Doc, end: int) -> int:
    """Where a name ending at token `end` would end with the particle and capitalised words
    that follow it ("Mato Grosso" + "do Sul", "Bosnia" + "and Herzegovina"); `end` if none.
    The words may be an entity of their own: NER reads "Port of Spain" as "Port" and "Spain"."""
    j = end
    while j < len(doc) and j - end < 3 and doc[j].lower_ in _INNER and doc[j].text.islower():
        j += 1
    if j == end or j >= len(doc) or not _is_cap(doc[j]):
        return end
    first = j
    while j < len(doc) and j - end < 4 and _is_cap(doc[j]) and (j == first or doc[j].ent_iob_ != "B"):
        j += 1
    return j


def _earlier(doc: Doc, start: int) -> int:
    """Where a name that NER began at a lowercase particle ("el Ghazal") would begin with the
    capitalised words before it ("Western Bahr el Ghazal"); `start` if none."""
    if doc[start].lower_ not in _INNER or not doc[start].text.islower():
        return start
    i = start
    while i > 0 and start - i < 3 and _is_cap(doc[i - 1]):
        i -= 1
    return i


# a location cue inside an organisation's name: the name after it is where the organisation is
INNER_CUES = {"in", "at", "near"}


def find_spans(doc: Doc, known_keys) -> list[Span]:
    """Candidate toponyms of `doc`, in text order, not overlapping.

    `known_keys(keys) -> set` says which name keys the gazetteer knows (one call per doc).
    """
    not_places = cues()["not_places"]
    spans: list[Span] = []
    taken = [False] * len(doc)
    embedding: list[tuple[int, int]] = []  # ORG/FAC names that may hold a place name
    possessive = _possessive_names(doc)
    known_whole = known_keys(list(possessive.values())) if possessive else set()
    parts = list(_parts(doc, frozenset(r for r, key in possessive.items() if key in known_whole)))
    longer = {end: _longer(doc, end) for _, _, end in parts}
    earlier = {start: _earlier(doc, start) for _, start, _ in parts}
    wider = [doc[s:e].text for (_, s, end) in parts for e in [longer[end]] if e > end]
    wider += [doc[b:end].text for (_, s, end) in parts for b in [earlier[s]] if b < s]
    known_longer = known_keys([name_key(text) for text in wider]) if wider else set()
    for ent, part_start, part_end in parts:
        if any(taken[part_start:part_end]):
            continue  # the rest of a name the one before it was extended over ("Port of" + "Spain")
        if longer[part_end] > part_end and name_key(doc[part_start:longer[part_end]].text) in known_longer:
            part_end = longer[part_end]  # "Mato Grosso" + "do Sul": the state NER cut short
        back = earlier[part_start]
        if back < part_start and not any(taken[back:part_start]) and name_key(
                doc[back:part_end].text) in known_longer:
            part_start = back  # "Western Bahr" + "el Ghazal": NER began the name at its article
        start, end = _trim(doc, part_start, part_end)
        if start >= end:
            continue
        text = doc[start:end].text
        key = name_key(text)
        if not key or key in not_places:
            continue
        before, after = _context(doc, start, end)
        source = "ner-strong" if ent.label_ in STRONG_LABELS else "ner-weak"
        if source == "ner-weak" and text.isupper():
            continue  # acronyms tagged PERSON/ORG (SANA, SDF) are outlets and groups
        if (source == "ner-weak" and ent.label_ != "NORP" and before in ("", "of") and end < len(doc)
                and doc[end].lower_ in cues()["people_nouns"]):
            # "of the Boor clan": a people (a NORP name is a demonym: "Syrian militia" stays)
            for i in range(part_start, part_end):  # and no run to match
                taken[i] = True
            continue
        possessive = end < len(doc) and doc[end].text in ("'s", "’s")
        spans.append(Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), text, key,
                          source, ent.label_, before, after, possessive, _role(doc, end),
                          _list_head(doc, end)))
        for i in range(part_start, part_end):
            taken[i] = True
        if ent.label_ in EMBEDDING_LABELS:
            embedding.append((start, end))

    # phrase matcher: capitalised runs (with name particles inside) that NER did not take
    runs: list[tuple[int, int, str]] = []
    i = 0
    while i < len(doc):
        if taken[i] or not _is_cap(doc[i]):
            i += 1
            continue
        for j in range(min(len(doc), i + MAX_WORDS), i, -1):
            if any(taken[i:j]) or not _is_cap(doc[j - 1]):
                continue
            if all(_is_cap(t) or t.lower_ in _INNER for t in doc[i:j]):
                runs.append((i, j, name_key(doc[i:j].text)))
        i += 1
    # "Colorado State University", "US Federal Reserve": places inside organisation names
    inner: list[tuple[int, int, str]] = []
    for s_tok, e_tok in embedding:
        for i in range(s_tok, e_tok):
            for j in range(i + 1, min(e_tok, i + 3) + 1):
                if (i, j) != (s_tok, e_tok) and all(_is_cap(t) for t in doc[i:j]):
                    inner.append((i, j, name_key(doc[i:j].text)))
    keys = [k for _, _, k in runs] + [k for _, _, k in inner]
    known = known_keys(keys) if keys else set()
    starts = {s for s, _ in embedding}
    inside: list[Span] = []
    for i, j, key in sorted(inner, key=lambda r: (r[0], -(r[1] - r[0]))):
        if key in known and key not in not_places and not any(
                sp.start <= doc[i].idx < sp.end for sp in inside):
            span = Span(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), doc[i:j].text, key, "embedded")
            if i not in starts and doc[i - 1].lower_ in INNER_CUES:
                # "the Cabinet of Ministers in Kyiv": the organisation's place, named as one
                span.source, span.label, span.cue_before = "ner-strong", "GPE", doc[i - 1].lower_
            inside.append(span)
    spans.extend(inside)
    used = list(taken)
    for i, j, key in sorted(runs, key=lambda r: (r[0], -(r[1] - r[0]))):
        if key not in known or key in not_places or any(used[i:j]):
            continue
        if all(t.lower_ in _INNER for t in doc[i:j]):
            continue  # "Al" of "Al Jabal Al Gharbi" is the article, not Ål in Norway
        before, after = _context(doc, i, j)
        first = doc[i]
        sentence_initial = first.is_sent_start or i == 0
        proper = first.pos_ == "PROPN" if doc.has_annotation("POS") else not sentence_initial
        role = _role(doc, j)
        # "Danish wave energy developer": an adjective modifier may be a demonym (label ADJ:
        # accept() keeps it only as one)
        adjective = j == i + 1 and first.pos_ == "ADJ" and role == "modifier"
        # "US" is the stop word "us" in lower case: capitals say it is a name
        if not (before or after or proper or adjective) or (first.is_stop and not first.text.isupper()):
            continue
        label = "ADJ" if adjective and not (before or after or proper) else ""
        spans.append(Span(first.idx, doc[j - 1].idx + len(doc[j - 1]), doc[i:j].text, key,
                          "matcher", label, before, after, role=role, list_head=_list_head(doc, j)))
        for t in range(i, j):
            used[t] = True
    spans.sort(key=lambda s: s.start)
    return spans
