"""Reported figures in one sentence: "killed 16 jihadists", "16 were killed", "300 dead",
"claiming the lives of around 300 civilians", "took more than 100 lives", "the death toll rose
to 20", and ACLED's own note endings ("2 fatalities.", "Fatalities coded as 10", "split between
3 events"). Words (numbers, qualifiers, verbs, victims) come from `words.json`.

`find_figures(sentence)` returns `Figure`s with offsets relative to the sentence; attribution and
attachment to events happen in the component.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.patterns import alternation

WORDS_FILE = Path(__file__).with_name("words.json")

# words that end a victims' phrase: clause glue, prepositions of place/time, auxiliaries
_STOP = ("and", "but", "while", "in", "on", "at", "near", "during", "after", "before", "when",
         "as", "from", "with", "by", "including", "following", "since", "who", "which", "that",
         "across", "to", "into", "were", "was", "are", "is", "have", "has", "had", "been", "being",
         "also", "reportedly", "allegedly", "all", "later", "then", "the", "a", "an", "this",
         "their", "his", "her", "its", "they", "it", "he", "she", "be", "not", "no", "among",
         "both", "said", "according", "between", "than", "over", "under", "for", "until")
_AUX = (r"were|was|are|is|have been|has been|had been|have|has|had|been|being|be|reportedly|allegedly|also|"
        r"all|later|subsequently|then|shot and|stabbed and|beaten and|found|reported|reported to be|"
        r"reported to have been|believed to be|believed to have been|confirmed|either|initially|"
        r"eventually|already|critically|seriously|severely|fatally|slightly|gravely|left|lay|"
        r"(?!(?:killed|wounded|injured)\b)[a-z]+ed\s+and")  # "were kidnapped and killed"


@dataclass
class Figure:
    start: int
    end: int
    kind: str           # killed | injured | abducted | arrested
    value: int
    qualifier: str
    who: str | None
    total: str | None = None   # "acled" (coder's final figure) | "toll" (a source's running total)
    subset: bool = False       # "including 5 children": part of a figure already given
    anchor: int = -1           # where the number itself starts: one figure per number
    background: bool = False   # "protesting the death of a teenager": the cause, not this event's toll


@dataclass(frozen=True)
class _Compiled:
    words: dict
    qualifiers: dict[str, str]
    person: frozenset[str]
    combatant: frozenset[str]
    civilian: frozenset[str]
    not_after: re.Pattern[str]
    item: re.Pattern[str]
    chain: dict[str, tuple[re.Pattern[str], re.Pattern[str]]]
    cue: dict[str, re.Pattern[str]]  # a kind's verbs: the big patterns run only where one occurs
    lives: re.Pattern[str]
    toll: re.Pattern[str]
    coded: re.Pattern[str]
    n_fatalities: re.Pattern[str]
    split: re.Pattern[str]
    per_event: re.Pattern[str]
    subset_before: re.Pattern[str]
    month_before: re.Pattern[str]
    background: re.Pattern[str]


def _alt(phrases: list[str]) -> str:
    return alternation(phrases, any_space=True)


@lru_cache(maxsize=4)
def compiled(path: str = str(WORDS_FILE)) -> _Compiled:
    """Every pattern, compiled once per process."""
    words = json.loads(Path(path).read_text(encoding="utf-8"))
    units, mult, vague = words["units"], words["multipliers"], words["vague"]
    qualifiers = {p: q for q, phrases in words["qualifiers"].items() for p in phrases}
    victims = words["victims"]
    person = frozenset(w for group in victims.values() for w in group)
    unit_alt, mult_alt = _alt(list(units)), _alt(list(mult))
    number = (rf"(?:between\s+)?\d+\s*(?:-|–|to|or|and)\s*\d+(?!\s*(?:{mult_alt}))|"
              rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\s+(?:{mult_alt}))?(?![\d.,]?\d)|{_alt(list(vague))}|"
              rf"(?:{unit_alt}|a)(?:[\s-]+(?:and[\s-]+)?(?:{unit_alt}|{mult_alt}))*")
    qual = rf"(?:(?P<qual>{_alt(list(qualifiers))})\s+)?"
    qual_nc = rf"(?:{_alt(list(qualifiers))})\s+"
    verbs = sorted({w for forms in words["verbs"].values() for f in forms.values() for w in f
                    if " " not in w}, key=len, reverse=True)
    # a victims' word is neither glue nor a casualty verb ("four people dead and a waiter wounded")
    # glue words only in lower case: "3 IS militants" keeps "IS"
    who_word = rf"(?!(?-i:{'|'.join(_STOP)})\b)(?!(?:{'|'.join(verbs)})\b)(?:\d+(?:st|nd|rd|th)\b|(?:\d+-)?[A-Za-z][\w'’/-]*)"
    # one victims' item: "at least 50 Syrian forces", "a woman", "her son", "another"
    item = (rf"{qual}(?P<num>{number}|another|his|her|their|an|the|him)\b(?P<who>(?:\s+(?:(?:of|from)\s+(?:the\s+|an?\s+)?)?{who_word}){{0,6}})"
            rf"(?=\W|$)")
    item_nc = re.sub(r"\(\?P<\w+>", "(?:", item)
    chain = rf"(?P<chain>{item_nc}(?:\s*,?\s*(?:and|as well as|plus|including|,)\s+{item_nc})*)"
    aux = rf"(?:(?:{_AUX})\s+){{0,3}}"
    tail = rf"(?:\s+(?:and|or)\s+{who_word}(?:\s+{who_word}){{0,4}})?"
    chains = {}
    cues = {}
    for kind, forms in words["verbs"].items():
        cues[kind] = re.compile(rf"\b(?:{_alt(forms['passive'] + forms['active'])})\b", re.IGNORECASE)
        # "a gendarme shot and killed a driver": a verb followed by its object is active
        passive = re.compile(rf"\b{chain}{tail}\s+{aux}(?P<verb>{_alt(forms['passive'])})\b"
                             rf"(?!\s+[“\"']?(?:{qual_nc})?(?:{number}|an?|the|his|her|their|another)\b"
                             rf"(?!\s+(?:injured|wounded|killed|dead|missing|arrested)))",
                             re.IGNORECASE)
        active = re.compile(rf"\b(?P<verb>{_alt(forms['active'])})\s+(?:(?:a\s+total\s+of|as\s+many\s+as)\s+)?"
                            rf"[“\"']?{chain}", re.IGNORECASE)
        chains[kind] = (passive, active)
    # "stabbed a man to death", "beat two farmers to death"
    chains["killed_to_death"] = (re.compile(r"(?!x)x"), re.compile(
        rf"\b(?P<verb>{_alt(words['to_death_verbs'])})\s+{chain}\s+to\s+death\b", re.IGNORECASE))
    # "shot a civilian, resulting in his death"
    chains["killed_his_death"] = (re.compile(r"(?!x)x"), re.compile(
        r"\b(?P<verb>resulting\s+in|resulted\s+in|leading\s+to|led\s+to|causing|caused)\s+(?P<chain>his|her)\s+death\b",
        re.IGNORECASE))
    # "opened fire on a civilian, killing him"
    chains["killed_pronoun"] = (re.compile(r"(?!x)x"), re.compile(
        rf"\b(?P<verb>{_alt(words['verbs']['killed']['active'])})\s+(?P<chain>him|her)\b(?!\s+\w+\s+(?:was|were))(?=\s*[.,;]|\s+(?:and|in|on|at|while)\b)",
        re.IGNORECASE))
    return _Compiled(
        words=words, qualifiers=qualifiers, person=person,
        combatant=frozenset(victims["combatant"]), civilian=frozenset(victims["civilian"]),
        not_after=re.compile(rf"^[\s-]*(?:{_alt(words['not_figures_after'])})\b|^-", re.I),
        item=re.compile(item, re.IGNORECASE),
        chain=chains,
        cue={**cues, "killed_to_death": re.compile(r"\bto\s+death\b", re.I),
             "killed_his_death": re.compile(r"\b(?:his|her)\s+death\b", re.I),
             "killed_pronoun": re.compile(r"\b(?:him|her)\b", re.I),
             "fatalit": re.compile(r"fatalit", re.I), "lives": re.compile(r"\blives\b", re.I),
             "toll": re.compile(rf"\b(?:{_alt(words['toll_words'])})\b", re.I)},
        lives=re.compile(rf"\b(?:{_alt(words['lives_verbs'])})\s+(?:the\s+)?{qual}(?P<num>{number})\s+"
                         rf"(?:[\w-]+\s+)?lives\b", re.IGNORECASE),
        toll=re.compile(rf"\b(?:{_alt(words['toll_words'])})\s+(?:[\w-]+\s+){{0,4}}?(?:{_alt(words['toll_verbs'])})"
                        rf"\s+{qual}(?P<num>{number})\b", re.IGNORECASE),
        coded=re.compile(rf"\bfatalit(?:y|ies)\b[^.;]{{0,60}}?\b(?:coded\s+(?:as|to|at)|rounded\s+(?:down|up)\s+to)\s+"
                         rf"(?P<num>\d+)", re.IGNORECASE),
        n_fatalities=re.compile(rf"(?:\b{qual}(?P<num>{number})\s+(?:reported\s+)?fatalit(?:y|ies)\b|"
                                rf"\bfatalit(?:y|ies)\s*:\s*(?P<num2>\d+))", re.IGNORECASE),
        split=re.compile(rf"\b(?:{_alt(words['acled_totals']['split_words'])})\s+(?:up\s+)?"
                         rf"(?:(?:between|across|among|over|in)\s+)?(?:the\s+)?(?P<k>{number})\s+"
                         rf"(?:events|locations|days|areas|incidents|fronts|places|villages|districts)",
                         re.IGNORECASE),
        per_event=re.compile(r"(?:events?|locations?)\s*\((?P<n>\d+)\)|with\s+(?P<m>\d+)\s+coded\s+to\s+each",
                             re.IGNORECASE),
        month_before=re.compile(rf"\b(?:{_alt(words['months'])})\.?\s*$", re.IGNORECASE),
        background=re.compile("|".join(f"(?:{p})" for p in words["background"]["patterns"]), re.IGNORECASE),
        subset_before=re.compile(rf"(?:{_alt(words['subset_before'])})\s*:?\s*$", re.IGNORECASE),
    )


def parse_number(text: str, path: str = str(WORDS_FILE)) -> int | None:
    """"16" -> 16, "1,200" -> 1200, "two dozen" -> 24, "dozens" -> 12, "twenty-five" -> 25."""
    words = compiled(path).words
    cleaned = re.sub(r"\s+", " ", text.strip().lower())
    if cleaned in words["vague"]:
        return words["vague"][cleaned]
    if cleaned in words["units"]:
        return words["units"][cleaned]
    if cleaned in ("another", "his", "her", "their", "an", "the", "him"):
        return 1
    span = re.match(r"^(?:between\s+)?(\d+)\s*(?:-|–|to|or|and)\s*(\d+)$", cleaned)
    if span:
        return min(int(span.group(1)), int(span.group(2)))
    digits = re.match(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\s+(\w+))?$", cleaned)
    if digits:
        value = int(digits.group(1).replace(",", ""))
        return value * words["multipliers"].get(digits.group(2) or "", 1)
    total, current, seen = 0, 0, False
    for token in re.split(r"[\s-]+", cleaned):
        if token in ("and", ""):
            continue
        if token == "a":
            current += 1
        elif token in words["units"]:
            current += words["units"][token]
        elif token in words["multipliers"]:
            current = max(current, 1) * words["multipliers"][token]
            if words["multipliers"][token] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def victim_class(who: str | None, path: str = str(WORDS_FILE)) -> str:
    """combatant | civilian | unknown, from the first victim word ("family members of security
    forces" is civilian: the head comes first)."""
    if not who:
        return "unknown"
    comp = compiled(path)
    tokens = re.findall(r"[a-z]+", who.lower())
    for i, token in enumerate(tokens):
        pair = " ".join(tokens[i:i + 2])
        if pair in comp.civilian:
            return "civilian"
        if token in comp.combatant:
            return "combatant"
        if token in comp.civilian:
            return "civilian"
    return "unknown"


_CAUSE = re.compile(r"\b(?:over|against|protesting|to\s+protest|condemning|denouncing|mourning|"
                    r"justice\s+for|in\s+protest\s+(?:at|of|against))\s+(?:the\s+)?$", re.IGNORECASE)
_DETERMINERS = ("a", "an", "the", "another", "his", "her", "their", "both")
_AGENT = re.compile(r"[a-z]{3,}(?:er|or|ist|ian|ant|ent|man|woman)$")
_NOT_AGENT = frozenset("number order border water power quarter center centre other matter corner manner letter "
                       "error sector factor motor floor door monitor tractor government equipment movement "
                       "incident event settlement department parliament statement present percent".split())


def _is_victim(who: str, determiner: str, comp: _Compiled) -> bool:
    """"a man", "an engineer", "the victim", "her son": one person (or two for "both")."""
    # the head is before "of"/"from": "a member of the police", "an engineer from the ministry"
    tokens = re.split(r"\b(?:of|from)\b", re.sub(r"[’']s\b", "", who.lower()))[0].split()
    tokens = [re.sub(r"[^a-z-]", "", t) for t in tokens]
    if not tokens or len(tokens) > 5:
        return False
    head = next((t for t in tokens if t in comp.person), None)
    if head is None:
        head = next((t for t in tokens if _AGENT.fullmatch(t) and t not in _NOT_AGENT), None)
    if head is None:
        return False
    # "the soldiers" gives no number; "the man" is one
    return determiner != "the" or not head.endswith("s") and head not in ("police", "personnel", "militia")


def _has_person(who: str, comp: _Compiled) -> bool:
    tokens = re.findall(r"[a-z]+", who.lower())
    return any(t in comp.person for t in tokens) or any(
        " ".join(tokens[i:i + 2]) in comp.person for i in range(len(tokens)))


def _items(chain_text: str, offset: int, sentence: str, kind: str, comp: _Compiled,
           verb: str) -> list[Figure]:
    """Split "50 soldiers and 85 family members" into one figure per item."""
    found: list[Figure] = []
    for m in comp.item.finditer(chain_text):
        raw, who = m.group("num"), (m.group("who") or "").strip()
        absolute = offset + m.start("num")
        if comp.not_after.match(sentence[offset + m.end("num"):]):
            continue
        if comp.month_before.search(sentence[max(0, absolute - 12):absolute]):
            continue  # "May 26": a date
        value = parse_number(raw)
        family = re.match(r"family\s+of\s+(\w+)", who, re.IGNORECASE)
        if family and raw.lower() in ("a", "one"):
            value = parse_number(family.group(1))  # "a family of three"
        if value is None:
            continue
        determiner = raw.lower() in _DETERMINERS
        if raw.lower() in ("him", "her", "his") and not who and (
                raw.lower() == "him" or re.match(r"\s+death\b", sentence[offset + m.end("num"):])):
            pass  # "killing him", "resulting in his death": one person
        elif determiner and not _is_victim(who, raw.lower(), comp):
            continue  # "a shoot-out broke out", "seized a vehicle", "the soldiers": no count
        if verb.lower().startswith(("lost", "losing")) and not _has_person(who, comp):
            continue
        if re.fullmatch(r"(?:19|20)\d\d", raw) and not who:
            continue  # a year, not a figure
        qualifier = comp.qualifiers.get(re.sub(r"\s+", " ", (m.group("qual") or "").lower()), "exact")
        # "including a child and a woman": everything after "including" is part of the figure before
        subset = bool(found and found[-1].subset) or bool(
            comp.subset_before.search(sentence[max(0, absolute - 25):absolute]))
        found.append(Figure(start=offset + m.start(), end=offset + m.end(), kind=kind, value=value,
                            qualifier=qualifier, who=who.rstrip(".,;:'\"”’") or None, subset=subset,
                            anchor=absolute))
    return found


def is_background(sentence: str, path: str = str(WORDS_FILE)) -> bool:
    """"has risen to 19 since early 2022": a running total, not the event's toll."""
    return bool(compiled(path).background.search(sentence))


def find_figures(sentence: str, path: str = str(WORDS_FILE)) -> list[Figure]:
    """Every figure in one sentence, in text order, one per number."""
    comp = compiled(path)
    figures: list[Figure] = []
    # brackets hide what they hold ("four CPI-Maoist (CPI-M) cadres and a policeman were killed");
    # blanks keep the offsets
    masked = re.sub(r"\([^()]{0,60}\)", lambda b: " " * len(b.group(0)), sentence)
    for kind, (passive, active) in comp.chain.items():
        if not comp.cue[kind].search(masked):
            continue
        for pattern in (active, passive):
            for m in pattern.finditer(masked):
                items = _items(m.group("chain"), m.start("chain"), masked, kind.split("_")[0], comp,
                               m.group("verb"))
                if pattern is passive and kind.startswith("killed"):
                    items = _ambiguous(masked[m.end():], items)
                if _CAUSE.search(masked[max(0, m.start() - 40):m.start()]):
                    for fig in items:
                        fig.background = True
                # the evidence span reaches the verb: after the last item, before the first
                if items and pattern is passive:
                    items[-1].end = m.end()
                elif items:
                    items[0].start = m.start()
                figures.extend(items)
    for m in comp.lives.finditer(masked) if comp.cue["lives"].search(masked) else ():
        value = parse_number(m.group("num"))
        if value is not None:
            qualifier = comp.qualifiers.get((m.group("qual") or "").lower(), "exact")
            figures.append(Figure(m.start(), m.end(), "killed", value, qualifier, None))
    for m in comp.toll.finditer(masked) if comp.cue["toll"].search(masked) else ():
        value = parse_number(m.group("num"))
        if value is not None:
            qualifier = comp.qualifiers.get((m.group("qual") or "").lower(), "exact")
            figures.append(Figure(m.start(), m.end(), "killed", value, qualifier, None, total="toll"))
    if comp.cue["fatalit"].search(sentence):
        figures.extend(_acled_totals(sentence, comp))
    return _one_per_number(figures)


def _ambiguous(after: str, items: list[Figure]) -> list[Figure]:
    """"killed, injured or captured" gives no death toll; "killed and wounded" with one figure
    is counted as half, rounded down (as ACLED coders do)."""
    if re.match(r"\s*(?:,\s*(?:injured|wounded)\s*)?,?\s*or\s+(?:injured|wounded|captured|arrested|missing)\b",
                after, re.IGNORECASE):
        return []
    if re.match(r"\s*(?:and|or|/)\s+(?:wounded|injured)\b(?!\s+\d)", after, re.IGNORECASE):
        for fig in items:
            fig.value //= 2
    return items


def _acled_totals(sentence: str, comp: _Compiled) -> list[Figure]:
    """The coder's own figure: "Fatalities coded as 10", "2 fatalities.", "split between 3 events"."""
    totals: list[Figure] = []
    for m in comp.coded.finditer(sentence):
        totals.append(Figure(m.start(), m.end(), "killed", int(m.group("num")), "exact", None, total="acled"))
    if not totals:
        # "Reports on fatalities range from 2 to 4": the conservative end
        for m in re.finditer(r"\bfatalit(?:y|ies)\s+ranges?\s+(?:from|between)\s+(\d+)", sentence, re.IGNORECASE):
            totals.append(Figure(m.start(), m.end(), "killed", int(m.group(1)), "at_least", None, total="acled"))
    if not totals:
        for m in comp.n_fatalities.finditer(sentence):
            value = parse_number(m.group("num") or m.group("num2") or "")
            if value is not None:
                totals.append(Figure(m.start(), m.end(), "killed", value, "exact", None, total="acled"))
    split = comp.split.search(sentence)
    if split:
        per_event = comp.per_event.search(sentence, split.start())
        parts = parse_number(split.group("k")) or 1
        if per_event:
            value = int(per_event.group("n") or per_event.group("m"))
            totals = [Figure(split.start(), per_event.end(), "killed", value, "exact", None, total="acled")]
        elif totals:
            for fig in totals:
                # "1 fatality split among 12 events": the event that has it keeps one
                fig.value = int(fig.value / parts + 0.5)
        else:
            # "Fatalities coded across 2 events": the component divides the event's figure
            totals = [Figure(split.start(), split.end(), "killed", parts, "exact", None, total="split")]
    return totals


def _one_per_number(figures: list[Figure]) -> list[Figure]:
    """Where readings of one number compete, the coder's total, then the longest reading wins."""
    for fig in figures:
        if fig.anchor < 0:
            fig.anchor = fig.start
    ordered = sorted(figures, key=lambda f: (f.total is None, -(f.end - f.start)))
    kept: list[Figure] = []
    for fig in ordered:
        clash = any(fig.anchor == k.anchor or (fig.total or k.total) and not
                    (fig.end <= k.start or fig.start >= k.end) for k in kept)
        if not clash:
            kept.append(fig)
    return sorted(kept, key=lambda f: f.anchor)
