"""The comparisons of shared/gold/README.md: same place, same actor, great-circle distance.

Exactly as written there; the rule text is quoted beside each step so a reader can check it.
"""
from __future__ import annotations


from sitrep.geo import EARTH_DIAMETER_KM, distance_km  # noqa: F401 - re-exported for the scorer
import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache


PLACE_WORDS = (
    "governorate", "province", "district", "state", "region", "city", "town", "village",
    "municipality", "department", "camp", "suburb", "county", "oblast", "raion", "muhafazat",
    "wilayah",
)
_PLACE_WORDS = re.compile(r"\b(?:" + "|".join(PLACE_WORDS) + r")\b")
# "the article al/el/... wherever it begins a word and is followed by '-' or a space"
_ARTICLE = re.compile(r"\b(?:al|el|ad|ar|as|ash|at|az|an)[- ]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
PLACE_RATIO = 0.85

ACTOR_STOPWORDS = frozenset({"of", "the", "forces", "and", "militia", "group"})
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[a-z0-9]+")
ACTOR_SHARE = 0.6


def fold(text: str) -> str:
    """ASCII fold (NFKD, marks dropped) and lowercase."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


@lru_cache(maxsize=65536)
def place_key(name: str | None) -> str:
    """A place name reduced for comparison; '' when nothing is left."""
    if not name:
        return ""
    text = _PLACE_WORDS.sub(" ", fold(str(name)))
    text = _ARTICLE.sub("", text)
    return _NOT_ALNUM.sub("", text)


def same_place(a: str | None, b: str | None) -> bool:
    """Equal after reduction, or SequenceMatcher ratio >= 0.85; empty never matches."""
    key_a, key_b = place_key(a), place_key(b)
    if not key_a or not key_b:
        return False
    return key_a == key_b or SequenceMatcher(None, key_a, key_b).ratio() >= PLACE_RATIO


@lru_cache(maxsize=65536)
def actor_words(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    text = _BRACKETED.sub(" ", fold(str(name)))
    return frozenset(_WORD.findall(text)) - ACTOR_STOPWORDS


def same_actor(a: str | None, b: str | None) -> bool:
    """Shared words >= 0.6 of the smaller word set; an empty set never matches."""
    words_a, words_b = actor_words(a), actor_words(b)
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) >= ACTOR_SHARE * min(len(words_a), len(words_b))
