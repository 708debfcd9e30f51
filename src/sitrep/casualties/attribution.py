"""Who reported a figure: "according to SOHR", "SANA reported", "activists claim", a quote's
attribution after the quote (",” stated the group."), and anaphora ("it said", "the human rights
group") resolved to the source named before. Verbs, source nouns and aliases: `words.json`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.casualties.figures import WORDS_FILE, _alt, compiled

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her"}
_FILLERS = re.compile(r"\s+(?:on the ground|in the area|in the region|on the scene|at the scene|"
                      r"also|additionally|further|later|earlier|previously|reportedly)$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";|,?\s+but\s+|,?\s+while\s+|,?\s+whereas\s+|,?\s+although\s+", re.IGNORECASE)


@dataclass
class Attribution:
    start: int      # offsets relative to the sentence
    end: int
    name: str       # as it will be stored on the claim
    anaphoric: bool = False


@dataclass(frozen=True)
class _Patterns:
    according: re.Pattern[str]
    before_verb: re.Pattern[str]
    after_quote: re.Pattern[str]
    aliases: dict[str, str]
    alias_re: re.Pattern[str]
    nouns: frozenset[str]
    pronouns: frozenset[str]


@lru_cache(maxsize=4)
def patterns(path: str = str(WORDS_FILE)) -> _Patterns:
    words = compiled(path).words["attribution"]
    verbs = _alt(words["verbs"])
    return _Patterns(
        according=re.compile(r"\baccording\s+to\s+(?P<src>[^,.;:()“”\"]{2,80}?)(?=\s*[,.;:()“”\"]|\s+(?:on|in|at|who|which|that)\b|$)",
                             re.IGNORECASE),
        before_verb=re.compile(rf"\b(?:(?:has|have|had|also|additionally|further|later)\s+)*(?P<verb>{verbs})\b",
                               re.IGNORECASE),
        # ", said a villager." / "” stated the group." : the source closes the clause
        after_quote=re.compile(rf"(?:[”\"]|,)\s*(?P<verb>{verbs})\s+(?P<src>[^.,;:“”\"]{{1,60}}?)(?=\s*(?:[.,;:]|$))"
                               rf"|[”\"]\s*,?\s*(?P<src2>[^.,;:“”\"]{{1,40}}?)\s+(?P<verb2>{verbs})\b",
                               re.IGNORECASE),
        aliases={k.lower(): v for k, v in words["aliases"].items()},
        alias_re=re.compile(rf"\b(?:{_alt(list(words['aliases']))})\b", re.IGNORECASE),
        nouns=frozenset(words["source_nouns"]),
        pronouns=frozenset(words["pronouns"]),
    )


def _clean(raw: str, pats: _Patterns) -> tuple[str, bool] | None:
    """A source name from the words around an attribution verb, or None when they name nobody."""
    text = re.sub(r"\s+", " ", raw).strip(" \t\"“”'‘’")
    text = re.split(r"[’']s\b", text)[0]                      # "SANA’s version of events" -> SANA
    text = _FILLERS.sub("", text)
    alias = pats.alias_re.search(text)
    if alias:
        return pats.aliases[re.sub(r"\s+", " ", alias.group(0).lower())], False
    low = text.lower()
    if low in pats.pronouns:
        return low, True
    tokens = [t for t in text.split() if not t.lower().endswith("-based")]
    while tokens and tokens[0].lower() in _DETERMINERS:
        tokens = tokens[1:]
    tokens = tokens[-6:]
    if not tokens:
        return None
    named = any(t[:1].isupper() for t in tokens[1:]) or (tokens[0][:1].isupper() and len(tokens) == 1)
    has_noun = any(t.lower().strip(",") in pats.nouns for t in tokens)
    if not (named or has_noun):
        return None
    name = " ".join(tokens)
    # "the human rights group": a description of a source named earlier
    anaphoric = not named and raw.strip().lower().startswith(("the ", "this ", "that "))
    return (name if named else name.lower()), anaphoric


def find_attributions(sentence: str, path: str = str(WORDS_FILE)) -> list[Attribution]:
    """Every attribution in one sentence, in text order."""
    pats = patterns(path)
    found: list[Attribution] = []
    taken: list[tuple[int, int]] = []
    for m in pats.according.finditer(sentence):
        cleaned = _clean(m.group("src"), pats)
        if cleaned:
            found.append(Attribution(m.start("src"), m.end("src"), *cleaned))
            taken.append((m.start(), m.end()))
    for m in pats.after_quote.finditer(sentence):
        group = "src" if m.group("src") else "src2"
        cleaned = _clean(m.group(group), pats)
        if cleaned:
            found.append(Attribution(m.start(group), m.end(group), *cleaned))
            taken.append((m.start(), m.end()))
    for m in pats.before_verb.finditer(sentence):
        if any(s <= m.start() < e for s, e in taken):
            continue
        window = sentence[max(0, m.start() - 70):m.start()]
        # the subject starts after the last clause boundary before the verb
        cut = max((b.end() for b in re.finditer(r"[,;:()“”\"]|\b(?:but|while|and|that|as|after|when)\s", window)),
                  default=0)
        subject = window[cut:]
        cleaned = _clean(subject, pats)
        if cleaned:
            start = m.start() - len(subject)
            found.append(Attribution(start + (len(subject) - len(subject.lstrip())), m.start(), *cleaned))
    return sorted(found, key=lambda a: a.start)


def clause_of(sentence: str, offset: int) -> tuple[int, int]:
    """The clause around `offset` ("X claim 135, but SANA reported 300" has two)."""
    start, end = 0, len(sentence)
    for b in _CLAUSE_BREAK.finditer(sentence):
        if b.end() <= offset:
            start = b.end()
        elif b.start() >= offset:
            end = b.start()
            break
    return start, end


class SourceTracker:
    """Resolves anaphora against sources named earlier in the same article."""

    def __init__(self) -> None:
        self.named: list[str] = []     # most recent last
        self.last: str | None = None   # carried over to unattributed sentences

    def resolve(self, attribution: Attribution) -> str:
        if not attribution.anaphoric:
            return attribution.name
        words = {w for w in re.findall(r"[a-z]+", attribution.name.lower()) if len(w) > 3}
        words -= {"group", "source", "sources", "media", "outlet", "agency", "officials"}
        for name in reversed(self.named):
            if words & set(re.findall(r"[a-z]+", name.lower())):
                return name
        if attribution.name.lower() in patterns().pronouns and self.named:
            return self.named[-1]
        words_of_name = attribution.name.split()
        while len(words_of_name) > 1 and words_of_name[0].lower() in _DETERMINERS:
            words_of_name = words_of_name[1:]
        return " ".join(words_of_name)

    def note(self, name: str, anaphoric: bool) -> None:
        if not anaphoric and name not in self.named[-1:]:
            self.named.append(name)
        self.last = name
