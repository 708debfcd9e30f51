"""`gazetteer download` against a real local HTTP server serving GeoNames-format files."""
from __future__ import annotations

import functools
import shutil
import socket
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.download import DownloadError, download, files_for

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


@pytest.fixture()
def mirror(tmp_path):
    """A GeoNames-like dump directory served over HTTP on a free port."""
    root = tmp_path / "export" / "dump"
    root.mkdir(parents=True)
    with zipfile.ZipFile(root / "SY.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(FIXTURES / "SY.txt", "SY.txt")
        archive.writestr("readme.txt", "GeoNames readme")
    with zipfile.ZipFile(root / "alternateNamesV2.zip", "w") as archive:
        archive.write(FIXTURES / "alternateNamesV2.txt", "alternateNamesV2.txt")
    for name in ("admin1CodesASCII.txt", "admin2Codes.txt"):
        shutil.copy(FIXTURES / name, root / name)
    handler = functools.partial(_Quiet, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/export/dump/"
    server.shutdown()
    server.server_close()


def test_download_then_build(mirror, tmp_path):
    target = tmp_path / "dl"
    paths = download(["sy"], target, alternates=True, base_url=mirror)
    assert [p.name for p in paths] == ["SY.zip", "admin1CodesASCII.txt", "admin2Codes.txt",
                                       "alternateNamesV2.zip"]
    assert (target / "SY.zip").read_bytes() == (tmp_path / "export/dump/SY.zip").read_bytes()
    out = tmp_path / "dl.sqlite"
    result = CliRunner().invoke(app, ["gazetteer", "build", "--geonames", str(target),
                                      "--no-embedded", "--out", str(out)])
    assert result.exit_code == 0, result.output
    gaz = Gazetteer(out)
    assert gaz.lookup("Bghailiye")[0].admin2 == "Deir ez-Zor"  # alternateNamesV2 + admin2Codes


def test_cli_download_and_unknown_country(mirror, tmp_path):
    result = CliRunner().invoke(app, ["gazetteer", "download", "SY", "--dir", str(tmp_path / "d"),
                                      "--base-url", mirror])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == [
        "SY.zip", "admin1CodesASCII.txt", "admin2Codes.txt"]
    missing = CliRunner().invoke(app, ["gazetteer", "download", "IQ", "--dir",
                                       str(tmp_path / "e"), "--base-url", mirror])
    assert missing.exit_code == 1
    assert "IQ.zip: HTTP 404" in missing.stderr
    assert not list((tmp_path / "e").glob("*.part"))  # no partial file left behind


def test_offline_is_a_clear_error(tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DownloadError, match="may be offline"):
        download(["SY"], tmp_path, base_url=f"http://127.0.0.1:{port}/", timeout=5)
    assert not list(tmp_path.iterdir())


def test_country_codes_are_checked():
    assert files_for(["ye", "allCountries"])[:2] == ["YE.zip", "allCountries.zip"]
    with pytest.raises(DownloadError, match="'Syria' is not an ISO"):
        files_for(["Syria"])
