"""``timeline serve``: build, serve the site locally, rebuild on changes, reload the open page."""

from __future__ import annotations

import argparse
import sys
import threading

from timeline.cli.build import add_build_options, with_cluster

HELP = """Build, then serve the site folder on http://127.0.0.1:8000/ and rebuild
whenever an article, the configuration or a template changes; the page open
in the browser reloads itself after each rebuild. Serves only the site folder,
and only to this machine unless --host says otherwise.

example:
  python -m timeline serve --port 8001
"""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("serve", parents=[common], help="build, serve locally and rebuild on changes",
                            description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_build_options(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    parser.add_argument("--no-watch", action="store_true", help="serve without rebuilding on changes")
    parser.set_defaults(func=run, wait=600.0)


def run(args: argparse.Namespace) -> int:
    from timeline.build import build
    from timeline.cli.main import config_from_args
    from timeline.cli.report import print_summary
    from timeline.cli.server import LiveSite, make_server, watch, watched_files
    from timeline.extract import ready_pipeline

    cfg = with_cluster(config_from_args(args), args.cluster)
    site = LiveSite(cfg.paths.output)

    def rebuild(clean: bool = False) -> None:
        nonlocal cfg
        try:
            cfg = with_cluster(config_from_args(args), args.cluster)  # the configuration may be what changed
            summary = build(cfg, clean=clean, jobs=args.jobs, wait=args.wait, last_good=args.last_good)
        except Exception as exc:  # noqa: BLE001 - a bad edit must not stop the server
            print(f"timeline: rebuild failed: {exc}", file=sys.stderr)
            return
        print_summary(summary, quiet=args.quiet)
        site.rebuilt()

    rebuild(clean=args.clean)
    # Before the watch starts, so that no rebuild forks while the pipeline is half loaded.
    ready_pipeline(cfg)
    cfg.paths.output.mkdir(parents=True, exist_ok=True)
    server = make_server(site, args.host, args.port)
    stop = threading.Event()
    if not args.no_watch:
        threading.Thread(target=watch, args=(lambda: watched_files(cfg), rebuild, stop), daemon=True).start()
    host, port = server.socket.getsockname()[:2]  # the bound address, as server_address holds it (port 0 picks one)
    print(f"serving {cfg.paths.output} on http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        server.serve_forever()
    finally:
        stop.set()
        server.server_close()
    return 0

