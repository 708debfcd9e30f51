"""Name keys under which spelling variants of one place meet.

`name_key` folds case, accents, apostrophes, hyphens and Arabic articles: "Al-Bab" and "Al Bab"
and "al-Bāb" all give "bab". `skeleton` goes further (consonants only, q->k, no h/w/y, doubles
collapsed) so that transliterations meet: "Deir ez-Zor", "Dayr az-Zawr", "Deir Ezzor" -> "drzr".
The skeleton is lossy and only used as a fallback inside a known country.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

# Arabic/Berber/Persian articles and their assimilated forms; only as a separate word
ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "ed", "es",
            "et", "ez", "en", "er", "ul", "il", "ud", "ur", "us", "az")
_ARTICLE_RE = re.compile(r"\b(?:%s)[\s\-]+(?=\w)" % "|".join(sorted(set(ARTICLES), key=len, reverse=True)))
# "US Virgin Islands", "AN Region": a capitalised abbreviation before a word in ordinary case is no
# article ("AL-BAB", all capitals, still is)
_CAPS_NOT_ARTICLE = re.compile(r"\b(%s)[\s\-]+(?=[A-Z]?[a-z])" % "|".join(
    sorted({a.upper() for a in ARTICLES}, key=len, reverse=True)))
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u02bb\u02be\u02bf'`\u00b4]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLES = re.compile(r"(.)\1+")
_SPECIAL = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe",
                          "þ": "th", "ð": "d", "ʻ": "", "ʼ": ""})


def fold(text: str) -> str:
    """ASCII, lowercase, apostrophes dropped (Dar'a -> dara)."""
    text = text.lower()
    if text.isascii():  # most names: skip the Unicode work
        return _APOSTROPHES.sub("", text)
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text)
    return text.encode("ascii", "ignore").decode("ascii")


def name_key(text: str) -> str:
    """The exact-match key: folded, articles dropped, words joined by single spaces."""
    text = fold(_CAPS_NOT_ARTICLE.sub(r"\1~", text))  # "~" keeps the article rule off it
    text = _ARTICLE_RE.sub("", text)
    # doubled letters vary between transliterations (Daraa / Dar'a, Ezzor / Ezor)
    return _DOUBLES.sub(r"\1", _NON_ALNUM.sub(" ", text)).strip()


@lru_cache(maxsize=1)
def _kind_pattern() -> re.Pattern[str]:
    """admin_kinds.tsv as one pattern: a kind word, an optional joiner, then the name proper."""
    forms = []
    for line in (Path(__file__).parent / "data" / "admin_kinds.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, joiners = line.partition("\t")
        # longest first: "de la" before "de"
        joined = sorted((j.replace("_", " ") for j in joiners.split() if j != "-"), key=len, reverse=True)
        after = "(?:(?:%s)\\s*)?" % "|".join(re.escape(j).replace("'", "['\u2019]") for j in joined) if joined else ""
        forms.append(re.escape(kind.strip()) + r"\s+" + after)
    return re.compile(r"^(?:%s)(?=\w)" % "|".join(forms), re.IGNORECASE)


def bare_area_name(name: str) -> str:
    """An area's name without the kind word GeoNames puts before it: "Province du Loroum" ->
    "Loroum", "Municipio Libertador" -> "Libertador"; other names unchanged."""
    bare = _kind_pattern().sub("", name.strip())
    return bare if bare else name


@lru_cache(maxsize=65_536)  # admin names repeat over a country's towns and every candidate
def area_key(name: str) -> str:
    """`name_key` of `bare_area_name`: how an admin area named in a report meets its towns' column."""
    return name_key(bare_area_name(name))


_SKEL_MAP = str.maketrans({"q": "k", "c": "k", "j": "g", "v": "f", "p": "b", "e": None, "a": None,
                           "i": None, "o": None, "u": None, "y": None, "w": None, "h": None,
                           " ": None})


def skeleton(text: str) -> str:
    """Consonant skeleton of `name_key(text)` (see module docstring); '' when too short."""
    return skeleton_of_key(name_key(text))


def skeleton_of_key(key: str) -> str:
    """`skeleton` of an already computed `name_key`."""
    if len(key) < 5:
        return ""
    skel = _DOUBLES.sub(r"\1", key.translate(_SKEL_MAP))
    return skel if len(skel) >= 3 else ""
