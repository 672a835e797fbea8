"""What ranks first among events reported as widely: what happened to whom over what was said."""

from __future__ import annotations

from datetime import date

from timeline.merge import merge
from timeline.records import ActorRef, Article, DateEvidence, Happening

JUDGE, DOCTOR = ActorRef("Rosa Campo", "person"), ActorRef("Dario Monte", "person")


def told(aid: str, index: int, title: str, kind: str, predicate: str) -> Happening:
    return Happening(article_id=aid, sentence_index=index, sentence=title + ".", predicate=predicate,
                     date="2011-11-07", precision="day", status="occurred",
                     evidence=DateEvidence("weekday-past", "on Monday", "2011-11-07"), title=title,
                     summary=title + ".", type=kind, actors=(JUDGE, DOCTOR))


def test_a_verdict_outranks_a_remark_told_as_widely() -> None:
    articles = [Article(id=a, path=f"{a}.md", title=f"Report {a}", text="", published=date(2011, 11, 8), outlet=a)
                for a in ("a", "b")]
    verdict = [told(a, 4, "Dario Monte was convicted of manslaughter", "legal", "convict") for a in ("a", "b")]
    remark = [told(a, 3, "A judge, Rosa Campo, thanked Dario Monte's jurors", "statement", "thank")
              for a in ("a", "b")]
    events = merge([], remark + verdict, articles).events
    ranked = sorted(events, key=lambda e: -e.importance)
    assert [e.type for e in ranked] == ["legal", "statement"]
