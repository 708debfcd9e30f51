"""The `sitrep` command: each command is a few lines over the library.

Exit codes: 0 all documents processed, 1 some documents failed (each named on stderr),
2 usage errors.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sitrep.model import Article, DocumentError

app = typer.Typer(help="sitrep: conflict news in, ACLED-coded events with claims and evidence out.",
                  no_args_is_help=True, add_completion=False)
err = Console(stderr=True)

FORMATS = ("table", "jsonl", "csv", "acled-csv", "geojson")
SAMPLE = "borno-sample.txt"


def sample_path() -> Path:
    """The sample article shipped with the package."""
    return Path(str(resources.files("sitrep.samples").joinpath(SAMPLE)))


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"--published must be YYYY-MM-DD, got {value!r}") from None


def _report(error: DocumentError) -> None:
    err.print(f"[red]error[/red] {error.document}: {error.stage}: {error.reason}", highlight=False)


class Failures:
    """Counts failed documents while passing articles through."""

    def __init__(self) -> None:
        self.count = 0

    def record(self, error: DocumentError) -> None:
        self.count += 1
        _report(error)

    def articles(self, items: Iterable[Article | DocumentError]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, DocumentError):
                self.record(item)
            else:
                yield item

    def exit(self) -> None:
        if self.count:
            err.print(f"{self.count} document(s) failed; the rest were processed.")
            raise typer.Exit(1)


def _inputs(files: list[str], published: date | None, failures: Failures) -> Iterator[Article]:
    from sitrep.ingest import read_inputs

    return failures.articles(read_inputs(files, published=published))


def _extracted(files: list[str], published: str | None, processes: int, model: str | None,
               failures: Failures, description: str) -> Iterator[tuple[Article, list]]:
    """(article, events) for every readable input, with a progress bar; failures reported."""
    from sitrep.api import run_safely

    articles = _inputs(files, _published(published), failures)
    with _progress() as progress:
        task = progress.add_task(description, total=None)
        for result in run_safely(articles, n_process=processes, learned=_model_dir(model)):
            progress.advance(task)
            if isinstance(result, DocumentError):
                failures.record(result)
            else:
                yield result


def _progress() -> Progress:
    # progress goes to stderr and only when a person is watching
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True,
                    disable=not err.is_terminal)


def _model_dir(model: str | None) -> str | None:
    if model and not (Path(model) / "manifest.json").is_file():
        raise typer.BadParameter(f"{model} is not a model directory (no manifest.json): see `sitrep train`")
    return model


def _existing_store(db: str) -> str:
    if "://" not in db and not Path(db).exists():
        raise typer.BadParameter(f"no store at {db}: run `sitrep ingest` first")
    return db


def _open_output(output: Path | None):
    return open(output, "w", encoding="utf-8", newline="") if output else sys.stdout


@app.command()
def extract(
    files: Annotated[list[str] | None, typer.Argument(help="Files, directories or - for stdin.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD when the input has none.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="|".join(FORMATS))] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to a file.")] = None,
    sample: Annotated[bool, typer.Option(help="Run on the sample article shipped with sitrep.")] = False,
    processes: Annotated[int, typer.Option(help="Worker processes for the parse.")] = 1,
    model: Annotated[str | None, typer.Option(help="A model directory from `sitrep train`.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Also print, on stderr, each event's place and the score terms that chose it (one process).")] = False,
) -> None:
    """Print the events of news reports (primary event of each article first)."""
    from sitrep.export import render_table, write_events

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    if sample:
        files = [str(sample_path())]
        published = published or "2023-03-14"
    if not files:
        raise typer.BadParameter("give FILE(s), a directory, - for stdin, or --sample")
    failures = Failures()
    if explain:
        events = _extract_explained(files, published, model, failures)
    else:
        events = [event for _, found in _extracted(files, published, processes, model, failures, "extracting")
                  for event in found]
    if fmt == "table":
        render_table(events, Console(file=_open_output(output)) if output else Console())
    else:
        handle = _open_output(output)
        write_events(events, fmt, handle)
        if output:
            handle.close()
    failures.exit()


@app.command()
def geoparse(
    files: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin.")],
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Also print, on stderr, each toponym's chosen place and score terms.")] = False,
    model: Annotated[str | None, typer.Option(help="A model directory from `sitrep train`: its coded places join the gazetteer.")] = None,
) -> None:
    """Print every toponym with its span and coordinates, one JSON object a line."""
    from sitrep.api import geoparse_batch
    from sitrep.nlp import DEFAULT_MODEL, shared_pipeline

    failures = Failures()
    handle = _open_output(output)
    articles = _inputs(files, None, failures)
    if explain:  # the score terms live on the Doc's mentions, so parse here
        from sitrep.gazetteer.explain import render, toponym_rows, toponyms

        for article, doc in _parsed(articles, model, failures):
            for toponym in toponyms(article.id, doc):
                handle.write(toponym.model_dump_json() + "\n")
            render(toponym_rows(article.id, doc), err, f"toponyms of {article.id}")
    else:
        nlp = shared_pipeline(DEFAULT_MODEL, _model_dir(model)) if model else None
        for _, toponyms in geoparse_batch(articles, nlp=nlp):
            for toponym in toponyms:
                handle.write(toponym.model_dump_json() + "\n")
    if output:
        handle.close()
    failures.exit()


def _parsed(articles: Iterable[Article], model: str | None, failures: Failures) -> Iterator[tuple[Article, object]]:
    """(article, processed Doc), one document at a time so a failing one is named and skipped."""
    from sitrep.nlp import DEFAULT_MODEL, make_doc, shared_pipeline

    nlp = shared_pipeline(DEFAULT_MODEL, _model_dir(model))
    for article in articles:
        stage = "tokenizer"
        try:
            doc = make_doc(nlp, article)
            for stage, component in nlp.pipeline:
                doc = component(doc)
        except Exception as error:  # noqa: BLE001 - reported, the batch goes on
            failures.record(DocumentError(document=article.id, stage=stage.removeprefix("sitrep_"),
                                          reason=f"{type(error).__name__}: {error}"))
            continue
        yield article, doc


def _extract_explained(files: list[str], published: str | None, model: str | None,
                       failures: Failures) -> list:
    from sitrep.gazetteer.explain import event_rows, render
    from sitrep.records import doc_to_events

    events = []
    for article, doc in _parsed(_inputs(files, _published(published), failures), model, failures):
        found = doc_to_events(doc, article)
        render(event_rows(article.id, doc, found), err, f"event places of {article.id}")
        events.extend(found)
    return events


@app.command()
def ingest(
    files: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin.")],
    db: Annotated[str, typer.Option(help="SQLite file (created if missing) or postgresql:// URL.")] = "sitrep.db",
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD when the input has none.")] = None,
    processes: Annotated[int, typer.Option(help="Worker processes for the parse.")] = 1,
    model: Annotated[str | None, typer.Option(help="A model directory from `sitrep train`.")] = None,
) -> None:
    """Extract events and store articles and events (one transaction per article)."""
    from sitrep.store import open_store

    failures = Failures()
    added = skipped = events = 0
    with open_store(db) as store:
        for article, article_events in _extracted(files, published, processes, model, failures, "ingesting"):
            try:
                if store.add_article(article, article_events):
                    added += 1
                    events += len(article_events)
                else:
                    skipped += 1
            except Exception as error:  # noqa: BLE001 - the article's transaction rolled back
                failures.record(DocumentError(document=article.id, stage="store", reason=str(error)))
    err.print(f"{added} article(s) added with {events} event(s); {skipped} already stored ({db}).")
    failures.exit()


@app.command()
def export(
    db: Annotated[str, typer.Option(help="SQLite file or postgresql:// URL.")] = "sitrep.db",
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled-csv|jsonl|csv|geojson")] = "acled-csv",
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    country: Annotated[str | None, typer.Option(help="Only this country.")] = None,
) -> None:
    """Export stored events."""
    from sitrep.export import write_events
    from sitrep.store import open_store

    if fmt not in FORMATS[1:]:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS[1:])}")
    handle = _open_output(output)
    with open_store(_existing_store(db)) as store:
        write_events(store.events(country=country), fmt, handle)
    if output:
        handle.close()


@app.command()
def stats(db: Annotated[str, typer.Option(help="SQLite file.")] = "sitrep.db") -> None:
    """Counts of stored events by country, event type and month."""
    from sitrep.store import open_store

    with open_store(_existing_store(db)) as store:
        print(json.dumps(store.stats(), indent=2, ensure_ascii=False))


@app.command()
def event(
    event_id: Annotated[str, typer.Argument(help="An event_id_cnty, e.g. SYR12345.")],
    db: Annotated[str, typer.Option(help="SQLite file or postgresql:// URL.")] = "sitrep.db",
) -> None:
    """One stored event with its claims, sources, evidence and revisions (JSON)."""
    from sitrep.store import open_store

    with open_store(_existing_store(db)) as store:
        detail = store.get_event(event_id)
    if detail is None:
        err.print(f"no event {event_id} in {db}")
        raise typer.Exit(1)
    print(detail.model_dump_json(indent=2))


@app.command()
def serve(
    db: Annotated[str, typer.Option(help="SQLite file or postgresql:// URL.")] = "sitrep.db",
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[str | None, typer.Option(envvar="SITREP_API_TOKEN",
                     help="Bearer token for POST /articles; without one, posting is disabled.")] = None,
    tiles: Annotated[str | None, typer.Option(envvar="SITREP_TILES",
                     help="Base-map URL template ({z}/{x}/{y}); without it the map shows shipped country outlines.")] = None,
) -> None:
    """Serve the REST API and the map dashboard."""
    from sitrep.web import serve as run_server

    run_server(db, host=host, port=port, token=token, tiles=tiles)


@app.command()
def train(
    acled: Annotated[Path, typer.Option(help="An ACLED export CSV (2020 or post-2023 columns).")],
    out: Annotated[Path, typer.Option(help="Model directory to write.")] = Path("models/acled"),
    show_heldout: Annotated[bool, typer.Option(
        "--show-heldout", help="Print the scores on the held-out (test) countries; "
        "they are always stored in the manifest.")] = False,
    holdout: Annotated[str, typer.Option(
        help="What to hold back and score on: date (the rows dated --before or later: the past "
        "predicts the future, every country is learned), country (the test countries of sitrep's "
        "country split, as BENCHMARKS.md measures) or none (learn from every row, no scores).")] = "date",
    before: Annotated[str | None, typer.Option(
        help="With --holdout date: learn from the rows dated before YYYY-MM-DD "
        "(default: hold back about the latest fifth of the rows).")] = None,
) -> None:
    """Learn a sub-event classifier, actor and place tables from an analyst's coded data."""
    from datetime import date

    from sitrep.learn import run_train

    try:
        cut = date.fromisoformat(before) if before else None
    except ValueError as error:
        raise typer.BadParameter(f"--before: {error}") from error
    raise typer.Exit(run_train(str(acled), str(out), holdout=holdout, show_heldout=show_heldout,
                               before=cut))


gazetteer_app = typer.Typer(help="The place index: embedded GeoNames data from PyPI, or built from "
                            "GeoNames dumps and ACLED exports.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build(
    paths: Annotated[list[Path] | None, typer.Argument(help="With --geonames: GeoNames dump files (.zip/.txt) or directories.")] = None,
    geonames: Annotated[bool, typer.Option("--geonames", help="Read PATHS as GeoNames dumps (XX.zip, allCountries.zip, alternateNamesV2.zip, admin1CodesASCII.txt, admin2Codes.txt).")] = False,
    from_acled: Annotated[list[Path] | None, typer.Option("--from-acled", help="Add the precision-1 locations of an ACLED export CSV (repeatable).")] = None,
    embedded: Annotated[bool, typer.Option("--embedded/--no-embedded", help="Merge with the embedded index (default) or build from the given files alone.")] = True,
    strict: Annotated[bool, typer.Option(help="Stop at the first malformed dump line instead of skipping it.")] = False,
    feature_classes: Annotated[str, typer.Option(help="GeoNames feature classes to keep (A admin, P populated, S spots, L areas, T terrain, H water, R roads, V vegetation, U undersea).")] = "APSLT",
    out: Annotated[Path | None, typer.Option(help="Index file (default: the per-user cache).")] = None,
) -> None:
    """Build the place index now (otherwise the embedded one is built on first use, and cached).

    With --geonames/--from-acled the index goes to the cache as places-custom.sqlite (or --out);
    set SITREP_GAZETTEER to its path to make the pipeline use it.
    """
    import time

    from sitrep.gazetteer.geonames import DumpError
    from sitrep.gazetteer.query import custom_path, default_path

    if paths and not geonames:
        raise typer.BadParameter("PATHS are read only with --geonames")
    if geonames and not paths:
        raise typer.BadParameter("--geonames needs dump files or a directory")
    if not (geonames or from_acled):
        from sitrep.gazetteer.build import build

        target = out or default_path()
        started = time.perf_counter()
        build(target)
        err.print(f"{_place_count(target):,} places in {target} ({time.perf_counter() - started:.0f} s)",
                  soft_wrap=True)
        return
    from sitrep.gazetteer.sources import build_from_sources

    target = out or custom_path()
    try:
        report = build_from_sources(target, paths or [], from_acled or [], embedded=embedded,
                                    strict=strict, feature_classes=feature_classes.upper())
    except (DumpError, ValueError) as error:  # ValueError: an ACLED CSV without its columns
        err.print(f"[red]error[/red] {error}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    by_source = ", ".join(f"{n:,} {source}" for source, n in sorted(report.places.items()))
    err.print(f"{sum(report.places.values()):,} places ({by_source}), {report.names:,} names "
              f"in {target} ({report.seconds:.0f} s)", highlight=False, soft_wrap=True)
    if from_acled:
        err.print(f"ACLED: {report.acled_new:,} new places, {report.acled_variants:,} names "
                  "added to known places", highlight=False, soft_wrap=True)
    if report.bad_lines:
        err.print(f"{report.bad_lines:,} malformed line(s) skipped (first ones above)")
    for skipped in report.skipped_files:
        err.print(f"not a GeoNames dump file, ignored: {skipped}", highlight=False, soft_wrap=True)
    err.print(f"use it with: export SITREP_GAZETTEER={target}", highlight=False, soft_wrap=True)


def _place_count(path: Path) -> int:
    import sqlite3

    with sqlite3.connect(path) as connection:
        return connection.execute("select count(*) from places").fetchone()[0]


@gazetteer_app.command("download")
def gazetteer_download(
    countries: Annotated[list[str], typer.Argument(help="ISO2 country codes (SY IQ YE), or allCountries.")],
    directory: Annotated[Path, typer.Option("--dir", help="Where to put the files.")] = Path("geonames"),
    alternates: Annotated[bool, typer.Option("--alternates", help="Also alternateNamesV2.zip (whole world, ~180 MB).")] = False,
    base_url: Annotated[str | None, typer.Option(envvar="SITREP_GEONAMES_URL", help="A GeoNames mirror.")] = None,
) -> None:
    """Fetch GeoNames dumps (XX.zip, admin code files) for `gazetteer build --geonames`."""
    from sitrep.gazetteer.download import DownloadError, download

    try:
        download(countries, directory, alternates=alternates, base_url=base_url,
                 progress=lambda message: err.print(message, highlight=False, soft_wrap=True))
    except DownloadError as error:
        err.print(f"[red]error[/red] {error}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    err.print(f"then: sitrep gazetteer build --geonames {directory}", highlight=False, soft_wrap=True)


@gazetteer_app.command("lookup")
def gazetteer_lookup(
    name: Annotated[str, typer.Argument(help="A place name in any spelling (with --search: word prefixes).")],
    country: Annotated[str | None, typer.Option(help="ISO2 country code to prefer.")] = None,
    search: Annotated[bool, typer.Option("--search", help="Full-text prefix search instead of the exact name key.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many (--search).")] = 20,
) -> None:
    """Candidates for a name, most populous first (one JSON object a line)."""
    from dataclasses import asdict

    from sitrep.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    found = (gazetteer.search(name, country_code=country, limit=limit) if search
             else gazetteer.lookup(name, country_code=country))
    for candidate in found:
        print(json.dumps(asdict(candidate), ensure_ascii=False))


@gazetteer_app.command("near")
def gazetteer_near(
    latitude: Annotated[float, typer.Argument()],
    longitude: Annotated[float, typer.Argument()],
    km: Annotated[float, typer.Option(help="Radius in kilometres.")] = 10.0,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 20,
    populated: Annotated[bool, typer.Option("--populated", help="Populated places (PPL*) only.")] = False,
) -> None:
    """Places within a radius of a point, nearest first (one JSON object a line)."""
    from dataclasses import asdict

    from sitrep.gazetteer import Gazetteer

    for candidate, distance in Gazetteer.default().near(latitude, longitude, km, limit,
                                                         "PPL" if populated else None):
        print(json.dumps({**asdict(candidate), "distance_km": round(distance, 3)}, ensure_ascii=False))


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="A gold JSONL file (format: shared/gold/README.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    errors: Annotated[int, typer.Option(help="Show the N worst cases side by side.")] = 0,
    split: Annotated[str, typer.Option(help="dev|test|all (acled-2020 splits by country).")] = "all",
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
    model: Annotated[Path | None, typer.Option(help="A model directory from `sitrep train`.")] = None,
) -> None:
    """Score the pipeline against a gold file."""
    from sitrep.evaluate import run_eval

    if split not in ("dev", "test", "all"):
        raise typer.BadParameter("--split must be dev, test or all")
    raise typer.Exit(run_eval(str(gold), json_out=as_json, errors=errors, split=split, limit=limit,
                              model=str(model) if model else None))


if __name__ == "__main__":
    app()
