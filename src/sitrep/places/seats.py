"""Where ACLED puts an event known only to a region: the region's capital (codebook,
geo_precision 3: "coded to the nearest named feature or to the region's capital").

The index knows no capitals of first-level areas, so the seat is the area's town of its own
name (Farah, Hajjah, Sa'dah), else a town the GeoNames index marks as seat (PPLA), else the
area's most populous town (Wasit: Kut; Anbar: Ramadi or Fallujah).
"""
from __future__ import annotations

import re
from dataclasses import replace

from sitrep.gazetteer import Candidate, Gazetteer, name_key
from sitrep.mentions import PlaceMention

_AROUND = re.compile(r"(?:[\w.'’)],|\()\s*$")


def admin1_seat(gaz: Gazetteer, country_code: str, admin1: str, largest: bool = True) -> Candidate | None:
    """The area's seat; `largest`: its most populous town when nothing else marks one."""
    towns = gaz.towns_in(country_code, admin1)
    if not towns:
        return None
    key = name_key(admin1)
    return (next((t for t in towns if name_key(t.name) == key), None)
            or next((t for t in towns if t.feature_code == "PPLA"), None)
            or (towns[0] if largest else None))


def _named_around(text: str, place: PlaceMention) -> bool:
    """The area follows another name, as its context: "(Nangade, Cabo Delgado)", "Mandaguari
    and Perola, Parana", "Remeka village (Nord-Kivu)"."""
    return bool(_AROUND.search(text[max(0, place.start - 3):place.start]))


def at_seat(gaz: Gazetteer, place: PlaceMention, text: str = "") -> PlaceMention:
    """An event place that is a first-level area, moved to the area's seat (the point only:
    name, admin areas and precision stay). An area
    named only around a place the index lacks ("Nangade village (Nangade, Cabo Delgado)")
    keeps its middle unless a town bears its name: the village may lie anywhere in it, and a
    capital is often at its edge (Karachi, Pemba)."""
    if place.feature_code != "ADM1" or not place.country_code or not place.admin1:
        return place
    around = bool(place.explain.get("admin_hint") or place.explain.get("inherited_from") is not None
                  or _named_around(text, place))
    seat = admin1_seat(gaz, place.country_code, place.admin1, largest=not around)
    if seat is None:
        return place
    # the name stays the area's: records.py merges events by the areas their places lie in
    return replace(place, latitude=round(seat.latitude, 5),
                   longitude=round(seat.longitude, 5), explain={**place.explain, "seat": 1.0})
