"""Synthetic predictions: gold events and toponyms perturbed the ways an extractor goes wrong."""
from __future__ import annotations

import math
import random

TYPES = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance", "Sexual violence"],
    "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Suicide bomb"],
    "Strategic developments": ["Arrests", "Looting/property destruction", "Agreement", "Other"],
}
ACTORS = ["Military Forces of Nigeria (2015-)", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
          "Protesters (India)", "Unidentified Armed Group (Syria)", "Police Forces of Mexico (2018-)",
          "Islamic State (Syria)", "Civilians (Afghanistan)", "Taliban"]


def move(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point `km` away along `bearing` (radians) on a sphere of diameter 12,742 km."""
    r = 6371.0
    d = km / r
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(bearing))
    l2 = l1 + math.atan2(math.sin(bearing) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


def _actor_variant(name: str | None, rng: random.Random) -> str | None:
    choice = rng.random()
    if name is None or choice < 0.3:
        return rng.choice(ACTORS)
    if choice < 0.6:
        return "The " + name.split("(")[0].upper()  # bracket dropped, case and article changed
    return name


def perturb_event(gold: dict, rng: random.Random) -> dict:
    p = {k: v for k, v in gold.items() if v is not None}
    if "event_type" not in p or rng.random() < 0.1:
        p["event_type"] = rng.choice(list(TYPES))
        p["sub_event_type"] = rng.choice(TYPES[p["event_type"]])
    elif rng.random() < 0.15:
        p["sub_event_type"] = rng.choice(TYPES.get(p["event_type"], ["Other"]))
    if "latitude" in p and rng.random() < 0.4:
        p["latitude"], p["longitude"] = move(p["latitude"], p["longitude"], rng.choice([30, 100, 200]),
                                             rng.uniform(0, 2 * math.pi))
    if rng.random() < 0.15:  # coordinates lost, the name kept in another spelling
        p.pop("latitude", None)
        p.pop("longitude", None)
        if p.get("location"):
            p["location"] = rng.choice(["Al-", "al ", ""]) + p["location"] + rng.choice([" Governorate", " town", ""])
    if rng.random() < 0.3:
        p["actor1"] = _actor_variant(p.get("actor1"), rng)
    if rng.random() < 0.2:
        p["actor1"], p["actor2"] = p.get("actor2"), p.get("actor1")
    if p.get("event_date") and rng.random() < 0.15:
        p["event_date"] = p["event_date"][:-1] + str((int(p["event_date"][-1]) + 1) % 10)
    if "fatalities" in p:
        p["fatalities"] = int(p["fatalities"]) + (rng.choice([1, 2]) if rng.random() < 0.2 else 0)
    else:
        low, high = gold.get("fatalities_low") or 0, gold.get("fatalities_high") or 0
        p["fatalities"] = rng.randint(max(0, low - 2), high + 2)
    for name, values in (("inter1", [1, 2, 3, 5, 6, 7, 8]), ("geo_precision", [1, 2, 3]),
                         ("time_precision", [1, 2, 3])):
        if rng.random() < 0.15:
            p[name] = rng.choice(values)
    if p.get("admin1") and rng.random() < 0.2:
        p["admin1"] = rng.choice(["Ash Sharqiyah", p["admin1"] + " Province", "Kano"])
    if p.get("country") and rng.random() < 0.05:
        p["country"] = rng.choice(["Syria", "India", ""])
    return p


def perturb_events(record: dict, rng: random.Random) -> list[dict]:
    """Extracted events for one article: some dropped, perturbed, shuffled, plus spurious ones."""
    if rng.random() < 0.1:
        return []
    out = [perturb_event(g, rng) for g in record.get("events") or [] if rng.random() > 0.15]
    if rng.random() < 0.15:
        t = rng.choice(list(TYPES))
        out.append({"event_type": t, "sub_event_type": rng.choice(TYPES[t]), "actor1": rng.choice(ACTORS),
                    "location": rng.choice(["Aleppo", "Kabul", "Lagos"]), "fatalities": 0})
    if rng.random() < 0.2:
        rng.shuffle(out)
    if len(out) > 1 and rng.random() < 0.1:
        out.append(dict(out[0]))  # a duplicate: only one of them can pair
    return out


def perturb_toponyms(record: dict, rng: random.Random) -> list[dict]:
    out = []
    for g in record.get("toponyms") or []:
        if rng.random() < 0.2:
            continue
        t = {"start": g["start"], "end": g["end"], "text": g["text"],
             "latitude": g["latitude"], "longitude": g["longitude"]}
        shape = rng.random()
        if shape < 0.1:
            t["start"] = t["end"]  # touches the gold end: no overlap (end exclusive)
            t["end"] = t["start"] + 4
        elif shape < 0.2:
            t["end"] = t["start"] + 1  # one character still overlaps
        elif shape < 0.3:
            t["start"], t["end"] = t["start"] - 5, t["start"]  # ends at gold start: no overlap
        if rng.random() < 0.4:
            t["latitude"], t["longitude"] = move(t["latitude"], t["longitude"], rng.choice([10, 100, 170, 900]),
                                                 rng.uniform(0, 2 * math.pi))
        if rng.random() < 0.05:
            t["latitude"] = t["longitude"] = None
        out.append(t)
        if rng.random() < 0.05:  # a second, farther reading of the same span after it
            out.append({**t, "latitude": 0.0, "longitude": 0.0})
    for _ in range(rng.randint(0, 2)):
        start = rng.randint(0, max(0, len(record["text"]) - 10))
        out.append({"start": start, "end": start + 6, "text": record["text"][start:start + 6],
                    "latitude": rng.uniform(-60, 60), "longitude": rng.uniform(-180, 180)})
    if rng.random() < 0.2:
        rng.shuffle(out)
    return out
