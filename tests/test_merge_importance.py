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


def test_the_day_leads_with_what_its_reports_agree_on_not_a_line_one_article_scored_well() -> None:
    # one article opens on a line of colour (its headline, its lead); four others tell the verdict
    colour = "Fans wept outside the court as the jury went out"
    texts = {"c": "Fans wept as the jury went out; the verdict came at noon.",
             "a": "The jury returned its verdict at noon.", "b": "The jury returned its verdict at noon.",
             "d": "Dario Monte was convicted of manslaughter.", "e": "Dario Monte was convicted of manslaughter."}
    articles = [Article(id=a, path=f"{a}.md", title=colour if a == "c" else f"Report {a}", text=text,
                        published=date(2011, 11, 8), outlet=a) for a, text in texts.items()]
    lines = [told("c", 0, colour, "death", "weep")]
    lines += [told(a, 5, "Dario Monte was convicted of manslaughter", "other", "convict") for a in ("a", "b", "d", "e")]
    events = merge([], lines, articles).events
    first = max(events, key=lambda e: e.importance)
    assert first.title == "Dario Monte was convicted of manslaughter" and len(first.sources) == 4
