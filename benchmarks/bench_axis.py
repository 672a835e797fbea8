"""Time-axis benchmark: the axis pages of a synthetic timeline (100,000 events by default) in Chromium.

Renders the axis views and their data (``timeline.render.axis``) with the
site's stylesheet and script, serves them on 127.0.0.1 and opens ``axis.html``
in Debian's Chromium (``/usr/bin/chromium``, through Playwright), several times.
Prints, as medians over the runs: first contentful paint; when the script has
its data and has drawn; the first paint of a bare page of the same server
(a heading and the stylesheet: what the machine costs any page); a zoom step at the whole story (events counted per
column) and one in a window of a few weeks (events one by one), each from the
key press to the frame after the redraw; the sizes of the files. Targets: first
paint and a zoom step at most 100 ms, the script at most 30 KB. A measurement,
not a test; figures on a busy machine carry its noise.

    python benchmarks/bench_axis.py [--events N] [--runs N] [--output DIR]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.config import load_config  # noqa: E402
from timeline.render.axis import axis_parts  # noqa: E402
from timeline.render.fingerprints import stamp_views  # noqa: E402
from timeline.render.model import build_model  # noqa: E402
from timeline.render.samples import sample_articles, sample_events  # noqa: E402
from timeline.render.templating import PROJECT_TEMPLATES, Renderer, make_environment  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

# The time from a key press on the drawing to the frame after its redraw.
STEP = """key => new Promise(done => {
  const frame = document.getElementById('axis-frame');
  const start = performance.now();
  frame.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
  requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
})"""


def render_axis(events: int, output: Path) -> tuple[float, int]:
    cfg = load_config(None, output=output)
    model = build_model(sample_events(events), None, sample_articles(max(1, events // 5)), "2024-01-01")
    stamp_views(model)
    renderer = Renderer(make_environment(cfg), {"title": "Axis benchmark", "description": "", "language": "en",
                                                 "build_date": "2024-01-01", "page_size": 200, "base_url": "/",
                                                 "site_url": ""})
    start = time.perf_counter()
    files = 0
    for part in axis_parts(renderer, model.events, 20):
        for path, data in part.make().files:
            target = output / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            files += 1
    seconds = time.perf_counter() - start
    (output / "assets").mkdir(exist_ok=True)
    for name in ("style.css", "axis.js"):
        shutil.copy(PROJECT_TEMPLATES / "assets" / name, output / "assets" / name)
    # What the machine and browser cost any page: a heading and the stylesheet.
    (output / "bare.html").write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bare</title>'
                                      '<link rel="stylesheet" href="assets/style.css"></head><body><h1>Bare</h1>'
                                      "</body></html>\n", encoding="utf-8")
    return seconds, files


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


def first_paint(page: Any) -> float:
    """Milliseconds from navigation to the first contentful paint, once the browser has recorded it."""
    for _ in range(400):
        paint = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime")
        if paint is not None:
            return float(paint)
        page.wait_for_timeout(5)
    raise RuntimeError("no first contentful paint recorded")


def measure(output: Path, runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/axis.html"
    figures: dict[str, list[float]] = {"first paint": [], "first paint of a bare page (the floor)": [],
                                       "script drawn": [], "zoom step, whole story": [], "zoom step, a few weeks": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            # The bare page first: a reader comes to the axis from another page of the site, its
            # stylesheet already at hand, and both pages are then measured alike.
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url.replace("axis.html", "bare.html"))
            figures["first paint of a bare page (the floor)"].append(first_paint(page))
            page.close()
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            start = time.perf_counter()
            page.goto(url)
            while not page.is_visible("#axis-controls"):
                page.wait_for_timeout(5)
            figures["script drawn"].append((time.perf_counter() - start) * 1000)
            figures["first paint"].append(first_paint(page))
            figures["zoom step, whole story"].append(page.evaluate(STEP, "+"))
            for _ in range(5):
                page.evaluate(STEP, "+")
            page.wait_for_timeout(500)  # the months' files of the narrow window arrive
            figures["zoom step, a few weeks"].append(page.evaluate(STEP, "+"))
            page.close()
        browser.close()
    server.shutdown()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    output = args.output or Path(tempfile.mkdtemp(prefix="bench-axis-"))
    seconds, files = render_axis(args.events, output)
    print(f"events: {args.events}; axis rendered in {seconds:.1f} s, {files} files")
    for name in ("axis.html", "axis.json", "assets/axis.js"):
        print(f"{name}: {(output / name).stat().st_size / 1000:.1f} KB")
    biggest = max((output / "axis").glob("????-??.html"), key=lambda p: p.stat().st_size)
    print(f"largest month view: {biggest.name} {biggest.stat().st_size / 1000:.1f} KB")
    for name, values in measure(output, args.runs).items():
        print(f"{name}: median {statistics.median(values):.1f} ms (runs: {', '.join(f'{v:.0f}' for v in values)})")
    if args.output is None:
        shutil.rmtree(output, ignore_errors=True)


if __name__ == "__main__":
    main()
