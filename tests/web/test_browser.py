"""The dashboard in a real headless Chromium (Debian's chromium + chromedriver, selenium).

No skip: a missing browser fails with the install command (CI installs it with
scripts/install-browser.sh). Screenshots land in tmp_path.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from sitrep.store import EventFilter, open_store
from sitrep.web import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,1000")


@pytest.fixture()
def server(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """uvicorn on 127.0.0.1 and a free port, in a thread."""
    monkeypatch.delenv("SITREP_TILES", raising=False)  # the offline country outlines
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(str(db), token="t"), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="off")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[object]:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if missing or shutil.which("chromium") is None:
        pytest.fail(f"headless Chromium is missing ({', '.join(missing) or 'chromium'}): "
                    "run `bash scripts/install-browser.sh` (Debian packages chromium, chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("selenium is missing: pip install -e '.[test]' (or scripts/install-browser.sh)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console errors, CSP
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver, condition, timeout: float = 30, message: str = "condition") -> object:
    """Poll `condition(driver)` until truthy (the page loads its data asynchronously)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition(driver)
        if value:
            return value
        if time.monotonic() > deadline:
            error = driver.execute_script("var e = document.getElementById('error'); "
                                          "return e && !e.hidden ? e.textContent : null")
            pytest.fail(f"timed out waiting for {message}; page error: {error}")
        time.sleep(0.1)


def loaded_after(driver, before: str | None) -> str:
    stamp = driver.execute_script("return document.body.dataset.loaded || null")
    return stamp if stamp and stamp != before else ""


def console_errors(driver) -> list[str]:
    """Errors logged in the page console since the last call (script errors, CSP refusals)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def count(driver, selector: str) -> int:
    return int(driver.execute_script(f"return document.querySelectorAll({selector!r}).length"))


def test_dashboard_filters_and_event_page(server: str, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser
    driver.get(server + "/")
    stamp = wait_for(driver, lambda d: loaded_after(d, None), message="the dashboard")
    # 34 events, 33 with coordinates; country outlines drawn from the packaged TopoJSON
    wait_for(driver, lambda d: count(d, "path.sitrep-marker") == 33, message="33 markers")
    assert count(driver, ".leaflet-overlay-pane path:not(.sitrep-marker)") > 100
    assert count(driver, "#timeline rect.bar") == 34  # distinct event days
    assert count(driver, "#events tbody tr") == 34
    driver.save_screenshot(str(tmp_path / "dashboard.png"))

    Select(driver.find_element(By.NAME, "country")).select_by_visible_text("Syria")
    driver.find_element(By.ID, "apply").click()
    wait_for(driver, lambda d: loaded_after(d, stamp), message="the filtered dashboard")
    assert count(driver, "path.sitrep-marker") == 1
    rows = driver.find_elements(By.CSS_SELECTOR, "#events tbody tr")
    assert len(rows) == 1 and "SOHR: 135 | SANA: 300" in rows[0].text
    assert "country=Syria" in driver.current_url  # the filtered view can be shared
    driver.save_screenshot(str(tmp_path / "dashboard-syria.png"))

    rows[0].find_element(By.TAG_NAME, "a").click()
    wait_for(driver, lambda d: "/event?id=SYR1" in d.current_url and loaded_after(d, None),
             message="the event page")
    marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, ".article-text mark.evidence")]
    assert {"Islamic State fighters", "Al-Baghaliyeh", "on Saturday", "300 dead",
            "135 civilians"} <= set(marks)
    claims = driver.find_element(By.CSS_SELECTOR, ".claim-row.conflict").text
    assert "SOHR" in claims and "135" in claims and "SANA" in claims and "300" in claims
    driver.find_element(By.CSS_SELECTOR, '#fields tr[data-field="actor1"]').click()
    active = driver.find_elements(By.CSS_SELECTOR, "mark.evidence.active")
    assert [m.text for m in active] == ["Islamic State fighters"]
    assert driver.find_element(By.ID, "evidence-problems").text == ""
    driver.save_screenshot(str(tmp_path / "event.png"))

    assert console_errors(driver) == []
    # nothing came from outside the server
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(url.startswith(server) for url in resources), resources


def test_article_markup_never_runs(server: str, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(server + "/event?id=NIG1")
    wait_for(driver, lambda d: loaded_after(d, None), message="the hostile event page")
    time.sleep(0.5)  # give an injected onerror handler time to fire, if it could
    assert driver.execute_script("return window.__pwned === undefined")
    # and not merely blocked by the CSP: a refused inline script would log an error here
    assert console_errors(driver) == []
    text = driver.find_element(By.CSS_SELECTOR, ".article-text")
    assert '<script>window.__pwned = "script";</script>' in text.text  # shown, not parsed
    assert "<img src=x onerror=" in text.text
    assert count(driver, ".article-text script, .article-text img, script:not([src])") == 0
    assert driver.find_element(By.CSS_SELECTOR, ".article-title").text == '<b onmouseover="x">Konduga</b>'
    # a javascript: URL from the data is shown as text, never as a link
    assert count(driver, '#sources a[href^="javascript"]') == 0
    assert [m.text for m in driver.find_elements(By.CSS_SELECTOR, "mark.evidence")] == [
        "Konduga", "killed 12 villagers"]
    driver.save_screenshot(str(tmp_path / "hostile.png"))


def test_timeline_too_big_is_a_note_not_an_error(server: str, browser,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.web.app

    monkeypatch.setattr(sitrep.web.app, "TIMELINE_MAX", 10)
    driver = browser
    driver.get(server + "/")
    wait_for(driver, lambda d: loaded_after(d, None), message="the dashboard")
    note = driver.execute_script("return document.getElementById('timeline').textContent")
    assert "narrow the filters" in note
    assert driver.execute_script("return document.getElementById('error').hidden")
    assert count(driver, "path.sitrep-marker") == 33  # the rest of the page still works


def test_merged_event_shows_each_report_with_its_evidence(server: str, browser, db: Path,
                                                          samples) -> None:
    from selenium.webdriver.common.by import By

    from sitrep.model import Article, Claim

    deir_event, span = samples.deir_event, samples.span

    later = "A week on, SOHR raised its toll: 50 fighters and 85 of their relatives were killed."
    again = deir_event().model_copy(update={
        "claims": [Claim(kind="killed", value=50, source="SOHR", evidence=span(later, "fatalities", "50 fighters")),
                   Claim(kind="killed", value=85, source="SOHR", evidence=span(later, "fatalities", "85 of their relatives"))],
        "evidence": []})
    with open_store(db) as store:
        assert store.add_article(Article(id="deir-later", text=later, title="SOHR update"), [again])
        assert store.count(EventFilter()) == 34  # merged into SYR1, not a new event

    driver = browser
    driver.get(server + "/event?id=SYR1")
    wait_for(driver, lambda d: loaded_after(d, None), message="the merged event page")
    titles = [t.text for t in driver.find_elements(By.CSS_SELECTOR, ".article-title")]
    assert titles == ["Massacre in Deir ez-Zor", "SOHR update"]
    second = driver.find_elements(By.CSS_SELECTOR, ".source-article")[1]
    assert [m.text for m in second.find_elements(By.CSS_SELECTOR, "mark.evidence")] == [
        "50 fighters", "85 of their relatives"]
    assert driver.find_element(By.ID, "evidence-problems").text == ""
    assert "SANA: 300" in driver.find_element(By.ID, "claims").text
