"""Benchmark of the build (not a timed test): writes benchmarks/RESULTS.md.

Builds a realistic corpus (real scraped news from ../shared/data/tls-dev, or the
MEANTIME dev set's articles with the example content) and measures, in one run and
side by side:

- bare ``nlp.pipe`` over the same texts, with the same number of processes;
- both ways of parsing in parallel (a pool of forked workers that parse and
  extract, or spaCy's ``n_process`` with extraction in the parent);
- the full build, the rebuild with nothing changed, the rebuild after editing
  one article;
- rendering 100,000 synthetic events;
- peak memory (resident set of the largest process) of each.

Targets: full build ≤ 1.3 × bare nlp.pipe at the same processes;
one-article rebuild ≤ 5 % of the full build; a no-change rebuild parses nothing
and writes no file whose content is unchanged; 100,000 events ≤ 60 s in 2 GB.

    python benchmarks/bench_build.py --articles 700 --words 1000 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT.parent / "shared" / "data" / "meantime-dev.jsonl"
TLS_DEV = ROOT.parent / "shared" / "data" / "tls-dev"  # real scraped collections, read in place, never copied
STORE_PLACES = ("events", "actors.yaml", "sources.yaml")

# Runs a command and reports its wall time and the peak RSS of its largest
# process (children included), from a process of its own so that figures of
# one measurement never leak into the next.
MEASURE = textwrap.dedent("""
    import json, resource, subprocess, sys, time
    start = time.perf_counter()
    done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    print(json.dumps({"rc": done.returncode, "seconds": time.perf_counter() - start,
                      "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                      "stderr": done.stderr[-20000:], "stdout": done.stdout[-4000:]}))
""")

BARE_PIPE = textwrap.dedent("""
    import json, sys, time
    import spacy
    from timeline.config import load_config
    from timeline.sources import read_sources
    cfg = load_config(sys.argv[1])
    articles, _ = read_sources(cfg)
    texts = [a.text for a in articles]
    start = time.perf_counter()
    nlp = spacy.load(cfg.nlp.pipeline)
    loaded = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=cfg.nlp.batch_size, n_process=int(sys.argv[2])))
    end = time.perf_counter()
    print(json.dumps({"load": loaded - start, "pipe": end - loaded, "tokens": words, "articles": len(texts)}))
""")

STRATEGY = textwrap.dedent("""
    import json, sys, time
    from timeline.config import load_config
    from timeline.extract import extract
    from timeline.extract.pipeline import load_pipeline
    from timeline.extract.parallel import parse_extract
    from timeline.sources import read_sources
    cfg = load_config(sys.argv[1])
    articles, _ = read_sources(cfg)
    nlp = load_pipeline(cfg.nlp.pipeline)
    start = time.perf_counter()
    n = sum(1 for _ in parse_extract(articles, nlp, cfg, extract, jobs=int(sys.argv[2]), strategy=sys.argv[3]))
    print(json.dumps({"seconds": time.perf_counter() - start, "articles": n}))
""")

RENDER = textwrap.dedent("""
    import json, random, sys, time
    from timeline.cache import Memo
    from timeline.config import load_config
    from timeline.records import ActorRef, Event, Source
    from timeline.render import Rendered, render_settings, render_site
    cfg = load_config(sys.argv[1])
    rng = random.Random(8)
    actors = [ActorRef(f"Actor {i}", rng.choice(["person", "country", "organisation"])) for i in range(400)]
    events = []
    for i in range(int(sys.argv[2])):
        day = f"{rng.randint(1990, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        events.append(Event(
            id=f"ev-{i:06d}", date=day, precision="day", status="occurred", title=f"Synthetic event {i} <b>&</b>",
            summary=f"Summary of synthetic event {i}, with text that needs escaping: <script>x</script>.",
            type=rng.choice(["meeting", "statement", "call", "attack", "other"]),
            actors=tuple(rng.sample(actors, 2)),
            sources=(Source(article=f"a{i % 5000}", title=f"Article {i % 5000}", published=day,
                            url=f"https://example.org/{i}", quote="A quoted sentence."),)))
    start = time.perf_counter()
    memo = Memo(cfg.paths.cache)
    step = memo.step("render", Rendered, "timeline.render", render_settings(cfg))
    pages = render_site(events, None, [], cfg, search=False, each=step).written
    memo.prune()
    print(json.dumps({"seconds": time.perf_counter() - start, "pages": pages}))
""")


# Rendering alone, on the store the builds left, through the build's cache: again as it is
# (the site is current, so nothing should be made or written), or with one event's title edited.
RERENDER = textwrap.dedent("""
    import dataclasses, json, logging, sys, time
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from timeline.cache import Memo
    from timeline.config import load_config
    from timeline.render import Rendered, render_settings, render_site
    from timeline.sources import read_sources
    from timeline.store.events import load_events
    from timeline.store.registry import load_registry
    cfg = load_config(sys.argv[1])
    articles, _ = read_sources(cfg)
    registry, _ = load_registry(cfg.paths.registry)
    store, _ = load_events(cfg.paths.store)
    events = list(getattr(store, "events", store))
    if sys.argv[2] == "edit":
        events[len(events) // 2] = dataclasses.replace(events[len(events) // 2], title="An edited title")
    start = time.perf_counter()
    memo = Memo(cfg.paths.cache)
    step = memo.step("render", Rendered, "timeline.render", render_settings(cfg))
    pages = render_site(events, registry, articles, cfg, each=step).written
    memo.prune()
    print(json.dumps({"seconds": time.perf_counter() - start, "pages": pages}))
""")


def make_tls_corpus(folder: Path, n: int, words: int) -> None:
    """``n`` articles of the real collections in tls-dev, taken in turn from each collection; an
    article shorter than ``words`` goes on with the collection's next ones (later sections of
    one long report), so that the texts are real news as scraped, of a realistic length."""
    import gzip

    content = folder / "content"
    content.mkdir(parents=True)
    collections = []
    for path in sorted(TLS_DEV.glob("*.articles.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            collections.append((path.name.split(".")[0], [json.loads(line) for line in lines if line.strip()]))
    for k in range(n):
        name, docs = collections[k % len(collections)]
        start = (k // len(collections)) % len(docs)
        doc, parts, follow = docs[start], [docs[start]["text"]], start + 1
        while words and sum(len(p.split()) for p in parts) < words and follow - start < len(docs):
            parts.append(docs[follow % len(docs)]["text"])
            follow += 1
        title = json.dumps(" ".join(doc["text"].split()[:12]))
        (content / f"{name}-{k:05d}.md").write_text(
            f"---\ntitle: {title}\npublished: {doc['published']}\n---\n" + "\n\n".join(parts) + "\n",
            encoding="utf-8")
    (folder / "config.yaml").write_text(
        "title: Benchmark\npaths:\n  content: content\n  output: output\n  cache: cache\n", encoding="utf-8")


def make_corpus(folder: Path, n: int, words: int) -> None:
    """The example content plus dev-set articles of at least ``words`` words, varied so that no two
    texts are the same."""
    content = folder / "content"
    content.mkdir(parents=True)
    examples = ROOT / "content"
    if examples.is_dir():
        for item in examples.iterdir():
            if item.name not in STORE_PLACES and not item.name.startswith("."):
                (shutil.copytree if item.is_dir() else shutil.copy2)(item, content / item.name)
    docs = [json.loads(line) for line in DEV_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    have = sum(1 for p in content.rglob("*") if p.is_file())
    for k in range(max(0, n - have)):
        doc = docs[k % len(docs)]
        round_ = k // len(docs)
        sentences = doc["text"].split(" . ")
        follow = k + 1
        while words and sum(len(s.split()) for s in sentences) < words:
            # Long articles: the following dev-set stories go on as later sections of the same one.
            sentences += docs[follow % len(docs)]["text"].split(" . ")
            follow += 1
        if round_ and len(sentences) > 2:
            # A different sentence left out and a different closing line in each round.
            sentences.pop(round_ % len(sentences))
            sentences.append(f"Reporting for round {round_} by desk {k % 17}")
        body = " . ".join(sentences)
        title = json.dumps(f"{doc['title'].split('_', 1)[-1].replace('_', ' ')} ({round_})")
        url = doc["url"] + (f"?copy={round_}" if round_ else "")  # the reader reads one article per URL
        # Three dev-set documents have no ISO date: they stay undated, as an article may.
        dated = f"published: {doc['dct']}\n" if re.fullmatch(r"\d{4}-\d\d-\d\d", str(doc["dct"])) else ""
        (content / f"dev-{k:05d}.md").write_text(
            f"---\ntitle: {title}\n{dated}url: {json.dumps(url)}\n---\n{body}\n",
            encoding="utf-8")
    (folder / "config.yaml").write_text(
        "title: Benchmark\npaths:\n  content: content\n  output: output\n  cache: cache\n", encoding="utf-8")


def measure(*command: str) -> dict:
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["rc"] not in (0, 1):  # 1: some article had an error; the build still went through
        raise SystemExit(f"{' '.join(command)} failed:\n{result['stderr']}")
    return result


def python_json(script: str, *args: str) -> tuple[dict, dict]:
    run = measure(sys.executable, "-c", script, *args)
    lines = run["stdout"].strip().splitlines()
    if run["rc"] != 0 or not lines:  # a script, unlike a build, has no errors it may go on with
        raise SystemExit(f"benchmark script failed:\n{run['stderr']}")
    return json.loads(lines[-1]), run


def snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_mtime_ns, p.stat().st_ino)
            for folder in folders for p in folder.rglob("*") if p.is_file()}


def build(folder: Path, jobs: int, *extra: str) -> dict:
    return measure(sys.executable, "-m", "timeline", "build", "--config", str(folder / "config.yaml"),
                   "--jobs", str(jobs), *extra)


def parsed_count(run: dict) -> str:
    """``N parsed, M from cache; stages: read …; render: …`` from the build's log and closing summary."""

    found = re.search(r"\((\d+) parsed, (\d+) from cache\)", run["stderr"])
    stages = re.search(r"^time: (.*)$", run["stderr"], re.M)
    counted = f"{found.group(1)} parsed, {found.group(2)} from cache" if found else "?"
    return counted + (f"; stages: {stages.group(1)}" if stages else "") + "".join(f"; {x}" for x in rendering(run))


def rendering(run: dict) -> list[str]:
    """What rendering did, from its log: nothing, or how many files it wrote, and how many search shards it indexed."""
    return re.findall(r"^((?:render|search): (?:site unchanged|\d+ files|\d+ of).*)$", run["stderr"], re.M)


def different_files(one: Path, other: Path) -> list[str]:
    """Relative paths of the files that only one folder has or that differ in bytes."""
    files = [{str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} for root in (one, other)]
    return sorted(name for name in files[0] | files[1]
                  if name not in files[0] or name not in files[1]
                  or (one / name).read_bytes() != (other / name).read_bytes())


def changed_files(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> list[str]:
    """Files created, removed or rewritten (a new inode or modification time) between two snapshots."""
    return sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=700)
    parser.add_argument("--corpus", choices=("tls", "meantime"), default="tls",
                        help="real scraped collections of ../shared/data/tls-dev (default), or the MEANTIME dev set")
    parser.add_argument("--words", type=int, default=1000,
                        help="least words per dev-set article (0: each as it is, about 335 words)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--no-strategies", action="store_true",
                        help="leave out the comparison of the two ways of parsing in parallel")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args()
    args.results = args.results.resolve()  # the runs below work in the scratch folder
    rows = Rows()

    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as tmp:
        folder = Path(tmp)
        # A copy of the code: the cache key hashes the extractor's source, so an
        # edit in the checkout during the run would otherwise turn hits into misses.
        for part in ("timeline", "site_templates"):
            shutil.copytree(ROOT / part, folder / "code" / part, ignore=shutil.ignore_patterns("__pycache__"))
        os.environ["PYTHONPATH"] = os.pathsep.join([str(folder / "code"), os.environ.get("PYTHONPATH", "")])
        os.chdir(folder)  # ``python -m`` looks in the working folder first: there, only the copy is found
        # Builds run as on a maintainer's machine, with Python's bytecode cache: an
        # environment that turns it off makes every run compile the package anew.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        (make_tls_corpus if args.corpus == "tls" else make_corpus)(folder, args.articles, args.words)
        cfg = str(folder / "config.yaml")

        bare, bare_run = python_json(BARE_PIPE, cfg, str(args.jobs))
        n, tokens = bare["articles"], bare["tokens"]
        rows.append((f"bare nlp.pipe, n_process={args.jobs}", f"{bare['pipe']:.1f} s (+{bare['load']:.1f} s load)",
                     f"{bare_run['peak_mb']:.0f} MB",
                     f"{n} articles, {tokens} tokens, {tokens / bare['pipe']:.0f} tokens/s"))
        strategies = {}
        for strategy in () if args.no_strategies else ("pool", "spacy"):
            result, run = python_json(STRATEGY, cfg, str(args.jobs), strategy)
            strategies[strategy] = result["seconds"]
            rows.append((f"parse + extract, {strategy} strategy, jobs={args.jobs}", f"{result['seconds']:.1f} s",
                         f"{run['peak_mb']:.0f} MB", f"{result['seconds'] / bare['pipe']:.2f} × bare pipe"))

        full = build(folder, args.jobs, "--clean")
        ratio = full["seconds"] / (bare["pipe"] + bare["load"])
        rows.append((f"full build (--clean), jobs={args.jobs}", f"{full['seconds']:.1f} s", f"{full['peak_mb']:.0f} MB",
                     f"{ratio:.2f} × bare pipe incl. load (target ≤ 1.3); {parsed_count(full)}"))

        watched = (folder / "content", folder / "output")
        before = snapshot(*watched)
        again = build(folder, args.jobs)
        after = snapshot(*watched)
        rewritten = changed_files(before, after)
        rows.append(("no-change rebuild", f"{again['seconds']:.2f} s", f"{again['peak_mb']:.0f} MB",
                     f"{parsed_count(again)}; files written: {len(rewritten)} (target 0)"))

        # Three rebuilds, each after editing another article: one run is at the mercy of
        # whatever else the machine does, so the middle one is reported, with all three.
        dev = sorted((folder / "content").glob("*-0*.md"))
        singles = []
        for k, day in enumerate(("Monday", "Tuesday", "Wednesday")):
            one = dev[(len(before) + 17 * k) % len(dev)]
            one.write_text(one.read_text(encoding="utf-8") + f"\nThe ministry confirmed the figures on {day} .\n",
                           encoding="utf-8")
            if k == 2:
                twin = folder / "twin"  # the same input, to be built from scratch
                shutil.copytree(folder / "content", twin / "content")
                shutil.copy(folder / "config.yaml", twin / "config.yaml")
            before = snapshot(*watched)
            run = build(folder, args.jobs)
            singles.append((run["seconds"], run, changed_files(before, snapshot(*watched))))
        _, single, written = sorted(singles, key=lambda s: s[0])[1]
        site_files = sum(1 for p in after if "/output/" in p)
        runs = ", ".join(f"{s[0]:.2f}" for s in singles)
        rows.append(("one-article rebuild (middle of 3, each editing another article)", f"{single['seconds']:.2f} s",
                     f"{single['peak_mb']:.0f} MB",
                     f"{100 * single['seconds'] / full['seconds']:.1f} % of full build (target ≤ 5 %); runs: {runs} s; "
                     f"{parsed_count(single)}; files written: {len(written)} of {site_files} in the site"))
        build(twin, args.jobs, "--clean")
        differ = [name for part in ("content", "output")
                  for name in different_files(folder / part, twin / part)]
        rows.append(("one-article rebuild vs --clean build of the same input", "identical" if not differ else
                     "DIFFERENT", "", f"store, registry and site compared file by file; "
                     f"{len(differ)} differ{': ' + ', '.join(differ[:5]) if differ else ''}"))
        shutil.rmtree(twin)

        output = (folder / "output",)
        # Once first: the store as saved and reloaded may differ from what the build rendered in memory.
        python_json(RERENDER, cfg, "same")
        for label, mode in (("render only, store unchanged", "same"), ("render only, one event edited", "edit")):
            before = snapshot(*output)
            result, run = python_json(RERENDER, cfg, mode)
            written = changed_files(before, snapshot(*output))
            rows.append((label, f"{result['seconds']:.2f} s", f"{run['peak_mb']:.0f} MB",
                         f"{result['pages']} pages rendered; site files written: {len(written)}"
                         f" of {len(before)}; " + "; ".join(rendering(run))))

        if args.events:  # --events 0: leave the long render out (benchmarks/bench_render.py measures it too)
            render_folder = folder / "render"
            render_folder.mkdir()
            (render_folder / "config.yaml").write_text("title: Render benchmark\n", encoding="utf-8")
            try:
                rendered, render_run = python_json(RENDER, str(render_folder / "config.yaml"), str(args.events))
            except SystemExit as failed:  # keep the figures measured so far
                rows.append((f"render {args.events:,} synthetic events", "failed", "", str(failed)[-300:]))
            else:
                rows.append((f"render {args.events:,} synthetic events", f"{rendered['seconds']:.1f} s",
                             f"{render_run['peak_mb']:.0f} MB",
                             f"{rendered['pages']} pages (target ≤ 60 s, ≤ 2048 MB)"))

    write_results(args, rows, rewritten[:10], strategies)


class Rows(list[tuple[str, str, str, str]]):
    """The table so far, each row shown as soon as it is measured: a run that fails late loses nothing."""

    def append(self, row: tuple[str, str, str, str]) -> None:
        super().append(row)
        print(" | ".join(row), flush=True)


def write_results(args: argparse.Namespace, rows: list[tuple[str, str, str, str]], rewritten: list[str],
                  strategies: dict[str, float]) -> None:
    import spacy

    sys.path.insert(0, str(ROOT))
    from timeline.extract.parallel import DEFAULT_STRATEGY

    machine = (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
               f"{_memory_gb():.0f} GB RAM, {platform.system()} {platform.release()}, "
               f"Python {platform.python_version()}, spaCy {spacy.__version__}")
    lines = [
        "# Build benchmark", "",
        f"Run `python benchmarks/bench_build.py --corpus {args.corpus} --articles {args.articles} "
        f"--words {args.words} --jobs {args.jobs}` "
        f"on {time.strftime('%Y-%m-%d')}.", "",
        f"Machine: {machine}. Load average when the run ended: {os.getloadavg()[0]:.1f} "
        "(other work shared the cores, so the times carry that noise).", "",
        "| measurement | time | peak memory | notes |", "| --- | --- | --- | --- |",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows), "",
    ]
    if strategies:
        lines += [_strategies_line(strategies, min(strategies, key=strategies.__getitem__), DEFAULT_STRATEGY), ""]
    if rewritten:
        lines += ["Files the no-change rebuild rewrote (first 10):", "",
                  *(f"- `{Path(p).name}`" for p in rewritten), ""]
    args.results.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


def _strategies_line(strategies: dict[str, float], faster: str, default: str) -> str:
    times = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in strategies.items())
    # Within a percent, one run cannot tell the two apart on a machine shared with other work.
    tie = max(strategies.values()) <= 1.01 * min(strategies.values())
    verdict = "the strategies tie here (within 1 %)" if tie else f"faster strategy here: **{faster}**"
    return (f"Parse + extract ({times}): {verdict}; the build uses **{default}** "
            "(`DEFAULT_STRATEGY` in timeline/extract/parallel.py).")


def _memory_gb() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        return 0.0


if __name__ == "__main__":
    main()
