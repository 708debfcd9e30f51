"""Reading GeoNames dump files (https://download.geonames.org/export/dump/) as streams.

Files are recognised by name, as GeoNames names them:
  XX.zip / XX.txt, allCountries.*, cities500.* ...   the geoname table (19 columns)
  alternateNamesV2.* (or alternateNames.*)          alternate names (10 columns; 4 in old dumps)
  admin1CodesASCII.txt, admin2Codes.txt             "SY.09" / "SY.09.1234" -> name
A .zip is read member by member without unpacking (its readme is skipped). Nothing is held in
memory but the admin code tables (a few MB for the whole world).
"""
from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

GEONAME_COLUMNS = 19
_COUNTRY_FILE = re.compile(r"^[A-Z]{2}$")
_GEONAME_STEMS = {"allcountries", "cities500", "cities1000", "cities5000", "cities15000",
                  "no-country", "null"}
_ALT_STEMS = {"alternatenamesv2", "alternatenames"}


class DumpError(ValueError):
    """A file that is not what its name says, or a malformed line (file and line named)."""


@dataclass
class DumpFiles:
    """The inputs of one build, sorted by kind."""

    geonames: list[Path] = field(default_factory=list)
    alternates: list[Path] = field(default_factory=list)
    admin1: list[Path] = field(default_factory=list)
    admin2: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)


def kind_of(path: Path) -> str | None:
    """'geonames', 'alternates', 'admin1', 'admin2' or None for a file GeoNames names so."""
    stem = path.name.split(".")[0]
    if path.suffix.lower() not in (".txt", ".zip"):
        return None
    if stem.lower() == "admin1codesascii":
        return "admin1"
    if stem.lower() == "admin2codes":
        return "admin2"
    if stem.lower() in _ALT_STEMS:
        return "alternates"
    if _COUNTRY_FILE.match(stem) or stem.lower() in _GEONAME_STEMS:
        return "geonames"
    return None


def collect(paths: Iterable[str | Path]) -> DumpFiles:
    """Sort files and directories into a DumpFiles. A file named on the command line that
    GeoNames would not name so is read as a geoname table; in a directory it is skipped."""
    files = DumpFiles()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            members = sorted(p for p in path.iterdir() if p.is_file())
            explicit = False
        elif path.is_file():
            members, explicit = [path], True
        else:
            raise DumpError(f"{path}: no such file or directory")
        for member in members:
            kind = kind_of(member) or ("geonames" if explicit else None)
            if kind is None:
                files.skipped.append(member)
            else:
                getattr(files, kind).append(member)
    # a directory holding both SY.zip and SY.txt (unpacked) would read SY twice
    for kind in ("geonames", "alternates"):
        chosen: dict[str, Path] = {}
        for p in getattr(files, kind):
            stem = p.name.split(".")[0]
            if stem not in chosen or p.suffix.lower() == ".txt":
                chosen[stem] = p
        setattr(files, kind, sorted(chosen.values()))
    if not files.geonames:
        raise DumpError("no GeoNames table among the inputs (XX.zip, XX.txt, allCountries.zip, "
                        f"cities500.zip ...): {', '.join(str(p) for p in paths)}")
    return files


def lines(path: Path) -> Iterator[tuple[str, int, str]]:
    """(file label, line number, line without newline) of a .txt or of the data member(s)
    of a .zip; the label names the zip member ("SY.zip:SY.txt") for error messages."""
    if path.suffix.lower() == ".zip":
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as error:
            raise DumpError(f"{path}: not a zip file ({error})") from None
        with archive:
            members = [m for m in archive.namelist()
                       if m.lower().endswith(".txt") and not m.lower().startswith("readme")]
            if not members:
                raise DumpError(f"{path}: the zip holds no .txt data file")
            for member in members:
                with archive.open(member) as raw:
                    text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
                    yield from _numbered(f"{path}:{member}", text)
    else:
        with open(path, encoding="utf-8", newline="\n") as text:
            yield from _numbered(str(path), text)


def _numbered(label: str, text: io.TextIOBase) -> Iterator[tuple[str, int, str]]:
    try:
        for number, line in enumerate(text, 1):
            yield label, number, line.rstrip("\r\n")
    except UnicodeDecodeError as error:
        raise DumpError(f"{label}: not UTF-8 text ({error.reason})") from None


@dataclass(frozen=True)
class GeonameRow:
    geonameid: int
    name: str
    asciiname: str
    alternatenames: list[str]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str
    admin2_code: str
    population: int


def _number(text: str, what: str) -> int:
    """An integer column; ValueError names the column and the text."""
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{what} is not a number: {text!r}") from None


def parse_geoname(line: str) -> GeonameRow:
    """One line of the geoname table; ValueError says what is wrong with it."""
    cols = line.split("\t")
    if len(cols) != GEONAME_COLUMNS:
        raise ValueError(f"expected {GEONAME_COLUMNS} tab-separated columns, found {len(cols)}")
    gid = _number(cols[0], "geonameid")
    try:
        lat, lon = float(cols[4]), float(cols[5])
    except ValueError:
        raise ValueError(f"bad coordinates: {cols[4]!r}, {cols[5]!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"coordinates out of range: {lat}, {lon}")
    if not cols[1].strip():
        raise ValueError("empty name")
    population = _number(cols[14] or "0", "population")
    return GeonameRow(gid, cols[1].strip(), cols[2].strip(),
                      [a for a in cols[3].split(",") if a], lat, lon, cols[6], cols[7],
                      cols[8], cols[10], cols[11], population)


@dataclass(frozen=True)
class AlternateRow:
    geonameid: int
    language: str
    name: str
    historic: bool


def parse_alternate(line: str) -> AlternateRow:
    """One line of alternateNamesV2 (10 columns) or of the older alternateNames (8)."""
    cols = line.split("\t")
    if len(cols) < 4:
        raise ValueError(f"expected at least 4 tab-separated columns, found {len(cols)}")
    gid = _number(cols[1], "geonameid")
    return AlternateRow(gid, cols[2], cols[3].strip(), len(cols) > 7 and cols[7] == "1")


def read_admin_codes(paths: Iterable[Path]) -> dict[str, str]:
    """'SY.09' (admin1CodesASCII) or 'SY.09.1234' (admin2Codes) -> name."""
    names: dict[str, str] = {}
    for path in paths:
        for label, number, line in lines(path):
            if not line.strip():
                continue
            cols = line.split("\t")
            if len(cols) < 3 or "." not in cols[0]:
                raise DumpError(f"{label}:{number}: not an admin code line "
                                "(code<TAB>name<TAB>asciiname<TAB>geonameid)")
            names[cols[0]] = cols[1].strip() or cols[2].strip()
    return names
