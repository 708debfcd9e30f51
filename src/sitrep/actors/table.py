"""The actor knowledge in data files: aliases, demonyms and country-dependent names.

Analysts extend the .tsv files beside this module; nothing here needs to change for a new
actor. Every table loads once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent

# Country names that take "the" in ACLED actor names ("Military Forces of the United States").
_WITH_THE = ("United ", "Democratic Republic", "Central African", "Philippines", "Netherlands",
             "Gambia", "Dominican")


@dataclass(frozen=True)
class Alias:
    key: int                # row number: stable id for de-duplication
    alias: str
    name: str               # ACLED-style name; "{country}" or "@key" are resolved later
    inter: int
    country: str | None
    flags: frozenset[str]

    @property
    def is_state(self) -> bool:
        return "state" in self.flags


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


# already plural, or mass nouns
_NO_PLURAL = ("s", "men", "police", "personnel", "security", "military", "elderly", "people")


def _plural(alias: str) -> str | None:
    # lowercase nouns only, the last word of a phrase: "soldier" -> "soldiers", "fulani militia"
    # -> "fulani militias"; never acronyms or names
    head, _, last = alias.rpartition(" ")
    if head:
        plural = _plural(last)
        return f"{head} {plural}" if plural and alias.islower() else None
    if not alias.isalpha() or not alias.islower() or alias.endswith(_NO_PLURAL):
        return None
    if alias.endswith("man"):
        return alias[:-3] + "men"
    if alias.endswith("y") and alias[-2:-1] not in "aeiou":
        return alias[:-1] + "ies"
    return alias + "s"


@lru_cache(maxsize=4)
def load_aliases(path: str | None = None) -> tuple[Alias, ...]:
    """Every alias row, with automatic plurals for one-word common nouns."""
    table: list[Alias] = []
    seen: set[str] = set()
    for index, row in enumerate(_rows(Path(path) if path else DATA / "aliases.tsv")):
        row += [""] * (5 - len(row))
        alias, name, inter, country, flags = row[:5]
        entry = Alias(index, alias, name, int(inter or 0), country or None,
                      frozenset(f.strip() for f in flags.split(",") if f.strip()))
        table.append(entry)
        seen.add(alias.lower())
    for entry in list(table):
        plural = None if "anaphor" in entry.flags else _plural(entry.alias)
        if plural and plural not in seen:
            seen.add(plural)
            table.append(Alias(entry.key, plural, entry.name, entry.inter, entry.country, entry.flags))
    if path is None:
        table += _identity_aliases(seen, first_key=len(table))
    return tuple(table)


# words for a group's armed members: "Tiv militias", "Murle raiders", "Afari gunmen"
_ARMED_MEMBERS = ("militia", "militias", "militiamen", "militiaman", "gunmen", "gunman", "raiders",
                  "raider", "fighters", "attackers", "assailants", "armed men", "youth", "youths",
                  "herders", "herdsmen", "pastoralists")
# the kind names its own members ("members of the Koli caste")
_KIND_NOUNS = {"Caste": ("caste",), "Clan": ("clan", "clansmen"), "Tribal": ("tribe", "tribesmen")}


@lru_cache(maxsize=4)
def load_identity(path: str | None = None) -> tuple[tuple[str, str, str], ...]:
    """(spelling, group name, kind) of every ethnic, caste or clan group in identity.tsv."""
    rows = []
    for row in _rows(Path(path) if path else DATA / "identity.tsv"):
        row += [""] * (3 - len(row))
        name, spellings, kind = row[0], row[1], row[2] or "Ethnic"
        for spelling in [name, *(s.strip() for s in spellings.split("|") if s.strip())]:
            rows.append((spelling, name, kind))
    return tuple(rows)


def _identity_aliases(seen: set[str], first_key: int) -> list[Alias]:
    """Aliases for a known group's armed members, named as ACLED names identity militias
    ("Tiv Ethnic Militia ({country})", inter 4); rows of aliases.tsv win over them."""
    out: list[Alias] = []
    for spelling, name, kind in load_identity():
        for noun in _ARMED_MEMBERS + _KIND_NOUNS.get(kind, ()):
            phrase = f"{spelling} {noun}"
            if phrase.lower() in seen:
                continue
            seen.add(phrase.lower())
            out.append(Alias(first_key + len(out), phrase, f"{name} {kind} Militia ({{country}})", 4,
                             None, frozenset()))
    return out


@lru_cache(maxsize=4)
def load_demonyms(path: str | None = None) -> dict[str, str]:
    """Word or phrase as written -> country ("Syrian" -> "Syria"); matched case-insensitively
    except short acronyms ("US")."""
    return {row[0]: row[1] for row in _rows(Path(path) if path else DATA / "demonyms.tsv")
            if len(row) >= 2}


@lru_cache(maxsize=4)
def load_contextual(path: str | None = None) -> dict[str, dict[str, tuple[str, int]]]:
    """"@key" -> {country or "*": (name, inter)}."""
    table: dict[str, dict[str, tuple[str, int]]] = {}
    for row in _rows(Path(path) if path else DATA / "contextual.tsv"):
        key, country, name, inter = row[:4]
        table.setdefault(key, {})[country] = (name, int(inter))
    return table


def country_phrase(country: str) -> str:
    """The country as it sits inside an ACLED state name ("the United States")."""
    return f"the {country}" if country.startswith(_WITH_THE) else country


@lru_cache(maxsize=4)
def load_with_learned(model_dir: str | None = None) -> tuple[Alias, ...]:
    """The hand aliases, then the rows a model directory learned (its aliases.tsv, written by
    `sitrep train`) whose alias the hand table lacks: hand rows carry flags (state,
    crowd_police, coref...) an export cannot give, and their names follow the codebook's
    conventions, so where both know an alias the hand row wins."""
    hand = load_aliases()
    path = Path(model_dir) / "aliases.tsv" if model_dir else None
    if path is None or not path.is_file():
        return hand
    known = {entry.alias.lower() for entry in hand}
    learned = [entry for entry in load_aliases(str(path)) if entry.alias.lower() not in known]
    # keys after the hand rows': of two aliases on the same words the hand row wins
    return hand + tuple(Alias(len(hand) + entry.key, entry.alias, entry.name, entry.inter,
                              entry.country, entry.flags) for entry in learned)


@lru_cache(maxsize=4)
def load_learned_states(model_dir: str | None = None) -> dict[str, str]:
    """Country -> regime year as a model directory's export writes it (its states.tsv)."""
    path = Path(model_dir) / "states.tsv" if model_dir else None
    return load_states(str(path)) if path is not None and path.is_file() else {}


# a state's forces with the regime year, and a branch or faction after it ("Military Forces of
# Yemen (2016-) Supreme Political Council"); learn/aliases.py reads exports with it too
STATE_NAME = re.compile(r"^(?P<forces>Military|Police) Forces of (?P<the>the )?(?P<country>.+?) "
                        r"\((?P<year>\d{4})-\)(?: (?P<faction>.+))?$")
_STATE_PREFIXES = ("Military Forces of ", "Police Forces of ")


def with_regime(name: str, states: dict[str, str]) -> str:
    """A plain state name with the regime year of `states` where it knows the country; a
    faction's name ("Military Forces of Yemen (2016-) Supreme Political Council") stays."""
    match = STATE_NAME.match(name)
    if match:
        if match.group("faction"):
            return name
        head, country = name[:match.start("country")], match.group("country")
    elif name.startswith(_STATE_PREFIXES) and "(" not in name:
        # no regime year yet ("Police Forces of Zorbania", "... of the Gambia")
        rest = name.split(" of ", 1)[1]
        country = rest.removeprefix("the ")
        head = name[:len(name) - len(country)]
    else:
        return name
    return f"{head}{country} ({states[country]}-)" if country in states else name


@lru_cache(maxsize=4)
def load_states(path: str | None = None) -> dict[str, str]:
    """Country -> the year its current regime began ("Syria" -> "2000")."""
    return {row[0]: row[1] for row in _rows(Path(path) if path else DATA / "states.tsv") if len(row) >= 2}


@lru_cache(maxsize=4)
def load_state_homes(path: str | None = None) -> dict[str, tuple[str, ...]]:
    """Country -> other countries whose territory its forces hold as home ("Artsakh" -> Azerbaijan)."""
    return {row[0]: tuple(c.strip() for c in row[2].split(";") if c.strip())
            for row in _rows(Path(path) if path else DATA / "states.tsv") if len(row) >= 3}


def fill_country(name: str, country: str | None, states: dict[str, str] | None = None) -> str:
    """Put a known country into a "{country}" name; unknown stays a placeholder for records.py.

    State names get the regime's first year, as ACLED writes them: "Police Forces of Kenya (2013-)";
    `states` (a model directory's learned regimes) comes before the hand table.
    """
    if not country or "{country}" not in name:
        return name
    if "({country})" in name:
        return name.replace("{country}", country)
    year = (states or {}).get(country) or load_states().get(country)
    filled = country_phrase(country) + (f" ({year}-)" if year else "")
    return name.replace("{country}", filled)


@lru_cache(maxsize=4)
def load_observers(path: str | None = None) -> dict[str, tuple[tuple[str, int], tuple[str, int] | None]]:
    """Observer name -> default (actor1, inter1) and (actor2, inter2) when no side is named."""
    table = {}
    for row in _rows(Path(path) if path else DATA / "observers.tsv"):
        row += [""] * (5 - len(row))
        second = (row[3], int(row[4])) if row[3] else None
        table[row[0]] = ((row[1], int(row[2])), second)
    return table


@lru_cache(maxsize=4)
def load_abroad(path: str | None = None) -> dict[tuple[str, str], tuple[str, int]]:
    """(actor name before any bracket, event country) -> (name, inter) ACLED codes it as there."""
    return {(row[0], row[1]): (row[2], int(row[3]))
            for row in _rows(Path(path) if path else DATA / "abroad.tsv") if len(row) >= 4}


@lru_cache(maxsize=4)
def _contraband(path: str | None = None) -> re.Pattern:
    words = sorted((row[0] for row in _rows(Path(path) if path else DATA / "contraband.tsv")), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)


@lru_cache(maxsize=1)
def load_not_actor_halves() -> frozenset[str]:
    """Words after an actor word's hyphen that make it no actor ("gang-raped")."""
    return frozenset(row[0].lower() for row in _rows(DATA / "not_actor_halves.tsv"))


def is_contraband(text: str) -> bool:
    """The text speaks of illicit goods (contraband.tsv): drugs, their labs and crops."""
    return bool(_contraband().search(text))
