"""Actor aliases and state regimes learned from an export, for the actors stage (`--model`).

aliases.tsv has the columns of sitrep/actors/aliases.tsv (alias, name, inter, country, flags), so
an analyst reads and edits it like the hand table. Candidates come from the export's ACLED names:
brackets dropped, both sides of "ACR: Full name" and of "A - B", the faction of a state name
("Military Forces of Yemen (2016-) Supreme Political Council" -> "Supreme Political Council"),
and the shorter forms reports use (a dropped last word, initials: aliases.json); never a generic
name (generic_names.tsv), which the rules build from the report's words. A
candidate is kept only where the export's own notes bear it out: it occurs in at least
MIN_NOTES notes, and at least MIN_PRECISION of them code that actor (any side, associated too).

states.tsv has the columns of sitrep/actors/states.tsv (country, first year): the regime year
the export writes in "Military/Police Forces of X (YYYY-)" (no faction after it), the most
frequent one per country.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from sitrep.actors.table import STATE_NAME as _STATE
from sitrep.learn.acled import AcledRow
from sitrep.learn.tables import one_line

ALIASES_FILE = "aliases.tsv"
STATES_FILE = "states.tsv"
GENERIC_PATH = Path(__file__).with_name("generic_names.tsv")
SETTINGS_PATH = Path(__file__).with_name("aliases.json")

# Chosen on the dev group of benchmarks/own_export.py (dev-country notes before 3 May 2020
# learned, later ones scored; the hand table already knows nearly all of their actors): at
# 2 notes and 0.6 or 0.8, 3 notes and 0.6, or 1 note and 0.6 the same gain (actor1 +5,
# actors_any_order +6 on the ~40 notes holding a new alias) and no note loses, but at 1 note no
# precision can be judged and before the shorter forms one note lost there ("Mayi Mayi
# Militia", the shared stem of many factions' names, taken as one of them); hence 2. 0.6: a
# clear majority of the notes, which keeps real acronyms the notes also cite as context.
MIN_NOTES = 2
MIN_PRECISION = 0.6
# an alias's actor "implies" its country (aliases.tsv's country column) when this share of its
# events lie there
COUNTRY_SHARE = 0.9

_BRANCH = re.compile(r"^(?P<forces>Military|Police) Forces of (?:the )?.+? \(\d{4}-\) ")
_BRACKETS = re.compile(r"\s*\([^)]*\)")
# shorter ones ("IS") collide with words and with other groups' acronyms
_MIN_CHARS = 3

ALIASES_HEADER = """\
# Actor aliases learned from the training export (sitrep train); same columns as
# sitrep/actors/aliases.tsv: alias	name	inter	country	flags. Edit freely.
# Each alias occurs in at least {min_notes} training notes, and at least {precision:.0%} of them code the
# actor it names; the hand table (sitrep/actors/aliases.tsv) keeps the aliases it already has.
# The last columns (notes, precision) say how the export bore each alias out.
"""

STATES_HEADER = """\
# State regimes as the training export names them ("Military Forces of X (YYYY-)"); same columns
# as sitrep/actors/states.tsv: country	first year. Used instead of the hand table's year.
"""


@lru_cache(maxsize=1)
def generic_patterns(path: Path = GENERIC_PATH) -> tuple[re.Pattern, ...]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(re.compile(line.rstrip("\n")) for line in lines if line.strip() and not line.startswith("#"))


def is_generic(name: str) -> bool:
    """A kind of actor the rules build ("Protesters (India)", "Unidentified Armed Group (X)")."""
    return any(pattern.match(name) for pattern in generic_patterns())


def candidates(name: str) -> list[str]:
    """Words of an ACLED name that may stand for it in a report."""
    state = _STATE.match(name)
    if state:
        base = state.group("faction") or ""
    elif is_generic(name):
        return []
    else:
        base = name
    base = one_line(_BRACKETS.sub("", base))
    parts = [part.strip() for part in base.split(": ", 1)] if ": " in base else [base]
    out: list[str] = []
    for part in parts:
        pieces = [piece.strip() for piece in part.split(" - ")] if " - " in part else []
        for phrase in [part, *pieces, *_shorter(part)]:
            if (sum(c.isalnum() for c in phrase) >= _MIN_CHARS and any(c.isalpha() for c in phrase)
                    and phrase not in out):
                out.append(phrase)
    return out


@lru_cache(maxsize=1)
def _settings() -> dict:
    return json.loads(SETTINGS_PATH.read_text(encoding="utf-8"))


def _shorter(phrase: str) -> list[str]:
    """Shorter forms reports use: without a last word they often drop ("National Resistance
    Forces" -> "National Resistance") and the initials of a name of three or more capitalised
    words ("Local Defense Unit" -> "LDU"); never of a name that is already an acronym."""
    words = phrase.split()
    out = []
    if len(words) >= 3 and words[-1] in _settings()["drop_last_words"]:
        out.append(" ".join(words[:-1]))
    skip = set(_settings()["acronym_skip_words"])
    capitals = [word for word in words if word.lower() not in skip]
    if len(capitals) >= 3 and all(word[:1].isupper() and not word.isupper() for word in capitals):
        out.append("".join(word[0] for word in capitals))
    return out


def cased(phrase: str) -> bool:
    """Matched in capitals only, like the actors stage matches short acronyms (IS, NAF)."""
    return phrase.isupper() and len(phrase.replace(".", "").replace("-", "")) <= 4


def phrase_pattern(phrase: str) -> re.Pattern:
    words = r"\s+".join(re.escape(word) for word in phrase.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", 0 if cased(phrase) else re.I)


def _notes(rows: Iterable[AcledRow]) -> dict[str, set[str]]:
    """Note text -> every actor name its rows code (one note can hold several events)."""
    coded: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.notes:
            names = [row.actor1, row.actor2, *row.assoc_actor_1, *row.assoc_actor_2]
            coded[row.notes].update(one_line(n) for n in names if n and n.strip())
    return coded


def learned_aliases(rows: list[AcledRow], min_notes: int = MIN_NOTES,
                    min_precision: float = MIN_PRECISION,
                    regimes: dict[str, str] | None = None) -> list[dict]:
    """Alias rows (alias, name, inter, country, flags, notes, precision), surest first;
    `regimes`: learned_states(rows), when the caller already has them."""
    notes = _notes(rows)
    inters: dict[str, Counter] = defaultdict(Counter)
    countries: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        for name, inter in ((row.actor1, row.inter1), (row.actor2, row.inter2)):
            name = one_line(name)
            if name and inter:
                inters[name][inter] += 1
                if row.country:
                    countries[name][row.country] += 1
    by_phrase: dict[str, set[str]] = defaultdict(set)
    for name in inters:  # only main sides carry an inter code
        for phrase in candidates(name):
            by_phrase[phrase].add(name)
    regimes = learned_states(rows) if regimes is None else regimes
    lowered = [(text.lower(), text, coded) for text, coded in notes.items()]
    table = []
    for phrase, names in by_phrase.items():
        pattern, first = phrase_pattern(phrase), phrase.split()[0].lower()
        holding = [coded for low, text, coded in lowered if first in low and pattern.search(text)]
        if len(holding) < min_notes:
            continue
        # the phrase stands for the name most of its notes code
        name, hits = max(((n, sum(n in coded for coded in holding)) for n in names), key=lambda x: (x[1], x[0]))
        precision = hits / len(holding)
        if precision < min_precision:
            continue
        state = _STATE.match(name)
        country, count = countries[name].most_common(1)[0] if countries[name] else ("", 0)
        own = country if count >= COUNTRY_SHARE * sum(countries[name].values()) else ""
        written = name
        if state:
            # state forces belong to the state that names them, wherever they act (8 abroad)
            home = state.group("country")
            if own == home and regimes.get(home) == state.group("year"):
                # a branch of the current regime's forces that acts at home ("Military
                # Intelligence") may be any country's: named like the hand table's ("Police
                # Forces of {country} Civil Police"), the country from the report, the same
                # name at home; a branch seen abroad (an intelligence service) stays its state's
                written, home = _BRANCH.sub(r"\g<forces> Forces of {country} ", name), ""
            own = home
        table.append({"alias": phrase, "name": written, "inter": inters[name].most_common(1)[0][0],
                      "country": own, "flags": "state" if state else "",
                      "notes": len(holding), "precision": round(precision, 3)})
    table.sort(key=lambda entry: (-entry["notes"], entry["alias"]))
    return table


def learned_states(rows: Iterable[AcledRow]) -> dict[str, str]:
    """Country -> the regime year the export writes most often in the country's plain state
    names: a faction's year ("Military Forces of Libya (2014-) Haftar Faction") is that
    faction's, not what "Libyan forces" get."""
    years: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        for name in (row.actor1, row.actor2, *row.assoc_actor_1, *row.assoc_actor_2):
            match = _STATE.match(one_line(name)) if name else None
            if match and not match.group("faction"):
                years[match.group("country")][match.group("year")] += 1
    return {country: counter.most_common(1)[0][0] for country, counter in sorted(years.items())}


def write_learned_tables(rows: list[AcledRow], directory: str | Path) -> dict[str, int]:
    """Write aliases.tsv and states.tsv into `directory`; returns their row counts."""
    directory = Path(directory)
    states = learned_states(rows)
    aliases = learned_aliases(rows, regimes=states)
    lines = [ALIASES_HEADER.format(min_notes=MIN_NOTES, precision=MIN_PRECISION).rstrip("\n")]
    lines += ["\t".join(str(entry[c]) for c in ("alias", "name", "inter", "country", "flags", "notes", "precision"))
              for entry in aliases]
    (directory / ALIASES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = [STATES_HEADER.rstrip("\n")] + [f"{country}\t{year}" for country, year in states.items()]
    (directory / STATES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"aliases": len(aliases), "states": len(states)}
