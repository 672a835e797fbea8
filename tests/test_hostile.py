"""A hostile corpus goes through the whole build: nothing escapes into the site or outside output/."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import subprocess_env, write_files

NESTED = "[" * 5000 + "]" * 5000
LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))

GOOD = "Joe Biden spoke with Vladimir Putin on Saturday for an hour, the White House said.\n"

HOSTILE: dict[str, bytes | str] = {
    # Markup and script in every field a page shows.
    "script.md": ("---\ntitle: \"<script>alert('title')</script> Talks\"\npublished: 2022-02-12\n"
                  "url: \"javascript:alert('url')\"\noutlet: \"<img src=x onerror=alert('outlet')>\"\n---\n"
                  "<script>alert('body')</script> Joe Biden met <b onclick=\"alert('b')\">Olaf Scholz</b> on Friday. "
                  "[click](javascript:alert('link')) <a href=\"javascript:alert('a')\">here</a>\n"),
    "page.html": ("<html><head><title>Page <script>alert('h')</script></title>"
                  "<meta name=\"date\" content=\"2022-02-12\"></head><body><article><h1>Headline</h1>"
                  "<p>Vladimir Putin spoke on Saturday.<script>alert('html')</script>"
                  "<a href=\"javascript:alert('x')\">x</a><iframe src=\"javascript:alert(1)\"></iframe></p>"
                  "</article></body></html>"),
    # Names that try to leave the content or output folder.
    "..md": "---\ntitle: ../../../../tmp/escaped\npublished: 2022-02-12\n---\n" + GOOD,
    "-rf.md": "---\ntitle: \"/etc/passwd\"\npublished: 2022-02-12\nid: ../../../outside\n---\n" + GOOD,
    "sub/..../%2e%2e%2fx.md": "---\ntitle: \"..\\\\..\\\\windows\"\npublished: 2022-02-12\n---\n" + GOOD,
    # Sizes and shapes that exhaust naive readers.
    "gigantic-line.md": "---\ntitle: Long\npublished: 2022-02-12\n---\n" + ("Putin spoke. " * 250_000),
    "nested.md": f"---\ntitle: Nested\npublished: 2022-02-12\ntags: {NESTED}\n---\n" + GOOD,
    "laughs.md": f"---\n{LAUGHS}title: Laughs\npublished: 2022-02-12\n---\n" + GOOD,
    "nul.md": b"---\ntitle: Nul\x00\npublished: 2022-02-12\n---\nJoe\x00 Biden spoke on Saturday.\x00\n",
    "nul.txt": b"Headline\x00\n\x00\x00\x00" + GOOD.encode(),
    "binary.txt": bytes(range(256)) * 40,
    "bad-utf8.md": b"---\ntitle: Bad\npublished: 2022-02-12\n---\n\xff\xfe\xfa Joe Biden spoke.\n",
    # One ordinary article, to show the rest still builds.
    "good.md": "---\ntitle: Biden and Putin talk\npublished: 2022-02-12\n---\n" + GOOD,
}
# Store and registry files broken on purpose, written after the first build: reported, kept as
# they are, and the build stops before writing anything, the site of the first build left live.
BROKEN_STORE: dict[str, bytes | str] = {
    "events/2022-01.yaml": f"{LAUGHS}",
    "events/2022-03.yaml": NESTED,
    "events/2022-04.yaml": b"- id: x\x00\n",
    "actors.yaml": f"{LAUGHS}",
}

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}


class ActiveContent(HTMLParser):
    """Collects what a browser would run: handlers, script URLs, frames, inline scripts from articles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed", "base"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            plain = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in URL_ATTRS and plain.startswith(("javascript:", "vbscript:", "data:text/html")):
                self.found.append(f"{tag} {name}={value}")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.found.append(f"<script>{data[:60]}")


def listing(sandbox: Path, root: Path) -> dict[str, float]:
    """Everything in the sandbox but the timeline's own folder, with modification times."""
    return {str(p): p.lstat().st_mtime for p in sandbox.rglob("*") if root not in p.parents and p != root}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str], dict[str, float]]:
    sandbox = tmp_path_factory.mktemp("hostile")
    (sandbox / "neighbour.txt").write_text("must stay as it is")
    root = sandbox / "timeline"
    content = root / "content"
    write_files(content, HOSTILE)
    (root / "config.yaml").write_text("title: \"<script>alert('config')</script>\"\npaths:\n  cache: cache\n")
    before = listing(sandbox, root)
    command = [sys.executable, "-m", "timeline", "build", "--config", str(root / "config.yaml"), "--jobs", "2"]
    done = subprocess.run(command, capture_output=True, text=True, env=subprocess_env(), cwd=root, timeout=600)
    return root, done, before


def test_the_build_goes_through_and_reports_without_a_traceback(built) -> None:  # type: ignore[no-untyped-def]
    root, done, _ = built
    assert done.returncode == 1, done.stderr  # errors reported, build finished
    assert "Traceback" not in done.stderr
    assert (root / "output" / "index.html").is_file()
    for name in ("nested.md", "laughs.md", "nul.md", "binary.txt"):
        assert name in done.stderr, f"{name} not reported"


def test_a_broken_store_stops_the_next_build_and_keeps_files_and_site(built) -> None:  # type: ignore[no-untyped-def]
    root, _, _ = built
    site = {p: p.read_bytes() for p in (root / "output").rglob("*") if p.is_file()}
    write_files(root / "content", BROKEN_STORE)
    command = [sys.executable, "-m", "timeline", "build", "--config", str(root / "config.yaml"), "--jobs", "2"]
    done = subprocess.run(command, capture_output=True, text=True, env=subprocess_env(), cwd=root, timeout=600)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "stopped before writing" in done.stderr
    for name, data in BROKEN_STORE.items():
        assert name.split("/")[-1] in done.stderr, f"{name} not reported"
        assert (root / "content" / name).read_bytes() == (data if isinstance(data, bytes) else data.encode())
    assert {p: p.read_bytes() for p in (root / "output").rglob("*") if p.is_file()} == site
    for name in BROKEN_STORE:  # the next tests see the site of the first build
        (root / "content" / name).unlink()


def test_nothing_is_written_outside_the_build_folders(built) -> None:  # type: ignore[no-untyped-def]
    root, _, before = built
    assert listing(root.parent, root) == before
    for name in ("escaped", "outside", "passwd", "windows"):  # what the hostile names aim at
        assert not list(Path("/tmp").glob(f"{name}*")) or name == "passwd", name
    allowed = [root / "output", root / "cache", root / "content", root / "config.yaml"]
    for path in root.rglob("*"):
        assert any(path == a or a in path.parents for a in allowed), f"written outside: {path}"
        assert not path.is_symlink()
    written_in_content = {p.relative_to(root / "content").as_posix() for p in (root / "content").rglob("*")
                          if p.is_file()} - set(HOSTILE)
    store_files = ("actors.yaml", "changes.yaml", ".timeline.lock")
    assert all(n.startswith("events/") or n in store_files for n in written_in_content), written_in_content


def test_no_script_or_javascript_url_reaches_the_site(built) -> None:  # type: ignore[no-untyped-def]
    root, _, _ = built
    output = root / "output"
    checked = 0
    for path in output.rglob("*"):
        if path.suffix not in (".html", ".xml", ".atom", ".svg"):  # .ics is plain text, never rendered as markup
            continue
        checker = ActiveContent()
        checker.feed(path.read_text(encoding="utf-8"))
        checked += 1
        assert not checker.found, f"{path.relative_to(output)}: {checker.found}"
    assert checked > 3
    # The hostile title is on the site, as text.
    assert "&lt;script&gt;alert(" in (output / "index.html").read_text(encoding="utf-8")


def test_page_names_stay_inside_output(built) -> None:  # type: ignore[no-untyped-def]
    root, _, _ = built
    output = (root / "output").resolve()
    for path in output.rglob("*"):
        assert path.resolve().is_relative_to(output)
        assert ".." not in path.relative_to(output).parts
