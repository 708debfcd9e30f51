"""Places said relative to another: "20 km east of X", "the X-Y road", and UCDP's where_prec.

ACLED codes "20 km east of Idlib" to Idlib with geo_precision 2, so the place keeps Idlib's
point; the estimated point (offset along the bearing) is kept in `explain` for the analyst.
UCDP's where_prec (1-7) is derived from the same facts: 2 within 25 km of a named place,
3 farther, or only a district; 4 a province; 5 a road, river or large area; 6 the country;
7 seas and airspace.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace

from sitrep.geo import distance_km
from sitrep.mentions import PlaceMention

EARTH_KM = 6371.0
_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
             "southwest": 225, "west": 270, "northwest": 315}
_UNIT_KM = {"km": 1.0, "kms": 1.0, "kilometre": 1.0, "kilometres": 1.0, "kilometer": 1.0,
            "kilometers": 1.0, "mile": 1.609, "miles": 1.609, "mi": 1.609}
_DIRECTION = r"(?P<dir>(?:north|south)(?:[\s-]?(?:east|west))?|east|west)(?:ern)?"
OFFSET = re.compile(
    rf"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>km|kms|kilometres?|kilometers?|miles?|mi)\b\.?\s+"
    rf"(?:\(\s*[\d.,]+\s*\w+\s*\)\s+)?(?:to\s+the\s+)?(?:{_DIRECTION})?\s*(?:of|from|outside)\s+"
    rf"(?:the\s+)?(?:(?:town|city|village|capital)\s+(?:of\s+)?)?$", re.I)
ROAD = re.compile(r"\s*(?:road|highway|motorway|route|axis|expressway)\b", re.I)
ROAD_JOIN = re.compile(r"\s*[-–—/]\s*")
ROAD_MAX_KM = 60
SEA_CODES = {"OCN", "SEA", "GULF"}
AREA_CODES = {"RGN", "MTS", "DSRT", "LK", "DLTA", "CONT", "STM"}


def offset_before(text: str, place: PlaceMention) -> tuple[float, float | None] | None:
    """(distance km, bearing degrees or None) when "N km east of" comes right before."""
    match = OFFSET.search(text[max(0, place.start - 60):place.start])
    if not match:
        return None
    km = float(match.group("num").replace(",", ".")) * _UNIT_KM[match.group("unit").lower()]
    direction = (match.group("dir") or "").lower().replace("-", "").replace(" ", "")
    return km, _BEARINGS.get(direction)


def destination(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point `km` along `bearing` from (lat, lon), on a sphere."""
    d, b = km / EARTH_KM, math.radians(bearing)
    la1, lo1 = math.radians(lat), math.radians(lon)
    la2 = math.asin(math.sin(la1) * math.cos(d) + math.cos(la1) * math.sin(d) * math.cos(b))
    lo2 = lo1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(la1),
                           math.cos(d) - math.sin(la1) * math.sin(la2))
    return round(math.degrees(la2), 5), round((math.degrees(lo2) + 540) % 360 - 180, 5)


def apply_offset(text: str, place: PlaceMention) -> None:
    """Mark "20 km east of X" on X: precision 2, and the estimated point in explain."""
    if place.latitude is None:
        return
    found = offset_before(text, place)
    if found is None:
        return
    km, bearing = found
    place.geo_precision = max(place.geo_precision, 2)
    place.explain["offset_km"] = round(km, 1)
    if bearing is not None:
        lat, lon = destination(place.latitude, place.longitude, km, bearing)
        place.explain.update(offset_bearing=float(bearing), offset_lat=lat, offset_lon=lon)


def roads(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """'the Azaz-Marea road': one place at the midpoint of two towns (up to ROAD_MAX_KM apart),
    precision 2, where_prec 5."""
    out: list[PlaceMention] = []
    for a, b in zip(places, places[1:]):
        if a.latitude is None or b.latitude is None or a.country_code != b.country_code:
            continue
        if not ROAD_JOIN.fullmatch(text[a.end:b.start]) or not ROAD.match(text, b.end):
            continue
        if distance_km(a.latitude, a.longitude, b.latitude, b.longitude) > ROAD_MAX_KM:
            continue  # a long highway: its midpoint is no better a guess than either end
        out.append(replace(a, start=a.start, end=b.end, text=text[a.start:b.end],
                           latitude=round((a.latitude + b.latitude) / 2, 5),
                           longitude=round((a.longitude + b.longitude) / 2, 5),
                           geo_precision=2, where_prec=5, explain={**a.explain, "road": 1.0}))
    return out


def where_precision(place: PlaceMention) -> int:
    """UCDP's where_prec of a resolved place."""
    code = place.feature_code or ""
    if code in SEA_CODES:
        return 7
    if place.explain.get("road") or code in AREA_CODES:
        return 5
    if code.startswith("PCL") or place.explain.get("fallback"):
        return 6
    if code.startswith("ADM1") or (code.startswith("ADM") and place.geo_precision == 3):
        return 4
    if code.startswith("ADM"):
        return 3
    if place.explain.get("offset_km", 0) > 25:
        return 3
    if place.explain.get("admin_hint") or place.explain.get("inherited_context"):
        return 3  # the village is unknown: only the district's town is
    return 2 if place.geo_precision >= 2 else 1
