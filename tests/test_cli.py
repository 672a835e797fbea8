"""The command line as a maintainer meets it: help with an example everywhere, and the small commands."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli.main import COMMANDS, main, make_parser
from timeline.records import ActorRef, Event, Source
from timeline.store.events import save_events

from conftest import errors, read_content


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = make_parser()
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def test_every_command_is_registered() -> None:
    assert set(subcommands()) == set(COMMANDS)
    assert {"build", "serve", "check", "stats", "new"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    text = subcommands()[name].format_help()
    assert "example" in text.lower(), f"{name} --help shows no example"
    assert f"python -m timeline {name}" in text or f"timeline {name}" in text


@pytest.mark.parametrize("name", COMMANDS)
def test_help_exits_zero(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([name, "--help"])
    assert exit_.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_help_is_instant_because_spacy_and_the_server_are_not_imported() -> None:
    """Every command starts by making the parser: only what a command runs is imported."""
    code = ("import sys; from timeline.cli.main import make_parser; make_parser(); "
            "print(sorted(m for m in ('spacy', 'http.server', 'jinja2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_top_level_help_lists_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    assert "examples:" in capsys.readouterr().out


def test_path_overrides_and_base_url_reach_the_config(tmp_path: Path) -> None:
    from timeline.cli.main import config_from_args

    args = make_parser().parse_args(["build", "--content", str(tmp_path / "c"), "--output", str(tmp_path / "o"),
                                     "--base-url", "/timeline", "--jobs", "2", "--config", str(tmp_path / "none.yaml")])
    (tmp_path / "none.yaml").write_text("title: T\n")
    cfg = config_from_args(args)
    assert (cfg.paths.content, cfg.paths.output, cfg.base_url) == (tmp_path / "c", tmp_path / "o", "/timeline/")
    assert cfg.paths.store == tmp_path / "c" / "events"


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        make_parser().parse_args(["build", "--jobs", "0"])
    assert exit_.value.code == 2  # argparse's status for a usage error
    assert "must be 1 or more" in capsys.readouterr().err


# --- new -----------------------------------------------------------------------


def test_new_writes_an_article_the_reader_accepts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    assert main(["new", "Scholz: to travel to Kyiv", "--published", "2022-02-14", "--outlet", "Reuters",
                 "--content", str(content), "--folder", "2022/feb"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == content / "2022" / "feb" / "2022-02-14-scholz-to-travel-to-kyiv.md"
    articles, problems = read_content(content)
    assert [a.title for a in articles] == ["Scholz: to travel to Kyiv"]
    assert str(articles[0].published) == "2022-02-14" and articles[0].outlet == "Reuters"
    assert not errors(problems)


def test_new_never_overwrites_or_escapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    argv = ["new", "Same title", "--published", "2022-02-14", "--content", str(content)]
    assert main(argv) == 0
    path = Path(capsys.readouterr().out.strip())
    path.write_text("edited by hand")
    assert main(argv) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_text() == "edited by hand"
    for folder in ("../outside", "/etc", "events"):
        assert main(["new", "x", "--content", str(content), "--folder", folder]) == 2
    assert main(["new", "../../../etc/passwd", "--content", str(content), "--published", "2022-01-01"]) == 0
    created = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert created.parent == content and created.name == "2022-01-01-etc-passwd.md"


# --- stats -------------------------------------------------------------------


def store_with_events(content: Path) -> None:
    def event(n: int, date: str, actors: tuple[str, ...], kind: str, outlet: str | None, hidden: bool = False) -> Event:
        return Event(id=f"e{n}", date=date, precision="day", status="occurred", title=f"Event {n}", summary="",
                     type=kind, actors=tuple(ActorRef(a, "person") for a in actors), hidden=hidden,
                     sources=(Source(article=f"a{n}", title="t", outlet=outlet),))

    save_events(content / "events", [
        event(1, "2022-02-12", ("Joe Biden", "Vladimir Putin"), "call", "AP"),
        event(2, "2022-02-11", ("Jake Sullivan",), "statement", "AP"),
        event(3, "2022-01-30", ("Joe Biden",), "statement", None),
        event(4, "2022-01-02", ("Joe Biden",), "statement", "AP", hidden=True),
    ])


def test_stats_counts_by_month_actor_type_and_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store_with_events(tmp_path)
    assert main(["stats", "--content", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["month"] == {"2022-01": 1, "2022-02": 2}
    assert data["actor"] == {"Joe Biden": 2, "Jake Sullivan": 1, "Vladimir Putin": 1}
    assert data["type"] == {"statement": 2, "call": 1}
    assert data["source"] == {"AP": 2, "a3": 1}
    assert main(["stats", "--content", str(tmp_path), "--by", "actor", "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert "Joe Biden" in out and "Sullivan" not in out and "by month" not in out


def test_the_process_ends_with_its_output_flushed_and_its_status(tmp_path: Path) -> None:
    """The console entry leaves the process without tearing it down: what it printed
    to a pipe must all arrive, and the exit status must be the command's."""
    store_with_events(tmp_path)
    done = subprocess.run([sys.executable, "-m", "timeline", "stats", "--content", str(tmp_path), "--json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["month"] == {"2022-01": 1, "2022-02": 2}
    month = tmp_path / "events" / "2022-02.yaml"
    month.write_text(month.read_text() + "\n  - : [unclosed\n")
    failed = subprocess.run([sys.executable, "-m", "timeline", "check", "--content", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert failed.returncode == 1 and "2022-02.yaml" in failed.stderr
    # A profiler writes its results at exit: the process must then end the usual way.
    profile = tmp_path / "stats.prof"
    profiled = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "timeline", "stats",
                               "--content", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert profiled.returncode == 0 and profile.stat().st_size > 0, profiled.stderr


# --- check -------------------------------------------------------------------


def test_check_passes_a_good_folder_and_fails_a_broken_store(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("timeline.store.registry", reason="the actor registry module has not landed yet")
    store_with_events(tmp_path)
    (tmp_path / "a.md").write_text("---\ntitle: A\npublished: 2022-02-12\n---\nJoe Biden spoke on Saturday.\n")
    assert main(["check", "--content", str(tmp_path)]) == 0
    month = tmp_path / "events" / "2022-02.yaml"
    month.write_text(month.read_text() + "\n  - : [unclosed\n")
    assert main(["check", "--content", str(tmp_path)]) == 1
    assert "2022-02.yaml" in capsys.readouterr().err


def test_check_names_the_config_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "config.yaml").write_text("nlp:\n  batch_size: many\n")
    assert main(["check", "--config", str(tmp_path / "config.yaml")]) == 2
    assert "nlp.batch_size" in capsys.readouterr().err
