"""The evaluation's list of key events is the one the site's key-events view shows: events the
site lists apart for review (off the collection's subject) take no key place there."""

from __future__ import annotations

import json
from pathlib import Path

from evaluation.key_events import load, shown
from timeline.merge.selection import key_events
from timeline.records import ActorRef, Event, Source
from timeline.store.events import save_events

ADA = ActorRef("Ada Moreno", "person")


def _event(eid: str, day: str, title: str, predicate: str, importance: float) -> Event:
    source = Source(article=f"{eid}-article", title="Report", published=day, quote=title + ".")
    return Event(id=eid, date=day, precision="day", status="occurred", title=title, summary=title + ".",
                 importance=importance, actors=(ADA,), predicate=predicate, sources=(source,))


def _row(e: Event) -> dict[str, object]:
    return {"id": e.id, "date": e.date, "precision": e.precision, "status": e.status, "title": e.title,
            "summary": e.summary, "type": e.type, "importance": e.importance,
            "actors": [{"name": a.name, "kind": a.kind} for a in e.actors],
            "sources": [{"article": s.article, "title": s.title, "published": s.published, "quote": s.quote}
                        for s in e.sources]}


def test_the_key_events_printed_leave_out_what_the_site_lists_for_review(tmp_path: Path) -> None:
    match = _event("match", "2012-03-04", "Ada Moreno scored twice in the cup final", "score", 400)
    opened = _event("opened", "2012-03-05", "Ada Moreno opened the new bridge over the river", "open", 300)
    signed = _event("signed", "2012-03-09", "Ada Moreno signed the water treaty with the neighbours", "sign", 200)
    events = [match, opened, signed]
    save_events(tmp_path / "content" / "events", events)
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "events.json").write_text(json.dumps({"events": [_row(e) for e in events]}))
    (tmp_path / "output" / "review.html").write_text('<a href="events/match.html">Ada Moreno scored</a>')
    loaded, review = load(tmp_path)
    assert review == frozenset({"match"})
    assert [e.predicate for e in loaded] == ["score", "open", "sign"]  # the store's verbs, best first
    assert [e.id for e in key_events(shown(loaded, review), 5)] == ["opened", "signed"]
