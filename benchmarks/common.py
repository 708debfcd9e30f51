"""What the benchmark and the gate share: where gold lives, which subsets, provenance."""
from __future__ import annotations

import hashlib
import os
import platform
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from sitrep.evaluate.splits import SEED as SPLIT_SEED

ROOT = Path(__file__).resolve().parents[1]
# gold is read from ../shared at run time, never copied into the repository
GOLD = Path(os.environ.get("SITREP_GOLD", ROOT.parent / "shared" / "gold"))
DATA = ROOT / "benchmarks" / "data"  # text the team wrote itself (news snippets): lives in the repo


@dataclass(frozen=True)
class Subset:
    """One scored slice of a gold file: `limit` first articles of `split`."""

    label: str
    file: str
    split: str = "all"
    limit: int | None = None
    folder: Path | None = None  # None: the shared gold folder; else our own data (benchmarks/data)

    @property
    def path(self) -> Path:
        return (self.folder or GOLD) / self.file


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def git_commit() -> str:
    """The commit of the checkout holding the sitrep code actually imported (not of this script)."""
    import sitrep

    where = Path(sitrep.__file__).resolve().parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=where, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=where,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"unknown: {where} is not a git checkout"
    return head + (" (with uncommitted changes)" if dirty else "")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions() -> dict[str, str]:
    from sitrep.nlp import DEFAULT_MODEL

    return {
        "python": platform.python_version(),
        "spacy": _version("spacy"),
        "model": f"{DEFAULT_MODEL} {_version(DEFAULT_MODEL.replace('_', '-'))}",
        "sitrep": _version("sitrep"),
        "geotext": _version("geotext"),
        "git commit": git_commit(),
        "split seed": SPLIT_SEED,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
    }
