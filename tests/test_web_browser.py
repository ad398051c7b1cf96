"""The dashboard in a real headless browser (Debian's chromium driven by selenium).

Skipped with a reason when /usr/bin/chromium, /usr/bin/chromedriver or selenium is missing.
Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lagebild.analysis.synthetic import XSS_TITLE, build_store
from lagebild.api import create_app

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
PAGES = [("overview", "/"), ("events", "/events"), ("articles", "/articles"), ("article", "/articles/xss"),
         ("article-reported", "/articles/syn-w16-r0-PRK-RUS-0"), ("actors", "/actors"),
         ("actor", "/actors/syn:putin"), ("network", "/network"), ("network-actors", "/network?level=actor"),
         ("dyad", "/dyads/RUS/PRK"), ("dyad-month", "/dyads/CHN/USA?interval=month"), ("alerts", "/alerts"),
         ("api-docs", "/api/docs"), ("not-found", "/articles/nope")]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")
    path = str(tmp_path_factory.mktemp("browser") / "events.duckdb")
    build_store(path)
    app = create_app(path)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    for exe in (CHROMIUM, DRIVER):
        if not os.access(exe, os.X_OK):
            pytest.skip(f"{exe} is missing (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={profile}", "--window-size=1400,1000"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    except WebDriverException as exc:
        pytest.skip(f"chromium could not be started: {exc.msg}")
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def load(driver: Any, url: str) -> list[dict[str, Any]]:
    """Open a page, wait until it is loaded, return the severe console messages."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("browser")  # drop earlier messages
    driver.get(url)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
    time.sleep(0.2)  # deferred scripts and late console messages
    return [m for m in driver.get_log("browser") if m.get("level") == "SEVERE"]


@pytest.mark.parametrize("name, path", PAGES)
def test_pages_load_without_javascript_errors(browser: Any, base_url: str, name: str, path: str) -> None:
    severe = load(browser, base_url + path)
    browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))
    if name == "not-found":  # the 404 status itself is logged; nothing else may be
        assert any("404" in m.get("message", "") for m in severe), "console logs are not captured"
        severe = [m for m in severe if "404" not in m.get("message", "")]
    assert severe == [], severe
    assert browser.title.endswith("· Lagebild")


def test_events_filter_changes_the_rows(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    assert load(browser, base_url + "/events") == []
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.event-row")
    before = {r.get_attribute("data-category") for r in rows}
    count_before = browser.find_element(By.ID, "event-count").text
    assert len(rows) == 50 and len(before) > 1
    Select(browser.find_element(By.ID, "f-category")).select_by_value("ASSAULT")  # submits on change
    WebDriverWait(browser, 15).until(lambda d: "category=ASSAULT" in d.current_url)
    WebDriverWait(browser, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.event-row")
    after = {r.get_attribute("data-category") for r in rows}
    assert rows and after == {"ASSAULT"}
    assert browser.find_element(By.ID, "event-count").text != count_before
    browser.save_screenshot(str(ARTIFACTS / "events-filtered.png"))
    # a date filter typed into the form
    box = browser.find_element(By.NAME, "since")
    box.clear()
    box.send_keys("2024-05-01")
    browser.find_element(By.ID, "f-apply").click()
    WebDriverWait(browser, 15).until(lambda d: "since=2024-05-01" in d.current_url)
    dates = [td.text[:10] for td in browser.find_elements(By.CSS_SELECTOR, "tr.event-row td:first-child")]
    assert dates and all(d >= "2024-05-01" for d in dates)


def test_injected_markup_stays_text_in_the_browser(browser: Any, base_url: str) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    assert load(browser, base_url + "/articles/xss") == []
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert  # noqa: B018 - no script ran
    assert browser.find_element(By.TAG_NAME, "h1").text == XSS_TITLE
    text = browser.find_element(By.ID, "article-text")
    assert "<script>alert(1)</script>" in text.text and "<img src=x onerror=alert(1)>" in text.text
    assert browser.find_elements(By.CSS_SELECTOR, "main img") == []
    assert len(browser.find_elements(By.CSS_SELECTOR, "script")) == 1  # only /static/article.js
    # choosing the event marks its evidence in the text
    browser.find_element(By.CSS_SELECTOR, ".ev-card").click()
    marked = browser.find_elements(By.CSS_SELECTOR, "#article-text .active")
    assert marked and "Putin" in " ".join(m.text for m in marked)
    browser.save_screenshot(str(ARTIFACTS / "article-selected.png"))


def test_network_is_drawn(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    assert load(browser, base_url + "/network") == []
    svg = browser.find_element(By.ID, "network")
    assert int(svg.get_attribute("data-ready")) >= 6
    circles = svg.find_elements(By.CSS_SELECTOR, "circle")
    edges = svg.find_elements(By.CSS_SELECTOR, "line.edge")
    assert len(circles) >= 6 and len(edges) >= 5
    labels = {t.text for t in svg.find_elements(By.CSS_SELECTOR, "text")}
    assert {"RUS", "UKR", "PRK"} <= labels
    # nodes are spread out, not stacked
    boxes = {(round(c.rect["x"]), round(c.rect["y"])) for c in circles}
    assert len(boxes) == len(circles)


def test_dyad_chart_is_drawn(browser: Any, base_url: str) -> None:
    from selenium.webdriver.common.by import By

    assert load(browser, base_url + "/dyads/RUS/PRK") == []
    chart = browser.find_element(By.CSS_SELECTOR, "svg.chart")
    assert chart.size["width"] > 500
    assert len(chart.find_elements(By.CSS_SELECTOR, "rect")) > 20


def test_report_opens_in_the_browser(browser: Any, tmp_path: Path, base_url: str) -> None:
    from lagebild.report import write_report

    db = str(tmp_path / "r.duckdb")
    build_store(db, weeks=10)
    out = tmp_path / "report.html"
    write_report(db, out)
    severe = load(browser, out.as_uri())
    assert severe == [], severe
    browser.save_screenshot(str(ARTIFACTS / "report.png"))
    assert "situation report" in browser.title
