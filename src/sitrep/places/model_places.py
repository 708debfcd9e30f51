"""A model directory's places (DIR/gazetteer.tsv of `sitrep train`) as a layer over the index.

An analyst's export codes villages GeoNames lacks. With `--model DIR` the places stage looks
names up in the shared index and in the export's places of geo_precision 1 or 2 (ACLED codes
an event near a town to that town: its name and coordinates still agree; a precision-3 row
names a region's capital the index knows anyway, and added nothing on dev): a coded place
within SNAP_KM of an index place of the same name is that place; of the same consonant
skeleton, that place under the export's spelling; else a new place of its own (population 0,
so a well-known namesake still wins where the article points nowhere else). The candidates the
export coded under a name score "coded" in resolve.py: the analyst's village beats a bigger
namesake of the same country where nothing else decides. The shared index file is never written: the layer lives in memory, built per model directory on first use.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from sitrep.gazetteer import Candidate, Gazetteer, name_key
from sitrep.gazetteer.acled import AcledPlace, places_of_table
from sitrep.gazetteer.build import KIND_ALT, KIND_MAIN, KIND_VARIANT
from sitrep.geo import distance_km

PRECISIONS = {"1", "2"}          # geo_precision of rows coded to the named place itself or to that town
SNAP_KM = 5.0                    # as `gazetteer build --from-acled` (gazetteer/sources.py)
MODEL_ID = -500_000_000          # ids of the export's own places count down from here


@lru_cache(maxsize=8)
def model_places(model_dir: str) -> dict[str, tuple[tuple[int, AcledPlace], ...]]:
    """Name key -> (id, place) of a model directory's coded places (empty without the file)."""
    from sitrep.learn.tables import PLACES_FILE, read_tsv

    path = Path(model_dir) / PLACES_FILE
    if not path.is_file():
        return {}
    rows = [row for row in read_tsv(path) if row.get("geo_precision", "") in PRECISIONS]
    places, _unknown = places_of_table(rows)
    table: dict[str, list[tuple[int, AcledPlace]]] = {}
    for number, place in enumerate(places, 1):
        table.setdefault(name_key(place.location), []).append((MODEL_ID - number, place))
    return {key: tuple(found) for key, found in table.items()}


class ModelGazetteer:
    """The shared index plus a model directory's places; every other lookup goes to the index."""

    def __init__(self, base: Gazetteer, places: dict[str, tuple[tuple[int, AcledPlace], ...]]):
        self.base = base
        self.places = places
        self.lookup_key = lru_cache(maxsize=200_000)(self._lookup_key)
        # name key -> ids of the candidates the export coded under that name
        self.coded: dict[str, set[int]] = {}

    def __getattr__(self, name: str):
        return getattr(self.base, name)

    def _lookup_key(self, key: str) -> tuple[Candidate, ...]:
        found = list(self.base.lookup_key(key))
        coded = self.coded.setdefault(key, set())
        for gid, place in self.places.get(key, ()):
            known = [i for i, c in enumerate(found) if _close(place, c)]
            if known:  # the index knows it by this name already
                cand = found[known[0]]
                coded.add(cand.geonameid)
                if cand.kind == KIND_ALT:  # an alternate name the analysts write: their variant
                    found[known[0]] = replace(cand, kind=KIND_VARIANT)
                continue
            spelt = [c for c in self.base.lookup_fuzzy(place.location, place.country_code)
                     if _close(place, c)]
            if spelt:  # the index's place, under the export's spelling
                coded.add(spelt[0].geonameid)
                found.append(replace(spelt[0], kind=KIND_VARIANT, fuzzy=False))
                continue
            coded.add(gid)
            found.append(Candidate(gid, place.location, place.latitude, place.longitude,
                                   place.country_code, place.admin1, place.admin2, 0, "PPL",
                                   KIND_MAIN))
        return tuple(found)

    def lookup(self, name: str, country_code: str | None = None, fuzzy: bool = True) -> list[Candidate]:
        found = list(self.lookup_key(name_key(name)))
        if country_code:
            found = [c for c in found if c.country_code == country_code.upper()]
        return found or (self.base.lookup_fuzzy(name, country_code) if fuzzy else [])

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        return self.base.known_keys(keys) | {k for k in keys if k in self.places}


def coded_ids(gaz: Gazetteer | ModelGazetteer, key: str) -> set[int]:
    """Ids of the places a model's export coded under one name key (none without a model): by
    name, so a place coded as "Halab" scores nothing extra where an article writes "Aleppo"."""
    if not isinstance(gaz, ModelGazetteer):
        return set()
    gaz.lookup_key(key)  # fills gaz.coded[key]
    return gaz.coded.get(key, set())


def _close(place: AcledPlace, cand: Candidate) -> bool:
    return cand.country_code == place.country_code and distance_km(
        place.latitude, place.longitude, cand.latitude, cand.longitude) <= SNAP_KM


def with_model_places(base: Gazetteer, model_dir: str | None) -> Gazetteer | ModelGazetteer:
    """The index, layered with the model directory's places when it has any."""
    places = model_places(str(Path(model_dir).resolve())) if model_dir else {}
    return ModelGazetteer(base, places) if places else base
