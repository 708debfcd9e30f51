"""Fetching GeoNames dump files for `sitrep gazetteer build --geonames`.

Files are streamed to a temporary name and renamed when complete, so an interrupted download
never leaves a truncated file that a later build would read as a whole one.
"""
from __future__ import annotations

import os
import re
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from pathlib import Path

GEONAMES_URL = "https://download.geonames.org/export/dump/"
ADMIN_FILES = ("admin1CodesASCII.txt", "admin2Codes.txt")
ALTERNATES_FILE = "alternateNamesV2.zip"
_CODE = re.compile(r"^[A-Z]{2}$")


class DownloadError(RuntimeError):
    """A file that could not be fetched; the message says which and why."""


def files_for(countries: Iterable[str], alternates: bool = False) -> list[str]:
    """File names to fetch: one XX.zip per country (or allCountries.zip), the admin code
    files, and alternateNamesV2.zip (every language, whole world: ~180 MB) when asked."""
    names = []
    for code in countries:
        if code.lower() == "allcountries":
            names.append("allCountries.zip")
        elif _CODE.match(code.upper()):
            names.append(f"{code.upper()}.zip")
        else:
            raise DownloadError(f"{code!r} is not an ISO 3166 alpha-2 country code (e.g. SY)")
    return names + list(ADMIN_FILES) + ([ALTERNATES_FILE] if alternates else [])


def download(countries: Iterable[str], directory: str | Path, alternates: bool = False,
             base_url: str | None = None, timeout: float = 30.0,
             progress: Callable[[str], None] = lambda _: None) -> list[Path]:
    """Fetch the files into `directory`; returns their paths. `base_url` (or
    $SITREP_GEONAMES_URL) replaces GeoNames' server, e.g. for a mirror."""
    base = (base_url or os.environ.get("SITREP_GEONAMES_URL") or GEONAMES_URL).rstrip("/") + "/"
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    fetched = []
    for name in files_for(countries, alternates):
        url = base + name
        path = target / name
        progress(f"fetching {url}")
        _fetch(url, path, timeout)
        progress(f"  {path} ({path.stat().st_size:,} bytes)")
        fetched.append(path)
    return fetched


def _fetch(url: str, path: Path, timeout: float) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response, open(tmp, "wb") as out:
            shutil.copyfileobj(response, out, 1 << 20)
    except urllib.error.HTTPError as error:
        tmp.unlink(missing_ok=True)
        hint = " (no such file there: is the country code right?)" if error.code == 404 else ""
        raise DownloadError(f"{url}: HTTP {error.code} {error.reason}{hint}") from None
    except (urllib.error.URLError, OSError) as error:
        tmp.unlink(missing_ok=True)
        reason = getattr(error, "reason", error)
        raise DownloadError(
            f"{url}: cannot download ({reason}). This machine may be offline: fetch the files "
            "on a connected machine and pass them to `sitrep gazetteer build --geonames`"
        ) from None
    os.replace(tmp, path)
