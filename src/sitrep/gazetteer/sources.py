"""Build an index from GeoNames dumps and/or an ACLED export, merged with the embedded data.

Merging (the default): the embedded index (every country, cities of 500+ people, analysts'
variants, demonyms) is written first; GeoNames rows then replace embedded rows of the same
geonameid (cities500 is a subset of GeoNames, so the dump's row is the richer one: real
feature codes, admin names, all alternate names) and add everything else; the embedded
index's stand-in ADM1 regions are dropped for countries whose dump brings real ADM1 rows.
`embedded=False` builds from the dumps alone (allCountries needs nothing else, but a
per-country dump would leave the rest of the world, country names and demonyms out).

ACLED locations come last: one within 5 km of a known place with the same name key or
consonant skeleton becomes a variant name of it, any other a new place (source 'acled').

Rows stream from the files into SQLite in batches; names are de-duplicated by SQLite at the
end, so memory stays flat however large the dump.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sitrep.geo import distance_km
from sitrep.gazetteer import geonames, schema
from sitrep.gazetteer.acled import acled_places
from sitrep.gazetteer.build import (KIND_ALT, KIND_MAIN, KIND_VARIANT, _good_alternate,
                                    clean_admin, data_version, embedded_rows)
from sitrep.gazetteer.normalize import name_key, skeleton_of_key

# admin areas, populated places, spots (bases, airports, camps), areas, terrain; not hydro,
# roads, undersea or vegetation features, which would be false friends for village names
DEFAULT_FEATURE_CLASSES = "APSLT"
# alternateNames "languages" that are codes or links, not names
_NOT_NAMES = {"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc", "tcid", "fr_1793"}
_BATCH = 20_000
MAX_REPORTED = 20
ACLED_SNAP_KM = 5.0

Progress = Callable[[str], None]


def stderr_progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class BuildReport:
    path: Path
    places: dict[str, int] = field(default_factory=dict)   # by source
    names: int = 0
    bad_lines: int = 0
    problems: list[str] = field(default_factory=list)      # the first MAX_REPORTED
    acled_new: int = 0
    acled_variants: int = 0
    skipped_files: list[Path] = field(default_factory=list)
    seconds: float = 0.0


class _Builder:
    def __init__(self, con, report: BuildReport, strict: bool, progress: Progress):
        self.con, self.report, self.strict, self.progress = con, report, strict, progress

    def problem(self, label: str, number: int, reason: str) -> None:
        """A malformed line: fatal when strict, otherwise skipped and reported."""
        message = f"{label}:{number}: {reason}"
        if self.strict:
            raise geonames.DumpError(message)
        self.report.bad_lines += 1
        if len(self.report.problems) < MAX_REPORTED:
            self.report.problems.append(message)
            self.progress(f"skipped {message}")

    def stream(self, path: Path, what: str) -> Iterator[tuple[str, int, str]]:
        """The file's non-empty lines, with progress every million."""
        started = time.perf_counter()
        count = 0
        for label, number, line in geonames.lines(path):
            count = number
            if number % 1_000_000 == 0:
                self.progress(f"{path.name}: {number:,} {what} lines "
                              f"({time.perf_counter() - started:.0f} s)")
            if line.strip():
                yield label, number, line
        self.progress(f"{path.name}: {count:,} lines read")

    def geonames(self, path: Path, admin1: dict[str, str], admin2: dict[str, str],
                 classes: str) -> None:
        places: list[tuple] = []
        names: list[tuple] = []
        for label, number, line in self.stream(path, "geoname"):
            try:
                row = geonames.parse_geoname(line)
            except ValueError as error:
                self.problem(label, number, str(error))
                continue
            if row.feature_class not in classes:
                continue
            places.append(_place(row, admin1, admin2))
            names.extend(_names(row, places[-1][1]))
            if len(places) >= _BATCH:
                self.flush(places, names)
        self.flush(places, names)

    def alternates(self, path: Path) -> None:
        names: list[tuple] = []
        for label, number, line in self.stream(path, "alternate name"):
            try:
                alt = geonames.parse_alternate(line)
            except ValueError as error:
                self.problem(label, number, str(error))
                continue
            keyed = None if alt.language in _NOT_NAMES else _keyed_alternate(alt.name)
            if keyed:
                names.append((keyed[0], keyed[1], alt.geonameid, KIND_ALT))
            if len(names) >= _BATCH * 5:
                self.flush([], names)
        self.flush([], names)

    def flush(self, places: list[tuple], names: list[tuple]) -> None:
        schema.insert_places(self.con, places)
        schema.insert_names(self.con, names)
        places.clear()
        names.clear()


def _place(row: geonames.GeonameRow, admin1: dict[str, str], admin2: dict[str, str]) -> tuple:
    a1 = admin1.get(f"{row.country_code}.{row.admin1_code}")
    a2 = admin2.get(f"{row.country_code}.{row.admin1_code}.{row.admin2_code}")
    a1 = clean_admin(a1) if a1 else None
    a2 = clean_admin(a2) if a2 else None
    name = row.name
    # an admin area is named as its places name it in their admin1/admin2 ("Aleppo", not
    # "Aleppo Governorate"), so "X, in Y province" finds Y among the places' admin names
    if row.feature_code == "ADM1":
        name = a1 = a1 or clean_admin(row.name)
    elif row.feature_code == "ADM2":
        name = a2 = a2 or clean_admin(row.name)
    return (row.geonameid, name, row.latitude, row.longitude, row.country_code, a1, a2,
            row.population, row.feature_code, row.admin1_code or None, row.admin2_code or None,
            "geonames")


# the same names recur across a dump (Al Qaryah, Tall ...): fold each spelling once
@lru_cache(maxsize=1 << 17)
def _keyed(name: str) -> tuple[str, str] | None:
    key = name_key(name)
    return (key, skeleton_of_key(key)) if key else None


@lru_cache(maxsize=1 << 17)
def _keyed_alternate(name: str) -> tuple[str, str] | None:
    return _keyed(name) if _good_alternate(name) else None


def _names(row: geonames.GeonameRow, display: str) -> Iterator[tuple]:
    seen: set[str] = set()
    for name, kind in ((display, KIND_MAIN), (row.name, KIND_MAIN), (row.asciiname, KIND_ALT)):
        keyed = _keyed(name)
        if keyed and keyed[0] not in seen:
            seen.add(keyed[0])
            yield keyed[0], keyed[1], row.geonameid, kind
    for alt in row.alternatenames:
        keyed = _keyed_alternate(alt)
        if keyed and keyed[0] not in seen:
            seen.add(keyed[0])
            yield keyed[0], keyed[1], row.geonameid, KIND_ALT


def build_from_sources(path: str | Path, geonames_paths: Iterable[str | Path] = (),
                       acled_paths: Iterable[str | Path] = (), embedded: bool = True,
                       strict: bool = False, feature_classes: str = DEFAULT_FEATURE_CLASSES,
                       progress: Progress = stderr_progress, cities: list[dict] | None = None,
                       countries: dict[str, dict] | None = None) -> BuildReport:
    """Write an index at `path` (atomically) from the given sources; see the module doc.
    `cities`/`countries` replace the embedded build's packaged data (tests)."""
    started = time.perf_counter()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    dumps = geonames.collect(geonames_paths) if geonames_paths else None
    acled_paths = [Path(p) for p in acled_paths]
    for p in acled_paths:
        if not p.is_file():
            raise geonames.DumpError(f"{p}: no such ACLED export")
    if dumps is None and not acled_paths and not embedded:
        raise geonames.DumpError("nothing to build from: give GeoNames files or an ACLED export")
    report = BuildReport(path, skipped_files=dumps.skipped if dumps else [])
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    con = schema.create(tmp)
    try:
        builder = _Builder(con, report, strict, progress)
        if embedded:
            progress("embedded places (cities of 500+, countries, variants) ...")
            places, names = embedded_rows(cities, countries)
            schema.insert_places(con, (p + (None, None, "embedded") for p in places))
            schema.insert_names(con, names)
        if dumps:
            _read_dumps(builder, dumps, feature_classes)
        if acled_paths:
            _add_acled(builder, acled_paths)
        # alternate names of places not in the index (other countries, filtered classes)
        con.execute("DELETE FROM names WHERE geonameid NOT IN (SELECT geonameid FROM places)")
        progress("indexing (names, full text, R*Tree) ...")
        schema.dedupe_names(con)
        for source, count in con.execute("SELECT source, count(*) FROM places GROUP BY source"):
            report.places[source] = count
        report.names = con.execute("SELECT count(*) FROM names").fetchone()[0]
        sources = ([] if not embedded else ["embedded"]) + \
            [str(p) for p in (dumps.geonames + dumps.alternates if dumps else [])] + \
            [f"acled:{p}" for p in acled_paths]
        schema.finish(con, {"version": data_version(), "sources": "; ".join(sources)})
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, path)
    report.seconds = time.perf_counter() - started
    return report


def _read_dumps(builder: _Builder, dumps: geonames.DumpFiles, classes: str) -> None:
    con = builder.con
    admin1 = geonames.read_admin_codes(dumps.admin1)
    admin2 = geonames.read_admin_codes(dumps.admin2)
    for path in dumps.geonames:
        builder.geonames(path, admin1, admin2, classes)
    for path in dumps.alternates:
        builder.alternates(path)
    # places whose admin code files were not given: name them from the dump's own ADM rows
    con.executescript("""
        CREATE INDEX tmp_admin ON places(feature_code, country_code, admin1_code, admin2_code);
        UPDATE places SET admin1 = (SELECT a.name FROM places a WHERE a.feature_code = 'ADM1'
                AND a.country_code = places.country_code AND a.admin1_code = places.admin1_code)
            WHERE admin1 IS NULL AND admin1_code IS NOT NULL AND source = 'geonames';
        UPDATE places SET admin2 = (SELECT a.name FROM places a WHERE a.feature_code = 'ADM2'
                AND a.country_code = places.country_code AND a.admin1_code = places.admin1_code
                AND a.admin2_code = places.admin2_code)
            WHERE admin2 IS NULL AND admin2_code IS NOT NULL AND source = 'geonames';
        DROP INDEX tmp_admin;
        -- the embedded stand-in regions, where the dump brought the real ones
        DELETE FROM places WHERE geonameid < 0 AND feature_code = 'ADM1' AND source = 'embedded'
            AND country_code IN (SELECT DISTINCT country_code FROM places
                                 WHERE feature_code = 'ADM1' AND source = 'geonames');
    """)


def _add_acled(builder: _Builder, paths: list[Path]) -> None:
    con, report = builder.con, builder.report
    # temporary: the final indexes are made once, after the bulk inserts
    con.execute("CREATE INDEX tmp_key ON names(key)")
    con.execute("CREATE INDEX tmp_skel ON names(skel)")
    next_id = min(-1, con.execute("SELECT min(geonameid) FROM places").fetchone()[0] or 0) - 1
    for path in paths:
        found, unknown = acled_places(path)
        builder.progress(f"{path.name}: {len(found):,} precision-1 locations"
                         + (f" ({unknown} with an unknown country left out)" if unknown else ""))
        for place in found:
            key = name_key(place.location)
            skel = skeleton_of_key(key)
            nearby = con.execute(
                "SELECT p.geonameid, p.latitude, p.longitude FROM names n JOIN places p "
                "USING(geonameid) WHERE (n.key = ? OR n.skel = ?) AND p.country_code = ?",
                (key, skel or None, place.country_code)).fetchall()
            close = sorted((distance_km(place.latitude, place.longitude, lat, lon), gid)
                           for gid, lat, lon in nearby)
            if close and close[0][0] <= ACLED_SNAP_KM:
                schema.insert_names(con, [(key, skel, close[0][1], KIND_VARIANT)])
                report.acled_variants += 1
                continue
            schema.insert_places(con, [(next_id, place.location, place.latitude,
                                        place.longitude, place.country_code, place.admin1,
                                        place.admin2, 0, "PPL", None, None, "acled")])
            schema.insert_names(con, [(key, skel, next_id, KIND_MAIN)])
            report.acled_new += 1
            next_id -= 1
    con.execute("DROP INDEX tmp_key")
    con.execute("DROP INDEX tmp_skel")
