"""Gazetteer figures, printed as markdown table rows (paste into BENCHMARKS.md).

    python benchmarks/gazetteer_bench.py [--rows 600000] [--keys 10000]   (~3 minutes)

1. build time and file size of the embedded default index (in a temporary cache dir);
2. lookup latency over random keys of that index, the LRU cache bypassed (mean, p99), and
   the same for `search` (FTS5) and `near` (R*Tree);
3. peak RSS of a fresh process that opens the default index and does those lookups;
4. a synthetic GeoNames dump in the real 19-column format (plus alternate names), built with
   `--no-embedded` at two sizes: build time, file size and peak RSS, extrapolated linearly to
   allCountries' ~12.4M rows. allCountries itself cannot be downloaded on this machine, so
   the 12M figures are an extrapolation, not a measurement.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ALL_COUNTRIES_ROWS = 12_400_000
_SYLLABLES = ("al", "bab", "dar", "kafr", "tal", "deir", "ain", "jab", "ham", "nab", "qas", "raq",
              "sha", "zor", "mar", "khan", "bir", "umm", "abu", "sul", "tan", "kar", "mir", "ras")


def _rss_child(code: str, env: dict[str, str]) -> dict:
    """Run `code` in a fresh interpreter; it prints a JSON dict; peak RSS (MB) is added."""
    wrapper = code + "\nimport resource, json as _j\n" \
        "print(_j.dumps({**RESULT, 'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))"
    out = subprocess.run([sys.executable, "-c", wrapper], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


_LOOKUPS = """
import random, sqlite3, statistics, time
from sitrep.gazetteer import Gazetteer
gaz = Gazetteer.default()
con = sqlite3.connect(gaz.path)
keys = [r[0] for r in con.execute("SELECT DISTINCT key FROM names")]
random.seed(7)
sample = random.sample(keys, min(N, len(keys)))
def timed(fn, items):
    out = []
    for item in items:
        start = time.perf_counter(); fn(item); out.append((time.perf_counter() - start) * 1000)
    out.sort()
    return statistics.mean(out), out[int(len(out) * 0.99) - 1]
lookup = timed(gaz._lookup_key, sample)  # bypasses the LRU cache: every lookup hits SQLite
search = timed(lambda k: gaz.search(k[:4], limit=20), sample[:1000])
points = [(random.uniform(-50, 60), random.uniform(-120, 140)) for _ in range(1000)]
near = timed(lambda p: gaz.near(p[0], p[1], 25.0), points)
RESULT = {"lookup": lookup, "search": search, "near": near, "keys": len(sample)}
"""


def bench_default(keys: int) -> list[str]:
    cache = Path(tempfile.mkdtemp(prefix="gaz-bench-"))
    env = {**os.environ, "SITREP_CACHE": str(cache)}
    env.pop("SITREP_GAZETTEER", None)
    built = _rss_child("import time\nfrom sitrep.gazetteer.query import default_path\n"
                       "from sitrep.gazetteer.build import build\nstart = time.perf_counter()\n"
                       "p = build(default_path())\n"
                       "RESULT = {'s': time.perf_counter() - start, 'mb': p.stat().st_size / 1e6}",
                       env)
    used = _rss_child(f"N = {keys}\n" + _LOOKUPS, env)
    rows = [
        f"| gazetteer: build embedded default (once, cached) | {built['s']:.0f} s | < 60 s | "
        f"{built['mb']:.0f} MB file, peak RSS {built['rss_mb']:.0f} MB |",
        f"| gazetteer: exact lookup_key, {used['keys']:,} random keys (no LRU) | mean "
        f"{used['lookup'][0]:.3f} ms, p99 {used['lookup'][1]:.3f} ms | < 1 ms | SQLite B-tree |",
        f"| gazetteer: search (FTS5 prefix), 1,000 queries | mean {used['search'][0]:.2f} ms, "
        f"p99 {used['search'][1]:.2f} ms | | 4-letter prefixes, top 20 by population |",
        f"| gazetteer: near (R*Tree, 25 km), 1,000 points | mean {used['near'][0]:.3f} ms, "
        f"p99 {used['near'][1]:.3f} ms | | |",
        f"| gazetteer: peak RSS, process opening default + lookups | {used['rss_mb']:.0f} MB | "
        "< 1.5 GB | includes Python, numpy and the list of every key |",
    ]
    for path in cache.iterdir():
        path.unlink()
    cache.rmdir()
    return rows


def _name(rng: random.Random) -> str:
    words = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3))).capitalize()
             for _ in range(rng.choice((1, 1, 2, 2, 3)))]
    return " ".join(words)


def write_synthetic(directory: Path, rows: int, seed: int = 1) -> None:
    """allCountries-like geoname table and alternateNamesV2 (0.5 per row) in GeoNames' format."""
    rng = random.Random(seed)
    classes = ["P"] * 45 + ["S"] * 15 + ["H"] * 20 + ["T"] * 12 + ["A"] * 4 + ["L"] * 4
    codes = {"P": "PPL", "S": "FRM", "H": "STM", "T": "HLL", "A": "ADM3", "L": "LCTY"}
    with open(directory / "allCountries.txt", "w", encoding="utf-8") as out, \
            open(directory / "alternateNamesV2.txt", "w", encoding="utf-8") as alt:
        for gid in range(1, rows + 1):
            name = _name(rng)
            fclass = rng.choice(classes)
            alternates = ",".join(_name(rng) for _ in range(rng.choice((0, 0, 1, 2, 4))))
            out.write(f"{gid}\t{name}\t{name}\t{alternates}\t{rng.uniform(-60, 70):.5f}\t"
                      f"{rng.uniform(-180, 180):.5f}\t{fclass}\t{codes[fclass]}\t"
                      f"{rng.choice(('SY', 'IQ', 'YE', 'NG', 'AF', 'US', 'FR'))}\t\t"
                      f"{rng.randint(1, 20):02d}\t{rng.randint(1, 200)}\t\t\t"
                      f"{rng.choice((0, 0, 0, rng.randint(100, 90000)))}\t\t100\tAsia/Damascus\t"
                      "2024-01-01\n")
            if rng.random() < 0.5:
                alt.write(f"{gid}\t{gid}\t{rng.choice(('en', 'fr', 'ar', 'link'))}\t"
                          f"{_name(rng)}\t\t\t\t\t\t\n")


def bench_synthetic(sizes: list[int]) -> list[str]:
    rows = []
    figures = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="gaz-synth-") as tmp:
            folder = Path(tmp)
            write_synthetic(folder, size)
            dump_mb = (folder / "allCountries.txt").stat().st_size / 1e6
            code = ("import time\nfrom sitrep.gazetteer.sources import build_from_sources\n"
                    "start = time.perf_counter()\n"
                    f"r = build_from_sources({str(folder / 'index.sqlite')!r}, [{str(folder)!r}], "
                    "embedded=False, progress=lambda m: None)\n"
                    "RESULT = {'s': time.perf_counter() - start, 'places': sum(r.places.values()), "
                    "'names': r.names, 'mb': r.path.stat().st_size / 1e6}")
            got = _rss_child(code, {**os.environ})
            figures.append((size, got))
            rows.append(f"| gazetteer: build from synthetic GeoNames dump, {size:,} rows "
                        f"({dump_mb:.0f} MB) | {got['s']:.0f} s | | {got['places']:,} places kept "
                        f"(APSLT), {got['names']:,} names, {got['mb']:.0f} MB file, peak RSS "
                        f"{got['rss_mb']:.0f} MB |")
    size, got = figures[-1]
    scale = ALL_COUNTRIES_ROWS / size
    rows.append(f"| gazetteer: allCountries (~12.4M rows) EXTRAPOLATED linearly from {size:,} "
                f"| ~{got['s'] * scale / 60:.0f} min | < 1.5 GB | ~{got['mb'] * scale / 1e3:.1f} GB "
                f"file; build peak RSS ~{max(g['rss_mb'] for _, g in figures):.0f} MB "
                "(flat in dump size: streamed) |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=600_000, help="synthetic dump rows")
    parser.add_argument("--keys", type=int, default=10_000)
    parser.add_argument("--skip-default", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    print("| measure | value | target | note |\n| --- | --- | --- | --- |")
    if not args.skip_default:
        for row in bench_default(args.keys):
            print(row, flush=True)
    for row in bench_synthetic([args.rows // 4, args.rows]):
        print(row, flush=True)
    print(f"\n(bench took {time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
