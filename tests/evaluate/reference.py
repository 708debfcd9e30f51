"""A second, deliberately plain implementation of shared/gold/README.md's scoring rules.

Written apart from sitrep.evaluate and sharing nothing with it, so that a misreading of the
rules in one shows up as a disagreement with the other (tests/evaluate/test_agreement.py).
Predictions are plain dicts here.
"""
from __future__ import annotations

import difflib
import math
import re
import unicodedata


def _missing(v):
    return v is None or v == ""


def _ascii_lower(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if ord(ch) < 128).lower()


DROP_WORDS = ["governorate", "province", "district", "state", "region", "city", "town",
              "village", "municipality", "department", "camp", "suburb", "county", "oblast",
              "raion", "muhafazat", "wilayah"]
ARTICLES = ["al", "el", "ad", "ar", "as", "ash", "at", "az", "an"]


def norm_place(s):
    if _missing(s):
        return ""
    s = _ascii_lower(str(s))
    for w in DROP_WORDS:
        s = re.sub(r"(?<![a-z0-9_])" + w + r"(?![a-z0-9_])", " ", s)
    # longest article first so "ash-" is not read as "as" + "h-"
    for a in sorted(ARTICLES, key=len, reverse=True):
        s = re.sub(r"(?<![a-z0-9_])" + a + r"[- ]", "", s)
    return "".join(ch for ch in s if ch in "abcdefghijklmnopqrstuvwxyz0123456789")


def place_eq(a, b):
    x, y = norm_place(a), norm_place(b)
    if x == "" or y == "":
        return False
    if x == y:
        return True
    return difflib.SequenceMatcher(None, x, y).ratio() >= 0.85


def actor_set(s):
    if _missing(s):
        return set()
    s = _ascii_lower(str(s))
    out = ""
    depth = 0
    for ch in s:  # drop anything inside (...) or [...]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            out += ch
    words = set(re.findall(r"[a-z0-9]+", out))
    return words - {"of", "the", "forces", "and", "militia", "group"}


def actor_eq(a, b):
    x, y = actor_set(a), actor_set(b)
    if not x or not y:
        return False
    return len(x & y) >= 0.6 * min(len(x), len(y))


def km(lat1, lon1, lat2, lon2):
    r = 12742.0 / 2
    a = math.radians(lat1)
    b = math.radians(lat2)
    d_lat = b - a
    d_lon = math.radians(lon2 - lon1)
    h = math.sin(d_lat / 2) ** 2 + math.cos(a) * math.cos(b) * math.sin(d_lon / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def has_xy(e):
    return not _missing(e.get("latitude")) and not _missing(e.get("longitude"))


def score(g, p):
    if not _missing(g.get("event_type")) and not _missing(p.get("event_type")):
        if g["event_type"] != p["event_type"]:
            return -1
    s = 0.0
    if not _missing(g.get("event_type")):
        s += 2
    if not _missing(g.get("sub_event_type")) and g.get("sub_event_type") == p.get("sub_event_type"):
        s += 1
    if not _missing(g.get("event_date")) and g.get("event_date") == p.get("event_date"):
        s += 1
    if has_xy(g) and has_xy(p):
        if km(g["latitude"], g["longitude"], p["latitude"], p["longitude"]) <= 50:
            s += 1
    else:
        if place_eq(g.get("location"), p.get("location")):
            s += 1
    found = False
    for ga in (g.get("actor1"), g.get("actor2")):
        for pa in (p.get("actor1"), p.get("actor2")):
            if actor_eq(ga, pa):
                found = True
    if found:
        s += 0.5
    return s


def pairs_of(gold, pred):
    cands = []
    for i in range(len(gold)):
        for j in range(len(pred)):
            cands.append((score(gold[i], pred[j]), i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    taken_g, taken_p, out = set(), set(), []
    for s, i, j in cands:
        if s < 0:
            continue
        if i in taken_g or j in taken_p:
            continue
        taken_g.add(i)
        taken_p.add(j)
        out.append((i, j))
    return out


def div(a, b):
    return a / b if b else 0.0


def event_figures(articles):
    """articles: list of (gold record, list of predicted event dicts)."""
    n_gold = n_pred = n_pair = 0
    art_gold = art_flag = art_hit = 0
    prim_g, prim_p, type_g, type_p = [], [], [], []
    names = ["event_type", "sub_event_type", "fatalities_exact", "fatalities_in_low_high",
             "event_date", "country", "admin1", "location_25km", "location_161km",
             "location_name", "actor1", "actors_any_order", "inter1", "geo_precision",
             "time_precision"]
    right = {n: 0 for n in names}
    total = {n: 0 for n in names}

    def count(name, ok):
        total[name] += 1
        if ok:
            right[name] += 1

    for rec, pred in articles:
        gold = rec.get("events") or []
        n_gold += len(gold)
        n_pred += len(pred)
        if gold:
            art_gold += 1
        if pred:
            art_flag += 1
        if gold and pred:
            art_hit += 1
        for i, j in pairs_of(gold, pred):
            n_pair += 1
            g, p = gold[i], pred[j]
            for n in ("event_type", "sub_event_type", "event_date"):
                if not _missing(g.get(n)):
                    count(n, g[n] == p.get(n))
            if not _missing(g.get("fatalities")):
                count("fatalities_exact", p.get("fatalities") is not None and int(p["fatalities"]) == g["fatalities"])
            if not _missing(g.get("fatalities_low")) and not _missing(g.get("fatalities_high")):
                count("fatalities_in_low_high", p.get("fatalities") is not None
                      and g["fatalities_low"] <= int(p["fatalities"]) <= g["fatalities_high"])
            for n in ("country", "admin1"):
                if not _missing(g.get(n)):
                    count(n, place_eq(g[n], p.get(n)))
            if has_xy(g):
                d = km(g["latitude"], g["longitude"], p["latitude"], p["longitude"]) if has_xy(p) else None
                count("location_25km", d is not None and d <= 25)
                count("location_161km", d is not None and d <= 161)
            elif not _missing(g.get("location")):
                count("location_name", place_eq(g["location"], p.get("location")))
            if not _missing(g.get("actor1")):
                count("actor1", actor_eq(g["actor1"], p.get("actor1")))
            gact = [a for a in (g.get("actor1"), g.get("actor2")) if not _missing(a)]
            if gact:
                ok = True
                for a in gact:
                    if not (actor_eq(a, p.get("actor1")) or actor_eq(a, p.get("actor2"))):
                        ok = False
                count("actors_any_order", ok)
            for n in ("inter1", "geo_precision", "time_precision"):
                if not _missing(g.get(n)):
                    count(n, p.get(n) is not None and int(p[n]) == int(g[n]))
        if len(gold) == 1:
            first = pred[0] if pred else {}
            if not _missing(gold[0].get("sub_event_type")):
                prim_g.append(gold[0]["sub_event_type"])
                prim_p.append(first.get("sub_event_type") or "NONE")
            if not _missing(gold[0].get("event_type")):
                type_g.append(gold[0]["event_type"])
                type_p.append(first.get("event_type") or "NONE")
    p_ev, r_ev = div(n_pair, n_pred), div(n_pair, n_gold)
    wf1 = 0.0
    for label in set(prim_g):
        tp = sum(1 for a, b in zip(prim_g, prim_p) if a == label and b == label)
        sup = prim_g.count(label)
        npred = prim_p.count(label)
        pr, rc = div(tp, npred), div(tp, sup)
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        wf1 += f * sup
    wf1 = div(wf1, len(prim_g))
    return {
        "event_precision": p_ev,
        "event_recall": r_ev,
        "event_f1": 2 * p_ev * r_ev / (p_ev + r_ev) if p_ev + r_ev else 0.0,
        "detect_precision": div(art_hit, art_flag),
        "detect_recall": div(art_hit, art_gold),
        "primary_sub_event_weighted_f1": wf1,
        "primary_sub_event_accuracy": div(sum(a == b for a, b in zip(prim_g, prim_p)), len(prim_g)),
        "primary_event_type_accuracy": div(sum(a == b for a, b in zip(type_g, type_p)), len(type_g)),
        "fields_on_matched": {n: [div(right[n], total[n]), total[n]] for n in names},
    }


def toponym_figures(articles):
    """articles: list of (gold record, list of predicted toponym dicts)."""
    n_gold = n_pred = n_prec = 0
    errors = []
    for rec, pred in articles:
        gold = rec.get("toponyms") or []
        n_gold += len(gold)
        n_pred += len(pred)
        for p in pred:
            if any(p["start"] < g["end"] and g["start"] < p["end"] for g in gold):
                n_prec += 1
        for g in gold:
            for p in pred:
                if has_xy(p) and p["start"] < g["end"] and g["start"] < p["end"]:
                    errors.append(km(g["latitude"], g["longitude"], p["latitude"], p["longitude"]))
                    break
    near = sum(1 for e in errors if e <= 161)
    srt = sorted(errors)
    if srt:
        mid = len(srt) // 2
        median = srt[mid] if len(srt) % 2 else (srt[mid - 1] + srt[mid]) / 2
    return {
        "recall": div(len(errors), n_gold),
        "precision": div(n_prec, n_pred),
        "acc161_of_gold": div(near, n_gold),
        "acc161_of_detected": div(near, len(errors)),
        "acc25_of_detected": div(sum(1 for e in errors if e <= 25), len(errors)),
        "median_error_km": median if srt else None,
        "mean_error_km": sum(errors) / len(errors) if errors else None,
    }
