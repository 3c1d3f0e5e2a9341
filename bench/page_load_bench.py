"""Page load on a slow, distant link: what a reader on a satellite connection waits for.

    python bench/page_load_bench.py --url http://127.0.0.1:8000 [--label after]

Drives Debian's Chromium (chromium and chromium-driver) against a running site
(`make run`) with Chromium's network emulation: 256 kbit/s down and up, 600 ms
latency, cache off. For home, a guide and search in English and Inuktitut it
measures, as the median of --runs loads:
  - first contentful paint (FCP);
  - styled paint: when the first paint has the site's styles, i.e. FCP or, if a
    stylesheet arrived later, the time that stylesheet finished loading;
  - bytes transferred (HTML, CSS, JS, images) and the number of requests.
Prints a markdown table and writes bench/results/page-load-<label>.{md,json}.
"""

import argparse
import json
import shutil
import statistics
import sys
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

RESULTS = Path(__file__).resolve().parent / "results"
PAGES = {
    "home": "/{language}/",
    "guide": "/{language}/guides/sea-ice-travel-safety/",
    "search": "/{language}/search/?q=ice&type=guide",
}
LANGUAGES = ("en", "iu")
NETWORK = {
    "offline": False,
    "latency": 600,
    "downloadThroughput": 256_000 / 8,
    "uploadThroughput": 256_000 / 8,
}

MEASURE = """
const done = arguments[arguments.length - 1];
const report = (paint) => {
const navigation = performance.getEntriesByType("navigation")[0];
const resources = performance.getEntriesByType("resource");
const styles = resources.filter((r) => r.initiatorType === "link" && r.name.includes(".css"));
const fcp = paint ? paint.startTime : null;
const stylesDone = Math.max(0, ...styles.map((r) => r.responseEnd));
done({
  fcp: fcp,
  styled: fcp === null ? null : Math.max(fcp, stylesDone),
  bytes: navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
  html_bytes: navigation.transferSize,
  requests: 1 + resources.length,
});
};
new PerformanceObserver((list) => {
  const paint = list.getEntriesByName("first-contentful-paint")[0];
  if (paint) report(paint);
}).observe({type: "paint", buffered: true});
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the running site")
    parser.add_argument("--label", default="current", help="name of this measurement")
    parser.add_argument("--runs", type=int, default=3, help="loads per page (median)")
    parser.add_argument(
        "--screenshots", type=Path, help="also save first-screen screenshots (375 and 1280 px) here"
    )
    return parser.parse_args()


def start_chromium():
    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not browser or not driver:
        sys.exit("Needs Debian's chromium and chromium-driver packages.")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.add_argument("--window-size=375,740")
    chromium = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    chromium.execute_cdp_cmd("Network.enable", {})
    chromium.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    chromium.execute_cdp_cmd("Network.emulateNetworkConditions", NETWORK)
    chromium.set_page_load_timeout(120)
    chromium.set_script_timeout(30)
    return chromium


def measure_page(chromium, url, runs):
    samples = []
    for _ in range(runs):
        chromium.get("about:blank")
        chromium.get(url)
        samples.append(chromium.execute_async_script(MEASURE))
    median = {
        key: statistics.median(sample[key] for sample in samples)
        for key in ("fcp", "styled", "bytes", "html_bytes", "requests")
    }
    return {key: round(value) for key, value in median.items()}


def save_screenshots(chromium, base_url, folder):
    """The first screen of each page, unthrottled, at phone and desktop width."""
    chromium.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {**NETWORK, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    folder.mkdir(parents=True, exist_ok=True)
    for width, height in ((375, 740), (1280, 900)):
        chromium.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
        )
        for language in LANGUAGES:
            for name, path in PAGES.items():
                chromium.get(base_url + path.format(language=language))
                chromium.save_screenshot(str(folder / f"{name}-{language}-{width}.png"))


def table(label, rows):
    lines = [
        f"Page load at 256 kbit/s, 600 ms latency, cache off ({label})",
        "",
        "| page | FCP ms | styled paint ms | bytes | HTML bytes | requests |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in rows.items():
        lines.append(
            f"| {name} | {row['fcp']} | {row['styled']} | {row['bytes']} | "
            f"{row['html_bytes']} | {row['requests']} |"
        )
    return "\n".join(lines)


def main():
    args = parse_args()
    chromium = start_chromium()
    try:
        rows = {
            f"{name} ({language})": measure_page(
                chromium, args.url.rstrip("/") + path.format(language=language), args.runs
            )
            for language in LANGUAGES
            for name, path in PAGES.items()
        }
        if args.screenshots:
            save_screenshots(chromium, args.url.rstrip("/"), args.screenshots)
    finally:
        chromium.quit()
    text = table(args.label, rows)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"page-load-{args.label}.md").write_text(text + "\n")
    result = {"label": args.label, "network": NETWORK, "runs": args.runs, "pages": rows}
    (RESULTS / f"page-load-{args.label}.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
