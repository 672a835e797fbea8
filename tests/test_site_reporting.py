"""Who reported an event first and how its reporting spread, on its page and in events.json; pair feeds."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from timeline.records import ActorRef, Event, Source
from timeline.render import render_site

from conftest import make_config

BLAST = Event(
    id="blast", date="2022-03-17", precision="day", status="occurred", title="Blast hits the port of Odesa",
    summary="A blast hit the port.", type="military",
    actors=(ActorRef("Ukraine", "country"), ActorRef("Russia", "country")),
    sources=(
        Source("b", "Port hit", "2022-03-19", "https://harbour.example.net/b", None, "A blast hit the port."),
        Source("a", "Blast in Odesa", "2022-03-18", None, "Example Wire", "A blast hit the port on Thursday."),
        Source("c", "Odesa blast", "2022-03-18", None, "Coast Times", "The port was hit."),
        Source("d", "Odesa again", "2022-03-20", None, "Example Wire", "Thursday's blast."),
    ),
)
TALKS = Event(id="talks", date="2022-03", precision="month", status="occurred", title="Talks on grain exports",
              summary="Talks.", actors=(ActorRef("Ukraine", "country"), ActorRef("Russia", "country")),
              sources=(Source("e", "Talks", "2022-03-21", None, "Example Wire", "Talks went on."),))
SAME_DAY = Event(id="vote", date="2022-03-21", precision="day", status="occurred", title="Parliament votes",
                 summary="A vote.", sources=(Source("f", "Vote", "2022-03-21", None, "Coast Times", "It voted."),))


def test_event_page_says_who_reported_first_and_over_how_long(tmp_path: Path) -> None:
    cfg = make_config(output=tmp_path / "out", build={"build_date": "2022-03-22"})
    render_site([BLAST, TALKS, SAME_DAY], None, [], cfg, search=False)
    page = (cfg.paths.output / "events" / "blast.html").read_text(encoding="utf-8")
    assert ("First reported by Coast Times on 18 Mar 2022 (a day after); 4 reports by 3 outlets over 3 days"
            in page)
    assert 'Happened <time datetime="2022-03-17">17 Mar 2022</time>' in page  # apart from the reporting dates
    assert 'class="strip"' in page and "18 Mar 2022: 2; 19 Mar 2022: 1; 20 Mar 2022: 1" in page
    assert "(the same day); 1 report by 1 outlet on one day" in (
        cfg.paths.output / "events" / "vote.html").read_text(encoding="utf-8")
    month = (cfg.paths.output / "events" / "talks.html").read_text(encoding="utf-8")
    assert "First reported by Example Wire on 21 Mar 2022; 1 report" in month  # no lag for a month's event
    rows = {e["id"]: e for e in json.loads((cfg.paths.output / "events.json").read_text(encoding="utf-8"))["events"]}
    assert rows["blast"]["first_reported"] == {"date": "2022-03-18", "outlet": "Coast Times"}
    assert rows["blast"]["reports"] == {"count": 4, "outlets": 3, "span": 3}


def test_pair_pages_have_a_feed_they_link_to(tmp_path: Path) -> None:
    cfg = make_config(output=tmp_path / "out", build={"build_date": "2022-03-22"})
    render_site([BLAST, TALKS], None, [], cfg, search=False)
    pair = cfg.paths.output / "pairs" / "russia--ukraine.html"
    html = pair.read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="Russia and Ukraine" href="russia--ukraine.atom">' \
        in html
    feed = ET.parse(cfg.paths.output / "pairs" / "russia--ukraine.atom").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.find("a:id", ns).text for e in feed.findall("a:entry", ns)] == [  # type: ignore[union-attr]
        "urn:timeline:event:blast", "urn:timeline:event:talks"]
    alternate = feed.find("a:link[@rel='alternate']", ns)
    assert alternate is not None and alternate.get("href") == "../pairs/russia--ukraine.html"
