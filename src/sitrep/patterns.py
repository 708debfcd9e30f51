"""Regex building blocks shared by the stages whose word lists become patterns."""
from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(phrases: Iterable[str], any_space: bool = False) -> str:
    """`a|b|c` of escaped phrases, longest first so "september" wins over "sep".

    With `any_space`, a space in a phrase matches any run of whitespace (line breaks included).
    """
    escaped = (re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    if any_space:
        escaped = (p.replace(r"\ ", r"\s+") for p in escaped)
    return "|".join(escaped)
