"""Extraction on a Dask cluster against the local build (a measurement, not a test).

Builds the same corpus of real scraped articles (../shared/data/tls-dev, as
bench_build.py makes it) four ways, each clean: the local build with 2
processes, then ``--cluster local:1`` and ``--cluster local:2`` (a LocalCluster
of 1 and 2 worker processes started by the build), and checks that the Dask
build's store and site are byte-identical to the local one. Also times Dask's
own cost per task (empty tasks on 2 workers).

Prints, per build: wall seconds, the extract stage's seconds, the cluster's
throughput once its workers are up (from the build's log), and the load
average beside each figure: the machine is shared, so figures vary.
Bars: 2 workers ≥ 1.8 × the throughput of 1; the Dask build on 2 workers
≤ 1.10 × the wall time of the local 2-process build.

    python benchmarks/bench_cluster.py [--articles 400] [--words 1000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_build import build, different_files, make_tls_corpus  # noqa: E402


def load() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def checked(run: dict) -> dict:
    """The run, or the end of what it said when it did not get to its closing summary."""
    if not re.search(r"^time: ", run["stderr"], re.M):
        raise SystemExit(f"the build did not finish (status {run['rc']}):\n{run['stderr'][-3000:]}")
    return run


def fresh(folder: Path) -> Path:
    """``folder`` without the store, registry and change log an earlier build wrote: every build
    starts from the articles."""
    content = folder / "content"
    shutil.rmtree(content / "events", ignore_errors=True)
    (content / "actors.yaml").unlink(missing_ok=True)
    (content / "changes.yaml").unlink(missing_ok=True)
    return folder


def stage(run: dict, name: str) -> float:
    found = re.search(rf"^time: .*?\b{name} ([\d.]+)s", run["stderr"], re.M)
    return float(found.group(1)) if found else float("nan")


def cluster_rate(run: dict) -> tuple[float, float]:
    """Seconds from the first task sent to the last result, and articles a second, from the build's log."""
    found = re.search(r"tasks done in ([\d.]+) s on the cluster \(([\d.]+) articles/s\)", run["stderr"])
    return (float(found.group(1)), float(found.group(2))) if found else (float("nan"), float("nan"))


def task_overhead(tasks: int = 400) -> float:
    """Milliseconds of Dask's own work per task: empty tasks through a scheduler and 2 worker processes."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster) as client:
        client.gather(client.map(abs, range(-20, 0), pure=False))  # connections made
        start = time.perf_counter()
        client.gather(client.map(abs, range(-tasks, 0), pure=False))
        return (time.perf_counter() - start) / tasks * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1, help="builds of each kind, to see the spread")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    try:
        make_tls_corpus(folder, args.articles, args.words)
        print(f"{args.articles} real articles of about {args.words} words or more; {os.cpu_count()} cores; {load()}")
        print(f"Dask task overhead: {task_overhead():.2f} ms a task (empty tasks, 2 workers); {load()}", flush=True)
        output, store = folder / "output", folder / "content" / "events"
        local_walls: list[float] = []
        dask_walls: list[float] = []
        rates: dict[int, list[float]] = {1: [], 2: []}
        extracts: dict[int, list[float]] = {1: [], 2: []}
        for round_ in range(args.repeat):
            run = checked(build(fresh(folder), 2, "--clean"))
            local_walls.append(run["seconds"])
            print(f"[{round_}] local, 2 processes: {run['seconds']:.1f} s wall, extract {stage(run, 'extract'):.1f} s "
                  f"({args.articles / stage(run, 'extract'):.2f} articles/s), peak {run['peak_mb']:.0f} MB; {load()}",
                  flush=True)
            shutil.rmtree(folder / "local-output", ignore_errors=True)
            shutil.rmtree(folder / "local-events", ignore_errors=True)
            shutil.copytree(output, folder / "local-output")
            shutil.copytree(store, folder / "local-events")
            shutil.copy2(folder / "content" / "actors.yaml", folder / "local-events" / "actors.yaml")
            for workers in (1, 2):
                run = checked(build(fresh(folder), 2, "--clean", "--cluster", f"local:{workers}"))
                seconds, rate = cluster_rate(run)
                rates[workers].append(rate)
                extracts[workers].append(stage(run, "extract"))
                if workers == 2:
                    dask_walls.append(run["seconds"])
                print(f"[{round_}] Dask, local:{workers}: {run['seconds']:.1f} s wall, extract "
                      f"{stage(run, 'extract'):.1f} s, of which tasks {seconds:.1f} s ({rate:.2f} articles/s), "
                      f"peak {run['peak_mb']:.0f} MB (largest process); {load()}", flush=True)
            shutil.copy2(folder / "content" / "actors.yaml", store / "actors.yaml")
            differ = different_files(folder / "local-output", output) + different_files(folder / "local-events", store)
            print(f"[{round_}] Dask build vs local build: {len(differ)} files differ {differ[:5]}", flush=True)
        best_local, best_dask = min(local_walls), min(dask_walls)
        speedup = max(rates[2]) / max(rates[1])
        staged = min(extracts[1]) / min(extracts[2])
        print(f"throughput 2 workers / 1 worker: {speedup:.2f} × once the workers are up, {staged:.2f} × over the "
              f"extract stage with the cluster's start (bar ≥ 1.8; best of {args.repeat})")
        print(f"Dask on 2 workers / local 2 processes, wall: {best_dask / best_local:.2f} × "
              f"({best_dask:.1f} s vs {best_local:.1f} s; bar ≤ 1.10; best of {args.repeat}); {load()}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
