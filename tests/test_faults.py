"""The fault matrix: a build killed (SIGKILL) in each stage, a full disk and a read-only output folder.

Each fault is made inside a real build in a child process, where the test puts it: the build is then
killed, or a write fails, at a known point. Whatever happens, the store stays valid with every hand
edit (a hidden event stays hidden, a curated title stays), the live site stays whole and the same,
and the next build puts everything right. The README's fault table lists these with the bad inputs
tested elsewhere (test_sources_input, test_hostile, test_store_truth, test_lock, test_kill).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from test_kill import assert_site_complete, assert_store_valid

from conftest import subprocess_env, write_files

ARTICLES = {
    "2022-02-12-call.txt": "Biden and Putin talk\n\nJoe Biden spoke with Vladimir Putin by phone on Saturday, "
                           "the White House said.\n",
    "2022-02-14-visit.md": "---\ntitle: Scholz in Kyiv\npublished: 2022-02-14\n---\nOlaf Scholz met Volodymyr "
                           "Zelenskyy in Kyiv on Monday.\n",
    "2022-03-01-summit.md": "---\ntitle: Summit in Brussels\npublished: 2022-03-01\n---\nNATO leaders met in "
                            "Brussels on Tuesday, Jens Stoltenberg said.\n",
}
CURATED = "A title the desk wrote"

# Put into the child before the build runs: ``{fault}`` is one of FAULTS.
CHILD = """
import errno, os, signal, sys
def die():
    os.kill(os.getpid(), signal.SIGKILL)
{fault}
from timeline.cli.main import main
sys.exit(main(sys.argv[1:]))
"""

FAULTS = {
    "kill while parsing": """
from timeline.cache import progress
advance = progress.Progress.advance
def dying(self, n=1, item=None):
    advance(self, n, item)
    if self.label == "parse":
        die()
progress.Progress.advance = dying
""",
    "kill while merging": """
import timeline.build
timeline.build.merge = lambda *args, **kwargs: die()
""",
    "kill while writing the store": """
from timeline.store import yamlio
replace = os.replace
def dying(source, target):
    if str(target).endswith(".yaml") and os.sep + "events" + os.sep in str(target):
        die()  # a month's file written aside, not yet renamed into place
    replace(source, target)
yamlio.os.replace = dying
""",
    "kill while rendering": """
from timeline.render import output
write, made = output.SiteWriter.write, []
def dying(self, site_path, data):
    write(self, site_path, data)
    made.append(site_path)
    if len(made) == 12:
        die()
output.SiteWriter.write = dying
""",
    "kill while indexing for search": """
from timeline.render import shards
start = shards.Indexer._start
def dying(self, site, shard):
    started = start(self, site, shard)
    die()
shards.Indexer._start = dying
""",
    "full disk writing the store": """
from timeline.store import yamlio
fsync = os.fsync
def full(fd):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
yamlio.os.fsync = full
""",
    "full disk writing the site": """
from timeline.render import output
write = output.SiteWriter.write
def full(self, site_path, data):
    if site_path.startswith("events/"):
        real = os.write
        os.write = lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
        try:
            return write(self, site_path, data)
        finally:
            os.write = real
    return write(self, site_path, data)
output.SiteWriter.write = full
""",
    "read-only output folder": """
from timeline.render import output
output._exchange = lambda first, second: False
replace = os.replace
def read_only(source, target):
    if os.path.basename(str(source)) == "output":
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(source))
    replace(source, target)
output.os.replace = read_only
""",
}


def run(root: Path, fault: str | None = None) -> subprocess.CompletedProcess[str]:
    script = CHILD.format(fault=FAULTS[fault] if fault else "")
    return subprocess.run([sys.executable, "-c", script, "build", "--config", str(root / "config.yaml"),
                           "--jobs", "1"], capture_output=True, text=True, env=subprocess_env(), cwd=root,
                          timeout=600)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def shown_titles(root: Path) -> dict[str, str]:
    data = json.loads((root / "output" / "events.json").read_text(encoding="utf-8"))
    return {e["id"]: e["title"] for e in data["events"]}


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A timeline built once, then edited by hand (one event hidden, one retitled) and built again."""
    root = tmp_path_factory.mktemp("faults")
    write_files(root / "content", ARTICLES)
    (root / "config.yaml").write_text("title: Faults\npaths:\n  cache: cache\nbuild:\n  build_date: 2022-03-02\n")
    assert run(root).returncode == 0
    store = root / "content" / "events" / "2022-02.yaml"
    events = yaml.safe_load(store.read_text(encoding="utf-8"))
    hidden, retitled = events[0]["id"], events[-1]["id"]
    text = store.read_text(encoding="utf-8").replace(f"- id: {hidden}\n", f"- id: {hidden}\n  hidden: true\n", 1)
    head, _, tail = text.partition(f"- id: {retitled}\n")
    store.write_text(head + f"- id: {retitled}\n" + re.sub(r"(?m)^  title: .*$", f"  title: {CURATED}", tail,
                                                              count=1), encoding="utf-8")
    done = run(root)
    assert done.returncode == 0, done.stderr
    return root, hidden, retitled


def assert_edits_kept(root: Path, hidden: str, retitled: str) -> None:
    events = {e["id"]: e for e in yaml.safe_load((root / "content" / "events" / "2022-02.yaml").read_text())}
    assert events[hidden].get("hidden") is True
    assert events[retitled]["title"] == CURATED


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_fault_loses_nothing_and_the_next_build_recovers(edited, fault: str) -> None:  # type: ignore[no-untyped-def]
    root, hidden, retitled = edited
    article = root / "content" / "2022-02-14-visit.md"
    article.write_text(ARTICLES["2022-02-14-visit.md"] + f"He will fly to Moscow on Tuesday ({fault}).\n",
                       encoding="utf-8")
    site = snapshot(root / "output")
    done = run(root, fault)
    if fault.startswith("kill"):
        assert done.returncode == -9, done.stderr
    else:  # one clear line naming what could not be written, no traceback
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert re.search(r"timeline: error: \S+: (No space left on device|Read-only file system)", done.stderr)
    assert_store_valid(root / "content")
    assert_edits_kept(root, hidden, retitled)
    assert snapshot(root / "output") == site  # the live site: whole, and the one before
    assert_site_complete(root / "output")

    again = run(root)
    assert again.returncode == 0, again.stderr
    assert_edits_kept(root, hidden, retitled)
    shown = shown_titles(root)
    assert hidden not in shown and shown[retitled] == CURATED
    assert snapshot(root / "output") != site  # the edited article reached the site
    assert_site_complete(root / "output")


NOBODY = 65534


def test_a_read_only_output_folder_for_real() -> None:
    """The output folder made read-only by its mode. Root ignores modes: run as root, the builds
    run as the user nobody, in a folder of theirs."""
    as_user: dict[str, object] = {}
    base = Path(tempfile.mkdtemp(prefix="timeline-read-only-"))
    try:
        if os.geteuid() == 0:
            base.chmod(0o755)

            def drop() -> None:
                os.setgid(NOBODY)
                os.setuid(NOBODY)

            as_user = {"preexec_fn": drop}
        root = base / "timeline"
        write_files(root / "content", ARTICLES)
        (root / "config.yaml").write_text("title: Read-only\npaths:\n  cache: cache\n")
        if as_user:
            for path in [root, *root.rglob("*")]:
                os.chown(path, NOBODY, NOBODY)
        env = dict(subprocess_env(), HOME=str(base))
        build = [sys.executable, "-m", "timeline", "build", "--config", str(root / "config.yaml"), "--jobs", "1"]
        try:
            first = subprocess.run(build, capture_output=True, text=True, env=env, cwd=root, timeout=600,
                                   **as_user)  # type: ignore[call-overload]
        except PermissionError as exc:
            pytest.skip(f"the user nobody cannot run this Python ({exc}); the simulated test above stands")
        if first.returncode != 0 and as_user:
            pytest.skip(f"cannot build as the user nobody here: {first.stderr[-300:]}")
        assert first.returncode == 0, first.stderr
        output = root / "output"
        site = snapshot(output)
        (root / "content" / "2022-02-14-visit.md").write_text(
            ARTICLES["2022-02-14-visit.md"] + "He will fly to Moscow on Tuesday.\n", encoding="utf-8")
        output.chmod(0o555)
        done = subprocess.run(build, capture_output=True, text=True, env=env, cwd=root, timeout=600,
                              **as_user)  # type: ignore[call-overload]
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert re.search(r"timeline: error: \S*output\S*: Permission denied", done.stderr), done.stderr
        assert snapshot(output) == site
        assert_store_valid(root / "content")
        output.chmod(0o755)
        again = subprocess.run(build, capture_output=True, text=True, env=env, cwd=root, timeout=600,
                               **as_user)  # type: ignore[call-overload]
        assert again.returncode == 0, again.stderr
        assert snapshot(output) != site
    finally:
        shutil.rmtree(base, ignore_errors=True)
