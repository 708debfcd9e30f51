"""sitrep: conflict news in, ACLED-coded events with claims and evidence out.

    >>> import sitrep
    >>> events = sitrep.extract(text, published="2016-01-18")
"""
from __future__ import annotations

from sitrep.api import extract, extract_batch, geoparse
from sitrep.model import Article, Claim, Event, Evidence, Toponym

__version__ = "0.1.0"
__all__ = ["Article", "Claim", "Event", "Evidence", "Toponym", "extract", "extract_batch", "geoparse"]
