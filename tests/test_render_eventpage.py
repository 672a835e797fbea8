"""An event's page, sources and listing entries written out by the renderer (``render/eventpage.py``) are,
byte for byte, what the templates render, for events of every shape; a maintainer's own event template
is still used."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from timeline.config import Config
from timeline.records import DateEvidence, Event
from timeline.render import render_site
from timeline.render.fingerprints import stamp_views
from timeline.render.model import build_model
from timeline.render.pages import event_page
from timeline.render.reporting import reporting
from timeline.render.samples import sample_articles, sample_events
from timeline.render.templating import ROOT_TOKEN, Renderer, make_environment

from conftest import make_config


def varied_events() -> list[Event]:
    """Sample events, each changed into another shape the page shows differently."""
    events = sample_events(48, days=200)
    shapes = [
        lambda e: replace(e, disputes=("One report says <5> killed, another \"6\" & more", "Dates differ")),
        lambda e: replace(e, sources=()),
        lambda e: replace(e, place="Kyiv & \"Lviv\"", status="scheduled"),
        lambda e: replace(e, evidence=None, date=e.date[:7], precision="month"),
        lambda e: replace(e, evidence=DateEvidence("publication-date")),
        lambda e: replace(e, evidence=DateEvidence("a-rule-nobody-explains", "that <day>", None)),
        lambda e: replace(e, title="<b>\"Quoted\"</b> & 'apostrophes'", summary="A *marked* summary with [a link](https://x.example/?a=1&b=2)."),
        lambda e: replace(e, sources=tuple(replace(s, published=f"2022-0{k + 1}-1{k}", outlet=f"Outlet {k}")
                                           for k, s in enumerate(e.sources * 3))),
        lambda e: replace(e, sources=tuple(replace(s, published=None, url=None, quote="") for s in e.sources)),
        lambda e: replace(e, date="", precision="unknown", evidence=None),
        lambda e: replace(e, actors=(), type="other"),
        lambda e: replace(e, evidence=DateEvidence("weekday-past", "on Monday", None)),
    ]
    return [shapes[n % len(shapes)](event) for n, event in enumerate(events)]


def pages(cfg: Config, written: bool) -> dict[str, bytes]:
    model = build_model(varied_events(), None, sample_articles(10), "2022-09-01")
    stamp_views(model)
    model.events[3].updates = (("1 Mar 2022", "the title <changed> & more"), ("2 Mar 2022", "a source added"))
    site = {"title": "A <timeline> & more", "description": cfg.description, "language": cfg.language,
            "build_date": "2022-09-01", "page_size": cfg.site.page_size, "base_url": cfg.base_url,
            "site_url": cfg.site_url}
    r = Renderer(make_environment(cfg), site)
    assert r.writes_events  # the project's own templates
    r.writes_events = written
    made = {}
    for index, ev in enumerate(model.events):
        linked = model.events[index + 1:index + 1 + index % 3]
        path, data = event_page(r, model, cfg, ev, index, linked, index % 2 == 0, reporting(ev.event))
        made[path] = data
        for root in ("", "../"):
            entries = "".join(r.make_entries(ev)).replace(ROOT_TOKEN, root)
            made[f"{path} item and line, root {root!r}"] = entries.encode()
            made[f"{path} sources, root {root!r}"] = (r.sources(ev, root) + r.sources(ev, root, False)).encode()
    return made


@pytest.mark.parametrize("site_url", ["", "https://example.org"])
def test_written_event_pages_are_the_template_s_pages(tmp_path: Path, site_url: str) -> None:
    cfg = make_config(output=tmp_path / "out", site_url=site_url, base_url="/news/" if site_url else "")
    written, templated = pages(cfg, True), pages(cfg, False)
    assert written.keys() == templated.keys()
    for path, data in templated.items():
        assert written[path].decode() == data.decode(), path
    shown = b"".join(templated.values())
    for shape in (b"Where sources disagree", b"Background to", b"Earlier events the reports", b"Updated on",
                  b"No source gives a publication date", b"Added by the maintainers", b"badge", b"strip",
                  b"Dated by the publication date", b"rel=\"canonical\"" if site_url else b"og:type"):
        assert shape in shown, shape  # every branch of the template was compared


def test_a_maintainer_s_event_template_is_used(tmp_path: Path) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    (own / "event.html").write_text('{% extends "base.html" %}{% block content %}<p>Ours: {{ ev.event.title }}</p>'
                                    "{% endblock %}", encoding="utf-8")
    cfg = make_config(output=tmp_path / "out", paths={"templates": own})
    render_site(sample_events(5), None, sample_articles(1), cfg, search=False)
    page = next((cfg.paths.output / "events").glob("*.html")).read_text(encoding="utf-8")
    assert "<p>Ours: " in page and "Why this date" not in page
