"""Read side of the place index: `Gazetteer.default().lookup("Al-Bab", "SY")`.

The SQLite file is built once (build.py) and cached under `$SITREP_CACHE` or
`~/.cache/sitrep/`; one read-only connection per process, opened lazily. `$SITREP_GAZETTEER`
names an index built from GeoNames dumps or an ACLED export (sources.py) to use instead.

Three ways in: `lookup_key` (exact name key, B-tree: the fast path the resolver uses),
`search` (FTS5 prefix search over every name of a place) and `near` (R*Tree).
"""
from __future__ import annotations

import math
import os
import sqlite3
import sys
import threading
from collections.abc import Iterable, Iterator, KeysView, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.gazetteer.build import KIND_DEMONYM, build, data_version
from sitrep.geo import distance_km
from sitrep.gazetteer.normalize import area_key, bare_area_name, name_key, skeleton

_PLACE_COLUMNS = ("p.geonameid, p.name, p.latitude, p.longitude, p.country_code, p.admin1, "
                  "p.admin2, p.population, p.feature_code, 0")
_COLUMNS = ("p.geonameid, p.name, p.latitude, p.longitude, p.country_code, p.admin1, p.admin2, "
            "p.population, p.feature_code, n.kind")


@dataclass(frozen=True)
class Candidate:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    admin1: str | None
    admin2: str | None
    population: int
    feature_code: str
    kind: int = 0            # how the name matched: 0 main, 1 alternate, 2 variant, 3 demonym
    fuzzy: bool = False      # matched on the consonant skeleton only

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL")

    @property
    def is_admin1(self) -> bool:
        return self.feature_code == "ADM1"

    @property
    def is_demonym(self) -> bool:
        return self.kind == KIND_DEMONYM


def cache_dir() -> Path:
    root = os.environ.get("SITREP_CACHE")
    return Path(root) if root else Path.home() / ".cache" / "sitrep"


def default_path() -> Path:
    return cache_dir() / f"gazetteer-{data_version()}.sqlite"


def custom_path() -> Path:
    """Where `sitrep gazetteer build --geonames/--from-acled` writes by default (a name the
    clean-up of old default indexes leaves alone)."""
    return cache_dir() / "places-custom.sqlite"


class Gazetteer:
    """Lookups over one index file; candidates come most populous first."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        uri = f"file:{self.path}?mode=ro&immutable=1"
        self._con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self.lookup_key = lru_cache(maxsize=200_000)(self._lookup_key)
        self.country = lru_cache(maxsize=512)(self._country)
        self.admin2_areas = lru_cache(maxsize=4096)(self._admin2_areas)
        self.country_admin2 = lru_cache(maxsize=64)(self._country_admin2)
        self.admin2_names = lru_cache(maxsize=1)(self._admin2_names)
        self.towns_in = lru_cache(maxsize=1024)(self._towns_in)

    @classmethod
    def default(cls) -> Gazetteer:
        """The per-process shared index, built on first use (a forked worker, e.g. nlp.pipe
        with n_process > 1, opens its own connection: SQLite handles must not cross a fork)."""
        return _default(os.getpid())

    @classmethod
    def build(cls, path: str | Path, **sources) -> Gazetteer:
        """Build an index at `path` (sources: see build.build) and open it."""
        return cls(build(path, **sources))

    def _rows(self, sql: str, args: tuple) -> list[Candidate]:
        with self._lock:
            rows = self._con.execute(sql, args).fetchall()
        return [Candidate(*row) for row in rows]

    def _lookup_key(self, key: str) -> tuple[Candidate, ...]:
        if not key:
            return ()
        rows = self._rows(f"SELECT {_COLUMNS} FROM names n JOIN places p USING(geonameid) "
                          "WHERE n.key = ? ORDER BY p.population DESC", (key,))
        best: dict[int, Candidate] = {}
        for cand in rows:  # one candidate per place, with its best (lowest) name kind
            if cand.geonameid not in best or cand.kind < best[cand.geonameid].kind:
                best[cand.geonameid] = cand
        return tuple(best.values())

    def lookup(self, name: str, country_code: str | None = None,
               fuzzy: bool = True) -> list[Candidate]:
        """Places called `name` (variants meet through name_key); within `country_code` when
        given. Falls back to the consonant skeleton when nothing matches exactly."""
        found = list(self.lookup_key(name_key(name)))
        if country_code:
            found = [c for c in found if c.country_code == country_code.upper()]
        if not found and fuzzy:
            found = self.lookup_fuzzy(name, country_code)
        return found

    def lookup_fuzzy(self, name: str, country_code: str | None = None) -> list[Candidate]:
        skel = skeleton(name)
        if not skel:
            return []
        sql = (f"SELECT {_COLUMNS} FROM names n JOIN places p USING(geonameid) "
               "WHERE n.skel = ? AND n.skel != ''")  # lets SQLite use the partial index
        args: tuple = (skel,)
        if country_code:
            sql += " AND p.country_code = ?"
            args += (country_code.upper(),)
        rows = self._rows(sql + " ORDER BY p.population DESC LIMIT 50", args)
        seen: set[int] = set()
        out = []
        for cand in rows:
            if cand.geonameid not in seen:
                seen.add(cand.geonameid)
                out.append(Candidate(*(getattr(cand, f) for f in _FIELDS[:-1]), fuzzy=True))
        return out

    def search(self, text: str, country_code: str | None = None,
               limit: int = 20) -> list[Candidate]:
        """Places called `text` (exact name key) first, then places with a name whose words
        start with its words ("deir zo" finds Deir ez-Zor), most populous first; falls back to
        the consonant skeleton."""
        key = name_key(text)
        words = key.split()
        if not words:
            return []
        exact = [c for c in self.lookup_key(key)
                 if not country_code or c.country_code == country_code.upper()][:limit]
        # every word a quoted prefix: FTS5 syntax in user input stays literal
        match = " ".join(f'"{w}"*' for w in words)
        sql = (f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.geonameid IN "
               "(SELECT rowid FROM names_fts WHERE names_fts MATCH ?)")
        args: tuple = (match,)
        if country_code:
            sql += " AND p.country_code = ?"
            args += (country_code.upper(),)
        found = self._rows(sql + " ORDER BY p.population DESC LIMIT ?", args + (limit,))
        seen = {c.geonameid for c in exact}
        found = exact + [c for c in found if c.geonameid not in seen]
        return found[:limit] or self.lookup_fuzzy(text, country_code)[:limit]

    def near(self, latitude: float, longitude: float, km: float = 10.0, limit: int = 50,
             feature_prefix: str | None = None) -> list[tuple[Candidate, float]]:
        """(place, distance in km) within `km` of a point, nearest first (R*Tree box, then
        great-circle distance). `feature_prefix` "PPL" keeps populated places only."""
        dlat = km / 111.0
        # a degree of longitude shrinks towards the poles; near them take every longitude
        cos = math.cos(math.radians(min(abs(latitude), 89.0)))
        dlon = km / (111.320 * cos) if km / (111.320 * cos) < 180 else 180.0
        boxes = [(longitude - dlon, longitude + dlon)]
        if boxes[0][0] < -180:  # the box crosses the antimeridian: query both sides
            boxes = [(-180.0, boxes[0][1]), (boxes[0][0] + 360, 180.0)]
        elif boxes[0][1] > 180:
            boxes = [(boxes[0][0], 180.0), (-180.0, boxes[0][1] - 360)]
        out: list[tuple[Candidate, float]] = []
        for west, east in boxes:
            sql = (f"SELECT {_PLACE_COLUMNS} FROM places_rtree r JOIN places p "
                   "ON p.geonameid = r.id WHERE r.max_lat >= ? AND r.min_lat <= ? "
                   "AND r.max_lon >= ? AND r.min_lon <= ?")
            args: tuple = (latitude - dlat, latitude + dlat, west, east)
            if feature_prefix:
                sql += " AND p.feature_code LIKE ?"
                args += (feature_prefix + "%",)
            for cand in self._rows(sql, args):
                dist = distance_km(latitude, longitude, cand.latitude, cand.longitude)
                if dist <= km:
                    out.append((cand, dist))
        out.sort(key=lambda pair: (pair[1], -pair[0].population))
        return out[:limit]

    def meta(self) -> dict[str, str]:
        """How the index was built: version, sources."""
        with self._lock:
            return dict(self._con.execute("SELECT k, v FROM meta"))

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of `keys` name at least one place (one query for a whole document)."""
        wanted = list({k for k in keys if k})
        found: set[str] = set()
        for i in range(0, len(wanted), 900):
            chunk = wanted[i:i + 900]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                found.update(r[0] for r in self._con.execute(
                    f"SELECT DISTINCT key FROM names WHERE key IN ({marks})", chunk))
        return found

    def _admin2_areas(self, name: str) -> tuple[Candidate, ...]:
        """Second-level areas (counties, districts) called `name` (as area keys compare: the
        kind word GeoNames writes before some, "Province du Loroum", does not count), one per
        (country, admin1), most populous first: the embedded index has no ADM2 rows, but its
        towns name their admin2, so an area lies at the mid-range (middle of the bounding box)
        of its towns; ids count down from ADMIN2_ID."""
        written = self.admin2_names().get(area_key(name))
        if not written:
            return ()  # most names asked are no admin2 of any town: spare the scan
        marks = ",".join("?" * len(written))
        rows = self._rows(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.admin2 IN ({marks}) "
                          "AND p.feature_code LIKE 'PPL%'", tuple(written))
        groups: dict[tuple[str, str | None, str], list[tuple]] = {}
        for town in rows:
            groups.setdefault((town.country_code, town.admin1, town.admin2 or ""), []).append(
                (town.geonameid, town.latitude, town.longitude, town.population))
        return _areas(groups)

    def _admin2_names(self) -> dict[str, tuple[str, ...]]:
        """Area key -> the admin2 names as the index's towns write them (one scan, once per index)."""
        with self._lock:
            rows = self._con.execute("SELECT DISTINCT admin2 FROM places WHERE admin2 IS NOT NULL").fetchall()
        names: dict[str, list[str]] = {}
        for admin2, in rows:
            names.setdefault(area_key(admin2), []).append(admin2)
        return {key: tuple(written) for key, written in names.items()}

    def admin2_keys(self) -> KeysView[str]:
        """Area keys of every admin2 the index's towns name."""
        return self.admin2_names().keys()

    def _country_admin2(self, country_code: str) -> Mapping[str, tuple[Candidate, ...]]:
        """Name key -> the country's second-level areas so called (as admin2_areas makes
        them), from one indexed read of the country's towns."""
        code = country_code.upper()
        marks = ",".join("?" * len(_TOWN_CODES))
        with self._lock:  # bare tuples: a large country has tens of thousands of towns
            rows = self._con.execute(
                "SELECT admin1, admin2, geonameid, latitude, longitude, population FROM places "
                f"WHERE feature_code IN ({marks}) AND country_code = ? AND admin2 IS NOT NULL",
                _TOWN_CODES + (code,)).fetchall()
        by_key: dict[str, dict[tuple[str, str | None, str], list[tuple]]] = {}
        for admin1, admin2, *town in rows:
            by_key.setdefault(area_key(admin2), {}).setdefault((code, admin1, admin2), []).append(town)
        return _AreasByKey(by_key)

    def _towns_in(self, country_code: str, admin1: str) -> tuple[Candidate, ...]:
        """The populated places of one first-level area, most populous first."""
        marks = ",".join("?" * len(_TOWN_CODES))
        return tuple(self._rows(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.feature_code IN "
                                f"({marks}) AND p.country_code = ? AND p.admin1 = ? "
                                "ORDER BY p.population DESC", _TOWN_CODES + (country_code.upper(), admin1)))

    def by_id(self, geonameid: int) -> Candidate | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM places p JOIN names n USING(geonameid) "
                          "WHERE p.geonameid = ? ORDER BY n.kind LIMIT 1", (geonameid,))
        return rows[0] if rows else None

    def _country(self, code: str) -> Candidate | None:
        rows = self._rows(f"SELECT {_COLUMNS} FROM places p JOIN names n USING(geonameid) "
                          "WHERE p.country_code = ? AND p.feature_code = 'PCLI' "
                          "ORDER BY n.kind LIMIT 1", (code.upper(),))
        return rows[0] if rows else None


# feature codes of populated places (the embedded index uses PPL and PPLC; GeoNames all of them)
_TOWN_CODES = ("PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5", "PPLC", "PPLF", "PPLG", "PPLL",
               "PPLR", "PPLS", "PPLX")


class _AreasByKey(Mapping):
    """Name key -> areas, each key's areas made on first use: an article asks for a handful of
    a country's thousands of admin2 names, and making them all cost more than the read."""

    def __init__(self, groups: dict[str, dict[tuple[str, str | None, str], list[tuple]]]):
        self._groups = groups
        self._made: dict[str, tuple[Candidate, ...]] = {}

    def __getitem__(self, key: str) -> tuple[Candidate, ...]:
        if key not in self._made:
            self._made[key] = _areas(self._groups[key])
        return self._made[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._groups)

    def __len__(self) -> int:
        return len(self._groups)


def _areas(groups: dict[tuple[str, str | None, str], list[tuple]]) -> tuple[Candidate, ...]:
    """One area per (country, admin1, admin2) group of towns (geonameid, latitude, longitude,
    population), at the mid-range (middle of the bounding box) of its towns, most populous first."""
    areas = []
    for (cc, admin1, admin2), towns in sorted(groups.items(), key=lambda g: str(g[0])):
        ids, lats, lons, people = zip(*towns)
        # a stable id per area: the smallest geonameid among its towns
        areas.append(Candidate(ADMIN2_ID - min(ids) % 1_000_000_000, bare_area_name(admin2),
                               (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2,
                               cc, admin1, admin2, sum(people), "ADM2"))
    return tuple(sorted(areas, key=lambda c: -c.population))


_FIELDS = tuple(Candidate.__dataclass_fields__)
ADMIN2_ID = -2_000_000_000  # ids of admin2 areas made from their towns (admin2_areas)


@lru_cache(maxsize=1)
def _default(pid: int) -> Gazetteer:
    chosen = os.environ.get("SITREP_GAZETTEER")
    if chosen:  # an index the user built: never rebuilt or removed here
        if not Path(chosen).is_file():
            raise FileNotFoundError(f"SITREP_GAZETTEER={chosen}: no such index file "
                                    "(see `sitrep gazetteer build --geonames`)")
        return Gazetteer(chosen)
    path = default_path()
    if not path.exists():
        # the first run is slow for a reason the user should see; later runs reuse the file
        print(f"sitrep: building the place index once ({path}); this takes about a minute",
              file=sys.stderr, flush=True)
        build(path)
        for old in path.parent.glob("gazetteer-*.sqlite"):  # indexes of older data files
            if old != path:
                old.unlink(missing_ok=True)
    return Gazetteer(path)
